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

/* Committee of four: the chair and three members. */
typedef struct
{
  RifqDb *db;
  gint64  meeting;
  gint64  request;
} Committee;

static void
as (Committee  *f,
    const char *user)
{
  rifq_db_set_actor (f->db, user);
}

static void
committee_set_up (Committee     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;

  f->db = rifq_test_db_new (NULL);
  rifq_test_staff (f->db);
  /* A rule of the test's own ("key=value"), set before the meeting is called: it keeps it. */
  if (data != NULL)
    {
      g_auto(GStrv) setting = g_strsplit (data, "=", 2);

      as (f, "admin");
      g_assert_true (rifq_settings_save (f->db, setting[0], setting[1], &error));
      g_assert_no_error (error);
    }
  f->request = rifq_test_submitted_request (f->db, rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_1, "محمد",
                                                                               "0501234567"),
                                            "food_basket");
  as (f, "chair");
  meeting = rifq_committee_meeting_create (f->db, "1448/06/20", "مقر الجمعية", &error);
  g_assert_no_error (error);
  f->meeting = meeting->id;
  g_assert_cmpstr (meeting->held_on, ==, "2026-11-30");
  g_assert_cmpuint (meeting->members->len, ==, 4);
  g_assert_true (((RifqMember *) g_ptr_array_index (meeting->members, 0))->chair);
  g_assert_true (rifq_committee_add_to_agenda (f->db, f->meeting, f->request, &error));
  g_assert_no_error (error);
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
                               "than half of the members present decides; the chair’s vote breaks a tie.");
  set_rule (f, "committee_quorum", "two_thirds");
  set_rule (f, "committee_chair_breaks_tie", "0");
  rifq_committee_rule_get (f->db, &rule);
  changed = rifq_rule_describe (&rule);
  g_assert_cmpstr (changed, ==, "Quorum: at least two thirds of the committee present; a choice with the votes of "
                                "more than half of the members present decides; a tie decides nothing.");
}

static RifqRole
roles_of (Committee  *f,
          const char *user)
{
  g_autoptr(RifqStaff) staff = rifq_staff_get (f->db, user, NULL);

  return staff->roles;
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
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Taking the committee away would leave member3 with no role at all. */
  as (f, "admin");
  g_assert_false (rifq_staff_set_committee_seat (f->db, "member3", RIFQ_SEAT_NONE, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another role"));
  g_assert_cmpint (roles_of (f, "member3"), ==, RIFQ_ROLE_COMMITTEE);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);
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
  next_tally = rifq_committee_tally (f->db, next->id, 0, &error);
  g_assert_false (next_tally->quorum);
}

/* A database of schema 3 with a meeting: the migration gives the meeting today's rule and chair. */
static void
test_migration_gives_old_meetings_their_rule_and_chair (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char *names[] = { "0001-initial.sql", "0002-requests.sql", "0003-committee.sql" };
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  RifqRule rule;
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (g_getenv ("RIFQ_SOURCE_DIR"), "src", "core", "migrations", names[i], NULL);
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
      g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO staff VALUES ('khalid', 'خالد', 1, '2026-01-01T00:00:00Z'),"
                                 " ('hind', 'هند', 1, '2026-01-01T00:00:00Z');"
                                 "INSERT INTO staff_role VALUES ('khalid', 'chair'), ('hind', 'committee');"
                                 "INSERT INTO meeting (held_on, place, created_by, created_at)"
                                 " VALUES ('2026-11-30', NULL, 'khalid', '2026-11-26T00:00:00Z');"
                                 "INSERT INTO meeting_member VALUES (1, 'khalid', 1), (1, 'hind', 1);"
                                 "UPDATE settings SET value = 'two_thirds' WHERE key = 'committee_quorum';"
                                 "PRAGMA user_version = 3; PRAGMA application_id = 1380533841;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = rifq_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_db_get_schema_version (db), ==, 4);
  g_assert_true (rifq_committee_meeting_rule (db, 1, &rule, &error));
  g_assert_cmpint (rule.quorum, ==, RIFQ_QUORUM_TWO_THIRDS);
  g_assert_cmpint (rule.majority, ==, RIFQ_MAJORITY_OF_PRESENT);
  g_assert_true (rule.chair_breaks_tie);
  meeting = rifq_committee_meeting_get (db, 1, &error);
  g_assert_cmpstr (((RifqMember *) g_ptr_array_index (meeting->members, 0))->username, ==, "khalid");
  g_assert_true (((RifqMember *) g_ptr_array_index (meeting->members, 0))->chair);
  g_assert_false (((RifqMember *) g_ptr_array_index (meeting->members, 1))->chair);

  g_clear_object (&db);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
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
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "Only a member of the research committee may vote.");
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
  rifq_request_store_set_today (db, "2026-12-11");
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
  rifq_request_store_set_today (db, "2026-12-10");
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
  ADD ("/committee/agenda/puts-request-under-review", test_agenda_puts_request_under_review);
  ADD ("/committee/rule/majority-of-present-decides", test_majority_of_present_decides);
  ADD ("/committee/rule/chair-breaks-a-tie", test_chair_breaks_tie);
  ADD_UNDER ("/committee/rule/tie-without-chair-setting-gives-nothing", "committee_chair_breaks_tie=0",
             test_tie_without_chair_setting_gives_nothing);
  ADD ("/committee/rule/no-quorum-refused", test_no_quorum_refused);
  ADD ("/committee/vote/refused-for-outsiders-and-absent", test_vote_refused_for_outsiders);
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
  g_test_add_func ("/committee/clock/across-month-and-year", test_clock_across_month_and_year);
  g_test_add_func ("/committee/queue/filters-by-kind-and-overdue", test_queue_filters);

  return g_test_run ();
}
