/* test-json.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-beneficiary-json.h"
#include "rifq-error.h"
#include "rifq-test-util.h"

#define GOOD_RECORD \
  "{\n" \
  "  \"national_id\": \"1000000008\",\n" \
  "  \"first_name\": \"محمد\",\n" \
  "  \"father_name\": \"عبدالله\",\n" \
  "  \"grandfather_name\": \"سعد\",\n" \
  "  \"family_name\": \"القحطاني\",\n" \
  "  \"sex\": \"male\",\n" \
  "  \"birth_date\": \"1950-03-08\",\n" \
  "  \"mobile\": \"0501234567\",\n" \
  "  \"city\": \"الرياض\",\n" \
  "  \"living_situation\": \"alone\",\n" \
  "  \"household_size\": 1,\n" \
  "  \"consent\": true,\n" \
  "  \"caregivers\": [ { \"name\": \"سارة\", \"relation\": \"ابنة\", \"is_guardian\": true } ]\n" \
  "}"

static void
assert_refused (const char *json,
                const char *expected_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsed = rifq_beneficiary_parse_json (json, -1, &error);

  g_assert_null (parsed);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  if (strstr (error->message, expected_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected_part);
}

static void
test_parse_good_record (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsed = rifq_beneficiary_parse_json (GOOD_RECORD, -1, &error);
  RifqBeneficiary *b;
  RifqCaregiver *c;

  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 1);
  b = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_FAMILY_NAME), ==, "القحطاني");
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_HOUSEHOLD_SIZE), ==, "1");
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_CONSENT), ==, "true");
  c = g_ptr_array_index (rifq_beneficiary_get_caregivers (b), 0);
  g_assert_cmpstr (c->relation, ==, "ابنة");
  g_assert_true (c->is_guardian);
}

static void
test_refuses_malformed_with_line (void)
{
  assert_refused ("[\n" GOOD_RECORD ",\n{ \"national_id\": \"1000000016\",, }\n]", ":17:");
  assert_refused ("", "empty");
}

static void
test_refuses_unknown_field_with_line (void)
{
  assert_refused ("[\n" GOOD_RECORD ",\n{\n  \"national_id\": \"1000000016\",\n  \"shoe_size\": 42\n}\n]",
                  "Line 17: “shoe_size” is not a beneficiary field");
}

static void
test_refuses_missing_field (void)
{
  assert_refused ("{ \"national_id\": \"1000000008\", \"first_name\": \"محمد\" }",
                  "“father_name”");
}

static void
test_refuses_wrong_type (void)
{
  g_autofree char *json = g_strdup (GOOD_RECORD);
  char *consent = strstr (json, "true,");

  memcpy (consent, "\"ok\"", 4);
  assert_refused (json, "“consent” must be true or false");
  assert_refused ("[1, 2]", "must be a JSON object");
}

static void
test_round_trip (void)
{
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "نورة", "العتيبي", "+966501234567");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RifqBeneficiary *again;

  rifq_beneficiary_set (b, RIFQ_FIELD_MONTHLY_INCOME, "2500");
  rifq_beneficiary_set (b, RIFQ_FIELD_HEALTH_NOTES, "ضغط وسكري");
  node = rifq_beneficiary_to_json (b);
  text = json_to_string (node, TRUE);
  /* Hijri beside Gregorian in what is shown. */
  g_assert_nonnull (strstr (text, "\"birth_date_hijri\" : \"1369-05-"));

  back = rifq_beneficiary_parse_json (text, -1, &error);
  g_assert_no_error (error);
  again = g_ptr_array_index (back, 0);
  for (guint i = 0; i < RIFQ_N_FIELDS; i++)
    g_assert_cmpstr (rifq_beneficiary_get (again, i), ==, rifq_beneficiary_get (b, i));
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/json/parse/good-record", test_parse_good_record);
  g_test_add_func ("/json/parse/refuses-malformed-naming-line", test_refuses_malformed_with_line);
  g_test_add_func ("/json/parse/refuses-unknown-field-naming-line", test_refuses_unknown_field_with_line);
  g_test_add_func ("/json/parse/refuses-missing-required-field", test_refuses_missing_field);
  g_test_add_func ("/json/parse/refuses-wrong-type", test_refuses_wrong_type);
  g_test_add_func ("/json/round-trip-keeps-every-field", test_round_trip);

  return g_test_run ();
}
