/* rifq-beneficiary-editor.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-beneficiary-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-beneficiary-editor.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-channel.h"
#include "rifq-consent-group.h"
#include "rifq-error.h"
#include "rifq-permission.h"
#include "rifq-staff.h"
#include "rifq-validate.h"

typedef struct
{
  GtkWidget *expander;
  GtkWidget *name;
  GtkWidget *relation;
  GtkWidget *mobile;
  GtkWidget *guardian;
  GtkWidget *notes;
  GtkWidget *remove;
} CaregiverRows;

struct _RifqBeneficiaryEditor
{
  GtkWidget             parent_instance;

  /* template children */
  GtkScrolledWindow    *scroller;
  GtkLabel             *problems_label;
  GtkWidget            *reload_button;
  GtkBox               *groups_box;
  AdwPreferencesGroup  *caregivers_group;
  RifqConsentGroup     *consent_group;

  /* owned */
  RifqContext          *context;
  RifqDb               *db;       /* the context's */
  RifqBeneficiary      *original;
  GPtrArray            *channel_codes;
  GPtrArray            *caregivers;     /* CaregiverRows */
  char                 *problems;

  /* not owned: rows inside groups_box */
  GtkWidget            *rows[RIFQ_N_FIELDS];
  GtkWidget            *switches[RIFQ_N_FIELDS];
  GtkLabel             *birth_other;

  /* state */
  gboolean              dirty;
  gboolean              loading;
  gboolean              read_only;   /* shown to who reads the record but may not change it */
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RifqBeneficiaryEditor, rifq_beneficiary_editor, GTK_TYPE_WIDGET)

static guint signals[N_SIGNALS];

static void
changed_cb (RifqBeneficiaryEditor *self,
            GParamSpec            *pspec,
            GtkWidget             *row)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");
}

static void
entry_changed_cb (GtkEditable           *editable,
                  RifqBeneficiaryEditor *self)
{
  changed_cb (self, NULL, GTK_WIDGET (editable));
}

static void
birth_changed_cb (GtkEditable           *editable,
                  RifqBeneficiaryEditor *self)
{
  const char *text = gtk_editable_get_text (editable);
  RifqCalendarKind kind;
  GDate date;

  g_date_clear (&date, 1);
  if (text != NULL && *text != '\0' && rifq_calendar_parse (text, &date, &kind, NULL))
    {
      g_autofree char *other = NULL;

      if (kind == RIFQ_CALENDAR_HIJRI)
        other = rifq_calendar_format_gregorian (&date, rifq_ui_get_digits ());
      else
        {
          RifqHijriDate hijri;

          if (rifq_calendar_to_hijri (&date, &hijri, NULL))
            other = rifq_calendar_format_hijri (&hijri, rifq_ui_get_digits ());
        }
      gtk_label_set_text (self->birth_other, other ? other : "");
    }
  else
    gtk_label_set_text (self->birth_other, "");
}

static const char *
entry_placeholder (RifqField field)
{
  switch (field)
    {
    case RIFQ_FIELD_NATIONAL_ID:
      return _("10 digits, starting with 1 or 2");
    case RIFQ_FIELD_MOBILE:
    case RIFQ_FIELD_PHONE2:
      return _("05XXXXXXXX");
    case RIFQ_FIELD_BIRTH_DATE:
      return _("Gregorian 1950-03-08 or Hijri 1369/05/20");
    default:
      return NULL;
    }
}

static GtkWidget *
build_entry_row (RifqBeneficiaryEditor *self,
                 RifqField              field)
{
  const RifqFieldInfo *info = rifq_field_info (field);
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *title = NULL;

  title = info->required ? g_strdup_printf (_("%s (required)"), rifq_field_label (field))
                         : g_strdup (rifq_field_label (field));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  if (info->kind == RIFQ_FIELD_KIND_NATIONAL_ID || info->kind == RIFQ_FIELD_KIND_MOBILE ||
      info->kind == RIFQ_FIELD_KIND_COUNT)
    gtk_editable_set_alignment (GTK_EDITABLE (row), 0);

  if (entry_placeholder (field) != NULL)
    gtk_widget_set_tooltip_text (row, entry_placeholder (field));

  if (field == RIFQ_FIELD_BIRTH_DATE)
    {
      GtkWidget *other = gtk_label_new (NULL);

      gtk_widget_add_css_class (other, "dim-label");
      gtk_widget_add_css_class (other, "calendar-other");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), other);
      self->birth_other = GTK_LABEL (other);
      g_signal_connect (row, "changed", G_CALLBACK (birth_changed_cb), self);
    }

  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
  return row;
}

static GtkWidget *
build_combo_row (RifqBeneficiaryEditor *self,
                 RifqField              field)
{
  const RifqFieldInfo *info = rifq_field_info (field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rifq_field_label (field));
  /* Nothing is chosen for the officer: a required choice starts empty and must be made. */
  if (info->fallback == NULL)
    gtk_string_list_append (labels, info->required ? _("Choose…") : _("Not stated"));

  if (info->kind == RIFQ_FIELD_KIND_CHANNEL)
    {
      for (guint i = 0; i < self->channel_codes->len; i += 2)
        gtk_string_list_append (labels, g_ptr_array_index (self->channel_codes, i + 1));
    }
  else
    {
      for (guint i = 0; info->choices[i] != NULL; i++)
        gtk_string_list_append (labels, rifq_field_choice_label (field, info->choices[i]));
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed_cb), self);
  return row;
}

static GtkWidget *
build_switch_row (RifqBeneficiaryEditor *self,
                  RifqField              field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rifq_field_label (field));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (changed_cb), self);
  self->switches[field] = toggle;
  return row;
}

static void
build_form (RifqBeneficiaryEditor *self)
{
  AdwPreferencesGroup *groups[RIFQ_FIELD_GROUP_FILE + 1] = { NULL };

  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      const RifqFieldInfo *info = rifq_field_info (i);
      GtkWidget *row;

      if (groups[info->group] == NULL)
        {
          groups[info->group] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[info->group], rifq_field_group_title (info->group));
          gtk_box_append (self->groups_box, GTK_WIDGET (groups[info->group]));
        }

      switch (info->kind)
        {
        case RIFQ_FIELD_KIND_CHOICE:
        case RIFQ_FIELD_KIND_CHANNEL:
          row = build_combo_row (self, i);
          break;
        case RIFQ_FIELD_KIND_BOOLEAN:
          row = build_switch_row (self, i);
          break;
        case RIFQ_FIELD_KIND_READ_ONLY:
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rifq_field_label (i));
          gtk_widget_add_css_class (row, "property");
          break;
        default:
          row = build_entry_row (self, i);
          break;
        }
      gtk_widget_set_name (row, info->key);
      self->rows[i] = row;
      adw_preferences_group_add (groups[info->group], row);
    }
}

static void
caregiver_rows_free (gpointer data)
{
  g_free (data);
}

static GtkWidget *
caregiver_entry (RifqBeneficiaryEditor *self,
                 CaregiverRows         *rows,
                 const char            *title,
                 const char            *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), row);
  return row;
}

static void
remove_caregiver_clicked_cb (GtkButton             *button,
                             RifqBeneficiaryEditor *self)
{
  CaregiverRows *rows = g_object_get_data (G_OBJECT (button), "rifq-caregiver");

  adw_preferences_group_remove (self->caregivers_group, rows->expander);
  g_ptr_array_remove (self->caregivers, rows);
  changed_cb (self, NULL, NULL);
}

static void
caregiver_name_changed_cb (GtkEditable   *editable,
                           CaregiverRows *rows)
{
  const char *name = gtk_editable_get_text (editable);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander),
                                 name && *name ? name : _("New caregiver"));
}

/* A caregiver's rows offered for changing, or shown read only. */
static void
caregiver_rows_set_editable (CaregiverRows *rows,
                             gboolean       editable)
{
  GtkWidget *entries[] = { rows->name, rows->relation, rows->mobile, rows->notes };

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    gtk_editable_set_editable (GTK_EDITABLE (entries[e]), editable);
  gtk_widget_set_sensitive (rows->guardian, editable);
  gtk_widget_set_visible (rows->remove, editable);
}

static void
add_caregiver_rows (RifqBeneficiaryEditor *self,
                    const RifqCaregiver   *caregiver)
{
  CaregiverRows *rows = g_new0 (CaregiverRows, 1);
  GtkWidget *remove;
  GtkWidget *guardian_row;

  rows->expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander),
                                 caregiver && caregiver->name ? caregiver->name : _("New caregiver"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (rows->expander),
                                 caregiver && caregiver->relation ? caregiver->relation : "");

  rows->name = caregiver_entry (self, rows, _("Name"), caregiver ? caregiver->name : NULL);
  rows->relation = caregiver_entry (self, rows, _("Relation (son, daughter, neighbour…)"),
                                    caregiver ? caregiver->relation : NULL);
  rows->mobile = caregiver_entry (self, rows, _("Mobile"), caregiver ? caregiver->mobile : NULL);
  rows->notes = caregiver_entry (self, rows, _("Notes"), caregiver ? caregiver->notes : NULL);
  g_signal_connect (rows->name, "changed", G_CALLBACK (caregiver_name_changed_cb), rows);

  guardian_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (guardian_row), _("Guardian, may act for the beneficiary"));
  rows->guardian = gtk_switch_new ();
  gtk_widget_set_valign (rows->guardian, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (rows->guardian), caregiver && caregiver->is_guardian);
  g_signal_connect_swapped (rows->guardian, "notify::active", G_CALLBACK (changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (guardian_row), rows->guardian);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (guardian_row), rows->guardian);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), guardian_row);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this caregiver"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "rifq-caregiver", rows);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_caregiver_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (rows->expander), remove);
  rows->remove = remove;
  caregiver_rows_set_editable (rows, !self->read_only);

  adw_preferences_group_add (self->caregivers_group, rows->expander);
  g_ptr_array_add (self->caregivers, rows);
}

static void
add_caregiver_clicked_cb (RifqBeneficiaryEditor *self)
{
  CaregiverRows *rows;

  add_caregiver_rows (self, NULL);
  rows = g_ptr_array_index (self->caregivers, self->caregivers->len - 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (rows->expander), TRUE);
  gtk_widget_grab_focus (rows->name);
  changed_cb (self, NULL, NULL);
}

static void
clear_problems (RifqBeneficiaryEditor *self)
{
  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      gtk_widget_remove_css_class (self->rows[i], "error");
      gtk_widget_set_tooltip_text (self->rows[i], entry_placeholder (i));
    }
  for (guint i = 0; i < self->caregivers->len; i++)
    gtk_widget_remove_css_class (((CaregiverRows *) g_ptr_array_index (self->caregivers, i))->expander, "error");
  g_clear_pointer (&self->problems, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
  gtk_widget_set_visible (self->reload_button, FALSE);
}

static void
show_problems (RifqBeneficiaryEditor *self,
               GPtrArray             *problems,
               const char            *message)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *first = NULL;

  clear_problems (self);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      RifqProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row;

      if (problem->caregiver >= 0)
        row = ((CaregiverRows *) g_ptr_array_index (self->caregivers, problem->caregiver))->expander;
      else
        row = self->rows[problem->field];
      /* Beside the field too: the message is the row's tooltip until it is corrected. */
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, problem->message);
      if (first == NULL)
        first = row;
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", problem->message);
    }
  if (message != NULL)
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "", message);

  self->problems = g_strdup (text->str);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "problems");
  gtk_label_set_text (self->problems_label, self->problems);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void ensure_form (RifqBeneficiaryEditor *self);
static void fill_form   (RifqBeneficiaryEditor *self,
                         RifqBeneficiary       *beneficiary);

/* What the form holds for field: the text typed, or the code of the choice made. */
static const char *
field_text (RifqBeneficiaryEditor *self,
            RifqField              field)
{
  const RifqFieldInfo *info;

  ensure_form (self);
  info = rifq_field_info (field);
  switch (info->kind)
    {
    case RIFQ_FIELD_KIND_CHOICE:
    case RIFQ_FIELD_KIND_CHANNEL:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[field]));
        guint offset = info->fallback == NULL ? 1 : 0;

        if (selected == GTK_INVALID_LIST_POSITION || selected < offset)
          return NULL;
        if (info->kind == RIFQ_FIELD_KIND_CHANNEL)
          return g_ptr_array_index (self->channel_codes, (selected - offset) * 2);
        return info->choices[selected - offset];
      }
    case RIFQ_FIELD_KIND_BOOLEAN:
      return gtk_switch_get_active (GTK_SWITCH (self->switches[field])) ? "true" : "false";
    case RIFQ_FIELD_KIND_READ_ONLY:
      return self->original ? rifq_beneficiary_get (self->original, field) : NULL;
    default:
      return gtk_editable_get_text (GTK_EDITABLE (self->rows[field]));
    }
}

static RifqBeneficiary *
read_form (RifqBeneficiaryEditor *self)
{
  RifqBeneficiary *beneficiary = self->original ? rifq_beneficiary_copy (self->original)
                                                : rifq_beneficiary_new ();

  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    if (rifq_field_info (i)->kind != RIFQ_FIELD_KIND_READ_ONLY)
      rifq_beneficiary_set (beneficiary, i, field_text (self, i));

  rifq_beneficiary_clear_caregivers (beneficiary);
  for (guint i = 0; i < self->caregivers->len; i++)
    {
      CaregiverRows *rows = g_ptr_array_index (self->caregivers, i);
      RifqCaregiver *c = rifq_caregiver_new ();

      c->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->name)));
      c->relation = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->relation)));
      c->mobile = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->mobile)));
      c->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->notes)));
      c->is_guardian = gtk_switch_get_active (GTK_SWITCH (rows->guardian));
      rifq_beneficiary_add_caregiver (beneficiary, c);
    }
  return beneficiary;
}

static RifqSaveResult
store (RifqBeneficiaryEditor *self,
       RifqBeneficiary       *beneficiary,
       const char            *reason);

typedef struct
{
  RifqBeneficiaryEditor *self;
  RifqBeneficiary       *beneficiary;
  GtkWidget             *reason;
} DuplicateQuestion;

static void
duplicate_question_free (gpointer data)
{
  DuplicateQuestion *question = data;

  g_object_unref (question->self);
  g_object_unref (question->beneficiary);
  g_free (question);
}

static void
reason_changed_cb (GtkEditable      *editable,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "keep", *reason != '\0');
}

static void
duplicate_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       DuplicateQuestion *question)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (question->reason))));

  if (g_str_equal (response, "keep") && *reason != '\0')
    store (question->self, question->beneficiary, reason);
}

static void
ask_about_duplicates (RifqBeneficiaryEditor *self,
                      RifqBeneficiary       *beneficiary,
                      GPtrArray             *probable,
                      const char            *message)
{
  g_autoptr(GString) body = g_string_new (message);
  DuplicateQuestion *question = g_new0 (DuplicateQuestion, 1);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Reason to keep this record"));

  g_string_append (body, "\n");
  for (guint i = 0; i < probable->len; i++)
    {
      RifqBeneficiary *other = g_ptr_array_index (probable, i);
      g_autofree char *name = rifq_beneficiary_dup_full_name (other);
      g_autofree char *mobile = rifq_validate_format_mobile (rifq_beneficiary_get (other, RIFQ_FIELD_MOBILE));
      g_autofree char *line = g_strdup_printf ("\n• %s — %s — %s — %s", name,
                                               rifq_beneficiary_get (other, RIFQ_FIELD_NATIONAL_ID),
                                               mobile,
                                               rifq_beneficiary_get (other, RIFQ_FIELD_BIRTH_DATE));
      g_autofree char *shown = rifq_ui_display_digits (line);

      g_string_append (body, shown);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Possibly Already Registered"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Check First"),
                                    "keep", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "keep", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  question->self = g_object_ref (self);
  question->beneficiary = g_object_ref (beneficiary);
  question->reason = gtk_entry_new ();
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), question->reason);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), question->reason);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_signal_connect (question->reason, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (duplicate_response_cb), question,
                         (GClosureNotify) (void (*) (void)) duplicate_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static RifqSaveResult
store (RifqBeneficiaryEditor *self,
       RifqBeneficiary       *beneficiary,
       const char            *reason)
{
  g_autoptr(GPtrArray) probable = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (rifq_beneficiary_get_id (beneficiary) > 0)
    ok = rifq_beneficiary_store_update (self->db, beneficiary, reason, &probable, &error);
  else
    ok = rifq_beneficiary_store_add (self->db, beneficiary, reason, &probable, &error);

  if (!ok)
    {
      if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_PROBABLE_DUPLICATE) && probable != NULL)
        {
          ask_about_duplicates (self, beneficiary, probable, error->message);
          return RIFQ_SAVE_ASKING;
        }
      if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT))
        {
          /* The time and the day it names, in the digits the window shows. */
          g_autofree char *shown = rifq_ui_display_digits (error->message);

          show_problems (self, NULL, shown);
        }
      else
        show_problems (self, NULL, error->message);
      if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE))
        gtk_widget_add_css_class (self->rows[RIFQ_FIELD_NATIONAL_ID], "error");
      /* Saved meanwhile at another workstation: what was typed stays, ready to go on top. */
      if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT))
        {
          gtk_widget_set_visible (self->reload_button, TRUE);
          gtk_widget_grab_focus (self->reload_button);
        }
      return RIFQ_SAVE_REFUSED;
    }

  {
    g_autoptr(RifqBeneficiary) before = self->original ? g_object_ref (self->original) : NULL;

    rifq_beneficiary_editor_load (self, beneficiary);
    g_signal_emit (self, signals[SAVED], 0, before, beneficiary);
  }
  return RIFQ_SAVE_SAVED;
}

/* The latest version saved elsewhere, with what was typed here put back on top (core's
 * rifq_beneficiary_rebase): the officer checks it and saves again over that version. */
static void
reload_clicked_cb (RifqBeneficiaryEditor *self)
{
  g_autoptr(RifqBeneficiary) mine = read_form (self);
  g_autoptr(RifqBeneficiary) read = g_object_ref (self->original);
  g_autoptr(RifqBeneficiary) latest = NULL;
  g_autoptr(RifqBeneficiary) rebased = NULL;
  g_autoptr(GError) error = NULL;

  latest = rifq_beneficiary_store_get (self->db, rifq_beneficiary_get_id (read), &error);
  if (latest == NULL)
    {
      show_problems (self, NULL, error->message);
      return;
    }
  rebased = rifq_beneficiary_rebase (mine, read, latest);
  rifq_beneficiary_editor_load (self, latest);
  self->loading = TRUE;
  fill_form (self, rebased);
  self->loading = FALSE;
  self->dirty = TRUE;
  show_problems (self, NULL, _("Reloaded: the changes saved at the other workstation are in the form, with yours on "
                               "top. Check them, then save."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "problems");
}

static void
rifq_beneficiary_editor_dispose (GObject *object)
{
  RifqBeneficiaryEditor *self = (RifqBeneficiaryEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_BENEFICIARY_EDITOR);
  g_clear_object (&self->context);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (rifq_beneficiary_editor_parent_class)->dispose (object);
}

static void
rifq_beneficiary_editor_finalize (GObject *object)
{
  RifqBeneficiaryEditor *self = (RifqBeneficiaryEditor *)object;

  g_clear_pointer (&self->channel_codes, g_ptr_array_unref);
  g_clear_pointer (&self->caregivers, g_ptr_array_unref);
  g_free (self->problems);

  G_OBJECT_CLASS (rifq_beneficiary_editor_parent_class)->finalize (object);
}

static void
rifq_beneficiary_editor_class_init (RifqBeneficiaryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_beneficiary_editor_dispose;
  object_class->finalize = rifq_beneficiary_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 RIFQ_TYPE_BENEFICIARY, RIFQ_TYPE_BENEFICIARY);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-beneficiary-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqBeneficiaryEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, RifqBeneficiaryEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, RifqBeneficiaryEditor, reload_button);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, RifqBeneficiaryEditor, groups_box);
  gtk_widget_class_bind_template_child (widget_class, RifqBeneficiaryEditor, caregivers_group);
  gtk_widget_class_bind_template_child (widget_class, RifqBeneficiaryEditor, consent_group);
  gtk_widget_class_bind_template_callback (widget_class, add_caregiver_clicked_cb);
}

static void
rifq_beneficiary_editor_init (RifqBeneficiaryEditor *self)
{
  self->caregivers = g_ptr_array_new_with_free_func (caregiver_rows_free);
  self->channel_codes = g_ptr_array_new_with_free_func (g_free);
  g_type_ensure (RIFQ_TYPE_CONSENT_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rifq_beneficiary_editor_set_context (RifqBeneficiaryEditor *self,
                                     RifqContext           *context)
{
  g_autoptr(GPtrArray) channels = NULL;

  g_return_if_fail (RIFQ_IS_BENEFICIARY_EDITOR (self));
  g_return_if_fail (RIFQ_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->db = rifq_context_get_db (context);
  rifq_consent_group_set_context (self->consent_group, context);
  channels = rifq_channel_list (self->db, NULL);
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      RifqPolicyItem *item = g_ptr_array_index (channels, i);

      g_ptr_array_add (self->channel_codes, g_strdup (item->code));
      g_ptr_array_add (self->channel_codes, g_strdup (rifq_policy_item_label (item)));
    }
}

/* The form is built the first time it is needed, not while the window starts. */
static void
ensure_form (RifqBeneficiaryEditor *self)
{
  if (self->rows[0] == NULL)
    build_form (self);
}

static void
set_combo (RifqBeneficiaryEditor *self,
           RifqField              field,
           const char            *code)
{
  const RifqFieldInfo *info = rifq_field_info (field);
  guint offset = info->fallback == NULL ? 1 : 0;
  guint selected = 0;

  if (code != NULL && info->kind == RIFQ_FIELD_KIND_CHANNEL)
    {
      for (guint i = 0; i < self->channel_codes->len; i += 2)
        if (g_str_equal (g_ptr_array_index (self->channel_codes, i), code))
          selected = offset + i / 2;
    }
  else if (code != NULL)
    {
      for (guint i = 0; info->choices[i] != NULL; i++)
        if (g_str_equal (info->choices[i], code))
          selected = offset + i;
    }
  else if (info->fallback != NULL)
    {
      for (guint i = 0; info->choices[i] != NULL; i++)
        if (g_str_equal (info->choices[i], info->fallback))
          selected = i;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[field]), selected);
}

/* A record shown to who may read it but not change it: its values as they are, nothing to type
 * into, switch, choose, add or remove (core refuses a change regardless). */
static void
show_read_only (RifqBeneficiaryEditor *self)
{
  gboolean editable = !self->read_only;

  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      if (self->switches[i] != NULL)
        gtk_widget_set_sensitive (self->switches[i], editable);
      else if (GTK_IS_EDITABLE (self->rows[i]))
        gtk_editable_set_editable (GTK_EDITABLE (self->rows[i]), editable);
      else if (ADW_IS_COMBO_ROW (self->rows[i]))
        gtk_widget_set_sensitive (self->rows[i], editable);
    }
  for (guint i = 0; i < self->caregivers->len; i++)
    caregiver_rows_set_editable (g_ptr_array_index (self->caregivers, i), editable);
  gtk_widget_set_visible (adw_preferences_group_get_header_suffix (self->caregivers_group), editable);
}

/* The form shows beneficiary's values and caregivers (empty when NULL). */
static void
fill_form (RifqBeneficiaryEditor *self,
           RifqBeneficiary       *beneficiary)
{
  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      const RifqFieldInfo *info = rifq_field_info (i);
      const char *value = beneficiary ? rifq_beneficiary_get (beneficiary, i) : NULL;

      switch (info->kind)
        {
        case RIFQ_FIELD_KIND_CHOICE:
        case RIFQ_FIELD_KIND_CHANNEL:
          set_combo (self, i, value);
          break;
        case RIFQ_FIELD_KIND_BOOLEAN:
          gtk_switch_set_active (GTK_SWITCH (self->switches[i]), g_strcmp0 (value, "true") == 0);
          break;
        case RIFQ_FIELD_KIND_READ_ONLY:
          {
            g_autofree char *shown = rifq_ui_display_digits (value);

            adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[i]),
                                         shown ? shown : _("Given when the beneficiary is registered"));
          }
          break;
        case RIFQ_FIELD_KIND_MOBILE:
          {
            /* Shown as officers dial it; the store keeps the international form. */
            g_autofree char *local = rifq_validate_format_mobile (value);

            gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), local ? local : "");
          }
          break;
        default:
          gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value ? value : "");
          break;
        }
    }

  while (self->caregivers->len > 0)
    {
      CaregiverRows *rows = g_ptr_array_index (self->caregivers, self->caregivers->len - 1);

      adw_preferences_group_remove (self->caregivers_group, rows->expander);
      g_ptr_array_remove_index (self->caregivers, self->caregivers->len - 1);
    }
  if (beneficiary != NULL)
    {
      GPtrArray *caregivers = rifq_beneficiary_get_caregivers (beneficiary);

      for (guint i = 0; i < caregivers->len; i++)
        add_caregiver_rows (self, g_ptr_array_index (caregivers, i));
    }
}

void
rifq_beneficiary_editor_load (RifqBeneficiaryEditor *self,
                              RifqBeneficiary       *beneficiary)
{
  g_return_if_fail (RIFQ_IS_BENEFICIARY_EDITOR (self));
  g_return_if_fail (self->db != NULL);

  ensure_form (self);
  self->loading = TRUE;
  g_set_object (&self->original, beneficiary);
  clear_problems (self);

  fill_form (self, beneficiary);
  /* A new record is offered only to who may register one (the window's action). */
  self->read_only = beneficiary != NULL &&
                    !rifq_permission_allows (RIFQ_PERMISSION_EDIT_BENEFICIARY, rifq_staff_actor_roles (self->db));
  show_read_only (self);
  rifq_consent_group_load (self->consent_group, beneficiary != NULL ? rifq_beneficiary_get_id (beneficiary) : 0);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  self->dirty = FALSE;
  self->loading = FALSE;
}

gboolean
rifq_beneficiary_editor_get_read_only (RifqBeneficiaryEditor *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY_EDITOR (self), FALSE);
  return self->read_only;
}

gboolean
rifq_beneficiary_editor_get_dirty (RifqBeneficiaryEditor *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY_EDITOR (self), FALSE);
  return self->dirty;
}


RifqSaveResult
rifq_beneficiary_editor_save (RifqBeneficiaryEditor *self)
{
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (RIFQ_IS_BENEFICIARY_EDITOR (self), RIFQ_SAVE_REFUSED);

  /* Shown read only: nothing was offered to change, nothing is saved. */
  if (self->read_only)
    return RIFQ_SAVE_REFUSED;

  /* The rules live in core: the form only shows what they say, beside each field. */
  beneficiary = read_form (self);
  problems = rifq_beneficiary_validate (beneficiary, NULL);
  if (problems->len > 0)
    {
      show_problems (self, problems, NULL);
      return RIFQ_SAVE_REFUSED;
    }
  return store (self, beneficiary, NULL);
}

/* Once the form has its size, the consents are scrolled into view and given the focus. */
static gboolean
show_consent_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  RifqBeneficiaryEditor *self = RIFQ_BENEFICIARY_EDITOR (widget);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint *frames = user_data;
  graphene_rect_t bounds;

  /* Given up after a second or two of frames: the group is hidden (a record not saved). */
  if (++*frames > 120 || !gtk_widget_get_visible (GTK_WIDGET (self->consent_group)))
    return G_SOURCE_REMOVE;
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->consent_group), content, &bounds) ||
      bounds.size.height <= 0 || gtk_adjustment_get_upper (adjustment) < bounds.origin.y + bounds.size.height)
    return G_SOURCE_CONTINUE;
  gtk_adjustment_set_value (adjustment,
                            bounds.origin.y + bounds.size.height - gtk_adjustment_get_page_size (adjustment) + 24);
  rifq_consent_group_focus (self->consent_group);
  return G_SOURCE_REMOVE;
}

void
rifq_beneficiary_editor_focus_consent (RifqBeneficiaryEditor *self)
{
  g_return_if_fail (RIFQ_IS_BENEFICIARY_EDITOR (self));
  gtk_widget_add_tick_callback (GTK_WIDGET (self), show_consent_tick_cb, g_new0 (guint, 1), g_free);
}
