/* rifq-seal-verify.c: keyrings, and checking a seal with only the document and the public keys
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

#include "rifq-committee-rule.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-seal-private.h"
#include "rifq-seal.h"
#include "rifq-statement.h"

typedef struct
{
  char   *key_id;
  guchar  public_key[RIFQ_SEAL_KEY_BYTES];
  char   *created_at;
  char   *retired_at;
} RifqPublicKey;

struct _RifqKeyring
{
  GPtrArray *keys;          /* RifqPublicKey */
  GPtrArray *fingerprints;  /* char *, lower-case hex without spaces */
};

/* Keyrings */

static void
public_key_free (RifqPublicKey *key)
{
  g_free (key->key_id);
  g_free (key->created_at);
  g_free (key->retired_at);
  g_free (key);
}

RifqKeyring *
rifq_keyring_new (void)
{
  RifqKeyring *ring = g_new0 (RifqKeyring, 1);

  ring->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) public_key_free);
  ring->fingerprints = g_ptr_array_new_with_free_func (g_free);
  return ring;
}

void
rifq_keyring_free (RifqKeyring *ring)
{
  if (ring == NULL)
    return;
  g_ptr_array_unref (ring->keys);
  g_ptr_array_unref (ring->fingerprints);
  g_free (ring);
}

static void
keyring_add (RifqKeyring  *ring,
             const guchar *public_key,
             const char   *created_at,
             const char   *retired_at)
{
  RifqPublicKey *key = g_new0 (RifqPublicKey, 1);

  memcpy (key->public_key, public_key, RIFQ_SEAL_KEY_BYTES);
  key->key_id = _rifq_seal_key_id (public_key);
  key->created_at = g_strdup (created_at);
  key->retired_at = g_strdup (retired_at);
  g_ptr_array_add (ring->keys, key);
}

/* Keys found held once, by their public key and the file they were read from: a packet checks
 * hundreds of seals, and reading the key file for each is most of the cost. */
G_LOCK_DEFINE_STATIC (held_keys);
static GHashTable *held_keys;

/* Whether the key folder holds the private half of public_key. */
static gboolean
key_held_here (const guchar *public_key)
{
  g_autofree char *key_id = _rifq_seal_key_id (public_key);
  g_autofree char *public64 = g_base64_encode (public_key, RIFQ_SEAL_KEY_BYTES);
  g_autofree char *path = _rifq_seal_key_path (key_id);
  g_autofree char *entry = g_strconcat (path, "\n", public64, NULL);
  guchar *secret;
  gboolean held;

  G_LOCK (held_keys);
  held = held_keys != NULL && g_hash_table_contains (held_keys, entry);
  G_UNLOCK (held_keys);
  if (held && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  secret = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  if (secret == NULL)
    return FALSE;
  held = _rifq_seal_read_private_key (key_id, public_key, secret, NULL);
  sodium_free (secret);
  G_LOCK (held_keys);
  if (held_keys == NULL)
    held_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (held)
    g_hash_table_add (held_keys, g_steal_pointer (&entry));
  else
    g_hash_table_remove (held_keys, entry);
  G_UNLOCK (held_keys);
  return held;
}

RifqKeyring *
rifq_keyring_from_db (RifqDb  *db,
                      GError **error)
{
  g_autoptr(RifqKeyring) ring = rifq_keyring_new ();
  RifqStatement *stmt;
  int rc;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_db_start_crypto (error))
    return NULL;
  stmt = rifq_db_prepare (db, "SELECT public_key, created_at, retired_at FROM seal_public_key ORDER BY created_at",
                          error);
  if (stmt == NULL)
    return NULL;
  /* A key the database names is trusted only when this workstation holds its private half: a
   * row added with the sqlite3 shell names a key nobody here made. */
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    if (rifq_statement_get_size (stmt, 0) == RIFQ_SEAL_KEY_BYTES && key_held_here (rifq_statement_get_blob (stmt, 0)))
      keyring_add (ring, rifq_statement_get_blob (stmt, 0), rifq_statement_get_text (stmt, 1),
                   rifq_statement_get_text (stmt, 2));
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      return NULL;
    }
  return g_steal_pointer (&ring);
}

RifqKeyring *
rifq_keyring_from_json (const char  *text,
                        GError     **error)
{
  g_autoptr(RifqKeyring) ring = rifq_keyring_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonArray *keys = NULL;

  if (!rifq_db_start_crypto (error))
    return NULL;
  root = text ? rifq_json_parse (text, -1, NULL) : NULL;
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root)
      && json_object_get_int_member_with_default (json_node_get_object (root), "rifq_keyring", 0) == 1
      && json_object_has_member (json_node_get_object (root), "keys")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "keys")))
    keys = json_object_get_array_member (json_node_get_object (root), "keys");
  for (guint i = 0; keys != NULL && i < json_array_get_length (keys); i++)
    {
      JsonNode *node = json_array_get_element (keys, i);
      JsonObject *key = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree guchar *public_key = NULL;
      gsize length = 0;

      if (key != NULL)
        public_key = g_base64_decode (json_object_get_string_member_with_default (key, "public_key", ""), &length);
      if (length != RIFQ_SEAL_KEY_BYTES)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                       _("Key %u of the keyring is damaged: it has no public key of 32 bytes."), i + 1);
          return NULL;
        }
      keyring_add (ring, public_key, json_object_get_string_member_with_default (key, "created_at", NULL),
                   json_object_get_string_member_with_default (key, "retired_at", NULL));
    }
  if (keys == NULL || ring->keys->len == 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("The file is not a Rifq keyring (rifq-admin seal export writes one)."));
      return NULL;
    }
  return g_steal_pointer (&ring);
}

gboolean
rifq_keyring_add_fingerprint (RifqKeyring *ring,
                              const char  *fingerprint)
{
  GString *plain = g_string_new (NULL);

  g_return_val_if_fail (ring != NULL, FALSE);

  for (const char *p = fingerprint; p != NULL && *p != '\0'; p++)
    {
      if (*p == ' ' || *p == ':' || *p == '-')
        continue;
      if (!g_ascii_isxdigit (*p))
        {
          g_string_free (plain, TRUE);
          return FALSE;
        }
      g_string_append_c (plain, g_ascii_tolower (*p));
    }
  if (plain->len != crypto_hash_sha256_BYTES * 2)
    {
      g_string_free (plain, TRUE);
      return FALSE;
    }
  g_ptr_array_add (ring->fingerprints, g_string_free (plain, FALSE));
  return TRUE;
}

char *
rifq_keyring_to_json (RifqKeyring *ring,
                      const char  *association)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ring != NULL, NULL);

  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "rifq_keyring", 1);
  rifq_json_add_string (builder, "association", association ? association : "");
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ring->keys->len; i++)
    {
      RifqPublicKey *key = g_ptr_array_index (ring->keys, i);
      g_autofree char *encoded = g_base64_encode (key->public_key, RIFQ_SEAL_KEY_BYTES);
      g_autofree char *fingerprint = rifq_seal_fingerprint (key->public_key);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "key_id", key->key_id);
      rifq_json_add_string (builder, "public_key", encoded);
      rifq_json_add_string (builder, "fingerprint", fingerprint);
      rifq_json_add_string (builder, "created_at", key->created_at);
      rifq_json_add_string (builder, "retired_at", key->retired_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Whether the key a document carries is one the verifier trusts. */
gboolean
_rifq_seal_keyring_trusts (RifqKeyring  *ring,
                           const guchar *public_key)
{
  g_autofree char *fingerprint = _rifq_seal_fingerprint_hex (public_key);

  for (guint i = 0; i < ring->keys->len; i++)
    {
      RifqPublicKey *key = g_ptr_array_index (ring->keys, i);

      if (sodium_memcmp (key->public_key, public_key, RIFQ_SEAL_KEY_BYTES) == 0)
        return TRUE;
    }
  for (guint i = 0; i < ring->fingerprints->len; i++)
    if (g_str_equal (g_ptr_array_index (ring->fingerprints, i), fingerprint))
      return TRUE;
  return FALSE;
}

RifqSealVerdict
rifq_seal_verdict_take (RifqSealVerdict   v,
                        char            **out_message,
                        char             *message)
{
  if (out_message != NULL)
    *out_message = message;
  else
    g_free (message);
  return v;
}

/* The key and signature a seal carries, checked against the keyring and the message. */
RifqSealVerdict
_rifq_seal_check_signature (RifqKeyring  *ring,
                            const guchar *public_key,
                            const guchar *signature,
                            const guchar *message,
                            gsize         length,
                            char        **out_message)
{
  if (!_rifq_seal_keyring_trusts (ring, public_key))
    {
      g_autofree char *fingerprint = rifq_seal_fingerprint (public_key);

      return rifq_seal_verdict_take (RIFQ_SEAL_OTHER_KEY, out_message,
                                     g_strdup_printf (_("The seal was made with a key that is not among the association’s keys "
                                                        "given to check it (fingerprint %s)."), fingerprint));
    }
  if (crypto_sign_verify_detached (signature, message, length, public_key) != 0)
    return rifq_seal_verdict_take (RIFQ_SEAL_FORGED, out_message,
                                   g_strdup (_("The seal’s signature does not match the association’s key: it was forged or "
                                               "damaged.")));
  return RIFQ_SEAL_VALID;
}

/* Reading seals back */

RifqSealVerdict
rifq_seal_verify_payload (RifqKeyring *ring,
                          const char  *payload,
                          JsonObject **out_summary,
                          char       **out_message)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GBytes) summary = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *summary_text = NULL;
  guchar public_key[RIFQ_SEAL_KEY_BYTES];
  guchar signature[RIFQ_SEAL_SIG_BYTES];
  RifqSealVerdict v;

  g_return_val_if_fail (ring != NULL, RIFQ_SEAL_MALFORMED);

  if (out_summary != NULL)
    *out_summary = NULL;
  if (payload == NULL || sodium_init () < 0)
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The document carries no Rifq seal.")));
  parts = g_strsplit (payload, ".", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], RIFQ_SEAL_PREFIX)
      || !_rifq_seal_decode_exact (parts[1], public_key, sizeof public_key)
      || !_rifq_seal_decode_exact (parts[2], signature, sizeof signature)
      || (summary = _rifq_seal_from_base64url (parts[3])) == NULL)
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The seal is damaged or is not a Rifq seal.")));

  summary_text = g_strndup (g_bytes_get_data (summary, NULL), g_bytes_get_size (summary));
  v = _rifq_seal_check_signature (ring, public_key, signature, g_bytes_get_data (summary, NULL), g_bytes_get_size (summary),
                                  out_message);
  if (v != RIFQ_SEAL_VALID)
    return v;
  root = rifq_json_parse (summary_text, -1, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The seal is damaged or is not a Rifq seal.")));
  if (out_summary != NULL)
    *out_summary = json_object_ref (json_node_get_object (root));
  return rifq_seal_verdict_take (RIFQ_SEAL_VALID, out_message, g_strdup (_("The seal is genuine.")));
}

/* What a verified seal says */

/* ", N riyals" after what the summary names, when it holds an amount. */
static void
append_amount (GString    *text,
               const char *amount)
{
  if (amount == NULL)
    return;
  g_string_append (text, _(", "));
  g_string_append_printf (text, _("%s riyals"), amount);
}

char *
rifq_seal_summary_describe (JsonObject *summary)
{
  GString *text = g_string_new (NULL);
  const char *number, *name, *national_id;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  number = json_object_get_string_member_with_default (summary, "number", "—");
  name = json_object_get_string_member_with_default (summary, "name", "—");
  national_id = json_object_get_string_member_with_default (summary, "national_id", "—");
  if (json_object_has_member (summary, "amount") && !json_object_get_null_member (summary, "amount"))
    amount = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (summary, "amount"));

  if (g_strcmp0 (json_object_get_string_member_with_default (summary, "doc", ""), "minutes") == 0)
    {
      JsonNode *cases = json_object_get_member (summary, "cases");
      guint n = cases && JSON_NODE_HOLDS_ARRAY (cases) ? json_array_get_length (json_node_get_array (cases)) : 0;
      g_autofree char *count = g_strdup_printf ("%u", n);

      g_string_append_printf (text, _("The minutes of meeting %s of %s: %s cases decided."), number,
                              json_object_get_string_member_with_default (summary, "held_on", "—"), count);
      for (guint i = 0; i < n; i++)
        {
          JsonArray *item = json_array_get_array_element (json_node_get_array (cases), i);
          const char *decision = json_array_get_length (item) > 1 ? json_array_get_string_element (item, 1) : "";
          const char *said = rifq_vote_choice_participle (rifq_vote_choice_read (decision));

          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("Request %s: %s."), json_array_get_string_element (item, 0), said);
        }
      return g_string_free (text, FALSE);
    }
  if (g_strcmp0 (json_object_get_string_member_with_default (summary, "doc", ""), "letter") == 0)
    {
      const char *decision = json_object_get_string_member_with_default (summary, "decision", "");
      const char *said = rifq_vote_choice_participle (rifq_vote_choice_read (decision));

      g_string_append_printf (text, _("Decision letter %s to %s (national ID %s) on request %s: %s"), number, name,
                              national_id, json_object_get_string_member_with_default (summary, "request", "—"), said);
      append_amount (text, amount);
      g_string_append (text, _("; "));
      g_string_append_printf (text, _("dated %s."), json_object_get_string_member_with_default (summary, "issued_on",
                                                                                               "—"));
      return g_string_free (text, FALSE);
    }

  g_string_append_printf (text, _("Request %s of %s (national ID %s): %s"), number, name, national_id,
                          json_object_get_string_member_with_default (summary, "kind", "—"));
  append_amount (text, amount);
  g_string_append (text, _("; "));
  g_string_append_printf (text, _("submitted on %s, reply due by %s."),
                          json_object_get_string_member_with_default (summary, "submitted_on", "—"),
                          json_object_get_string_member_with_default (summary, "due_on", "—"));
  return g_string_free (text, FALSE);
}
