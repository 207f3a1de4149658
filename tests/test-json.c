/* test-json.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-beneficiary-json.h"
#include "rifq-error.h"
#include "rifq-json.h"
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
  assert_refused ("[\n" GOOD_RECORD ",\n{ \"national_id\": \"1000000016\",, }\n]", "line 17, column 31");
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

/* What the check says about text, or NULL when it is accepted. */
static char *
checked (const char *json)
{
  g_autoptr(GError) error = NULL;

  if (rifq_json_check (json, -1, &error))
    return NULL;
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  return g_strdup (error->message);
}

#define assert_checked_says(json, expected_part) \
  G_STMT_START { \
    g_autofree char *said_ = checked (json); \
    if (said_ == NULL || strstr (said_, (expected_part)) == NULL) \
      g_error ("%s: “%s” does not say “%s”", (json), said_ ? said_ : "(accepted)", (expected_part)); \
  } G_STMT_END

static void
test_json_lines_names_line_2 (void)
{
  g_autofree char *two = NULL;
  g_autofree char *record = g_strdup (GOOD_RECORD);

  /* jq -c writes one record a line: json-glib kept the first and dropped the rest. */
  g_strdelimit (record, "\n", ' ');
  two = g_strdup_printf ("%s\n%s\n", record, record);
  assert_refused (two, "line 2, column 1: a second JSON value begins here");
}

static void
test_back_to_back_names_column (void)
{
  assert_refused ("{ \"national_id\": \"1000000008\" }{ \"national_id\": \"1000000016\" }",
                  "line 1, column 32: a second JSON value begins here");
  assert_checked_says ("[1] x", "line 1, column 5: a second JSON value begins here");
  assert_checked_says ("[1] ]", "line 1, column 5: there is more after the end of the JSON");
}

static void
test_refuses_what_json_does_not_have (void)
{
  /* Each of these json-glib's parser took (or took a part of) without a word. */
  assert_checked_says ("{'national_id': '1000000008'}", "line 1, column 2: text must be in double quotes");
  assert_checked_says ("{\"a\": 1 /* note */}", "line 1, column 9: comments are not part of JSON");
  assert_checked_says ("// note\n{\"a\": 1}", "line 1, column 1: comments are not part of JSON");
  assert_checked_says ("var x = {\"a\": 1};", "line 1, column 1: the JSON must be one object or one array");
  assert_checked_says ("{\"a\": 0x10}", "line 1, column 7: a number is written in a way JSON does not allow");
  assert_checked_says ("{\"a\": 012}", "a number is written in a way JSON does not allow");
  assert_checked_says ("{\"a\": .5}", "a number is written in a way JSON does not allow");
  assert_checked_says ("{\"a\": NaN}", "“NaN” is not a JSON value");
  assert_checked_says ("{\"a\": [1, 2, ]}", "a comma is followed by no more before “]”");
  assert_checked_says ("{\"a\": 1, }", "a comma is followed by no more before “}”");
  assert_checked_says ("{a: 1}", "a member name in double quotes was expected here");
  assert_checked_says ("{\"a\": \"line\nbreak\"}", "must be written as an escape");
  assert_checked_says ("{\"a\": \"\\x41\"}", "a backslash in a string must begin one of the escapes");
  assert_checked_says ("{\"a\": \"\\ud800\"}", "half a character");
  assert_checked_says ("{\"a\": \"open}", "line 1, column 7: a string begun here is not closed");
  assert_checked_says ("{\"a\": 1", "the JSON ends before it is complete");
  assert_checked_says ("{\"a\": 1, \"\\u0061\": 2}", "the member “a” appears twice in one object");
  assert_checked_says ("\xff{}", "the text is not valid UTF-8");
}

static void
test_nul_in_string_refused (void)
{
  g_autofree char *json = g_strdup (GOOD_RECORD);
  char *name = strstr (json, "\"سعد\"");

  /* json-glib cut the name at \u0000: "x\u0000y" was kept as "x". */
  assert_checked_says ("{\"a\": \"x\\u0000y\"}", "line 1, column 9: a string may not hold the character U+0000");
  memcpy (name, "\"\\u0000\"", strlen ("\"\\u0000\""));
  assert_refused (json, "line 5, column 24: a string may not hold the character U+0000");
  /* And a NUL byte itself, within the length given. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rifq_json_check ("{\"a\": \"x\0y\"}", 12, &error));
    g_assert_nonnull (strstr (error->message, "the text holds the character U+0000"));
  }
}

static void
test_empty_batch_says_so (void)
{
  assert_refused ("[]", "The list [ ] is empty: there is no beneficiary to add. Nothing was saved.");
  assert_refused (" \n ", "The JSON is empty. Nothing was saved.");
}

static void
test_deep_nesting_refused_before_parsing (void)
{
  /* 75,000 levels, 150 KB: json-glib's parser ran out of stack on it and the program died. */
  gsize depth = 75000;
  g_autofree char *deep = g_malloc (2 * depth + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  memset (deep, '[', depth);
  memset (deep + depth, ']', depth);
  deep[2 * depth] = '\0';
  node = rifq_json_parse (deep, -1, &error);
  g_assert_null (node);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 1, column 33: the JSON is nested more than 32 levels deep"));
  assert_refused (deep, "nested more than 32 levels deep");

  /* As deep as allowed is read. */
  memset (deep + RIFQ_JSON_MAX_DEPTH, ']', RIFQ_JSON_MAX_DEPTH);
  deep[2 * RIFQ_JSON_MAX_DEPTH] = '\0';
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);
  node = rifq_json_parse (deep, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

static void
test_larger_than_limit_refused (void)
{
  gsize size = RIFQ_JSON_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;

  memset (big, ' ', size);
  big[0] = '[';
  big[size - 1] = ']';
  big[size] = '\0';
  g_assert_false (rifq_json_check (big, (gssize) size, &error));
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "; at most 32.0\u00a0MB is read"));
}

static void
test_strict_json_accepted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  /* A byte-order mark, every escape, a surrogate pair, numbers of every form. */
  node = rifq_json_parse ("\xef\xbb\xbf { \"t\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\ud83d\\ude00\","
                          " \"n\": [0, -1, 2.5, 1e3, -0.25E-2], \"l\": [true, false, null, {}, []] }\r\n",
                          -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "t"), ==, "\" \\ / \b \f \n \r \t A 😀");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "n")), ==, 5);
}

/* Found by tests/fuzz/fuzz-json: a string holding U+001F was written as it is, which JSON does
 * not allow, and what Rifq wrote it could not read back. */
static void
test_control_characters_read_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = rifq_json_parse ("{\"a\": \"نص \\u001f\\u0001 \\n\\t\"}", -1, &error);
  g_autofree char *written = NULL;
  g_autoptr(JsonNode) again = NULL;

  g_assert_no_error (error);
  written = rifq_json_to_text (read);
  again = rifq_json_parse (written, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (again), "a"), ==, "نص \x1f\x01 \n\t");
}

/* Found by tests/fuzz/fuzz-json: 3e999 was read as infinity, which JSON cannot write. */
static void
test_refuses_infinite_number (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = rifq_json_parse ("[1, -3e999]", -1, &error);

  g_assert_null (read);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);
  /* Large, but a number all the same. */
  g_clear_pointer (&read, json_node_unref);
  read = rifq_json_parse ("[1e308, 123456789012345678]", -1, &error);
  g_assert_no_error (error);
}

/* Found by tests/fuzz/fuzz-json: json-glib writes 3e22 as "3e+22.0", which is not JSON; in a
 * string, the same letters stay as they are. */
static void
test_exponent_written_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = rifq_json_parse ("[3e22, 1.5e-7, \"3e+22.0 true\", true, 2]", -1, &error);
  g_autofree char *written = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonArray *array;

  g_assert_no_error (error);
  written = rifq_json_to_text (read);
  again = rifq_json_parse (written, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (again);
  g_assert_cmpfloat (json_array_get_double_element (array, 0), ==, 3e22);
  g_assert_cmpfloat (json_array_get_double_element (array, 1), ==, 1.5e-7);
  g_assert_cmpstr (json_array_get_string_element (array, 2), ==, "3e+22.0 true");
  g_assert_true (json_array_get_boolean_element (array, 3));
  g_assert_cmpint (json_array_get_int_element (array, 4), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/json/parse/good-record", test_parse_good_record);
  g_test_add_func ("/json/write/control-characters-read-back", test_control_characters_read_back);
  g_test_add_func ("/json/parse/refuses-number-too-large-to-write-back", test_refuses_infinite_number);
  g_test_add_func ("/json/write/exponent-read-back", test_exponent_written_back);
  g_test_add_func ("/json/parse/refuses-malformed-naming-line", test_refuses_malformed_with_line);
  g_test_add_func ("/json/parse/refuses-unknown-field-naming-line", test_refuses_unknown_field_with_line);
  g_test_add_func ("/json/parse/refuses-missing-required-field", test_refuses_missing_field);
  g_test_add_func ("/json/parse/refuses-wrong-type", test_refuses_wrong_type);
  g_test_add_func ("/json/round-trip-keeps-every-field", test_round_trip);
  g_test_add_func ("/json/refused/json-lines-names-line-2", test_json_lines_names_line_2);
  g_test_add_func ("/json/refused/objects-back-to-back-name-the-column", test_back_to_back_names_column);
  g_test_add_func ("/json/refused/what-strict-json-does-not-have", test_refuses_what_json_does_not_have);
  g_test_add_func ("/json/refused/nul-inside-a-string", test_nul_in_string_refused);
  g_test_add_func ("/json/refused/empty-batch-says-so", test_empty_batch_says_so);
  g_test_add_func ("/json/refused/75000-levels-deep-without-crashing", test_deep_nesting_refused_before_parsing);
  g_test_add_func ("/json/refused/larger-than-32-mb", test_larger_than_limit_refused);
  g_test_add_func ("/json/accepted/strict-json-with-every-escape", test_strict_json_accepted);

  return g_test_run ();
}
