/* rifq-application.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-ui-resources.h"
#include "rifq-arabic.h"
#include "rifq-account.h"
#include "rifq-backup.h"
#include "rifq-locale.h"
#include "rifq-login-window.h"
#include "rifq-permission.h"
#include "rifq-preferences-window.h"
#include "rifq-screenshot.h"
#include "rifq-seal.h"
#include "rifq-staff.h"
#include "rifq-window.h"

struct _RifqApplication
{
  AdwApplication  parent_instance;

  /* owned */
  RifqDb         *db;
  RifqContext    *context;
  char           *database_path;
  char           *screenshot_page;
  char           *screenshot_file;

  /* state */
  int             exit_status;
  gboolean        following_saves;
  gboolean        logging_out;   /* the windows closing for the next person's login */
  guint           backup_timer;
  gboolean        saved_since_backup;
};

G_DEFINE_FINAL_TYPE (RifqApplication, rifq_application, ADW_TYPE_APPLICATION)

/* Before GtkApplication's own start-up, which looks for its resources (icons, menus). */
static void
register_resources (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      rifq_ui_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

void
rifq_ui_init (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) css = NULL;

  adw_init ();
  /* gtk_init sets the direction from the C locale; Arabic is chosen by gettext instead. */
  gtk_widget_set_default_direction (rifq_locale_is_rtl () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  if (done)
    return;
  done = TRUE;

  /* Read once now: from then on a change in Preferences reaches the documents too. */
  rifq_ui_get_digits ();
  register_resources ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/org/ruhamaa/Rifq/icons");

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/ruhamaa/Rifq/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

GSettings *
rifq_ui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

/* The choice reaches core, so that the documents print numbers as the window shows them. */
static void
digit_style_changed_cb (GSettings  *settings,
                        const char *key,
                        gpointer    user_data)
{
  switch (g_settings_get_enum (settings, "digit-style"))
    {
    case 1:
      rifq_calendar_set_preferred_digits (RIFQ_DIGITS_ARABIC);
      break;
    case 2:
      rifq_calendar_set_preferred_digits (RIFQ_DIGITS_LATIN);
      break;
    default:
      rifq_calendar_unset_preferred_digits ();
      break;
    }
}

RifqDigits
rifq_ui_get_digits (void)
{
  static GSettings *settings;
  static gboolean looked;

  if (!looked)
    {
      looked = TRUE;
      settings = rifq_ui_settings_new ();
      if (settings != NULL)
        {
          g_signal_connect (settings, "changed::digit-style", G_CALLBACK (digit_style_changed_cb), NULL);
          digit_style_changed_cb (settings, "digit-style", NULL);
        }
    }
  return rifq_calendar_interface_digits ();
}

char *
rifq_ui_display_digits (const char *text)
{
  if (text == NULL)
    return NULL;
  if (rifq_ui_get_digits () == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (text);
  return g_strdup (text);
}

char *
rifq_ui_display_number (gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return rifq_ui_display_digits (text);
}

static void
startup_after_cb (GApplication *application,
                  gpointer      user_data)
{
  rifq_ui_init ();
}

/* --database, else $RIFQ_DATABASE, else the association's server chosen in Preferences, else the
 * file on this computer. */
static char *
where_records_are (RifqApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *server = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  if (g_getenv ("RIFQ_DATABASE") == NULL)
    {
      settings = rifq_ui_settings_new ();
      server = settings != NULL ? g_settings_get_string (settings, "server") : NULL;
      if (server != NULL && *server != '\0')
        return g_steal_pointer (&server);
    }
  return rifq_db_default_path ();
}

static void
show_error_and_quit (RifqApplication *self,
                     const char      *message)
{
  GtkWidget *dialog;

  g_printerr ("%s\n", message);
  self->exit_status = 1;

  if (self->screenshot_page != NULL)
    return;

  dialog = adw_message_dialog_new (NULL, _("Rifq cannot open its database"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
screenshot_saved_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RifqApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rifq_screenshot_save_finish (result, &error))
    {
      g_printerr ("%s\n", error->message);
      self->exit_status = 1;
    }
  g_application_quit (G_APPLICATION (self));
}

/* A desk's backups: taken by an administrator's session into the folder the settings name, on
 * a schedule while Rifq runs and on quitting after anything was saved. A server is backed up on
 * the server (rifq-admin backup). */
static gboolean
may_back_up (RifqApplication *self)
{
  return self->db != NULL && self->context != NULL && self->screenshot_page == NULL &&
         !rifq_db_is_server_location (rifq_db_get_path (self->db)) &&
         rifq_permission_allows (RIFQ_PERMISSION_BACKUP, rifq_staff_actor_roles (self->db));
}

char *
rifq_ui_backup_folder (RifqContext *context)
{
  GSettings *settings = rifq_context_get_settings (context);
  g_autofree char *chosen = settings != NULL ? g_settings_get_string (settings, "backup-folder") : NULL;

  if (chosen != NULL && *chosen != '\0')
    return g_steal_pointer (&chosen);
  return rifq_backup_default_folder (rifq_context_get_db (context));
}

static void
take_backup (RifqApplication *self)
{
  GSettings *settings = rifq_context_get_settings (self->context);
  g_autofree char *folder = rifq_ui_backup_folder (self->context);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  guint keep = settings != NULL ? g_settings_get_uint (settings, "backup-keep") : 14;

  if (rifq_backup_take_into (self->db, folder, keep, NULL, &written, &error))
    {
      self->saved_since_backup = FALSE;
      g_message ("Backup taken: %s", written);
    }
  else
    g_warning ("The desk's backup could not be taken into %s: %s", folder, error->message);
}

static gboolean
backup_if_due_cb (gpointer user_data)
{
  RifqApplication *self = user_data;
  GSettings *settings = rifq_context_get_settings (self->context);
  g_autofree char *folder = rifq_ui_backup_folder (self->context);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (may_back_up (self) &&
      rifq_backup_is_due (self->db, folder, settings != NULL ? g_settings_get_uint (settings, "backup-every-hours") : 24,
                          now))
    take_backup (self);
  return G_SOURCE_CONTINUE;
}

static void
first_backup_check_cb (gpointer user_data)
{
  backup_if_due_cb (user_data);
}

static void
records_saved_cb (RifqApplication *self)
{
  self->saved_since_backup = TRUE;
}

static void
start_backups (RifqApplication *self)
{
  if (self->backup_timer != 0 || !may_back_up (self))
    return;
  if (!self->following_saves)
    g_signal_connect_object (self->db, "records-changed", G_CALLBACK (records_saved_cb), self, G_CONNECT_SWAPPED);
  self->following_saves = TRUE;
  /* Looked at once a few seconds after the window shows, then every ten minutes. */
  g_timeout_add_once (5000, first_backup_check_cb, self);
  self->backup_timer = g_timeout_add_seconds (600, backup_if_due_cb, self);
}

static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

static void
screenshot (RifqApplication *self,
            GtkWidget       *target)
{
  rifq_screenshot_save_async (target, self->screenshot_file, NULL, screenshot_saved_cb, g_object_ref (self));
}

/* The window of the records, once someone is logged in. */
static void
open_main_window (RifqApplication *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  /* The association's seal key, made by whoever opens a new database first. */
  if (!rifq_seal_ensure_key (self->db, &error))
    {
      show_error_and_quit (self, error->message);
      return;
    }
  window = GTK_WINDOW (rifq_window_new (GTK_APPLICATION (self), self->context));
  start_backups (self);

  if (self->screenshot_page != NULL)
    {
      GtkWidget *target;

      gtk_window_present (window);
      target = rifq_window_show_page (RIFQ_WINDOW (window), self->screenshot_page, &error);
      if (target == NULL)
        {
          g_printerr ("%s\n", error->message);
          self->exit_status = 2;
          gtk_window_destroy (window);
          return;
        }
      screenshot (self, target);
      return;
    }
  gtk_window_present (window);
}

static void
logged_in_cb (RifqLoginWindow *login,
              RifqApplication *self)
{
  open_main_window (self);
  gtk_window_destroy (GTK_WINDOW (login));
}

static void
show_login (RifqApplication *self)
{
  RifqLoginWindow *login = rifq_login_window_new (GTK_APPLICATION (self), self->context);

  g_signal_connect_object (login, "logged-in", G_CALLBACK (logged_in_cb), self, 0);
  gtk_window_present (GTK_WINDOW (login));
  if (self->screenshot_page != NULL)
    screenshot (self, GTK_WIDGET (login));
}

static void
rifq_application_activate (GApplication *app)
{
  RifqApplication *self = RIFQ_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->db == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = where_records_are (self);

      self->db = rifq_db_open (path, &error);
      if (self->db == NULL)
        {
          show_error_and_quit (self, error->message);
          return;
        }
      /* On the association's server, what other workstations save appears here as they save it. */
      if (!rifq_db_watch_others (self->db, &error))
        g_warning ("Other workstations' changes will show only when a page is shown again: %s", error->message);
    }
  if (self->context == NULL)
    {
      g_autoptr(GSettings) settings = rifq_ui_settings_new ();

      self->context = rifq_context_new (self->db, settings);
    }

  /* A picture is taken as A person logged in would see it (RIFQ_USER and RIFQ_PASSWORD), or of
   * the login itself. */
  if (self->screenshot_page != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (self->screenshot_page != NULL && !g_str_equal (self->screenshot_page, "login") &&
      rifq_db_get_actor (self->db) == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!rifq_account_login (self->db, g_getenv ("RIFQ_USER"), g_getenv ("RIFQ_PASSWORD"),
                               g_get_real_time () / G_USEC_PER_SEC, &error))
        {
          show_error_and_quit (self, error->message);
          return;
        }
    }
  if (rifq_db_get_actor (self->db) == NULL)
    show_login (self);
  else
    open_main_window (self);
}

/* Closes every window, each letting its own keep what was typed in it (close-request). */
static void
close_windows (GtkApplication *app)
{
  GList *windows = gtk_application_get_windows (app);
  /* Held, so that a window closed with its parent is still valid here. */
  g_autolist(GtkWindow) copy = g_list_copy_deep (windows, ref_window, NULL);

  for (GList *l = copy; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* Once the last window of the records has gone: nobody is logged in any more, and the login
 * shows for the next person. */
static void
finish_log_out (RifqApplication *self)
{
  if (self->saved_since_backup && may_back_up (self))
    take_backup (self);
  g_clear_handle_id (&self->backup_timer, g_source_remove);
  rifq_account_logout (self->db);
  show_login (self);
}

static void
window_removed_cb (GtkApplication  *app,
                   GtkWindow       *window,
                   RifqApplication *self)
{
  if (!self->logging_out || gtk_application_get_windows (app) != NULL)
    return;
  self->logging_out = FALSE;
  finish_log_out (self);
  g_application_release (G_APPLICATION (self));
}

/* Closes the windows of the records (each keeps what was typed in it, and may ask first) and,
 * once they have all gone, shows the login: the next person at the workstation logs in as
 * themselves. Rifq goes on running in between. */
static void
log_out_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer      user_data)
{
  RifqApplication *self = user_data;

  if (self->db == NULL || rifq_db_get_actor (self->db) == NULL || self->logging_out)
    return;
  self->logging_out = TRUE;
  g_application_hold (G_APPLICATION (self));
  close_windows (GTK_APPLICATION (self));
}

static void
password_dialog_changed_cb (AdwMessageDialog *dialog)
{
  GtkEditable *current = g_object_get_data (G_OBJECT (dialog), "current");
  GtkEditable *password = g_object_get_data (G_OBJECT (dialog), "password");
  GtkEditable *again = g_object_get_data (G_OBJECT (dialog), "again");

  adw_message_dialog_set_response_enabled (dialog, "change",
                                           (current == NULL || *gtk_editable_get_text (current) != '\0') &&
                                           *gtk_editable_get_text (password) != '\0' &&
                                           g_str_equal (gtk_editable_get_text (password),
                                                        gtk_editable_get_text (again)));
}

static GtkEditable *
add_password_row (AdwMessageDialog *dialog,
                  AdwPreferencesGroup *group,
                  const char          *key,
                  const char          *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (password_dialog_changed_cb), dialog);
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (dialog), key, row);
  return GTK_EDITABLE (row);
}

AdwMessageDialog *
rifq_ui_password_dialog_new (GtkWindow  *parent,
                             const char *heading,
                             const char *body,
                             gboolean    asks_current)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (asks_current)
    add_password_row (dialog, group, "current", _("_Current Password"));
  add_password_row (dialog, group, "password", _("_New Password"));
  add_password_row (dialog, group, "again", _("New Password _Again"));
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (group));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "change", _("_Set Password"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "change");
  adw_message_dialog_set_close_response (dialog, "cancel");
  password_dialog_changed_cb (dialog);
  return dialog;
}

const char *
rifq_ui_password_dialog_get (AdwMessageDialog *dialog,
                             const char       *key)
{
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), key);

  return row != NULL ? gtk_editable_get_text (row) : NULL;
}

static void
change_password_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             RifqApplication  *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (!g_str_equal (response, "change") || self->db == NULL)
    return;
  if (!RIFQ_IS_WINDOW (parent))
    return;
  if (rifq_account_change_password (self->db, rifq_ui_password_dialog_get (dialog, "current"),
                                    rifq_ui_password_dialog_get (dialog, "password"), &error))
    rifq_window_add_toast (RIFQ_WINDOW (parent), _("Your password is changed."));
  else
    rifq_window_add_toast (RIFQ_WINDOW (parent), error->message);
}

static void
change_password_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer      user_data)
{
  RifqApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  if (self->db == NULL || rifq_db_get_actor (self->db) == NULL)
    return;
  dialog = rifq_ui_password_dialog_new (parent, _("Change Your Password"),
                                        _("At least eight characters, and not your user name."), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (change_password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer      user_data)
{
  RifqApplication *self = user_data;
  const char *developers[] = { _("Rifq's founding engineers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Rifq"),
                        "application-icon", APP_ID,
                        "developer-name", _("Ruhamaa Association for Elderly Care"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The beneficiary-relations desk: receive, register and follow "
                                      "every elderly beneficiary as the association's policy asks."),
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 Ruhamaa Association for Elderly Care",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer      user_data)
{
  RifqApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  RifqPreferencesWindow *preferences;

  if (self->context == NULL)
    return;
  preferences = rifq_preferences_window_new (parent, self->context);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer      user_data)
{
  close_windows (GTK_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "log-out", log_out_action_cb },
  { "change-password", change_password_action_cb },
  { "quit", quit_action_cb },
};

static void
rifq_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (rifq_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  rifq_window_set_accels (GTK_APPLICATION (app));
}

int
rifq_application_get_exit_status (RifqApplication *self)
{
  g_return_val_if_fail (RIFQ_IS_APPLICATION (self), 1);
  return self->exit_status;
}

static void
rifq_application_shutdown (GApplication *app)
{
  RifqApplication *self = RIFQ_APPLICATION (app);

  g_clear_handle_id (&self->backup_timer, g_source_remove);
  if (self->saved_since_backup && may_back_up (self))
    take_backup (self);
  G_APPLICATION_CLASS (rifq_application_parent_class)->shutdown (app);
  g_clear_object (&self->context);
  g_clear_object (&self->db);
}

static void
rifq_application_finalize (GObject *object)
{
  RifqApplication *self = (RifqApplication *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->db);
  g_free (self->database_path);
  g_free (self->screenshot_page);
  g_free (self->screenshot_file);

  G_OBJECT_CLASS (rifq_application_parent_class)->finalize (object);
}

static void
rifq_application_class_init (RifqApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rifq_application_finalize;
  app_class->activate = rifq_application_activate;
  app_class->startup = rifq_application_startup;
  app_class->shutdown = rifq_application_shutdown;
}

static void
rifq_application_init (RifqApplication *self)
{
  g_signal_connect_after (self, "startup", G_CALLBACK (startup_after_cb), NULL);
  g_signal_connect (self, "window-removed", G_CALLBACK (window_removed_cb), self);
}

RifqApplication *
rifq_application_new (void)
{
  register_resources ();
  return g_object_new (RIFQ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/org/ruhamaa/Rifq",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

void
rifq_application_set_database_path (RifqApplication *self,
                                    const char      *path)
{
  g_return_if_fail (RIFQ_IS_APPLICATION (self));
  g_free (self->database_path);
  self->database_path = g_strdup (path);
  if (path != NULL)
    {
      /* Another database is another desk: never hand it to an instance already running. */
      g_application_set_flags (G_APPLICATION (self), G_APPLICATION_NON_UNIQUE);
    }
}

void
rifq_application_set_screenshot (RifqApplication *self,
                                 const char      *page,
                                 const char      *file)
{
  g_return_if_fail (RIFQ_IS_APPLICATION (self));
  g_free (self->screenshot_page);
  g_free (self->screenshot_file);
  self->screenshot_page = g_strdup (page);
  self->screenshot_file = g_strdup (file);
  g_application_set_flags (G_APPLICATION (self), G_APPLICATION_NON_UNIQUE);
}

GtkWidget *
rifq_ui_refusal_label_new (const char *message)
{
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

void
rifq_ui_remove_children (GtkWidget *container)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (container));

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

GtkWidget *
rifq_ui_text_area_new (const char   *accessible_label,
                       const char   *text,
                       GtkTextView **out_view)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  if (text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);

  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  if (out_view != NULL)
    *out_view = GTK_TEXT_VIEW (view);
  return scroller;
}
