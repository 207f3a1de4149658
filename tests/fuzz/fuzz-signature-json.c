/* fuzz-signature-json.c: an applicant's signature as stored (strokes in JSON)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rifq-fuzz.h"
#include "rifq-signature.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = rifq_fuzz_text (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) signature = rifq_signature_new_from_json (text, &error);

  g_assert ((signature == NULL) != (error == NULL));
  if (signature != NULL)
    {
      g_autofree char *again = rifq_signature_to_json (signature);
      g_autoptr(RifqSignature) reread = rifq_signature_new_from_json (again, NULL);
      g_autofree char *twice = NULL;

      /* A signature read back is written the same: the strokes kept unchanged. */
      g_assert (reread != NULL);
      twice = rifq_signature_to_json (reread);
      g_assert (g_str_equal (again, twice));
    }
  return 0;
}
