/* rifq-test-ui.h: checks shared by the window tests (under Xvfb)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-application.h"
#include "rifq-test-util.h"
#include "rifq-window.h"

/* A context as the application makes it: the store and this workstation's settings. */
static inline RifqContext *
rifq_test_context_new (RifqDb *db)
{
  g_autoptr(GSettings) settings = rifq_ui_settings_new ();

  return rifq_context_new (db, settings);
}

/* A window on db, as the application opens it. */
static inline RifqWindow *
rifq_test_window_new (RifqDb *db)
{
  g_autoptr(RifqContext) context = rifq_test_context_new (db);

  return rifq_window_new (NULL, context);
}

static inline void
rifq_test_collect_type (GtkWidget *widget,
                        GType      type,
                        GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      else
        rifq_test_collect_type (child, type, found);
    }
}

/* The titles of the window's sections, as its sidebar lists them. */
static inline GPtrArray *
rifq_test_sidebar_titles (RifqWindow *window)
{
  GObject *sidebar = gtk_widget_get_template_child (GTK_WIDGET (window), RIFQ_TYPE_WINDOW, "sidebar");
  GPtrArray *titles = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i)) != NULL; i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      rifq_test_collect_type (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
      g_assert_cmpuint (labels->len, ==, 1);
      g_ptr_array_add (titles, (gpointer) gtk_label_get_text (g_ptr_array_index (labels, 0)));
    }
  return titles;
}

/* Opens the shortcuts window from window and checks that every shortcut in it, search results
 * included, draws its keys: a non-empty accelerator, shown as key caps. */
static inline void
rifq_test_assert_shortcuts_show_keys (RifqWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  GtkWidget *shortcuts_window = rifq_window_show_page (window, "shortcuts", &error);
  guint with_action = 0;

  g_assert_no_error (error);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts_window));
  rifq_test_spin (200);
  rifq_test_collect_type (shortcuts_window, GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  g_assert_cmpuint (shortcuts->len, >=, 12);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkWidget *shortcut = g_ptr_array_index (shortcuts, i);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autofree char *title = NULL;
      g_autofree char *action = NULL;
      const char *accelerator;

      g_object_get (shortcut, "title", &title, "action-name", &action, NULL);
      with_action += action != NULL;
      rifq_test_collect_type (shortcut, GTK_TYPE_SHORTCUT_LABEL, labels);
      g_assert_cmpuint (labels->len, ==, 1);
      accelerator = gtk_shortcut_label_get_accelerator (g_ptr_array_index (labels, 0));
      if (accelerator == NULL || *accelerator == '\0')
        g_error ("The shortcut “%s” (%s) shows no keys", title, action ? action : "no action");
      /* Drawn: at least one key cap. */
      g_assert_nonnull (gtk_widget_get_first_child (g_ptr_array_index (labels, 0)));
    }
  g_assert_cmpuint (with_action, >=, 11);
  gtk_window_destroy (GTK_WINDOW (shortcuts_window));
}

/* The widget under root given id in its template or .ui file; NULL when there is none. */
static inline GtkWidget *
rifq_test_find_widget (GtkWidget  *root,
                       const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;
      found = rifq_test_find_widget (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The same, which must be there. */
static inline GtkWidget *
rifq_test_widget (GtkWidget  *root,
                  const char *id)
{
  GtkWidget *widget = rifq_test_find_widget (root, id);

  if (widget == NULL)
    g_error ("No widget “%s” under %s", id, G_OBJECT_TYPE_NAME (root));
  return widget;
}

/* The row under root titled title (an entry, combo or action row), which must be there. */
static inline GtkWidget *
rifq_test_row (GtkWidget  *root,
               const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rifq_test_collect_type (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("No row “%s” under %s", title, G_OBJECT_TYPE_NAME (root));
  return NULL;
}

/* The entry row under root titled title, which must be there. */
static inline GtkEditable *
rifq_test_editable_titled (GtkWidget  *root,
                           const char *title)
{
  return GTK_EDITABLE (rifq_test_row (root, title));
}

/* Types text into an entry or entry row, in place of what it held; NULL empties it. */
static inline void
rifq_test_type_into (GtkWidget  *editable,
                     const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

/* Types text into the entry under root given id. */
static inline void
rifq_test_type (GtkWidget  *root,
                const char *id,
                const char *text)
{
  rifq_test_type_into (rifq_test_widget (root, id), text);
}

/* Chooses the item shown as label in the combo row under root given id. */
static inline void
rifq_test_choose_item (GtkWidget  *root,
                       const char *id,
                       const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (rifq_test_widget (root, id));
  GListModel *items = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("The list “%s” offers no “%s”", id, label);
}

/* Presses the toggle button under root given id: it stays down, and the others of its group
 * come up. */
static inline void
rifq_test_press_toggle (GtkWidget  *root,
                        const char *id)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (rifq_test_widget (root, id)), TRUE);
}

/* Turns on or off the switch of the row under root titled title. */
static inline void
rifq_test_set_switch (GtkWidget  *root,
                      const char *title,
                      gboolean    on)
{
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();

  rifq_test_collect_type (rifq_test_row (root, title), GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 1);
  gtk_switch_set_active (g_ptr_array_index (switches, 0), on);
}

/* The labels of the toasts on screen under root. */
static inline GPtrArray *
rifq_test_toast_labels (GtkWidget *root)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GPtrArray *shown = g_ptr_array_new ();
  /* libadwaita's own widget for a toast: a private type, known by its name once one was shown. */
  GType toast_type = g_type_from_name ("AdwToastWidget");

  if (toast_type != 0)
    rifq_test_collect_type (root, toast_type, toasts);
  for (guint i = 0; i < toasts->len; i++)
    rifq_test_collect_type (g_ptr_array_index (toasts, i), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      g_ptr_array_add (shown, g_ptr_array_index (labels, i));
  return shown;
}
