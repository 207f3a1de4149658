/* rifq-pdf.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-pdf"

#include "config.h"

#include "rifq-pdf.h"

PangoLayout *
rifq_pdf_layout_new (cairo_t    *cr,
                     const char *family,
                     double      size_pt,
                     gboolean    bold,
                     gboolean    rtl,
                     double      width_pt)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoLayout *layout;
  PangoContext *context;

  g_return_val_if_fail (cr != NULL, NULL);

  layout = pango_cairo_create_layout (cr);
  context = pango_layout_get_context (layout);
  pango_context_set_base_dir (context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (font, family ? family : RIFQ_PDF_FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);

  pango_layout_set_width (layout, (int) (width_pt * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* With the base direction fixed, LEFT means "the reading edge" no more: say it outright. */
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
}

double
rifq_pdf_draw_text (cairo_t    *cr,
                    const char *text,
                    double      size_pt,
                    gboolean    bold,
                    gboolean    rtl,
                    double      x,
                    double      y,
                    double      width_pt)
{
  g_autoptr(PangoLayout) layout = rifq_pdf_layout_new (cr, NULL, size_pt, bold, rtl, width_pt);
  int height;

  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}
