/* rifq-letter-pdf.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-letter-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "rifq-letter-pdf.h"
#include "rifq-page-flow.h"

#define MARGIN_SIDE    56.0
#define MARGIN_TOP     42.0
#define MARGIN_BOTTOM  48.0

/* Type sizes, in points at full scale. */
#define SIZE_ASSOCIATION 16.0
#define SIZE_LETTERHEAD   9.5
#define SIZE_REFERENCE   10.5
#define SIZE_SUBJECT     13.0
#define SIZE_RECIPIENT   13.5
#define SIZE_BODY        12.5
#define SIZE_SIGNATORY   12.0

/* Blocks are measured by their ink (see RIFQ_PDF_INK_ABOVE); a letter's lines stand a little
 * further apart than a form's. */
#define LINE_SPACING      0.9

#define LOGO_SIZE        62.0
#define PARAGRAPH_GAP    10.0
#define SIGNATURE_WIDTH 190.0
#define SIGNATURE_SPACE  36.0

/* The reasons, set apart. */
static const RifqPageBox reasons_box = { .pad_x = 14, .pad_y = 10, .radius = 6, .inset = 6, .line_width = 0.7 };

typedef struct
{
  RifqPageFlow      flow;
  const RifqLetter *letter;
  const QRcode     *qr;  /* the seal, or NULL */
} Sheet;

/* A number quoted inside a sentence, kept whole and left to right. */
static char *
isolated (const char *number)
{
  return rifq_page_flow_ltr (rifq_pdf_is_empty (number) ? "—" : number);
}

/* The letterhead */

/* The date breaks, if it must, only at its dash: between Hijri and Gregorian, never inside one
 * ("Jumada al-Akhirah" holds on to its hyphen). */
static char *
keep_date_parts_whole (const char *date_line)
{
  g_autofree char *isolated_date = rifq_pdf_isolate_numbers (date_line);
  g_auto(GStrv) parts = g_strsplit (isolated_date, " — ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (parts[i], " ", -1);
      g_autofree char *joined = g_strjoinv (RIFQ_PDF_NBSP, words);
      g_auto(GStrv) hyphenated = g_strsplit (joined, "-", -1);

      g_free (parts[i]);
      parts[i] = g_strjoinv ("-" RIFQ_PDF_WJ, hyphenated);
    }
  return g_strjoinv (" — ", parts);
}

/* The logo and the association at the reading edge, the number and date at the other, a
 * double rule under both and the association's address under that. */
static void
draw_letterhead (Sheet *sheet)
{
  const RifqLetter *letter = sheet->letter;
  const double s = sheet->flow.scale;
  const double reference_max = sheet->flow.width * 0.5;
  g_autofree char *number_value = isolated (letter->letter_number);
  g_autofree char *date_value = keep_date_parts_whole (rifq_pdf_is_empty (letter->date_line) ? "—"
                                                                                          : letter->date_line);
  /* Translators: the outgoing letter's number in the association's register, "الرقم: %s". */
  g_autofree char *number_text = g_strdup_printf (_("Number: %s"), number_value);
  /* Translators: the letter's date, Hijri beside Gregorian, "التاريخ: %s". */
  g_autofree char *date_text = g_strdup_printf (_("Date: %s"), date_value);
  g_autoptr(PangoLayout) number = rifq_page_flow_text (&sheet->flow, number_text, SIZE_REFERENCE, FALSE, reference_max,
                                                       RIFQ_PAGE_ALIGN_START);
  g_autoptr(PangoLayout) date = rifq_page_flow_text (&sheet->flow, date_text, SIZE_REFERENCE, FALSE, reference_max,
                                                     RIFQ_PAGE_ALIGN_START);
  double top = sheet->flow.y;
  double reference_width;
  double reference_height;
  double band_height;

  /* The reference block is as wide as its longer line; its lines share a right edge. */
  reference_width = MAX (rifq_pdf_layout_natural_width (number), rifq_pdf_layout_natural_width (date)) + 1;
  g_set_object (&number, rifq_page_flow_text (&sheet->flow, number_text, SIZE_REFERENCE, FALSE, reference_width,
                                              RIFQ_PAGE_ALIGN_START));
  g_set_object (&date, rifq_page_flow_text (&sheet->flow, date_text, SIZE_REFERENCE, FALSE, reference_width,
                                            RIFQ_PAGE_ALIGN_START));
  reference_height = rifq_pdf_layout_height (number) + 6 * s + rifq_pdf_layout_height (date);

  band_height = rifq_page_flow_letterhead (&sheet->flow, LOGO_SIZE, letter->association_name, SIZE_ASSOCIATION,
                                           reference_width + 24 * s, reference_height);

  {
    double y = top + (band_height - reference_height) / 2;

    rifq_page_flow_show (&sheet->flow, number, &rifq_pdf_ink, sheet->flow.left, y);
    rifq_page_flow_show (&sheet->flow, date, &rifq_pdf_ink, sheet->flow.left,
                         y + rifq_pdf_layout_height (number) + 6 * s);
  }

  sheet->flow.y = top + band_height + 10 * s;
  rifq_page_flow_double_rule (&sheet->flow, sheet->flow.y, 0.9, 0.35, 2.2 * s);
  sheet->flow.y += 8 * s;

  if (!rifq_pdf_is_empty (letter->letterhead_line))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (letter->letterhead_line);

      rifq_page_flow_centred (&sheet->flow, text, SIZE_LETTERHEAD, FALSE, &rifq_pdf_muted, 0);
    }
  sheet->flow.y += 24 * s;
}

/* The body */

static void
draw_paragraph (Sheet         *sheet,
                const char    *text,
                double         size_pt,
                gboolean       bold,
                RifqPageAlign  align,
                double         gap_after)
{
  g_autofree char *isolated_text = rifq_pdf_isolate_numbers (text);
  g_autoptr(PangoLayout) layout = rifq_page_flow_text (&sheet->flow, isolated_text, size_pt, bold, sheet->flow.width,
                                                       align);

  rifq_page_flow_show (&sheet->flow, layout, &rifq_pdf_ink, sheet->flow.left, sheet->flow.y);
  sheet->flow.y += rifq_pdf_layout_height (layout) + gap_after * sheet->flow.scale;
}

static void
draw_subject (Sheet *sheet)
{
  const double s = sheet->flow.scale;
  g_autoptr(PangoLayout) layout = NULL;
  double width;
  double x;

  layout = rifq_page_flow_text (&sheet->flow, _("Subject: the research committee’s decision on your support request"),
                                SIZE_SUBJECT, TRUE, sheet->flow.width, RIFQ_PAGE_ALIGN_CENTER);
  rifq_page_flow_show (&sheet->flow, layout, &rifq_pdf_ink, sheet->flow.left, sheet->flow.y);

  /* Underlined, as a subject line is on a typed letter. */
  width = MIN (rifq_pdf_layout_natural_width (layout), sheet->flow.width);
  x = sheet->flow.left + (sheet->flow.width - width) / 2;
  sheet->flow.y += rifq_pdf_layout_height (layout) + 3 * s;
  rifq_page_flow_rule (&sheet->flow, &rifq_pdf_ink, 0.6, x, x + width, sheet->flow.y);
  sheet->flow.y += 22 * s;
}

static void
draw_recipient (Sheet *sheet)
{
  const RifqLetter *letter = sheet->letter;
  const double s = sheet->flow.scale;
  g_autofree char *name = rifq_pdf_isolate_value (letter->recipient_name);
  g_autofree char *salutation = NULL;

  switch (letter->recipient)
    {
    case RIFQ_LETTER_TO_MAN:
      /* Translators: the recipient's line at the head of a formal letter to a man; "المكرم/ %s". */
      salutation = g_strdup_printf (_("To Mr. %s"), name);
      break;
    case RIFQ_LETTER_TO_WOMAN:
      /* Translators: the recipient's line at the head of a formal letter to a woman; "المكرمة/ %s". */
      salutation = g_strdup_printf (_("To Ms. %s"), name);
      break;
    case RIFQ_LETTER_TO_PERSON:
    default:
      /* Translators: the salutation at the head of a formal letter; "المكرم/ %s". */
      salutation = g_strdup_printf (_("To the honourable %s"), name);
      break;
    }
  draw_paragraph (sheet, salutation, SIZE_RECIPIENT, TRUE, RIFQ_PAGE_ALIGN_JUSTIFY, 4);

  if (!rifq_pdf_is_empty (letter->national_id))
    {
      g_autofree char *id = isolated (letter->national_id);
      g_autofree char *id_text = g_strdup_printf (_("National ID: %s"), id);
      g_autoptr(PangoLayout) layout = rifq_page_flow_text (&sheet->flow, id_text, SIZE_REFERENCE, FALSE,
                                                           sheet->flow.width, RIFQ_PAGE_ALIGN_START);

      rifq_page_flow_show (&sheet->flow, layout, &rifq_pdf_muted, sheet->flow.left, sheet->flow.y);
      sheet->flow.y += rifq_pdf_layout_height (layout);
    }
  sheet->flow.y += 16 * s;

  draw_paragraph (sheet, _("Greetings,"), SIZE_BODY, FALSE, RIFQ_PAGE_ALIGN_JUSTIFY, PARAGRAPH_GAP);
}

static char *
decision_sentence (const RifqLetter *letter)
{
  g_autofree char *number = isolated (letter->request_number);
  g_autofree char *kind = rifq_pdf_isolate_value (rifq_pdf_is_empty (letter->kind) ? "—" : letter->kind);
  gboolean reasons = !rifq_pdf_is_empty (letter->reasons);

  switch (letter->letter_kind)
    {
    case RIFQ_LETTER_ACCEPTANCE:
      /* Translators: the first %s is the request number, the second the kind of support. */
      return g_strdup_printf (_("We are pleased to inform you that the research committee has accepted your "
                                "support request number %s (%s)."), number, kind);
    case RIFQ_LETTER_REJECTION:
      if (reasons)
        /* Translators: the first %s is the request number, the second the kind of support; the
         * reasons follow in a box. */
        return g_strdup_printf (_("We regret to inform you that the research committee has not accepted your "
                                  "support request number %s (%s), for the following reasons:"), number, kind);
      /* Translators: the first %s is the request number, the second the kind of support. */
      return g_strdup_printf (_("We regret to inform you that the research committee has not accepted your "
                                "support request number %s (%s)."), number, kind);
    case RIFQ_LETTER_DEFERRAL:
    default:
      if (reasons)
        /* Translators: the first %s is the request number, the second the kind of support; the
         * reasons follow in a box. */
        return g_strdup_printf (_("We inform you that the research committee has deferred its decision on your "
                                  "support request number %s (%s), for the following reasons:"), number, kind);
      /* Translators: the first %s is the request number, the second the kind of support. */
      return g_strdup_printf (_("We inform you that the research committee has deferred its decision on your "
                                "support request number %s (%s)."), number, kind);
    }
}

/* The reasons in a shaded box with a bar at the reading edge. */
static void
draw_reasons (Sheet *sheet)
{
  const double s = sheet->flow.scale;
  g_autofree char *text = rifq_pdf_isolate_value (sheet->letter->reasons);
  g_autoptr(PangoLayout) layout = rifq_page_flow_text (&sheet->flow, text, SIZE_BODY, FALSE,
                                                       sheet->flow.width - 2 * (reasons_box.pad_x * s),
                                                       RIFQ_PAGE_ALIGN_JUSTIFY);
  double height = rifq_pdf_layout_height (layout) + 2 * (reasons_box.pad_y * s);

  rifq_page_flow_box (&sheet->flow, &reasons_box, sheet->flow.y, height);
  rifq_page_flow_show (&sheet->flow, layout, &rifq_pdf_ink, sheet->flow.left + reasons_box.pad_x * s,
                       sheet->flow.y + reasons_box.pad_y * s);
  sheet->flow.y += height + 1.6 * PARAGRAPH_GAP * s;
}

static void
draw_body (Sheet *sheet)
{
  const RifqLetter *letter = sheet->letter;
  g_autofree char *sentence = decision_sentence (letter);

  draw_paragraph (sheet, sentence, SIZE_BODY, FALSE, RIFQ_PAGE_ALIGN_JUSTIFY, PARAGRAPH_GAP);

  if (letter->letter_kind == RIFQ_LETTER_ACCEPTANCE && !rifq_pdf_is_empty (letter->amount))
    {
      /* Translators: %s is the amount, formatted with its currency: "١٬٥٠٠ ريال". */
      g_autofree char *amount = g_strdup_printf (_("The amount approved is %s."), letter->amount);

      draw_paragraph (sheet, amount, SIZE_BODY, TRUE, RIFQ_PAGE_ALIGN_JUSTIFY, PARAGRAPH_GAP);
    }

  if (!rifq_pdf_is_empty (letter->reasons))
    {
      if (letter->letter_kind == RIFQ_LETTER_ACCEPTANCE)
        draw_paragraph (sheet, _("The committee based its decision on the following:"), SIZE_BODY, FALSE,
                        RIFQ_PAGE_ALIGN_JUSTIFY, PARAGRAPH_GAP * 0.6);
      draw_reasons (sheet);
    }

  if (!rifq_pdf_is_empty (letter->next_step))
    {
      g_autofree char *next_step = rifq_pdf_isolate_value (letter->next_step);

      draw_paragraph (sheet, next_step, SIZE_BODY, FALSE, RIFQ_PAGE_ALIGN_JUSTIFY, PARAGRAPH_GAP);
    }

  sheet->flow.y += 6 * sheet->flow.scale;
  draw_paragraph (sheet, _("With our best regards,"), SIZE_BODY, FALSE, RIFQ_PAGE_ALIGN_CENTER, 0);
}

/* The chair's title, a line to sign on and the name under it, at the end of the line. */
static void
draw_signature_block (Sheet *sheet)
{
  const RifqLetter *letter = sheet->letter;
  const double s = sheet->flow.scale;
  const double width = SIGNATURE_WIDTH * s;

  sheet->flow.y += 24 * s;
  if (!rifq_pdf_is_empty (letter->signatory_title))
    {
      g_autoptr(PangoLayout) title = rifq_page_flow_text (&sheet->flow, letter->signatory_title, SIZE_SIGNATORY, TRUE,
                                                          width, RIFQ_PAGE_ALIGN_CENTER);

      rifq_page_flow_show (&sheet->flow, title, &rifq_pdf_ink, sheet->flow.left, sheet->flow.y);
      sheet->flow.y += rifq_pdf_layout_height (title);
    }

  sheet->flow.y += SIGNATURE_SPACE * s;
  rifq_page_flow_sign_line (&sheet->flow, sheet->flow.left + 16 * s, sheet->flow.left + width - 16 * s, sheet->flow.y);
  sheet->flow.y += 6 * s;

  if (!rifq_pdf_is_empty (letter->signatory_name))
    {
      g_autofree char *text = rifq_pdf_isolate_value (letter->signatory_name);
      g_autoptr(PangoLayout) name = rifq_page_flow_text (&sheet->flow, text, SIZE_SIGNATORY, FALSE, width,
                                                         RIFQ_PAGE_ALIGN_CENTER);

      rifq_page_flow_show (&sheet->flow, name, &rifq_pdf_ink, sheet->flow.left, sheet->flow.y);
      sheet->flow.y += rifq_pdf_layout_height (name);
    }
}

/* Draws the whole page at the flow's scale; returns by how many points the content runs
 * past the bottom margin (zero or less when it fits). */
static double
draw_letter (RifqPageFlow *flow)
{
  Sheet *sheet = flow->data;
  const RifqLetter *letter = sheet->letter;
  double signature_top;
  double seal_end;

  /* The sheet's own flow, at the scale being tried. */
  sheet->flow = *flow;
  sheet->flow.y = sheet->flow.top;
  draw_letterhead (sheet);
  /* Why this print is not sealed, in red, where it cannot be missed. */
  if (!rifq_pdf_is_empty (letter->notice))
    {
      rifq_page_flow_notice (&sheet->flow, letter->notice, SIZE_BODY * 0.85, 10, 6);
      sheet->flow.y += 12 * sheet->flow.scale;
    }
  draw_subject (sheet);
  draw_recipient (sheet);
  draw_body (sheet);
  signature_top = sheet->flow.y + 24 * sheet->flow.scale;
  draw_signature_block (sheet);
  /* The seal at the far end of the signature's line. */
  seal_end = signature_top;
  if (sheet->qr != NULL)
    seal_end = rifq_page_flow_seal (&sheet->flow, sheet->qr,
                                    rifq_pdf_is_empty (letter->seal.short_code) ? NULL : letter->seal.short_code,
                                    sheet->flow.right - rifq_page_flow_seal_width (&sheet->flow), signature_top);
  sheet->flow.y = MAX (sheet->flow.y, seal_end);

  return sheet->flow.y - sheet->flow.foot;
}

gboolean
rifq_letter_pdf_write (const RifqLetter  *letter,
                       const char        *path,
                       GError           **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autofree char *title = NULL;
  g_autoptr(QRcode) qr = NULL;
  cairo_surface_t *surface;
  Sheet sheet = { .letter = letter };
  RifqPageFlow flow;

  g_return_val_if_fail (letter != NULL, FALSE);
  g_return_val_if_fail (letter->request_number != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rifq_page_flow_encode_seal (letter->seal.payload, &qr, error))
    return FALSE;
  sheet.qr = qr;
  rifq_page_flow_init (&flow, NULL, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
  flow.line_spacing = LINE_SPACING;
  flow.digits = letter->digits;
  flow.data = &sheet;
  flow.logo = rifq_pdf_load_png (letter->logo_png, letter->logo_png_len);
  flow.scale = rifq_page_flow_fitting_scale (&flow, draw_letter);

  /* Drawn in memory and then saved in one go: a failed write never leaves half a letter. */
  data = g_byte_array_new ();
  title = g_strdup_printf ("%s %s", _("Decision letter"),
                           rifq_pdf_is_empty (letter->letter_number) ? letter->request_number : letter->letter_number);
  surface = rifq_pdf_document_new (data, title, letter->association_name);
  rifq_pdf_set_sealed_keywords (surface, letter->seal.payload, letter->seal.sealed_json);

  rifq_page_flow_draw_on (&flow, surface, draw_letter);
  g_clear_pointer (&flow.logo, cairo_surface_destroy);

  return rifq_pdf_document_save_sealed (surface, data, letter->seal.file, letter->seal.file_data, path,
                                        _("The letter could not be drawn: "), _("The letter could not be saved: "),
                                        error);
}
