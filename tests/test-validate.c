/* test-validate.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib.h>

#include "rifq-error.h"
#include "rifq-validate.h"

#define NATIONAL_ID "National ID"
#define MOBILE      "Mobile"
#define HOUSEHOLD   "Household size"
#define BIRTH_DATE  "Date of birth"
#define FULL_NAME   "Full name"

typedef struct
{
  const char *input;
  const char *expected;
} Accepted;

typedef struct
{
  const char *input;
  const char *phrase;   /* the part of the message that says what is wrong */
} Refused;

/* The message names the field and says what is wrong. */
static void
assert_refusal (const GError *error,
                const char   *input,
                const char   *field_label,
                const char   *phrase)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", field_label);

  if (error == NULL)
    {
      g_test_fail_printf ("\"%s\" was accepted, expected a refusal mentioning \"%s\"", input, phrase);
      return;
    }

  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);

  if (!g_str_has_prefix (error->message, prefix))
    g_test_fail_printf ("\"%s\": message \"%s\" does not start with the field name",
                        input, error->message);

  if (strstr (error->message, phrase) == NULL)
    g_test_fail_printf ("\"%s\": message \"%s\" does not say \"%s\"", input, error->message, phrase);
}

static void
check_national_id_accepted (const Accepted *cases,
                            guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      if (!rifq_validate_national_id (cases[i].input, NATIONAL_ID, &normalized, &error))
        {
          g_test_fail_printf ("\"%s\" was refused: %s", cases[i].input, error->message);
          continue;
        }

      if (g_strcmp0 (normalized, cases[i].expected) != 0)
        g_test_fail_printf ("\"%s\" became \"%s\", expected \"%s\"",
                            cases[i].input, normalized, cases[i].expected);
    }
}

static void
check_national_id_refused (const Refused *cases,
                           guint          n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      if (rifq_validate_national_id (cases[i].input, NATIONAL_ID, &normalized, &error))
        {
          g_test_fail_printf ("\"%s\" was accepted as %s", cases[i].input, normalized);
          continue;
        }

      g_assert_null (normalized);
      assert_refusal (error, cases[i].input, NATIONAL_ID, cases[i].phrase);
    }
}

static void
test_national_id_accepted_citizen (void)
{
  static const Accepted cases[] = {
    { "1000000008", "1000000008" },
    { "1098765439", "1098765439" },
    { "1122334459", "1122334459" },
  };

  check_national_id_accepted (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_accepted_resident (void)
{
  /* An iqama starts with 2. */
  static const Accepted cases[] = {
    { "2000000006", "2000000006" },
    { "2123456788", "2123456788" },
    { "2999999994", "2999999994" },
  };

  check_national_id_accepted (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_accepted_arabic_indic_digits (void)
{
  static const Accepted cases[] = {
    { "١٠٠٠٠٠٠٠٠٨", "1000000008" },
    { "۲۰۰۰۰۰۰۰۰۶", "2000000006" },
    { "٢١٢٣٤56788", "2123456788" },
  };

  check_national_id_accepted (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_accepted_with_spaces_and_dashes (void)
{
  static const Accepted cases[] = {
    { " 1000000008 ", "1000000008" },
    { "1 000 000 008", "1000000008" },
    { "1000-000-008", "1000000008" },
    { "\u200f١٠٠٠ ٠٠٠ ٠٠٨", "1000000008" },
  };

  check_national_id_accepted (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_refused_when_empty (void)
{
  static const Refused cases[] = {
    { "", "is required" },
    { "   ", "is required" },
    { " - ", "is required" },
  };

  check_national_id_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_refused_when_wrong_length (void)
{
  static const Refused cases[] = {
    { "100000008", "must be 10 digits" },
    { "10000000080", "must be 10 digits" },
    { "1", "must be 10 digits" },
    { "١٠٠٠٠٠٠٠٨", "must be 10 digits" },
  };

  check_national_id_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_refused_when_not_digits (void)
{
  static const Refused cases[] = {
    { "10000000O8", "digits only" },
    { "+1000000008", "digits only" },
    { "رقم 1000000008", "digits only" },
  };

  check_national_id_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_refused_when_first_digit_wrong (void)
{
  static const Refused cases[] = {
    /* Luhn-valid, but neither citizen nor resident. */
    { "0000000000", "must start with 1 for a citizen or 2 for a resident" },
    { "3000000004", "must start with 1 for a citizen or 2 for a resident" },
    { "٩٠٠٠٠٠٠٠٠٠", "must start with 1 for a citizen or 2 for a resident" },
  };

  check_national_id_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_refused_when_check_digit_wrong (void)
{
  static const Refused cases[] = {
    { "1000000000", "check digit does not match" },
    { "1000000009", "check digit does not match" },
    { "2123456789", "check digit does not match" },
    { "١٠٠٠٠٠٠٠٠٠", "check digit does not match" },
    /* Two digits swapped: the classic misreading. */
    { "1098765349", "check digit does not match" },
  };

  check_national_id_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_national_id_messages_distinct (void)
{
  static const char *inputs[] = { "", "12345", "3000000004", "1000000000" };
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (rifq_validate_national_id (inputs[i], NATIONAL_ID, NULL, &error));
      for (guint j = 0; j < messages->len; j++)
        g_assert_cmpstr (error->message, !=, g_ptr_array_index (messages, j));
      g_ptr_array_add (messages, g_strdup (error->message));
    }
}

static void
test_luhn_only_check_digit_differs (void)
{
  static const char *bodies[] = { "100000000", "200000000", "212345678", "109876543", "000000000" };

  /* For every body exactly one of the ten check digits is valid. */
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      guint valid = 0;

      for (char check = '0'; check <= '9'; check++)
        {
          g_autofree char *number = g_strdup_printf ("%s%c", bodies[i], check);

          if (rifq_luhn_valid (number))
            valid++;
        }

      g_assert_cmpuint (valid, ==, 1);
    }
}

static void
test_luhn_all_zero_body (void)
{
  g_assert_true (rifq_luhn_valid ("0000000000"));
  g_assert_true (rifq_luhn_valid ("1000000008"));
  g_assert_false (rifq_luhn_valid ("1000000000"));
  g_assert_true (rifq_luhn_valid ("2000000006"));
  g_assert_false (rifq_luhn_valid ("2000000000"));
}

static void
test_luhn_refuses_non_digits (void)
{
  g_assert_false (rifq_luhn_valid (""));
  g_assert_false (rifq_luhn_valid ("10000 00008"));
  g_assert_false (rifq_luhn_valid ("١٠٠٠٠٠٠٠٠٨"));
  g_assert_false (rifq_luhn_valid ("abc"));
}

static void
test_mobile_accepted (void)
{
  static const Accepted cases[] = {
    { "0551234567", "+966551234567" },
    { "551234567", "+966551234567" },
    { "966551234567", "+966551234567" },
    { "+966551234567", "+966551234567" },
    { "00966551234567", "+966551234567" },
    { "055 123 4567", "+966551234567" },
    { "055-123-4567", "+966551234567" },
    { "+966 55 123 4567", "+966551234567" },
    { "+966 055 123 4567", "+966551234567" },
    { "٠٥٥١٢٣٤٥٦٧", "+966551234567" },
    { "٠٥٠ ٩٨٧ ٦٥٤٣", "+966509876543" },
    { "+٩٦٦٥٠٩٨٧٦٥٤٣", "+966509876543" },
    { "۰۵۹۱۱۱۲۲۲۳", "+966591112223" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      if (!rifq_validate_mobile (cases[i].input, MOBILE, &normalized, &error))
        {
          g_test_fail_printf ("\"%s\" was refused: %s", cases[i].input, error->message);
          continue;
        }

      if (g_strcmp0 (normalized, cases[i].expected) != 0)
        g_test_fail_printf ("\"%s\" became \"%s\", expected \"%s\"",
                            cases[i].input, normalized, cases[i].expected);
    }
}

static void
test_mobile_refused (void)
{
  static const Refused cases[] = {
    { "", "is required" },
    { "  ", "is required" },
    { "05512345", "must be 10 digits starting with 05" },
    { "055123456789", "must be 10 digits starting with 05" },
    { "٠٥٥١٢٣٤٥٦", "must be 10 digits starting with 05" },
    { "0112345678", "such as 05XXXXXXXX" },    /* a Riyadh landline */
    { "+9661123456789", "such as 05XXXXXXXX" },
    { "+201001234567", "other countries" },
    { "0020551234567", "other countries" },
    { "055123456a", "digits only" },
    { "05+51234567", "digits only" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      if (rifq_validate_mobile (cases[i].input, MOBILE, &normalized, &error))
        {
          g_test_fail_printf ("\"%s\" was accepted as %s", cases[i].input, normalized);
          continue;
        }

      g_assert_null (normalized);
      assert_refusal (error, cases[i].input, MOBILE, cases[i].phrase);
    }
}

static void
test_count_accepted (void)
{
  static const struct
  {
    const char *input;
    gint64      expected;
  } cases[] = {
    { "0", 0 },
    { "7", 7 },
    { " 12 ", 12 },
    { "١٢", 12 },
    { "12,500", 12500 },
    { "١٢٬٥٠٠", 12500 },
    { "1,000,000", 1000000 },   /* max is inclusive */
    { "100000", 100000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      if (!rifq_validate_count (cases[i].input, HOUSEHOLD, 1000000, &value, &error))
        g_test_fail_printf ("\"%s\" was refused: %s", cases[i].input, error->message);
      else if (value != cases[i].expected)
        g_test_fail_printf ("\"%s\" became %" G_GINT64_FORMAT, cases[i].input, value);
    }
}

static void
test_count_refused (void)
{
  static const Refused cases[] = {
    { "", "is required" },
    { "-3", "cannot be negative" },
    { " −3", "cannot be negative" },
    { "2-3", "whole number" },
    { "3.5", "whole number" },
    { "٣٫٥", "whole number" },
    { "three", "whole number" },
    { "1,25", "thousands separators" },
    { ",500", "thousands separators" },
    { "12,50,0", "thousands separators" },
    { "1000001", "the number is too large: at most 1000000" },
    { "99999999999999999999999", "the number is too large: at most 1000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      if (rifq_validate_count (cases[i].input, HOUSEHOLD, 1000000, &value, &error))
        {
          g_test_fail_printf ("\"%s\" was accepted as %" G_GINT64_FORMAT, cases[i].input, value);
          continue;
        }

      g_assert_cmpint (value, ==, -1);
      assert_refusal (error, cases[i].input, HOUSEHOLD, cases[i].phrase);
    }
}

/* Past what a number can hold at all: too large, not "invalid", and not a wrapped negative. */
static void
test_count_beyond_any_number_too_large (void)
{
  const char *inputs[] = { "99999999999999999999", "9223372036854775808", "٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_assert_false (rifq_validate_count (inputs[i], "Amount", G_MAXINT64, &value, &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "Amount: the number is too large");
    }
}

static void
test_birth_date_accepted (void)
{
  static const Accepted cases[] = {
    { "1950-03-12", "1950-03-12" },
    { "12/03/1950", "1950-03-12" },
    { "١٢/٠٣/١٩٥٠", "1950-03-12" },
    { "1369/05/20", "1950-03-09" },
    { "٢٠/٠٥/١٣٦٩ هـ", "1950-03-09" },
    { "2024-08-25", "2024-08-25" },          /* today */
    { "1880-01-01", "1880-01-01" },
    { "01/01/1343", "1924-08-01" },
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, G_DATE_AUGUST, 2024);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      if (!rifq_validate_birth_date (cases[i].input, BIRTH_DATE, &today, &iso, &error))
        g_test_fail_printf ("\"%s\" was refused: %s", cases[i].input, error->message);
      else if (g_strcmp0 (iso, cases[i].expected) != 0)
        g_test_fail_printf ("\"%s\" became %s, expected %s", cases[i].input, iso, cases[i].expected);
    }
}

static void
test_birth_date_refused (void)
{
  static const Refused cases[] = {
    { "", "is required" },
    { "2024-08-26", "cannot be in the future" },
    { "1446/02/22", "cannot be in the future" },
    { "٢٠٣٠/٠١/٠١", "cannot be in the future" },
    { "1879-12-31", "cannot be before 1880" },
    { "1296/12/01 هـ", "cannot be before 1880" },
    { "1950-02-30", "does not exist" },
    { "1950-13-01", "month must be between 1 and 12" },
    { "12/3/50", "year in full" },
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, G_DATE_AUGUST, 2024);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      if (rifq_validate_birth_date (cases[i].input, BIRTH_DATE, &today, &iso, &error))
        {
          g_test_fail_printf ("\"%s\" was accepted as %s", cases[i].input, iso);
          continue;
        }

      g_assert_null (iso);
      assert_refusal (error, cases[i].input, BIRTH_DATE, cases[i].phrase);
    }
}

static void
test_birth_date_defaults_to_now (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *future = g_date_time_format (next_year, "%Y-%m-%d");

  g_assert_true (rifq_validate_birth_date ("1950-03-12", BIRTH_DATE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rifq_validate_birth_date (future, BIRTH_DATE, NULL, NULL, &error));
  assert_refusal (error, future, BIRTH_DATE, "cannot be in the future");
}

static void
test_required (void)
{
  static const Accepted accepted[] = {
    { "محمد", "محمد" },
    { "  محمد   بن\tسعد  ", "محمد بن سعد" },
    { "\n Saad \n", "Saad" },
    { "نورة\u00a0العتيبي", "نورة العتيبي" },
  };
  static const char *refused[] = { "", " ", "\t\n ", "\u00a0" };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *trimmed = NULL;

      g_assert_true (rifq_validate_required (accepted[i].input, FULL_NAME, &trimmed, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (trimmed, ==, accepted[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *trimmed = NULL;

      g_assert_false (rifq_validate_required (refused[i], FULL_NAME, &trimmed, &error));
      g_assert_null (trimmed);
      assert_refusal (error, refused[i], FULL_NAME, "is required");
    }
}

/* The message of a text refused, or NULL when accepted. */
static char *
text_refusal (const char   *text,
              RifqTextKind  kind)
{
  g_autoptr(GError) error = NULL;

  if (rifq_validate_text (text, kind, "Field", &error))
    return NULL;
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  return g_strdup (error->message);
}

static void
test_text_lengths (void)
{
  static const struct { RifqTextKind kind; guint max; } kinds[] = {
    { RIFQ_TEXT_NAME, 100 }, { RIFQ_TEXT_FULL_NAME, 200 }, { RIFQ_TEXT_LINE, 300 }, { RIFQ_TEXT_NOTES, 4000 },
    { RIFQ_TEXT_USER_NAME, 32 }, { RIFQ_TEXT_DOCUMENT_NUMBER, 40 }, { RIFQ_TEXT_FILE_NAME, 255 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *expected = g_strdup_printf ("Field: may be at most %u characters long", kinds[i].max);
      g_autofree char *refused = NULL;

      /* Counted in characters, not bytes: Arabic letters take two bytes each. */
      for (guint n = 0; n < kinds[i].max; n++)
        g_string_append (text, kinds[i].kind == RIFQ_TEXT_USER_NAME || kinds[i].kind == RIFQ_TEXT_DOCUMENT_NUMBER
                               ? "a" : "ع");
      g_assert_cmpuint (rifq_text_max_length (kinds[i].kind), ==, kinds[i].max);
      g_assert_null (text_refusal (text->str, kinds[i].kind));
      g_string_append_c (text, 'a');
      refused = text_refusal (text->str, kinds[i].kind);
      g_assert_cmpstr (refused, ==, expected);
    }
  g_assert_null (text_refusal (NULL, RIFQ_TEXT_NAME));
}

static void
test_text_ten_megabytes_refused (void)
{
  gsize size = 10 * 1000 * 1000;
  g_autofree char *huge = g_malloc (size + 1);
  g_autofree char *refused = NULL;

  memset (huge, ' ', size);
  huge[size] = '\0';
  refused = text_refusal (huge, RIFQ_TEXT_NAME);
  g_assert_cmpstr (refused, ==, "Field: may be at most 100 characters long");
}

static void
test_text_plain_only (void)
{
  g_autofree char *invalid = text_refusal ("\xc3\x28", RIFQ_TEXT_NAME);
  g_autofree char *escape = text_refusal ("سعد\x1b[2J", RIFQ_TEXT_NAME);
  g_autofree char *line_break = text_refusal ("سعد\nالقحطاني", RIFQ_TEXT_FULL_NAME);
  g_autofree char *bell = text_refusal ("سطر\a", RIFQ_TEXT_NOTES);

  g_assert_cmpstr (invalid, ==, "Field: is not valid text (UTF-8)");
  g_assert_cmpstr (escape, ==, "Field: must be one line of plain text, without line breaks or control characters");
  g_assert_nonnull (line_break);
  g_assert_cmpstr (bell, ==, "Field: holds a control character: type plain text");
  /* Notes keep their lines and tabs. */
  g_assert_null (text_refusal ("سطر أول\r\n\tسطر ثان", RIFQ_TEXT_NOTES));
}

static void
test_text_alphabets (void)
{
  const char *user_names[] = { "noura", "n.otaibi", "desk_1", "x-y", "noura@ruhamaa.org", "_svc", "ROOT" };
  const char *not_user_names[] = { "", "نورة", "noura otaibi", "-rf", ".x", "a/b", "a;b", "a$" };
  const char *numbers[] = { "1234", "AB-12/3", "SA03 8000 0000 6080", "1445.77" };
  const char *not_numbers[] = { "", "١٢٣", "١٢٣/أ", "12<b>", "12_3", "--", " / " };

  for (guint i = 0; i < G_N_ELEMENTS (user_names); i++)
    g_assert_null (text_refusal (user_names[i], RIFQ_TEXT_USER_NAME));
  for (guint i = 0; i < G_N_ELEMENTS (not_user_names); i++)
    {
      g_autofree char *refused = text_refusal (not_user_names[i], RIFQ_TEXT_USER_NAME);

      g_assert_cmpstr (refused, ==, "Field: use only Latin letters, digits and . _ - @, starting with a letter, "
                                    "a digit or _");
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_assert_null (text_refusal (numbers[i], RIFQ_TEXT_DOCUMENT_NUMBER));
  for (guint i = 0; i < G_N_ELEMENTS (not_numbers); i++)
    {
      g_autofree char *refused = text_refusal (not_numbers[i], RIFQ_TEXT_DOCUMENT_NUMBER);

      g_assert_cmpstr (refused, ==, "Field: use only digits, Latin letters, spaces and - / .");
    }
}

/* One form for people everywhere: 05XXXXXXXX, from what the store keeps. */
static void
test_mobile_formatted_as_dialled (void)
{
  g_autofree char *stored = rifq_validate_format_mobile ("+966551234567");
  g_autofree char *other = rifq_validate_format_mobile ("+441234567890");

  g_assert_cmpstr (stored, ==, "0551234567");
  g_assert_cmpstr (other, ==, "+441234567890");
  g_assert_null (rifq_validate_format_mobile (NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/national-id/accepted-citizen", test_national_id_accepted_citizen);
  g_test_add_func ("/validate/national-id/accepted-resident-iqama", test_national_id_accepted_resident);
  g_test_add_func ("/validate/national-id/accepted-arabic-indic-digits",
                   test_national_id_accepted_arabic_indic_digits);
  g_test_add_func ("/validate/national-id/accepted-with-spaces-and-dashes",
                   test_national_id_accepted_with_spaces_and_dashes);
  g_test_add_func ("/validate/national-id/refused-when-empty", test_national_id_refused_when_empty);
  g_test_add_func ("/validate/national-id/refused-when-wrong-length",
                   test_national_id_refused_when_wrong_length);
  g_test_add_func ("/validate/national-id/refused-when-not-digits",
                   test_national_id_refused_when_not_digits);
  g_test_add_func ("/validate/national-id/refused-when-first-digit-not-1-or-2",
                   test_national_id_refused_when_first_digit_wrong);
  g_test_add_func ("/validate/national-id/refused-when-check-digit-wrong",
                   test_national_id_refused_when_check_digit_wrong);
  g_test_add_func ("/validate/national-id/each-refusal-has-its-own-message",
                   test_national_id_messages_distinct);
  g_test_add_func ("/validate/luhn/only-check-digit-differs", test_luhn_only_check_digit_differs);
  g_test_add_func ("/validate/luhn/all-zero-body", test_luhn_all_zero_body);
  g_test_add_func ("/validate/luhn/refuses-non-digits", test_luhn_refuses_non_digits);
  g_test_add_func ("/validate/mobile/accepted-forms", test_mobile_accepted);
  g_test_add_func ("/validate/mobile/refused-says-expected-form", test_mobile_refused);
  g_test_add_func ("/validate/mobile/formatted-as-dialled", test_mobile_formatted_as_dialled);
  g_test_add_func ("/validate/count/accepted", test_count_accepted);
  g_test_add_func ("/validate/count/refused", test_count_refused);
  g_test_add_func ("/validate/count/beyond-any-number-called-too-large", test_count_beyond_any_number_too_large);
  g_test_add_func ("/validate/birth-date/accepted-in-both-calendars", test_birth_date_accepted);
  g_test_add_func ("/validate/birth-date/refused-when-future-or-before-1880", test_birth_date_refused);
  g_test_add_func ("/validate/birth-date/today-defaults-to-now", test_birth_date_defaults_to_now);
  g_test_add_func ("/validate/required/trims-and-refuses-blank", test_required);
  g_test_add_func ("/validate/text/each-kind-has-its-length-in-characters", test_text_lengths);
  g_test_add_func ("/validate/text/ten-megabytes-refused", test_text_ten_megabytes_refused);
  g_test_add_func ("/validate/text/plain-text-only", test_text_plain_only);
  g_test_add_func ("/validate/text/user-names-and-document-numbers-have-an-alphabet", test_text_alphabets);

  return g_test_run ();
}
