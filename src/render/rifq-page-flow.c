/* rifq-page-flow.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-page-flow"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-page-flow.h"

#define FOOTER_GAP    12.0   /* between the content and the footer's rule */
#define SIZE_FOOTER    9.0
#define SIZE_CAPTION   8.5

/* The seal: a QR code with the quiet zone the standard asks for, its short code, what it is. */
#define SEAL_QR_SIZE     104.0
#define SEAL_SIZE_CODE     9.5
#define SEAL_SIZE_CAPTION  8.0

static const RifqPdfColour box_fill = { 0.945, 0.945, 0.955 };

void
rifq_page_flow_init (RifqPageFlow *flow,
                     cairo_t      *cr,
                     double        margin_side,
                     double        margin_top,
                     double        margin_bottom)
{
  g_return_if_fail (flow != NULL);

  memset (flow, 0, sizeof *flow);
  flow->cr = cr;
  flow->left = margin_side;
  flow->right = RIFQ_PDF_A4_WIDTH - margin_side;
  flow->width = flow->right - flow->left;
  flow->top = margin_top;
  flow->foot = RIFQ_PDF_A4_HEIGHT - margin_bottom;
  flow->scale = 1;
  flow->digits = rifq_calendar_interface_digits ();
  flow->by_ink = TRUE;
  flow->first_page = 1;
  flow->y = margin_top;
}

/* Text */

PangoLayout *
rifq_page_flow_text (RifqPageFlow  *flow,
                     const char    *text,
                     double         size_pt,
                     gboolean       bold,
                     double         width_pt,
                     RifqPageAlign  align)
{
  RifqPdfTextStyle style = {
    .size_pt = size_pt * flow->scale,
    .bold = bold,
    .rtl = rifq_pdf_rtl (),
    .width_pt = width_pt,
    .alignment = align == RIFQ_PAGE_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                 : align == RIFQ_PAGE_ALIGN_END ? rifq_pdf_align_end ()
                 : rifq_pdf_align_start (),
    .justify = align == RIFQ_PAGE_ALIGN_JUSTIFY,
    .line_spacing = flow->line_spacing,
  };
  g_autofree char *shown = rifq_pdf_digits (text, flow->digits);

  return rifq_pdf_layout_shared (flow->cr, &style, shown);
}

PangoLayout *
rifq_page_flow_text_new (RifqPageFlow *flow,
                         double        size_pt,
                         gboolean      bold,
                         double        width_pt)
{
  PangoLayout *layout = rifq_pdf_layout_new (flow->cr, NULL, size_pt * flow->scale, bold, rifq_pdf_rtl (), width_pt);

  if (flow->line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) flow->line_spacing);
  return layout;
}

double
rifq_page_flow_height (RifqPageFlow *flow,
                       PangoLayout  *layout)
{
  int height;

  if (flow->by_ink)
    return rifq_pdf_layout_height (layout);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
rifq_page_flow_baseline (RifqPageFlow *flow,
                         PangoLayout  *layout)
{
  if (flow->by_ink)
    return RIFQ_PDF_INK_ABOVE * rifq_pdf_layout_font_size (layout);
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* Drawing */

/* Whether anything is drawn, in colour from here. */
static gboolean
paints (RifqPageFlow        *flow,
        const RifqPdfColour *colour)
{
  if (flow->dry)
    return FALSE;
  rifq_pdf_set_colour (flow->cr, colour);
  return TRUE;
}

void
rifq_page_flow_show (RifqPageFlow        *flow,
                     PangoLayout         *layout,
                     const RifqPdfColour *colour,
                     double               x,
                     double               y)
{
  if (!paints (flow, colour))
    return;
  cairo_move_to (flow->cr, x, flow->by_ink ? y - rifq_pdf_layout_ink_top (layout) : y);
  rifq_pdf_show_layout (flow->cr, layout);
}

void
rifq_page_flow_centred (RifqPageFlow        *flow,
                        const char          *text,
                        double               size_pt,
                        gboolean             bold,
                        const RifqPdfColour *colour,
                        double               gap_after)
{
  g_autoptr(PangoLayout) layout = rifq_page_flow_text (flow, text, size_pt, bold, flow->width, RIFQ_PAGE_ALIGN_CENTER);

  rifq_page_flow_show (flow, layout, colour, flow->left, flow->y);
  flow->y += rifq_page_flow_height (flow, layout) + gap_after;
}

void
rifq_page_flow_show_lines (RifqPageFlow        *flow,
                           PangoLayout         *layout,
                           int                  first,
                           int                  last,
                           const RifqPdfColour *colour,
                           double               x,
                           double               y)
{
  if (paints (flow, colour))
    rifq_pdf_show_lines (flow->cr, layout, first, last, x, y);
}

void
rifq_page_flow_rule (RifqPageFlow        *flow,
                     const RifqPdfColour *colour,
                     double               line_width,
                     double               x0,
                     double               x1,
                     double               y)
{
  if (!flow->dry)
    rifq_pdf_horizontal_line (flow->cr, colour, line_width, x0, x1, y);
}

void
rifq_page_flow_double_rule (RifqPageFlow *flow,
                            double        y,
                            double        heavy,
                            double        light,
                            double        gap)
{
  rifq_page_flow_rule (flow, &rifq_pdf_ink, heavy, flow->left, flow->right, y);
  rifq_page_flow_rule (flow, &rifq_pdf_ink, light, flow->left, flow->right, y + gap);
}

void
rifq_page_flow_sign_line (RifqPageFlow *flow,
                          double        x0,
                          double        x1,
                          double        y)
{
  if (flow->dry)
    return;
  cairo_save (flow->cr);
  cairo_set_dash (flow->cr, (const double[]) { 1.2, 2.0 }, 2, 0);
  rifq_pdf_horizontal_line (flow->cr, &rifq_pdf_ink, 0.7, x0, x1, y);
  cairo_restore (flow->cr);
}

void
rifq_page_flow_box (RifqPageFlow      *flow,
                    const RifqPageBox *box,
                    double             y,
                    double             height)
{
  const double s = flow->scale;

  if (flow->dry)
    return;
  rifq_pdf_rounded_rectangle (flow->cr, flow->left, y, flow->width, height, box->radius * s);
  rifq_pdf_set_colour (flow->cr, &box_fill);
  cairo_fill_preserve (flow->cr);
  rifq_pdf_set_colour (flow->cr, &rifq_pdf_rule);
  cairo_set_line_width (flow->cr, box->line_width);
  cairo_stroke (flow->cr);
  rifq_pdf_set_colour (flow->cr, &rifq_pdf_ink);
  cairo_rectangle (flow->cr, flow->right - 4 * s, y + box->inset * s, 2.5 * s, height - 2 * (box->inset * s));
  cairo_fill (flow->cr);
}

double
rifq_page_flow_letterhead (RifqPageFlow *flow,
                           double        logo_size,
                           const char   *association,
                           double        size_pt,
                           double        beside_width,
                           double        beside_height)
{
  const double s = flow->scale;
  const double logo_side = logo_size * s;
  g_autoptr(PangoLayout) name = NULL;
  double top = flow->y;
  double band_height = beside_height;
  double name_right = flow->right;
  double name_width;

  if (flow->logo != NULL)
    {
      band_height = MAX (band_height, logo_side);
      name_right -= logo_side + 12 * s;
    }
  name_width = name_right - flow->left - beside_width;

  if (!rifq_pdf_is_empty (association))
    {
      name = rifq_page_flow_text (flow, association, size_pt, TRUE, name_width, RIFQ_PAGE_ALIGN_START);
      band_height = MAX (band_height, rifq_pdf_layout_height (name));
    }

  if (flow->logo != NULL && !flow->dry)
    rifq_pdf_draw_logo (flow->cr, flow->logo, logo_side, flow->right, top + (band_height - logo_side) / 2);
  if (name != NULL)
    rifq_page_flow_show (flow, name, &rifq_pdf_ink, name_right - name_width,
                         top + (band_height - rifq_pdf_layout_height (name)) / 2);
  return band_height;
}

void
rifq_page_flow_notice (RifqPageFlow *flow,
                       const char   *notice,
                       double        size_pt,
                       double        pad_x,
                       double        pad_y)
{
  const double x = pad_x * flow->scale;
  const double y = pad_y * flow->scale;
  g_autofree char *text = rifq_pdf_isolate_numbers (notice);
  g_autoptr(PangoLayout) layout = rifq_page_flow_text (flow, text, size_pt, TRUE, flow->width - 2 * x,
                                                          RIFQ_PAGE_ALIGN_CENTER);
  double height = rifq_page_flow_height (flow, layout) + 2 * y;

  if (!flow->dry)
    {
      rifq_pdf_rounded_rectangle (flow->cr, flow->left, flow->y, flow->width, height, 4);
      rifq_pdf_set_colour (flow->cr, &rifq_pdf_alert);
      cairo_set_line_width (flow->cr, 1.4);
      cairo_stroke (flow->cr);
    }
  rifq_page_flow_show (flow, layout, &rifq_pdf_alert, flow->left + x, flow->y + y);
  flow->y += height;
}

double
rifq_page_flow_seal_width (RifqPageFlow *flow)
{
  return SEAL_QR_SIZE * flow->scale + 40 * flow->scale;
}

/* In Western digits whatever the document's: it is typed as printed. */
static PangoLayout *
seal_code_layout (RifqPageFlow *flow,
                  const char   *code)
{
  g_autofree char *text = rifq_page_flow_ltr (code);
  RifqPdfTextStyle style = {
    .size_pt = SEAL_SIZE_CODE * flow->scale,
    .bold = TRUE,
    .rtl = rifq_pdf_rtl (),
    .width_pt = rifq_page_flow_seal_width (flow),
    .alignment = PANGO_ALIGN_CENTER,
  };

  return rifq_pdf_layout_shared (flow->cr, &style, text);
}

static PangoLayout *
seal_caption_layout (RifqPageFlow *flow)
{
  return rifq_page_flow_text (flow, _("Seal of the association"), SEAL_SIZE_CAPTION, FALSE,
                                 rifq_page_flow_seal_width (flow), RIFQ_PAGE_ALIGN_CENTER);
}

double
rifq_page_flow_seal_height (RifqPageFlow *flow,
                            const char   *code)
{
  g_autoptr(PangoLayout) caption = seal_caption_layout (flow);
  double height = SEAL_QR_SIZE * flow->scale + 3 * flow->scale;

  if (code != NULL)
    {
      g_autoptr(PangoLayout) code_layout = seal_code_layout (flow, code);

      height += rifq_pdf_layout_height (code_layout) + 2 * flow->scale;
    }
  return height + rifq_pdf_layout_height (caption);
}

double
rifq_page_flow_seal (RifqPageFlow *flow,
                     const QRcode *qr,
                     const char   *code,
                     double        x,
                     double        top)
{
  const double s = flow->scale;
  const double size = SEAL_QR_SIZE * s;
  const double column = rifq_page_flow_seal_width (flow);
  g_autoptr(PangoLayout) caption = seal_caption_layout (flow);
  double y = top;

  if (!flow->dry)
    rifq_pdf_draw_qr (flow->cr, qr, x + (column - size) / 2, y, size);
  y += size + 3 * s;
  if (code != NULL)
    {
      g_autoptr(PangoLayout) code_layout = seal_code_layout (flow, code);

      rifq_page_flow_show (flow, code_layout, &rifq_pdf_ink, x, y);
      y += rifq_pdf_layout_height (code_layout) + 2 * s;
    }
  rifq_page_flow_show (flow, caption, &rifq_pdf_muted, x, y);
  return y + rifq_pdf_layout_height (caption);
}

/* Pages */

double
rifq_page_flow_footer (RifqPageFlow *flow,
                       int           number,
                       const char   *other,
                       const char   *caption)
{
  /* Translators: page number and page count, as in "Page 2 of 5". */
  g_autofree char *page = g_strdup_printf (_("Page %d of %d"), number, MAX (flow->total_pages, number));
  g_autoptr(PangoLayout) page_layout = rifq_page_flow_text (flow, page, SIZE_FOOTER, FALSE, flow->width / 2,
                                                            RIFQ_PAGE_ALIGN_START);
  g_autoptr(PangoLayout) other_layout = rifq_page_flow_text (flow, other, SIZE_FOOTER, FALSE, flow->width / 2,
                                                                RIFQ_PAGE_ALIGN_END);
  double y = flow->foot;

  if (!rifq_pdf_is_empty (caption))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (caption);
      g_autoptr(PangoLayout) extra = rifq_page_flow_text (flow, text, SIZE_CAPTION, FALSE, flow->width,
                                                             RIFQ_PAGE_ALIGN_CENTER);

      y -= rifq_pdf_layout_height (extra);
      rifq_page_flow_show (flow, extra, &rifq_pdf_muted, flow->left, y);
      y -= 3;
    }

  y -= MAX (rifq_pdf_layout_height (page_layout), rifq_pdf_layout_height (other_layout));
  rifq_page_flow_show (flow, page_layout, &rifq_pdf_muted, flow->left + flow->width / 2, y);
  rifq_page_flow_show (flow, other_layout, &rifq_pdf_muted, flow->left, y);

  y -= 6;
  rifq_page_flow_rule (flow, &rifq_pdf_rule, 0.6, flow->left, flow->right, y);
  return flow->foot - y;
}

void
rifq_page_flow_measure (RifqPageFlow *flow,
                        const char   *heading)
{
  gboolean dry = flow->dry;

  /* The footer takes the same room on every page; what is left is the content's. */
  flow->dry = TRUE;
  flow->bottom = flow->foot - flow->footer (flow, 1) - FOOTER_GAP;
  flow->capacity = flow->bottom - flow->top - rifq_page_flow_heading_height (flow, heading);
  flow->dry = dry;
}

static void draw_heading (RifqPageFlow *flow,
                          const char   *heading,
                          gboolean      continued);

void
rifq_page_flow_begin_page (RifqPageFlow *flow)
{
  if (flow->recordings != NULL)
    {
      cairo_rectangle_t a4 = { 0, 0, RIFQ_PDF_A4_WIDTH, RIFQ_PDF_A4_HEIGHT };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &a4);
      cairo_font_options_t *options = cairo_font_options_create ();

      /* Laid out as on the PDF surface it will be replayed onto: no hinting. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      flow->cr = cairo_create (page);
      rifq_pdf_mirror_page (flow->cr);
      cairo_set_font_options (flow->cr, options);
      cairo_font_options_destroy (options);
      g_ptr_array_add (flow->recordings, page);
    }
  flow->pages++;
  flow->y = flow->top;
  if (flow->section != NULL)
    draw_heading (flow, flow->section, TRUE);
  if (flow->carry != NULL)
    flow->carry (flow, flow->carry_data);
  flow->page_top = flow->y;
}

void
rifq_page_flow_end_page (RifqPageFlow *flow)
{
  if (flow->recordings != NULL)
    {
      /* The footer is drawn when the page is placed, once the pages are counted. */
      cairo_destroy (flow->cr);
      flow->cr = flow->measure_cr;
      return;
    }
  flow->footer (flow, flow->first_page + flow->pages - 1);
  if (!flow->dry)
    cairo_show_page (flow->cr);
}

void
rifq_page_flow_new_page (RifqPageFlow *flow)
{
  rifq_page_flow_end_page (flow);
  rifq_page_flow_begin_page (flow);
}

gboolean
rifq_page_flow_fits (RifqPageFlow *flow,
                     double        height)
{
  return flow->y + height <= flow->bottom;
}

gboolean
rifq_page_flow_page_is_empty (RifqPageFlow *flow)
{
  return flow->y <= flow->page_top + 0.5;
}

void
rifq_page_flow_make_room (RifqPageFlow *flow,
                          double        height)
{
  if (!rifq_page_flow_fits (flow, height) && !rifq_page_flow_page_is_empty (flow))
    rifq_page_flow_new_page (flow);
}

/* Sections */

double
rifq_page_flow_heading_height (RifqPageFlow *flow,
                               const char   *heading)
{
  g_autoptr(PangoLayout) layout = rifq_pdf_heading_layout (flow->cr, heading, FALSE, flow->width);

  return rifq_pdf_heading_height (layout);
}

static void
draw_heading (RifqPageFlow *flow,
              const char   *heading,
              gboolean      continued)
{
  g_autoptr(PangoLayout) layout = rifq_pdf_heading_layout (flow->cr, heading, continued, flow->width);

  if (!flow->dry)
    rifq_pdf_draw_heading (flow->cr, layout, flow->left, flow->y, flow->width);
  flow->y += rifq_pdf_heading_height (layout);
}

void
rifq_page_flow_begin_section (RifqPageFlow *flow,
                              const char   *heading,
                              double        keep_with_heading)
{
  flow->section = NULL;
  flow->carry = NULL;
  rifq_page_flow_make_room (flow, rifq_page_flow_heading_height (flow, heading) +
                            MIN (keep_with_heading, flow->capacity / 2));
  draw_heading (flow, heading, FALSE);
  flow->section = heading;
}

void
rifq_page_flow_end_section (RifqPageFlow *flow)
{
  flow->section = NULL;
  flow->carry = NULL;
  flow->y += flow->section_gap;
}

void
rifq_page_flow_paragraph (RifqPageFlow        *flow,
                          PangoLayout         *layout,
                          const RifqPdfColour *colour,
                          double               x)
{
  int n_lines = pango_layout_get_line_count (layout);
  int first = 0;

  if (rifq_page_flow_fits (flow, rifq_pdf_layout_height (layout)))
    {
      rifq_page_flow_show (flow, layout, colour, x, flow->y);
      flow->y += rifq_pdf_layout_height (layout);
      return;
    }

  while (first < n_lines)
    {
      int last = rifq_pdf_lines_fitting (layout, first, flow->bottom - flow->y);
      double height;

      /* Nor does a paragraph's last line go over alone. */
      if (last == n_lines - 1 && last - first >= 3)
        last--;
      height = rifq_pdf_lines_height (layout, first, last);

      /* A lone line at the foot of a page goes over with the rest. */
      if ((height > flow->bottom - flow->y || (last - first < 2 && last < n_lines)) &&
          !rifq_page_flow_page_is_empty (flow))
        {
          rifq_page_flow_new_page (flow);
          continue;
        }

      rifq_page_flow_show_lines (flow, layout, first, last, colour, x, flow->y);
      flow->y += height;
      first = last;
      if (first < n_lines)
        rifq_page_flow_new_page (flow);
    }
}

void
rifq_page_flow_block (RifqPageFlow        *flow,
                      PangoLayout         *layout,
                      const RifqPdfColour *colour,
                      const RifqPageBox   *box)
{
  const double pad_x = box != NULL ? box->pad_x * flow->scale : 0;
  const double pad_y = box != NULL ? box->pad_y * flow->scale : 0;
  int n_lines = pango_layout_get_line_count (layout);
  int first = 0;

  rifq_page_flow_make_room (flow, rifq_pdf_layout_height (layout) + 2 * pad_y);

  while (first < n_lines)
    {
      double room = flow->bottom - flow->y - 2 * pad_y;
      int last;
      double height;

      if (rifq_pdf_lines_height (layout, first, first + 1) > room && !rifq_page_flow_page_is_empty (flow))
        {
          rifq_page_flow_new_page (flow);
          continue;
        }

      last = rifq_pdf_lines_fitting (layout, first, room);
      height = rifq_pdf_lines_height (layout, first, last) + 2 * pad_y;

      if (box != NULL)
        rifq_page_flow_box (flow, box, flow->y, height);
      rifq_page_flow_show_lines (flow, layout, first, last, colour, flow->left + pad_x, flow->y + pad_y);
      flow->y += height;
      first = last;
      if (first < n_lines)
        rifq_page_flow_new_page (flow);
    }
}

/* Documents */

void
rifq_page_flow_paint_counted (RifqPageFlow *flow,
                              void        (*paint) (gpointer data),
                              gpointer      data)
{
  flow->dry = TRUE;
  paint (data);
  flow->total_pages = flow->pages;
  flow->dry = FALSE;
  paint (data);
}

typedef struct
{
  const RifqPageFlow *flow;
  RifqPageDrawFunc    draw;
} Fitting;

static double
fitting_overflow_cb (cairo_t  *cr,
                     double    scale,
                     gpointer  user_data)
{
  Fitting *fitting = user_data;
  RifqPageFlow flow = *fitting->flow;

  flow.cr = cr;
  flow.scale = scale;
  return fitting->draw (&flow);
}

double
rifq_page_flow_fitting_scale (RifqPageFlow     *flow,
                              RifqPageDrawFunc  draw)
{
  return rifq_pdf_fitting_scale (fitting_overflow_cb, &(Fitting) { flow, draw });
}

void
rifq_page_flow_draw_on (RifqPageFlow     *flow,
                        cairo_surface_t  *surface,
                        RifqPageDrawFunc  draw)
{
  flow->cr = cairo_create (surface);
  rifq_pdf_mirror_page (flow->cr);
  draw (flow);
  g_clear_pointer (&flow->cr, cairo_destroy);
}

gboolean
rifq_page_flow_encode_seal (const char  *payload,
                            QRcode     **qr,
                            GError     **error)
{
  *qr = NULL;
  if (rifq_pdf_is_empty (payload))
    return TRUE;
  *qr = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (*qr == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The seal is too long to print as a QR code."));
      return FALSE;
    }
  return TRUE;
}

char *
rifq_page_flow_ltr (const char *text)
{
  return g_strconcat (RIFQ_PDF_LRI, text != NULL ? text : "", RIFQ_PDF_PDI, NULL);
}
