/* rifq-validate.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each validator takes the text as a person typed it (Latin or Arabic-Indic digits, spaces,
 * dashes) and, when it is valid, writes the normalised form. On failure it sets
 * RIFQ_ERROR_INVALID with a message in the interface language that names the field given as
 * field_label (already translated), e.g. "National ID: must be 10 digits". */

/* Saudi national ID or iqama: 10 digits, first 1 (citizen) or 2 (resident), Luhn check. */
gboolean rifq_validate_national_id (const char  *input,
                                    const char  *field_label,
                                    char       **out_normalized,
                                    GError     **error);

/* Saudi mobile: 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX, +9665XXXXXXXX, 009665XXXXXXXX → +9665XXXXXXXX. */
gboolean rifq_validate_mobile      (const char  *input,
                                    const char  *field_label,
                                    char       **out_normalized,
                                    GError     **error);

/* A mobile as Rifq shows it everywhere, the way an officer dials it: a stored +9665XXXXXXXX
 * becomes 05XXXXXXXX; anything else is returned as it is, NULL as NULL. */
char    *rifq_validate_format_mobile (const char *mobile);

/* Whole non-negative number (household size, income), Arabic-Indic digits and thousands
 * separators (, ٬) accepted; max is inclusive. */
gboolean rifq_validate_count       (const char  *input,
                                    const char  *field_label,
                                    gint64       max,
                                    gint64      *out_value,
                                    GError     **error);

/* An optional count (an amount of riyals, a quantity): blank gives none, anything else is
 * checked as by rifq_validate_count() with no upper bound. */
gboolean rifq_validate_optional_count (const char  *input,
                                       const char  *field_label,
                                       gint64       none,
                                       gint64      *out_value,
                                       GError     **error);

/* Which number a text is, as a person types it to name a beneficiary (Latin or Arabic-Indic
 * digits, spaces around them). Ten digits are an identity number, whatever their first. */
typedef enum
{
  RIFQ_NUMBER_NONE,         /* not digits alone */
  RIFQ_NUMBER_RECORD,       /* digits, but not ten of them: a record number */
  RIFQ_NUMBER_NATIONAL_ID,  /* ten digits, the first 1: a citizen's national ID */
  RIFQ_NUMBER_IQAMA,        /* ten digits, the first 2: a resident's iqama */
  RIFQ_NUMBER_OTHER_ID,     /* ten digits, another first: shaped as an ID, never issued */
} RifqNumberKind;

RifqNumberKind rifq_number_kind    (const char  *text);

/* An optional date typed in Hijri or Gregorian, as the field of label ("Home visit", "date"):
 * blank gives NULL, anything else ISO "YYYY-MM-DD" or an error naming both. */
gboolean rifq_validate_optional_date (const char  *label,
                                      const char  *field,
                                      const char  *typed,
                                      char       **out_iso,
                                      GError     **error);

/* A date of birth: parsed with rifq_calendar_parse(), not in the future and not before 1880.
 * Writes ISO "YYYY-MM-DD". */
gboolean rifq_validate_birth_date  (const char  *input,
                                    const char  *field_label,
                                    const GDate *today,
                                    char       **out_iso,
                                    GError     **error);

/* Non-empty after trimming. Writes the trimmed text with runs of spaces collapsed. */
gboolean rifq_validate_required    (const char  *input,
                                    const char  *field_label,
                                    char       **out_trimmed,
                                    GError     **error);

/* What a text field holds, each kind with its longest length and its characters (the table in
 * rifq-validate.c, documented in docs/cli.md). Every text that enters Rifq is one of these. */
typedef enum
{
  RIFQ_TEXT_LINE,             /* a short line: an address, a category, a place, a setting: 300 */
  RIFQ_TEXT_NAME,             /* one part of a name, a city, a district, a relation: 100 */
  RIFQ_TEXT_FULL_NAME,        /* a person's whole name: 200 */
  RIFQ_TEXT_NOTES,            /* notes, descriptions, questions, answers, reasons, reports: 4000,
                               * line breaks and tabs allowed */
  RIFQ_TEXT_USER_NAME,        /* a member of staff's user name: 32 of A–Z a–z 0–9 . _ - @ */
  RIFQ_TEXT_DOCUMENT_NUMBER,  /* a document's number: 40 of 0–9 A–Z a–z - / . and spaces */
  RIFQ_TEXT_FILE_NAME,        /* the name of a file attached: 255 */
  RIFQ_N_TEXT_KINDS
} RifqTextKind;

/* The longest text of a kind, in characters. */
guint    rifq_text_max_length     (RifqTextKind kind);

/* NULL (nothing given) or text of the kind: valid UTF-8, at most its length, no control
 * character (but line breaks and tabs in NOTES), and for user names and document numbers only
 * their characters. Checked as given, before trimming: a name is not 10 MB of spaces either. */
gboolean rifq_validate_text       (const char    *input,
                                   RifqTextKind   kind,
                                   const char    *field_label,
                                   GError       **error);

/* Several texts at once, the first refused named. */
typedef struct
{
  const char   *text;
  RifqTextKind  kind;
  const char   *label;   /* translated */
} RifqTextField;

gboolean rifq_validate_texts      (const RifqTextField *fields,
                                   guint                n_fields,
                                   GError             **error);

/* Luhn check over ASCII digits (used by national ID, exposed for tests). */
gboolean rifq_luhn_valid           (const char *digits);

/* TRUE for NULL, "" or only spaces: nothing a person would call an answer. */
gboolean  rifq_text_is_blank (const char *text);

G_END_DECLS
