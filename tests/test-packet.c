/* test-packet.c: the meeting packet, every case sealed in one PDF, and its cancellation
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "rifq-committee.h"
#include "rifq-packet-pdf.h"
#include "rifq-request-sheet.h"
#include "rifq-seal-reader.h"
#include "rifq-test-pdf.h"
#include "rifq-test-request.h"

typedef struct
{
  RifqDb *db;
  gint64  meeting;
  char   *dir;
} Packet;

static void
packet_set_up (Packet        *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;
  const char *ids[] = { RIFQ_TEST_ID_1, RIFQ_TEST_ID_2, RIFQ_TEST_ID_3 };
  const char *mobiles[] = { "0501111111", "0502222222", "0503333333" };
  const char *names[] = { "محمد", "سعد", "فهد" };

  f->db = rifq_test_db_new (NULL);
  rifq_test_staff (f->db);
  g_assert_true (rifq_seal_ensure_key (f->db, &error));
  rifq_db_set_actor (f->db, "chair");
  meeting = rifq_committee_meeting_create (f->db, "2026-11-30", "مقر الجمعية", &error);
  g_assert_no_error (error);
  f->meeting = meeting->id;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      gint64 request = rifq_test_submitted_request (f->db, rifq_test_add_beneficiary (f->db, ids[i], names[i], mobiles[i]),
                                                    "food_basket");

      rifq_db_set_actor (f->db, "chair");
      g_assert_true (rifq_committee_add_to_agenda (f->db, f->meeting, request, &error));
      g_assert_no_error (error);
    }
  f->dir = g_dir_make_tmp ("rifq-packet-XXXXXX", NULL);
}

static void
packet_tear_down (Packet        *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->dir);
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, ==, *calls + 1);
  g_assert_cmpuint (total, ==, 3);
  (*calls)++;
}

static void
test_every_case_in_one_pdf (Packet        *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqPacket) packet = rifq_packet_new (f->db, f->meeting, &error);
  g_autofree char *path = g_build_filename (f->dir, "packet.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;
  guint calls = 0;
  char *contents;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpuint (rifq_packet_get_n_cases (packet), ==, 3);
  g_assert_true (rifq_packet_write (packet, path, count_progress, &calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 3);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  /* A cover, the contents, then each case. */
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 2 + 3);
  g_object_unref (document);
  {
    char *argv[] = { (char *) "pdftotext", (char *) "-f", (char *) "2", (char *) "-l", (char *) "2", path,
                     (char *) "-", NULL };
    int status;

    g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &text, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
  }

  /* The contents list every case by its number. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("1448/00000%u", i);

      g_assert_nonnull (strstr (text, number));
    }

  /* Each case in the packet carries its own seal, which verifies. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (contents, length);
  {
    g_autofree char *payload = NULL;

    g_autoptr(RifqKeyring) ring = rifq_keyring_from_db (f->db, NULL);
    g_autofree char *message = NULL;

    g_assert_true (rifq_seal_read_pdf (bytes, &payload, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (payload, "RIFQ2."));
    g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, bytes, NULL, &message), ==, RIFQ_SEAL_VALID);
    g_assert_nonnull (strstr (message, "every case in it is sealed"));
    for (guint i = 1; i <= 3; i++)
      {
        g_autofree char *line = g_strdup_printf ("Case %u, request 1448/00000%u: sealed.", i, i);

        g_assert_nonnull (strstr (message, line));
      }
  }
}

/* A case whose record was changed behind Rifq's back goes into the packet marked, unsealed, and the
 * packet says which. */
static void
test_altered_case_named (Packet        *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqPacket) packet = NULL;
  g_autoptr(RifqKeyring) ring = rifq_keyring_from_db (f->db, NULL);
  g_autofree char *path = g_build_filename (f->dir, "altered-packet.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  rifq_test_sql (f->db, "UPDATE request SET amount = 77777 WHERE number = "
                                 "'1448/000002'");
  packet = rifq_packet_new (f->db, f->meeting, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_packet_write (packet, path, NULL, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, bytes, NULL, &message), ==, RIFQ_SEAL_RECORD_CHANGED);
  g_assert_nonnull (strstr (message, "only 2 of its 3 cases are sealed"));
  g_assert_nonnull (strstr (message, "Case 2, request 1448/000002: NOT SEALED"));
  g_assert_nonnull (strstr (message, "Case 1, request 1448/000001: sealed."));
}

static char *
write_packet (Packet *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqPacket) packet = rifq_packet_new (f->db, f->meeting, &error);
  char *path = g_build_filename (f->dir, "packet.pdf", NULL);

  g_assert_no_error (error);
  g_assert_true (rifq_packet_write (packet, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_copies_as_drawn (Packet        *f,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) drawn = NULL;

  rifq_test_pdf_use_language ("ar");
  rifq_pdf_record_text_begin ();
  path = write_packet (f);
  drawn = rifq_pdf_record_text_end ();

  /* The cover, the contents and every case. */
  rifq_test_pdf_assert_text_as_drawn (path, (const char * const *) drawn);
  rifq_test_pdf_use_language ("en");
}

/* The request numbers on the cover, the contents and every case, their pages, the meeting's
 * date: all in the document's digits; the seals' codes keep their own, to be typed as printed. */
static void
test_every_number_in_the_packet_digits (Packet        *f,
                                        gconstpointer  data)
{
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;

  rifq_test_pdf_use_language ("ar");
  meeting = rifq_committee_meeting_get (f->db, f->meeting, NULL);
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      gint64 request = g_array_index (meeting->agenda, gint64, i);
      g_autoptr(RifqSheetBuild) build = rifq_sheet_build_new (f->db, request, NULL);

      g_ptr_array_add (codes, g_strdup (rifq_sheet_build_get (build)->seal.short_code));
    }
  g_ptr_array_add (codes, NULL);
  path = write_packet (f);
  rifq_test_pdf_assert_digits (path, RIFQ_DIGITS_ARABIC, (const char * const *) codes->pdata);
  rifq_test_pdf_use_language ("en");
}

/* No rule runs through the contents' lines: between an entry and its page only dots, clear
 * of the letters. Every row of pixels across the text is free of any long stroke. */
static void
test_contents_not_struck_through (Packet        *f,
                                  gconstpointer  data)
{
  g_autofree char *path = write_packet (f);
  PopplerDocument *document = rifq_test_pdf_open (path);
  PopplerPage *page = poppler_document_get_page (document, 1);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int stride;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (2 * width), (int) (2 * height));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_assert_cmpuint (n_rects, >, 10);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) + y * stride);
      gboolean across_text = FALSE;
      int run = 0;
      int longest = 0;

      for (guint i = 0; i < n_rects && !across_text; i++)
        across_text = y >= 2 * rects[i].y1 && y <= 2 * rects[i].y2;
      if (!across_text)
        continue;
      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        {
          run = (row[x] & 0xff) < 0xf5 ? run + 1 : 0;
          longest = MAX (longest, run);
        }
      g_assert_cmpint (longest, <, cairo_image_surface_get_width (surface) / 4);
    }

  g_free (rects);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);
}

static void
test_english_reads_left_to_right (Packet        *f,
                                  gconstpointer  data)
{
  g_autofree char *path = write_packet (f);
  RifqTestPdfWord box = { 0 };

  /* The contents' heading at the left margin (48 pt), the pages' numbers at the right one. */
  rifq_test_pdf_assert_left_to_right (path, 2, "Contents", 48, 2, NULL);
  g_assert_true (rifq_test_pdf_find_word (path, 2, "3", &box));
  g_assert_cmpfloat (box.x_max, >, RIFQ_PDF_A4_WIDTH - 48 - 2);
}

static void
test_cancelled_leaves_no_file (Packet        *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqPacket) packet = rifq_packet_new (f->db, f->meeting, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);

  g_cancellable_cancel (cancellable);
  g_assert_false (rifq_packet_write (packet, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add ("/packet/pdf/every-case-in-one-document", Packet, NULL, packet_set_up, test_every_case_in_one_pdf,
              packet_tear_down);
  g_test_add ("/packet/verify/altered-case-named-unsealed", Packet, NULL, packet_set_up, test_altered_case_named,
              packet_tear_down);
  g_test_add ("/packet/pdf/cancelled-leaves-no-file", Packet, NULL, packet_set_up, test_cancelled_leaves_no_file,
              packet_tear_down);
  g_test_add ("/packet/text/copies-as-drawn", Packet, NULL, packet_set_up, test_copies_as_drawn, packet_tear_down);
  g_test_add ("/packet/text/every-number-in-the-packet-digits", Packet, NULL, packet_set_up,
              test_every_number_in_the_packet_digits, packet_tear_down);
  g_test_add ("/packet/contents/rows-not-struck-through", Packet, NULL, packet_set_up,
              test_contents_not_struck_through, packet_tear_down);
  g_test_add ("/packet/direction/english-reads-left-to-right", Packet, NULL, packet_set_up,
              test_english_reads_left_to_right, packet_tear_down);

  return g_test_run ();
}
