/* rifq-document-store.c: the documents of a request, their checklist and their scans
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-document-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-arabic.h"
#include "rifq-audit.h"
#include "rifq-calendar.h"
#include "rifq-content.h"
#include "rifq-document-store.h"
#include "rifq-error.h"
#include "rifq-file.h"
#include "rifq-json.h"
#include "rifq-locale.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-staff.h"
#include "rifq-statement.h"
#include "rifq-validate.h"

static const char * const allowed_mime_types[] = {
  "application/pdf", "image/png", "image/jpeg", "image/tiff", "image/webp", NULL
};

/* One write of a document or of its scan, run by rifq_db_write. */
typedef struct
{
  gint64              request_id;
  const RifqDocument *document;
  GBytes             *data;
  const char         *document_type;
  const char         *filename;
} DocumentJob;

static RifqDocument *
document_from_type_row (RifqStatement *stmt)
{
  RifqDocument *doc = g_new0 (RifqDocument, 1);

  doc->type = rifq_statement_dup_text (stmt, 0);
  doc->type_label = rifq_statement_dup_text (stmt, rifq_locale_is_arabic () ? 1 : 2);
  doc->has_expiry = rifq_statement_get_int (stmt, 3);
  doc->required = rifq_statement_get_int (stmt, 4);
  doc->scans = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_scan_free);
  return doc;
}

GPtrArray *
rifq_request_store_checklist (RifqDb     *db,
                              const char *kind,
                              GError    **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  return rifq_db_query_all (db, "SELECT t.code, t.label_ar, t.label_en, t.has_expiry, 1 FROM document_type t"
                                " JOIN support_kind_document k ON k.document_type = t.code"
                                " WHERE k.kind = ? ORDER BY t.position",
                            RIFQ_PARAMS (RIFQ_TEXT (kind)), (RifqDbRowFunc) document_from_type_row,
                            (GDestroyNotify) rifq_document_free, error);
}

/* A request's documents: the kind's checklist, then any other document entered, each once. */
#define DOCUMENTS_SQL "SELECT t.code, t.label_ar, t.label_en, t.has_expiry," \
                      " EXISTS (SELECT 1 FROM support_kind_document k WHERE k.kind = r.kind" \
                      "  AND k.document_type = t.code)," \
                      " d.id, d.number, d.issued_on, d.expires_on, d.matched, d.verified_by," \
                      " d.verified_at, d.version" \
                      " FROM request r CROSS JOIN document_type t" \
                      " LEFT JOIN document d ON d.type = t.code AND d.request_id = r.id" \
                      " WHERE r.id = ?1 AND (d.id IS NOT NULL OR EXISTS (SELECT 1" \
                      "  FROM support_kind_document k WHERE k.kind = r.kind" \
                      "  AND k.document_type = t.code))" \
                      " ORDER BY t.position"
/* The scans' descriptions, not their bytes: those are read when shown. */
#define SCANS_SQL "SELECT s.document_id, s.sha256, s.name, a.mime, a.size FROM document_scan s" \
                  " JOIN document d ON d.id = s.document_id" \
                  " JOIN attachment a ON a.sha256 = s.sha256" \
                  " WHERE d.request_id = ? ORDER BY s.document_id, s.position"

gboolean
rifq_document_store_ask (RifqDb             *db,
                         gint64              request_id,
                         RifqDocumentQuery  *query,
                         GError            **error)
{
  query->documents = rifq_db_query_ahead (db, DOCUMENTS_SQL, RIFQ_PARAMS (RIFQ_INT (request_id)), error);
  if (query->documents == NULL)
    return FALSE;
  query->scans = rifq_db_query_ahead (db, SCANS_SQL, RIFQ_PARAMS (RIFQ_INT (request_id)), error);
  return query->scans != NULL;
}

void
rifq_document_store_prefetch (RifqDb *db,
                              gint64  request_id)
{
  rifq_db_prefetch (db, DOCUMENTS_SQL, RIFQ_PARAMS (RIFQ_INT (request_id)));
  rifq_db_prefetch (db, SCANS_SQL, RIFQ_PARAMS (RIFQ_INT (request_id)));
}

static gboolean
read_scans (RifqDb        *db,
            RifqStatement *stmt,
            RifqRequest   *r,
            GError       **error)
{
  int rc;

  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      gint64 document_id = rifq_statement_get_int64 (stmt, 0);

      for (guint i = 0; i < r->documents->len; i++)
        {
          RifqDocument *doc = g_ptr_array_index (r->documents, i);
          RifqScan *scan;

          if (doc->id != document_id)
            continue;
          scan = g_new0 (RifqScan, 1);
          scan->sha256 = rifq_statement_dup_text (stmt, 1);
          scan->name = rifq_statement_dup_text (stmt, 2);
          scan->mime = rifq_statement_dup_text (stmt, 3);
          scan->size = rifq_statement_get_int64 (stmt, 4);
          g_ptr_array_add (doc->scans, scan);
          g_free (doc->attachment_sha);
          g_free (doc->attachment_name);
          g_free (doc->attachment_mime);
          doc->attachment_sha = g_strdup (scan->sha256);
          doc->attachment_name = g_strdup (scan->name);
          doc->attachment_mime = g_strdup (scan->mime);
          doc->attachment_size = scan->size;
          break;
        }
    }
  rifq_statement_reset (stmt);
  return rc == RIFQ_STEP_DONE || rifq_db_fail (db, error);
}

gboolean
rifq_document_store_read (RifqDb             *db,
                          RifqDocumentQuery  *query,
                          RifqRequest        *r,
                          GError            **error)
{
  RifqStatement *stmt = query->documents;
  int rc;

  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      RifqDocument *doc = document_from_type_row (stmt);

      doc->id = rifq_statement_get_int64 (stmt, 5);
      doc->number = rifq_statement_dup_text (stmt, 6);
      doc->issued_on = rifq_statement_dup_text (stmt, 7);
      doc->expires_on = rifq_statement_dup_text (stmt, 8);
      doc->matched = rifq_statement_get_int (stmt, 9);
      doc->verified_by = rifq_statement_dup_text (stmt, 10);
      doc->verified_at = rifq_statement_dup_text (stmt, 11);
      doc->version = rifq_statement_get_int64 (stmt, 12);
      g_ptr_array_add (r->documents, doc);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_statement_reset (query->scans);
      return rifq_db_fail (db, error);
    }
  return read_scans (db, query->scans, r, error);
}

static const RifqDocument *
find_document (const RifqRequest *r,
               const char        *type)
{
  for (guint i = 0; i < r->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);

      if (g_strcmp0 (doc->type, type) == 0)
        return doc;
    }
  return NULL;
}

static char *
document_type_label (RifqDb     *db,
                     const char *type)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT label_ar, label_en, has_expiry FROM document_type WHERE code = ?",
                                        RIFQ_PARAMS (RIFQ_TEXT (type)), NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    label = rifq_statement_dup_text (stmt, rifq_locale_is_arabic () ? 0 : 1);
  rifq_statement_reset (stmt);
  return label;
}

/* The label of a type of document this association asks for; NULL, with the error, for any other. */
static char *
dup_asked_type_label (RifqDb      *db,
                      const char  *type,
                      GError     **error)
{
  char *label = document_type_label (db, type);

  if (label == NULL)
    g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                 _("Document: “%s” is not a type of document this association asks for."), type ? type : "");
  return label;
}

static gboolean
document_type_has_expiry (RifqDb     *db,
                          const char *type)
{
  gint64 has;

  /* No such type, or a failure, has none. */
  rifq_db_query_int (db, "SELECT has_expiry FROM document_type WHERE code = ?", RIFQ_PARAMS (RIFQ_TEXT (type)), &has,
                     NULL, NULL);
  return has != 0;
}

static JsonNode *
document_json (const RifqDocument *doc)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *names[] = { "type", "number", "issued_on", "expires_on" };
  const char *values[] = { doc->type, doc->number, doc->issued_on, doc->expires_on };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      rifq_json_add_string (builder, names[i], values[i]);
    }
  rifq_json_add_boolean (builder, "matched", doc->matched);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The document of that type on r was saved since the form that is saving it was filled: who
 * saved it and when, from the audit log, and nothing written. */
static gboolean
refuse_stale_document (RifqDb             *db,
                       const RifqRequest  *r,
                       const char         *type,
                       const char         *label,
                       GError            **error)
{
  g_autofree char *who = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  /* The latest entry of that document. */
  if (!rifq_audit_describe_latest (db, "request", r->id, "document", "type", type, &who, &time, &day, error))
    return FALSE;

  /* Translators: "Noura Al-Otaibi saved the national ID card at 10:42 on 16 Jumada II 1448 AH — …" */
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT,
               _("%s saved the document “%s” at %s on %s, after you opened the request. Nothing of yours was "
                 "saved, and what you typed is still here: look at their entry, then save yours again if it "
                 "should replace it."),
               who, label, time, day);
  return FALSE;
}

static gboolean
save_document_cb (RifqDb      *db,
                  RifqDbWrite *write,
                  gpointer     user_data,
                  GError     **error)
{
  DocumentJob *job = user_data;
  const RifqDocument *in = job->document;
  g_autoptr(RifqRequest) r = NULL;
  g_autofree char *label = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *number = NULL;
  g_autofree char *stamp = rifq_db_dup_now ();
  g_autofree char *today = rifq_db_dup_today (db);
  const RifqDocument *saved;
  RifqDocument after = { 0 };
  gboolean has_expiry;

  r = rifq_request_store_get_editable (db, job->request_id, error);
  if (r == NULL)
    return FALSE;

  label = dup_asked_type_label (db, in->type, error);
  if (label == NULL)
    return FALSE;
  has_expiry = document_type_has_expiry (db, in->type);

  number = rifq_arabic_latin_digits (in->number ? in->number : "");
  g_strstrip (number);
  if (*number == '\0')
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: enter the document’s number."), label);
      return FALSE;
    }
  {
    g_autofree char *number_label = g_strdup_printf (C_("document and field", "%s, %s"), label, _("number"));
    g_autofree char *issued_label = g_strdup_printf (C_("document and field", "%s, %s"), label, _("issue date"));
    g_autofree char *expires_label = g_strdup_printf (C_("document and field", "%s, %s"), label, _("expiry date"));
    const RifqTextField texts[] = {
      { number, RIFQ_TEXT_DOCUMENT_NUMBER, number_label },
      { in->issued_on, RIFQ_TEXT_LINE, issued_label },
      { in->expires_on, RIFQ_TEXT_LINE, expires_label },
    };

    if (!rifq_validate_texts (texts, G_N_ELEMENTS (texts), error))
      return FALSE;
  }
  if (!rifq_validate_optional_date (label, _("issue date"), in->issued_on, &issued, error)
      || !rifq_validate_optional_date (label, _("expiry date"), in->expires_on, &expires, error))
    return FALSE;
  if (has_expiry && expires == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: enter the expiry date."), label);
      return FALSE;
    }
  if (issued != NULL && g_strcmp0 (issued, today) > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: the issue date is in the future."), label);
      return FALSE;
    }
  if (issued != NULL && expires != NULL && g_strcmp0 (expires, issued) < 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("%s: the expiry date comes before the issue date."), label);
      return FALSE;
    }

  saved = find_document (r, in->type);
  /* Read under the write lock: nobody saves it between this look and the write. */
  if (in->version != RIFQ_DOCUMENT_ANY_VERSION &&
      (saved != NULL && saved->id != 0 ? saved->version : RIFQ_DOCUMENT_NOT_ENTERED) != in->version)
    return refuse_stale_document (db, r, in->type, label, error);
  after.type = in->type;
  after.number = number;
  after.issued_on = issued;
  after.expires_on = expires;
  after.matched = in->matched;

  if (!rifq_db_execute (db,
                        "INSERT INTO document (request_id, type, number, issued_on, expires_on, matched,"
                        " verified_by, verified_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                        " CASE WHEN ?6 = 1 THEN ?7 END, CASE WHEN ?6 = 1 THEN ?8 END, 1)"
                        " ON CONFLICT (request_id, type) DO UPDATE SET number = ?3, issued_on = ?4,"
                        " expires_on = ?5, matched = ?6, version = document.version + 1,"
                        " verified_by = CASE WHEN ?6 = 1 AND (document.matched = 0 OR document.number != ?3 OR"
                        "   document.expires_on IS DISTINCT FROM ?5 OR document.issued_on IS DISTINCT FROM ?4)"
                        "   THEN ?7 WHEN ?6 = 1 THEN document.verified_by END,"
                        " verified_at = CASE WHEN ?6 = 1 AND (document.matched = 0 OR document.number != ?3 OR"
                        "   document.expires_on IS DISTINCT FROM ?5 OR document.issued_on IS DISTINCT FROM ?4)"
                        "   THEN ?8 WHEN ?6 = 1 THEN document.verified_at END",
                        RIFQ_PARAMS (RIFQ_INT (r->id), RIFQ_TEXT (in->type), RIFQ_TEXT (number), RIFQ_TEXT (issued),
                                     RIFQ_TEXT (expires), RIFQ_INT (in->matched ? 1 : 0),
                                     RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (stamp)),
                        error))
    return FALSE;

  rifq_db_write_audit_take (write, "document", "request", r->id,
                       saved && saved->id ? document_json (saved) : NULL, document_json (&after), NULL);
  return TRUE;
}

gboolean
rifq_request_store_save_document (RifqDb             *db,
                                  gint64              request_id,
                                  const RifqDocument *doc,
                                  GError            **error)
{
  DocumentJob job = { .request_id = request_id, .document = doc };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  return rifq_db_write (db, save_document_cb, &job, error);
}

gboolean
rifq_request_store_check_scan_size (RifqDb     *db,
                                    const char *document_type,
                                    const char *filename,
                                    guint64     size,
                                    GError    **error)
{
  g_autofree char *label = document_type_label (db, document_type);

  if (size == 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: the file “%s” is empty."),
                   label ? label : document_type, filename);
      return FALSE;
    }
  if (size > RIFQ_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *shown = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size (RIFQ_ATTACHMENT_MAX_SIZE);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("%s: the file “%s” is %s; a scan may be at most %s."),
                   label ? label : document_type, filename, shown, limit);
      return FALSE;
    }
  return TRUE;
}

static gboolean
attach_cb (RifqDb      *db,
           RifqDbWrite *write,
           gpointer     user_data,
           GError     **error)
{
  DocumentJob *job = user_data;
  g_autoptr(RifqRequest) r = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *stamp = rifq_db_dup_now ();
  g_autofree char *label = NULL;
  const RifqDocument *doc;
  const char *mime = rifq_content_sniff (job->data, allowed_mime_types);
  gsize size;
  gconstpointer bytes = g_bytes_get_data (job->data, &size);

  r = rifq_request_store_get_editable (db, job->request_id, error);
  if (r == NULL)
    return FALSE;
  doc = find_document (r, job->document_type);
  label = dup_asked_type_label (db, job->document_type, error);
  if (label == NULL)
    return FALSE;
  if (doc == NULL || doc->id == 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("%s: enter the document’s number before attaching its scan."), label);
      return FALSE;
    }

  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, job->data);
  if (!rifq_db_execute (db, "INSERT INTO attachment (sha256, mime, size, data, created_at)"
                            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                        RIFQ_PARAMS (RIFQ_TEXT (sha), RIFQ_TEXT (mime), RIFQ_INT (size), RIFQ_BYTES (bytes, size),
                                     RIFQ_TEXT (stamp)),
                        error))
    return FALSE;

  /* The same scan twice on one document is kept once. */
  if (!rifq_db_execute (db, "INSERT INTO document_scan (document_id, position, sha256, name, attached_by,"
                            " attached_at) VALUES (?1, (SELECT COALESCE (MAX (position), 0) + 1 FROM"
                            " document_scan WHERE document_id = ?1), ?2, ?3, ?4, ?5)"
                            " ON CONFLICT (document_id, sha256) DO NOTHING",
                        RIFQ_PARAMS (RIFQ_INT (doc->id), RIFQ_TEXT (sha), RIFQ_TEXT (job->filename),
                                     RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (stamp)),
                        error))
    return FALSE;

  rifq_db_write_audit_take (write, "attach", "request", r->id, NULL,
                       rifq_request_state_json (r->state, "attachment_sha256", sha), job->document_type);
  return TRUE;
}

/* What a scan must be, judged before the write begins: decoding a large scan takes a while. */
static gboolean
check_scan (RifqDb      *db,
            const char  *document_type,
            const char  *filename,
            GBytes      *data,
            GError     **error)
{
  g_autofree char *label = document_type_label (db, document_type);
  g_autoptr(GError) local_error = NULL;
  const char *mime;

  if (!rifq_validate_text (filename, RIFQ_TEXT_FILE_NAME, _("File name"), error) ||
      !rifq_request_store_check_scan_size (db, document_type, filename, g_bytes_get_size (data), error))
    return FALSE;
  mime = rifq_content_sniff (data, allowed_mime_types);
  if (mime == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("%s: the file “%s” is not an image or a PDF."), label ? label : document_type, filename);
      return FALSE;
    }
  /* A header followed by anything, or a scan cut short, is not kept. */
  if (!rifq_content_check (data, mime, &local_error))
    {
      /* Translators: document, file name, then why ("the image is cut short") */
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: the file “%s” cannot be used: %s."),
                   label ? label : document_type, filename, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
rifq_request_store_attach (RifqDb     *db,
                           gint64      request_id,
                           const char *document_type,
                           GBytes     *data,
                           const char *filename,
                           GError    **error)
{
  g_autofree char *base = g_path_get_basename (filename ? filename : "scan");
  DocumentJob job = { .request_id = request_id, .document_type = document_type, .data = data, .filename = base };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!check_scan (db, document_type, base, data, error))
    return FALSE;
  return rifq_db_write (db, attach_cb, &job, error);
}

gboolean
rifq_request_store_attach_file (RifqDb     *db,
                                gint64      request_id,
                                const char *document_type,
                                GFile      *file,
                                GError    **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint64 size;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A file too big is refused before it is read into memory. */
  name = g_file_get_basename (file);
  if (!rifq_file_query_size (file, &size, error) ||
      !rifq_request_store_check_scan_size (db, document_type, name, size, error))
    return FALSE;
  bytes = rifq_file_load (file, RIFQ_ATTACHMENT_MAX_SIZE, error);
  return bytes != NULL && rifq_request_store_attach (db, request_id, document_type, bytes, name, error);
}

GBytes *
rifq_request_store_read_attachment (RifqDb     *db,
                                    const char *sha256,
                                    char      **out_mime,
                                    GError    **error)
{
  RifqStatement *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  stmt = rifq_db_query (db, "SELECT data, mime FROM attachment WHERE sha256 = ?", RIFQ_PARAMS (RIFQ_TEXT (sha256)),
                        error);
  if (stmt == NULL)
    return NULL;
  rc = rifq_statement_step (stmt);
  if (rc == RIFQ_STEP_ROW)
    {
      bytes = g_bytes_new (rifq_statement_get_blob (stmt, 0), (gsize) rifq_statement_get_size (stmt, 0));
      if (out_mime != NULL)
        *out_mime = rifq_statement_dup_text (stmt, 1);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_ROW && rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      return NULL;
    }
  if (bytes == NULL)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("The scan is no longer stored."));
  return bytes;
}

/* The checklist rule, used when confirming the documents and again on submission. */
gboolean
rifq_document_store_check (const RifqRequest  *r,
                           const char         *on,
                           GError            **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < r->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);
      RifqDocumentStatus status;

      if (!doc->required)
        continue;
      status = rifq_document_status (doc, on);
      if (status == RIFQ_DOCUMENT_VALID)
        continue;
      if (problems->len > 0)
        /* Translators: between the problems of several documents */
        g_string_append (problems, _("; "));
      if (status == RIFQ_DOCUMENT_EXPIRED && doc->expires_on != NULL)
        {
          g_autofree char *day = NULL;
          GDate date;

          rifq_calendar_from_iso (doc->expires_on, &date);
          day = rifq_calendar_format_both (&date, rifq_calendar_interface_digits ());
          g_string_append_printf (problems, _("%s expired on %s"), doc->type_label, day);
        }
      else
        /* Translators: "<document> is <missing / not matched against the original…>" */
        g_string_append_printf (problems, _("%s is %s"), doc->type_label, rifq_document_status_label (status));
    }
  if (problems->len > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE,
                   _("The documents are not complete and valid: %s."), problems->str);
      return FALSE;
    }
  return TRUE;
}

char *
rifq_document_store_validity_snapshot (const RifqRequest *r,
                                       const char        *on)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < r->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);

      if (doc->id == 0)
        continue;
      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "type", doc->type);
      rifq_json_add_string (builder, "number", doc->number);
      rifq_json_add_string (builder, "issued_on", doc->issued_on);
      rifq_json_add_string (builder, "expires_on", doc->expires_on);
      rifq_json_add_string (builder, "checked_on", on);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder,
                                     rifq_document_status (doc, on) == RIFQ_DOCUMENT_VALID ? "valid" : "not_valid");
      rifq_json_add_string (builder, "matched_by", doc->verified_by);
      json_builder_set_member_name (builder, "scans_sha256");
      json_builder_begin_array (builder);
      for (guint j = 0; doc->scans != NULL && j < doc->scans->len; j++)
        json_builder_add_string_value (builder, ((RifqScan *) g_ptr_array_index (doc->scans, j))->sha256);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return rifq_json_to_text (root);
}
