/* test-seal.c: the association's seal, made once at submission, and what a forger tries on it
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rifq-error.h"
#include "rifq-seal.h"
#include "rifq-test-request.h"

typedef struct
{
  RifqDb   *db;
  char     *path;
  gint64    request_id;
  RifqSeal *seal;
} Sealed;

static void
sealed_set_up (Sealed        *f,
               gconstpointer  data)
{
  f->db = rifq_test_db_new (&f->path);
  rifq_test_staff (f->db);
  f->request_id = rifq_test_submitted_request (f->db, rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_1, "محمد",
                                                                                 "0501234567"),
                                               "food_basket");
  g_assert_cmpint (rifq_seal_check_request (f->db, f->request_id, &f->seal, NULL), ==, RIFQ_SEAL_STATE_GENUINE);
}

static void
sealed_tear_down (Sealed        *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->seal, rifq_seal_free);
  g_clear_object (&f->db);
  g_free (f->path);
}

static void
run_sql (RifqDb     *db,
         const char *sql)
{
  rifq_test_sql (db, sql);
}

static RifqSealState
check (Sealed  *f,
       char   **out_message)
{
  return rifq_seal_check_request (f->db, f->request_id, NULL, out_message);
}

static RifqKeyring *
exported_keyring (RifqDb *db)
{
  g_autoptr(RifqKeyring) ring = rifq_keyring_from_db (db, NULL);
  g_autofree char *text = rifq_keyring_to_json (ring, "Ruhamaa");

  return rifq_keyring_from_json (text, NULL);
}

/* Keys */

static void
test_key_made_once_outside_the_database (void)
{
  g_autofree char *path = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *dir = rifq_seal_key_dir ();
  g_autofree char *name = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_seal_ensure_key (db, &error));
  first = rifq_seal_public_key (db, &key_id, &fingerprint, &error);
  g_assert_true (rifq_seal_ensure_key (db, &error));
  second = rifq_seal_public_key (db, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (strlen (key_id), ==, 16);
  g_assert_cmpuint (strlen (fingerprint), ==, 64 + 15);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE record_kind = 'seal_key'"), ==, 1);

  /* The private key is a file readable by its owner alone; the database holds no secret. */
  name = g_strconcat (key_id, ".key", NULL);
  key_file = g_build_filename (dir, name, NULL);
  g_assert_cmpint (g_stat (key_file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_DIALECT ("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%secret%'",
                                                           "SELECT count(*) FROM information_schema.columns"
                                                           " WHERE table_schema = current_schema ()"
                                                           " AND column_name LIKE '%secret%'")), ==, 0);
  g_assert_true (g_file_get_contents (key_file, &contents, NULL, NULL));
  {
    g_autofree char *db_bytes = NULL;
    g_autofree char *secret_part = g_strndup (contents + strlen ("RIFQ2-SECRET "), 40);

    if (rifq_test_on_server ())
      {
        /* Every row of every table, as text. */
        RifqStatement *tables = rifq_db_prepare (db, "SELECT table_name FROM information_schema.tables"
                                                     " WHERE table_schema = current_schema ()", NULL);
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

        while (rifq_statement_step (tables) == RIFQ_STEP_ROW)
          g_ptr_array_add (names, g_strdup (rifq_statement_get_text (tables, 0)));
        rifq_statement_reset (tables);
        g_assert_cmpuint (names->len, >, 20);
        for (guint i = 0; i < names->len; i++)
          {
            g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE t::text LIKE '%%%s%%'",
                                                    (char *) g_ptr_array_index (names, i), secret_part);

            g_assert_cmpint (rifq_test_count (db, sql), ==, 0);
          }
        return;
      }
    run_sql (db, "PRAGMA wal_checkpoint(TRUNCATE)");
    g_assert_true (g_file_get_contents (path, &db_bytes, &length, NULL));
    g_assert_null (g_strstr_len (db_bytes, length, secret_part));
  }
}

/* A database of schema 4 kept its private key in a table: opening it moves the key out. */
static void
test_old_database_key_moved_out (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char *names[] = { "0001-initial.sql", "0002-requests.sql", "0003-committee.sql", "0004-meeting-rule.sql" };
  guchar public_key[32], secret[64];
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *public64 = NULL;
  g_autofree char *expected64 = NULL;
  sqlite3 *handle;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sodium_init (), >=, 0);
  crypto_sign_keypair (public_key, secret);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (g_getenv ("RIFQ_SOURCE_DIR"), "src", "core", "migrations", names[i], NULL);
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
      g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT INTO seal_key VALUES (1, ?, ?, '2026-01-01T00:00:00Z')", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, secret, 64, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, public_key, 32, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  /* Meeting 1 decided every case on its agenda: its minutes were final, unsealed; meeting 2 still
   * has a case to decide. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO meeting (id, held_on, created_by, created_at) VALUES"
                                 " (1, '2026-01-10', 'chair', '2026-01-01T00:00:00Z'),"
                                 " (2, '2026-01-20', 'chair', '2026-01-01T00:00:00Z');"
                                 "INSERT INTO agenda_item VALUES (1, 1, 1), (2, 2, 1);"
                                 "INSERT INTO decision VALUES (1, 1, 1, 'accept', 100, 'x', '{}', 'chair',"
                                 " '2026-01-10T10:00:00Z');", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 4; PRAGMA application_id = 1380533841;", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  db = rifq_test_db_open (path, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_seal_ensure_key (db, &error));
  g_assert_no_error (error);
  public64 = rifq_seal_public_key (db, &key_id, NULL, &error);
  expected64 = g_base64_encode (public_key, 32);
  g_assert_cmpstr (public64, ==, expected64);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'seal_key_to_move'"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'move_out'"), ==, 1);
  /* The final minutes are listed as made before seals, printed without one; the draft is not. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit, json_each (audit.after_json, '$.unsealed_minutes')"
                                        " WHERE value = 1"), ==, 1);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit, json_each (audit.after_json, '$.unsealed_minutes')"
                                        " WHERE value = 2"), ==, 0);
  g_assert_cmpint (rifq_seal_check_minutes (db, 1, NULL, NULL), ==, RIFQ_SEAL_STATE_NONE);
  {
    /* The key moved is the key that seals: a request submitted now verifies with it. */
    g_autoptr(RifqSealSigner) signer = rifq_seal_signer_new (db, &error);

    g_assert_no_error (error);
    g_assert_nonnull (signer);
  }
}

static void
test_copied_database_cannot_seal (Sealed        *f,
                                  gconstpointer  data)
{
  g_autofree char *elsewhere = g_dir_make_tmp ("rifq-keys-XXXXXX", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("RIFQ_KEY_DIR"));
  g_autoptr(GError) error = NULL;
  gint64 second;

  /* The database alone, on a workstation without the key file. */
  g_setenv ("RIFQ_KEY_DIR", elsewhere, TRUE);
  g_assert_null (rifq_seal_signer_new (f->db, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not hold the association’s seal key"));
  g_clear_error (&error);

  /* Nor can it submit a request: the seal is part of the submission, so nothing is written. */
  second = rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_2, "سعد", "0507654321");
  {
    g_autoptr(RifqRequest) r = NULL;
    g_autoptr(RifqSignature) s = rifq_signature_new (400, 200);
    g_autofree char *strokes = NULL;
    RifqRequestDraft draft = { second, "food_basket", "interview", "سلة", -1, NULL };
    RifqSigning signing = { NULL, "applicant", NULL, NULL, "signature", "نورة العتيبي" };
    g_autoptr(GPtrArray) checklist = rifq_request_store_checklist (f->db, "food_basket", NULL);
    gint64 seals = rifq_test_count (f->db, "SELECT count(*) FROM seal");

    rifq_signature_begin_stroke (s);
    rifq_signature_add_point (s, 10, 10, 0.5);
    rifq_signature_add_point (s, 90, 40, 0.5);
    strokes = rifq_signature_to_json (s);
    signing.signature_json = strokes;
    rifq_db_set_actor (f->db, "desk");
    r = rifq_request_store_create (f->db, &draft, &error);
    g_assert_true (rifq_request_store_advance (f->db, r->id, RIFQ_ACTION_COLLECT, NULL, &error));
    for (guint i = 0; i < checklist->len; i++)
      {
        RifqDocument *type = g_ptr_array_index (checklist, i);
        RifqDocument doc = { .type = type->type, .number = (char *) "77", .issued_on = (char *) "2020-01-01",
                             .expires_on = type->has_expiry ? (char *) "2030-01-01" : NULL, .matched = TRUE };

        g_assert_true (rifq_request_store_save_document (f->db, r->id, &doc, &error));
      }
    g_assert_true (rifq_request_store_advance (f->db, r->id, RIFQ_ACTION_VERIFY, NULL, &error));
    g_assert_true (rifq_request_store_sign (f->db, r->id, &signing, &error));
    g_assert_false (rifq_request_store_advance (f->db, r->id, RIFQ_ACTION_SUBMIT, NULL, &error));
    g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND);
    {
      g_autoptr(RifqRequest) after = rifq_request_store_get (f->db, r->id, NULL);

      g_assert_cmpint (after->state, ==, RIFQ_REQUEST_READY_TO_SIGN);
    }
    g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM seal"), ==, seals);
  }
  g_setenv ("RIFQ_KEY_DIR", saved, TRUE);
}

/* The key folder's files copied into a folder of this test's own, which RIFQ_KEY_DIR names until
 * the test puts back the folder it returns: what the test does to it (a mode opened, a key moved)
 * is never seen by the other tests running at the same time on the shared folder. */
static char *
use_own_key_dir (void)
{
  char *shared = rifq_seal_key_dir ();
  g_autofree char *own = g_dir_make_tmp ("rifq-keys-XXXXXX", NULL);
  g_autoptr(GDir) folder = g_dir_open (shared, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *from = g_build_filename (shared, name, NULL);
      g_autofree char *to = g_build_filename (own, name, NULL);
      g_autofree char *bytes = NULL;
      gsize size;

      if (g_file_test (from, G_FILE_TEST_IS_REGULAR) && g_file_get_contents (from, &bytes, &size, NULL))
        {
          g_assert_true (g_file_set_contents (to, bytes, size, NULL));
          g_assert_cmpint (g_chmod (to, 0600), ==, 0);
        }
    }
  g_assert_cmpint (g_chmod (own, 0700), ==, 0);
  g_setenv ("RIFQ_KEY_DIR", own, TRUE);
  return shared;
}

static void
test_key_readable_by_others_refused (Sealed        *f,
                                     gconstpointer  data)
{
  g_autofree char *shared = use_own_key_dir ();
  g_autofree char *dir = rifq_seal_key_dir ();
  g_autofree char *name = g_strconcat (f->seal->key_id, ".key", NULL);
  g_autofree char *file = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSealSigner) signer = NULL;

  g_assert_cmpint (g_chmod (file, 0644), ==, 0);
  signer = rifq_seal_signer_new (f->db, &error);
  g_assert_null (signer);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_assert_cmpint (g_chmod (file, 0600), ==, 0);
  g_setenv ("RIFQ_KEY_DIR", shared, TRUE);
}

/* A key reached through a link, or in a folder others may change, is not trusted. */
static void
test_key_linked_or_in_open_folder_refused (Sealed        *f,
                                           gconstpointer  data)
{
  g_autofree char *shared = use_own_key_dir ();
  g_autofree char *dir = rifq_seal_key_dir ();
  g_autofree char *name = g_strconcat (f->seal->key_id, ".key", NULL);
  g_autofree char *file = g_build_filename (dir, name, NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("rifq-open-XXXXXX", NULL);
  g_autofree char *moved = g_build_filename (elsewhere, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSealSigner) signer = NULL;

  g_assert_cmpint (g_rename (file, moved), ==, 0);
  g_assert_cmpint (symlink (moved, file), ==, 0);
  signer = rifq_seal_signer_new (f->db, &error);
  g_assert_null (signer);
  g_assert_nonnull (strstr (error->message, "not a file of its own"));
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (file), ==, 0);
  g_assert_cmpint (g_rename (moved, file), ==, 0);

  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  signer = rifq_seal_signer_new (f->db, &error);
  g_assert_null (signer);
  g_assert_nonnull (strstr (error->message, "can be changed by others"));
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_setenv ("RIFQ_KEY_DIR", shared, TRUE);
}

static void
test_rotation_keeps_earlier_seals (Sealed        *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(RifqKeyring) ring = NULL;
  g_autoptr(RifqSeal) later = NULL;
  gint64 second;

  rifq_db_set_actor (f->db, "desk");
  g_assert_false (rifq_seal_rotate_key (f->db, &new_id, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  rifq_db_set_actor (f->db, "admin");
  g_assert_true (rifq_seal_rotate_key (f->db, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_id, !=, f->seal->key_id);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'rotate'"), ==, 1);

  /* The earlier seal still checks, with the keyring exported after the rotation. */
  g_assert_cmpint (check (f, NULL), ==, RIFQ_SEAL_STATE_GENUINE);
  ring = exported_keyring (f->db);
  g_assert_cmpint (rifq_seal_verify_payload (ring, f->seal->payload, NULL, NULL), ==, RIFQ_SEAL_VALID);

  /* And what is sealed from now on carries the new key. */
  second = rifq_test_submitted_request (f->db, rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_2, "سعد", "0507654321"),
                                        "food_basket");
  g_assert_cmpint (rifq_seal_check_request (f->db, second, &later, NULL), ==, RIFQ_SEAL_STATE_GENUINE);
  g_assert_cmpstr (later->key_id, ==, new_id);
  g_assert_cmpint (rifq_seal_verify_payload (ring, later->payload, NULL, NULL), ==, RIFQ_SEAL_VALID);
}

/* The seal is made once, at submission */

static void
test_sealed_once_when_submitted (Sealed        *f,
                                 gconstpointer  data)
{
  g_autofree char *message = NULL;

  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM seal WHERE kind = 'request'"), ==, 1);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'seal'"), ==, 1);
  g_assert_true (g_str_has_prefix (f->seal->payload, "RIFQ2."));
  g_assert_cmpuint (strlen (f->seal->short_code), ==, 14);
  g_assert_nonnull (strstr (f->seal->values_json, "\"description\":\"يحتاج مساعدة\""));
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_GENUINE);
  g_assert_nonnull (strstr (message, "matches its seal"));

  /* Checking again changes nothing: the seal is never remade at printing. */
  {
    g_autoptr(RifqSeal) again = NULL;

    g_assert_cmpint (rifq_seal_check_request (f->db, f->request_id, &again, NULL), ==, RIFQ_SEAL_STATE_GENUINE);
    g_assert_cmpstr (again->payload, ==, f->seal->payload);
  }
}

static void
test_record_edited_behind_rifqs_back_is_altered (Sealed        *f,
                                                 gconstpointer  data)
{
  g_autofree char *message = NULL;

  run_sql (f->db, "UPDATE request SET amount = 9000");
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (message, "the amount asked for"));
  g_assert_nonnull (strstr (message, "changed outside Rifq"));
}

static void
test_description_edited_is_altered (Sealed        *f,
                                    gconstpointer  data)
{
  g_autofree char *message = NULL;

  run_sql (f->db, "UPDATE request SET description = 'يحتاج مساعدة عاجلة'");
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (message, "what the applicant asks for"));
}

static void
test_stored_values_edited_is_altered (Sealed        *f,
                                      gconstpointer  data)
{
  g_autofree char *message = NULL;

  /* The forger edits the sealed copy and the record alike: the seal's signature catches it. */
  run_sql (f->db, "UPDATE request SET amount = 9000;"
                  "UPDATE seal SET values_json = replace (values_json, '\"amount\":1500', '\"amount\":9000')");
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (message, "sealed values stored with it were changed"));
}

static void
test_summary_edited_is_altered (Sealed        *f,
                                gconstpointer  data)
{
  g_autofree char *message = NULL;

  run_sql (f->db, "UPDATE seal SET summary_json = replace (summary_json, '\"amount\":1500', '\"amount\":9000')");
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (message, "no longer verifies"));
}

static void
test_beneficiary_update_keeps_seal (Sealed        *f,
                                    gconstpointer  data)
{
  g_autoptr(RifqRequest) r = rifq_request_store_get (f->db, f->request_id, NULL);

  /* A new address is the registry's business, audited there: the signed request stays as signed. */
  run_sql (f->db, "UPDATE beneficiary SET city = 'جدة'");
  g_assert_cmpint (check (f, NULL), ==, RIFQ_SEAL_STATE_GENUINE);
  g_assert_nonnull (strstr (f->seal->values_json, "\"city\":\"الرياض\""));
  (void) r;
}

/* The forger adds a key of their own to the database and signs their version with it. */
static void
test_key_added_to_database_not_trusted (Sealed        *f,
                                        gconstpointer  data)
{
  guchar public_key[32], secret[64], signature[64];
  g_autofree char *message = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *id = NULL;
  g_autoptr(RifqKeyring) ring = NULL;
  RifqStatement *stmt;

  g_assert_cmpint (sodium_init (), >=, 0);
  crypto_sign_keypair (public_key, secret);
  id = g_strdup_printf ("%02x%02x%02x%02x%02x%02x%02x%02x", public_key[0], public_key[1], public_key[2],
                        public_key[3], public_key[4], public_key[5], public_key[6], public_key[7]);
  run_sql (f->db, "UPDATE request SET amount = 95000");
  stmt = rifq_db_prepare (f->db, "INSERT INTO seal_public_key (key_id, public_key, created_at, retired_at)"
                                 " VALUES (?, ?, '2020-01-01', '2020-01-02')", NULL);
  g_assert_nonnull (stmt);
  rifq_statement_bind_text (stmt, 1, id);
  rifq_statement_bind_blob (stmt, 2, public_key, 32);
  g_assert_cmpint (rifq_statement_step (stmt), ==, RIFQ_STEP_DONE);
  rifq_statement_reset (stmt);

  /* Re-signed the way Rifq signs, with the forger's key. */
  {
    g_autofree char *values = rifq_seal_request_values (f->db, f->request_id, NULL);
    g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, values, -1);
    g_autoptr(GString) forged = g_string_new (f->seal->summary_json);
    char *at = strstr (forged->str, "\"values_sha256\":\"") + strlen ("\"values_sha256\":\"");

    memcpy (at, digest, 64);
    summary = g_strdup (forged->str);
    crypto_sign_detached (signature, NULL, (const guchar *) summary, strlen (summary), secret);
    stmt = rifq_db_prepare (f->db, "UPDATE seal SET values_json = ?, summary_json = ?, signature = ?, key_id = ?",
                            NULL);
    g_assert_nonnull (stmt);
    rifq_statement_bind_text (stmt, 1, values);
    rifq_statement_bind_text (stmt, 2, summary);
    rifq_statement_bind_blob (stmt, 3, signature, 64);
    rifq_statement_bind_text (stmt, 4, id);
    g_assert_cmpint (rifq_statement_step (stmt), ==, RIFQ_STEP_DONE);
    rifq_statement_reset (stmt);
  }
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (message, "no longer verifies"));
  /* Nor does the keyring the association exports take the forger's key. */
  ring = rifq_keyring_from_db (f->db, NULL);
  {
    g_autofree char *text = rifq_keyring_to_json (ring, "Ruhamaa");

    g_assert_null (strstr (text, id));
  }
}

static void
test_request_moved_to_another_person_is_altered (Sealed        *f,
                                                 gconstpointer  data)
{
  g_autofree char *message = NULL;

  rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_2, "سعد", "0507654321");
  run_sql (f->db, "UPDATE request SET beneficiary_id = 2");
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (message, "whose request it is"));
}

static void
test_seal_removed_is_altered (Sealed        *f,
                              gconstpointer  data)
{
  g_autofree char *message = NULL;

  run_sql (f->db, "DELETE FROM seal");
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_ALTERED);
  g_assert_nonnull (strstr (message, "its seal is missing"));
}

/* The row beside the seal is not what was signed: what is said comes from the signed summary. */
static void
test_messages_from_what_was_signed (Sealed        *f,
                                    gconstpointer  data)
{
  g_autofree char *message = NULL;

  run_sql (f->db, "UPDATE seal SET number = '1448/999999', sealed_at = '2020-01-01'");
  g_assert_cmpint (check (f, &message), ==, RIFQ_SEAL_STATE_GENUINE);
  g_assert_null (strstr (message, "1448/999999"));
  g_assert_null (strstr (message, "2020-01-01"));
  g_assert_nonnull (strstr (message, "1448/000001"));
}

static void
test_keys_retired_behind_rifqs_back_not_replaced (Sealed        *f,
                                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSealSigner) signer = NULL;

  run_sql (f->db, "UPDATE seal_public_key SET retired_at = '2026-01-01'");
  g_assert_true (rifq_seal_ensure_key (f->db, &error));
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM seal_public_key"), ==, 1);
  signer = rifq_seal_signer_new (f->db, &error);
  g_assert_null (signer);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "none in use"));
}

/* Reading a seal back with the public key alone */

static void
test_payload_verifies_with_exported_keyring (Sealed        *f,
                                             gconstpointer  data)
{
  g_autoptr(RifqKeyring) ring = exported_keyring (f->db);
  g_autoptr(JsonObject) summary = NULL;
  g_autofree char *described = NULL;

  g_assert_cmpint (rifq_seal_verify_payload (ring, f->seal->payload, &summary, NULL), ==, RIFQ_SEAL_VALID);
  g_assert_cmpstr (json_object_get_string_member (summary, "number"), ==, "1448/000001");
  g_assert_cmpstr (json_object_get_string_member (summary, "national_id"), ==, RIFQ_TEST_ID_1);
  g_assert_cmpint (json_object_get_int_member (summary, "amount"), ==, 1500);
  described = rifq_seal_summary_describe (summary);
  g_assert_nonnull (strstr (described, "1500 riyals"));
}

static void
test_payload_verifies_with_fingerprint (Sealed        *f,
                                        gconstpointer  data)
{
  g_autoptr(RifqKeyring) ring = rifq_keyring_new ();
  g_autoptr(RifqKeyring) wrong = rifq_keyring_new ();
  g_autofree char *fingerprint = NULL;
  g_autofree char *key = rifq_seal_public_key (f->db, NULL, &fingerprint, NULL);

  g_assert_true (rifq_keyring_add_fingerprint (ring, fingerprint));
  g_assert_cmpint (rifq_seal_verify_payload (ring, f->seal->payload, NULL, NULL), ==, RIFQ_SEAL_VALID);
  g_assert_false (rifq_keyring_add_fingerprint (wrong, "AB12"));
  g_assert_true (rifq_keyring_add_fingerprint (wrong, "0000000000000000000000000000000000000000000000000000000000000000"));
  g_assert_cmpint (rifq_seal_verify_payload (wrong, f->seal->payload, NULL, NULL), ==, RIFQ_SEAL_OTHER_KEY);
  (void) key;
}

static void
test_another_associations_key_refused (Sealed        *f,
                                       gconstpointer  data)
{
  g_autoptr(RifqDb) elsewhere = rifq_test_db_new (NULL);
  g_autoptr(RifqKeyring) ring = NULL;
  g_autofree char *message = NULL;

  rifq_db_set_actor (elsewhere, "admin");
  g_assert_true (rifq_seal_ensure_key (elsewhere, NULL));
  ring = exported_keyring (elsewhere);
  g_assert_cmpint (rifq_seal_verify_payload (ring, f->seal->payload, NULL, &message), ==, RIFQ_SEAL_OTHER_KEY);
  g_assert_nonnull (strstr (message, "not among the association’s keys"));
}

static void
test_forged_summary_refused (Sealed        *f,
                             gconstpointer  data)
{
  g_autoptr(RifqKeyring) ring = exported_keyring (f->db);
  g_auto(GStrv) parts = g_strsplit (f->seal->payload, ".", -1);
  g_autofree char *summary = NULL;
  g_autofree char *forged_summary = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *message = NULL;
  GString *edited;
  gsize length;
  char *cursor;

  /* A forger decodes what the code carries, raises the amount, and encodes it again. */
  for (char *p = parts[3]; *p; p++)
    *p = *p == '-' ? '+' : *p == '_' ? '/' : *p;
  edited = g_string_new (parts[3]);
  while (edited->len % 4)
    g_string_append_c (edited, '=');
  summary = (char *) g_base64_decode (edited->str, &length);
  g_string_free (edited, TRUE);
  cursor = g_strstr_len (summary, length, "\"amount\":1500");
  g_assert_nonnull (cursor);
  cursor[9] = '9';
  forged_summary = g_base64_encode ((const guchar *) summary, length);
  for (char *p = forged_summary; *p; p++)
    *p = *p == '+' ? '-' : *p == '/' ? '_' : *p == '=' ? '\0' : *p;
  g_free (parts[3]);
  parts[3] = g_strdup (forged_summary);
  forged = g_strjoinv (".", parts);
  g_assert_cmpint (rifq_seal_verify_payload (ring, forged, NULL, &message), ==, RIFQ_SEAL_FORGED);
  g_assert_nonnull (strstr (message, "forged or damaged"));
}

static void
test_damaged_payload_refused (Sealed        *f,
                              gconstpointer  data)
{
  g_autoptr(RifqKeyring) ring = exported_keyring (f->db);

  g_assert_cmpint (rifq_seal_verify_payload (ring, "RIFQ2.abc.def", NULL, NULL), ==, RIFQ_SEAL_MALFORMED);
  g_assert_cmpint (rifq_seal_verify_payload (ring, "RIFQ1.1448/000001.a.b.c", NULL, NULL), ==, RIFQ_SEAL_MALFORMED);
  g_assert_cmpint (rifq_seal_verify_payload (ring, "hello", NULL, NULL), ==, RIFQ_SEAL_MALFORMED);
  g_assert_cmpint (rifq_seal_verify_payload (ring, NULL, NULL, NULL), ==, RIFQ_SEAL_MALFORMED);
}

static void
test_keyring_file_damaged_refused (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (rifq_keyring_from_json ("{\"hello\": 1}", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rifq_keyring_from_json ("{\"rifq_keyring\": 1, \"keys\": [{\"public_key\": \"AAAA\"}]}", &error));
  g_assert_nonnull (strstr (error->message, "Key 1 of the keyring"));
}

/* The file seal */

static void
test_file_seal_covers_every_byte (Sealed        *f,
                                  gconstpointer  data)
{
  g_autoptr(RifqKeyring) ring = exported_keyring (f->db);
  g_autoptr(RifqSealSigner) signer = rifq_seal_signer_new (f->db, NULL);
  g_autoptr(GByteArray) file = g_byte_array_new ();
  const char *body = "%PDF-1.5\nthe document's bytes\n%%EOF\n";
  g_autofree char *message = NULL;

  g_byte_array_append (file, (const guint8 *) body, strlen (body));
  g_assert_true (rifq_seal_file_append (signer, file, NULL));
  g_assert_cmpint (rifq_seal_file_verify (ring, file->data, file->len, &message), ==, RIFQ_SEAL_VALID);

  /* One byte changed anywhere before the seal. */
  for (guint at = 0; at < strlen (body); at += 7)
    {
      file->data[at] ^= 0x01;
      g_assert_cmpint (rifq_seal_file_verify (ring, file->data, file->len, NULL), !=, RIFQ_SEAL_VALID);
      file->data[at] ^= 0x01;
    }
  /* Something added after it: the seal is no longer the file's last line. */
  g_byte_array_append (file, (const guint8 *) "% added\n", 8);
  g_assert_cmpint (rifq_seal_file_verify (ring, file->data, file->len, NULL), ==, RIFQ_SEAL_MALFORMED);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/seal/key/made-once-outside-the-database", test_key_made_once_outside_the_database);
  /* Only a desk's file is older than the seal: a server's database starts at today's schema. */
  if (!rifq_test_on_server ())
    g_test_add_func ("/seal/key/old-database-key-moved-out", test_old_database_key_moved_out);
  g_test_add_func ("/seal/keyring/damaged-file-refused", test_keyring_file_damaged_refused);
#define ADD(path, func) g_test_add (path, Sealed, NULL, sealed_set_up, func, sealed_tear_down)
  ADD ("/seal/key/copied-database-cannot-seal", test_copied_database_cannot_seal);
  ADD ("/seal/key/readable-by-others-refused", test_key_readable_by_others_refused);
  ADD ("/seal/key/rotation-keeps-earlier-seals", test_rotation_keeps_earlier_seals);
  ADD ("/seal/key/linked-or-in-open-folder-refused", test_key_linked_or_in_open_folder_refused);
  ADD ("/seal/request/sealed-once-when-submitted", test_sealed_once_when_submitted);
  ADD ("/seal/request/amount-edited-in-database-is-altered", test_record_edited_behind_rifqs_back_is_altered);
  ADD ("/seal/request/description-edited-in-database-is-altered", test_description_edited_is_altered);
  ADD ("/seal/request/sealed-copy-edited-is-altered", test_stored_values_edited_is_altered);
  ADD ("/seal/request/summary-edited-is-altered", test_summary_edited_is_altered);
  ADD ("/seal/request/beneficiary-moving-house-keeps-seal", test_beneficiary_update_keeps_seal);
  ADD ("/seal/key/added-to-database-not-trusted", test_key_added_to_database_not_trusted);
  ADD ("/seal/key/retired-behind-rifqs-back-not-replaced", test_keys_retired_behind_rifqs_back_not_replaced);
  ADD ("/seal/request/moved-to-another-person-is-altered", test_request_moved_to_another_person_is_altered);
  ADD ("/seal/request/seal-removed-is-altered", test_seal_removed_is_altered);
  ADD ("/seal/request/messages-from-what-was-signed", test_messages_from_what_was_signed);
  ADD ("/seal/payload/verifies-with-exported-keyring", test_payload_verifies_with_exported_keyring);
  ADD ("/seal/payload/verifies-with-fingerprint", test_payload_verifies_with_fingerprint);
  ADD ("/seal/payload/another-associations-key-refused", test_another_associations_key_refused);
  ADD ("/seal/payload/forged-summary-refused", test_forged_summary_refused);
  ADD ("/seal/payload/damaged-refused", test_damaged_payload_refused);
  ADD ("/seal/file/every-byte-covered", test_file_seal_covers_every_byte);
#undef ADD

  return g_test_run ();
}
