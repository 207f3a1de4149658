/* rifq-request-sheet.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"
#include "rifq-request-pdf.h"

G_BEGIN_DECLS

/* A signed request made ready to print: every text of the RifqRequestSheet, in the interface
 * language, with the association's seal over the request as signed. */
typedef struct _RifqSheetBuild RifqSheetBuild;

RifqSheetBuild         *rifq_sheet_build_new   (RifqDb  *db,
                                                gint64   request_id,
                                                GError **error);
const RifqRequestSheet *rifq_sheet_build_get   (RifqSheetBuild *build);
void                    rifq_sheet_build_free  (RifqSheetBuild *build);

/* The one-request PDF, sealed. A request not yet signed is refused. */
gboolean                rifq_request_sheet_write (RifqDb     *db,
                                                  gint64      request_id,
                                                  const char *path,
                                                  GError    **error);

/* How a document stood on the submission day, in words, from the status and expiry (ISO, or
 * NULL for none) frozen then; for the sheet and the receipt alike. */
char                   *rifq_request_sheet_validity_text (const char *status,
                                                          const char *expires_on);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqSheetBuild, rifq_sheet_build_free)

G_END_DECLS
