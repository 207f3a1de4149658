/* rifq-request-pdf.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "rifq-pdf.h"
#include "rifq-signature.h"

G_BEGIN_DECLS

/* One line of a section's table: what is asked, and the answer as it should be printed. */
typedef struct
{
  const char *label;   /* "الهوية الوطنية / الإقامة" */
  const char *value;   /* "1000000008 — سارية حتى ١٥ ربيع الأول ١٤٥٠ هـ", already formatted; NULL or "" prints a dash */
} RifqSheetRow;

/* The signed support request as the research committee reads it. Every text arrives ready to
 * print, in the interface language; the sheet itself only writes its headings and fixed labels.
 * Row arrays end with a row whose label is NULL; a NULL array leaves its section out. */
typedef struct
{
  const char          *association_name;  /* "جمعية رحماء لرعاية كبار السن" */
  const guchar        *logo_png;          /* PNG bytes, or NULL for none */
  gsize                logo_png_len;
  const char          *title;             /* "طلب دعم مستفيد" */
  const char          *request_number;    /* "1448/000123" */
  const char          *dates_line;        /* "تاريخ التقديم: … هـ — … م" */
  const RifqSheetRow  *beneficiary;       /* name, ID, birth date, mobile, city and district, living situation */
  const RifqSheetRow  *household;         /* household size, monthly income, income sources, mobility, health */
  const RifqSheetRow  *support;           /* kind, description, amount, channel, received by and at */
  const RifqSheetRow  *documents;         /* label: the document; value: number — validity as frozen on submission */
  const char          *research_report;   /* the social research and home-visit report, paragraphs split by "\n"; NULL leaves the section out */
  const char          *declaration;       /* the declaration the applicant signed */
  RifqSignature       *signature;         /* drawn into the signature box; NULL leaves the box blank */
  const char          *signed_by_line;    /* "وقّعه: المستفيد", "<caregiver> (<relation>)", "بصمة" */
  const char          *officer_line;      /* "استلمه وأكّده: نورة العتيبي — <date>" */
  RifqPdfSeal          seal;              /* the seal it carries (all NULL for none) */
  const char          *footer;            /* an extra footer line such as the association's address, or NULL */
  const char          *notice;            /* printed in red under the title: why this print is not sealed, or NULL */
} RifqRequestSheet;

/* What rifq_request_pdf_write() stores in the PDF's Keywords ahead of base64 of
 * {"seal": seal.payload, "values": seal.sealed_json}. */
#define RIFQ_REQUEST_PDF_SEALED_PREFIX RIFQ_PDF_SEALED_PREFIX

/* Draws the request, A4 portrait in the interface's direction, onto cr, which should target a
 * PDF surface of A4 pages standing on a blank page. Every page drawn is ended with
 * cairo_show_page(), so the next request of a packet starts on a page of its own. Pages are numbered from
 * first_page_number "of total_pages_or_0"; with 0, the total is first_page_number - 1 plus the
 * pages this request takes. Returns the number of pages drawn.
 * To count a request's pages beforehand, draw it onto a PDF surface that writes nowhere
 * (cairo_pdf_surface_create_for_stream (NULL, …)). */
int      rifq_request_pdf_draw  (cairo_t                *cr,
                                 const RifqRequestSheet *sheet,
                                 int                     first_page_number,
                                 int                     total_pages_or_0);

/* Writes one request as a PDF at path, fonts embedded, the title and number as its title and,
 * when seal.sealed_json is given, RIFQ_REQUEST_PDF_SEALED_PREFIX + base64 (sealed_json) as its
 * keywords (poppler_document_get_keywords() reads them back). A file already at path is replaced
 * only once the whole document is written. On failure the error is in G_IO_ERROR, with a
 * sentence in the interface language. */
gboolean rifq_request_pdf_write (const RifqRequestSheet *sheet,
                                 const char             *path,
                                 GError                **error);

/* Each page of the request drawn apart onto an A4 recording surface, without its footer, for a
 * packet to place once all its pages are counted (one layout instead of two); measure_cr is
 * any context on the PDF surface. Returns the pages (cairo_surface_t, owned by the array). */
GPtrArray *rifq_request_pdf_record      (cairo_t                *measure_cr,
                                         const RifqRequestSheet *sheet);

/* The footer of a recorded page, drawn where the page is placed. */
void       rifq_request_pdf_draw_footer (cairo_t                *cr,
                                         const RifqRequestSheet *sheet,
                                         int                     number,
                                         int                     total);

G_END_DECLS
