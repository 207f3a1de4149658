/* rifq-db-copy.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* What a copy moved and what was checked on arrival. */
typedef struct
{
  guint   tables;
  gint64  rows;
  gint64  audit_entries;
  guint   seals_checked;
} RifqDbCopySummary;

/* Copies the database at from, whole, into the one at to: a desk's file onto the association's
 * server, or the server onto a file for a laptop taken on home visits. Every record, scan,
 * signature, vote, setting, the seals' public keys and the audit log move in one transaction;
 * private keys stay in the key folder, where both databases find them.
 *
 * Refused, with nothing written, when from is not a Rifq database at this program's schema,
 * when its audit log does not verify, or when to already holds records (RIFQ_ERROR_NOT_ALLOWED).
 * Once committed, the copy is checked: each table's count against the source's, the audit
 * chain, and the seals of up to seal_sample requests and letters against the source's verdict;
 * a difference is an error naming it. Then the copy itself is written in the audit log, as
 * actor. */
gboolean  rifq_db_copy  (const char         *from,
                         const char         *to,
                         const char         *actor,
                         guint               seal_sample,
                         RifqDbCopySummary  *out_summary,
                         GError            **error);

G_END_DECLS
