/* test-letter-pdf.c: the decision letter tells the applicant the committee's decision on one page
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "rifq-letter-pdf.h"
#include "rifq-pdf.h"

#define LETTER_NUMBER  "1448/0007"
#define REQUEST_NUMBER "1448/000123"
#define RECIPIENT      "محمد بن عبدالله بن صالح الحربي"
#define NATIONAL_ID    "1012345678"
#define DATE_LINE      "٢١ جمادى الآخرة ١٤٤٨ هـ — ١ ديسمبر ٢٠٢٦م"
#define REASONS        "الدخل الشهري للأسرة (٩٬٢٠٠ ريال) يتجاوز حد الاستحقاق المعتمد في لائحة الجمعية، " \
                       "ولم تُقدَّم مستندات تثبت ظروفًا استثنائية."
#define NEXT_STEP      "يحق لكم التقدم بطلب جديد متى تغيرت ظروفكم، أو التظلم من القرار خلال ثلاثين يومًا."
#define LETTERHEAD     "الرياض، حي الملز — هاتف 011 476 5500"

static const guchar *
sample_logo (gsize *length)
{
  static GBytes *logo;

  if (logo == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 96, 96);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *path = NULL;
      char *data = NULL;
      gsize size = 0;
      int fd;

      cairo_set_source_rgb (cr, 0.05, 0.40, 0.30);
      cairo_arc (cr, 48, 48, 44, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_destroy (cr);

      fd = g_file_open_tmp ("rifq-logo-XXXXXX.png", &path, NULL);
      g_assert_cmpint (fd, >=, 0);
      g_close (fd, NULL);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      g_unlink (path);
      logo = g_bytes_new_take (data, size);
    }
  return g_bytes_get_data (logo, length);
}

static RifqLetter
sample_letter (RifqLetterKind kind)
{
  RifqLetter letter = {
    .association_name = "جمعية رحماء لرعاية كبار السن",
    .letterhead_line = LETTERHEAD,
    .letter_number = LETTER_NUMBER,
    .date_line = DATE_LINE,
    .recipient_name = RECIPIENT,
    .national_id = NATIONAL_ID,
    .request_number = REQUEST_NUMBER,
    .kind = "أجهزة طبية",
    .letter_kind = kind,
    .reasons = kind == RIFQ_LETTER_ACCEPTANCE ? NULL : REASONS,
    .amount = kind == RIFQ_LETTER_ACCEPTANCE ? "١٬٥٠٠ ريال" : NULL,
    .next_step = NEXT_STEP,
    .signatory_name = "د. سعد بن محمد القحطاني",
    .signatory_title = "رئيس لجنة البحث",
    .digits = RIFQ_DIGITS_ARABIC,
  };

  letter.logo_png = sample_logo (&letter.logo_png_len);
  return letter;
}

static char *
write_letter (const RifqLetter *letter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-letter-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "letter.pdf", NULL);
  g_assert_true (rifq_letter_pdf_write (letter, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
remove_letter (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* Reading the text back */

static gboolean
is_direction_mark (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) ||  /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069) ||  /* isolates */
         c == 0x200E || c == 0x200F;
}

typedef enum
{
  WORD_NEUTRAL,
  WORD_LTR,
  WORD_ARABIC,
} WordKind;

typedef struct
{
  double    x_min;
  double    y_min;
  double    x_max;
  double    y_max;
  char     *text;
  WordKind  kind;
} Word;

static void
clear_word (Word *word)
{
  g_clear_pointer (&word->text, g_free);
}

static WordKind
word_kind (const char *text)
{
  WordKind kind = WORD_NEUTRAL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0600 && c <= 0x06FF)
        return WORD_ARABIC;
      if (c < 0x80 && g_ascii_isalnum (c))
        kind = WORD_LTR;
    }
  return kind;
}

static void
word_started_cb (GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 gpointer              user_data,
                 GError              **error)
{
  GArray *words = user_data;
  Word word = { 0 };

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

static void
word_text_cb (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  GArray *words = user_data;
  Word *word;
  GString *kept;

  if (g_strcmp0 (g_markup_parse_context_get_element (context), "word") != 0)
    return;

  word = &g_array_index (words, Word, words->len - 1);
  kept = g_string_new (word->text);
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      if (!is_direction_mark (g_utf8_get_char (p)))
        g_string_append_unichar (kept, g_utf8_get_char (p));
    }
  g_free (word->text);
  word->text = g_string_free (kept, FALSE);
  word->kind = word_kind (word->text);
}

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  const Word *first = a;
  const Word *second = b;

  return (first->y_min + first->y_max > second->y_min + second->y_max) -
         (first->y_min + first->y_max < second->y_min + second->y_max);
}

static int
compare_right_edge_descending (gconstpointer a,
                               gconstpointer b)
{
  const Word *first = *(const Word * const *) a;
  const Word *second = *(const Word * const *) b;

  return (first->x_max < second->x_max) - (first->x_max > second->x_max);
}

/* Turns round each left-to-right run (Latin words and the neutral words between them), which
 * reading from the right has put back to front. */
static void
reverse_ltr_runs (GPtrArray *line)
{
  guint i = 0;

  while (i < line->len)
    {
      guint end = i;

      if (((Word *) g_ptr_array_index (line, i))->kind != WORD_LTR)
        {
          i++;
          continue;
        }
      for (guint j = i; j < line->len && ((Word *) g_ptr_array_index (line, j))->kind != WORD_ARABIC; j++)
        {
          if (((Word *) g_ptr_array_index (line, j))->kind == WORD_LTR)
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

static void
append_line (GString   *text,
             GPtrArray *line)
{
  g_ptr_array_sort (line, compare_right_edge_descending);
  reverse_ltr_runs (line);
  for (guint i = 0; i < line->len; i++)
    {
      const Word *word = g_ptr_array_index (line, i);

      if (i > 0)
        {
          const Word *before = g_ptr_array_index (line, i - 1);
          double gap = MAX (before->x_min - word->x_max, word->x_min - before->x_max);

          /* Measured with Amiri, whose boxes are 2.35 em tall: a space leaves a gap of 0.13 to
           * 0.17 of the box's height, letters of one word (after ر or ا) mostly under 0.06. */
          if (gap > 0.11 * (word->y_max - word->y_min))
            g_string_append_c (text, ' ');
        }
      g_string_append (text, word->text);
    }
  g_string_append_c (text, '\n');
  g_ptr_array_set_size (line, 0);
}

/* One page's text in reading order, a line of the page a line of text.
 *
 * pdftotext writes each line in visual order with the Arabic runs embedded, so "١٥ جمادى"
 * comes back as "جمادى١٥" once its marks are stripped. Its -bbox output gives each glyph
 * cluster and its box instead; read right to left, line by line, with Latin runs turned back
 * round, those give the text back in the order it was written. */
static char *
pdf_page_text (const char *path,
               int         page)
{
  static const GMarkupParser parser = { word_started_cb, NULL, word_text_cb, NULL, NULL };
  g_autofree char *page_arg = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-bbox", "-f", page_arg, "-l", page_arg, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (Word));
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

  g_array_set_clear_func (words, (GDestroyNotify) clear_word);
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, words, NULL);
  g_assert_true (g_markup_parse_context_parse (context, out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));

  g_array_sort (words, compare_top);
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = &g_array_index (words, Word, i);
      double middle = (word->y_min + word->y_max) / 2;

      if (line->len > 0 && fabs (middle - line_middle) > 0.35 * line_height)
        append_line (text, line);
      if (line->len == 0)
        {
          line_middle = middle;
          line_height = word->y_max - word->y_min;
        }
      g_ptr_array_add (line, word);
    }
  if (line->len > 0)
    append_line (text, line);

  return g_string_free (text, FALSE);
}

/* The whole document's text, page after page, lines joined by spaces. */
static char *
pdf_text (const char *path)
{
  PopplerDocument *document = open_pdf (path);
  int n_pages = poppler_document_get_n_pages (document);
  GString *text = g_string_new (NULL);

  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *page = pdf_page_text (path, i);

      g_string_append (text, page);
    }
  g_object_unref (document);
  g_strdelimit (text->str, "\n", ' ');
  return g_string_free (text, FALSE);
}

/* Harakat come back from Amiri's glyph clusters out of order ("صوّتت" reads "صوتّت", "تقريرًا"
 * reads "تقريراً"): they are left out of comparisons, the letters they sit on are not. */
static gboolean
is_haraka (gunichar c)
{
  return (c >= 0x064B && c <= 0x0652) || c == 0x0670;
}

/* Spaces between Arabic words come back from the gaps between glyphs, which kerning now and
 * then closes ("لرعايةكبار") or widens ("ا ل كرسي"): text is compared without them. What
 * matters, the order of letters and digits, is compared whole. */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !is_haraka (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
holds (const char *text,
       const char *needle)
{
  g_autofree char *bare_text = without_spaces (text);
  g_autofree char *bare_needle = without_spaces (needle);

  if (strstr (bare_text, bare_needle) != NULL)
    return TRUE;
  g_test_message ("Not found: %s", needle);
  return FALSE;
}

/* Every character lies inside the page, clear of its edges: nothing was cut off. */
static void
assert_text_inside_page (PopplerPage *page)
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
static void
assert_pages_render (const char *path)
{
  PopplerDocument *document = open_pdf (path);
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

      assert_text_inside_page (page);
      cairo_surface_destroy (surface);
      g_object_unref (page);
    }
  g_object_unref (document);
}


/* pdffonts' columns, found from the dashes under its header: name, type, encoding, emb, … */
static void
assert_fonts_embedded (const char *path)
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
}

static int
n_pages (const char *path)
{
  PopplerDocument *document = open_pdf (path);
  int n = poppler_document_get_n_pages (document);

  g_object_unref (document);
  return n;
}

/* Tests */

static void
test_holds_number_name_and_reasons (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_REJECTION);
  g_autofree char *path = write_letter (&letter);
  g_autofree char *text = pdf_text (path);

  g_test_message ("Read back: %s", text);
  g_assert_true (holds (text, "جمعية رحماء لرعاية كبار السن"));
  g_assert_true (holds (text, LETTERHEAD));
  /* Numbers with separators keep their order beside Arabic: 0007/1448 would be wrong. */
  g_assert_true (holds (text, LETTER_NUMBER));
  g_assert_true (holds (text, REQUEST_NUMBER));
  /* The date breaks at its dash; at the end of the block pdftotext reads "٢٠٢٦م" as one word
   * in visual order, so the Hijri half is compared whole and the Gregorian one by its parts. */
  g_assert_true (holds (text, "٢١ جمادى الآخرة ١٤٤٨ هـ —"));
  g_assert_true (holds (text, "١ ديسمبر"));
  g_assert_true (holds (text, "٢٠٢٦"));
  g_assert_true (holds (text, RECIPIENT));
  g_assert_true (holds (text, NATIONAL_ID));
  g_assert_true (holds (text, REASONS));
  g_assert_true (holds (text, NEXT_STEP));
  g_assert_true (holds (text, "رئيس لجنة البحث"));
  g_assert_true (holds (text, "د. سعد بن محمد القحطاني"));
  g_assert_true (holds (text, "To the honourable"));
  g_assert_true (holds (text, "We regret to inform you"));
  g_assert_true (holds (text, "following reasons"));
  g_assert_true (holds (text, "With our best regards"));

  remove_letter (path);
}

/* Each decision has its own wording; an acceptance names the amount, a refusal does not. */
static void
test_wording_follows_the_decision (void)
{
  RifqLetter acceptance = sample_letter (RIFQ_LETTER_ACCEPTANCE);
  RifqLetter deferral = sample_letter (RIFQ_LETTER_DEFERRAL);
  RifqLetter bare_rejection = sample_letter (RIFQ_LETTER_REJECTION);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  path = write_letter (&acceptance);
  text = pdf_text (path);
  g_test_message ("Acceptance: %s", text);
  g_assert_true (holds (text, "We are pleased to inform you"));
  g_assert_true (holds (text, "The amount approved is"));
  g_assert_true (holds (text, "١٬٥٠٠ ريال"));
  g_assert_false (strstr (text, "following reasons") != NULL);
  remove_letter (path);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  path = write_letter (&deferral);
  text = pdf_text (path);
  g_assert_true (holds (text, "has deferred its decision"));
  g_assert_true (holds (text, REASONS));
  g_assert_false (strstr (text, "amount approved") != NULL);
  remove_letter (path);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  /* A refusal without reasons does not announce reasons that do not follow. */
  bare_rejection.reasons = NULL;
  path = write_letter (&bare_rejection);
  text = pdf_text (path);
  g_assert_true (holds (text, "has not accepted"));
  g_assert_false (strstr (text, "following reasons") != NULL);
  remove_letter (path);
}

static void
test_one_page (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_DEFERRAL);
  g_autofree char *path = write_letter (&letter);

  g_assert_cmpint (n_pages (path), ==, 1);
  assert_pages_render (path);
  remove_letter (path);
}

/* Reasons of a whole page shrink the type; the letter keeps to one page and loses nothing. */
static void
test_long_reasons_stay_on_one_page (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_REJECTION);
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 14; i++)
    g_string_append (reasons, REASONS " ");
  g_string_append (reasons, "انتهت الأسباب.");
  letter.reasons = reasons->str;
  path = write_letter (&letter);

  g_assert_cmpint (n_pages (path), ==, 1);
  assert_pages_render (path);
  text = pdf_text (path);
  g_assert_true (holds (text, "انتهت الأسباب."));
  g_assert_true (holds (text, "د. سعد بن محمد القحطاني"));
  remove_letter (path);
}

static void
test_fonts_all_embedded (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_ACCEPTANCE);
  g_autofree char *path = write_letter (&letter);

  assert_fonts_embedded (path);
  remove_letter (path);
}

static void
test_title_names_the_letter (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_ACCEPTANCE);
  g_autofree char *path = write_letter (&letter);
  PopplerDocument *document = open_pdf (path);
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *creator = poppler_document_get_creator (document);

  g_assert_nonnull (strstr (title, LETTER_NUMBER));
  g_assert_nonnull (strstr (title, "Decision letter"));
  g_assert_cmpstr (creator, ==, "Rifq");
  g_object_unref (document);
  remove_letter (path);
}

static void
test_unwritable_path_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-letter-XXXXXX", &error);
  g_autofree char *missing = NULL;
  RifqLetter letter = sample_letter (RIFQ_LETTER_REJECTION);

  g_assert_no_error (error);

  /* A folder that does not exist. */
  missing = g_build_filename (dir, "no-such-folder", "letter.pdf", NULL);
  g_assert_false (rifq_letter_pdf_write (&letter, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A path that is a folder. */
  g_assert_false (rifq_letter_pdf_write (&letter, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* English wording: the assertions are about the data, which is never translated. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letter-pdf/text/holds-number-name-and-reasons", test_holds_number_name_and_reasons);
  g_test_add_func ("/letter-pdf/text/wording-follows-the-decision", test_wording_follows_the_decision);
  g_test_add_func ("/letter-pdf/pages/one-page", test_one_page);
  g_test_add_func ("/letter-pdf/pages/long-reasons-stay-on-one-page", test_long_reasons_stay_on_one_page);
  g_test_add_func ("/letter-pdf/fonts/all-embedded", test_fonts_all_embedded);
  g_test_add_func ("/letter-pdf/write/title-names-the-letter", test_title_names_the_letter);
  g_test_add_func ("/letter-pdf/write/unwritable-path-refused", test_unwritable_path_refused);

  return g_test_run ();
}
