/* rifq-receipt-pdf.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rifq-calendar.h"

G_BEGIN_DECLS

/* What the receipt handed to an applicant says when their support request goes to the
 * research committee. Every text arrives ready to print, in the interface language; the
 * receipt itself only writes its fixed labels and the decision period. */
typedef struct
{
  const char        *association_name;      /* "جمعية رحماء لرعاية كبار السن" */
  const char        *request_number;        /* "1448/000123": what the applicant quotes */
  const char        *beneficiary_name;      /* four-part name */
  const char        *national_id;           /* 10 digits */
  const char        *kind;                  /* kind of support */
  const char        *channel;               /* channel the request came through */
  const char        *submitted_on;          /* Hijri beside Gregorian, formatted */
  const char        *expected_on;           /* the date the reply is expected by, same format */
  int                decision_period_days;  /* 14 */
  const char        *officer_name;          /* the desk officer who received it */
  const char        *signed_by;             /* "المستفيد" or "<name> (<relation>)" */
  const char * const *documents;            /* NULL-terminated, one checked document a line */
  const char        *printed_on;            /* same format as submitted_on; NULL: today */
  RifqDigits         digits;                /* digits for the numbers the receipt writes */
} RifqReceipt;

/* Writes the receipt as a one-page A4 PDF at path, in the interface's direction. Long names
 * wrap; when the content would not fit one page, the type shrinks (to 55 % at most) rather
 * than spill onto a second. A file already at path is replaced only once the whole document
 * is written. On failure the error is in G_IO_ERROR, with a sentence in the interface
 * language. */
gboolean rifq_receipt_pdf_write (const RifqReceipt  *receipt,
                                 const char         *path,
                                 GError            **error);

G_END_DECLS
