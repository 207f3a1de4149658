/* fuzz-json.c: the strict JSON reader every file and stored document goes through
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rifq-fuzz.h"
#include "rifq-json.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = rifq_json_parse ((const char *) data, (gssize) size, &error);

  /* Either a value, or a sentence saying where it is wrong: never both, never neither. */
  g_assert ((root == NULL) != (error == NULL));
  if (root != NULL)
    {
      g_autofree char *again = rifq_json_to_text (root);
      g_autoptr(JsonNode) reread = rifq_json_parse (again, -1, NULL);

      /* What Rifq writes back, it reads again. */
      g_assert (reread != NULL);
    }
  return 0;
}
