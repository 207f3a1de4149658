/* rifq-test-pdf.h: reading back the PDFs Rifq writes, for its tests
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "rifq-pdf.h"

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

/* Glyph clusters further apart than this share of their line's height are read as two words.
 * Measured with Amiri, whose boxes are 2.35 em tall: a space leaves a gap of 0.13 to 0.17 of
 * the box's height, letters of one word (after ر or ا) mostly under 0.06. */
#define RIFQ_TEST_PDF_SPACE_GAP 0.11

/* The marks a writer puts round runs of the other direction. */
static inline gboolean
rifq_test_pdf_is_direction_mark (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) ||  /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069) ||  /* isolates */
         c == 0x200E || c == 0x200F;
}

typedef enum
{
  RIFQ_TEST_PDF_WORD_NEUTRAL,
  RIFQ_TEST_PDF_WORD_LTR,
  RIFQ_TEST_PDF_WORD_ARABIC,
} RifqTestPdfWordKind;

/* One glyph cluster of pdftotext -bbox, and its box. */
typedef struct
{
  double               x_min;
  double               y_min;
  double               x_max;
  double               y_max;
  char                *text;
  RifqTestPdfWordKind  kind;
} RifqTestPdfWord;

static inline void
rifq_test_pdf_word_clear (RifqTestPdfWord *word)
{
  g_clear_pointer (&word->text, g_free);
}

static inline RifqTestPdfWordKind
rifq_test_pdf_word_kind (const char *text)
{
  RifqTestPdfWordKind kind = RIFQ_TEST_PDF_WORD_NEUTRAL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0600 && c <= 0x06FF)
        return RIFQ_TEST_PDF_WORD_ARABIC;
      if (c < 0x80 && g_ascii_isalnum (c))
        kind = RIFQ_TEST_PDF_WORD_LTR;
    }
  return kind;
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
  word->kind = rifq_test_pdf_word_kind (word->text);
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
rifq_test_pdf_compare_right_edge_descending (gconstpointer a,
                                             gconstpointer b)
{
  const RifqTestPdfWord *first = *(const RifqTestPdfWord * const *) a;
  const RifqTestPdfWord *second = *(const RifqTestPdfWord * const *) b;

  return (first->x_max < second->x_max) - (first->x_max > second->x_max);
}

/* Turns round each left-to-right run (Latin words and the neutral words between them), which
 * reading from the right has put back to front. */
static inline void
rifq_test_pdf_reverse_ltr_runs (GPtrArray *line)
{
  guint i = 0;

  while (i < line->len)
    {
      guint end = i;

      if (((RifqTestPdfWord *) g_ptr_array_index (line, i))->kind != RIFQ_TEST_PDF_WORD_LTR)
        {
          i++;
          continue;
        }
      for (guint j = i;
           j < line->len && ((RifqTestPdfWord *) g_ptr_array_index (line, j))->kind != RIFQ_TEST_PDF_WORD_ARABIC;
           j++)
        {
          if (((RifqTestPdfWord *) g_ptr_array_index (line, j))->kind == RIFQ_TEST_PDF_WORD_LTR)
            end = j;
        }
      for (guint a = i, b = end; a < b; a++, b--)
        {
          gpointer swap = line->pdata[a];

          line->pdata[a] = line->pdata[b];
          line->pdata[b] = swap;
        }
      i = end + 1;
    }
}

static inline void
rifq_test_pdf_append_line (GString   *text,
                           GPtrArray *line,
                           double     space_gap)
{
  g_ptr_array_sort (line, rifq_test_pdf_compare_right_edge_descending);
  rifq_test_pdf_reverse_ltr_runs (line);
  for (guint i = 0; i < line->len; i++)
    {
      const RifqTestPdfWord *word = g_ptr_array_index (line, i);

      if (i > 0)
        {
          const RifqTestPdfWord *before = g_ptr_array_index (line, i - 1);
          double gap = MAX (before->x_min - word->x_max, word->x_min - before->x_max);

          if (gap > space_gap * (word->y_max - word->y_min))
            g_string_append_c (text, ' ');
        }
      g_string_append (text, word->text);
    }
  g_string_append_c (text, '\n');
  g_ptr_array_set_size (line, 0);
}

/* One page's text in reading order, a line of the page a line of text; pages count from 1.
 * Gaps wider than space_gap times the line's height are read as spaces.
 *
 * pdftotext writes each line in visual order with the Arabic runs embedded, so "١٥ جمادى"
 * comes back as "جمادى١٥" once its marks are stripped. Its -bbox output gives each glyph
 * cluster and its box instead; read right to left, line by line, with Latin runs turned back
 * round, those give the text back in the order it was written. */
static inline char *
rifq_test_pdf_page_text_full (const char *path,
                              int         page,
                              double      space_gap)
{
  static const GMarkupParser parser = {
    rifq_test_pdf_word_started_cb, NULL, rifq_test_pdf_word_text_cb, NULL, NULL,
  };
  g_autofree char *page_arg = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-bbox", "-f", page_arg, "-l", page_arg, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (RifqTestPdfWord));
  g_autoptr(GPtrArray) line = g_ptr_array_new ();
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *out = NULL;
  GString *text = g_string_new (NULL);
  double line_middle = 0;
  double line_height = 0;
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
  for (guint i = 0; i < words->len; i++)
    {
      RifqTestPdfWord *word = &g_array_index (words, RifqTestPdfWord, i);
      double middle = (word->y_min + word->y_max) / 2;

      if (line->len > 0 && fabs (middle - line_middle) > 0.35 * line_height)
        rifq_test_pdf_append_line (text, line, space_gap);
      if (line->len == 0)
        {
          line_middle = middle;
          line_height = word->y_max - word->y_min;
        }
      g_ptr_array_add (line, word);
    }
  if (line->len > 0)
    rifq_test_pdf_append_line (text, line, space_gap);

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

/* Harakat come back from Amiri's glyph clusters out of order ("صوّتت" reads "صوتّت", "تقريرًا"
 * reads "تقريراً"): they are left out of comparisons, the letters they sit on are not. */
static inline gboolean
rifq_test_pdf_is_haraka (gunichar c)
{
  return (c >= 0x064B && c <= 0x0652) || c == 0x0670;
}

/* Spaces between Arabic words come back from the gaps between glyphs, which kerning now and
 * then closes ("لرعايةكبار") or widens ("ا ل كرسي"): text is compared without them, and
 * without harakat. What matters, the order of letters and digits, is compared whole. */
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
