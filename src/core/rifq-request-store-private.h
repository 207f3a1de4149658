/* rifq-request-store-private.h: what the request and document stores share
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-request-store.h"
#include "rifq-statement.h"

G_BEGIN_DECLS

/* The columns row_to_request reads, with the beneficiary's identity. */
#define RIFQ_REQUEST_COLUMNS \
  "SELECT r.id, r.number, r.beneficiary_id, r.kind, r.channel, r.description, r.amount, r.state," \
  " r.received_by, r.received_at, r.declaration, r.signature_json, r.signer, r.signer_name," \
  " r.signer_relation, r.sign_mark, r.officer_name, r.signed_by, r.signed_at, r.validity_json," \
  " r.submitted_on, r.submitted_at, r.due_on, r.decision_reason, r.decided_by, r.decided_at," \
  " r.registered_at, r.closed_at, r.close_reason, r.updated_at," \
  " b.first_name || ' ' || b.father_name || ' ' || b.grandfather_name || ' ' || b.family_name," \
  " b.national_id, b.mobile, b.file_number" \
  " FROM request r JOIN beneficiary b ON b.id = r.beneficiary_id"

/* Every row of a statement selecting RIFQ_REQUEST_COLUMNS, as requests; resets the statement. */
GPtrArray    *_rifq_request_store_collect            (RifqDb        *db,
                                                      RifqStatement *stmt,
                                                      GError       **error);

/* One write of a step, run by rifq_db_write. */
typedef struct
{
  gint64                  request_id;
  RifqAction              action;
  const RifqStepDetails  *details;
  const RifqSigning      *signing;
  const RifqDocument     *document;
  const RifqRequestDraft *draft;
  GBytes                 *data;
  const char             *document_type;
  const char             *filename;
  RifqRequest            *result;
  RifqRole                granted;   /* roles the caller has established for this step */
  gboolean                at_meeting; /* taken by the committee's decision at a meeting */
} RifqRequestJob;

char         *_rifq_request_store_stamp_now          (void);
JsonNode     *_rifq_request_store_state_json         (RifqRequestState  state,
                                                      const char       *member,
                                                      const char       *value);
gboolean      _rifq_request_store_check_editable     (RifqDb            *db,
                                                      const RifqRequest *r,
                                                      GError           **error);

/* A step of the transition table inside a write already begun by the committee at a meeting
 * (the agenda, the decision), taken with the actor's roles and those granted: the chair of a
 * meeting acts as its chair. The decisions are taken only this way. */
gboolean      _rifq_request_store_advance_in         (RifqDb                *db,
                                                      RifqDbWrite           *write,
                                                      gint64                 request_id,
                                                      RifqAction             action,
                                                      const RifqStepDetails *details,
                                                      RifqRole               granted,
                                                      GError               **error);

/* rifq-document-store.c */
gboolean      _rifq_request_store_parse_typed_date   (const char  *label,
                                                      const char  *field,
                                                      const char  *typed,
                                                      char       **out_iso,
                                                      GError     **error);
gboolean      _rifq_request_store_load_documents     (RifqDb      *db,
                                                      RifqRequest *r,
                                                      GError     **error);
gboolean      _rifq_request_store_check_documents    (const RifqRequest *r,
                                                      const char        *on,
                                                      GError           **error);
char         *_rifq_request_store_validity_snapshot  (const RifqRequest *r,
                                                      const char        *on);

G_END_DECLS
