/* rifq-audit.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* Every record compared with the state its audit trail ends in: beneficiaries (each field the
 * trail recorded), members of staff (name and roles), settings, and each request's state. A
 * record changed, added or deleted with no audit entry for it is named, one sentence each (at
 * most max_problems; the count of all in out_total). FALSE with error only when the database
 * cannot be read. */
gboolean rifq_audit_check_records (RifqDb      *db,
                                   guint        max_problems,
                                   GPtrArray  **out_problems,
                                   guint       *out_total,
                                   GError     **error);

/* The audit log's chain recomputed (rifq_db_verify_audit), for who may read the log: FALSE with
 * the first broken link named, or a refusal. The entries in out_rows. */
gboolean rifq_audit_verify (RifqDb  *db,
                            gint64  *out_rows,
                            GError **error);

/* An audit entry's author and time as a refusal names them: the name as given (a staff member's
 * full name, else their user name, else "Someone"), the local time ("10:42") and the day in both
 * calendars, from the entry's ISO 8601 time. */
void      rifq_audit_describe_author (const char  *name,
                                      const char  *at,
                                      char       **out_who,
                                      char       **out_time,
                                      char       **out_day);

/* The author and time (as rifq_audit_describe_author gives them) of the latest audit entry of
 * the record (kind, id) and action whose value after has member: equal to value, or whatever it
 * holds when value is NULL. "Someone" and "—" when there is none. FALSE with error only when the
 * log cannot be read. */
gboolean  rifq_audit_describe_latest (RifqDb      *db,
                                      const char  *kind,
                                      gint64       id,
                                      const char  *action,
                                      const char  *member,
                                      const char  *value,
                                      char       **out_who,
                                      char       **out_time,
                                      char       **out_day,
                                      GError     **error);

G_END_DECLS
