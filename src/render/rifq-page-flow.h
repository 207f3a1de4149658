/* rifq-page-flow.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-pdf.h"

G_BEGIN_DECLS

/* How the documents' text runs down their A4 pages: the content's box inside the margins, the
 * type, and for documents of many pages the breaks between them (sections whose heading goes
 * with what follows it, "(continued)" headings, footers counting the pages). A renderer says
 * what goes on the page; the flow says where. */
typedef struct _RifqPageFlow RifqPageFlow;

/* Draws the footer of page number (nothing when flow->dry) and returns the room it takes above
 * the bottom margin. */
typedef double (*RifqPageFooterFunc) (RifqPageFlow *flow,
                                      int           number);

/* Draws what a new page carries on from the last, under its "(continued)" heading. */
typedef void   (*RifqPageCarryFunc)  (RifqPageFlow *flow,
                                      gpointer      data);

/* Draws a one-page document with flow->cr at flow->scale and returns how far it runs past
 * where it must end (<= 0 when it fits). */
typedef double (*RifqPageDrawFunc)   (RifqPageFlow *flow);

struct _RifqPageFlow
{
  /* The page: content from left to right, from top down to foot (the bottom margin's edge). */
  cairo_t            *cr;
  double              left;
  double              right;
  double              width;
  double              top;
  double              foot;

  /* The type: sizes and gaps at scale, digits written one way, lines line_spacing of a box
   * apart (0 for pango's own); blocks measured by their ink, or by their line boxes. */
  double              scale;
  double              line_spacing;
  RifqDigits          digits;
  gboolean            by_ink;
  double              section_gap;

  /* The renderer's own, for its callbacks, and the association's logo (or NULL). */
  gpointer            data;
  cairo_surface_t    *logo;
  RifqPageFooterFunc  footer;

  /* Pages under way. */
  gboolean            dry;          /* measuring only: nothing reaches the page */
  int                 first_page;
  int                 total_pages;
  int                 pages;        /* pages begun */
  double              y;            /* top of the next block */
  double              page_top;     /* where content starts on this page */
  double              bottom;       /* lowest point content may reach on a page */
  double              capacity;     /* room on a page under a "(continued)" heading */
  const char         *section;      /* heading of the section under way, for "(continued)" */
  RifqPageCarryFunc   carry;        /* with carry_data: what a new page of the section repeats */
  gpointer            carry_data;
  GPtrArray          *recordings;   /* when set, each page is recorded apart, without its footer */
  cairo_t            *measure_cr;   /* the caller's context, between recorded pages */
};

void         rifq_page_flow_init          (RifqPageFlow        *flow,
                                           cairo_t             *cr,
                                           double               margin_side,
                                           double               margin_top,
                                           double               margin_bottom);

/* Text */

/* Where text stands across its box: from the document's reading edge, from the far edge,
 * centred, or justified from the reading edge. */
typedef enum
{
  RIFQ_PAGE_ALIGN_START,
  RIFQ_PAGE_ALIGN_END,
  RIFQ_PAGE_ALIGN_CENTER,
  RIFQ_PAGE_ALIGN_JUSTIFY,
} RifqPageAlign;

/* Text in the flow's digits, type and line spacing. Shared (see rifq_pdf_layout_shared()):
 * read and drawn, never changed. */
PangoLayout *rifq_page_flow_text          (RifqPageFlow        *flow,
                                           const char          *text,
                                           double               size_pt,
                                           gboolean             bold,
                                           double               width_pt,
                                           RifqPageAlign        align);

/* A layout of the flow's type without its text, to be given it (markup, spacing) by the caller. */
PangoLayout *rifq_page_flow_text_new      (RifqPageFlow        *flow,
                                           double               size_pt,
                                           gboolean             bold,
                                           double               width_pt);

double       rifq_page_flow_height        (RifqPageFlow        *flow,
                                           PangoLayout         *layout);

/* The first baseline, from the top of the layout as the flow measures it. */
double       rifq_page_flow_baseline      (RifqPageFlow        *flow,
                                           PangoLayout         *layout);

/* Drawing: nothing when the flow is dry. */

/* A line of text centred across the content, in colour; the flow goes on gap_after under it. */
void         rifq_page_flow_centred       (RifqPageFlow        *flow,
                                           const char          *text,
                                           double               size_pt,
                                           gboolean             bold,
                                           const RifqPdfColour *colour,
                                           double               gap_after);

/* Draws a layout in colour with its top, as rifq_page_flow_height() counts it, at y. */
void         rifq_page_flow_show          (RifqPageFlow        *flow,
                                           PangoLayout         *layout,
                                           const RifqPdfColour *colour,
                                           double               x,
                                           double               y);

void         rifq_page_flow_show_lines    (RifqPageFlow        *flow,
                                           PangoLayout         *layout,
                                           int                  first,
                                           int                  last,
                                           const RifqPdfColour *colour,
                                           double               x,
                                           double               y);

void         rifq_page_flow_rule          (RifqPageFlow        *flow,
                                           const RifqPdfColour *colour,
                                           double               line_width,
                                           double               x0,
                                           double               x1,
                                           double               y);

/* A rule line_width thick across the content at y, and one dashed for signing on. */
void         rifq_page_flow_double_rule   (RifqPageFlow        *flow,
                                           double               y,
                                           double               heavy,
                                           double               light,
                                           double               gap);
void         rifq_page_flow_sign_line     (RifqPageFlow        *flow,
                                           double               x0,
                                           double               x1,
                                           double               y);

/* A shaded box across the content with a bar at its reading edge, for text set apart (a
 * decision, reasons): its padding, corners and the bar's inset, at the flow's scale, and the
 * width of its outline. */
typedef struct
{
  double pad_x;
  double pad_y;
  double radius;
  double inset;
  double line_width;
} RifqPageBox;

void         rifq_page_flow_box           (RifqPageFlow        *flow,
                                           const RifqPageBox   *box,
                                           double               y,
                                           double               height);

/* flow->logo at the reading edge, logo_size wide, and the association's name beside it,
 * centred down a band that also holds, at the far end, a block beside_height tall and
 * beside_width wide with the gap to the name; returns the band's height. */
double       rifq_page_flow_letterhead    (RifqPageFlow        *flow,
                                           double               logo_size,
                                           const char          *association,
                                           double               size_pt,
                                           double               beside_width,
                                           double               beside_height);

/* Why a print is not sealed, in red in a box across the content, pad_x and pad_y inside it;
 * the flow goes on under it. */
void         rifq_page_flow_notice        (RifqPageFlow        *flow,
                                           const char          *notice,
                                           double               size_pt,
                                           double               pad_x,
                                           double               pad_y);

/* The seal in a column from x: the QR code, code under it when not NULL, what it is; its
 * height, and drawn from top returning where it ends. */
double       rifq_page_flow_seal_height   (RifqPageFlow        *flow,
                                           const char          *code);
double       rifq_page_flow_seal          (RifqPageFlow        *flow,
                                           const QRcode        *qr,
                                           const char          *code,
                                           double               x,
                                           double               top);
double       rifq_page_flow_seal_width    (RifqPageFlow        *flow);

/* Pages */

/* Measures the footer, and the room under a "(continued)" heading as long as heading. */
void         rifq_page_flow_measure       (RifqPageFlow        *flow,
                                           const char          *heading);
void         rifq_page_flow_begin_page    (RifqPageFlow        *flow);
void         rifq_page_flow_end_page      (RifqPageFlow        *flow);
void         rifq_page_flow_new_page      (RifqPageFlow        *flow);
gboolean     rifq_page_flow_fits          (RifqPageFlow        *flow,
                                           double               height);
gboolean     rifq_page_flow_page_is_empty (RifqPageFlow        *flow);

/* Moves to a new page unless height fits below, or the page is still empty. */
void         rifq_page_flow_make_room     (RifqPageFlow        *flow,
                                           double               height);

/* "Page 2 of 5" at the reading edge, other at the far end, caption (may be NULL) centred under
 * both, a rule over them; returns the height they take. */
double       rifq_page_flow_footer        (RifqPageFlow        *flow,
                                           int                  number,
                                           const char          *other,
                                           const char          *caption);

/* Sections */

double       rifq_page_flow_heading_height (RifqPageFlow       *flow,
                                            const char         *heading);

/* The heading, with keep_with_heading points of what follows it, on one page; repeated with
 * "(continued)" on the pages the section goes on to. */
void         rifq_page_flow_begin_section (RifqPageFlow        *flow,
                                           const char          *heading,
                                           double               keep_with_heading);
void         rifq_page_flow_end_section   (RifqPageFlow        *flow);

/* A paragraph that breaks between its lines where the page ends, leaving no line alone at
 * either side of the break. */
void         rifq_page_flow_paragraph     (RifqPageFlow        *flow,
                                           PangoLayout         *layout,
                                           const RifqPdfColour *colour,
                                           double               x);

/* A block, in box or not (NULL), that moves to the next page whole when it fits on one, and
 * breaks between its lines when it does not. */
void         rifq_page_flow_block         (RifqPageFlow        *flow,
                                           PangoLayout         *layout,
                                           const RifqPdfColour *colour,
                                           const RifqPageBox   *box);

/* Documents */

/* Draws a document of many pages with paint (given data): first dry, to count the pages for
 * "Page n of m", then on the pages. */
void         rifq_page_flow_paint_counted (RifqPageFlow        *flow,
                                           void               (*paint) (gpointer data),
                                           gpointer             data);

/* The largest scale at which draw fits flow's one page (see rifq_pdf_fitting_scale()). */
double       rifq_page_flow_fitting_scale (RifqPageFlow        *flow,
                                           RifqPageDrawFunc     draw);

/* Draws a one-page document on surface with draw, its page turned for the reading direction. */
void         rifq_page_flow_draw_on       (RifqPageFlow        *flow,
                                           cairo_surface_t     *surface,
                                           RifqPageDrawFunc     draw);

/* The seal's QR code, or NULL without a payload; FALSE when it is too long to print. */
gboolean     rifq_page_flow_encode_seal   (const char          *payload,
                                           QRcode             **qr,
                                           GError             **error);

/* text (NULL for "") in LRI…PDI: kept whole and left to right inside Arabic. */
char        *rifq_page_flow_ltr           (const char          *text);

G_END_DECLS
