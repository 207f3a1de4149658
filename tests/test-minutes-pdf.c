/* test-minutes-pdf.c: the minutes of a committee meeting list every vote and decision, page after page
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

#include "rifq-minutes-pdf.h"
#include "rifq-arabic.h"
#include "rifq-pdf.h"
#include "rifq-test-pdf.h"

#define TITLE        "محضر اجتماع لجنة البحث"
#define MEETING_LINE "الاجتماع رقم ٣ — ٢٠ جمادى الآخرة ١٤٤٨ هـ — ٣٠ نوفمبر ٢٠٢٦م — مقر الجمعية"
#define QUORUM_LINE  "حضر ٤ من ٥ أعضاء؛ النصاب مكتمل."
#define CHAIR        "سعد بن محمد القحطاني"
#define ABSENT       "خالد بن إبراهيم المطيري"

static const RifqMinutesMember members[] = {
  { CHAIR, "رئيس اللجنة", TRUE, TRUE },
  { "نورة بنت سعد العتيبي", "عضو", TRUE, FALSE },
  { "عبدالعزيز بن فهد الدوسري", "عضو", TRUE, FALSE },
  { "هيفاء بنت عبدالله الشهري", "عضو", TRUE, FALSE },
  { ABSENT, "عضو", FALSE, FALSE },
};

static const RifqMinutesVote accept_votes[] = {
  { CHAIR, "قبول", "١٬٥٠٠ ريال", NULL },
  { "نورة بنت سعد العتيبي", "قبول", "١٬٥٠٠ ريال", "أوصت بمتابعة الحالة بعد ثلاثة أشهر" },
  { "عبدالعزيز بن فهد الدوسري", "قبول", "١٬٢٠٠ ريال", NULL },
  { "هيفاء بنت عبدالله الشهري", "تأجيل", NULL, "طلبت تقريرًا طبيًا محدّثًا قبل التصويت" },
};

static const RifqMinutesVote reject_votes[] = {
  { CHAIR, "رفض", NULL, "الدخل يتجاوز حد الاستحقاق" },
  { "نورة بنت سعد العتيبي", "رفض", NULL, NULL },
  { "عبدالعزيز بن فهد الدوسري", "قبول", "٨٠٠ ريال", NULL },
  { "هيفاء بنت عبدالله الشهري", "رفض", NULL, NULL },
};

static const RifqMinutesVote defer_votes[] = {
  { CHAIR, "تأجيل", NULL, NULL },
  { "نورة بنت سعد العتيبي", "تأجيل", NULL, "صك الإعالة منتهي الصلاحية" },
  { "عبدالعزيز بن فهد الدوسري", "قبول", "٢٬٠٠٠ ريال", NULL },
  { "هيفاء بنت عبدالله الشهري", "تأجيل", NULL, NULL },
};

static const RifqMinutesCase sample_cases[] = {
  {
    "1448/0007", "محمد بن عبدالله بن صالح الحربي", "أجهزة طبية",
    accept_votes, G_N_ELEMENTS (accept_votes),
    "صوّتت أغلبية الأعضاء الحاضرين بالقبول (٣ من ٤).",
    "قبول", "١٬٥٠٠ ريال", "الحالة مستحقة وفق تقرير البحث الاجتماعي.",
  },
  {
    "1448/0008", "فاطمة بنت علي بن حسن الزهراني", "دعم مالي",
    reject_votes, G_N_ELEMENTS (reject_votes),
    "صوّتت أغلبية الأعضاء الحاضرين بالرفض (٣ من ٤).",
    "رفض", NULL, "الدخل الشهري للأسرة (٩٬٢٠٠ ريال) يتجاوز حد الاستحقاق المعتمد.",
  },
  {
    "1448/0009", "عبدالرحمن بن ناصر بن سليمان السبيعي", "ترميم منزل",
    defer_votes, G_N_ELEMENTS (defer_votes),
    "صوّتت أغلبية الأعضاء الحاضرين بالتأجيل (٣ من ٤).",
    "تأجيل", NULL, "استكمال صك الإعالة ساري المفعول.",
  },
  {
    "1448/0010", "منيرة بنت سعود بن فهد العنزي", "رعاية منزلية",
    NULL, 0,
    "لم يصوّت أحد بعد.",
    NULL, NULL, NULL,
  },
};

static RifqMinutes
sample_minutes (void)
{
  RifqMinutes minutes = {
    .association_name = "جمعية رحماء لرعاية كبار السن",
    .title = TITLE,
    .meeting_line = MEETING_LINE,
    .quorum_line = QUORUM_LINE,
    .members = members,
    .n_members = G_N_ELEMENTS (members),
    .cases = sample_cases,
    .n_cases = G_N_ELEMENTS (sample_cases),
    .digits = RIFQ_DIGITS_ARABIC,
  };

  return minutes;
}

/* Twelve requests, the sample's four three times over with numbers of their own. */
static RifqMinutesCase *
twelve_cases (GPtrArray *strings)
{
  RifqMinutesCase *cases = g_new0 (RifqMinutesCase, 12);

  for (guint i = 0; i < 12; i++)
    {
      char *number = g_strdup_printf ("1448/%04u", 100 + i);

      g_ptr_array_add (strings, number);
      cases[i] = sample_cases[i % G_N_ELEMENTS (sample_cases)];
      cases[i].request_number = number;
    }
  return cases;
}

static char *
write_minutes (const RifqMinutes *minutes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rifq_test_pdf_tmp_path ("rifq-minutes-XXXXXX", "minutes.pdf");

  g_assert_true (rifq_minutes_pdf_write (minutes, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* How many times text read back holds needle, compared as rifq_test_pdf_holds() does. */
static guint
count_in (const char *text,
          const char *needle)
{
  g_autofree char *bare_text = rifq_test_pdf_without_spaces (text);
  g_autofree char *bare_needle = rifq_test_pdf_without_spaces (needle);
  guint n = 0;

  for (const char *p = strstr (bare_text, bare_needle); p != NULL; p = strstr (p + 1, bare_needle))
    n++;
  return n;
}

/* Tests */

static void
test_lists_every_decision_and_vote (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = write_minutes (&minutes);
  g_autofree char *text = rifq_test_pdf_text (path);

  g_test_message ("Read back: %s", text);
  g_assert_true (rifq_test_pdf_holds (text, TITLE));
  g_assert_true (rifq_test_pdf_holds (text, MEETING_LINE));
  g_assert_true (rifq_test_pdf_holds (text, QUORUM_LINE));
  g_assert_true (rifq_test_pdf_holds (text, "حاضر"));
  g_assert_true (rifq_test_pdf_holds (text, "غائب"));

  for (guint i = 0; i < minutes.n_cases; i++)
    {
      const RifqMinutesCase *item = &minutes.cases[i];
      g_autofree char *number = rifq_arabic_indic_digits (item->request_number);

      g_assert_true (rifq_test_pdf_holds (text, number));
      g_assert_true (rifq_test_pdf_holds (text, item->beneficiary_name));
      g_assert_true (rifq_test_pdf_holds (text, item->kind));
      g_assert_true (rifq_test_pdf_holds (text, item->tally));
      if (item->reasons != NULL)
        g_assert_true (rifq_test_pdf_holds (text, item->reasons));
      for (guint v = 0; v < item->n_votes; v++)
        {
          const RifqMinutesVote *vote = &item->votes[v];

          if (vote->amount != NULL)
            g_assert_true (rifq_test_pdf_holds (text, vote->amount));
          if (vote->note != NULL)
            g_assert_true (rifq_test_pdf_holds (text, vote->note));
        }
    }

  /* Each decision in its box, and the one not taken said so. */
  g_assert_cmpuint (count_in (text, "القرار:"), ==, minutes.n_cases);
  g_assert_cmpuint (count_in (text, "لم يُتخذ قرار في هذا الاجتماع"), ==, 1);
  g_assert_cmpuint (count_in (text, "لم تُسجَّل أصوات."), ==, 1);
  g_assert_cmpuint (count_in (text, "المبلغ المعتمد:"), ==, 1);
  /* Each member's vote is a row of its own: the votes, and the names beside them. */
  g_assert_cmpuint (count_in (text, "١٤٤٨/٠٠٠٩"), ==, 1);
  g_assert_cmpuint (count_in (text, "تأجيل"), >=, 4);
  g_assert_cmpuint (count_in (text, "هيفاء بنت عبدالله الشهري"), ==, 1 + 3 + 1);

  /* Numbers with separators keep their order beside Arabic: 0007/1448 would be wrong. */
  g_assert_true (rifq_test_pdf_holds (text, "١٤٤٨/٠٠٠٧"));

  /* The signatures: every member present, the chair labelled, the absent member not. */
  g_assert_true (rifq_test_pdf_holds (text, "التوقيعات"));
  g_assert_cmpuint (count_in (text, "رئيس اللجنة"), ==, 2);
  g_assert_cmpuint (count_in (text, ABSENT), ==, 1);
  g_assert_cmpuint (count_in (text, "نورة بنت سعد العتيبي"), ==, 1 + 3 + 1);
  g_assert_cmpuint (count_in (text, CHAIR), ==, 1 + 3 + 1);

  rifq_test_pdf_remove (path);
}

static void
test_every_page_renders (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = write_minutes (&minutes);

  rifq_test_pdf_assert_pages_render (path);
  rifq_test_pdf_remove (path);
}

static void
test_twelve_cases_flow_with_footers (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree RifqMinutesCase *cases = twelve_cases (strings);
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *last = NULL;
  int n_pages;

  minutes.cases = cases;
  minutes.n_cases = 12;
  minutes.digits = RIFQ_DIGITS_LATIN;
  path = write_minutes (&minutes);

  n_pages = rifq_test_pdf_n_pages (path);
  g_assert_cmpint (n_pages, >=, 3);

  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *text = rifq_test_pdf_page_text (path, i);
      g_autofree char *footer = g_strdup_printf ("صفحة %d من %d", i, n_pages);

      g_test_message ("Page %d: %s", i, text);
      /* Compared with its spaces: "صفحة 1 من 3" is no part of "صفحة 1 من 30". */
      g_assert_nonnull (strstr (text, footer));
      g_assert_true (rifq_test_pdf_holds (text, TITLE));
    }

  all = rifq_test_pdf_text (path);
  g_assert_true (rifq_test_pdf_holds (all, "(تابع)"));
  /* Nothing was lost at the page breaks: every request, in order, and the signatures at the end. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *bare = rifq_test_pdf_without_spaces (all);
      const char *at = strstr (bare, cases[i].request_number);

      g_assert_nonnull (at);
      if (i > 0)
        g_assert_cmpint (at - bare, >, strstr (bare, cases[i - 1].request_number) - bare);
    }
  g_assert_cmpuint (count_in (all, "القرار:"), ==, 12);

  last = rifq_test_pdf_page_text (path, n_pages);
  g_assert_true (rifq_test_pdf_holds (last, "رئيس اللجنة"));

  rifq_test_pdf_assert_pages_render (path);
  rifq_test_pdf_remove (path);
}

static void
test_page_numbers_in_arabic_digits (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = write_minutes (&minutes);
  g_autofree char *first = rifq_test_pdf_page_text (path, 1);

  g_assert_true (rifq_test_pdf_holds (first, "صفحة ١ من"));
  rifq_test_pdf_remove (path);
}

/* Forty votes on one request: the table breaks between rows, and the next page starts with
 * the item's heading marked as continued and the table's header row again. */
static void
test_long_table_repeats_its_header (void)
{
  g_autofree RifqMinutesVote *votes = g_new0 (RifqMinutesVote, 40);
  RifqMinutesCase item = sample_cases[0];
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < 40; i++)
    votes[i] = accept_votes[i % G_N_ELEMENTS (accept_votes)];
  item.votes = votes;
  item.n_votes = 40;
  minutes.cases = &item;
  minutes.n_cases = 1;
  path = write_minutes (&minutes);

  second = rifq_test_pdf_page_text (path, 2);
  g_test_message ("Page 2: %s", second);
  g_assert_true (rifq_test_pdf_holds (second, "(تابع)"));
  g_assert_true (rifq_test_pdf_holds (second, "١٤٤٨/٠٠٠٧"));
  /* The header row, from the reading edge. */
  g_assert_true (rifq_test_pdf_holds (second, "العضو الرأي المبلغ ملاحظة"));
  rifq_test_pdf_assert_pages_render (path);
  rifq_test_pdf_remove (path);
}

static void
test_fonts_all_embedded (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = write_minutes (&minutes);

  rifq_test_pdf_assert_fonts_embedded (path, NULL);
  rifq_test_pdf_remove (path);
}

static void
test_unwritable_path_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-minutes-XXXXXX", &error);
  g_autofree char *missing = NULL;
  RifqMinutes minutes = sample_minutes ();

  g_assert_no_error (error);

  /* A folder that does not exist. */
  missing = g_build_filename (dir, "no-such-folder", "minutes.pdf", NULL);
  g_assert_false (rifq_minutes_pdf_write (&minutes, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A path that is a folder. */
  g_assert_false (rifq_minutes_pdf_write (&minutes, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_copies_as_drawn (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = NULL;
  g_auto(GStrv) drawn = NULL;

  rifq_pdf_record_text_begin ();
  path = write_minutes (&minutes);
  drawn = rifq_pdf_record_text_end ();

  rifq_test_pdf_assert_text_as_drawn (path, (const char * const *) drawn);
  rifq_test_pdf_remove (path);
}

static void
test_every_number_in_the_minutes_digits (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = write_minutes (&minutes);

  /* Request numbers, items, amounts, tallies, dates and pages alike. */
  rifq_test_pdf_assert_digits (path, RIFQ_DIGITS_ARABIC, NULL);
  rifq_test_pdf_remove (path);
}

static void
test_english_reads_left_to_right (void)
{
  const char *ends[] = { "Decision:", "recorded.", NULL };
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = NULL;

  rifq_test_pdf_use_language ("en");
  minutes.title = "Minutes of the research committee meeting";
  minutes.digits = RIFQ_DIGITS_LATIN;
  path = write_minutes (&minutes);
  /* The members table's first column at the left margin (42 pt), inside its cell; an item's
   * decision with its colon after it, and a sentence with its full stop. */
  rifq_test_pdf_assert_left_to_right (path, 1, "Name", 42, 10, ends);
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

  g_test_add_func ("/minutes-pdf/text/lists-every-decision-and-vote", test_lists_every_decision_and_vote);
  g_test_add_func ("/minutes-pdf/text/page-numbers-in-arabic-digits", test_page_numbers_in_arabic_digits);
  g_test_add_func ("/minutes-pdf/pages/every-page-renders", test_every_page_renders);
  g_test_add_func ("/minutes-pdf/pages/twelve-cases-flow-with-footers", test_twelve_cases_flow_with_footers);
  g_test_add_func ("/minutes-pdf/pages/long-table-repeats-its-header", test_long_table_repeats_its_header);
  g_test_add_func ("/minutes-pdf/fonts/all-embedded", test_fonts_all_embedded);
  g_test_add_func ("/minutes-pdf/write/unwritable-path-refused", test_unwritable_path_refused);
  g_test_add_func ("/minutes-pdf/text/copies-as-drawn", test_copies_as_drawn);
  g_test_add_func ("/minutes-pdf/text/every-number-in-the-minutes-digits", test_every_number_in_the_minutes_digits);
  g_test_add_func ("/minutes-pdf/direction/english-reads-left-to-right", test_english_reads_left_to_right);

  return g_test_run ();
}
