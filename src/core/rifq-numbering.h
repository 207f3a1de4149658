/* rifq-numbering.h: the association's registers of numbers (requests, letters, files)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* A number format is text with {year} (the Hijri year) and {seq} or {seq:N} (the number in the
 * register, N digits wide, 0 to 12). One parser reads it, both to check a format when an
 * administrator sets it and to write every number with it. */
typedef struct _RifqNumberFormat RifqNumberFormat;

#define RIFQ_NUMBER_WIDTH_MAX 12

typedef enum
{
  RIFQ_REGISTER_REQUEST,  /* request numbers, per Hijri year when the format has {year} */
  RIFQ_REGISTER_LETTER,   /* the outgoing letters register, likewise */
  RIFQ_REGISTER_FILE,     /* beneficiaries' file numbers: one sequence, never by year */
} RifqRegister;

/* NULL and RIFQ_ERROR_INVALID saying what is wrong (an unclosed or unknown placeholder, a
 * width that is not 0 to 12, no {seq}). */
RifqNumberFormat *rifq_number_format_parse    (const char  *text,
                                               GError     **error);
void              rifq_number_format_free     (RifqNumberFormat *self);
char             *rifq_number_format_write    (const RifqNumberFormat *self,
                                               int                     year,
                                               gint64                  sequence);

/* Whether key is one of the registers' format settings; if so, checks value as that format,
 * the message naming the setting. TRUE for any other key. */
gboolean          rifq_numbering_check_setting (const char  *key,
                                                const char  *value,
                                                GError     **error);

/* Inside a write: the register's next number, in the format of the settings today. The year
 * its sequence counts in (0 when the numbers do not restart each year) and the sequence are
 * returned for the record to keep. */
char             *rifq_numbering_next         (RifqDb       *db,
                                               RifqRegister  reg,
                                               int           hijri_year,
                                               int          *out_sequence_year,
                                               gint64       *out_sequence,
                                               GError      **error);

/* Inside a write: a number entered by hand (a file number typed in), so that the register
 * gives out only numbers above it. Only a number of digits alone counts, and only in a
 * register that does not restart each year; NULL or any other text changes nothing. */
gboolean          rifq_numbering_keep_above   (RifqDb       *db,
                                               RifqRegister  reg,
                                               const char   *number,
                                               GError      **error);

/* A number of the register in the format of the settings today; NULL when that format is not
 * valid. */
char             *rifq_numbering_write        (RifqDb       *db,
                                               RifqRegister  reg,
                                               int           year,
                                               gint64        sequence);

/* A request number as staff type it, in any digits: "1448/2" is year 1448, number 2. */
gboolean          rifq_numbering_parse_short  (const char *typed,
                                               int        *out_year,
                                               gint64     *out_sequence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqNumberFormat, rifq_number_format_free)

G_END_DECLS
