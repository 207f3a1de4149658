/* rifq-person-pdf.h: everything held about one beneficiary, as a document they can read
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"
#include "rifq-privacy.h"

G_BEGIN_DECLS

/* Writes file (rifq_privacy_collect) as an A4 PDF at path, in the interface language and
 * direction: the record, the caregivers, the consents, every request with its documents,
 * referrals and services, the scans held (named, typed, sized and fingerprinted: the files
 * themselves go in the JSON), and every entry of the audit log about them with what it changed.
 * Dates are Hijri beside Gregorian; people are named as the staff list names them. Readable by
 * its owner only; a file already at path is replaced only once the whole document is written.
 * On failure the error (G_IO_ERROR or RIFQ_ERROR) has a sentence in the interface language. */
gboolean rifq_person_pdf_write (RifqDb               *db,
                                const RifqPersonFile *file,
                                const char           *path,
                                GError              **error);

/* Everything held about the beneficiary id, gathered once (and audited once, as asked for, before
 * the files are written), written into folder as the pair the law asks for:
 * rifq-NATIONAL-ID.json (with the scans) and rifq-NATIONAL-ID.pdf, each readable by its owner
 * only. For administrators. Both names are made first, exclusively: refused, nothing written and
 * nothing in the log, when either is already there (a file, a folder, a link), also when made by
 * another export meanwhile; when anything after fails, both are taken back. The paths written are
 * returned in json_path and pdf_path (either may be NULL). */
gboolean rifq_person_export_to_folder (RifqDb      *db,
                                       gint64       beneficiary_id,
                                       const char  *folder,
                                       char       **json_path,
                                       char       **pdf_path,
                                       GError     **error);

G_END_DECLS
