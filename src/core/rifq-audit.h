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

/* An entry of the audit log as an administrator reads it: a snapshot, with properties to bind
 * rows to ("id", "at", "actor", "actor-name", "action", "record-kind", "record-id", "reason"). */
#define RIFQ_TYPE_AUDIT_ENTRY (rifq_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (RifqAuditEntry, rifq_audit_entry, RIFQ, AUDIT_ENTRY, GObject)

struct _RifqAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  char    *at;            /* ISO 8601, UTC */
  char    *actor;         /* the user name */
  char    *actor_name;    /* their full name, or the user name when they are not staff */
  char    *action;        /* "create", "collect", "refuse"… */
  char    *record_kind;   /* "beneficiary", "request"… */
  gint64   record_id;
  char    *before_json;
  char    *after_json;
  char    *reason;
};

/* What an administrator asks of the log; NULL or 0 for "any". Days are YYYY-MM-DD, the
 * workstation's own days, both included. */
typedef struct
{
  const char *actor;
  const char *record_kind;
  gint64      record_id;
  const char *from_day;
  const char *to_day;
} RifqAuditFilter;

/* The newest entries the filter matches, at most limit, older than before_id (0: from the
 * newest). For who may read the log. A day that is not a date is refused, naming the field. */
GPtrArray  *rifq_audit_list          (RifqDb                *db,
                                      const RifqAuditFilter *filter,
                                      gint64                 before_id,
                                      guint                  limit,
                                      GError               **error);

/* One member of a record that an entry changed: its name, and its value before and after as
 * text (NULL when it was not there). */
typedef struct
{
  char *member;
  char *before;
  char *after;
} RifqAuditChange;

void        rifq_audit_change_free   (RifqAuditChange *change);

/* What the entry changed, member by member, in the order its "after" lists them, then what
 * only "before" held: members whose value is the same on both sides are left out. An entry that
 * only created or refused lists what it recorded. */
GPtrArray  *rifq_audit_entry_changes (RifqAuditEntry *entry);

/* The action (done to a record of record_kind) and the kind of record in the interface language
 * ("Registered", "Support request"); a code Rifq does not know is given as it is. */
const char *rifq_audit_action_label  (const char *record_kind,
                                      const char *action);
const char *rifq_audit_kind_label    (const char *record_kind);
/* A member of a record as the forms name it ("Mobile"), or as it is when no form shows it. */
const char *rifq_audit_member_label  (const char *record_kind,
                                      const char *member);

G_END_DECLS
