/* test-committee.c: the research committee's queue, meetings, votes, rule and decisions
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-settings.h"
#include "rifq-staff.h"
#include "rifq-test-request.h"

/* Committee of four: the chair and three members (five with member4). The meeting is on
 * 2026-11-30, and the tests run on that day unless they say otherwise. */
typedef struct
{
  RifqDb *db;
  gint64  meeting;
  gint64  request;
} Committee;

#define MEETING_DAY "2026-11-30"

static void
as (Committee  *f,
    const char *user)
{
  rifq_db_set_actor (f->db, user);
}

static void
set_up (Committee     *f,
        gconstpointer  data,
        gboolean       five)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;

  f->db = rifq_test_db_new (NULL);
  rifq_test_staff (f->db);
  if (five)
    {
      as (f, "admin");
      g_assert_true (rifq_staff_save (f->db, "member4", "سارة العنزي", RIFQ_ROLE_COMMITTEE, &error));
      g_assert_no_error (error);
    }
  /* A rule of the test's own ("key=value;key=value"), set before the meeting is called: it keeps it. */
  if (data != NULL)
    {
      g_auto(GStrv) settings = g_strsplit (data, ";", -1);

      as (f, "admin");
      for (guint i = 0; settings[i] != NULL; i++)
        {
          g_auto(GStrv) setting = g_strsplit (settings[i], "=", 2);

          g_assert_true (rifq_settings_save (f->db, setting[0], setting[1], &error));
          g_assert_no_error (error);
        }
    }
  f->request = rifq_test_submitted_request (f->db, rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_1, "محمد",
                                                                               "0501234567"),
                                            "food_basket");
  as (f, "chair");
  meeting = rifq_committee_meeting_create (f->db, "1448/06/20", "مقر الجمعية", &error);
  g_assert_no_error (error);
  f->meeting = meeting->id;
  g_assert_cmpstr (meeting->held_on, ==, MEETING_DAY);
  g_assert_cmpuint (meeting->members->len, ==, five ? 5 : 4);
  g_assert_true (((RifqMember *) g_ptr_array_index (meeting->members, 0))->chair);
  g_assert_true (rifq_committee_add_to_agenda (f->db, f->meeting, f->request, &error));
  g_assert_no_error (error);
  rifq_test_set_today (f->db, MEETING_DAY);
}

static void
committee_set_up (Committee     *f,
                  gconstpointer  data)
{
  set_up (f, data, FALSE);
}

static void
five_set_up (Committee     *f,
             gconstpointer  data)
{
  set_up (f, data, TRUE);
}

static void
committee_tear_down (Committee     *f,
                     gconstpointer  data)
{
  g_clear_object (&f->db);
}

static void
attend (Committee          *f,
        const char * const *users)
{
  g_autoptr(GError) error = NULL;

  as (f, "chair");
  for (guint i = 0; users[i] != NULL; i++)
    g_assert_true (rifq_committee_set_present (f->db, f->meeting, users[i], TRUE, &error));
  g_assert_no_error (error);
}

static void
vote (Committee  *f,
      const char *user,
      const char *choice)
{
  g_autoptr(GError) error = NULL;

  as (f, user);
  g_assert_true (rifq_committee_vote (f->db, f->meeting, f->request, choice, 1500, NULL, &error));
  g_assert_no_error (error);
}

static RifqRequestState
state (Committee *f)
{
  g_autoptr(RifqRequest) r = rifq_request_store_get (f->db, f->request, NULL);

  return r->state;
}

static void
test_agenda_puts_request_under_review (Committee     *f,
                                       gconstpointer  data)
{
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_get (f->db, f->meeting, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);
  g_assert_cmpuint (meeting->agenda->len, ==, 1);
  g_assert_false (rifq_committee_add_to_agenda (f->db, f->meeting, f->request, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE);
}

static void
test_majority_of_present_decides (Committee     *f,
                                  gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *again = NULL;

  attend (f, present);
  vote (f, "chair", "reject");
  vote (f, "member1", "accept");
  vote (f, "member2", "accept");
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_true (tally->quorum);
  g_assert_cmpuint (tally->present, ==, 3);
  g_assert_cmpstr (tally->outcome, ==, "accept");

  /* The chair records what the votes give, with reasons; not something else. */
  as (f, "chair");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "reject", -1, "لا", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", 1500, "  ", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);
  g_assert_true (rifq_committee_decide (f->db, f->meeting, f->request, "accept", 1500, "يستحق الدعم", &error));
  g_assert_no_error (error);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_ACCEPTED);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM decision WHERE decision = 'accept'"
                                           " AND tally_json LIKE '%\"accept\":2%'"), ==, 1);

  /* Who was present when the committee decided stays on record. */
  g_assert_false (rifq_committee_set_present (f->db, f->meeting, "member1", FALSE, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM meeting_member WHERE present = 1"), ==, 3);

  /* The letter gets its number in the register once. */
  letter = rifq_committee_letter_number (f->db, f->request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (letter, ==, "1448/0001");
  again = rifq_committee_letter_number (f->db, f->request, &error);
  g_assert_cmpstr (again, ==, letter);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM letter WHERE kind = 'acceptance'"), ==, 1);
}

static void
test_chair_breaks_tie (Committee     *f,
                       gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", "member3", NULL };
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "chair", "defer");
  vote (f, "member1", "defer");
  vote (f, "member2", "accept");
  vote (f, "member3", "accept");
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_cmpstr (tally->outcome, ==, "defer");
  g_assert_nonnull (strstr (tally->explanation, "chair"));
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, f->meeting, f->request, "defer", -1, "نحتاج زيارة منزلية", &error));
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_DEFERRED);
}

static void
test_tie_without_chair_setting_gives_nothing (Committee     *f,
                                              gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", "member3", NULL };
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "chair", "defer");
  vote (f, "member1", "defer");
  vote (f, "member2", "accept");
  vote (f, "member3", "accept");
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_null (tally->outcome);
  as (f, "chair");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "defer", -1, "سبب", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);
}

static void
test_no_quorum_refused (Committee     *f,
                        gconstpointer  data)
{
  const char *present[] = { "chair", "member1", NULL };
  g_autoptr(GError) error = NULL;
  gint64 audit_before;

  /* Two of four is not more than half. */
  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  as (f, "chair");
  audit_before = rifq_test_count (f->db, "SELECT count(*) FROM audit");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "سبب", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
  g_assert_true (g_str_has_prefix (error->message, "No quorum: 2 of the committee’s 4 members are present"));
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM decision"), ==, 0);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);
}

static void
set_rule (Committee  *f,
          const char *key,
          const char *value)
{
  g_autoptr(GError) error = NULL;

  as (f, "admin");
  g_assert_true (rifq_settings_save (f->db, key, value, &error));
  g_assert_no_error (error);
}

static void
test_quorum_thresholds (void)
{
  struct
  {
    RifqQuorum quorum;
    guint      present, members;
    gboolean   met;
  } cases[] = {
    { RIFQ_QUORUM_MORE_THAN_HALF, 3, 4, TRUE },
    { RIFQ_QUORUM_MORE_THAN_HALF, 2, 4, FALSE },
    { RIFQ_QUORUM_MORE_THAN_HALF, 5, 9, TRUE },
    { RIFQ_QUORUM_TWO_THIRDS, 5, 9, FALSE },
    { RIFQ_QUORUM_TWO_THIRDS, 6, 9, TRUE },
    { RIFQ_QUORUM_TWO_THIRDS, 4, 6, TRUE },
    { RIFQ_QUORUM_ALL, 3, 4, FALSE },
    { RIFQ_QUORUM_ALL, 4, 4, TRUE },
    { RIFQ_QUORUM_ALL, 0, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RifqRule rule = { cases[i].quorum, RIFQ_MAJORITY_OF_PRESENT, TRUE };

      g_assert_cmpint (rifq_rule_has_quorum (&rule, cases[i].present, cases[i].members), ==, cases[i].met);
    }
}

static void
test_quorum_of_everyone_refuses_three_of_four (Committee     *f,
                                               gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  vote (f, "member2", "accept");
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_false (tally->quorum);
  g_assert_null (tally->outcome);
  g_assert_cmpstr (tally->explanation, ==, "No quorum: 3 of the committee’s 4 members are present; the rule needs "
                                           "every member of the committee present.");
  as (f, "chair");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "سبب", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);
}

/* Four present, three vote: two of four present is no majority, two of three votes cast is. */
static void
test_majority_of_votes_cast_leaves_abstentions_out (Committee     *f,
                                                    gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", "member3", NULL };
  g_autoptr(RifqTally) by_votes = NULL;
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  vote (f, "member2", "reject");
  by_votes = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_cmpstr (by_votes->outcome, ==, "accept");
  g_assert_cmpstr (by_votes->explanation, ==, "The majority of the votes cast is for acceptance (2 of 3).");
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, f->meeting, f->request, "accept", 1500, "يستحق الدعم", &error));
  g_assert_no_error (error);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_ACCEPTED);
}

/* Three of four present, two accept: a majority of those present, not of the committee. */
static void
test_majority_of_committee_needs_three_of_four (Committee     *f,
                                                gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(RifqTally) by_committee = NULL;
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "chair", "reject");
  vote (f, "member1", "accept");
  vote (f, "member2", "accept");
  by_committee = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_null (by_committee->outcome);
  g_assert_cmpstr (by_committee->explanation, ==,
                   "No decision yet: no choice has a majority of the committee’s 4 members.");
}

static void
test_rule_described_as_set (Committee     *f,
                            gconstpointer  data)
{
  RifqRule rule;
  g_autofree char *policy = NULL;
  g_autofree char *changed = NULL;

  rifq_committee_rule_get (f->db, &rule);
  policy = rifq_rule_describe (&rule);
  g_assert_cmpstr (policy, ==, "Quorum: more than half of the committee present; a choice with the votes of more "
                               "than half of the members present decides; a member present who does not vote "
                               "abstains and still counts as present; the chair’s vote breaks a tie, that is a count "
                               "split evenly between two choices.");
  set_rule (f, "committee_quorum", "two_thirds");
  set_rule (f, "committee_chair_breaks_tie", "0");
  set_rule (f, "committee_abstentions", "ignored");
  rifq_committee_rule_get (f->db, &rule);
  changed = rifq_rule_describe (&rule);
  g_assert_cmpstr (changed, ==, "Quorum: at least two thirds of the committee present; a choice with the votes of "
                                "more than half of the members present decides; a member present who does not vote "
                                "abstains, and abstentions are left out of the count; a tie decides nothing.");
}

static RifqRole
roles_of (Committee  *f,
          const char *user)
{
  g_autoptr(RifqStaff) staff = rifq_staff_get (f->db, user, NULL);

  return staff->roles;
}

/* A member of staff as the window binds to them: name and roles as properties. */
static void
test_staff_shown_by_their_properties (Committee     *f,
                                      gconstpointer  data)
{
  g_autoptr(RifqStaff) chair = rifq_staff_get (f->db, "chair", NULL);
  g_autofree char *username = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *roles = NULL;

  g_assert_nonnull (chair);
  g_object_get (chair, "username", &username, "full-name", &full_name, "roles", &roles, NULL);
  g_assert_cmpstr (username, ==, "chair");
  g_assert_cmpstr (full_name, ==, chair->full_name);
  g_assert_nonnull (strstr (roles, "chair"));
}

static void
test_new_chair_leaves_old_chair_a_member (Committee     *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqMeeting) before = rifq_committee_meeting_get (f->db, f->meeting, NULL);
  g_autoptr(RifqMeeting) after = NULL;
  RifqMember *first;

  as (f, "admin");
  g_assert_true (rifq_staff_set_committee_seat (f->db, "member1", RIFQ_SEAT_CHAIR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (roles_of (f, "member1"), ==, RIFQ_ROLE_CHAIR);
  g_assert_cmpint (roles_of (f, "chair"), ==, RIFQ_ROLE_COMMITTEE);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE record_kind = 'staff'"
                                           " AND action = 'update'"),
                   ==, 2);

  /* A desk officer can sit on the committee too, and keeps the desk. */
  g_assert_true (rifq_staff_set_committee_seat (f->db, "desk", RIFQ_SEAT_MEMBER, &error));
  g_assert_cmpint (roles_of (f, "desk"), ==, RIFQ_ROLE_DESK | RIFQ_ROLE_COMMITTEE);

  /* The meeting already called keeps its committee; the next one is called by the new chair. */
  g_assert_true (((RifqMember *) g_ptr_array_index (before->members, 0))->chair);
  as (f, "member1");
  after = rifq_committee_meeting_create (f->db, "1448/06/27", NULL, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (after->members, 0);
  g_assert_cmpstr (first->username, ==, "member1");
  g_assert_true (first->chair);
  g_assert_cmpuint (after->members->len, ==, 5);
}

static void
test_seat_refused_for_non_admin_and_last_role (Committee     *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 audit_before = rifq_test_count (f->db, "SELECT count(*) FROM audit");

  as (f, "chair");
  g_assert_false (rifq_staff_set_committee_seat (f->db, "member1", RIFQ_SEAT_NONE, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  /* Taking the committee away would leave member3 with no role at all. */
  as (f, "admin");
  g_assert_false (rifq_staff_set_committee_seat (f->db, "member3", RIFQ_SEAT_NONE, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another role"));
  g_assert_cmpint (roles_of (f, "member3"), ==, RIFQ_ROLE_COMMITTEE);
  /* Only the refusal of the role is kept: nothing was changed. */
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before + 1);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'refuse'"), ==, 1);
}

/* The settings change after the meeting is called: its rule and its chair do not. */
static void
test_meeting_keeps_rule_and_chair_it_was_called_with (Committee     *f,
                                                      gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(RifqMeeting) next = NULL;
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(RifqTally) next_tally = NULL;
  g_autoptr(GError) error = NULL;
  RifqRule rule;

  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  vote (f, "member2", "reject");
  set_rule (f, "committee_quorum", "all");
  as (f, "admin");
  g_assert_true (rifq_staff_set_committee_seat (f->db, "member1", RIFQ_SEAT_CHAIR, &error));
  g_assert_no_error (error);

  g_assert_true (rifq_committee_meeting_rule (f->db, f->meeting, &rule, &error));
  g_assert_cmpint (rule.quorum, ==, RIFQ_QUORUM_MORE_THAN_HALF);
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_true (tally->quorum);
  g_assert_cmpstr (tally->outcome, ==, "accept");
  meeting = rifq_committee_meeting_get (f->db, f->meeting, &error);
  g_assert_cmpstr (((RifqMember *) g_ptr_array_index (meeting->members, 0))->username, ==, "chair");
  g_assert_true (((RifqMember *) g_ptr_array_index (meeting->members, 0))->chair);

  /* The new chair does not run a meeting called before; the chair it was called with does. */
  as (f, "member1");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "يستحق", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  as (f, "chair");
  if (!rifq_committee_decide (f->db, f->meeting, f->request, "accept", 1500, "يستحق الدعم", &error))
    g_error ("%s", error->message);

  /* The next meeting is called by the new chair, under the new rule. */
  as (f, "member1");
  next = rifq_committee_meeting_create (f->db, "1448/06/27", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_committee_meeting_rule (f->db, next->id, &rule, &error));
  g_assert_cmpint (rule.quorum, ==, RIFQ_QUORUM_ALL);
  g_assert_cmpint (rule.abstentions, ==, RIFQ_ABSTENTIONS_AS_PRESENT);
  next_tally = rifq_committee_tally (f->db, next->id, 0, &error);
  g_assert_false (next_tally->quorum);
}

/* A database of schema 3 with a meeting: the migration gives the meeting today's rule and chair. */
static void
test_migration_gives_old_meetings_their_rule_and_chair (void)
{
  g_autofree char *path = rifq_test_old_database (3, "INSERT INTO staff VALUES ('khalid', 'خالد', 1, '2026-01-01T00:00:00Z'),"
                                           " ('hind', 'هند', 1, '2026-01-01T00:00:00Z');"
                                           "INSERT INTO staff_role VALUES ('khalid', 'chair'), ('hind', 'committee');"
                                           "INSERT INTO meeting (held_on, place, created_by, created_at)"
                                           " VALUES ('2026-11-30', NULL, 'khalid', '2026-11-26T00:00:00Z');"
                                           "INSERT INTO meeting_member VALUES (1, 'khalid', 1), (1, 'hind', 1);"
                                           "UPDATE settings SET value = 'two_thirds' WHERE key = 'committee_quorum';");
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  RifqRule rule;

  db = rifq_test_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_db_get_schema_version (db), ==, RIFQ_SCHEMA_VERSION);
  g_assert_true (rifq_committee_meeting_rule (db, 1, &rule, &error));
  g_assert_cmpint (rule.quorum, ==, RIFQ_QUORUM_TWO_THIRDS);
  g_assert_cmpint (rule.majority, ==, RIFQ_MAJORITY_OF_PRESENT);
  g_assert_true (rule.chair_breaks_tie);
  /* Read by a member of its staff. */
  rifq_db_set_actor (db, "khalid");
  meeting = rifq_committee_meeting_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((RifqMember *) g_ptr_array_index (meeting->members, 0))->username, ==, "khalid");
  g_assert_true (((RifqMember *) g_ptr_array_index (meeting->members, 0))->chair);
  g_assert_false (((RifqMember *) g_ptr_array_index (meeting->members, 1))->chair);

  g_clear_object (&db);
  rifq_test_remove_database (path);
}

/* A database of schema 4 with a meeting that decided: its meeting counts abstentions as present,
 * as Rifq did then; what it approved is the amount decided, once. */
static void
test_migration_keeps_old_meetings_counting_abstentions_as_present (void)
{
  g_autofree char *path = rifq_test_old_database (4, "INSERT INTO staff VALUES ('khalid', 'خالد', 1, '2026-01-01T00:00:00Z');"
                                           "INSERT INTO staff_role VALUES ('khalid', 'chair');"
                                           "INSERT INTO meeting (held_on, created_by, created_at)"
                                           " VALUES ('2026-11-30', 'khalid', '2026-11-26T00:00:00Z');"
                                           "INSERT INTO meeting_member VALUES (1, 'khalid', 1, 1);");
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *abstentions = NULL;
  RifqRule rule;

  db = rifq_test_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_db_get_schema_version (db), ==, RIFQ_SCHEMA_VERSION);
  g_assert_true (rifq_committee_meeting_rule (db, 1, &rule, &error));
  g_assert_cmpint (rule.abstentions, ==, RIFQ_ABSTENTIONS_AS_PRESENT);
  abstentions = rifq_db_get_setting (db, "committee_abstentions");
  g_assert_cmpstr (abstentions, ==, "as_present");
  g_assert_cmpint (rifq_test_count_columns (db, "decision", "'quantity'"), ==, 1);
  g_assert_cmpint (rifq_test_count_columns (db, "service", "'override_reason', 'override_by'"), ==, 2);
  g_clear_object (&db);
  rifq_test_remove_database (path);
}

static void
test_vote_refused_for_outsiders (Committee     *f,
                                 gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(GError) error = NULL;

  attend (f, present);
  /* Not on the committee. */
  as (f, "desk");
  g_assert_false (rifq_committee_vote (f->db, f->meeting, f->request, "accept", -1, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_cmpstr (error->message, ==, "desk (beneficiary-relations officer) may not vote at a meeting; that is for: "
                                       "research-committee member or research-committee chair.");
  g_clear_error (&error);
  /* On the committee but not present. */
  as (f, "member3");
  g_assert_false (rifq_committee_vote (f->db, f->meeting, f->request, "accept", -1, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  /* Only the chair decides. */
  vote (f, "member1", "accept");
  vote (f, "member2", "accept");
  as (f, "member1");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "سبب", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM vote"), ==, 2);
}

/* Listed with the meeting and present, then taken off the committee by an administrator: the
 * seat is gone, and so is the vote, in the window and in rifq-admin alike. */
static void
test_vote_refused_once_the_seat_is_gone (Committee     *f,
                                         gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(GError) error = NULL;

  attend (f, present);
  as (f, "admin");
  g_assert_true (rifq_staff_save (f->db, "member2", "فهد الحربي", RIFQ_ROLE_DESK, &error));
  g_assert_no_error (error);
  as (f, "member2");
  g_assert_false (rifq_committee_vote (f->db, f->meeting, f->request, "accept", -1, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_cmpstr (error->message, ==, "member2 (beneficiary-relations officer) may not vote at a meeting; that is for: "
                                       "research-committee member or research-committee chair.");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM vote"), ==, 0);
}

static void
test_texts_within_their_length (Committee     *f,
                                gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autofree char *long_place = g_strnfill (301, 'x');
  g_autofree char *long_note = g_strnfill (4001, 'x');
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  as (f, "chair");
  meeting = rifq_committee_meeting_create (f->db, "1448/06/21", long_place, &error);
  g_assert_null (meeting);
  g_assert_cmpstr (error->message, ==, "Meeting place: may be at most 300 characters long");
  g_clear_error (&error);
  attend (f, present);
  as (f, "member1");
  g_assert_false (rifq_committee_vote (f->db, f->meeting, f->request, "accept", -1, long_note, &error));
  g_assert_cmpstr (error->message, ==, "Note: may be at most 4000 characters long");
  g_clear_error (&error);
  vote (f, "member1", "accept");
  vote (f, "member2", "accept");
  as (f, "chair");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, long_note, &error));
  g_assert_cmpstr (error->message, ==, "Reasons: may be at most 4000 characters long");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM meeting"), ==, 1);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM decision"), ==, 0);
}

static void
test_decision_refused_when_not_under_review (Committee     *f,
                                             gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "يستحق", &error));
  /* Decided already: no second decision, no more votes. */
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "مرة أخرى", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "not under review"));
  g_clear_error (&error);
  as (f, "member2");
  g_assert_false (rifq_committee_vote (f->db, f->meeting, f->request, "reject", -1, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM decision"), ==, 1);
}

static void
test_quorum_counts_the_meetings_members (Committee     *f,
                                         gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(GError) error = NULL;

  /* A member who joins the committee after the meeting was called does not change its quorum. */
  as (f, "admin");
  g_assert_true (rifq_staff_save (f->db, "member4", "سارة العنزي", RIFQ_ROLE_COMMITTEE, &error));
  attend (f, present);
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_cmpuint (tally->members, ==, 4);
  g_assert_cmpuint (tally->present, ==, 3);
  g_assert_true (tally->quorum);
}

static void
test_refused_before_the_meeting_day (Committee     *f,
                                     gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(GError) error = NULL;
  gint64 audit_before;

  attend (f, present);
  /* The day before the meeting: nothing is voted or decided. */
  rifq_test_set_today (f->db, "2026-11-29");
  audit_before = rifq_test_count (f->db, "SELECT count(*) FROM audit");
  as (f, "member1");
  g_assert_false (rifq_committee_vote (f->db, f->meeting, f->request, "accept", -1, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_true (g_str_has_prefix (error->message, "The meeting is on "));
  g_assert_nonnull (strstr (error->message, "30 November 2026"));
  g_clear_error (&error);
  as (f, "chair");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "يستحق", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM vote"), ==, 0);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);

  /* On the day itself, both are recorded. */
  rifq_test_set_today (f->db, MEETING_DAY);
  vote (f, "member1", "accept");
  vote (f, "member2", "accept");
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "يستحق", &error));
  g_assert_no_error (error);
}

static void
test_agenda_refused_on_a_second_undecided_meeting (Committee     *f,
                                                   gconstpointer  data)
{
  g_autoptr(RifqRequest) r = rifq_request_store_get (f->db, f->request, NULL);
  g_autoptr(RifqMeeting) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 audit_before;

  as (f, "chair");
  second = rifq_committee_meeting_create (f->db, "1448/06/27", NULL, &error);
  g_assert_no_error (error);
  audit_before = rifq_test_count (f->db, "SELECT count(*) FROM audit");
  g_assert_false (rifq_committee_add_to_agenda (f->db, second->id, f->request, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  /* The message names the first meeting, by number and day. */
  expected = g_strdup_printf ("Request %s is already on the agenda of meeting %" G_GINT64_FORMAT " of ", r->number,
                              f->meeting);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_nonnull (strstr (error->message, "30 November 2026"));
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM agenda_item"), ==, 1);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);

  /* Taken off the first agenda, it goes on the second. */
  g_assert_true (rifq_committee_remove_from_agenda (f->db, f->meeting, f->request, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_committee_add_to_agenda (f->db, second->id, f->request, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);
}

static void
test_agenda_take_off_sets_votes_aside_until_decided (Committee     *f,
                                                     gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "member1", "reject");
  as (f, "member1");
  g_assert_false (rifq_committee_remove_from_agenda (f->db, f->meeting, f->request, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* The chair takes it off: its votes go with it into the audit log, and it waits in the queue. */
  as (f, "chair");
  g_assert_true (rifq_committee_remove_from_agenda (f->db, f->meeting, f->request, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM vote"), ==, 0);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM agenda_item"), ==, 0);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'agenda-remove'"
                                           " AND before_json LIKE '%member1%reject%'"), ==, 1);
  queue = rifq_committee_queue (f->db, NULL, &error);
  g_assert_cmpuint (queue->len, ==, 1);

  /* Back on the agenda and decided there, it stays on it. */
  g_assert_true (rifq_committee_add_to_agenda (f->db, f->meeting, f->request, &error));
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "يستحق", &error));
  g_assert_false (rifq_committee_remove_from_agenda (f->db, f->meeting, f->request, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM agenda_item"), ==, 1);
}

static void
test_agenda_closed_once_the_meeting_has_decided (Committee     *f,
                                                 gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) later = NULL;
  gint64 other = rifq_test_submitted_request (f->db, rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_2, "سعد",
                                                                                "0551112223"),
                                              "food_basket");

  rifq_test_set_today (f->db, MEETING_DAY);
  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "يستحق", &error));
  g_assert_no_error (error);

  g_assert_false (rifq_committee_add_to_agenda (f->db, f->meeting, other, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "has recorded decisions"));
  later = rifq_request_store_get (f->db, other, NULL);
  g_assert_cmpint (later->state, ==, RIFQ_REQUEST_SUBMITTED);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM agenda_item"), ==, 1);
}

/* Deferred by one meeting and taken up by the next, the request is voted on and decided there. */
static void
test_deferred_request_decided_by_the_next_meeting_only (Committee     *f,
                                                        gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(RifqMeeting) next = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = f->meeting;

  attend (f, present);
  vote (f, "chair", "defer");
  vote (f, "member1", "defer");
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, first, f->request, "defer", -1, "نحتاج زيارة منزلية", &error));
  next = rifq_committee_meeting_create (f->db, "1448/06/27", NULL, &error);
  g_assert_true (rifq_committee_add_to_agenda (f->db, next->id, f->request, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);

  as (f, "member1");
  g_assert_false (rifq_committee_vote (f->db, first, f->request, "accept", -1, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "already decided"));
  g_clear_error (&error);
  as (f, "chair");
  g_assert_false (rifq_committee_decide (f->db, first, f->request, "defer", -1, "مرة أخرى", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  f->meeting = next->id;
  rifq_test_set_today (f->db, next->held_on);
  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, next->id, f->request, "accept", -1, "اكتملت الزيارة", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM decision"), ==, 2);
}

/* Five present: two accept, two reject, one says nothing. */
static void
two_two_and_one_silent (Committee *f)
{
  const char *present[] = { "chair", "member1", "member2", "member3", "member4", NULL };

  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  vote (f, "member2", "reject");
  vote (f, "member3", "reject");
}

/* Counted among the members present, the abstention stands between the two: no majority, and
 * no tie for the chair to break. */
static void
test_two_two_one_is_no_tie_when_abstentions_count_as_present (Committee     *f,
                                                              gconstpointer  data)
{
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(GError) error = NULL;

  two_two_and_one_silent (f);
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_cmpuint (tally->present, ==, 5);
  g_assert_cmpuint (tally->voted, ==, 4);
  g_assert_cmpuint (tally->abstain, ==, 1);
  g_assert_null (tally->outcome);
  g_assert_cmpstr (tally->explanation, ==, "No decision yet: no choice has a majority of the 5 members present.");
  as (f, "chair");
  g_assert_false (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "سبب", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
  g_assert_cmpint (state (f), ==, RIFQ_REQUEST_UNDER_REVIEW);
}

/* Left out of the count, the abstention leaves two against two: a tie, and the chair's vote decides. */
static void
test_two_two_one_is_a_tie_when_abstentions_are_left_out (Committee     *f,
                                                         gconstpointer  data)
{
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(GError) error = NULL;

  two_two_and_one_silent (f);
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_cmpuint (tally->abstain, ==, 1);
  g_assert_cmpstr (tally->outcome, ==, "accept");
  g_assert_cmpstr (tally->explanation, ==, "The votes are tied; the chair’s vote for acceptance breaks the tie.");
  as (f, "chair");
  g_assert_true (rifq_committee_decide (f->db, f->meeting, f->request, "accept", -1, "يستحق", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM decision WHERE tally_json LIKE '%\"abstain\":1%'"),
                   ==, 1);
}

/* A majority of the votes cast, with an abstention counted against every choice: two of five. */
static void
test_abstentions_against_count_in_a_majority_of_votes_cast (Committee     *f,
                                                            gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", "member3", "member4", NULL };
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  vote (f, "member2", "reject");
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_cmpuint (tally->abstain, ==, 2);
  g_assert_null (tally->outcome);
  g_assert_cmpstr (tally->explanation, ==, "No decision yet: no choice has a majority of the 5 members present.");
  g_clear_object (&tally);
  vote (f, "member3", "accept");
  tally = rifq_committee_tally (f->db, f->meeting, f->request, &error);
  g_assert_cmpstr (tally->outcome, ==, "accept");
}

/* The tie, precisely: the count the majority is reckoned on split evenly between two choices. */
static void
test_tie_is_an_even_split_between_two_choices (void)
{
  const struct
  {
    RifqMajority     majority;
    RifqAbstentions  abstentions;
    gboolean         chair_breaks_tie;
    guint            members, present, accept, reject, defer;
    const char      *chair_vote;
    const char      *outcome;
  } cases[] = {
    /* Two to two of four present: the chair's side. */
    { RIFQ_MAJORITY_OF_PRESENT, RIFQ_ABSTENTIONS_AS_PRESENT, TRUE, 4, 4, 2, 2, 0, "reject", "reject" },
    { RIFQ_MAJORITY_OF_PRESENT, RIFQ_ABSTENTIONS_AS_PRESENT, FALSE, 4, 4, 2, 2, 0, "reject", NULL },
    /* Two to two with one of five present abstaining: a tie only with abstentions left out. */
    { RIFQ_MAJORITY_OF_PRESENT, RIFQ_ABSTENTIONS_AS_PRESENT, TRUE, 5, 5, 2, 2, 0, "accept", NULL },
    { RIFQ_MAJORITY_OF_PRESENT, RIFQ_ABSTENTIONS_AGAINST, TRUE, 5, 5, 2, 2, 0, "accept", NULL },
    { RIFQ_MAJORITY_OF_PRESENT, RIFQ_ABSTENTIONS_IGNORED, TRUE, 5, 5, 2, 2, 0, "accept", "accept" },
    { RIFQ_MAJORITY_OF_VOTES, RIFQ_ABSTENTIONS_AS_PRESENT, TRUE, 5, 5, 2, 2, 0, "accept", "accept" },
    { RIFQ_MAJORITY_OF_VOTES, RIFQ_ABSTENTIONS_AGAINST, TRUE, 5, 5, 2, 2, 0, "accept", NULL },
    /* The chair abstained: a tie the chair's vote cannot break. */
    { RIFQ_MAJORITY_OF_VOTES, RIFQ_ABSTENTIONS_AS_PRESENT, TRUE, 5, 5, 2, 2, 0, NULL, NULL },
    /* Two, two and one across three choices: no tie. */
    { RIFQ_MAJORITY_OF_VOTES, RIFQ_ABSTENTIONS_AS_PRESENT, TRUE, 5, 5, 2, 2, 1, "accept", NULL },
    /* Of the whole committee: two to two of four present is a tie in a committee of four only. */
    { RIFQ_MAJORITY_OF_COMMITTEE, RIFQ_ABSTENTIONS_AS_PRESENT, TRUE, 4, 4, 2, 2, 0, "accept", "accept" },
    { RIFQ_MAJORITY_OF_COMMITTEE, RIFQ_ABSTENTIONS_AS_PRESENT, TRUE, 5, 4, 2, 2, 0, "accept", NULL },
    /* Of the whole committee, abstentions left out: two of the three who voted is a majority. */
    { RIFQ_MAJORITY_OF_COMMITTEE, RIFQ_ABSTENTIONS_IGNORED, TRUE, 4, 4, 2, 1, 0, "reject", "accept" },
    { RIFQ_MAJORITY_OF_COMMITTEE, RIFQ_ABSTENTIONS_AS_PRESENT, TRUE, 4, 4, 2, 1, 0, "reject", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RifqRule rule = { RIFQ_QUORUM_MORE_THAN_HALF, cases[i].majority, cases[i].chair_breaks_tie,
                        cases[i].abstentions };
      g_autoptr(RifqTally) tally = rifq_tally_new (cases[i].members, cases[i].present);

      tally->accept = cases[i].accept;
      tally->reject = cases[i].reject;
      tally->defer = cases[i].defer;
      tally->chair_vote = g_strdup (cases[i].chair_vote);
      rifq_rule_apply (&rule, tally);
      if (g_strcmp0 (tally->outcome, cases[i].outcome) != 0)
        g_error ("case %u: %s (%s)", i, tally->outcome ? tally->outcome : "nothing", tally->explanation);
      g_assert_cmpuint (tally->abstain, ==, cases[i].present - cases[i].accept - cases[i].reject - cases[i].defer);
    }
}

static void
test_acceptance_records_what_it_approves (Committee     *f,
                                          gconstpointer  data)
{
  const char *present[] = { "chair", "member1", "member2", NULL };
  g_autoptr(RifqDecision) decision = NULL;
  g_autoptr(GError) error = NULL;

  attend (f, present);
  vote (f, "chair", "accept");
  vote (f, "member1", "accept");
  as (f, "chair");
  g_assert_false (rifq_committee_decide_full (f->db, f->meeting, f->request, "accept", 1200, -2, "يستحق", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rifq_committee_decide_full (f->db, f->meeting, f->request, "accept", 1200, 6, "يستحق", &error));
  g_assert_no_error (error);
  decision = rifq_committee_decision (f->db, 0, f->request);
  g_assert_cmpint (decision->amount, ==, 1200);
  g_assert_cmpint (decision->quantity, ==, 6);
}

static void
test_clock_across_month_and_year (void)
{
  struct
  {
    const char *submitted, *due, *today;
    int         since, left;
    gboolean    overdue;
  } cases[] = {
    { "2026-12-20", "2027-01-03", "2027-01-03", 14, 0, FALSE },   /* due today: not yet overdue */
    { "2026-12-20", "2027-01-03", "2027-01-04", 15, -1, TRUE },   /* across the year */
    { "2027-01-25", "2027-02-08", "2027-02-01", 7, 7, FALSE },    /* across the month */
    { "2028-02-20", "2028-03-05", "2028-03-06", 15, -1, TRUE },   /* across a leap February */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int since, left;
      gboolean overdue;

      rifq_committee_clock (cases[i].submitted, cases[i].due, cases[i].today, &since, &left, &overdue);
      g_assert_cmpint (since, ==, cases[i].since);
      g_assert_cmpint (left, ==, cases[i].left);
      g_assert_cmpint (overdue, ==, cases[i].overdue);
    }
}

static void
test_queue_filters (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  RifqQueueFilter by_kind = { "medicines", NULL, FALSE };
  RifqQueueFilter late = { NULL, NULL, TRUE };
  gint64 someone;

  rifq_test_staff (db);
  someone = rifq_test_add_beneficiary (db, RIFQ_TEST_ID_2, "سعد", "0551112223");
  rifq_test_submitted_request (db, someone, "food_basket");
  rifq_test_submitted_request (db, someone, "medicines");

  /* Fifteen days later both are overdue. */
  rifq_test_set_today (db, "2026-12-11");
  all = rifq_committee_queue (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((RifqQueueItem *) g_ptr_array_index (all, 0))->days_since, ==, 15);
  g_assert_cmpint (((RifqQueueItem *) g_ptr_array_index (all, 0))->days_left, ==, -1);
  g_assert_true (((RifqQueueItem *) g_ptr_array_index (all, 0))->overdue);
  medicines = rifq_committee_queue (db, &by_kind, &error);
  g_assert_cmpuint (medicines->len, ==, 1);
  overdue = rifq_committee_queue (db, &late, &error);
  g_assert_cmpuint (overdue->len, ==, 2);
  g_clear_pointer (&overdue, g_ptr_array_unref);
  rifq_test_set_today (db, "2026-12-10");
  overdue = rifq_committee_queue (db, &late, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Committee, NULL, committee_set_up, func, committee_tear_down)
#define ADD_UNDER(path, setting, func) \
  g_test_add (path, Committee, setting, committee_set_up, func, committee_tear_down)
#define ADD_FIVE(path, func) g_test_add (path, Committee, NULL, five_set_up, func, committee_tear_down)
#define ADD_FIVE_UNDER(path, setting, func) \
  g_test_add (path, Committee, setting, five_set_up, func, committee_tear_down)
  ADD ("/committee/agenda/puts-request-under-review", test_agenda_puts_request_under_review);
  ADD ("/committee/rule/majority-of-present-decides", test_majority_of_present_decides);
  ADD ("/committee/rule/chair-breaks-a-tie", test_chair_breaks_tie);
  ADD_UNDER ("/committee/rule/tie-without-chair-setting-gives-nothing", "committee_chair_breaks_tie=0",
             test_tie_without_chair_setting_gives_nothing);
  ADD ("/committee/rule/no-quorum-refused", test_no_quorum_refused);
  ADD ("/committee/vote/refused-for-outsiders-and-absent", test_vote_refused_for_outsiders);
  ADD ("/committee/vote/refused-once-the-seat-is-gone", test_vote_refused_once_the_seat_is_gone);
  ADD ("/committee/staff/shown-by-their-properties", test_staff_shown_by_their_properties);
  ADD ("/committee/texts/place-notes-and-reasons-within-their-length", test_texts_within_their_length);
  ADD ("/committee/decide/refused-when-not-under-review", test_decision_refused_when_not_under_review);
  ADD ("/committee/rule/quorum-counts-the-meetings-own-members", test_quorum_counts_the_meetings_members);
  ADD_UNDER ("/committee/rule/quorum-of-everyone-refuses-three-of-four", "committee_quorum=all",
             test_quorum_of_everyone_refuses_three_of_four);
  ADD_UNDER ("/committee/rule/majority-of-votes-cast-leaves-abstentions-out", "committee_majority=of_votes",
             test_majority_of_votes_cast_leaves_abstentions_out);
  ADD_UNDER ("/committee/rule/majority-of-committee-needs-three-of-four", "committee_majority=of_committee",
             test_majority_of_committee_needs_three_of_four);
  ADD ("/committee/rule/described-as-set", test_rule_described_as_set);
  g_test_add_func ("/committee/rule/quorum-thresholds", test_quorum_thresholds);
  ADD ("/committee/members/new-chair-leaves-old-chair-a-member", test_new_chair_leaves_old_chair_a_member);
  ADD ("/committee/meeting/keeps-rule-and-chair-it-was-called-with",
       test_meeting_keeps_rule_and_chair_it_was_called_with);
  g_test_add_func ("/committee/migration/old-meetings-get-their-rule-and-chair",
                   test_migration_gives_old_meetings_their_rule_and_chair);
  ADD ("/committee/members/seat-refused-for-non-admin-and-last-role", test_seat_refused_for_non_admin_and_last_role);
  ADD ("/committee/vote/refused-before-the-meeting-day", test_refused_before_the_meeting_day);
  ADD ("/committee/agenda/refused-on-a-second-undecided-meeting-naming-the-first",
       test_agenda_refused_on_a_second_undecided_meeting);
  ADD ("/committee/agenda/take-off-sets-votes-aside-until-decided", test_agenda_take_off_sets_votes_aside_until_decided);
  ADD ("/committee/agenda/closed-once-the-meeting-has-decided", test_agenda_closed_once_the_meeting_has_decided);
  ADD ("/committee/decide/deferred-request-decided-by-the-next-meeting-only",
       test_deferred_request_decided_by_the_next_meeting_only);
  ADD_FIVE ("/committee/rule/two-two-one-is-no-tie-when-abstentions-count-as-present",
            test_two_two_one_is_no_tie_when_abstentions_count_as_present);
  ADD_FIVE_UNDER ("/committee/rule/two-two-one-is-a-tie-when-abstentions-are-left-out", "committee_abstentions=ignored",
                  test_two_two_one_is_a_tie_when_abstentions_are_left_out);
  ADD_FIVE_UNDER ("/committee/rule/abstentions-against-count-in-a-majority-of-votes-cast",
                  "committee_majority=of_votes;committee_abstentions=against",
                  test_abstentions_against_count_in_a_majority_of_votes_cast);
  g_test_add_func ("/committee/rule/tie-is-an-even-split-between-two-choices",
                   test_tie_is_an_even_split_between_two_choices);
  ADD ("/committee/decide/acceptance-records-amount-and-quantity-approved", test_acceptance_records_what_it_approves);
  g_test_add_func ("/committee/migration/schema-4-meetings-count-abstentions-as-present",
                   test_migration_keeps_old_meetings_counting_abstentions_as_present);
  g_test_add_func ("/committee/clock/across-month-and-year", test_clock_across_month_and_year);
  g_test_add_func ("/committee/queue/filters-by-kind-and-overdue", test_queue_filters);

  return g_test_run ();
}
