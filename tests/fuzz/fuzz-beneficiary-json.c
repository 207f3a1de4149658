/* fuzz-beneficiary-json.c: beneficiaries imported from a file (rifq-admin beneficiary add)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rifq-beneficiary-json.h"
#include "rifq-beneficiary.h"
#include "rifq-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = rifq_beneficiary_parse_json ((const char *) data, (gssize) size, &error);
  g_autoptr(GDate) today = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);

  /* All or nothing: a list of records, or a sentence naming the line. */
  g_assert ((people == NULL) != (error == NULL));
  /* Then every field's rule, as the store applies them before it writes. */
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      g_autoptr(GPtrArray) problems = rifq_beneficiary_validate (g_ptr_array_index (people, i), today);

      if (problems->len > 0)
        {
          g_autoptr(GError) refused = rifq_problems_to_error (problems);

          g_assert (refused->message[0] != '\0');
        }
    }
  return 0;
}
