/* rifq-fuzz.c: the set-up every fuzz target shares
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rifq-fuzz.h"

/* Messages in English, as the tests have them: the Arabic catalogue is not needed to find a
 * crash. Then the target's own set-up, if it has one. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  if (rifq_fuzz_target_init != NULL)
    rifq_fuzz_target_init ();
  return 0;
}
