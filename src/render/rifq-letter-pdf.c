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
#include "rifq-pdf.h"

#define MARGIN_SIDE    56.0
#define MARGIN_TOP     42.0
#define MARGIN_BOTTOM  48.0
#define CONTENT_LEFT   MARGIN_SIDE
#define CONTENT_RIGHT  (RIFQ_PDF_A4_WIDTH - MARGIN_SIDE)
#define CONTENT_WIDTH  (CONTENT_RIGHT - CONTENT_LEFT)


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
#define BOX_PAD_X        14.0
#define BOX_PAD_Y        10.0
#define SIGNATURE_WIDTH 190.0
#define SIGNATURE_SPACE  36.0
#define QR_SIZE         104.0
#define SIZE_CODE         9.5
#define SIZE_CAPTION      8.0

/* Bidi isolates: LRI…PDI keeps a number such as "1448/0007" in its own left-to-right order
 * inside Arabic text. A no-break space and a word joiner keep a date on one line. */
#define LRI  "\xe2\x81\xa6"
#define PDI  "\xe2\x81\xa9"
#define WJ   "\xe2\x81\xa0"
#define NBSP "\xc2\xa0"

static const RifqPdfColour box_fill = { 0.945, 0.945, 0.955 };

typedef struct
{
  cairo_t          *cr;
  const RifqLetter *letter;
  cairo_surface_t  *logo;
  const QRcode     *qr;  /* the seal, or NULL */
  double            scale;
  double            y;  /* top of the next block, in points */
} Sheet;

/* A number quoted inside a sentence, kept whole and left to right. */
static char *
isolated (const char *number)
{
  return g_strconcat (LRI, rifq_pdf_is_empty (number) ? "—" : number, PDI, NULL);
}

static PangoLayout *
text_layout (Sheet      *sheet,
             const char *text,
             double      size_pt,
             gboolean    bold,
             double      width_pt)
{
  g_autofree char *shown = rifq_pdf_digits (text, sheet->letter->digits);
  PangoLayout *layout;

  layout = rifq_pdf_layout_new (sheet->cr, NULL, size_pt * sheet->scale, bold, rifq_pdf_rtl (), width_pt);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_text (layout, shown, -1);
  return layout;
}

/* Draws a layout with the top of its ink, as rifq_pdf_layout_height() counts it, at y. */
static void
show_layout (Sheet               *sheet,
             PangoLayout         *layout,
             const RifqPdfColour *colour,
             double               x,
             double               y)
{
  rifq_pdf_set_colour (sheet->cr, colour);
  cairo_move_to (sheet->cr, x, y - rifq_pdf_layout_ink_top (layout));
  rifq_pdf_show_layout (sheet->cr, layout);
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
      g_autofree char *joined = g_strjoinv (NBSP, words);
      g_auto(GStrv) hyphenated = g_strsplit (joined, "-", -1);

      g_free (parts[i]);
      parts[i] = g_strjoinv ("-" WJ, hyphenated);
    }
  return g_strjoinv (" — ", parts);
}

/* The logo and the association at the reading edge, the number and date at the other, a
 * double rule under both and the association's address under that. */
static void
draw_letterhead (Sheet *sheet)
{
  const RifqLetter *letter = sheet->letter;
  const double s = sheet->scale;
  const double logo_size = LOGO_SIZE * s;
  const double reference_max = CONTENT_WIDTH * 0.5;
  g_autofree char *number_value = isolated (letter->letter_number);
  g_autofree char *date_value = keep_date_parts_whole (rifq_pdf_is_empty (letter->date_line) ? "—"
                                                                                          : letter->date_line);
  /* Translators: the outgoing letter's number in the association's register, "الرقم: %s". */
  g_autofree char *number_text = g_strdup_printf (_("Number: %s"), number_value);
  /* Translators: the letter's date, Hijri beside Gregorian, "التاريخ: %s". */
  g_autofree char *date_text = g_strdup_printf (_("Date: %s"), date_value);
  g_autoptr(PangoLayout) number = text_layout (sheet, number_text, SIZE_REFERENCE, FALSE, reference_max);
  g_autoptr(PangoLayout) date = text_layout (sheet, date_text, SIZE_REFERENCE, FALSE, reference_max);
  g_autoptr(PangoLayout) association = NULL;
  double top = sheet->y;
  double reference_width;
  double reference_height;
  double name_right = CONTENT_RIGHT;
  double name_width;
  double band_height;

  /* The reference block is as wide as its longer line; its lines share a right edge. */
  reference_width = MAX (rifq_pdf_layout_natural_width (number), rifq_pdf_layout_natural_width (date)) + 1;
  pango_layout_set_width (number, (int) (reference_width * PANGO_SCALE));
  pango_layout_set_width (date, (int) (reference_width * PANGO_SCALE));
  reference_height = rifq_pdf_layout_height (number) + 6 * s + rifq_pdf_layout_height (date);

  if (sheet->logo != NULL)
    name_right -= logo_size + 12 * s;
  name_width = name_right - CONTENT_LEFT - reference_width - 24 * s;

  band_height = reference_height;
  if (!rifq_pdf_is_empty (letter->association_name))
    {
      association = text_layout (sheet, letter->association_name, SIZE_ASSOCIATION, TRUE, name_width);
      band_height = MAX (band_height, rifq_pdf_layout_height (association));
    }
  if (sheet->logo != NULL)
    {
      band_height = MAX (band_height, logo_size);
      rifq_pdf_draw_logo (sheet->cr, sheet->logo, logo_size, CONTENT_RIGHT, top + (band_height - logo_size) / 2);
    }
  if (association != NULL)
    show_layout (sheet, association, &rifq_pdf_ink, name_right - name_width,
                 top + (band_height - rifq_pdf_layout_height (association)) / 2);

  {
    double y = top + (band_height - reference_height) / 2;

    show_layout (sheet, number, &rifq_pdf_ink, CONTENT_LEFT, y);
    show_layout (sheet, date, &rifq_pdf_ink, CONTENT_LEFT, y + rifq_pdf_layout_height (number) + 6 * s);
  }

  sheet->y = top + band_height + 10 * s;
  rifq_pdf_horizontal_line (sheet->cr, &rifq_pdf_ink, 0.9, CONTENT_LEFT, CONTENT_RIGHT, sheet->y);
  rifq_pdf_horizontal_line (sheet->cr, &rifq_pdf_ink, 0.35, CONTENT_LEFT, CONTENT_RIGHT, sheet->y + 2.2 * s);
  sheet->y += 8 * s;

  if (!rifq_pdf_is_empty (letter->letterhead_line))
    {
      g_autofree char *text = rifq_pdf_isolate_numbers (letter->letterhead_line);
      g_autoptr(PangoLayout) letterhead = text_layout (sheet, text, SIZE_LETTERHEAD, FALSE, CONTENT_WIDTH);

      pango_layout_set_alignment (letterhead, PANGO_ALIGN_CENTER);
      show_layout (sheet, letterhead, &rifq_pdf_muted, CONTENT_LEFT, sheet->y);
      sheet->y += rifq_pdf_layout_height (letterhead);
    }
  sheet->y += 24 * s;
}

/* The body */

static void
draw_paragraph (Sheet        *sheet,
                const char   *text,
                double        size_pt,
                gboolean      bold,
                PangoAlignment alignment,
                double        gap_after)
{
  g_autofree char *isolated_text = rifq_pdf_isolate_numbers (text);
  g_autoptr(PangoLayout) layout = text_layout (sheet, isolated_text, size_pt, bold, CONTENT_WIDTH);

  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_justify (layout, alignment == rifq_pdf_align_start ());
  show_layout (sheet, layout, &rifq_pdf_ink, CONTENT_LEFT, sheet->y);
  sheet->y += rifq_pdf_layout_height (layout) + gap_after * sheet->scale;
}

static void
draw_subject (Sheet *sheet)
{
  const double s = sheet->scale;
  g_autoptr(PangoLayout) layout = NULL;
  double width;
  double x;

  layout = text_layout (sheet, _("Subject: the research committee’s decision on your support request"),
                        SIZE_SUBJECT, TRUE, CONTENT_WIDTH);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  show_layout (sheet, layout, &rifq_pdf_ink, CONTENT_LEFT, sheet->y);

  /* Underlined, as a subject line is on a typed letter. */
  width = MIN (rifq_pdf_layout_natural_width (layout), CONTENT_WIDTH);
  x = CONTENT_LEFT + (CONTENT_WIDTH - width) / 2;
  sheet->y += rifq_pdf_layout_height (layout) + 3 * s;
  rifq_pdf_horizontal_line (sheet->cr, &rifq_pdf_ink, 0.6, x, x + width, sheet->y);
  sheet->y += 22 * s;
}

static void
draw_recipient (Sheet *sheet)
{
  const RifqLetter *letter = sheet->letter;
  const double s = sheet->scale;
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
  draw_paragraph (sheet, salutation, SIZE_RECIPIENT, TRUE, rifq_pdf_align_start (), 4);

  if (!rifq_pdf_is_empty (letter->national_id))
    {
      g_autofree char *id = isolated (letter->national_id);
      g_autofree char *id_text = g_strdup_printf (_("National ID: %s"), id);
      g_autoptr(PangoLayout) layout = text_layout (sheet, id_text, SIZE_REFERENCE, FALSE, CONTENT_WIDTH);

      show_layout (sheet, layout, &rifq_pdf_muted, CONTENT_LEFT, sheet->y);
      sheet->y += rifq_pdf_layout_height (layout);
    }
  sheet->y += 16 * s;

  draw_paragraph (sheet, _("Greetings,"), SIZE_BODY, FALSE, rifq_pdf_align_start (), PARAGRAPH_GAP);
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
  const double s = sheet->scale;
  const double pad_x = BOX_PAD_X * s;
  const double pad_y = BOX_PAD_Y * s;
  g_autofree char *text = rifq_pdf_isolate_value (sheet->letter->reasons);
  g_autoptr(PangoLayout) layout = text_layout (sheet, text, SIZE_BODY, FALSE, CONTENT_WIDTH - 2 * pad_x);
  double height;

  pango_layout_set_justify (layout, TRUE);
  height = rifq_pdf_layout_height (layout) + 2 * pad_y;

  rifq_pdf_rounded_rectangle (sheet->cr, CONTENT_LEFT, sheet->y, CONTENT_WIDTH, height, 6 * s);
  rifq_pdf_set_colour (sheet->cr, &box_fill);
  cairo_fill_preserve (sheet->cr);
  rifq_pdf_set_colour (sheet->cr, &rifq_pdf_rule);
  cairo_set_line_width (sheet->cr, 0.7);
  cairo_stroke (sheet->cr);
  rifq_pdf_set_colour (sheet->cr, &rifq_pdf_ink);
  cairo_rectangle (sheet->cr, CONTENT_RIGHT - 4 * s, sheet->y + 6 * s, 2.5 * s, height - 12 * s);
  cairo_fill (sheet->cr);

  show_layout (sheet, layout, &rifq_pdf_ink, CONTENT_LEFT + pad_x, sheet->y + pad_y);
  sheet->y += height + 1.6 * PARAGRAPH_GAP * s;
}

static void
draw_body (Sheet *sheet)
{
  const RifqLetter *letter = sheet->letter;
  g_autofree char *sentence = decision_sentence (letter);

  draw_paragraph (sheet, sentence, SIZE_BODY, FALSE, rifq_pdf_align_start (), PARAGRAPH_GAP);

  if (letter->letter_kind == RIFQ_LETTER_ACCEPTANCE && !rifq_pdf_is_empty (letter->amount))
    {
      /* Translators: %s is the amount, formatted with its currency: "١٬٥٠٠ ريال". */
      g_autofree char *amount = g_strdup_printf (_("The amount approved is %s."), letter->amount);

      draw_paragraph (sheet, amount, SIZE_BODY, TRUE, rifq_pdf_align_start (), PARAGRAPH_GAP);
    }

  if (!rifq_pdf_is_empty (letter->reasons))
    {
      if (letter->letter_kind == RIFQ_LETTER_ACCEPTANCE)
        draw_paragraph (sheet, _("The committee based its decision on the following:"), SIZE_BODY, FALSE,
                        rifq_pdf_align_start (), PARAGRAPH_GAP * 0.6);
      draw_reasons (sheet);
    }

  if (!rifq_pdf_is_empty (letter->next_step))
    {
      g_autofree char *next_step = rifq_pdf_isolate_value (letter->next_step);

      draw_paragraph (sheet, next_step, SIZE_BODY, FALSE, rifq_pdf_align_start (), PARAGRAPH_GAP);
    }

  sheet->y += 6 * sheet->scale;
  draw_paragraph (sheet, _("With our best regards,"), SIZE_BODY, FALSE, PANGO_ALIGN_CENTER, 0);
}

/* The chair's title, a line to sign on and the name under it, at the end of the line. */
static void
draw_signature_block (Sheet *sheet)
{
  const RifqLetter *letter = sheet->letter;
  const double s = sheet->scale;
  const double width = SIGNATURE_WIDTH * s;

  sheet->y += 24 * s;
  if (!rifq_pdf_is_empty (letter->signatory_title))
    {
      g_autoptr(PangoLayout) title = text_layout (sheet, letter->signatory_title, SIZE_SIGNATORY, TRUE, width);

      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      show_layout (sheet, title, &rifq_pdf_ink, CONTENT_LEFT, sheet->y);
      sheet->y += rifq_pdf_layout_height (title);
    }

  sheet->y += SIGNATURE_SPACE * s;
  cairo_save (sheet->cr);
  cairo_set_dash (sheet->cr, (const double[]) { 1.2, 2.0 }, 2, 0);
  rifq_pdf_horizontal_line (sheet->cr, &rifq_pdf_ink, 0.7, CONTENT_LEFT + 16 * s, CONTENT_LEFT + width - 16 * s,
                            sheet->y);
  cairo_restore (sheet->cr);
  sheet->y += 6 * s;

  if (!rifq_pdf_is_empty (letter->signatory_name))
    {
      g_autofree char *text = rifq_pdf_isolate_value (letter->signatory_name);
      g_autoptr(PangoLayout) name = text_layout (sheet, text, SIZE_SIGNATORY, FALSE, width);

      pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
      show_layout (sheet, name, &rifq_pdf_ink, CONTENT_LEFT, sheet->y);
      sheet->y += rifq_pdf_layout_height (name);
    }
}

/* Why this print is not sealed, in red, where it cannot be missed. */
static void
draw_notice (Sheet *sheet)
{
  const double s = sheet->scale;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (rifq_pdf_is_empty (sheet->letter->notice))
    return;
  text = rifq_pdf_isolate_numbers (sheet->letter->notice);
  layout = text_layout (sheet, text, SIZE_BODY * 0.85, TRUE, CONTENT_WIDTH - 20 * s);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  height = rifq_pdf_layout_height (layout) + 12 * s;
  rifq_pdf_rounded_rectangle (sheet->cr, CONTENT_LEFT, sheet->y, CONTENT_WIDTH, height, 4);
  rifq_pdf_set_colour (sheet->cr, &rifq_pdf_alert);
  cairo_set_line_width (sheet->cr, 1.4);
  cairo_stroke (sheet->cr);
  show_layout (sheet, layout, &rifq_pdf_alert, CONTENT_LEFT + 10 * s, sheet->y + 6 * s);
  sheet->y += height + 12 * s;
}

/* The seal at the far end of the signature's line: the QR code, its short code, how to check it.
 * Returns where it ends. */
static double
draw_seal (Sheet  *sheet,
           double  top)
{
  const double s = sheet->scale;
  const double size = QR_SIZE * s;
  const double column = size + 40 * s;
  const double left = CONTENT_RIGHT - column;
  double y = top;

  if (sheet->qr == NULL)
    return top;
  rifq_pdf_draw_qr (sheet->cr, sheet->qr, left + (column - size) / 2, y, size);
  y += size + 3 * s;
  if (!rifq_pdf_is_empty (sheet->letter->seal_short_code))
    {
      /* In Western digits whatever the letter's: it is typed as printed. */
      g_autofree char *code = g_strconcat (LRI, sheet->letter->seal_short_code, PDI, NULL);
      g_autoptr(PangoLayout) layout = rifq_pdf_layout_new (sheet->cr, NULL, SIZE_CODE * s, TRUE, rifq_pdf_rtl (),
                                                           column);

      pango_layout_set_text (layout, code, -1);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      show_layout (sheet, layout, &rifq_pdf_ink, left, y);
      y += rifq_pdf_layout_height (layout) + 2 * s;
    }
  {
    g_autoptr(PangoLayout) caption = text_layout (sheet, _("Seal of the association"), SIZE_CAPTION, FALSE, column);

    pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
    show_layout (sheet, caption, &rifq_pdf_muted, left, y);
    y += rifq_pdf_layout_height (caption);
  }
  return y;
}

/* Draws the whole page at the given scale; returns by how many points the content runs
 * past the bottom margin (zero or less when it fits). */
static double
draw_letter (cairo_t          *cr,
             const RifqLetter *letter,
             cairo_surface_t  *logo,
             const QRcode     *qr,
             double            scale)
{
  Sheet sheet = { cr, letter, logo, qr, scale, MARGIN_TOP };
  double signature_top;
  double seal_end;

  draw_letterhead (&sheet);
  draw_notice (&sheet);
  draw_subject (&sheet);
  draw_recipient (&sheet);
  draw_body (&sheet);
  signature_top = sheet.y + 24 * scale;
  draw_signature_block (&sheet);
  seal_end = draw_seal (&sheet, signature_top);
  sheet.y = MAX (sheet.y, seal_end);

  return sheet.y - (RIFQ_PDF_A4_HEIGHT - MARGIN_BOTTOM);
}

typedef struct
{
  const RifqLetter *letter;
  cairo_surface_t  *logo;
  const QRcode     *qr;
} Fitting;

static double
letter_overflow (cairo_t  *cr,
                 double    scale,
                 gpointer  user_data)
{
  Fitting *fitting = user_data;

  return draw_letter (cr, fitting->letter, fitting->logo, fitting->qr, scale);
}

gboolean
rifq_letter_pdf_write (const RifqLetter  *letter,
                       const char        *path,
                       GError           **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autofree char *title = NULL;
  g_autoptr(QRcode) qr = NULL;
  cairo_surface_t *logo;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale;

  g_return_val_if_fail (letter != NULL, FALSE);
  g_return_val_if_fail (letter->request_number != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rifq_pdf_is_empty (letter->seal_payload))
    {
      qr = QRcode_encodeString (letter->seal_payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
      if (qr == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The seal is too long to print as a QR code."));
          return FALSE;
        }
    }
  logo = rifq_pdf_load_png (letter->logo_png, letter->logo_png_len);
  scale = rifq_pdf_fitting_scale (letter_overflow, &(Fitting) { letter, logo, qr });

  /* Drawn in memory and then saved in one go: a failed write never leaves half a letter. */
  data = g_byte_array_new ();
  title = g_strdup_printf ("%s %s", _("Decision letter"),
                           rifq_pdf_is_empty (letter->letter_number) ? letter->request_number : letter->letter_number);
  surface = rifq_pdf_document_new (data, title, letter->association_name);
  rifq_pdf_set_sealed_keywords (surface, letter->seal_payload, letter->sealed_json);

  cr = cairo_create (surface);
  rifq_pdf_mirror_page (cr);
  draw_letter (cr, letter, logo, qr, scale);
  cairo_destroy (cr);
  g_clear_pointer (&logo, cairo_surface_destroy);

  return rifq_pdf_document_save_sealed (surface, data, letter->seal_file, letter->seal_file_data, path,
                                        _("The letter could not be drawn: "), _("The letter could not be saved: "),
                                        error);
}
