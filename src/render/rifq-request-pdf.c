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

#include "rifq-arabic.h"
#include "rifq-calendar.h"
#include "rifq-pdf.h"
#include "rifq-request-pdf.h"

#define MARGIN_SIDE    42.0
#define MARGIN_TOP     42.0
#define MARGIN_BOTTOM  30.0
#define FOOTER_GAP     12.0   /* between the content and the footer's rule */
#define CONTENT_LEFT   MARGIN_SIDE
#define CONTENT_RIGHT  (RIFQ_PDF_A4_WIDTH - MARGIN_SIDE)
#define CONTENT_WIDTH  (CONTENT_RIGHT - CONTENT_LEFT)

/* Type sizes, in points. */
#define SIZE_ASSOCIATION 15.0
#define SIZE_TITLE       20.0
#define SIZE_NUMBER      16.0
#define SIZE_SMALL        9.5
#define SIZE_DATES       11.0
#define SIZE_LABEL       10.5
#define SIZE_VALUE       11.5
#define SIZE_FOOTER       9.0
#define SIZE_CAPTION      8.5
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

/* A family list: fontconfig falls back to any monospace face when DejaVu is missing. */
#define CODE_FONT_FAMILY "DejaVu Sans Mono, Monospace"

/* Bidi isolates: LRI…PDI keeps a number such as "1448/000123" in its own left-to-right order
 * inside Arabic text. A word joiner and a no-break space keep a command on one line. */
#define LRI  "\xe2\x81\xa6"
#define PDI  "\xe2\x81\xa9"
#define WJ   "\xe2\x81\xa0"
#define NBSP "\xc2\xa0"


static const RifqPdfColour pen = { 0.07, 0.13, 0.42 };

typedef struct
{
  cairo_t                *cr;
  const RifqRequestSheet *sheet;
  cairo_surface_t        *logo;
  const QRcode           *qr;

  gboolean                dry;          /* measuring only: nothing reaches the page */
  int                     first_page;
  int                     total_pages;
  int                     pages;        /* pages begun */
  double                  y;            /* top of the next block */
  double                  page_top;     /* where content starts on this page */
  double                  bottom;       /* lowest point content may reach on a page */
  double                  capacity;     /* room on a page under a "(continued)" heading */
  double                  label_width;  /* of the text in the tables' label column */
  const char             *section;      /* heading of the section under way, for "(continued)" */
  GPtrArray              *recordings;   /* when set, each page is recorded apart, without its footer */
  cairo_t                *measure_cr;   /* the caller's context, between recorded pages */
} Painter;

/* Layouts are shared between the requests a thread draws (see rifq_pdf_layout_shared()):
 * they are never changed once made. */
static PangoLayout *
aligned_layout (Painter        *painter,
                const char     *text,
                double          size_pt,
                gboolean        bold,
                double          width_pt,
                PangoAlignment  alignment)
{
  RifqPdfTextStyle style = {
    .size_pt = size_pt,
    .bold = bold,
    .rtl = rifq_pdf_rtl (),
    .width_pt = width_pt,
    .alignment = alignment,
    .line_spacing = LINE_SPACING,
  };
  g_autofree char *shown = rifq_pdf_digits (text, rifq_calendar_interface_digits ());

  return rifq_pdf_layout_shared (painter->cr, &style, shown);
}

/* Text from the reading edge. */
static PangoLayout *
text_layout (Painter    *painter,
             const char *text,
             double      size_pt,
             gboolean    bold,
             double      width_pt)
{
  return aligned_layout (painter, text, size_pt, bold, width_pt, rifq_pdf_align_start ());
}

/* The first baseline, from the top of the layout's ink. */
static double
layout_baseline (PangoLayout *layout)
{
  return RIFQ_PDF_INK_ABOVE * rifq_pdf_layout_font_size (layout);
}

/* Draws a layout with the top of its ink, as rifq_pdf_layout_height() counts it, at y. */
static void
show_layout (Painter             *painter,
             PangoLayout         *layout,
             const RifqPdfColour *colour,
             double               x,
             double               y)
{
  if (painter->dry)
    return;
  rifq_pdf_set_colour (painter->cr, colour);
  cairo_move_to (painter->cr, x, y - rifq_pdf_layout_ink_top (layout));
  rifq_pdf_show_layout (painter->cr, layout);
}

/* Draws lines first to last - 1 of a layout with the top of their ink at y: the part of a
 * paragraph that fits on a page. */
static void
show_lines (Painter             *painter,
            PangoLayout         *layout,
            int                  first,
            int                  last,
            const RifqPdfColour *colour,
            double               x,
            double               y)
{
  if (painter->dry)
    return;
  rifq_pdf_set_colour (painter->cr, colour);
  rifq_pdf_show_lines (painter->cr, layout, first, last, x, y);
}

static void
horizontal_line (Painter             *painter,
                 const RifqPdfColour *colour,
                 double               line_width,
                 double               x0,
                 double               x1,
                 double               y)
{
  if (painter->dry)
    return;
  rifq_pdf_horizontal_line (painter->cr, colour, line_width, x0, x1, y);
}

/* Footer */

static char *
page_text (Painter *painter,
           int      number)
{
  /* Translators: page number and page count, as in "Page 2 of 5". */
  g_autofree char *text = g_strdup_printf (_("Page %d of %d"), number, MAX (painter->total_pages, number));

  if (rifq_calendar_interface_digits () == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (text);
  return g_steal_pointer (&text);
}

static char *
reference_text (const RifqRequestSheet *sheet)
{
  return g_strconcat (rifq_pdf_is_empty (sheet->title) ? "" : sheet->title, " ",
                      LRI, sheet->request_number, PDI, NULL);
}

/* The footer's lines, bottom up, end at the bottom margin; returns the height they take. */
static double
draw_footer (Painter *painter,
             int      number)
{
  const RifqRequestSheet *sheet = painter->sheet;
  g_autofree char *page = page_text (painter, number);
  g_autofree char *reference = reference_text (sheet);
  g_autoptr(PangoLayout) page_layout = text_layout (painter, page, SIZE_FOOTER, FALSE, CONTENT_WIDTH / 2);
  g_autoptr(PangoLayout) reference_layout = aligned_layout (painter, reference, SIZE_FOOTER, FALSE, CONTENT_WIDTH / 2,
                                                            rifq_pdf_align_end ());
  g_autoptr(PangoLayout) extra = NULL;
  double y = RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM;
  double line;

  if (!rifq_pdf_is_empty (sheet->footer))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (sheet->footer);

      extra = aligned_layout (painter, text, SIZE_CAPTION, FALSE, CONTENT_WIDTH, PANGO_ALIGN_CENTER);
      y -= rifq_pdf_layout_height (extra);
      show_layout (painter, extra, &rifq_pdf_muted, CONTENT_LEFT, y);
      y -= 3;
    }

  line = MAX (rifq_pdf_layout_height (page_layout), rifq_pdf_layout_height (reference_layout));
  y -= line;
  show_layout (painter, page_layout, &rifq_pdf_muted, CONTENT_LEFT + CONTENT_WIDTH / 2, y);
  show_layout (painter, reference_layout, &rifq_pdf_muted, CONTENT_LEFT, y);

  y -= 6;
  horizontal_line (painter, &rifq_pdf_rule, 0.6, CONTENT_LEFT, CONTENT_RIGHT, y);
  return RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM - y;
}

/* Pages */

static void draw_heading (Painter    *painter,
                          const char *heading,
                          gboolean    continued);

static void
begin_page (Painter *painter)
{
  if (painter->recordings != NULL)
    {
      cairo_rectangle_t a4 = { 0, 0, RIFQ_PDF_A4_WIDTH, RIFQ_PDF_A4_HEIGHT };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &a4);
      cairo_font_options_t *options = cairo_font_options_create ();

      /* Laid out as on the PDF surface it will be replayed onto: no hinting. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      painter->cr = cairo_create (page);
      rifq_pdf_mirror_page (painter->cr);
      cairo_set_font_options (painter->cr, options);
      cairo_font_options_destroy (options);
      g_ptr_array_add (painter->recordings, page);
    }
  painter->pages++;
  painter->y = MARGIN_TOP;
  if (painter->section != NULL)
    draw_heading (painter, painter->section, TRUE);
  painter->page_top = painter->y;
}

static void
end_page (Painter *painter)
{
  if (painter->recordings != NULL)
    {
      /* The footer is drawn when the page is placed, once the packet's pages are counted. */
      cairo_destroy (painter->cr);
      painter->cr = painter->measure_cr;
      return;
    }
  draw_footer (painter, painter->first_page + painter->pages - 1);
  if (!painter->dry)
    cairo_show_page (painter->cr);
}

static void
new_page (Painter *painter)
{
  end_page (painter);
  begin_page (painter);
}

static gboolean
fits (Painter *painter,
      double   height)
{
  return painter->y + height <= painter->bottom;
}

/* Room for a page of its own, under a "(continued)" heading. */
static double
page_capacity (Painter *painter)
{
  return painter->capacity;
}

/* Moves to a new page unless height fits below, or the page is still empty. */
static void
make_room (Painter *painter,
           double   height)
{
  if (!fits (painter, height) && painter->y > painter->page_top + 0.5)
    new_page (painter);
}

/* Header */

static void
draw_logo (Painter *painter,
           double   right,
           double   top)
{
  if (!painter->dry)
    rifq_pdf_draw_logo (painter->cr, painter->logo, LOGO_SIZE, right, top);
}

static void
draw_header (Painter *painter)
{
  const RifqRequestSheet *sheet = painter->sheet;
  g_autofree char *number = g_strconcat (LRI, sheet->request_number, PDI, NULL);
  g_autoptr(PangoLayout) number_label = text_layout (painter, _("Request number"), SIZE_SMALL, FALSE, CONTENT_WIDTH);
  g_autoptr(PangoLayout) number_layout = text_layout (painter, number, SIZE_NUMBER, TRUE, CONTENT_WIDTH);
  g_autoptr(PangoLayout) boxed_label = NULL;
  g_autoptr(PangoLayout) boxed_number = NULL;
  g_autoptr(PangoLayout) association = NULL;
  double top = painter->y;
  double box_width;
  double box_height;
  double name_right = CONTENT_RIGHT;
  double name_width;
  double band_height;

  /* The request number, boxed, faces the association at the other end of the band. */
  box_width = MAX (rifq_pdf_layout_natural_width (number_label), rifq_pdf_layout_natural_width (number_layout)) + 28;
  box_width = MAX (box_width, 130);
  box_height = 7 + rifq_pdf_layout_height (number_label) + 4 + rifq_pdf_layout_height (number_layout) + 7;
  boxed_label = aligned_layout (painter, _("Request number"), SIZE_SMALL, FALSE, box_width, PANGO_ALIGN_CENTER);
  boxed_number = aligned_layout (painter, number, SIZE_NUMBER, TRUE, box_width, PANGO_ALIGN_CENTER);

  band_height = box_height;
  if (painter->logo != NULL)
    {
      band_height = MAX (band_height, LOGO_SIZE);
      name_right -= LOGO_SIZE + 12;
    }
  name_width = name_right - CONTENT_LEFT - box_width - 16;

  if (!rifq_pdf_is_empty (sheet->association_name))
    {
      association = text_layout (painter, sheet->association_name, SIZE_ASSOCIATION, TRUE, name_width);
      band_height = MAX (band_height, rifq_pdf_layout_height (association));
    }

  if (painter->logo != NULL)
    draw_logo (painter, CONTENT_RIGHT, top + (band_height - LOGO_SIZE) / 2);
  if (association != NULL)
    show_layout (painter, association, &rifq_pdf_ink, name_right - name_width,
                 top + (band_height - rifq_pdf_layout_height (association)) / 2);

  if (!painter->dry)
    {
      double box_top = top + (band_height - box_height) / 2;

      rifq_pdf_rounded_rectangle (painter->cr, CONTENT_LEFT, box_top, box_width, box_height, 5);
      rifq_pdf_set_colour (painter->cr, &rifq_pdf_ink);
      cairo_set_line_width (painter->cr, 1.1);
      cairo_stroke (painter->cr);
      show_layout (painter, boxed_label, &rifq_pdf_muted, CONTENT_LEFT, box_top + 7);
      show_layout (painter, boxed_number, &rifq_pdf_ink, CONTENT_LEFT,
                   box_top + 7 + rifq_pdf_layout_height (boxed_label) + 4);
    }

  /* A double rule under the letterhead, as on the association's printed forms. */
  painter->y = top + band_height + 10;
  horizontal_line (painter, &rifq_pdf_ink, 1.4, CONTENT_LEFT, CONTENT_RIGHT, painter->y);
  horizontal_line (painter, &rifq_pdf_ink, 0.5, CONTENT_LEFT, CONTENT_RIGHT, painter->y + 2.6);
  painter->y += 14;

  if (!rifq_pdf_is_empty (sheet->title))
    {
      g_autoptr(PangoLayout) title = aligned_layout (painter, sheet->title, SIZE_TITLE, TRUE, CONTENT_WIDTH,
                                                     PANGO_ALIGN_CENTER);

      show_layout (painter, title, &rifq_pdf_ink, CONTENT_LEFT, painter->y);
      painter->y += rifq_pdf_layout_height (title) + 4;
    }

  if (!rifq_pdf_is_empty (sheet->dates_line))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (sheet->dates_line);
      g_autoptr(PangoLayout) dates = aligned_layout (painter, text, SIZE_DATES, FALSE, CONTENT_WIDTH, PANGO_ALIGN_CENTER);

      show_layout (painter, dates, &rifq_pdf_muted, CONTENT_LEFT, painter->y);
      painter->y += rifq_pdf_layout_height (dates);
    }

  if (!rifq_pdf_is_empty (sheet->notice))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (sheet->notice);
      g_autoptr(PangoLayout) notice = aligned_layout (painter, text, SIZE_LABEL, TRUE, CONTENT_WIDTH - 20,
                                                      PANGO_ALIGN_CENTER);
      double height = rifq_pdf_layout_height (notice) + 12;

      painter->y += 8;
      if (!painter->dry)
        {
          rifq_pdf_rounded_rectangle (painter->cr, CONTENT_LEFT, painter->y, CONTENT_WIDTH, height, 4);
          rifq_pdf_set_colour (painter->cr, &rifq_pdf_alert);
          cairo_set_line_width (painter->cr, 1.4);
          cairo_stroke (painter->cr);
        }
      show_layout (painter, notice, &rifq_pdf_alert, CONTENT_LEFT + 10, painter->y + 6);
      painter->y += height;
    }

  painter->y += SECTION_GAP;
}

/* Sections */

static PangoLayout *
heading_layout (Painter    *painter,
                const char *heading,
                gboolean    continued)
{
  return rifq_pdf_heading_layout (painter->cr, heading, continued, CONTENT_WIDTH);
}

static double
heading_height (Painter    *painter,
                const char *heading)
{
  g_autoptr(PangoLayout) layout = heading_layout (painter, heading, FALSE);

  return rifq_pdf_heading_height (layout);
}

static void
draw_heading (Painter    *painter,
              const char *heading,
              gboolean    continued)
{
  g_autoptr(PangoLayout) layout = heading_layout (painter, heading, continued);

  if (!painter->dry)
    rifq_pdf_draw_heading (painter->cr, layout, CONTENT_LEFT, painter->y, CONTENT_WIDTH);
  painter->y += rifq_pdf_heading_height (layout);
}

static void
begin_section (Painter    *painter,
               const char *heading,
               double      keep_with_heading)
{
  painter->section = NULL;
  make_room (painter, heading_height (painter, heading) + MIN (keep_with_heading, page_capacity (painter) / 2));
  draw_heading (painter, heading, FALSE);
  painter->section = heading;
}

static void
end_section (Painter *painter)
{
  painter->section = NULL;
  painter->y += SECTION_GAP;
}

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
  return CONTENT_WIDTH - label_cell_width (painter) - 2 * CELL_PAD_X;
}

static void
measure_row (Painter            *painter,
             const RifqSheetRow *sheet_row,
             Row                *row)
{
  g_autofree char *label = rifq_pdf_isolate_numbers (sheet_row->label);
  g_autofree char *value = rifq_pdf_isolate_value (rifq_pdf_is_empty (sheet_row->value) ? "—" : sheet_row->value);

  row->label = text_layout (painter, label, SIZE_LABEL, TRUE, painter->label_width);
  row->value = text_layout (painter, value, SIZE_VALUE, FALSE, value_width (painter));
  row->label_y = MAX (0, layout_baseline (row->value) - layout_baseline (row->label));
  row->value_y = MAX (0, layout_baseline (row->label) - layout_baseline (row->value));
  row->height = MAX (row->label_y + rifq_pdf_layout_height (row->label),
                     row->value_y + rifq_pdf_layout_height (row->value));
}

/* Outline of the rows drawn on this page since top, and the rule between the columns. */
static void
close_table (Painter *painter,
             double   top)
{
  double divider = CONTENT_RIGHT - label_cell_width (painter);

  if (painter->dry || painter->y <= top)
    return;

  rifq_pdf_set_colour (painter->cr, &rifq_pdf_cell_border);
  cairo_set_line_width (painter->cr, 0.6);
  cairo_rectangle (painter->cr, CONTENT_LEFT, top, CONTENT_WIDTH, painter->y - top);
  cairo_move_to (painter->cr, divider, top);
  cairo_line_to (painter->cr, divider, painter->y);
  cairo_stroke (painter->cr);
}

static void
draw_row_cells (Painter *painter,
                double   height,
                double   top_of_table)
{
  double label_cell = label_cell_width (painter);

  if (painter->dry)
    return;

  rifq_pdf_set_colour (painter->cr, &rifq_pdf_label_fill);
  cairo_rectangle (painter->cr, CONTENT_RIGHT - label_cell, painter->y, label_cell, height);
  cairo_fill (painter->cr);

  if (painter->y > top_of_table)
    horizontal_line (painter, &rifq_pdf_cell_border, 0.6, CONTENT_LEFT, CONTENT_RIGHT, painter->y);
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
      double room = painter->bottom - painter->y - 2 * CELL_PAD_Y - (first == 0 ? row->value_y : 0);
      int last;
      double height;

      if (rifq_pdf_lines_height (row->value, first, first + 1) > room && painter->y > painter->page_top + 0.5)
        {
          close_table (painter, *top_of_table);
          new_page (painter);
          *top_of_table = painter->y;
          continue;
        }

      last = rifq_pdf_lines_fitting (row->value, first, room);
      height = rifq_pdf_lines_height (row->value, first, last) + 2 * CELL_PAD_Y + (first == 0 ? row->value_y : 0);
      if (first == 0)
        height = MAX (height, row->label_y + rifq_pdf_layout_height (row->label) + 2 * CELL_PAD_Y);

      draw_row_cells (painter, height, *top_of_table);
      if (first == 0)
        show_layout (painter, row->label, &rifq_pdf_muted, CONTENT_RIGHT - label_cell_width (painter) + CELL_PAD_X,
                     painter->y + CELL_PAD_Y + row->label_y);
      show_lines (painter, row->value, first, last, &rifq_pdf_ink, CONTENT_LEFT + CELL_PAD_X,
                  painter->y + CELL_PAD_Y + (first == 0 ? row->value_y : 0));
      painter->y += height;
      first = last;

      if (first < n_lines)
        {
          close_table (painter, *top_of_table);
          new_page (painter);
          *top_of_table = painter->y;
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
  begin_section (painter, heading,
                 measured->len > 0 ? g_array_index (measured, Row, 0).height + 2 * CELL_PAD_Y : 0);
  top = painter->y;

  for (guint i = 0; i < measured->len; i++)
    {
      Row *row = &g_array_index (measured, Row, i);
      double height = row->height + 2 * CELL_PAD_Y;

      if (!fits (painter, height) && height <= page_capacity (painter))
        {
          close_table (painter, top);
          new_page (painter);
          top = painter->y;
        }

      if (!fits (painter, height))
        {
          draw_split_row (painter, row, &top);
          continue;
        }

      draw_row_cells (painter, height, top);
      show_layout (painter, row->label, &rifq_pdf_muted, CONTENT_RIGHT - label_cell_width (painter) + CELL_PAD_X,
                   painter->y + CELL_PAD_Y + row->label_y);
      show_layout (painter, row->value, &rifq_pdf_ink, CONTENT_LEFT + CELL_PAD_X,
                   painter->y + CELL_PAD_Y + row->value_y);
      painter->y += height;
    }

  close_table (painter, top);
  end_section (painter);
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

  none = text_layout (painter, _("No documents were presented."), SIZE_VALUE, FALSE, CONTENT_WIDTH - 2 * CELL_PAD_X);
  begin_section (painter, heading, rifq_pdf_layout_height (none));
  show_layout (painter, none, &rifq_pdf_muted, CONTENT_LEFT + CELL_PAD_X, painter->y);
  painter->y += rifq_pdf_layout_height (none);
  end_section (painter);
}

/* A paragraph that breaks between its lines where the page ends. */
static void
flow_paragraph (Painter             *painter,
                PangoLayout         *layout,
                const RifqPdfColour *colour,
                double               x)
{
  int n_lines = pango_layout_get_line_count (layout);
  int first = 0;

  if (fits (painter, rifq_pdf_layout_height (layout)))
    {
      show_layout (painter, layout, colour, x, painter->y);
      painter->y += rifq_pdf_layout_height (layout);
      return;
    }

  while (first < n_lines)
    {
      int last = rifq_pdf_lines_fitting (layout, first, painter->bottom - painter->y);
      double height;

      /* Nor does a paragraph's last line go over alone. */
      if (last == n_lines - 1 && last - first >= 3)
        last--;
      height = rifq_pdf_lines_height (layout, first, last);

      /* A lone line at the foot of a page goes over with the rest. */
      if ((height > painter->bottom - painter->y || (last - first < 2 && last < n_lines)) &&
          painter->y > painter->page_top + 0.5)
        {
          new_page (painter);
          continue;
        }

      show_lines (painter, layout, first, last, colour, x, painter->y);
      painter->y += height;
      first = last;
      if (first < n_lines)
        new_page (painter);
    }
}

static PangoLayout *
paragraph_layout (Painter    *painter,
                  const char *text)
{
  g_autofree char *isolated = rifq_pdf_isolate_value (text);
  g_autofree char *shown = rifq_pdf_digits (isolated, rifq_calendar_interface_digits ());
  RifqPdfTextStyle style = {
    .size_pt = SIZE_VALUE,
    .rtl = rifq_pdf_rtl (),
    .width_pt = CONTENT_WIDTH - 2 * CELL_PAD_X,
    .alignment = rifq_pdf_align_start (),
    .justify = TRUE,
    .line_spacing = LINE_SPACING,
  };

  return rifq_pdf_layout_shared (painter->cr, &style, shown);
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
          begin_section (painter, _("Social research"),
                         rifq_pdf_lines_height (layout, 0, MIN (2, pango_layout_get_line_count (layout))));
          begun = TRUE;
        }
      else
        painter->y += PARAGRAPH_GAP;

      flow_paragraph (painter, layout, &rifq_pdf_ink, CONTENT_LEFT + CELL_PAD_X);
    }

  if (begun)
    end_section (painter);
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
  cairo_t *cr = painter->cr;
  const double inset = SIGNATURE_PAD + (PEN_WIDTH_MIN + PEN_WIDTH_RANGE) / 2;
  double x0, y0, x1, y1;
  Pen pen_state = { cr, 0 };
  Fit fit;

  if (painter->dry || signature == NULL || rifq_signature_get_n_points (signature) == 0)
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
  if (!painter->dry)
    rifq_pdf_draw_qr (painter->cr, painter->qr, x, y, QR_SIZE);
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
  return g_strdup_printf ("%.*s" LRI "rifq-" WJ "admin" NBSP "verify" PDI "%s",
                          (int) (found - caption), caption, found + strlen (command));
}

static void
measure_closing (Painter *painter,
                 Closing *closing)
{
  const RifqRequestSheet *sheet = painter->sheet;
  double text_width = CONTENT_WIDTH - (painter->qr != NULL ? SEAL_COLUMN + 24 : 0);
  g_autofree char *caption = NULL;

  closing->text_width = text_width;

  closing->signature_label = text_layout (painter, _("Signature"), SIZE_SMALL, TRUE, text_width);
  closing->signature_height = rifq_pdf_layout_height (closing->signature_label) + CLOSING_GAP +
                              SIGNATURE_HEIGHT + 2 * CLOSING_GAP;
  if (!rifq_pdf_is_empty (sheet->signed_by_line))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (sheet->signed_by_line);

      closing->signed_by = text_layout (painter, text, SIZE_LABEL, TRUE, text_width);
      closing->signature_height += rifq_pdf_layout_height (closing->signed_by);
    }
  if (!rifq_pdf_is_empty (sheet->officer_line))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (sheet->officer_line);

      closing->officer = text_layout (painter, text, SIZE_LABEL, FALSE, text_width);
      closing->signature_height += CLOSING_GAP + rifq_pdf_layout_height (closing->officer);
    }

  closing->seal_height = 0;
  if (painter->qr != NULL)
    {
      /* The code's top lines up with the signature box's. */
      closing->seal_height = rifq_pdf_layout_height (closing->signature_label) + CLOSING_GAP + QR_SIZE + CLOSING_GAP;
      if (!rifq_pdf_is_empty (sheet->seal_short_code))
        {
          g_autofree char *code = g_strconcat (LRI, sheet->seal_short_code, PDI, NULL);
          RifqPdfTextStyle style = {
            .family = CODE_FONT_FAMILY,
            .size_pt = SIZE_CODE,
            .bold = TRUE,
            .rtl = rifq_pdf_rtl (),
            .width_pt = SEAL_COLUMN,
            .alignment = PANGO_ALIGN_CENTER,
          };

          closing->code = rifq_pdf_layout_shared (painter->cr, &style, code);
          closing->seal_height += rifq_pdf_layout_height (closing->code) + CLOSING_GAP;
        }
      caption = keep_command_whole (_("Seal of the association — verify with rifq-admin verify"));
      closing->caption = aligned_layout (painter, caption, SIZE_CAPTION, FALSE, SEAL_COLUMN, PANGO_ALIGN_CENTER);
      closing->seal_height += rifq_pdf_layout_height (closing->caption);
    }
}

/* The signature at the reading edge, the seal at the other. */
static void
draw_closing (Painter *painter,
              Closing *closing)
{
  double text_x = CONTENT_RIGHT - closing->text_width;
  double top = painter->y;
  double y = top;

  show_layout (painter, closing->signature_label, &rifq_pdf_muted, text_x, y);
  y += rifq_pdf_layout_height (closing->signature_label) + CLOSING_GAP;
  if (!painter->dry)
    {
      rifq_pdf_rounded_rectangle (painter->cr, CONTENT_RIGHT - SIGNATURE_WIDTH, y, SIGNATURE_WIDTH, SIGNATURE_HEIGHT, 4);
      rifq_pdf_set_colour (painter->cr, &rifq_pdf_rule);
      cairo_set_line_width (painter->cr, 0.6);
      cairo_stroke (painter->cr);
    }
  draw_signature (painter, painter->sheet->signature, CONTENT_RIGHT - SIGNATURE_WIDTH, y);
  y += SIGNATURE_HEIGHT + 2 * CLOSING_GAP;
  if (closing->signed_by != NULL)
    {
      show_layout (painter, closing->signed_by, &rifq_pdf_ink, text_x, y);
      y += rifq_pdf_layout_height (closing->signed_by) + CLOSING_GAP;
    }
  if (closing->officer != NULL)
    show_layout (painter, closing->officer, &rifq_pdf_ink, text_x, y);

  if (painter->qr != NULL)
    {
      double x = CONTENT_LEFT + (SEAL_COLUMN - QR_SIZE) / 2;

      y = top + rifq_pdf_layout_height (closing->signature_label) + CLOSING_GAP;
      draw_qr (painter, x, y);
      y += QR_SIZE + CLOSING_GAP;
      if (closing->code != NULL)
        {
          show_layout (painter, closing->code, &rifq_pdf_ink, CONTENT_LEFT, y);
          y += rifq_pdf_layout_height (closing->code) + CLOSING_GAP;
        }
      show_layout (painter, closing->caption, &rifq_pdf_muted, CONTENT_LEFT, y);
    }

  painter->y = top + closing_height (closing);
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
  together = heading_height (painter, _("Declaration")) + declaration_height + closing_height (&closing);
  if (together <= page_capacity (painter))
    make_room (painter, together);

  begin_section (painter, _("Declaration"), MIN (declaration_height, 60));
  if (declaration != NULL)
    {
      flow_paragraph (painter, declaration, &rifq_pdf_ink, CONTENT_LEFT + CELL_PAD_X);
      painter->y += 10;
    }

  make_room (painter, closing_height (&closing));
  draw_closing (painter, &closing);
  end_section (painter);
}


/* The label column is as wide as the longest label of any table, within bounds that leave the
 * values room: the tables of one request line up. */
static double
label_natural_width (Painter    *painter,
                     const char *text)
{
  g_autofree char *label = rifq_pdf_isolate_numbers (text);
  g_autoptr(PangoLayout) layout = text_layout (painter, label, SIZE_LABEL, TRUE, CONTENT_WIDTH);

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
  return CLAMP (width + 1, 110, CONTENT_WIDTH * 0.36);
}

/* The footer takes the same room on every page; what is left is the content's. */
static void
measure_page (Painter *painter)
{
  gboolean dry = painter->dry;

  painter->dry = TRUE;
  painter->bottom = RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM - draw_footer (painter, 1) - FOOTER_GAP;
  painter->capacity = painter->bottom - MARGIN_TOP - heading_height (painter, _("Beneficiary"));
  painter->dry = dry;
}

static void
paint (Painter *painter)
{
  const RifqRequestSheet *sheet = painter->sheet;

  painter->pages = 0;
  painter->section = NULL;
  painter->label_width = measure_label_width (painter);
  measure_page (painter);

  begin_page (painter);
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
  end_page (painter);
}

int
rifq_request_pdf_draw (cairo_t                *cr,
                       const RifqRequestSheet *sheet,
                       int                     first_page_number,
                       int                     total_pages_or_0)
{
  g_autoptr(QRcode) qr = NULL;
  Painter painter = { 0 };

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (sheet->request_number != NULL, 0);

  if (!rifq_pdf_is_empty (sheet->seal_payload))
    {
      qr = QRcode_encodeString (sheet->seal_payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
      if (qr == NULL)
        g_warning ("The seal of request %s could not be encoded as a QR code", sheet->request_number);
    }

  painter.cr = cr;
  painter.sheet = sheet;
  painter.logo = rifq_pdf_load_png (sheet->logo_png, sheet->logo_png_len);
  painter.qr = qr;
  painter.first_page = MAX (first_page_number, 1);

  cairo_save (cr);
  rifq_pdf_mirror_page (cr);

  /* Without a total, count this request's pages first: the same drawing, with nothing drawn. */
  painter.total_pages = total_pages_or_0;
  if (painter.total_pages <= 0)
    {
      painter.dry = TRUE;
      paint (&painter);
      painter.total_pages = painter.first_page - 1 + painter.pages;
      painter.dry = FALSE;
    }

  paint (&painter);

  cairo_restore (cr);
  g_clear_pointer (&painter.logo, cairo_surface_destroy);
  return painter.pages;
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
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (sheet->request_number != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rifq_pdf_is_empty (sheet->seal_payload))
    {
      qr = QRcode_encodeString (sheet->seal_payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
      if (qr == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The seal is too long to print as a QR code."));
          return FALSE;
        }
    }

  /* Drawn in memory and then saved in one go: a failed write never leaves half a request. */
  data = g_byte_array_new ();
  title = g_strdup_printf ("%s %s", rifq_pdf_is_empty (sheet->title) ? "" : sheet->title, sheet->request_number);
  surface = rifq_pdf_document_new (data, g_strstrip (title), sheet->association_name);
  rifq_pdf_set_sealed_keywords (surface, sheet->seal_payload, sheet->sealed_json);

  /* Laid out once, page by page; the footers follow once the pages are counted. */
  cr = cairo_create (surface);
  {
    g_autoptr(GPtrArray) pages = NULL;

    pages = record_pages (cr, sheet, qr);
    for (guint i = 0; i < pages->len; i++)
      {
        cairo_set_source_surface (cr, g_ptr_array_index (pages, i), 0, 0);
        cairo_paint (cr);
        rifq_request_pdf_draw_footer (cr, sheet, (int) i + 1, (int) pages->len);
        cairo_show_page (cr);
      }
  }
  cairo_destroy (cr);

  return rifq_pdf_document_save_sealed (surface, data, sheet->seal_file, sheet->seal_file_data, path,
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

  if (!rifq_pdf_is_empty (sheet->seal_payload))
    qr = QRcode_encodeString (sheet->seal_payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  return record_pages (measure_cr, sheet, qr);
}

/* The pages, with the seal's QR code already encoded (or NULL). */
static GPtrArray *
record_pages (cairo_t                *measure_cr,
              const RifqRequestSheet *sheet,
              const QRcode           *qr)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  Painter painter = { 0 };

  painter.cr = measure_cr;
  painter.measure_cr = measure_cr;
  painter.sheet = sheet;
  painter.logo = rifq_pdf_load_png (sheet->logo_png, sheet->logo_png_len);
  painter.qr = qr;
  painter.first_page = 1;
  painter.recordings = pages;
  paint (&painter);
  g_clear_pointer (&painter.logo, cairo_surface_destroy);
  return pages;
}

void
rifq_request_pdf_draw_footer (cairo_t                *cr,
                              const RifqRequestSheet *sheet,
                              int                     number,
                              int                     total)
{
  Painter painter = { 0 };

  g_return_if_fail (cr != NULL && sheet != NULL);

  painter.cr = cr;
  painter.sheet = sheet;
  painter.total_pages = total;
  cairo_save (cr);
  rifq_pdf_mirror_page (cr);
  draw_footer (&painter, number);
  cairo_restore (cr);
}
