/* rifq-consent-group.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-consent-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-calendar.h"
#include "rifq-consent-group.h"
#include "rifq-permission.h"
#include "rifq-privacy.h"
#include "rifq-staff.h"
#include "rifq-window.h"

struct _RifqConsentGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkMenuButton       *record_button;

  RifqContext         *context;
  RifqDb              *db;             /* the context's */
  gint64               beneficiary_id;
  GPtrArray           *rows;           /* the rows shown, to remove them */
};

G_DEFINE_FINAL_TYPE (RifqConsentGroup, rifq_consent_group, ADW_TYPE_PREFERENCES_GROUP)

static void
say (RifqConsentGroup *self,
     const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RIFQ_IS_WINDOW (root))
    rifq_window_add_toast (RIFQ_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static GtkWidget *
consent_row (RifqConsentGroup *self,
             RifqConsent      *consent,
             gboolean          may_change)
{
  RifqDigits digits = rifq_ui_get_digits ();
  g_autofree char *given = rifq_calendar_format_iso_both (consent->given_on, digits);
  g_autofree char *recorder = rifq_staff_dup_name (self->db, consent->recorded_by);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rifq_consent_scope_label (consent->scope));
  if (consent->withdrawn_on != NULL)
    {
      g_autofree char *withdrawn = rifq_calendar_format_iso_both (consent->withdrawn_on, digits);
      g_autofree char *withdrawer = rifq_staff_dup_name (self->db, consent->withdrawn_by);

      subtitle = g_strdup_printf (_("Given on %s, recorded by %s; withdrawn on %s, recorded by %s"),
                                  given, recorder, withdrawn, withdrawer);
      gtk_widget_add_css_class (row, "dim-label");
    }
  else
    subtitle = g_strdup_printf (_("Given on %s, recorded by %s"), given, recorder);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (consent->withdrawn_on == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Withdrawal…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "consent.withdraw");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", consent->id);
      gtk_widget_set_visible (button, may_change);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      GtkWidget *label = gtk_label_new (_("Withdrawn"));

      gtk_widget_add_css_class (label, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
refill (RifqConsentGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  gboolean may_change;

  while (self->rows->len > 0)
    {
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, self->rows->len - 1));
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->beneficiary_id > 0);
  if (self->beneficiary_id <= 0)
    return;

  may_change = rifq_permission_allows (RIFQ_PERMISSION_CONSENT, rifq_staff_actor_roles (self->db));
  gtk_widget_set_visible (GTK_WIDGET (self->record_button), may_change);
  consents = rifq_consent_list (self->db, self->beneficiary_id, &error);
  if (consents == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The consents could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
      return;
    }
  if (consents->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No consent is recorded"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < consents->len; i++)
    {
      GtkWidget *row = consent_row (self, g_ptr_array_index (consents, i), may_change);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
records_changed_cb (RifqConsentGroup *self,
                    const char       *kind,
                    GArray           *ids,
                    RifqDb           *db)
{
  if (g_str_equal (kind, "consent") && self->beneficiary_id > 0 && !rifq_db_get_offline (db))
    refill (self);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RifqConsentGroup *self = RIFQ_CONSENT_GROUP (widget);
  const char *scope = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqConsent) consent = NULL;
  g_autofree char *message = NULL;

  consent = rifq_consent_record (self->db, self->beneficiary_id, scope, NULL, &error);
  if (consent == NULL)
    {
      say (self, error->message);
      return;
    }
  refill (self);
  message = g_strdup_printf (_("Consent recorded: %s"), rifq_consent_scope_label (scope));
  say (self, message);
}

static void
withdraw_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RifqConsentGroup *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "consent-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "withdraw"))
    return;
  if (!rifq_consent_withdraw (self->db, id, NULL, &error))
    {
      say (self, error->message);
      return;
    }
  refill (self);
  say (self, _("The withdrawal is recorded."));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RifqConsentGroup *self = RIFQ_CONSENT_GROUP (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Record the Withdrawal?"),
                                   _("The beneficiary withdraws this consent today. The consent and its "
                                     "withdrawal both stay in the record."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "withdraw", _("_Record Withdrawal"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "consent-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rifq_consent_group_dispose (GObject *object)
{
  RifqConsentGroup *self = RIFQ_CONSENT_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (rifq_consent_group_parent_class)->dispose (object);
}

static void
rifq_consent_group_class_init (RifqConsentGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_consent_group_dispose;
  gtk_widget_class_install_action (widget_class, "consent.record", "s", record_action);
  gtk_widget_class_install_action (widget_class, "consent.withdraw", "x", withdraw_action);
}

static void
rifq_consent_group_init (RifqConsentGroup *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const char * const *scopes = rifq_consent_scopes ();
  GtkWidget *content = adw_button_content_new ();

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Consent"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("What the beneficiary agreed to under the data protection law; a "
                                           "withdrawal is kept beside it."));
  for (guint i = 0; scopes[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (rifq_consent_scope_label (scopes[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "consent.record", g_variant_new_string (scopes[i]));
      g_menu_append_item (menu, item);
    }
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Record"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  self->record_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->record_button, content);
  gtk_menu_button_set_menu_model (self->record_button, G_MENU_MODEL (menu));
  gtk_widget_set_valign (GTK_WIDGET (self->record_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->record_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->record_button), _("Record the beneficiary’s consent, given today"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->record_button));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
rifq_consent_group_set_context (RifqConsentGroup *self,
                                RifqContext      *context)
{
  g_return_if_fail (RIFQ_IS_CONSENT_GROUP (self));
  g_return_if_fail (RIFQ_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->db = rifq_context_get_db (context);
  g_signal_connect_object (self->db, "records-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
}

void
rifq_consent_group_load (RifqConsentGroup *self,
                         gint64            beneficiary_id)
{
  g_return_if_fail (RIFQ_IS_CONSENT_GROUP (self));
  g_return_if_fail (self->db != NULL);

  self->beneficiary_id = beneficiary_id;
  refill (self);
}

void
rifq_consent_group_focus (RifqConsentGroup *self)
{
  g_return_if_fail (RIFQ_IS_CONSENT_GROUP (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->record_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->record_button));
  else if (self->rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->rows, self->rows->len - 1));
}
