/* rifq-arabic.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits become
 * ASCII digits; everything else is kept as it is. */
char     *rifq_arabic_latin_digits   (const char *text);

/* ASCII digits become Arabic-Indic digits (for display in an Arabic interface). */
char     *rifq_arabic_indic_digits   (const char *text);

/* What a character of typed text becomes: itself, another, or 0 for nothing. */
typedef gunichar (*RifqArabicCharFunc) (gunichar c);

/* text made valid UTF-8, its digits Latin, each of its characters as map makes it. */
char     *rifq_arabic_map            (const char         *text,
                                      RifqArabicCharFunc  map);

/* The search form of a name or query: tashkeel (U+064B–065F, U+0670) and tatweel
 * (U+0640) removed; أ إ آ ٱ → ا; ة → ه; ى → ي; digits made ASCII; Latin case-folded;
 * punctuation other than letters and digits becomes a space; runs of spaces collapsed and
 * trimmed; and the word "عبد" joined to a following word that starts with "ا"
 * ("عبد الله" → "عبدالله"). */
char     *rifq_arabic_normalize      (const char *text);

/* Like rifq_arabic_normalize(), for a query typed so far: "عبد" followed by a space at
 * the very end stays as it is, so the next letters still join. */
char     *rifq_arabic_normalize_query (const char *text);

/* TRUE when the text, after trimming and digit conversion, is only ASCII digits and
 * optionally a leading '+'. */
gboolean  rifq_arabic_is_numeric      (const char *text);

G_END_DECLS
