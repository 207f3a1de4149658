/* rifq-test-ui.h: checks shared by the window tests (under Xvfb)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

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
