/* test-backup.c: backups taken, checked, kept, sealed and put back, and every way a bad one is
 * refused with nothing changed
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "rifq-account.h"
#include "rifq-backup.h"
#include "rifq-beneficiary-store.h"
#include "rifq-db.h"
#include "rifq-error.h"
#include "rifq-test-util.h"

#define PASSPHRASE "سبعة أيام على الشاطئ"

typedef struct
{
  RifqDb *db;
  char   *location;
  char   *folder;    /* where the test's backups go */
} Fixture;

static void
add_person (RifqDb     *db,
            const char *national_id,
            const char *mobile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (national_id, "سعد", "الدوسري", mobile);

  rifq_db_set_actor (db, "desk");
  g_assert_true (rifq_beneficiary_store_add (db, b, "test", NULL, &error));
  g_assert_no_error (error);
  rifq_db_set_actor (db, "admin");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = rifq_test_db_new (&f->location);
  rifq_test_act_as (f->db, "desk", RIFQ_ROLE_DESK);
  add_person (f->db, RIFQ_TEST_ID_1, "0501234567");
  f->folder = g_dir_make_tmp ("rifq-backups-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->folder);
  g_clear_object (&f->db);
  g_free (f->location);
  g_free (f->folder);
}

static char *
backup_path (Fixture    *f,
             const char *name)
{
  return g_build_filename (f->folder, name, NULL);
}

static char *
take (Fixture    *f,
      const char *name,
      const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  char *path = backup_path (f, name);

  g_assert_true (rifq_backup_take (f->db, path, passphrase, &error));
  g_assert_no_error (error);
  return path;
}

static gint64
people (Fixture *f)
{
  return rifq_test_count (f->db, "SELECT count(*) FROM beneficiary");
}

/* The database opened again, as the next person at the desk would. */
static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->db);
  f->db = rifq_test_db_open (f->location, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (f->db, "admin");
}

/* Rewrites a backup with changed(text) of its bytes. */
static void
edit_file (const char *path,
           void      (*change) (char *data, gsize length))
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  change (data, length);
  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
}

static void
flip_middle_byte (char  *data,
                  gsize  length)
{
  data[length / 2] ^= 0x01;
}

static void
claim_newer_schema (char  *data,
                    gsize  length)
{
  char *schema = strstr (data, "\nschema ");

  g_assert_nonnull (schema);
  /* "schema 13" becomes "schema 99": the same length. */
  schema[8] = '9';
  schema[9] = '9';
}

static void
claim_older_schema (char  *data,
                    gsize  length)
{
  char *schema = strstr (data, "\nschema ");

  g_assert_nonnull (schema);
  schema[9] = (char) (schema[9] - 1);
}

/* Records written after the backup are gone once it is put back; the log says so, the records
 * before are there, the database checks clean, writes go on, and what was there is kept. */
static void
test_restore_puts_back_records_as_taken (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = take (f, "one.rifq-backup", NULL);
  g_autofree char *aside = NULL;
  g_autoptr(RifqDb) kept = NULL;
  g_autofree char *after = NULL;
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  add_person (f->db, RIFQ_TEST_ID_2, "0501234568");
  g_assert_cmpint (people (f), ==, 2);

  g_assert_true (rifq_backup_restore (path, NULL, f->location, "admin", &aside, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_cmpint (people (f), ==, 1);
  g_assert_true (rifq_db_integrity_check (f->db, NULL));
  g_assert_true (rifq_db_verify_audit (f->db, NULL, &error));
  g_assert_no_error (error);
  /* The restore is in the log, with where the log stood before it. */
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'restore' AND actor = 'admin'"),
                   ==, 1);
  add_person (f->db, RIFQ_TEST_ID_3, "0501234569");
  g_assert_cmpint (people (f), ==, 2);

  /* Nothing lost: the database as it was before the restore is a backup of its own. */
  g_assert_nonnull (aside);
  after = g_strdup (f->location);
  if (rifq_test_on_server ())
    {
      g_free (after);
      after = rifq_test_server_database_new ();
    }
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("rifq-aside-XXXXXX", NULL);

      g_free (after);
      after = g_build_filename (dir, "aside.db", NULL);
    }
  g_assert_true (rifq_backup_restore (aside, NULL, after, "admin", NULL, &error));
  g_assert_no_error (error);
  kept = rifq_test_db_open (after, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (kept, "SELECT count(*) FROM beneficiary"), ==, 2);
  g_unlink (aside);
  rifq_test_remove_database (after);
}

/* The key folder's copies of the logs' heads, by file name. */
static GHashTable *
anchor_copies (void)
{
  g_autofree char *dir_path = rifq_db_key_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GHashTable *copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".audit-anchor"))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        char *text = NULL;

        if (g_file_get_contents (path, &text, NULL, NULL))
          g_hash_table_insert (copies, g_strdup (path), text);
      }
  return copies;
}

/* Another workstation, whose key folder still holds the log's head from before the restore,
 * writes on after it: the restore, in the log under its key, says those entries were let go. A
 * database put back by hand, with no such entry, is still refused there. */
static void
test_restore_followed_by_other_workstations (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = take (f, "one.rifq-backup", NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint put_back = 0;

  add_person (f->db, RIFQ_TEST_ID_2, "0501234568");
  add_person (f->db, RIFQ_TEST_ID_3, "0501234569");
  before = anchor_copies ();
  g_assert_true (rifq_backup_restore (path, NULL, f->location, "admin", NULL, &error));
  g_assert_no_error (error);
  /* The other workstation's copy: as it was before the restore. */
  after = anchor_copies ();
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *was = g_hash_table_lookup (before, key);

      if (was != NULL && !g_str_equal (was, value))
        {
          g_assert_true (g_file_set_contents (key, was, -1, NULL));
          g_assert_cmpint (g_chmod (key, 0600), ==, 0);
          put_back++;
        }
    }
  g_assert_cmpuint (put_back, >=, 1);
  reopen (f);
  add_person (f->db, RIFQ_TEST_ID_4, "0501234560");
  g_assert_cmpint (people (f), ==, 2);
  g_assert_true (rifq_db_verify_audit (f->db, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_refused_unchanged (Fixture    *f,
                          const char *path,
                          const char *passphrase,
                          int         code,
                          const char *says)
{
  g_autoptr(GError) error = NULL;
  gint64 entries = rifq_test_count (f->db, "SELECT count(*) FROM audit");

  add_person (f->db, RIFQ_TEST_ID_4, "0501234560");
  entries = rifq_test_count (f->db, "SELECT count(*) FROM audit");
  g_assert_false (rifq_backup_restore (path, passphrase, f->location, "admin", NULL, &error));
  g_assert_error (error, RIFQ_ERROR, code);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
  g_assert_false (rifq_backup_check (path, passphrase, NULL));
  reopen (f);
  /* Nothing changed: the person added after the backup is still there, the log as it was. */
  g_assert_cmpint (people (f), ==, 2);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, entries);
  g_assert_true (rifq_db_verify_audit (f->db, NULL, NULL));
}

static void
test_restore_refused_when_a_byte_changed (Fixture       *f,
                                          gconstpointer  data)
{
  g_autofree char *path = take (f, "one.rifq-backup", NULL);

  edit_file (path, flip_middle_byte);
  assert_refused_unchanged (f, path, NULL, RIFQ_ERROR_INVALID, "its checksum differs");
}

static void
test_restore_refused_when_newer_than_program (Fixture       *f,
                                              gconstpointer  data)
{
  g_autofree char *path = take (f, "one.rifq-backup", NULL);

  edit_file (path, claim_newer_schema);
  assert_refused_unchanged (f, path, NULL, RIFQ_ERROR_NEWER_DATABASE, "newer version of Rifq");
}

static void
test_restore_refused_when_not_a_backup (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *path = backup_path (f, "photo.rifq-backup");

  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n not a backup at all", -1, NULL));
  assert_refused_unchanged (f, path, NULL, RIFQ_ERROR_INVALID, "is not a Rifq backup");
}

static void
test_sealed_restores_with_its_passphrase (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = take (f, "sealed.rifq-backup", PASSPHRASE);
  g_autofree char *contents = NULL;
  g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (path, &error);
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_true (info->sealed);
  /* Nobody reads a name off it without the passphrase. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_null (memmem (contents, length, "الدوسري", strlen ("الدوسري")));
  g_assert_null (memmem (contents, length, RIFQ_TEST_ID_1, strlen (RIFQ_TEST_ID_1)));

  g_assert_true (rifq_backup_check (path, PASSPHRASE, &error));
  g_assert_no_error (error);
  add_person (f->db, RIFQ_TEST_ID_2, "0501234568");
  g_assert_true (rifq_backup_restore (path, PASSPHRASE, f->location, "admin", NULL, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_cmpint (people (f), ==, 1);
}

static void
test_sealed_refused_with_wrong_passphrase (Fixture       *f,
                                           gconstpointer  data)
{
  g_autofree char *path = take (f, "sealed.rifq-backup", PASSPHRASE);

  assert_refused_unchanged (f, path, "سبعة أيام على الشاطىء", RIFQ_ERROR_NOT_ALLOWED, "passphrase is wrong");
}

static void
test_sealed_refused_without_passphrase (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *path = take (f, "sealed.rifq-backup", PASSPHRASE);

  assert_refused_unchanged (f, path, NULL, RIFQ_ERROR_NOT_ALLOWED, "sealed with a passphrase");
}

/* Its lines are sealed with the copy: "schema 12" written over "schema 13" breaks the seal. */
static void
test_sealed_refused_when_its_lines_changed (Fixture       *f,
                                            gconstpointer  data)
{
  g_autofree char *path = take (f, "sealed.rifq-backup", PASSPHRASE);

  edit_file (path, claim_older_schema);
  assert_refused_unchanged (f, path, PASSPHRASE, RIFQ_ERROR_NOT_ALLOWED, "the file was changed");
}

static void
test_sealed_refused_when_cut_short (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *path = take (f, "sealed.rifq-backup", PASSPHRASE);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length - 100, NULL));
  assert_refused_unchanged (f, path, PASSPHRASE, RIFQ_ERROR_NOT_ALLOWED, "the file was changed");
}

static void
test_sealed_refuses_short_passphrase (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = backup_path (f, "weak.rifq-backup");

  g_assert_false (rifq_backup_take (f->db, path, "1234", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at least 12 characters"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_take_refuses_existing_file (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = backup_path (f, "notes.txt");

  g_assert_true (g_file_set_contents (path, "someone's notes", -1, NULL));
  g_assert_false (rifq_backup_take (f->db, path, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *still = NULL;

    g_assert_true (g_file_get_contents (path, &still, NULL, NULL));
    g_assert_cmpstr (still, ==, "someone's notes");
  }
}

/* Into a folder: the newest N of Rifq's backups stay, nothing else there is touched. */
static void
test_folder_keeps_newest (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = backup_path (f, "notes.txt");
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  guint found = 0;

  g_assert_true (g_file_set_contents (other, "someone's notes", -1, NULL));
  for (guint i = 0; i < 4; i++)
    {
      char *path = NULL;

      g_assert_true (rifq_backup_take_into (f->db, f->folder, 2, NULL, &path, &error));
      g_assert_no_error (error);
      g_ptr_array_add (written, path);
    }
  g_assert_false (g_file_test (g_ptr_array_index (written, 0), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (g_ptr_array_index (written, 1), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (g_ptr_array_index (written, 2), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (g_ptr_array_index (written, 3), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  /* Another database's backups in the same folder count only for it: its one stays, and so do
   * this database's two. */
  {
    g_autofree char *second_location = NULL;
    g_autoptr(RifqDb) second = rifq_test_db_new (&second_location);
    g_autofree char *its = NULL;

    g_assert_true (rifq_backup_take_into (second, f->folder, 1, NULL, &its, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (its, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (g_ptr_array_index (written, 2), G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (g_ptr_array_index (written, 3), G_FILE_TEST_EXISTS));
    g_clear_object (&second);
    rifq_test_remove_database (second_location);
  }
  {
    g_autoptr(GDir) dir = g_dir_open (f->folder, 0, NULL);

    while (g_dir_read_name (dir) != NULL)
      found++;
  }
  g_assert_cmpuint (found, ==, 4);
  /* Each backup is in the log. */
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'backup'"), ==, 4);
}

/* A desk's backup whose copy was changed by someone who also wrote its checksum again: the copy
 * itself is checked, its audit log first. */
static void
test_restore_refused_when_copy_forged (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *path = take (f, "one.rifq-backup", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *copy = backup_path (f, "copy.db");
  g_autofree char *forged = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *header = NULL;
  GString *rewritten;
  const char *end;
  gsize length = 0;
  sqlite3 *handle;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  end = strstr (contents, "\n\n") + 2;
  g_assert_true (g_file_set_contents (copy, end, (gssize) (length - (gsize) (end - contents)), NULL));
  g_assert_cmpint (sqlite3_open (copy, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DROP TRIGGER audit_is_append_only_update;"
                                         " UPDATE audit SET actor = 'someone else' WHERE id = 2", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_true (g_file_get_contents (copy, &forged, &length, NULL));
  /* The lines as they were but the copy's size, then the sum of those lines and the forged copy,
   * as Rifq writes it. */
  header = g_strndup (contents, (gsize) (strstr (contents, "sha256 ") - contents));
  rewritten = g_string_new (header);
  {
    g_autofree char *bytes_line = g_strdup_printf ("bytes %" G_GSIZE_FORMAT "\n", length);
    char *at = strstr (rewritten->str, "\nbytes ");
    gsize old = strcspn (at + 1, "\n") + 1;
    g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

    g_string_erase (rewritten, (gssize) (at + 1 - rewritten->str), (gssize) old);
    g_string_insert (rewritten, (gssize) (at + 1 - rewritten->str), bytes_line);
    g_checksum_update (sum, (const guchar *) rewritten->str, (gssize) rewritten->len);
    g_checksum_update (sum, (const guchar *) forged, (gssize) length);
    sha = g_strdup (g_checksum_get_string (sum));
  }
  g_string_append_printf (rewritten, "sha256 %s\n\n", sha);
  g_string_append_len (rewritten, forged, (gssize) length);
  g_assert_true (g_file_set_contents (path, rewritten->str, (gssize) rewritten->len, NULL));
  g_string_free (rewritten, TRUE);
  g_unlink (copy);
  assert_refused_unchanged (f, path, NULL, RIFQ_ERROR_DATABASE, "entry 2");
}

/* A desk's file whose pages were damaged (a failing disk) is moved aside whole, and the backup
 * put in its place. */
static void
test_restore_moves_damaged_file_aside (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = take (f, "one.rifq-backup", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *kept = NULL;
  gsize length = 0;

  g_clear_object (&f->db);
  /* Everything in the file itself, as a desk closed for the night leaves it. */
  {
    sqlite3 *handle;

    g_assert_cmpint (sqlite3_open (f->location, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (handle);
  }
  g_assert_true (g_file_get_contents (f->location, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  /* Every page after the first written over: it opens, but does not read whole. */
  memset (contents + 4096, 0x5a, length - 4096);
  g_assert_true (g_file_set_contents (f->location, contents, (gssize) length, NULL));
  g_chmod (f->location, 0600);
  g_assert_true (rifq_backup_restore (path, NULL, f->location, "admin", &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (aside, ".damaged-"));
  g_assert_true (g_file_get_contents (aside, &kept, NULL, NULL));
  g_assert_cmpmem (kept, 4096, contents, 4096);
  reopen (f);
  g_assert_cmpint (people (f), ==, 1);
  g_unlink (aside);
}

/* A plain copy left by a Rifq killed half-way (its process gone) beside the records, or a
 * half-written backup in the folder, is removed the next time a backup is taken. */
static void
test_take_removes_what_a_killed_one_left (Fixture       *f,
                                          gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->location);
  g_autofree char *gone_pid = NULL;
  g_autofree char *left = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *other = NULL;
  g_autofree char *path = NULL;
  GPid pid;
  int status;

  /* A process that has ended: its number names no one now. */
  g_assert_true (g_spawn_async (NULL, (char *[]) { (char *) "true", NULL }, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL));
  waitpid (pid, &status, 0);
  left = g_strdup_printf ("%s/.rifq-restoring-%d-1", dir, (int) pid);
  partial = g_strdup_printf ("%s/rifq-x.rifq-backup.partial-%d-1", f->folder, (int) pid);
  /* One of a process still running (this one) stays. */
  other = g_strdup_printf ("%s/.rifq-restoring-%d-1", dir, (int) getpid ());
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_file_set_contents ((const char *[]) { left, partial, other }[i], "names and IDs", -1, NULL));
  path = take (f, "one.rifq-backup", NULL);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_unlink (other);
}

/* Another program's file where the database should be is refused and left as it was. */
static void
test_restore_refuses_other_programs_file (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = take (f, "one.rifq-backup", NULL);
  g_autofree char *other = backup_path (f, "places.sqlite");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (other, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE bookmark (url TEXT); INSERT INTO bookmark VALUES ('x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_chmod (other, 0600);
  g_assert_true (g_file_get_contents (other, &before, NULL, NULL));
  g_assert_false (rifq_backup_restore (path, NULL, other, "admin", NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_FOREIGN_DATABASE);
  g_assert_true (g_file_get_contents (other, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* A database left older than its log (a restore killed before it recorded itself, an old copy
 * put back by hand) refuses writes; a restore still puts a backup back over it, keeping it. */
static void
test_restore_over_database_older_than_its_log (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old_copy = take (f, "old.rifq-backup", NULL);
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *old_file = backup_path (f, "old.db");
  g_autofree char *contents = NULL;
  gsize length = 0;

  add_person (f->db, RIFQ_TEST_ID_2, "0501234568");
  path = take (f, "new.rifq-backup", NULL);
  /* The old file's bytes put back behind Rifq's back. */
  g_assert_true (rifq_backup_restore (old_copy, NULL, old_file, "admin", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&f->db);
  g_assert_true (g_file_get_contents (old_file, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->location, contents, (gssize) length, NULL));
  g_chmod (f->location, 0600);
  reopen (f);
  g_assert_false (rifq_db_verify_audit (f->db, NULL, NULL));
  g_clear_object (&f->db);

  g_assert_true (rifq_backup_restore (path, NULL, f->location, "admin", &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  reopen (f);
  g_assert_cmpint (people (f), ==, 2);
  g_assert_true (rifq_db_verify_audit (f->db, NULL, &error));
  g_assert_no_error (error);
  g_unlink (aside);
  rifq_test_remove_database (old_file);
}

/* Who took a plain backup, and when, are summed with it: changed, it is refused. */
static void
claim_other_taker (char  *data,
                   gsize  length)
{
  char *by = strstr (data, "\nby ");

  g_assert_nonnull (by);
  by[4] = by[4] == 'k' ? 'j' : 'k';
}

static void
test_restore_refused_when_its_lines_changed (Fixture       *f,
                                             gconstpointer  data)
{
  g_autofree char *path = take (f, "one.rifq-backup", NULL);

  edit_file (path, claim_other_taker);
  assert_refused_unchanged (f, path, NULL, RIFQ_ERROR_INVALID, "its checksum differs");
}

/* Someone who is not an administrator of the database there is refused, and it is recorded. */
static void
test_restore_refused_for_desk_officer (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = take (f, "one.rifq-backup", NULL);

  add_person (f->db, RIFQ_TEST_ID_2, "0501234568");
  g_assert_false (rifq_backup_restore (path, NULL, f->location, "desk", NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  reopen (f);
  g_assert_cmpint (people (f), ==, 2);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'refuse' AND actor = 'desk'"),
                   ==, 1);
}

/* A backup of the other engine, or one whose lines were made to say so. */
static void
test_restore_refused_from_other_engine (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *path = take (f, "one.rifq-backup", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  edited = g_string_new_len (contents, (gssize) length);
  if (rifq_test_on_server ())
    g_string_replace (edited, "\nengine postgresql\n", "\nengine sqlite\n", 1);
  else
    g_string_replace (edited, "\nengine sqlite\n", "\nengine postgresql\n", 1);
  g_assert_true (g_file_set_contents (path, edited->str, (gssize) edited->len, NULL));
  assert_refused_unchanged (f, path, NULL, RIFQ_ERROR_NOT_ALLOWED, "cannot be put back into");
}

/* A desk's scheduled backup: due when there is none of this database, or the newest is as old as
 * the interval; another database's in the same folder does not count. */
static void
test_schedule_due_when_none_or_older (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 23);
  g_autoptr(GDateTime) day_after = g_date_time_add_hours (now, 25);
  g_autofree char *second_location = NULL;
  g_autoptr(RifqDb) second = rifq_test_db_new (&second_location);
  g_autoptr(GDateTime) newest = NULL;

  g_assert_true (rifq_backup_is_due (f->db, f->folder, 24, now));
  g_assert_null (rifq_backup_newest (f->db, f->folder));
  /* Another database's backup there does not hold this one's up. */
  g_assert_true (rifq_backup_take_into (second, f->folder, 14, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_backup_is_due (f->db, f->folder, 24, soon));

  g_assert_true (rifq_backup_take_into (f->db, f->folder, 14, NULL, NULL, &error));
  g_assert_no_error (error);
  newest = rifq_backup_newest (f->db, f->folder);
  g_assert_nonnull (newest);
  g_assert_cmpint (g_date_time_difference (now, newest), <, 5 * G_TIME_SPAN_SECOND);
  g_assert_false (rifq_backup_is_due (f->db, f->folder, 24, soon));
  g_assert_true (rifq_backup_is_due (f->db, f->folder, 24, day_after));
  /* Off. */
  g_assert_false (rifq_backup_is_due (f->db, f->folder, 0, day_after));
  g_clear_object (&second);
  rifq_test_remove_database (second_location);
}


#define ADMIN_PASSWORD "كلمة سر المدير 1448"
#define NOW (g_get_real_time () / G_USEC_PER_SEC)

/* The fixture's administrator sets their password (its database is of before accounts). */
static void
give_admin_password (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  rifq_account_logout (f->db);
  g_assert_true (rifq_account_set_up (f->db, "admin", NULL, ADMIN_PASSWORD, &error));
  g_assert_no_error (error);
}

/* The person restoring logs in to the database there: a wrong password restores nothing. */
static void
test_restore_logging_in_wrong_password_refused (Fixture       *f,
                                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  give_admin_password (f);
  path = take (f, "one.rifq-backup", NULL);
  add_person (f->db, RIFQ_TEST_ID_2, "0501234568");
  g_assert_false (rifq_backup_restore_logging_in (path, NULL, f->location, "admin", "not-the-password", NOW, NULL,
                                                  &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  reopen (f);
  g_assert_cmpint (people (f), ==, 2);
  g_assert_true (rifq_backup_restore_logging_in (path, NULL, f->location, "admin", ADMIN_PASSWORD, NOW, NULL, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_cmpint (people (f), ==, 1);
}

/* With no database there, the person is one of the backup's own, by their password in it. */
static void
test_restore_logging_in_to_the_backup (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-empty-XXXXXX", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(RifqDb) restored = NULL;

  give_admin_password (f);
  path = take (f, "one.rifq-backup", NULL);
  g_assert_false (rifq_backup_restore_logging_in (path, NULL, fresh, "admin", "not-the-password", NOW, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_false (rifq_backup_restore_logging_in (path, NULL, fresh, "desk", ADMIN_PASSWORD, NOW, NULL, &error));
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (rifq_backup_restore_logging_in (path, NULL, fresh, "admin", ADMIN_PASSWORD, NOW, NULL, &error));
  g_assert_no_error (error);
  restored = rifq_db_open (fresh, &error);
  g_assert_true (rifq_account_login (restored, "admin", ADMIN_PASSWORD, NOW, &error));
  g_assert_cmpint (rifq_test_count (restored, "SELECT count(*) FROM beneficiary"), ==, 1);
  g_clear_object (&restored);
  rifq_test_remove_database (fresh);
}

/* A backup of before accounts comes back with the password of the administrator who restored
 * it: nobody else becomes its administrator by opening it. */
static void
test_restore_of_before_accounts_keeps_restorer_password (Fixture       *f,
                                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = take (f, "before.rifq-backup", NULL);

  give_admin_password (f);
  g_assert_true (rifq_backup_restore_logging_in (path, NULL, f->location, "admin", ADMIN_PASSWORD, NOW, NULL,
                                                 &error));
  g_assert_no_error (error);
  reopen (f);
  rifq_account_logout (f->db);
  g_assert_cmpint (rifq_account_setup (f->db, &error), ==, RIFQ_ACCOUNT_SETUP_READY);
  g_assert_false (rifq_account_set_up (f->db, "admin", NULL, "a-strangers-password", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (rifq_account_login (f->db, "admin", ADMIN_PASSWORD, NOW, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);
  /* A key folder of this program's own: the tests put copies of the logs' heads back as another
   * workstation's would be, which no other test program running meanwhile must meet. */
  {
    g_autofree char *keys = g_dir_make_tmp ("rifq-backup-keys-XXXXXX", NULL);

    g_setenv ("RIFQ_KEY_DIR", keys, TRUE);
  }
  g_assert_true (rifq_db_start_crypto (NULL));

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup/restore/puts-back-records-as-taken-and-keeps-what-was-there", test_restore_puts_back_records_as_taken);
  ADD ("/backup/restore/refused-when-a-byte-changed", test_restore_refused_when_a_byte_changed);
  ADD ("/backup/restore/refused-when-its-lines-changed", test_restore_refused_when_its_lines_changed);
  ADD ("/backup/restore/refused-when-newer-than-program", test_restore_refused_when_newer_than_program);
  ADD ("/backup/restore/refused-when-not-a-backup", test_restore_refused_when_not_a_backup);
  ADD ("/backup/restore/refused-from-other-engine", test_restore_refused_from_other_engine);
  ADD ("/backup/restore/other-workstations-write-on-after-it", test_restore_followed_by_other_workstations);
  /* A desk's copy is a file: checked whole before it is put back; a damaged desk file is moved
   * aside. A server's archive is checked by pg_restore and its checksum. */
  if (!rifq_test_on_server ())
    {
      ADD ("/backup/restore/refused-when-copy-forged-with-checksum", test_restore_refused_when_copy_forged);
      ADD ("/backup/restore/moves-damaged-file-aside", test_restore_moves_damaged_file_aside);
      ADD ("/backup/take/removes-what-a-killed-one-left", test_take_removes_what_a_killed_one_left);
      ADD ("/backup/restore/refuses-other-programs-file-untouched", test_restore_refuses_other_programs_file);
      ADD ("/backup/restore/over-a-database-older-than-its-log", test_restore_over_database_older_than_its_log);
      ADD ("/backup/restore/logging-in/with-no-database-to-the-backups-own-staff", test_restore_logging_in_to_the_backup);
    }
  ADD ("/backup/restore/refused-for-desk-officer-and-recorded", test_restore_refused_for_desk_officer);
  ADD ("/backup/restore/logging-in/wrong-password-restores-nothing", test_restore_logging_in_wrong_password_refused);
  ADD ("/backup/restore/logging-in/of-before-accounts-keeps-restorers-password",
       test_restore_of_before_accounts_keeps_restorer_password);
  ADD ("/backup/sealed/restores-with-its-passphrase-and-hides-names", test_sealed_restores_with_its_passphrase);
  ADD ("/backup/sealed/refused-with-wrong-passphrase", test_sealed_refused_with_wrong_passphrase);
  ADD ("/backup/sealed/refused-without-passphrase", test_sealed_refused_without_passphrase);
  ADD ("/backup/sealed/refused-when-its-lines-changed", test_sealed_refused_when_its_lines_changed);
  ADD ("/backup/sealed/refused-when-cut-short", test_sealed_refused_when_cut_short);
  ADD ("/backup/sealed/refuses-short-passphrase", test_sealed_refuses_short_passphrase);
  ADD ("/backup/take/refuses-existing-file", test_take_refuses_existing_file);
  ADD ("/backup/folder/keeps-newest-and-touches-nothing-else", test_folder_keeps_newest);
  ADD ("/backup/schedule/due-when-none-of-this-database-or-older", test_schedule_due_when_none_or_older);
  return g_test_run ();
}
