/* test-beneficiary.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-beneficiary-json.h"
#include "rifq-beneficiary-store.h"
#include "rifq-error.h"
#include "rifq-staff.h"
#include "rifq-test-util.h"

static RifqProblem *
problem_for (GPtrArray *problems,
             RifqField  field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      RifqProblem *p = g_ptr_array_index (problems, i);
      if (p->caregiver < 0 && p->field == field)
        return p;
    }
  return NULL;
}

static void
test_validate_names_the_field (void)
{
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary ("1000000000", "محمد", "القحطاني", "0501234567");
  g_autoptr(GPtrArray) problems = rifq_beneficiary_validate (b, NULL);
  RifqProblem *p;

  g_assert_cmpuint (problems->len, ==, 1);
  p = problem_for (problems, RIFQ_FIELD_NATIONAL_ID);
  g_assert_nonnull (p);
  g_assert_true (g_str_has_prefix (p->message, rifq_field_label (RIFQ_FIELD_NATIONAL_ID)));
}

static void
test_validate_required_fields (void)
{
  g_autoptr(RifqBeneficiary) b = rifq_beneficiary_new ();
  g_autoptr(GPtrArray) problems = rifq_beneficiary_validate (b, NULL);

  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    {
      const RifqFieldInfo *info = rifq_field_info (i);
      RifqProblem *p = problem_for (problems, i);

      if (info->required)
        {
          g_assert_nonnull (p);
          g_assert_nonnull (strstr (p->message, rifq_field_label (i)));
        }
      else
        g_assert_null (p);
    }
}

static void
test_validate_normalises_what_was_typed (void)
{
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary ("١٠٠٠٠٠٠٠٠٨", "  محمد  ", "القحطاني", "٠٥٠ ١٢٣ ٤٥٦٧");
  g_autoptr(GPtrArray) problems = NULL;

  rifq_beneficiary_set (b, RIFQ_FIELD_BIRTH_DATE, "1369/05/20 هـ");
  rifq_beneficiary_set (b, RIFQ_FIELD_HOUSEHOLD_SIZE, "٣");
  problems = rifq_beneficiary_validate (b, NULL);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID), ==, "1000000008");
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_MOBILE), ==, "+966501234567");
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_FIRST_NAME), ==, "محمد");
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_HOUSEHOLD_SIZE), ==, "3");
  /* 20 Jumada al-Ula 1369 is 9 March 1950 in the Umm al-Qura table. */
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_BIRTH_DATE), ==, "1950-03-09");
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_STATUS), ==, "applicant");
}

static void
test_validate_refuses_unknown_choice (void)
{
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(GPtrArray) problems = NULL;

  rifq_beneficiary_set (b, RIFQ_FIELD_LIVING_SITUATION, "on the moon");
  problems = rifq_beneficiary_validate (b, NULL);
  g_assert_nonnull (problem_for (problems, RIFQ_FIELD_LIVING_SITUATION));
}

static void
test_add_writes_audit_row (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiary) saved = NULL;

  rifq_test_act_as (db, "officer-a", RIFQ_ROLE_DESK);
  g_assert_true (rifq_beneficiary_store_add (db, b, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_beneficiary_get_id (b), >, 0);

  saved = rifq_beneficiary_store_get_by_national_id (db, RIFQ_TEST_ID_1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rifq_beneficiary_get (saved, RIFQ_FIELD_MOBILE), ==, "+966501234567");

  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_DIALECT (
                     "SELECT count(*) FROM audit WHERE action = 'create' AND record_kind = 'beneficiary'"
                     " AND actor = 'officer-a' AND before_json IS NULL"
                     " AND json_extract (after_json, '$.national_id') = '1000000008'",
                     "SELECT count(*) FROM audit WHERE action = 'create' AND record_kind = 'beneficiary'"
                     " AND actor = 'officer-a' AND before_json IS NULL"
                     " AND after_json::json ->> 'national_id' = '1000000008'")), ==, 1);
}

static void
test_update_audit_has_before_and_after (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_beneficiary_store_add (db, b, NULL, NULL, &error));
  rifq_beneficiary_set (b, RIFQ_FIELD_CITY, "جدة");
  g_assert_true (rifq_beneficiary_store_update (db, b, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_DIALECT (
                     "SELECT count(*) FROM audit WHERE action = 'update'"
                     " AND json_extract (before_json, '$.city') = 'الرياض' AND json_extract (after_json, '$.city') = 'جدة'",
                     "SELECT count(*) FROM audit WHERE action = 'update'"
                     " AND before_json::json ->> 'city' = 'الرياض' AND after_json::json ->> 'city' = 'جدة'")), ==, 1);
}

/* Two workstations open the same record; the second to save is told who saved it first and
 * when, and nothing of theirs is written until they save over the latest version. */
static void
test_update_over_newer_version_refused (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) here = rifq_test_db_new (&location);
  g_autoptr(RifqDb) there = rifq_test_db_open (location, NULL);
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(RifqBeneficiary) mine = NULL;
  g_autoptr(RifqBeneficiary) theirs = NULL;
  g_autoptr(RifqBeneficiary) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_rows;

  rifq_db_set_actor (here, "admin");
  g_assert_true (rifq_staff_ensure_first (here, &error));
  g_assert_true (rifq_staff_save (here, "noura", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
  g_assert_true (rifq_beneficiary_store_add (here, b, NULL, NULL, &error));
  g_assert_cmpint (rifq_beneficiary_get_version (b), ==, 1);

  rifq_db_set_actor (there, "noura");
  mine = rifq_beneficiary_store_get (here, rifq_beneficiary_get_id (b), &error);
  theirs = rifq_beneficiary_store_get (there, rifq_beneficiary_get_id (b), &error);
  rifq_beneficiary_set (theirs, RIFQ_FIELD_CITY, "جدة");
  g_assert_true (rifq_beneficiary_store_update (there, theirs, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_beneficiary_get_version (theirs), ==, 2);

  audit_rows = rifq_test_count (here, "SELECT count(*) FROM audit");
  rifq_beneficiary_set (mine, RIFQ_FIELD_MOBILE, "0509998877");
  g_assert_false (rifq_beneficiary_store_update (here, mine, NULL, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "نورة العتيبي"));
  g_assert_nonnull (strstr (error->message, " AH — "));
  g_assert_cmpint (rifq_beneficiary_get_version (mine), ==, 1);
  g_clear_error (&error);

  stored = rifq_beneficiary_store_get (here, rifq_beneficiary_get_id (b), &error);
  g_assert_cmpstr (rifq_beneficiary_get (stored, RIFQ_FIELD_CITY), ==, "جدة");
  g_assert_cmpstr (rifq_beneficiary_get (stored, RIFQ_FIELD_MOBILE), ==, "+966501234567");
  g_assert_cmpint (rifq_test_count (here, "SELECT count(*) FROM audit"), ==, audit_rows);

  /* Saved over the latest: both changes stand. */
  rifq_beneficiary_set (stored, RIFQ_FIELD_MOBILE, "0509998877");
  g_assert_true (rifq_beneficiary_store_update (here, stored, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_beneficiary_get_version (stored), ==, 3);
  g_clear_object (&stored);
  stored = rifq_beneficiary_store_get (there, rifq_beneficiary_get_id (b), &error);
  g_assert_cmpstr (rifq_beneficiary_get (stored, RIFQ_FIELD_CITY), ==, "جدة");
  g_assert_cmpstr (rifq_beneficiary_get (stored, RIFQ_FIELD_MOBILE), ==, "+966509998877");
  g_assert_cmpint (rifq_beneficiary_get_version (stored), ==, 3);
}

static void
test_add_refused_when_id_exists (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) first = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(RifqBeneficiary) second = rifq_test_beneficiary ("١٠٠٠٠٠٠٠٠٨", "فهد", "الحربي", "0559876543");
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_beneficiary_store_add (db, first, NULL, NULL, NULL));
  g_assert_false (rifq_beneficiary_store_add (db, second, "any reason", NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "محمد"));

  g_assert_cmpint (rifq_beneficiary_get_id (second), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 1);
  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_AUDIT_SQL), ==, 1);
}

static void
test_probable_duplicate_same_name_and_birth (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) first = rifq_test_beneficiary (RIFQ_TEST_ID_1, "عبد الرحمن", "القحطاني", "0501234567");
  g_autoptr(RifqBeneficiary) second = rifq_test_beneficiary (RIFQ_TEST_ID_2, "عبدالرحمن", "القحطانى", "0559876543");
  g_autoptr(GPtrArray) probable = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_beneficiary_store_add (db, first, NULL, NULL, NULL));

  /* Written differently, the same person: shown before saving, nothing written. */
  g_assert_false (rifq_beneficiary_store_add (db, second, NULL, &probable, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_PROBABLE_DUPLICATE);
  g_assert_nonnull (probable);
  g_assert_cmpuint (probable->len, ==, 1);
  g_assert_cmpint (rifq_beneficiary_get_id (g_ptr_array_index (probable, 0)), ==, rifq_beneficiary_get_id (first));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 1);

  /* Kept with a reason, which the audit row carries. */
  g_clear_error (&error);
  g_assert_true (rifq_beneficiary_store_add (db, second, "Twin brothers, checked against both ID cards", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE reason = "
                                        "'Twin brothers, checked against both ID cards'"), ==, 1);
}

static void
test_probable_duplicate_same_mobile (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) first = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(RifqBeneficiary) second = rifq_test_beneficiary (RIFQ_TEST_ID_2, "نورة", "العتيبي", "+966 50 123 4567");
  g_autoptr(GPtrArray) probable = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_beneficiary_store_add (db, first, NULL, NULL, NULL));
  g_assert_false (rifq_beneficiary_store_add (db, second, NULL, &probable, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_PROBABLE_DUPLICATE);
  g_assert_cmpuint (probable->len, ==, 1);
}

static void
test_bad_input_writes_nothing (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0401234567");
  g_autoptr(GError) error = NULL;

  g_assert_false (rifq_beneficiary_store_add (db, b, NULL, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, rifq_field_label (RIFQ_FIELD_MOBILE)));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_AUDIT_SQL), ==, 0);
}

static void
test_text_fields_within_their_length (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  RifqCaregiver *caregiver = rifq_caregiver_new ();

  /* A megabyte of name made the request's PDF take 11 s and 700 MB. */
  for (guint i = 0; i < 101; i++)
    g_string_append (name, "م");
  for (guint i = 0; i < 4001; i++)
    g_string_append (notes, "ن");
  rifq_beneficiary_set (b, RIFQ_FIELD_FAMILY_NAME, name->str);
  rifq_beneficiary_set (b, RIFQ_FIELD_HEALTH_NOTES, notes->str);
  rifq_beneficiary_set (b, RIFQ_FIELD_SEX, notes->str);
  caregiver->name = g_strdup ("سارة");
  caregiver->relation = g_strdup ("ابنة");
  caregiver->notes = g_strdup (notes->str);
  rifq_beneficiary_add_caregiver (b, caregiver);

  problems = rifq_beneficiary_validate (b, NULL);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (problem_for (problems, RIFQ_FIELD_FAMILY_NAME)->message, ==,
                   "Family name: may be at most 100 characters long");
  g_assert_cmpstr (problem_for (problems, RIFQ_FIELD_HEALTH_NOTES)->message, ==,
                   "Health notes: may be at most 4000 characters long");
  /* Not echoed back whole in the message either. */
  g_assert_cmpstr (problem_for (problems, RIFQ_FIELD_SEX)->message, ==, "Sex: may be at most 300 characters long");
  g_assert_cmpstr (((RifqProblem *) g_ptr_array_index (problems, 3))->message, ==,
                   "Caregiver 1, notes: may be at most 4000 characters long");

  g_assert_false (rifq_beneficiary_store_add (db, b, NULL, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 0);
}

static void
test_refuses_unknown_channel (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(GError) error = NULL;

  rifq_beneficiary_set (b, RIFQ_FIELD_PREFERRED_CHANNEL, "carrier-pigeon");
  g_assert_false (rifq_beneficiary_store_add (db, b, NULL, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, rifq_field_label (RIFQ_FIELD_PREFERRED_CHANNEL)));

  g_clear_error (&error);
  rifq_beneficiary_set (b, RIFQ_FIELD_PREFERRED_CHANNEL, "phone");
  g_assert_true (rifq_beneficiary_store_add (db, b, NULL, NULL, &error));
}

static void
test_caregivers_round_trip (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "حصة", "الدوسري", "0501234567");
  g_autoptr(RifqBeneficiary) saved = NULL;
  RifqCaregiver *c = rifq_caregiver_new ();
  RifqCaregiver *back;

  c->name = g_strdup ("سارة محمد الدوسري");
  c->relation = g_strdup ("ابنة");
  c->mobile = g_strdup ("0551112222");
  c->is_guardian = TRUE;
  rifq_beneficiary_add_caregiver (b, c);
  g_assert_true (rifq_beneficiary_store_add (db, b, NULL, NULL, NULL));

  saved = rifq_beneficiary_store_get (db, rifq_beneficiary_get_id (b), NULL);
  g_assert_cmpuint (rifq_beneficiary_get_caregivers (saved)->len, ==, 1);
  back = g_ptr_array_index (rifq_beneficiary_get_caregivers (saved), 0);
  g_assert_cmpstr (back->name, ==, "سارة محمد الدوسري");
  g_assert_cmpstr (back->relation, ==, "ابنة");
  g_assert_cmpstr (back->mobile, ==, "+966551112222");
  g_assert_true (back->is_guardian);
}

static void
test_caregiver_bad_mobile_named (void)
{
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "حصة", "الدوسري", "0501234567");
  g_autoptr(GPtrArray) problems = NULL;
  RifqCaregiver *c = rifq_caregiver_new ();
  RifqProblem *p;

  c->name = g_strdup ("سارة");
  c->relation = g_strdup ("ابنة");
  c->mobile = g_strdup ("12345");
  rifq_beneficiary_add_caregiver (b, c);
  problems = rifq_beneficiary_validate (b, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpint (p->caregiver, ==, 0);
  g_assert_nonnull (strstr (p->message, "Caregiver 1"));
}

static void
test_add_many_all_or_nothing (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567"));
  g_ptr_array_add (people, rifq_test_beneficiary ("1000000001", "فهد", "الحربي", "0559876543"));
  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_3, "نورة", "العتيبي", "0561234567"));

  g_assert_false (rifq_beneficiary_store_add_many (db, people, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Record 2:"));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_AUDIT_SQL), ==, 0);

  g_clear_error (&error);
  rifq_beneficiary_set (g_ptr_array_index (people, 1), RIFQ_FIELD_NATIONAL_ID, RIFQ_TEST_ID_2);
  g_assert_true (rifq_beneficiary_store_add_many (db, people, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 3);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'create' AND record_kind = 'beneficiary'"), ==, 3);
}

static void
test_add_many_refuses_repeated_id (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567"));
  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_1, "فهد", "الحربي", "0559876543"));
  g_assert_false (rifq_beneficiary_store_add_many (db, people, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/beneficiary/validate/message-names-the-field", test_validate_names_the_field);
  g_test_add_func ("/beneficiary/validate/required-fields-named", test_validate_required_fields);
  g_test_add_func ("/beneficiary/validate/normalises-digits-phone-and-hijri-date", test_validate_normalises_what_was_typed);
  g_test_add_func ("/beneficiary/validate/refuses-unknown-choice", test_validate_refuses_unknown_choice);
  g_test_add_func ("/beneficiary/add/writes-audit-row", test_add_writes_audit_row);
  g_test_add_func ("/beneficiary/update/audit-has-before-and-after", test_update_audit_has_before_and_after);
  g_test_add_func ("/beneficiary/update/over-a-newer-version-refused-naming-who-and-when",
                   test_update_over_newer_version_refused);
  g_test_add_func ("/beneficiary/add/refused-when-id-exists", test_add_refused_when_id_exists);
  g_test_add_func ("/beneficiary/duplicates/same-name-and-birth-needs-reason", test_probable_duplicate_same_name_and_birth);
  g_test_add_func ("/beneficiary/duplicates/same-mobile-shown", test_probable_duplicate_same_mobile);
  g_test_add_func ("/beneficiary/add/bad-input-writes-nothing", test_bad_input_writes_nothing);
  g_test_add_func ("/beneficiary/add/refuses-unknown-channel", test_refuses_unknown_channel);
  g_test_add_func ("/beneficiary/validate/text-fields-within-their-length", test_text_fields_within_their_length);
  g_test_add_func ("/beneficiary/caregivers/round-trip", test_caregivers_round_trip);
  g_test_add_func ("/beneficiary/caregivers/bad-mobile-named", test_caregiver_bad_mobile_named);
  g_test_add_func ("/beneficiary/add-many/all-or-nothing", test_add_many_all_or_nothing);
  g_test_add_func ("/beneficiary/add-many/refuses-repeated-id", test_add_many_refuses_repeated_id);

  return g_test_run ();
}
