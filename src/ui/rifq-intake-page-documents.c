/* rifq-intake-page-documents.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intake page's documents: the rows of each document of the checklist, saving them and
 * attaching their scans. */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-intake-page-private.h"
#include "rifq-request-store.h"
#include "rifq-validate.h"

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

void
rifq_intake_document_form_free (gpointer data)
{
  DocumentForm *form = data;

  /* The widgets go first: their signals point at the rows. */
  g_clear_object (&form->box);
  g_clear_pointer (&form->rows, g_ptr_array_unref);
  g_free (form->kind);
  g_free (form->types);
  g_free (form);
}

char *
rifq_intake_checklist_types (const RifqRequest *r)
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

DocumentForm *
rifq_intake_build_document_form (const RifqRequest *r)
{
  DocumentForm *form = g_new0 (DocumentForm, 1);

  form->request_id = r->id;
  form->kind = g_strdup (r->kind);
  form->types = rifq_intake_checklist_types (r);
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

void
rifq_intake_sync_document_rows (DocumentRows       *rows,
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
current_form (RifqIntakePage *self)
{
  if (self->request == NULL)
    return NULL;
  return g_hash_table_lookup (self->forms, &self->request->id);
}

DocumentRows *
rifq_intake_find_rows (RifqIntakePage *self,
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
  g_autofree char *number = g_strdup (rifq_intake_editable_text (rows->number));
  g_autofree char *issued = g_strdup (rifq_intake_editable_text (rows->issued));
  g_autofree char *expires = rows->expires ? g_strdup (rifq_intake_editable_text (rows->expires)) : NULL;
  RifqDocument doc = { 0 };

  doc.type = rows->type;
  doc.number = number;
  doc.issued_on = issued;
  doc.expires_on = expires;
  doc.matched = gtk_switch_get_active (GTK_SWITCH (rows->matched));
  return rifq_request_store_save_document (self->db, self->request->id, &doc, error);
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

  if (!rifq_intake_require_request (self, error))
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
  if (saved && !rifq_intake_reload_request (self, refusal ? NULL : error))
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

gboolean
rifq_intake_save_documents_step (RifqIntakePage  *self,
                                 GVariant        *parameter,
                                 GError         **error)
{
  gboolean saved = FALSE;

  if (!save_documents (self, &saved, error))
    return FALSE;
  if (saved)
    rifq_intake_show_info (self, _("The documents are saved."));
  return TRUE;
}

gboolean
rifq_intake_confirm_documents_step (RifqIntakePage  *self,
                                    GVariant        *parameter,
                                    GError         **error)
{
  if (!save_documents (self, NULL, error) || !rifq_intake_page_advance (self, RIFQ_ACTION_VERIFY, NULL, error))
    return FALSE;
  return rifq_intake_moved (self, error);
}

gboolean
rifq_intake_attach_file (RifqIntakePage  *self,
                         const char      *type,
                         GFile           *file,
                         GError         **error)
{
  if (!rifq_request_store_attach_file (self->db, self->request->id, type, file, error))
    return FALSE;
  if (!rifq_intake_reload_request (self, error))
    return FALSE;
  rifq_intake_show_info (self, _("The scan is attached."));
  return TRUE;
}

/* The document's typed fields go first: a scan is attached to a saved document. */
gboolean
rifq_intake_save_before_attaching (RifqIntakePage  *self,
                                   const char      *type,
                                   GError         **error)
{
  DocumentRows *rows;

  if (!rifq_intake_require_request (self, error))
    return FALSE;
  rows = rifq_intake_find_rows (self, type);
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
      if (!rifq_intake_reload_request (self, error))
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
        rifq_intake_show_error (self, error->message);
    }
  g_object_unref (native);
}

gboolean
rifq_intake_attach_step (RifqIntakePage  *self,
                         GVariant        *parameter,
                         GError         **error)
{
  static const char * const mime_types[] = {
    "image/png", "image/jpeg", "image/tiff", "image/webp", "application/pdf",
  };
  const char *type = parameter ? g_variant_get_string (parameter, NULL) : NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *native;

  if (!rifq_intake_save_before_attaching (self, type, error))
    return FALSE;

  native = gtk_file_chooser_native_new (_("Attach a Scan"), rifq_intake_parent_window (self),
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
