/* rifq-arabic.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-arabic"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-arabic.h"

/* fold_char() results that are not characters to append. */
#define FOLD_DROP      ((gunichar) 0)
#define FOLD_SEPARATOR ((gunichar) ' ')

#define ARABIC_ALEF 0x0627

/* "عبد" in UTF-8: U+0639 U+0628 U+062F. */
#define ABD_UTF8     "\xd8\xb9\xd8\xa8\xd8\xaf"
#define ABD_UTF8_LEN 6

/* U+0660–0669 are D9 A0–A9 in UTF-8, U+06F0–06F9 are DB B0–B9. */
#define ARABIC_INDIC_LEAD          0xd9
#define ARABIC_INDIC_TRAIL_ZERO    0xa0
#define EASTERN_INDIC_LEAD         0xdb
#define EASTERN_INDIC_TRAIL_ZERO   0xb0

static inline gboolean
is_arabic_mark (gunichar c)
{
  /* Tashkeel and the superscript alef first: they are by far the most common. */
  if ((c >= 0x064b && c <= 0x065f) || c == 0x0670)
    return TRUE;

  /* Quranic annotation signs and the other combining marks of the Arabic blocks. */
  if ((c >= 0x0610 && c <= 0x061a) || (c >= 0x06d6 && c <= 0x06ed) || (c >= 0x08d3 && c <= 0x08ff))
    return g_unichar_ismark (c);

  return FALSE;
}

/* The search form of one non-ASCII character: a character, FOLD_DROP or FOLD_SEPARATOR. */
static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x0622: /* آ */
    case 0x0623: /* أ */
    case 0x0625: /* إ */
    case 0x0671: /* ٱ */
    case 0x0672: /* ٲ */
    case 0x0673: /* ٳ */
      return ARABIC_ALEF;

    case 0x0629: /* ة */
      return 0x0647;

    case 0x0649: /* ى */
    case 0x06cc: /* Farsi yeh, produced by Persian keyboard layouts */
      return 0x064a;

    case 0x06a9: /* keheh, produced by Persian keyboard layouts */
      return 0x0643;

    case 0x0640: /* tatweel */
      return FOLD_DROP;

    default:
      break;
    }

  if (c >= 0x0621 && c <= 0x064a)
    return c;

  if (c >= 0x0660 && c <= 0x0669)
    return '0' + (c - 0x0660);

  if (c >= 0x06f0 && c <= 0x06f9)
    return '0' + (c - 0x06f0);

  if (is_arabic_mark (c))
    return FOLD_DROP;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return c;

    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
      return g_unichar_tolower (c);

    case G_UNICODE_DECIMAL_NUMBER:
      return '0' + g_unichar_digit_value (c);

    case G_UNICODE_FORMAT:
      /* Joiners and direction marks pasted into a word must not split it. */
      return FOLD_DROP;

    /* Punctuation, symbols, spaces and controls all break words. */
    default:
      return FOLD_SEPARATOR;
    }
}

/* TRUE when the last word written so far is exactly "عبد". */
static inline gboolean
ends_with_word_abd (const GString *out)
{
  if (out->len < ABD_UTF8_LEN)
    return FALSE;

  if (memcmp (out->str + out->len - ABD_UTF8_LEN, ABD_UTF8, ABD_UTF8_LEN) != 0)
    return FALSE;

  return out->len == ABD_UTF8_LEN || out->str[out->len - ABD_UTF8_LEN - 1] == ' ';
}

static char *
normalize (const char *text)
{
  GString *out;
  const char *p = text;
  gboolean pending_space = FALSE;

  out = g_string_sized_new (strlen (text) + 1);

  while (*p != '\0')
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          char ascii = *p++;

          if (g_ascii_isalnum (ascii))
            c = (gunichar) g_ascii_tolower (ascii);
          else
            c = FOLD_SEPARATOR;
        }
      else
        {
          c = g_utf8_get_char_validated (p, -1);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              /* A stray byte from a broken import: treat it as a word break. */
              c = FOLD_SEPARATOR;
              p++;
            }
          else
            {
              p = g_utf8_next_char (p);
              c = fold_char (c);
            }
        }

      if (c == FOLD_DROP)
        continue;

      if (c == FOLD_SEPARATOR)
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        {
          /* "عبد الله" and "عبدالله" are the same name however the clerk typed it. */
          if (c != ARABIC_ALEF || !ends_with_word_abd (out))
            g_string_append_c (out, ' ');
          pending_space = FALSE;
        }

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
rifq_arabic_latin_digits (const char *text)
{
  GString *out;
  const guchar *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 1);

  for (p = (const guchar *) text; *p != '\0'; p++)
    {
      if (p[0] == ARABIC_INDIC_LEAD &&
          p[1] >= ARABIC_INDIC_TRAIL_ZERO && p[1] <= ARABIC_INDIC_TRAIL_ZERO + 9)
        {
          g_string_append_c (out, (char) ('0' + p[1] - ARABIC_INDIC_TRAIL_ZERO));
          p++;
        }
      else if (p[0] == EASTERN_INDIC_LEAD &&
               p[1] >= EASTERN_INDIC_TRAIL_ZERO && p[1] <= EASTERN_INDIC_TRAIL_ZERO + 9)
        {
          g_string_append_c (out, (char) ('0' + p[1] - EASTERN_INDIC_TRAIL_ZERO));
          p++;
        }
      else
        {
          g_string_append_c (out, (char) *p);
        }
    }

  return g_string_free (out, FALSE);
}

char *
rifq_arabic_indic_digits (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) * 2 + 1);

  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, (char) ARABIC_INDIC_LEAD);
          g_string_append_c (out, (char) (ARABIC_INDIC_TRAIL_ZERO + (*p - '0')));
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

char *
rifq_arabic_map (const char         *text,
                 RifqArabicCharFunc  map)
{
  g_autofree char *valid = NULL;
  g_autofree char *latin = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  latin = rifq_arabic_latin_digits (valid);
  out = g_string_sized_new (strlen (latin) + 1);
  for (const char *p = latin; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = map (g_utf8_get_char (p));

      if (c != 0)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
rifq_arabic_normalize (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return normalize (text);
}

char *
rifq_arabic_normalize_query (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  /* The join only looks at the first letter of the next word, so a half-typed "عبد ا"
   * already folds to the prefix of "عبدالله", and a trailing "عبد " to "عبد". */
  return normalize (text);
}

gboolean
rifq_arabic_is_numeric (const char *text)
{
  g_autofree char *latin = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  latin = rifq_arabic_latin_digits (text);
  p = g_strstrip (latin);

  if (*p == '+')
    p++;

  if (*p == '\0')
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}
