/* test-rules.c: the rules as functions of records, without a database
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib.h>

#include "rifq-beneficiary.h"
#include "rifq-committee-rule.h"
#include "rifq-error.h"
#include "rifq-locale.h"
#include "rifq-request.h"
#include "rifq-validate.h"

/* The rule the policy sets by default: more than half present, a majority of the members
 * present, the chair breaking a tie, abstentions counted as present. */
static const RifqRule policy_rule = {
  RIFQ_QUORUM_MORE_THAN_HALF, RIFQ_MAJORITY_OF_PRESENT, TRUE, RIFQ_ABSTENTIONS_AS_PRESENT,
};

/* A meeting's members from "chair+", "hind+", "sara-": the name, + present or - absent; the
 * first is the chair. */
static GPtrArray *
members_new (const char * const *spec)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_member_free);

  for (guint i = 0; spec[i] != NULL; i++)
    {
      RifqMember *member = g_new0 (RifqMember, 1);
      gsize len = strlen (spec[i]);

      member->username = g_strndup (spec[i], len - 1);
      member->full_name = g_strdup (member->username);
      member->present = spec[i][len - 1] == '+';
      member->chair = i == 0;
      g_ptr_array_add (members, member);
    }
  return members;
}

/* Votes from "chair=accept", "hind=reject". */
static GPtrArray *
votes_new (const char * const *spec)
{
  GPtrArray *votes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; spec[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (spec[i], "=", 2);
      RifqVote *vote = rifq_vote_new ();

      vote->username = g_strdup (parts[0]);
      vote->full_name = g_strdup (parts[0]);
      vote->vote = g_strdup (parts[1]);
      g_ptr_array_add (votes, vote);
    }
  return votes;
}

static RifqTally *
tally (const RifqRule     *rule,
       const char * const *members,
       const char * const *votes)
{
  g_autoptr(GPtrArray) m = members_new (members);
  g_autoptr(GPtrArray) v = votes_new (votes);

  return rifq_tally_compute (rule, m, v);
}

/* Votes */

static void
test_vote_codes_round_trip (void)
{
  const char *codes[] = { "accept", "reject", "defer" };

  g_assert_cmpint (RIFQ_N_VOTE_CHOICES, ==, G_N_ELEMENTS (codes));
  for (RifqVoteChoice i = 0; i < RIFQ_N_VOTE_CHOICES; i++)
    {
      RifqVoteChoice back = RIFQ_N_VOTE_CHOICES;

      g_assert_cmpstr (rifq_vote_choice_to_code (i), ==, codes[i]);
      g_assert_true (rifq_vote_choice_from_code (codes[i], &back));
      g_assert_cmpint (back, ==, i);
      g_assert_cmpint (rifq_vote_choice_read (codes[i]), ==, i);
    }
}

static void
test_vote_unknown_codes_refused (void)
{
  const char *unknown[] = { NULL, "", "abstain", "Accept", "accepted", "acceptance", "accept " };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      RifqVoteChoice choice = RIFQ_VOTE_REJECT;

      g_assert_false (rifq_vote_choice_from_code (unknown[i], &choice));
      g_assert_cmpint (choice, ==, RIFQ_VOTE_REJECT);
      /* What a record holds that is not a vote has always read as a deferral. */
      g_assert_cmpint (rifq_vote_choice_read (unknown[i]), ==, RIFQ_VOTE_DEFER);
    }
}

static void
test_vote_words_in_english (void)
{
  g_assert_cmpstr (rifq_vote_choice_label (RIFQ_VOTE_ACCEPT), ==, "Accept");
  g_assert_cmpstr (rifq_vote_choice_label (RIFQ_VOTE_REJECT), ==, "Reject");
  g_assert_cmpstr (rifq_vote_choice_label (RIFQ_VOTE_DEFER), ==, "Defer");
  g_assert_cmpstr (rifq_vote_choice_noun (RIFQ_VOTE_ACCEPT), ==, "acceptance");
  g_assert_cmpstr (rifq_vote_choice_noun (RIFQ_VOTE_REJECT), ==, "rejection");
  g_assert_cmpstr (rifq_vote_choice_noun (RIFQ_VOTE_DEFER), ==, "deferral");
  g_assert_cmpstr (rifq_vote_choice_participle (RIFQ_VOTE_ACCEPT), ==, "accepted");
  g_assert_cmpstr (rifq_vote_choice_participle (RIFQ_VOTE_REJECT), ==, "rejected");
  g_assert_cmpstr (rifq_vote_choice_participle (RIFQ_VOTE_DEFER), ==, "deferred");
}

static void
test_vote_words_in_arabic (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LANGUAGE");
      rifq_locale_init ();
      g_assert_true (rifq_locale_is_arabic ());
      g_assert_cmpstr (rifq_vote_choice_label (RIFQ_VOTE_ACCEPT), ==, "قبول");
      g_assert_cmpstr (rifq_vote_choice_label (RIFQ_VOTE_REJECT), ==, "رفض");
      g_assert_cmpstr (rifq_vote_choice_label (RIFQ_VOTE_DEFER), ==, "تأجيل");
      g_assert_cmpstr (rifq_vote_choice_noun (RIFQ_VOTE_ACCEPT), ==, "القبول");
      g_assert_cmpstr (rifq_vote_choice_noun (RIFQ_VOTE_DEFER), ==, "التأجيل");
      g_assert_cmpstr (rifq_vote_choice_participle (RIFQ_VOTE_REJECT), ==, "مرفوض");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_vote_decision_takes_its_step (void)
{
  g_assert_cmpint (rifq_vote_choice_action (RIFQ_VOTE_ACCEPT), ==, RIFQ_ACTION_ACCEPT);
  g_assert_cmpint (rifq_vote_choice_action (RIFQ_VOTE_REJECT), ==, RIFQ_ACTION_REJECT);
  g_assert_cmpint (rifq_vote_choice_action (RIFQ_VOTE_DEFER), ==, RIFQ_ACTION_DEFER);
  for (RifqVoteChoice i = 0; i < RIFQ_N_VOTE_CHOICES; i++)
    g_assert_true (rifq_action_is_decision (rifq_vote_choice_action (i)));
}

/* Who may vote */

static void
test_voter_member_present_may_vote (void)
{
  const char *spec[] = { "chair+", "hind+", "sara-", NULL };
  g_autoptr(GPtrArray) members = members_new (spec);

  g_assert_cmpint (rifq_member_may_vote (members, "chair", RIFQ_ROLE_COMMITTEE), ==, RIFQ_VOTER_MAY_VOTE);
  g_assert_cmpint (rifq_member_may_vote (members, "hind", RIFQ_ROLE_COMMITTEE), ==, RIFQ_VOTER_MAY_VOTE);
}

static void
test_voter_member_absent_may_not (void)
{
  const char *spec[] = { "chair+", "hind+", "sara-", NULL };
  g_autoptr(GPtrArray) members = members_new (spec);

  g_assert_cmpint (rifq_member_may_vote (members, "sara", RIFQ_ROLE_COMMITTEE), ==, RIFQ_VOTER_ABSENT);
}

static void
test_voter_outsider_may_not (void)
{
  const char *spec[] = { "chair+", "hind+", NULL };
  g_autoptr(GPtrArray) members = members_new (spec);
  g_autoptr(GPtrArray) nobody = members_new ((const char *[]) { NULL });

  g_assert_cmpint (rifq_member_may_vote (members, "desk", RIFQ_ROLE_COMMITTEE), ==, RIFQ_VOTER_NOT_A_MEMBER);
  g_assert_cmpint (rifq_member_may_vote (members, "Hind", RIFQ_ROLE_COMMITTEE), ==, RIFQ_VOTER_NOT_A_MEMBER);
  g_assert_cmpint (rifq_member_may_vote (members, NULL, RIFQ_ROLE_COMMITTEE), ==, RIFQ_VOTER_NOT_A_MEMBER);
  g_assert_cmpint (rifq_member_may_vote (nobody, "chair", RIFQ_ROLE_COMMITTEE), ==, RIFQ_VOTER_NOT_A_MEMBER);
}

/* Listed with the meeting and present, but no longer on the committee: the seat is gone. */
static void
test_voter_without_a_seat_since_may_not (void)
{
  const char *spec[] = { "chair+", "hind+", NULL };
  g_autoptr(GPtrArray) members = members_new (spec);

  g_assert_cmpint (rifq_member_may_vote (members, "hind", RIFQ_ROLE_DESK), ==, RIFQ_VOTER_NOT_A_MEMBER);
  g_assert_cmpint (rifq_member_may_vote (members, "hind", RIFQ_ROLE_NONE), ==, RIFQ_VOTER_NOT_A_MEMBER);
  g_assert_cmpint (rifq_member_may_vote (members, "chair", RIFQ_ROLE_CHAIR), ==, RIFQ_VOTER_MAY_VOTE);
}

/* The tally */

static void
test_tally_quorum_not_met (void)
{
  const char *members[] = { "chair+", "hind+", "sara-", "omar-", NULL };
  const char *votes[] = { "chair=accept", "hind=accept", NULL };
  g_autoptr(RifqTally) t = tally (&policy_rule, members, votes);
  g_autoptr(GError) error = NULL;

  /* Two of four is not more than half. */
  g_assert_cmpuint (t->members, ==, 4);
  g_assert_cmpuint (t->present, ==, 2);
  g_assert_false (t->quorum);
  g_assert_null (t->outcome);
  g_assert_nonnull (strstr (t->explanation, "No quorum"));
  g_assert_false (rifq_tally_allows (t, RIFQ_VOTE_ACCEPT, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
}

static void
test_tally_quorum_of_two_thirds_and_of_all (void)
{
  const char *members[] = { "chair+", "hind+", "sara+", "omar-", NULL };
  const char *votes[] = { "chair=accept", "hind=accept", "sara=accept", NULL };
  RifqRule two_thirds = policy_rule;
  RifqRule all = policy_rule;
  g_autoptr(RifqTally) t = NULL;

  two_thirds.quorum = RIFQ_QUORUM_TWO_THIRDS;
  all.quorum = RIFQ_QUORUM_ALL;
  t = tally (&two_thirds, members, votes);
  g_assert_true (t->quorum);
  g_assert_cmpstr (t->outcome, ==, "accept");
  g_clear_object (&t);
  t = tally (&all, members, votes);
  g_assert_false (t->quorum);
  g_assert_null (t->outcome);
}

static void
test_tally_majority_of_present (void)
{
  const char *members[] = { "chair+", "hind+", "sara+", "omar+", "nora+", NULL };
  const char *three[] = { "chair=reject", "hind=reject", "sara=reject", "omar=accept", NULL };
  const char *two[] = { "chair=reject", "hind=reject", "omar=accept", NULL };
  g_autoptr(RifqTally) t = tally (&policy_rule, members, three);
  g_autoptr(GError) error = NULL;

  g_assert_true (t->quorum);
  g_assert_cmpuint (t->reject, ==, 3);
  g_assert_cmpuint (t->accept, ==, 1);
  g_assert_cmpuint (t->abstain, ==, 1);
  g_assert_cmpstr (t->outcome, ==, "reject");
  g_assert_true (rifq_tally_allows (t, RIFQ_VOTE_REJECT, &error));
  g_assert_no_error (error);
  /* The chair records what the votes give, nothing else. */
  g_assert_false (rifq_tally_allows (t, RIFQ_VOTE_ACCEPT, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "The votes give rejection, not acceptance"));
  g_clear_object (&t);

  /* Two of five present is no majority, however the others abstain. */
  t = tally (&policy_rule, members, two);
  g_assert_true (t->quorum);
  g_assert_null (t->outcome);
}

static void
test_tally_tie_broken_by_chair (void)
{
  const char *members[] = { "chair+", "hind+", "sara+", "omar+", NULL };
  const char *votes[] = { "chair=accept", "hind=accept", "sara=reject", "omar=reject", NULL };
  g_autoptr(RifqTally) t = tally (&policy_rule, members, votes);

  g_assert_cmpstr (t->chair_vote, ==, "accept");
  g_assert_cmpstr (t->outcome, ==, "accept");
  g_assert_nonnull (strstr (t->explanation, "breaks the tie"));
}

static void
test_tally_tie_without_chair_tie_break (void)
{
  const char *members[] = { "chair+", "hind+", "sara+", "omar+", NULL };
  const char *votes[] = { "chair=accept", "hind=accept", "sara=reject", "omar=reject", NULL };
  RifqRule rule = policy_rule;
  g_autoptr(RifqTally) t = NULL;
  g_autoptr(GError) error = NULL;

  rule.chair_breaks_tie = FALSE;
  t = tally (&rule, members, votes);
  g_assert_true (t->quorum);
  g_assert_null (t->outcome);
  g_assert_nonnull (strstr (t->explanation, "a tie decides nothing"));
  g_assert_false (rifq_tally_allows (t, RIFQ_VOTE_ACCEPT, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
}

static void
test_tally_tie_the_chair_stayed_out_of (void)
{
  const char *members[] = { "chair+", "hind+", "sara+", "omar+", "nora+", NULL };
  const char *votes[] = { "hind=accept", "sara=accept", "omar=reject", "nora=reject", NULL };
  RifqRule rule = policy_rule;
  g_autoptr(RifqTally) t = NULL;

  /* Of the votes cast, two to two: a tie, and the chair abstained. */
  rule.majority = RIFQ_MAJORITY_OF_VOTES;
  t = tally (&rule, members, votes);
  g_assert_null (t->chair_vote);
  g_assert_null (t->outcome);
  g_assert_nonnull (strstr (t->explanation, "the chair has voted for neither"));
}

static void
test_tally_votes_of_absent_members_not_counted (void)
{
  const char *members[] = { "chair-", "hind+", "sara+", "omar+", NULL };
  const char *votes[] = { "chair=reject", "hind=accept", "sara=accept", "omar=reject", "desk=reject", NULL };
  g_autoptr(RifqTally) t = tally (&policy_rule, members, votes);

  /* The chair voted, then was recorded absent; "desk" was never a member. */
  g_assert_cmpuint (t->present, ==, 3);
  g_assert_cmpuint (t->voted, ==, 3);
  g_assert_cmpuint (t->reject, ==, 1);
  g_assert_null (t->chair_vote);
  g_assert_cmpstr (t->outcome, ==, "accept");
}

/* Five present: two accept, one rejects, two abstain. */
static const char *five_present[] = { "chair+", "hind+", "sara+", "omar+", "nora+", NULL };
static const char *two_one_two[] = { "hind=accept", "sara=accept", "omar=reject", NULL };

static void
test_tally_abstentions_counted_as_present (void)
{
  g_autoptr(RifqTally) t = tally (&policy_rule, five_present, two_one_two);

  /* Two of the five present is not more than half of them. */
  g_assert_cmpuint (t->abstain, ==, 2);
  g_assert_null (t->outcome);
  g_assert_nonnull (strstr (t->explanation, "of the 5 members present"));
}

static void
test_tally_abstentions_left_out (void)
{
  RifqRule rule = policy_rule;
  g_autoptr(RifqTally) t = NULL;

  /* Two of the three who voted is more than half of them. */
  rule.abstentions = RIFQ_ABSTENTIONS_IGNORED;
  t = tally (&rule, five_present, two_one_two);
  g_assert_cmpuint (t->abstain, ==, 2);
  g_assert_cmpstr (t->outcome, ==, "accept");
  g_assert_nonnull (strstr (t->explanation, "(2 of 3)"));
}

static void
test_tally_abstentions_against_a_majority_of_votes (void)
{
  RifqRule of_votes = policy_rule;
  RifqRule against = policy_rule;
  g_autoptr(RifqTally) t = NULL;

  of_votes.majority = RIFQ_MAJORITY_OF_VOTES;
  against.majority = RIFQ_MAJORITY_OF_VOTES;
  against.abstentions = RIFQ_ABSTENTIONS_AGAINST;
  /* Of the votes cast, abstentions as present leave the abstainers out: two of three. */
  t = tally (&of_votes, five_present, two_one_two);
  g_assert_cmpstr (t->outcome, ==, "accept");
  g_clear_object (&t);
  /* Counted against every choice, they make it two of five. */
  t = tally (&against, five_present, two_one_two);
  g_assert_null (t->outcome);
}

static void
test_tally_majority_of_whole_committee (void)
{
  const char *members[] = { "chair+", "hind+", "sara+", "omar-", "nora-", NULL };
  const char *votes[] = { "chair=accept", "hind=accept", "sara=reject", NULL };
  RifqRule rule = policy_rule;
  g_autoptr(RifqTally) t = NULL;

  /* Two of three present, but not more than half of a committee of five. */
  rule.majority = RIFQ_MAJORITY_OF_COMMITTEE;
  t = tally (&rule, members, votes);
  g_assert_true (t->quorum);
  g_assert_null (t->outcome);
  g_clear_object (&t);
  t = tally (&policy_rule, members, votes);
  g_assert_cmpstr (t->outcome, ==, "accept");
}

/* Requests */

static void
test_tally_only_the_three_choices_counted (void)
{
  const char *codes[] = { "accept", "abstain", "Accept", "", NULL, "defer" };
  g_autoptr(RifqTally) t = rifq_tally_new (3, 3);
  guint counted = 0;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    counted += rifq_tally_add_vote (t, codes[i]);
  g_assert_cmpuint (counted, ==, 2);
  g_assert_cmpuint (t->accept, ==, 1);
  g_assert_cmpuint (t->reject, ==, 0);
  g_assert_cmpuint (t->defer, ==, 1);
}

static void
test_tally_recorded_with_the_decision (void)
{
  const char *members[] = { "chair+", "hind+", "sara+", "omar-", NULL };
  const char *votes[] = { "chair=reject", "hind=reject", NULL };
  const char *none[] = { NULL };
  g_autoptr(RifqTally) t = tally (&policy_rule, members, votes);
  g_autoptr(JsonNode) node = rifq_tally_to_json (t);
  JsonObject *recorded = json_node_get_object (node);

  g_assert_cmpint (json_object_get_int_member (recorded, "members"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (recorded, "present"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (recorded, "reject"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (recorded, "accept"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (recorded, "abstain"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (recorded, "chair_vote"), ==, "reject");
  g_assert_cmpstr (json_object_get_string_member (recorded, "outcome"), ==, "reject");
  g_clear_object (&t);
  g_clear_pointer (&node, json_node_unref);

  /* Before anyone votes there is neither a chair's vote nor an outcome to record. */
  t = tally (&policy_rule, members, none);
  node = rifq_tally_to_json (t);
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "chair_vote"));
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "outcome"));
}

static void
test_tally_and_votes_shown_by_their_properties (void)
{
  const char *members[] = { "chair+", "hind+", "sara+", NULL };
  const char *votes[] = { "chair=accept", "hind=accept", "sara=defer", NULL };
  g_autoptr(RifqTally) t = tally (&policy_rule, members, votes);
  g_autoptr(GPtrArray) cast = votes_new (votes);
  g_autofree char *outcome = NULL;
  g_autofree char *username = NULL;
  RifqVoteChoice choice = RIFQ_VOTE_REJECT;
  guint accept = 0, defer = 0;
  gboolean quorum = FALSE;
  gint64 amount = 0;

  g_object_get (t, "accept", &accept, "defer", &defer, "quorum", &quorum, "outcome", &outcome, NULL);
  g_assert_cmpuint (accept, ==, 2);
  g_assert_cmpuint (defer, ==, 1);
  g_assert_true (quorum);
  g_assert_cmpstr (outcome, ==, "accept");
  g_object_get (g_ptr_array_index (cast, 2), "username", &username, "choice", &choice, "amount", &amount, NULL);
  g_assert_cmpstr (username, ==, "sara");
  g_assert_cmpint (choice, ==, RIFQ_VOTE_DEFER);
  g_assert_cmpint (amount, ==, -1);
}

static void
test_request_open_states (void)
{
  const RifqRequestState open[] = {
    RIFQ_REQUEST_DRAFT, RIFQ_REQUEST_INCOMPLETE, RIFQ_REQUEST_REFERRED, RIFQ_REQUEST_READY_TO_SIGN,
    RIFQ_REQUEST_ACCEPTED, RIFQ_REQUEST_REGISTERED,
  };
  guint n_open = 0;

  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    g_assert_true (rifq_request_state_is_open (open[i]));
  for (RifqRequestState state = 0; state < RIFQ_REQUEST_N_STATES; state++)
    n_open += rifq_request_state_is_open (state) ? 1 : 0;
  g_assert_cmpuint (n_open, ==, G_N_ELEMENTS (open));
}

static void
test_request_with_committee_or_finished_not_open (void)
{
  const RifqRequestState elsewhere[] = {
    RIFQ_REQUEST_SUBMITTED, RIFQ_REQUEST_UNDER_REVIEW, RIFQ_REQUEST_REJECTED, RIFQ_REQUEST_DEFERRED,
    RIFQ_REQUEST_SERVED, RIFQ_REQUEST_CLOSED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (elsewhere); i++)
    g_assert_false (rifq_request_state_is_open (elsewhere[i]));
}

/* Numbers as typed */

static void
test_amount_typed_in_either_digits (void)
{
  const struct
  {
    const char *typed;
    gint64      value;
  } cases[] = {
    { "1500", 1500 },
    { "1,500", 1500 },
    { "١٥٠٠", 1500 },
    { "١٬٥٠٠", 1500 },
    { " 12 500 ", 12500 },
    { "0", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -7;

      g_assert_true (rifq_validate_optional_count (cases[i].typed, "Amount", -1, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_amount_blank_is_none (void)
{
  const char *blank[] = { NULL, "", "   " };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      gint64 amount = 5, quantity = 5;

      g_assert_true (rifq_validate_optional_count (blank[i], "Amount", -1, &amount, NULL));
      g_assert_cmpint (amount, ==, -1);
      g_assert_true (rifq_validate_optional_count (blank[i], "Quantity", 0, &quantity, NULL));
      g_assert_cmpint (quantity, ==, 0);
    }
}

static void
test_amount_not_a_whole_number_refused (void)
{
  const char *refused[] = { "12.5", "-3", "abc", "2-3", "1,50", "ألف" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      if (rifq_validate_optional_count (refused[i], "Amount", -1, &value, &error))
        g_error ("\"%s\" was taken as %" G_GINT64_FORMAT, refused[i], value);
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Amount: "));
    }
}

static void
test_number_kind_of_text (void)
{
  const struct
  {
    const char     *typed;
    RifqNumberKind  kind;
  } cases[] = {
    { "1012345678", RIFQ_NUMBER_NATIONAL_ID },
    { " ١٠١٢٣٤٥٦٧٨ ", RIFQ_NUMBER_NATIONAL_ID },
    { "2012345678", RIFQ_NUMBER_IQAMA },
    { "٢٠١٢٣٤٥٦٧٨", RIFQ_NUMBER_IQAMA },
    { "3012345678", RIFQ_NUMBER_OTHER_ID },
    { "42", RIFQ_NUMBER_RECORD },
    { "٤٢", RIFQ_NUMBER_RECORD },
    { "101234567", RIFQ_NUMBER_RECORD },
    { "10123456789", RIFQ_NUMBER_RECORD },
    { "", RIFQ_NUMBER_NONE },
    { "  ", RIFQ_NUMBER_NONE },
    { NULL, RIFQ_NUMBER_NONE },
    { "101-234-5678", RIFQ_NUMBER_NONE },
    { "+42", RIFQ_NUMBER_NONE },
    { "أحمد", RIFQ_NUMBER_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (rifq_number_kind (cases[i].typed) != cases[i].kind)
      g_error ("\"%s\" is kind %d, expected %d", cases[i].typed ? cases[i].typed : "(null)",
               rifq_number_kind (cases[i].typed), cases[i].kind);
}

/* An applicant's record as the store holds it. */
static RifqBeneficiary *
stored_record (const char *city,
               const char *mobile,
               gint64      version)
{
  RifqBeneficiary *b = rifq_beneficiary_new ();

  rifq_beneficiary_set (b, RIFQ_FIELD_NATIONAL_ID, "1000000008");
  rifq_beneficiary_set (b, RIFQ_FIELD_FIRST_NAME, "محمد");
  rifq_beneficiary_set (b, RIFQ_FIELD_FATHER_NAME, "عبدالله");
  rifq_beneficiary_set (b, RIFQ_FIELD_GRANDFATHER_NAME, "سعد");
  rifq_beneficiary_set (b, RIFQ_FIELD_FAMILY_NAME, "القحطاني");
  rifq_beneficiary_set (b, RIFQ_FIELD_SEX, "male");
  rifq_beneficiary_set (b, RIFQ_FIELD_BIRTH_DATE, "1950-03-08");
  rifq_beneficiary_set (b, RIFQ_FIELD_MOBILE, mobile);
  rifq_beneficiary_set (b, RIFQ_FIELD_CITY, city);
  rifq_beneficiary_set (b, RIFQ_FIELD_LIVING_SITUATION, "alone");
  rifq_beneficiary_set_id (b, 7);
  rifq_beneficiary_set_version (b, version);
  return b;
}

/* What a person changed goes on top of what another saved meanwhile; what they only saw, as
 * the form shows it (a mobile as dialled), is not taken for a change. */
static void
test_record_rebased_keeps_each_side (void)
{
  g_autoptr(RifqBeneficiary) read = stored_record ("الرياض", "+966501234567", 1);
  g_autoptr(RifqBeneficiary) latest = stored_record ("جدة", "+966501234567", 2);
  g_autoptr(RifqBeneficiary) mine = stored_record ("الرياض", "0501234567", 1);
  g_autoptr(RifqBeneficiary) rebased = NULL;
  g_autoptr(RifqBeneficiary) untouched = NULL;
  RifqCaregiver *son = rifq_caregiver_new ();

  rifq_beneficiary_set (mine, RIFQ_FIELD_HEALTH_NOTES, "يحتاج كرسيًا متحركًا");
  rebased = rifq_beneficiary_rebase (mine, read, latest);
  g_assert_cmpstr (rifq_beneficiary_get (rebased, RIFQ_FIELD_CITY), ==, "جدة");
  g_assert_cmpstr (rifq_beneficiary_get (rebased, RIFQ_FIELD_HEALTH_NOTES), ==, "يحتاج كرسيًا متحركًا");
  g_assert_cmpstr (rifq_beneficiary_get (rebased, RIFQ_FIELD_MOBILE), ==, "+966501234567");
  g_assert_cmpint (rifq_beneficiary_get_version (rebased), ==, 2);
  g_assert_cmpuint (rifq_beneficiary_get_caregivers (rebased)->len, ==, 0);

  /* The other side's caregivers stay unless this side changed its own. */
  son->name = g_strdup ("سعد محمد القحطاني");
  son->relation = g_strdup ("ابن");
  rifq_beneficiary_add_caregiver (latest, son);
  g_clear_object (&rebased);
  rebased = rifq_beneficiary_rebase (mine, read, latest);
  g_assert_cmpuint (rifq_beneficiary_get_caregivers (rebased)->len, ==, 1);

  /* Nothing changed on this side: the latest as it is. */
  untouched = rifq_beneficiary_rebase (read, read, latest);
  g_assert_cmpstr (rifq_beneficiary_get (untouched, RIFQ_FIELD_CITY), ==, "جدة");
  g_assert_cmpstr (rifq_beneficiary_get (untouched, RIFQ_FIELD_HEALTH_NOTES), ==, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/record/rebased-keeps-each-side", test_record_rebased_keeps_each_side);
  g_test_add_func ("/rules/vote/codes-round-trip", test_vote_codes_round_trip);
  g_test_add_func ("/rules/vote/unknown-codes-refused", test_vote_unknown_codes_refused);
  g_test_add_func ("/rules/vote/words-in-english", test_vote_words_in_english);
  g_test_add_func ("/rules/vote/words-in-arabic", test_vote_words_in_arabic);
  g_test_add_func ("/rules/vote/decision-takes-its-step", test_vote_decision_takes_its_step);
  g_test_add_func ("/rules/voter/member-present-may-vote", test_voter_member_present_may_vote);
  g_test_add_func ("/rules/voter/member-absent-may-not", test_voter_member_absent_may_not);
  g_test_add_func ("/rules/voter/outsider-may-not", test_voter_outsider_may_not);
  g_test_add_func ("/rules/voter/without-a-seat-since-may-not", test_voter_without_a_seat_since_may_not);
  g_test_add_func ("/rules/tally/quorum-not-met", test_tally_quorum_not_met);
  g_test_add_func ("/rules/tally/quorum-of-two-thirds-and-of-all", test_tally_quorum_of_two_thirds_and_of_all);
  g_test_add_func ("/rules/tally/majority-of-present", test_tally_majority_of_present);
  g_test_add_func ("/rules/tally/tie-broken-by-chair", test_tally_tie_broken_by_chair);
  g_test_add_func ("/rules/tally/tie-without-chair-tie-break", test_tally_tie_without_chair_tie_break);
  g_test_add_func ("/rules/tally/tie-the-chair-stayed-out-of", test_tally_tie_the_chair_stayed_out_of);
  g_test_add_func ("/rules/tally/votes-of-absent-members-not-counted", test_tally_votes_of_absent_members_not_counted);
  g_test_add_func ("/rules/tally/abstentions-counted-as-present", test_tally_abstentions_counted_as_present);
  g_test_add_func ("/rules/tally/abstentions-left-out", test_tally_abstentions_left_out);
  g_test_add_func ("/rules/tally/abstentions-against-a-majority-of-votes",
                   test_tally_abstentions_against_a_majority_of_votes);
  g_test_add_func ("/rules/tally/majority-of-whole-committee", test_tally_majority_of_whole_committee);
  g_test_add_func ("/rules/tally/only-the-three-choices-counted", test_tally_only_the_three_choices_counted);
  g_test_add_func ("/rules/tally/recorded-with-the-decision", test_tally_recorded_with_the_decision);
  g_test_add_func ("/rules/tally/shown-by-its-properties", test_tally_and_votes_shown_by_their_properties);
  g_test_add_func ("/rules/request/open-states", test_request_open_states);
  g_test_add_func ("/rules/request/with-committee-or-finished-not-open",
                   test_request_with_committee_or_finished_not_open);
  g_test_add_func ("/rules/amount/typed-in-either-digits", test_amount_typed_in_either_digits);
  g_test_add_func ("/rules/amount/blank-is-none", test_amount_blank_is_none);
  g_test_add_func ("/rules/amount/not-a-whole-number-refused", test_amount_not_a_whole_number_refused);
  g_test_add_func ("/rules/number/kind-of-text", test_number_kind_of_text);

  return g_test_run ();
}
