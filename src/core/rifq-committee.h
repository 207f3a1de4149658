/* rifq-committee.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* The research committee (لجنة البحث): its queue with the decision clock, its meetings, the
 * members' votes, the decision rule from the settings, the chair's decision and the outgoing
 * letters register. The committee is the staff holding the committee or chair role. */

typedef struct
{
  RifqRequest *request;
  int          days_since;   /* since submission */
  int          days_left;    /* until the reply is due; negative when overdue */
  gboolean     overdue;
} RifqQueueItem;

typedef struct
{
  const char *kind;          /* NULL for every kind */
  const char *city;          /* the beneficiary's city (the branch serving them); NULL for all */
  gboolean    overdue_only;
} RifqQueueFilter;

typedef struct
{
  char     *username;
  char     *full_name;
  gboolean  chair;
  gboolean  present;
} RifqMember;

typedef struct
{
  gint64     id;
  char      *held_on;        /* ISO date */
  char      *place;
  GPtrArray *members;        /* RifqMember, the chair first */
  GArray    *agenda;         /* gint64 request ids, in order */
} RifqMeeting;

/* The decision rule, from the settings (committee_quorum, committee_majority,
 * committee_chair_breaks_tie, committee_abstentions); the policy's default is the first of each. */
typedef enum
{
  RIFQ_QUORUM_MORE_THAN_HALF,
  RIFQ_QUORUM_TWO_THIRDS,
  RIFQ_QUORUM_ALL,
} RifqQuorum;

typedef enum
{
  RIFQ_MAJORITY_OF_PRESENT,    /* more than half of the members present */
  RIFQ_MAJORITY_OF_VOTES,      /* more than half of the votes cast */
  RIFQ_MAJORITY_OF_COMMITTEE,  /* more than half of the whole committee */
} RifqMajority;

/* A member present who does not vote abstains; how an abstention counts. */
typedef enum
{
  RIFQ_ABSTENTIONS_AS_PRESENT,  /* among the members present: in a majority of the members present or of
                                 * the whole committee, not in a majority of the votes cast */
  RIFQ_ABSTENTIONS_IGNORED,     /* left out of the count the majority is reckoned on */
  RIFQ_ABSTENTIONS_AGAINST,     /* against every choice, in any majority */
} RifqAbstentions;

typedef struct
{
  RifqQuorum      quorum;
  RifqMajority    majority;
  gboolean        chair_breaks_tie;
  RifqAbstentions abstentions;
} RifqRule;

/* How the abstention setting is written in the settings and with each meeting. */
const char *rifq_abstentions_code      (RifqAbstentions  abstentions);
gboolean    rifq_abstentions_from_code (const char      *code,
                                        RifqAbstentions *out_abstentions);

/* The rule for meetings called from now on, from the settings. */
void      rifq_committee_rule_get (RifqDb         *db,
                                   RifqRule       *rule);

/* The rule a meeting was called under: its tally and minutes keep it. */
gboolean  rifq_committee_meeting_rule (RifqDb    *db,
                                       gint64     meeting_id,
                                       RifqRule  *rule,
                                       GError   **error);

/* Whether present of members make a quorum under the rule. */
gboolean  rifq_rule_has_quorum    (const RifqRule *rule,
                                   guint           present,
                                   guint           members);

/* The rule in one sentence in the interface language, for the minutes and the preferences. */
char     *rifq_rule_describe      (const RifqRule *rule);

typedef struct
{
  guint     members;         /* the whole committee */
  guint     present;
  guint     accept;
  guint     reject;
  guint     defer;
  guint     voted;
  guint     abstain;         /* members present who did not vote */
  gboolean  quorum;
  char     *chair_vote;      /* "accept", "reject", "defer" or NULL */
  char     *outcome;         /* what the rule gives, or NULL when it gives nothing yet */
  char     *explanation;     /* one sentence in the interface language */
} RifqTally;

/* Counts a tally under the rule, from its members, present, accept, reject, defer and
 * chair_vote: sets voted, abstain, quorum, outcome and explanation. A choice decides with more
 * than half of the count the majority is reckoned on (members present, votes cast or the whole
 * committee, with abstentions as the rule says); the votes are tied when that count is split
 * evenly between two choices, and only then does the chair's vote decide, if the rule says so. */
void      rifq_rule_apply         (const RifqRule *rule,
                                   RifqTally      *tally);

/* The tally as recorded with a decision: the counts, the chair's vote and the outcome. */
JsonNode *rifq_tally_to_json      (const RifqTally *tally);

typedef struct
{
  char   *username;
  char   *full_name;
  char   *vote;       /* "accept", "reject" or "defer" */
  gint64  amount;     /* -1 when none */
  char   *note;
} RifqVote;

typedef struct
{
  gint64  id;
  gint64  meeting_id;
  char   *decision;   /* "accept", "reject" or "defer" */
  gint64  amount;     /* -1 when none */
  gint64  quantity;   /* 0 when none */
  char   *reasons;
  char   *decided_by;
  char   *decided_at;
} RifqDecision;

void           rifq_vote_free             (RifqVote      *vote);
void           rifq_decision_free         (RifqDecision  *decision);
void           rifq_queue_item_free       (RifqQueueItem *item);
void           rifq_member_free           (RifqMember    *member);
void           rifq_meeting_free          (RifqMeeting   *meeting);
void           rifq_tally_free            (RifqTally     *tally);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqQueueItem, rifq_queue_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqDecision, rifq_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqMeeting, rifq_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqTally, rifq_tally_free)

G_END_DECLS
