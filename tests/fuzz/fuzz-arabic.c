/* fuzz-arabic.c: the Arabic normaliser every name and every search goes through
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rifq-arabic.h"
#include "rifq-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *typed = rifq_fuzz_text (data, size);
  g_autofree char *name = NULL;
  g_autofree char *query = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *digits = NULL;

  /* What reaches the normaliser has been checked as UTF-8 by the field or the file. */
  if (!g_utf8_validate (typed, -1, NULL))
    return 0;
  name = rifq_arabic_normalize (typed);
  query = rifq_arabic_normalize_query (typed);
  digits = rifq_arabic_latin_digits (typed);
  g_assert (g_utf8_validate (name, -1, NULL));
  g_assert (g_utf8_validate (query, -1, NULL));
  g_assert (g_utf8_validate (digits, -1, NULL));
  /* A name stored normalised is found by the same name typed again: normalising twice changes
   * nothing. */
  twice = rifq_arabic_normalize (name);
  g_assert (g_str_equal (name, twice));
  return 0;
}
