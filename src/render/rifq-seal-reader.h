/* rifq-seal-reader.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rifq-db.h"
#include "rifq-seal.h"

G_BEGIN_DECLS

/* Reads the seal back from a PDF Rifq wrote, as a verifier would: the QR code is found on the
 * rendered pages (poppler, then zbar), the sealed JSON from the document's keywords, and the
 * pages' text. FALSE with a sentence when the file is not a PDF, carries no seal, or its QR
 * code cannot be read. */
gboolean         rifq_seal_read_pdf   (GBytes  *pdf,
                                       char   **out_payload,
                                       char   **out_sealed,
                                       char   **out_text,
                                       GError **error);

/* The whole check of a PDF against the key and the database: the seal (rifq_seal_verify), and
 * the printed text against what was sealed. A file that cannot be read gives
 * RIFQ_SEAL_MALFORMED with the reason in out_message. */
RifqSealVerdict  rifq_seal_verify_pdf (RifqDb  *db,
                                       GBytes  *pdf,
                                       char   **out_number,
                                       char   **out_message);

G_END_DECLS
