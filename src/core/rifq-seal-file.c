/* rifq-seal-file.c: the file seal, a signature of the PDF's bytes on its last line
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-seal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "rifq-seal-private.h"
#include "rifq-seal.h"

struct _RifqSealSigner
{
  guchar *secret;  /* sodium_malloc: locked, never swapped, wiped when freed */
  guchar  public_key[RIFQ_SEAL_KEY_BYTES];
};

RifqSealSigner *
rifq_seal_signer_new (RifqDb  *db,
                      GError **error)
{
  RifqSealSigner *signer;
  g_autofree char *key_id = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_db_start_crypto (error))
    return NULL;
  signer = g_new0 (RifqSealSigner, 1);
  signer->secret = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  if (signer->secret == NULL || !_rifq_seal_current_key (db, &key_id, signer->public_key, error)
      || !_rifq_seal_read_private_key (key_id, signer->public_key, signer->secret, error))
    {
      rifq_seal_signer_free (signer);
      return NULL;
    }
  return signer;
}

void
rifq_seal_signer_free (RifqSealSigner *signer)
{
  if (signer == NULL)
    return;
  if (signer->secret != NULL)
    sodium_free (signer->secret);
  g_free (signer);
}

gboolean
rifq_seal_file_append (RifqSealSigner *signer,
                       GByteArray     *pdf,
                       GError        **error)
{
  guchar signature[RIFQ_SEAL_SIG_BYTES];
  g_autofree char *key64 = NULL;
  g_autofree char *signature64 = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (signer != NULL, FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);

  if (pdf->len == 0 || pdf->data[pdf->len - 1] != '\n')
    g_byte_array_append (pdf, (const guint8 *) "\n", 1);
  crypto_sign_detached (signature, NULL, pdf->data, pdf->len, signer->secret);
  key64 = _rifq_seal_base64url (signer->public_key, sizeof signer->public_key);
  signature64 = _rifq_seal_base64url (signature, sizeof signature);
  line = g_strdup_printf ("%s%s %s\n", RIFQ_SEAL_FILE_MARKER, key64, signature64);
  g_byte_array_append (pdf, (const guint8 *) line, strlen (line));
  return TRUE;
}

RifqSealVerdict
rifq_seal_file_verify (RifqKeyring  *ring,
                       const guchar *data,
                       gsize         length,
                       char        **out_message)
{
  const char *marker = RIFQ_SEAL_FILE_MARKER;
  gsize start;
  g_autofree char *line = NULL;
  g_auto(GStrv) parts = NULL;
  guchar public_key[RIFQ_SEAL_KEY_BYTES];
  guchar signature[RIFQ_SEAL_SIG_BYTES];

  g_return_val_if_fail (ring != NULL, RIFQ_SEAL_MALFORMED);

  /* The seal is the file's last line; anything after it was added later. */
  if (length < 2 || data[length - 1] != '\n')
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The file carries no file seal.")));
  start = length - 1;
  while (start > 0 && data[start - 1] != '\n')
    start--;
  if (length - start < strlen (marker) || memcmp (data + start, marker, strlen (marker)) != 0 || sodium_init () < 0)
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The file carries no file seal.")));

  line = g_strndup ((const char *) data + start + strlen (marker), length - 1 - start - strlen (marker));
  parts = g_strsplit (line, " ", -1);
  if (g_strv_length (parts) != 2 || !_rifq_seal_decode_exact (parts[0], public_key, sizeof public_key)
      || !_rifq_seal_decode_exact (parts[1], signature, sizeof signature))
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The file seal is damaged.")));
  if (!_rifq_seal_keyring_trusts (ring, public_key))
    return _rifq_seal_check_signature (ring, public_key, signature, data, start, out_message);
  if (crypto_sign_verify_detached (signature, data, start, public_key) != 0)
    return rifq_seal_verdict_take (RIFQ_SEAL_DOCUMENT_CHANGED, out_message,
                                   g_strdup (_("The file was changed after it was sealed: its bytes are no longer those the "
                                               "association signed.")));
  return rifq_seal_verdict_take (RIFQ_SEAL_VALID, out_message, g_strdup (_("The file is exactly as the association sealed it.")));
}
