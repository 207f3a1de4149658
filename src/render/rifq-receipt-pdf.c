/* rifq-receipt-pdf.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-receipt-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "rifq-arabic.h"
#include "rifq-pdf.h"
#include "rifq-receipt-pdf.h"

#define MARGIN_SIDE    56.0
#define MARGIN_TOP     48.0
#define MARGIN_BOTTOM  44.0
#define CONTENT_LEFT   MARGIN_SIDE
#define CONTENT_RIGHT  (RIFQ_PDF_A4_WIDTH - MARGIN_SIDE)
#define CONTENT_WIDTH  (CONTENT_RIGHT - CONTENT_LEFT)

/* Fonts and gaps shrink together until the content fits above the footer
 * (rifq_pdf_fitting_scale). */

/* Bidi isolates: LRI…PDI keeps a number such as "1448/000123" in its own left-to-right order
 * inside Arabic text, FSI…PDI keeps an inserted date from reordering the sentence around it. */
#define LRI  "\xe2\x81\xa6"
#define FSI  "\xe2\x81\xa8"
#define PDI  "\xe2\x81\xa9"
#define NBSP "\xc2\xa0"

static const RifqPdfColour box_fill = { 0.925, 0.925, 0.935 };

typedef struct
{
  cairo_t           *cr;
  const RifqReceipt *receipt;
  double             scale;
  double             y;  /* top of the next block, in points */
} Sheet;

static PangoLayout *
text_layout (Sheet      *sheet,
             const char *text,
             double      size_pt,
             gboolean    bold,
             double      width_pt)
{
  g_autofree char *shown = rifq_pdf_digits (text, sheet->receipt->digits);
  PangoLayout *layout;

  layout = rifq_pdf_layout_new (sheet->cr, NULL, size_pt * sheet->scale, bold, rifq_pdf_rtl (), width_pt);
  pango_layout_set_text (layout, shown, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_baseline (PangoLayout *layout)
{
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static void
show_layout (Sheet               *sheet,
             PangoLayout         *layout,
             const RifqPdfColour *colour,
             double               x,
             double               y)
{
  rifq_pdf_set_colour (sheet->cr, colour);
  cairo_move_to (sheet->cr, x, y);
  rifq_pdf_show_layout (sheet->cr, layout);
}

static void
horizontal_rule (Sheet  *sheet,
                 double  y,
                 double  line_width)
{
  rifq_pdf_horizontal_line (sheet->cr, &rifq_pdf_rule, line_width, CONTENT_LEFT, CONTENT_RIGHT, y);
}

static void
draw_header (Sheet *sheet)
{
  const double s = sheet->scale;
  g_autoptr(PangoLayout) association = NULL;
  g_autoptr(PangoLayout) title = NULL;

  if (!rifq_pdf_is_empty (sheet->receipt->association_name))
    {
      association = text_layout (sheet, sheet->receipt->association_name, 15, TRUE, CONTENT_WIDTH);
      show_layout (sheet, association, &rifq_pdf_ink, CONTENT_LEFT, sheet->y);
      sheet->y += layout_height (association) + 6 * s;
    }

  horizontal_rule (sheet, sheet->y, 0.8);
  sheet->y += 16 * s;

  title = text_layout (sheet, _("Support request receipt"), 20, TRUE, CONTENT_WIDTH);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  show_layout (sheet, title, &rifq_pdf_ink, CONTENT_LEFT, sheet->y);
  sheet->y += layout_height (title) + 12 * s;
}

static void
draw_request_number (Sheet *sheet)
{
  const double s = sheet->scale;
  g_autofree char *number_text = g_strconcat (LRI, sheet->receipt->request_number, PDI, NULL);
  g_autoptr(PangoLayout) label = text_layout (sheet, _("Request number"), 11, FALSE, CONTENT_WIDTH);
  g_autoptr(PangoLayout) number = text_layout (sheet, number_text, 26, TRUE, CONTENT_WIDTH);
  double pad = 10 * s;
  double width;
  double height;
  double x;

  pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
  pango_layout_set_alignment (number, PANGO_ALIGN_CENTER);

  width = MAX (rifq_pdf_layout_natural_width (label), rifq_pdf_layout_natural_width (number)) + 64 * s;
  width = CLAMP (width, 200 * s, CONTENT_WIDTH);
  height = pad + layout_height (label) + layout_height (number) + pad * 0.6;
  x = CONTENT_LEFT + (CONTENT_WIDTH - width) / 2;

  rifq_pdf_rounded_rectangle (sheet->cr, x, sheet->y, width, height, 6 * s);
  rifq_pdf_set_colour (sheet->cr, &rifq_pdf_ink);
  cairo_set_line_width (sheet->cr, 1.2);
  cairo_stroke (sheet->cr);

  show_layout (sheet, label, &rifq_pdf_muted, CONTENT_LEFT, sheet->y + pad);
  show_layout (sheet, number, &rifq_pdf_ink, CONTENT_LEFT, sheet->y + pad + layout_height (label));
  sheet->y += height + 18 * s;
}

typedef struct
{
  const char *label;
  char       *value;
} Row;

static void
clear_row (Row *row)
{
  g_clear_pointer (&row->value, g_free);
}

/* Rows without a value are left out rather than printed blank. */
static void
add_row (GArray     *rows,
         const char *label,
         const char *value,
         gboolean    left_to_right)
{
  Row row = { label, NULL };

  if (rifq_pdf_is_empty (value))
    return;

  row.value = left_to_right ? g_strconcat (LRI, value, PDI, NULL) : rifq_pdf_isolate_value (value);
  g_array_append_val (rows, row);
}

static void
draw_details (Sheet *sheet)
{
  const RifqReceipt *receipt = sheet->receipt;
  const double s = sheet->scale;
  const double pad_x = 9 * s;
  const double pad_y = 6 * s;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  double label_width = 0;
  double label_cell;
  double value_width;
  double top = sheet->y;

  g_array_set_clear_func (rows, (GDestroyNotify) clear_row);

  add_row (rows, _("Beneficiary name"), receipt->beneficiary_name, FALSE);
  add_row (rows, _("National ID"), receipt->national_id, TRUE);
  add_row (rows, _("Kind of support"), receipt->kind, FALSE);
  add_row (rows, _("Received through"), receipt->channel, FALSE);
  add_row (rows, _("Submitted on"), receipt->submitted_on, FALSE);
  add_row (rows, _("Received by"), receipt->officer_name, FALSE);
  add_row (rows, _("Signed by"), receipt->signed_by, FALSE);

  if (rows->len == 0)
    return;

  /* The label column is as wide as its longest label, within bounds that leave the values room. */
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(PangoLayout) label = text_layout (sheet, g_array_index (rows, Row, i).label, 11.5, TRUE, CONTENT_WIDTH);

      label_width = MAX (label_width, rifq_pdf_layout_natural_width (label));
    }
  label_width = CLAMP (label_width + 1, 90 * s, CONTENT_WIDTH * 0.4);
  label_cell = label_width + 2 * pad_x;
  value_width = CONTENT_WIDTH - label_cell - 2 * pad_x;

  cairo_set_line_width (sheet->cr, 0.6);

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autoptr(PangoLayout) label = text_layout (sheet, row->label, 11.5, TRUE, label_width);
      g_autoptr(PangoLayout) value = text_layout (sheet, row->value, 12.5, FALSE, value_width);
      double label_y;
      double value_y;
      double height;

      /* The first lines of label and value share a baseline, whatever their sizes. */
      label_y = MAX (0, layout_baseline (value) - layout_baseline (label));
      value_y = MAX (0, layout_baseline (label) - layout_baseline (value));
      height = MAX (label_y + layout_height (label), value_y + layout_height (value)) + 2 * pad_y;

      rifq_pdf_set_colour (sheet->cr, &rifq_pdf_label_fill);
      cairo_rectangle (sheet->cr, CONTENT_RIGHT - label_cell, sheet->y, label_cell, height);
      cairo_fill (sheet->cr);

      show_layout (sheet, label, &rifq_pdf_muted, CONTENT_RIGHT - label_cell + pad_x, sheet->y + pad_y + label_y);
      show_layout (sheet, value, &rifq_pdf_ink, CONTENT_LEFT + pad_x, sheet->y + pad_y + value_y);

      sheet->y += height;
      if (i + 1 < rows->len)
        {
          rifq_pdf_set_colour (sheet->cr, &rifq_pdf_cell_border);
          cairo_move_to (sheet->cr, CONTENT_LEFT, sheet->y);
          cairo_line_to (sheet->cr, CONTENT_RIGHT, sheet->y);
          cairo_stroke (sheet->cr);
        }
    }

  rifq_pdf_set_colour (sheet->cr, &rifq_pdf_cell_border);
  cairo_rectangle (sheet->cr, CONTENT_LEFT, top, CONTENT_WIDTH, sheet->y - top);
  cairo_move_to (sheet->cr, CONTENT_RIGHT - label_cell, top);
  cairo_line_to (sheet->cr, CONTENT_RIGHT - label_cell, sheet->y);
  cairo_stroke (sheet->cr);

  sheet->y += 18 * s;
}

static char *
format_days (const RifqReceipt *receipt)
{
  g_autofree char *latin = g_strdup_printf ("%d", receipt->decision_period_days);

  if (receipt->digits == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (latin);
  return g_steal_pointer (&latin);
}

static void
draw_committee_note (Sheet *sheet)
{
  const RifqReceipt *receipt = sheet->receipt;
  const double s = sheet->scale;
  const double pad_x = 16 * s;
  const double pad_y = 11 * s;
  g_autofree char *days = format_days (receipt);
  /* The date is read as one piece: it never breaks across lines. */
  g_auto(GStrv) expected_words = g_strsplit (receipt->expected_on ? receipt->expected_on : "", " ", -1);
  g_autofree char *expected_joined = g_strjoinv (NBSP, expected_words);
  g_autofree char *expected = g_strconcat (FSI, expected_joined, PDI, NULL);
  g_autofree char *sentence = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the first %s is the date the reply is expected
                                            * by (Hijri beside Gregorian), the second the number of days the
                                            * research committee has to decide, in the interface's digits. */
                                           "Your request goes to the research committee, which studies it and "
                                           "answers with acceptance or rejection. Expect the reply by %s "
                                           "(decision period: %s day).",
                                           "Your request goes to the research committee, which studies it and "
                                           "answers with acceptance or rejection. Expect the reply by %s "
                                           "(decision period: %s days).",
                                           (gulong) MAX (receipt->decision_period_days, 0)),
                              expected, days);

  layout = text_layout (sheet, sentence, 12.5, FALSE, CONTENT_WIDTH - 2 * pad_x);
  pango_layout_set_spacing (layout, (int) (2 * s * PANGO_SCALE));
  height = layout_height (layout) + 2 * pad_y;

  rifq_pdf_rounded_rectangle (sheet->cr, CONTENT_LEFT, sheet->y, CONTENT_WIDTH, height, 8 * s);
  rifq_pdf_set_colour (sheet->cr, &box_fill);
  cairo_fill (sheet->cr);

  show_layout (sheet, layout, &rifq_pdf_ink, CONTENT_LEFT + pad_x, sheet->y + pad_y);
  sheet->y += height + 18 * s;
}

static void
draw_documents (Sheet *sheet)
{
  const char * const *documents = sheet->receipt->documents;
  const double s = sheet->scale;
  const double indent = 14 * s;
  g_autoptr(PangoLayout) heading = NULL;

  heading = text_layout (sheet, _("Documents checked at submission"), 12.5, TRUE, CONTENT_WIDTH);
  show_layout (sheet, heading, &rifq_pdf_ink, CONTENT_LEFT, sheet->y);
  sheet->y += layout_height (heading) + 4 * s;

  if (documents == NULL || documents[0] == NULL)
    {
      g_autoptr(PangoLayout) none = text_layout (sheet, _("No documents were presented."), 11.5, FALSE, CONTENT_WIDTH);

      show_layout (sheet, none, &rifq_pdf_muted, CONTENT_LEFT, sheet->y);
      sheet->y += layout_height (none);
      return;
    }

  for (guint i = 0; documents[i] != NULL; i++)
    {
      g_autofree char *document = rifq_pdf_isolate_value (documents[i]);
      g_autoptr(PangoLayout) bullet = text_layout (sheet, "•", 11.5, FALSE, indent);
      g_autoptr(PangoLayout) line = text_layout (sheet, document, 11.5, FALSE, CONTENT_WIDTH - indent);

      /* A hanging bullet: wrapped lines stay clear of it. */
      show_layout (sheet, bullet, &rifq_pdf_muted, CONTENT_RIGHT - indent, sheet->y);
      show_layout (sheet, line, &rifq_pdf_ink, CONTENT_LEFT, sheet->y);
      sheet->y += layout_height (line) + 2 * s;
    }
}

/* The footer sits at the foot of the page; returns its top. */
static double
draw_footer (Sheet      *sheet,
             const char *printed_on)
{
  const double s = sheet->scale;
  g_autofree char *printed = NULL;
  g_autoptr(PangoLayout) keep = NULL;
  g_autoptr(PangoLayout) date = NULL;
  double top;
  double y;

  keep = text_layout (sheet,
                      _("Keep this receipt; quote the request number when you ask about your request."),
                      11, TRUE, CONTENT_WIDTH);

  /* Translators: %s is the date the receipt was printed, Hijri beside Gregorian. */
  printed = g_strdup_printf (_("Printed on %s"), printed_on);
  date = text_layout (sheet, printed, 9.5, FALSE, CONTENT_WIDTH);

  top = RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM - layout_height (date) - 3 * s - layout_height (keep) - 9 * s;
  y = top;

  horizontal_rule (sheet, y, 0.6);
  y += 9 * s;
  show_layout (sheet, keep, &rifq_pdf_ink, CONTENT_LEFT, y);
  y += layout_height (keep) + 3 * s;
  show_layout (sheet, date, &rifq_pdf_muted, CONTENT_LEFT, y);

  return top;
}

/* Draws the whole page at the given scale; returns by how many points the content runs
 * into the footer (zero or less when it fits). */
static double
draw_receipt (cairo_t           *cr,
              const RifqReceipt *receipt,
              const char        *printed_on,
              double             scale)
{
  Sheet sheet = { cr, receipt, scale, MARGIN_TOP };
  double footer_top;

  draw_header (&sheet);
  draw_request_number (&sheet);
  draw_details (&sheet);
  draw_committee_note (&sheet);
  draw_documents (&sheet);
  footer_top = draw_footer (&sheet, printed_on);

  return sheet.y + 14 * scale - footer_top;
}

typedef struct
{
  const RifqReceipt *receipt;
  const char        *printed_on;
} Fitting;

static double
receipt_overflow (cairo_t  *cr,
                  double    scale,
                  gpointer  user_data)
{
  Fitting *fitting = user_data;

  return draw_receipt (cr, fitting->receipt, fitting->printed_on, scale);
}

static char *
format_today (RifqDigits digits)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  return rifq_calendar_format_both (&today, digits);
}

gboolean
rifq_receipt_pdf_write (const RifqReceipt  *receipt,
                        const char         *path,
                        GError            **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  const char *printed_on;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale;

  g_return_val_if_fail (receipt != NULL, FALSE);
  g_return_val_if_fail (receipt->request_number != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  printed_on = receipt->printed_on;
  if (printed_on == NULL)
    printed_on = today = format_today (receipt->digits);

  scale = rifq_pdf_fitting_scale (receipt_overflow, &(Fitting) { receipt, printed_on });

  /* Drawn in memory and then saved in one go: a failed write never leaves half a receipt. */
  data = g_byte_array_new ();
  title = g_strdup_printf ("%s %s", _("Support request receipt"), receipt->request_number);
  surface = rifq_pdf_document_new (data, title, receipt->association_name);

  cr = cairo_create (surface);
  rifq_pdf_mirror_page (cr);
  draw_receipt (cr, receipt, printed_on, scale);
  cairo_destroy (cr);

  return rifq_pdf_document_save (surface, data, path, _("The receipt could not be drawn: "),
                                 _("The receipt could not be saved: "), error);
}
