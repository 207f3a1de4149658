/* rifq-intake-page.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rifq-arabic.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-channel.h"
#include "rifq-error.h"
#include "rifq-application.h"
#include "rifq-intake-page.h"
#include "rifq-pdf-window.h"
#include "rifq-locale.h"
#include "rifq-request-receipt.h"
#include "rifq-request-store.h"
#include "rifq-signature-pad.h"
#include "rifq-staff.h"
#include "rifq-validate.h"

/* The rows of one document of the checklist. */
typedef struct
{
  char      *type;
  GtkWidget *group;
  GtkWidget *number;
  GtkWidget *issued;
  GtkWidget *expires;    /* NULL when the document does not expire */
  GtkWidget *parsed;
  GtkWidget *matched;
  GtkWidget *scan;
  /* What the rows showed when last read from the store: typing that differs is not saved. */
  char      *shown_number;
  char      *shown_issued;
  char      *shown_expires;
  gboolean   shown_matched;
} DocumentRows;

/* The documents form of one request, kept while the page lives so that what was typed and
 * not saved survives leaving the step or the request. */
typedef struct
{
  gint64     request_id;
  char      *kind;
  char      *types;
  GtkWidget *box;
  GPtrArray *rows;       /* DocumentRows */
} DocumentForm;

/* The rows of steps the squeezer chooses from, widest first: names beside the numbers, names
 * under them, and only the current step's name. */
enum
{
  PROGRESS_WIDE,
  PROGRESS_STACKED,
  PROGRESS_COMPACT,
  N_PROGRESS_ROWS
};

typedef struct _ReceptionDraft ReceptionDraft;

/* The signing and service forms as left for a request, until the officer comes back to it. */
typedef struct
{
  RifqSignature *signature;
  gboolean       caregiver;
  gboolean       thumbprint;
  char          *caregiver_name;
  char          *relation;
  char          *officer_name;
} SigningDraft;

typedef struct
{
  guint     kind;
  char     *quantity;
  char     *amount;
  char     *date;
  char     *delivered_by;
  gboolean  at_home;
  char     *notes;
} ServiceDraft;

static void
signing_draft_free (gpointer data)
{
  SigningDraft *draft = data;

  g_clear_pointer (&draft->signature, rifq_signature_unref);
  g_free (draft->caregiver_name);
  g_free (draft->relation);
  g_free (draft->officer_name);
  g_free (draft);
}

static void
service_draft_free (gpointer data)
{
  ServiceDraft *draft = data;

  g_free (draft->quantity);
  g_free (draft->amount);
  g_free (draft->date);
  g_free (draft->delivered_by);
  g_free (draft->notes);
  g_free (draft);
}

struct _RifqIntakePage
{
  GtkWidget           parent_instance;

  /* template children */
  AdwToastOverlay    *toast_overlay;
  GtkWidget          *back_button;
  AdwWindowTitle     *window_title;
  GtkWidget          *progress_area;
  AdwSqueezer        *progress_squeezer;
  GtkWidget          *progress_separator;
  GtkStack           *stack;
  GtkListBox         *landing_list;
  GtkWidget          *landing_empty;
  GtkWidget          *applicant_group;
  GtkWidget          *register_new_button;
  GtkWidget          *search_box;
  GtkSearchEntry     *applicant_search;
  GtkListBox         *search_results;
  GtkWidget          *chosen_list;
  AdwActionRow       *chosen_row;
  GtkWidget          *change_button;
  GtkWidget          *request_group;
  AdwComboRow        *channel_row;
  AdwComboRow        *kind_row;
  GtkWidget          *description_row;
  GtkWidget          *amount_row;
  GtkWidget          *summary_row;
  GtkWidget          *receive_button;
  GtkLabel           *documents_summary;
  GtkBox             *documents_holder;
  GtkWidget          *documents_buttons;
  GtkLabel           *research_status;
  GtkBox             *referrals_box;
  GtkWidget          *research_back_button;
  GtkLabel           *declaration_label;
  GtkWidget          *signing_form;
  GtkToggleButton    *signer_applicant;
  GtkToggleButton    *signer_caregiver;
  GtkWidget          *caregiver_list;
  GtkWidget          *caregiver_name_row;
  GtkWidget          *caregiver_relation_row;
  GtkToggleButton    *mark_signature;
  GtkToggleButton    *mark_thumbprint;
  RifqSignaturePad   *signature_pad;
  GtkWidget          *officer_name_row;
  GtkLabel           *signed_label;
  GtkWidget          *sign_button;
  GtkWidget          *to_submission_button;
  GtkWidget          *reopen_button;
  GtkWidget          *submission_before;
  GtkLabel           *submission_text;
  GtkWidget          *submission_after;
  GtkLabel           *submission_description;
  GtkLabel           *submission_due;
  GtkWidget          *close_rejected_button;
  GtkImage           *registration_icon;
  GtkLabel           *registration_title;
  GtkLabel           *registration_text;
  GtkWidget          *register_button;
  GtkLabel           *service_status;
  GtkWidget          *service_form;
  AdwComboRow        *service_kind_row;
  GtkWidget          *quantity_row;
  GtkWidget          *service_amount_row;
  GtkWidget          *service_date_row;
  GtkWidget          *delivered_by_row;
  GtkToggleButton    *place_office;
  GtkToggleButton    *place_home;
  GtkWidget          *notes_row;
  GtkWidget          *services_box;
  GtkListBox         *services_list;
  GtkWidget          *close_button;

  /* owned */
  RifqDb             *db;
  GSimpleActionGroup *actions;
  RifqRequest        *request;
  GPtrArray          *channels;          /* RifqPolicyItem */
  GPtrArray          *kinds;             /* RifqPolicyItem */
  GHashTable         *forms;             /* &request_id → DocumentForm */
  char               *referral_question;
  char               *withdraw_reason;
  ReceptionDraft     *reception_draft;
  GHashTable         *signing_drafts;    /* request id → SigningDraft */
  GHashTable         *service_drafts;    /* request id → ServiceDraft */
  AdwToast           *error_toast;       /* weak: the refusal on screen */

  /* not owned: the steps in progress_squeezer, widest first */
  GtkWidget          *step_buttons[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];
  GtkWidget          *step_badges[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];
  GtkWidget          *step_names[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];

  /* state */
  guint               shown_step;
  gint64              chosen_id;
  gint64              signing_for;       /* the request the signing form was filled for */
  gboolean            signing_was_signed;
  gint64              service_for;       /* the request the service form was filled for */
  gint64              error_shown_at;    /* when the refusal came on screen, monotonic */
  gboolean            form_shows_request;
};

G_DEFINE_FINAL_TYPE (RifqIntakePage, rifq_intake_page, GTK_TYPE_WIDGET)

/* The policy's seven steps, short, in its order. */
static const char * const step_titles[RIFQ_INTAKE_N_STEPS] = {
  N_("Reception"),
  N_("Documents"),
  N_("Social Research"),
  N_("Declaration and Signature"),
  N_("Submission"),
  N_("Registration"),
  N_("Service"),
};

/* A reception typed but not yet received, kept while the officer looks at another request. */
struct _ReceptionDraft
{
  gint64  chosen_id;
  char   *chosen_title;
  char   *chosen_subtitle;
  guint   channel;
  guint   kind;
  char   *description;
  char   *amount;
  char   *summary;
};

static void
reception_draft_free (ReceptionDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->chosen_title);
  g_free (draft->chosen_subtitle);
  g_free (draft->description);
  g_free (draft->amount);
  g_free (draft->summary);
  g_free (draft);
}

typedef gboolean (*StepFunc) (RifqIntakePage *self,
                              GVariant       *parameter,
                              GError        **error);

static gboolean receive_step           (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean save_documents_step    (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean attach_step            (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean refer_step             (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean confirm_documents_step (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean sign_step              (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean submit_step            (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean save_receipt_step      (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean open_receipt_step      (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean register_step          (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean serve_step             (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean close_step             (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean new_step               (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean list_step              (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean show_step_step         (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean change_applicant_step  (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean withdraw_step          (RifqIntakePage *self, GVariant *parameter, GError **error);
static gboolean reopen_step            (RifqIntakePage *self, GVariant *parameter, GError **error);

static const struct
{
  const char *name;
  const char *parameter_type;
  StepFunc    func;
} page_actions[] = {
  { "receive",           NULL, receive_step },
  { "save-documents",    NULL, save_documents_step },
  { "attach",            "s",  attach_step },
  { "refer",             NULL, refer_step },
  { "confirm-documents", NULL, confirm_documents_step },
  { "sign",              NULL, sign_step },
  { "submit",            NULL, submit_step },
  { "save-receipt",      NULL, save_receipt_step },
  { "open-receipt",      NULL, open_receipt_step },
  { "register",          NULL, register_step },
  { "serve",             NULL, serve_step },
  { "close",             NULL, close_step },
  { "new",               NULL, new_step },
  { "list",              NULL, list_step },
  { "show-step",         "u",  show_step_step },
  { "change-applicant",  NULL, change_applicant_step },
  { "withdraw",          NULL, withdraw_step },
  { "reopen",            NULL, reopen_step },
};

static void show_page (RifqIntakePage *self,
                       guint           step);

/* Helpers */


static const char *
editable_text (GtkWidget *widget)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

static void
set_editable_text (GtkWidget  *widget,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
}

/* Numbers as the interface shows them: as the language, or as the preferences say. */
static char *
shown_digits (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return rifq_ui_display_digits (text);
}

/* Where the request is, in one sentence, with every number in the interface's digits. */
static char *
describe (RifqIntakePage    *self,
          const RifqRequest *r)
{
  g_autofree char *today = rifq_request_store_today (self->db);
  g_autofree char *sentence = rifq_request_describe (r, today);

  return shown_digits (sentence);
}

static char *
shown_int (gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return shown_digits (text);
}

static char *
date_digits (const char *text)
{
  if (rifq_calendar_interface_digits () == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (text);
  return g_strdup (text);
}

/* A stored day or moment, Hijri beside Gregorian, as the day it was here. */
static char *
format_day (const char *iso)
{
  return rifq_calendar_format_iso_both (iso, rifq_calendar_interface_digits ());
}

/* A saved day as an officer types it, "1446/02/21", so it reads back to the same day. */
static char *
typed_date (const char *iso)
{
  g_autofree char *text = NULL;
  RifqHijriDate hijri;
  GDate date;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (!rifq_calendar_from_iso (iso, &date) || !rifq_calendar_to_hijri (&date, &hijri, NULL)
      || hijri.approximate)
    return g_strdup (iso);
  text = g_strdup_printf ("%04d/%02d/%02d", hijri.year, hijri.month, hijri.day);
  return date_digits (text);
}

/* A whole number as typed, in either digits, thousands separators allowed; blank is FALSE. */
static gboolean
parse_whole_number (const char *text,
                    gint64     *out_value)
{
  g_autofree char *latin = rifq_arabic_latin_digits (text ? text : "");
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 value;

  for (const char *p = latin; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && g_ascii_isdigit (c))
        g_string_append_c (digits, (char) c);
      else if (c != ',' && c != 0x066C && !g_unichar_isspace (c))
        return FALSE;
    }
  if (digits->len == 0 || !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *out_value = (gint64) value;
  return TRUE;
}

static void
remove_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
action_row_new (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and sentences from the database are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  return row;
}

static GtkWidget *
append_label (GtkWidget  *box,
              const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static char *
staff_name (RifqIntakePage *self,
            const char     *username)
{
  g_autoptr(RifqStaff) staff = NULL;

  if (username == NULL)
    return g_strdup ("—");
  staff = rifq_staff_get (self->db, username, NULL);
  return g_strdup (staff != NULL && staff->full_name != NULL ? staff->full_name : username);
}

static const char *
item_code (GPtrArray *items,
           guint      position)
{
  if (items == NULL || position >= items->len)
    return NULL;
  return ((RifqPolicyItem *) g_ptr_array_index (items, position))->code;
}

/* Selects the item with this code; an unknown code selects nothing, and the store says so. */
static void
select_code (AdwComboRow *row,
             GPtrArray   *items,
             const char  *code)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (g_strcmp0 (item_code (items, i), code) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
}

static void
fill_combo (AdwComboRow *row,
            GPtrArray   *items)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    gtk_string_list_append (labels, rifq_policy_item_label (g_ptr_array_index (items, i)));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
error_toast_dismissed_cb (AdwToast       *toast,
                          RifqIntakePage *self)
{
  /* Dismissed once only: a second dismissal would hide it twice. */
  if (self->error_toast == toast)
    g_clear_weak_pointer (&self->error_toast);
}

static void
error_label_mapped_cb (GtkWidget      *label,
                       RifqIntakePage *self)
{
  self->error_shown_at = g_get_monotonic_time ();
}

/* Takes a refusal off the screen once it is outdated. libadwaita 1.2 frees a toast dismissed
 * while it is still appearing and then touches it, so one that came up less than a second ago
 * stays until the officer closes it. */
static void
dismiss_error (RifqIntakePage *self)
{
  GtkWidget *label;

  if (self->error_toast == NULL)
    return;
  label = adw_toast_get_custom_title (self->error_toast);
  if (label != NULL && gtk_widget_get_mapped (label)
      && g_get_monotonic_time () - self->error_shown_at < G_USEC_PER_SEC)
    return;
  adw_toast_dismiss (self->error_toast);
}

static void
show_error (RifqIntakePage *self,
            const char     *message)
{
  GtkWidget *label;
  AdwToast *toast;

  /* The refusal on screen says the newer one; the officer closes it once read. */
  if (self->error_toast != NULL)
    {
      gtk_label_set_text (GTK_LABEL (adw_toast_get_custom_title (self->error_toast)), message);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->error_toast));
      return;
    }

  /* A title label of its own: the sentence wraps instead of being cut short. */
  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  g_signal_connect_object (label, "map", G_CALLBACK (error_label_mapped_cb), self, 0);

  toast = adw_toast_new ("");
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 0);
  g_set_weak_pointer (&self->error_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (error_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_info (RifqIntakePage *self,
           const char     *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  dismiss_error (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static GtkWindow *
parent_window (RifqIntakePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Focus leaves a part of the page about to be hidden or made read-only: GTK 4.8 would keep
 * an entry's cursor blinking there and warn that it never lost focus. */
static void
release_focus (RifqIntakePage *self,
               GtkWidget      *within)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && within != NULL && (focus == within || gtk_widget_is_ancestor (focus, within)))
    gtk_root_set_focus (root, NULL);
}

static void
set_shown (RifqIntakePage *self,
           GtkWidget      *widget,
           gboolean        shown)
{
  if (!shown)
    release_focus (self, widget);
  gtk_widget_set_visible (widget, shown);
}

static void
set_editable (RifqIntakePage *self,
              GtkWidget      *widget,
              gboolean        editable)
{
  if (!editable)
    release_focus (self, widget);
  gtk_widget_set_sensitive (widget, editable);
}

static gboolean
require_request (RifqIntakePage  *self,
                 GError         **error)
{
  if (self->request != NULL)
    return TRUE;
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Receive the request first."));
  return FALSE;
}

static guint
current_step (RifqIntakePage *self)
{
  return self->request ? rifq_request_state_step (self->request->state) : 1;
}

static gboolean
referral_answered (const RifqRequest *r)
{
  for (guint i = 0; r != NULL && i < r->referrals->len; i++)
    if (((RifqReferral *) g_ptr_array_index (r->referrals, i))->answer != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
step_reached (RifqIntakePage *self,
              guint           step)
{
  if (step < 1 || step > RIFQ_INTAKE_N_STEPS)
    return FALSE;
  if (self->request == NULL)
    return step == 1;
  /* A referral answered while the documents are still open can be read again; once signed,
   * submission is the next thing to do. */
  return step <= current_step (self) || (step == 3 && self->request->referrals->len > 0)
         || (step == 5 && self->request->state == RIFQ_REQUEST_READY_TO_SIGN && self->request->signed_at != NULL);
}

/* Document rows */

static void
document_rows_free (gpointer data)
{
  DocumentRows *rows = data;

  g_free (rows->type);
  g_free (rows->shown_number);
  g_free (rows->shown_issued);
  g_free (rows->shown_expires);
  g_free (rows);
}

static void
document_form_free (gpointer data)
{
  DocumentForm *form = data;

  /* The widgets go first: their signals point at the rows. */
  g_clear_object (&form->box);
  g_clear_pointer (&form->rows, g_ptr_array_unref);
  g_free (form->kind);
  g_free (form->types);
  g_free (form);
}

static char *
checklist_types (const RifqRequest *r)
{
  g_autoptr(GString) types = g_string_new (NULL);

  for (guint i = 0; i < r->documents->len; i++)
    g_string_append_printf (types, "%s;", ((RifqDocument *) g_ptr_array_index (r->documents, i))->type);
  return g_string_free (g_steal_pointer (&types), FALSE);
}

/* "Issued 21 Safar 1446 AH — 25 August 2024", or why the typed date is not one. */
static char *
describe_typed_date (const char *label,
                     const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *both = NULL;
  RifqCalendarKind kind;
  GDate date;

  if (rifq_text_is_blank (typed))
    return NULL;
  if (!rifq_calendar_parse (typed, &date, &kind, &error))
    /* Translators: "Expiry: <why the date was not understood>" */
    return g_strdup_printf (_("%s: %s"), label, error->message);
  both = rifq_calendar_format_both (&date, rifq_calendar_interface_digits ());
  return g_strdup_printf (_("%s: %s"), label, both);
}

static void
update_parsed_dates (DocumentRows *rows)
{
  g_autofree char *issued = describe_typed_date (_("Issued"), editable_text (rows->issued));
  g_autofree char *expires = rows->expires ? describe_typed_date (_("Expires"), editable_text (rows->expires)) : NULL;
  g_autofree char *text = NULL;

  if (issued != NULL && expires != NULL)
    text = g_strdup_printf ("%s\n%s", issued, expires);
  else if (issued != NULL || expires != NULL)
    text = g_strdup (issued ? issued : expires);
  else
    text = g_strdup (_("No date typed yet."));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->parsed), text);
}

static void
document_date_changed_cb (GtkEditable  *editable,
                          DocumentRows *rows)
{
  update_parsed_dates (rows);
}

static GtkWidget *
document_entry (AdwPreferencesGroup *group,
                const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return row;
}

static DocumentRows *
build_document_rows (GtkWidget          *box,
                     const RifqDocument *doc)
{
  DocumentRows *rows = g_new0 (DocumentRows, 1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *title = NULL;
  GtkWidget *matched_row;
  GtkWidget *attach;

  rows->type = g_strdup (doc->type);
  rows->shown_number = g_strdup ("");
  rows->shown_issued = g_strdup ("");
  rows->shown_expires = g_strdup ("");
  rows->group = GTK_WIDGET (group);
  title = g_markup_escape_text (doc->type_label ? doc->type_label : doc->type, -1);
  adw_preferences_group_set_title (group, title);

  rows->number = document_entry (group, _("Document number"));
  rows->issued = document_entry (group, _("Issue date (Hijri or Gregorian)"));
  g_signal_connect (rows->issued, "changed", G_CALLBACK (document_date_changed_cb), rows);
  if (doc->has_expiry)
    {
      rows->expires = document_entry (group, _("Expiry date (Hijri or Gregorian)"));
      g_signal_connect (rows->expires, "changed", G_CALLBACK (document_date_changed_cb), rows);
    }

  rows->parsed = action_row_new (_("Dates as read"), NULL);
  gtk_widget_add_css_class (rows->parsed, "calendar-other");
  adw_preferences_group_add (group, rows->parsed);

  matched_row = action_row_new (_("Matched against the original"), NULL);
  rows->matched = gtk_switch_new ();
  gtk_widget_set_valign (rows->matched, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (matched_row), rows->matched);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (matched_row), rows->matched);
  adw_preferences_group_add (group, matched_row);

  rows->scan = action_row_new (_("Scan"), NULL);
  attach = gtk_button_new_with_mnemonic (_("_Attach…"));
  gtk_widget_set_valign (attach, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (attach), "intake.attach");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (attach), "s", doc->type);
  adw_action_row_add_suffix (ADW_ACTION_ROW (rows->scan), attach);
  adw_preferences_group_add (group, rows->scan);

  update_parsed_dates (rows);
  gtk_box_append (GTK_BOX (box), rows->group);
  return rows;
}

static DocumentForm *
build_document_form (const RifqRequest *r)
{
  DocumentForm *form = g_new0 (DocumentForm, 1);

  form->request_id = r->id;
  form->kind = g_strdup (r->kind);
  form->types = checklist_types (r);
  form->box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  form->rows = g_ptr_array_new_with_free_func (document_rows_free);
  for (guint i = 0; i < r->documents->len; i++)
    g_ptr_array_add (form->rows, build_document_rows (form->box, g_ptr_array_index (r->documents, i)));
  return form;
}

/* Shows the saved value, unless it is what was saved before: then the typing is kept. */
static void
sync_entry (GtkWidget   *entry,
            char       **shown,
            const char  *saved)
{
  if (entry == NULL || g_strcmp0 (*shown, saved) == 0)
    return;
  set_editable_text (entry, saved);
  g_free (*shown);
  *shown = g_strdup (saved);
}

static void
sync_document_rows (DocumentRows       *rows,
                    const RifqDocument *doc,
                    const char         *today)
{
  g_autofree char *number = shown_digits (doc->number);
  g_autofree char *issued = typed_date (doc->issued_on);
  g_autofree char *expires = typed_date (doc->expires_on);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  RifqDocumentStatus status = rifq_document_status (doc, today);

  sync_entry (rows->number, &rows->shown_number, number);
  sync_entry (rows->issued, &rows->shown_issued, issued);
  sync_entry (rows->expires, &rows->shown_expires, expires);
  if (doc->matched != rows->shown_matched)
    {
      gtk_switch_set_active (GTK_SWITCH (rows->matched), doc->matched);
      rows->shown_matched = doc->matched;
    }

  /* Translators: "Required · expired" */
  text = g_strdup_printf (_("%s · %s"), doc->required ? _("Required") : _("Optional"),
                          rifq_document_status_label (status));
  description = g_markup_escape_text (text, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (rows->group), description);

  if (doc->attachment_sha != NULL)
    {
      g_autofree char *size = g_format_size ((guint64) MAX (doc->attachment_size, 0));
      g_autofree char *subtitle = g_strdup_printf ("%s (%s)",
                                                   doc->attachment_name ? doc->attachment_name : "—",
                                                   size);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->scan), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->scan), _("No scan attached"));
}

static gboolean
document_has_typing (DocumentRows *rows)
{
  return !rifq_text_is_blank (editable_text (rows->number)) || !rifq_text_is_blank (editable_text (rows->issued))
         || (rows->expires != NULL && !rifq_text_is_blank (editable_text (rows->expires)))
         || gtk_switch_get_active (GTK_SWITCH (rows->matched));
}

static gboolean
document_changed (DocumentRows *rows)
{
  return g_strcmp0 (editable_text (rows->number), rows->shown_number) != 0
         || g_strcmp0 (editable_text (rows->issued), rows->shown_issued) != 0
         || (rows->expires != NULL && g_strcmp0 (editable_text (rows->expires), rows->shown_expires) != 0)
         || gtk_switch_get_active (GTK_SWITCH (rows->matched)) != rows->shown_matched;
}

static DocumentForm *
current_form (RifqIntakePage *self)
{
  if (self->request == NULL)
    return NULL;
  return g_hash_table_lookup (self->forms, &self->request->id);
}

static DocumentRows *
find_rows (RifqIntakePage *self,
           const char     *type)
{
  DocumentForm *form = current_form (self);

  for (guint i = 0; form != NULL && i < form->rows->len; i++)
    {
      DocumentRows *rows = g_ptr_array_index (form->rows, i);

      if (g_strcmp0 (rows->type, type) == 0)
        return rows;
    }
  return NULL;
}

static gboolean
save_document_rows (RifqIntakePage  *self,
                    DocumentRows    *rows,
                    GError         **error)
{
  g_autofree char *number = g_strdup (editable_text (rows->number));
  g_autofree char *issued = g_strdup (editable_text (rows->issued));
  g_autofree char *expires = rows->expires ? g_strdup (editable_text (rows->expires)) : NULL;
  RifqDocument doc = { 0 };

  doc.type = rows->type;
  doc.number = number;
  doc.issued_on = issued;
  doc.expires_on = expires;
  doc.matched = gtk_switch_get_active (GTK_SWITCH (rows->matched));
  return rifq_request_store_save_document (self->db, self->request->id, &doc, error);
}

/* Views */

static void
update_header (RifqIntakePage *self)
{
  if (self->shown_step == 0)
    adw_window_title_set_subtitle (self->window_title, NULL);
  else if (self->request != NULL)
    {
      g_autofree char *number = shown_digits (self->request->number);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", number,
                                                   self->request->beneficiary_name ? self->request->beneficiary_name : "");

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, _("New Request"));
}

static void
style_step (GtkWidget  *widget,
            const char *css_class,
            gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
update_progress (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  guint current = current_step (self);
  gboolean answered = referral_answered (r);
  g_autofree char *total = shown_int (RIFQ_INTAKE_N_STEPS);

  for (guint i = 0; i < RIFQ_INTAKE_N_STEPS; i++)
    {
      guint step = i + 1;
      gboolean is_current = r != NULL ? step == current : step == 1;
      gboolean done;
      gboolean skipped = FALSE;
      g_autofree char *number = shown_int (step);
      g_autofree char *description = NULL;
      const char *where;

      if (r == NULL)
        done = FALSE;
      else if (step == 3)
        {
          /* Social research is needed only when the applicant asks: otherwise it is skipped. */
          done = answered && r->state != RIFQ_REQUEST_REFERRED;
          skipped = !done && !is_current && current > 3;
        }
      else
        done = step < current || (step == RIFQ_INTAKE_N_STEPS && r->state == RIFQ_REQUEST_CLOSED);

      if (done)
        where = _("done");
      else if (skipped)
        where = _("skipped, no referral was needed");
      else if (is_current)
        where = _("current step");
      else
        where = _("not reached yet");
      /* Translators: "Step 3 of 7: Social Research, done" */
      description = g_strdup_printf (_("Step %s of %s: %s, %s"), number, total, _(step_titles[i]), where);

      for (guint row = 0; row < N_PROGRESS_ROWS; row++)
        {
          GtkWidget *button = self->step_buttons[row][i];
          GtkWidget *badge = self->step_badges[row][i];
          GtkWidget *name = self->step_names[row][i];

          gtk_label_set_text (GTK_LABEL (badge), done ? "✓" : number);
          style_step (badge, "current", is_current);
          style_step (badge, "done", done);
          style_step (badge, "skipped", skipped);
          style_step (button, "current", is_current);
          style_step (name, "heading", is_current);
          style_step (button, "viewing", step == self->shown_step);
          /* When narrow, only the current step keeps its name. */
          if (row == PROGRESS_COMPACT)
            gtk_widget_set_visible (name, is_current);
          gtk_widget_set_sensitive (button, step_reached (self, step));
          gtk_widget_set_tooltip_text (button, description);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
        }
    }
}

static void
update_reception (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  gboolean editable = r == NULL;

  if (r != NULL && !self->form_shows_request)
    {
      /* What was being typed for a new applicant is kept for when the officer comes back. */
      ReceptionDraft *draft = g_new0 (ReceptionDraft, 1);

      draft->chosen_id = self->chosen_id;
      draft->chosen_title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->chosen_row)));
      draft->chosen_subtitle = g_strdup (adw_action_row_get_subtitle (self->chosen_row));
      draft->channel = adw_combo_row_get_selected (self->channel_row);
      draft->kind = adw_combo_row_get_selected (self->kind_row);
      draft->description = g_strdup (editable_text (self->description_row));
      draft->amount = g_strdup (editable_text (self->amount_row));
      draft->summary = g_strdup (editable_text (self->summary_row));
      g_clear_pointer (&self->reception_draft, reception_draft_free);
      self->reception_draft = draft;
    }
  if (r != NULL)
    {
      g_autofree char *nid = shown_digits (r->national_id);
      g_autofree char *mobile = shown_digits (r->mobile);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", nid, mobile);
      g_autofree char *amount = r->amount >= 0 ? shown_int (r->amount) : g_strdup ("");

      self->form_shows_request = TRUE;
      self->chosen_id = r->beneficiary_id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), r->beneficiary_name ? r->beneficiary_name : "");
      adw_action_row_set_subtitle (self->chosen_row, subtitle);
      select_code (self->channel_row, self->channels, r->channel);
      select_code (self->kind_row, self->kinds, r->kind);
      set_editable_text (self->description_row, r->description);
      set_editable_text (self->amount_row, amount);
      set_editable_text (self->summary_row, NULL);
    }

  set_shown (self, self->search_box, editable && self->chosen_id == 0);
  set_shown (self, self->chosen_list, self->chosen_id != 0);
  set_shown (self, self->change_button, editable);
  set_shown (self, self->register_new_button, editable);
  set_shown (self, self->summary_row, editable);
  set_editable (self, self->applicant_group, editable);
  set_editable (self, self->request_group, editable);
  /* A draft whose documents step did not open yet is received again with the same button. */
  set_shown (self, self->receive_button, editable || r->state == RIFQ_REQUEST_DRAFT);
}

static void
update_documents (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *types = NULL;
  g_autofree char *today = NULL;
  g_autofree char *valid_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *summary = NULL;
  DocumentForm *form;
  GtkWidget *shown;
  gboolean editable;
  guint required = 0;
  guint valid = 0;

  if (r == NULL)
    {
      release_focus (self, GTK_WIDGET (self->documents_holder));
      remove_children (GTK_WIDGET (self->documents_holder));
      return;
    }

  types = checklist_types (r);
  form = g_hash_table_lookup (self->forms, &r->id);
  if (form != NULL && (g_strcmp0 (form->kind, r->kind) != 0 || g_strcmp0 (form->types, types) != 0))
    {
      release_focus (self, form->box);
      if (gtk_widget_get_parent (form->box) == GTK_WIDGET (self->documents_holder))
        gtk_box_remove (self->documents_holder, form->box);
      g_hash_table_remove (self->forms, &r->id);
      form = NULL;
    }
  if (form == NULL)
    {
      form = build_document_form (r);
      g_hash_table_insert (self->forms, &form->request_id, form);
    }

  shown = gtk_widget_get_first_child (GTK_WIDGET (self->documents_holder));
  if (shown != form->box)
    {
      release_focus (self, GTK_WIDGET (self->documents_holder));
      remove_children (GTK_WIDGET (self->documents_holder));
      gtk_box_append (self->documents_holder, form->box);
    }

  today = rifq_request_store_today (self->db);
  for (guint i = 0; i < r->documents->len && i < form->rows->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);

      sync_document_rows (g_ptr_array_index (form->rows, i), doc, today);
      if (doc->required)
        {
          required++;
          if (rifq_document_status (doc, today) == RIFQ_DOCUMENT_VALID)
            valid++;
        }
    }

  valid_text = shown_int (valid);
  total_text = shown_int (required);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s of %s required document is valid today",
                                          "%s of %s required documents are valid today", required),
                             valid_text, total_text);
  gtk_label_set_text (self->documents_summary, summary);

  editable = rifq_request_documents_editable (r->state);
  set_editable (self, form->box, editable);
  set_shown (self, self->documents_buttons, editable);
}

static GtkWidget *
referral_card (RifqIntakePage     *self,
               const RifqReferral *referral)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *asker = staff_name (self, referral->asked_by);
  g_autofree char *asked_on = format_day (referral->asked_at);
  g_autofree char *asked = g_strdup_printf (_("Asked by %s on %s"), asker, asked_on);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 0);
  append_label (card, _("The applicant’s question"), "heading");
  append_label (card, referral->question, NULL);
  append_label (card, asked, "dim-label");

  if (referral->answer != NULL)
    {
      g_autofree char *answerer = staff_name (self, referral->answered_by);
      g_autofree char *answered_on = format_day (referral->answered_at);
      g_autofree char *answered = g_strdup_printf (_("Answered by %s on %s"), answerer, answered_on);

      append_label (card, _("The answer"), "heading");
      append_label (card, referral->answer, NULL);
      append_label (card, answered, "dim-label");
    }

  if (referral->visit_on != NULL)
    {
      g_autofree char *day = format_day (referral->visit_on);
      g_autofree char *title = g_strdup_printf (_("Home visit on %s"), day);

      append_label (card, title, "heading");
      if (referral->visit_findings != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Findings: %s"), referral->visit_findings);

          append_label (card, text, NULL);
        }
      if (referral->visit_household != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Household: %s"), referral->visit_household);

          append_label (card, text, NULL);
        }
      if (referral->visit_recommendation != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Recommendation: %s"), referral->visit_recommendation);

          append_label (card, text, NULL);
        }
    }

  /* Space inside the card, around its lines. */
  for (GtkWidget *child = gtk_widget_get_first_child (card); child; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
  return card;
}

static void
update_research (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  gboolean answered = referral_answered (r);

  remove_children (GTK_WIDGET (self->referrals_box));
  if (r == NULL)
    return;

  for (guint i = 0; i < r->referrals->len; i++)
    gtk_box_append (self->referrals_box, referral_card (self, g_ptr_array_index (r->referrals, i)));

  if (r->state == RIFQ_REQUEST_REFERRED)
    gtk_label_set_text (self->research_status, _("Waiting for the social-research officer’s answer."));
  else if (answered)
    gtk_label_set_text (self->research_status, _("The social-research officer has answered."));
  else
    gtk_label_set_text (self->research_status, _("No referral to social research was needed for this request."));
  set_shown (self, self->research_back_button, answered && r->state != RIFQ_REQUEST_REFERRED);
}

static void
reset_signing (RifqIntakePage *self)
{
  gtk_toggle_button_set_active (self->signer_applicant, TRUE);
  gtk_toggle_button_set_active (self->mark_signature, TRUE);
  set_editable_text (self->caregiver_name_row, NULL);
  set_editable_text (self->caregiver_relation_row, NULL);
  set_editable_text (self->officer_name_row, NULL);
  rifq_signature_pad_clear (self->signature_pad);
}

static void
update_signing (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *declaration = NULL;
  gboolean is_signed;

  declaration = rifq_request_store_declaration (self->db);
  gtk_label_set_text (self->declaration_label, declaration);

  if (r == NULL)
    return;

  is_signed = r->signed_at != NULL;
  /* One applicant's strokes never stay on the pad for the next; a signature set aside (the
   * documents were reopened) is not offered to be signed again as it was. */
  if (r->id != self->signing_for || (self->signing_was_signed && !is_signed))
    {
      SigningDraft *draft;

      /* The strokes and names given for the request left behind wait for its return. */
      if (self->signing_for != 0 && r->id != self->signing_for && !self->signing_was_signed)
        {
          draft = g_new0 (SigningDraft, 1);
          draft->signature = rifq_signature_ref (rifq_signature_pad_get_signature (self->signature_pad));
          draft->caregiver = gtk_toggle_button_get_active (self->signer_caregiver);
          draft->thumbprint = gtk_toggle_button_get_active (self->mark_thumbprint);
          draft->caregiver_name = g_strdup (editable_text (self->caregiver_name_row));
          draft->relation = g_strdup (editable_text (self->caregiver_relation_row));
          draft->officer_name = g_strdup (editable_text (self->officer_name_row));
          g_hash_table_replace (self->signing_drafts, g_memdup2 (&self->signing_for, sizeof (gint64)), draft);
        }
      reset_signing (self);
      draft = g_hash_table_lookup (self->signing_drafts, &r->id);
      if (draft != NULL && !is_signed && r->id != self->signing_for)
        {
          gtk_toggle_button_set_active (draft->caregiver ? self->signer_caregiver : self->signer_applicant, TRUE);
          gtk_toggle_button_set_active (draft->thumbprint ? self->mark_thumbprint : self->mark_signature, TRUE);
          set_editable_text (self->caregiver_name_row, draft->caregiver_name);
          set_editable_text (self->caregiver_relation_row, draft->relation);
          set_editable_text (self->officer_name_row, draft->officer_name);
          if (!rifq_signature_is_empty (draft->signature) || rifq_signature_get_n_points (draft->signature) > 0)
            rifq_signature_pad_set_signature (self->signature_pad, draft->signature);
        }
      g_hash_table_remove (self->signing_drafts, &r->id);
      self->signing_for = r->id;
    }
  self->signing_was_signed = is_signed;

  if (is_signed)
    {
      gboolean caregiver = g_strcmp0 (r->signer, "caregiver") == 0;
      gboolean thumbprint = g_strcmp0 (r->sign_mark, "thumbprint") == 0;
      g_autoptr(RifqSignature) signature = NULL;
      g_autofree char *day = format_day (r->signed_at);
      g_autofree char *who = NULL;
      g_autofree char *text = NULL;

      gtk_toggle_button_set_active (caregiver ? self->signer_caregiver : self->signer_applicant, TRUE);
      gtk_toggle_button_set_active (thumbprint ? self->mark_thumbprint : self->mark_signature, TRUE);
      set_editable_text (self->caregiver_name_row, r->signer_name);
      set_editable_text (self->caregiver_relation_row, r->signer_relation);
      set_editable_text (self->officer_name_row, r->officer_name);
      signature = r->signature_json ? rifq_signature_new_from_json (r->signature_json, NULL) : NULL;
      rifq_signature_pad_set_signature (self->signature_pad, signature);

      if (caregiver)
        /* Translators: "<caregiver's name> (<relation>)" */
        who = g_strdup_printf (_("%s (%s)"), r->signer_name ? r->signer_name : "",
                               r->signer_relation ? r->signer_relation : "");
      else
        who = g_strdup (r->beneficiary_name ? r->beneficiary_name : "");
      if (thumbprint)
        text = g_strdup_printf (_("Thumbprint of %s, taken on %s; received by %s."), who, day,
                                r->officer_name ? r->officer_name : "");
      else
        text = g_strdup_printf (_("Signed by %s on %s; received by %s."), who, day,
                                r->officer_name ? r->officer_name : "");
      gtk_label_set_text (self->signed_label, text);
    }

  set_editable (self, self->signing_form, !is_signed && r->state == RIFQ_REQUEST_READY_TO_SIGN);
  set_shown (self, GTK_WIDGET (self->signed_label), is_signed);
  set_shown (self, self->sign_button, !is_signed);
  set_shown (self, self->to_submission_button, is_signed);
  set_shown (self, self->reopen_button, rifq_action_applies (RIFQ_ACTION_REOPEN, r->state, NULL));
}

static void
update_submission (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *today = NULL;
  gboolean submitted;

  if (r == NULL)
    return;

  today = rifq_request_store_today (self->db);
  submitted = r->submitted_at != NULL;
  set_shown (self, self->submission_before, !submitted);
  set_shown (self, self->submission_after, submitted);

  if (!submitted)
    {
      int period = rifq_request_store_decision_period (self->db);
      g_autofree char *due = NULL;
      g_autofree char *due_text = NULL;
      g_autofree char *days = NULL;
      g_autofree char *text = NULL;

      due = rifq_request_store_expected_reply (self->db, today);
      due_text = format_day (due);
      days = shown_int (period);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The request goes to the research committee, which studies it "
                                           "and answers with acceptance or rejection. The reply is expected "
                                           "by %s (%s day).",
                                           "The request goes to the research committee, which studies it "
                                           "and answers with acceptance or rejection. The reply is expected "
                                           "by %s (%s days).", (gulong) period),
                              due_text, days);
      gtk_label_set_text (self->submission_text, text);
    }
  else
    {
      g_autofree char *sentence = describe (self, r);
      g_autofree char *due = format_day (r->due_on);

      gtk_label_set_text (self->submission_description, sentence);
      gtk_label_set_text (self->submission_due, due);
    }
  set_shown (self, self->close_rejected_button, r->state == RIFQ_REQUEST_REJECTED);
}

static void
update_registration (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *sentence = NULL;
  g_autofree char *title = NULL;
  const char *icon = "document-open-recent-symbolic";

  if (r == NULL)
    return;

  sentence = describe (self, r);
  switch (r->state)
    {
    case RIFQ_REQUEST_SUBMITTED:
    case RIFQ_REQUEST_UNDER_REVIEW:
    case RIFQ_REQUEST_DEFERRED:
      title = g_strdup (_("Waiting for the research committee’s decision."));
      break;
    case RIFQ_REQUEST_REJECTED:
      icon = "dialog-error-symbolic";
      title = g_strdup (_("The research committee rejected the request."));
      break;
    case RIFQ_REQUEST_ACCEPTED:
      icon = "emblem-ok-symbolic";
      title = g_strdup (_("The research committee accepted the request."));
      break;
    case RIFQ_REQUEST_REGISTERED:
    case RIFQ_REQUEST_SERVED:
    case RIFQ_REQUEST_CLOSED:
      {
        g_autofree char *file = shown_digits (r->file_number ? r->file_number : "—");

        icon = "emblem-ok-symbolic";
        title = g_strdup_printf (_("Registered under file number %s."), file);
      }
      break;
    case RIFQ_REQUEST_DRAFT:
    case RIFQ_REQUEST_INCOMPLETE:
    case RIFQ_REQUEST_REFERRED:
    case RIFQ_REQUEST_READY_TO_SIGN:
    case RIFQ_REQUEST_N_STATES:
    default:
      title = g_strdup (_("The request has not been submitted yet."));
      break;
    }
  gtk_image_set_from_icon_name (self->registration_icon, icon);
  gtk_label_set_text (self->registration_title, title);
  gtk_label_set_text (self->registration_text, sentence);
  set_shown (self, self->register_button, rifq_action_applies (RIFQ_ACTION_REGISTER, r->state, NULL));
}

static char *
today_typed (RifqIntakePage *self)
{
  g_autofree char *today = rifq_request_store_today (self->db);

  return typed_date (today);
}

static void
reset_service (RifqIntakePage *self)
{
  g_autoptr(RifqStaff) officer = rifq_staff_get (self->db, rifq_db_get_actor (self->db), NULL);
  g_autofree char *date = today_typed (self);

  select_code (self->service_kind_row, self->kinds, self->request ? self->request->kind : NULL);
  set_editable_text (self->quantity_row, NULL);
  set_editable_text (self->service_amount_row, NULL);
  set_editable_text (self->service_date_row, date);
  set_editable_text (self->delivered_by_row, officer ? officer->full_name : NULL);
  gtk_toggle_button_set_active (self->place_office, TRUE);
  set_editable_text (self->notes_row, NULL);
}

static GtkWidget *
service_row (RifqIntakePage    *self,
             const RifqService *service)
{
  g_autofree char *day = format_day (service->delivered_on);
  g_autofree char *given = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *kind = rifq_request_store_kind_label (self->db, service->kind);
  const char *place = g_strcmp0 (service->place, "home") == 0 ? _("At the beneficiary’s home") : _("At the office");

  if (service->amount > 0)
    {
      g_autofree char *amount = shown_int (service->amount);

      given = g_strdup_printf (_("%s riyals"), amount);
    }
  else
    {
      g_autofree char *quantity = shown_int (service->quantity);

      /* Translators: a quantity delivered, "× 3" */
      given = g_strdup_printf (_("× %s"), quantity);
    }
  title = g_strdup_printf ("%s — %s", kind ? kind : "", given);
  subtitle = g_strdup_printf ("%s · %s · %s%s%s", day, place, service->delivered_by ? service->delivered_by : "",
                              service->notes ? "\n" : "", service->notes ? service->notes : "");
  return action_row_new (title, subtitle);
}

static void
update_service (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *sentence = NULL;

  remove_children (GTK_WIDGET (self->services_list));
  if (r == NULL)
    return;

  if (r->id != self->service_for)
    {
      ServiceDraft *draft;

      if (self->service_for != 0)
        {
          draft = g_new0 (ServiceDraft, 1);
          draft->kind = adw_combo_row_get_selected (self->service_kind_row);
          draft->quantity = g_strdup (editable_text (self->quantity_row));
          draft->amount = g_strdup (editable_text (self->service_amount_row));
          draft->date = g_strdup (editable_text (self->service_date_row));
          draft->delivered_by = g_strdup (editable_text (self->delivered_by_row));
          draft->at_home = gtk_toggle_button_get_active (self->place_home);
          draft->notes = g_strdup (editable_text (self->notes_row));
          g_hash_table_replace (self->service_drafts, g_memdup2 (&self->service_for, sizeof (gint64)), draft);
        }
      reset_service (self);
      draft = g_hash_table_lookup (self->service_drafts, &r->id);
      if (draft != NULL)
        {
          adw_combo_row_set_selected (self->service_kind_row, draft->kind);
          set_editable_text (self->quantity_row, draft->quantity);
          set_editable_text (self->service_amount_row, draft->amount);
          set_editable_text (self->service_date_row, draft->date);
          set_editable_text (self->delivered_by_row, draft->delivered_by);
          gtk_toggle_button_set_active (draft->at_home ? self->place_home : self->place_office, TRUE);
          set_editable_text (self->notes_row, draft->notes);
          g_hash_table_remove (self->service_drafts, &r->id);
        }
      self->service_for = r->id;
    }

  sentence = describe (self, r);
  gtk_label_set_text (self->service_status, sentence);
  for (guint i = 0; i < r->services->len; i++)
    gtk_list_box_append (self->services_list, service_row (self, g_ptr_array_index (r->services, i)));
  gtk_widget_set_visible (self->services_box, r->services->len > 0);
  set_editable (self, self->service_form, rifq_action_applies (RIFQ_ACTION_SERVE, r->state, NULL));
  set_shown (self, self->close_button, rifq_action_applies (RIFQ_ACTION_CLOSE, r->state, NULL)
                                        && r->state == RIFQ_REQUEST_SERVED);
}

static void
update_views (RifqIntakePage *self)
{
  update_header (self);
  update_reception (self);
  update_documents (self);
  update_research (self);
  update_signing (self);
  update_submission (self);
  update_registration (self);
  update_service (self);
  update_progress (self);
}

static gint
compare_updated_cb (gconstpointer a,
                    gconstpointer b)
{
  const RifqRequest *ra = *(RifqRequest * const *) a;
  const RifqRequest *rb = *(RifqRequest * const *) b;

  /* Newest first. */
  return g_strcmp0 (rb->updated_at, ra->updated_at);
}

static void
refresh_landing (RifqIntakePage *self)
{
  static const RifqRequestState open_states[] = {
    RIFQ_REQUEST_DRAFT, RIFQ_REQUEST_INCOMPLETE, RIFQ_REQUEST_REFERRED,
    RIFQ_REQUEST_READY_TO_SIGN, RIFQ_REQUEST_ACCEPTED, RIFQ_REQUEST_REGISTERED,
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_request_unref);

  remove_children (GTK_WIDGET (self->landing_list));
  for (guint i = 0; i < G_N_ELEMENTS (open_states); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = rifq_request_store_list (self->db, open_states[i], 0, 50, &error);

      if (list == NULL)
        {
          show_error (self, error->message);
          break;
        }
      for (guint j = 0; j < list->len; j++)
        g_ptr_array_add (all, rifq_request_ref (g_ptr_array_index (list, j)));
    }
  g_ptr_array_sort (all, compare_updated_cb);

  for (guint i = 0; i < all->len; i++)
    {
      const RifqRequest *r = g_ptr_array_index (all, i);
      g_autofree char *number = shown_digits (r->number);
      const char *kind = rifq_request_store_kind_label (self->db, r->kind);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", number, rifq_request_state_label (r->state),
                                                   kind ? kind : "");
      GtkWidget *row = action_row_new (r->beneficiary_name, subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "rifq-request-id", g_memdup2 (&r->id, sizeof r->id), g_free);
      gtk_list_box_append (self->landing_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->landing_list), all->len > 0);
  gtk_widget_set_visible (self->landing_empty, all->len == 0);
}

static void
show_page (RifqIntakePage *self,
           guint           step)
{
  g_autofree char *name = g_strdup_printf ("step%u", step);

  if (step != self->shown_step)
    release_focus (self, gtk_stack_get_visible_child (self->stack));
  self->shown_step = step;
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->progress_area, step >= 1);
  gtk_widget_set_visible (self->progress_separator, step >= 1);
  if (step == 0)
    refresh_landing (self);
  update_header (self);
  update_progress (self);
}

static void
set_request (RifqIntakePage *self,
             RifqRequest    *r)
{
  if (r != NULL)
    rifq_request_ref (r);
  g_clear_pointer (&self->request, rifq_request_unref);
  self->request = r;
  update_views (self);
}

static gboolean
reload_request (RifqIntakePage  *self,
                GError         **error)
{
  g_autoptr(RifqRequest) r = NULL;

  if (self->request == NULL)
    return TRUE;
  r = rifq_request_store_get (self->db, self->request->id, error);
  if (r == NULL)
    return FALSE;
  set_request (self, r);
  return TRUE;
}

/* After a step that moved the request: read it again and show where it now stands. */
static gboolean
moved (RifqIntakePage  *self,
       GError         **error)
{
  if (!reload_request (self, error))
    return FALSE;
  show_page (self, current_step (self));
  return TRUE;
}

static gboolean
advance (RifqIntakePage         *self,
         RifqAction              action,
         const RifqStepDetails  *details,
         GError                **error)
{
  if (!require_request (self, error))
    return FALSE;
  return rifq_request_store_advance (self->db, self->request->id, action, details, error);
}

/* Reception */

static void
clear_reception (RifqIntakePage *self)
{
  self->chosen_id = 0;
  self->form_shows_request = FALSE;
  set_editable_text (GTK_WIDGET (self->applicant_search), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), "");
  adw_action_row_set_subtitle (self->chosen_row, "");
  adw_combo_row_set_selected (self->channel_row, 0);
  adw_combo_row_set_selected (self->kind_row, 0);
  set_editable_text (self->description_row, NULL);
  set_editable_text (self->amount_row, NULL);
  set_editable_text (self->summary_row, NULL);
}

static void
applicant_search_changed_cb (RifqIntakePage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->applicant_search));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  remove_children (GTK_WIDGET (self->search_results));
  if (rifq_text_is_blank (query))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_results), FALSE);
      return;
    }

  found = rifq_beneficiary_store_search (self->db, query, 6, &error);
  if (found == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      RifqBeneficiary *beneficiary = g_ptr_array_index (found, i);
      g_autofree char *name = rifq_beneficiary_dup_full_name (beneficiary);
      g_autofree char *nid = shown_digits (rifq_beneficiary_get (beneficiary, RIFQ_FIELD_NATIONAL_ID));
      g_autofree char *mobile = shown_digits (rifq_beneficiary_get (beneficiary, RIFQ_FIELD_MOBILE));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", nid, mobile);
      GtkWidget *row = action_row_new (name, subtitle);
      gint64 id = rifq_beneficiary_get_id (beneficiary);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "rifq-beneficiary-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->search_results, row);
    }
  if (found->len == 0)
    {
      GtkWidget *row = action_row_new (_("No one found"),
                                       _("Check the spelling, or register the applicant as a new beneficiary."));

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->search_results, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->search_results), TRUE);
}

static void
search_row_activated_cb (RifqIntakePage *self,
                         GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "rifq-beneficiary-id");

  if (id != NULL)
    rifq_intake_page_choose_beneficiary (self, *id);
}

static void
landing_row_activated_cb (RifqIntakePage *self,
                          GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "rifq-request-id");
  g_autoptr(GError) error = NULL;

  if (id != NULL && !rifq_intake_page_open (self, *id, &error))
    show_error (self, error->message);
}

static gboolean
collect (RifqIntakePage  *self,
         GError         **error)
{
  if (!advance (self, RIFQ_ACTION_COLLECT, NULL, error))
    {
      /* The request exists: show it as received, so the officer can try again. */
      reload_request (self, NULL);
      return FALSE;
    }
  return moved (self, error);
}

static gboolean
receive_step (RifqIntakePage  *self,
              GVariant        *parameter,
              GError         **error)
{
  g_autoptr(RifqRequest) r = NULL;
  const char *amount_text = editable_text (self->amount_row);
  RifqRequestDraft draft = { 0 };

  if (self->request != NULL)
    {
      if (self->request->state == RIFQ_REQUEST_DRAFT)
        return collect (self, error);
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED, _("This request has already been received."));
      return FALSE;
    }

  if (self->chosen_id == 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Applicant: search the registry and choose the applicant, or register them first."));
      return FALSE;
    }
  draft.amount = -1;
  if (!rifq_text_is_blank (amount_text) && !parse_whole_number (amount_text, &draft.amount))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Amount: enter a whole number of riyals."));
      return FALSE;
    }
  draft.beneficiary_id = self->chosen_id;
  draft.channel = item_code (self->channels, adw_combo_row_get_selected (self->channel_row));
  draft.kind = item_code (self->kinds, adw_combo_row_get_selected (self->kind_row));
  draft.description = editable_text (self->description_row);
  draft.contact_summary = rifq_text_is_blank (editable_text (self->summary_row)) ? NULL : editable_text (self->summary_row);

  r = rifq_request_store_create (self->db, &draft, error);
  if (r == NULL)
    return FALSE;
  set_request (self, r);
  return collect (self, error);
}

static gboolean
change_applicant_step (RifqIntakePage  *self,
                       GVariant        *parameter,
                       GError         **error)
{
  if (self->request != NULL)
    return TRUE;
  self->chosen_id = 0;
  update_reception (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->applicant_search));
  return TRUE;
}

/* Documents */

/* Saves every document with something typed that differs from what is saved, stopping at the
 * first refusal; what was saved before it stays saved and is shown. */
static gboolean
save_documents (RifqIntakePage  *self,
                gboolean        *out_saved,
                GError         **error)
{
  g_autoptr(GError) refusal = NULL;
  DocumentForm *form;
  gboolean saved = FALSE;

  if (!require_request (self, error))
    return FALSE;
  form = current_form (self);
  for (guint i = 0; form != NULL && i < form->rows->len; i++)
    {
      DocumentRows *rows = g_ptr_array_index (form->rows, i);

      /* A saved document whose fields were emptied is sent too: core says what is missing. */
      if (!document_changed (rows) || (!document_has_typing (rows) && rows->shown_number == NULL))
        continue;
      if (!save_document_rows (self, rows, &refusal))
        break;
      saved = TRUE;
    }
  if (saved && !reload_request (self, refusal ? NULL : error))
    return FALSE;
  if (out_saved != NULL)
    *out_saved = saved;
  if (refusal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_documents_step (RifqIntakePage  *self,
                     GVariant        *parameter,
                     GError         **error)
{
  gboolean saved = FALSE;

  if (!save_documents (self, &saved, error))
    return FALSE;
  if (saved)
    show_info (self, _("The documents are saved."));
  return TRUE;
}

static gboolean
confirm_documents_step (RifqIntakePage  *self,
                        GVariant        *parameter,
                        GError         **error)
{
  if (!save_documents (self, NULL, error) || !advance (self, RIFQ_ACTION_VERIFY, NULL, error))
    return FALSE;
  return moved (self, error);
}

static gboolean
attach_file (RifqIntakePage  *self,
             const char      *type,
             GFile           *file,
             GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_basename (file);

  /* A file too big is refused before it is read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL
      || !rifq_request_store_check_scan_size (self->db, type, name, (guint64) g_file_info_get_size (info), error))
    return FALSE;
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  if (!rifq_request_store_attach (self->db, self->request->id, type, bytes, name, error))
    return FALSE;
  if (!reload_request (self, error))
    return FALSE;
  show_info (self, _("The scan is attached."));
  return TRUE;
}

/* The document's typed fields go first: a scan is attached to a saved document. */
static gboolean
save_before_attaching (RifqIntakePage  *self,
                       const char      *type,
                       GError         **error)
{
  DocumentRows *rows;

  if (!require_request (self, error))
    return FALSE;
  rows = find_rows (self, type);
  if (rows == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                   _("Document: “%s” is not on this request’s checklist."), type ? type : "");
      return FALSE;
    }
  if (document_has_typing (rows) && document_changed (rows))
    {
      if (!save_document_rows (self, rows, error))
        return FALSE;
      if (!reload_request (self, error))
        return FALSE;
    }
  return TRUE;
}

static void
attach_response_cb (GtkNativeDialog *native,
                    int              response,
                    RifqIntakePage  *self)
{
  const char *type = g_object_get_data (G_OBJECT (native), "rifq-document-type");
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && !rifq_intake_page_attach_file (self, type, file, &error))
        show_error (self, error->message);
    }
  g_object_unref (native);
}

static gboolean
attach_step (RifqIntakePage  *self,
             GVariant        *parameter,
             GError         **error)
{
  static const char * const mime_types[] = {
    "image/png", "image/jpeg", "image/tiff", "image/webp", "application/pdf",
  };
  const char *type = parameter ? g_variant_get_string (parameter, NULL) : NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *native;

  if (!save_before_attaching (self, type, error))
    return FALSE;

  native = gtk_file_chooser_native_new (_("Attach a Scan"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Images and PDF"));
  for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data_full (G_OBJECT (native), "rifq-document-type", g_strdup (type), g_free);
  /* The dialog keeps itself until it answers; the answer is dropped if the page is gone. */
  g_signal_connect_object (native, "response", G_CALLBACK (attach_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  return TRUE;
}

static gboolean
refer_with_question (RifqIntakePage  *self,
                     const char      *question,
                     GError         **error)
{
  RifqStepDetails details = { .text = question };

  if (!advance (self, RIFQ_ACTION_REFER, &details, error))
    return FALSE;
  return moved (self, error);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_changed_cb (GtkTextBuffer    *buffer,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = buffer_text (buffer);

  adw_message_dialog_set_response_enabled (dialog, g_object_get_data (G_OBJECT (dialog), "rifq-response"),
                                           !rifq_text_is_blank (text));
}

/* Asks for a text (the applicant's question, the reason for withdrawing); the response is
 * enabled once something is written, and callback receives it. */
static void
ask_for_text (RifqIntakePage        *self,
              const char            *heading,
              const char            *body,
              const char            *accessible_label,
              const char            *response,
              const char            *response_label,
              AdwResponseAppearance  appearance,
              GCallback              callback)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response, FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_object_set_data_full (G_OBJECT (dialog), "rifq-text", g_object_ref (buffer), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "rifq-response", g_strdup (response), g_free);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
refer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RifqIntakePage   *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "rifq-text");
  g_autofree char *question = buffer_text (buffer);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "refer") && !refer_with_question (self, question, &error))
    show_error (self, error->message);
}

static gboolean
refer_step (RifqIntakePage  *self,
            GVariant        *parameter,
            GError         **error)
{
  if (!require_request (self, error))
    return FALSE;

  if (self->referral_question != NULL)
    {
      g_autofree char *question = g_steal_pointer (&self->referral_question);

      return refer_with_question (self, question, error);
    }

  ask_for_text (self, _("Refer to Social Research"),
                _("Write the applicant’s question for the social-research officer, "
                  "who will answer it and explain the procedure."),
                _("The applicant’s question"), "refer", _("_Refer"), ADW_RESPONSE_SUGGESTED,
                G_CALLBACK (refer_response_cb));
  return TRUE;
}

static gboolean
withdraw_with_reason (RifqIntakePage  *self,
                      const char      *reason,
                      GError         **error)
{
  RifqStepDetails details = { .text = reason };

  if (!advance (self, RIFQ_ACTION_WITHDRAW, &details, error))
    return FALSE;
  show_info (self, _("The request was withdrawn; the reason is recorded."));
  rifq_intake_page_show_step (self, 0);
  return TRUE;
}

static void
withdraw_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RifqIntakePage   *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "rifq-text");
  g_autofree char *reason = buffer_text (buffer);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "withdraw") && !withdraw_with_reason (self, reason, &error))
    show_error (self, error->message);
}

static gboolean
withdraw_step (RifqIntakePage  *self,
               GVariant        *parameter,
               GError         **error)
{
  if (!require_request (self, error))
    return FALSE;

  if (self->withdraw_reason != NULL)
    {
      g_autofree char *reason = g_steal_pointer (&self->withdraw_reason);

      return withdraw_with_reason (self, reason, error);
    }

  ask_for_text (self, _("Withdraw the Request?"),
                _("The request is closed and goes no further. Write why, for the record."),
                _("The reason for withdrawing"), "withdraw", _("_Withdraw"), ADW_RESPONSE_DESTRUCTIVE,
                G_CALLBACK (withdraw_response_cb));
  return TRUE;
}

static gboolean
reopen_step (RifqIntakePage  *self,
             GVariant        *parameter,
             GError         **error)
{
  if (!require_request (self, error) || !advance (self, RIFQ_ACTION_REOPEN, NULL, error))
    return FALSE;
  return moved (self, error);
}

/* Declaration and signature */

static void
signer_toggled_cb (RifqIntakePage *self)
{
  gtk_widget_set_visible (self->caregiver_list, gtk_toggle_button_get_active (self->signer_caregiver));
}

static void
clear_signature_clicked_cb (RifqIntakePage *self)
{
  rifq_signature_pad_clear (self->signature_pad);
}

static gboolean
sign_step (RifqIntakePage  *self,
           GVariant        *parameter,
           GError         **error)
{
  g_autofree char *json = NULL;
  RifqSigning signing = { 0 };
  gboolean caregiver = gtk_toggle_button_get_active (self->signer_caregiver);

  if (!require_request (self, error))
    return FALSE;

  json = rifq_signature_to_json (rifq_signature_pad_get_signature (self->signature_pad));
  signing.signature_json = json;
  signing.signer = caregiver ? "caregiver" : "applicant";
  signing.signer_name = caregiver ? editable_text (self->caregiver_name_row) : NULL;
  signing.signer_relation = caregiver ? editable_text (self->caregiver_relation_row) : NULL;
  signing.sign_mark = gtk_toggle_button_get_active (self->mark_thumbprint) ? "thumbprint" : "signature";
  signing.officer_name = editable_text (self->officer_name_row);

  if (!rifq_request_store_sign (self->db, self->request->id, &signing, error))
    return FALSE;
  if (!reload_request (self, error))
    return FALSE;
  show_page (self, 4);
  return TRUE;
}

/* Submission and receipt */

static gboolean
submit_step (RifqIntakePage  *self,
             GVariant        *parameter,
             GError         **error)
{
  if (!advance (self, RIFQ_ACTION_SUBMIT, NULL, error))
    return FALSE;
  return moved (self, error);
}

static char *
receipt_name (const RifqRequest *r)
{
  g_autofree char *number = g_strdup (r->number ? r->number : "request");

  g_strdelimit (number, "/\\", '-');
  return g_strdup_printf ("receipt-%s.pdf", number);
}

static void
save_receipt_response_cb (GtkNativeDialog *native,
                          int              response,
                          RifqIntakePage  *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        show_error (self, _("The receipt can only be saved to a folder on this computer."));
      else if (!rifq_intake_page_save_receipt (self, path, &error))
        show_error (self, error->message);
    }
  g_object_unref (native);
}

static gboolean
save_receipt_step (RifqIntakePage  *self,
                   GVariant        *parameter,
                   GError         **error)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (!require_request (self, error))
    return FALSE;

  native = gtk_file_chooser_native_new (_("Save the Receipt"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = receipt_name (self->request);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (save_receipt_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  return TRUE;
}

static gboolean
open_receipt_step (RifqIntakePage  *self,
                   GVariant        *parameter,
                   GError         **error)
{
  /* The session's own folder, emptied at log-out: the receipt holds a national ID. */
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "rifq", NULL);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GFile) file = NULL;
  RifqPdfWindow *preview;

  if (!require_request (self, error))
    return FALSE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder %s could not be made: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  name = receipt_name (self->request);
  path = g_build_filename (folder, name, NULL);
  if (!rifq_receipt_pdf_write_request (self->db, self->request, path, error))
    return FALSE;
  file = g_file_new_for_path (path);
  pdf = g_file_load_bytes (file, NULL, NULL, error);
  g_unlink (path);
  if (pdf == NULL)
    return FALSE;

  /* Previewed and printed inside Rifq: the PDF's own pages, not a second layout. */
  title = g_strdup_printf (_("Receipt of Request %s"), self->request->number);
  preview = rifq_pdf_window_new (parent_window (self), title, name, pdf);
  gtk_window_present (GTK_WINDOW (preview));
  return TRUE;
}

/* Registration, service, closing */

static gboolean
register_step (RifqIntakePage  *self,
               GVariant        *parameter,
               GError         **error)
{
  g_autofree char *file = NULL;
  g_autofree char *message = NULL;

  if (!advance (self, RIFQ_ACTION_REGISTER, NULL, error) || !moved (self, error))
    return FALSE;
  file = shown_digits (self->request->file_number ? self->request->file_number : "—");
  message = g_strdup_printf (_("Registered under file number %s."), file);
  show_info (self, message);
  return TRUE;
}

static gboolean
serve_step (RifqIntakePage  *self,
            GVariant        *parameter,
            GError         **error)
{
  const char *quantity_text = editable_text (self->quantity_row);
  const char *amount_text = editable_text (self->service_amount_row);
  RifqService service = { 0 };
  RifqStepDetails details = { 0 };
  g_autofree char *kind = NULL;
  g_autofree char *delivered_on = NULL;
  g_autofree char *delivered_by = NULL;
  g_autofree char *notes = NULL;

  if (!require_request (self, error))
    return FALSE;
  service.quantity = 0;
  service.amount = -1;
  if (!rifq_text_is_blank (quantity_text) && !parse_whole_number (quantity_text, &service.quantity))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Quantity: enter a whole number."));
      return FALSE;
    }
  if (!rifq_text_is_blank (amount_text) && !parse_whole_number (amount_text, &service.amount))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Amount: enter a whole number of riyals."));
      return FALSE;
    }

  kind = g_strdup (item_code (self->kinds, adw_combo_row_get_selected (self->service_kind_row)));
  delivered_on = g_strdup (editable_text (self->service_date_row));
  delivered_by = g_strdup (editable_text (self->delivered_by_row));
  notes = g_strdup (editable_text (self->notes_row));
  service.kind = kind;
  service.delivered_on = delivered_on;
  service.delivered_by = delivered_by;
  service.place = gtk_toggle_button_get_active (self->place_home) ? "home" : "office";
  service.notes = notes;
  details.service = &service;

  if (!advance (self, RIFQ_ACTION_SERVE, &details, error))
    return FALSE;
  /* What was recorded is in the list now; the form is ready for the next delivery. */
  set_editable_text (self->quantity_row, NULL);
  set_editable_text (self->service_amount_row, NULL);
  set_editable_text (self->notes_row, NULL);
  if (!moved (self, error))
    return FALSE;
  show_info (self, _("The service is recorded."));
  return TRUE;
}

static gboolean
close_step (RifqIntakePage  *self,
            GVariant        *parameter,
            GError         **error)
{
  if (!advance (self, RIFQ_ACTION_CLOSE, NULL, error))
    return FALSE;
  return moved (self, error);
}

static gboolean
new_step (RifqIntakePage  *self,
          GVariant        *parameter,
          GError         **error)
{
  rifq_intake_page_start_new (self);
  return TRUE;
}

static gboolean
list_step (RifqIntakePage  *self,
           GVariant        *parameter,
           GError         **error)
{
  rifq_intake_page_show_step (self, 0);
  return TRUE;
}

static gboolean
show_step_step (RifqIntakePage  *self,
                GVariant        *parameter,
                GError         **error)
{
  rifq_intake_page_show_step (self, parameter ? g_variant_get_uint32 (parameter) : 0);
  return TRUE;
}

/* Actions */

static gboolean
run_action (RifqIntakePage  *self,
            guint            index,
            GVariant        *parameter,
            GError         **error)
{
  g_autoptr(GError) local = NULL;

  g_assert (index < G_N_ELEMENTS (page_actions));

  if (!page_actions[index].func (self, parameter, &local))
    {
      g_assert (local != NULL);
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* The refusal on screen, if any, is answered now. */
  dismiss_error (self);
  return TRUE;
}

static void
action_activated_cb (GSimpleAction  *action,
                     GVariant       *parameter,
                     RifqIntakePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "rifq-action-index"));

  run_action (self, index, parameter, NULL);
}

static void
build_progress (RifqIntakePage *self)
{
  adw_squeezer_set_switch_threshold_policy (self->progress_squeezer, ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  for (guint row = 0; row < N_PROGRESS_ROWS; row++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, row == PROGRESS_COMPACT ? 0 : 2);

      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      for (guint i = 0; i < RIFQ_INTAKE_N_STEPS; i++)
        {
          GtkWidget *button = gtk_button_new ();
          GtkWidget *content;
          GtkWidget *badge = gtk_label_new (NULL);
          GtkWidget *name = gtk_label_new (_(step_titles[i]));

          if (row == PROGRESS_STACKED)
            {
              content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
              gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
              gtk_label_set_wrap (GTK_LABEL (name), TRUE);
              gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
              gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
              gtk_widget_set_valign (content, GTK_ALIGN_START);
            }
          else
            {
              content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
              gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
            }
          gtk_widget_add_css_class (badge, "step-badge");
          gtk_widget_add_css_class (name, "step-name");
          gtk_box_append (GTK_BOX (content), badge);
          gtk_box_append (GTK_BOX (content), name);

          gtk_button_set_child (GTK_BUTTON (button), content);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "intake-step");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "intake.show-step");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i + 1);
          gtk_box_append (GTK_BOX (box), button);

          self->step_buttons[row][i] = button;
          self->step_badges[row][i] = badge;
          self->step_names[row][i] = name;
        }
      adw_squeezer_add (self->progress_squeezer, box);
    }
}

/* GObject */

static void
rifq_intake_page_dispose (GObject *object)
{
  RifqIntakePage *self = (RifqIntakePage *)object;

  gtk_widget_insert_action_group (GTK_WIDGET (self), "intake", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_PAGE);
  g_clear_pointer (&self->forms, g_hash_table_unref);
  g_clear_pointer (&self->signing_drafts, g_hash_table_unref);
  g_clear_pointer (&self->service_drafts, g_hash_table_unref);
  g_clear_pointer (&self->request, rifq_request_unref);
  g_clear_weak_pointer (&self->error_toast);
  g_clear_object (&self->actions);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rifq_intake_page_parent_class)->dispose (object);
}

static void
rifq_intake_page_finalize (GObject *object)
{
  RifqIntakePage *self = (RifqIntakePage *)object;

  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_free (self->referral_question);
  g_free (self->withdraw_reason);
  g_clear_pointer (&self->reception_draft, reception_draft_free);

  G_OBJECT_CLASS (rifq_intake_page_parent_class)->finalize (object);
}

static void
rifq_intake_page_class_init (RifqIntakePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_page_dispose;
  object_class->finalize = rifq_intake_page_finalize;

  g_type_ensure (RIFQ_TYPE_SIGNATURE_PAD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, progress_area);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, progress_squeezer);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, progress_separator);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, landing_list);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, landing_empty);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, applicant_group);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, register_new_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, search_box);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, applicant_search);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, search_results);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, chosen_list);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, change_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, request_group);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, description_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, amount_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, summary_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, receive_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, documents_summary);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, documents_holder);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, documents_buttons);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, research_status);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, referrals_box);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, research_back_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, declaration_label);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, signing_form);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, signer_applicant);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, signer_caregiver);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, caregiver_list);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, caregiver_name_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, caregiver_relation_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, mark_signature);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, mark_thumbprint);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, signature_pad);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, officer_name_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, signed_label);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, sign_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, to_submission_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, submission_before);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, submission_text);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, submission_after);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, submission_description);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, submission_due);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, close_rejected_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, registration_icon);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, registration_title);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, registration_text);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, register_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, service_status);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, service_form);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, service_kind_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, service_amount_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, service_date_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, delivered_by_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, place_office);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, place_home);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, services_box);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, services_list);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, close_button);
  gtk_widget_class_bind_template_callback (widget_class, applicant_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, landing_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, signer_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_signature_clicked_cb);
}

static void
rifq_intake_page_init (RifqIntakePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->forms = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, document_form_free);
  self->signing_drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, signing_draft_free);
  self->service_drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, service_draft_free);

  self->actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    {
      const char *type = page_actions[i].parameter_type;
      g_autoptr(GSimpleAction) action = g_simple_action_new (page_actions[i].name,
                                                             type ? G_VARIANT_TYPE (type) : NULL);

      g_object_set_data (G_OBJECT (action), "rifq-action-index", GUINT_TO_POINTER (i));
      g_signal_connect (action, "activate", G_CALLBACK (action_activated_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "intake", G_ACTION_GROUP (self->actions));

  build_progress (self);
}

/* Public API */

RifqIntakePage *
rifq_intake_page_new (RifqDb *db)
{
  RifqIntakePage *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  self = g_object_new (RIFQ_TYPE_INTAKE_PAGE, NULL);
  self->db = g_object_ref (db);

  self->channels = rifq_channel_list (db, &error);
  if (self->channels == NULL)
    {
      show_error (self, error->message);
      g_clear_error (&error);
    }
  self->kinds = rifq_request_store_kinds (db, &error);
  if (self->kinds == NULL)
    show_error (self, error->message);
  fill_combo (self->channel_row, self->channels);
  fill_combo (self->kind_row, self->kinds);
  fill_combo (self->service_kind_row, self->kinds);

  update_views (self);
  show_page (self, 0);
  return self;
}

GtkWidget *
rifq_intake_page_get_back_button (RifqIntakePage *self)
{
  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), NULL);
  return self->back_button;
}

void
rifq_intake_page_reload (RifqIntakePage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  if (!reload_request (self, &error))
    {
      show_error (self, error->message);
      if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND))
        {
          set_request (self, NULL);
          show_page (self, 0);
          return;
        }
    }
  if (self->shown_step == 0)
    refresh_landing (self);
  else
    update_progress (self);
}

void
rifq_intake_page_start_new (RifqIntakePage *self)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  /* A reception being typed is kept; one showing a received request is emptied, or given back
   * what was typed before the officer opened it. */
  if (self->form_shows_request)
    {
      clear_reception (self);
      if (self->reception_draft != NULL)
        {
          ReceptionDraft *draft = self->reception_draft;

          self->chosen_id = draft->chosen_id;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), draft->chosen_title);
          adw_action_row_set_subtitle (self->chosen_row, draft->chosen_subtitle);
          adw_combo_row_set_selected (self->channel_row, draft->channel);
          adw_combo_row_set_selected (self->kind_row, draft->kind);
          set_editable_text (self->description_row, draft->description);
          set_editable_text (self->amount_row, draft->amount);
          set_editable_text (self->summary_row, draft->summary);
          g_clear_pointer (&self->reception_draft, reception_draft_free);
        }
    }
  set_request (self, NULL);
  show_page (self, 1);
  if (self->chosen_id == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->applicant_search));
}

gboolean
rifq_intake_page_open (RifqIntakePage  *self,
                       gint64           request_id,
                       GError         **error)
{
  g_autoptr(RifqRequest) r = NULL;

  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), FALSE);

  r = rifq_request_store_get (self->db, request_id, error);
  if (r == NULL)
    return FALSE;
  set_request (self, r);
  show_page (self, current_step (self));
  return TRUE;
}

gint64
rifq_intake_page_get_request_id (RifqIntakePage *self)
{
  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), 0);
  return self->request ? self->request->id : 0;
}

guint
rifq_intake_page_get_step (RifqIntakePage *self)
{
  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), 0);
  return self->shown_step;
}

void
rifq_intake_page_show_step (RifqIntakePage *self,
                            guint           step)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  if (step == 0 || step_reached (self, step))
    show_page (self, step);
}

void
rifq_intake_page_choose_beneficiary (RifqIntakePage *self,
                                     gint64          beneficiary_id)
{
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *nid = NULL;
  g_autofree char *mobile = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  if (self->request != NULL)
    return;
  beneficiary = rifq_beneficiary_store_get (self->db, beneficiary_id, &error);
  if (beneficiary == NULL)
    {
      show_error (self, error->message);
      return;
    }
  name = rifq_beneficiary_dup_full_name (beneficiary);
  nid = shown_digits (rifq_beneficiary_get (beneficiary, RIFQ_FIELD_NATIONAL_ID));
  mobile = shown_digits (rifq_beneficiary_get (beneficiary, RIFQ_FIELD_MOBILE));
  subtitle = g_strdup_printf ("%s · %s", nid, mobile);

  self->chosen_id = beneficiary_id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), name);
  adw_action_row_set_subtitle (self->chosen_row, subtitle);
  set_editable_text (GTK_WIDGET (self->applicant_search), NULL);
  update_reception (self);
}

void
rifq_intake_page_fill_reception (RifqIntakePage *self,
                                 const char     *channel_code,
                                 const char     *kind_code,
                                 const char     *description,
                                 const char     *amount_text)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  if (self->request != NULL)
    return;
  select_code (self->channel_row, self->channels, channel_code);
  select_code (self->kind_row, self->kinds, kind_code);
  set_editable_text (self->description_row, description);
  set_editable_text (self->amount_row, amount_text);
}

void
rifq_intake_page_fill_document (RifqIntakePage *self,
                                const char     *type,
                                const char     *number,
                                const char     *issued,
                                const char     *expires,
                                gboolean        matched)
{
  DocumentRows *rows;

  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  rows = find_rows (self, type);
  if (rows == NULL)
    return;
  set_editable_text (rows->number, number);
  set_editable_text (rows->issued, issued);
  if (rows->expires != NULL)
    set_editable_text (rows->expires, expires);
  gtk_switch_set_active (GTK_SWITCH (rows->matched), matched);
}

void
rifq_intake_page_fill_signing (RifqIntakePage *self,
                               RifqSignature  *signature,
                               gboolean        by_caregiver,
                               const char     *caregiver_name,
                               const char     *relation,
                               gboolean        thumbprint,
                               const char     *officer_name)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  rifq_signature_pad_set_signature (self->signature_pad, signature);
  gtk_toggle_button_set_active (by_caregiver ? self->signer_caregiver : self->signer_applicant, TRUE);
  set_editable_text (self->caregiver_name_row, caregiver_name);
  set_editable_text (self->caregiver_relation_row, relation);
  gtk_toggle_button_set_active (thumbprint ? self->mark_thumbprint : self->mark_signature, TRUE);
  set_editable_text (self->officer_name_row, officer_name);
}

void
rifq_intake_page_fill_service (RifqIntakePage *self,
                               const char     *quantity_text,
                               const char     *amount_text,
                               const char     *date_text,
                               const char     *delivered_by,
                               gboolean        at_home,
                               const char     *notes)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  set_editable_text (self->quantity_row, quantity_text);
  set_editable_text (self->service_amount_row, amount_text);
  set_editable_text (self->service_date_row, date_text);
  set_editable_text (self->delivered_by_row, delivered_by);
  gtk_toggle_button_set_active (at_home ? self->place_home : self->place_office, TRUE);
  set_editable_text (self->notes_row, notes);
}

void
rifq_intake_page_set_referral_question (RifqIntakePage *self,
                                        const char     *text)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  g_free (self->referral_question);
  self->referral_question = g_strdup (text);
}

void
rifq_intake_page_set_withdraw_reason (RifqIntakePage *self,
                                      const char     *text)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  g_free (self->withdraw_reason);
  self->withdraw_reason = g_strdup (text);
}

gboolean
rifq_intake_page_activate (RifqIntakePage  *self,
                           const char      *action,
                           GError         **error)
{
  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    if (g_str_equal (page_actions[i].name, action))
      {
        if (page_actions[i].parameter_type != NULL)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         "The action “%s” needs a parameter", action);
            return FALSE;
          }
        return run_action (self, i, NULL, error);
      }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The intake page has no action “%s”", action);
  return FALSE;
}

gboolean
rifq_intake_page_save_receipt (RifqIntakePage  *self,
                               const char      *path,
                               GError         **error)
{
  g_autofree char *shown_path = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!require_request (self, error))
    return FALSE;
  if (!rifq_receipt_pdf_write_request (self->db, self->request, path, error))
    return FALSE;
  /* A path reads left to right inside an Arabic sentence: isolated, its slashes stay put. */
  shown_path = g_strconcat ("\u2066", path, "\u2069", NULL);
  message = g_strdup_printf (_("The receipt is saved as %s."), shown_path);
  show_info (self, message);
  return TRUE;
}

gboolean
rifq_intake_page_attach_file (RifqIntakePage  *self,
                              const char      *type,
                              GFile           *file,
                              GError         **error)
{
  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!save_before_attaching (self, type, error))
    return FALSE;
  return attach_file (self, type, file, error);
}
