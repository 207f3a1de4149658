/* rifq-committee.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-committee-rule.h"
#include "rifq-db.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* The research committee (لجنة البحث): its queue with the decision clock, its meetings, the
 * members' votes, the decision rule from the settings, the chair's decision and the outgoing
 * letters register. The committee is the staff holding the committee or chair role. */

/* A request waiting for the committee, with its decision clock on the day it was read: a
 * snapshot, like the request. Core and render read its fields; the window binds to its
 * properties (id, request, number, beneficiary-name, kind, state, submitted-on, days-since,
 * days-left, overdue), the id being the request's. */
#define RIFQ_TYPE_QUEUE_ITEM (rifq_queue_item_get_type ())
G_DECLARE_FINAL_TYPE (RifqQueueItem, rifq_queue_item, RIFQ, QUEUE_ITEM, GObject)

struct _RifqQueueItem
{
  GObject      parent_instance;

  RifqRequest *request;
  int          days_since;   /* since submission */
  int          days_left;    /* until the reply is due; negative when overdue */
  gboolean     overdue;
};

typedef struct
{
  const char *kind;          /* NULL for every kind */
  const char *city;          /* the beneficiary's city (the branch serving them); NULL for all */
  gboolean    overdue_only;
} RifqQueueFilter;

/* A meeting of the committee as the store read it: a snapshot. Core and render read its fields;
 * the window binds to its properties (id, held-on, place, agenda-length). */
#define RIFQ_TYPE_MEETING (rifq_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RifqMeeting, rifq_meeting, RIFQ, MEETING, GObject)

struct _RifqMeeting
{
  GObject    parent_instance;

  gint64     id;
  char      *held_on;        /* ISO date */
  char      *place;
  GPtrArray *members;        /* RifqMember, the chair first */
  GArray    *agenda;         /* gint64 request ids, in order */
};

/* The rule for meetings called from now on, from the settings. */
void      rifq_committee_rule_get (RifqDb         *db,
                                   RifqRule       *rule);

/* The rule a meeting was called under: its tally and minutes keep it. */
gboolean  rifq_committee_meeting_rule (RifqDb    *db,
                                       gint64     meeting_id,
                                       RifqRule  *rule,
                                       GError   **error);

/* The chair's decision on a request at a meeting, as the store read it: a snapshot. Core and
 * render read its fields; its properties (id, meeting-id, decision, choice, amount, quantity,
 * reasons, decided-by, decided-at) show them. */
#define RIFQ_TYPE_DECISION (rifq_decision_get_type ())
G_DECLARE_FINAL_TYPE (RifqDecision, rifq_decision, RIFQ, DECISION, GObject)

struct _RifqDecision
{
  GObject  parent_instance;

  gint64   id;
  gint64   meeting_id;
  char    *decision;   /* a vote choice's code: "accept", "reject" or "defer" */
  gint64   amount;     /* -1 when none */
  gint64   quantity;   /* 0 when none */
  char    *reasons;
  char    *decided_by;
  char    *decided_at;
};

/* The decision clock of a request submitted on submitted_on and due on due_on, on today (ISO). */
void           rifq_committee_clock       (const char *submitted_on,
                                           const char *due_on,
                                           const char *today,
                                           int        *out_days_since,
                                           int        *out_days_left,
                                           gboolean   *out_overdue);

/* Requests submitted or under review, the longest waiting first. */
GPtrArray     *rifq_committee_queue       (RifqDb                *db,
                                           const RifqQueueFilter *filter,
                                           GError               **error);

/* The cities of the requests waiting, for the queue's filter. */
GStrv          rifq_committee_queue_cities (RifqDb  *db,
                                            GError **error);

/* The chair calls a meeting on a day typed in Hijri or Gregorian; every member is listed,
 * absent until marked present. */
RifqMeeting   *rifq_committee_meeting_create (RifqDb     *db,
                                              const char *held_on,
                                              const char *place,
                                              GError    **error);
RifqMeeting   *rifq_committee_meeting_get  (RifqDb  *db,
                                            gint64   meeting_id,
                                            GError **error);
/* Newest first. */
GPtrArray     *rifq_committee_meetings     (RifqDb  *db,
                                            guint    limit,
                                            GError **error);

gboolean       rifq_committee_set_present  (RifqDb     *db,
                                            gint64      meeting_id,
                                            const char *username,
                                            gboolean    present,
                                            GError    **error);

/* Puts a submitted (or deferred) request on the agenda: it is now under review. Refused when
 * the meeting has recorded a decision (its agenda is closed from the first one), and when the
 * request is on the agenda of another meeting that has not decided on it. */
gboolean       rifq_committee_add_to_agenda (RifqDb  *db,
                                             gint64   meeting_id,
                                             gint64   request_id,
                                             GError **error);

/* Takes a request the meeting has not decided on off its agenda, with the votes cast on it
 * there (they stay in the audit log), so that a later meeting can take it up. */
gboolean       rifq_committee_remove_from_agenda (RifqDb  *db,
                                                  gint64   meeting_id,
                                                  gint64   request_id,
                                                  GError **error);

/* A member present at the meeting votes on a request of its agenda (again, to change it), from
 * the day of the meeting on. */
gboolean       rifq_committee_vote         (RifqDb     *db,
                                            gint64      meeting_id,
                                            gint64      request_id,
                                            const char *vote,
                                            gint64      amount,
                                            const char *note,
                                            GError    **error);

RifqTally     *rifq_committee_tally        (RifqDb  *db,
                                            gint64   meeting_id,
                                            gint64   request_id,
                                            GError **error);

/* The chair records the decision the votes give, with its reasons, from the day of the meeting
 * on; the request is accepted, rejected or deferred in the same transaction. This is the only
 * way a request is decided. */
gboolean       rifq_committee_decide       (RifqDb     *db,
                                            gint64      meeting_id,
                                            gint64      request_id,
                                            const char *decision,
                                            gint64      amount,
                                            const char *reasons,
                                            GError    **error);

/* The same, with what an acceptance approves: amount in riyals (-1 for none stated: the amount
 * asked for) and quantity (0 for none stated: one). The services delivered add up against it. */
gboolean       rifq_committee_decide_full  (RifqDb     *db,
                                            gint64      meeting_id,
                                            gint64      request_id,
                                            const char *decision,
                                            gint64      amount,
                                            gint64      quantity,
                                            const char *reasons,
                                            GError    **error);

/* The votes cast on a request at a meeting, by member name. */
GPtrArray     *rifq_committee_votes        (RifqDb  *db,
                                            gint64   meeting_id,
                                            gint64   request_id,
                                            GError **error);

/* The request's latest decision (at any meeting when meeting_id is 0); NULL when none. */
RifqDecision  *rifq_committee_decision     (RifqDb  *db,
                                            gint64   meeting_id,
                                            gint64   request_id);

/* The number in the outgoing letters register of the letter announcing the request's latest
 * decision (numbered when the decision is recorded); NULL before a decision. */
char          *rifq_committee_letter_number (RifqDb  *db,
                                             gint64   request_id,
                                             GError **error);

/* The letter announcing the request's latest decision, or 0; a letter by its number, or 0. */
gint64         rifq_committee_letter_id     (RifqDb     *db,
                                             gint64      request_id);
gint64         rifq_committee_letter_by_number (RifqDb     *db,
                                                const char *number);

/* Numbers the letter announcing a decision in the outgoing letters register, issued on the day
 * issued_on (ISO) by issued_by, inside a write already begun (the decision's own, or the
 * demonstration data's). The letter's number, or NULL. */
char          *rifq_committee_register_letter (RifqDb      *db,
                                               gint64       request_id,
                                               gint64       decision_id,
                                               const char  *decision,
                                               const char  *issued_on,
                                               const char  *issued_by,
                                               gint64      *out_letter_id,
                                               GError     **error);

G_END_DECLS
