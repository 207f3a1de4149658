/* rifq-committee-rule.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rifq-permission.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* The research committee's rules as functions of its records: the choices a member votes for,
 * who may vote, the quorum, the majority and the tie. Nothing here reads or writes the store;
 * rifq-committee.c loads the records and calls these. */

/* What a member votes for, and what the chair then records as the decision. */
typedef enum
{
  RIFQ_VOTE_ACCEPT,
  RIFQ_VOTE_REJECT,
  RIFQ_VOTE_DEFER,
  RIFQ_N_VOTE_CHOICES
} RifqVoteChoice;

#define RIFQ_TYPE_VOTE_CHOICE (rifq_vote_choice_get_type ())
GType rifq_vote_choice_get_type (void) G_GNUC_CONST;

/* The code a choice is stored as ("accept", "reject", "defer"), and back; from_code leaves
 * out_choice as it was for any other code. */
const char     *rifq_vote_choice_to_code     (RifqVoteChoice  choice);
gboolean        rifq_vote_choice_from_code   (const char     *code,
                                              RifqVoteChoice *out_choice);
/* A choice as a record holds it: any code but the three reads as a deferral, as Rifq has always
 * shown one. */
RifqVoteChoice  rifq_vote_choice_read        (const char     *code);
/* "Accept", as on the member's button and in the minutes' table of votes. */
const char     *rifq_vote_choice_label       (RifqVoteChoice  choice);
/* "acceptance", inside a sentence: "The votes give acceptance". */
const char     *rifq_vote_choice_noun        (RifqVoteChoice  choice);
/* "accepted", what became of the request: "Request 1448/2: accepted." */
const char     *rifq_vote_choice_participle  (RifqVoteChoice  choice);
/* The step of the request's transition table the decision takes. */
RifqAction      rifq_vote_choice_action      (RifqVoteChoice  choice);

typedef struct
{
  char     *username;
  char     *full_name;
  gboolean  chair;
  gboolean  present;
} RifqMember;

void            rifq_member_free             (RifqMember *member);

/* A member's vote on a case, as the store read it: a snapshot. Core and render read its
 * fields; its properties (username, full-name, vote, choice, amount, note) show them. */
#define RIFQ_TYPE_VOTE (rifq_vote_get_type ())
G_DECLARE_FINAL_TYPE (RifqVote, rifq_vote, RIFQ, VOTE, GObject)

struct _RifqVote
{
  GObject  parent_instance;

  char    *username;
  char    *full_name;
  char    *vote;       /* a choice's code */
  gint64   amount;     /* -1 when none */
  char    *note;
};

/* An empty vote, its amount -1. */
RifqVote       *rifq_vote_new                (void);

/* Who may vote at a meeting: a member of the committee it was called with (as listed with it)
 * who still holds a seat on the committee (roles: committee or chair), once recorded as present. */
typedef enum
{
  RIFQ_VOTER_MAY_VOTE,
  RIFQ_VOTER_NOT_A_MEMBER,
  RIFQ_VOTER_ABSENT,
} RifqVoterStanding;

/* The member of members (RifqMember) with this user name, or NULL. */
const RifqMember *rifq_members_find          (GPtrArray  *members,
                                              const char *username);
RifqVoterStanding rifq_member_may_vote       (GPtrArray  *members,
                                              const char *username,
                                              RifqRole    roles);
/* Whether username chairs the meeting of members and holds a role that may take permission, an
 * action of the meeting's chair (its attendance, its agenda, its decisions). */
gboolean          rifq_member_chairs         (GPtrArray      *members,
                                              const char     *username,
                                              RifqRole        roles,
                                              RifqPermission  permission);

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

/* Whether present of members make a quorum under the rule. */
gboolean  rifq_rule_has_quorum    (const RifqRule *rule,
                                   guint           present,
                                   guint           members);

/* The rule in one sentence in the interface language, for the minutes and the preferences. */
char     *rifq_rule_describe      (const RifqRule *rule);

/* The count of a case's votes and what the rule gives. Its properties (members, present,
 * accept, reject, defer, voted, abstain, quorum, chair-vote, outcome, explanation) show its
 * fields. */
#define RIFQ_TYPE_TALLY (rifq_tally_get_type ())
G_DECLARE_FINAL_TYPE (RifqTally, rifq_tally, RIFQ, TALLY, GObject)

struct _RifqTally
{
  GObject   parent_instance;

  guint     members;         /* the whole committee */
  guint     present;
  guint     accept;
  guint     reject;
  guint     defer;
  guint     voted;
  guint     abstain;         /* members present who did not vote */
  gboolean  quorum;
  char     *chair_vote;      /* a choice's code, or NULL */
  char     *outcome;         /* what the rule gives, or NULL when it gives nothing yet */
  char     *explanation;     /* one sentence in the interface language */
};

/* A tally of no votes yet, of a committee of members with present of them at the meeting. */
RifqTally *rifq_tally_new         (guint           members,
                                   guint           present);

/* Counts a vote for the choice coded code; FALSE, counting nothing, for any other code. */
gboolean  rifq_tally_add_vote     (RifqTally      *tally,
                                   const char     *code);

/* Counts a tally under the rule, from its members, present, accept, reject, defer and
 * chair_vote: sets voted, abstain, quorum, outcome and explanation. A choice decides with more
 * than half of the count the majority is reckoned on (members present, votes cast or the whole
 * committee, with abstentions as the rule says); the votes are tied when that count is split
 * evenly between two choices, and only then does the chair's vote decide, if the rule says so. */
void      rifq_rule_apply         (const RifqRule *rule,
                                   RifqTally      *tally);

/* The tally of a case at a meeting under its rule, from the meeting's members (RifqMember) and
 * the votes cast on the case (RifqVote): only the votes of members present count, and the
 * chair's vote is that of the member listed as chair. */
RifqTally *rifq_tally_compute     (const RifqRule *rule,
                                   GPtrArray      *members,
                                   GPtrArray      *votes);

/* Whether the chair may record decision on the tally: the quorum is met and the rule gives
 * that choice. FALSE with RIFQ_ERROR_INCOMPLETE or RIFQ_ERROR_NOT_ALLOWED and the tally's
 * explanation otherwise. */
gboolean  rifq_tally_allows       (const RifqTally *tally,
                                   RifqVoteChoice   decision,
                                   GError         **error);

/* The tally as recorded with a decision: the counts, the chair's vote and the outcome. */
JsonNode *rifq_tally_to_json      (const RifqTally *tally);

G_END_DECLS
