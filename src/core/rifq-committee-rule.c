/* rifq-committee-rule.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-rule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-committee-rule.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-record.h"

/* Votes */

/* The choices in enum order: the code each is stored as and its words. */
static const struct
{
  const char *code;
  const char *label;
  const char *noun;
  const char *participle;
  RifqAction  action;
} choices[RIFQ_N_VOTE_CHOICES] = {
  [RIFQ_VOTE_ACCEPT] = { "accept", N_("Accept"), N_("acceptance"), N_("accepted"), RIFQ_ACTION_ACCEPT },
  [RIFQ_VOTE_REJECT] = { "reject", N_("Reject"), N_("rejection"), N_("rejected"), RIFQ_ACTION_REJECT },
  [RIFQ_VOTE_DEFER]  = { "defer",  N_("Defer"),  N_("deferral"),  N_("deferred"), RIFQ_ACTION_DEFER },
};

const char *
rifq_vote_choice_to_code (RifqVoteChoice choice)
{
  g_return_val_if_fail (choice < RIFQ_N_VOTE_CHOICES, NULL);
  return choices[choice].code;
}

gboolean
rifq_vote_choice_from_code (const char     *code,
                            RifqVoteChoice *out_choice)
{
  for (guint i = 0; i < RIFQ_N_VOTE_CHOICES; i++)
    if (g_strcmp0 (code, choices[i].code) == 0)
      {
        if (out_choice != NULL)
          *out_choice = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rifq_vote_choice_label (RifqVoteChoice choice)
{
  g_return_val_if_fail (choice < RIFQ_N_VOTE_CHOICES, NULL);
  return _(choices[choice].label);
}

const char *
rifq_vote_choice_noun (RifqVoteChoice choice)
{
  g_return_val_if_fail (choice < RIFQ_N_VOTE_CHOICES, NULL);
  return _(choices[choice].noun);
}

const char *
rifq_vote_choice_participle (RifqVoteChoice choice)
{
  g_return_val_if_fail (choice < RIFQ_N_VOTE_CHOICES, NULL);
  return _(choices[choice].participle);
}

RifqAction
rifq_vote_choice_action (RifqVoteChoice choice)
{
  g_return_val_if_fail (choice < RIFQ_N_VOTE_CHOICES, RIFQ_ACTION_DEFER);
  return choices[choice].action;
}

RifqVoteChoice
rifq_vote_choice_read (const char *code)
{
  RifqVoteChoice choice = RIFQ_VOTE_DEFER;

  rifq_vote_choice_from_code (code, &choice);
  return choice;
}

G_DEFINE_ENUM_TYPE (RifqVoteChoice, rifq_vote_choice,
  G_DEFINE_ENUM_VALUE (RIFQ_VOTE_ACCEPT, "accept"),
  G_DEFINE_ENUM_VALUE (RIFQ_VOTE_REJECT, "reject"),
  G_DEFINE_ENUM_VALUE (RIFQ_VOTE_DEFER, "defer"))

G_DEFINE_FINAL_TYPE (RifqVote, rifq_vote, G_TYPE_OBJECT)

static void
rifq_vote_finalize (GObject *object)
{
  RifqVote *self = (RifqVote *)object;

  g_free (self->username);
  g_free (self->full_name);
  g_free (self->vote);
  g_free (self->note);

  G_OBJECT_CLASS (rifq_vote_parent_class)->finalize (object);
}

static void
get_vote_choice (GObject    *object,
                 GParamSpec *pspec,
                 GValue     *value)
{
  g_value_set_enum (value, rifq_vote_choice_read (RIFQ_VOTE (object)->vote));
}

static void
rifq_vote_class_init (RifqVoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqVote, username, "username", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqVote, full_name, "full-name", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqVote, vote, "vote", G_TYPE_STRING),
    RIFQ_RECORD_WORKED_OUT ("choice", RIFQ_TYPE_VOTE_CHOICE, get_vote_choice),
    RIFQ_RECORD_FIELD (RifqVote, amount, "amount", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqVote, note, "note", G_TYPE_STRING),
  };

  object_class->finalize = rifq_vote_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_vote_init (RifqVote *self)
{
  self->amount = -1;
}

RifqVote *
rifq_vote_new (void)
{
  return g_object_new (RIFQ_TYPE_VOTE, NULL);
}

void
rifq_member_free (RifqMember *member)
{
  if (member == NULL)
    return;
  g_free (member->username);
  g_free (member->full_name);
  g_free (member);
}

/* Members */

const RifqMember *
rifq_members_find (GPtrArray  *members,
                   const char *username)
{
  g_return_val_if_fail (members != NULL, NULL);

  for (guint i = 0; i < members->len; i++)
    {
      const RifqMember *member = g_ptr_array_index (members, i);

      if (g_strcmp0 (member->username, username) == 0)
        return member;
    }
  return NULL;
}

RifqVoterStanding
rifq_member_may_vote (GPtrArray  *members,
                      const char *username,
                      RifqRole    roles)
{
  const RifqMember *member = rifq_members_find (members, username);

  if (member == NULL || !rifq_permission_allows (RIFQ_PERMISSION_VOTE, roles))
    return RIFQ_VOTER_NOT_A_MEMBER;
  return member->present ? RIFQ_VOTER_MAY_VOTE : RIFQ_VOTER_ABSENT;
}

gboolean
rifq_member_chairs (GPtrArray      *members,
                    const char     *username,
                    RifqRole        roles,
                    RifqPermission  permission)
{
  const RifqMember *member = rifq_members_find (members, username);

  return member != NULL && member->chair && rifq_permission_allows (permission, roles);
}

/* The rule */

/* How the abstention setting is written, in enum order. */
static const char * const abstention_codes[] = { "as_present", "ignored", "against" };

const char *
rifq_abstentions_code (RifqAbstentions abstentions)
{
  g_return_val_if_fail (abstentions < G_N_ELEMENTS (abstention_codes), NULL);
  return abstention_codes[abstentions];
}

gboolean
rifq_abstentions_from_code (const char      *code,
                            RifqAbstentions *out_abstentions)
{
  for (guint i = 0; i < G_N_ELEMENTS (abstention_codes); i++)
    if (g_strcmp0 (code, abstention_codes[i]) == 0)
      {
        if (out_abstentions != NULL)
          *out_abstentions = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
rifq_rule_has_quorum (const RifqRule *rule,
                      guint           present,
                      guint           members)
{
  switch (rule->quorum)
    {
    case RIFQ_QUORUM_TWO_THIRDS:
      return members > 0 && present * 3 >= members * 2;
    case RIFQ_QUORUM_ALL:
      return members > 0 && present == members;
    case RIFQ_QUORUM_MORE_THAN_HALF:
    default:
      return present * 2 > members;
    }
}

static const char *
quorum_needed (const RifqRule *rule)
{
  switch (rule->quorum)
    {
    case RIFQ_QUORUM_TWO_THIRDS:
      return _("at least two thirds of the committee present");
    case RIFQ_QUORUM_ALL:
      return _("every member of the committee present");
    case RIFQ_QUORUM_MORE_THAN_HALF:
    default:
      return _("more than half of the committee present");
    }
}

/* The rule's parts in words, in the order of their enums. */
static const char * const majority_words[] = {
  N_("a choice with the votes of more than half of the members present decides"),
  N_("a choice with more than half of the votes cast decides"),
  N_("a choice with the votes of more than half of the whole committee decides"),
};
static const char * const abstention_words[] = {
  N_("a member present who does not vote abstains and still counts as present"),
  N_("a member present who does not vote abstains, and abstentions are left out of the count"),
  N_("a member present who does not vote abstains, and an abstention counts against every choice"),
};

char *
rifq_rule_describe (const RifqRule *rule)
{
  const char *majority = _(majority_words[MIN (rule->majority, G_N_ELEMENTS (majority_words) - 1)]);
  const char *abstentions = _(abstention_words[MIN (rule->abstentions, G_N_ELEMENTS (abstention_words) - 1)]);

  /* Translators: the committee's rule, as in "Quorum: more than half of the committee present;
   * a choice with … decides; a member present who does not vote abstains …; the chair's vote breaks
   * a tie …." */
  return g_strdup_printf (_("Quorum: %s; %s; %s; %s."), quorum_needed (rule), majority, abstentions,
                          rule->chair_breaks_tie
                          ? _("the chair’s vote breaks a tie, that is a count split evenly between two choices")
                          : _("a tie decides nothing"));
}

/* What the majority is reckoned on, once the rule has said how abstentions count. */
typedef enum
{
  BASE_VOTES,             /* the votes cast */
  BASE_PRESENT,           /* the members present */
  BASE_COMMITTEE,         /* the whole committee */
  BASE_COMMITTEE_VOTING,  /* the whole committee but those who abstained */
} Base;

static Base
majority_base (const RifqRule *rule)
{
  switch (rule->majority)
    {
    case RIFQ_MAJORITY_OF_VOTES:
      return rule->abstentions == RIFQ_ABSTENTIONS_AGAINST ? BASE_PRESENT : BASE_VOTES;
    case RIFQ_MAJORITY_OF_COMMITTEE:
      return rule->abstentions == RIFQ_ABSTENTIONS_IGNORED ? BASE_COMMITTEE_VOTING : BASE_COMMITTEE;
    case RIFQ_MAJORITY_OF_PRESENT:
    default:
      return rule->abstentions == RIFQ_ABSTENTIONS_IGNORED ? BASE_VOTES : BASE_PRESENT;
    }
}

void
rifq_rule_apply (const RifqRule *rule,
                 RifqTally      *tally)
{
  guint counts[RIFQ_N_VOTE_CHOICES] = { [RIFQ_VOTE_ACCEPT] = tally->accept, [RIFQ_VOTE_REJECT] = tally->reject,
                                       [RIFQ_VOTE_DEFER] = tally->defer };
  guint tied[2] = { 0 };
  guint n_tied = 0;
  RifqVoteChoice chair;
  guint count_on;
  Base base;

  g_return_if_fail (rule != NULL);
  g_return_if_fail (tally != NULL);

  g_clear_pointer (&tally->outcome, g_free);
  g_clear_pointer (&tally->explanation, g_free);
  tally->voted = tally->accept + tally->reject + tally->defer;
  tally->abstain = tally->present > tally->voted ? tally->present - tally->voted : 0;
  tally->quorum = rifq_rule_has_quorum (rule, tally->present, tally->members);
  if (!tally->quorum)
    {
      /* Translators: the last %s is what the rule needs, as in "more than half of the committee present". */
      tally->explanation = g_strdup_printf (_("No quorum: %u of the committee’s %u members are present; the rule "
                                              "needs %s."), tally->present, tally->members, quorum_needed (rule));
      return;
    }

  base = majority_base (rule);
  count_on = base == BASE_VOTES ? tally->voted
             : base == BASE_PRESENT ? tally->present
             : base == BASE_COMMITTEE ? tally->members
             : tally->members - MIN (tally->abstain, tally->members);
  for (guint i = 0; i < RIFQ_N_VOTE_CHOICES; i++)
    if (counts[i] * 2 > count_on)
      {
        tally->outcome = g_strdup (rifq_vote_choice_to_code (i));
        tally->explanation = g_strdup_printf (base == BASE_VOTES
                                              ? _("The majority of the votes cast is for %s (%u of %u).")
                                              : base == BASE_COMMITTEE
                                              ? _("The majority of the whole committee voted for %s (%u of %u).")
                                              : base == BASE_COMMITTEE_VOTING
                                              ? _("The majority of the committee, abstentions left out, voted for %s "
                                                  "(%u of %u).")
                                              : _("The majority of the members present voted for %s (%u of %u)."),
                                              rifq_vote_choice_noun (i), counts[i], count_on);
        return;
      }

  /* A tie is the count split evenly between two choices: nothing else, no abstention counted. */
  for (guint i = 0; i < RIFQ_N_VOTE_CHOICES && n_tied < G_N_ELEMENTS (tied); i++)
    if (count_on > 0 && counts[i] * 2 == count_on)
      tied[n_tied++] = i;
  if (n_tied == 2)
    {
      if (rule->chair_breaks_tie && rifq_vote_choice_from_code (tally->chair_vote, &chair)
          && (chair == tied[0] || chair == tied[1]))
        {
          tally->outcome = g_strdup (rifq_vote_choice_to_code (chair));
          tally->explanation = g_strdup_printf (_("The votes are tied; the chair’s vote for %s breaks the tie."),
                                                rifq_vote_choice_noun (chair));
        }
      else
        tally->explanation = g_strdup_printf (rule->chair_breaks_tie
                                              ? _("No decision yet: the votes are tied, %u for %s and %u for %s, and "
                                                  "the chair has voted for neither.")
                                              : _("No decision yet: the votes are tied, %u for %s and %u for %s, and "
                                                  "under the meeting’s rule a tie decides nothing."),
                                              counts[tied[0]], rifq_vote_choice_noun (tied[0]),
                                              counts[tied[1]], rifq_vote_choice_noun (tied[1]));
      return;
    }

  tally->explanation = g_strdup_printf (base == BASE_VOTES
                                        ? _("No decision yet: no choice has more than half of the %u votes cast.")
                                        : base == BASE_COMMITTEE
                                        ? _("No decision yet: no choice has a majority of the committee’s %u members.")
                                        : base == BASE_COMMITTEE_VOTING
                                        ? _("No decision yet: no choice has a majority of the %u members of the "
                                            "committee who did not abstain.")
                                        : _("No decision yet: no choice has a majority of the %u members present."),
                                        count_on);
}

/* The tally */

G_DEFINE_FINAL_TYPE (RifqTally, rifq_tally, G_TYPE_OBJECT)

static void
rifq_tally_finalize (GObject *object)
{
  RifqTally *self = (RifqTally *)object;

  g_free (self->chair_vote);
  g_free (self->outcome);
  g_free (self->explanation);

  G_OBJECT_CLASS (rifq_tally_parent_class)->finalize (object);
}

static void
rifq_tally_class_init (RifqTallyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqTally, members, "members", G_TYPE_UINT),
    RIFQ_RECORD_FIELD (RifqTally, present, "present", G_TYPE_UINT),
    RIFQ_RECORD_FIELD (RifqTally, accept, "accept", G_TYPE_UINT),
    RIFQ_RECORD_FIELD (RifqTally, reject, "reject", G_TYPE_UINT),
    RIFQ_RECORD_FIELD (RifqTally, defer, "defer", G_TYPE_UINT),
    RIFQ_RECORD_FIELD (RifqTally, voted, "voted", G_TYPE_UINT),
    RIFQ_RECORD_FIELD (RifqTally, abstain, "abstain", G_TYPE_UINT),
    RIFQ_RECORD_FIELD (RifqTally, quorum, "quorum", G_TYPE_BOOLEAN),
    RIFQ_RECORD_FIELD (RifqTally, chair_vote, "chair-vote", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqTally, outcome, "outcome", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqTally, explanation, "explanation", G_TYPE_STRING),
  };

  object_class->finalize = rifq_tally_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_tally_init (RifqTally *self)
{
}

RifqTally *
rifq_tally_new (guint members,
                guint present)
{
  RifqTally *tally = g_object_new (RIFQ_TYPE_TALLY, NULL);

  tally->members = members;
  tally->present = present;
  return tally;
}

gboolean
rifq_tally_add_vote (RifqTally  *tally,
                     const char *code)
{
  RifqVoteChoice choice;

  g_return_val_if_fail (tally != NULL, FALSE);

  if (!rifq_vote_choice_from_code (code, &choice))
    return FALSE;
  *(choice == RIFQ_VOTE_ACCEPT ? &tally->accept : choice == RIFQ_VOTE_REJECT ? &tally->reject : &tally->defer) += 1;
  return TRUE;
}

RifqTally *
rifq_tally_compute (const RifqRule *rule,
                    GPtrArray      *members,
                    GPtrArray      *votes)
{
  g_autoptr(RifqTally) tally = NULL;
  guint present = 0;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (members != NULL, NULL);
  g_return_val_if_fail (votes != NULL, NULL);

  for (guint i = 0; i < members->len; i++)
    present += ((const RifqMember *) g_ptr_array_index (members, i))->present ? 1 : 0;
  tally = rifq_tally_new (members->len, present);
  for (guint i = 0; i < votes->len; i++)
    {
      const RifqVote *vote = g_ptr_array_index (votes, i);
      const RifqMember *member = rifq_members_find (members, vote->username);

      /* A member marked absent after voting: the vote stands aside while they are away. */
      if (member == NULL || !member->present)
        continue;
      if (rifq_tally_add_vote (tally, vote->vote) && member->chair)
        {
          g_free (tally->chair_vote);
          tally->chair_vote = g_strdup (vote->vote);
        }
    }
  rifq_rule_apply (rule, tally);
  return g_steal_pointer (&tally);
}

gboolean
rifq_tally_allows (const RifqTally *tally,
                   RifqVoteChoice   decision,
                   GError         **error)
{
  g_return_val_if_fail (tally != NULL, FALSE);
  g_return_val_if_fail (decision < RIFQ_N_VOTE_CHOICES, FALSE);

  if (!tally->quorum || tally->outcome == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE, "%s", tally->explanation);
      return FALSE;
    }
  if (!g_str_equal (tally->outcome, rifq_vote_choice_to_code (decision)))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED, _("The votes give %s, not %s: %s"),
                   rifq_vote_choice_noun (rifq_vote_choice_read (tally->outcome)), rifq_vote_choice_noun (decision),
                   tally->explanation);
      return FALSE;
    }
  return TRUE;
}

JsonNode *
rifq_tally_to_json (const RifqTally *tally)
{
  g_autoptr(JsonBuilder) builder = NULL;
  const char *names[] = { "members", "present", "accept", "reject", "defer", "abstain" };
  guint values[G_N_ELEMENTS (names)];

  g_return_val_if_fail (tally != NULL, NULL);

  builder = json_builder_new ();
  memcpy (values, (guint[]) { tally->members, tally->present, tally->accept, tally->reject, tally->defer,
                              tally->abstain }, sizeof values);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      rifq_json_add_int (builder, names[i], values[i]);
    }
  rifq_json_add_string (builder, "chair_vote", tally->chair_vote);
  rifq_json_add_string (builder, "outcome", tally->outcome);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
