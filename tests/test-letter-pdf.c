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

#include "rifq-arabic.h"
#include "rifq-letter-pdf.h"
#include "rifq-pdf.h"
#include "rifq-test-pdf.h"

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

/* A number as an Arabic letter prints it. */
static char *
shown (const char *latin)
{
  return rifq_arabic_indic_digits (latin);
}

static char *
write_letter (const RifqLetter *letter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rifq_test_pdf_tmp_path ("rifq-letter-XXXXXX", "letter.pdf");

  g_assert_true (rifq_letter_pdf_write (letter, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Tests */

static void
test_holds_number_name_and_reasons (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_REJECTION);
  g_autofree char *path = write_letter (&letter);
  g_autofree char *text = rifq_test_pdf_text (path);
  g_autofree char *letterhead = shown (LETTERHEAD);
  g_autofree char *letter_number = shown (LETTER_NUMBER);
  g_autofree char *request_number = shown (REQUEST_NUMBER);
  g_autofree char *national_id = shown (NATIONAL_ID);

  g_test_message ("Read back: %s", text);
  g_assert_true (rifq_test_pdf_holds (text, "جمعية رحماء لرعاية كبار السن"));
  g_assert_true (rifq_test_pdf_holds (text, letterhead));
  /* Numbers with separators keep their order beside Arabic: 0007/1448 would be wrong. */
  g_assert_true (rifq_test_pdf_holds (text, letter_number));
  g_assert_true (rifq_test_pdf_holds (text, request_number));
  /* The date breaks at its dash; at the end of the block pdftotext reads "٢٠٢٦م" as one word
   * in visual order, so the Hijri half is compared whole and the Gregorian one by its parts. */
  g_assert_true (rifq_test_pdf_holds (text, "٢١ جمادى الآخرة ١٤٤٨ هـ —"));
  g_assert_true (rifq_test_pdf_holds (text, "١ ديسمبر"));
  g_assert_true (rifq_test_pdf_holds (text, "٢٠٢٦"));
  g_assert_true (rifq_test_pdf_holds (text, RECIPIENT));
  g_assert_true (rifq_test_pdf_holds (text, national_id));
  g_assert_true (rifq_test_pdf_holds (text, REASONS));
  g_assert_true (rifq_test_pdf_holds (text, NEXT_STEP));
  g_assert_true (rifq_test_pdf_holds (text, "رئيس لجنة البحث"));
  g_assert_true (rifq_test_pdf_holds (text, "د. سعد بن محمد القحطاني"));
  g_assert_true (rifq_test_pdf_holds (text, "المكرم/"));
  g_assert_true (rifq_test_pdf_holds (text, "نأسف لإفادتكم"));
  g_assert_true (rifq_test_pdf_holds (text, "للأسباب الآتية"));
  g_assert_true (rifq_test_pdf_holds (text, "وتقبّلوا خالص تحياتنا"));

  rifq_test_pdf_remove (path);
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
  text = rifq_test_pdf_text (path);
  g_test_message ("Acceptance: %s", text);
  g_assert_true (rifq_test_pdf_holds (text, "يسرّنا إفادتكم"));
  g_assert_true (rifq_test_pdf_holds (text, "وقد اعتُمد لكم مبلغ قدره"));
  g_assert_true (rifq_test_pdf_holds (text, "١٬٥٠٠ ريال"));
  g_assert_false (strstr (text, "للأسباب الآتية") != NULL);
  rifq_test_pdf_remove (path);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  path = write_letter (&deferral);
  text = rifq_test_pdf_text (path);
  g_assert_true (rifq_test_pdf_holds (text, "أجّلت البتّ"));
  g_assert_true (rifq_test_pdf_holds (text, REASONS));
  g_assert_false (strstr (text, "مبلغ قدره") != NULL);
  rifq_test_pdf_remove (path);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  /* A refusal without reasons does not announce reasons that do not follow. */
  bare_rejection.reasons = NULL;
  path = write_letter (&bare_rejection);
  text = rifq_test_pdf_text (path);
  g_assert_true (rifq_test_pdf_holds (text, "لم توافق"));
  g_assert_false (strstr (text, "للأسباب الآتية") != NULL);
  rifq_test_pdf_remove (path);
}

static void
test_one_page (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_DEFERRAL);
  g_autofree char *path = write_letter (&letter);

  g_assert_cmpint (rifq_test_pdf_n_pages (path), ==, 1);
  rifq_test_pdf_assert_pages_render (path);
  rifq_test_pdf_remove (path);
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

  g_assert_cmpint (rifq_test_pdf_n_pages (path), ==, 1);
  rifq_test_pdf_assert_pages_render (path);
  text = rifq_test_pdf_text (path);
  g_assert_true (rifq_test_pdf_holds (text, "انتهت الأسباب."));
  g_assert_true (rifq_test_pdf_holds (text, "د. سعد بن محمد القحطاني"));
  rifq_test_pdf_remove (path);
}

static void
test_fonts_all_embedded (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_ACCEPTANCE);
  g_autofree char *path = write_letter (&letter);

  rifq_test_pdf_assert_fonts_embedded (path, NULL);
  rifq_test_pdf_remove (path);
}

static void
test_title_names_the_letter (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_ACCEPTANCE);
  g_autofree char *path = write_letter (&letter);
  PopplerDocument *document = rifq_test_pdf_open (path);
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *creator = poppler_document_get_creator (document);

  g_assert_nonnull (strstr (title, LETTER_NUMBER));
  g_assert_nonnull (strstr (title, "خطاب القرار"));
  g_assert_cmpstr (creator, ==, "Rifq");
  g_object_unref (document);
  rifq_test_pdf_remove (path);
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

static void
test_copies_as_drawn (void)
{
  for (RifqLetterKind kind = RIFQ_LETTER_ACCEPTANCE; kind <= RIFQ_LETTER_DEFERRAL; kind++)
    {
      RifqLetter letter = sample_letter (kind);
      g_autofree char *path = NULL;
      g_auto(GStrv) drawn = NULL;

      letter.reasons = REASONS;
      rifq_pdf_record_text_begin ();
      path = write_letter (&letter);
      drawn = rifq_pdf_record_text_end ();

      rifq_test_pdf_assert_text_as_drawn (path, (const char * const *) drawn);
      rifq_test_pdf_remove (path);
    }
}

/* "المكرم" to a man, "المكرمة" to a woman; in English "Mr." and "Ms.". */
static void
test_addresses_women_and_men (void)
{
  const char *language[] = { "ar", "en" };
  const char *man[] = { "المكرم/", "Mr." };
  const char *woman[] = { "المكرمة/", "Ms." };

  for (guint l = 0; l < G_N_ELEMENTS (language); l++)
    {
      RifqLetter letter = sample_letter (RIFQ_LETTER_ACCEPTANCE);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      rifq_test_pdf_use_language (language[l]);
      letter.recipient = RIFQ_LETTER_TO_WOMAN;
      path = write_letter (&letter);
      text = rifq_test_pdf_text (path);
      g_test_message ("To a woman: %s", text);
      g_assert_true (rifq_test_pdf_holds (text, woman[l]));
      rifq_test_pdf_remove (path);
      g_clear_pointer (&path, g_free);
      g_clear_pointer (&text, g_free);

      letter.recipient = RIFQ_LETTER_TO_MAN;
      path = write_letter (&letter);
      text = rifq_test_pdf_text (path);
      g_test_message ("To a man: %s", text);
      g_assert_true (rifq_test_pdf_holds (text, man[l]));
      g_assert_null (strstr (text, woman[l]));
      rifq_test_pdf_remove (path);
    }
  rifq_test_pdf_use_language ("ar");
}

static void
test_every_number_in_the_letter_digits (void)
{
  RifqLetter letter = sample_letter (RIFQ_LETTER_ACCEPTANCE);
  g_autofree char *path = write_letter (&letter);

  /* The letter's and the request's numbers, the national ID, the letterhead's telephone, the
   * date and the amount alike. */
  rifq_test_pdf_assert_digits (path, RIFQ_DIGITS_ARABIC, NULL);
  rifq_test_pdf_remove (path);
}

static void
test_english_reads_left_to_right (void)
{
  const char *ends[] = { "Greetings,", "regards,", NULL };
  RifqLetter letter = sample_letter (RIFQ_LETTER_REJECTION);
  g_autofree char *path = NULL;

  rifq_test_pdf_use_language ("en");
  letter.digits = RIFQ_DIGITS_LATIN;
  letter.date_line = "21 Jumada al-Akhirah 1448 AH — 1 December 2026";
  path = write_letter (&letter);
  /* The greeting at the left margin (56 pt), its comma after it. */
  rifq_test_pdf_assert_left_to_right (path, 1, "Greetings,", 56, 2, ends);
  rifq_test_pdf_remove (path);
  rifq_test_pdf_use_language ("ar");
}

int
main (int   argc,
      char *argv[])
{
  /* English wording: the assertions are about the data, which is never translated. */
  g_test_init (&argc, &argv, NULL);
  /* The documents as the association prints them: in Arabic, right to left. */
  rifq_test_pdf_use_language ("ar");

  g_test_add_func ("/letter-pdf/text/holds-number-name-and-reasons", test_holds_number_name_and_reasons);
  g_test_add_func ("/letter-pdf/text/wording-follows-the-decision", test_wording_follows_the_decision);
  g_test_add_func ("/letter-pdf/pages/one-page", test_one_page);
  g_test_add_func ("/letter-pdf/pages/long-reasons-stay-on-one-page", test_long_reasons_stay_on_one_page);
  g_test_add_func ("/letter-pdf/fonts/all-embedded", test_fonts_all_embedded);
  g_test_add_func ("/letter-pdf/write/title-names-the-letter", test_title_names_the_letter);
  g_test_add_func ("/letter-pdf/write/unwritable-path-refused", test_unwritable_path_refused);
  g_test_add_func ("/letter-pdf/text/copies-as-drawn", test_copies_as_drawn);
  g_test_add_func ("/letter-pdf/text/addresses-women-and-men", test_addresses_women_and_men);
  g_test_add_func ("/letter-pdf/text/every-number-in-the-letter-digits", test_every_number_in_the_letter_digits);
  g_test_add_func ("/letter-pdf/direction/english-reads-left-to-right", test_english_reads_left_to_right);

  return g_test_run ();
}
