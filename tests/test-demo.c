/* test-demo.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-beneficiary-store.h"
#include "rifq-demo.h"
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

  g_assert_cmpint (sqlite3_exec (rifq_db_get_handle (db),
                                 "UPDATE settings SET value = 'R{year}-{seq:3}' WHERE key = 'request_number_format'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (rifq_demo_fill (db, 20, 1, &error));
  g_assert_true (rifq_demo_fill_requests (db, 30, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM request WHERE number GLOB 'R1[0-9][0-9][0-9]-[0-9][0-9][0-9]'"
                                        " AND number = 'R' || seq_year || '-' || printf ('%03d', seq)"), ==, 30);
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

  return g_test_run ();
}
