/* rifq-test-pdf.h: reading back the PDFs Rifq writes, for its tests
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "rifq-locale.h"
#include "rifq-pdf.h"

/* Language */

/* Documents from now on in language, "ar" or "en": the Arabic catalog is found through
 * RIFQ_LOCALEDIR, as the programs find it (rifq_locale_init()). */
static inline void
rifq_test_pdf_use_language (const char *language)
{
  static gboolean bound;
  g_autofree char *locale = NULL;

  if (!bound)
    {
      rifq_locale_init ();
      bound = TRUE;
    }
  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext keeps the translations it has looked up until the locale changes. */
  locale = g_strdup (setlocale (LC_ALL, NULL));
  setlocale (LC_ALL, "C");
  setlocale (LC_ALL, locale);
  g_assert_true (rifq_pdf_rtl () == g_str_equal (language, "ar"));
}

/* Files */

/* A path for a file called name in a fresh temporary folder made from tmpl
 * ("rifq-receipt-XXXXXX"); rifq_test_pdf_remove() takes both away again. */
static inline char *
rifq_test_pdf_tmp_path (const char *tmpl,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

/* Removes the file, then the temporary folder it was written in. */
static inline void
rifq_test_pdf_remove (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static inline PopplerDocument *
rifq_test_pdf_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static inline int
rifq_test_pdf_n_pages (const char *path)
{
  PopplerDocument *document = rifq_test_pdf_open (path);
  int n = poppler_document_get_n_pages (document);

  g_object_unref (document);
  return n;
}

/* Reading the text back */

/* Words further apart than this share of their line's height are read as two. Measured with
 * Amiri, whose boxes are 1.76 em tall: a space leaves a gap of 0.027 (before ك, which Amiri
 * kerns) to 0.17 of the box's height; the parts of a word that pdftotext splits, at a glyph
 * narrower than 0.1 em or at a number, stand at most 0.02 em (0.012 of the box) apart. */
#define RIFQ_TEST_PDF_SPACE_GAP 0.02

/* The marks a writer puts round runs of the other direction. */
static inline gboolean
rifq_test_pdf_is_direction_mark (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) ||  /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069) ||  /* isolates */
         c == 0x200E || c == 0x200F;
}

/* One word of pdftotext -bbox, its box, and its text as it stands on the page, left to right. */
typedef struct
{
  double  x_min;
  double  y_min;
  double  x_max;
  double  y_max;
  char   *text;
} RifqTestPdfWord;

static inline void
rifq_test_pdf_word_clear (RifqTestPdfWord *word)
{
  g_clear_pointer (&word->text, g_free);
}

static inline void
rifq_test_pdf_word_started_cb (GMarkupParseContext  *context,
                               const char           *element,
                               const char          **names,
                               const char          **values,
                               gpointer              user_data,
                               GError              **error)
{
  GArray *words = user_data;
  RifqTestPdfWord word = { 0 };

  if (!g_str_equal (element, "word"))
    return;

  for (guint i = 0; names[i] != NULL; i++)
    {
      double value = g_ascii_strtod (values[i], NULL);

      if (g_str_equal (names[i], "xMin"))
        word.x_min = value;
      else if (g_str_equal (names[i], "yMin"))
        word.y_min = value;
      else if (g_str_equal (names[i], "xMax"))
        word.x_max = value;
      else if (g_str_equal (names[i], "yMax"))
        word.y_max = value;
    }
  word.text = g_strdup ("");
  g_array_append_val (words, word);
}

static inline void
rifq_test_pdf_word_text_cb (GMarkupParseContext  *context,
                            const char           *text,
                            gsize                 length,
                            gpointer              user_data,
                            GError              **error)
{
  GArray *words = user_data;
  RifqTestPdfWord *word;
  GString *kept;

  if (g_strcmp0 (g_markup_parse_context_get_element (context), "word") != 0)
    return;

  word = &g_array_index (words, RifqTestPdfWord, words->len - 1);
  kept = g_string_new (word->text);
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      if (!rifq_test_pdf_is_direction_mark (g_utf8_get_char (p)))
        g_string_append_unichar (kept, g_utf8_get_char (p));
    }
  g_free (word->text);
  word->text = g_string_free (kept, FALSE);
}

static inline int
rifq_test_pdf_compare_top (gconstpointer a,
                           gconstpointer b)
{
  const RifqTestPdfWord *first = a;
  const RifqTestPdfWord *second = b;

  return (first->y_min + first->y_max > second->y_min + second->y_max) -
         (first->y_min + first->y_max < second->y_min + second->y_max);
}

static inline int
rifq_test_pdf_compare_left_edge (gconstpointer a,
                                 gconstpointer b)
{
  const RifqTestPdfWord *first = *(const RifqTestPdfWord * const *) a;
  const RifqTestPdfWord *second = *(const RifqTestPdfWord * const *) b;

  return (first->x_min > second->x_min) - (first->x_min < second->x_min);
}

/* Characters as the bidi algorithm sees them, enough to undo what it did to a line. */
typedef enum
{
  RIFQ_TEST_PDF_NEUTRAL,
  RIFQ_TEST_PDF_ARABIC,  /* right to left */
  RIFQ_TEST_PDF_LATIN,   /* left to right */
  RIFQ_TEST_PDF_DIGIT,   /* left to right inside either */
} RifqTestPdfClass;

static inline RifqTestPdfClass
rifq_test_pdf_class (gunichar c)
{
  if (g_unichar_isdigit (c))
    return RIFQ_TEST_PDF_DIGIT;
  if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
    return g_unichar_isalpha (c) || g_unichar_ismark (c) ? RIFQ_TEST_PDF_ARABIC : RIFQ_TEST_PDF_NEUTRAL;
  if (g_unichar_isalpha (c))
    return RIFQ_TEST_PDF_LATIN;
  return RIFQ_TEST_PDF_NEUTRAL;
}

static inline void
rifq_test_pdf_reverse (gunichar *chars,
                       glong     from,
                       glong     to)
{
  for (glong a = from, b = to - 1; a < b; a++, b--)
    {
      gunichar swap = chars[a];

      chars[a] = chars[b];
      chars[b] = swap;
    }
}

/* What holds two numbers together as one ("1448/0007", "2026-11-26", "١٬٥٠٠", "MR-2026-4471"):
 * one of these between them. A space does too between the groups of a telephone number, which
 * documents keep whole. Anything else, a dash between spaces, leaves two numbers that a
 * right-to-left line sets in its own order. */
static inline gboolean
rifq_test_pdf_is_number_joiner (gunichar c)
{
  return c == '/' || c == '-' || c == '.' || c == ',' || c == ':' || c == 0x066B || c == 0x066C;
}

/* Classes of a line's characters for undoing the bidi algorithm: digits after Latin letters,
 * with no Arabic between, read as Latin (the algorithm's rule W7). */
static inline RifqTestPdfClass *
rifq_test_pdf_classes (const gunichar *chars,
                       glong           n)
{
  RifqTestPdfClass *classes = g_new (RifqTestPdfClass, MAX (n, 1));
  RifqTestPdfClass strong = RIFQ_TEST_PDF_NEUTRAL;

  for (glong i = 0; i < n; i++)
    {
      classes[i] = rifq_test_pdf_class (chars[i]);
      if (classes[i] == RIFQ_TEST_PDF_ARABIC || classes[i] == RIFQ_TEST_PDF_LATIN)
        strong = classes[i];
      else if (classes[i] == RIFQ_TEST_PDF_DIGIT && strong == RIFQ_TEST_PDF_LATIN)
        classes[i] = RIFQ_TEST_PDF_LATIN;
    }
  return classes;
}

/* The end of the left-to-right run (Latin and numbers) that begins at i: what lies between two
 * Latin words goes with them; between a number and its neighbour only a joiner does. */
static inline glong
rifq_test_pdf_run_end (const gunichar         *chars,
                       const RifqTestPdfClass *classes,
                       glong                   n,
                       glong                   i)
{
  glong end = i + 1;

  while (end < n)
    {
      glong next = end;
      gboolean joined;

      while (next < n && classes[next] == RIFQ_TEST_PDF_NEUTRAL)
        next++;
      if (next >= n || (classes[next] != RIFQ_TEST_PDF_LATIN && classes[next] != RIFQ_TEST_PDF_DIGIT))
        break;
      joined = next == end ||
               (classes[end - 1] == RIFQ_TEST_PDF_LATIN && classes[next] == RIFQ_TEST_PDF_LATIN) ||
               (next - end == 1 && rifq_test_pdf_is_number_joiner (chars[end])) ||
               (next - end == 1 && chars[end] == ' ' &&
                classes[end - 1] == RIFQ_TEST_PDF_DIGIT && classes[next] == RIFQ_TEST_PDF_DIGIT);
      if (!joined)
        break;
      end = next + 1;
    }
  return end;
}

/* Turns back, from from to to, each run of Latin and of numbers. */
static inline void
rifq_test_pdf_restore_ltr_runs (gunichar               *chars,
                                const RifqTestPdfClass *classes,
                                glong                   from,
                                glong                   to)
{
  glong i = from;

  while (i < to)
    {
      glong end;

      if (classes[i] != RIFQ_TEST_PDF_LATIN && classes[i] != RIFQ_TEST_PDF_DIGIT)
        {
          i++;
          continue;
        }
      end = MIN (rifq_test_pdf_run_end (chars, classes, to, i), to);
      rifq_test_pdf_reverse (chars, i, end);
      i = end;
    }
}

/* A line as it stands on the page, left to right, in the order it was written: in a
 * right-to-left document the line turned round and its runs of Latin and of numbers back
 * again; in a left-to-right one each Arabic run turned round, and the numbers in it back. */
static inline char *
rifq_test_pdf_logical_line (const char *visual,
                            gboolean    rtl)
{
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (visual, -1, &n);
  g_autofree RifqTestPdfClass *classes = NULL;

  if (rtl)
    {
      rifq_test_pdf_reverse (chars, 0, n);
      classes = rifq_test_pdf_classes (chars, n);
      rifq_test_pdf_restore_ltr_runs (chars, classes, 0, n);
    }
  else
    {
      glong i = 0;

      classes = rifq_test_pdf_classes (chars, n);
      while (i < n)
        {
          glong end = i;

          if (classes[i] != RIFQ_TEST_PDF_ARABIC)
            {
              i++;
              continue;
            }
          /* To the last Arabic letter before the next Latin one. */
          for (glong j = i; j < n && classes[j] != RIFQ_TEST_PDF_LATIN; j++)
            {
              if (classes[j] == RIFQ_TEST_PDF_ARABIC)
                end = j;
            }
          rifq_test_pdf_reverse (chars, i, end + 1);
          {
            g_autofree RifqTestPdfClass *run = rifq_test_pdf_classes (chars + i, end + 1 - i);

            rifq_test_pdf_restore_ltr_runs (chars + i, run, 0, end + 1 - i);
          }
          g_free (classes);
          classes = rifq_test_pdf_classes (chars, n);
          i = end + 1;
        }
    }
  return g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
}

static inline void
rifq_test_pdf_append_line (GString   *text,
                           GPtrArray *line,
                           double     space_gap,
                           gboolean   rtl)
{
  g_autoptr(GString) visual = g_string_new (NULL);
  g_autofree char *logical = NULL;

  g_ptr_array_sort (line, rifq_test_pdf_compare_left_edge);
  for (guint i = 0; i < line->len; i++)
    {
      const RifqTestPdfWord *word = g_ptr_array_index (line, i);

      if (i > 0)
        {
          const RifqTestPdfWord *before = g_ptr_array_index (line, i - 1);

          if (word->x_min - before->x_max > space_gap * (word->y_max - word->y_min))
            g_string_append_c (visual, ' ');
        }
      g_string_append (visual, word->text);
    }
  logical = rifq_test_pdf_logical_line (visual->str, rtl);
  g_string_append (text, logical);
  g_string_append_c (text, '\n');
  g_ptr_array_set_size (line, 0);
}

/* The words of a page (from 1) as pdftotext -bbox gives them, top to bottom; their text as it
 * stands on the page, left to right. */
static inline GArray *
rifq_test_pdf_page_words (const char *path,
                          int         page)
{
  static const GMarkupParser parser = {
    rifq_test_pdf_word_started_cb, NULL, rifq_test_pdf_word_text_cb, NULL, NULL,
  };
  g_autofree char *page_arg = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-bbox", "-f", page_arg, "-l", page_arg, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *out = NULL;
  GArray *words = g_array_new (FALSE, TRUE, sizeof (RifqTestPdfWord));
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_array_set_clear_func (words, (GDestroyNotify) rifq_test_pdf_word_clear);
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, words, NULL);
  g_assert_true (g_markup_parse_context_parse (context, out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_array_sort (words, rifq_test_pdf_compare_top);
  return words;
}

/* The box of the first word on page (from 1) that reads word, left to right as it stands; says
 * so in the test's log when there is none. */
static inline gboolean
rifq_test_pdf_find_word (const char      *path,
                         int              page,
                         const char      *word,
                         RifqTestPdfWord *out_box)
{
  g_autoptr(GArray) words = rifq_test_pdf_page_words (path, page);

  for (guint i = 0; i < words->len; i++)
    {
      const RifqTestPdfWord *found = &g_array_index (words, RifqTestPdfWord, i);

      if (g_str_equal (found->text, word))
        {
          *out_box = *found;
          out_box->text = NULL;
          return TRUE;
        }
    }
  g_test_message ("No word «%s» on page %d", word, page);
  return FALSE;
}

/* One page's text in reading order, a line of the page a line of text; pages count from 1.
 * Gaps wider than space_gap times the line's height are read as spaces.
 *
 * pdftotext writes each line in visual order with the Arabic runs embedded, and puts the
 * punctuation at the end of an Arabic word on the wrong side of the space after it. Its -bbox
 * output gives each word and its box instead, the word's letters as they stand: read left to
 * right, line by line, and the bidi algorithm undone for the document's direction, those give
 * the text back in the order it was written. */
static inline char *
rifq_test_pdf_page_text_full (const char *path,
                              int         page,
                              double      space_gap)
{
  g_autoptr(GArray) words = rifq_test_pdf_page_words (path, page);
  g_autoptr(GPtrArray) line = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  gboolean rtl = rifq_pdf_rtl ();
  double line_middle = 0;
  double line_height = 0;

  for (guint i = 0; i < words->len; i++)
    {
      RifqTestPdfWord *word = &g_array_index (words, RifqTestPdfWord, i);
      double middle = (word->y_min + word->y_max) / 2;

      if (line->len > 0 && fabs (middle - line_middle) > 0.35 * line_height)
        rifq_test_pdf_append_line (text, line, space_gap, rtl);
      if (line->len == 0)
        {
          line_middle = middle;
          line_height = word->y_max - word->y_min;
        }
      g_ptr_array_add (line, word);
    }
  if (line->len > 0)
    rifq_test_pdf_append_line (text, line, space_gap, rtl);

  return g_string_free (text, FALSE);
}

static inline char *
rifq_test_pdf_page_text (const char *path,
                         int         page)
{
  return rifq_test_pdf_page_text_full (path, page, RIFQ_TEST_PDF_SPACE_GAP);
}

/* The whole document's text, page after page, lines joined by spaces. */
static inline char *
rifq_test_pdf_text_full (const char *path,
                         double      space_gap)
{
  int n_pages = rifq_test_pdf_n_pages (path);
  GString *text = g_string_new (NULL);

  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *page = rifq_test_pdf_page_text_full (path, i, space_gap);

      g_string_append (text, page);
    }
  g_strdelimit (text->str, "\n", ' ');
  return g_string_free (text, FALSE);
}

static inline char *
rifq_test_pdf_text (const char *path)
{
  return rifq_test_pdf_text_full (path, RIFQ_TEST_PDF_SPACE_GAP);
}

/* Comparing */

/* Harakat are drawn but are not part of a document's text (rifq_pdf_show_layout()): they are
 * left out of comparisons, the letters they sit on are not. */
static inline gboolean
rifq_test_pdf_is_haraka (gunichar c)
{
  return (c >= 0x064B && c <= 0x0652) || c == 0x0670;
}

/* The checks that look for a value compare the order of its letters and digits, without
 * spaces and harakat; the words themselves are checked by rifq_test_pdf_assert_text_as_drawn(). */
static inline char *
rifq_test_pdf_without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !rifq_test_pdf_is_haraka (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether text read back holds needle, compared without spaces or harakat; says which
 * needle was missing in the test's log. */
static inline gboolean
rifq_test_pdf_holds (const char *text,
                     const char *needle)
{
  g_autofree char *bare_text = rifq_test_pdf_without_spaces (text);
  g_autofree char *bare_needle = rifq_test_pdf_without_spaces (needle);

  if (strstr (bare_text, bare_needle) != NULL)
    return TRUE;
  g_test_message ("Not found: %s", needle);
  return FALSE;
}

/* The words of text: its runs of Arabic letters, of Latin letters and of digits, harakat and
 * direction marks left out. Punctuation is not compared: pdftotext moves it, in a
 * right-to-left line, to the other side of the space next to it. */
static inline GPtrArray *
rifq_test_pdf_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);
  RifqTestPdfClass word_class = RIFQ_TEST_PDF_NEUTRAL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      RifqTestPdfClass c_class = *p == '\0' ? RIFQ_TEST_PDF_NEUTRAL : rifq_test_pdf_class (c);

      if (*p != '\0' && (g_unichar_ismark (c) || rifq_test_pdf_is_direction_mark (c)))
        continue;
      if (c_class != word_class && word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (*p == '\0')
        break;
      if (c_class != RIFQ_TEST_PDF_NEUTRAL)
        g_string_append_unichar (word, c);
      word_class = c_class;
    }
  g_string_free (word, TRUE);
  return words;
}

static inline int
rifq_test_pdf_compare_strings (gconstpointer a,
                               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* pdftotext sets numbers that stand next to each other, with only a dash or a space between
 * ("٣ — ٢٠" in a right-to-left line), in the order they stand rather than the order they were
 * written: each run of such numbers is compared as a set. The order inside a number
 * ("1448/0007") is the checks' of rifq_test_pdf_holds(). */
static inline void
rifq_test_pdf_sort_number_runs (GPtrArray *words)
{
  guint i = 0;

  while (i < words->len)
    {
      guint end = i;

      while (end < words->len && g_unichar_isdigit (g_utf8_get_char (g_ptr_array_index (words, end))))
        end++;
      if (end - i > 1)
        qsort (words->pdata + i, end - i, sizeof (gpointer), rifq_test_pdf_compare_strings);
      i = MAX (end, i + 1);
    }
}

/* Whether needle's words stand, in order and next to each other, among haystack's. */
static inline gboolean
rifq_test_pdf_words_hold (GPtrArray *haystack,
                          GPtrArray *needle)
{
  for (guint start = 0; start + needle->len <= haystack->len; start++)
    {
      guint i = 0;

      while (i < needle->len &&
             g_str_equal (g_ptr_array_index (haystack, start + i), g_ptr_array_index (needle, i)))
        i++;
      if (i == needle->len)
        return TRUE;
    }
  return FALSE;
}

/* The document's text as pdftotext reads it, as a person copying it would get it, with the
 * direction marks pdftotext adds taken out. */
static inline char *
rifq_test_pdf_extracted_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GString *text = g_string_new (NULL);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!rifq_test_pdf_is_direction_mark (g_utf8_get_char (p)))
        g_string_append_unichar (text, g_utf8_get_char (p));
    }
  return g_string_free (text, FALSE);
}

/* Each line drawn (rifq_pdf_record_text_end()) reads back from the PDF at path with the words
 * it was drawn with, whole and in order: none split by a space, none run into the next. */
static inline void
rifq_test_pdf_assert_text_as_drawn (const char         *path,
                                    const char * const *drawn)
{
  g_autofree char *text = rifq_test_pdf_extracted_text (path);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) extracted = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;
  guint wrong = 0;

  g_assert_nonnull (drawn);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) words = rifq_test_pdf_words (lines[i]);

      rifq_test_pdf_sort_number_runs (words);
      for (guint w = 0; w < words->len; w++)
        g_ptr_array_add (extracted, g_strdup (g_ptr_array_index (words, w)));
    }
  for (guint i = 0; drawn[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) words = rifq_test_pdf_words (drawn[i]);

      if (words->len == 0)
        continue;
      rifq_test_pdf_sort_number_runs (words);
      checked++;
      if (!rifq_test_pdf_words_hold (extracted, words))
        {
          g_test_message ("Drawn, but not read back as drawn: «%s»", drawn[i]);
          wrong++;
        }
    }
  if (wrong > 0)
    g_test_message ("pdftotext read:\n%s", text);
  g_assert_cmpuint (checked, >, 5);
  g_assert_cmpuint (wrong, ==, 0);
}

/* In a document read left to right: word (an English label or heading) starts on page within
 * tolerance points of the left margin at margin_left, and each of ends (words with their
 * punctuation, "Greetings,", "days).") is on a page as one word, its punctuation after it: laid
 * out right to left, a sentence's last stop would stand apart at its left end. */
static inline void
rifq_test_pdf_assert_left_to_right (const char         *path,
                                    int                 page,
                                    const char         *word,
                                    double              margin_left,
                                    double              tolerance,
                                    const char * const *ends)
{
  RifqTestPdfWord box = { 0 };

  g_assert_false (rifq_pdf_rtl ());
  g_assert_true (rifq_test_pdf_find_word (path, page, word, &box));
  g_test_message ("«%s» starts at %.1f pt", word, box.x_min);
  g_assert_cmpfloat (box.x_min, >=, margin_left - 1);
  g_assert_cmpfloat (box.x_min, <=, margin_left + tolerance);
  for (guint i = 0; ends != NULL && ends[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (int p = 1; p <= rifq_test_pdf_n_pages (path) && !found; p++)
        found = rifq_test_pdf_find_word (path, p, ends[i], &box);
      g_assert_true (found);
    }
}

/* Every number the document prints is in digits: no Western digit on an Arabic document's
 * pages, no Arabic-Indic one on a Western one. except, when given, lists texts allowed to keep
 * their own (a seal's code). */
static inline void
rifq_test_pdf_assert_digits (const char         *path,
                             RifqDigits          digits,
                             const char * const *except)
{
  g_autofree char *text = rifq_test_pdf_extracted_text (path);

  for (guint i = 0; except != NULL && except[i] != NULL; i++)
    {
      char *found;

      while ((found = strstr (text, except[i])) != NULL)
        memset (found, ' ', strlen (except[i]));
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean western = c >= (gunichar) '0' && c <= (gunichar) '9';
      gboolean arabic_indic = c >= 0x0660 && c <= 0x0669;
      gboolean wrong = digits == RIFQ_DIGITS_ARABIC ? western : arabic_indic;

      if (wrong)
        g_test_message ("A number in the other digits (U+%04X) in:\n%s", c, text);
      g_assert_false (wrong);
    }
}

/* Pages and fonts */

/* Every character lies inside the page, clear of its edges: nothing was cut off. */
static inline void
rifq_test_pdf_assert_text_inside_page (PopplerPage *page)
{
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  double width;
  double height;

  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_assert_cmpuint (n_rects, >, 0);

  for (guint i = 0; i < n_rects; i++)
    {
      g_assert_cmpfloat (rects[i].x1, >=, 20);
      g_assert_cmpfloat (rects[i].x2, <=, width - 20);
      g_assert_cmpfloat (rects[i].y1, >=, 20);
      g_assert_cmpfloat (rects[i].y2, <=, height - 20);
    }

  g_free (rects);
}

/* Each page renders, A4, with ink on it and no text cut off at its edges. */
static inline void
rifq_test_pdf_assert_pages_render (const char *path)
{
  PopplerDocument *document = rifq_test_pdf_open (path);
  int n_pages = poppler_document_get_n_pages (document);

  g_assert_cmpint (n_pages, >=, 1);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      cairo_surface_t *surface;
      cairo_t *cr;
      double width;
      double height;
      guint dark = 0;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (fabs (width - RIFQ_PDF_A4_WIDTH), <, 1);
      g_assert_cmpfloat (fabs (height - RIFQ_PDF_A4_HEIGHT), <, 1);

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      poppler_page_render (page, cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

      for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
        {
          const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                                  y * cairo_image_surface_get_stride (surface));

          for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
            dark += (row[x] & 0xff) < 0x80;
        }
      g_assert_cmpuint (dark, >, 1000);

      rifq_test_pdf_assert_text_inside_page (page);
      cairo_surface_destroy (surface);
      g_object_unref (page);
    }
  g_object_unref (document);
}

/* Every font in the file is embedded, Amiri among them. pdffonts' columns are found from the
 * dashes under its header: name, type, encoding, emb, … Its whole listing goes to
 * out_listing, when given, for the caller to look for other faces in. */
static inline void
rifq_test_pdf_assert_fonts_embedded (const char  *path,
                                     char       **out_listing)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "pdffonts", path, NULL };
  gsize emb_start = 0;
  gsize emb_end = 0;
  guint column = 0;
  guint n_fonts = 0;
  gboolean amiri = FALSE;
  gsize i = 0;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", out);

  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  g_assert_true (g_str_has_prefix (lines[1], "---"));

  /* The fourth run of dashes sits under "emb". */
  while (lines[1][i] != '\0' && column < 4)
    {
      while (lines[1][i] == ' ')
        i++;
      emb_start = i;
      while (lines[1][i] == '-')
        i++;
      emb_end = i;
      column++;
    }
  g_assert_cmpuint (column, ==, 4);

  for (guint l = 2; lines[l] != NULL; l++)
    {
      g_autofree char *emb = NULL;

      if (*lines[l] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[l]), >=, emb_end);
      emb = g_strstrip (g_strndup (lines[l] + emb_start, emb_end - emb_start));
      g_assert_cmpstr (emb, ==, "yes");
      amiri |= strstr (lines[l], "+Amiri") != NULL;
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_true (amiri);

  if (out_listing != NULL)
    *out_listing = g_steal_pointer (&out);
}
