/* rifq-fuzz.h: what every fuzz target shares
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <locale.h>
#include <stdint.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* What a target sets up once, besides the locale (rifq-fuzz.c): defined by the targets that
 * need it. */
void rifq_fuzz_target_init (void) __attribute__ ((weak));

/* The input as the readers get it from a file or a field: text ending in NUL. Bytes after a NUL
 * in the input are cut there, as C strings are. */
static inline char *
rifq_fuzz_text (const uint8_t *data,
                size_t         size)
{
  return g_strndup ((const char *) data, size);
}

