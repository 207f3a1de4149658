/* rifq-request-store.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-request-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-arabic.h"
#include "rifq-beneficiary-json.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-channel.h"
#include "rifq-document-store.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-locale.h"
#include "rifq-numbering.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-signature.h"
#include "rifq-staff.h"
#include "rifq-statement.h"
#include "rifq-validate.h"

/* The columns row_to_request reads, with the beneficiary's identity. */
#define RIFQ_REQUEST_SELECT \
  "SELECT r.id, r.number, r.beneficiary_id, r.kind, r.channel, r.description, r.amount, r.state," \
  " r.received_by, r.received_at, r.declaration, r.signature_json, r.signer, r.signer_name," \
  " r.signer_relation, r.sign_mark, r.officer_name, r.signed_by, r.signed_at, r.validity_json," \
  " r.submitted_on, r.submitted_at, r.due_on, r.decision_reason, r.decided_by, r.decided_at," \
  " r.registered_at, r.closed_at, r.close_reason, r.updated_at," \
  " b.first_name || ' ' || b.father_name || ' ' || b.grandfather_name || ' ' || b.family_name," \
  " b.national_id, b.mobile, b.file_number"
/* How many: row_to_request reads them all, and a query may add its own after them. */
#define RIFQ_REQUEST_N_COLUMNS 34
#define RIFQ_REQUEST_FROM " FROM request r JOIN beneficiary b ON b.id = r.beneficiary_id"
#define RIFQ_REQUEST_COLUMNS RIFQ_REQUEST_SELECT RIFQ_REQUEST_FROM

/* One write of a step, run by rifq_db_write. */
typedef struct
{
  gint64                  request_id;
  RifqAction              action;
  const RifqStepDetails  *details;
  const RifqSigning      *signing;
  const RifqRequestDraft *draft;
  RifqRequest            *result;
  RifqRole                granted;   /* roles the caller has established for this step */
  gboolean                at_meeting; /* taken by the committee's decision at a meeting */
} Job;

int
rifq_request_store_decision_period (RifqDb *db)
{
  g_autofree char *text = rifq_db_get_setting (db, "decision_period_days");
  gint64 days = text ? g_ascii_strtoll (text, NULL, 10) : 0;

  return days > 0 && days <= 365 ? (int) days : 14;
}

char *
rifq_request_store_expected_reply (RifqDb     *db,
                                   const char *on)
{
  return rifq_request_due_date (on, rifq_request_store_decision_period (db));
}

char *
rifq_request_store_declaration (RifqDb *db)
{
  char *text = rifq_db_get_setting (db, "declaration_ar");

  return text ? text : g_strdup ("");
}

/* Kinds of support (their checklists: rifq-document-store.c) */

GPtrArray *
rifq_request_store_kinds (RifqDb  *db,
                          GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  return rifq_policy_item_list (db, "SELECT code, label_ar, label_en, NULL, position FROM support_kind"
                                    " WHERE active = 1 ORDER BY position", error);
}

const char *
rifq_request_store_kind_label (RifqDb     *db,
                               const char *kind)
{
  /* Interned: kinds are few and their labels live as long as the program. */
  RifqStatement *stmt = rifq_db_query (db, "SELECT label_ar, label_en FROM support_kind WHERE code = ?",
                                        RIFQ_PARAMS (RIFQ_TEXT (kind)), NULL);
  const char *label = kind;

  if (stmt == NULL)
    return kind;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    label = g_intern_string (rifq_statement_get_text (stmt, rifq_locale_is_arabic () ? 0 : 1));
  rifq_statement_reset (stmt);
  return label;
}

static gboolean
kind_exists (RifqDb     *db,
             const char *kind)
{
  gint64 one;
  gboolean found;

  rifq_db_query_int (db, "SELECT 1 FROM support_kind WHERE code = ? AND active = 1", RIFQ_PARAMS (RIFQ_TEXT (kind)),
                     &one, &found, NULL);
  return found;
}

/* Reading */

static RifqRequest *
row_to_request (RifqStatement *stmt)
{
  RifqRequest *r = rifq_request_new ();
  char **text[] = {
    &r->received_by, &r->received_at, &r->declaration, &r->signature_json, &r->signer,
    &r->signer_name, &r->signer_relation, &r->sign_mark, &r->officer_name, &r->signed_by,
    &r->signed_at, &r->validity_json, &r->submitted_on, &r->submitted_at, &r->due_on,
    &r->decision_reason, &r->decided_by, &r->decided_at, &r->registered_at, &r->closed_at,
    &r->close_reason, &r->updated_at, &r->beneficiary_name, &r->national_id, &r->mobile,
    &r->file_number,
  };
  g_autofree char *state = NULL;

  G_STATIC_ASSERT (8 + G_N_ELEMENTS (text) == RIFQ_REQUEST_N_COLUMNS);
  r->id = rifq_statement_get_int64 (stmt, 0);
  r->number = rifq_statement_dup_text (stmt, 1);
  r->beneficiary_id = rifq_statement_get_int64 (stmt, 2);
  r->kind = rifq_statement_dup_text (stmt, 3);
  r->channel = rifq_statement_dup_text (stmt, 4);
  r->description = rifq_statement_dup_text (stmt, 5);
  r->amount = rifq_statement_is_null (stmt, 6) ? -1 : rifq_statement_get_int64 (stmt, 6);
  state = rifq_statement_dup_text (stmt, 7);
  rifq_request_state_from_code (state, &r->state);
  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    *text[i] = rifq_statement_dup_text (stmt, 8 + i);
  return r;
}

/* Every row of a query selecting RIFQ_REQUEST_COLUMNS, as requests. */
static GPtrArray *
query_requests (RifqDb           *db,
                const char       *sql,
                const RifqValue  *params,
                guint             n_params,
                GError          **error)
{
  return rifq_db_query_all (db, sql, params, n_params, (RifqDbRowFunc) row_to_request, g_object_unref, error);
}

#define REFERRALS_SELECT \
  "SELECT id, question, asked_by, asked_at, answer, answered_by, answered_at, visit_on, visit_findings," \
  " visit_household, visit_recommendation FROM referral WHERE request_id = ? ORDER BY id"

static gboolean
read_referrals (RifqDb        *db,
                RifqStatement *stmt,
                RifqRequest   *r,
                GError       **error)
{
  int rc;

  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      RifqReferral *ref = g_new0 (RifqReferral, 1);
      char **text[] = {
        &ref->question, &ref->asked_by, &ref->asked_at, &ref->answer, &ref->answered_by,
        &ref->answered_at, &ref->visit_on, &ref->visit_findings, &ref->visit_household,
        &ref->visit_recommendation,
      };

      ref->id = rifq_statement_get_int64 (stmt, 0);
      for (guint i = 0; i < G_N_ELEMENTS (text); i++)
        *text[i] = rifq_statement_dup_text (stmt, 1 + i);
      g_ptr_array_add (r->referrals, ref);
    }
  rifq_statement_reset (stmt);
  return rc == RIFQ_STEP_DONE || rifq_db_fail (db, error);
}

static gboolean
read_services (RifqDb        *db,
               RifqStatement *stmt,
               RifqRequest   *r,
               GError       **error)
{
  int rc;

  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      RifqService *s = g_new0 (RifqService, 1);

      s->id = rifq_statement_get_int64 (stmt, 0);
      s->kind = rifq_statement_dup_text (stmt, 1);
      s->quantity = rifq_statement_get_int64 (stmt, 2);
      s->amount = rifq_statement_is_null (stmt, 3) ? -1 : rifq_statement_get_int64 (stmt, 3);
      s->delivered_on = rifq_statement_dup_text (stmt, 4);
      s->delivered_by = rifq_statement_dup_text (stmt, 5);
      s->place = rifq_statement_dup_text (stmt, 6);
      s->notes = rifq_statement_dup_text (stmt, 7);
      s->recorded_at = rifq_statement_dup_text (stmt, 8);
      s->override_reason = rifq_statement_dup_text (stmt, 9);
      s->override_by = rifq_statement_dup_text (stmt, 10);
      g_ptr_array_add (r->services, s);
    }
  rifq_statement_reset (stmt);
  return rc == RIFQ_STEP_DONE || rifq_db_fail (db, error);
}

/* A request by its id, with whether it has referrals and services (asked only then): most
 * requests have neither until the research or the service step. */
#define REQUEST_SQL RIFQ_REQUEST_SELECT "," \
  " CASE WHEN EXISTS (SELECT 1 FROM referral f WHERE f.request_id = r.id) THEN 1 ELSE 0 END," \
  " CASE WHEN EXISTS (SELECT 1 FROM service s WHERE s.request_id = r.id) THEN 1 ELSE 0 END" \
  RIFQ_REQUEST_FROM " WHERE r.id = ?"
/* Its columns after row_to_request's */
#define REQUEST_HAS_REFERRALS RIFQ_REQUEST_N_COLUMNS
#define REQUEST_HAS_SERVICES  (RIFQ_REQUEST_N_COLUMNS + 1)
#define SERVICES_SQL "SELECT id, kind, quantity, amount, delivered_on, delivered_by, place," \
                     " notes, recorded_at, override_reason, override_by FROM service" \
                     " WHERE request_id = ? ORDER BY id"

void
rifq_request_store_prefetch (RifqDb *db,
                             gint64  id)
{
  g_return_if_fail (RIFQ_IS_DB (db));

  rifq_db_prefetch (db, REQUEST_SQL, RIFQ_PARAMS (RIFQ_INT (id)));
  rifq_document_store_prefetch (db, id);
}

RifqRequest *
rifq_request_store_get (RifqDb  *db,
                        gint64   id,
                        GError **error)
{
  RifqStatement *request;
  RifqDocumentQuery documents = { NULL, NULL };
  g_autoptr(RifqRequest) r = NULL;
  gboolean has_referrals = FALSE;
  gboolean has_services = FALSE;
  gboolean found = FALSE;
  gboolean ok;
  int rc;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  /* The social researcher reads it once it was referred to social research. */
  if (!rifq_permission_check_request (db, id, error))
    return NULL;

  /* The request and its documents, asked at once: a server answers them in one round trip; its
   * referrals and services after, when it has any. */
  request = rifq_db_query_ahead (db, REQUEST_SQL, RIFQ_PARAMS (RIFQ_INT (id)), error);
  if (request == NULL || !rifq_document_store_ask (db, id, &documents, error))
    return NULL;
  rc = rifq_statement_step (request);
  if (rc == RIFQ_STEP_ROW)
    {
      r = row_to_request (request);
      has_referrals = rifq_statement_get_int (request, REQUEST_HAS_REFERRALS) != 0;
      has_services = rifq_statement_get_int (request, REQUEST_HAS_SERVICES) != 0;
      found = TRUE;
    }
  rifq_statement_reset (request);
  ok = (rc == RIFQ_STEP_ROW || rc == RIFQ_STEP_DONE || rifq_db_fail (db, error)) &&
       r != NULL && rifq_document_store_read (db, &documents, r, error);
  /* What was asked and not read is let go. */
  rifq_statement_reset (documents.documents);
  rifq_statement_reset (documents.scans);
  if (ok && has_referrals)
    {
      RifqStatement *referrals = rifq_db_query (db, REFERRALS_SELECT, RIFQ_PARAMS (RIFQ_INT (id)), error);

      ok = referrals != NULL && read_referrals (db, referrals, r, error);
    }
  if (ok && has_services)
    {
      RifqStatement *services = rifq_db_query (db, SERVICES_SQL, RIFQ_PARAMS (RIFQ_INT (id)), error);

      ok = services != NULL && read_services (db, services, r, error);
    }
  if (!found && rc == RIFQ_STEP_DONE)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("The request no longer exists."));
  if (!ok)
    return NULL;
  return g_steal_pointer (&r);
}

/* A request number as typed: the number itself, or short ("1448/123" for "1448/000123") by the
 * year and the sequence the request was numbered with, whatever the format was then or is now.
 * Requests numbered before they kept their sequence are found in today's format. The number
 * itself comes first. */
static GPtrArray *
find_by_number (RifqDb      *db,
                const char  *latin,
                gboolean     referred_only,
                GError     **error)
{
  g_autofree char *padded = NULL;
  gint64 sequence = 0;
  int year = 0;
  gboolean is_short = rifq_numbering_parse_short (latin, &year, &sequence);

  /* Not short: only the number itself, the other parameters NULL. */
  if (is_short)
    padded = rifq_numbering_write (db, RIFQ_REGISTER_REQUEST, year, sequence);
  /* Who reads only what was referred is told of no other request, not even that it exists. */
  return query_requests (db, RIFQ_REQUEST_COLUMNS " WHERE (r.number = ?1 OR (r.seq_year = ?2 AND r.seq = ?3)"
                             " OR (r.seq IS NULL AND r.number = ?4))"
                             " AND (?5 = 0 OR EXISTS (SELECT 1 FROM referral f WHERE f.request_id = r.id))"
                             " ORDER BY r.number = ?1 DESC, r.id",
                         RIFQ_PARAMS (RIFQ_TEXT (latin), RIFQ_INT_IF (is_short, year), RIFQ_INT_IF (is_short, sequence),
                                      RIFQ_TEXT (padded), RIFQ_INT (referred_only ? 1 : 0)),
                         error);
}

RifqRequest *
rifq_request_store_get_by_number (RifqDb     *db,
                                  const char *number,
                                  GError    **error)
{
  g_autofree char *latin = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gboolean all;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  /* Whether the number exists is itself the records': the social researcher, who reads only
   * what was referred, may look one up, and reads it only if it was. */
  if (!rifq_permission_check_read (db, &all, error))
    return NULL;
  latin = rifq_arabic_latin_digits (number);
  g_strstrip (latin);
  found = find_by_number (db, latin, !all, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("There is no request numbered “%s”."), latin);
      return NULL;
    }
  return rifq_request_store_get (db, ((RifqRequest *) g_ptr_array_index (found, 0))->id, error);
}

/* Writing: every step is one job run by rifq_db_write. */

/* Reads the request inside the transaction and checks that the step applies to it now (the
 * actor's role was checked before, against the role × action table). */
static RifqRequest *
open_for (RifqDb      *db,
          gint64       request_id,
          RifqAction   action,
          GError     **error)
{
  g_autoptr(RifqRequest) r = rifq_request_store_get (db, request_id, error);

  if (r == NULL)
    return NULL;
  if (!rifq_request_check_transition (r->state, action, error))
    return NULL;
  return g_steal_pointer (&r);
}

/* The desk may edit the request's documents only before the checklist is confirmed. */
RifqRequest *
rifq_request_store_get_editable (RifqDb  *db,
                                 gint64   request_id,
                                 GError **error)
{
  g_autoptr(RifqRequest) r = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_ENTER_DOCUMENTS, error))
    return NULL;
  r = rifq_request_store_get (db, request_id, error);
  if (r == NULL)
    return NULL;
  if (!rifq_request_documents_editable (r->state))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The documents of a request that is “%s” can no longer be changed."),
                   rifq_request_state_label (r->state));
      return NULL;
    }
  return g_steal_pointer (&r);
}

static gboolean
set_state (RifqDb           *db,
           gint64            request_id,
           RifqRequestState  state,
           const char       *stamp,
           GError          **error)
{
  return rifq_db_execute (db, "UPDATE request SET state = ?, updated_at = ? WHERE id = ?",
                          RIFQ_PARAMS (RIFQ_TEXT (rifq_request_state_code (state)), RIFQ_TEXT (stamp),
                                       RIFQ_INT (request_id)),
                          error);
}

static gboolean
create_cb (RifqDb      *db,
           RifqDbWrite *write,
           gpointer     user_data,
           GError     **error)
{
  Job *job = user_data;
  const RifqRequestDraft *draft = job->draft;
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autofree char *stamp = rifq_db_dup_now ();
  g_autofree char *today = rifq_db_dup_today (db);
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  RifqHijriDate hijri;
  gint64 seq;
  gint64 id;
  int seq_year;
  GDate day;

  if (!rifq_permission_check (db, RIFQ_PERMISSION_RECEIVE_REQUEST, error))
    return FALSE;
  beneficiary = rifq_beneficiary_store_get (db, draft->beneficiary_id, error);
  if (beneficiary == NULL)
    return FALSE;

  if (!rifq_calendar_from_iso (today, &day))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Today’s date “%s” is not a date."), today);
      return FALSE;
    }
  if (!rifq_calendar_to_hijri (&day, &hijri, error))
    return FALSE;
  number = rifq_numbering_next (db, RIFQ_REGISTER_REQUEST, hijri.year, &seq_year, &seq, error);
  if (number == NULL)
    return FALSE;

  description = g_strstrip (g_strdup (draft->description));
  id = rifq_db_execute_insert (db, "INSERT INTO request (number, beneficiary_id, kind, channel, description,"
                                   " amount, state, received_by, received_at, updated_at, seq_year, seq)"
                                   " VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)",
                               RIFQ_PARAMS (RIFQ_TEXT (number), RIFQ_INT (draft->beneficiary_id),
                                            RIFQ_TEXT (draft->kind), RIFQ_TEXT (draft->channel), RIFQ_TEXT (description),
                                            RIFQ_INT_IF (draft->amount >= 0, draft->amount),
                                            RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (stamp), RIFQ_TEXT (stamp),
                                            RIFQ_INT (seq_year), RIFQ_INT (seq)),
                               error);
  if (id == 0)
    return FALSE;

  /* The contact that brought the request, on its channel. */
  if (!rifq_db_execute (db, "INSERT INTO interaction (beneficiary_id, channel, direction, kind, summary,"
                            " handled_by, at) VALUES (?, ?, 'incoming', 'request', ?, ?, ?)",
                        RIFQ_PARAMS (RIFQ_INT (draft->beneficiary_id), RIFQ_TEXT (draft->channel),
                                     RIFQ_TEXT (rifq_text_is_blank (draft->contact_summary) ? draft->description
                                                                                           : draft->contact_summary),
                                     RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (stamp)),
                        error))
    return FALSE;

  job->result = rifq_request_store_get (db, id, error);
  if (job->result == NULL)
    return FALSE;
  rifq_db_write_audit_take (write, "create", "request", id, NULL, rifq_request_to_json (job->result), NULL);
  return TRUE;
}

RifqRequest *
rifq_request_store_create (RifqDb                 *db,
                           const RifqRequestDraft *draft,
                           GError                **error)
{
  Job job = { 0 };

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (draft->kind == NULL || !kind_exists (db, draft->kind))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Kind of support: choose one of the list."));
      return NULL;
    }
  if (draft->channel == NULL || !rifq_channel_exists (db, draft->channel))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Channel: choose the channel the request came through."));
      return NULL;
    }
  if (draft->amount < -1)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Amount: enter a whole number of riyals, or nothing."));
      return NULL;
    }
  if (rifq_text_is_blank (draft->description))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Description: say in a sentence what the applicant asks for."));
      return NULL;
    }
  {
    const RifqTextField texts[] = {
      { draft->description, RIFQ_TEXT_NOTES, _("Description") },
      { draft->contact_summary, RIFQ_TEXT_NOTES, _("Summary of the contact") },
    };

    if (!rifq_validate_texts (texts, G_N_ELEMENTS (texts), error))
      return NULL;
  }

  job.draft = draft;
  if (!rifq_db_write (db, create_cb, &job, error))
    {
      g_clear_pointer (&job.result, g_object_unref);
      return NULL;
    }
  return job.result;
}

/* Signing (documents and scans: rifq-document-store.c) */

static gboolean
check_signing (RifqDb            *db,
               const RifqSigning *s,
               GError           **error)
{
  g_autoptr(RifqSignature) signature = NULL;
  g_autoptr(RifqStaff) officer = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *own = NULL;
  gboolean thumbprint = g_strcmp0 (s->sign_mark, "thumbprint") == 0;
  const RifqTextField texts[] = {
    { s->signer_name, RIFQ_TEXT_FULL_NAME, _("Caregiver’s name") },
    { s->signer_relation, RIFQ_TEXT_NAME, _("Relation to the applicant") },
    { s->officer_name, RIFQ_TEXT_FULL_NAME, _("Officer’s confirmation") },
  };

  if (!rifq_validate_texts (texts, G_N_ELEMENTS (texts), error))
    return FALSE;
  if (g_strcmp0 (s->sign_mark, "signature") != 0 && !thumbprint)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Mark: choose a signature or a thumbprint."));
      return FALSE;
    }
  if (s->signature_json == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE, _("The applicant has not signed the declaration."));
      return FALSE;
    }
  signature = rifq_signature_new_from_json (s->signature_json, &local);
  if (signature == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Signature: %s"), local->message);
      return FALSE;
    }
  if (thumbprint ? rifq_signature_get_n_points (signature) == 0 : rifq_signature_is_empty (signature))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE, _("The applicant has not signed the declaration."));
      return FALSE;
    }
  if (g_strcmp0 (s->signer, "caregiver") == 0)
    {
      if (rifq_text_is_blank (s->signer_name) || rifq_text_is_blank (s->signer_relation))
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("Signed by a caregiver: enter their name and their relation to the applicant."));
          return FALSE;
        }
    }
  else if (g_strcmp0 (s->signer, "applicant") != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Signed by: choose the applicant or a caregiver."));
      return FALSE;
    }

  officer = rifq_staff_get (db, rifq_db_get_actor (db), error);
  if (officer == NULL)
    return FALSE;
  if (rifq_text_is_blank (s->officer_name))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE,
                   _("Officer’s confirmation: type your name to confirm you received the signature."));
      return FALSE;
    }
  typed = rifq_arabic_normalize (s->officer_name);
  own = rifq_arabic_normalize (officer->full_name);
  if (g_strcmp0 (typed, own) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Officer’s confirmation: the name typed is not yours (%s)."), officer->full_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sign_cb (RifqDb      *db,
         RifqDbWrite *write,
         gpointer     user_data,
         GError     **error)
{
  Job *job = user_data;
  const RifqSigning *s = job->signing;
  g_autoptr(RifqRequest) r = NULL;
  g_autofree char *stamp = rifq_db_dup_now ();
  g_autofree char *declaration = NULL;
  gboolean caregiver = g_strcmp0 (s->signer, "caregiver") == 0;

  if (!rifq_permission_check (db, RIFQ_PERMISSION_SIGN, error))
    return FALSE;
  r = rifq_request_store_get (db, job->request_id, error);
  if (r == NULL)
    return FALSE;
  if (r->state != RIFQ_REQUEST_READY_TO_SIGN)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("A request that is “%s” cannot be signed; the documents must be confirmed first."),
                   rifq_request_state_label (r->state));
      return FALSE;
    }
  if (!check_signing (db, s, error))
    return FALSE;

  declaration = rifq_request_store_declaration (db);
  if (!rifq_db_execute (db, "UPDATE request SET declaration = ?, signature_json = ?, signer = ?,"
                            " signer_name = ?, signer_relation = ?, sign_mark = ?, officer_name = ?,"
                            " signed_by = ?, signed_at = ?, updated_at = ? WHERE id = ?",
                        RIFQ_PARAMS (RIFQ_TEXT (declaration), RIFQ_TEXT (s->signature_json), RIFQ_TEXT (s->signer),
                                     RIFQ_TEXT (caregiver ? s->signer_name : NULL),
                                     RIFQ_TEXT (caregiver ? s->signer_relation : NULL), RIFQ_TEXT (s->sign_mark),
                                     RIFQ_TEXT (s->officer_name), RIFQ_TEXT (rifq_db_get_actor (db)),
                                     RIFQ_TEXT (stamp), RIFQ_TEXT (stamp), RIFQ_INT (r->id)),
                        error))
    return FALSE;

  {
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, s->signature_json, -1);
    g_autoptr(JsonNode) node = rifq_request_state_json (r->state, "signer", caregiver ? s->signer_name : s->signer);
    JsonObject *object = json_node_get_object (node);

    /* Signing again after a reopen leaves the earlier strokes' fingerprint in the log. */
    json_object_set_string_member (object, "signature_sha256", sha);
    json_object_set_string_member (object, "sign_mark", s->sign_mark);
    json_object_set_string_member (object, "officer_name", s->officer_name);
    rifq_db_write_audit_take (write, "sign", "request", r->id, NULL, g_steal_pointer (&node), NULL);
  }
  return TRUE;
}

gboolean
rifq_request_store_sign (RifqDb            *db,
                         gint64             request_id,
                         const RifqSigning *signing,
                         GError           **error)
{
  Job job = { .request_id = request_id, .signing = signing };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (signing != NULL, FALSE);

  return rifq_db_write (db, sign_cb, &job, error);
}

/* Steps of the transition table */

static gboolean
do_answer (RifqDb                *db,
           const RifqRequest     *r,
           const RifqStepDetails *d,
           const char            *stamp,
           GError               **error)
{
  g_autofree char *visit_on = NULL;
  g_autofree char *today = rifq_db_dup_today (db);
  gboolean visited = !rifq_text_is_blank (d->visit_on) || !rifq_text_is_blank (d->visit_findings)
                     || !rifq_text_is_blank (d->visit_household) || !rifq_text_is_blank (d->visit_recommendation);

  if (visited)
    {
      if (!rifq_validate_optional_date (_("Home visit"), _("date"), d->visit_on, &visit_on, error))
        return FALSE;
      if (visit_on == NULL || g_strcmp0 (visit_on, today) > 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("Home visit: enter the day of the visit, today or earlier."));
          return FALSE;
        }
      if (rifq_text_is_blank (d->visit_findings) || rifq_text_is_blank (d->visit_recommendation))
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("Home visit: the report needs the findings and a recommendation."));
          return FALSE;
        }
    }
  return rifq_db_execute (db, "UPDATE referral SET answer = ?, answered_by = ?, answered_at = ?,"
                              " visit_on = ?, visit_findings = ?, visit_household = ?, visit_recommendation = ?"
                              " WHERE id = (SELECT max (id) FROM referral WHERE request_id = ? AND answer IS NULL)",
                          RIFQ_PARAMS (RIFQ_TEXT (d->text), RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (stamp),
                                       RIFQ_TEXT (visit_on), RIFQ_TEXT (visited ? d->visit_findings : NULL),
                                       RIFQ_TEXT (visited && !rifq_text_is_blank (d->visit_household)
                                                  ? d->visit_household : NULL),
                                       RIFQ_TEXT (visited ? d->visit_recommendation : NULL), RIFQ_INT (r->id)),
                          error);
}

static gboolean
do_submit (RifqDb            *db,
           const RifqRequest *r,
           const char        *stamp,
           GError           **error)
{
  g_autofree char *today = rifq_db_dup_today (db);
  g_autofree char *due = NULL;
  g_autofree char *snapshot = NULL;

  if (r->signed_at == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE, _("The applicant has not signed the declaration."));
      return FALSE;
    }
  if (!rifq_document_store_check (r, today, error))
    return FALSE;

  due = rifq_request_store_expected_reply (db, today);
  snapshot = rifq_document_store_validity_snapshot (r, today);
  return rifq_db_execute (db, "UPDATE request SET validity_json = ?, submitted_on = ?, submitted_at = ?,"
                              " due_on = ? WHERE id = ?",
                          RIFQ_PARAMS (RIFQ_TEXT (snapshot), RIFQ_TEXT (today), RIFQ_TEXT (stamp), RIFQ_TEXT (due),
                                       RIFQ_INT (r->id)),
                          error);
}

static gboolean
do_register (RifqDb            *db,
             RifqDbWrite       *write,
             const RifqRequest *r,
             const char        *stamp,
             GError           **error)
{
  g_autofree char *file_number = g_strdup (r->file_number);
  RifqStatement *stmt;

  /* A file number once: a returning beneficiary keeps theirs. Numbers already taken by hand
   * are skipped. */
  while (file_number == NULL)
    {
      gboolean taken;

      file_number = rifq_numbering_next (db, RIFQ_REGISTER_FILE, 0, NULL, NULL, error);
      if (file_number == NULL)
        return FALSE;
      stmt = rifq_db_query (db, "SELECT 1 FROM beneficiary WHERE file_number = ?",
                            RIFQ_PARAMS (RIFQ_TEXT (file_number)), error);
      if (stmt == NULL)
        return FALSE;
      taken = rifq_statement_step (stmt) == RIFQ_STEP_ROW;
      rifq_statement_reset (stmt);
      if (taken)
        g_clear_pointer (&file_number, g_free);
    }

  if (!rifq_db_execute (db, "UPDATE beneficiary SET status = 'registered', file_number = ?1, updated_at = ?2,"
                            " version = version + 1 WHERE id = ?3",
                        RIFQ_PARAMS (RIFQ_TEXT (file_number), RIFQ_TEXT (stamp), RIFQ_INT (r->beneficiary_id)), error))
    return FALSE;
  {
    /* The beneficiary as registered, whole: their trail ends where their record stands. */
    g_autoptr(RifqBeneficiary) registered = rifq_beneficiary_store_get (db, r->beneficiary_id, error);

    if (registered == NULL)
      return FALSE;
    rifq_db_write_audit_take (write, "register", "beneficiary", r->beneficiary_id, NULL,
                              rifq_beneficiary_to_json (registered), r->number);
  }
  return rifq_db_execute (db, "UPDATE request SET registered_at = ?1 WHERE id = ?2",
                          RIFQ_PARAMS (RIFQ_TEXT (stamp), RIFQ_INT (r->id)), error);
}

gboolean
rifq_request_store_approval (RifqDb       *db,
                             gint64        request_id,
                             RifqApproval *out,
                             GError      **error)
{
  g_autoptr(RifqRequest) r = NULL;
  RifqStatement *stmt, *delivered;
  gboolean decided = FALSE;
  gint64 amount = -1, quantity = 0;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* The committee's decision is the records', not only the referral's. */
  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return FALSE;
  r = rifq_request_store_get (db, request_id, error);
  if (r == NULL)
    return FALSE;
  /* What was approved and what was delivered, asked together. */
  stmt = rifq_db_query_ahead (db, "SELECT amount, quantity FROM decision WHERE request_id = ? AND decision = 'accept'"
                                  " ORDER BY id DESC LIMIT 1", RIFQ_PARAMS (RIFQ_INT (request_id)), error);
  if (stmt == NULL)
    return FALSE;
  delivered = rifq_db_query_ahead (db, "SELECT coalesce (sum (amount), 0), coalesce (sum (quantity), 0)"
                                       " FROM service WHERE request_id = ?",
                                   RIFQ_PARAMS (RIFQ_INT (request_id)), error);
  if (delivered == NULL)
    {
      rifq_statement_reset (stmt);
      return FALSE;
    }
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      decided = TRUE;
      amount = rifq_statement_is_null (stmt, 0) ? -1 : rifq_statement_get_int64 (stmt, 0);
      quantity = rifq_statement_get_int64 (stmt, 1);
    }
  rifq_statement_reset (stmt);
  /* Accepted before decisions were kept with their meeting: the request as asked. */
  if (!decided && r->state != RIFQ_REQUEST_ACCEPTED && r->state != RIFQ_REQUEST_REGISTERED
      && r->state != RIFQ_REQUEST_SERVED)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                   _("Request %s has not been accepted by the research committee: nothing is approved."), r->number);
      rifq_statement_reset (delivered);
      return FALSE;
    }
  /* Without an amount of its own the acceptance approves the amount asked for; without a
   * quantity, the support asked for once. */
  out->amount = amount >= 0 ? amount : MAX (r->amount, 0);
  out->quantity = quantity > 0 ? quantity : 1;
  out->amount_delivered = 0;
  out->quantity_delivered = 0;

  if (rifq_statement_step (delivered) == RIFQ_STEP_ROW)
    {
      out->amount_delivered = rifq_statement_get_int64 (delivered, 0);
      out->quantity_delivered = rifq_statement_get_int64 (delivered, 1);
    }
  rifq_statement_reset (delivered);
  return TRUE;
}

/* Whether the service keeps within what was approved; when not, FALSE with the reason. */
static gboolean
within_approval (const RifqApproval *a,
                 const RifqService  *s,
                 GError            **error)
{
  gint64 amount = MAX (s->amount, 0);
  gint64 quantity = MAX (s->quantity, 0);

  if (amount > 0 && a->amount == 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                           _("Service: the research committee approved no amount in riyals for this request. Only an "
                             "administrator may record a service beyond the approval, with the reason."));
      return FALSE;
    }
  if (a->amount_delivered + amount > a->amount || a->quantity_delivered + quantity > a->quantity)
    {
      gboolean riyals = a->amount_delivered + amount > a->amount;
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, riyals ? amount : quantity);
      g_autofree char *left = g_strdup_printf ("%" G_GINT64_FORMAT, riyals ? rifq_approval_amount_left (a)
                                                                          : rifq_approval_quantity_left (a));
      g_autofree char *approved = g_strdup_printf ("%" G_GINT64_FORMAT, riyals ? a->amount : a->quantity);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   riyals ? _("Service: %s riyals is more than the %s riyals that remain of the %s the research "
                              "committee approved. Only an administrator may record a service beyond the approval, "
                              "with the reason.")
                          : _("Service: a quantity of %s is more than the %s that remain of the %s the research "
                              "committee approved. Only an administrator may record a service beyond the approval, "
                              "with the reason."),
                   given, left, approved);
      return FALSE;
    }
  return TRUE;
}

static gboolean
do_serve (RifqDb            *db,
          RifqDbWrite       *write,
          const RifqRequest *r,
          const RifqService *s,
          const char        *stamp,
          GError           **error)
{
  g_autofree char *today = rifq_db_dup_today (db);
  g_autofree char *delivered = NULL;
  g_autoptr(GError) beyond = NULL;
  const char *override = NULL;
  const char *kind;
  RifqApproval approval;

  if (s == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Service: say what was delivered."));
      return FALSE;
    }
  kind = s->kind ? s->kind : r->kind;
  if (!kind_exists (db, kind))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Kind of support: choose one of the list."));
      return FALSE;
    }
  if (s->quantity <= 0 && s->amount <= 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Service: enter the quantity or the amount delivered."));
      return FALSE;
    }
  if (!rifq_validate_optional_date (_("Service"), _("date"), s->delivered_on, &delivered, error))
    return FALSE;
  if (delivered == NULL || g_strcmp0 (delivered, today) > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Service: enter the day it was delivered, today or earlier."));
      return FALSE;
    }
  if (rifq_text_is_blank (s->delivered_by))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Service: enter who delivered it."));
      return FALSE;
    }
  if (g_strcmp0 (s->place, "office") != 0 && g_strcmp0 (s->place, "home") != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Service: say where it was delivered, at the office or at home."));
      return FALSE;
    }

  /* The services add up against what the committee approved; beyond it only an administrator
   * records one, with the reason. */
  if (!rifq_request_store_approval (db, r->id, &approval, error))
    return FALSE;
  if (!within_approval (&approval, s, &beyond))
    {
      if (rifq_text_is_blank (s->override_reason))
        {
          g_propagate_error (error, g_steal_pointer (&beyond));
          return FALSE;
        }
      if (!rifq_permission_check (db, RIFQ_PERMISSION_SERVE_BEYOND_APPROVAL, error))
        return FALSE;
      override = s->override_reason;
    }
  /* Within it, a service is the desk's, whatever reason an administrator gave. */
  else if (!rifq_text_is_blank (s->override_reason) && !rifq_permission_check (db, RIFQ_PERMISSION_SERVE, error))
    return FALSE;

  if (!rifq_db_execute (db, "INSERT INTO service (request_id, kind, quantity, amount, delivered_on,"
                            " delivered_by, place, notes, recorded_at, override_reason, override_by)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        RIFQ_PARAMS (RIFQ_INT (r->id), RIFQ_TEXT (kind), RIFQ_INT_IF (s->quantity > 0, s->quantity),
                                     RIFQ_INT_IF (s->amount > 0, s->amount), RIFQ_TEXT (delivered),
                                     RIFQ_TEXT (s->delivered_by), RIFQ_TEXT (s->place),
                                     RIFQ_TEXT (rifq_text_is_blank (s->notes) ? NULL : s->notes), RIFQ_TEXT (stamp),
                                     RIFQ_TEXT (override),
                                     RIFQ_TEXT (override != NULL ? rifq_db_get_actor (db) : NULL)),
                        error))
    return FALSE;
  if (override != NULL)
    {
      RifqApproval after = approval;

      after.amount_delivered += MAX (s->amount, 0);
      after.quantity_delivered += MAX (s->quantity, 0);
      rifq_db_write_audit_take (write, "override", "request", r->id, rifq_approval_to_json (&approval),
                                rifq_approval_to_json (&after), override);
    }
  return TRUE;
}

static JsonNode *
step_json (RifqAction         action,
           const RifqRequest *after)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *members[] = { "state", "due_on", "submitted_on", "decision_reason", "file_number",
                            "close_reason" };
  const char *values[] = { rifq_request_state_code (after->state), after->due_on, after->submitted_on,
                           after->decision_reason, after->file_number, after->close_reason };

  G_STATIC_ASSERT (G_N_ELEMENTS (members) == G_N_ELEMENTS (values));

  /* What the step changed, as the request's record names it (rifq_request_to_json), without
   * building the whole record. */
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (values[i] != NULL)
      rifq_json_add_string (builder, members[i], values[i]);
  if (action == RIFQ_ACTION_SUBMIT && after->validity_json != NULL)
    {
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, after->validity_json, -1);

      rifq_json_add_string (builder, "validity_sha256", sha);
    }
  if (action == RIFQ_ACTION_ANSWER || action == RIFQ_ACTION_REFER || action == RIFQ_ACTION_SERVE)
    {
      g_autoptr(JsonNode) full = rifq_request_to_json (after);
      JsonObject *all = json_node_get_object (full);
      gboolean serve = action == RIFQ_ACTION_SERVE;
      JsonArray *list = json_object_get_array_member (all, serve ? "services" : "referrals");
      guint n = json_array_get_length (list);

      json_builder_set_member_name (builder, serve ? "service" : "referral");
      json_builder_add_value (builder, json_node_copy (json_array_get_element (list, n - 1)));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
step_text_label (RifqAction action)
{
  if (action == RIFQ_ACTION_REFER)
    return _("Question");
  if (action == RIFQ_ACTION_ANSWER)
    return _("Answer");
  return _("Reason");
}

/* What a step brings, each text within its length. */
static gboolean
check_step_texts (RifqAction             action,
                  const RifqStepDetails *d,
                  GError               **error)
{
  const RifqService *s = d->service;
  const RifqTextField texts[] = {
    { d->text, RIFQ_TEXT_NOTES, step_text_label (action) },
    { d->visit_on, RIFQ_TEXT_LINE, _("Home visit") },
    { d->visit_findings, RIFQ_TEXT_NOTES, _("Findings") },
    { d->visit_household, RIFQ_TEXT_NOTES, _("Household") },
    { d->visit_recommendation, RIFQ_TEXT_NOTES, _("Recommendation") },
    { s ? s->kind : NULL, RIFQ_TEXT_LINE, _("Kind of support") },
    { s ? s->delivered_on : NULL, RIFQ_TEXT_LINE, _("Service") },
    { s ? s->delivered_by : NULL, RIFQ_TEXT_FULL_NAME, _("Delivered by") },
    { s ? s->place : NULL, RIFQ_TEXT_LINE, _("Place") },
    { s ? s->notes : NULL, RIFQ_TEXT_NOTES, _("Notes") },
  };

  return rifq_validate_texts (texts, G_N_ELEMENTS (texts), error);
}

static gboolean
advance_cb (RifqDb      *db,
            RifqDbWrite *write,
            gpointer     user_data,
            GError     **error)
{
  Job *job = user_data;
  RifqStepDetails trimmed = job->details ? *job->details : (RifqStepDetails) { 0 };
  const RifqStepDetails *d = &trimmed;
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqRequest) after = NULL;
  g_autofree char *stamp = rifq_db_dup_now ();
  g_autofree char *today = NULL;
  g_autofree char *text_copy = trimmed.text ? g_strstrip (g_strdup (trimmed.text)) : NULL;
  const char *text = text_copy;
  RifqRequestState to;
  gboolean ok = TRUE;

  trimmed.text = text_copy;

  /* An administrator records a service beyond the approval, desk officer or not. */
  if (job->action == RIFQ_ACTION_SERVE && d->service != NULL && !rifq_text_is_blank (d->service->override_reason)
      && rifq_permission_allows (RIFQ_PERMISSION_SERVE_BEYOND_APPROVAL, rifq_staff_actor_roles (db)))
    job->granted |= RIFQ_ROLE_DESK;
  /* The role first, whatever the request's state or the step's details. */
  if ((job->granted & rifq_action_roles (job->action)) == 0 &&
      !rifq_permission_check (db, rifq_permission_for_step (job->action), error))
    return FALSE;
  /* Every decision is the outcome of a meeting: quorum, votes and reasons (rifq-committee.c). */
  if (rifq_action_is_decision (job->action) && !job->at_meeting)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("“%s” is the research committee’s decision, taken only at a meeting: the chair puts the "
                     "request on a meeting’s agenda, the members present vote, and the chair records the decision "
                     "the votes give, with its reasons (Research Committee page, or rifq-admin committee decide)."),
                   rifq_action_label (job->action));
      return FALSE;
    }

  if (!check_step_texts (job->action, d, error))
    return FALSE;
  r = open_for (db, job->request_id, job->action, error);
  if (r == NULL)
    return FALSE;
  rifq_action_applies (job->action, r->state, &to);

  if (rifq_action_needs_text (job->action) && rifq_text_is_blank (text))
    {
      switch (job->action)
        {
        case RIFQ_ACTION_REFER:
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("Question: write what the applicant needs explained."));
          break;
        case RIFQ_ACTION_ANSWER:
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Answer: write the answer given to the applicant."));
          break;
        default:
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Reason: write why, for the record."));
          break;
        }
      return FALSE;
    }

  switch (job->action)
    {
    case RIFQ_ACTION_REFER:
      ok = rifq_db_execute (db, "INSERT INTO referral (request_id, question, asked_by, asked_at) VALUES (?, ?, ?, ?)",
                            RIFQ_PARAMS (RIFQ_INT (r->id), RIFQ_TEXT (text), RIFQ_TEXT (rifq_db_get_actor (db)),
                                         RIFQ_TEXT (stamp)),
                            error);
      break;
    case RIFQ_ACTION_ANSWER:
      ok = do_answer (db, r, d, stamp, error);
      break;
    case RIFQ_ACTION_VERIFY:
      today = rifq_db_dup_today (db);
      ok = rifq_document_store_check (r, today, error);
      break;
    case RIFQ_ACTION_REOPEN:
      /* What was signed may change: the signature is set aside and taken again. */
      ok = rifq_db_execute (db, "UPDATE request SET declaration = NULL, signature_json = NULL, signer = NULL,"
                                " signer_name = NULL, signer_relation = NULL, sign_mark = NULL, officer_name = NULL,"
                                " signed_by = NULL, signed_at = NULL WHERE id = ?1",
                            RIFQ_PARAMS (RIFQ_INT (r->id)), error);
      break;
    case RIFQ_ACTION_SUBMIT:
      ok = do_submit (db, r, stamp, error);
      break;
    case RIFQ_ACTION_ACCEPT:
    case RIFQ_ACTION_REJECT:
    case RIFQ_ACTION_DEFER:
      ok = rifq_db_execute (db, "UPDATE request SET decision_reason = ?1, decided_by = ?2, decided_at = ?3 WHERE id = ?4",
                            RIFQ_PARAMS (RIFQ_TEXT (rifq_text_is_blank (text) ? NULL : text),
                                         RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (stamp), RIFQ_INT (r->id)),
                            error);
      break;
    case RIFQ_ACTION_REGISTER:
      ok = do_register (db, write, r, stamp, error);
      break;
    case RIFQ_ACTION_SERVE:
      ok = do_serve (db, write, r, d->service, stamp, error);
      break;
    case RIFQ_ACTION_CLOSE:
    case RIFQ_ACTION_WITHDRAW:
      ok = rifq_db_execute (db, "UPDATE request SET closed_at = ?1, close_reason = ?2 WHERE id = ?3",
                            RIFQ_PARAMS (RIFQ_TEXT (stamp), RIFQ_TEXT (rifq_text_is_blank (text) ? NULL : text),
                                         RIFQ_INT (r->id)),
                            error);
      break;
    case RIFQ_ACTION_COLLECT:
    case RIFQ_ACTION_REVIEW:
    case RIFQ_ACTION_RECONSIDER:
      break;
    case RIFQ_N_ACTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ok || !set_state (db, r->id, to, stamp, error))
    return FALSE;
  /* Sealed once, as it is handed to the committee: every later print carries this seal. */
  if (job->action == RIFQ_ACTION_SUBMIT && !rifq_seal_request_in (db, write, r->id, error))
    return FALSE;

  /* The record of the step holds what it brought: the report, the service, the reply date. */
  after = rifq_request_store_get (db, r->id, error);
  if (after == NULL)
    return FALSE;
  rifq_db_write_audit_take (write, rifq_action_code (job->action), "request", r->id,
                            rifq_request_state_json (r->state, NULL, NULL), step_json (job->action, after),
                            rifq_text_is_blank (text) ? NULL : text);
  return TRUE;
}

gboolean
rifq_request_store_advance_in (RifqDb                *db,
                               RifqDbWrite           *write,
                               gint64                 request_id,
                               RifqAction             action,
                               const RifqStepDetails *details,
                               RifqRole               granted,
                               GError               **error)
{
  Job job = { .request_id = request_id, .action = action, .details = details, .granted = granted,
                         .at_meeting = TRUE };

  return advance_cb (db, write, &job, error);
}

gboolean
rifq_request_store_advance (RifqDb                *db,
                            gint64                 request_id,
                            RifqAction             action,
                            const RifqStepDetails *details,
                            GError               **error)
{
  Job job = { .request_id = request_id, .action = action, .details = details };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, FALSE);

  return rifq_db_write (db, advance_cb, &job, error);
}

/* Lists and the lookup */

GPtrArray *
rifq_request_store_list (RifqDb  *db,
                         int      state,
                         gint64   beneficiary_id,
                         guint    limit,
                         GError **error)
{
  int most = (int) MIN (limit, G_MAXINT);

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  if (beneficiary_id > 0)
    return query_requests (db, RIFQ_REQUEST_COLUMNS " WHERE r.beneficiary_id = ?1 AND (CAST (?2 AS TEXT) IS NULL OR r.state = ?2)"
                               " ORDER BY r.received_at DESC, r.id DESC LIMIT ?3",
                           RIFQ_PARAMS (RIFQ_INT (beneficiary_id),
                                        RIFQ_TEXT (state >= 0 ? rifq_request_state_code (state) : NULL),
                                        RIFQ_INT (most)),
                           error);
  if (state >= 0)
    return query_requests (db, RIFQ_REQUEST_COLUMNS " WHERE r.state = ?1 ORDER BY r.received_at DESC, r.id DESC LIMIT ?2",
                           RIFQ_PARAMS (RIFQ_TEXT (rifq_request_state_code (state)), RIFQ_INT (most)), error);
  return query_requests (db, RIFQ_REQUEST_COLUMNS " ORDER BY r.id DESC LIMIT ?1", RIFQ_PARAMS (RIFQ_INT (most)), error);
}

GPtrArray *
rifq_request_store_list_before_committee (RifqDb     *db,
                                          const char *kind,
                                          const char *city,
                                          const char *due_before,
                                          GError    **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  return query_requests (db, RIFQ_REQUEST_COLUMNS
                             " WHERE r.state IN ('submitted', 'under_review')"
                             " AND (CAST (?1 AS TEXT) IS NULL OR r.kind = ?1)"
                             " AND (CAST (?2 AS TEXT) IS NULL OR b.city = ?2)"
                             " AND (CAST (?3 AS TEXT) IS NULL OR r.due_on < ?3)"
                             " ORDER BY r.submitted_on, r.id",
                         RIFQ_PARAMS (RIFQ_TEXT (kind), RIFQ_TEXT (city), RIFQ_TEXT (due_before)), error);
}

GPtrArray *
rifq_request_store_list_open (RifqDb  *db,
                              guint    per_state,
                              GError **error)
{
  g_autoptr(GString) open = g_string_new (",");

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  /* ",draft,incomplete,…,": the open states in the order of the steps, bound as one parameter;
   * a state's place in it is its rank. */
  for (RifqRequestState state = 0; state < RIFQ_REQUEST_N_STATES; state++)
    if (rifq_request_state_is_open (state))
      g_string_append_printf (open, "%s,", rifq_request_state_code (state));

  /* Numbered within each state, the latest received first; the rows keep the columns' order. */
  return query_requests (db, "SELECT * FROM (" RIFQ_REQUEST_SELECT ", row_number () OVER"
                             " (PARTITION BY r.state ORDER BY r.received_at DESC, r.id DESC) AS place"
                             RIFQ_REQUEST_FROM " WHERE instr (?1, ',' || r.state || ',') > 0) AS latest"
                             " WHERE place <= ?2"
                             " ORDER BY updated_at DESC, instr (?1, ',' || state || ','), received_at DESC, id DESC",
                         RIFQ_PARAMS (RIFQ_TEXT (open->str), RIFQ_INT ((int) MIN (per_state, G_MAXINT))), error);
}

GPtrArray *
rifq_request_store_lookup (RifqDb     *db,
                           const char *query,
                           guint       limit,
                           GError    **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *latin = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;

  latin = rifq_arabic_latin_digits (query);
  g_strstrip (latin);
  if (*latin == '\0')
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* A request number, in any format. */
  result = find_by_number (db, latin, FALSE, error);
  if (result == NULL || result->len > 0)
    return g_steal_pointer (&result);

  people = rifq_beneficiary_store_search (db, latin, MAX (limit, 1), error);
  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len && result->len < limit; i++)
    {
      g_autoptr(GPtrArray) theirs = NULL;

      theirs = rifq_request_store_list (db, -1, rifq_beneficiary_get_id (g_ptr_array_index (people, i)),
                                        limit - result->len, error);
      if (theirs == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (result, g_steal_pointer (&theirs));
    }
  return g_steal_pointer (&result);
}

GPtrArray *
rifq_request_store_referral_queue (RifqDb  *db,
                                   GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  gboolean all;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  /* Every request in it was referred: the social researcher's to read. */
  if (!rifq_permission_check_read (db, &all, error))
    return NULL;

  list = query_requests (db, RIFQ_REQUEST_COLUMNS " JOIN referral f ON f.request_id = r.id AND f.answer IS NULL"
                             " WHERE r.state = 'referred' ORDER BY f.asked_at, r.id", RIFQ_NO_PARAMS, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      RifqRequest *r = g_ptr_array_index (list, i);
      RifqStatement *stmt = rifq_db_query (db, REFERRALS_SELECT, RIFQ_PARAMS (RIFQ_INT (r->id)), error);

      if (stmt == NULL || !read_referrals (db, stmt, r, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
rifq_request_store_count (RifqDb  *db,
                          GError **error)
{
  gint64 n;

  if (!rifq_db_query_int (db, "SELECT count(*) FROM request", RIFQ_NO_PARAMS, &n, NULL, error))
    return -1;
  return n;
}
