/* rifq-request-store-private.h: what the request store shares with its documents
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

JsonNode     *_rifq_request_store_state_json         (RifqRequestState  state,
                                                      const char       *member,
                                                      const char       *value);
gboolean      _rifq_request_store_check_editable     (RifqDb            *db,
                                                      const RifqRequest *r,
                                                      GError           **error);

G_END_DECLS
