/* rifq-request-store.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* Every statement about support requests lives here. Each step checks the transition table,
 * the actor's roles (rifq-staff) and its own preconditions inside the write transaction, and
 * writes its audit row there: a refused step changes nothing. */

/* Scans may be at most this big. */
#define RIFQ_ATTACHMENT_MAX_SIZE (20 * 1000 * 1000)

/* Step 1, reception: what the officer fills in. */
typedef struct
{
  gint64      beneficiary_id;
  const char *kind;             /* a code of the support_kind table */
  const char *channel;          /* a code of the channel table */
  const char *description;
  gint64      amount;           /* riyals asked for; -1 when none */
  const char *contact_summary;  /* logged as the contact; the description when NULL */
} RifqRequestDraft;

/* What a step needs besides the request: the question, answer or reason; the researcher's
 * home-visit report; the service delivered. */
typedef struct
{
  const char        *text;
  const char        *visit_on;              /* typed date, Hijri or Gregorian */
  const char        *visit_findings;
  const char        *visit_household;
  const char        *visit_recommendation;
  const RifqService *service;
} RifqStepDetails;

/* Step 4: the applicant's (or caregiver's) mark and the officer's confirmation. */
typedef struct
{
  const char *signature_json;   /* rifq_signature_to_json */
  const char *signer;           /* "applicant" or "caregiver" */
  const char *signer_name;      /* the caregiver's name */
  const char *signer_relation;  /* the caregiver's relation to the applicant */
  const char *sign_mark;        /* "signature" or "thumbprint" */
  const char *officer_name;     /* typed by the officer: must be their own name */
} RifqSigning;

/* The kinds of support (RifqPolicyItem, without icons), in order. */
GPtrArray   *rifq_request_store_kinds         (RifqDb     *db,
                                               GError    **error);
const char  *rifq_request_store_kind_label    (RifqDb     *db,
                                               const char *kind);

/* The checklist of a kind: RifqDocument with type, label, has_expiry and required set. */
GPtrArray   *rifq_request_store_checklist     (RifqDb     *db,
                                               const char *kind,
                                               GError    **error);

/* The decision period the applicant is told (settings; 14 days unless changed). */
int          rifq_request_store_decision_period (RifqDb *db);

/* The reply date (ISO) of a request submitted on the day on (ISO). */
char        *rifq_request_store_expected_reply  (RifqDb     *db,
                                                 const char *on);

/* What the applicant signs: the declaration in the settings, always in Arabic. */
char        *rifq_request_store_declaration     (RifqDb *db);

/* Step 1: a new request in the draft state with the next number of the Hijri year, and the
 * contact logged on its channel. */
RifqRequest *rifq_request_store_create        (RifqDb                 *db,
                                               const RifqRequestDraft *draft,
                                               GError                **error);

/* Inside a write, asks ahead what rifq_request_store_get will read of request id, so that a
 * server answers it with the write's other reads (rifq_db_prefetch). */
void         rifq_request_store_prefetch      (RifqDb     *db,
                                               gint64      id);

/* The request with its checklist (required documents first, entered or not), referrals and
 * services. */
RifqRequest *rifq_request_store_get           (RifqDb     *db,
                                               gint64      id,
                                               GError    **error);
RifqRequest *rifq_request_store_get_by_number (RifqDb     *db,
                                               const char *number,
                                               GError    **error);
/* The request, inside a write, when the actor may enter its documents now: a desk officer, before
 * the checklist is confirmed. */
RifqRequest *rifq_request_store_get_editable  (RifqDb     *db,
                                               gint64      request_id,
                                               GError    **error);

/* Step 2: enters or corrects a document of the checklist. Dates are typed as a person types
 * them (Hijri or Gregorian, either digits) and kept as ISO. Matching against the original
 * records who matched it and when. */
gboolean     rifq_request_store_save_document (RifqDb             *db,
                                               gint64              request_id,
                                               const RifqDocument *doc,
                                               GError            **error);

/* Adds a scan (PNG, JPEG, TIFF, WebP or PDF, at most 20 MB, decoding whole: rifq_content_check)
 * to an entered document's scans. The bytes are stored once, by SHA-256, however many documents
 * share them. */
gboolean     rifq_request_store_attach        (RifqDb     *db,
                                               gint64      request_id,
                                               const char *document_type,
                                               GBytes     *data,
                                               const char *filename,
                                               GError    **error);
/* The same from a file, as chosen in the window or named to rifq-admin: only a regular file
 * (a pipe or a device is refused at once), its size checked before it is read. */
gboolean     rifq_request_store_attach_file   (RifqDb     *db,
                                               gint64      request_id,
                                               const char *document_type,
                                               GFile      *file,
                                               GError    **error);
/* The size rule alone, to refuse a file before reading it: FALSE with the same sentence. */
gboolean     rifq_request_store_check_scan_size (RifqDb     *db,
                                                 const char *document_type,
                                                 const char *filename,
                                                 guint64     size,
                                                 GError    **error);

GBytes      *rifq_request_store_read_attachment (RifqDb     *db,
                                                 const char *sha256,
                                                 char      **out_mime,
                                                 GError    **error);

/* Step 4: keeps the signature; the request must be ready to sign. */
gboolean     rifq_request_store_sign          (RifqDb            *db,
                                               gint64             request_id,
                                               const RifqSigning *signing,
                                               GError           **error);

/* Every other step: one of the transition table. */
gboolean     rifq_request_store_advance       (RifqDb                *db,
                                               gint64                 request_id,
                                               RifqAction             action,
                                               const RifqStepDetails *details,
                                               GError               **error);

/* The same inside a write the research committee has begun at a meeting (the agenda, the
 * decision), with the actor's roles and those granted: the chair of a meeting acts as its chair.
 * The decisions are taken only this way. */
gboolean     rifq_request_store_advance_in    (RifqDb                *db,
                                               RifqDbWrite           *write,
                                               gint64                 request_id,
                                               RifqAction             action,
                                               const RifqStepDetails *details,
                                               RifqRole               granted,
                                               GError               **error);

/* What the research committee approved for the request (its latest acceptance: the amount
 * decided, else the amount asked for; the quantity decided, else one) and what its services have
 * delivered so far. FALSE when the request was not accepted. A service is refused when it would
 * take the delivered amount or quantity beyond the approval, unless an administrator records it
 * with the reason (RifqService.override_reason), audited. */
gboolean     rifq_request_store_approval      (RifqDb       *db,
                                               gint64        request_id,
                                               RifqApproval *out,
                                               GError      **error);

/* Newest first; state < 0 for any state, beneficiary_id 0 for anyone. */
GPtrArray   *rifq_request_store_list          (RifqDb  *db,
                                               int      state,
                                               gint64   beneficiary_id,
                                               guint    limit,
                                               GError **error);

/* The requests before the research committee (submitted or under review), the longest waiting
 * first: of the kind and from a beneficiary in the city when given, and only those due before
 * the day due_before (ISO) when given. */
GPtrArray   *rifq_request_store_list_before_committee (RifqDb     *db,
                                                       const char *kind,
                                                       const char *city,
                                                       const char *due_before,
                                                       GError    **error);

/* The requests open at the desk (rifq_request_state_is_open), the latest received
 * per_state of each state, listed the latest changed first and, among those changed together,
 * in the order of their steps. */
GPtrArray   *rifq_request_store_list_open     (RifqDb  *db,
                                               guint    per_state,
                                               GError **error);

/* "Where is my request?": a request number, or anything that finds the beneficiary (national
 * ID, mobile, file number, name); their requests, newest first. */
GPtrArray   *rifq_request_store_lookup        (RifqDb     *db,
                                               const char *query,
                                               guint       limit,
                                               GError    **error);

/* The researcher's queue: referred requests, oldest question first. */
GPtrArray   *rifq_request_store_referral_queue (RifqDb  *db,
                                                GError **error);

gint64       rifq_request_store_count         (RifqDb  *db,
                                               GError **error);

G_END_DECLS
