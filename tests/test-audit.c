/* test-audit.c: records changed behind Rifq's back, found against their audit trail
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rifq-audit.h"
#include "rifq-demo.h"
#include "rifq-settings.h"
#include "rifq-test-request.h"

typedef struct
{
  RifqDb *db;
  gint64  beneficiary;
  gint64  request;
} Desk;

static void
desk_set_up (Desk          *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = rifq_test_db_new (NULL);
  rifq_test_staff (f->db);
  f->beneficiary = rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_1, "محمد", "0501234567");
  f->request = rifq_test_submitted_request (f->db, f->beneficiary, "food_basket");
  rifq_db_set_actor (f->db, "admin");
  g_assert_true (rifq_settings_save (f->db, "decision_period_days", "21", &error));
  g_assert_no_error (error);
}

static void
desk_tear_down (Desk          *f,
                gconstpointer  data)
{
  g_clear_object (&f->db);
}

static void
run_sql (RifqDb     *db,
         const char *sql)
{
  rifq_test_sql (db, sql);
}

/* The one problem found, which must say part. */
static void
assert_found (Desk       *f,
              const char *part)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_assert_true (rifq_audit_check_records (f->db, 10, &problems, &total, &error));
  g_assert_no_error (error);
  if (total != 1 || strstr (g_ptr_array_index (problems, 0), part) == NULL)
    g_error ("%u problems, the first “%s”; expected one saying “%s”", total,
             problems->len ? (const char *) g_ptr_array_index (problems, 0) : "", part);
}

static void
test_work_done_through_rifq_matches (Desk          *f,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  guint total = 99;

  g_assert_true (rifq_audit_check_records (f->db, 10, &problems, &total, NULL));
  g_assert_cmpuint (total, ==, 0);
}

static void
test_beneficiary_field_edited (Desk          *f,
                               gconstpointer  data)
{
  run_sql (f->db, "UPDATE beneficiary SET monthly_income = 200");
  assert_found (f, "Beneficiary 1 was changed behind Rifq’s back: monthly_income");
}

static void
test_beneficiary_inserted (Desk          *f,
                           gconstpointer  data)
{
  run_sql (f->db, "INSERT INTO beneficiary (national_id, first_name, father_name, grandfather_name, family_name,"
                  " name_norm, sex, birth_date, mobile, city, living_situation, created_at, updated_at)"
                  " SELECT '1000000016', first_name, father_name, grandfather_name, family_name, name_norm, sex,"
                  " birth_date, mobile, city, living_situation, created_at, updated_at FROM beneficiary");
  assert_found (f, "Beneficiary 2 has no audit entry");
}

static void
test_beneficiary_deleted (Desk          *f,
                          gconstpointer  data)
{
  run_sql (f->db, RIFQ_TEST_DIALECT ("PRAGMA foreign_keys = OFF; DELETE FROM beneficiary; PRAGMA foreign_keys = ON;",
                                     "SET session_replication_role = replica; DELETE FROM beneficiary;"
                                     " SET session_replication_role = origin;"));
  assert_found (f, "Beneficiary 1 is in the audit log but not in the registry");
}

static void
test_request_state_edited (Desk          *f,
                           gconstpointer  data)
{
  run_sql (f->db, "UPDATE request SET state = 'accepted'");
  assert_found (f, "is “accepted”, but its audit trail ends at “submitted”");
}

static void
test_role_granted (Desk          *f,
                   gconstpointer  data)
{
  run_sql (f->db, "INSERT INTO staff_role (username, role) VALUES ('desk', 'chair')");
  assert_found (f, "Member of staff “desk” was changed behind Rifq’s back: roles");
}

static void
test_setting_edited (Desk          *f,
                     gconstpointer  data)
{
  run_sql (f->db, "UPDATE settings SET value = '60' WHERE key = 'decision_period_days'");
  assert_found (f, "The setting “decision_period_days” was changed behind Rifq’s back");
}

/* A registry read beside its trails a range at a time (10,000 records): edits and deletions on
 * either side of a range's end, and after the last record, are each found, once. */
static void
test_registry_read_in_ranges (Desk          *f,
                              gconstpointer  data)
{
  const char *expected[] = {
    "Beneficiary 10000 was changed behind Rifq’s back: monthly_income",
    "Beneficiary 10001 was changed behind Rifq’s back: monthly_income",
    "Beneficiary 5000 is in the audit log but not in the registry",
    "Beneficiary 10051 is in the audit log but not in the registry",
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_assert_true (rifq_demo_fill (f->db, 10050, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT max (id) FROM beneficiary"), ==, 10051);
  run_sql (f->db, "UPDATE beneficiary SET monthly_income = 200 WHERE id IN (10000, 10001)");
  run_sql (f->db, RIFQ_TEST_DIALECT ("PRAGMA foreign_keys = OFF; DELETE FROM beneficiary WHERE id IN (5000, 10051);"
                                     " PRAGMA foreign_keys = ON;",
                                     "SET session_replication_role = replica;"
                                     " DELETE FROM beneficiary WHERE id IN (5000, 10051);"
                                     " SET session_replication_role = origin;"));

  g_assert_true (rifq_audit_check_records (f->db, 10, &problems, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean said = FALSE;

      for (guint j = 0; j < problems->len; j++)
        said |= strstr (g_ptr_array_index (problems, j), expected[i]) != NULL;
      if (!said)
        g_error ("not found: “%s”", expected[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Desk, NULL, desk_set_up, func, desk_tear_down)
  ADD ("/audit/records/work-done-through-rifq-matches-its-trail", test_work_done_through_rifq_matches);
  ADD ("/audit/records/beneficiary-field-edited-found", test_beneficiary_field_edited);
  ADD ("/audit/records/beneficiary-inserted-without-entry-found", test_beneficiary_inserted);
  ADD ("/audit/records/beneficiary-deleted-found", test_beneficiary_deleted);
  ADD ("/audit/records/request-state-edited-found", test_request_state_edited);
  ADD ("/audit/records/role-granted-found", test_role_granted);
  ADD ("/audit/records/setting-edited-found", test_setting_edited);
  ADD ("/audit/records/registry-read-in-ranges-finds-every-edit", test_registry_read_in_ranges);
#undef ADD

  return g_test_run ();
}
