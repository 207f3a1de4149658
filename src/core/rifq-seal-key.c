/* rifq-seal-key.c: the association's seal key: its file, its row in the database, signing with it
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-seal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-permission.h"
#include "rifq-seal-private.h"
#include "rifq-seal.h"
#include "rifq-staff.h"
#include "rifq-statement.h"

#define KEY_ID_BYTES 8

/* Encodings */

char *
_rifq_seal_base64url (const guchar *data,
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

GBytes *
_rifq_seal_from_base64url (const char *text)
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

gboolean
_rifq_seal_decode_exact (const char *text,
                         guchar     *out,
                         gsize       length)
{
  g_autoptr(GBytes) bytes = text ? _rifq_seal_from_base64url (text) : NULL;

  if (bytes == NULL || g_bytes_get_size (bytes) != length)
    return FALSE;
  memcpy (out, g_bytes_get_data (bytes, NULL), length);
  return TRUE;
}

char *
_rifq_seal_key_id (const guchar *public_key)
{
  return rifq_hex (public_key, KEY_ID_BYTES);
}

char *
_rifq_seal_fingerprint_hex (const guchar *public_key)
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

  plain = _rifq_seal_fingerprint_hex (public_key);
  for (guint i = 0; plain[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (text, ' ');
      g_string_append_c (text, g_ascii_toupper (plain[i]));
    }
  return g_string_free (text, FALSE);
}

/* The private key's file */

char *
rifq_seal_key_dir (void)
{
  return rifq_db_key_dir ();
}

char *
_rifq_seal_key_path (const char *key_id)
{
  return rifq_db_key_path (key_id, ".key");
}

static gboolean
write_private_key (const char   *key_id,
                   const guchar *secret,
                   GError      **error)
{
  g_autofree char *path = _rifq_seal_key_path (key_id);
  g_autofree char *encoded = _rifq_seal_base64url (secret, crypto_sign_SECRETKEYBYTES);
  g_autofree char *text = g_strconcat (RIFQ_SEAL_PREFIX, "-SECRET ", encoded, "\n", NULL);
  gboolean ok = rifq_db_write_private_file (path, text, error);

  sodium_memzero (encoded, strlen (encoded));
  sodium_memzero (text, strlen (text));
  return ok;
}

/* The private key of public_key, from its file: private to its owner, and the half of this pair. */
gboolean
_rifq_seal_read_private_key (const char   *key_id,
                             const guchar *public_key,
                             guchar       *secret,
                             GError      **error)
{
  g_autofree char *path = _rifq_seal_key_path (key_id);
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
  ok = g_str_has_prefix (text, prefix)
       && _rifq_seal_decode_exact (text + strlen (prefix), secret, crypto_sign_SECRETKEYBYTES)
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

gboolean
_rifq_seal_current_key (RifqDb  *db,
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
gboolean
_rifq_seal_sign (RifqDb       *db,
                 const guchar *message,
                 gsize         length,
                 guchar       *public_key,
                 guchar       *signature,
                 GError      **error)
{
  guchar secret[crypto_sign_SECRETKEYBYTES];
  g_autofree char *key_id = NULL;

  if (!rifq_db_start_crypto (error) || !_rifq_seal_current_key (db, &key_id, public_key, error)
      || !_rifq_seal_read_private_key (key_id, public_key, secret, error))
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
  rifq_json_add_string (builder, "key_id", key_id);
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

  if (_rifq_seal_current_key (db, &previous, old, NULL))
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
  job.key_id = _rifq_seal_key_id (job.public_key);
  path = _rifq_seal_key_path (job.key_id);
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

  /* Only a desk's file made before schema 5 has it; a server's schema never had a key in it. */
  if (!rifq_db_has_table (db, "seal_key_to_move", &found, error))
    return FALSE;
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
  key_id = found ? _rifq_seal_key_id (public_key) : g_strdup ("-");
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

  if (!rifq_db_start_crypto (error) || !move_legacy_key (db, error))
    return FALSE;
  if (_rifq_seal_current_key (db, NULL, public_key, NULL))
    return TRUE;
  /* Keys retired outside Rifq are not replaced behind anyone's back: sealing is refused, saying
   * why, until an administrator makes a new key (seal rotate). */
  if (has_any_key (db))
    return TRUE;
  /* Nor made by whoever opens a database whose keys were deleted: only by who may change them
   * (on a new database, its first administrator). */
  if (!rifq_permission_allows (RIFQ_PERMISSION_SEAL_KEY, rifq_staff_actor_roles (db)))
    return TRUE;
  return make_key (db, FALSE, NULL, error);
}

gboolean
rifq_seal_rotate_key (RifqDb  *db,
                      char   **out_key_id,
                      GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_SEAL_KEY, error))
    return FALSE;
  return rifq_db_start_crypto (error) && make_key (db, TRUE, out_key_id, error);
}

char *
rifq_seal_public_key (RifqDb  *db,
                      char   **out_key_id,
                      char   **out_fingerprint,
                      GError **error)
{
  guchar public_key[RIFQ_SEAL_KEY_BYTES];

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_db_start_crypto (error) || !_rifq_seal_current_key (db, out_key_id, public_key, error))
    return NULL;
  if (out_fingerprint != NULL)
    *out_fingerprint = rifq_seal_fingerprint (public_key);
  return g_base64_encode (public_key, sizeof public_key);
}
