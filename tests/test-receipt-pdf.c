/* test-receipt-pdf.c: the receipt an applicant takes home reads right and fits one page
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "rifq-pdf.h"
#include "rifq-receipt-pdf.h"

#define REQUEST_NUMBER "1448/000123"
#define NATIONAL_ID    "1012345678"
#define SUBMITTED_ON   "١٥ جمادى الآخرة ١٤٤٨ هـ (٢٦ نوفمبر ٢٠٢٦م)"
#define PRINTED_ON     "١٦ جمادى الآخرة ١٤٤٨ هـ (٢٧ نوفمبر ٢٠٢٦م)"
#define EXPECTED_ON    "٢٩ جمادى الآخرة ١٤٤٨ هـ (١٠ ديسمبر ٢٠٢٦م)"
#define LONG_NAME      "عبدالرحمن بن عبدالعزيز بن عبدالمحسن بن عبدالكريم بن عبدالله بن محمد بن سليمان " \
                       "آل عبداللطيف القحطاني الدوسري الشمري العنزي المطيري"

static const char * const sample_documents[] = {
  "الهوية الوطنية — 1012345678 — سارية حتى ١٢ رجب ١٤٥٢ هـ",
  "صك إعالة — 4470012 — ساري حتى ٣ محرم ١٤٤٩ هـ",
  "شهادة راتب تقاعدي — 55-90871 — سارية حتى ١ رمضان ١٤٤٨ هـ",
  NULL,
};

static RifqReceipt
sample_receipt (void)
{
  RifqReceipt receipt = {
    .association_name = "جمعية رحماء لرعاية كبار السن",
    .request_number = REQUEST_NUMBER,
    .beneficiary_name = "محمد بن عبدالله بن صالح الحربي",
    .national_id = NATIONAL_ID,
    .kind = "دعم مالي",
    .channel = "الحضور إلى مقر الجمعية",
    .submitted_on = SUBMITTED_ON,
    .expected_on = EXPECTED_ON,
    .decision_period_days = 14,
    .officer_name = "نورة بنت سعد العتيبي",
    .signed_by = "المستفيد",
    .documents = sample_documents,
    .printed_on = PRINTED_ON,
    .digits = RIFQ_DIGITS_ARABIC,
  };

  return receipt;
}

static char *
write_receipt (const RifqReceipt *receipt)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-receipt-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "receipt.pdf", NULL);
  g_assert_true (rifq_receipt_pdf_write (receipt, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
remove_receipt (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean
is_direction_mark (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) ||  /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069) ||  /* isolates */
         c == 0x200E || c == 0x200F;
}

typedef struct
{
  double  x_min;
  double  y_min;
  double  x_max;
  double  y_max;
  char   *text;
} Word;

static void
clear_word (Word *word)
{
  g_clear_pointer (&word->text, g_free);
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

static void
append_line (GString   *text,
             GPtrArray *line)
{
  g_ptr_array_sort (line, compare_right_edge_descending);
  for (guint i = 0; i < line->len; i++)
    {
      const Word *word = g_ptr_array_index (line, i);

      if (i > 0)
        {
          const Word *before = g_ptr_array_index (line, i - 1);

          /* Measured with Amiri: a space leaves a gap of about a sixth of the line's height,
           * letters of one word (after ا or before ك) at most a ninth. */
          if (before->x_min - word->x_max > 0.14 * (word->y_max - word->y_min))
            g_string_append_c (text, ' ');
        }
      g_string_append (text, word->text);
    }
  g_string_append_c (text, ' ');
  g_ptr_array_set_size (line, 0);
}

/* The page's text in reading order, lines joined by spaces.
 *
 * pdftotext alone cannot be trusted with Arabic beside digits: it writes each line in visual
 * order with the Arabic runs embedded, so "١٥ جمادى" comes back as "جمادى١٥" once its marks
 * are stripped. Its -bbox output gives each glyph cluster and its box instead; read right to
 * left, line by line, those give the text back in the order it was written. */
static char *
pdf_text (const char *path)
{
  static const GMarkupParser parser = { word_started_cb, NULL, word_text_cb, NULL, NULL };
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-bbox", path, "-", NULL };
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

static void
test_holds_request_number_and_expected_date (void)
{
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = write_receipt (&receipt);
  g_autofree char *text = pdf_text (path);

  g_test_message ("Read back: %s", text);
  g_assert_nonnull (strstr (text, REQUEST_NUMBER));
  g_assert_nonnull (strstr (text, EXPECTED_ON));
  g_assert_nonnull (strstr (text, SUBMITTED_ON));
  g_assert_nonnull (strstr (text, PRINTED_ON));
  g_assert_nonnull (strstr (text, NATIONAL_ID));
  g_assert_nonnull (strstr (text, receipt.beneficiary_name));
  g_assert_nonnull (strstr (text, receipt.officer_name));
  g_assert_nonnull (strstr (text, sample_documents[1]));
  /* After Arabic letters, "55-90871" would come out as "90871-55" without isolation. */
  g_assert_nonnull (strstr (text, sample_documents[2]));
  /* The decision period is written in the digits the caller asked for. */
  g_assert_nonnull (strstr (text, "١٤"));

  remove_receipt (path);
}

static void
test_one_page (void)
{
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = write_receipt (&receipt);
  PopplerDocument *document = open_pdf (path);
  PopplerPage *page;
  double width;
  double height;

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (fabs (width - RIFQ_PDF_A4_WIDTH), <, 1);
  g_assert_cmpfloat (fabs (height - RIFQ_PDF_A4_HEIGHT), <, 1);
  assert_text_inside_page (page);

  g_object_unref (page);
  g_object_unref (document);
  remove_receipt (path);
}

static void
test_long_content_stays_on_one_page (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  PopplerDocument *document;
  PopplerPage *page;

  for (guint i = 0; i < 14; i++)
    g_ptr_array_add (documents,
                     g_strdup_printf ("تقرير طبي معتمد من مستشفى الملك فهد التخصصي — 77%05u — ساري حتى ١٢ رجب ١٤٤٨ هـ", i));
  g_ptr_array_add (documents, NULL);

  receipt.beneficiary_name = LONG_NAME;
  receipt.signed_by = "عبدالعزيز بن عبدالرحمن بن عبدالعزيز آل عبداللطيف القحطاني (ابن، وكيل شرعي بموجب وكالة)";
  receipt.documents = (const char * const *) documents->pdata;
  path = write_receipt (&receipt);

  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  assert_text_inside_page (page);
  g_object_unref (page);
  g_object_unref (document);

  /* The name wraps, and reads back whole. */
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, REQUEST_NUMBER));
  g_assert_nonnull (strstr (text, LONG_NAME));
  g_assert_nonnull (strstr (text, "7700000"));
  g_assert_nonnull (strstr (text, "7700013"));

  remove_receipt (path);
}

static void
test_unwritable_path_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-receipt-XXXXXX", &error);
  g_autofree char *missing = NULL;
  RifqReceipt receipt = sample_receipt ();

  g_assert_no_error (error);

  /* A folder that does not exist. */
  missing = g_build_filename (dir, "no-such-folder", "receipt.pdf", NULL);
  g_assert_false (rifq_receipt_pdf_write (&receipt, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A path that is a folder. */
  g_assert_false (rifq_receipt_pdf_write (&receipt, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_title_and_font (void)
{
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = NULL;
  PopplerDocument *document;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *data = NULL;
  gsize length;

  /* No print date given: today's, which needs the Umm al-Qura table. */
  receipt.printed_on = NULL;
  path = write_receipt (&receipt);
  document = open_pdf (path);

  title = poppler_document_get_title (document);
  creator = poppler_document_get_creator (document);
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, REQUEST_NUMBER));
  g_assert_cmpstr (creator, ==, "Rifq");
  g_object_unref (document);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_nonnull (memmem (data, length, "+Amiri", strlen ("+Amiri")));

  remove_receipt (path);
}

int
main (int   argc,
      char *argv[])
{
  /* English labels: the assertions are about the data, which is never translated. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/receipt/pdf/holds-request-number-and-expected-date", test_holds_request_number_and_expected_date);
  g_test_add_func ("/receipt/pdf/one-page", test_one_page);
  g_test_add_func ("/receipt/pdf/long-content-stays-on-one-page", test_long_content_stays_on_one_page);
  g_test_add_func ("/receipt/pdf/unwritable-path-refused", test_unwritable_path_refused);
  g_test_add_func ("/receipt/pdf/title-and-font", test_title_and_font);

  return g_test_run ();
}
