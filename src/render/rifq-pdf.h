/* rifq-pdf.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <qrencode.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "rifq-calendar.h"

G_BEGIN_DECLS

/* A4 in PostScript points, the page every Rifq document is printed on. */
#define RIFQ_PDF_A4_WIDTH   595.276
#define RIFQ_PDF_A4_HEIGHT  841.890

/* Bidi marks: LRI…PDI keeps a number such as "1448/000123" in its own left-to-right order
 * inside Arabic text, FSI…PDI a value in its own direction; a word joiner and a no-break space
 * keep a run on one line. */
#define RIFQ_PDF_LRI  "\xe2\x81\xa6"
#define RIFQ_PDF_FSI  "\xe2\x81\xa8"
#define RIFQ_PDF_PDI  "\xe2\x81\xa9"
#define RIFQ_PDF_WJ   "\xe2\x81\xa0"
#define RIFQ_PDF_NBSP "\xc2\xa0"

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

/* How a piece of text is set: everything about its layout but the text. */
typedef struct
{
  const char     *family;        /* NULL for RIFQ_PDF_FONT_FAMILY */
  double          size_pt;
  gboolean        bold;
  gboolean        rtl;
  double          width_pt;
  PangoAlignment  alignment;
  gboolean        justify;
  double          line_spacing;  /* factor of the line box; 0 for pango's own spacing */
} RifqPdfTextStyle;

/* A laid-out layout of text in style, for drawing on cr; the caller owns the reference.
 * The same texts head every request of a packet (labels, headings, the declaration), and
 * shaping Arabic is most of a document's cost: each thread keeps the layouts it made lately
 * and hands out the one it has for the same text, style and font options. A layout from here
 * is shared, so it is read and drawn, never changed. */
PangoLayout *rifq_pdf_layout_shared (cairo_t                *cr,
                                     const RifqPdfTextStyle *style,
                                     const char             *text);

/* Lets go of the layouts this thread keeps (after a packet, whose cases' texts go with it). */
void         rifq_pdf_layout_shared_clear (void);

/* Documents read in the interface language's direction. Their pages are drawn as an Arabic
 * document is laid out, the reading edge on the right; for a language read left to right,
 * rifq_pdf_mirror_page() turns the page over, and what is drawn through rifq_pdf_show_layout(),
 * rifq_pdf_show_lines(), rifq_pdf_draw_text(), rifq_pdf_draw_heading() and rifq_pdf_draw_logo()
 * is turned back so that it reads. Text is set with rifq_pdf_rtl() as its direction, from the
 * reading edge with rifq_pdf_align_start() and towards the far edge with rifq_pdf_align_end(). */
gboolean        rifq_pdf_rtl           (void);
PangoAlignment  rifq_pdf_align_start   (void);
PangoAlignment  rifq_pdf_align_end     (void);

/* Turns cr's page over for a document read left to right; nothing for one read right to left.
 * Called once on a context, before anything is drawn. */
void            rifq_pdf_mirror_page   (cairo_t    *cr);

/* On a page turned over, turns the box from x to x + width back, so that a picture drawn in it
 * (a QR code, a signature) is not mirrored. Between cairo_save() and cairo_restore(). */
void            rifq_pdf_unmirror      (cairo_t    *cr,
                                        double      x,
                                        double      width);

/* Draws layout with its top-left corner at the current point, in the current source, so that
 * the text copied from the PDF is the text drawn: glyphs written in the order they stand,
 * gaps inside words narrower than text extraction takes for a space, harakat drawn but not
 * part of the text. Every document draws its text through here. */
void            rifq_pdf_show_layout   (cairo_t     *cr,
                                        PangoLayout *layout);

/* Tests: from begin to end, the text of each line the documents draw (not the trials of
 * rifq_pdf_fitting_scale()) is kept, in the order drawn, and returned by end. */
void            rifq_pdf_record_text_begin (void);
GStrv           rifq_pdf_record_text_end   (void);

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

/* Amiri's line box is 2.34 em tall, for its stacked marks; the ink of a line lies within
 * RIFQ_PDF_INK_ABOVE em above the baseline and RIFQ_PDF_INK_BELOW em below it. */
#define RIFQ_PDF_INK_ABOVE 1.1
#define RIFQ_PDF_INK_BELOW 0.55

typedef struct
{
  double r, g, b;
} RifqPdfColour;

/* The palette every document shares: text, quieter text, rules, table borders and fills. */
extern const RifqPdfColour rifq_pdf_ink;
extern const RifqPdfColour rifq_pdf_muted;
extern const RifqPdfColour rifq_pdf_rule;
extern const RifqPdfColour rifq_pdf_cell_border;
extern const RifqPdfColour rifq_pdf_label_fill;
extern const RifqPdfColour rifq_pdf_band_fill;
extern const RifqPdfColour rifq_pdf_alert;

/* Makes colour the source that cr paints and strokes with. */
void             rifq_pdf_set_colour             (cairo_t             *cr,
                                                  const RifqPdfColour *colour);

/* TRUE when text is NULL or "". */
gboolean         rifq_pdf_is_empty               (const char          *text);

/* A copy of text with runs such as "1448/0007" or "+966 11 476 5500" in LRI…PDI, kept from turning round. */
char            *rifq_pdf_isolate_numbers        (const char          *text);

/* As rifq_pdf_isolate_numbers(), but only digits joined by separators: phone numbers are left as they are. */
char            *rifq_pdf_isolate_joined_numbers (const char          *text);

/* A value set into a document (a name, a place, a person's words): kept in its own direction
 * inside the document's, a line at a time (FSI…PDI), with its numbers whole as
 * rifq_pdf_isolate_joined_numbers() keeps them. "" for NULL. */
char            *rifq_pdf_isolate_value          (const char          *text);

/* A copy of text with every digit, Western or Arabic-Indic, written in digits: a document
 * writes all its numbers (amounts, IDs, mobiles, dates, request numbers) one way. */
char            *rifq_pdf_digits                 (const char          *text,
                                                  RifqDigits           digits);

/* The size of the layout's font, in points. */
double           rifq_pdf_layout_font_size       (PangoLayout         *layout);

/* Baseline of line i, from the layout's top. */
double           rifq_pdf_line_baseline          (PangoLayout         *layout,
                                                  int                  i);

/* Height of lines first to last - 1 as they print: from the ink's top on the first to its foot on the last. */
double           rifq_pdf_lines_height           (PangoLayout         *layout,
                                                  int                  first,
                                                  int                  last);

/* Offset from a layout's top to where its ink begins. */
double           rifq_pdf_layout_ink_top         (PangoLayout         *layout);

/* Height of the whole layout as it prints, from its ink's top to its foot. */
double           rifq_pdf_layout_height          (PangoLayout         *layout);

/* Width of the text's longest line, not of the box it was given. */
double           rifq_pdf_layout_natural_width   (PangoLayout         *layout);

/* The end of the run of lines, from line first on, that fits into height points; at least one line. */
int              rifq_pdf_lines_fitting          (PangoLayout         *layout,
                                                  int                  first,
                                                  double               height);

/* Draws lines first to last - 1 of a layout in the current source, the top of their ink at y. */
void             rifq_pdf_show_lines             (cairo_t             *cr,
                                                  PangoLayout         *layout,
                                                  int                  first,
                                                  int                  last,
                                                  double               x,
                                                  double               y);

/* Adds a rectangle with corners rounded by radius to the path, as a sub-path of its own. */
void             rifq_pdf_rounded_rectangle      (cairo_t             *cr,
                                                  double               x,
                                                  double               y,
                                                  double               width,
                                                  double               height,
                                                  double               radius);

/* Strokes a line from x0 to x1 at height y in colour, line_width thick. */
void             rifq_pdf_horizontal_line        (cairo_t             *cr,
                                                  const RifqPdfColour *colour,
                                                  double               line_width,
                                                  double               x0,
                                                  double               x1,
                                                  double               y);

/* A section's heading, "(continued)" after it on the pages that carry the section on: bold, from
 * the reading edge, in a band width points wide. Shared (see rifq_pdf_layout_shared()). */
PangoLayout     *rifq_pdf_heading_layout         (cairo_t             *cr,
                                                  const char          *heading,
                                                  gboolean             continued,
                                                  double               width);

/* The room a heading takes on the page, with the gap under it. */
double           rifq_pdf_heading_height         (PangoLayout         *layout);

/* The heading in a shaded band with a bar at the reading edge, its top at y. */
void             rifq_pdf_draw_heading           (cairo_t             *cr,
                                                  PangoLayout         *layout,
                                                  double               x,
                                                  double               y,
                                                  double               width);

/* Draws a one-page document at scale onto cr and returns how far it runs over its page
 * (<= 0 when it fits). */
typedef double (*RifqPdfOverflowFunc) (cairo_t  *cr,
                                       double    scale,
                                       gpointer  user_data);

/* The largest scale, from 1 down by steps of 0.05, at which a one-page document fits its page;
 * never below 0.55, where the text would no longer be legible to the people it is for. Measured
 * on a PDF surface that writes nowhere: its font metrics are those of the real one. */
double           rifq_pdf_fitting_scale          (RifqPdfOverflowFunc  overflow,
                                                  gpointer             user_data);

/* An image surface read from PNG bytes, or NULL when there are none or they are damaged. */
cairo_surface_t *rifq_pdf_load_png               (const guchar        *png,
                                                  gsize                png_len);

/* Paints image scaled into a square size points wide, its right edge at right, centred down from top. */
void             rifq_pdf_draw_logo              (cairo_t             *cr,
                                                  cairo_surface_t     *image,
                                                  double               size,
                                                  double               right,
                                                  double               top);

/* An A4 PDF surface drawing into data, with its title and author (either may be NULL) and Rifq
 * as its creator. Drawn in memory and saved in one go by rifq_pdf_document_save(): a failed
 * write never leaves half a document. */
cairo_surface_t *rifq_pdf_document_new           (GByteArray          *data,
                                                  const char          *title,
                                                  const char          *author);

/* Finishes and frees surface, then writes data to path with rifq_file_save_private(): readable
 * by its owner only, replacing a file there only once all is written, never over the database.
 * On failure the error begins with drawn_prefix or saved_prefix, sentences in the interface
 * language such as "The letter could not be drawn: ". */
gboolean         rifq_pdf_document_save          (cairo_surface_t     *surface,
                                                  GByteArray          *data,
                                                  const char          *path,
                                                  const char          *drawn_prefix,
                                                  const char          *saved_prefix,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

/* What a sealed document's Keywords hold ahead of base64 of {"seal": payload, "values": values}. */
#define RIFQ_PDF_SEALED_PREFIX "rifq-sealed2:"

/* Carries a seal and the values it was made over in the document's keywords (both given), for
 * a verifier to read back. */
void             rifq_pdf_set_sealed_keywords    (cairo_surface_t     *surface,
                                                  const char          *payload,
                                                  const char          *values);

/* A QR code of size points (its quiet zone of four modules inside) with its top left corner at
 * x, y, on white, read the right way round on a mirrored page too. */
void             rifq_pdf_draw_qr                (cairo_t             *cr,
                                                  const QRcode        *qr,
                                                  double               x,
                                                  double               y,
                                                  double               size);

/* Seals a finished document's bytes (rifq_seal_file_append appends the file seal). */
typedef gboolean (*RifqPdfSealFunc) (GByteArray *pdf,
                                     gpointer    user_data,
                                     GError    **error);

/* A RifqPdfSealFunc that appends the file seal signed by user_data, a RifqSealSigner. */
gboolean         rifq_pdf_seal_with_signer       (GByteArray          *pdf,
                                                  gpointer             user_data,
                                                  GError             **error);

/* The seal a document carries, each member NULL for none. */
typedef struct
{
  const char      *payload;      /* the text the QR code carries (RIFQ2.…) */
  const char      *short_code;   /* "7K2Q-M9XA-3PLD", printed under the QR code */
  const char      *sealed_json;  /* the sealed values (canonical JSON), for the PDF's keywords */
  RifqPdfSealFunc  file;         /* seals the finished file's bytes, or NULL to leave it unsealed */
  gpointer         file_data;
} RifqPdfSeal;

/* As rifq_pdf_document_save(), sealing the bytes with seal_func (when not NULL) before they
 * are written. */
gboolean         rifq_pdf_document_save_sealed   (cairo_surface_t     *surface,
                                                  GByteArray          *data,
                                                  RifqPdfSealFunc      seal_func,
                                                  gpointer             seal_data,
                                                  const char          *path,
                                                  const char          *drawn_prefix,
                                                  const char          *saved_prefix,
                                                  GError             **error);

/* A cairo_write_func_t that appends the data to the GByteArray in closure. */
cairo_status_t   rifq_pdf_append_to_bytes        (void                *closure,
                                                  const unsigned char *data,
                                                  unsigned int         length);

G_END_DECLS
