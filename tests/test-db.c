/* test-db.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include "rifq-error.h"
#include "rifq-test-util.h"

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-test-XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

static void
test_open_creates_private_file (void)
{
  g_autofree char *path = temp_path ("sub/dir/rifq.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = rifq_db_open (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (rifq_db_get_schema_version (db), ==, RIFQ_SCHEMA_VERSION);
  /* The policy's eight channels and four tools are there from the start. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM channel"), ==, 8);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff_tool"), ==, 4);
  g_assert_cmpint (rifq_test_count (db, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_migrations_from_empty_file (void)
{
  g_autofree char *path = temp_path ("empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = rifq_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_db_get_schema_version (db), ==, RIFQ_SCHEMA_VERSION);
  g_assert_cmpint (rifq_test_count (db, "PRAGMA application_id"), ==, RIFQ_APPLICATION_ID);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_clear_object (&db);

  /* Opening again does not migrate twice. */
  db = rifq_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM channel"), ==, 8);
}

static void
test_open_refuses_newer_database (void)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&path);
  RifqDb *again;

  g_assert_cmpint (sqlite3_exec (rifq_db_get_handle (db), "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&db);
  before = file_digest (path);

  again = rifq_db_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NEWER_DATABASE);
  g_assert_nonnull (strstr (error->message, "newer"));

  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_refuses_foreign_sqlite (void)
{
  g_autofree char *path = temp_path ("other.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  RifqDb *db;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                                 "INSERT INTO invoices (total) VALUES (12.5)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  before = file_digest (path);

  db = rifq_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_FOREIGN_DATABASE);

  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (g_strconcat (path, "-wal", NULL), G_FILE_TEST_EXISTS));
}

static void
test_open_refuses_non_sqlite_file (void)
{
  g_autofree char *path = temp_path ("notes.txt");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "These are a desk officer's notes, not a database.\n";
  RifqDb *db;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  db = rifq_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_FOREIGN_DATABASE);

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, text);
}

static gboolean
write_setting_cb (RifqDb      *db,
                  RifqDbWrite *write,
                  gpointer     user_data,
                  GError     **error)
{
  const char *value = user_data;
  sqlite3_stmt *stmt = rifq_db_prepare (db, "UPDATE settings SET value = ? WHERE key = 'decision_period_days'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rifq_db_fail (db, error);
  rifq_db_write_audit (write, "update", "settings", 0, NULL, NULL, "board decision");
  if (g_str_equal (value, "fail-after-write"))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, "refused on purpose");
      return FALSE;
    }
  return TRUE;
}

static void
test_write_appends_audit_row (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  rifq_db_set_actor (db, "desk-officer-1");
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "21", &error));
  g_assert_no_error (error);

  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "21");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE actor = 'desk-officer-1' AND "
                                        "action = 'update' AND record_kind = 'settings' AND reason = 'board decision'"), ==, 1);
}

static void
test_write_failure_leaves_nothing (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_false (rifq_db_write (db, write_setting_cb, (gpointer) "fail-after-write", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);

  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "14");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, 0);
}

static gboolean
write_without_audit_cb (RifqDb      *db,
                        RifqDbWrite *write,
                        gpointer     user_data,
                        GError     **error)
{
  return sqlite3_exec (rifq_db_get_handle (db),
                       "UPDATE settings SET value = '7' WHERE key = 'decision_period_days'",
                       NULL, NULL, NULL) == SQLITE_OK;
}

static void
test_write_refused_without_audit (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_test_expect_message ("rifq-db", G_LOG_LEVEL_CRITICAL, "*no audit entry*");
  g_assert_false (rifq_db_write (db, write_without_audit_cb, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE);

  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "14");
}

static void
test_audit_chain_detects_tampering (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 rows = 0;

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", NULL));
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "16", NULL));
  g_assert_true (rifq_db_verify_audit (db, &rows, &error));
  g_assert_cmpint (rows, ==, 2);

  /* The log refuses edits through SQL … */
  g_assert_cmpint (sqlite3_exec (rifq_db_get_handle (db), "UPDATE audit SET actor = 'someone else'",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (rifq_db_get_handle (db), "DELETE FROM audit", NULL, NULL, NULL), !=, SQLITE_OK);

  /* … and an edit that goes around the guard is caught by the chain. */
  g_assert_cmpint (sqlite3_exec (rifq_db_get_handle (db),
                                 "DROP TRIGGER audit_is_append_only_update;"
                                 "UPDATE audit SET reason = 'rewritten' WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (rifq_db_verify_audit (db, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "entry 1"));
}

static void
test_default_path_honours_environment (void)
{
  g_autofree char *path = NULL;
  g_autofree char *fallback = NULL;

  g_setenv ("RIFQ_DATABASE", "/srv/rifq/desk.db", TRUE);
  path = rifq_db_default_path ();
  g_assert_cmpstr (path, ==, "/srv/rifq/desk.db");

  g_unsetenv ("RIFQ_DATABASE");
  fallback = rifq_db_default_path ();
  g_assert_true (g_str_has_suffix (fallback, "/rifq/rifq.db"));
  g_assert_true (g_str_has_prefix (fallback, g_get_user_data_dir ()));
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/db/open/creates-file-readable-by-owner-only", test_open_creates_private_file);
  g_test_add_func ("/db/migrations/from-empty-file", test_migrations_from_empty_file);
  g_test_add_func ("/db/open/refuses-newer-database-unchanged", test_open_refuses_newer_database);
  g_test_add_func ("/db/open/refuses-foreign-sqlite-unchanged", test_open_refuses_foreign_sqlite);
  g_test_add_func ("/db/open/refuses-non-sqlite-file-unchanged", test_open_refuses_non_sqlite_file);
  g_test_add_func ("/db/write/appends-audit-row-in-same-transaction", test_write_appends_audit_row);
  g_test_add_func ("/db/write/failure-leaves-nothing-written", test_write_failure_leaves_nothing);
  g_test_add_func ("/db/write/refused-without-audit-entry", test_write_refused_without_audit);
  g_test_add_func ("/db/audit/chain-detects-tampering", test_audit_chain_detects_tampering);
  g_test_add_func ("/db/path/honours-RIFQ_DATABASE", test_default_path_honours_environment);

  return g_test_run ();
}
