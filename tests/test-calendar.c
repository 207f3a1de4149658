/* test-calendar.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "rifq-calendar.h"
#include "rifq-error.h"

#define TABLE_MONTHS 1896
#define TABLE_DAYS   55991

/* Failures reported one by one before the rest are only counted. */
#define MAX_REPORTED_FAILURES 20

typedef struct
{
  int    year;
  int    month;
  GDate  first_day;
  int    days;
} TableRow;

/* The official table, read straight from the source tree, independently of the module. */
static GArray *
read_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *rows;
  const char *source_dir = g_getenv ("RIFQ_SOURCE_DIR");

  if (source_dir != NULL && *source_dir != '\0')
    path = g_build_filename (source_dir, "data", "ummalqura-month-starts.tsv", NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "..", "data", "ummalqura-month-starts.tsv", NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "hijri_year\thijri_month\tgregorian_first_day\tdays");

  rows = g_array_new (FALSE, FALSE, sizeof (TableRow));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      TableRow row;
      guint y, m, d;

      if (*lines[i] == '\0')
        continue;

      g_assert_cmpint (sscanf (lines[i], "%d\t%d\t%u-%u-%u\t%d",
                               &row.year, &row.month, &y, &m, &d, &row.days), ==, 6);
      g_assert_true (g_date_valid_dmy (d, m, y));
      g_date_clear (&row.first_day, 1);
      g_date_set_dmy (&row.first_day, d, m, y);
      g_array_append_val (rows, row);
    }

  return rows;
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
test_table_file_is_contiguous (void)
{
  g_autoptr(GArray) rows = read_table ();
  guint total_days = 0;

  g_assert_cmpuint (rows->len, ==, TABLE_MONTHS);

  for (guint i = 0; i < rows->len; i++)
    {
      const TableRow *row = &g_array_index (rows, TableRow, i);

      total_days += row->days;
      /* The historical part of the official table has a few months of 28 and 31 days. */
      g_assert_cmpint (row->days, >=, 28);
      g_assert_cmpint (row->days, <=, 31);

      if (i > 0)
        {
          const TableRow *prev = &g_array_index (rows, TableRow, i - 1);

          g_assert_cmpuint (g_date_get_julian (&row->first_day), ==,
                            g_date_get_julian (&prev->first_day) + prev->days);
          g_assert_cmpint (row->year * 12 + row->month, ==, prev->year * 12 + prev->month + 1);
        }
    }

  g_assert_cmpuint (total_days, ==, TABLE_DAYS);
}

static void
test_table_range (void)
{
  g_autoptr(GArray) rows = read_table ();
  const TableRow *last_row = &g_array_index (rows, TableRow, rows->len - 1);
  GDate first;
  GDate last;
  GDate expected;

  rifq_calendar_table_range (&first, &last);

  set_date (&expected, 1924, 8, 1);
  g_assert_cmpint (g_date_compare (&first, &expected), ==, 0);
  set_date (&expected, 2077, 11, 16);
  g_assert_cmpint (g_date_compare (&last, &expected), ==, 0);

  g_assert_cmpint (g_date_get_julian (&last), ==,
                   g_date_get_julian (&last_row->first_day) + last_row->days - 1);
}

static void
test_table_every_day_to_hijri (void)
{
  g_autoptr(GArray) rows = read_table ();
  guint failures = 0;
  guint checked = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const TableRow *row = &g_array_index (rows, TableRow, i);

      for (int day = 1; day <= row->days; day++)
        {
          g_autoptr(GError) error = NULL;
          RifqHijriDate hijri = { 0 };
          GDate gregorian = row->first_day;
          gboolean ok;

          g_date_add_days (&gregorian, day - 1);
          ok = rifq_calendar_to_hijri (&gregorian, &hijri, &error);
          checked++;

          if (ok && hijri.year == row->year && hijri.month == row->month && hijri.day == day &&
              !hijri.approximate)
            continue;

          if (++failures <= MAX_REPORTED_FAILURES)
            {
              g_autofree char *iso = rifq_calendar_to_iso (&gregorian);

              g_test_fail_printf ("%s: to_hijri gave %d/%d/%d%s (%s), table says %d/%d/%d",
                                  iso, hijri.day, hijri.month, hijri.year,
                                  hijri.approximate ? " approximate" : "",
                                  error != NULL ? error->message : "no error",
                                  day, row->month, row->year);
            }
        }
    }

  g_assert_cmpuint (checked, ==, TABLE_DAYS);
  if (failures > MAX_REPORTED_FAILURES)
    g_test_message ("%u days disagree with the table in all", failures);
}

static void
test_table_every_day_from_hijri (void)
{
  g_autoptr(GArray) rows = read_table ();
  guint failures = 0;
  guint checked = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const TableRow *row = &g_array_index (rows, TableRow, i);

      for (int day = 1; day <= row->days; day++)
        {
          g_autoptr(GError) error = NULL;
          RifqHijriDate hijri = { row->year, row->month, day, FALSE };
          GDate expected = row->first_day;
          GDate gregorian;
          gboolean ok;

          g_date_clear (&gregorian, 1);
          g_date_add_days (&expected, day - 1);
          ok = rifq_calendar_from_hijri (&hijri, &gregorian, &error);
          checked++;

          if (ok && g_date_get_julian (&gregorian) == g_date_get_julian (&expected))
            continue;

          if (++failures <= MAX_REPORTED_FAILURES)
            {
              g_autofree char *want = rifq_calendar_to_iso (&expected);
              g_autofree char *got = ok ? rifq_calendar_to_iso (&gregorian) : g_strdup (error->message);

              g_test_fail_printf ("%d/%d/%d: from_hijri gave %s, table says %s",
                                  day, row->month, row->year, got, want);
            }
        }
    }

  g_assert_cmpuint (checked, ==, TABLE_DAYS);
  if (failures > MAX_REPORTED_FAILURES)
    g_test_message ("%u days disagree with the table in all", failures);
}

static void
test_table_month_lengths (void)
{
  g_autoptr(GArray) rows = read_table ();

  for (guint i = 0; i < rows->len; i++)
    {
      const TableRow *row = &g_array_index (rows, TableRow, i);
      RifqHijriDate day_after = { row->year, row->month, row->days + 1, FALSE };
      g_autoptr(GError) error = NULL;
      GDate gregorian;

      if (rifq_calendar_hijri_month_days (row->year, row->month) != row->days)
        g_test_fail_printf ("%d/%d: month_days gave %d, table says %d", row->month, row->year,
                            rifq_calendar_hijri_month_days (row->year, row->month), row->days);

      if (rifq_calendar_from_hijri (&day_after, &gregorian, &error))
        g_test_fail_printf ("%d/%d/%d: from_hijri accepted it, but the month has %d days",
                            day_after.day, row->month, row->year, row->days);
      else
        g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
    }
}

static void
test_table_months_of_28_and_31_days (void)
{
  g_autoptr(GError) error = NULL;
  RifqHijriDate ramadan_1343 = { 1343, 9, 29, FALSE };
  RifqHijriDate jumada_1345 = { 1345, 5, 31, FALSE };
  RifqHijriDate hijri;
  GDate date;
  GDate expected;

  /* Ramadan 1343 began on 1925-03-27 and had 28 days. */
  g_assert_cmpint (rifq_calendar_hijri_month_days (1343, 9), ==, 28);
  g_assert_false (rifq_calendar_from_hijri (&ramadan_1343, &date, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "only 28 days"));
  g_clear_error (&error);

  /* Jumada al-Ula 1345 began on 1926-11-06 and had 31 days. */
  g_assert_cmpint (rifq_calendar_hijri_month_days (1345, 5), ==, 31);
  g_assert_true (rifq_calendar_from_hijri (&jumada_1345, &date, &error));
  g_assert_no_error (error);
  set_date (&expected, 1926, 12, 6);
  g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);

  g_assert_true (rifq_calendar_to_hijri (&expected, &hijri, &error));
  g_assert_cmpint (hijri.day, ==, 31);
  g_assert_cmpint (hijri.month, ==, 5);
  g_assert_cmpint (hijri.year, ==, 1345);
}

static void
assert_to_hijri (int year,
                 int month,
                 int day,
                 int hijri_year,
                 int hijri_month,
                 int hijri_day)
{
  g_autoptr(GError) error = NULL;
  RifqHijriDate hijri;
  GDate date;

  set_date (&date, year, month, day);
  g_assert_true (rifq_calendar_to_hijri (&date, &hijri, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hijri.year, ==, hijri_year);
  g_assert_cmpint (hijri.month, ==, hijri_month);
  g_assert_cmpint (hijri.day, ==, hijri_day);
  g_assert_false (hijri.approximate);
}

static void
test_to_hijri_table_ends (void)
{
  g_autoptr(GArray) rows = read_table ();
  const TableRow *last_row = &g_array_index (rows, TableRow, rows->len - 1);

  assert_to_hijri (1924, 8, 1, 1343, 1, 1);
  assert_to_hijri (2077, 11, 16, 1500, 12, last_row->days);
}

static void
test_to_hijri_policy_date (void)
{
  /* The board approved the beneficiary policy on 25 August 2024 = 21 Safar 1446. */
  assert_to_hijri (2024, 8, 25, 1446, 2, 21);
}

static void
test_from_hijri_policy_date (void)
{
  g_autoptr(GError) error = NULL;
  RifqHijriDate hijri = { 1446, 2, 21, FALSE };
  GDate date;
  GDate expected;

  g_assert_true (rifq_calendar_from_hijri (&hijri, &date, &error));
  g_assert_no_error (error);
  set_date (&expected, 2024, 8, 25);
  g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);
}

static void
assert_outside_round_trip (int year,
                           int month,
                           int day,
                           int expected_hijri_year)
{
  g_autoptr(GError) error = NULL;
  RifqHijriDate hijri;
  GDate date;
  GDate back;

  set_date (&date, year, month, day);
  g_assert_true (rifq_calendar_to_hijri (&date, &hijri, &error));
  g_assert_no_error (error);
  g_assert_true (hijri.approximate);
  g_assert_cmpint (hijri.year, ==, expected_hijri_year);
  g_assert_cmpint (hijri.month, >=, 1);
  g_assert_cmpint (hijri.month, <=, 12);
  g_assert_cmpint (hijri.day, >=, 1);
  g_assert_cmpint (hijri.day, <=, 30);

  g_assert_true (rifq_calendar_from_hijri (&hijri, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
}

static void
test_outside_before_table (void)
{
  assert_outside_round_trip (1900, 1, 1, 1317);
  assert_outside_round_trip (1880, 1, 1, 1297);
  assert_outside_round_trip (1924, 7, 30, 1342);
  assert_outside_round_trip (1924, 7, 31, 1342);
}

static void
test_outside_after_table (void)
{
  assert_outside_round_trip (2100, 1, 1, 1523);
  assert_outside_round_trip (2077, 11, 17, 1501);
}

static void
test_outside_round_trip_every_day (void)
{
  /* Ten years on each side of the table, day by day, through ICU. */
  GDate first;
  GDate last;
  GDate date;

  rifq_calendar_table_range (&first, &last);

  for (int side = 0; side < 2; side++)
    {
      date = side == 0 ? first : last;

      for (int i = 0; i < 3653; i++)
        {
          g_autoptr(GError) error = NULL;
          RifqHijriDate hijri;
          GDate back;

          if (side == 0)
            g_date_subtract_days (&date, 1);
          else
            g_date_add_days (&date, 1);

          g_assert_true (rifq_calendar_to_hijri (&date, &hijri, &error));
          g_assert_true (hijri.approximate);
          g_assert_true (rifq_calendar_from_hijri (&hijri, &back, &error));
          g_assert_no_error (error);
          if (g_date_compare (&date, &back) != 0)
            {
              g_autofree char *iso = rifq_calendar_to_iso (&date);
              g_autofree char *back_iso = rifq_calendar_to_iso (&back);

              g_test_fail_printf ("%s → %d/%d/%d → %s", iso, hijri.day, hijri.month, hijri.year,
                                  back_iso);
              return;
            }
        }
    }
}

static void
test_outside_never_lands_inside_table (void)
{
  static const RifqHijriDate months[] = {
    { 1342, 12, 1, FALSE },
    { 1501, 1, 1, FALSE },
  };
  GDate first;
  GDate last;

  rifq_calendar_table_range (&first, &last);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      for (int day = 1; day <= 30; day++)
        {
          g_autoptr(GError) error = NULL;
          RifqHijriDate hijri = months[i];
          GDate date;

          hijri.day = day;
          if (!rifq_calendar_from_hijri (&hijri, &date, &error))
            {
              g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
              continue;
            }

          if (g_date_compare (&date, &first) >= 0 && g_date_compare (&date, &last) <= 0)
            {
              g_autofree char *iso = rifq_calendar_to_iso (&date);

              g_test_fail_printf ("%d/%d/%d is outside the table but became %s, inside it",
                                  day, hijri.month, hijri.year, iso);
            }
        }
    }
}

static void
test_from_hijri_refused_invalid (void)
{
  static const RifqHijriDate invalid[] = {
    { 1343, 2, 30, FALSE },   /* Safar 1343 has 29 days */
    { 1446, 13, 1, FALSE },
    { 1446, 0, 1, FALSE },
    { 1446, 2, 0, FALSE },
    { 1446, 2, 31, FALSE },   /* Safar 1446 has 30 days */
    { 1345, 5, 32, FALSE },
    { 0, 1, 1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_assert_false (rifq_calendar_from_hijri (&invalid[i], &date, &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_from_hijri_refused_day_30_outside_table (void)
{
  g_autoptr(GError) error = NULL;
  RifqHijriDate hijri = { 1600, 1, 1, FALSE };
  GDate date;

  /* Find a 29-day month outside the table, then ask for its 30th day. */
  for (hijri.month = 1; hijri.month <= 12; hijri.month++)
    {
      if (rifq_calendar_hijri_month_days (hijri.year, hijri.month) == 29)
        break;
    }
  g_assert_cmpint (hijri.month, <=, 12);

  hijri.day = 30;
  g_assert_false (rifq_calendar_from_hijri (&hijri, &date, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
}

static void
test_month_days_invalid (void)
{
  g_assert_cmpint (rifq_calendar_hijri_month_days (1446, 0), ==, 0);
  g_assert_cmpint (rifq_calendar_hijri_month_days (1446, 13), ==, 0);
  g_assert_cmpint (rifq_calendar_hijri_month_days (0, 1), ==, 0);
  g_assert_cmpint (rifq_calendar_hijri_month_days (1446, 2), ==, 30);
}

static void
test_month_names_english (void)
{
  static const char *names[] = {
    "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula",
    "Jumada al-Akhirah", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qidah",
    "Dhu al-Hijjah",
  };

  for (int month = 1; month <= 12; month++)
    g_assert_cmpstr (rifq_calendar_hijri_month_name (month), ==, names[month - 1]);
}

static void
test_format_hijri_english (void)
{
  RifqHijriDate hijri = { 1446, 2, 21, FALSE };
  g_autofree char *latin = rifq_calendar_format_hijri (&hijri, RIFQ_DIGITS_LATIN);
  g_autofree char *arabic = rifq_calendar_format_hijri (&hijri, RIFQ_DIGITS_ARABIC);

  g_assert_cmpstr (latin, ==, "21 Safar 1446 AH");
  g_assert_cmpstr (arabic, ==, "٢١ Safar ١٤٤٦ AH");
}

static void
test_format_hijri_approximate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RifqHijriDate hijri;
  GDate date;

  set_date (&date, 1900, 1, 1);
  g_assert_true (rifq_calendar_to_hijri (&date, &hijri, &error));
  text = rifq_calendar_format_hijri (&hijri, RIFQ_DIGITS_LATIN);
  g_assert_true (g_str_has_suffix (text, " 1317 AH (approx.)"));
}

static void
test_format_gregorian_english (void)
{
  GDate date;
  g_autofree char *latin = NULL;
  g_autofree char *arabic = NULL;
  g_autofree char *early = NULL;

  set_date (&date, 2024, 8, 25);
  latin = rifq_calendar_format_gregorian (&date, RIFQ_DIGITS_LATIN);
  arabic = rifq_calendar_format_gregorian (&date, RIFQ_DIGITS_ARABIC);
  g_assert_cmpstr (latin, ==, "25 August 2024");
  g_assert_cmpstr (arabic, ==, "٢٥ August ٢٠٢٤");

  set_date (&date, 1880, 1, 1);
  early = rifq_calendar_format_gregorian (&date, RIFQ_DIGITS_LATIN);
  g_assert_cmpstr (early, ==, "1 January 1880");
}

static void
test_format_both_english (void)
{
  GDate date;
  g_autofree char *text = NULL;

  set_date (&date, 2024, 8, 25);
  text = rifq_calendar_format_both (&date, RIFQ_DIGITS_LATIN);
  g_assert_cmpstr (text, ==, "21 Safar 1446 AH — 25 August 2024");
}

typedef struct
{
  const char       *text;
  const char       *expected_iso;
  RifqCalendarKind  expected_kind;
} ParseCase;

static void
check_parse_cases (const ParseCase *cases,
                   guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      RifqCalendarKind kind = -1;
      GDate date;

      g_date_clear (&date, 1);
      if (!rifq_calendar_parse (cases[i].text, &date, &kind, &error))
        {
          g_test_fail_printf ("parse (\"%s\") failed: %s", cases[i].text, error->message);
          continue;
        }

      iso = rifq_calendar_to_iso (&date);
      if (g_strcmp0 (iso, cases[i].expected_iso) != 0 || kind != cases[i].expected_kind)
        g_test_fail_printf ("parse (\"%s\") gave %s (%s), expected %s (%s)", cases[i].text, iso,
                            kind == RIFQ_CALENDAR_HIJRI ? "Hijri" : "Gregorian",
                            cases[i].expected_iso,
                            cases[i].expected_kind == RIFQ_CALENDAR_HIJRI ? "Hijri" : "Gregorian");
    }
}

static void
test_parse_gregorian (void)
{
  static const ParseCase cases[] = {
    { "1950-03-12", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "1950/03/12", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "12/03/1950", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "12-3-1950", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "12.03.1950", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { " 12 / 03 / 1950 ", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "12/03/1950 م", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "12/03/1950م", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "12/03/1950 AD", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "1950-03-12 ميلادي", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "2024-02-29", "2024-02-29", RIFQ_CALENDAR_GREGORIAN },
    { "1600-01-01", "1600-01-01", RIFQ_CALENDAR_GREGORIAN },
    /* A marker makes a low year Gregorian. */
    { "1369/05/20 م", "1369-05-20", RIFQ_CALENDAR_GREGORIAN },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_gregorian_arabic_digits (void)
{
  static const ParseCase cases[] = {
    { "١٩٥٠-٠٣-١٢", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "١٢/٠٣/١٩٥٠", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "١٢/٣/١٩٥٠ م", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "۱۲/۰۳/۱۹۵۰", "1950-03-12", RIFQ_CALENDAR_GREGORIAN },
    { "\u200f٢٥/٠٨/٢٠٢٤\u200f", "2024-08-25", RIFQ_CALENDAR_GREGORIAN },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_hijri (void)
{
  static const ParseCase cases[] = {
    /* 1 Jumada al-Ula 1369 is 1950-02-18 in the table. */
    { "1369/05/20", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "1369-05-20", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "20-5-1369", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "20/05/1369", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "20/05/1369 هـ", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "20/05/1369هـ", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "20/05/1369 ه", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "1446/02/21 AH", "2024-08-25", RIFQ_CALENDAR_HIJRI },
    { "21/2/1446 ah", "2024-08-25", RIFQ_CALENDAR_HIJRI },
    { "21/2/1446H", "2024-08-25", RIFQ_CALENDAR_HIJRI },
    { "21/2/1446 هجري", "2024-08-25", RIFQ_CALENDAR_HIJRI },
    { "1599-01-01", NULL, RIFQ_CALENDAR_HIJRI },
    /* A marker makes a high year Hijri. */
    { "01/01/1343 هـ", "1924-08-01", RIFQ_CALENDAR_HIJRI },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].expected_iso != NULL)
        {
          check_parse_cases (&cases[i], 1);
        }
      else
        {
          RifqCalendarKind kind;
          GDate date;

          g_assert_true (rifq_calendar_parse (cases[i].text, &date, &kind, NULL));
          g_assert_cmpint (kind, ==, cases[i].expected_kind);
        }
    }
}

static void
test_parse_hijri_arabic_digits (void)
{
  static const ParseCase cases[] = {
    { "١٣٦٩/٠٥/٢٠", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "٢٠-٥-١٣٦٩", "1950-03-09", RIFQ_CALENDAR_HIJRI },
    { "٢١/٠٢/١٤٤٦ هـ", "2024-08-25", RIFQ_CALENDAR_HIJRI },
    { "١٤٤٦/٢/٢١هـ", "2024-08-25", RIFQ_CALENDAR_HIJRI },
    { "۲۱/۲/۱۴۴۶", "2024-08-25", RIFQ_CALENDAR_HIJRI },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_refused (void)
{
  static const char *refused[] = {
    "",
    "   ",
    "هـ",
    "hello",
    "1950-03",
    "1950-03-12-01",
    "1950-02-30",
    "2023-02-29",
    "1950-13-01",
    "1950-00-10",
    "32/01/1950",
    "00/01/1950",
    "12/3/50",
    "0000-01-01",
    "1446/13/01",
    "1446/02/31",
    "30/02/1343",       /* Safar 1343 has 29 days */
    "30/02/1343 هـ",
    "12/03/19500",
    "12,03,1950",
    "١٩٥٠/٠٢/٣٠",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      if (rifq_calendar_parse (refused[i], &date, NULL, &error))
        {
          g_autofree char *iso = rifq_calendar_to_iso (&date);

          g_test_fail_printf ("parse (\"%s\") accepted it as %s", refused[i], iso);
          continue;
        }

      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
}

static void
test_parse_refused_messages_say_why (void)
{
  static const struct
  {
    const char *text;
    const char *phrase;
  } cases[] = {
    { "", "No date" },
    { "1950-02-30", "does not exist" },
    { "1950-13-01", "month must be between 1 and 12" },
    { "30/02/1343", "only 29 days" },
    { "12/3/50", "year in full" },
    { "hello", "day/month/year" },
    /* Found by tests/fuzz/fuzz-fields: a day past 9999 was accepted, then could not be read back. */
    { "9667/09/10 هـ", "too far in the future" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_assert_false (rifq_calendar_parse (cases[i].text, &date, NULL, &error));
      if (strstr (error->message, cases[i].phrase) == NULL)
        g_test_fail_printf ("parse (\"%s\") said \"%s\", which does not mention \"%s\"",
                            cases[i].text, error->message, cases[i].phrase);
    }
}

static void
test_iso_round_trip (void)
{
  GDate date;
  g_autofree char *iso = NULL;

  g_assert_true (rifq_calendar_from_iso ("2024-08-25", &date));
  iso = rifq_calendar_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2024-08-25");

  g_assert_true (rifq_calendar_from_iso ("0999-01-01", &date));
  g_clear_pointer (&iso, g_free);
  iso = rifq_calendar_to_iso (&date);
  g_assert_cmpstr (iso, ==, "0999-01-01");
}

static void
test_iso_refused (void)
{
  GDate date;

  g_assert_false (rifq_calendar_from_iso ("", &date));
  g_assert_false (rifq_calendar_from_iso ("2024-8-25", &date));
  g_assert_false (rifq_calendar_from_iso ("2024/08/25", &date));
  g_assert_false (rifq_calendar_from_iso ("2023-02-29", &date));
  g_assert_false (rifq_calendar_from_iso ("2024-08-25T00:00", &date));
  g_assert_false (rifq_calendar_from_iso ("٢٠٢٤-٠٨-٢٥", &date));
}

static void
test_interface_digits_english (void)
{
  g_assert_cmpint (rifq_calendar_interface_digits (), ==, RIFQ_DIGITS_LATIN);
}

/* The digits chosen in Preferences win over the language's, for everything printed after. */
static void
test_interface_digits_follow_the_preference (void)
{
  rifq_calendar_set_preferred_digits (RIFQ_DIGITS_ARABIC);
  g_assert_cmpint (rifq_calendar_interface_digits (), ==, RIFQ_DIGITS_ARABIC);
  rifq_calendar_set_preferred_digits (RIFQ_DIGITS_LATIN);
  g_assert_cmpint (rifq_calendar_interface_digits (), ==, RIFQ_DIGITS_LATIN);
  rifq_calendar_unset_preferred_digits ();
  g_assert_cmpint (rifq_calendar_interface_digits (), ==, RIFQ_DIGITS_LATIN);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/table/file-is-contiguous", test_table_file_is_contiguous);
  g_test_add_func ("/calendar/table/range", test_table_range);
  g_test_add_func ("/calendar/table/every-day-to-hijri", test_table_every_day_to_hijri);
  g_test_add_func ("/calendar/table/every-day-from-hijri", test_table_every_day_from_hijri);
  g_test_add_func ("/calendar/table/month-lengths", test_table_month_lengths);
  g_test_add_func ("/calendar/table/months-of-28-and-31-days", test_table_months_of_28_and_31_days);
  g_test_add_func ("/calendar/to-hijri/table-ends", test_to_hijri_table_ends);
  g_test_add_func ("/calendar/to-hijri/policy-approval-date", test_to_hijri_policy_date);
  g_test_add_func ("/calendar/from-hijri/policy-approval-date", test_from_hijri_policy_date);
  g_test_add_func ("/calendar/from-hijri/refused-when-invalid", test_from_hijri_refused_invalid);
  g_test_add_func ("/calendar/from-hijri/refused-when-day-30-of-29-day-month-outside-table",
                   test_from_hijri_refused_day_30_outside_table);
  g_test_add_func ("/calendar/outside/before-table-is-approximate", test_outside_before_table);
  g_test_add_func ("/calendar/outside/after-table-is-approximate", test_outside_after_table);
  g_test_add_func ("/calendar/outside/never-lands-inside-table", test_outside_never_lands_inside_table);
  g_test_add_func ("/calendar/outside/round-trip-ten-years-each-side",
                   test_outside_round_trip_every_day);
  g_test_add_func ("/calendar/month-days/zero-when-invalid", test_month_days_invalid);
  g_test_add_func ("/calendar/month-name/english", test_month_names_english);
  g_test_add_func ("/calendar/format/hijri-english", test_format_hijri_english);
  g_test_add_func ("/calendar/format/hijri-approximate-is-marked", test_format_hijri_approximate);
  g_test_add_func ("/calendar/format/gregorian-english", test_format_gregorian_english);
  g_test_add_func ("/calendar/format/both-english", test_format_both_english);
  g_test_add_func ("/calendar/parse/gregorian", test_parse_gregorian);
  g_test_add_func ("/calendar/parse/gregorian-arabic-indic-digits", test_parse_gregorian_arabic_digits);
  g_test_add_func ("/calendar/parse/hijri", test_parse_hijri);
  g_test_add_func ("/calendar/parse/hijri-arabic-indic-digits", test_parse_hijri_arabic_digits);
  g_test_add_func ("/calendar/parse/refused-when-not-a-date", test_parse_refused);
  g_test_add_func ("/calendar/parse/refusal-says-why", test_parse_refused_messages_say_why);
  g_test_add_func ("/calendar/iso/round-trip", test_iso_round_trip);
  g_test_add_func ("/calendar/iso/refused-when-not-iso", test_iso_refused);
  g_test_add_func ("/calendar/interface-digits/latin-in-english", test_interface_digits_english);
  g_test_add_func ("/calendar/interface-digits/preference-over-the-language",
                   test_interface_digits_follow_the_preference);

  return g_test_run ();
}
