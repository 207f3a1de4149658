/* rifq-request-receipt.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* The receipt of a submitted request (rifq_receipt_pdf_write), filled from the request: its
 * number, the applicant, the expected reply date in Hijri and Gregorian, the documents with
 * their validity as frozen on the submission day. A request not yet submitted is refused. */
gboolean rifq_receipt_pdf_write_request (RifqDb            *db,
                                         const RifqRequest *request,
                                         const char        *path,
                                         GError           **error);

G_END_DECLS
