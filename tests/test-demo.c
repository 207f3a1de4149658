/* test-demo.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-beneficiary-store.h"
#include "rifq-committee.h"
#include "rifq-demo.h"
#include "rifq-request-store.h"
#include "rifq-test-util.h"
#include "rifq-validate.h"

static void
test_same_seed_same_people (void)
{
  g_autoptr(GPtrArray) a = rifq_demo_generate (200, 42, 0);
  g_autoptr(GPtrArray) b = rifq_demo_generate (200, 42, 0);
  g_autoptr(GPtrArray) c = rifq_demo_generate (200, 43, 0);
  guint same_as_other_seed = 0;

  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *name_a = rifq_beneficiary_dup_full_name (g_ptr_array_index (a, i));
      g_autofree char *name_b = rifq_beneficiary_dup_full_name (g_ptr_array_index (b, i));
      g_autofree char *name_c = rifq_beneficiary_dup_full_name (g_ptr_array_index (c, i));

      g_assert_cmpstr (name_a, ==, name_b);
      g_assert_cmpstr (rifq_beneficiary_get (g_ptr_array_index (a, i), RIFQ_FIELD_NATIONAL_ID), ==,
                       rifq_beneficiary_get (g_ptr_array_index (b, i), RIFQ_FIELD_NATIONAL_ID));
      same_as_other_seed += g_str_equal (name_a, name_c);
    }
  g_assert_cmpuint (same_as_other_seed, <, 10);
}

static void
test_people_are_valid_and_realistic (void)
{
  g_autoptr(GPtrArray) people = rifq_demo_generate (500, 7, 0);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < people->len; i++)
    {
      RifqBeneficiary *b = g_ptr_array_index (people, i);
      g_autoptr(GPtrArray) problems = rifq_beneficiary_validate (b, NULL);
      g_autofree char *full = rifq_beneficiary_dup_full_name (b);
      g_auto(GStrv) parts = g_strsplit (full, " ", -1);

      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_true (rifq_luhn_valid (rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID)));
      g_assert_true (g_str_has_prefix (rifq_beneficiary_get (b, RIFQ_FIELD_MOBILE), "+9665"));
      g_assert_cmpuint (g_strv_length (parts), >=, 4);
      g_assert_false (g_hash_table_contains (ids, rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID)));
      g_hash_table_add (ids, (gpointer) rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID));
    }
}

static void
test_fill_twice_adds_different_people (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_demo_fill (db, 300, 1, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_demo_fill (db, 300, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_beneficiary_store_count (db, NULL), ==, 600);
  /* Each one is audited, with the reason saying it is synthetic. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE reason LIKE 'Synthetic%'"), ==, 600);
}

static void
test_requests_numbered_in_settings_format (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;

  rifq_test_sql (db, "UPDATE settings SET value = 'R{year}-{seq:3}' WHERE key = 'request_number_format'");
  g_assert_true (rifq_demo_fill (db, 20, 1, &error));
  g_assert_true (rifq_demo_fill_requests (db, 30, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_DIALECT (
                     "SELECT count(*) FROM request WHERE number GLOB 'R1[0-9][0-9][0-9]-[0-9][0-9][0-9]'"
                     " AND number = 'R' || seq_year || '-' || printf ('%03d', seq)",
                     "SELECT count(*) FROM request WHERE number ~ '^R1[0-9]{3}-[0-9]{3}$'"
                     " AND number = 'R' || seq_year || '-' || lpad (seq::text, 3, '0')")), ==, 30);
}

/* Requests past the committee were decided at meetings, as the rule gives it: quorum, votes,
 * reasons and a letter; what was delivered keeps within what was approved. */
static void
test_requests_decided_at_meetings (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  RifqStatement *stmt;
  guint decisions = 0;

  g_assert_true (rifq_demo_fill (db, 300, 1, &error));
  g_assert_true (rifq_demo_fill_requests (db, 800, 2, &error));
  g_assert_no_error (error);

  /* Every request the committee settled has its decision, its meeting and its letter. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM request r WHERE r.submitted_on IS NOT NULL"
                                        " AND r.state NOT IN ('submitted', 'under_review')"
                                        " AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.request_id = r.id)"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM decision d WHERE NOT EXISTS"
                                        " (SELECT 1 FROM letter l WHERE l.decision_id = d.id)"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM decision d JOIN meeting m ON m.id = d.meeting_id"
                                        " JOIN request r ON r.id = d.request_id WHERE m.held_on < r.submitted_on"
                                        " OR NOT EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = d.meeting_id"
                                        " AND a.request_id = d.request_id)"), ==, 0);
  /* Under review means on the agenda of the meeting to come. */
  {
    g_autofree char *today = rifq_db_dup_today (db);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM request r WHERE r.state = 'under_review' AND NOT EXISTS"
                                            " (SELECT 1 FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
                                            " WHERE a.request_id = r.id AND m.held_on > '%s')", today);

    g_assert_cmpint (rifq_test_count (db, sql), ==, 0);
  }

  /* The votes recorded give each decision under its meeting's rule. */
  stmt = rifq_db_prepare (db, "SELECT meeting_id, request_id, decision FROM decision", NULL);
  g_assert_nonnull (stmt);
  while (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      g_autoptr(RifqTally) tally = rifq_committee_tally (db, rifq_statement_get_int64 (stmt, 0),
                                                         rifq_statement_get_int64 (stmt, 1), &error);

      g_assert_no_error (error);
      g_assert_true (tally->quorum);
      g_assert_cmpstr (tally->outcome, ==, rifq_statement_get_text (stmt, 2));
      decisions++;
    }
  rifq_statement_reset (stmt);
  g_assert_cmpuint (decisions, >, 400);

  /* The services add up within what the committee approved. */
  stmt = rifq_db_prepare (db, "SELECT DISTINCT request_id FROM service", NULL);
  g_assert_nonnull (stmt);
  while (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      RifqApproval approval;

      g_assert_true (rifq_request_store_approval (db, rifq_statement_get_int64 (stmt, 0), &approval, &error));
      g_assert_cmpint (approval.amount_delivered, <=, approval.amount);
      g_assert_cmpint (approval.quantity_delivered, <=, approval.quantity);
    }
  rifq_statement_reset (stmt);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM service"), >, 0);
  g_assert_true (rifq_db_verify_audit (db, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/demo/same-seed-same-people", test_same_seed_same_people);
  g_test_add_func ("/demo/valid-ids-mobiles-and-four-part-names", test_people_are_valid_and_realistic);
  g_test_add_func ("/demo/fill-twice-adds-different-people", test_fill_twice_adds_different_people);
  g_test_add_func ("/demo/requests-numbered-in-the-settings-format", test_requests_numbered_in_settings_format);
  g_test_add_func ("/demo/requests/decided-at-meetings-and-served-within-approval", test_requests_decided_at_meetings);

  return g_test_run ();
}
