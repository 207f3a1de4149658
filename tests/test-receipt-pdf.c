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

#include "rifq-arabic.h"
#include "rifq-pdf.h"
#include "rifq-receipt-pdf.h"
#include "rifq-test-pdf.h"

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

/* A number as an Arabic receipt prints it. */
static char *
shown (const char *latin)
{
  return rifq_arabic_indic_digits (latin);
}

static char *
write_receipt (const RifqReceipt *receipt)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rifq_test_pdf_tmp_path ("rifq-receipt-XXXXXX", "receipt.pdf");

  g_assert_true (rifq_receipt_pdf_write (receipt, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_holds_request_number_and_expected_date (void)
{
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = write_receipt (&receipt);
  g_autofree char *text = rifq_test_pdf_text (path);
  g_autofree char *number = shown (REQUEST_NUMBER);
  g_autofree char *national_id = shown (NATIONAL_ID);
  g_autofree char *document = shown (sample_documents[1]);
  g_autofree char *joined = shown (sample_documents[2]);

  g_test_message ("Read back: %s", text);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, EXPECTED_ON));
  g_assert_nonnull (strstr (text, SUBMITTED_ON));
  g_assert_nonnull (strstr (text, PRINTED_ON));
  g_assert_nonnull (strstr (text, national_id));
  g_assert_nonnull (strstr (text, receipt.beneficiary_name));
  g_assert_nonnull (strstr (text, receipt.officer_name));
  g_assert_nonnull (strstr (text, document));
  /* After Arabic letters, "55-90871" would come out as "90871-55" without isolation. */
  g_assert_nonnull (strstr (text, joined));
  /* The decision period is written in the digits the caller asked for. */
  g_assert_nonnull (strstr (text, "١٤"));

  rifq_test_pdf_remove (path);
}

static void
test_one_page (void)
{
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = write_receipt (&receipt);
  PopplerDocument *document = rifq_test_pdf_open (path);
  PopplerPage *page;
  double width;
  double height;

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (fabs (width - RIFQ_PDF_A4_WIDTH), <, 1);
  g_assert_cmpfloat (fabs (height - RIFQ_PDF_A4_HEIGHT), <, 1);
  rifq_test_pdf_assert_text_inside_page (page);

  g_object_unref (page);
  g_object_unref (document);
  rifq_test_pdf_remove (path);
}

static void
test_long_content_stays_on_one_page (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *number = shown (REQUEST_NUMBER);
  g_autofree char *first = shown ("7700000");
  g_autofree char *last = shown ("7700013");
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

  document = rifq_test_pdf_open (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  rifq_test_pdf_assert_text_inside_page (page);
  g_object_unref (page);
  g_object_unref (document);

  /* The name wraps, and reads back whole. */
  text = rifq_test_pdf_text (path);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, LONG_NAME));
  g_assert_nonnull (strstr (text, first));
  g_assert_nonnull (strstr (text, last));

  rifq_test_pdf_remove (path);
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
  document = rifq_test_pdf_open (path);

  title = poppler_document_get_title (document);
  creator = poppler_document_get_creator (document);
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, REQUEST_NUMBER));
  g_assert_cmpstr (creator, ==, "Rifq");
  g_object_unref (document);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_nonnull (memmem (data, length, "+Amiri", strlen ("+Amiri")));

  rifq_test_pdf_remove (path);
}

static void
test_copies_as_drawn (void)
{
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = NULL;
  g_auto(GStrv) drawn = NULL;

  rifq_pdf_record_text_begin ();
  path = write_receipt (&receipt);
  drawn = rifq_pdf_record_text_end ();

  rifq_test_pdf_assert_text_as_drawn (path, (const char * const *) drawn);
  rifq_test_pdf_remove (path);
}

static void
test_every_number_in_the_receipt_digits (void)
{
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = write_receipt (&receipt);

  /* Request number, national ID, document numbers and dates alike. */
  rifq_test_pdf_assert_digits (path, RIFQ_DIGITS_ARABIC, NULL);
  rifq_test_pdf_remove (path);

  receipt.digits = RIFQ_DIGITS_LATIN;
  receipt.submitted_on = "15 Jumada al-Akhirah 1448 AH — 26 November 2026";
  receipt.expected_on = "29 Jumada al-Akhirah 1448 AH — 10 December 2026";
  receipt.printed_on = "16 Jumada al-Akhirah 1448 AH — 27 November 2026";
  g_clear_pointer (&path, g_free);
  path = write_receipt (&receipt);
  rifq_test_pdf_assert_digits (path, RIFQ_DIGITS_LATIN, NULL);
  rifq_test_pdf_remove (path);
}

static void
test_english_reads_left_to_right (void)
{
  const char *ends[] = { "committee,", "days).", "receipt;", NULL };
  RifqReceipt receipt = sample_receipt ();
  g_autofree char *path = NULL;

  rifq_test_pdf_use_language ("en");
  receipt.digits = RIFQ_DIGITS_LATIN;
  path = write_receipt (&receipt);
  /* The labels' column at the left margin (56 pt), inside its cell. */
  rifq_test_pdf_assert_left_to_right (path, 1, "Beneficiary", 56, 20, ends);
  rifq_test_pdf_remove (path);
  rifq_test_pdf_use_language ("ar");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The documents as the association prints them: in Arabic, right to left. */
  rifq_test_pdf_use_language ("ar");

  g_test_add_func ("/receipt/pdf/holds-request-number-and-expected-date", test_holds_request_number_and_expected_date);
  g_test_add_func ("/receipt/pdf/one-page", test_one_page);
  g_test_add_func ("/receipt/pdf/long-content-stays-on-one-page", test_long_content_stays_on_one_page);
  g_test_add_func ("/receipt/pdf/unwritable-path-refused", test_unwritable_path_refused);
  g_test_add_func ("/receipt/pdf/title-and-font", test_title_and_font);
  g_test_add_func ("/receipt/text/copies-as-drawn", test_copies_as_drawn);
  g_test_add_func ("/receipt/text/every-number-in-the-receipt-digits", test_every_number_in_the_receipt_digits);
  g_test_add_func ("/receipt/direction/english-reads-left-to-right", test_english_reads_left_to_right);

  return g_test_run ();
}
