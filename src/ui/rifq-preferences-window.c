/* rifq-preferences-window.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-backup.h"
#include "rifq-beneficiary-store.h"
#include "rifq-permission.h"
#include "rifq-staff.h"
#include "rifq-preferences-window.h"

struct _RifqPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template children */
  AdwComboRow          *digits_row;
  AdwPreferencesGroup  *database_group;
  AdwEntryRow          *server_row;
  AdwActionRow         *server_state_row;
  GtkWidget            *local_button;
  GtkSpinner           *server_spinner;
  AdwPreferencesGroup  *backup_group;
  AdwActionRow         *backup_folder_row;
  AdwActionRow         *backup_last_row;
  GtkWidget            *backup_button;

  /* owned */
  GCancellable         *checking;
  RifqContext          *context;
  RifqDb               *db;       /* the context's */
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

/* Where this workstation keeps its records, and from when. */
static void
update_server_state (RifqPreferencesWindow *self,
                     const char            *problem)
{
  g_autofree char *chosen = self->settings != NULL ? g_settings_get_string (self->settings, "server") : g_strdup ("");
  gboolean on_server = rifq_db_is_server_location (rifq_db_get_path (self->db));
  const char *state;

  if (problem != NULL)
    state = problem;
  else if (*chosen != '\0' && !on_server)
    state = _("On the association’s server from Rifq’s next start");
  else if (*chosen == '\0' && on_server)
    state = _("On this computer from Rifq’s next start");
  else if (on_server)
    state = _("On the association’s server");
  else
    state = _("On this computer");
  adw_action_row_set_subtitle (self->server_state_row, state);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->server_state_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->server_state_row), "error");
  gtk_widget_set_visible (self->local_button, *chosen != '\0');
}

static void
check_server_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;

  if (rifq_db_check_server (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
server_checked_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RifqPreferencesWindow *self = RIFQ_PREFERENCES_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->server_spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), TRUE);
  if (error != NULL)
    {
      update_server_state (self, error->message);
      return;
    }
  g_settings_set_string (self->settings, "server", g_task_get_task_data (G_TASK (result)));
  update_server_state (self, NULL);
}

/* An address given: the server is asked, away from the window, whether Rifq can keep its
 * records there; only then is it remembered. */
static void
server_apply_cb (RifqPreferencesWindow *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  g_autoptr(GTask) task = NULL;

  if (self->settings == NULL)
    return;
  if (*address == '\0')
    {
      g_settings_set_string (self->settings, "server", "");
      update_server_state (self, NULL);
      return;
    }
  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  self->checking = g_cancellable_new ();
  task = g_task_new (self, self->checking, server_checked_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&address), g_free);
  gtk_spinner_start (self->server_spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), FALSE);
  adw_action_row_set_subtitle (self->server_state_row, _("Asking the server…"));
  g_task_run_in_thread (task, check_server_thread);
}

static void
local_clicked_cb (RifqPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "server", "");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), "");
  update_server_state (self, NULL);
}

/* A desk's backups: where they go, when the last was taken, and one taken now by an
 * administrator. A server's are taken on the server. */
static void
update_backups (RifqPreferencesWindow *self)
{
  g_autofree char *folder = rifq_ui_backup_folder (self->context);
  g_autofree char *shown = g_strdup_printf ("\u2066%s\u2069", folder);
  g_autoptr(GDateTime) newest = rifq_backup_newest (self->db, folder);
  gboolean on_server = rifq_db_is_server_location (rifq_db_get_path (self->db));
  g_autofree char *last = NULL;

  if (on_server)
    {
      adw_preferences_group_set_description (self->backup_group,
                                             _("The association’s server is backed up on the server, with "
                                               "“rifq-admin backup”."));
      gtk_widget_set_visible (GTK_WIDGET (self->backup_folder_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->backup_last_row), FALSE);
      return;
    }
  adw_action_row_set_subtitle (self->backup_folder_row, shown);
  if (newest != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (newest);
      g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
      g_autofree char *time = g_date_time_format (local, "%H:%M");
      g_autofree char *day = rifq_calendar_format_iso_both (iso, rifq_ui_get_digits ());
      g_autofree char *both = g_strdup_printf (_("%s at %s"), day, time);

      last = rifq_ui_display_digits (both);
    }
  adw_action_row_set_subtitle (self->backup_last_row, last != NULL ? last : _("None yet"));
  gtk_widget_set_visible (self->backup_button,
                          rifq_permission_allows (RIFQ_PERMISSION_BACKUP, rifq_staff_actor_roles (self->db)));
}

static void
backup_clicked_cb (RifqPreferencesWindow *self)
{
  g_autofree char *folder = rifq_ui_backup_folder (self->context);
  g_autoptr(GError) error = NULL;
  GSettings *settings = rifq_context_get_settings (self->context);
  AdwToast *toast;

  if (rifq_backup_take_into (self->db, folder, settings != NULL ? g_settings_get_uint (settings, "backup-keep") : 14,
                             NULL, NULL, &error))
    toast = adw_toast_new (_("Backup taken"));
  else
    {
      toast = adw_toast_new ("");
      adw_toast_set_custom_title (toast, rifq_ui_refusal_label_new (error->message));
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  update_backups (self);
}

static void
rifq_preferences_window_dispose (GObject *object)
{
  RifqPreferencesWindow *self = (RifqPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_PREFERENCES_WINDOW);
  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rifq_preferences_window_parent_class)->dispose (object);
}

static void
rifq_preferences_window_constructed (GObject *object)
{
  RifqPreferencesWindow *self = (RifqPreferencesWindow *) object;
  g_autofree char *path = NULL;
  g_autofree char *version = NULL;
  g_autofree char *count = NULL;

  G_OBJECT_CLASS (rifq_preferences_window_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  g_set_object (&self->settings, rifq_context_get_settings (self->context));
  if (self->settings != NULL)
    adw_combo_row_set_selected (self->digits_row, g_settings_get_enum (self->settings, "digit-style"));
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->digits_row), FALSE);
  g_signal_connect_swapped (self->digits_row, "notify::selected", G_CALLBACK (digits_selected_cb), self);

  /* A path reads left to right whatever the interface's direction: its leading "/" stays first. */
  path = g_strdup_printf ("\u2066%s\u2069", rifq_db_get_path (self->db));
  add_fact (self->database_group, rifq_db_is_server_location (rifq_db_get_path (self->db)) ? _("Server") : _("File"),
            path, FALSE);
  version = g_strdup_printf ("%d", rifq_db_get_schema_version (self->db));
  add_fact (self->database_group, _("Schema version"), version, TRUE);
  count = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (rifq_beneficiary_store_count (self->db, NULL), 0));
  add_fact (self->database_group, _("Beneficiaries"), count, TRUE);

  if (self->settings != NULL)
    {
      g_autofree char *server = g_settings_get_string (self->settings, "server");

      gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), FALSE);
  update_server_state (self, NULL);
  update_backups (self);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (rifq_association_page_new (self->context)));
}

static void
rifq_preferences_window_class_init (RifqPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_preferences_window_dispose;
  object_class->constructed = rifq_preferences_window_constructed;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqPreferencesWindow, context));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, digits_row);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, database_group);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, server_state_row);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, local_button);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, server_spinner);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, backup_group);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, backup_last_row);
  gtk_widget_class_bind_template_child (widget_class, RifqPreferencesWindow, backup_button);
  gtk_widget_class_bind_template_callback (widget_class, backup_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, local_clicked_cb);
}

static void
rifq_preferences_window_init (RifqPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RifqPreferencesWindow *
rifq_preferences_window_new (GtkWindow   *parent,
                             RifqContext *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  return g_object_new (RIFQ_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "context", context, NULL);
}
