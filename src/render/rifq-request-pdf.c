/* rifq-request-pdf.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-request-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <math.h>
#include <qrencode.h>
#include <string.h>

#include "rifq-calendar.h"
#include "rifq-page-flow.h"
#include "rifq-request-pdf.h"

#define MARGIN_SIDE    42.0
#define MARGIN_TOP     42.0
#define MARGIN_BOTTOM  30.0

/* Type sizes, in points. */
#define SIZE_ASSOCIATION 15.0
#define SIZE_TITLE       20.0
#define SIZE_NUMBER      16.0
#define SIZE_SMALL        9.5
#define SIZE_DATES       11.0
#define SIZE_LABEL       10.5
#define SIZE_VALUE       11.5
#define SIZE_CODE        10.5

/* Blocks are measured by their ink (see RIFQ_PDF_INK_ABOVE), lines set LINE_SPACING of a box
 * apart, so that a form reads as tightly as a printed one. */
#define LINE_SPACING      0.8

#define LOGO_SIZE        56.0
#define CELL_PAD_X        8.0
#define CELL_PAD_Y        5.0
#define SECTION_GAP      14.0
#define PARAGRAPH_GAP     8.0

/* The signature box, and the thickness of the pen at no and at full pressure. */
#define SIGNATURE_WIDTH  200.0
#define SIGNATURE_HEIGHT  80.0
#define SIGNATURE_PAD      8.0
#define CLOSING_GAP        3.5
#define PEN_WIDTH_MIN      0.6
#define PEN_WIDTH_RANGE    1.6

/* The seal: a QR code with the quiet zone the standard asks for, beside the signatures. */
#define QR_SIZE          124.0
#define SEAL_COLUMN      170.0
#define SIZE_SEAL_CAPTION  8.5

/* A family list: fontconfig falls back to any monospace face when DejaVu is missing. */
#define CODE_FONT_FAMILY "DejaVu Sans Mono, Monospace"

static const RifqPdfColour pen = { 0.07, 0.13, 0.42 };

typedef struct
{
  RifqPageFlow            flow;
  const RifqRequestSheet *sheet;
  cairo_surface_t        *logo;
  const QRcode           *qr;
  double                  label_width;  /* of the text in the tables' label column */
} Painter;

/* The request's title and number at the footer's far end, and its own line under it. */
static double
draw_footer (RifqPageFlow *flow,
             int           number)
{
  const RifqRequestSheet *sheet = ((Painter *) flow->data)->sheet;
  g_autofree char *reference = g_strconcat (rifq_pdf_is_empty (sheet->title) ? "" : sheet->title, " ",
                                            RIFQ_PDF_LRI, sheet->request_number, RIFQ_PDF_PDI, NULL);

  return rifq_page_flow_footer (flow, number, reference, sheet->footer);
}

static void
painter_init (Painter                *painter,
              cairo_t                *cr,
              const RifqRequestSheet *sheet,
              const QRcode           *qr)
{
  rifq_page_flow_init (&painter->flow, cr, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
  painter->flow.line_spacing = LINE_SPACING;
  painter->flow.section_gap = SECTION_GAP;
  painter->flow.footer = draw_footer;
  painter->flow.data = painter;
  painter->sheet = sheet;
  painter->qr = qr;
  }

/* Header */

static void
draw_header (Painter *painter)
{
  RifqPageFlow *flow = &painter->flow;
  const RifqRequestSheet *sheet = painter->sheet;
  g_autofree char *number = rifq_page_flow_ltr (sheet->request_number);
  g_autoptr(PangoLayout) number_label = rifq_page_flow_text (&painter->flow, _("Request number"), SIZE_SMALL, FALSE,
                                                             flow->width, RIFQ_PAGE_ALIGN_START);
  g_autoptr(PangoLayout) number_layout = rifq_page_flow_text (&painter->flow, number, SIZE_NUMBER, TRUE, flow->width,
                                                              RIFQ_PAGE_ALIGN_START);
  g_autoptr(PangoLayout) boxed_label = NULL;
  g_autoptr(PangoLayout) boxed_number = NULL;
  double top = flow->y;
  double box_width;
  double box_height;
  double band_height;

  /* The request number, boxed, faces the association at the other end of the band. */
  box_width = MAX (rifq_pdf_layout_natural_width (number_label), rifq_pdf_layout_natural_width (number_layout)) + 28;
  box_width = MAX (box_width, 130);
  box_height = 7 + rifq_pdf_layout_height (number_label) + 4 + rifq_pdf_layout_height (number_layout) + 7;
  boxed_label = rifq_page_flow_text (&painter->flow, _("Request number"), SIZE_SMALL, FALSE, box_width,
                                     RIFQ_PAGE_ALIGN_CENTER);
  boxed_number = rifq_page_flow_text (&painter->flow, number, SIZE_NUMBER, TRUE, box_width, RIFQ_PAGE_ALIGN_CENTER);

  band_height = rifq_page_flow_letterhead (flow, LOGO_SIZE, sheet->association_name, SIZE_ASSOCIATION,
                                           box_width + 16, box_height);
  if (!flow->dry)
    {
      double box_top = top + (band_height - box_height) / 2;

      rifq_pdf_rounded_rectangle (flow->cr, flow->left, box_top, box_width, box_height, 5);
      rifq_pdf_set_colour (flow->cr, &rifq_pdf_ink);
      cairo_set_line_width (flow->cr, 1.1);
      cairo_stroke (flow->cr);
      rifq_page_flow_show (flow, boxed_label, &rifq_pdf_muted, flow->left, box_top + 7);
      rifq_page_flow_show (flow, boxed_number, &rifq_pdf_ink, flow->left,
                           box_top + 7 + rifq_pdf_layout_height (boxed_label) + 4);
    }

  /* A double rule under the letterhead, as on the association's printed forms. */
  flow->y = top + band_height + 10;
  rifq_page_flow_double_rule (flow, flow->y, 1.4, 0.5, 2.6);
  flow->y += 14;

  if (!rifq_pdf_is_empty (sheet->title))
    rifq_page_flow_centred (flow, sheet->title, SIZE_TITLE, TRUE, &rifq_pdf_ink, 4);
  if (!rifq_pdf_is_empty (sheet->dates_line))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (sheet->dates_line);

      rifq_page_flow_centred (flow, text, SIZE_DATES, FALSE, &rifq_pdf_muted, 0);
    }

  if (!rifq_pdf_is_empty (sheet->notice))
    {
      flow->y += 8;
      rifq_page_flow_notice (flow, sheet->notice, SIZE_LABEL, 10, 6);
    }

  flow->y += SECTION_GAP;
}

/* Sections */

typedef struct
{
  PangoLayout *label;
  PangoLayout *value;
  double       label_y;  /* offsets that put the first lines on one baseline */
  double       value_y;
  double       height;   /* without padding */
} Row;

static void
clear_row (Row *row)
{
  g_clear_object (&row->label);
  g_clear_object (&row->value);
}

static double
label_cell_width (Painter *painter)
{
  return painter->label_width + 2 * CELL_PAD_X;
}

static double
value_width (Painter *painter)
{
  return painter->flow.width - label_cell_width (painter) - 2 * CELL_PAD_X;
}

static void
measure_row (Painter            *painter,
             const RifqSheetRow *sheet_row,
             Row                *row)
{
  g_autofree char *label = rifq_pdf_isolate_numbers (sheet_row->label);
  g_autofree char *value = rifq_pdf_isolate_value (rifq_pdf_is_empty (sheet_row->value) ? "—" : sheet_row->value);

  row->label = rifq_page_flow_text (&painter->flow, label, SIZE_LABEL, TRUE, painter->label_width,
                                    RIFQ_PAGE_ALIGN_START);
  row->value = rifq_page_flow_text (&painter->flow, value, SIZE_VALUE, FALSE, value_width (painter),
                                    RIFQ_PAGE_ALIGN_START);
  row->label_y = MAX (0, rifq_page_flow_baseline (&painter->flow,
                                                  row->value) - rifq_page_flow_baseline (&painter->flow, row->label));
  row->value_y = MAX (0, rifq_page_flow_baseline (&painter->flow,
                                                  row->label) - rifq_page_flow_baseline (&painter->flow, row->value));
  row->height = MAX (row->label_y + rifq_pdf_layout_height (row->label),
                     row->value_y + rifq_pdf_layout_height (row->value));
}

/* Outline of the rows drawn on this page since top, and the rule between the columns. */
static void
close_table (Painter *painter,
             double   top)
{
  double divider = painter->flow.right - label_cell_width (painter);

  if (painter->flow.dry || painter->flow.y <= top)
    return;

  rifq_pdf_set_colour (painter->flow.cr, &rifq_pdf_cell_border);
  cairo_set_line_width (painter->flow.cr, 0.6);
  cairo_rectangle (painter->flow.cr, painter->flow.left, top, painter->flow.width, painter->flow.y - top);
  cairo_move_to (painter->flow.cr, divider, top);
  cairo_line_to (painter->flow.cr, divider, painter->flow.y);
  cairo_stroke (painter->flow.cr);
}

static void
draw_row_cells (Painter *painter,
                double   height,
                double   top_of_table)
{
  double label_cell = label_cell_width (painter);

  if (painter->flow.dry)
    return;

  rifq_pdf_set_colour (painter->flow.cr, &rifq_pdf_label_fill);
  cairo_rectangle (painter->flow.cr, painter->flow.right - label_cell, painter->flow.y, label_cell, height);
  cairo_fill (painter->flow.cr);

  if (painter->flow.y > top_of_table)
    rifq_page_flow_rule (&painter->flow, &rifq_pdf_cell_border, 0.6, painter->flow.left, painter->flow.right,
                         painter->flow.y);
}

/* A row taller than a page: its value goes on page after page, the label with its first part. */
static void
draw_split_row (Painter *painter,
                Row     *row,
                double  *top_of_table)
{
  int n_lines = pango_layout_get_line_count (row->value);
  int first = 0;

  while (first < n_lines)
    {
      double room = painter->flow.bottom - painter->flow.y - 2 * CELL_PAD_Y - (first == 0 ? row->value_y : 0);
      int last;
      double height;

      if (rifq_pdf_lines_height (row->value, first, first + 1) > room && painter->flow.y > painter->flow.page_top + 0.5)
        {
          close_table (painter, *top_of_table);
          rifq_page_flow_new_page (&painter->flow);
          *top_of_table = painter->flow.y;
          continue;
        }

      last = rifq_pdf_lines_fitting (row->value, first, room);
      height = rifq_pdf_lines_height (row->value, first, last) + 2 * CELL_PAD_Y + (first == 0 ? row->value_y : 0);
      if (first == 0)
        height = MAX (height, row->label_y + rifq_pdf_layout_height (row->label) + 2 * CELL_PAD_Y);

      draw_row_cells (painter, height, *top_of_table);
      if (first == 0)
        rifq_page_flow_show (&painter->flow, row->label, &rifq_pdf_muted,
                             painter->flow.right - label_cell_width (painter) + CELL_PAD_X,
                             painter->flow.y + CELL_PAD_Y + row->label_y);
      rifq_page_flow_show_lines (&painter->flow, row->value, first, last, &rifq_pdf_ink,
                                 painter->flow.left + CELL_PAD_X,
                                 painter->flow.y + CELL_PAD_Y + (first == 0 ? row->value_y : 0));
      painter->flow.y += height;
      first = last;

      if (first < n_lines)
        {
          close_table (painter, *top_of_table);
          rifq_page_flow_new_page (&painter->flow);
          *top_of_table = painter->flow.y;
        }
    }
}

static void
draw_table (Painter            *painter,
            const char         *heading,
            const RifqSheetRow *rows)
{
  g_autoptr(GArray) measured = g_array_new (FALSE, TRUE, sizeof (Row));
  double top;

  g_array_set_clear_func (measured, (GDestroyNotify) clear_row);
  for (guint i = 0; rows[i].label != NULL; i++)
    {
      Row row = { 0 };

      measure_row (painter, &rows[i], &row);
      g_array_append_val (measured, row);
    }

  /* The heading stays with the first row. */
  rifq_page_flow_begin_section (&painter->flow, heading,
                                measured->len > 0 ? g_array_index (measured, Row, 0).height + 2 * CELL_PAD_Y : 0);
  top = painter->flow.y;

  for (guint i = 0; i < measured->len; i++)
    {
      Row *row = &g_array_index (measured, Row, i);
      double height = row->height + 2 * CELL_PAD_Y;

      if (!rifq_page_flow_fits (&painter->flow, height) && height <= painter->flow.capacity)
        {
          close_table (painter, top);
          rifq_page_flow_new_page (&painter->flow);
          top = painter->flow.y;
        }

      if (!rifq_page_flow_fits (&painter->flow, height))
        {
          draw_split_row (painter, row, &top);
          continue;
        }

      draw_row_cells (painter, height, top);
      rifq_page_flow_show (&painter->flow, row->label, &rifq_pdf_muted,
                           painter->flow.right - label_cell_width (painter) + CELL_PAD_X,
                           painter->flow.y + CELL_PAD_Y + row->label_y);
      rifq_page_flow_show (&painter->flow, row->value, &rifq_pdf_ink, painter->flow.left + CELL_PAD_X,
                           painter->flow.y + CELL_PAD_Y + row->value_y);
      painter->flow.y += height;
    }

  close_table (painter, top);
  rifq_page_flow_end_section (&painter->flow);
}

static void
draw_documents (Painter *painter)
{
  const RifqRequestSheet *sheet = painter->sheet;
  const char *heading = _("Documents (validity at submission)");
  g_autoptr(PangoLayout) none = NULL;

  if (sheet->documents != NULL && sheet->documents[0].label != NULL)
    {
      draw_table (painter, heading, sheet->documents);
      return;
    }

  none = rifq_page_flow_text (&painter->flow, _("No documents were presented."), SIZE_VALUE, FALSE,
                              painter->flow.width - 2 * CELL_PAD_X, RIFQ_PAGE_ALIGN_START);
  rifq_page_flow_begin_section (&painter->flow, heading, rifq_pdf_layout_height (none));
  rifq_page_flow_show (&painter->flow, none, &rifq_pdf_muted, painter->flow.left + CELL_PAD_X, painter->flow.y);
  painter->flow.y += rifq_pdf_layout_height (none);
  rifq_page_flow_end_section (&painter->flow);
}

static PangoLayout *
paragraph_layout (Painter    *painter,
                  const char *text)
{
  g_autofree char *isolated = rifq_pdf_isolate_value (text);

  return rifq_page_flow_text (&painter->flow, isolated, SIZE_VALUE, FALSE, painter->flow.width - 2 * CELL_PAD_X,
                              RIFQ_PAGE_ALIGN_JUSTIFY);
}

static void
draw_research (Painter *painter)
{
  g_auto(GStrv) paragraphs = NULL;
  gboolean begun = FALSE;

  if (rifq_pdf_is_empty (painter->sheet->research_report))
    return;

  paragraphs = g_strsplit (painter->sheet->research_report, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;

      layout = paragraph_layout (painter, paragraphs[i]);
      if (!begun)
        {
          /* The heading keeps two lines of the report with it. */
          rifq_page_flow_begin_section (&painter->flow, _("Social research"),
                                        rifq_pdf_lines_height (layout, 0,
                                        MIN (2, pango_layout_get_line_count (layout))));
          begun = TRUE;
        }
      else
        painter->flow.y += PARAGRAPH_GAP;

      rifq_page_flow_paragraph (&painter->flow, layout, &rifq_pdf_ink, painter->flow.left + CELL_PAD_X);
    }

  if (begun)
    rifq_page_flow_end_section (&painter->flow);
}

/* The signature and the seal */

static double
pen_width (double pressure)
{
  /* Steps of a tenth of a point: neighbouring pieces of one width go in one path. */
  return round ((PEN_WIDTH_MIN + PEN_WIDTH_RANGE * CLAMP (pressure, 0, 1)) * 10) / 10;
}

typedef struct
{
  cairo_t *cr;
  double   width;  /* of the path under way; 0 when none */
} Pen;

static void
pen_piece (Pen    *pen_state,
           double  width,
           double  x,
           double  y)
{
  if (pen_state->width != width)
    {
      if (pen_state->width > 0)
        cairo_stroke (pen_state->cr);
      cairo_set_line_width (pen_state->cr, width);
      cairo_move_to (pen_state->cr, x, y);
      pen_state->width = width;
    }
}

/* Where the pad's points land in the signature box. */
typedef struct
{
  double scale;
  double x;  /* the box's point for the pad's origin */
  double y;
} Fit;

static void
place (const Fit                *fit,
       const RifqSignaturePoint *a,
       const RifqSignaturePoint *b,
       double                   *x,
       double                   *y)
{
  *x = fit->x + (a->x + b->x) / 2 * fit->scale;
  *y = fit->y + (a->y + b->y) / 2 * fit->scale;
}

/* Strokes scaled uniformly into the box, the ink's bounds at its centre; the pad's y runs
 * downwards as the page's does, so nothing is mirrored. Each stroke is smoothed through the
 * midpoints of its segments, the pen as wide as the pressure at each point. */
static void
draw_signature (Painter       *painter,
                RifqSignature *signature,
                double         box_x,
                double         box_y)
{
  cairo_t *cr = painter->flow.cr;
  const double inset = SIGNATURE_PAD + (PEN_WIDTH_MIN + PEN_WIDTH_RANGE) / 2;
  double x0, y0, x1, y1;
  Pen pen_state = { cr, 0 };
  Fit fit;

  if (painter->flow.dry || signature == NULL || rifq_signature_get_n_points (signature) == 0)
    return;

  rifq_signature_get_bounds (signature, &x0, &y0, &x1, &y1);
  fit.scale = MIN ((SIGNATURE_WIDTH - 2 * inset) / MAX (x1 - x0, 1e-3),
                   (SIGNATURE_HEIGHT - 2 * inset) / MAX (y1 - y0, 1e-3));
  fit.x = box_x + SIGNATURE_WIDTH / 2 - (x0 + x1) / 2 * fit.scale;
  fit.y = box_y + SIGNATURE_HEIGHT / 2 - (y0 + y1) / 2 * fit.scale;

  cairo_save (cr);
  rifq_pdf_unmirror (cr, box_x, SIGNATURE_WIDTH);
  rifq_pdf_set_colour (cr, &pen);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint s = 0; s < rifq_signature_get_n_strokes (signature); s++)
    {
      guint n = 0;
      const RifqSignaturePoint *points = rifq_signature_get_stroke (signature, s, &n);
      double start_x, start_y;
      double last_x, last_y;

      if (n == 0)
        continue;

      pen_state.width = 0;
      place (&fit, &points[0], &points[0], &start_x, &start_y);
      if (n == 1)
        {
          /* A dot: a round cap on a segment of no length. */
          pen_piece (&pen_state, pen_width (points[0].pressure), start_x, start_y);
          cairo_line_to (cr, start_x, start_y);
          cairo_stroke (cr);
          continue;
        }

      /* From the first point to the first midpoint, a straight piece. */
      place (&fit, &points[0], &points[1], &last_x, &last_y);
      pen_piece (&pen_state, pen_width ((points[0].pressure + points[1].pressure) / 2), start_x, start_y);
      cairo_line_to (cr, last_x, last_y);

      /* Through each inner point, a curve from midpoint to midpoint. */
      for (guint i = 1; i + 1 < n; i++)
        {
          double cx, cy;
          double mx, my;

          place (&fit, &points[i], &points[i], &cx, &cy);
          place (&fit, &points[i], &points[i + 1], &mx, &my);
          pen_piece (&pen_state, pen_width (points[i].pressure), last_x, last_y);
          cairo_curve_to (cr,
                          last_x + 2.0 / 3.0 * (cx - last_x), last_y + 2.0 / 3.0 * (cy - last_y),
                          mx + 2.0 / 3.0 * (cx - mx), my + 2.0 / 3.0 * (cy - my),
                          mx, my);
          last_x = mx;
          last_y = my;
        }

      /* And a straight piece to the last point. */
      pen_piece (&pen_state, pen_width ((points[n - 2].pressure + points[n - 1].pressure) / 2), last_x, last_y);
      place (&fit, &points[n - 1], &points[n - 1], &last_x, &last_y);
      cairo_line_to (cr, last_x, last_y);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* Dark modules as rectangles in one path, filled once: no seams between neighbours. */
static void
draw_qr (Painter *painter,
         double   x,
         double   y)
{
  if (!painter->flow.dry)
    rifq_pdf_draw_qr (painter->flow.cr, painter->qr, x, y, QR_SIZE);
}

typedef struct
{
  PangoLayout *signature_label;
  PangoLayout *signed_by;
  PangoLayout *officer;
  PangoLayout *code;
  PangoLayout *caption;
  double       text_width;  /* of the lines under the signature */
  double       signature_height;
  double       seal_height;
} Closing;

static void
clear_closing (Closing *closing)
{
  g_clear_object (&closing->signature_label);
  g_clear_object (&closing->signed_by);
  g_clear_object (&closing->officer);
  g_clear_object (&closing->code);
  g_clear_object (&closing->caption);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Closing, clear_closing)

static double
closing_height (const Closing *closing)
{
  return MAX (closing->signature_height, closing->seal_height);
}

/* The command in the seal's caption, whatever the translation around it, reads left to right
 * and never breaks across lines: the hyphen is followed by a word joiner, the space made
 * non-breaking. */
static char *
keep_command_whole (const char *caption)
{
  static const char command[] = "rifq-admin verify";
  const char *found = strstr (caption, command);

  if (found == NULL)
    return g_strdup (caption);
  return g_strdup_printf ("%.*s" RIFQ_PDF_LRI "rifq-" RIFQ_PDF_WJ "admin" RIFQ_PDF_NBSP "verify" RIFQ_PDF_PDI "%s",
                          (int) (found - caption), caption, found + strlen (command));
}

static void
measure_closing (Painter *painter,
                 Closing *closing)
{
  const RifqRequestSheet *sheet = painter->sheet;
  double text_width = painter->flow.width - (painter->qr != NULL ? SEAL_COLUMN + 24 : 0);
  g_autofree char *caption = NULL;

  closing->text_width = text_width;

  closing->signature_label = rifq_page_flow_text (&painter->flow, _("Signature"), SIZE_SMALL, TRUE, text_width,
                                                  RIFQ_PAGE_ALIGN_START);
  closing->signature_height = rifq_pdf_layout_height (closing->signature_label) + CLOSING_GAP +
                              SIGNATURE_HEIGHT + 2 * CLOSING_GAP;
  if (!rifq_pdf_is_empty (sheet->signed_by_line))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (sheet->signed_by_line);

      closing->signed_by = rifq_page_flow_text (&painter->flow, text, SIZE_LABEL, TRUE, text_width,
                                                RIFQ_PAGE_ALIGN_START);
      closing->signature_height += rifq_pdf_layout_height (closing->signed_by);
    }
  if (!rifq_pdf_is_empty (sheet->officer_line))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (sheet->officer_line);

      closing->officer = rifq_page_flow_text (&painter->flow, text, SIZE_LABEL, FALSE, text_width,
                                              RIFQ_PAGE_ALIGN_START);
      closing->signature_height += CLOSING_GAP + rifq_pdf_layout_height (closing->officer);
    }

  closing->seal_height = 0;
  if (painter->qr != NULL)
    {
      /* The code's top lines up with the signature box's. */
      closing->seal_height = rifq_pdf_layout_height (closing->signature_label) + CLOSING_GAP + QR_SIZE + CLOSING_GAP;
      if (!rifq_pdf_is_empty (sheet->seal.short_code))
        {
          g_autofree char *code = rifq_page_flow_ltr (sheet->seal.short_code);
          RifqPdfTextStyle style = {
            .family = CODE_FONT_FAMILY,
            .size_pt = SIZE_CODE,
            .bold = TRUE,
            .rtl = rifq_pdf_rtl (),
            .width_pt = SEAL_COLUMN,
            .alignment = PANGO_ALIGN_CENTER,
          };

          closing->code = rifq_pdf_layout_shared (painter->flow.cr, &style, code);
          closing->seal_height += rifq_pdf_layout_height (closing->code) + CLOSING_GAP;
        }
      caption = keep_command_whole (_("Seal of the association — verify with rifq-admin verify"));
      closing->caption = rifq_page_flow_text (&painter->flow, caption, SIZE_SEAL_CAPTION, FALSE, SEAL_COLUMN,
                                              RIFQ_PAGE_ALIGN_CENTER);
      closing->seal_height += rifq_pdf_layout_height (closing->caption);
    }
}

/* The signature at the reading edge, the seal at the other. */
static void
draw_closing (Painter *painter,
              Closing *closing)
{
  double text_x = painter->flow.right - closing->text_width;
  double top = painter->flow.y;
  double y = top;

  rifq_page_flow_show (&painter->flow, closing->signature_label, &rifq_pdf_muted, text_x, y);
  y += rifq_pdf_layout_height (closing->signature_label) + CLOSING_GAP;
  if (!painter->flow.dry)
    {
      rifq_pdf_rounded_rectangle (painter->flow.cr, painter->flow.right - SIGNATURE_WIDTH, y, SIGNATURE_WIDTH,
                                  SIGNATURE_HEIGHT, 4);
      rifq_pdf_set_colour (painter->flow.cr, &rifq_pdf_rule);
      cairo_set_line_width (painter->flow.cr, 0.6);
      cairo_stroke (painter->flow.cr);
    }
  draw_signature (painter, painter->sheet->signature, painter->flow.right - SIGNATURE_WIDTH, y);
  y += SIGNATURE_HEIGHT + 2 * CLOSING_GAP;
  if (closing->signed_by != NULL)
    {
      rifq_page_flow_show (&painter->flow, closing->signed_by, &rifq_pdf_ink, text_x, y);
      y += rifq_pdf_layout_height (closing->signed_by) + CLOSING_GAP;
    }
  if (closing->officer != NULL)
    rifq_page_flow_show (&painter->flow, closing->officer, &rifq_pdf_ink, text_x, y);

  if (painter->qr != NULL)
    {
      double x = painter->flow.left + (SEAL_COLUMN - QR_SIZE) / 2;

      y = top + rifq_pdf_layout_height (closing->signature_label) + CLOSING_GAP;
      draw_qr (painter, x, y);
      y += QR_SIZE + CLOSING_GAP;
      if (closing->code != NULL)
        {
          rifq_page_flow_show (&painter->flow, closing->code, &rifq_pdf_ink, painter->flow.left, y);
          y += rifq_pdf_layout_height (closing->code) + CLOSING_GAP;
        }
      rifq_page_flow_show (&painter->flow, closing->caption, &rifq_pdf_muted, painter->flow.left, y);
    }

  painter->flow.y = top + closing_height (closing);
}

static void
draw_declaration (Painter *painter)
{
  const RifqRequestSheet *sheet = painter->sheet;
  g_auto(Closing) closing = { 0 };
  g_autoptr(PangoLayout) declaration = NULL;
  double declaration_height = 0;
  double together;

  measure_closing (painter, &closing);
  if (!rifq_pdf_is_empty (sheet->declaration))
    {
      declaration = paragraph_layout (painter, sheet->declaration);
      declaration_height = rifq_pdf_layout_height (declaration) + 10;
    }

  /* The declaration and the signature under it are read as one: they share a page when a page
   * can hold them. */
  together = rifq_page_flow_heading_height (&painter->flow,
                                            _("Declaration")) + declaration_height + closing_height (&closing);
  if (together <= painter->flow.capacity)
    rifq_page_flow_make_room (&painter->flow, together);

  rifq_page_flow_begin_section (&painter->flow, _("Declaration"), MIN (declaration_height, 60));
  if (declaration != NULL)
    {
      rifq_page_flow_paragraph (&painter->flow, declaration, &rifq_pdf_ink, painter->flow.left + CELL_PAD_X);
      painter->flow.y += 10;
    }

  rifq_page_flow_make_room (&painter->flow, closing_height (&closing));
  draw_closing (painter, &closing);
  rifq_page_flow_end_section (&painter->flow);
}


/* The label column is as wide as the longest label of any table, within bounds that leave the
 * values room: the tables of one request line up. */
static double
label_natural_width (Painter    *painter,
                     const char *text)
{
  g_autofree char *label = rifq_pdf_isolate_numbers (text);
  g_autoptr(PangoLayout) layout = rifq_page_flow_text (&painter->flow, label, SIZE_LABEL, TRUE, painter->flow.width,
                                                       RIFQ_PAGE_ALIGN_START);

  return rifq_pdf_layout_natural_width (layout);
}

static double
measure_label_width (Painter *painter)
{
  const RifqRequestSheet *sheet = painter->sheet;
  const RifqSheetRow *tables[] = { sheet->beneficiary, sheet->household, sheet->support, sheet->documents };
  double width = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      for (guint i = 0; tables[t] != NULL && tables[t][i].label != NULL; i++)
        width = MAX (width, label_natural_width (painter, tables[t][i].label));
    }
  return CLAMP (width + 1, 110, painter->flow.width * 0.36);
}

static void
paint (Painter *painter)
{
  const RifqRequestSheet *sheet = painter->sheet;

  painter->flow.pages = 0;
  painter->flow.section = NULL;
  painter->label_width = measure_label_width (painter);
  rifq_page_flow_measure (&painter->flow, _("Beneficiary"));

  rifq_page_flow_begin_page (&painter->flow);
  draw_header (painter);
  if (sheet->beneficiary != NULL)
    draw_table (painter, _("Beneficiary"), sheet->beneficiary);
  if (sheet->household != NULL)
    draw_table (painter, _("Household and income"), sheet->household);
  if (sheet->support != NULL)
    draw_table (painter, _("Support requested"), sheet->support);
  draw_documents (painter);
  draw_research (painter);
  draw_declaration (painter);
  rifq_page_flow_end_page (&painter->flow);
}

int
rifq_request_pdf_draw (cairo_t                *cr,
                       const RifqRequestSheet *sheet,
                       int                     first_page_number,
                       int                     total_pages_or_0)
{
  g_autoptr(QRcode) qr = NULL;
  Painter painter;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (sheet->request_number != NULL, 0);

  if (!rifq_page_flow_encode_seal (sheet->seal.payload, &qr, NULL))
    g_warning ("The seal of request %s could not be encoded as a QR code", sheet->request_number);

  painter_init (&painter, cr, sheet, qr);
  painter.flow.logo = rifq_pdf_load_png (sheet->logo_png, sheet->logo_png_len);
  painter.flow.first_page = MAX (first_page_number, 1);

  cairo_save (cr);
  rifq_pdf_mirror_page (cr);

  /* Without a total, count this request's pages first: the same drawing, with nothing drawn. */
  painter.flow.total_pages = total_pages_or_0;
  if (painter.flow.total_pages <= 0)
    {
      painter.flow.dry = TRUE;
      paint (&painter);
      painter.flow.total_pages = painter.flow.first_page - 1 + painter.flow.pages;
      painter.flow.dry = FALSE;
    }

  paint (&painter);

  cairo_restore (cr);
  g_clear_pointer (&painter.flow.logo, cairo_surface_destroy);
  return painter.flow.pages;
}

static GPtrArray *record_pages (cairo_t                *measure_cr,
                                const RifqRequestSheet *sheet,
                                const QRcode           *qr);

gboolean
rifq_request_pdf_write (const RifqRequestSheet *sheet,
                        const char             *path,
                        GError                **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(QRcode) qr = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (sheet->request_number != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rifq_page_flow_encode_seal (sheet->seal.payload, &qr, error))
    return FALSE;

  /* Drawn in memory and then saved in one go: a failed write never leaves half a request. */
  data = g_byte_array_new ();
  title = g_strdup_printf ("%s %s", rifq_pdf_is_empty (sheet->title) ? "" : sheet->title, sheet->request_number);
  surface = rifq_pdf_document_new (data, g_strstrip (title), sheet->association_name);
  rifq_pdf_set_sealed_keywords (surface, sheet->seal.payload, sheet->seal.sealed_json);

  /* Laid out once, page by page; the footers follow once the pages are counted. */
  cr = cairo_create (surface);
  pages = record_pages (cr, sheet, qr);
  for (guint i = 0; i < pages->len; i++)
    {
      cairo_set_source_surface (cr, g_ptr_array_index (pages, i), 0, 0);
      cairo_paint (cr);
      rifq_request_pdf_draw_footer (cr, sheet, (int) i + 1, (int) pages->len);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  return rifq_pdf_document_save_sealed (surface, data, sheet->seal.file, sheet->seal.file_data, path,
                                        _("The request could not be drawn: "), _("The request could not be saved: "),
                                        error);
}

GPtrArray *
rifq_request_pdf_record (cairo_t                *measure_cr,
                         const RifqRequestSheet *sheet)
{
  g_autoptr(QRcode) qr = NULL;

  g_return_val_if_fail (measure_cr != NULL, NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  rifq_page_flow_encode_seal (sheet->seal.payload, &qr, NULL);
  return record_pages (measure_cr, sheet, qr);
}

/* The pages, with the seal's QR code already encoded (or NULL). */
static GPtrArray *
record_pages (cairo_t                *measure_cr,
              const RifqRequestSheet *sheet,
              const QRcode           *qr)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  Painter painter;

  painter_init (&painter, measure_cr, sheet, qr);
  painter.flow.logo = rifq_pdf_load_png (sheet->logo_png, sheet->logo_png_len);
  painter.flow.measure_cr = measure_cr;
  painter.flow.recordings = pages;
  paint (&painter);
  g_clear_pointer (&painter.flow.logo, cairo_surface_destroy);
  return pages;
}

void
rifq_request_pdf_draw_footer (cairo_t                *cr,
                              const RifqRequestSheet *sheet,
                              int                     number,
                              int                     total)
{
  Painter painter;

  g_return_if_fail (cr != NULL && sheet != NULL);

  painter_init (&painter, cr, sheet, NULL);
  painter.flow.total_pages = total;
  cairo_save (cr);
  rifq_pdf_mirror_page (cr);
  draw_footer (&painter.flow, number);
  cairo_restore (cr);
}
