/* rifq-intake-documents.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-intake-documents.h"
#include "rifq-intake-util.h"
#include "rifq-request-store.h"
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

struct _RifqIntakeDocuments
{
  GtkWidget    parent_instance;

  /* template children */
  GtkLabel    *documents_summary;
  GtkBox      *documents_holder;
  GtkWidget   *documents_buttons;

  /* owned */
  RifqContext *context;
  RifqRequest *request;
  GHashTable  *forms;    /* &request_id → DocumentForm */
};

static void intake_step_iface_init (RifqIntakeStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqIntakeDocuments, rifq_intake_documents, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RIFQ_TYPE_INTAKE_STEP, intake_step_iface_init))

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
  g_autofree char *issued = describe_typed_date (_("Issued"), rifq_intake_editable_text (rows->issued));
  g_autofree char *expires = rows->expires
                             ? describe_typed_date (_("Expires"), rifq_intake_editable_text (rows->expires))
                             : NULL;
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

  rows->parsed = rifq_intake_action_row_new (_("Dates as read"), NULL);
  gtk_widget_add_css_class (rows->parsed, "calendar-other");
  adw_preferences_group_add (group, rows->parsed);

  matched_row = rifq_intake_action_row_new (_("Matched against the original"), NULL);
  rows->matched = gtk_switch_new ();
  gtk_widget_set_valign (rows->matched, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (matched_row), rows->matched);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (matched_row), rows->matched);
  adw_preferences_group_add (group, matched_row);

  rows->scan = rifq_intake_action_row_new (_("Scan"), NULL);
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
  rifq_intake_set_editable_text (entry, saved);
  g_free (*shown);
  *shown = g_strdup (saved);
}

static void
sync_document_rows (DocumentRows       *rows,
                    const RifqDocument *doc,
                    const char         *today)
{
  g_autofree char *number = rifq_intake_shown_digits (doc->number);
  g_autofree char *issued = rifq_intake_typed_date (doc->issued_on);
  g_autofree char *expires = rifq_intake_typed_date (doc->expires_on);
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
  return !rifq_text_is_blank (rifq_intake_editable_text (rows->number))
         || !rifq_text_is_blank (rifq_intake_editable_text (rows->issued))
         || (rows->expires != NULL && !rifq_text_is_blank (rifq_intake_editable_text (rows->expires)))
         || gtk_switch_get_active (GTK_SWITCH (rows->matched));
}

static gboolean
document_changed (DocumentRows *rows)
{
  return g_strcmp0 (rifq_intake_editable_text (rows->number), rows->shown_number) != 0
         || g_strcmp0 (rifq_intake_editable_text (rows->issued), rows->shown_issued) != 0
         || (rows->expires != NULL && g_strcmp0 (rifq_intake_editable_text (rows->expires), rows->shown_expires) != 0)
         || gtk_switch_get_active (GTK_SWITCH (rows->matched)) != rows->shown_matched;
}

static DocumentForm *
current_form (RifqIntakeDocuments *self)
{
  if (self->request == NULL)
    return NULL;
  return g_hash_table_lookup (self->forms, &self->request->id);
}

static DocumentRows *
find_rows (RifqIntakeDocuments *self,
           const char          *type)
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
save_document_rows (RifqIntakeDocuments  *self,
                    DocumentRows         *rows,
                    GError              **error)
{
  g_autofree char *number = g_strdup (rifq_intake_editable_text (rows->number));
  g_autofree char *issued = g_strdup (rifq_intake_editable_text (rows->issued));
  g_autofree char *expires = rows->expires ? g_strdup (rifq_intake_editable_text (rows->expires)) : NULL;
  RifqDocument doc = { 0 };

  doc.type = rows->type;
  doc.number = number;
  doc.issued_on = issued;
  doc.expires_on = expires;
  doc.matched = gtk_switch_get_active (GTK_SWITCH (rows->matched));
  /* As the form was filled: an entry saved at another desk since is not overwritten unseen. */
  doc.version = RIFQ_DOCUMENT_NOT_ENTERED;
  for (guint i = 0; i < self->request->documents->len; i++)
    {
      const RifqDocument *shown = g_ptr_array_index (self->request->documents, i);

      if (g_strcmp0 (shown->type, rows->type) == 0 && shown->id != 0)
        doc.version = shown->version;
    }
  return rifq_request_store_save_document (rifq_context_get_db (self->context), self->request->id, &doc, error);
}

static void
update (RifqIntakeDocuments *self)
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
      rifq_intake_release_focus (GTK_WIDGET (self->documents_holder));
      rifq_ui_remove_children (GTK_WIDGET (self->documents_holder));
      return;
    }

  types = checklist_types (r);
  form = g_hash_table_lookup (self->forms, &r->id);
  if (form != NULL && (g_strcmp0 (form->kind, r->kind) != 0 || g_strcmp0 (form->types, types) != 0))
    {
      rifq_intake_release_focus (form->box);
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
      rifq_intake_release_focus (GTK_WIDGET (self->documents_holder));
      rifq_ui_remove_children (GTK_WIDGET (self->documents_holder));
      gtk_box_append (self->documents_holder, form->box);
    }

  today = rifq_context_dup_today (self->context);
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

  valid_text = rifq_intake_shown_int (valid);
  total_text = rifq_intake_shown_int (required);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s of %s required document is valid today",
                                          "%s of %s required documents are valid today", required),
                             valid_text, total_text);
  gtk_label_set_text (self->documents_summary, summary);

  editable = rifq_request_documents_editable (r->state);
  rifq_intake_set_editable (form->box, editable);
  rifq_intake_set_shown (self->documents_buttons, editable);
}

/* RifqIntakeStep */

static void
rifq_intake_documents_set_request (RifqIntakeStep *step,
                                   RifqContext    *context,
                                   RifqRequest    *request)
{
  RifqIntakeDocuments *self = RIFQ_INTAKE_DOCUMENTS (step);

  g_set_object (&self->context, context);
  g_set_object (&self->request, request);
  update (self);
}

static void
intake_step_iface_init (RifqIntakeStepInterface *iface)
{
  iface->set_request = rifq_intake_documents_set_request;
}

/* GObject */

static void
rifq_intake_documents_dispose (GObject *object)
{
  RifqIntakeDocuments *self = (RifqIntakeDocuments *) object;

  rifq_intake_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_DOCUMENTS);
  g_clear_pointer (&self->forms, g_hash_table_unref);
  g_clear_object (&self->request);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_intake_documents_parent_class)->dispose (object);
}

static void
rifq_intake_documents_class_init (RifqIntakeDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_documents_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-documents.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeDocuments, documents_summary);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeDocuments, documents_holder);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeDocuments, documents_buttons);
}

static void
rifq_intake_documents_init (RifqIntakeDocuments *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->forms = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, document_form_free);
}

/* Public API */

gboolean
rifq_intake_documents_save (RifqIntakeDocuments  *self,
                            gboolean             *out_saved,
                            GError              **error)
{
  DocumentForm *form;
  gboolean saved = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (RIFQ_IS_INTAKE_DOCUMENTS (self), FALSE);

  form = current_form (self);
  for (guint i = 0; ok && form != NULL && i < form->rows->len; i++)
    {
      DocumentRows *rows = g_ptr_array_index (form->rows, i);

      /* A saved document whose fields were emptied is sent too: core says what is missing. */
      if (!document_changed (rows) || (!document_has_typing (rows) && rows->shown_number == NULL))
        continue;
      ok = save_document_rows (self, rows, error);
      saved |= ok;
    }
  if (out_saved != NULL)
    *out_saved = saved;
  return ok;
}

gboolean
rifq_intake_documents_save_typed (RifqIntakeDocuments  *self,
                                  const char           *type,
                                  gboolean             *out_saved,
                                  GError              **error)
{
  DocumentRows *rows;

  g_return_val_if_fail (RIFQ_IS_INTAKE_DOCUMENTS (self), FALSE);

  *out_saved = FALSE;
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
      *out_saved = TRUE;
    }
  return TRUE;
}
