/* test-request-pdf.c: the signed request the research committee reads, prints and verifies
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "rifq-arabic.h"
#include "rifq-pdf.h"
#include "rifq-request-pdf.h"
#include "rifq-seal-reader.h"
#include "rifq-test-pdf.h"

#define REQUEST_NUMBER   "1448/000123"
#define BENEFICIARY_NAME "محمد بن عبدالله بن صالح الحربي"
#define SHORT_CODE       "7K2Q-M9XA-3PLD"
#define SEAL_PAYLOAD     "RIFQ2." \
                         "q3Zx8Lw0VnT2bYk5Hs9RjUe4Gc7Pa1Md6Of3Ni8Bt0W." \
                         "Xb4Rk9Tz2Qm7Lp5Vh1Sd8Jf3Gw6Ny0Ec4Ua7Ki2Oz9Hq5Br1Mt8Fv3Lx6Pj0Dn4Ys7Cg2Ta9Ws5Ie1Zk8Rv3Qh6Ub0Mo" \
                         ".0123456789abcdef"
/* Sealed values, as a seal carries them (the shape does not matter to the sheet). */
#define SEALED_JSON      "{\"seal\":\"RIFQ1\",\"number\":\"1448/000123\",\"national_id\":\"1000000008\"," \
                         "\"name\":\"محمد بن عبدالله بن صالح الحربي\",\"birth_date\":\"1939-08-18\"," \
                         "\"kind\":\"medical_devices\",\"channel\":\"walk_in\"," \
                         "\"description\":\"كرسي متحرك كهربائي وسرير طبي بثلاث حركات\",\"amount\":9500," \
                         "\"signer\":\"caregiver\",\"signer_name\":\"عبدالعزيز بن محمد الحربي\"," \
                         "\"signer_relation\":\"ابن\",\"officer_name\":\"نورة العتيبي\"," \
                         "\"submitted_on\":\"2026-11-26\",\"documents\":[{\"type\":\"national_id\"," \
                         "\"number\":\"1000000008\",\"expires_on\":\"2028-08-11\",\"status\":\"valid\"}," \
                         "{\"type\":\"guardianship\",\"number\":\"4470012\",\"expires_on\":\"2027-06-17\"," \
                         "\"status\":\"valid\"}]}"

static const RifqSheetRow beneficiary_rows[] = {
  { "الاسم الرباعي", BENEFICIARY_NAME },
  { "الهوية الوطنية / الإقامة", "1000000008 — سارية حتى ١٥ ربيع الأول ١٤٥٠ هـ" },
  { "تاريخ الميلاد", "٣ رجب ١٣٥٨ هـ — ١٨ أغسطس ١٩٣٩ م" },
  { "الجوال", "0551234567" },
  { "المدينة / الحي", "الرياض — حي النسيم" },
  { "الوضع السكني", "يسكن مع ابنه وأسرته في شقة مستأجرة بالدور الثاني دون مصعد" },
  { NULL, NULL },
};

static const RifqSheetRow household_rows[] = {
  { "عدد أفراد الأسرة", "٤" },
  { "الدخل الشهري", "٢٬٨٠٠ ر.س" },
  { "مصادر الدخل", "معاش الضمان الاجتماعي، ومساعدة شهرية من الابن" },
  { "الحركة", "يمشي بعكاز، ويحتاج مرافقًا خارج المنزل" },
  { "ملاحظات صحية", "سكري من النوع الثاني، وارتفاع في ضغط الدم، وضعف في السمع" },
  { NULL, NULL },
};

static const RifqSheetRow support_rows[] = {
  { "نوع الدعم", "أجهزة طبية" },
  { "الوصف", "كرسي متحرك كهربائي وسرير طبي بثلاث حركات مع مرتبة هوائية للوقاية من قرح الفراش" },
  { "المبلغ المقدّر", "٩٬٥٠٠ ر.س" },
  { "قناة الطلب", "الحضور إلى مقر الجمعية" },
  { "استلمه", "نورة العتيبي — ١٥ جمادى الآخرة ١٤٤٨ هـ، ١٠:٤٥ ص" },
  { NULL, NULL },
};

static const RifqSheetRow document_rows[] = {
  { "الهوية الوطنية", "1000000008 — سارية حتى ١٥ ربيع الأول ١٤٥٠ هـ" },
  { "صك إعالة", "4470012 — ساري حتى ٣ محرم ١٤٤٩ هـ" },
  { "تقرير طبي", "MR-2026-4471 — صادر في ٢ جمادى الآخرة ١٤٤٨ هـ" },
  { "إثبات الدخل (الضمان الاجتماعي)", "مشهد رقم 55-90871 — ساري حتى ١ رمضان ١٤٤٨ هـ" },
  { NULL, NULL },
};

#define RESEARCH_REPORT \
  "زارت الباحثة الاجتماعية منزل المستفيد يوم ١٨ جمادى الآخرة ١٤٤٨ هـ بحضور ابنه. المستفيد في الثامنة " \
  "والثمانين، يعاني من السكري وضعف الحركة، ويقضي معظم يومه في غرفة صغيرة لا يصلها الكرسي العادي.\n" \
  "الدخل الشهري للأسرة لا يغطي ثمن الكرسي الكهربائي والسرير الطبي، والابن يعمل بعقد مؤقت. توصي الباحثة " \
  "بقبول الطلب وصرف الأجهزة عبر المورّد المعتمد لدى الجمعية، مع متابعة بعد ثلاثة أشهر."

#define DECLARATION \
  "أقرّ أنا الموقّع أدناه بأن جميع البيانات والمستندات المقدّمة في هذا الطلب صحيحة وكاملة، وأتحمّل " \
  "المسؤولية النظامية كاملة إن ثبت خلاف ذلك، وأوافق على أن تتحقق الجمعية منها لدى الجهات المختصة، " \
  "وعلى إجراء الزيارة المنزلية، وعلى حفظ بياناتي لأغراض تقديم الخدمة."

#define FOOTER "جمعية رحماء لرعاية كبار السن — الرياض، حي الملز، طريق الأمير عبدالرحمن بن عبدالعزيز — هاتف 011 476 5500"

/* Adds a stroke through the control points, as a pad samples a hand moving along a
 * Catmull-Rom curve: ten points a segment, pressing harder on the downstrokes. */
static void
add_curve (RifqSignature *signature,
           const double   points[][2],
           guint          n_points,
           double         taper)
{
  rifq_signature_begin_stroke (signature);
  for (guint i = 0; i + 1 < n_points; i++)
    {
      const double *p0 = points[i > 0 ? i - 1 : i];
      const double *p1 = points[i];
      const double *p2 = points[i + 1];
      const double *p3 = points[i + 2 < n_points ? i + 2 : i + 1];

      for (guint step = 0; step < 10; step++)
        {
          double t = step / 10.0;
          double t2 = t * t;
          double t3 = t2 * t;
          double x = 0.5 * (2 * p1[0] + (p2[0] - p0[0]) * t + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2 +
                            (3 * p1[0] - p0[0] - 3 * p2[0] + p3[0]) * t3);
          double y = 0.5 * (2 * p1[1] + (p2[1] - p0[1]) * t + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2 +
                            (3 * p1[1] - p0[1] - 3 * p2[1] + p3[1]) * t3);
          double dy = p2[1] - p1[1];
          double length = MAX (hypot (p2[0] - p1[0], dy), 1);
          double along = (i + t) / (n_points - 1);
          double pressure = 0.45 + 0.3 * dy / length;

          /* Pen down gently, lifted off in a tail. */
          pressure *= MIN (1, along * 8) * (1 - taper * along * along);
          rifq_signature_add_point (signature, x, y, CLAMP (pressure, 0.05, 1));
        }
    }
  rifq_signature_add_point (signature, points[n_points - 1][0], points[n_points - 1][1], 0.1);
}

/* A caregiver's signature on a pad of 600 × 200 px: a looped name written right to left, a
 * sweep under it, two dots. */
static RifqSignature *
sample_signature (void)
{
  static const double name[][2] = {
    { 522, 48 }, { 516, 92 }, { 508, 126 }, { 494, 138 }, { 478, 126 }, { 472, 104 }, { 464, 126 },
    { 450, 140 }, { 432, 130 }, { 428, 104 }, { 438, 86 }, { 450, 100 }, { 442, 128 }, { 420, 146 },
    { 388, 148 }, { 360, 138 }, { 348, 116 }, { 358, 98 }, { 372, 112 }, { 362, 140 }, { 332, 154 },
    { 292, 150 }, { 266, 132 }, { 258, 100 }, { 266, 64 }, { 276, 92 }, { 266, 132 }, { 240, 152 },
    { 200, 150 }, { 176, 136 },
  };
  static const double sweep[][2] = {
    { 548, 118 }, { 536, 150 }, { 470, 170 }, { 360, 176 }, { 240, 172 }, { 140, 160 }, { 78, 138 },
  };
  RifqSignature *signature = rifq_signature_new (600, 200);

  add_curve (signature, name, G_N_ELEMENTS (name), 0.5);
  add_curve (signature, sweep, G_N_ELEMENTS (sweep), 0.9);
  rifq_signature_begin_stroke (signature);
  rifq_signature_add_point (signature, 306, 84, 0.7);
  rifq_signature_begin_stroke (signature);
  rifq_signature_add_point (signature, 320, 80, 0.7);

  return signature;
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A logo as the association's PNG would arrive: a green disc with a white crescent. */
static GBytes *
sample_logo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 128, 128);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.05, 0.40, 0.30);
  cairo_arc (cr, 64, 64, 60, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_arc (cr, 64, 64, 34, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.05, 0.40, 0.30);
  cairo_arc (cr, 78, 56, 30, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

typedef struct
{
  RifqRequestSheet  sheet;
  RifqSignature    *signature;
  GBytes           *logo;
  GPtrArray        *strings;
  GArray           *documents;
} Sample;

static void
sample_init (Sample *sample)
{
  memset (sample, 0, sizeof *sample);
  sample->signature = sample_signature ();
  sample->logo = sample_logo ();
  sample->strings = g_ptr_array_new_with_free_func (g_free);
  sample->documents = g_array_new (TRUE, TRUE, sizeof (RifqSheetRow));

  sample->sheet = (RifqRequestSheet) {
    .association_name = "جمعية رحماء لرعاية كبار السن",
    .title = "طلب دعم مستفيد",
    .request_number = REQUEST_NUMBER,
    .dates_line = "تاريخ التقديم: ١٥ جمادى الآخرة ١٤٤٨ هـ — ٢٦ نوفمبر ٢٠٢٦ م",
    .beneficiary = beneficiary_rows,
    .household = household_rows,
    .support = support_rows,
    .documents = document_rows,
    .research_report = RESEARCH_REPORT,
    .declaration = DECLARATION,
    .signature = sample->signature,
    .signed_by_line = "وقّعه: عبدالعزيز بن محمد الحربي (ابن، مرافق)",
    .officer_line = "استلمه وأكّده: نورة العتيبي — ١٥ جمادى الآخرة ١٤٤٨ هـ",
    .seal.payload = SEAL_PAYLOAD,
    .seal.short_code = SHORT_CODE,
    .seal.sealed_json = SEALED_JSON,
    .footer = FOOTER,
  };
  sample->sheet.logo_png = g_bytes_get_data (sample->logo, &sample->sheet.logo_png_len);
}

static void
sample_clear (Sample *sample)
{
  g_clear_pointer (&sample->signature, rifq_signature_unref);
  g_clear_pointer (&sample->logo, g_bytes_unref);
  g_clear_pointer (&sample->strings, g_ptr_array_unref);
  g_clear_pointer (&sample->documents, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sample, sample_clear)

static const char *
sample_keep (Sample *sample,
             char   *text)
{
  g_ptr_array_add (sample->strings, text);
  return text;
}

/* Twenty documents and a report of some 3,000 characters: more than one page holds. */
static void
sample_make_long (Sample *sample)
{
  GString *report = g_string_new (NULL);

  for (guint i = 0; i < 20; i++)
    {
      RifqSheetRow row = {
        sample_keep (sample, g_strdup_printf ("تقرير طبي معتمد رقم %u من مستشفى الملك فهد التخصصي", i + 1)),
        sample_keep (sample, g_strdup_printf ("77%05u — ساري حتى ١٢ رجب ١٤٤٨ هـ", i)),
      };

      g_array_append_val (sample->documents, row);
    }
  sample->sheet.documents = (const RifqSheetRow *) sample->documents->data;

  while (g_utf8_strlen (report->str, -1) < 3000)
    {
      if (report->len > 0)
        g_string_append (report, report->len % 3 == 0 ? "\n" : " ");
      g_string_append (report, RESEARCH_REPORT);
    }
  g_string_append (report, " انتهى التقرير.");
  sample->sheet.research_report = sample_keep (sample, g_string_free (report, FALSE));
}

static char *
write_sheet (const RifqRequestSheet *sheet)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rifq_test_pdf_tmp_path ("rifq-request-XXXXXX", "request.pdf");

  g_assert_true (rifq_request_pdf_write (sheet, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* A number as an Arabic request prints it. */
static char *
shown (const char *latin)
{
  return rifq_arabic_indic_digits (latin);
}

/* Tests */

static void
test_holds_number_name_and_short_code (void)
{
  g_auto(Sample) sample = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  g_autofree char *document = NULL;
  g_autofree char *report = NULL;
  g_autofree char *telephone = NULL;

  sample_init (&sample);
  path = write_sheet (&sample.sheet);
  text = rifq_test_pdf_text (path);
  number = shown (REQUEST_NUMBER);
  document = shown ("مشهد رقم 55-90871 — ساري حتى ١ رمضان ١٤٤٨ هـ");
  report = shown ("MR-2026-4471");
  telephone = shown ("011 476 5500");

  g_test_message ("Read back: %s", text);
  g_assert_true (rifq_test_pdf_holds (text, number));
  g_assert_true (rifq_test_pdf_holds (text, BENEFICIARY_NAME));
  /* The seal's code is typed into a verifier as printed: in its own digits. */
  g_assert_true (rifq_test_pdf_holds (text, SHORT_CODE));
  g_assert_true (rifq_test_pdf_holds (text, "طلب دعم مستفيد"));
  /* Numbers with separators keep their order beside Arabic. */
  g_assert_true (rifq_test_pdf_holds (text, document));
  g_assert_true (rifq_test_pdf_holds (text, report));
  g_assert_true (rifq_test_pdf_holds (text, telephone));
  g_assert_true (rifq_test_pdf_holds (text, "١٥ جمادى الآخرة ١٤٤٨ هـ"));
  g_assert_true (rifq_test_pdf_holds (text, "المستندات (صلاحيتها عند التقديم)"));
  g_assert_true (rifq_test_pdf_holds (text, "ختم الجمعية"));

  rifq_test_pdf_remove (path);
}

static void
test_fonts_all_embedded (void)
{
  g_auto(Sample) sample = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;

  sample_init (&sample);
  path = write_sheet (&sample.sheet);
  rifq_test_pdf_assert_fonts_embedded (path, &fonts);
  /* The short code's monospace face, when the machine has it. */
  if (strstr (fonts, "Mono") == NULL)
    g_test_message ("No monospace font among the embedded ones");

  rifq_test_pdf_remove (path);
}

static void
test_keywords_carry_sealed_json (void)
{
  g_auto(Sample) sample = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *title = NULL;
  g_autofree guchar *decoded = NULL;
  PopplerDocument *document;
  gsize length;

  sample_init (&sample);
  path = write_sheet (&sample.sheet);
  document = rifq_test_pdf_open (path);

  keywords = poppler_document_get_keywords (document);
  g_assert_true (g_str_has_prefix (keywords, "rifq-sealed2:"));

  /* A verifier gets the seal's text and the sealed values back, byte for byte. */
  decoded = g_base64_decode (keywords + strlen (RIFQ_REQUEST_PDF_SEALED_PREFIX), &length);
  {
    g_autofree char *text = g_strndup ((const char *) decoded, length);
    g_autoptr(JsonNode) carried = json_from_string (text, NULL);
    JsonObject *object = json_node_get_object (carried);

    g_assert_cmpstr (json_object_get_string_member (object, "seal"), ==, SEAL_PAYLOAD);
    g_assert_cmpstr (json_object_get_string_member (object, "values"), ==, SEALED_JSON);
  }

  title = poppler_document_get_title (document);
  g_assert_nonnull (strstr (title, REQUEST_NUMBER));
  g_assert_nonnull (strstr (title, "طلب دعم مستفيد"));

  g_object_unref (document);
  rifq_test_pdf_remove (path);

  /* Without sealed JSON there are no keywords at all. */
  sample.sheet.seal.sealed_json = NULL;
  g_clear_pointer (&path, g_free);
  path = write_sheet (&sample.sheet);
  document = rifq_test_pdf_open (path);
  g_clear_pointer (&keywords, g_free);
  keywords = poppler_document_get_keywords (document);
  g_assert_true (keywords == NULL || *keywords == '\0');
  g_object_unref (document);
  rifq_test_pdf_remove (path);
}

/* What rifq-admin verify reads from the file: the QR code on the rendered pages, the sealed
 * JSON in the keywords, and in the pages' text the number and national ID it checks there. */
static void
test_reader_finds_payload_json_and_numbers (void)
{
  g_auto(Sample) sample = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *latin = NULL;
  GString *bare = g_string_new (NULL);
  gsize length;

  sample_init (&sample);
  path = write_sheet (&sample.sheet);
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);

  g_assert_true (rifq_seal_read_pdf (bytes, &payload, &sealed, &text, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (payload, ==, SEAL_PAYLOAD);
  g_assert_cmpstr (sealed, ==, SEALED_JSON);

  /* As rifq_seal_verify_pdf() compares: poppler's text with its direction marks taken out and
   * its digits made Western. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!rifq_test_pdf_is_direction_mark (g_utf8_get_char (p)))
        g_string_append_unichar (bare, g_utf8_get_char (p));
    }
  latin = rifq_arabic_latin_digits (bare->str);
  g_assert_nonnull (strstr (latin, REQUEST_NUMBER));
  g_assert_nonnull (strstr (latin, "1000000008"));
  g_string_free (bare, TRUE);

  rifq_test_pdf_remove (path);
}

static void
test_every_page_renders (void)
{
  g_auto(Sample) sample = { 0 };
  g_autofree char *path = NULL;

  sample_init (&sample);
  path = write_sheet (&sample.sheet);
  rifq_test_pdf_assert_pages_render (path);
  rifq_test_pdf_remove (path);
}

static void
test_long_request_flows_onto_more_pages (void)
{
  g_auto(Sample) sample = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *number = shown (REQUEST_NUMBER);
  g_autofree char *first = shown ("7700000 — ساري حتى ١٢ رجب ١٤٤٨ هـ");
  g_autofree char *last = shown ("7700019 — ساري حتى ١٢ رجب ١٤٤٨ هـ");
  int n_pages;

  sample_init (&sample);
  sample_make_long (&sample);
  path = write_sheet (&sample.sheet);

  n_pages = rifq_test_pdf_n_pages (path);
  g_assert_cmpint (n_pages, >=, 2);

  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *text = rifq_test_pdf_page_text (path, i);
      g_autofree char *latin = g_strdup_printf ("صفحة %d من %d", i, n_pages);
      g_autofree char *footer = shown (latin);

      g_test_message ("Page %d: %s", i, text);
      /* Compared with its spaces: "صفحة ١ من ٢" is no part of "صفحة ١ من ٢٠". */
      g_assert_nonnull (strstr (text, footer));
      g_assert_true (rifq_test_pdf_holds (text, number));
    }

  all = rifq_test_pdf_text (path);
  g_assert_true (rifq_test_pdf_holds (all, "(تابع)"));
  /* Nothing was lost at the page breaks: the first and last documents, the report's end, the seal. */
  g_assert_true (rifq_test_pdf_holds (all, first));
  g_assert_true (rifq_test_pdf_holds (all, last));
  g_assert_true (rifq_test_pdf_holds (all, "انتهى التقرير."));
  g_assert_true (rifq_test_pdf_holds (all, SHORT_CODE));
  rifq_test_pdf_assert_pages_render (path);

  rifq_test_pdf_remove (path);
}

/* A meeting packet: two requests on one surface, numbered through. */
static void
test_packet_numbers_pages_through (void)
{
  g_auto(Sample) first = { 0 };
  g_auto(Sample) second = { 0 };
  g_autofree char *path = rifq_test_pdf_tmp_path ("rifq-request-XXXXXX", "packet.pdf");
  g_autofree char *last_page = NULL;
  g_autofree char *latin = NULL;
  g_autofree char *footer = NULL;
  cairo_surface_t *surface;
  PopplerDocument *document;
  cairo_t *cr;
  int n_first;
  int n_second;

  sample_init (&first);
  sample_init (&second);
  sample_make_long (&second);
  second.sheet.request_number = "1448/000124";

  /* Counted on a surface that writes nowhere, then drawn. */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, RIFQ_PDF_A4_WIDTH, RIFQ_PDF_A4_HEIGHT);
  cr = cairo_create (surface);
  n_first = rifq_request_pdf_draw (cr, &first.sheet, 1, 0);
  n_second = rifq_request_pdf_draw (cr, &second.sheet, 1, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpint (n_first, >=, 1);
  g_assert_cmpint (n_second, >=, 2);

  surface = cairo_pdf_surface_create (path, RIFQ_PDF_A4_WIDTH, RIFQ_PDF_A4_HEIGHT);
  cr = cairo_create (surface);
  g_assert_cmpint (rifq_request_pdf_draw (cr, &first.sheet, 1, n_first + n_second), ==, n_first);
  g_assert_cmpint (rifq_request_pdf_draw (cr, &second.sheet, n_first + 1, n_first + n_second), ==, n_second);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  document = rifq_test_pdf_open (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, n_first + n_second);
  g_object_unref (document);

  last_page = rifq_test_pdf_page_text (path, n_first + n_second);
  latin = g_strdup_printf ("صفحة %d من %d", n_first + n_second, n_first + n_second);
  footer = shown (latin);
  g_assert_nonnull (strstr (last_page, footer));
  g_assert_true (rifq_test_pdf_holds (last_page, "١٤٤٨/٠٠٠١٢٤"));

  rifq_test_pdf_remove (path);
}

static void
test_unwritable_path_refused (void)
{
  g_auto(Sample) sample = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-request-XXXXXX", &error);
  g_autofree char *missing = NULL;

  g_assert_no_error (error);
  sample_init (&sample);

  /* A folder that does not exist. */
  missing = g_build_filename (dir, "no-such-folder", "request.pdf", NULL);
  g_assert_false (rifq_request_pdf_write (&sample.sheet, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A path that is a folder. */
  g_assert_false (rifq_request_pdf_write (&sample.sheet, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_copies_as_drawn (void)
{
  g_auto(Sample) sample = { 0 };
  g_autofree char *path = NULL;
  g_auto(GStrv) drawn = NULL;

  sample_init (&sample);
  sample_make_long (&sample);
  rifq_pdf_record_text_begin ();
  path = write_sheet (&sample.sheet);
  drawn = rifq_pdf_record_text_end ();

  rifq_test_pdf_assert_text_as_drawn (path, (const char * const *) drawn);
  rifq_test_pdf_remove (path);
}

static void
test_every_number_in_the_request_digits (void)
{
  const char *codes[] = { SHORT_CODE, NULL };
  g_auto(Sample) sample = { 0 };
  g_autofree char *path = NULL;

  sample_init (&sample);
  path = write_sheet (&sample.sheet);
  /* Request number, national ID, mobile, income, document numbers, dates and pages alike; the
   * seal's code alone keeps its own, to be typed as printed. */
  rifq_test_pdf_assert_digits (path, RIFQ_DIGITS_ARABIC, codes);
  rifq_test_pdf_remove (path);
}

static void
test_english_reads_left_to_right (void)
{
  const char *ends[] = { "submission)", NULL };
  g_auto(Sample) sample = { 0 };
  g_autofree char *path = NULL;

  rifq_test_pdf_use_language ("en");
  sample_init (&sample);
  sample.sheet.title = "Support request";
  path = write_sheet (&sample.sheet);
  /* The first heading's band from the left margin (42 pt); "Documents (validity at
   * submission)" with its bracket closed after its last word. */
  rifq_test_pdf_assert_left_to_right (path, 1, "Beneficiary", 42, 16, ends);
  rifq_test_pdf_remove (path);
  rifq_test_pdf_use_language ("ar");
}

int
main (int   argc,
      char *argv[])
{
  /* English headings: the assertions are about the data, which is never translated. */
  g_test_init (&argc, &argv, NULL);
  /* The documents as the association prints them: in Arabic, right to left. */
  rifq_test_pdf_use_language ("ar");

  g_test_add_func ("/request-pdf/text/holds-number-name-and-short-code", test_holds_number_name_and_short_code);
  g_test_add_func ("/request-pdf/fonts/all-embedded", test_fonts_all_embedded);
  g_test_add_func ("/request-pdf/seal/keywords-carry-sealed-json", test_keywords_carry_sealed_json);
  g_test_add_func ("/request-pdf/seal/reader-finds-payload-json-and-numbers", test_reader_finds_payload_json_and_numbers);
  g_test_add_func ("/request-pdf/pages/every-page-renders", test_every_page_renders);
  g_test_add_func ("/request-pdf/pages/long-request-flows-onto-more-pages", test_long_request_flows_onto_more_pages);
  g_test_add_func ("/request-pdf/pages/packet-numbers-pages-through", test_packet_numbers_pages_through);
  g_test_add_func ("/request-pdf/write/unwritable-path-refused", test_unwritable_path_refused);
  g_test_add_func ("/request-pdf/text/copies-as-drawn", test_copies_as_drawn);
  g_test_add_func ("/request-pdf/text/every-number-in-the-request-digits", test_every_number_in_the_request_digits);
  g_test_add_func ("/request-pdf/direction/english-reads-left-to-right", test_english_reads_left_to_right);

  return g_test_run ();
}
