/* rifq-calendar.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Hijri dates by the officially published Umm al-Qura table (data/ummalqura-month-starts.tsv,
 * compiled in as a resource): 1 Muharram 1343 (1924-08-01) to 29/30 Dhu al-Hijjah 1500
 * (2077-11-16). Outside it, ICU's islamic-umalqura calendar is used and the result is
 * marked approximate. */

typedef struct
{
  int      year;
  int      month;        /* 1–12 */
  int      day;          /* 1–30 (31 in three months of the historical table) */
  gboolean approximate;  /* outside the official table: ICU's conversion */
} RifqHijriDate;

typedef enum
{
  RIFQ_CALENDAR_GREGORIAN,
  RIFQ_CALENDAR_HIJRI,
} RifqCalendarKind;

typedef enum
{
  RIFQ_DIGITS_LATIN,
  RIFQ_DIGITS_ARABIC,    /* ٠١٢٣٤٥٦٧٨٩ */
} RifqDigits;

/* First and last Gregorian day of the official table. */
void      rifq_calendar_table_range  (GDate *first,
                                      GDate *last);

gboolean  rifq_calendar_to_hijri     (const GDate   *gregorian,
                                      RifqHijriDate *out_hijri,
                                      GError       **error);
gboolean  rifq_calendar_from_hijri   (const RifqHijriDate *hijri,
                                      GDate               *out_gregorian,
                                      GError             **error);

/* Days in a Hijri month (29 or 30; the historical table also has five months of 28 days
 * and three of 31); 0 when the year/month is invalid. */
int       rifq_calendar_hijri_month_days (int year,
                                          int month);

/* Month name in the interface language ("Safar" / "صفر"). month is 1–12. */
const char *rifq_calendar_hijri_month_name (int month);

/* "21 Safar 1446 AH" / "٢١ صفر ١٤٤٦ هـ"; approximate dates get a trailing "(approx.)" /
 * "(تقريبي)". */
char     *rifq_calendar_format_hijri     (const RifqHijriDate *hijri,
                                          RifqDigits           digits);

/* "25 August 2024" / "٢٥ أغسطس ٢٠٢٤" (ICU, Gregorian calendar, interface language). */
char     *rifq_calendar_format_gregorian (const GDate *date,
                                          RifqDigits   digits);

/* "21 Safar 1446 AH — 25 August 2024": Hijri beside Gregorian, as shown everywhere a
 * date appears. */
char     *rifq_calendar_format_both      (const GDate *date,
                                          RifqDigits   digits);

/* The same for a stored value: a day ("2026-11-26") or a moment in UTC ("2026-11-26T21:40:00Z"),
 * shown as the day it was here; "—" for NULL. */
char     *rifq_calendar_format_iso_both  (const char  *iso,
                                          RifqDigits   digits);

/* Parse a date typed by a person, Gregorian or Hijri, with Latin or Arabic-Indic digits:
 * "1950-03-12", "12/03/1950", "1369/05/20", "20-5-1369", optionally followed by "هـ" or
 * "AH" (Hijri) or "م" (Gregorian). Without a marker a year below 1600 is Hijri. Writes
 * the Gregorian day and which calendar was typed. On failure the error (RIFQ_ERROR_INVALID)
 * says why in the interface language, without naming a field. */
gboolean  rifq_calendar_parse            (const char       *text,
                                          GDate            *out_gregorian,
                                          RifqCalendarKind *out_kind,
                                          GError          **error);

/* ISO 8601 "YYYY-MM-DD" of a GDate, and back. */
char     *rifq_calendar_to_iso           (const GDate *date);
gboolean  rifq_calendar_from_iso         (const char *iso,
                                          GDate      *out_date);

/* The digit style of the current interface, which dates, documents and lists print: the one
 * chosen in Preferences, else Arabic-Indic when the translation is Arabic. */
RifqDigits rifq_calendar_interface_digits (void);

/* The digits chosen in Preferences (Digits: Arabic-Indic or Western), from any thread; unset,
 * the interface language's are used again. */
void       rifq_calendar_set_preferred_digits   (RifqDigits digits);
void       rifq_calendar_unset_preferred_digits (void);

G_END_DECLS
