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
#include "rifq-pdf.h"

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
  g_autofree char *dir = g_dir_make_tmp ("rifq-minutes-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "minutes.pdf", NULL);
  g_assert_true (rifq_minutes_pdf_write (minutes, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
remove_minutes (const char *path)
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

static guint
count_in (const char *text,
          const char *needle)
{
  g_autofree char *bare_text = without_spaces (text);
  g_autofree char *bare_needle = without_spaces (needle);
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
  g_autofree char *text = pdf_text (path);

  g_test_message ("Read back: %s", text);
  g_assert_true (holds (text, TITLE));
  g_assert_true (holds (text, MEETING_LINE));
  g_assert_true (holds (text, QUORUM_LINE));
  g_assert_true (holds (text, "Present"));
  g_assert_true (holds (text, "Absent"));

  for (guint i = 0; i < minutes.n_cases; i++)
    {
      const RifqMinutesCase *item = &minutes.cases[i];

      g_assert_true (holds (text, item->request_number));
      g_assert_true (holds (text, item->beneficiary_name));
      g_assert_true (holds (text, item->kind));
      g_assert_true (holds (text, item->tally));
      if (item->reasons != NULL)
        g_assert_true (holds (text, item->reasons));
      for (guint v = 0; v < item->n_votes; v++)
        {
          const RifqMinutesVote *vote = &item->votes[v];

          if (vote->amount != NULL)
            g_assert_true (holds (text, vote->amount));
          if (vote->note != NULL)
            g_assert_true (holds (text, vote->note));
        }
    }

  /* Each decision in its box, and the one not taken said so. An English label's colon lands
   * on the far side of it inside a right-to-left line, so labels are counted without it. */
  g_assert_cmpuint (count_in (text, "Decision"), ==, minutes.n_cases);
  g_assert_cmpuint (count_in (text, "Not decided at this meeting"), ==, 1);
  g_assert_cmpuint (count_in (text, "No votes were recorded"), ==, 1);
  g_assert_cmpuint (count_in (text, "Amount approved"), ==, 1);
  /* Each member's vote is a row of its own: the votes, and the names beside them. */
  g_assert_cmpuint (count_in (text, "1448/0009"), ==, 1);
  g_assert_cmpuint (count_in (text, "تأجيل"), >=, 4);
  g_assert_cmpuint (count_in (text, "هيفاء بنت عبدالله الشهري"), ==, 1 + 3 + 1);

  /* Numbers with separators keep their order beside Arabic: 0007/1448 would be wrong. */
  g_assert_true (holds (text, "1448/0007"));

  /* The signatures: every member present, the chair labelled, the absent member not. */
  g_assert_true (holds (text, "Signatures"));
  g_assert_true (holds (text, "Chair of the committee"));
  g_assert_cmpuint (count_in (text, ABSENT), ==, 1);
  g_assert_cmpuint (count_in (text, "نورة بنت سعد العتيبي"), ==, 1 + 3 + 1);
  g_assert_cmpuint (count_in (text, CHAIR), ==, 1 + 3 + 1);

  remove_minutes (path);
}

static void
test_every_page_renders (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = write_minutes (&minutes);

  assert_pages_render (path);
  remove_minutes (path);
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
  PopplerDocument *document;
  int n_pages;

  minutes.cases = cases;
  minutes.n_cases = 12;
  minutes.digits = RIFQ_DIGITS_LATIN;
  path = write_minutes (&minutes);

  document = open_pdf (path);
  n_pages = poppler_document_get_n_pages (document);
  g_object_unref (document);
  g_assert_cmpint (n_pages, >=, 3);

  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *text = pdf_page_text (path, i);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i, n_pages);

      g_test_message ("Page %d: %s", i, text);
      /* Compared with its spaces: "Page 1 of 3" is no part of "Page 1 of 30". */
      g_assert_nonnull (strstr (text, footer));
      g_assert_true (holds (text, TITLE));
    }

  all = pdf_text (path);
  /* "(continued)" after an Arabic heading: its brackets land on the far side of the word. */
  g_assert_true (holds (all, "continued"));
  /* Nothing was lost at the page breaks: every request, in order, and the signatures at the end. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *bare = without_spaces (all);
      const char *at = strstr (bare, cases[i].request_number);

      g_assert_nonnull (at);
      if (i > 0)
        g_assert_cmpint (at - bare, >, strstr (bare, cases[i - 1].request_number) - bare);
    }
  g_assert_cmpuint (count_in (all, "Decision"), ==, 12);

  last = pdf_page_text (path, n_pages);
  g_assert_true (holds (last, "Chair of the committee"));

  assert_pages_render (path);
  remove_minutes (path);
}

static void
test_page_numbers_in_arabic_digits (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = write_minutes (&minutes);
  g_autofree char *first = pdf_page_text (path, 1);

  g_assert_true (holds (first, "Page ١ of"));
  remove_minutes (path);
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

  second = pdf_page_text (path, 2);
  g_test_message ("Page 2: %s", second);
  g_assert_true (holds (second, "continued"));
  g_assert_true (holds (second, item.request_number));
  g_assert_true (holds (second, "Note Amount Vote Member"));
  assert_pages_render (path);
  remove_minutes (path);
}

static void
test_fonts_all_embedded (void)
{
  RifqMinutes minutes = sample_minutes ();
  g_autofree char *path = write_minutes (&minutes);

  assert_fonts_embedded (path);
  remove_minutes (path);
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

int
main (int   argc,
      char *argv[])
{
  /* English labels: the assertions are about the data, which is never translated. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/minutes-pdf/text/lists-every-decision-and-vote", test_lists_every_decision_and_vote);
  g_test_add_func ("/minutes-pdf/text/page-numbers-in-arabic-digits", test_page_numbers_in_arabic_digits);
  g_test_add_func ("/minutes-pdf/pages/every-page-renders", test_every_page_renders);
  g_test_add_func ("/minutes-pdf/pages/twelve-cases-flow-with-footers", test_twelve_cases_flow_with_footers);
  g_test_add_func ("/minutes-pdf/pages/long-table-repeats-its-header", test_long_table_repeats_its_header);
  g_test_add_func ("/minutes-pdf/fonts/all-embedded", test_fonts_all_embedded);
  g_test_add_func ("/minutes-pdf/write/unwritable-path-refused", test_unwritable_path_refused);

  return g_test_run ();
}
