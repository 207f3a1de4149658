/* rifq-document-store.h: what the request store asks of a request's documents
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"
#include "rifq-request.h"
#include "rifq-statement.h"

G_BEGIN_DECLS

/* The documents are entered, attached and read through rifq-request-store.h; these are the
 * parts the request store itself calls when it loads, confirms and submits a request. */

/* The two queries of a request's documents, asked ahead of reading them. */
typedef struct
{
  RifqStatement *documents;
  RifqStatement *scans;
} RifqDocumentQuery;

/* Asks for request_id's documents, with the other queries of a request being loaded: a server
 * answers them together. FALSE with error when a query cannot be made. */
gboolean  rifq_document_store_ask               (RifqDb             *db,
                                                 gint64              request_id,
                                                 RifqDocumentQuery  *query,
                                                 GError            **error);
/* Inside a write, asks ahead what rifq_document_store_ask will ask (rifq_db_prefetch). */
void      rifq_document_store_prefetch          (RifqDb             *db,
                                                 gint64              request_id);
/* Fills r->documents from what was asked: the kind's checklist, then any other document
 * entered, each once, with its scans. */
gboolean  rifq_document_store_read              (RifqDb             *db,
                                                 RifqDocumentQuery  *query,
                                                 RifqRequest        *r,
                                                 GError            **error);

/* The checklist rule, used when confirming the documents and again on submission: every
 * required document valid on the day on (ISO), the problems named otherwise. */
gboolean  rifq_document_store_check             (const RifqRequest  *r,
                                                 const char         *on,
                                                 GError            **error);

/* The documents' validity on the day on, as JSON text kept with the submission. */
char     *rifq_document_store_validity_snapshot (const RifqRequest  *r,
                                                 const char         *on);

G_END_DECLS
