/* rifq-validate.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each validator takes the text as a person typed it (Latin or Arabic-Indic digits, spaces,
 * dashes) and, when it is valid, writes the normalised form. On failure it sets
 * RIFQ_ERROR_INVALID with a message in the interface language that names the field given as
 * field_label (already translated), e.g. "National ID: must be 10 digits". */

/* Saudi national ID or iqama: 10 digits, first 1 (citizen) or 2 (resident), Luhn check. */
gboolean rifq_validate_national_id (const char  *input,
                                    const char  *field_label,
                                    char       **out_normalized,
                                    GError     **error);

/* Saudi mobile: 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX, +9665XXXXXXXX, 009665XXXXXXXX → +9665XXXXXXXX. */
gboolean rifq_validate_mobile      (const char  *input,
                                    const char  *field_label,
                                    char       **out_normalized,
                                    GError     **error);

/* A mobile as Rifq shows it everywhere, the way an officer dials it: a stored +9665XXXXXXXX
 * becomes 05XXXXXXXX; anything else is returned as it is, NULL as NULL. */
char    *rifq_validate_format_mobile (const char *mobile);

/* Whole non-negative number (household size, income), Arabic-Indic digits and thousands
 * separators (, ٬) accepted; max is inclusive. */
gboolean rifq_validate_count       (const char  *input,
                                    const char  *field_label,
                                    gint64       max,
                                    gint64      *out_value,
                                    GError     **error);

/* A date of birth: parsed with rifq_calendar_parse(), not in the future and not before 1880.
 * Writes ISO "YYYY-MM-DD". */
gboolean rifq_validate_birth_date  (const char  *input,
                                    const char  *field_label,
                                    const GDate *today,
                                    char       **out_iso,
                                    GError     **error);

/* Non-empty after trimming. Writes the trimmed text with runs of spaces collapsed. */
gboolean rifq_validate_required    (const char  *input,
                                    const char  *field_label,
                                    char       **out_trimmed,
                                    GError     **error);

/* Luhn check over ASCII digits (used by national ID, exposed for tests). */
gboolean rifq_luhn_valid           (const char *digits);

/* TRUE for NULL, "" or only spaces: nothing a person would call an answer. */
gboolean  rifq_text_is_blank (const char *text);

G_END_DECLS
