/* rifq-pdf.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A4 in PostScript points, the page every Rifq document is printed on. */
#define RIFQ_PDF_A4_WIDTH   595.276
#define RIFQ_PDF_A4_HEIGHT  841.890

/* Family used for Arabic documents: Amiri shapes every ligature right and pdftotext reads it back. */
#define RIFQ_PDF_FONT_FAMILY "Amiri"

/* A layout whose paragraphs run right to left and align to the right edge when rtl is TRUE.
 * PANGO_ALIGN_RIGHT alone puts Arabic on the left (the context defaults to LTR and auto-dir
 * swaps the alignment), so the base direction is fixed and auto-dir is turned off. */
PangoLayout *rifq_pdf_layout_new   (cairo_t    *cr,
                                    const char *family,
                                    double      size_pt,
                                    gboolean    bold,
                                    gboolean    rtl,
                                    double      width_pt);

/* Draws text at the top-left corner (x, y) of a box width_pt wide, starting at the reading
 * edge; returns the height it used, in points. */
double       rifq_pdf_draw_text    (cairo_t    *cr,
                                    const char *text,
                                    double      size_pt,
                                    gboolean    bold,
                                    gboolean    rtl,
                                    double      x,
                                    double      y,
                                    double      width_pt);

G_END_DECLS
