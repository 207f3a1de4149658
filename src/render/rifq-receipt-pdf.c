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

#include "rifq-page-flow.h"
#include "rifq-receipt-pdf.h"

#define MARGIN_SIDE    56.0
#define MARGIN_TOP     48.0
#define MARGIN_BOTTOM  44.0

/* Fonts and gaps shrink together until the content fits above the footer
 * (rifq_pdf_fitting_scale). Blocks are measured by their line boxes. */

static const RifqPdfColour box_fill = { 0.925, 0.925, 0.935 };

typedef struct
{
  RifqPageFlow       flow;
  const RifqReceipt *receipt;
  const char        *printed_on;
} Sheet;

static double
layout_height (Sheet       *sheet,
               PangoLayout *layout)
{
  return rifq_page_flow_height (&sheet->flow, layout);
}

static void
horizontal_rule (Sheet  *sheet,
                 double  y,
                 double  line_width)
{
  rifq_page_flow_rule (&sheet->flow, &rifq_pdf_rule, line_width, sheet->flow.left, sheet->flow.right, y);
}

static void
draw_header (Sheet *sheet)
{
  const double s = sheet->flow.scale;
  g_autoptr(PangoLayout) association = NULL;

  if (!rifq_pdf_is_empty (sheet->receipt->association_name))
    {
      association = rifq_page_flow_text (&sheet->flow, sheet->receipt->association_name, 15, TRUE, sheet->flow.width,
                                         RIFQ_PAGE_ALIGN_START);
      rifq_page_flow_show (&sheet->flow, association, &rifq_pdf_ink, sheet->flow.left, sheet->flow.y);
      sheet->flow.y += layout_height (sheet, association) + 6 * s;
    }

  horizontal_rule (sheet, sheet->flow.y, 0.8);
  sheet->flow.y += 16 * s;

  rifq_page_flow_centred (&sheet->flow, _("Support request receipt"), 20, TRUE, &rifq_pdf_ink, 12 * s);
}

static void
draw_request_number (Sheet *sheet)
{
  const double s = sheet->flow.scale;
  g_autofree char *number_text = rifq_page_flow_ltr (sheet->receipt->request_number);
  g_autoptr(PangoLayout) label = rifq_page_flow_text (&sheet->flow, _("Request number"), 11, FALSE, sheet->flow.width,
                                                      RIFQ_PAGE_ALIGN_CENTER);
  g_autoptr(PangoLayout) number = rifq_page_flow_text (&sheet->flow, number_text, 26, TRUE, sheet->flow.width,
                                                       RIFQ_PAGE_ALIGN_CENTER);
  double pad = 10 * s;
  double width;
  double height;
  double x;

  width = MAX (rifq_pdf_layout_natural_width (label), rifq_pdf_layout_natural_width (number)) + 64 * s;
  width = CLAMP (width, 200 * s, sheet->flow.width);
  height = pad + layout_height (sheet, label) + layout_height (sheet, number) + pad * 0.6;
  x = sheet->flow.left + (sheet->flow.width - width) / 2;

  rifq_pdf_rounded_rectangle (sheet->flow.cr, x, sheet->flow.y, width, height, 6 * s);
  rifq_pdf_set_colour (sheet->flow.cr, &rifq_pdf_ink);
  cairo_set_line_width (sheet->flow.cr, 1.2);
  cairo_stroke (sheet->flow.cr);

  rifq_page_flow_show (&sheet->flow, label, &rifq_pdf_muted, sheet->flow.left, sheet->flow.y + pad);
  rifq_page_flow_show (&sheet->flow, number, &rifq_pdf_ink, sheet->flow.left,
                       sheet->flow.y + pad + layout_height (sheet, label));
  sheet->flow.y += height + 18 * s;
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

  row.value = left_to_right ? rifq_page_flow_ltr (value) : rifq_pdf_isolate_value (value);
  g_array_append_val (rows, row);
}

static void
draw_details (Sheet *sheet)
{
  const RifqReceipt *receipt = sheet->receipt;
  const double s = sheet->flow.scale;
  const double pad_x = 9 * s;
  const double pad_y = 6 * s;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  double label_width = 0;
  double label_cell;
  double value_width;
  double top = sheet->flow.y;

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
      g_autoptr(PangoLayout) label = rifq_page_flow_text (&sheet->flow, g_array_index (rows, Row, i).label, 11.5, TRUE,
                                                          sheet->flow.width, RIFQ_PAGE_ALIGN_START);

      label_width = MAX (label_width, rifq_pdf_layout_natural_width (label));
    }
  label_width = CLAMP (label_width + 1, 90 * s, sheet->flow.width * 0.4);
  label_cell = label_width + 2 * pad_x;
  value_width = sheet->flow.width - label_cell - 2 * pad_x;

  cairo_set_line_width (sheet->flow.cr, 0.6);

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autoptr(PangoLayout) label = rifq_page_flow_text (&sheet->flow, row->label, 11.5, TRUE, label_width,
                                                          RIFQ_PAGE_ALIGN_START);
      g_autoptr(PangoLayout) value = rifq_page_flow_text (&sheet->flow, row->value, 12.5, FALSE, value_width,
                                                          RIFQ_PAGE_ALIGN_START);
      double label_y;
      double value_y;
      double height;

      /* The first lines of label and value share a baseline, whatever their sizes. */
      label_y = MAX (0, rifq_page_flow_baseline (&sheet->flow, value) - rifq_page_flow_baseline (&sheet->flow, label));
      value_y = MAX (0, rifq_page_flow_baseline (&sheet->flow, label) - rifq_page_flow_baseline (&sheet->flow, value));
      height = MAX (label_y + layout_height (sheet, label), value_y + layout_height (sheet, value)) + 2 * pad_y;

      rifq_pdf_set_colour (sheet->flow.cr, &rifq_pdf_label_fill);
      cairo_rectangle (sheet->flow.cr, sheet->flow.right - label_cell, sheet->flow.y, label_cell, height);
      cairo_fill (sheet->flow.cr);

      rifq_page_flow_show (&sheet->flow, label, &rifq_pdf_muted, sheet->flow.right - label_cell + pad_x,
                           sheet->flow.y + pad_y + label_y);
      rifq_page_flow_show (&sheet->flow, value, &rifq_pdf_ink, sheet->flow.left + pad_x,
                           sheet->flow.y + pad_y + value_y);

      sheet->flow.y += height;
      if (i + 1 < rows->len)
        {
          rifq_pdf_set_colour (sheet->flow.cr, &rifq_pdf_cell_border);
          cairo_move_to (sheet->flow.cr, sheet->flow.left, sheet->flow.y);
          cairo_line_to (sheet->flow.cr, sheet->flow.right, sheet->flow.y);
          cairo_stroke (sheet->flow.cr);
        }
    }

  rifq_pdf_set_colour (sheet->flow.cr, &rifq_pdf_cell_border);
  cairo_rectangle (sheet->flow.cr, sheet->flow.left, top, sheet->flow.width, sheet->flow.y - top);
  cairo_move_to (sheet->flow.cr, sheet->flow.right - label_cell, top);
  cairo_line_to (sheet->flow.cr, sheet->flow.right - label_cell, sheet->flow.y);
  cairo_stroke (sheet->flow.cr);

  sheet->flow.y += 18 * s;
}

static void
draw_committee_note (Sheet *sheet)
{
  const RifqReceipt *receipt = sheet->receipt;
  const double s = sheet->flow.scale;
  const double pad_x = 16 * s;
  const double pad_y = 11 * s;
  g_autofree char *days = g_strdup_printf ("%d", receipt->decision_period_days);
  /* The date is read as one piece: it never breaks across lines. */
  g_auto(GStrv) expected_words = g_strsplit (receipt->expected_on ? receipt->expected_on : "", " ", -1);
  g_autofree char *expected_joined = g_strjoinv (RIFQ_PDF_NBSP, expected_words);
  g_autofree char *expected = g_strconcat (RIFQ_PDF_FSI, expected_joined, RIFQ_PDF_PDI, NULL);
  g_autofree char *sentence = NULL;
  g_autofree char *shown = NULL;
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

  shown = rifq_pdf_digits (sentence, sheet->flow.digits);
  layout = rifq_page_flow_text_new (&sheet->flow, 12.5, FALSE, sheet->flow.width - 2 * pad_x);
  pango_layout_set_spacing (layout, (int) (2 * s * PANGO_SCALE));
  pango_layout_set_text (layout, shown, -1);
  height = layout_height (sheet, layout) + 2 * pad_y;

  rifq_pdf_rounded_rectangle (sheet->flow.cr, sheet->flow.left, sheet->flow.y, sheet->flow.width, height, 8 * s);
  rifq_pdf_set_colour (sheet->flow.cr, &box_fill);
  cairo_fill (sheet->flow.cr);

  rifq_page_flow_show (&sheet->flow, layout, &rifq_pdf_ink, sheet->flow.left + pad_x, sheet->flow.y + pad_y);
  sheet->flow.y += height + 18 * s;
}

static void
draw_documents (Sheet *sheet)
{
  const char * const *documents = sheet->receipt->documents;
  const double s = sheet->flow.scale;
  const double indent = 14 * s;
  g_autoptr(PangoLayout) heading = NULL;

  heading = rifq_page_flow_text (&sheet->flow, _("Documents checked at submission"), 12.5, TRUE, sheet->flow.width,
                                 RIFQ_PAGE_ALIGN_START);
  rifq_page_flow_show (&sheet->flow, heading, &rifq_pdf_ink, sheet->flow.left, sheet->flow.y);
  sheet->flow.y += layout_height (sheet, heading) + 4 * s;

  if (documents == NULL || documents[0] == NULL)
    {
      g_autoptr(PangoLayout) none = rifq_page_flow_text (&sheet->flow, _("No documents were presented."), 11.5, FALSE,
                                                         sheet->flow.width, RIFQ_PAGE_ALIGN_START);

      rifq_page_flow_show (&sheet->flow, none, &rifq_pdf_muted, sheet->flow.left, sheet->flow.y);
      sheet->flow.y += layout_height (sheet, none);
      return;
    }

  for (guint i = 0; documents[i] != NULL; i++)
    {
      g_autofree char *document = rifq_pdf_isolate_value (documents[i]);
      g_autoptr(PangoLayout) bullet = rifq_page_flow_text (&sheet->flow, "•", 11.5, FALSE, indent,
                                                           RIFQ_PAGE_ALIGN_START);
      g_autoptr(PangoLayout) line = rifq_page_flow_text (&sheet->flow, document, 11.5, FALSE,
                                                         sheet->flow.width - indent, RIFQ_PAGE_ALIGN_START);

      /* A hanging bullet: wrapped lines stay clear of it. */
      rifq_page_flow_show (&sheet->flow, bullet, &rifq_pdf_muted, sheet->flow.right - indent, sheet->flow.y);
      rifq_page_flow_show (&sheet->flow, line, &rifq_pdf_ink, sheet->flow.left, sheet->flow.y);
      sheet->flow.y += layout_height (sheet, line) + 2 * s;
    }
}

/* The footer sits at the foot of the page; returns its top. */
static double
draw_footer (Sheet      *sheet,
             const char *printed_on)
{
  const double s = sheet->flow.scale;
  g_autofree char *printed = NULL;
  g_autoptr(PangoLayout) keep = NULL;
  g_autoptr(PangoLayout) date = NULL;
  double top;
  double y;

  keep = rifq_page_flow_text (&sheet->flow,
                              _("Keep this receipt; quote the request number when you ask about your request."),
                              11, TRUE, sheet->flow.width, RIFQ_PAGE_ALIGN_START);

  /* Translators: %s is the date the receipt was printed, Hijri beside Gregorian. */
  printed = g_strdup_printf (_("Printed on %s"), printed_on);
  date = rifq_page_flow_text (&sheet->flow, printed, 9.5, FALSE, sheet->flow.width, RIFQ_PAGE_ALIGN_START);

  top = RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM - layout_height (sheet, date) - 3 * s - layout_height (sheet, keep) - 9 * s;
  y = top;

  horizontal_rule (sheet, y, 0.6);
  y += 9 * s;
  rifq_page_flow_show (&sheet->flow, keep, &rifq_pdf_ink, sheet->flow.left, y);
  y += layout_height (sheet, keep) + 3 * s;
  rifq_page_flow_show (&sheet->flow, date, &rifq_pdf_muted, sheet->flow.left, y);

  return top;
}

/* Draws the whole page at the flow's scale; returns by how many points the content runs
 * into the footer (zero or less when it fits). */
static double
draw_receipt (RifqPageFlow *flow)
{
  Sheet *sheet = flow->data;
  double footer_top;

  /* The sheet's own flow, at the scale being tried. */
  sheet->flow = *flow;
  sheet->flow.y = sheet->flow.top;
  draw_header (sheet);
  draw_request_number (sheet);
  draw_details (sheet);
  draw_committee_note (sheet);
  draw_documents (sheet);
  footer_top = draw_footer (sheet, sheet->printed_on);

  return sheet->flow.y + 14 * sheet->flow.scale - footer_top;
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
  cairo_surface_t *surface;
  Sheet sheet = { .receipt = receipt };
  RifqPageFlow flow;

  g_return_val_if_fail (receipt != NULL, FALSE);
  g_return_val_if_fail (receipt->request_number != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sheet.printed_on = receipt->printed_on;
  if (sheet.printed_on == NULL)
    sheet.printed_on = today = format_today (receipt->digits);

  rifq_page_flow_init (&flow, NULL, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
  flow.digits = receipt->digits;
  flow.by_ink = FALSE;
  flow.data = &sheet;
  flow.scale = rifq_page_flow_fitting_scale (&flow, draw_receipt);

  /* Drawn in memory and then saved in one go: a failed write never leaves half a receipt. */
  data = g_byte_array_new ();
  title = g_strdup_printf ("%s %s", _("Support request receipt"), receipt->request_number);
  surface = rifq_pdf_document_new (data, title, receipt->association_name);

  rifq_page_flow_draw_on (&flow, surface, draw_receipt);

  return rifq_pdf_document_save (surface, data, path, _("The receipt could not be drawn: "),
                                 _("The receipt could not be saved: "), error);
}
