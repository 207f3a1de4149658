/* rifq-seal.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "rifq-beneficiary-store.h"
#include "rifq-error.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"

#define KEY_ID_BYTES 8

void
rifq_seal_free (RifqSeal *seal)
{
  if (seal == NULL)
    return;
  g_free (seal->payload);
  g_free (seal->short_code);
  g_free (seal->digest);
  g_free (seal->key_id);
  g_free (seal);
}

static char *
base64url (const guchar *data,
           gsize         length)
{
  char *text = g_base64_encode (data, length);

  /* RFC 4648 §5, without padding: safe inside the dotted payload and a QR code. */
  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }
  return text;
}

static GBytes *
from_base64url (const char *text)
{
  g_autoptr(GString) padded = g_string_new (text);
  guchar *data;
  gsize length;

  for (char *p = padded->str; *p != '\0'; p++)
    {
      if (*p == '-')
        *p = '+';
      else if (*p == '_')
        *p = '/';
      else if (!g_ascii_isalnum (*p))
        return NULL;
    }
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  data = g_base64_decode (padded->str, &length);
  return g_bytes_new_take (data, length);
}

static char *
hex (const guchar *data,
     gsize         length)
{
  GString *text = g_string_sized_new (length * 2);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (text, "%02x", data[i]);
  return g_string_free (text, FALSE);
}

static gboolean
load_key (RifqDb  *db,
          guchar   secret[crypto_sign_SECRETKEYBYTES],
          guchar   public[crypto_sign_PUBLICKEYBYTES],
          GError **error)
{
  sqlite3_stmt *stmt = rifq_db_prepare (db, "SELECT secret_key, public_key FROM seal_key WHERE id = 1", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_bytes (stmt, 0) == crypto_sign_SECRETKEYBYTES
      && sqlite3_column_bytes (stmt, 1) == crypto_sign_PUBLICKEYBYTES)
    {
      if (secret != NULL)
        memcpy (secret, sqlite3_column_blob (stmt, 0), crypto_sign_SECRETKEYBYTES);
      memcpy (public, sqlite3_column_blob (stmt, 1), crypto_sign_PUBLICKEYBYTES);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                         _("This database has no seal key yet; open it with Rifq once to create it."));
  return found;
}

static gboolean
create_key_cb (RifqDb      *db,
               RifqDbWrite *write,
               gpointer     user_data,
               GError     **error)
{
  guchar secret[crypto_sign_SECRETKEYBYTES];
  guchar public[crypto_sign_PUBLICKEYBYTES];
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *key_id = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = rifq_db_prepare (db, "SELECT 1 FROM seal_key WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      /* Another workstation made it in the meantime. */
      *(gboolean *) user_data = TRUE;
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE, "exists");
      return FALSE;
    }

  crypto_sign_keypair (public, secret);
  stmt = rifq_db_prepare (db, "INSERT INTO seal_key (id, secret_key, public_key, created_at) VALUES (1, ?, ?, ?)",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, secret, sizeof secret, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 2, public, sizeof public, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sodium_memzero (secret, sizeof secret);
  if (rc != SQLITE_DONE)
    return rifq_db_fail (db, error);

  key_id = hex (public, KEY_ID_BYTES);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key_id");
  json_builder_add_string_value (builder, key_id);
  json_builder_end_object (builder);
  rifq_db_write_audit_take (write, "create", "seal_key", 1, NULL, json_builder_get_root (builder), NULL);
  return TRUE;
}

gboolean
rifq_seal_ensure_key (RifqDb  *db,
                      GError **error)
{
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  gboolean raced = FALSE;
  int rc;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The cryptography library could not start."));
      return FALSE;
    }
  stmt = rifq_db_prepare (db, "SELECT 1 FROM seal_key WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  exists = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (exists)
    return TRUE;
  if (rifq_db_write (db, create_key_cb, &raced, &local))
    return TRUE;
  if (raced)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

char *
rifq_seal_public_key (RifqDb  *db,
                      char   **out_key_id,
                      GError **error)
{
  guchar public[crypto_sign_PUBLICKEYBYTES];

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!load_key (db, NULL, public, error))
    return NULL;
  if (out_key_id != NULL)
    *out_key_id = hex (public, KEY_ID_BYTES);
  return g_base64_encode (public, sizeof public);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
rifq_seal_canonical_json (const RifqRequest *r,
                          RifqBeneficiary   *b)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) validity = NULL;
  g_autofree char *name = NULL;
  g_autofree char *strokes_sha = NULL;

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY (b), NULL);

  name = rifq_beneficiary_dup_full_name (b);
  if (r->signature_json != NULL)
    strokes_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, r->signature_json, -1);

  /* Members always in this order: the same request gives the same bytes, on any machine. */
  json_builder_begin_object (builder);
  add_string (builder, "seal", RIFQ_SEAL_PREFIX);
  add_string (builder, "number", r->number);
  add_string (builder, "national_id", rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID));
  add_string (builder, "name", name);
  add_string (builder, "birth_date", rifq_beneficiary_get (b, RIFQ_FIELD_BIRTH_DATE));
  add_string (builder, "kind", r->kind);
  add_string (builder, "channel", r->channel);
  add_string (builder, "description", r->description);
  json_builder_set_member_name (builder, "amount");
  if (r->amount >= 0)
    json_builder_add_int_value (builder, r->amount);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "received_at", r->received_at);
  add_string (builder, "declaration", r->declaration);
  add_string (builder, "signature_sha256", strokes_sha);
  add_string (builder, "signer", r->signer);
  add_string (builder, "signer_name", r->signer_name);
  add_string (builder, "signer_relation", r->signer_relation);
  add_string (builder, "sign_mark", r->sign_mark);
  add_string (builder, "officer_name", r->officer_name);
  add_string (builder, "signed_at", r->signed_at);
  add_string (builder, "submitted_on", r->submitted_on);
  add_string (builder, "due_on", r->due_on);
  json_builder_set_member_name (builder, "documents");
  validity = rifq_request_dup_validity (r);
  if (validity != NULL)
    json_builder_add_value (builder, g_steal_pointer (&validity));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  return json_generator_to_data (generator, NULL);
}

static void
digest_of (const char *canonical,
           guchar      out[crypto_hash_sha256_BYTES])
{
  crypto_hash_sha256 (out, (const guchar *) canonical, strlen (canonical));
}

/* Twelve characters a person can read out, from the signature: no 0/O or 1/I to confuse. */
static char *
short_code (const guchar *signature)
{
  static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  GString *code = g_string_new (NULL);

  for (guint i = 0; i < 12; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, alphabet[signature[i] % 32]);
    }
  return g_string_free (code, FALSE);
}

RifqSeal *
rifq_seal_make (RifqDb     *db,
                const char *number,
                const char *canonical,
                GError    **error)
{
  guchar secret[crypto_sign_SECRETKEYBYTES];
  guchar public[crypto_sign_PUBLICKEYBYTES];
  guchar digest[crypto_hash_sha256_BYTES];
  guchar signature[crypto_sign_BYTES];
  g_autofree char *digest64 = NULL;
  g_autofree char *signature64 = NULL;
  RifqSeal *seal;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (number != NULL && canonical != NULL, NULL);

  if (!load_key (db, secret, public, error))
    return NULL;
  digest_of (canonical, digest);
  crypto_sign_detached (signature, NULL, digest, sizeof digest, secret);
  sodium_memzero (secret, sizeof secret);

  digest64 = base64url (digest, sizeof digest);
  signature64 = base64url (signature, sizeof signature);
  seal = g_new0 (RifqSeal, 1);
  seal->key_id = hex (public, KEY_ID_BYTES);
  seal->digest = hex (digest, sizeof digest);
  seal->short_code = short_code (signature);
  seal->payload = g_strdup_printf ("%s.%s.%s.%s.%s", RIFQ_SEAL_PREFIX, number, digest64, signature64,
                                   seal->key_id);
  return seal;
}

static RifqSealVerdict
verdict (RifqSealVerdict   v,
         char            **out_message,
         const char       *message)
{
  if (out_message != NULL)
    *out_message = g_strdup (message);
  return v;
}

RifqSealVerdict
rifq_seal_verify (RifqDb      *db,
                  const char  *payload,
                  const char  *sealed,
                  char       **out_number,
                  char       **out_message)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GBytes) digest = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(RifqRequest) request = NULL;
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *message = NULL;
  guchar public[crypto_sign_PUBLICKEYBYTES];
  guchar expected[crypto_hash_sha256_BYTES];

  g_return_val_if_fail (RIFQ_IS_DB (db), RIFQ_SEAL_MALFORMED);

  if (out_number != NULL)
    *out_number = NULL;
  if (payload == NULL || sodium_init () < 0)
    return verdict (RIFQ_SEAL_MALFORMED, out_message, _("The document carries no Rifq seal."));

  parts = g_strsplit (payload, ".", -1);
  if (g_strv_length (parts) != 5 || !g_str_equal (parts[0], RIFQ_SEAL_PREFIX))
    return verdict (RIFQ_SEAL_MALFORMED, out_message, _("The seal is damaged or is not a Rifq seal."));
  digest = from_base64url (parts[2]);
  signature = from_base64url (parts[3]);
  if (digest == NULL || signature == NULL || g_bytes_get_size (digest) != crypto_hash_sha256_BYTES
      || g_bytes_get_size (signature) != crypto_sign_BYTES)
    return verdict (RIFQ_SEAL_MALFORMED, out_message, _("The seal is damaged or is not a Rifq seal."));
  if (out_number != NULL)
    *out_number = g_strdup (parts[1]);

  if (!load_key (db, NULL, public, NULL))
    return verdict (RIFQ_SEAL_OTHER_KEY, out_message, _("This database has no seal key to check against."));
  key_id = hex (public, KEY_ID_BYTES);
  if (!g_str_equal (key_id, parts[4]))
    {
      message = g_strdup_printf (_("The seal was made with another key (%s), not this association’s (%s)."),
                                 parts[4], key_id);
      return verdict (RIFQ_SEAL_OTHER_KEY, out_message, message);
    }
  if (crypto_sign_verify_detached (g_bytes_get_data (signature, NULL), g_bytes_get_data (digest, NULL),
                                   crypto_hash_sha256_BYTES, public) != 0)
    return verdict (RIFQ_SEAL_FORGED, out_message,
                    _("The seal’s signature does not match this association’s key: it was forged or damaged."));

  /* What the document carries must be what was sealed. */
  if (sealed != NULL)
    {
      guchar carried[crypto_hash_sha256_BYTES];

      digest_of (sealed, carried);
      if (sodium_memcmp (carried, g_bytes_get_data (digest, NULL), sizeof carried) != 0)
        return verdict (RIFQ_SEAL_DOCUMENT_CHANGED, out_message,
                        _("The document was changed after it was sealed."));
    }

  request = rifq_request_store_get_by_number (db, parts[1], NULL);
  if (request == NULL)
    {
      message = g_strdup_printf (_("The seal is genuine, but there is no request numbered %s in this database."),
                                 parts[1]);
      return verdict (RIFQ_SEAL_UNKNOWN_REQUEST, out_message, message);
    }
  beneficiary = rifq_beneficiary_store_get (db, request->beneficiary_id, NULL);
  if (beneficiary == NULL)
    return verdict (RIFQ_SEAL_UNKNOWN_REQUEST, out_message, _("The request’s beneficiary is no longer registered."));
  canonical = rifq_seal_canonical_json (request, beneficiary);
  digest_of (canonical, expected);
  if (sodium_memcmp (expected, g_bytes_get_data (digest, NULL), sizeof expected) != 0)
    {
      message = g_strdup_printf (_("The seal is genuine, but request %s was changed in the database after it "
                                   "was signed."), parts[1]);
      return verdict (RIFQ_SEAL_RECORD_CHANGED, out_message, message);
    }

  message = g_strdup_printf (_("The seal is genuine and matches request %s as it was signed."), parts[1]);
  return verdict (RIFQ_SEAL_VALID, out_message, message);
}
