/* test-audit.c: records changed behind Rifq's back, found against their audit trail
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rifq-audit.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-locale.h"
#include "rifq-demo.h"
#include "rifq-settings.h"
#include "rifq-test-request.h"

typedef RifqTestDesk Desk;

#define desk_set_up    rifq_test_desk_set_up
#define desk_tear_down rifq_test_desk_tear_down

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

/* The log as an administrator reads it: newest first, each entry's author by name. */
static void
test_list_newest_first_with_names (Desk          *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = rifq_audit_list (f->db, NULL, 0, 1000, &error);
  RifqAuditEntry *newest;

  g_assert_no_error (error);
  g_assert_cmpint (entries->len, ==, rifq_test_count (f->db, "SELECT count(*) FROM audit"));
  newest = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (newest->action, ==, "settings");
  g_assert_cmpstr (newest->actor, ==, "admin");
  for (guint i = 1; i < entries->len; i++)
    g_assert_cmpint (((RifqAuditEntry *) g_ptr_array_index (entries, i))->id, <,
                     ((RifqAuditEntry *) g_ptr_array_index (entries, i - 1))->id);
  /* The desk officer by her full name. */
  for (guint i = 0; i < entries->len; i++)
    {
      RifqAuditEntry *e = g_ptr_array_index (entries, i);

      if (g_str_equal (e->actor, "desk"))
        g_assert_cmpstr (e->actor_name, ==, "نورة العتيبي");
    }
}

static void
test_list_filtered_by_person_record_and_period (Desk          *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_desk = NULL;
  g_autoptr(GPtrArray) of_request = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) tomorrow = NULL;
  g_autoptr(GPtrArray) hijri = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *next_day = g_date_time_format (next, "%Y-%m-%d");
  RifqAuditFilter desk = { .actor = "desk" };
  RifqAuditFilter request = { .record_kind = "request", .record_id = f->request };
  RifqAuditFilter from_today = { .from_day = day, .to_day = day };
  RifqAuditFilter from_tomorrow = { .from_day = next_day };

  by_desk = rifq_audit_list (f->db, &desk, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_desk->len, ==, rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE actor = 'desk'"));
  g_assert_cmpuint (by_desk->len, >, 0);
  for (guint i = 0; i < by_desk->len; i++)
    g_assert_cmpstr (((RifqAuditEntry *) g_ptr_array_index (by_desk, i))->actor, ==, "desk");

  of_request = rifq_audit_list (f->db, &request, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_request->len, >=, 4);
  for (guint i = 0; i < of_request->len; i++)
    {
      RifqAuditEntry *e = g_ptr_array_index (of_request, i);

      g_assert_cmpstr (e->record_kind, ==, "request");
      g_assert_cmpint (e->record_id, ==, f->request);
    }

  /* Everything was written today, on this workstation's clock; nothing tomorrow. */
  today = rifq_audit_list (f->db, &from_today, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (today->len, ==, rifq_test_count (f->db, "SELECT count(*) FROM audit"));
  tomorrow = rifq_audit_list (f->db, &from_tomorrow, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tomorrow->len, ==, 0);

  /* A day typed in Hijri, Arabic-Indic digits, as staff type it. */
  {
    GDate date;
    RifqHijriDate h;
    g_autofree char *typed = NULL;

    g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
    g_assert_true (rifq_calendar_to_hijri (&date, &h, NULL));
    typed = g_strdup_printf ("%d/%02d/%02d هـ", h.year, h.month, h.day);
    from_today.from_day = typed;
    from_today.to_day = NULL;
    hijri = rifq_audit_list (f->db, &from_today, 0, 1000, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hijri->len, ==, today->len);
  }
}

static void
test_list_pages_to_older_entries (Desk          *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = rifq_audit_list (f->db, NULL, 0, 5, &error);
  g_autoptr(GPtrArray) second = NULL;
  gint64 last;

  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 5);
  last = ((RifqAuditEntry *) g_ptr_array_index (first, 4))->id;
  second = rifq_audit_list (f->db, NULL, last, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 5);
  g_assert_cmpint (((RifqAuditEntry *) g_ptr_array_index (second, 0))->id, ==, last - 1);
}

static void
test_list_refuses_day_that_is_not_a_date (Desk          *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RifqAuditFilter filter = { .to_day = "yesterday" };

  g_assert_null (rifq_audit_list (f->db, &filter, 0, 10, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "To: "));
}

static void
test_list_refused_to_desk_officer (Desk          *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rifq_db_set_actor (f->db, "desk");
  g_assert_null (rifq_audit_list (f->db, NULL, 0, 10, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
}

/* What an entry changed, member by member; what stayed is left out. */
static void
test_changes_name_what_changed (void)
{
  g_autoptr(RifqAuditEntry) entry = g_object_new (RIFQ_TYPE_AUDIT_ENTRY, NULL);
  g_autoptr(GPtrArray) changes = NULL;
  RifqAuditChange *c;

  entry->before_json = g_strdup ("{\"mobile\":\"+966501234567\",\"city\":\"الرياض\",\"district\":\"الملز\"}");
  entry->after_json = g_strdup ("{\"mobile\":\"+966551112222\",\"city\":\"الرياض\",\"household_size\":3}");
  changes = rifq_audit_entry_changes (entry);
  g_assert_cmpuint (changes->len, ==, 3);
  c = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (c->member, ==, "mobile");
  g_assert_cmpstr (c->before, ==, "+966501234567");
  g_assert_cmpstr (c->after, ==, "+966551112222");
  c = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (c->member, ==, "household_size");
  g_assert_null (c->before);
  g_assert_cmpstr (c->after, ==, "3");
  c = g_ptr_array_index (changes, 2);
  g_assert_cmpstr (c->member, ==, "district");
  g_assert_cmpstr (c->before, ==, "الملز");
  g_assert_null (c->after);
}

static void
test_labels_in_arabic (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LANGUAGE");
      rifq_locale_init ();
      g_assert_true (rifq_locale_is_arabic ());
      g_assert_cmpstr (rifq_audit_action_label ("beneficiary", "refuse"), ==, "رُفض");
      g_assert_cmpstr (rifq_audit_kind_label ("request"), ==, "طلب دعم");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_cmpstr (rifq_audit_action_label ("beneficiary", "refuse"), ==, "Refused");
  /* A request's step as the intake names it; a code not known, as it is. */
  g_assert_cmpstr (rifq_audit_action_label ("request", "collect"), ==, rifq_action_label (RIFQ_ACTION_COLLECT));
  g_assert_cmpstr (rifq_audit_action_label ("beneficiary", "something-new"), ==, "something-new");
  /* Withdrawing a consent is said as such, not as a request withdrawn. */
  g_assert_cmpstr (rifq_audit_action_label ("consent", "withdraw"), ==, "Consent withdrawn");
  g_assert_cmpstr (rifq_audit_action_label ("request", "withdraw"), ==, rifq_action_label (RIFQ_ACTION_WITHDRAW));
  g_assert_cmpstr (rifq_audit_action_label ("beneficiary", "export"), ==, "Everything held exported");
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
  ADD ("/audit/list/newest-first-with-full-names", test_list_newest_first_with_names);
  ADD ("/audit/list/filtered-by-person-record-and-period", test_list_filtered_by_person_record_and_period);
  ADD ("/audit/list/pages-to-older-entries", test_list_pages_to_older_entries);
  ADD ("/audit/list/refuses-day-that-is-not-a-date", test_list_refuses_day_that_is_not_a_date);
  ADD ("/audit/list/refused-to-desk-officer", test_list_refused_to_desk_officer);
#undef ADD
  g_test_add_func ("/audit/changes/name-what-changed", test_changes_name_what_changed);
  g_test_add_func ("/audit/labels/in-the-interface-language", test_labels_in_arabic);

  return g_test_run ();
}
