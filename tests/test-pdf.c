/* test-pdf.c: Arabic in documents reads right to left, from the right edge
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rifq-pdf.h"

#define BOX_WIDTH 400.0

static double
first_char_x (cairo_t    *cr,
              const char *text,
              gboolean    rtl)
{
  g_autoptr(PangoLayout) layout = rifq_pdf_layout_new (cr, NULL, 14, FALSE, rtl, BOX_WIDTH);
  PangoRectangle pos;

  pango_layout_set_text (layout, text, -1);
  pango_layout_index_to_pos (layout, 0, &pos);
  /* For right-to-left text the first character's box has a negative width: its start is x. */
  return (double) pos.x / PANGO_SCALE;
}

static void
test_arabic_starts_at_right_edge (void)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, RIFQ_PDF_A4_WIDTH, RIFQ_PDF_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double arabic = first_char_x (cr, "جمعية رحماء لرعاية كبار السن", TRUE);
  double english = first_char_x (cr, "Ruhamaa Association", FALSE);

  g_assert_cmpfloat (arabic, >, BOX_WIDTH - 2);
  g_assert_cmpfloat (english, <, 2);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_pdf_embeds_arabic_font (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.pdf", NULL);
  g_autofree char *data = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  gsize length;

  surface = cairo_pdf_surface_create (path, RIFQ_PDF_A4_WIDTH, RIFQ_PDF_A4_HEIGHT);
  cr = cairo_create (surface);
  height = rifq_pdf_draw_text (cr, "طلب دعم مستفيد — الإجمالي ١٤ يومًا", 16, TRUE, TRUE, 50, 50, 495);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (height, >, 10);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_nonnull (memmem (data, length, "/FontFile", strlen ("/FontFile")));
  g_assert_nonnull (memmem (data, length, "+Amiri", strlen ("+Amiri")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/layout/arabic-starts-at-right-edge", test_arabic_starts_at_right_edge);
  g_test_add_func ("/pdf/fonts/arabic-font-embedded", test_pdf_embeds_arabic_font);

  return g_test_run ();
}
