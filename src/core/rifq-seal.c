/* rifq-seal.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-seal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "rifq-beneficiary-store.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-request-store.h"
#include "rifq-seal-private.h"
#include "rifq-seal.h"
#include "rifq-staff.h"
#include "rifq-statement.h"

#define KEY_ID_BYTES 8

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

/* Encodings */

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

  if (padded->len == 0 || padded->len % 4 == 1)
    return NULL;
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

static gboolean
decode_exact (const char *text,
              guchar     *out,
              gsize       length)
{
  g_autoptr(GBytes) bytes = text ? from_base64url (text) : NULL;

  if (bytes == NULL || g_bytes_get_size (bytes) != length)
    return FALSE;
  memcpy (out, g_bytes_get_data (bytes, NULL), length);
  return TRUE;
}

static char *
key_id_of (const guchar *public_key)
{
  return rifq_hex (public_key, KEY_ID_BYTES);
}

static char *
fingerprint_hex (const guchar *public_key)
{
  guchar digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256 (digest, public_key, RIFQ_SEAL_KEY_BYTES);
  return rifq_hex (digest, sizeof digest);
}

char *
rifq_seal_fingerprint (const guchar *public_key)
{
  g_autofree char *plain = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (public_key != NULL, NULL);

  plain = fingerprint_hex (public_key);
  for (guint i = 0; plain[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (text, ' ');
      g_string_append_c (text, g_ascii_toupper (plain[i]));
    }
  return g_string_free (text, FALSE);
}

static gboolean
start_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The cryptography library could not start."));
      return FALSE;
    }
  return TRUE;
}

/* The private key's file */

char *
rifq_seal_key_dir (void)
{
  return rifq_db_key_dir ();
}

static char *
key_path (const char *key_id)
{
  return rifq_db_key_path (key_id, ".key");
}

static gboolean
write_private_key (const char   *key_id,
                   const guchar *secret,
                   GError      **error)
{
  g_autofree char *path = key_path (key_id);
  g_autofree char *encoded = base64url (secret, crypto_sign_SECRETKEYBYTES);
  g_autofree char *text = g_strconcat (RIFQ_SEAL_PREFIX, "-SECRET ", encoded, "\n", NULL);
  gboolean ok = rifq_db_write_private_file (path, text, error);

  sodium_memzero (encoded, strlen (encoded));
  sodium_memzero (text, strlen (text));
  return ok;
}

/* The private key of public_key, from its file: private to its owner, and the half of this pair. */
static gboolean
read_private_key (const char   *key_id,
                  const guchar *public_key,
                  guchar       *secret,
                  GError      **error)
{
  g_autofree char *path = key_path (key_id);
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;
  const char *prefix = RIFQ_SEAL_PREFIX "-SECRET ";
  gboolean ok;

  if (!rifq_db_read_private_file (path, &text, &local))
    {
      if (g_error_matches (local, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND))
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                     _("This workstation does not hold the association’s seal key %s: it should be in “%s”. "
                       "Copy it there from the workstation that made it."), key_id, path);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_strchomp (text);
  ok = g_str_has_prefix (text, prefix) && decode_exact (text + strlen (prefix), secret, crypto_sign_SECRETKEYBYTES)
       && sodium_memcmp (secret + crypto_sign_SECRETKEYBYTES - RIFQ_SEAL_KEY_BYTES, public_key,
                         RIFQ_SEAL_KEY_BYTES) == 0;
  sodium_memzero (text, strlen (text));
  if (!ok)
    {
      sodium_memzero (secret, crypto_sign_SECRETKEYBYTES);
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The seal key file “%s” is damaged or belongs to another key."), path);
    }
  return ok;
}

/* The key pair in the database */

static gboolean
has_any_key (RifqDb *db)
{
  gint64 one;
  gboolean any;

  rifq_db_query_int (db, "SELECT 1 FROM seal_public_key LIMIT 1", RIFQ_NO_PARAMS, &one, &any, NULL);
  return any;
}

static gboolean
current_key (RifqDb  *db,
             char   **out_key_id,
             guchar  *public_key,
             GError **error)
{
  RifqStatement *stmt = rifq_db_prepare (db, "SELECT key_id, public_key FROM seal_public_key WHERE retired_at IS NULL",
                                        error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW && rifq_statement_get_size (stmt, 1) == RIFQ_SEAL_KEY_BYTES)
    {
      memcpy (public_key, rifq_statement_get_blob (stmt, 1), RIFQ_SEAL_KEY_BYTES);
      if (out_key_id != NULL)
        *out_key_id = rifq_statement_dup_text (stmt, 0);
      found = TRUE;
    }
  rifq_statement_reset (stmt);
  if (!found && has_any_key (db))
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                         _("The database has seal keys but none in use: they were changed behind Rifq’s back. "
                           "An administrator can make a new key with rifq-admin seal rotate."));
  else if (!found)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                         _("This database has no seal key yet; open it with Rifq once to create it."));
  return found;
}

/* Signs with the key in use: the database names it, the workstation's file holds it. */
static gboolean
sign_current (RifqDb       *db,
              const guchar *message,
              gsize         length,
              guchar       *public_key,
              guchar       *signature,
              GError      **error)
{
  guchar secret[crypto_sign_SECRETKEYBYTES];
  g_autofree char *key_id = NULL;

  if (!start_sodium (error) || !current_key (db, &key_id, public_key, error)
      || !read_private_key (key_id, public_key, secret, error))
    return FALSE;
  crypto_sign_detached (signature, NULL, message, length, secret);
  sodium_memzero (secret, sizeof secret);
  return TRUE;
}

static JsonNode *
key_json (const char *key_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key_id");
  json_builder_add_string_value (builder, key_id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  gboolean rotate;
  guchar   public_key[RIFQ_SEAL_KEY_BYTES];
  char    *key_id;
  gboolean raced;
} NewKey;

static gboolean
insert_key_cb (RifqDb      *db,
               RifqDbWrite *write,
               gpointer     user_data,
               GError     **error)
{
  NewKey *job = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *previous = NULL;
  guchar old[RIFQ_SEAL_KEY_BYTES];

  if (current_key (db, &previous, old, NULL))
    {
      if (!job->rotate)
        {
          /* Another workstation made it in the meantime. */
          job->raced = TRUE;
          g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE, "exists");
          return FALSE;
        }
      if (!rifq_db_execute (db, "UPDATE seal_public_key SET retired_at = ? WHERE retired_at IS NULL",
                            RIFQ_PARAMS (RIFQ_TEXT (stamp)), error))
        return FALSE;
    }

  if (!rifq_db_execute (db, "INSERT INTO seal_public_key (key_id, public_key, created_at) VALUES (?, ?, ?)",
                        RIFQ_PARAMS (RIFQ_TEXT (job->key_id), RIFQ_BYTES (job->public_key, RIFQ_SEAL_KEY_BYTES),
                                     RIFQ_TEXT (stamp)), error))
    return FALSE;
  rifq_db_write_audit_take (write, job->rotate ? "rotate" : "create", "seal_key", 0,
                            previous ? key_json (previous) : NULL, key_json (job->key_id), NULL);
  return TRUE;
}

static gboolean
make_key (RifqDb   *db,
          gboolean  rotate,
          char    **out_key_id,
          GError  **error)
{
  guchar secret[crypto_sign_SECRETKEYBYTES];
  g_autoptr(GError) local = NULL;
  g_autofree char *path = NULL;
  NewKey job = { .rotate = rotate };
  gboolean ok;

  crypto_sign_keypair (job.public_key, secret);
  job.key_id = key_id_of (job.public_key);
  path = key_path (job.key_id);
  /* The file first: a key the database names is never one nobody holds. */
  ok = write_private_key (job.key_id, secret, error);
  sodium_memzero (secret, sizeof secret);
  if (ok)
    {
      ok = rifq_db_write (db, insert_key_cb, &job, &local);
      if (!ok)
        {
          g_unlink (path);
          if (job.raced)
            ok = TRUE;
          else
            g_propagate_error (error, g_steal_pointer (&local));
        }
    }
  if (ok && out_key_id != NULL)
    *out_key_id = g_strdup (job.key_id);
  g_free (job.key_id);
  return ok;
}

/* The ids a query lists, as the builder's member, counted in n. */
static gboolean
add_ids (RifqDb       *db,
         JsonBuilder  *builder,
         const char   *member,
         const char   *sql,
         guint        *n,
         GError      **error)
{
  RifqStatement *stmt = rifq_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      json_builder_add_int_value (builder, rifq_statement_get_int64 (stmt, 0));
      (*n)++;
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    return rifq_db_fail (db, error);
  json_builder_end_array (builder);
  return TRUE;
}

/* The requests submitted before seals were made at submission, recorded in the keyed audit log. */
static gboolean
list_unsealed (RifqDb      *db,
               RifqDbWrite *write,
               GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = 0;

  json_builder_begin_object (builder);
  if (!add_ids (db, builder, "unsealed",
                "SELECT id FROM request WHERE submitted_at IS NOT NULL AND id NOT IN"
                " (SELECT subject_id FROM seal WHERE kind = 'request') ORDER BY id", &n, error))
    return FALSE;
  if (!add_ids (db, builder, "unsealed_letters", "SELECT id FROM letter ORDER BY id", &n, error))
    return FALSE;
  /* Only minutes already final: those of a meeting still deciding are sealed with its last decision. */
  if (!add_ids (db, builder, "unsealed_minutes",
                "SELECT m.id FROM meeting m"
                " WHERE EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = m.id)"
                " AND NOT EXISTS (SELECT 1 FROM agenda_item a LEFT JOIN decision d"
                " ON d.meeting_id = a.meeting_id AND d.request_id = a.request_id"
                " WHERE a.meeting_id = m.id AND d.id IS NULL) ORDER BY m.id", &n, error))
    return FALSE;
  json_builder_end_object (builder);
  if (n > 0)
    rifq_db_write_audit_take (write, "legacy", "seal", 0, NULL, json_builder_get_root (builder),
                              "Submitted before requests were sealed at submission: printed without a seal.");
  return TRUE;
}

/* A database from before schema 5 kept its private key in a table: write it to its file, then
 * wipe it from the database. */
static gboolean
move_key_out_cb (RifqDb      *db,
                 RifqDbWrite *write,
                 gpointer     user_data,
                 GError     **error)
{
  const char *key_id = user_data;

  if (!rifq_db_exec (db, "PRAGMA secure_delete = ON; DELETE FROM seal_key_to_move; DROP TABLE seal_key_to_move;",
                     error))
    return FALSE;
  rifq_db_write_audit_take (write, "move_out", "seal_key", 0, NULL, key_json (key_id),
                            "The private key moved from the database to its own file.");
  return list_unsealed (db, write, error);
}

static gboolean
move_legacy_key (RifqDb  *db,
                 GError **error)
{
  RifqStatement *stmt;
  guchar secret[crypto_sign_SECRETKEYBYTES];
  guchar public_key[RIFQ_SEAL_KEY_BYTES];
  g_autofree char *key_id = NULL;
  gboolean found = FALSE;
  gboolean ok;

  stmt = rifq_db_prepare (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'seal_key_to_move'", error);
  if (stmt == NULL)
    return FALSE;
  found = rifq_statement_step (stmt) == RIFQ_STEP_ROW && rifq_statement_get_int (stmt, 0) > 0;
  rifq_statement_reset (stmt);
  if (!found)
    return TRUE;

  found = FALSE;
  stmt = rifq_db_prepare (db, "SELECT secret_key, public_key FROM seal_key_to_move", error);
  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW && rifq_statement_get_size (stmt, 0) == crypto_sign_SECRETKEYBYTES
      && rifq_statement_get_size (stmt, 1) == RIFQ_SEAL_KEY_BYTES)
    {
      memcpy (secret, rifq_statement_get_blob (stmt, 0), sizeof secret);
      memcpy (public_key, rifq_statement_get_blob (stmt, 1), sizeof public_key);
      found = TRUE;
    }
  rifq_statement_reset (stmt);
  key_id = found ? key_id_of (public_key) : g_strdup ("-");
  ok = !found || write_private_key (key_id, secret, error);
  sodium_memzero (secret, sizeof secret);
  if (!found)
    {
      /* A database made since schema 5 had nothing to move: the empty table simply goes. */
      return rifq_db_exec (db, "DROP TABLE seal_key_to_move", error);
    }
  return ok && rifq_db_write (db, move_key_out_cb, key_id, error);
}

gboolean
rifq_seal_ensure_key (RifqDb  *db,
                      GError **error)
{
  guchar public_key[RIFQ_SEAL_KEY_BYTES];

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (!start_sodium (error) || !move_legacy_key (db, error))
    return FALSE;
  if (current_key (db, NULL, public_key, NULL))
    return TRUE;
  /* Keys retired outside Rifq are not replaced behind anyone's back: sealing is refused, saying
   * why, until an administrator makes a new key (seal rotate). */
  if (has_any_key (db))
    return TRUE;
  return make_key (db, FALSE, NULL, error);
}

gboolean
rifq_seal_rotate_key (RifqDb  *db,
                      char   **out_key_id,
                      GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if ((rifq_staff_actor_roles (db) & RIFQ_ROLE_ADMIN) == 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                           _("Only an administrator may change the association’s seal key."));
      return FALSE;
    }
  return start_sodium (error) && make_key (db, TRUE, out_key_id, error);
}

char *
rifq_seal_public_key (RifqDb  *db,
                      char   **out_key_id,
                      char   **out_fingerprint,
                      GError **error)
{
  guchar public_key[RIFQ_SEAL_KEY_BYTES];

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!start_sodium (error) || !current_key (db, out_key_id, public_key, error))
    return NULL;
  if (out_fingerprint != NULL)
    *out_fingerprint = rifq_seal_fingerprint (public_key);
  return g_base64_encode (public_key, sizeof public_key);
}

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
  key->key_id = key_id_of (public_key);
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
  g_autofree char *key_id = key_id_of (public_key);
  g_autofree char *public64 = g_base64_encode (public_key, RIFQ_SEAL_KEY_BYTES);
  g_autofree char *path = key_path (key_id);
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
  held = read_private_key (key_id, public_key, secret, NULL);
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

  if (!start_sodium (error))
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

  if (!start_sodium (error))
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
  json_builder_set_member_name (builder, "association");
  json_builder_add_string_value (builder, association ? association : "");
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ring->keys->len; i++)
    {
      RifqPublicKey *key = g_ptr_array_index (ring->keys, i);
      g_autofree char *encoded = g_base64_encode (key->public_key, RIFQ_SEAL_KEY_BYTES);
      g_autofree char *fingerprint = rifq_seal_fingerprint (key->public_key);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key_id");
      json_builder_add_string_value (builder, key->key_id);
      json_builder_set_member_name (builder, "public_key");
      json_builder_add_string_value (builder, encoded);
      json_builder_set_member_name (builder, "fingerprint");
      json_builder_add_string_value (builder, fingerprint);
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_string_value (builder, key->created_at);
      json_builder_set_member_name (builder, "retired_at");
      if (key->retired_at != NULL)
        json_builder_add_string_value (builder, key->retired_at);
      else
        json_builder_add_null_value (builder);
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
static gboolean
keyring_trusts (RifqKeyring  *ring,
                const guchar *public_key)
{
  g_autofree char *fingerprint = fingerprint_hex (public_key);

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
static RifqSealVerdict
check_signature (RifqKeyring  *ring,
                 const guchar *public_key,
                 const guchar *signature,
                 const guchar *message,
                 gsize         length,
                 char        **out_message)
{
  if (!keyring_trusts (ring, public_key))
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

/* What a request's document prints */

/* A stored JSON text (strokes, the frozen validity) as itself, not as a string. */
static void
add_json (JsonBuilder *builder,
          const char  *name,
          const char  *text)
{
  g_autoptr(JsonNode) node = text ? rifq_json_parse (text, -1, NULL) : NULL;

  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

/* {"ar": …, "en": …} of a code in one of the policy's tables. */
void
_rifq_seal_add_labels (JsonBuilder        *builder,
                       RifqDb             *db,
                       RifqSealLabelTable  table,
                       const char         *name,
                       const char         *code)
{
  static const char *sql[] = {
    [RIFQ_SEAL_LABELS_SUPPORT_KIND] = "SELECT label_ar, label_en FROM support_kind WHERE code = ?",
    [RIFQ_SEAL_LABELS_CHANNEL] = "SELECT label_ar, label_en FROM channel WHERE code = ?",
    [RIFQ_SEAL_LABELS_DOCUMENT_TYPE] = "SELECT label_ar, label_en FROM document_type WHERE code = ?",
  };
  RifqStatement *stmt = rifq_db_query (db, sql[table], RIFQ_PARAMS (RIFQ_TEXT (code)), NULL);
  g_autofree char *ar = NULL;
  g_autofree char *en = NULL;

  if (stmt != NULL)
    {
      if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
        {
          ar = rifq_statement_dup_text (stmt, 0);
          en = rifq_statement_dup_text (stmt, 1);
        }
      rifq_statement_reset (stmt);
    }
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "ar", ar ? ar : code);
  rifq_json_add_string (builder, "en", en ? en : code);
  json_builder_end_object (builder);
}

/* A member of staff's full name, as a member (name) or, with name NULL, an array element. */
void
_rifq_seal_add_staff_name (JsonBuilder *builder,
                           RifqDb      *db,
                           const char  *name,
                           const char  *username)
{
  g_autoptr(RifqStaff) staff = username ? rifq_staff_get (db, username, NULL) : NULL;
  const char *full = staff ? staff->full_name : username;

  if (name != NULL)
    rifq_json_add_string (builder, name, full);
  else if (full != NULL)
    json_builder_add_string_value (builder, full);
  else
    json_builder_add_null_value (builder);
}

/* The request's own record: what was signed and submitted. Compared with the record as it stands
 * whenever the seal is checked. */
static void
add_request_record (JsonBuilder       *builder,
                    const RifqRequest *r)
{
  json_builder_set_member_name (builder, "request");
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "number", r->number);
  rifq_json_add_int (builder, "beneficiary_id", r->beneficiary_id);
  rifq_json_add_string (builder, "kind", r->kind);
  rifq_json_add_string (builder, "channel", r->channel);
  rifq_json_add_string (builder, "description", r->description);
  json_builder_set_member_name (builder, "amount");
  if (r->amount >= 0)
    json_builder_add_int_value (builder, r->amount);
  else
    json_builder_add_null_value (builder);
  rifq_json_add_string (builder, "received_by", r->received_by);
  rifq_json_add_string (builder, "received_at", r->received_at);
  rifq_json_add_string (builder, "declaration", r->declaration);
  add_json (builder, "signature", r->signature_json);
  rifq_json_add_string (builder, "signer", r->signer);
  rifq_json_add_string (builder, "signer_name", r->signer_name);
  rifq_json_add_string (builder, "signer_relation", r->signer_relation);
  rifq_json_add_string (builder, "sign_mark", r->sign_mark);
  rifq_json_add_string (builder, "officer_name", r->officer_name);
  rifq_json_add_string (builder, "signed_at", r->signed_at);
  rifq_json_add_string (builder, "submitted_on", r->submitted_on);
  rifq_json_add_string (builder, "due_on", r->due_on);
  add_json (builder, "documents", r->validity_json);
  json_builder_set_member_name (builder, "referrals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < r->referrals->len; i++)
    {
      const RifqReferral *ref = g_ptr_array_index (r->referrals, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "question", ref->question);
      rifq_json_add_string (builder, "answer", ref->answer);
      rifq_json_add_string (builder, "answered_by", ref->answered_by);
      rifq_json_add_string (builder, "visit_on", ref->visit_on);
      rifq_json_add_string (builder, "visit_findings", ref->visit_findings);
      rifq_json_add_string (builder, "visit_household", ref->visit_household);
      rifq_json_add_string (builder, "visit_recommendation", ref->visit_recommendation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* What the document prints beside the record, as it read on the day: the beneficiary, the
 * policy's labels, the names of staff. Later changes to these (a new address, a renamed kind)
 * are the registry's business, audited there; the sealed document keeps the day's. */
static void
add_as_printed (JsonBuilder       *builder,
                RifqDb            *db,
                const RifqRequest *r,
                RifqBeneficiary   *b)
{
  g_autofree char *name = rifq_beneficiary_dup_full_name (b);
  g_autofree char *association_ar = rifq_db_get_setting (db, "association_name_ar");
  g_autofree char *association_en = rifq_db_get_setting (db, "association_name_en");

  json_builder_set_member_name (builder, "as_printed");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "association");
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "ar", association_ar);
  rifq_json_add_string (builder, "en", association_en);
  json_builder_end_object (builder);
  rifq_json_add_string (builder, "name", name);
  json_builder_set_member_name (builder, "beneficiary");
  json_builder_begin_object (builder);
  for (RifqField f = 0; f < RIFQ_N_FIELDS; f++)
    rifq_json_add_string (builder, rifq_field_info (f)->key, rifq_beneficiary_get (b, f));
  json_builder_end_object (builder);
  _rifq_seal_add_labels (builder, db, RIFQ_SEAL_LABELS_SUPPORT_KIND, "kind", r->kind);
  _rifq_seal_add_labels (builder, db, RIFQ_SEAL_LABELS_CHANNEL, "channel", r->channel);
  _rifq_seal_add_staff_name (builder, db, "received_by", r->received_by);
  json_builder_set_member_name (builder, "researchers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < r->referrals->len; i++)
    _rifq_seal_add_staff_name (builder, db, NULL, ((const RifqReferral *) g_ptr_array_index (r->referrals, i))->answered_by);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_object (builder);
  for (guint i = 0; i < r->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);

      _rifq_seal_add_labels (builder, db, RIFQ_SEAL_LABELS_DOCUMENT_TYPE, doc->type, doc->type);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static char *
request_values (RifqDb            *db,
                const RifqRequest *r,
                RifqBeneficiary   *b)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  /* Members always in this order: the same request gives the same bytes, on any machine. */
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "doc", "request");
  rifq_json_add_string (builder, "number", r->number);
  add_request_record (builder, r);
  add_as_printed (builder, db, r, b);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return rifq_json_to_text (root);
}

char *
rifq_seal_request_values (RifqDb  *db,
                          gint64   request_id,
                          GError **error)
{
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqBeneficiary) b = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  r = rifq_request_store_get (db, request_id, error);
  if (r == NULL)
    return NULL;
  b = rifq_beneficiary_store_get (db, r->beneficiary_id, error);
  if (b == NULL)
    return NULL;
  return request_values (db, r, b);
}

/* A summary opens with the kind of document and its number, holds the values items name, what
 * more adds, and closes with when it was sealed and the digest of every value. */
char *
_rifq_seal_summary (const char                *doc,
                    const char                *values,
                    const char                *sealed_at,
                    const RifqSealSummaryItem *items,
                    RifqSealSummaryFunc        more)
{
  g_autoptr(JsonNode) root = rifq_json_parse (values, -1, NULL);
  JsonObject *all = json_node_get_object (root);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, values, -1);
  g_autoptr(JsonNode) summary = NULL;

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "doc", doc);
  rifq_json_add_string (builder, "number", json_object_get_string_member (all, "number"));
  for (const RifqSealSummaryItem *item = items; item->name != NULL; item++)
    {
      g_auto(GStrv) path = g_strsplit (item->path, ".", -1);
      JsonNode *node = root;

      for (guint i = 0; path[i] != NULL && node != NULL; i++)
        node = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), path[i]) : NULL;
      json_builder_set_member_name (builder, item->name);
      json_builder_add_value (builder, node ? json_node_copy (node) : json_node_new (JSON_NODE_NULL));
    }
  if (more != NULL)
    more (builder, all);
  rifq_json_add_string (builder, "sealed_at", sealed_at);
  rifq_json_add_string (builder, "values_sha256", digest);
  json_builder_end_object (builder);
  summary = json_builder_get_root (builder);
  return rifq_json_to_text (summary);
}

/* The summary: the values a person checks on paper, and the digest of all the others. */
static const RifqSealSummaryItem request_summary[] = {
  { "national_id", "as_printed.beneficiary.national_id" },
  { "name", "as_printed.name" },
  { "kind", "as_printed.kind.ar" },
  { "amount", "request.amount" },
  { "submitted_on", "request.submitted_on" },
  { "due_on", "request.due_on" },
  { NULL, NULL },
};

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

static char *
payload_of (const guchar *public_key,
            const guchar *signature,
            const char   *summary)
{
  g_autofree char *key64 = base64url (public_key, RIFQ_SEAL_KEY_BYTES);
  g_autofree char *signature64 = base64url (signature, RIFQ_SEAL_SIG_BYTES);
  g_autofree char *summary64 = base64url ((const guchar *) summary, strlen (summary));

  return g_strdup_printf ("%s.%s.%s.%s", RIFQ_SEAL_PREFIX, key64, signature64, summary64);
}

void
rifq_seal_free (RifqSeal *seal)
{
  if (seal == NULL)
    return;
  g_free (seal->kind);
  g_free (seal->number);
  g_free (seal->values_json);
  g_free (seal->summary_json);
  g_free (seal->payload);
  g_free (seal->short_code);
  g_free (seal->key_id);
  g_free (seal->sealed_at);
  g_free (seal);
}

/* Signs summary with the key in use and keeps the seal with its values, in the write. */
gboolean
_rifq_seal_store (RifqDb       *db,
                  RifqDbWrite  *write,
                  const char   *kind,
                  gint64        subject_id,
                  const char   *number,
                  const char   *values,
                  const char   *summary,
                  const char   *stamp,
                  GError      **error)
{
  g_autofree char *key_id = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guchar public_key[RIFQ_SEAL_KEY_BYTES];
  guchar signature[RIFQ_SEAL_SIG_BYTES];

  if (!sign_current (db, (const guchar *) summary, strlen (summary), public_key, signature, error))
    return FALSE;
  key_id = key_id_of (public_key);

  if (!rifq_db_execute (db, "INSERT INTO seal (kind, subject_id, number, values_json, summary_json, signature,"
                            " key_id, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (kind, subject_id) DO UPDATE SET number = excluded.number,"
                            " values_json = excluded.values_json, summary_json = excluded.summary_json,"
                            " signature = excluded.signature, key_id = excluded.key_id,"
                            " sealed_at = excluded.sealed_at",
                        RIFQ_PARAMS (RIFQ_TEXT (kind), RIFQ_INT (subject_id), RIFQ_TEXT (number), RIFQ_TEXT (values),
                                     RIFQ_TEXT (summary), RIFQ_BYTES (signature, sizeof signature), RIFQ_TEXT (key_id),
                                     RIFQ_TEXT (stamp)), error))
    return FALSE;

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "number", number);
  rifq_json_add_string (builder, "summary", summary);
  rifq_json_add_string (builder, "key_id", key_id);
  json_builder_end_object (builder);
  rifq_db_write_audit_take (write, "seal", kind, subject_id, NULL, json_builder_get_root (builder), NULL);
  return TRUE;
}

gboolean
rifq_seal_request_in (RifqDb      *db,
                      RifqDbWrite *write,
                      gint64       request_id,
                      GError     **error)
{
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *values = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  r = rifq_request_store_get (db, request_id, error);
  values = r ? rifq_seal_request_values (db, request_id, error) : NULL;
  if (values == NULL)
    return FALSE;
  summary = _rifq_seal_summary ("request", values, stamp, request_summary, NULL);
  return _rifq_seal_store (db, write, "request", request_id, r->number, values, summary, stamp, error);
}

static RifqSeal *
load_seal (RifqDb     *db,
           const char *kind,
           gint64      subject_id,
           GError    **error)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT s.id, s.number, s.values_json, s.summary_json, s.signature,"
                                          " s.key_id, s.sealed_at, k.public_key FROM seal s"
                                          " LEFT JOIN seal_public_key k ON k.key_id = s.key_id"
                                          " WHERE s.kind = ? AND s.subject_id = ?",
                                      RIFQ_PARAMS (RIFQ_TEXT (kind), RIFQ_INT (subject_id)), error);
  RifqSeal *seal = NULL;

  if (stmt == NULL)
    return NULL;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      guchar signature[RIFQ_SEAL_SIG_BYTES] = { 0 };
      guchar public_key[RIFQ_SEAL_KEY_BYTES] = { 0 };

      seal = g_new0 (RifqSeal, 1);
      seal->id = rifq_statement_get_int64 (stmt, 0);
      seal->kind = g_strdup (kind);
      seal->subject_id = subject_id;
      seal->number = rifq_statement_dup_text (stmt, 1);
      seal->values_json = rifq_statement_dup_text (stmt, 2);
      seal->summary_json = rifq_statement_dup_text (stmt, 3);
      if (rifq_statement_get_size (stmt, 4) == RIFQ_SEAL_SIG_BYTES)
        memcpy (signature, rifq_statement_get_blob (stmt, 4), sizeof signature);
      seal->key_id = rifq_statement_dup_text (stmt, 5);
      seal->sealed_at = rifq_statement_dup_text (stmt, 6);
      if (rifq_statement_get_size (stmt, 7) == RIFQ_SEAL_KEY_BYTES)
        memcpy (public_key, rifq_statement_get_blob (stmt, 7), sizeof public_key);
      seal->payload = payload_of (public_key, signature, seal->summary_json ? seal->summary_json : "");
      seal->short_code = short_code (signature);
    }
  rifq_statement_reset (stmt);
  return seal;
}

static const RifqSealLabel request_labels[] = {
  { "number", N_("the request number") },
  { "beneficiary_id", N_("whose request it is") },
  { "kind", N_("the kind of support") },
  { "channel", N_("the channel") },
  { "description", N_("what the applicant asks for") },
  { "amount", N_("the amount asked for") },
  { "received_by", N_("who received it") },
  { "received_at", N_("when it was received") },
  { "declaration", N_("the declaration") },
  { "signature", N_("the applicant’s signature") },
  { "signer", N_("who signed") },
  { "signer_name", N_("the signer’s name") },
  { "signer_relation", N_("the signer’s relation") },
  { "sign_mark", N_("the mark of signature") },
  { "officer_name", N_("the confirming officer") },
  { "signed_at", N_("when it was signed") },
  { "submitted_on", N_("the submission day") },
  { "due_on", N_("the reply date") },
  { "documents", N_("the documents and their validity") },
  { "referrals", N_("the social research") },
  { NULL, NULL },
};

/* The members of a sealed record (values' member record) that differ, by their labels. */
static char *
describe_differences (const char  *record,
                      const RifqSealLabel *labels,
                      const char  *sealed_values,
                      const char  *live_values)
{
  g_autoptr(JsonNode) sealed = rifq_json_parse (sealed_values, -1, NULL);
  g_autoptr(JsonNode) live = rifq_json_parse (live_values, -1, NULL);
  JsonObject *a, *b;
  g_autoptr(GString) names = g_string_new (NULL);

  if (sealed == NULL || live == NULL || !JSON_NODE_HOLDS_OBJECT (sealed))
    return g_strdup (_("the sealed record"));
  a = json_object_get_object_member (json_node_get_object (sealed), record);
  b = json_object_get_object_member (json_node_get_object (live), record);
  if (a == NULL || b == NULL)
    return g_strdup (_("the sealed record"));
  for (const RifqSealLabel *l = labels; l->member != NULL; l++)
    {
      JsonNode *x = json_object_get_member (a, l->member);
      JsonNode *y = json_object_get_member (b, l->member);
      g_autofree char *tx = x ? rifq_json_to_text (x) : NULL;
      g_autofree char *ty = y ? rifq_json_to_text (y) : NULL;

      if (g_strcmp0 (tx, ty) != 0)
        {
          if (names->len > 0)
            g_string_append (names, _(", "));
          g_string_append (names, _(l->label));
        }
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The request's number and whether it was submitted; FALSE when there is no such request. */
static gboolean
request_standing (RifqDb    *db,
                  gint64     request_id,
                  char     **out_number,
                  gboolean  *out_submitted)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT number, submitted_at IS NOT NULL FROM request WHERE id = ?",
                                      RIFQ_PARAMS (RIFQ_INT (request_id)), NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  found = rifq_statement_step (stmt) == RIFQ_STEP_ROW;
  if (found)
    {
      *out_number = rifq_statement_dup_text (stmt, 0);
      *out_submitted = rifq_statement_get_int (stmt, 1) != 0;
    }
  rifq_statement_reset (stmt);
  return found;
}

gboolean
_rifq_seal_has_row (RifqDb     *db,
                    const char *sql,
                    gint64      id)
{
  gint64 value;
  gboolean listed;

  rifq_db_query_int (db, sql, RIFQ_PARAMS (RIFQ_INT (id)), &value, &listed, NULL);
  return listed;
}

/* Records sealed nowhere because they were made before seals: the keyed audit log lists them by
 * kind ("unsealed" requests, "unsealed_letters", "unsealed_minutes"), written when the database
 * was upgraded, so that a seal deleted later is not mistaken for one of them. Asked only when a
 * seal is missing: the list can hold every request of an old database. */
static gboolean
legacy_listed (RifqDb     *db,
               const char *list,
               gint64      id)
{
  gint64 one;
  gboolean listed;

  rifq_db_query_int (db, "SELECT 1 FROM audit, json_each (audit.after_json, '$.' || ?1)"
                         " WHERE audit.record_kind = 'seal' AND audit.action = 'legacy'"
                         " AND json_each.value = ?2 LIMIT 1", RIFQ_PARAMS (RIFQ_TEXT (list), RIFQ_INT (id)),
                     &one, &listed, NULL);
  return listed;
}

/* A sealed record against its seal and its record as it stands. subject names it in sentences
 * ("Request 1448/000001"); a missing seal was removed when the record should be sealed
 * (should_be_sealed) and is not in the legacy list of its kind. */
RifqSealState
_rifq_seal_check (RifqDb               *db,
                  const char           *kind,
                  gint64                subject_id,
                  const char           *subject,
                  gboolean              should_be_sealed,
                  const char           *legacy_list,
                  RifqSealValuesFunc    values_func,
                  const char           *record,
                  const RifqSealLabel  *labels,
                  RifqSeal            **out_seal,
                  char                **out_message)
{
  g_autoptr(RifqSeal) seal = NULL;
  g_autoptr(RifqKeyring) ring = NULL;
  g_autoptr(JsonObject) summary = NULL;
  g_autofree char *live = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *message = NULL;
  RifqSealState state = RIFQ_SEAL_STATE_GENUINE;

  seal = load_seal (db, kind, subject_id, NULL);
  if (seal == NULL)
    {
      if (!should_be_sealed || legacy_listed (db, legacy_list, subject_id))
        return RIFQ_SEAL_STATE_NONE;
      if (out_message != NULL)
        *out_message = g_strdup_printf (_("%s: its seal is missing: it was removed behind Rifq’s back."), subject);
      return RIFQ_SEAL_STATE_ALTERED;
    }

  ring = rifq_keyring_from_db (db, NULL);
  if (ring == NULL || rifq_seal_verify_payload (ring, seal->payload, &summary, NULL) != RIFQ_SEAL_VALID
      || seal->values_json == NULL)
    {
      state = RIFQ_SEAL_STATE_ALTERED;
      message = g_strdup_printf (_("%s: its stored seal was changed outside Rifq and no longer verifies."), subject);
    }
  else
    {
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seal->values_json, -1);
      if (g_strcmp0 (digest, json_object_get_string_member_with_default (summary, "values_sha256", "")) != 0)
        {
          state = RIFQ_SEAL_STATE_ALTERED;
          message = g_strdup_printf (_("%s: the sealed values stored with it were changed outside Rifq."), subject);
        }
    }
  if (state == RIFQ_SEAL_STATE_GENUINE)
    {
      g_autoptr(GError) error = NULL;

      live = values_func (db, subject_id, &error);
      if (live == NULL)
        {
          state = RIFQ_SEAL_STATE_ALTERED;
          message = g_strdup_printf (_("%s: its record cannot be read: %s"), subject, error->message);
        }
      else
        {
          g_autofree char *differs = describe_differences (record, labels, seal->values_json, live);

          if (*differs != '\0')
            {
              state = RIFQ_SEAL_STATE_ALTERED;
              /* "The minutes … were", in English at least. */
              message = g_str_equal (kind, "minutes")
                          ? g_strdup_printf (_("%s were changed outside Rifq after they were sealed. Not as signed: %s."),
                                             subject, differs)
                          : g_strdup_printf (_("%s was changed outside Rifq after it was sealed. Not as signed: %s."),
                                             subject, differs);
            }
        }
    }
  if (state == RIFQ_SEAL_STATE_GENUINE)
    {
      /* What is said of a genuine seal comes from what was signed, not from the row beside it. */
      g_free (seal->number);
      seal->number = g_strdup (json_object_get_string_member_with_default (summary, "number", ""));
      g_free (seal->sealed_at);
      seal->sealed_at = g_strdup (json_object_get_string_member_with_default (summary, "sealed_at", ""));
      message = g_strdup_printf (_("%s matches its seal of %s."), subject, seal->sealed_at);
    }
  if (out_message != NULL)
    *out_message = g_steal_pointer (&message);
  if (out_seal != NULL)
    *out_seal = g_steal_pointer (&seal);
  return state;
}

RifqSealState
rifq_seal_check_request (RifqDb    *db,
                         gint64     request_id,
                         RifqSeal **out_seal,
                         char     **out_message)
{
  g_autofree char *number = NULL;
  g_autofree char *subject = NULL;
  gboolean submitted = FALSE;

  g_return_val_if_fail (RIFQ_IS_DB (db), RIFQ_SEAL_STATE_NONE);

  if (out_seal != NULL)
    *out_seal = NULL;
  if (out_message != NULL)
    *out_message = NULL;
  if (!request_standing (db, request_id, &number, &submitted))
    return RIFQ_SEAL_STATE_NONE;
  /* Submitted means sealed, unless it was submitted before Rifq sealed at submission. */
  subject = g_strdup_printf (_("Request %s"), number);
  return _rifq_seal_check (db, "request", request_id, subject, submitted, "unsealed",
                           rifq_seal_request_values, "request", request_labels, out_seal, out_message);
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
      || !decode_exact (parts[1], public_key, sizeof public_key) || !decode_exact (parts[2], signature, sizeof signature)
      || (summary = from_base64url (parts[3])) == NULL)
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The seal is damaged or is not a Rifq seal.")));

  summary_text = g_strndup (g_bytes_get_data (summary, NULL), g_bytes_get_size (summary));
  v = check_signature (ring, public_key, signature, g_bytes_get_data (summary, NULL), g_bytes_get_size (summary),
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

  if (!start_sodium (error))
    return NULL;
  signer = g_new0 (RifqSealSigner, 1);
  signer->secret = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  if (signer->secret == NULL || !current_key (db, &key_id, signer->public_key, error)
      || !read_private_key (key_id, signer->public_key, signer->secret, error))
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
  key64 = base64url (signer->public_key, sizeof signer->public_key);
  signature64 = base64url (signature, sizeof signature);
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
  if (g_strv_length (parts) != 2 || !decode_exact (parts[0], public_key, sizeof public_key)
      || !decode_exact (parts[1], signature, sizeof signature))
    return rifq_seal_verdict_take (RIFQ_SEAL_MALFORMED, out_message, g_strdup (_("The file seal is damaged.")));
  if (!keyring_trusts (ring, public_key))
    return check_signature (ring, public_key, signature, data, start, out_message);
  if (crypto_sign_verify_detached (signature, data, start, public_key) != 0)
    return rifq_seal_verdict_take (RIFQ_SEAL_DOCUMENT_CHANGED, out_message,
                                   g_strdup (_("The file was changed after it was sealed: its bytes are no longer those the "
                                               "association signed.")));
  return rifq_seal_verdict_take (RIFQ_SEAL_VALID, out_message, g_strdup (_("The file is exactly as the association sealed it.")));
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
      if (amount != NULL)
        {
          g_string_append (text, _(", "));
          g_string_append_printf (text, _("%s riyals"), amount);
        }
      g_string_append (text, _("; "));
      g_string_append_printf (text, _("dated %s."), json_object_get_string_member_with_default (summary, "issued_on",
                                                                                               "—"));
      return g_string_free (text, FALSE);
    }

  g_string_append_printf (text, _("Request %s of %s (national ID %s): %s"), number, name, national_id,
                          json_object_get_string_member_with_default (summary, "kind", "—"));
  if (amount != NULL)
    {
      g_string_append (text, _(", "));
      g_string_append_printf (text, _("%s riyals"), amount);
    }
  g_string_append (text, _("; "));
  g_string_append_printf (text, _("submitted on %s, reply due by %s."),
                          json_object_get_string_member_with_default (summary, "submitted_on", "—"),
                          json_object_get_string_member_with_default (summary, "due_on", "—"));
  return g_string_free (text, FALSE);
}
