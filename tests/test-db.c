/* test-db.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rifq-account.h"
#include "rifq-audit.h"
#include "rifq-beneficiary-store.h"
#include "rifq-db-copy.h"
#include "rifq-demo.h"
#include "rifq-error.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-test-request.h"
#include "rifq-test-scan.h"
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

/* What SQLite asks the kernel to put on the disk, counted: its calls to fdatasync () and fsync ()
 * land here before the kernel's. Only the database's write-ahead log is counted. */
static gint wal_syncs;

static void
count_sync (int fd)
{
  g_autofree char *link = g_strdup_printf ("/proc/self/fd/%d", fd);
  g_autofree char *target = g_file_read_link (link, NULL);

  if (target != NULL && g_str_has_suffix (target, ".db-wal"))
    g_atomic_int_inc (&wal_syncs);
}

int
fdatasync (int fd)
{
  count_sync (fd);
  return (int) syscall (SYS_fdatasync, fd);
}

int
fsync (int fd)
{
  count_sync (fd);
  return (int) syscall (SYS_fsync, fd);
}

/* Opening path is refused for what others can reach, and the message names it and the fix. */
static void
assert_refused_naming (const char *path,
                       const char *named,
                       const char *fix)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (rifq_test_db_open (path, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, named));
  g_assert_nonnull (strstr (error->message, fix));
}

/* Another user of the computer who can read the file, its log or its folder could read every
 * record: such a database is not opened, nor written to, until its owner makes it private. */
static void
test_open_refused_while_others_can_read_it (void)
{
  g_autofree char *path = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&db);
  before = file_digest (path);

  /* The file, readable by all or by a group, as a copy made with the wrong umask would be. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  assert_refused_naming (path, path, "chmod 600");
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  assert_refused_naming (path, path, "chmod 600");
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  /* Its log, left behind readable by all. */
  g_assert_true (g_file_set_contents_full (wal, "", 0, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  assert_refused_naming (path, wal, "chmod 600");
  g_assert_cmpint (g_remove (wal), ==, 0);

  /* Its folder, which others can list, or change without listing; nor is a new database made
   * there. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  assert_refused_naming (path, dir, "chmod 700");
  g_assert_cmpint (g_chmod (dir, 0733), ==, 0);
  assert_refused_naming (path, dir, "chmod 700");
  assert_refused_naming (fresh, dir, "chmod 700");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);

  /* A folder others may only pass through is the owner's. */
  g_assert_cmpint (g_chmod (dir, 0711), ==, 0);
  db = rifq_test_db_open (path, &error);
  g_assert_no_error (error);
}

static void
test_open_creates_private_file (void)
{
  g_autofree char *path = temp_path ("sub/dir/rifq.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_open (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* And the folders it made to hold it. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
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

  g_assert_true (g_file_set_contents_full (path, "", 0, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  db = rifq_test_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_db_get_schema_version (db), ==, RIFQ_SCHEMA_VERSION);
  g_assert_cmpint (rifq_test_count (db, "PRAGMA application_id"), ==, RIFQ_APPLICATION_ID);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_clear_object (&db);

  /* Opening again does not migrate twice. */
  db = rifq_test_db_open (path, &error);
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

  rifq_test_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  g_clear_object (&db);
  before = file_digest (path);

  again = rifq_test_db_open (path, &error);
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
  /* Private, as a file of the person's own would be: refused for what it is, not who reads it. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  before = file_digest (path);

  db = rifq_test_db_open (path, &error);
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
  db = rifq_test_db_open (path, &error);
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
  RifqStatement *stmt = rifq_db_prepare (db, "UPDATE settings SET value = ? WHERE key = 'decision_period_days'", error);

  if (stmt == NULL)
    return FALSE;
  rifq_statement_bind_text (stmt, 1, value);
  if (rifq_statement_step (stmt) != RIFQ_STEP_DONE)
    return rifq_db_fail (db, error);
  rifq_db_write_audit (write, "update", "settings", 0, NULL, NULL, "board decision");
  if (g_str_equal (value, "fail-after-write"))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, "refused on purpose");
      return FALSE;
    }
  return TRUE;
}

/* A power cut right after Rifq said "saved" keeps what was saved: each write's log is on the
 * disk before the write is reported done, not at the next checkpoint. */
static void
test_write_on_disk_before_called_saved (void)
{
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (&path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  rifq_db_set_actor (db, "desk-officer-1");
  for (guint i = 0; i < 5; i++)
    {
      gint before = g_atomic_int_get (&wal_syncs);

      g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "21", &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_atomic_int_get (&wal_syncs), >, before);
    }
  /* The log beside the database holds the same records: as private as the database. */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_write_appends_audit_row (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
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
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 entries = rifq_test_count (db, "SELECT count(*) FROM audit");

  g_assert_false (rifq_db_write (db, write_setting_cb, (gpointer) "fail-after-write", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);

  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "14");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, entries);
}

static gboolean
write_two_kinds_cb (RifqDb      *db,
                    RifqDbWrite *write,
                    gpointer     user_data,
                    GError     **error)
{
  if (!write_setting_cb (db, write, user_data, error))
    return FALSE;
  rifq_db_write_audit (write, "update", "beneficiary", 7, NULL, NULL, NULL);
  rifq_db_write_audit (write, "update", "beneficiary", 5, NULL, NULL, NULL);
  rifq_db_write_audit (write, "update", "beneficiary", 7, NULL, NULL, NULL);
  return TRUE;
}

static void
records_changed_cb (RifqDb     *db,
                    const char *kind,
                    GArray     *ids,
                    GString    *heard)
{
  g_string_append_printf (heard, "%s:", kind);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (heard, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (heard, ' ');
}

/* Lists learn what a write changed once it is committed: each kind once, each record once. */
static void
test_write_announces_changed_records (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) heard = g_string_new (NULL);

  g_signal_connect (db, "records-changed", G_CALLBACK (records_changed_cb), heard);
  g_assert_true (rifq_db_write (db, write_two_kinds_cb, (gpointer) "21", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (heard->str, ==, "settings:0 beneficiary:7,5 ");

  /* A write rolled back changed nothing, and says nothing. */
  g_string_truncate (heard, 0);
  g_assert_false (rifq_db_write (db, write_two_kinds_cb, (gpointer) "fail-after-write", &error));
  g_assert_cmpstr (heard->str, ==, "");
}

/* Tests and the window stop the clock through the context; the store dates by the same clock. */
static void
test_context_stops_and_restarts_the_clock (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqContext) context = rifq_context_new (db, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *real = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *stopped = NULL;
  g_autofree char *store_day = NULL;
  g_autofree char *running = NULL;

  g_assert_true (rifq_context_get_db (context) == db);
  g_assert_null (rifq_context_get_settings (context));
  g_assert_cmpstr (rifq_context_get_actor (context), ==, rifq_db_get_actor (db));

  rifq_context_set_today (context, "2026-11-26");
  stopped = rifq_context_dup_today (context);
  store_day = rifq_db_dup_today (db);
  g_assert_cmpstr (stopped, ==, "2026-11-26");
  g_assert_cmpstr (store_day, ==, "2026-11-26");

  rifq_context_set_today (context, NULL);
  running = rifq_context_dup_today (context);
  g_assert_cmpstr (running, ==, real);
}

static gboolean
write_without_audit_cb (RifqDb      *db,
                        RifqDbWrite *write,
                        gpointer     user_data,
                        GError     **error)
{
  return rifq_db_exec (db, "UPDATE settings SET value = '7' WHERE key = 'decision_period_days'", error);
}

static void
test_write_refused_without_audit (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
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
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
  g_autoptr(GError) error = NULL;
  gint64 rows = 0;

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", NULL));
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "16", NULL));
  g_assert_true (rifq_db_verify_audit (db, &rows, &error));
  g_assert_cmpint (rows, ==, 2);

  /* The log refuses edits through SQL … */
  g_assert_false (rifq_db_exec (db, "UPDATE audit SET actor = 'someone else'", NULL));
  g_assert_false (rifq_db_exec (db, "DELETE FROM audit", NULL));

  /* … and an edit that goes around the guard is caught by the chain. */
  rifq_test_sql (db, RIFQ_TEST_DIALECT ("DROP TRIGGER audit_is_append_only_update;",
                                        "DROP TRIGGER audit_is_append_only_update ON audit;"));
  rifq_test_sql (db, "UPDATE audit SET reason = 'rewritten' WHERE id = 1");
  g_assert_false (rifq_db_verify_audit (db, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "entry 1"));
}

/* A log of five writes, its guards dropped as a forger with the sqlite3 shell or psql would. */
static RifqDb *
forger_db (char **out_path)
{
  RifqDb *db = rifq_test_db_new_empty (out_path);
  const char *values[] = { "15", "16", "17", "18", "19" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) values[i], NULL));
  g_assert_true (rifq_db_verify_audit (db, NULL, NULL));
  rifq_test_sql (db, RIFQ_TEST_DIALECT ("DROP TRIGGER audit_is_append_only_update;"
                                        " DROP TRIGGER audit_is_append_only_delete;",
                                        "ALTER TABLE audit DISABLE TRIGGER USER;"));
  return db;
}

static void
assert_audit_broken (RifqDb     *db,
                     const char *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rifq_db_verify_audit (db, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

static void
run_sql (RifqDb     *db,
         const char *sql)
{
  rifq_test_sql (db, sql);
}

/* The old formula, as anyone reading the source can compute it. */
static char *
plain_hash (RifqStatement *row,
            const char    *prev)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (int column = 0; column < 8; column++)
    {
      const char *part = column == 0 ? prev : rifq_statement_get_text (row, column - 1 + (column > 4));
      g_autofree char *length = g_strdup_printf ("%zu:", part ? strlen (part) : (gsize) 0);

      if (column == 5)
        part = rifq_statement_get_text (row, 5);
      g_checksum_update (sum, (const guchar *) length, -1);
      if (part != NULL)
        g_checksum_update (sum, (const guchar *) part, -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_audit_edited_entry_named (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);

  run_sql (db, "UPDATE audit SET reason = 'rewritten' WHERE id = 3");
  assert_audit_broken (db, "entry 3: it was changed after it was written");
}

/* The forger edits entry 3 and recomputes every link after it with the formula in the source. */
static void
test_audit_recomputed_chain_caught (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);
  g_autofree char *prev = NULL;
  RifqStatement *rows;

  run_sql (db, "UPDATE audit SET reason = 'rewritten' WHERE id = 3");
  rows = rifq_db_prepare (db, "SELECT at, actor, action, record_kind, record_id,"
                              " before_json, after_json, reason, id, prev_hash FROM audit ORDER BY id", NULL);
  g_assert_nonnull (rows);
  while (rifq_statement_step (rows) == RIFQ_STEP_ROW)
    {
      gint64 id = rifq_statement_get_int64 (rows, 8);
      g_autofree char *hash = NULL;

      if (prev == NULL)
        prev = g_strdup (rifq_statement_get_text (rows, 9));
      hash = plain_hash (rows, id == 1 ? NULL : prev);
      if (id >= 3)
        {
          g_autofree char *sql = g_strdup_printf ("UPDATE audit SET hash = '%s', prev_hash = %s%s%s WHERE id = %"
                                                  G_GINT64_FORMAT, hash, prev ? "'" : "", prev ? prev : "NULL",
                                                  prev ? "'" : "", id);

          run_sql (db, sql);
        }
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  rifq_statement_reset (rows);
  assert_audit_broken (db, "entry 3");
}

static void
test_audit_deleted_entry_named_by_its_own_id (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);

  run_sql (db, "DELETE FROM audit WHERE id = 3");
  assert_audit_broken (db, "entry 3 was deleted");
}

/* The log is read a chunk of 10,000 entries at a time: entries deleted where one chunk ends and
 * the next begins are named as one gap, and a long log that is whole still verifies. */
static void
test_audit_gap_across_chunks_named (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);
  g_autoptr(GError) error = NULL;
  gint64 rows = 0;

  rifq_test_first_staff (db);
  g_assert_true (rifq_demo_fill (db, 10050, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), >, 10010);
  g_assert_true (rifq_db_verify_audit (db, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, rifq_test_count (db, "SELECT count(*) FROM audit"));

  run_sql (db, "DELETE FROM audit WHERE id IN (9999, 10000, 10001)");
  assert_audit_broken (db, "entries 9999 to 10001 were deleted");
}

/* The log's entries are hashed a chunk at a time while the next chunk is read: an entry edited
 * at the start of the second chunk is named, and nothing after it is taken for whole. */
static void
test_audit_edited_in_second_chunk_named (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);
  g_autoptr(GError) error = NULL;

  rifq_test_first_staff (db);
  g_assert_true (rifq_demo_fill (db, 10050, 1, &error));
  g_assert_no_error (error);
  run_sql (db, "UPDATE audit SET reason = 'rewritten' WHERE id = 10001");
  assert_audit_broken (db, "entry 10001: it was changed after it was written");
}

/* An entry added before the first, numbered 0 or below, with a copied key: the walk from 1 up
 * would not meet it, and the person's export would show it. */
static void
test_audit_entry_numbered_below_one_caught (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);

  run_sql (db, "INSERT INTO audit (id, at, actor, action, record_kind, record_id, reason, hash, key_id)"
               " SELECT -5, '2026-01-01T00:00:00Z', actor, 'delete', 'beneficiary', 1, 'forged', 'ff', key_id"
               " FROM audit WHERE id = 1");
  assert_audit_broken (db, "entry -5: it was added outside Rifq");
}

static void
test_audit_truncated_end_caught (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);

  run_sql (db, "DELETE FROM audit WHERE id > 3");
  assert_audit_broken (db, "entries after 3 were deleted");
}

static void
test_audit_emptied_caught (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);

  run_sql (db, "DELETE FROM audit");
  assert_audit_broken (db, "it has 0 entries, but 5 were written");
}

static void
test_audit_anchor_deleted_caught (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);

  run_sql (db, "DELETE FROM audit WHERE id > 3; DELETE FROM audit_anchor");
  assert_audit_broken (db, "anchor is missing");
}

static void
test_audit_forged_entry_caught (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);

  /* A plausible entry, copied from the last one with another value, its hash made up. */
  run_sql (db, "INSERT INTO audit (id, at, actor, action, record_kind, record_id, before_json, after_json, reason,"
               " prev_hash, hash, key_id) SELECT 6, at, actor, action, record_kind, record_id, before_json,"
               " '{\"decision_period_days\":\"60\"}', reason, hash, hash, key_id FROM audit WHERE id = 5");
  assert_audit_broken (db, "entry 6");
}

/* An older copy of the database put back: its log is whole, but shorter than the one written. */
static void
test_audit_older_copy_put_back_caught (void)
{
  g_autofree char *path = NULL;
  g_autofree char *older = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (&path);
  g_autoptr(RifqDb) reopened = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", NULL));
  run_sql (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "16", NULL));
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "17", NULL));
  g_clear_object (&db);
  older = g_strconcat (path, "-wal", NULL);
  g_unlink (older);
  g_free (older);
  older = g_strconcat (path, "-shm", NULL);
  g_unlink (older);
  g_assert_true (g_file_set_contents_full (path, bytes, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  reopened = rifq_test_db_open (path, NULL);
  g_assert_nonnull (reopened);
  assert_audit_broken (reopened, "An older copy of the database was put back");
}

/* Every entry rewritten as an old, unkeyed one with the source's formula, the anchor deleted. */
static void
test_audit_downgraded_to_unkeyed_caught (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);
  g_autofree char *prev = NULL;
  RifqStatement *rows;

  run_sql (db, "UPDATE audit SET key_id = NULL; DELETE FROM audit_anchor");
  rows = rifq_db_prepare (db, "SELECT at, actor, action, record_kind, record_id,"
                              " before_json, after_json, reason, id FROM audit ORDER BY id", NULL);
  g_assert_nonnull (rows);
  while (rifq_statement_step (rows) == RIFQ_STEP_ROW)
    {
      g_autofree char *hash = plain_hash (rows, prev);
      g_autofree char *sql = g_strdup_printf ("UPDATE audit SET hash = '%s', prev_hash = %s%s%s WHERE id = %"
                                              G_GINT64_FORMAT, hash, prev ? "'" : "", prev ? prev : "NULL",
                                              prev ? "'" : "", (gint64) rifq_statement_get_int64 (rows, 8));

      run_sql (db, sql);
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  rifq_statement_reset (rows);
  assert_audit_broken (db, "entry 1: it was added without the log’s key");
}

/* Everything deleted, the anchor too: the copy in the key folder still knows. */
static void
test_audit_emptied_with_anchor_caught (void)
{
  g_autoptr(RifqDb) db = forger_db (NULL);

  run_sql (db, "DELETE FROM audit; DELETE FROM audit_anchor");
  assert_audit_broken (db, "anchor is missing");
}

/* An older copy put back, then written to: the write is refused, so the check still finds it. */
static void
test_audit_older_copy_not_written_to (void)
{
  g_autofree char *path = NULL;
  g_autofree char *older = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (&path);
  g_autoptr(RifqDb) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", NULL));
  run_sql (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "16", NULL));
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "17", NULL));
  g_clear_object (&db);
  older = g_strconcat (path, "-wal", NULL);
  g_unlink (older);
  g_assert_true (g_file_set_contents_full (path, bytes, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  reopened = rifq_test_db_open (path, NULL);
  g_assert_false (rifq_db_write (reopened, write_setting_cb, (gpointer) "18", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "older than its audit log"));
  assert_audit_broken (reopened, "An older copy of the database was put back");
}

/* The boundary between old unkeyed entries and keyed ones moved in the key's row. */
static void
test_audit_key_row_edited_caught (void)
{
  g_autofree char *path = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (&path);
  g_autoptr(RifqDb) reopened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", NULL));
  run_sql (db, "UPDATE chain_key SET legacy_last_id = 100");
  g_clear_object (&db);
  reopened = rifq_test_db_open (path, NULL);
  g_assert_false (rifq_db_write (reopened, write_setting_cb, (gpointer) "16", &error));
  g_assert_nonnull (strstr (error->message, "record of the audit log’s key was changed"));
}

/* The database alone, on a workstation without its audit key: nothing is written, nothing proven. */
static void
test_audit_copy_without_key_cannot_write (void)
{
  g_autofree char *path = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (&path);
  g_autoptr(RifqDb) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_dir_make_tmp ("rifq-keys-XXXXXX", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("RIFQ_KEY_DIR"));
  g_autofree char *value = NULL;

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", NULL));
  g_clear_object (&db);
  g_setenv ("RIFQ_KEY_DIR", elsewhere, TRUE);
  copy = rifq_test_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (rifq_db_write (copy, write_setting_cb, (gpointer) "16", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "does not hold the key of this database’s audit log"));
  g_clear_error (&error);
  value = rifq_db_get_setting (copy, "decision_period_days");
  g_assert_cmpstr (value, ==, "15");
  g_assert_false (rifq_db_verify_audit (copy, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_setenv ("RIFQ_KEY_DIR", saved, TRUE);
}

/* Another workstation in the middle of a long write. */

typedef struct
{
  const char *location;
  GMutex      lock;
  GCond       cond;
  gboolean    holding;
} Holder;

static gboolean
hold_write_cb (RifqDb      *db,
               RifqDbWrite *write,
               gpointer     user_data,
               GError     **error)
{
  Holder *holder = user_data;

  if (!write_setting_cb (db, write, (gpointer) "21", error))
    return FALSE;
  g_mutex_lock (&holder->lock);
  holder->holding = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->lock);
  /* Longer than a write waits. */
  g_usleep (7 * G_USEC_PER_SEC);
  return TRUE;
}

static gpointer
hold_write (gpointer data)
{
  Holder *holder = data;
  g_autoptr(RifqDb) db = rifq_test_db_open (holder->location, NULL);

  rifq_db_set_actor (db, "other-desk");
  g_assert_true (rifq_db_write (db, hold_write_cb, holder, NULL));
  return NULL;
}

/* A write that waited its few seconds for another workstation's is refused as busy, and
 * nothing of it is written; the other's write is kept whole. */
static void
test_write_busy_refused_nothing_written (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (&location);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  Holder holder = { location };
  GThread *other;

  g_mutex_init (&holder.lock);
  g_cond_init (&holder.cond);
  other = g_thread_new ("other-desk", hold_write, &holder);
  g_mutex_lock (&holder.lock);
  while (!holder.holding)
    g_cond_wait (&holder.cond, &holder.lock);
  g_mutex_unlock (&holder.lock);

  g_assert_false (rifq_db_write (db, write_setting_cb, (gpointer) "30", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_thread_join (other);

  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "21");
  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_AUDIT_SQL), ==, 1);
  g_assert_true (rifq_db_verify_audit (db, NULL, NULL));
  g_mutex_clear (&holder.lock);
  g_cond_clear (&holder.cond);
}

/* The server */

/* A copy of the server's database as it is now, under a new name: what a restored dump is. */
static char *
copy_server_database (const char *location)
{
  return rifq_test_server_database_copy (g_strrstr (location, "dbname=") + strlen ("dbname="));
}

static void
test_server_new_database_migrated (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);

  g_assert_cmpint (rifq_db_get_schema_version (db), ==, RIFQ_SCHEMA_VERSION);
  /* The policy's eight channels and four tools are there from the start. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM channel"), ==, 8);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff_tool"), ==, 4);
  g_assert_cmpint (rifq_test_count (db, "SELECT version FROM rifq_schema"), ==, RIFQ_SCHEMA_VERSION);
}

static void
test_server_refuses_newer_database (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(GError) error = NULL;
  RifqDb *again;

  rifq_test_set_schema_version (db, 99);
  g_clear_object (&db);

  again = rifq_test_db_open (location, &error);
  g_assert_null (again);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NEWER_DATABASE);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);

  /* Nothing was changed: a look by another program finds it as it was. */
  rifq_test_other_program_sql (location, "UPDATE rifq_schema SET version = version");
  db = rifq_test_db_open (location, &error);
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NEWER_DATABASE);
}

static void
test_server_refuses_foreign_database (void)
{
  g_autofree char *location = rifq_test_server_database_new ();
  g_autoptr(GError) error = NULL;
  RifqDb *db;
  PGconn *conn;
  PGresult *result;

  rifq_test_other_program_sql (location, "CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);"
                        " INSERT INTO invoices VALUES (1, 12.5);");
  db = rifq_test_db_open (location, &error);
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_FOREIGN_DATABASE);

  /* Left untouched: its one table, no table of Rifq's. */
  conn = PQconnectdb (location);
  result = PQexec (conn, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema ()");
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "1");
  PQclear (result);
  PQfinish (conn);
}

/* A database made to sort text by a language's rules is refused before anything is written:
 * names would list and be found otherwise than on a desk. */
static void
test_server_refuses_language_collation (void)
{
  g_autofree char *location = rifq_test_server_database_new ();
  const char *name = g_strrstr (location, "dbname=") + strlen ("dbname=");
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0 LOCALE_PROVIDER icu"
                                             " ICU_LOCALE 'ar' LOCALE 'C.UTF-8'", name);
  g_autoptr(GError) error = NULL;
  RifqDb *db;
  PGconn *conn;
  PGresult *result;

  rifq_test_other_program_sql (g_getenv ("RIFQ_TEST_POSTGRES"), drop);
  rifq_test_other_program_sql (g_getenv ("RIFQ_TEST_POSTGRES"), create);
  db = rifq_test_db_open (location, &error);
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_FOREIGN_DATABASE);
  g_assert_nonnull (strstr (error->message, "LC_COLLATE 'C'"));

  conn = PQconnectdb (location);
  result = PQexec (conn, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema ()");
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "0");
  PQclear (result);
  PQfinish (conn);
}

/* A password written into the server's address is neither shown nor put in a message. */
static void
test_server_password_never_shown (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autofree char *with_password = g_strconcat (location, " password=kalimat-sirr", NULL);
  g_autoptr(RifqDb) again = NULL;
  g_autoptr(GError) error = NULL;

  again = rifq_test_db_open (with_password, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (rifq_db_get_path (again), "kalimat-sirr"));
  g_assert_nonnull (strstr (rifq_db_get_path (again), "dbname="));
  g_clear_object (&again);

  rifq_test_set_schema_version (db, 99);
  again = rifq_test_db_open (with_password, &error);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NEWER_DATABASE);
  g_assert_null (strstr (error->message, "kalimat-sirr"));
}

typedef struct
{
  GPtrArray *kinds;   /* "kind:id" of each record announced */
} Heard;

static void
heard_cb (RifqDb     *db,
          const char *kind,
          GArray     *ids,
          Heard      *heard)
{
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (heard->kinds, g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, g_array_index (ids, gint64, i)));
}

static guint
heard_has (Heard      *heard,
           const char *what)
{
  guint n = 0;

  for (guint i = 0; i < heard->kinds->len; i++)
    n += g_str_equal (g_ptr_array_index (heard->kinds, i), what);
  return n;
}

/* Runs the main loop until what is heard n times, or the test's patience runs out. */
static void
listen_for (Heard      *heard,
            const char *what,
            guint       n)
{
  gint64 start = g_get_monotonic_time ();

  while (heard_has (heard, what) < n && g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* What one workstation commits is announced at another without being asked, record by record;
 * its own writes once, not again when the server tells of them. */
static void
test_server_other_workstations_heard (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) here = rifq_test_db_new (&location);
  g_autoptr(RifqDb) there = rifq_test_db_open (location, NULL);
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  Heard heard = { g_ptr_array_new_with_free_func (g_free) };

  g_assert_true (rifq_db_watch_others (here, &error));
  g_assert_no_error (error);
  g_signal_connect (here, "records-changed", G_CALLBACK (heard_cb), &heard);

  rifq_test_act_as (there, "desk-2", RIFQ_ROLE_DESK);
  g_assert_true (rifq_beneficiary_store_add (there, b, NULL, NULL, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("beneficiary:%" G_GINT64_FORMAT, rifq_beneficiary_get_id (b));
  listen_for (&heard, expected, 1);
  g_assert_true (heard_has (&heard, expected));

  /* This workstation's own write: told once, at once. */
  g_ptr_array_set_size (heard.kinds, 0);
  g_assert_true (rifq_db_write (here, write_setting_cb, (gpointer) "22", NULL));
  g_assert_cmpint (heard_has (&heard, "settings:0"), ==, 1);
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpint (heard_has (&heard, "settings:0"), ==, 1);

  /* And another's after it, still. */
  g_assert_true (rifq_db_write (there, write_setting_cb, (gpointer) "23", NULL));
  listen_for (&heard, "settings:0", 2);
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpint (heard_has (&heard, "settings:0"), ==, 2);
  g_ptr_array_unref (heard.kinds);
}

/* Every session of the server's database at location ends, as when the server restarts. */
static void
end_sessions (const char *location)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                          " WHERE datname = '%s' AND pid <> pg_backend_pid ()",
                                          g_strrstr (location, "dbname=") + strlen ("dbname="));

  rifq_test_other_program_sql (g_getenv ("RIFQ_TEST_POSTGRES"), sql);
}

/* Whether the server lets anyone into the database at location. */
static void
let_in (const char *location,
        gboolean    allowed)
{
  g_autofree char *sql = g_strdup_printf ("ALTER DATABASE %s ALLOW_CONNECTIONS %s",
                                          g_strrstr (location, "dbname=") + strlen ("dbname="),
                                          allowed ? "true" : "false");

  rifq_test_other_program_sql (g_getenv ("RIFQ_TEST_POSTGRES"), sql);
}

/* The server restarted between two statements: the session is made again, unnoticed. */
static void
test_server_session_lost_between_statements (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  end_sessions (location);
  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "14");
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", &error));
  g_assert_no_error (error);
  g_assert_false (rifq_db_get_offline (db));
  g_assert_true (rifq_db_verify_audit (db, NULL, &error));
}

/* The session ended by the server while the workstation sat idle, and the next thing done is a
 * write (nothing read first): the write begins in a session made again, its start prepared
 * there, and goes through, twice in a row. */
static void
test_server_session_lost_before_a_write (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  /* A first write: the start is prepared in the first session. */
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      end_sessions (location);
      g_assert_true (rifq_db_write (db, write_setting_cb, i == 0 ? (gpointer) "16" : (gpointer) "17", &error));
      g_assert_no_error (error);
    }
  g_assert_false (rifq_db_get_offline (db));
  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "17");
  g_assert_true (rifq_db_verify_audit (db, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *location;
} Cut;

static gboolean
cut_in_the_middle_cb (RifqDb      *db,
                      RifqDbWrite *write,
                      gpointer     user_data,
                      GError     **error)
{
  Cut *cut = user_data;

  if (!write_setting_cb (db, write, (gpointer) "31", error))
    return FALSE;
  end_sessions (cut->location);
  return rifq_db_execute (db, "UPDATE settings SET value = 'x' WHERE key = 'policy_approved_on'", RIFQ_NO_PARAMS,
                          error);
}

/* The connection lost in the middle of a write: the write is refused whole, as the server undid
 * it, and the next one goes through. */
static void
test_server_lost_in_the_middle_of_a_write (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  Cut cut = { location };

  g_assert_false (rifq_db_write (db, cut_in_the_middle_cb, &cut, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_OFFLINE);
  g_clear_error (&error);
  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "14");
  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_AUDIT_SQL), ==, 0);
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "16", &error));
  g_assert_no_error (error);
  g_assert_true (rifq_db_verify_audit (db, NULL, &error));
}

/* The line between a workstation and the server, played by the test: a Unix socket of its own,
 * its bytes passed on both ways, and cut once, when asked, right after a COMMIT went through to
 * the server and before the server's answer could come back. */
typedef struct
{
  char          *dir;          /* host= for the workstation */
  char          *server;       /* the server's own socket */
  GSocket       *listener;
  gint           cut_at_commit;
  gint           cut;
  gint           refuse;       /* new connections are closed at once: the server unreachable */
  gint           stop;
  GThread       *thread;
} Line;

typedef struct
{
  Line    *line;
  GSocket *workstation;
  GSocket *server;
  gboolean commit_seen;  /* a COMMIT went through, the Sync after it not yet */
} Passage;

static gboolean
send_whole (GSocket    *to,
            const char *bytes,
            gssize      n)
{
  while (n > 0)
    {
      gssize sent = g_socket_send (to, bytes, n, NULL, NULL);

      if (sent <= 0)
        return FALSE;
      bytes += sent;
      n -= sent;
    }
  return TRUE;
}

static gboolean
holds_commit (const char *bytes,
              gssize      n)
{
  for (gssize i = 0; i + 6 <= n; i++)
    if (memcmp (bytes + i, "COMMIT", 6) == 0)
      return TRUE;
  return FALSE;
}

/* Whether bytes end with the protocol's Sync message ('S', length 4). */
static gboolean
ends_with_sync (const char *bytes,
                gssize      n)
{
  static const char sync[] = { 'S', 0, 0, 0, 4 };

  return n >= (gssize) sizeof sync && memcmp (bytes + n - sizeof sync, sync, sizeof sync) == 0;
}

static gpointer
pass_bytes (gpointer data)
{
  Passage *p = data;
  char buffer[65536];

  while (!g_atomic_int_get (&p->line->stop))
    {
      GPollFD fds[2] = {
        { g_socket_get_fd (p->workstation), G_IO_IN | G_IO_HUP | G_IO_ERR, 0 },
        { g_socket_get_fd (p->server), G_IO_IN | G_IO_HUP | G_IO_ERR, 0 },
      };
      gboolean done = FALSE;

      if (g_poll (fds, 2, 100) <= 0)
        continue;
      for (guint i = 0; i < 2 && !done; i++)
        {
          GSocket *from = i == 0 ? p->workstation : p->server;
          GSocket *to = i == 0 ? p->server : p->workstation;
          gssize n;

          if (fds[i].revents == 0)
            continue;
          n = g_socket_receive (from, buffer, sizeof buffer, NULL, NULL);
          if (n <= 0 || !send_whole (to, buffer, n))
            {
              done = TRUE;
              break;
            }
          /* The COMMIT is on its way to the server, whole with the Sync that ends what was sent
           * with it (libpq may send a long pipeline in several pieces): the line goes before the
           * answer comes. */
          if (i == 0 && g_atomic_int_get (&p->line->cut_at_commit))
            {
              p->commit_seen = p->commit_seen || holds_commit (buffer, n);
              if (p->commit_seen && ends_with_sync (buffer, n))
                {
                  g_atomic_int_set (&p->line->cut_at_commit, FALSE);
                  g_atomic_int_set (&p->line->cut, TRUE);
                  done = TRUE;
                }
            }
        }
      if (done)
        break;
    }
  g_socket_close (p->workstation, NULL);
  g_socket_close (p->server, NULL);
  g_object_unref (p->workstation);
  g_object_unref (p->server);
  g_free (p);
  return NULL;
}

static gpointer
line_accept (gpointer data)
{
  Line *line = data;

  while (!g_atomic_int_get (&line->stop))
    {
      g_autoptr(GSocketAddress) address = g_unix_socket_address_new (line->server);
      GSocket *workstation;
      Passage *p;

      if (!g_socket_condition_timed_wait (line->listener, G_IO_IN, 100000, NULL, NULL))
        continue;
      workstation = g_socket_accept (line->listener, NULL, NULL);
      if (workstation == NULL)
        continue;
      if (g_atomic_int_get (&line->refuse))
        {
          g_socket_close (workstation, NULL);
          g_object_unref (workstation);
          continue;
        }
      p = g_new0 (Passage, 1);
      p->line = line;
      p->workstation = workstation;
      p->server = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, NULL);
      g_assert_true (g_socket_connect (p->server, address, NULL, NULL));
      g_thread_unref (g_thread_new ("line", pass_bytes, p));
    }
  return NULL;
}

/* A line to the server location names: connect through it with "host=" line->dir. */
static Line *
line_new (const char *location)
{
  Line *line = g_new0 (Line, 1);
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSocketAddress) address = NULL;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    {
      if (g_str_equal (o->keyword, "host") && o->val != NULL)
        host = g_strdup (o->val);
      if (g_str_equal (o->keyword, "port") && o->val != NULL)
        port = g_strdup (o->val);
    }
  PQconninfoFree (options);
  g_assert_nonnull (host);
  line->server = g_strdup_printf ("%s/.s.PGSQL.%s", host, port != NULL ? port : "5432");
  line->dir = g_dir_make_tmp ("rifq-line-XXXXXX", NULL);
  path = g_strdup_printf ("%s/.s.PGSQL.%s", line->dir, port != NULL ? port : "5432");
  address = g_unix_socket_address_new (path);
  line->listener = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, NULL);
  g_assert_true (g_socket_bind (line->listener, address, TRUE, NULL));
  g_assert_true (g_socket_listen (line->listener, NULL));
  line->thread = g_thread_new ("line-accept", line_accept, line);
  return line;
}

static void
line_free (Line *line)
{
  g_autofree char *path = NULL;

  g_atomic_int_set (&line->stop, TRUE);
  g_thread_join (line->thread);
  g_socket_close (line->listener, NULL);
  g_object_unref (line->listener);
  path = g_strdup_printf ("%s/.s.PGSQL.5432", line->dir);
  g_unlink (path);
  g_rmdir (line->dir);
  g_free (line->dir);
  g_free (line->server);
  g_free (line);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Line, line_free)

/* A workstation whose connection to the server goes through line. */
static RifqDb *
open_through_line (Line       *line,
                   const char *location)
{
  g_autofree char *via_line = g_strdup_printf ("%s host=%s", location, line->dir);
  g_autoptr(GError) error = NULL;
  RifqDb *db = rifq_test_db_open (via_line, &error);

  g_assert_no_error (error);
  return db;
}

/* The workstation db goes on writing, and the chain, read at there, is still whole. */
static void
assert_writes_on_whole_chain (RifqDb     *db,
                              RifqDb     *there,
                              const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) value, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_db_verify_audit (there, NULL, &error));
  g_assert_no_error (error);
}

/* The server committed, and its answer was lost with the line: the workstation finds the write
 * in the log once it is back, and says it was saved, once; nothing is written twice. */
static void
test_server_commit_answer_lost_write_kept (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) there = rifq_test_db_new (&location);
  g_autoptr(Line) line = line_new (location);
  g_autoptr(RifqDb) db = open_through_line (line, location);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 entries;

  entries = rifq_test_count (there, "SELECT count(*) FROM audit");

  g_atomic_int_set (&line->cut_at_commit, TRUE);
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "33", &error));
  g_assert_no_error (error);
  g_assert_true (g_atomic_int_get (&line->cut));

  value = rifq_db_get_setting (there, "decision_period_days");
  g_assert_cmpstr (value, ==, "33");
  g_assert_cmpint (rifq_test_count (there, "SELECT count(*) FROM audit"), ==, entries + 1);
  /* And the workstation goes on writing, on a chain still whole. */
  assert_writes_on_whole_chain (db, there, "34");
}

/* The server committed, its answer was lost with the line, and the server cannot be reached to
 * ask: the workstation does not say "nothing was saved" (the person would save it twice) but that
 * whether it was saved is not known yet; once the line is back it writes on. */
static void
test_server_commit_answer_lost_server_away_not_called_unsaved (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) there = rifq_test_db_new (&location);
  g_autoptr(Line) line = line_new (location);
  g_autoptr(RifqDb) db = open_through_line (line, location);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_atomic_int_set (&line->refuse, TRUE);
  g_atomic_int_set (&line->cut_at_commit, TRUE);
  g_assert_false (rifq_db_write (db, write_setting_cb, (gpointer) "35", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "cannot be known"));
  g_assert_null (strstr (error->message, "nothing was saved"));
  g_clear_error (&error);
  /* It was saved: the server's own session finishes the COMMIT in its own time. */
  {
    gint64 start = g_get_monotonic_time ();

    do
      {
        g_free (value);
        value = rifq_db_get_setting (there, "decision_period_days");
      }
    while (g_strcmp0 (value, "35") != 0 && g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE &&
           (g_usleep (10000), TRUE));
  }
  g_assert_cmpstr (value, ==, "35");

  g_atomic_int_set (&line->refuse, FALSE);
  assert_writes_on_whole_chain (db, there, "36");
}

/* The server away: a write is refused whole, saying so; the workstation says it is offline,
 * tries again by itself, and once the server is back hears what others wrote meanwhile. */
static void
test_server_away_then_back (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  Heard heard = { g_ptr_array_new_with_free_func (g_free) };
  gint64 start;

  g_assert_true (rifq_db_watch_others (db, &error));
  g_signal_connect (db, "records-changed", G_CALLBACK (heard_cb), &heard);
  let_in (location, FALSE);
  end_sessions (location);

  g_assert_false (rifq_db_write (db, write_setting_cb, (gpointer) "40", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "cannot be reached just now"));
  g_clear_error (&error);
  g_assert_true (rifq_db_get_offline (db));

  /* Back, and meanwhile another workstation wrote. */
  let_in (location, TRUE);
  there = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_db_write (there, write_setting_cb, (gpointer) "41", &error));
  start = g_get_monotonic_time ();
  while (rifq_db_get_offline (db) && g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_false (rifq_db_get_offline (db));
  g_assert_cmpint (heard_has (&heard, "settings:0"), ==, 1);

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "42", &error));
  g_assert_no_error (error);
  value = rifq_db_get_setting (there, "decision_period_days");
  g_assert_cmpstr (value, ==, "42");
  g_assert_true (rifq_db_verify_audit (db, NULL, &error));
  g_ptr_array_unref (heard.kinds);
}

/* A dump of the server restored from before the last writes: its log is whole, but shorter
 * than the one written, and it is not written to. */
static void
test_server_older_copy_put_back_caught (void)
{
  g_autofree char *location = NULL;
  g_autofree char *older = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqDb) reopened = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = g_strrstr (location, "dbname=") + strlen ("dbname=");

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", NULL));
  g_clear_object (&db);
  older = copy_server_database (location);
  db = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "16", NULL));
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "17", NULL));
  g_clear_object (&db);

  /* The older copy put back in its place, under its name. */
  {
    g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", name);
    g_autofree char *restore = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name,
                                                g_strrstr (older, "dbname=") + strlen ("dbname="));

    rifq_test_other_program_sql (g_getenv ("RIFQ_TEST_POSTGRES"), drop);
    rifq_test_other_program_sql (g_getenv ("RIFQ_TEST_POSTGRES"), restore);
  }
  reopened = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_false (rifq_db_write (reopened, write_setting_cb, (gpointer) "18", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "older than its audit log"));
  assert_audit_broken (reopened, "An older copy of the database was put back");
}

/* Moving a desk to the server, and back */

/* A desk's file with a few months of work on it: applicants, requests through every step,
 * meetings, votes, letters, seals. */
static char *
busy_desk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-desk-XXXXXX", NULL);
  char *path = g_build_filename (dir, "desk.db", NULL);
  g_autoptr(RifqDb) desk = rifq_test_db_open (path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (desk);
  rifq_test_staff (desk);
  rifq_db_set_actor (desk, "admin");
  g_assert_true (rifq_seal_ensure_key (desk, &error));
  g_assert_true (rifq_demo_fill (desk, 60, 7, &error));
  g_assert_true (rifq_demo_fill_requests (desk, 90, 7, &error));
  g_assert_no_error (error);
  /* A request being put together, with a scan: bytes the server must keep whole. */
  {
    RifqRequestDraft draft = { rifq_test_add_beneficiary (desk, RIFQ_TEST_ID_4, "هيا", "0509998877"), "food_basket",
                               "interview", "سلة غذائية", -1, NULL };
    RifqDocument doc = { .type = (char *) "national_id", .number = (char *) "2000000006",
                         .issued_on = (char *) "2020-01-01", .expires_on = (char *) "2030-01-01", .matched = TRUE };
    g_autoptr(GBytes) scan = rifq_test_png (4096, 3);
    g_autoptr(RifqRequest) r = NULL;

    rifq_db_set_actor (desk, "desk");
    r = rifq_request_store_create (desk, &draft, &error);
    g_assert_no_error (error);
    g_assert_true (rifq_request_store_advance (desk, r->id, RIFQ_ACTION_COLLECT, NULL, &error));
    g_assert_true (rifq_request_store_save_document (desk, r->id, &doc, &error));
    g_assert_true (rifq_request_store_attach (desk, r->id, "national_id", scan, "id-card.png", &error));
    g_assert_no_error (error);
  }
  return path;
}

static gint64
count_in (const char *location,
          const char *sql)
{
  g_autoptr(RifqDb) db = rifq_test_db_open (location, NULL);

  g_assert_nonnull (db);
  return rifq_test_count (db, sql);
}

/* A desk moved to the server whole: every table's rows, the audit chain, the seals; the server
 * then goes on numbering where the desk stopped, and finds the desk's applicants. */
static void
test_server_desk_copied_whole (void)
{
  g_autofree char *desk = busy_desk ();
  g_autofree char *server = rifq_test_server_database_new ();
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(RifqDb) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(RifqBeneficiary) added = rifq_test_beneficiary (RIFQ_TEST_ID_1, "نورة", "الدوسري", "0501112233");
  RifqDbCopySummary summary;
  const char *tables[] = { "beneficiary", "request", "document", "attachment", "vote", "decision", "letter", "seal",
                           "seal_public_key", "audit", "settings", "staff_role" };

  g_assert_true (rifq_db_copy (desk, server, "admin", 20, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.seals_checked, >, 0);
  g_assert_cmpint (summary.audit_entries, ==, count_in (desk, "SELECT count(*) FROM audit"));

  source = rifq_test_db_open (desk, NULL);
  db = rifq_test_db_open (server, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      gint64 expected = rifq_test_count (source, sql) + (g_str_equal (tables[i], "audit") ? 1 : 0);

      g_assert_cmpint (rifq_test_count (db, sql), ==, expected);
    }
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'copy'"), ==, 1);
  g_assert_true (rifq_db_verify_audit (db, NULL, &error));
  g_assert_no_error (error);

  /* The same scans, byte for byte. */
  {
    RifqStatement *a = rifq_db_prepare (source, "SELECT sha256, data FROM attachment ORDER BY sha256", NULL);
    RifqStatement *b = rifq_db_prepare (db, "SELECT sha256, data FROM attachment ORDER BY sha256", NULL);
    guint n = 0;

    while (rifq_statement_step (a) == RIFQ_STEP_ROW)
      {
        g_assert_cmpint (rifq_statement_step (b), ==, RIFQ_STEP_ROW);
        g_assert_cmpstr (rifq_statement_get_text (a, 0), ==, rifq_statement_get_text (b, 0));
        g_assert_cmpmem (rifq_statement_get_blob (a, 1), rifq_statement_get_size (a, 1),
                         rifq_statement_get_blob (b, 1), rifq_statement_get_size (b, 1));
        n++;
      }
    rifq_statement_reset (a);
    rifq_statement_reset (b);
    g_assert_cmpuint (n, >, 0);
  }

  /* The server goes on: a new applicant takes the next record number, and is found. */
  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_beneficiary_store_add (db, added, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_beneficiary_get_id (added), ==, rifq_test_count (source, "SELECT max(id) FROM beneficiary") + 1);
  found = rifq_beneficiary_store_search (db, "نورة الدوسري", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_true (rifq_db_verify_audit (db, NULL, &error));
}

/* The server copied onto a file for a laptop taken on home visits: the same records, a log of
 * its own from then on, and the server's log untouched by the laptop's writes. */
static void
test_server_copied_to_laptop (void)
{
  g_autofree char *desk = busy_desk ();
  g_autofree char *server = rifq_test_server_database_new ();
  g_autofree char *dir = g_dir_make_tmp ("rifq-laptop-XXXXXX", NULL);
  g_autofree char *laptop = g_build_filename (dir, "laptop.db", NULL);
  g_autoptr(RifqDb) on_laptop = NULL;
  g_autoptr(RifqDb) on_server = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_db_copy (desk, server, "admin", 5, NULL, &error));
  g_assert_true (rifq_db_copy (server, laptop, "admin", 5, NULL, &error));
  g_assert_no_error (error);

  on_laptop = rifq_test_db_open (laptop, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_db_write (on_laptop, write_setting_cb, (gpointer) "20", &error));
  g_assert_true (rifq_db_verify_audit (on_laptop, NULL, &error));
  on_server = rifq_test_db_open (server, &error);
  g_assert_true (rifq_db_verify_audit (on_server, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (on_laptop, "SELECT count(*) FROM beneficiary"), ==,
                   rifq_test_count (on_server, "SELECT count(*) FROM beneficiary"));
}

/* Tables are read a chunk at a time (5,000 rows, 16 scans): a desk whose registry, log and scans
 * each run past a chunk reaches the server and comes back onto a laptop whole, every scan's bytes
 * as they were. */
static void
test_server_copy_in_chunks_whole (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-chunks-XXXXXX", NULL);
  g_autofree char *desk = g_build_filename (dir, "desk.db", NULL);
  g_autofree char *laptop = g_build_filename (dir, "laptop.db", NULL);
  g_autofree char *server = rifq_test_server_database_new ();
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RifqDb) db = rifq_test_db_open (desk, &error);
    RifqDocument doc = { .type = (char *) "national_id", .number = (char *) "2000000006",
                         .issued_on = (char *) "2020-01-01", .expires_on = (char *) "2030-01-01", .matched = TRUE };
    RifqRequestDraft draft = { 0, "food_basket", "interview", "سلة غذائية", -1, NULL };
    g_autoptr(RifqRequest) r = NULL;

    g_assert_no_error (error);
    rifq_test_staff (db);
    g_assert_true (rifq_demo_fill (db, 5050, 3, &error));
    draft.beneficiary_id = 77;
    rifq_db_set_actor (db, "desk");
    r = rifq_request_store_create (db, &draft, &error);
    g_assert_no_error (error);
    g_assert_true (rifq_request_store_advance (db, r->id, RIFQ_ACTION_COLLECT, NULL, &error));
    g_assert_true (rifq_request_store_save_document (db, r->id, &doc, &error));
    for (guint i = 0; i < 20; i++)
      {
        g_autoptr(GBytes) scan = rifq_test_png (2048, 10 + i);
        g_autofree char *name = g_strdup_printf ("page-%u.png", i + 1);

        g_assert_true (rifq_request_store_attach (db, r->id, "national_id", scan, name, &error));
        g_assert_no_error (error);
        g_ptr_array_add (scans, g_bytes_ref (scan));
      }
    g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), >, 5000);
  }

  g_assert_true (rifq_db_copy (desk, server, "admin", 5, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_db_copy (server, laptop, "admin", 5, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RifqDb) db = rifq_test_db_open (laptop, &error);

    g_assert_no_error (error);
    rifq_db_set_actor (db, "admin");
    g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 5050);
    g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM attachment"), ==, 20);
    for (guint i = 0; i < scans->len; i++)
      {
        g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, g_ptr_array_index (scans, i));
        g_autoptr(GBytes) back = rifq_request_store_read_attachment (db, sha, NULL, &error);

        g_assert_no_error (error);
        g_assert_true (back != NULL && g_bytes_equal (back, g_ptr_array_index (scans, i)));
      }
  }
}

typedef struct
{
  char *location;
  gint  stop;
  guint writes;
} BusyWorkstation;

static gpointer
keep_writing (gpointer data)
{
  BusyWorkstation *busy = data;
  g_autoptr(RifqDb) db = rifq_test_db_open (busy->location, NULL);

  g_assert_nonnull (db);
  rifq_db_set_actor (db, "desk-2");
  while (!g_atomic_int_get (&busy->stop))
    {
      g_autofree char *value = g_strdup_printf ("%u", 20 + busy->writes % 300);

      if (rifq_db_write (db, write_setting_cb, value, NULL))
        busy->writes++;
    }
  return NULL;
}

/* The server copied onto a laptop while a workstation keeps writing to it: the copy is read in
 * one state, so it arrives whole and consistent (its counts as the server's were, its records as
 * their trails end), and the laptop's check finds nothing changed behind Rifq's back. */
static void
test_server_copied_while_written_to (void)
{
  g_autofree char *desk = busy_desk ();
  g_autofree char *server = rifq_test_server_database_new ();
  g_autofree char *dir = g_dir_make_tmp ("rifq-laptop-XXXXXX", NULL);
  g_autofree char *laptop = g_build_filename (dir, "laptop.db", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  BusyWorkstation busy = { server, FALSE, 0 };
  GThread *writer;
  guint total = 99;

  g_assert_true (rifq_db_copy (desk, server, "admin", 5, NULL, &error));
  g_assert_no_error (error);
  writer = g_thread_new ("busy", keep_writing, &busy);
  while (g_atomic_int_get ((gint *) &busy.writes) < 3)
    g_usleep (1000);
  rifq_db_copy (server, laptop, "admin", 5, NULL, &error);
  g_atomic_int_set (&busy.stop, TRUE);
  g_assert_no_error (error);
  g_thread_join (writer);
  g_assert_cmpuint (busy.writes, >, 3);

  {
    g_autoptr(RifqDb) on_laptop = rifq_test_db_open (laptop, &error);

    g_assert_no_error (error);
    rifq_db_set_actor (on_laptop, "admin");
    g_assert_true (rifq_audit_check_records (on_laptop, 5, &problems, &total, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (total, ==, 0);
    g_assert_true (rifq_db_verify_audit (on_laptop, NULL, &error));
    g_assert_no_error (error);
  }
}

/* A server's database that already holds records is not copied into, and keeps them as they
 * were. */
static void
test_server_copy_refused_into_database_with_records (void)
{
  g_autofree char *desk = busy_desk ();
  g_autofree char *server = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&server);
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", NULL));
  g_assert_false (rifq_db_copy (desk, server, "admin", 5, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "already holds records"));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, RIFQ_TEST_AUDIT_SQL), ==, 1);
}

/* A copy that fails halfway leaves the server as empty as it was: one transaction. */
static void
test_server_copy_failing_halfway_leaves_nothing (void)
{
  g_autofree char *desk = busy_desk ();
  g_autofree char *server = rifq_test_server_database_new ();
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(GError) error = NULL;

  /* The server refuses the desk's later audit entries, as a full disk or a broken link would
   * stop it after the records went in. */
  db = rifq_test_db_open (server, NULL);
  g_clear_object (&db);
  rifq_test_other_program_sql (server, "TRUNCATE beneficiary CASCADE; ALTER TABLE audit ADD CONSTRAINT stops CHECK (id < 50)");
  rifq_test_other_program_sql (server, "DELETE FROM chain_key; ALTER TABLE audit DISABLE TRIGGER USER;"
                      " DELETE FROM audit; DELETE FROM audit_anchor; DELETE FROM staff_role; DELETE FROM staff;"
                      " ALTER TABLE audit ENABLE TRIGGER USER");
  g_assert_false (rifq_db_copy (desk, server, "admin", 5, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "stops"));
  g_clear_error (&error);
  rifq_test_other_program_sql (server, "ALTER TABLE audit DROP CONSTRAINT stops");
  db = rifq_test_db_open (server, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM request"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM channel"), ==, 8);
}

/* A desk whose audit log was edited behind Rifq's back is not copied. */
static void
test_server_copy_refused_from_desk_with_broken_log (void)
{
  g_autofree char *desk = busy_desk ();
  g_autofree char *server = rifq_test_server_database_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (desk, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DROP TRIGGER audit_is_append_only_update;"
                                         " UPDATE audit SET actor = 'someone else' WHERE id = 3", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_false (rifq_db_copy (desk, server, "admin", 5, NULL, &error));
  g_assert_nonnull (strstr (error->message, "does not verify"));
  g_assert_nonnull (strstr (error->message, "entry 3"));
}

/* A desk whose records were changed behind Rifq's back (its log whole) is not copied. */
static void
test_server_copy_refused_from_desk_with_records_changed (void)
{
  g_autofree char *desk = busy_desk ();
  g_autofree char *server = rifq_test_server_database_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (desk, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE beneficiary SET monthly_income = 99999 WHERE id = 3", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_false (rifq_db_copy (desk, server, "admin", 5, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "changed behind Rifq"));
  g_clear_error (&error);
  g_assert_true (rifq_db_check_server (server, &error) == FALSE);
}

static gpointer
open_new_server_cb (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_open (data, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rifq_db_get_schema_version (db), ==, RIFQ_SCHEMA_VERSION);
  return NULL;
}

/* Three workstations starting on a new server at the same moment: each finds it made, once.
 * Four new servers, for the moment one workstation commits the first tables while another
 * looks whether the database is empty comes only now and then. */
static void
test_server_first_start_at_three_workstations (void)
{
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *server = rifq_test_server_database_new ();
      GThread *threads[3];
      g_autoptr(RifqDb) db = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("workstation", open_new_server_cb, server);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_thread_join (threads[i]);
      db = rifq_test_db_open (server, NULL);
      g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM channel"), ==, 8);
      g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM chain_key"), ==, 1);
      g_assert_true (rifq_db_verify_audit (db, NULL, NULL));
    }
}

/* Only the listening connection lost: the workstation is not said to be offline, listens again
 * at once, and still hears the others. */
static void
test_server_listening_connection_lost_alone (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqDb) there = rifq_test_db_open (location, NULL);
  g_autoptr(GError) error = NULL;
  Heard heard = { g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *end = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                          " WHERE datname = '%s' AND query LIKE 'LISTEN%%'",
                                          g_strrstr (location, "dbname=") + strlen ("dbname="));

  g_assert_true (rifq_db_watch_others (db, &error));
  g_signal_connect (db, "records-changed", G_CALLBACK (heard_cb), &heard);
  rifq_test_other_program_sql (g_getenv ("RIFQ_TEST_POSTGRES"), end);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_false (rifq_db_get_offline (db));

  g_assert_true (rifq_db_write (there, write_setting_cb, (gpointer) "44", &error));
  listen_for (&heard, "settings:0", 1);
  g_assert_cmpint (heard_has (&heard, "settings:0"), ==, 1);
  g_ptr_array_unref (heard.kinds);
}

/* A write whose INSERT breaks a rule of the table, by a caller that checks the INSERT as the
 * stores do but not a read after it. */
static gboolean
duplicate_then_read_cb (RifqDb      *db,
                        RifqDbWrite *write,
                        gpointer     user_data,
                        GError     **error)
{
  g_autofree char *ignored = NULL;

  if (!rifq_db_execute (db, "UPDATE settings SET value = '99' WHERE key = 'decision_period_days'", RIFQ_NO_PARAMS,
                        error) ||
      !rifq_db_execute (db, "INSERT INTO settings (key, value) VALUES ('decision_period_days', '98')", RIFQ_NO_PARAMS,
                        error))
    return FALSE;
  /* Its failure not looked at. */
  ignored = rifq_db_query_text (db, "SELECT value FROM settings WHERE key = 'association_name'", RIFQ_NO_PARAMS, NULL);
  rifq_db_write_audit (write, "update", "settings", 0, NULL, NULL, NULL);
  return TRUE;
}

/* However its failure is told (at once on a file; with the next answer on a server, where the
 * INSERT is sent without waiting), a statement that failed fails the whole write: nothing of it
 * is kept, and the failure is the one said. */
static void
test_write_failed_statement_fails_the_write (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 entries = rifq_test_count (db, "SELECT count(*) FROM audit");

  g_assert_false (rifq_db_write (db, duplicate_then_read_cb, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "settings"));
  value = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (value, ==, "14");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, entries);
  g_clear_error (&error);
  g_assert_true (rifq_db_write (db, write_setting_cb, (gpointer) "15", &error));
  g_assert_no_error (error);
}

typedef struct
{
  char *before;
  char *after;
} SettingReads;

static gboolean
change_setting_between_reads_cb (RifqDb      *db,
                                 RifqDbWrite *write,
                                 gpointer     user_data,
                                 GError     **error)
{
  SettingReads *reads = user_data;

  reads->before = rifq_db_get_setting (db, "decision_period_days");
  if (!rifq_db_put_setting (db, "decision_period_days", "21", error))
    return FALSE;
  reads->after = rifq_db_get_setting (db, "decision_period_days");
  rifq_db_write_audit (write, "update", "settings", 0, NULL, NULL, NULL);
  return TRUE;
}

/* A setting is read once during a write; what the write itself changes is read back new, and
 * what another workstation (or another program on the desk's file) changes between two writes is
 * seen by the next. */
static void
test_write_reads_each_setting_fresh (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (&location);
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(GError) error = NULL;
  SettingReads reads = { NULL, NULL };

  g_assert_true (rifq_db_write (db, change_setting_between_reads_cb, &reads, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reads.before, ==, "14");
  g_assert_cmpstr (reads.after, ==, "21");
  g_clear_pointer (&reads.before, g_free);
  g_clear_pointer (&reads.after, g_free);

  there = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_db_write (there, write_setting_cb, (gpointer) "30", &error));
  g_assert_no_error (error);
  g_assert_true (rifq_db_write (db, change_setting_between_reads_cb, &reads, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reads.before, ==, "30");
  g_assert_cmpstr (reads.after, ==, "21");
  g_free (reads.before);
  g_free (reads.after);
}

#define READ_PERIOD "SELECT value FROM settings WHERE key = 'decision_period_days' AND ?1 = ?1"

/* The period, read as asker n: askers differ only in what the server is asked. */
static char *
read_period (RifqDb *db,
             gint64  n)
{
  return rifq_db_query_text (db, READ_PERIOD, RIFQ_PARAMS (RIFQ_INT (n)), NULL);
}

typedef struct
{
  char *first;   /* read at the start of the write */
  char *ahead;   /* asked before the write's change, read after it */
  char *again;   /* asked again after the change */
  char *first_again; /* the first read, asked again after the change */
  char *other;   /* a read of another table, before and after */
  char *other_again;
  char *prefetched;       /* asked ahead of the change (rifq_db_prefetch), read after it */
  char *other_prefetched; /* another table's read asked ahead the same way */
} WriteReads;

static gboolean
read_change_read_cb (RifqDb      *db,
                     RifqDbWrite *write,
                     gpointer     user_data,
                     GError     **error)
{
  WriteReads *reads = user_data;
  RifqStatement *ahead;

  reads->first = read_period (db, 1);
  reads->other = rifq_db_query_text (db, "SELECT label_en FROM channel WHERE code = ?1",
                                     RIFQ_PARAMS (RIFQ_TEXT ("phone")), NULL);
  /* Not asked before: on the server its answer is still on its way when the change is sent. */
  ahead = rifq_db_query_ahead (db, READ_PERIOD, RIFQ_PARAMS (RIFQ_INT (2)), error);
  if (ahead == NULL)
    return FALSE;
  rifq_db_prefetch (db, READ_PERIOD, RIFQ_PARAMS (RIFQ_INT (3)));
  rifq_db_prefetch (db, "SELECT label_en FROM channel WHERE code = ?1", RIFQ_PARAMS (RIFQ_TEXT ("website")));
  if (!rifq_db_execute (db, "UPDATE settings SET value = ?1 WHERE key = 'decision_period_days'",
                        RIFQ_PARAMS (RIFQ_TEXT ("33")), error))
    {
      rifq_statement_reset (ahead);
      return FALSE;
    }
  if (rifq_statement_step (ahead) == RIFQ_STEP_ROW)
    reads->ahead = rifq_statement_dup_text (ahead, 0);
  rifq_statement_reset (ahead);
  reads->again = read_period (db, 2);
  reads->first_again = read_period (db, 1);
  reads->prefetched = read_period (db, 3);
  reads->other_prefetched = rifq_db_query_text (db, "SELECT label_en FROM channel WHERE code = ?1",
                                                RIFQ_PARAMS (RIFQ_TEXT ("website")), NULL);
  reads->other_again = rifq_db_query_text (db, "SELECT label_en FROM channel WHERE code = ?1",
                                           RIFQ_PARAMS (RIFQ_TEXT ("phone")), NULL);
  rifq_db_write_audit (write, "update", "settings", 0, NULL, NULL, NULL);
  return TRUE;
}

static gboolean
read_period_cb (RifqDb      *db,
                RifqDbWrite *write,
                gpointer     user_data,
                GError     **error)
{
  *(char **) user_data = read_period (db, 1);
  rifq_db_write_audit (write, "read", "settings", 0, NULL, NULL, NULL);
  return TRUE;
}

static void
write_reads_free (WriteReads *reads)
{
  g_free (reads->first);
  g_free (reads->ahead);
  g_free (reads->again);
  g_free (reads->first_again);
  g_free (reads->other);
  g_free (reads->other_again);
  g_free (reads->prefetched);
  g_free (reads->other_prefetched);
}

/* Within a write the server's answers to reads are kept (the same read twice is one round trip),
 * and from one write to the next while nothing is written in between, but never past a change:
 * a read asked again after the write changed its table sees the change, even when the same read
 * was asked ahead before the change and answered after it; a read of a table the write did not
 * change is answered the same. What another workstation writes between two writes, what a write
 * refused left undone, and a change made on the connection by a statement of its own, are read
 * fresh by the next write. */
static void
test_write_reads_see_each_change (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (&location);
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(GError) error = NULL;
  WriteReads reads = { 0 };
  g_autofree char *next = NULL;

  g_assert_true (rifq_db_write (db, read_change_read_cb, &reads, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reads.first, ==, "14");
  /* Asked ahead, the server answers as things were when it was asked; a desk's file, when read. */
  g_assert_cmpstr (reads.ahead, ==, rifq_test_on_server () ? "14" : "33");
  g_assert_cmpstr (reads.again, ==, "33");
  g_assert_cmpstr (reads.first_again, ==, "33");
  g_assert_nonnull (reads.other);
  g_assert_cmpstr (reads.other_again, ==, reads.other);
  /* A read asked ahead for later (rifq_db_prefetch), the same: the change when its table changed,
   * and otherwise what the table holds. */
  g_assert_cmpstr (reads.prefetched, ==, "33");
  g_assert_cmpstr (reads.other_prefetched, ==, "The association's website");
  write_reads_free (&reads);

  /* Another connection's change, between two writes. */
  there = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_db_write (there, write_setting_cb, (gpointer) "40", &error));
  g_assert_no_error (error);
  g_assert_true (rifq_db_write (db, read_period_cb, &next, &error));
  g_assert_cmpstr (next, ==, "40");
  g_clear_pointer (&next, g_free);

  /* A write refused after its change: the next write reads what is kept, not what was undone. */
  g_assert_false (rifq_db_write (db, write_setting_cb, (gpointer) "fail-after-write", NULL));
  g_assert_true (rifq_db_write (db, read_period_cb, &next, &error));
  g_assert_cmpstr (next, ==, "40");
  g_clear_pointer (&next, g_free);

  /* Changed with a statement of its own on this connection, between two writes. */
  rifq_test_sql (db, "UPDATE settings SET value = '50' WHERE key = 'decision_period_days'");
  g_assert_true (rifq_db_write (db, read_period_cb, &next, &error));
  g_assert_cmpstr (next, ==, "50");
}

/* On the server: what a write read is kept for the next only while nothing was written in
 * between, whoever wrote it: a value changed with another program (psql, say: no audit entry,
 * another connection) between two writes is what the next write reads. */
static void
test_server_change_outside_rifq_between_writes_seen (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_db_write (db, read_period_cb, &first, &error));
  g_assert_cmpstr (first, ==, "14");
  rifq_test_other_program_sql (location, "UPDATE settings SET value = '77' WHERE key = 'decision_period_days'");
  g_assert_true (rifq_db_write (db, read_period_cb, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (next, ==, "77");
}

static gpointer
write_reading_period (gpointer data)
{
  char *read = NULL;

  rifq_db_write (data, read_period_cb, &read, NULL);
  return read;
}

/* On the server: another program's change made before a write begins and committed while it
 * runs is not mistaken for the write's own; the next write reads it. */
static void
test_server_change_committed_during_a_write_seen_after (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autofree char *first = NULL;
  g_autofree char *during = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *other;
  GThread *writer;

  g_assert_true (rifq_db_write (db, read_period_cb, &first, &error));
  g_assert_cmpstr (first, ==, "14");

  other = PQconnectdb (location);
  g_assert_cmpint (PQstatus (other), ==, CONNECTION_OK);
  PQclear (PQexec (other, "BEGIN"));
  PQclear (PQexec (other, "UPDATE settings SET value = '88' WHERE key = 'decision_period_days'"));
  writer = g_thread_new ("writer", write_reading_period, db);
  g_usleep (300 * 1000);
  PQclear (PQexec (other, "COMMIT"));
  PQfinish (other);
  during = g_thread_join (writer);
  g_assert_nonnull (during);

  g_assert_true (rifq_db_write (db, read_period_cb, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (next, ==, "88");
}

/* On the server a session Rifq opens ends by itself if it stays in the middle of a write with
 * nothing said for a minute (a workstation gone with its write lock), and its line is watched
 * (TCP keepalives and a 15 s timeout for what is sent: a silent line is found out in seconds). */
static void
test_server_session_ends_when_left_in_a_write (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autofree char *idle = rifq_db_query_text (db, "SHOW idle_in_transaction_session_timeout", RIFQ_NO_PARAMS, NULL);

  g_assert_cmpstr (idle, ==, "1min");
}

/* On the server a member of staff logged in as their own role (schema 16), which may not change
 * the count of writes, still writes: the count is kept with the database owner's rights. */
static void
test_server_role_without_the_count_writes (void)
{
  g_autofree char *location = rifq_test_server_database_new ();
  g_autofree char *workstation = g_strconcat (location, " user=workstation", NULL);
  g_autoptr(RifqDb) db = rifq_db_open (location, NULL);
  g_autoptr(RifqDb) as_admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  gint64 may_change = -1;

  g_assert_true (rifq_account_set_up (db, "admin", "admin", "count-test-pass", &error));
  g_assert_no_error (error);
  as_admin = rifq_db_open (workstation, &error);
  g_assert_true (rifq_account_login (as_admin, "admin", "count-test-pass", 0, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_db_query_int (as_admin, "SELECT has_table_privilege ('write_count', 'UPDATE')::int",
                                    RIFQ_NO_PARAMS, &may_change, NULL, &error));
  g_assert_cmpint (may_change, ==, 0);
  g_assert_true (rifq_db_write (as_admin, write_setting_cb, (gpointer) "24", &error));
  g_assert_no_error (error);
  period = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (period, ==, "24");
}

/* On the server: a database with a role given the tables by hand before schema 13 made the word
 * tables is searched after it as before, a name's words written by the server. Since schema 16
 * such a role is none of the staff's own: its grants are taken back, and Rifq asks who is
 * connecting rather than read through it. */
static void
test_server_role_given_the_tables_before_the_words_searches (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqDb) as_clerk = NULL;
  g_autoptr(RifqBeneficiary) added = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = g_strdup_printf ("rifq_test_searcher_%d", (int) getpid ());
  g_autofree char *grant = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'clerk-pass';"
                                            " GRANT ALL ON ALL TABLES IN SCHEMA public TO %s;"
                                            " GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO %s;"
                                            " DO $$ BEGIN EXECUTE format ('GRANT CONNECT ON DATABASE %%I TO %s',"
                                            " current_database ()); END $$;", role, role, role, role);
  g_autofree char *drop = g_strdup_printf ("DROP OWNED BY %s; DROP ROLE %s;", role, role);
  g_autofree char *clerk = g_strdup_printf ("%s user=%s password=clerk-pass", location, role);

  rifq_test_undo_name_words (db);
  rifq_test_undo_consent_and_accounts (db);
  rifq_test_set_schema_version (db, 12);
  g_clear_object (&db);
  rifq_test_other_program_sql (location, grant);
  db = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_db_get_schema_version (db), ==, RIFQ_SCHEMA_VERSION);

  /* Asked who it is, as a workstation with no credential: it reads and writes nothing. */
  as_clerk = rifq_test_db_open (clerk, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_account_server_asks (as_clerk));
  g_assert_false (rifq_beneficiary_store_add (as_clerk, added, NULL, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  /* The words the migration made are read as before, the server writing a new name's. */
  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_beneficiary_store_add (db, added, NULL, NULL, &error));
  g_assert_no_error (error);
  found = rifq_beneficiary_store_search (db, "عبدالله القحط", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_object (&as_clerk);
  rifq_test_other_program_sql (location, drop);
}

typedef struct
{
  const char *path;
  const char *text;
  guint       failures;
} KeyWriter;

static gpointer
write_key_file_often (gpointer data)
{
  KeyWriter *writer = data;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!rifq_db_write_private_file (writer->path, writer->text, &error))
        writer->failures++;
    }
  return NULL;
}

/* Two writers of one file in the key folder at once (two connections writing the audit log's
 * anchor, the window and rifq-admin): each write succeeds, and the file is whole, one or the
 * other's. */
static void
test_key_file_written_by_two_at_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-keys-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "anchor", NULL);
  KeyWriter writers[2] = { { path, "first writer's whole text\n", 0 }, { path, "second writer's whole text\n", 0 } };
  GThread *threads[2];
  g_autofree char *read = NULL;

  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("writer", write_key_file_often, &writers[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (writers[0].failures + writers[1].failures, ==, 0);
  g_assert_true (g_file_get_contents (path, &read, NULL, NULL));
  g_assert_true (g_str_equal (read, writers[0].text) || g_str_equal (read, writers[1].text));
  g_unlink (path);
  g_rmdir (dir);
}

static gpointer
answer_no_tls (gpointer data)
{
  GSocket *listener = data;
  g_autoptr(GSocket) workstation = g_socket_accept (listener, NULL, NULL);
  char request[8];

  /* An SSLRequest, answered "no": a server that would go on without TLS. */
  if (workstation != NULL && g_socket_receive (workstation, request, sizeof request, NULL, NULL) == sizeof request)
    g_socket_send (workstation, "N", 1, NULL, NULL);
  g_usleep (200 * 1000);
  return NULL;
}

/* Over a network Rifq asks for TLS with the server's certificate checked (sslmode=verify-full)
 * unless the address says otherwise: a server on the network offering no TLS is refused, saying
 * so, rather than spoken to in the clear. */
static void
test_server_over_network_without_tls_refused (void)
{
  g_autoptr(GSocket) listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                              G_SOCKET_PROTOCOL_DEFAULT, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autofree char *location = NULL;
  GThread *server;

  g_assert_true (g_socket_bind (listener, any_port, TRUE, NULL));
  g_assert_true (g_socket_listen (listener, NULL));
  bound = g_socket_get_local_address (listener, NULL);
  location = g_strdup_printf ("host=127.0.0.1 port=%u dbname=rifq",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  server = g_thread_new ("no-tls", answer_no_tls, listener);
  db = rifq_test_db_open (location, &error);
  g_thread_join (server);
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE);
  if (strstr (error->message, "SSL") == NULL)
    g_error ("“%s” does not say the server offers no TLS", error->message);
}

/* On the server every table counts the statements that change it (schema 12), the count that
 * tells a workstation nothing was written since its last write. */
static void
test_server_every_table_counts_its_writes (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);

  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM pg_tables t WHERE t.schemaname = current_schema ()"
                                        " AND t.tablename <> 'write_count' AND NOT EXISTS (SELECT 1 FROM pg_trigger g"
                                        " JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relname = t.tablename"
                                        " AND g.tgname = 'count_writes')"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema ()"), >, 25);
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

  /* What only a desk's file has, and its counterpart on the server. */
  if (rifq_test_on_server ())
    {
      g_test_add_func ("/db/server/new-database-migrated", test_server_new_database_migrated);
      g_test_add_func ("/db/server/refuses-newer-database-unchanged", test_server_refuses_newer_database);
      g_test_add_func ("/db/server/refuses-foreign-database-unchanged", test_server_refuses_foreign_database);
      g_test_add_func ("/db/server/older-copy-put-back-caught", test_server_older_copy_put_back_caught);
      g_test_add_func ("/db/server/refuses-database-sorting-by-language", test_server_refuses_language_collation);
      g_test_add_func ("/db/server/password-never-shown", test_server_password_never_shown);
      g_test_add_func ("/db/server/session-lost-between-statements-made-again", test_server_session_lost_between_statements);
      g_test_add_func ("/db/server/session-lost-before-a-write-made-again", test_server_session_lost_before_a_write);
      g_test_add_func ("/db/server/lost-in-the-middle-of-a-write-refused-whole", test_server_lost_in_the_middle_of_a_write);
      g_test_add_func ("/db/server/away-write-refused-then-back-by-itself", test_server_away_then_back);
      g_test_add_func ("/db/server/commit-answer-lost-write-kept-once", test_server_commit_answer_lost_write_kept);
      g_test_add_func ("/db/server/commit-answer-lost-server-away-not-called-unsaved",
                       test_server_commit_answer_lost_server_away_not_called_unsaved);
      g_test_add_func ("/db/server/other-workstations-writes-heard",
                       test_server_other_workstations_heard);
      g_test_add_func ("/db/server/desk-copied-whole-and-checked", test_server_desk_copied_whole);
      g_test_add_func ("/db/server/copied-to-a-laptop-file", test_server_copied_to_laptop);
      g_test_add_func ("/db/server/copy-in-chunks-brings-every-row-and-scan", test_server_copy_in_chunks_whole);
      g_test_add_func ("/db/server/copied-to-a-laptop-while-written-to-arrives-consistent",
                       test_server_copied_while_written_to);
      g_test_add_func ("/db/server/change-outside-rifq-between-writes-seen",
                       test_server_change_outside_rifq_between_writes_seen);
      g_test_add_func ("/db/server/every-table-counts-its-writes", test_server_every_table_counts_its_writes);
      g_test_add_func ("/db/server/over-a-network-without-tls-refused", test_server_over_network_without_tls_refused);
      g_test_add_func ("/db/server/role-given-the-tables-before-the-words-searches",
                       test_server_role_given_the_tables_before_the_words_searches);
      g_test_add_func ("/db/server/role-given-the-tables-but-not-the-count-writes",
                       test_server_role_without_the_count_writes);
      g_test_add_func ("/db/server/session-left-in-a-write-ends-within-a-minute",
                       test_server_session_ends_when_left_in_a_write);
      g_test_add_func ("/db/server/change-committed-during-a-write-seen-after",
                       test_server_change_committed_during_a_write_seen_after);
      g_test_add_func ("/db/server/copy-refused-into-database-with-records",
                       test_server_copy_refused_into_database_with_records);
      g_test_add_func ("/db/server/copy-failing-halfway-leaves-nothing", test_server_copy_failing_halfway_leaves_nothing);
      g_test_add_func ("/db/server/copy-refused-from-desk-with-broken-log",
                       test_server_copy_refused_from_desk_with_broken_log);
      g_test_add_func ("/db/server/copy-refused-from-desk-with-records-changed-behind-its-back",
                       test_server_copy_refused_from_desk_with_records_changed);
      g_test_add_func ("/db/server/first-start-at-three-workstations-at-once", test_server_first_start_at_three_workstations);
      g_test_add_func ("/db/server/listening-connection-lost-alone-not-offline",
                       test_server_listening_connection_lost_alone);
    }
  else
    {
      g_test_add_func ("/db/open/creates-file-readable-by-owner-only", test_open_creates_private_file);
      g_test_add_func ("/db/migrations/from-empty-file", test_migrations_from_empty_file);
      g_test_add_func ("/db/open/refused-while-others-can-read-it", test_open_refused_while_others_can_read_it);
      g_test_add_func ("/db/write/on-disk-before-called-saved", test_write_on_disk_before_called_saved);
      g_test_add_func ("/db/open/refuses-newer-database-unchanged", test_open_refuses_newer_database);
      g_test_add_func ("/db/open/refuses-foreign-sqlite-unchanged", test_open_refuses_foreign_sqlite);
      g_test_add_func ("/db/open/refuses-non-sqlite-file-unchanged", test_open_refuses_non_sqlite_file);
      g_test_add_func ("/db/audit/older-copy-put-back-caught", test_audit_older_copy_put_back_caught);
      g_test_add_func ("/db/audit/older-copy-not-written-to", test_audit_older_copy_not_written_to);
      g_test_add_func ("/db/path/honours-RIFQ_DATABASE", test_default_path_honours_environment);
    }
  g_test_add_func ("/db/write/appends-audit-row-in-same-transaction", test_write_appends_audit_row);
  g_test_add_func ("/db/write/failure-leaves-nothing-written", test_write_failure_leaves_nothing);
  g_test_add_func ("/db/write/refused-without-audit-entry", test_write_refused_without_audit);
  g_test_add_func ("/db/write/busy-after-waiting-nothing-written", test_write_busy_refused_nothing_written);
  g_test_add_func ("/db/write/announces-changed-records-once-committed", test_write_announces_changed_records);
  g_test_add_func ("/db/write/reads-each-setting-fresh", test_write_reads_each_setting_fresh);
  g_test_add_func ("/db/audit/entries-deleted-across-a-chunk-named-as-one-gap", test_audit_gap_across_chunks_named);
  g_test_add_func ("/db/audit/edited-in-second-chunk-named", test_audit_edited_in_second_chunk_named);
  g_test_add_func ("/db/audit/entry-numbered-below-one-caught", test_audit_entry_numbered_below_one_caught);
  g_test_add_func ("/db/write/reads-see-each-change-of-the-write-and-of-others", test_write_reads_see_each_change);
  g_test_add_func ("/db/keys/file-written-by-two-at-once-whole", test_key_file_written_by_two_at_once);
  g_test_add_func ("/db/write/failed-statement-fails-the-write", test_write_failed_statement_fails_the_write);
  g_test_add_func ("/db/context/stops-and-restarts-the-clock", test_context_stops_and_restarts_the_clock);
  g_test_add_func ("/db/audit/chain-detects-tampering", test_audit_chain_detects_tampering);
  g_test_add_func ("/db/audit/edited-entry-named-by-its-id", test_audit_edited_entry_named);
  g_test_add_func ("/db/audit/recomputed-with-the-source-formula-caught", test_audit_recomputed_chain_caught);
  g_test_add_func ("/db/audit/deleted-entry-named-by-its-own-id", test_audit_deleted_entry_named_by_its_own_id);
  g_test_add_func ("/db/audit/last-entries-deleted-caught", test_audit_truncated_end_caught);
  g_test_add_func ("/db/audit/every-entry-deleted-caught", test_audit_emptied_caught);
  g_test_add_func ("/db/audit/anchor-deleted-caught", test_audit_anchor_deleted_caught);
  g_test_add_func ("/db/audit/forged-entry-caught", test_audit_forged_entry_caught);
  g_test_add_func ("/db/audit/copy-without-key-cannot-write", test_audit_copy_without_key_cannot_write);
  g_test_add_func ("/db/audit/rewritten-as-unkeyed-caught", test_audit_downgraded_to_unkeyed_caught);
  g_test_add_func ("/db/audit/emptied-with-its-anchor-caught", test_audit_emptied_with_anchor_caught);
  g_test_add_func ("/db/audit/key-row-edited-caught", test_audit_key_row_edited_caught);

  return g_test_run ();
}
