/* fuzz-seal.c: the seal readers, as a verifier meets them: a seal code read off paper
 * (RIFQ2.…) and a file's trailing seal line, checked against a keyring read from its file.
 * The first byte says which; the rest is the code or the file.
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rifq-fuzz.h"
#include "rifq-seal.h"

static RifqKeyring *ring;

void
rifq_fuzz_target_init (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* The keyring the seeds were sealed with: valid codes reach the checks after the signature. */
  if (!g_file_get_contents (RIFQ_FUZZ_KEYRING, &text, NULL, &error))
    g_error ("%s", error->message);
  ring = rifq_keyring_from_json (text, &error);
  if (ring == NULL)
    g_error ("%s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *message = NULL;
  RifqSealVerdict verdict;

  if (size == 0)
    return 0;
  if (data[0] % 3 == 0)
    {
      g_autofree char *code = rifq_fuzz_text (data + 1, size - 1);
      g_autoptr(JsonObject) summary = NULL;

      verdict = rifq_seal_verify_payload (ring, code, &summary, &message);
      if (verdict == RIFQ_SEAL_VALID)
        {
          g_autofree char *described = rifq_seal_summary_describe (summary);

          g_assert (summary != NULL && described != NULL);
        }
    }
  else if (data[0] % 3 == 1)
    verdict = rifq_seal_file_verify (ring, data + 1, size - 1, &message);
  else
    {
      /* A keyring file as rifq-admin verify --key reads it. */
      g_autofree char *text = rifq_fuzz_text (data + 1, size - 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(RifqKeyring) other = rifq_keyring_from_json (text, &error);

      g_assert ((other == NULL) != (error == NULL));
      return 0;
    }
  /* Every verdict comes with its sentence. */
  g_assert (message != NULL && message[0] != '\0');
  (void) verdict;
  return 0;
}
