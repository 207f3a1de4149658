/* rifq-request-store-private.h: what the request and document stores share
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-request-store.h"

G_BEGIN_DECLS

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
} RifqRequestJob;

char         *_rifq_request_store_stamp_now          (void);
gboolean      _rifq_request_store_step_ok            (sqlite3_stmt *stmt,
                                                      RifqDb       *db,
                                                      GError      **error);
JsonNode     *_rifq_request_store_state_json         (RifqRequestState  state,
                                                      const char       *member,
                                                      const char       *value);
gboolean      _rifq_request_store_check_editable     (RifqDb            *db,
                                                      const RifqRequest *r,
                                                      GError           **error);

/* A step of the transition table inside a write already begun (the committee's decision). */
gboolean      _rifq_request_store_advance_in         (RifqDb                *db,
                                                      RifqDbWrite           *write,
                                                      gint64                 request_id,
                                                      RifqAction             action,
                                                      const RifqStepDetails *details,
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
