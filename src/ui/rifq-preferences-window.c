/* rifq-preferences-window.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-preferences-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <stdlib.h>

#include "rifq-application.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-locale.h"
#include "rifq-preferences-window.h"
#include "rifq-seal.h"

struct _RifqPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template children */
  AdwComboRow          *digits_row;
  AdwPreferencesGroup  *association_group;
  AdwPreferencesGroup  *database_group;

  /* owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (RifqPreferencesWindow, rifq_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
add_fact (AdwPreferencesGroup *group,
          const char          *title,
          const char          *value,
          gboolean             number)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *shown = number ? rifq_ui_display_digits (value) : g_strdup (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown ? shown : "");
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
digits_selected_cb (RifqPreferencesWindow *self)
{
  if (self->settings != NULL)
    g_settings_set_enum (self->settings, "digit-style", adw_combo_row_get_selected (self->digits_row));
}

static void
rifq_preferences_window_dispose (GObject *object)
{
  RifqPreferencesWindow *self = (RifqPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rifq_preferences_window_parent_class)->dispose (object);
}

static void
rifq_preferences_window_class_init (RifqPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, digits_row);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, association_group);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, database_group);
}

static void
rifq_preferences_window_init (RifqPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = rifq_ui_settings_new ();
  if (self->settings != NULL)
    {
      adw_combo_row_set_selected (self->digits_row, g_settings_get_enum (self->settings, "digit-style"));
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->digits_row), FALSE);
  g_signal_connect_swapped (self->digits_row, "notify::selected", G_CALLBACK (digits_selected_cb), self);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  RifqPreferencesWindow *self = g_object_get_data (G_OBJECT (native), "rifq-window");
  const char *key = g_object_get_data (G_OBJECT (native), "rifq-key");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strconcat (key, "\n", NULL);

      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      else
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (_("The public key is exported.")));
    }
  g_object_unref (native);
}

static void
export_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  RifqPreferencesWindow *self = RIFQ_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export the Public Key"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "rifq-seal-public-key.txt");
  g_object_set_data (G_OBJECT (native), "rifq-window", self);
  g_object_set_data_full (G_OBJECT (native), "rifq-key", g_strdup (user_data), g_free);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The association's seal: its public key, shown and exportable, so anyone can check a document. */
static void
add_seal_key (RifqPreferencesWindow *self,
              RifqDb                *db)
{
  g_autofree char *key_id = NULL;
  g_autofree char *key = rifq_seal_public_key (db, &key_id, NULL);
  GtkWidget *row;
  GtkWidget *button;

  if (key == NULL)
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Seal public key (Ed25519)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), key);
  gtk_widget_set_tooltip_text (row, key_id);
  button = gtk_button_new_with_mnemonic (_("E_xport…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_data (button, "clicked", G_CALLBACK (export_clicked_cb), g_strdup (key),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->association_group, row);
}

RifqPreferencesWindow *
rifq_preferences_window_new (GtkWindow *parent,
                             RifqDb    *db)
{
  RifqPreferencesWindow *self;
  g_autofree char *name_ar = NULL;
  g_autofree char *name_en = NULL;
  g_autofree char *period = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *version = NULL;
  g_autofree char *count = NULL;
  GDate date;
  int days;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  self = g_object_new (RIFQ_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  name_ar = rifq_db_get_setting (db, "association_name_ar");
  name_en = rifq_db_get_setting (db, "association_name_en");
  add_fact (self->association_group, _("Name"), rifq_locale_is_arabic () ? name_ar : name_en, FALSE);

  period = rifq_db_get_setting (db, "decision_period_days");
  days = period ? atoi (period) : 14;
  period_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
  add_fact (self->association_group, _("Research committee decision period"), period_text, TRUE);

  approved = rifq_db_get_setting (db, "policy_approved_on");
  if (approved != NULL && rifq_calendar_from_iso (approved, &date))
    {
      g_autofree char *both = rifq_calendar_format_both (&date, rifq_ui_get_digits ());

      add_fact (self->association_group, _("Beneficiary policy approved by the board"), both, FALSE);
    }

  add_seal_key (self, db);

  add_fact (self->database_group, _("File"), rifq_db_get_path (db), FALSE);
  version = g_strdup_printf ("%d", rifq_db_get_schema_version (db));
  add_fact (self->database_group, _("Schema version"), version, TRUE);
  count = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (rifq_beneficiary_store_count (db, NULL), 0));
  add_fact (self->database_group, _("Beneficiaries"), count, TRUE);

  return self;
}
