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

/* Reads a PDF's seal as a verifier would: the QR code on its rendered pages (poppler, then zbar),
 * the sealed values it carries in its keywords, and the pages' text (direction marks out, digits
 * Latin). FALSE with a sentence when the file is not a PDF, or carries no readable seal code. */
gboolean         rifq_seal_read_pdf   (GBytes  *pdf,
                                       char   **out_payload,
                                       char   **out_values,
                                       char   **out_text,
                                       GError **error);

/* The whole check of a PDF with the public keys alone (docs/security.md): its file seal; for a
 * request, the seal over its values; for a packet, every case's; for a file that is not the
 * sealed file itself, its seal codes against its pages. With db (may be NULL), also whether the
 * record still matches its seal. The verdict's sentence, naming what differs, in out_message. */
RifqSealVerdict  rifq_seal_verify_pdf (RifqKeyring *ring,
                                       RifqDb      *db,
                                       GBytes      *pdf,
                                       char       **out_number,
                                       char       **out_message);

G_END_DECLS
