/* rifq-association-page.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-association-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-account.h"
#include "rifq-application.h"
#include "rifq-arabic.h"
#include "rifq-association-page.h"
#include "rifq-calendar.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-permission.h"
#include "rifq-privacy.h"
#include "rifq-file.h"
#include "rifq-seal.h"
#include "rifq-settings.h"
#include "rifq-staff.h"

struct _RifqAssociationPage
{
  AdwPreferencesPage   parent_instance;

  /* template children */
  AdwPreferencesGroup *identity_group;
  AdwEntryRow         *name_ar_row;
  AdwEntryRow         *name_en_row;
  AdwEntryRow         *letterhead_row;
  AdwActionRow        *logo_row;
  GtkPicture          *logo_picture;
  GtkButton           *logo_button;
  AdwPreferencesGroup *rule_group;
  AdwEntryRow         *period_row;
  AdwEntryRow         *retention_row;
  AdwComboRow         *quorum_row;
  AdwComboRow         *majority_row;
  AdwComboRow         *abstentions_row;
  GtkSwitch           *tie_switch;
  AdwPreferencesGroup *members_group;
  AdwEntryRow         *request_format_row;
  AdwEntryRow         *letter_format_row;
  AdwEntryRow         *file_format_row;
  AdwPreferencesGroup *seal_group;

  /* owned */
  RifqContext         *context;
  RifqDb              *db;       /* the context's */
  GPtrArray           *editors;   /* the widgets editing a setting, each named after it */
  GHashTable          *seats;     /* username → AdwComboRow, named after the username */
  GHashTable          *shown;     /* key → the value this page last showed ("" when not set) */
  char                *keyring;   /* the public keys to export, as JSON */

  /* state */
  gboolean             loading;   /* values being shown, not chosen */
};

G_DEFINE_FINAL_TYPE (RifqAssociationPage, rifq_association_page, ADW_TYPE_PREFERENCES_PAGE)

/* The values of the rule's settings, in the order of their rows' choices. */
static const char * const quorum_codes[] = { "more_than_half", "two_thirds", "all" };
static const char * const majority_codes[] = { "of_present", "of_votes", "of_committee" };

static void
toast (RifqAssociationPage *self,
       const char          *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

/* Remembers what the page shows of key, as it is in the database now; returns it. While the
 * server is away, what the page last read stays. */
static const char *
remember_shown (RifqAssociationPage *self,
                const char          *key)
{
  char *value;

  if (rifq_db_get_offline (self->db) && g_hash_table_contains (self->shown, key))
    return g_hash_table_lookup (self->shown, key);
  value = rifq_db_get_setting (self->db, key);
  g_hash_table_insert (self->shown, g_strdup (key), value ? value : g_strdup (""));
  return g_hash_table_lookup (self->shown, key);
}

/* Saves one setting over the value the page showed; a refusal is said and the value typed stays
 * where it was typed. Saved over by another meanwhile, the page now knows their value: applying
 * again replaces it, as the refusal says (next_step: what the person may do, for the control they
 * used). */
static gboolean
save (RifqAssociationPage *self,
      const char          *key,
      const char          *value,
      const char          *next_step)
{
  const char *shown = g_hash_table_lookup (self->shown, key);
  g_autoptr(GError) error = NULL;

  if (!rifq_settings_save_over (self->db, key, shown, value, &error))
    {
      if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT))
        {
          /* Who, to what and when: too much for a toast's one line. */
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          g_autofree char *said = g_strconcat (error->message, " ", next_step, NULL);
          g_autofree char *body = rifq_ui_display_digits (said);
          GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      _("Changed at Another Workstation"), body);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
          gtk_window_present (GTK_WINDOW (dialog));
          remember_shown (self, key);
        }
      else
        toast (self, error->message);
      return FALSE;
    }
  remember_shown (self, key);
  return TRUE;
}

static void
show_rule (RifqAssociationPage *self)
{
  RifqRule rule;
  g_autofree char *rule_text = NULL;
  g_autofree char *text = NULL;

  rifq_committee_rule_get (self->db, &rule);
  remember_shown (self, "committee_quorum");
  remember_shown (self, "committee_majority");
  remember_shown (self, "committee_abstentions");
  remember_shown (self, "committee_chair_breaks_tie");
  rule_text = rifq_rule_describe (&rule);
  text = g_strconcat (rule_text, " ", _("A meeting keeps the rule it was called under."), NULL);
  adw_preferences_group_set_description (self->rule_group, text);

  self->loading = TRUE;
  adw_combo_row_set_selected (self->quorum_row, rule.quorum);
  adw_combo_row_set_selected (self->majority_row, rule.majority);
  adw_combo_row_set_selected (self->abstentions_row, rule.abstentions);
  gtk_switch_set_active (self->tie_switch, rule.chair_breaks_tie);
  self->loading = FALSE;
}

static void
show_logo (RifqAssociationPage *self)
{
  g_autoptr(GBytes) png = rifq_settings_get_logo (self->db);
  g_autoptr(GdkTexture) texture = png ? gdk_texture_new_from_bytes (png, NULL) : NULL;

  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), texture != NULL);
}

/* Entries */

static void
entry_changed_cb (GtkEditable *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

/* A setting's value as its row shows it: a number as this workstation shows numbers (the core
 * reads either digits). */
static char *
entry_text (const char *key,
            const char *value)
{
  g_autofree char *years = NULL;

  /* Until an administrator sets one, the retention period Rifq goes by. */
  if (g_str_equal (key, "retention_years") && (value == NULL || *value == '\0'))
    value = years = g_strdup_printf ("%d", RIFQ_PRIVACY_RETENTION_YEARS_DEFAULT);
  if (g_str_equal (key, "decision_period_days") || g_str_equal (key, "retention_years"))
    return rifq_ui_display_digits (value);
  return g_strdup (value);
}

static void
show_entry (RifqAssociationPage *self,
            AdwEntryRow         *row)
{
  const char *key = gtk_widget_get_name (GTK_WIDGET (row));
  g_autofree char *text = entry_text (key, remember_shown (self, key));

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
entry_applied_cb (AdwEntryRow         *row,
                  RifqAssociationPage *self)
{
  if (save (self, gtk_widget_get_name (GTK_WIDGET (row)), gtk_editable_get_text (GTK_EDITABLE (row)),
            _("What you typed is still here: apply it again if it should replace theirs.")))
    {
      show_entry (self, row);
      toast (self, _("Saved."));
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* The row edits the setting it is named after in the template. */
static void
setup_entry (RifqAssociationPage *self,
             AdwEntryRow         *row)
{
  show_entry (self, row);
  g_signal_connect (row, "apply", G_CALLBACK (entry_applied_cb), self);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), NULL);
  g_ptr_array_add (self->editors, row);
}

/* Settings saved at another workstation (or by rifq-admin) come in where this page shows what
 * it read; a row being edited keeps what is typed, and its save is then refused naming who. */
static void
records_changed_cb (RifqAssociationPage *self,
                    const char          *kind,
                    GArray              *ids,
                    RifqDb              *db)
{
  if (!g_str_equal (kind, "settings") || rifq_db_get_offline (db))
    return;
  for (guint i = 0; i < self->editors->len; i++)
    {
      GtkWidget *editor = g_ptr_array_index (self->editors, i);
      const char *key = gtk_widget_get_name (editor);
      g_autofree char *unchanged = NULL;
      g_autofree char *shown = NULL;

      if (!ADW_IS_ENTRY_ROW (editor))
        continue;
      /* Not edited, in whichever digits it was shown. */
      shown = rifq_arabic_latin_digits (gtk_editable_get_text (GTK_EDITABLE (editor)));
      unchanged = rifq_arabic_latin_digits (g_hash_table_lookup (self->shown, key));
      if (g_str_equal (g_strstrip (shown), g_strstrip (unchanged)))
        show_entry (self, ADW_ENTRY_ROW (editor));
    }
  show_rule (self);
  show_logo (self);
}

/* The decision rule */

/* A choice refused over another's: the rule is shown as they left it. */
#define RULE_NEXT_STEP _("The rule now shows their choice: choose yours again if it should replace it.")

static void
quorum_selected_cb (RifqAssociationPage *self)
{
  guint selected = adw_combo_row_get_selected (self->quorum_row);

  if (self->loading || selected >= G_N_ELEMENTS (quorum_codes))
    return;
  save (self, "committee_quorum", quorum_codes[selected], RULE_NEXT_STEP);
  show_rule (self);
}

static void
majority_selected_cb (RifqAssociationPage *self)
{
  guint selected = adw_combo_row_get_selected (self->majority_row);

  if (self->loading || selected >= G_N_ELEMENTS (majority_codes))
    return;
  save (self, "committee_majority", majority_codes[selected], RULE_NEXT_STEP);
  show_rule (self);
}

static void
abstentions_selected_cb (RifqAssociationPage *self)
{
  guint selected = adw_combo_row_get_selected (self->abstentions_row);

  if (self->loading || selected > RIFQ_ABSTENTIONS_AGAINST)
    return;
  save (self, "committee_abstentions", rifq_abstentions_code (selected), RULE_NEXT_STEP);
  show_rule (self);
}

static void
tie_switched_cb (RifqAssociationPage *self)
{
  if (self->loading)
    return;
  save (self, "committee_chair_breaks_tie", gtk_switch_get_active (self->tie_switch) ? "1" : "0", RULE_NEXT_STEP);
  show_rule (self);
}

/* Committee members */

static void
show_seats (RifqAssociationPage *self)
{
  g_autoptr(GPtrArray) staff = rifq_staff_list (self->db, RIFQ_ROLE_NONE, NULL);

  self->loading = TRUE;
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      RifqStaff *member = g_ptr_array_index (staff, i);
      AdwComboRow *row = g_hash_table_lookup (self->seats, member->username);

      if (row != NULL)
        adw_combo_row_set_selected (row, rifq_staff_committee_seat (member));
    }
  self->loading = FALSE;
}

static void
seat_selected_cb (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  RifqAssociationPage *self)
{
  const char *username = gtk_widget_get_name (GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->loading || selected > RIFQ_SEAT_CHAIR)
    return;
  if (!rifq_staff_set_committee_seat (self->db, username, selected, &error))
    toast (self, error->message);
  /* A new chair leaves the one before a member: every seat is read again. */
  show_seats (self);
}

/* Other roles than the committee's, to tell people apart. */
static char *
other_roles (const RifqStaff *member)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < RIFQ_N_ROLES; i++)
    {
      RifqRole role = 1 << i;

      if ((member->roles & role) && role != RIFQ_ROLE_COMMITTEE && role != RIFQ_ROLE_CHAIR)
        g_ptr_array_add (names, (gpointer) rifq_role_label (role));
    }
  g_ptr_array_add (names, NULL);
  /* Translators: what comes between the items of a list, as in "desk officer, administrator". */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static void
set_password_response_cb (AdwMessageDialog    *dialog,
                          const char          *response,
                          RifqAssociationPage *self)
{
  const char *username = g_object_get_data (G_OBJECT (dialog), "username");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "change"))
    return;
  if (rifq_account_reset_password (self->db, username, rifq_ui_password_dialog_get (dialog, "password"), &error))
    {
      g_autofree char *done = g_strdup_printf (_("%s has a new password and may log in."), username);

      toast (self, done);
    }
  else
    toast (self, error->message);
}

/* An administrator gives a member a new password (forgotten, or locked out). */
static void
set_password_clicked_cb (GtkButton           *button,
                         RifqAssociationPage *self)
{
  const char *username = gtk_widget_get_name (GTK_WIDGET (button));
  g_autofree char *heading = g_strdup_printf (_("New Password for %s"), username);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = rifq_ui_password_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                        _("Give it to them in person. It opens their account if it was locked."),
                                        FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "username", g_strdup (username), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (set_password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_seats (RifqAssociationPage *self)
{
  gboolean sets_passwords = rifq_permission_allows (RIFQ_PERMISSION_PASSWORDS, rifq_staff_actor_roles (self->db));

  g_autoptr(GPtrArray) staff = rifq_staff_list (self->db, RIFQ_ROLE_NONE, NULL);

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      RifqStaff *member = g_ptr_array_index (staff, i);
      const char *seats[] = { _("Not on the committee"), _("Member"), _("Chair"), NULL };
      g_autoptr(GtkStringList) model = gtk_string_list_new (seats);
      g_autofree char *roles = other_roles (member);
      g_autofree char *subtitle = *roles ? g_strdup_printf ("%s — %s", member->username, roles)
                                         : g_strdup (member->username);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->full_name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (row, G_LIST_MODEL (model));
      gtk_widget_set_name (GTK_WIDGET (row), member->username);
      g_hash_table_insert (self->seats, g_strdup (member->username), row);
      g_signal_connect (row, "notify::selected", G_CALLBACK (seat_selected_cb), self);
      if (sets_passwords)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("dialog-password-symbolic");
          g_autofree char *tip = g_strdup_printf (_("Set a new password for %s"), member->full_name);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, tip);
          gtk_widget_set_name (button, member->username);
          g_signal_connect (button, "clicked", G_CALLBACK (set_password_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->members_group, GTK_WIDGET (row));
    }
  show_seats (self);
}

/* Logo */

static void
logo_response_cb (GtkNativeDialog     *native,
                  int                  response,
                  RifqAssociationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (rifq_association_page_take_logo (self, file, &error))
        toast (self, _("The logo is saved; every document prints it from now on."));
      else
        toast (self, error->message);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
logo_clicked_cb (RifqAssociationPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Choose the Association’s Logo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (logo_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The seal's public key */

static void
export_response_cb (GtkNativeDialog     *native,
                    int                  response,
                    RifqAssociationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strconcat (self->keyring, "\n", NULL);
      g_autofree char *path = g_file_get_path (file);

      /* The dialog asked before replacing a file; the database is refused all the same. */
      if (path == NULL)
        toast (self, _("Choose a folder on this computer."));
      else if (!rifq_file_save_private (path, text, strlen (text), &error))
        toast (self, error->message);
      else
        toast (self, _("The association’s public keys are exported."));
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_clicked_cb (GtkButton           *button,
                   RifqAssociationPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export the Public Key"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "rifq-keyring.json");
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
add_seal_key (RifqAssociationPage *self)
{
  g_autofree char *key_id = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *key = rifq_seal_public_key (self->db, &key_id, &fingerprint, NULL);
  g_autoptr(RifqKeyring) ring = rifq_keyring_from_db (self->db, NULL);
  g_autofree char *association = rifq_db_get_setting (self->db, "association_name_en");

  GtkWidget *row;
  GtkWidget *button;

  g_clear_pointer (&self->keyring, g_free);
  self->keyring = ring != NULL ? rifq_keyring_to_json (ring, association) : NULL;
  if (key == NULL || self->keyring == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->seal_group), FALSE);
      return;
    }
  row = adw_action_row_new ();
  /* The fingerprint is what the association publishes: anyone can check a document with it. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Fingerprint of the seal key (Ed25519)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fingerprint);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, key_id);
  gtk_widget_add_css_class (row, "property");
  button = gtk_button_new_with_mnemonic (_("E_xport…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->seal_group, row);
}

/* When the board approved the policy these settings follow: read only. */
static void
add_policy_date (RifqAssociationPage *self)
{
  g_autofree char *approved = rifq_db_get_setting (self->db, "policy_approved_on");
  g_autofree char *both = NULL;
  GtkWidget *row;
  GDate date;

  if (approved == NULL || !rifq_calendar_from_iso (approved, &date))
    return;
  both = rifq_calendar_format_both (&date, rifq_ui_get_digits ());
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Beneficiary policy approved by the board"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), both);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->identity_group, row);
}

static void
rifq_association_page_dispose (GObject *object)
{
  RifqAssociationPage *self = (RifqAssociationPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_ASSOCIATION_PAGE);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->seats, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_association_page_parent_class)->dispose (object);
}

/* The keys outlive the page's widgets: an export dialog left open keeps the page, and writes
 * them once answered, even after Preferences was closed. */
static void
rifq_association_page_finalize (GObject *object)
{
  RifqAssociationPage *self = (RifqAssociationPage *)object;

  g_free (self->keyring);

  G_OBJECT_CLASS (rifq_association_page_parent_class)->finalize (object);
}

static void
rifq_association_page_constructed (GObject *object)
{
  RifqAssociationPage *self = (RifqAssociationPage *) object;
  gboolean admin;

  G_OBJECT_CLASS (rifq_association_page_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  setup_entry (self, self->name_ar_row);
  setup_entry (self, self->name_en_row);
  setup_entry (self, self->letterhead_row);
  setup_entry (self, self->period_row);
  setup_entry (self, self->retention_row);
  setup_entry (self, self->request_format_row);
  setup_entry (self, self->letter_format_row);
  setup_entry (self, self->file_format_row);
  g_ptr_array_add (self->editors, self->quorum_row);
  g_ptr_array_add (self->editors, self->majority_row);
  g_ptr_array_add (self->editors, self->abstentions_row);
  g_ptr_array_add (self->editors, self->tie_switch);
  show_logo (self);
  show_rule (self);
  add_policy_date (self);
  add_seats (self);
  add_seal_key (self);
  g_signal_connect_object (self->db, "records-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);

  /* Everyone reads the settings; only an administrator changes them (the core says so too). */
  admin = rifq_permission_allows (RIFQ_PERMISSION_SETTINGS, rifq_staff_actor_roles (self->db));
  adw_preferences_group_set_description (self->identity_group,
                                         admin ? _("Printed on every document, and shared by every workstation.")
                                               : _("Only an administrator may change the association’s settings."));
  if (!admin)
    {
      GHashTableIter iter;
      gpointer editor;

      for (guint i = 0; i < self->editors->len; i++)
        gtk_widget_set_sensitive (g_ptr_array_index (self->editors, i), FALSE);
      g_hash_table_iter_init (&iter, self->seats);
      while (g_hash_table_iter_next (&iter, NULL, &editor))
        gtk_widget_set_sensitive (editor, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->logo_button), FALSE);
    }
}

static void
rifq_association_page_class_init (RifqAssociationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_association_page_dispose;
  object_class->finalize = rifq_association_page_finalize;
  object_class->constructed = rifq_association_page_constructed;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqAssociationPage, context));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-association-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, identity_group);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, name_ar_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, letterhead_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, logo_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, logo_button);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, rule_group);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, retention_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, quorum_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, majority_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, abstentions_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, tie_switch);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, members_group);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, request_format_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, letter_format_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, file_format_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAssociationPage, seal_group);
  gtk_widget_class_bind_template_callback (widget_class, logo_clicked_cb);
}

static void
rifq_association_page_init (RifqAssociationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_ptr_array_new ();
  self->seats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect_swapped (self->quorum_row, "notify::selected", G_CALLBACK (quorum_selected_cb), self);
  g_signal_connect_swapped (self->majority_row, "notify::selected", G_CALLBACK (majority_selected_cb), self);
  g_signal_connect_swapped (self->abstentions_row, "notify::selected", G_CALLBACK (abstentions_selected_cb), self);
  g_signal_connect_swapped (self->tie_switch, "notify::active", G_CALLBACK (tie_switched_cb), self);
}

RifqAssociationPage *
rifq_association_page_new (RifqContext *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  return g_object_new (RIFQ_TYPE_ASSOCIATION_PAGE, "context", context, NULL);
}

gboolean
rifq_association_page_take_logo (RifqAssociationPage *self,
                                 GFile               *file,
                                 GError             **error)
{
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (RIFQ_IS_ASSOCIATION_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  png = rifq_file_load (file, RIFQ_SETTINGS_LOGO_MAX_SIZE, error);
  if (png == NULL || !rifq_settings_save_logo (self->db, png, error))
    return FALSE;
  show_logo (self);
  return TRUE;
}
