/* rifq-seal.c: what a request's seal holds, keeping it, and checking a record against it
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-seal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-beneficiary-store.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-seal-private.h"
#include "rifq-seal.h"
#include "rifq-staff.h"
#include "rifq-statement.h"

/* What a request's document prints */

/* A stored JSON text (strokes, the frozen validity) as itself, not as a string. */
static void
add_json (JsonBuilder *builder,
          const char  *name,
          const char  *text)
{
  g_autoptr(JsonNode) node = text ? rifq_json_parse (text, -1, NULL) : NULL;

  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

/* {"ar": …, "en": …} of a code in one of the policy's tables. */
void
_rifq_seal_add_labels (JsonBuilder        *builder,
                       RifqDb             *db,
                       RifqSealLabelTable  table,
                       const char         *name,
                       const char         *code)
{
  static const char *sql[] = {
    [RIFQ_SEAL_LABELS_SUPPORT_KIND] = "SELECT label_ar, label_en FROM support_kind WHERE code = ?",
    [RIFQ_SEAL_LABELS_CHANNEL] = "SELECT label_ar, label_en FROM channel WHERE code = ?",
    [RIFQ_SEAL_LABELS_DOCUMENT_TYPE] = "SELECT label_ar, label_en FROM document_type WHERE code = ?",
  };
  RifqStatement *stmt = rifq_db_query (db, sql[table], RIFQ_PARAMS (RIFQ_TEXT (code)), NULL);
  g_autofree char *ar = NULL;
  g_autofree char *en = NULL;

  if (stmt != NULL)
    {
      if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
        {
          ar = rifq_statement_dup_text (stmt, 0);
          en = rifq_statement_dup_text (stmt, 1);
        }
      rifq_statement_reset (stmt);
    }
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "ar", ar ? ar : code);
  rifq_json_add_string (builder, "en", en ? en : code);
  json_builder_end_object (builder);
}

/* The association's name in Arabic and English, as the member "association". */
void
_rifq_seal_add_association (JsonBuilder *builder,
                            RifqDb      *db)
{
  g_autofree char *ar = rifq_db_get_setting (db, "association_name_ar");
  g_autofree char *en = rifq_db_get_setting (db, "association_name_en");

  json_builder_set_member_name (builder, "association");
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "ar", ar);
  rifq_json_add_string (builder, "en", en);
  json_builder_end_object (builder);
}

/* A member of staff's full name, as a member (name) or, with name NULL, an array element. */
void
_rifq_seal_add_staff_name (JsonBuilder *builder,
                           RifqDb      *db,
                           const char  *name,
                           const char  *username)
{
  g_autoptr(RifqStaff) staff = username ? rifq_staff_get (db, username, NULL) : NULL;
  const char *full = staff ? staff->full_name : username;

  if (name != NULL)
    rifq_json_add_string (builder, name, full);
  else if (full != NULL)
    json_builder_add_string_value (builder, full);
  else
    json_builder_add_null_value (builder);
}

/* The request's own record: what was signed and submitted. Compared with the record as it stands
 * whenever the seal is checked. */
static void
add_request_record (JsonBuilder       *builder,
                    const RifqRequest *r)
{
  json_builder_set_member_name (builder, "request");
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "number", r->number);
  rifq_json_add_int (builder, "beneficiary_id", r->beneficiary_id);
  rifq_json_add_string (builder, "kind", r->kind);
  rifq_json_add_string (builder, "channel", r->channel);
  rifq_json_add_string (builder, "description", r->description);
  rifq_json_add_int_if (builder, "amount", r->amount >= 0, r->amount);
  rifq_json_add_string (builder, "received_by", r->received_by);
  rifq_json_add_string (builder, "received_at", r->received_at);
  rifq_json_add_string (builder, "declaration", r->declaration);
  add_json (builder, "signature", r->signature_json);
  rifq_json_add_string (builder, "signer", r->signer);
  rifq_json_add_string (builder, "signer_name", r->signer_name);
  rifq_json_add_string (builder, "signer_relation", r->signer_relation);
  rifq_json_add_string (builder, "sign_mark", r->sign_mark);
  rifq_json_add_string (builder, "officer_name", r->officer_name);
  rifq_json_add_string (builder, "signed_at", r->signed_at);
  rifq_json_add_string (builder, "submitted_on", r->submitted_on);
  rifq_json_add_string (builder, "due_on", r->due_on);
  add_json (builder, "documents", r->validity_json);
  rifq_request_add_referrals (builder, r, TRUE);
  json_builder_end_object (builder);
}

/* What the document prints beside the record, as it read on the day: the beneficiary, the
 * policy's labels, the names of staff. Later changes to these (a new address, a renamed kind)
 * are the registry's business, audited there; the sealed document keeps the day's. */
static void
add_as_printed (JsonBuilder       *builder,
                RifqDb            *db,
                const RifqRequest *r,
                RifqBeneficiary   *b)
{
  g_autofree char *name = rifq_beneficiary_dup_full_name (b);

  json_builder_set_member_name (builder, "as_printed");
  json_builder_begin_object (builder);
  _rifq_seal_add_association (builder, db);
  rifq_json_add_string (builder, "name", name);
  json_builder_set_member_name (builder, "beneficiary");
  json_builder_begin_object (builder);
  for (RifqField f = 0; f < RIFQ_N_FIELDS; f++)
    rifq_json_add_string (builder, rifq_field_info (f)->key, rifq_beneficiary_get (b, f));
  json_builder_end_object (builder);
  _rifq_seal_add_labels (builder, db, RIFQ_SEAL_LABELS_SUPPORT_KIND, "kind", r->kind);
  _rifq_seal_add_labels (builder, db, RIFQ_SEAL_LABELS_CHANNEL, "channel", r->channel);
  _rifq_seal_add_staff_name (builder, db, "received_by", r->received_by);
  json_builder_set_member_name (builder, "researchers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < r->referrals->len; i++)
    _rifq_seal_add_staff_name (builder, db, NULL, ((const RifqReferral *) g_ptr_array_index (r->referrals, i))->answered_by);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_object (builder);
  for (guint i = 0; i < r->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);

      _rifq_seal_add_labels (builder, db, RIFQ_SEAL_LABELS_DOCUMENT_TYPE, doc->type, doc->type);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static JsonNode *
request_values (RifqDb            *db,
                const RifqRequest *r,
                RifqBeneficiary   *b)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  /* Members always in this order: the same request gives the same bytes, on any machine. */
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "doc", "request");
  rifq_json_add_string (builder, "number", r->number);
  add_request_record (builder, r);
  add_as_printed (builder, db, r, b);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
rifq_seal_request_values (RifqDb  *db,
                          gint64   request_id,
                          GError **error)
{
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqBeneficiary) b = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  r = rifq_request_store_get (db, request_id, error);
  if (r == NULL)
    return NULL;
  b = rifq_beneficiary_store_get (db, r->beneficiary_id, error);
  if (b == NULL)
    return NULL;
  return _rifq_seal_values_text (request_values (db, r, b));
}

/* A summary opens with the kind of document and its number, holds the values items name, what
 * more adds, and closes with when it was sealed and the digest of every value. */
char *
_rifq_seal_values_text (JsonNode *values)
{
  g_autoptr(JsonNode) root = values;

  return root != NULL ? rifq_json_to_text (root) : NULL;
}

static char *
summarize (const char                *doc,
           JsonNode                  *root,
           const char                *values,
           const char                *sealed_at,
           const RifqSealSummaryItem *items,
           RifqSealSummaryFunc        more)
{
  JsonObject *all = json_node_get_object (root);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, values, -1);
  g_autoptr(JsonNode) summary = NULL;

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "doc", doc);
  rifq_json_add_string (builder, "number", json_object_get_string_member (all, "number"));
  for (const RifqSealSummaryItem *item = items; item->name != NULL; item++)
    {
      g_auto(GStrv) path = g_strsplit (item->path, ".", -1);
      JsonNode *node = root;

      for (guint i = 0; path[i] != NULL && node != NULL; i++)
        node = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), path[i]) : NULL;
      json_builder_set_member_name (builder, item->name);
      json_builder_add_value (builder, node ? json_node_copy (node) : json_node_new (JSON_NODE_NULL));
    }
  if (more != NULL)
    more (builder, all);
  rifq_json_add_string (builder, "sealed_at", sealed_at);
  rifq_json_add_string (builder, "values_sha256", digest);
  json_builder_end_object (builder);
  summary = json_builder_get_root (builder);
  return rifq_json_to_text (summary);
}

/* The summary: the values a person checks on paper, and the digest of all the others. */
static const RifqSealSummaryItem request_summary[] = {
  { "national_id", "as_printed.beneficiary.national_id" },
  { "name", "as_printed.name" },
  { "kind", "as_printed.kind.ar" },
  { "amount", "request.amount" },
  { "submitted_on", "request.submitted_on" },
  { "due_on", "request.due_on" },
  { NULL, NULL },
};

/* Twelve characters a person can read out, from the signature: no 0/O or 1/I to confuse. */
static char *
short_code (const guchar *signature)
{
  static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  GString *code = g_string_new (NULL);

  for (guint i = 0; i < 12; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, alphabet[signature[i] % 32]);
    }
  return g_string_free (code, FALSE);
}

static char *
payload_of (const guchar *public_key,
            const guchar *signature,
            const char   *summary)
{
  g_autofree char *key64 = _rifq_seal_base64url (public_key, RIFQ_SEAL_KEY_BYTES);
  g_autofree char *signature64 = _rifq_seal_base64url (signature, RIFQ_SEAL_SIG_BYTES);
  g_autofree char *summary64 = _rifq_seal_base64url ((const guchar *) summary, strlen (summary));

  return g_strdup_printf ("%s.%s.%s.%s", RIFQ_SEAL_PREFIX, key64, signature64, summary64);
}

void
rifq_seal_free (RifqSeal *seal)
{
  if (seal == NULL)
    return;
  g_free (seal->kind);
  g_free (seal->number);
  g_free (seal->values_json);
  g_free (seal->summary_json);
  g_free (seal->payload);
  g_free (seal->short_code);
  g_free (seal->key_id);
  g_free (seal->sealed_at);
  g_free (seal);
}

/* Signs a summary of values with the key in use and keeps the seal with the values, in the write. */
gboolean
_rifq_seal_store (RifqDb                    *db,
                  RifqDbWrite               *write,
                  const char                *kind,
                  gint64                     subject_id,
                  const char                *number,
                  JsonNode                  *root,
                  const RifqSealSummaryItem *items,
                  RifqSealSummaryFunc        more,
                  GError                   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  /* Sealed as the bytes a check reads back (rifq_json_to_text), summarized from the same values. */
  g_autofree char *values = rifq_json_to_text (root);
  g_autofree char *summary = summarize (kind, root, values, stamp, items, more);
  g_autofree char *key_id = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guchar public_key[RIFQ_SEAL_KEY_BYTES];
  guchar signature[RIFQ_SEAL_SIG_BYTES];

  if (!_rifq_seal_sign (db, (const guchar *) summary, strlen (summary), public_key, signature, error))
    return FALSE;
  key_id = _rifq_seal_key_id (public_key);

  if (!rifq_db_execute (db, "INSERT INTO seal (kind, subject_id, number, values_json, summary_json, signature,"
                            " key_id, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (kind, subject_id) DO UPDATE SET number = excluded.number,"
                            " values_json = excluded.values_json, summary_json = excluded.summary_json,"
                            " signature = excluded.signature, key_id = excluded.key_id,"
                            " sealed_at = excluded.sealed_at",
                        RIFQ_PARAMS (RIFQ_TEXT (kind), RIFQ_INT (subject_id), RIFQ_TEXT (number), RIFQ_TEXT (values),
                                     RIFQ_TEXT (summary), RIFQ_BYTES (signature, sizeof signature), RIFQ_TEXT (key_id),
                                     RIFQ_TEXT (stamp)), error))
    return FALSE;

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "number", number);
  rifq_json_add_string (builder, "summary", summary);
  rifq_json_add_string (builder, "key_id", key_id);
  json_builder_end_object (builder);
  rifq_db_write_audit_take (write, "seal", kind, subject_id, NULL, json_builder_get_root (builder), NULL);
  return TRUE;
}

gboolean
rifq_seal_request_in (RifqDb      *db,
                      RifqDbWrite *write,
                      gint64       request_id,
                      GError     **error)
{
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqBeneficiary) b = NULL;
  g_autoptr(JsonNode) values = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  r = rifq_request_store_get (db, request_id, error);
  b = r ? rifq_beneficiary_store_get (db, r->beneficiary_id, error) : NULL;
  if (b == NULL)
    return FALSE;
  values = request_values (db, r, b);
  return _rifq_seal_store (db, write, "request", request_id, r->number, values, request_summary, NULL, error);
}

static RifqSeal *
load_seal (RifqDb     *db,
           const char *kind,
           gint64      subject_id,
           GError    **error)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT s.id, s.number, s.values_json, s.summary_json, s.signature,"
                                          " s.key_id, s.sealed_at, k.public_key FROM seal s"
                                          " LEFT JOIN seal_public_key k ON k.key_id = s.key_id"
                                          " WHERE s.kind = ? AND s.subject_id = ?",
                                      RIFQ_PARAMS (RIFQ_TEXT (kind), RIFQ_INT (subject_id)), error);
  RifqSeal *seal = NULL;

  if (stmt == NULL)
    return NULL;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      guchar signature[RIFQ_SEAL_SIG_BYTES] = { 0 };
      guchar public_key[RIFQ_SEAL_KEY_BYTES] = { 0 };

      seal = g_new0 (RifqSeal, 1);
      seal->id = rifq_statement_get_int64 (stmt, 0);
      seal->kind = g_strdup (kind);
      seal->subject_id = subject_id;
      seal->number = rifq_statement_dup_text (stmt, 1);
      seal->values_json = rifq_statement_dup_text (stmt, 2);
      seal->summary_json = rifq_statement_dup_text (stmt, 3);
      if (rifq_statement_get_size (stmt, 4) == RIFQ_SEAL_SIG_BYTES)
        memcpy (signature, rifq_statement_get_blob (stmt, 4), sizeof signature);
      seal->key_id = rifq_statement_dup_text (stmt, 5);
      seal->sealed_at = rifq_statement_dup_text (stmt, 6);
      if (rifq_statement_get_size (stmt, 7) == RIFQ_SEAL_KEY_BYTES)
        memcpy (public_key, rifq_statement_get_blob (stmt, 7), sizeof public_key);
      seal->payload = payload_of (public_key, signature, seal->summary_json ? seal->summary_json : "");
      seal->short_code = short_code (signature);
    }
  rifq_statement_reset (stmt);
  return seal;
}

static const RifqSealLabel request_labels[] = {
  { "number", N_("the request number") },
  { "beneficiary_id", N_("whose request it is") },
  { "kind", N_("the kind of support") },
  { "channel", N_("the channel") },
  { "description", N_("what the applicant asks for") },
  { "amount", N_("the amount asked for") },
  { "received_by", N_("who received it") },
  { "received_at", N_("when it was received") },
  { "declaration", N_("the declaration") },
  { "signature", N_("the applicant’s signature") },
  { "signer", N_("who signed") },
  { "signer_name", N_("the signer’s name") },
  { "signer_relation", N_("the signer’s relation") },
  { "sign_mark", N_("the mark of signature") },
  { "officer_name", N_("the confirming officer") },
  { "signed_at", N_("when it was signed") },
  { "submitted_on", N_("the submission day") },
  { "due_on", N_("the reply date") },
  { "documents", N_("the documents and their validity") },
  { "referrals", N_("the social research") },
  { NULL, NULL },
};

/* The members of a sealed record (values' member record) that differ, by their labels. */
static char *
describe_differences (const char  *record,
                      const RifqSealLabel *labels,
                      const char  *sealed_values,
                      const char  *live_values)
{
  g_autoptr(JsonNode) sealed = rifq_json_parse (sealed_values, -1, NULL);
  g_autoptr(JsonNode) live = rifq_json_parse (live_values, -1, NULL);
  JsonObject *a, *b;
  g_autoptr(GString) names = g_string_new (NULL);

  if (sealed == NULL || live == NULL || !JSON_NODE_HOLDS_OBJECT (sealed))
    return g_strdup (_("the sealed record"));
  a = json_object_get_object_member (json_node_get_object (sealed), record);
  b = json_object_get_object_member (json_node_get_object (live), record);
  if (a == NULL || b == NULL)
    return g_strdup (_("the sealed record"));
  for (const RifqSealLabel *l = labels; l->member != NULL; l++)
    {
      JsonNode *x = json_object_get_member (a, l->member);
      JsonNode *y = json_object_get_member (b, l->member);
      g_autofree char *tx = x ? rifq_json_to_text (x) : NULL;
      g_autofree char *ty = y ? rifq_json_to_text (y) : NULL;

      if (g_strcmp0 (tx, ty) != 0)
        {
          if (names->len > 0)
            g_string_append (names, _(", "));
          g_string_append (names, _(l->label));
        }
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The request's number and whether it was submitted; FALSE when there is no such request. */
static gboolean
request_standing (RifqDb    *db,
                  gint64     request_id,
                  char     **out_number,
                  gboolean  *out_submitted)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT number, submitted_at IS NOT NULL FROM request WHERE id = ?",
                                      RIFQ_PARAMS (RIFQ_INT (request_id)), NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  found = rifq_statement_step (stmt) == RIFQ_STEP_ROW;
  if (found)
    {
      *out_number = rifq_statement_dup_text (stmt, 0);
      *out_submitted = rifq_statement_get_int (stmt, 1) != 0;
    }
  rifq_statement_reset (stmt);
  return found;
}

gboolean
_rifq_seal_has_row (RifqDb     *db,
                    const char *sql,
                    gint64      id)
{
  gint64 value;
  gboolean listed;

  rifq_db_query_int (db, sql, RIFQ_PARAMS (RIFQ_INT (id)), &value, &listed, NULL);
  return listed;
}

/* Records sealed nowhere because they were made before seals: the keyed audit log lists them by
 * kind ("unsealed" requests, "unsealed_letters", "unsealed_minutes"), written when the database
 * was upgraded, so that a seal deleted later is not mistaken for one of them. Asked only when a
 * seal is missing: the list can hold every request of an old database. */
static gboolean
legacy_listed (RifqDb     *db,
               const char *list,
               gint64      id)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT after_json FROM audit"
                                           " WHERE record_kind = 'seal' AND action = 'legacy'", RIFQ_NO_PARAMS, NULL);
  gboolean listed = FALSE;

  if (stmt == NULL)
    return FALSE;
  while (!listed && rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      g_autoptr(JsonNode) root = rifq_json_parse (rifq_statement_get_text (stmt, 0), -1, NULL);
      JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
      JsonNode *ids = object != NULL ? json_object_get_member (object, list) : NULL;
      JsonArray *array = ids != NULL && JSON_NODE_HOLDS_ARRAY (ids) ? json_node_get_array (ids) : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array) && !listed; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          listed = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_INT64 &&
                   json_node_get_int (element) == id;
        }
    }
  rifq_statement_reset (stmt);
  return listed;
}

/* A sealed record against its seal and its record as it stands. subject names it in sentences
 * ("Request 1448/000001"); a missing seal was removed when the record should be sealed
 * (should_be_sealed) and is not in the legacy list of its kind. */
RifqSealState
_rifq_seal_check (RifqDb               *db,
                  const char           *kind,
                  gint64                subject_id,
                  const char           *subject,
                  gboolean              should_be_sealed,
                  const char           *legacy_list,
                  RifqSealValuesFunc    values_func,
                  const char           *record,
                  const RifqSealLabel  *labels,
                  RifqSeal            **out_seal,
                  char                **out_message)
{
  g_autoptr(RifqSeal) seal = NULL;
  g_autoptr(RifqKeyring) ring = NULL;
  g_autoptr(JsonObject) summary = NULL;
  g_autofree char *live = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) refused = NULL;
  RifqSealState state = RIFQ_SEAL_STATE_GENUINE;

  /* Who may not read the record is told so, not that it was changed: a request is the social
   * researcher's to read once referred to them. */
  if (g_str_equal (kind, "request") ? !rifq_permission_check_request (db, subject_id, &refused)
                                    : !rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, &refused))
    {
      if (out_message != NULL)
        *out_message = g_strdup (refused->message);
      return RIFQ_SEAL_STATE_NONE;
    }
  seal = load_seal (db, kind, subject_id, NULL);
  if (seal == NULL)
    {
      if (!should_be_sealed || legacy_listed (db, legacy_list, subject_id))
        return RIFQ_SEAL_STATE_NONE;
      if (out_message != NULL)
        *out_message = g_strdup_printf (_("%s: its seal is missing: it was removed behind Rifq’s back."), subject);
      return RIFQ_SEAL_STATE_ALTERED;
    }

  ring = rifq_keyring_from_db (db, NULL);
  if (ring == NULL || rifq_seal_verify_payload (ring, seal->payload, &summary, NULL) != RIFQ_SEAL_VALID
      || seal->values_json == NULL)
    {
      state = RIFQ_SEAL_STATE_ALTERED;
      message = g_strdup_printf (_("%s: its stored seal was changed outside Rifq and no longer verifies."), subject);
    }
  else
    {
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seal->values_json, -1);
      if (g_strcmp0 (digest, json_object_get_string_member_with_default (summary, "values_sha256", "")) != 0)
        {
          state = RIFQ_SEAL_STATE_ALTERED;
          message = g_strdup_printf (_("%s: the sealed values stored with it were changed outside Rifq."), subject);
        }
    }
  if (state == RIFQ_SEAL_STATE_GENUINE)
    {
      g_autoptr(GError) error = NULL;

      live = values_func (db, subject_id, &error);
      if (live == NULL)
        {
          state = RIFQ_SEAL_STATE_ALTERED;
          message = g_strdup_printf (_("%s: its record cannot be read: %s"), subject, error->message);
        }
      else
        {
          g_autofree char *differs = describe_differences (record, labels, seal->values_json, live);

          if (*differs != '\0')
            {
              state = RIFQ_SEAL_STATE_ALTERED;
              /* "The minutes … were", in English at least. */
              message = g_str_equal (kind, "minutes")
                          ? g_strdup_printf (_("%s were changed outside Rifq after they were sealed. Not as signed: %s."),
                                             subject, differs)
                          : g_strdup_printf (_("%s was changed outside Rifq after it was sealed. Not as signed: %s."),
                                             subject, differs);
            }
        }
    }
  if (state == RIFQ_SEAL_STATE_GENUINE)
    {
      /* What is said of a genuine seal comes from what was signed, not from the row beside it. */
      g_free (seal->number);
      seal->number = g_strdup (json_object_get_string_member_with_default (summary, "number", ""));
      g_free (seal->sealed_at);
      seal->sealed_at = g_strdup (json_object_get_string_member_with_default (summary, "sealed_at", ""));
      message = g_strdup_printf (_("%s matches its seal of %s."), subject, seal->sealed_at);
    }
  if (out_message != NULL)
    *out_message = g_steal_pointer (&message);
  if (out_seal != NULL)
    *out_seal = g_steal_pointer (&seal);
  return state;
}

RifqSealState
rifq_seal_check_request (RifqDb    *db,
                         gint64     request_id,
                         RifqSeal **out_seal,
                         char     **out_message)
{
  g_autofree char *number = NULL;
  g_autofree char *subject = NULL;
  gboolean submitted = FALSE;

  g_return_val_if_fail (RIFQ_IS_DB (db), RIFQ_SEAL_STATE_NONE);

  if (out_seal != NULL)
    *out_seal = NULL;
  if (out_message != NULL)
    *out_message = NULL;
  if (!request_standing (db, request_id, &number, &submitted))
    return RIFQ_SEAL_STATE_NONE;
  /* Submitted means sealed, unless it was submitted before Rifq sealed at submission. */
  subject = g_strdup_printf (_("Request %s"), number);
  return _rifq_seal_check (db, "request", request_id, subject, submitted, "unsealed",
                           rifq_seal_request_values, "request", request_labels, out_seal, out_message);
}
