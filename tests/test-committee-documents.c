/* test-committee-documents.c: the minutes and the decision letter, filled from the database
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rifq-committee.h"
#include "rifq-committee-documents.h"
#include "rifq-error.h"
#include "rifq-seal-reader.h"
#include "rifq-seal.h"
#include "rifq-staff.h"
#include "rifq-test-request.h"

static char *
pdf_text (const char *path)
{
  char *argv[] = { (char *) "pdftotext", (char *) path, (char *) "-", NULL };
  g_autofree char *raw = NULL;
  GString *text = g_string_new (NULL);
  int status;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &raw, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  /* Without the direction marks pdftotext keeps around runs of digits. */
  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F))
        g_string_append_unichar (text, c);
    }
  return g_string_free (text, FALSE);
}

static void
test_minutes_and_letter (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-documents-XXXXXX", NULL);
  g_autofree char *minutes = g_build_filename (dir, "minutes.pdf", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *minutes_text = NULL;
  g_autofree char *letter_text = NULL;
  const char *present[] = { "chair", "member1", "member2" };
  gint64 id;

  rifq_test_staff (db);
  id = rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_1, "محمد", "0501234567"),
                                    "food_basket");
  rifq_db_set_actor (db, "chair");
  meeting = rifq_committee_meeting_create (db, "2026-11-30", "مقر الجمعية", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    g_assert_true (rifq_committee_set_present (db, meeting->id, present[i], TRUE, &error));
  g_assert_true (rifq_committee_add_to_agenda (db, meeting->id, id, &error));

  /* No letter before the committee decides. */
  g_assert_false (rifq_letter_write_request (db, id, letter, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (letter, G_FILE_TEST_EXISTS));

  /* The meeting's day has come. */
  rifq_test_set_today (db, "2026-11-30");
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    {
      rifq_db_set_actor (db, present[i]);
      g_assert_true (rifq_committee_vote (db, meeting->id, id, i == 2 ? "reject" : "accept", 1500,
                                          i == 2 ? "يحتاج زيارة منزلية" : NULL, &error));
    }
  rifq_db_set_actor (db, "chair");
  g_assert_true (rifq_committee_decide (db, meeting->id, id, "accept", 1500, "الأسرة دون حد الاستحقاق", &error));
  g_assert_no_error (error);

  g_assert_true (rifq_minutes_write_meeting (db, meeting->id, minutes, &error));
  g_assert_no_error (error);
  minutes_text = pdf_text (minutes);
  g_assert_nonnull (strstr (minutes_text, "1448/000001"));
  g_assert_nonnull (strstr (minutes_text, "Minutes of the research committee meeting"));
  g_assert_nonnull (strstr (minutes_text, "Reject"));
  g_assert_nonnull (strstr (minutes_text, "Accept"));
  /* The rule the decisions were taken under, as the settings give it. */
  g_assert_nonnull (strstr (minutes_text, "Quorum: more than half of the committee present"));

  g_assert_true (rifq_letter_write_request (db, id, letter, &error));
  g_assert_no_error (error);
  letter_text = pdf_text (letter);
  g_assert_nonnull (strstr (letter_text, "1448/0001"));
  g_assert_nonnull (strstr (letter_text, "1448/000001"));
  g_assert_nonnull (strstr (letter_text, "accepted"));
}

/* A request accepted at a meeting of three, its letter numbered: the request's id. */
static gint64
decided_request (RifqDb *db)
{
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  const char *present[] = { "chair", "member1", "member2" };
  gint64 id;

  rifq_test_staff (db);
  id = rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_1, "محمد", "0501234567"),
                                    "food_basket");
  rifq_db_set_actor (db, "chair");
  meeting = rifq_committee_meeting_create (db, "2026-11-30", "مقر الجمعية", &error);
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    g_assert_true (rifq_committee_set_present (db, meeting->id, present[i], TRUE, &error));
  g_assert_true (rifq_committee_add_to_agenda (db, meeting->id, id, &error));
  rifq_test_set_today (db, "2026-11-30");
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    {
      rifq_db_set_actor (db, present[i]);
      g_assert_true (rifq_committee_vote (db, meeting->id, id, "accept", 1500, NULL, &error));
    }
  rifq_db_set_actor (db, "chair");
  g_assert_true (rifq_committee_decide (db, meeting->id, id, "accept", 1500, "الأسرة دون حد الاستحقاق", &error));
  g_assert_no_error (error);
  return id;
}

static RifqKeyring *
exported_keyring (RifqDb *db)
{
  g_autoptr(RifqKeyring) ring = rifq_keyring_from_db (db, NULL);
  g_autofree char *text = rifq_keyring_to_json (ring, "Ruhamaa");

  return rifq_keyring_from_json (text, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  char *data;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

/* The letter is sealed as its decision is recorded, and verifies with the public keys alone; a
 * decision changed behind Rifq's back is printed NOT GENUINE and the record named. */
static void
test_letter_sealed_with_its_decision (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("rifq-letter-XXXXXX", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *again = g_build_filename (dir, "again.pdf", NULL);
  g_autofree char *altered = g_build_filename (dir, "altered.pdf", NULL);
  g_autoptr(RifqKeyring) ring = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) marked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *record = NULL;
  g_autofree char *p1 = NULL;
  g_autofree char *p2 = NULL;
  g_autofree char *text = NULL;
  gint64 id = decided_request (db);
  gint64 letter_id = rifq_committee_letter_id (db, id);

  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM seal WHERE kind = 'letter'"), ==, 1);
  g_assert_cmpint (rifq_seal_check_letter (db, letter_id, NULL, NULL), ==, RIFQ_SEAL_STATE_GENUINE);

  g_assert_true (rifq_letter_write_request (db, id, letter, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_letter_write_request (db, id, again, &error));
  ring = exported_keyring (db);
  first = read_bytes (letter);
  second = read_bytes (again);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, first, NULL, &message), ==, RIFQ_SEAL_VALID);
  g_assert_nonnull (strstr (message, "Decision letter 1448/0001"));
  g_assert_nonnull (strstr (message, "accepted"));
  g_assert_true (rifq_seal_read_pdf (first, &p1, NULL, NULL, NULL));
  g_assert_true (rifq_seal_read_pdf (second, &p2, NULL, NULL, NULL));
  g_assert_cmpstr (p1, ==, p2);

  /* The reasons rewritten with the sqlite3 shell. */
  rifq_test_sql (db, "UPDATE decision SET reasons = 'لا يستحق'");
  g_assert_cmpint (rifq_seal_check_letter (db, letter_id, NULL, &record), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (record, "the reasons"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, db, first, NULL, &message), ==, RIFQ_SEAL_RECORD_CHANGED);
  g_assert_nonnull (strstr (message, "the reasons"));

  g_assert_true (rifq_letter_write_request (db, id, altered, &error));
  marked = read_bytes (altered);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, marked, NULL, &message), ==, RIFQ_SEAL_MALFORMED);
  text = pdf_text (altered);
  g_assert_nonnull (strstr (text, "NOT GENUINE"));
}

/* A meeting of three, on its day, with two submitted requests on its agenda. */
static RifqMeeting *
meeting_of_two (RifqDb *db,
                gint64 *first,
                gint64 *second)
{
  const char *present[] = { "chair", "member1", "member2" };
  g_autoptr(GError) error = NULL;
  RifqMeeting *meeting;

  rifq_test_staff (db);
  *first = rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_1, "محمد", "0501234567"),
                                        "food_basket");
  *second = rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_2, "فاطمة", "0507654321"),
                                         "food_basket");
  rifq_db_set_actor (db, "chair");
  meeting = rifq_committee_meeting_create (db, "2026-11-30", "مقر الجمعية", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    g_assert_true (rifq_committee_set_present (db, meeting->id, present[i], TRUE, &error));
  g_assert_true (rifq_committee_add_to_agenda (db, meeting->id, *first, &error));
  g_assert_true (rifq_committee_add_to_agenda (db, meeting->id, *second, &error));
  rifq_test_set_today (db, "2026-11-30");
  return meeting;
}

/* Votes all round, then the chair's decision, on one request of the meeting. */
static void
decide (RifqDb     *db,
        gint64      meeting_id,
        gint64      request_id,
        const char *vote)
{
  const char *present[] = { "chair", "member1", "member2" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    {
      rifq_db_set_actor (db, present[i]);
      g_assert_true (rifq_committee_vote (db, meeting_id, request_id, vote, 1500, NULL, &error));
    }
  rifq_db_set_actor (db, "chair");
  g_assert_true (rifq_committee_decide (db, meeting_id, request_id, vote, 1500, "بعد دراسة الحالة", &error));
  g_assert_no_error (error);
}

/* The minutes are a draft while the meeting still has cases to decide, sealed as the last one is
 * decided, and verify with the public keys alone; a vote changed behind Rifq's back is printed NOT
 * GENUINE and the record named. */
static void
test_minutes_sealed_with_the_last_decision (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-minutes-XXXXXX", NULL);
  g_autofree char *draft = g_build_filename (dir, "draft.pdf", NULL);
  g_autofree char *minutes = g_build_filename (dir, "minutes.pdf", NULL);
  g_autofree char *altered = g_build_filename (dir, "altered.pdf", NULL);
  g_autoptr(RifqKeyring) ring = NULL;
  g_autoptr(GBytes) draft_bytes = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) marked = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *record = NULL;
  gint64 first, second;

  meeting = meeting_of_two (db, &first, &second);

  /* One case decided of two: draft minutes, no seal, and the draft says so. */
  decide (db, meeting->id, first, "accept");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM seal WHERE kind = 'minutes'"), ==, 0);
  g_assert_cmpint (rifq_seal_check_minutes (db, meeting->id, NULL, NULL), ==, RIFQ_SEAL_STATE_NONE);
  g_assert_true (rifq_minutes_write_meeting (db, meeting->id, draft, &error));
  g_assert_no_error (error);
  text = pdf_text (draft);
  g_assert_nonnull (strstr (text, "Draft"));
  ring = exported_keyring (db);
  draft_bytes = read_bytes (draft);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, draft_bytes, NULL, NULL), !=, RIFQ_SEAL_VALID);

  /* The last case decided seals them, once. */
  decide (db, meeting->id, second, "reject");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM seal WHERE kind = 'minutes'"), ==, 1);
  g_assert_cmpint (rifq_seal_check_minutes (db, meeting->id, NULL, NULL), ==, RIFQ_SEAL_STATE_GENUINE);
  g_assert_true (rifq_minutes_write_meeting (db, meeting->id, minutes, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = pdf_text (minutes);
  g_assert_null (strstr (text, "Draft"));
  sealed = read_bytes (minutes);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, sealed, NULL, &message), ==, RIFQ_SEAL_VALID);
  g_assert_nonnull (strstr (message, "minutes of meeting"));
  g_assert_nonnull (strstr (message, "2 cases decided"));

  /* The page with the seal code taken out alone: the other case's page is missing, and said so. */
  {
    g_autofree char *pattern = g_build_filename (dir, "page-%d.pdf", NULL);
    char *argv[] = { (char *) "pdfseparate", minutes, pattern, NULL };
    g_autoptr(GBytes) page = NULL;
    g_autofree char *last = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    for (guint n = 1; n < 10; n++)
      {
        g_autofree char *name = g_strdup_printf ("page-%u.pdf", n);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_file_test (path, G_FILE_TEST_EXISTS))
          {
            g_free (last);
            last = g_steal_pointer (&path);
          }
      }
    g_assert_nonnull (last);
    page = read_bytes (last);
    g_clear_pointer (&message, g_free);
    g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, page, NULL, &message), ==, RIFQ_SEAL_DOCUMENT_CHANGED);
    g_assert_nonnull (strstr (message, "1448/000001"));
  }

  /* A member renamed in Rifq (who now sorts last) changes nothing that was sealed. */
  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_staff_save (db, "member2", "يوسف الحربي", RIFQ_ROLE_COMMITTEE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_seal_check_minutes (db, meeting->id, NULL, NULL), ==, RIFQ_SEAL_STATE_GENUINE);

  /* A member's vote turned round with the sqlite3 shell. */
  rifq_test_sql (db, "UPDATE vote SET vote = 'accept' WHERE username = 'member2' AND vote = 'reject'");
  g_assert_cmpint (rifq_seal_check_minutes (db, meeting->id, NULL, &record), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (record, "the cases, their votes and decisions"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, db, sealed, NULL, &message), ==, RIFQ_SEAL_RECORD_CHANGED);
  g_assert_nonnull (strstr (message, "the cases, their votes and decisions"));

  /* Printed again, they say they are not genuine, and carry no seal to pass. */
  g_assert_true (rifq_minutes_write_meeting (db, meeting->id, altered, &error));
  marked = read_bytes (altered);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, marked, NULL, &message), !=, RIFQ_SEAL_VALID);
  g_clear_pointer (&text, g_free);
  text = pdf_text (altered);
  g_assert_nonnull (strstr (text, "NOT GENUINE"));
}

/* Taking the last undecided case off the agenda makes the minutes final: they are sealed then. */
static void
test_minutes_sealed_when_last_case_taken_off (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  meeting = meeting_of_two (db, &first, &second);
  decide (db, meeting->id, first, "accept");
  g_assert_cmpint (rifq_seal_check_minutes (db, meeting->id, NULL, NULL), ==, RIFQ_SEAL_STATE_NONE);

  rifq_db_set_actor (db, "chair");
  g_assert_true (rifq_committee_remove_from_agenda (db, meeting->id, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_seal_check_minutes (db, meeting->id, NULL, NULL), ==, RIFQ_SEAL_STATE_GENUINE);

  /* Removing the seal row behind Rifq's back does not make them a draft again. */
  rifq_test_sql (db, "DELETE FROM seal WHERE kind = 'minutes'");
  g_assert_cmpint (rifq_seal_check_minutes (db, meeting->id, NULL, NULL), ==, RIFQ_SEAL_STATE_ALTERED);
  /* Nor does deleting the decision (and its letter) as well: the keyed log remembers they were
   * sealed. */
  rifq_test_sql (db, "DELETE FROM letter; DELETE FROM decision");
  g_assert_false (rifq_seal_minutes_final (db, meeting->id));
  g_assert_cmpint (rifq_seal_check_minutes (db, meeting->id, NULL, NULL), ==, RIFQ_SEAL_STATE_ALTERED);
}

/* A vote on a case already decided, turned round with the sqlite3 shell before the meeting's last
 * decision: the minutes are not sealed over it, the last decision is refused whole, and the case's
 * letter names the votes. */
static void
test_minutes_not_sealed_over_a_changed_vote (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *present[] = { "chair", "member1", "member2" };
  gint64 first, second;

  meeting = meeting_of_two (db, &first, &second);
  decide (db, meeting->id, first, "accept");
  rifq_test_sql (db, "UPDATE vote SET vote = 'reject', amount = NULL WHERE username = 'member1'");
  g_assert_cmpint (rifq_seal_check_letter (db, rifq_committee_letter_id (db, first), NULL, &message), ==,
                   RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (message, "the votes it was decided on"));

  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    {
      rifq_db_set_actor (db, present[i]);
      g_assert_true (rifq_committee_vote (db, meeting->id, second, "reject", -1, NULL, &error));
    }
  rifq_db_set_actor (db, "chair");
  g_assert_false (rifq_committee_decide (db, meeting->id, second, "reject", -1, "خارج الاستحقاق", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "cannot be sealed"));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM seal WHERE kind = 'minutes'"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM decision"), ==, 1);
  g_assert_null (rifq_committee_decision (db, meeting->id, second));
}

/* The first case's letter and its seal deleted with the sqlite3 shell, so that its decision is
 * checked against nothing: the last decision is refused all the same. */
static void
test_minutes_not_sealed_without_a_letter (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  const char *present[] = { "chair", "member1", "member2" };
  gint64 first, second;

  meeting = meeting_of_two (db, &first, &second);
  decide (db, meeting->id, first, "accept");
  rifq_test_sql (db, "UPDATE decision SET amount = 99999; DELETE FROM seal WHERE kind = 'letter';"
                                 " DELETE FROM letter");
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    {
      rifq_db_set_actor (db, present[i]);
      g_assert_true (rifq_committee_vote (db, meeting->id, second, "reject", -1, NULL, &error));
    }
  rifq_db_set_actor (db, "chair");
  g_assert_false (rifq_committee_decide (db, meeting->id, second, "reject", -1, "خارج الاستحقاق", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "the letter of the decision on request 1448/000001 is missing"));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM seal WHERE kind = 'minutes'"), ==, 0);
}

/* The meeting's rule changed, or the case already decided taken off the agenda, with the sqlite3
 * shell before the last decision: the minutes are not sealed over either. */
static void
test_minutes_not_sealed_over_a_changed_rule_or_agenda (void)
{
  const struct { const char *sql, *says; } attempts[] = {
    { "UPDATE meeting SET chair_breaks_tie = 1 - chair_breaks_tie", "its rule" },
    { "DELETE FROM agenda_item WHERE position = 1", "is no longer on its agenda" },
  };

  for (guint a = 0; a < G_N_ELEMENTS (attempts); a++)
    {
      g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
      g_autoptr(RifqMeeting) meeting = NULL;
      g_autoptr(GError) error = NULL;
      const char *present[] = { "chair", "member1", "member2" };
      gint64 first, second;

      meeting = meeting_of_two (db, &first, &second);
      decide (db, meeting->id, first, "accept");
      rifq_test_sql (db, attempts[a].sql);
      for (guint i = 0; i < G_N_ELEMENTS (present); i++)
        {
          rifq_db_set_actor (db, present[i]);
          g_assert_true (rifq_committee_vote (db, meeting->id, second, "reject", -1, NULL, &error));
        }
      rifq_db_set_actor (db, "chair");
      g_assert_false (rifq_committee_decide (db, meeting->id, second, "reject", -1, "خارج الاستحقاق", &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
      if (strstr (error->message, attempts[a].says) == NULL)
        g_error ("%s: “%s”", attempts[a].sql, error->message);
      g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM seal WHERE kind = 'minutes'"), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);
  g_test_add_func ("/committee-documents/minutes-and-letter-from-the-record", test_minutes_and_letter);
  g_test_add_func ("/committee-documents/letter-sealed-with-its-decision", test_letter_sealed_with_its_decision);
  g_test_add_func ("/committee-documents/minutes-sealed-with-the-last-decision",
                   test_minutes_sealed_with_the_last_decision);
  g_test_add_func ("/committee-documents/minutes-sealed-when-last-case-taken-off",
                   test_minutes_sealed_when_last_case_taken_off);
  g_test_add_func ("/committee-documents/minutes-not-sealed-over-a-changed-vote",
                   test_minutes_not_sealed_over_a_changed_vote);
  g_test_add_func ("/committee-documents/minutes-not-sealed-without-a-letter", test_minutes_not_sealed_without_a_letter);
  g_test_add_func ("/committee-documents/minutes-not-sealed-over-a-changed-rule-or-agenda",
                   test_minutes_not_sealed_over_a_changed_rule_or_agenda);
  return g_test_run ();
}
