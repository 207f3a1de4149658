/* rifq-calendar.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "rifq-arabic.h"
#include "rifq-calendar.h"
#include "rifq-core-resources.h"
#include "rifq-error.h"
#include "rifq-locale.h"

#define TABLE_RESOURCE "/org/ruhamaa/Rifq/core/ummalqura-month-starts.tsv"

/* g_date_get_julian() of 1970-01-01, the origin of ICU's UDate. */
#define UNIX_EPOCH_JULIAN 719163
#define MS_PER_DAY        86400000.0
#define MS_PER_DAY_INT    G_GINT64_CONSTANT (86400000)

/* Without a calendar marker, a typed year below this is Hijri. */
#define HIJRI_YEAR_LIMIT 1600

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (UCalendar, ucal_close, NULL)

typedef struct
{
  guint32 julian;  /* GDate Julian day of the month's first day */
  guint16 year;
  guint8  month;
  guint8  days;
} MonthStart;

typedef struct
{
  MonthStart *months;
  guint       n_months;
} MonthTable;

static const UChar utc_zone[] = { 'U', 'T', 'C', 0 };

static gboolean
parse_iso (const char *iso,
           GDate      *out_date)
{
  guint64 year;
  guint64 month;
  guint64 day;
  char buf[5];

  if (strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
        return FALSE;
    }

  memcpy (buf, iso, 4);
  buf[4] = '\0';
  year = g_ascii_strtoull (buf, NULL, 10);
  month = (iso[5] - '0') * 10 + (iso[6] - '0');
  day = (iso[8] - '0') * 10 + (iso[9] - '0');

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
parse_table_row (const char *line,
                 MonthStart *out_month)
{
  g_auto(GStrv) fields = NULL;
  guint64 year;
  guint64 month;
  guint64 days;
  GDate start;

  fields = g_strsplit (line, "\t", -1);
  if (g_strv_length (fields) != 4)
    return FALSE;

  if (!g_ascii_string_to_unsigned (fields[0], 10, 1, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (fields[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (fields[3], 10, 28, 31, &days, NULL) ||
      !parse_iso (fields[2], &start))
    return FALSE;

  out_month->julian = g_date_get_julian (&start);
  out_month->year = (guint16) year;
  out_month->month = (guint8) month;
  out_month->days = (guint8) days;
  return TRUE;
}

static gpointer
load_table (gpointer data)
{
  MonthTable *table = g_new0 (MonthTable, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gconstpointer data_ptr;
  gsize size;
  gsize n_months;

  /* Looked up through rifq_core_get_resource() so that the linker keeps the resource
   * object, and with it its registration, when core is a static library. */
  bytes = g_resource_lookup_data (rifq_core_get_resource (), TABLE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Umm al-Qura table is missing: %s", error->message);
      return table;
    }

  data_ptr = g_bytes_get_data (bytes, &size);
  text = g_strndup (data_ptr, size);
  lines = g_strsplit (text, "\n", -1);
  months = g_array_sized_new (FALSE, FALSE, sizeof (MonthStart), 1900);

  /* The first line names the columns. */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      MonthStart month;
      char *line = g_strchomp (lines[i]);

      if (*line == '\0')
        continue;

      if (!parse_table_row (line, &month))
        {
          g_critical ("Umm al-Qura table, line %u, is malformed", i + 1);
          return table;
        }

      if (months->len > 0)
        {
          const MonthStart *prev = &g_array_index (months, MonthStart, months->len - 1);
          guint next_year = prev->month == 12 ? prev->year + 1u : prev->year;
          guint next_month = prev->month == 12 ? 1u : prev->month + 1u;

          /* Lookups index months arithmetically: a gap would shift every later month. */
          if (month.julian != prev->julian + prev->days ||
              month.year != next_year || month.month != next_month)
            {
              g_critical ("Umm al-Qura table, line %u, does not follow the month before it", i + 1);
              return table;
            }
        }

      g_array_append_val (months, month);
    }

  table->months = g_array_steal (months, &n_months);
  table->n_months = (guint) n_months;

  return table;
}

static const MonthTable *
get_table (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_table, NULL);
}

static const MonthStart *
find_month_by_julian (guint32 julian)
{
  const MonthTable *table = get_table ();
  const MonthStart *last;
  guint lo;
  guint hi;

  if (table->n_months == 0)
    return NULL;

  last = &table->months[table->n_months - 1];
  if (julian < table->months[0].julian || julian >= last->julian + last->days)
    return NULL;

  lo = 0;
  hi = table->n_months - 1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;

      if (table->months[mid].julian <= julian)
        lo = mid;
      else
        hi = mid - 1;
    }

  return &table->months[lo];
}

static const MonthStart *
find_month_by_hijri (int year,
                     int month)
{
  const MonthTable *table = get_table ();
  gint64 index;

  if (table->n_months == 0)
    return NULL;

  index = ((gint64) year - table->months[0].year) * 12 + (month - table->months[0].month);
  if (index < 0 || index >= table->n_months)
    return NULL;

  return &table->months[index];
}

static UCalendar
open_umalqura (UErrorCode *status)
{
  return ucal_open (utc_zone, -1, "@calendar=islamic-umalqura", UCAL_DEFAULT, status);
}

static double
julian_to_udate (guint32 julian)
{
  /* Noon, so that no rounding can move the day. */
  return ((double) julian - UNIX_EPOCH_JULIAN) * MS_PER_DAY + MS_PER_DAY / 2;
}

static gboolean
icu_to_hijri (guint32        julian,
              RifqHijriDate *out_hijri,
              GError       **error)
{
  g_auto(UCalendar) cal = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int year;
  int month;
  int day;

  cal = open_umalqura (&status);
  if (U_SUCCESS (status))
    ucal_setMillis (cal, julian_to_udate (julian), &status);

  year = ucal_get (cal, UCAL_EXTENDED_YEAR, &status);
  month = ucal_get (cal, UCAL_MONTH, &status) + 1;
  day = ucal_get (cal, UCAL_DATE, &status);

  if (U_FAILURE (status) || year < 1)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_OUT_OF_RANGE,
                   _("This date is too far in the past or the future to convert to the Hijri calendar."));
      return FALSE;
    }

  out_hijri->year = year;
  out_hijri->month = month;
  out_hijri->day = day;
  out_hijri->approximate = TRUE;
  return TRUE;
}

static char *
format_number (int        value,
               RifqDigits digits)
{
  g_autofree char *latin = g_strdup_printf ("%d", value);

  if (digits == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (latin);

  return g_steal_pointer (&latin);
}

static void
set_month_too_short_error (int      days,
                           GError **error)
{
  g_autofree char *days_text = format_number (days, rifq_calendar_interface_digits ());

  /* Translators: %s is the number of days in the month: 28, 29 or 30. */
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
               _("That Hijri month has only %s days: check the day and the month."), days_text);
}

static gboolean
icu_from_hijri (const RifqHijriDate *hijri,
                guint32             *out_julian,
                GError             **error)
{
  g_auto(UCalendar) cal = NULL;
  UErrorCode status = U_ZERO_ERROR;
  double millis;
  gint64 ms;
  gint64 days;
  gint64 julian;

  cal = open_umalqura (&status);
  if (U_FAILURE (status))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_OUT_OF_RANGE,
                   _("This Hijri date is outside the range that can be converted."));
      return FALSE;
    }

  /* Strict, so that day 30 of a 29-day month is refused rather than rolled over. */
  ucal_setAttribute (cal, UCAL_LENIENT, 0);
  ucal_clear (cal);
  ucal_set (cal, UCAL_EXTENDED_YEAR, hijri->year);
  ucal_set (cal, UCAL_MONTH, hijri->month - 1);
  ucal_set (cal, UCAL_DATE, hijri->day);

  millis = ucal_getMillis (cal, &status);
  if (U_FAILURE (status))
    {
      set_month_too_short_error (rifq_calendar_hijri_month_days (hijri->year, hijri->month), error);
      return FALSE;
    }

  /* Midnight UTC of the day, moved to noon so that the division cannot fall short. */
  ms = (gint64) (millis + MS_PER_DAY / 2);
  days = (ms - (ms < 0 ? MS_PER_DAY_INT - 1 : 0)) / MS_PER_DAY_INT;
  julian = days + UNIX_EPOCH_JULIAN;
  if (julian < 1 || julian > G_MAXUINT32 || !g_date_valid_julian ((guint32) julian))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_OUT_OF_RANGE,
                   _("This Hijri date is outside the range that can be converted."));
      return FALSE;
    }

  *out_julian = (guint32) julian;
  return TRUE;
}

void
rifq_calendar_table_range (GDate *first,
                           GDate *last)
{
  const MonthTable *table = get_table ();
  const MonthStart *final;

  g_return_if_fail (first != NULL);
  g_return_if_fail (last != NULL);

  if (table->n_months == 0)
    {
      g_date_clear (first, 1);
      g_date_clear (last, 1);
      return;
    }

  final = &table->months[table->n_months - 1];
  g_date_set_julian (first, table->months[0].julian);
  g_date_set_julian (last, final->julian + final->days - 1);
}

gboolean
rifq_calendar_to_hijri (const GDate   *gregorian,
                        RifqHijriDate *out_hijri,
                        GError       **error)
{
  const MonthStart *month;
  guint32 julian;

  g_return_val_if_fail (gregorian != NULL && g_date_valid (gregorian), FALSE);
  g_return_val_if_fail (out_hijri != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  julian = g_date_get_julian (gregorian);
  month = find_month_by_julian (julian);
  if (month == NULL)
    return icu_to_hijri (julian, out_hijri, error);

  out_hijri->year = month->year;
  out_hijri->month = month->month;
  out_hijri->day = (int) (julian - month->julian) + 1;
  out_hijri->approximate = FALSE;
  return TRUE;
}

gboolean
rifq_calendar_from_hijri (const RifqHijriDate *hijri,
                          GDate               *out_gregorian,
                          GError             **error)
{
  const MonthStart *month;
  guint32 julian;

  g_return_val_if_fail (hijri != NULL, FALSE);
  g_return_val_if_fail (out_gregorian != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hijri->month < 1 || hijri->month > 12)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The month must be between 1 and 12."));
      return FALSE;
    }

  /* A few months of the historical table have 31 days; the month's own length is checked below. */
  if (hijri->day < 1 || hijri->day > 31)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The day of a Hijri date must be between 1 and 30."));
      return FALSE;
    }

  if (hijri->year < 1)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The Hijri year must be written in full, for example 1369."));
      return FALSE;
    }

  month = find_month_by_hijri (hijri->year, hijri->month);
  if (month == NULL)
    {
      const MonthTable *table = get_table ();

      if (!icu_from_hijri (hijri, &julian, error))
        return FALSE;

      /* ICU's last days before the table may fall on days the table gives to 1343; the
       * table wins and the approximate date stays outside it. */
      if (table->n_months > 0)
        {
          const MonthStart *first = &table->months[0];
          const MonthStart *last = &table->months[table->n_months - 1];

          int index = hijri->year * 12 + hijri->month;

          if (index < first->year * 12 + first->month && julian >= first->julian)
            julian = first->julian - 1;
          else if (index > last->year * 12 + last->month && julian < last->julian + last->days)
            julian = last->julian + last->days;
        }
    }
  else
    {
      if (hijri->day > month->days)
        {
          set_month_too_short_error (month->days, error);
          return FALSE;
        }
      julian = month->julian + (guint32) hijri->day - 1;
    }

  g_date_set_julian (out_gregorian, julian);
  return TRUE;
}

int
rifq_calendar_hijri_month_days (int year,
                                int month)
{
  const MonthStart *row;
  g_auto(UCalendar) cal = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int days;

  if (year < 1 || month < 1 || month > 12)
    return 0;

  row = find_month_by_hijri (year, month);
  if (row != NULL)
    return row->days;

  cal = open_umalqura (&status);
  if (U_FAILURE (status))
    return 0;

  ucal_clear (cal);
  ucal_set (cal, UCAL_EXTENDED_YEAR, year);
  ucal_set (cal, UCAL_MONTH, month - 1);
  ucal_set (cal, UCAL_DATE, 1);
  days = ucal_getLimit (cal, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &status);

  return U_SUCCESS (status) ? days : 0;
}

const char *
rifq_calendar_hijri_month_name (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  switch (month)
    {
    case 1:
      return C_("Hijri month", "Muharram");
    case 2:
      return C_("Hijri month", "Safar");
    case 3:
      return C_("Hijri month", "Rabi al-Awwal");
    case 4:
      return C_("Hijri month", "Rabi al-Thani");
    case 5:
      return C_("Hijri month", "Jumada al-Ula");
    case 6:
      return C_("Hijri month", "Jumada al-Akhirah");
    case 7:
      return C_("Hijri month", "Rajab");
    case 8:
      return C_("Hijri month", "Shaban");
    case 9:
      return C_("Hijri month", "Ramadan");
    case 10:
      return C_("Hijri month", "Shawwal");
    case 11:
      return C_("Hijri month", "Dhu al-Qidah");
    case 12:
      return C_("Hijri month", "Dhu al-Hijjah");
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

char *
rifq_calendar_format_hijri (const RifqHijriDate *hijri,
                            RifqDigits           digits)
{
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (hijri != NULL, NULL);
  g_return_val_if_fail (hijri->month >= 1 && hijri->month <= 12, NULL);

  /* Formatted by hand: ICU's udat would convert again with its own, different table. */
  day = format_number (hijri->day, digits);
  year = format_number (hijri->year, digits);

  /* Translators: a Hijri date: day, month name, year, then the era.
   * In Arabic write "%s %s %s هـ" so that it reads "٢١ صفر ١٤٤٦ هـ". */
  date = g_strdup_printf (C_("Hijri date: day, month name, year", "%s %s %s AH"),
                          day, rifq_calendar_hijri_month_name (hijri->month), year);

  if (!hijri->approximate)
    return g_steal_pointer (&date);

  /* Translators: a Hijri date outside the official Umm al-Qura table, computed
   * and possibly one day off. */
  return g_strdup_printf (C_("Hijri date", "%s (approx.)"), date);
}

/* The formatters of Gregorian dates, one for each locale they were asked in, kept by each thread
 * (a formatter is not to be shared between threads): opening one costs more than the rest of a
 * date's formatting. */
typedef struct
{
  UDateFormat *formats[3];
  const char  *locales[3];
} GregorianFormats;

static void
gregorian_formats_free (gpointer data)
{
  GregorianFormats *kept = data;

  for (guint i = 0; i < G_N_ELEMENTS (kept->formats); i++)
    g_clear_pointer (&kept->formats[i], udat_close);
  g_free (kept);
}

static GPrivate gregorian_formats = G_PRIVATE_INIT (gregorian_formats_free);

/* The formatter of "day month-name year" in locale, one of three static strings. */
static UDateFormat *
gregorian_format (const char *locale,
                  UErrorCode *status)
{
  static const UChar pattern[] = { 'd', ' ', 'M', 'M', 'M', 'M', ' ', 'y', 0 };
  GregorianFormats *kept = g_private_get (&gregorian_formats);
  guint i;

  if (kept == NULL)
    {
      kept = g_new0 (GregorianFormats, 1);
      g_private_set (&gregorian_formats, kept);
    }
  for (i = 0; i < G_N_ELEMENTS (kept->formats) && kept->locales[i] != NULL; i++)
    if (kept->locales[i] == locale)
      return kept->formats[i];
  g_assert (i < G_N_ELEMENTS (kept->formats));
  kept->formats[i] = udat_open (UDAT_PATTERN, UDAT_PATTERN, locale, utc_zone, -1, pattern, -1, status);
  if (U_FAILURE (*status))
    {
      g_clear_pointer (&kept->formats[i], udat_close);
      return NULL;
    }
  kept->locales[i] = locale;
  return kept->formats[i];
}

char *
rifq_calendar_format_gregorian (const GDate *date,
                                RifqDigits   digits)
{
  static const char arabic_digits[] = "ar@calendar=gregorian;numbers=arab";
  static const char latin_digits[] = "ar@calendar=gregorian;numbers=latn";
  static const char english[] = "en@calendar=gregorian";
  UDateFormat *format;
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[128];
  char utf8[512];
  gboolean arabic;
  const char *locale;
  int32_t length;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  arabic = rifq_locale_is_arabic ();
  if (arabic)
    locale = digits == RIFQ_DIGITS_ARABIC ? arabic_digits : latin_digits;
  else
    locale = english;

  format = gregorian_format (locale, &status);
  if (format != NULL)
    {
      length = udat_format (format, julian_to_udate (g_date_get_julian (date)),
                            buffer, G_N_ELEMENTS (buffer), NULL, &status);
      u_strToUTF8 (utf8, sizeof utf8, NULL, buffer, length, &status);
    }

  if (U_FAILURE (status))
    {
      g_warning ("Could not format a Gregorian date with ICU: %s", u_errorName (status));
      return rifq_calendar_to_iso (date);
    }

  if (!arabic && digits == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (utf8);

  return g_strdup (utf8);
}

char *
rifq_calendar_format_both (const GDate *date,
                           RifqDigits   digits)
{
  g_autofree char *hijri_text = NULL;
  g_autofree char *gregorian_text = NULL;
  RifqHijriDate hijri;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  gregorian_text = rifq_calendar_format_gregorian (date, digits);
  if (!rifq_calendar_to_hijri (date, &hijri, NULL))
    return g_steal_pointer (&gregorian_text);

  hijri_text = rifq_calendar_format_hijri (&hijri, digits);

  /* Translators: a date shown in both calendars: the Hijri date, then the Gregorian one. */
  return g_strdup_printf (C_("date in both calendars", "%s — %s"), hijri_text, gregorian_text);
}

typedef struct
{
  const char       *text;
  RifqCalendarKind  kind;
} CalendarMarker;

/* Longer markers first, so that "AH" is not read as "H" after a stray "A". */
static const CalendarMarker calendar_markers[] = {
  { "\xd9\x87\xd8\xac\xd8\xb1\xd9\x8a\xd8\xa9", RIFQ_CALENDAR_HIJRI },          /* هجرية */
  { "\xd9\x87\xd8\xac\xd8\xb1\xd9\x8a", RIFQ_CALENDAR_HIJRI },                  /* هجري */
  { "\xd9\x85\xd9\x8a\xd9\x84\xd8\xa7\xd8\xaf\xd9\x8a\xd8\xa9", RIFQ_CALENDAR_GREGORIAN }, /* ميلادية */
  { "\xd9\x85\xd9\x8a\xd9\x84\xd8\xa7\xd8\xaf\xd9\x8a", RIFQ_CALENDAR_GREGORIAN },         /* ميلادي */
  { "\xd9\x87", RIFQ_CALENDAR_HIJRI },                                          /* ه (هـ without tatweel) */
  { "\xd9\x85", RIFQ_CALENDAR_GREGORIAN },                                      /* م */
  { "a.h.", RIFQ_CALENDAR_HIJRI },
  { "a.h", RIFQ_CALENDAR_HIJRI },
  { "ah", RIFQ_CALENDAR_HIJRI },
  { "h", RIFQ_CALENDAR_HIJRI },
  { "a.d.", RIFQ_CALENDAR_GREGORIAN },
  { "a.d", RIFQ_CALENDAR_GREGORIAN },
  { "ad", RIFQ_CALENDAR_GREGORIAN },
  { "ce", RIFQ_CALENDAR_GREGORIAN },
};

/* The typed text with Latin digits, without direction marks or tatweel, and with other
 * spaces made ASCII, through rifq_arabic_map (). */
static gunichar
clean_date_char (gunichar c)
{
  if (c < 0x80)
    return c;
  if (c == 0x0640 || g_unichar_type (c) == G_UNICODE_FORMAT)
    return 0;
  if (g_unichar_isspace (c))
    return ' ';
  return c;
}

/* Removes a trailing calendar marker from text, in place. */
static gboolean
take_calendar_marker (char             *text,
                      RifqCalendarKind *out_kind)
{
  gsize len = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (calendar_markers); i++)
    {
      const CalendarMarker *marker = &calendar_markers[i];
      gsize marker_len = strlen (marker->text);

      if (marker_len > len)
        continue;

      if (g_ascii_strcasecmp (text + len - marker_len, marker->text) == 0)
        {
          text[len - marker_len] = '\0';
          *out_kind = marker->kind;
          return TRUE;
        }
    }

  return FALSE;
}

/* Three runs of digits separated by "-", "/" or ".". */
static gboolean
split_date_parts (const char *text,
                  guint       values[3],
                  guint       widths[3])
{
  const char *p = text;

  for (guint i = 0; i < 3; i++)
    {
      const char *start;

      while (*p == ' ')
        p++;

      start = p;
      values[i] = 0;
      while (g_ascii_isdigit (*p) && p - start < 5)
        values[i] = values[i] * 10 + (guint) (*p++ - '0');

      widths[i] = (guint) (p - start);
      if (widths[i] == 0 || widths[i] > 4)
        return FALSE;

      while (*p == ' ')
        p++;

      if (i < 2)
        {
          if (*p != '-' && *p != '/' && *p != '.')
            return FALSE;
          p++;
        }
    }

  return *p == '\0';
}

static void
set_date_form_error (GError **error)
{
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
               _("Write the date as day/month/year, for example 12/03/1950 or 20/05/1369 AH."));
}

gboolean
rifq_calendar_parse (const char       *text,
                     GDate            *out_gregorian,
                     RifqCalendarKind *out_kind,
                     GError          **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GError) local_error = NULL;
  RifqCalendarKind kind = RIFQ_CALENDAR_GREGORIAN;
  gboolean has_marker;
  guint values[3];
  guint widths[3];
  guint year;
  guint month;
  guint day;
  char *stripped;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_gregorian != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = rifq_arabic_map (text, clean_date_char);
  stripped = g_strstrip (clean);
  if (*stripped == '\0')
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("No date was typed: write it as day/month/year, for example 12/03/1950."));
      return FALSE;
    }

  has_marker = take_calendar_marker (stripped, &kind);
  stripped = g_strstrip (stripped);

  if (!split_date_parts (stripped, values, widths))
    {
      set_date_form_error (error);
      return FALSE;
    }

  if (widths[0] >= 3 && widths[1] <= 2 && widths[2] <= 2)
    {
      year = values[0];
      month = values[1];
      day = values[2];
    }
  else if (widths[2] >= 3 && widths[0] <= 2 && widths[1] <= 2)
    {
      day = values[0];
      month = values[1];
      year = values[2];
    }
  else if (widths[0] <= 2 && widths[1] <= 2 && widths[2] <= 2)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Write the year in full, for example 1950 or 1369, not only its last two digits."));
      return FALSE;
    }
  else
    {
      set_date_form_error (error);
      return FALSE;
    }

  if (year == 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Write the year in full, for example 1950 or 1369, not only its last two digits."));
      return FALSE;
    }

  if (!has_marker)
    kind = year < HIJRI_YEAR_LIMIT ? RIFQ_CALENDAR_HIJRI : RIFQ_CALENDAR_GREGORIAN;

  if (month < 1 || month > 12)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The month must be between 1 and 12."));
      return FALSE;
    }

  if (kind == RIFQ_CALENDAR_HIJRI)
    {
      RifqHijriDate hijri = { (int) year, (int) month, (int) day, FALSE };

      if (!rifq_calendar_from_hijri (&hijri, out_gregorian, &local_error))
        {
          /* Whatever the reason, the typed text is what the person must correct. */
          g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, local_error->message);
          return FALSE;
        }
    }
  else
    {
      if (day < 1 || day > 31)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("The day must be between 1 and 31."));
          return FALSE;
        }

      if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("That day does not exist in that month: check the day and the month."));
          return FALSE;
        }

      g_date_set_dmy (out_gregorian, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }

  /* Kept as ISO 8601, four digits of year: a day past 9999 could be written but not read back. */
  if (g_date_get_year (out_gregorian) > 9999)
    {
      g_date_clear (out_gregorian, 1);
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("That date is too far in the future: check the year."));
      return FALSE;
    }

  if (out_kind != NULL)
    *out_kind = kind;

  return TRUE;
}

char *
rifq_calendar_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

gboolean
rifq_calendar_from_iso (const char *iso,
                        GDate      *out_date)
{
  g_return_val_if_fail (iso != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  return parse_iso (iso, out_date);
}

/* A RifqDigits, or -1 to follow the interface language. */
static gint preferred_digits = -1;

RifqDigits
rifq_calendar_interface_digits (void)
{
  int preferred = g_atomic_int_get (&preferred_digits);

  if (preferred >= 0)
    return (RifqDigits) preferred;
  return rifq_locale_is_arabic () ? RIFQ_DIGITS_ARABIC : RIFQ_DIGITS_LATIN;
}

void
rifq_calendar_set_preferred_digits (RifqDigits digits)
{
  g_atomic_int_set (&preferred_digits, (gint) digits);
}

void
rifq_calendar_unset_preferred_digits (void)
{
  g_atomic_int_set (&preferred_digits, -1);
}

char *
rifq_calendar_format_iso_both (const char *iso,
                               RifqDigits  digits)
{
  g_autofree char *day = NULL;
  GDate date;

  if (iso == NULL || strlen (iso) < 10)
    return g_strdup ("—");
  if (strlen (iso) > 10)
    {
      g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 (iso, NULL);
      g_autoptr(GDateTime) local = moment ? g_date_time_to_local (moment) : NULL;

      if (local != NULL)
        day = g_date_time_format (local, "%Y-%m-%d");
    }
  if (day == NULL)
    day = g_strndup (iso, 10);
  if (!rifq_calendar_from_iso (day, &date))
    return g_strdup (iso);
  return rifq_calendar_format_both (&date, digits);
}
