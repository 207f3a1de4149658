/* rifq-request-store-private.h: what the request store shares with its documents and the committee
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-request-store.h"
#include "rifq-statement.h"

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

G_END_DECLS
