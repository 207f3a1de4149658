/* rifq-privacy.c: everything held about one beneficiary; files past their retention period
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-privacy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-audit.h"
#include "rifq-beneficiary-json.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-permission.h"
#include "rifq-privacy.h"
#include "rifq-record.h"
#include "rifq-request-store.h"
#include "rifq-statement.h"

G_DEFINE_FINAL_TYPE (RifqRetentionItem, rifq_retention_item, G_TYPE_OBJECT)

static void
rifq_retention_item_finalize (GObject *object)
{
  RifqRetentionItem *self = RIFQ_RETENTION_ITEM (object);

  g_free (self->national_id);
  g_free (self->full_name);
  g_free (self->status);
  g_free (self->last_activity);
  G_OBJECT_CLASS (rifq_retention_item_parent_class)->finalize (object);
}

static void
rifq_retention_item_class_init (RifqRetentionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqRetentionItem, id, "id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqRetentionItem, national_id, "national-id", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRetentionItem, full_name, "full-name", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRetentionItem, status, "status", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRetentionItem, last_activity, "last-activity", G_TYPE_STRING),
  };

  object_class->finalize = rifq_retention_item_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_retention_item_init (RifqRetentionItem *self)
{
}

guint
rifq_privacy_retention_years (RifqDb *db)
{
  g_autofree char *value = rifq_db_get_setting (db, "retention_years");
  guint64 years;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 100, &years, NULL))
    return (guint) years;
  return RIFQ_PRIVACY_RETENTION_YEARS_DEFAULT;
}

GPtrArray *
rifq_privacy_past_retention (RifqDb  *db,
                             GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = NULL;
  g_autofree char *cutoff = NULL;
  RifqStatement *stmt;
  GDate date;
  int rc;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_RETENTION, error))
    return NULL;
  today = rifq_db_dup_today (db);
  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  if (!g_date_valid (&date))
    g_date_set_time_t (&date, time (NULL));
  g_date_subtract_years (&date, rifq_privacy_retention_years (db));
  cutoff = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date));

  /* A file's last activity: the record's last change or its requests' latest, whichever is
   * later. */
  stmt = rifq_db_query (db, "SELECT b.id, b.national_id, b.first_name || ' ' || b.father_name || ' '"
                            " || b.grandfather_name || ' ' || b.family_name, b.status,"
                            " CASE WHEN max (r.updated_at) > b.updated_at THEN max (r.updated_at)"
                            " ELSE b.updated_at END"
                            " FROM beneficiary b LEFT JOIN request r ON r.beneficiary_id = b.id"
                            " WHERE b.status IN ('inactive', 'deceased')"
                            " GROUP BY b.id, b.national_id, b.first_name, b.father_name, b.grandfather_name,"
                            " b.family_name, b.status, b.updated_at"
                            " HAVING CASE WHEN max (r.updated_at) > b.updated_at THEN max (r.updated_at)"
                            " ELSE b.updated_at END < ?1"
                            " ORDER BY 5, b.id",
                        RIFQ_PARAMS (RIFQ_TEXT (cutoff)), error);
  if (stmt == NULL)
    return NULL;
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      RifqRetentionItem *item = g_object_new (RIFQ_TYPE_RETENTION_ITEM, NULL);

      item->id = rifq_statement_get_int64 (stmt, 0);
      item->national_id = rifq_statement_dup_text (stmt, 1);
      item->full_name = rifq_statement_dup_text (stmt, 2);
      item->status = rifq_statement_dup_text (stmt, 3);
      item->last_activity = rifq_statement_dup_text (stmt, 4);
      g_ptr_array_add (items, item);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

static void
add_entries (JsonBuilder *builder,
             GPtrArray   *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      RifqAuditEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(JsonNode) before = e->before_json != NULL ? json_from_string (e->before_json, NULL) : NULL;
      g_autoptr(JsonNode) after = e->after_json != NULL ? json_from_string (e->after_json, NULL) : NULL;

      json_builder_begin_object (builder);
      rifq_json_add_int (builder, "entry", e->id);
      rifq_json_add_string (builder, "at", e->at);
      rifq_json_add_string (builder, "by", e->actor);
      rifq_json_add_string (builder, "action", e->action);
      rifq_json_add_string (builder, "record_kind", e->record_kind);
      rifq_json_add_int (builder, "record_id", e->record_id);
      json_builder_set_member_name (builder, "before");
      json_builder_add_value (builder, before != NULL ? json_node_ref (before) : json_node_new (JSON_NODE_NULL));
      json_builder_set_member_name (builder, "after");
      json_builder_add_value (builder, after != NULL ? json_node_ref (after) : json_node_new (JSON_NODE_NULL));
      rifq_json_add_string (builder, "reason", e->reason);
      json_builder_end_object (builder);
    }
}

/* The entries of the log about one record, added to all. */
static gboolean
collect_trail (RifqDb      *db,
               GPtrArray   *all,
               const char  *kind,
               gint64       id,
               GError     **error)
{
  RifqAuditFilter filter = { .record_kind = kind, .record_id = id };
  gint64 before_id = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) page = rifq_audit_list (db, &filter, before_id, 1000, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < 1000)
        return TRUE;
      before_id = ((RifqAuditEntry *) g_ptr_array_index (page, page->len - 1))->id;
    }
}

/* The records of a kind that belong to request id (its decisions, its letters), by a query of
 * one parameter. */
static gboolean
collect_trails_of (RifqDb      *db,
                   GPtrArray   *all,
                   const char  *kind,
                   const char  *ids_sql,
                   gint64       request_id,
                   GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RifqStatement *stmt = rifq_db_query (db, ids_sql, RIFQ_PARAMS (RIFQ_INT (request_id)), error);

  if (stmt == NULL)
    return FALSE;
  while (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      gint64 id = rifq_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  rifq_statement_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    if (!collect_trail (db, all, kind, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

static int
by_entry (gconstpointer a,
          gconstpointer b)
{
  gint64 x = (*(RifqAuditEntry **) a)->id;
  gint64 y = (*(RifqAuditEntry **) b)->id;

  return x < y ? -1 : x > y;
}

static gboolean
audit_export_cb (RifqDb      *db,
                 RifqDbWrite *write,
                 gpointer     user_data,
                 GError     **error)
{
  rifq_db_write_audit_take (write, "export", "beneficiary", *(gint64 *) user_data, NULL, NULL, NULL);
  return TRUE;
}

void
rifq_person_file_free (RifqPersonFile *file)
{
  if (file == NULL)
    return;
  g_free (file->exported_at);
  g_free (file->exported_by);
  g_clear_object (&file->beneficiary);
  g_clear_pointer (&file->consents, g_ptr_array_unref);
  g_clear_pointer (&file->requests, g_ptr_array_unref);
  g_clear_pointer (&file->entries, g_ptr_array_unref);
  g_free (file);
}

RifqPersonFile *
rifq_privacy_collect (RifqDb  *db,
                      gint64   beneficiary_id,
                      GError **error)
{
  g_autoptr(RifqPersonFile) file = g_new0 (RifqPersonFile, 1);
  g_autoptr(GPtrArray) listed = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_EXPORT_PERSON, error))
    return NULL;
  file->exported_at = rifq_db_dup_now ();
  file->exported_by = g_strdup (rifq_db_get_actor (db));
  file->beneficiary = rifq_beneficiary_store_get (db, beneficiary_id, error);
  if (file->beneficiary == NULL)
    return NULL;
  listed = rifq_request_store_list (db, -1, beneficiary_id, G_MAXINT, error);
  if (listed == NULL)
    return NULL;
  file->consents = rifq_consent_list (db, beneficiary_id, error);
  if (file->consents == NULL)
    return NULL;
  file->requests = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < listed->len; i++)
    {
      RifqRequest *request = rifq_request_store_get (db, ((RifqRequest *) g_ptr_array_index (listed, i))->id, error);

      if (request == NULL)
        return NULL;
      g_ptr_array_add (file->requests, request);
    }

  /* The log's entries about the person, their consents, each of their requests and what the
   * committee decided and wrote of them, in the order they were written. */
  file->entries = g_ptr_array_new_with_free_func (g_object_unref);
  if (!collect_trail (db, file->entries, "beneficiary", beneficiary_id, error))
    return NULL;
  for (guint i = 0; i < file->consents->len; i++)
    if (!collect_trail (db, file->entries, "consent", ((RifqConsent *) g_ptr_array_index (file->consents, i))->id, error))
      return NULL;
  for (guint i = 0; i < file->requests->len; i++)
    {
      gint64 id = ((RifqRequest *) g_ptr_array_index (file->requests, i))->id;

      if (!collect_trail (db, file->entries, "request", id, error) ||
          !collect_trails_of (db, file->entries, "decision", "SELECT id FROM decision WHERE request_id = ?1", id, error) ||
          !collect_trails_of (db, file->entries, "letter", "SELECT id FROM letter WHERE request_id = ?1", id, error))
        return NULL;
    }
  g_ptr_array_sort (file->entries, by_entry);

  if (!rifq_db_write (db, audit_export_cb, &beneficiary_id, error))
    return NULL;
  return g_steal_pointer (&file);
}

JsonNode *
rifq_person_file_to_json (RifqDb               *db,
                          const RifqPersonFile *file,
                          GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) scans = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "exported_at", file->exported_at);
  rifq_json_add_string (builder, "exported_by", file->exported_by);
  json_builder_set_member_name (builder, "beneficiary");
  json_builder_add_value (builder, rifq_beneficiary_to_json (file->beneficiary));
  json_builder_set_member_name (builder, "consents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < file->consents->len; i++)
    {
      RifqConsent *consent = g_ptr_array_index (file->consents, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "scope", consent->scope);
      rifq_json_add_string (builder, "given_on", consent->given_on);
      rifq_json_add_string (builder, "recorded_by", consent->recorded_by);
      rifq_json_add_string (builder, "recorded_at", consent->recorded_at);
      rifq_json_add_string (builder, "withdrawn_on", consent->withdrawn_on);
      rifq_json_add_string (builder, "withdrawn_by", consent->withdrawn_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  for (guint i = 0; i < file->requests->len; i++)
    json_builder_add_value (builder, rifq_request_to_json (g_ptr_array_index (file->requests, i)));
  json_builder_end_array (builder);

  /* The scans themselves, once each, by their SHA-256 as the requests name them. */
  json_builder_set_member_name (builder, "scans");
  json_builder_begin_object (builder);
  for (guint i = 0; i < file->requests->len; i++)
    {
      RifqRequest *request = g_ptr_array_index (file->requests, i);

      for (guint d = 0; request->documents != NULL && d < request->documents->len; d++)
        {
          RifqDocument *document = g_ptr_array_index (request->documents, d);

          for (guint s = 0; document->scans != NULL && s < document->scans->len; s++)
            {
              RifqScan *scan = g_ptr_array_index (document->scans, s);
              g_autoptr(GBytes) bytes = NULL;
              g_autofree char *mime = NULL;
              g_autofree char *encoded = NULL;

              if (!g_hash_table_add (scans, scan->sha256))
                continue;
              bytes = rifq_request_store_read_attachment (db, scan->sha256, &mime, error);
              if (bytes == NULL)
                return NULL;
              encoded = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
              json_builder_set_member_name (builder, scan->sha256);
              json_builder_begin_object (builder);
              rifq_json_add_string (builder, "type", mime);
              rifq_json_add_string (builder, "name", scan->name);
              rifq_json_add_string (builder, "base64", encoded);
              json_builder_end_object (builder);
            }
        }
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "audit");
  json_builder_begin_array (builder);
  add_entries (builder, file->entries);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
rifq_privacy_export (RifqDb  *db,
                     gint64   beneficiary_id,
                     GError **error)
{
  g_autoptr(RifqPersonFile) file = rifq_privacy_collect (db, beneficiary_id, error);

  if (file == NULL)
    return NULL;
  return rifq_person_file_to_json (db, file, error);
}

/* Consent */

G_DEFINE_FINAL_TYPE (RifqConsent, rifq_consent, G_TYPE_OBJECT)

static void
rifq_consent_finalize (GObject *object)
{
  RifqConsent *self = RIFQ_CONSENT (object);

  g_free (self->scope);
  g_free (self->given_on);
  g_free (self->recorded_by);
  g_free (self->recorded_at);
  g_free (self->withdrawn_on);
  g_free (self->withdrawn_by);
  G_OBJECT_CLASS (rifq_consent_parent_class)->finalize (object);
}

static void
rifq_consent_class_init (RifqConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqConsent, id, "id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqConsent, beneficiary_id, "beneficiary-id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqConsent, scope, "scope", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqConsent, given_on, "given-on", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqConsent, recorded_by, "recorded-by", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqConsent, recorded_at, "recorded-at", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqConsent, withdrawn_on, "withdrawn-on", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqConsent, withdrawn_by, "withdrawn-by", G_TYPE_STRING),
  };

  object_class->finalize = rifq_consent_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_consent_init (RifqConsent *self)
{
}

static const char * const scopes[] = { "records", "contact", "sharing", NULL };
static const char * const scope_labels[] = {
  N_("keeping and using their records to serve them"),
  N_("being contacted by phone and messages"),
  N_("sharing their data with partner bodies for their support"),
};

const char * const *
rifq_consent_scopes (void)
{
  return scopes;
}

const char *
rifq_consent_scope_label (const char *scope)
{
  for (guint i = 0; scopes[i] != NULL; i++)
    if (g_strcmp0 (scope, scopes[i]) == 0)
      return _(scope_labels[i]);
  return scope;
}

#define CONSENT_COLUMNS "id, beneficiary_id, scope, given_on, recorded_by, recorded_at, withdrawn_on, withdrawn_by"

static RifqConsent *
consent_from_row (RifqStatement *stmt)
{
  RifqConsent *consent = g_object_new (RIFQ_TYPE_CONSENT, NULL);

  consent->id = rifq_statement_get_int64 (stmt, 0);
  consent->beneficiary_id = rifq_statement_get_int64 (stmt, 1);
  consent->scope = rifq_statement_dup_text (stmt, 2);
  consent->given_on = rifq_statement_dup_text (stmt, 3);
  consent->recorded_by = rifq_statement_dup_text (stmt, 4);
  consent->recorded_at = rifq_statement_dup_text (stmt, 5);
  consent->withdrawn_on = rifq_statement_dup_text (stmt, 6);
  consent->withdrawn_by = rifq_statement_dup_text (stmt, 7);
  return consent;
}

static RifqConsent *
consent_get (RifqDb  *db,
             gint64   id,
             GError **error)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT " CONSENT_COLUMNS " FROM consent WHERE id = ?1",
                                       RIFQ_PARAMS (RIFQ_INT (id)), error);
  RifqConsent *consent = NULL;

  if (stmt == NULL)
    return NULL;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    consent = consent_from_row (stmt);
  rifq_statement_reset (stmt);
  if (consent == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("There is no consent number %s."), number);
    }
  return consent;
}

/* A day typed (Hijri or Gregorian), or today when none was; never one to come. */
static char *
consent_day (RifqDb      *db,
             const char  *typed,
             const char  *field,
             GError     **error)
{
  g_autofree char *today = rifq_db_dup_today (db);
  g_autoptr(GError) why = NULL;
  g_autofree char *day = NULL;
  GDate date;

  if (typed == NULL || *typed == '\0')
    return g_steal_pointer (&today);
  if (!rifq_calendar_parse (typed, &date, NULL, &why))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, "%s: %s", field, why->message);
      return NULL;
    }
  day = rifq_calendar_to_iso (&date);
  if (g_strcmp0 (day, today) > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: the day is still to come. Nothing was written."), field);
      return NULL;
    }
  return g_steal_pointer (&day);
}

typedef struct
{
  gint64       beneficiary_id;
  const char  *scope;
  const char  *day;
  gint64       consent_id;
  RifqConsent *result;
} ConsentJob;

static JsonNode *
consent_json (RifqConsent *consent)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "beneficiary_id", consent->beneficiary_id);
  rifq_json_add_string (builder, "scope", consent->scope);
  rifq_json_add_string (builder, "given_on", consent->given_on);
  if (consent->withdrawn_on != NULL)
    rifq_json_add_string (builder, "withdrawn_on", consent->withdrawn_on);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
record_consent_cb (RifqDb      *db,
                   RifqDbWrite *write,
                   gpointer     user_data,
                   GError     **error)
{
  ConsentJob *job = user_data;
  g_autofree char *now = rifq_db_dup_now ();
  gint64 standing = 0;
  gint64 id;

  if (!rifq_db_query_int (db, "SELECT count(*) FROM consent WHERE beneficiary_id = ?1 AND scope = ?2"
                              " AND withdrawn_on IS NULL",
                          RIFQ_PARAMS (RIFQ_INT (job->beneficiary_id), RIFQ_TEXT (job->scope)), &standing, NULL,
                          error))
    return FALSE;
  if (standing > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Consent to %s is already recorded and stands: withdraw it first to record it anew. Nothing "
                     "was written."), rifq_consent_scope_label (job->scope));
      return FALSE;
    }
  /* Given anew after a withdrawal: not on a day before that withdrawal. */
  {
    g_autoptr(GError) unread = NULL;
    g_autofree char *withdrawn = rifq_db_query_text (db, "SELECT max (withdrawn_on) FROM consent"
                                                         " WHERE beneficiary_id = ?1 AND scope = ?2",
                                                     RIFQ_PARAMS (RIFQ_INT (job->beneficiary_id),
                                                                  RIFQ_TEXT (job->scope)), &unread);

    if (unread != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&unread));
        return FALSE;
      }
    if (withdrawn != NULL && g_strcmp0 (job->day, withdrawn) < 0)
      {
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                     _("Given on: consent to %s was withdrawn on %s, so it cannot have been given again before "
                       "that day. Nothing was written."), rifq_consent_scope_label (job->scope), withdrawn);
        return FALSE;
      }
  }
  id = rifq_db_execute_insert (db, "INSERT INTO consent (beneficiary_id, scope, given_on, recorded_by, recorded_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5)",
                               RIFQ_PARAMS (RIFQ_INT (job->beneficiary_id), RIFQ_TEXT (job->scope),
                                            RIFQ_TEXT (job->day), RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (now)),
                               error);
  if (id <= 0)
    return FALSE;
  job->result = consent_get (db, id, error);
  if (job->result == NULL)
    return FALSE;
  rifq_db_write_audit_take (write, "consent", "consent", id, NULL, consent_json (job->result), NULL);
  return TRUE;
}

RifqConsent *
rifq_consent_record (RifqDb      *db,
                     gint64       beneficiary_id,
                     const char  *scope,
                     const char  *given_on,
                     GError     **error)
{
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autofree char *day = NULL;
  ConsentJob job = { beneficiary_id, scope };

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_CONSENT, error))
    return NULL;
  if (scope == NULL || !g_strv_contains (scopes, scope))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Scope of consent: choose records, contact or sharing. Nothing was written."));
      return NULL;
    }
  day = consent_day (db, given_on, _("Consent given on"), error);
  if (day == NULL)
    return NULL;
  beneficiary = rifq_beneficiary_store_get (db, beneficiary_id, error);
  if (beneficiary == NULL)
    return NULL;
  job.day = day;
  if (!rifq_db_write (db, record_consent_cb, &job, error))
    {
      g_clear_object (&job.result);
      return NULL;
    }
  return job.result;
}

static gboolean
withdraw_consent_cb (RifqDb      *db,
                     RifqDbWrite *write,
                     gpointer     user_data,
                     GError     **error)
{
  ConsentJob *job = user_data;
  g_autoptr(RifqConsent) before = consent_get (db, job->consent_id, error);
  g_autofree char *now = rifq_db_dup_now ();

  if (before == NULL)
    return FALSE;
  if (before->withdrawn_on != NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("This consent was already withdrawn on %s. Nothing was written."), before->withdrawn_on);
      return FALSE;
    }
  if (g_strcmp0 (job->day, before->given_on) < 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Withdrawn on: the day is before the consent was given (%s). Nothing was written."),
                   before->given_on);
      return FALSE;
    }
  if (!rifq_db_execute (db, "UPDATE consent SET withdrawn_on = ?2, withdrawn_by = ?3, withdrawn_at = ?4 WHERE id = ?1",
                        RIFQ_PARAMS (RIFQ_INT (job->consent_id), RIFQ_TEXT (job->day), RIFQ_TEXT (rifq_db_get_actor (db)),
                                     RIFQ_TEXT (now)),
                        error))
    return FALSE;
  job->result = consent_get (db, job->consent_id, error);
  if (job->result == NULL)
    return FALSE;
  rifq_db_write_audit_take (write, "withdraw", "consent", job->consent_id, consent_json (before),
                            consent_json (job->result), NULL);
  return TRUE;
}

gboolean
rifq_consent_withdraw (RifqDb      *db,
                       gint64       consent_id,
                       const char  *withdrawn_on,
                       GError     **error)
{
  g_autofree char *day = NULL;
  ConsentJob job = { 0, NULL, NULL, consent_id };
  gboolean ok;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_CONSENT, error))
    return FALSE;
  day = consent_day (db, withdrawn_on, _("Withdrawn on"), error);
  if (day == NULL)
    return FALSE;
  job.day = day;
  ok = rifq_db_write (db, withdraw_consent_cb, &job, error);
  g_clear_object (&job.result);
  return ok;
}

GPtrArray *
rifq_consent_list (RifqDb  *db,
                   gint64   beneficiary_id,
                   GError **error)
{
  g_autoptr(GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  RifqStatement *stmt;
  int rc;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;
  stmt = rifq_db_query (db, "SELECT " CONSENT_COLUMNS " FROM consent WHERE beneficiary_id = ?1 ORDER BY id DESC",
                        RIFQ_PARAMS (RIFQ_INT (beneficiary_id)), error);
  if (stmt == NULL)
    return NULL;
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    g_ptr_array_add (consents, consent_from_row (stmt));
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      return NULL;
    }
  return g_steal_pointer (&consents);
}
