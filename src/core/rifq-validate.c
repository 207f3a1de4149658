/* rifq-validate.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-arabic.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-validate.h"

#define NATIONAL_ID_LENGTH  10
#define MOBILE_LOCAL_LENGTH 9   /* 5XXXXXXXX, after +966 or the leading 0 */

#define EARLIEST_BIRTH_YEAR 1880

typedef struct
{
  guint       max_length;  /* characters */
  gboolean    multiline;   /* line breaks and tabs allowed */
  const char *symbols;     /* when set, only ASCII letters, digits and these */
} TextRule;

/* The longest text of each kind: a name part of 100 characters is longer than any in the
 * civil registry; 4000 characters are two printed pages of notes. */
static const TextRule text_rules[RIFQ_N_TEXT_KINDS] = {
  [RIFQ_TEXT_LINE] = { 300, FALSE, NULL },
  [RIFQ_TEXT_NAME] = { 100, FALSE, NULL },
  [RIFQ_TEXT_FULL_NAME] = { 200, FALSE, NULL },
  [RIFQ_TEXT_NOTES] = { 4000, TRUE, NULL },
  [RIFQ_TEXT_USER_NAME] = { 32, FALSE, "._-@" },
  [RIFQ_TEXT_DOCUMENT_NUMBER] = { 40, FALSE, "-/. " },
  [RIFQ_TEXT_FILE_NAME] = { 255, FALSE, NULL },
};

/* A number as the interface writes its digits. */
static char *
shown_number (gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  if (rifq_calendar_interface_digits () == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (text);
  return g_steal_pointer (&text);
}

/* Latin digits, without spaces, dashes, direction marks or joiners: what is left of a
 * number as a person types or pastes it, through rifq_arabic_map (). */
static gunichar
compact_number_char (gunichar c)
{
  if (c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 ||
      g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
    return 0;
  return c;
}

static gboolean
all_ascii_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

gboolean
rifq_luhn_valid (const char *digits)
{
  gsize len;
  guint sum = 0;

  g_return_val_if_fail (digits != NULL, FALSE);

  len = strlen (digits);
  if (len == 0 || !all_ascii_digits (digits))
    return FALSE;

  /* From the check digit leftwards, every second digit is doubled. */
  for (gsize i = 0; i < len; i++)
    {
      guint digit = (guint) (digits[len - 1 - i] - '0');

      if (i % 2 == 1)
        {
          digit *= 2;
          if (digit > 9)
            digit -= 9;
        }

      sum += digit;
    }

  return sum % 10 == 0;
}

/* Sets error to what is wrong with a field, and returns FALSE. */
static gboolean invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (RIFQ_ERROR, RIFQ_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

gboolean
rifq_validate_national_id (const char  *input,
                           const char  *field_label,
                           char       **out_normalized,
                           GError     **error)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = rifq_arabic_map (input, compact_number_char);

  if (*number == '\0')
    return invalid (error, _("%s: is required: type the 10 digits shown on the card"), field_label);

  if (!all_ascii_digits (number))
    return invalid (error, _("%s: must contain digits only, without letters or symbols"), field_label);

  if (strlen (number) != NATIONAL_ID_LENGTH)
    return invalid (error, _("%s: must be 10 digits"), field_label);

  if (number[0] != '1' && number[0] != '2')
    return invalid (error, _("%s: must start with 1 for a citizen or 2 for a resident"), field_label);

  if (!rifq_luhn_valid (number))
    return invalid (error, _("%s: check digit does not match: please re-read the number from the card"),
                    field_label);

  if (out_normalized != NULL)
    *out_normalized = g_steal_pointer (&number);

  return TRUE;
}

gboolean
rifq_validate_mobile (const char  *input,
                      const char  *field_label,
                      char       **out_normalized,
                      GError     **error)
{
  g_autofree char *number = NULL;
  const char *local;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = rifq_arabic_map (input, compact_number_char);

  if (*number == '\0')
    return invalid (error, _("%s: is required: type a mobile number such as 05XXXXXXXX"), field_label);

  local = number;
  if (*local == '+')
    local++;

  if (!all_ascii_digits (local))
    return invalid (error, _("%s: must contain digits only, such as 05XXXXXXXX"), field_label);

  if (number[0] == '+' || g_str_has_prefix (number, "00"))
    {
      local = number[0] == '+' ? number + 1 : number + 2;
      if (!g_str_has_prefix (local, "966"))
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("%s: must be a Saudi mobile such as 05XXXXXXXX or +9665XXXXXXXX; "
                         "numbers from other countries are not accepted"),
                       field_label);
          return FALSE;
        }
      local += 3;
    }
  else if (g_str_has_prefix (number, "966") && strlen (number) >= 3 + MOBILE_LOCAL_LENGTH)
    {
      local = number + 3;
    }

  /* "05…" locally, and the common "+966 05…" slip. */
  if (*local == '0')
    local++;

  if (*local != '5')
    return invalid (error, _("%s: must be a Saudi mobile such as 05XXXXXXXX (a mobile starts with 05)"),
                    field_label);

  if (strlen (local) != MOBILE_LOCAL_LENGTH)
    return invalid (error, _("%s: must be 10 digits starting with 05, such as 05XXXXXXXX"), field_label);

  if (out_normalized != NULL)
    *out_normalized = g_strconcat ("+966", local, NULL);

  return TRUE;
}

/* Digits grouped by thousands: "12,500" but not "1,25" or ",500". */
static gboolean
remove_thousands_separators (const char *text,
                             GString    *out)
{
  guint group_length = 0;
  gboolean grouped = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == 0x066c)
        {
          if (group_length == 0 || (grouped && group_length != 3) || (!grouped && group_length > 3))
            return FALSE;
          grouped = TRUE;
          group_length = 0;
          continue;
        }

      g_string_append_unichar (out, c);
      group_length++;
    }

  return !grouped || group_length == 3;
}

char *
rifq_validate_format_mobile (const char *mobile)
{
  if (mobile == NULL)
    return NULL;
  if (g_str_has_prefix (mobile, "+9665") && strlen (mobile) == strlen ("+966") + MOBILE_LOCAL_LENGTH &&
      all_ascii_digits (mobile + 1))
    return g_strconcat ("0", mobile + strlen ("+966"), NULL);
  return g_strdup (mobile);
}

gboolean
rifq_validate_count (const char  *input,
                     const char  *field_label,
                     gint64       max,
                     gint64      *out_value,
                     GError     **error)
{
  g_autofree char *latin = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GString) plain = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 value;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (max >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Before compact_number_char(), which drops dashes. */
  latin = g_strstrip (rifq_arabic_latin_digits (input));
  if (latin[0] == '-' || g_str_has_prefix (latin, "\xe2\x88\x92") /* U+2212 minus */)
    return invalid (error, _("%s: cannot be negative"), field_label);

  number = rifq_arabic_map (input, compact_number_char);

  if (*number == '\0')
    return invalid (error, _("%s: is required: type a number, or 0 if there is none"), field_label);

  /* "2-3" is a range, not 23. */
  if (strchr (latin, '-') != NULL)
    return invalid (error, _("%s: must be a whole number written in digits, without a decimal point"),
                    field_label);

  plain = g_string_new (NULL);
  if (!remove_thousands_separators (number, plain))
    return invalid (error, _("%s: the thousands separators are misplaced: write the number as 12,500 or 12500"),
                    field_label);

  if (!all_ascii_digits (plain->str))
    return invalid (error, _("%s: must be a whole number written in digits, without a decimal point"),
                    field_label);

  /* Digits alone by now: anything refused is too large, if only for a 64-bit number. */
  if (!g_ascii_string_to_unsigned (plain->str, 10, 0, (guint64) max, &value, &local_error))
    {
      g_autofree char *max_shown = shown_number (max);

      if (max == G_MAXINT64)
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: the number is too large"), field_label);
      else
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: the number is too large: at most %s"),
                     field_label, max_shown);
      return FALSE;
    }

  if (out_value != NULL)
    *out_value = (gint64) value;

  return TRUE;
}

gboolean
rifq_validate_optional_count (const char  *input,
                              const char  *field_label,
                              gint64       none,
                              gint64      *out_value,
                              GError     **error)
{
  g_return_val_if_fail (out_value != NULL, FALSE);

  *out_value = none;
  if (rifq_text_is_blank (input))
    return TRUE;
  return rifq_validate_count (input, field_label, G_MAXINT64, out_value, error);
}

RifqNumberKind
rifq_number_kind (const char *text)
{
  g_autofree char *latin = rifq_arabic_latin_digits (text != NULL ? text : "");

  g_strstrip (latin);
  if (*latin == '\0' || !all_ascii_digits (latin))
    return RIFQ_NUMBER_NONE;
  if (strlen (latin) != NATIONAL_ID_LENGTH)
    return RIFQ_NUMBER_RECORD;
  return latin[0] == '1' ? RIFQ_NUMBER_NATIONAL_ID : latin[0] == '2' ? RIFQ_NUMBER_IQAMA : RIFQ_NUMBER_OTHER_ID;
}

gboolean
rifq_validate_optional_date (const char  *label,
                             const char  *field,
                             const char  *typed,
                             char       **out_iso,
                             GError     **error)
{
  g_autoptr(GError) local = NULL;
  RifqCalendarKind kind;
  GDate date;

  *out_iso = NULL;
  if (rifq_text_is_blank (typed))
    return TRUE;
  if (!rifq_calendar_parse (typed, &date, &kind, &local))
    {
      /* Translators: "National ID / iqama, expiry date: <why>" */
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s, %s: %s"), label, field, local->message);
      return FALSE;
    }
  *out_iso = rifq_calendar_to_iso (&date);
  return TRUE;
}

gboolean
rifq_validate_birth_date (const char  *input,
                          const char  *field_label,
                          const GDate *today,
                          char       **out_iso,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = NULL;
  GDate now;
  GDate date;
  GDate earliest;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (input));
  if (*trimmed == '\0')
    return invalid (error, _("%s: is required: type the date as day/month/year, for example 12/03/1950"),
                    field_label);

  if (!rifq_calendar_parse (trimmed, &date, NULL, &local_error))
    {
      /* Translators: a field name, then what is wrong with what was typed in it. */
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   C_("field and problem", "%s: %s"), field_label, local_error->message);
      return FALSE;
    }

  if (today == NULL)
    {
      g_autoptr(GDateTime) local_now = g_date_time_new_now_local ();

      g_date_clear (&now, 1);
      g_date_set_dmy (&now,
                      (GDateDay) g_date_time_get_day_of_month (local_now),
                      (GDateMonth) g_date_time_get_month (local_now),
                      (GDateYear) g_date_time_get_year (local_now));
      today = &now;
    }

  if (g_date_compare (&date, today) > 0)
    return invalid (error, _("%s: cannot be in the future: check the year"), field_label);

  g_date_clear (&earliest, 1);
  g_date_set_dmy (&earliest, 1, G_DATE_JANUARY, EARLIEST_BIRTH_YEAR);
  if (g_date_compare (&date, &earliest) < 0)
    return invalid (error, _("%s: cannot be before 1880 (1297 AH): check the year"), field_label);

  if (out_iso != NULL)
    *out_iso = rifq_calendar_to_iso (&date);

  return TRUE;
}

gboolean
rifq_validate_required (const char  *input,
                        const char  *field_label,
                        char       **out_trimmed,
                        GError     **error)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  valid = g_utf8_make_valid (input, -1);
  out = g_string_sized_new (strlen (valid) + 1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: is required"), field_label);
      return FALSE;
    }

  if (out_trimmed != NULL)
    *out_trimmed = g_string_free (out, FALSE);
  else
    g_string_free (out, TRUE);

  return TRUE;
}

gboolean
rifq_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

guint
rifq_text_max_length (RifqTextKind kind)
{
  g_return_val_if_fail (kind < RIFQ_N_TEXT_KINDS, 0);
  return text_rules[kind].max_length;
}

static gboolean
in_alphabet (const char *text,
             const char *symbols)
{
  gboolean has_alnum = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        has_alnum = TRUE;
      else if (strchr (symbols, *p) == NULL)
        return FALSE;
    }
  return has_alnum;
}

static gboolean
refuse_length (const TextRule  *rule,
               const char      *field_label,
               GError         **error)
{
  g_autofree char *max_shown = shown_number (rule->max_length);

  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: may be at most %s characters long"), field_label,
               max_shown);
  return FALSE;
}

gboolean
rifq_validate_text (const char    *input,
                    RifqTextKind   kind,
                    const char    *field_label,
                    GError       **error)
{
  const TextRule *rule;

  g_return_val_if_fail (kind < RIFQ_N_TEXT_KINDS, FALSE);
  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (input == NULL)
    return TRUE;
  rule = &text_rules[kind];

  /* At most four bytes a character: a name of 10 MB is refused without reading it through. */
  if (strlen (input) > (gsize) rule->max_length * 4)
    return refuse_length (rule, field_label, error);
  if (!g_utf8_validate (input, -1, NULL))
    return invalid (error, _("%s: is not valid text (UTF-8)"), field_label);
  if (g_utf8_strlen (input, -1) > (glong) rule->max_length)
    return refuse_length (rule, field_label, error);

  for (const char *p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (rule->multiline && (c == '\n' || c == '\r' || c == '\t'))
        continue;
      if (g_unichar_type (c) == G_UNICODE_CONTROL)
        return invalid (error,
                        rule->multiline ? _("%s: holds a control character: type plain text")
                                        : _("%s: must be one line of plain text, without line breaks or control characters"),
                        field_label);
    }

  if (kind == RIFQ_TEXT_USER_NAME && (!in_alphabet (input, rule->symbols) || input[0] == '-' || input[0] == '.'))
    return invalid (error, _("%s: use only Latin letters, digits and . _ - @, starting with a letter, a digit or _"),
                    field_label);
  if (kind == RIFQ_TEXT_DOCUMENT_NUMBER && !in_alphabet (input, rule->symbols))
    return invalid (error, _("%s: use only digits, Latin letters, spaces and - / ."), field_label);
  return TRUE;
}

gboolean
rifq_validate_texts (const RifqTextField  *fields,
                     guint                 n_fields,
                     GError              **error)
{
  for (guint i = 0; i < n_fields; i++)
    if (!rifq_validate_text (fields[i].text, fields[i].kind, fields[i].label, error))
      return FALSE;
  return TRUE;
}
