/* rifq-letter-pdf.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rifq-calendar.h"
#include "rifq-pdf.h"

G_BEGIN_DECLS

/* What the research committee decided, which sets the letter's wording. */
typedef enum
{
  RIFQ_LETTER_ACCEPTANCE,
  RIFQ_LETTER_REJECTION,
  RIFQ_LETTER_DEFERRAL,
} RifqLetterKind;

/* Whom the letter addresses: "المكرم" a man, "المكرمة" a woman. */
typedef enum
{
  RIFQ_LETTER_TO_PERSON,  /* the beneficiary's sex is not recorded */
  RIFQ_LETTER_TO_MAN,
  RIFQ_LETTER_TO_WOMAN,
} RifqLetterRecipient;

/* The letter that tells an applicant the committee's decision (خطاب القرار). Every text
 * arrives ready to print, in the interface language; the letter itself only writes its fixed
 * wording around them. */
typedef struct
{
  const char     *association_name;  /* "جمعية رحماء لرعاية كبار السن" */
  const guchar   *logo_png;          /* PNG bytes, or NULL for none */
  gsize           logo_png_len;
  const char     *letterhead_line;   /* address and contact line under the association's name, or NULL */
  const char     *letter_number;     /* "1448/0007", from the outgoing letters register */
  const char     *date_line;         /* "٢١ جمادى الآخرة ١٤٤٨ هـ — ١ ديسمبر ٢٠٢٦م" */
  const char     *recipient_name;    /* four-part name */
  RifqLetterRecipient recipient;
  const char     *national_id;       /* or NULL */
  const char     *request_number;    /* "1448/000123" */
  const char     *kind;              /* kind of support, translated */
  RifqLetterKind  letter_kind;
  const char     *amount;            /* formatted ("١٬٥٠٠ ريال"), or NULL */
  const char     *reasons;           /* the committee's reasons; for an acceptance, optional */
  const char     *next_step;         /* a sentence the association adds, or NULL */
  const char     *signatory_name;    /* the chair */
  const char     *signatory_title;   /* "رئيس لجنة البحث" */
  RifqDigits      digits;            /* every number the letter prints, in its wording and in the values */
  RifqPdfSeal     seal;              /* the seal it carries (all NULL for none) */
  const char     *notice;            /* printed in red: why this print is not sealed, or NULL */
} RifqLetter;

/* Writes the letter as a one-page A4 PDF at path, in the interface's direction, on the association's
 * letterhead: number and date, the recipient, the decision with its reasons, and the chair's
 * signature block. When it would not fit one page, the type shrinks (to 55 % at most) rather
 * than spill onto a second. A file already at path is replaced only once the whole document
 * is written. On failure the error is in G_IO_ERROR, with a sentence in the interface
 * language. */
gboolean rifq_letter_pdf_write (const RifqLetter  *letter,
                                const char        *path,
                                GError           **error);

G_END_DECLS
