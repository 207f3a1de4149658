/* rifq-engine-sqlite.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rifq-engine.h"
#include "rifq-error.h"

/* SQLite, the engine of a single desk: one file, opened by path. The only file that knows it. */

#define SQLITE_HEADER   "SQLite format 3"
/* How long a write waits for another program's to finish before it is refused as busy. */
#define BUSY_TIMEOUT_MS 5000

struct _RifqConnection
{
  sqlite3 *handle;
  char    *path;
  gint64   waiting_since;   /* when the busy handler first met the other program's lock */
};

/* Another program holds the write lock: it is asked for again every millisecond for
 * BUSY_TIMEOUT_MS, from *data (the time the wait began). SQLite's own timeout asks less and
 * less often (every 100 ms after the first few), and a program writing one transaction after
 * another takes the lock back in the moment between two of them, so that the other, asking
 * rarely, could wait out the timeout for nothing (two programs writing as fast as they can:
 * tests/test-concurrency.c). SQLite's lock keeps no queue: asking often makes that much less
 * likely, not impossible. */
static int
busy_cb (void *data,
         int   attempts)
{
  gint64 *waiting_since = data;
  gint64 now = g_get_monotonic_time ();

  if (attempts == 0)
    *waiting_since = now;
  if (now - *waiting_since >= (gint64) BUSY_TIMEOUT_MS * 1000)
    return 0;
  g_usleep (1000);
  return 1;
}

/* The databases this process has open, by path (once a connection), so that nothing is ever
 * written over one of them. */
G_LOCK_DEFINE_STATIC (open_paths);
static GPtrArray *open_paths;

static void
remember_open (const char *path)
{
  G_LOCK (open_paths);
  if (open_paths == NULL)
    open_paths = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (open_paths, g_strdup (path));
  G_UNLOCK (open_paths);
}

static void
forget_open (const char *path)
{
  G_LOCK (open_paths);
  for (guint i = 0; open_paths != NULL && i < open_paths->len; i++)
    if (g_str_equal (g_ptr_array_index (open_paths, i), path))
      {
        g_ptr_array_remove_index_fast (open_paths, i);
        break;
      }
  G_UNLOCK (open_paths);
}

static gboolean
same_file (const char    *path,
           const GStatBuf *target)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 && buf.st_dev == target->st_dev && buf.st_ino == target->st_ino;
}

gboolean
rifq_db_file_is_open (const char *path)
{
  static const char * const companions[] = { "", "-wal", "-shm", "-journal" };
  GStatBuf target;
  gboolean open = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &target) != 0)
    return FALSE;
  G_LOCK (open_paths);
  for (guint i = 0; open_paths != NULL && i < open_paths->len && !open; i++)
    for (guint j = 0; j < G_N_ELEMENTS (companions) && !open; j++)
      {
        g_autofree char *companion = g_strconcat (g_ptr_array_index (open_paths, i), companions[j], NULL);

        open = same_file (companion, &target);
      }
  G_UNLOCK (open_paths);
  return open;
}

/* The records of elderly people's health, income and families are their owner's alone: the
 * database, the journal and log SQLite keeps beside it, and the folder that holds them, neither
 * read nor changed by any other user of the computer. A folder others may only pass through
 * (chmod 711) is fine. Rifq makes its own files and folders so (create_file); one made by
 * another program, or copied, is refused until its owner makes it private. */
static gboolean
check_private (const char  *path,
               GError     **error)
{
  static const char * const companions[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_stat (dir, &st) == 0 && (st.st_mode & 066) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Other users of this computer can read or change the folder “%s” that holds the database: "
                     "make it its owner’s alone (chmod 700), or keep the database in a folder of your own. "
                     "Nothing was opened."), dir);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *file = g_strconcat (path, companions[i], NULL);

      if (g_stat (file, &st) == 0 && (st.st_mode & 077) != 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                       _("Other users of this computer can read the database file “%s”: make it its owner’s "
                         "alone (chmod 600). Nothing was opened."), file);
          return FALSE;
        }
    }
  return TRUE;
}

/* A file that exists must be empty or start with SQLite's header: anything else is left alone
 * before SQLite gets a chance to touch it. */
static gboolean
check_file_kind (const char *path,
                 gboolean   *out_exists,
                 GError    **error)
{
  char header[16] = { 0 };
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        {
          *out_exists = FALSE;
          return TRUE;
        }
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("Cannot open the database file “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }

  *out_exists = TRUE;
  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    return TRUE;
  if (n < (ssize_t) sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      rifq_engine_refuse_foreign (path, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_file (const char *path,
             GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  /* Beneficiaries' personal data: readable by its owner only. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("Cannot create the database file “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
sqlite_fail (RifqConnection  *conn,
             GError         **error)
{
  int code = sqlite3_extended_errcode (conn->handle) & 0xff;

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_BUSY,
                         _("The database is busy: another program is writing to it and did not finish within "
                           "a few seconds. Nothing was changed; try again in a moment."));
  else
    g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                 _("The database could not be read or written: %s"),
                 sqlite3_errmsg (conn->handle));
}

static gboolean
sqlite_exec (RifqConnection  *conn,
             const char      *sql,
             GError         **error)
{
  if (sqlite3_exec (conn->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite_fail (conn, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (RifqConnection  *conn,
           const char      *sql,
           int             *out_value,
           GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (conn->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_fail (conn, error);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  *out_value = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sqlite_fail (conn, error);
      return FALSE;
    }
  return TRUE;
}

static void
sqlite_close (RifqConnection *conn)
{
  if (conn == NULL)
    return;
  if (conn->handle != NULL)
    {
      sqlite3_close_v2 (conn->handle);
      forget_open (conn->path);
    }
  g_free (conn->path);
  g_free (conn);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqConnection, sqlite_close)

static char *
sqlite_identity (RifqConnection *conn)
{
  char *resolved = realpath (conn->path, NULL);
  char *identity = g_strdup (resolved != NULL ? resolved : conn->path);

  free (resolved);
  return identity;
}

/* Refuses, before anything is written, a database of another program or a newer Rifq. */
static gboolean
check_identity (RifqConnection  *conn,
                int             *out_schema_version,
                GError         **error)
{
  int application_id;
  int tables;

  if (!query_int (conn, "PRAGMA application_id", &application_id, error))
    {
      g_clear_error (error);
      rifq_engine_refuse_foreign (conn->path, error);
      return FALSE;
    }
  if (!query_int (conn, "PRAGMA user_version", out_schema_version, error) ||
      !query_int (conn, "SELECT count(*) FROM sqlite_schema", &tables, error))
    {
      /* Rifq's by its header, but its pages do not read: a damaged database, not another
       * program's. */
      if (application_id == RIFQ_APPLICATION_ID && error != NULL && *error != NULL)
        {
          g_autofree char *why = g_strdup ((*error)->message);

          g_clear_error (error);
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The database file is damaged: %s"), why);
          return FALSE;
        }
      g_clear_error (error);
      rifq_engine_refuse_foreign (conn->path, error);
      return FALSE;
    }

  if (application_id != RIFQ_APPLICATION_ID && (tables > 0 || application_id != 0))
    {
      rifq_engine_refuse_foreign (conn->path, error);
      return FALSE;
    }

  if (!rifq_engine_check_version (conn->path, *out_schema_version, error))
    return FALSE;

  return TRUE;
}

static RifqConnection *
open_connection (const char *path,
                 int         flags,
                 int        *out_schema_version,
                 GError    **error)
{
  g_autoptr(RifqConnection) conn = g_new0 (RifqConnection, 1);
  int rc;

  conn->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &conn->handle, flags | SQLITE_OPEN_NOMUTEX, NULL);
  /* A handle, even a failed one, is closed with the connection: listed alike. */
  if (conn->handle != NULL)
    remember_open (path);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("Cannot open the database “%s”: %s"), path,
                   conn->handle ? sqlite3_errmsg (conn->handle) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (conn->handle, 1);
  sqlite3_busy_handler (conn->handle, busy_cb, &conn->waiting_since);

  if (!check_identity (conn, out_schema_version, error))
    return NULL;

  return g_steal_pointer (&conn);
}

static RifqConnection *
sqlite_open (const char    *path,
             RifqOpenMode   mode,
             int           *out_schema_version,
             GError       **error)
{
  g_autoptr(RifqConnection) conn = NULL;
  gboolean exists;

  if (!check_file_kind (path, &exists, error) || !check_private (path, error))
    return NULL;

  if (mode == RIFQ_OPEN_INSPECT)
    {
      if (!exists)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                       _("There is no database at “%s”. Create one with “rifq-admin init”."), path);
          return NULL;
        }
      return open_connection (path, SQLITE_OPEN_READONLY, out_schema_version, error);
    }

  if (!exists && !create_file (path, error))
    return NULL;

  /* Who wrote the file is asked over a read-only connection: closing a read-write one could
   * fold a leftover journal into a database that is then refused. */
  conn = open_connection (path, SQLITE_OPEN_READONLY, out_schema_version, error);
  if (conn == NULL)
    return NULL;
  g_clear_pointer (&conn, sqlite_close);

  conn = open_connection (path, SQLITE_OPEN_READWRITE, out_schema_version, error);
  if (conn == NULL)
    return NULL;

  /* A write reported saved is on the disk: each COMMIT waits for its log to be flushed, not
   * the next checkpoint (NORMAL), which a power cut could lose. Measured here on the seven steps
   * of a request (15 writes): 3.6–4.6 ms with NORMAL, 6.9–7.8 ms with FULL, against 10. */
  if (!sqlite_exec (conn, "PRAGMA journal_mode = WAL", error) ||
      !sqlite_exec (conn, "PRAGMA foreign_keys = ON", error) ||
      !sqlite_exec (conn, "PRAGMA synchronous = FULL", error))
    return NULL;

  return g_steal_pointer (&conn);
}

static gboolean
sqlite_begin_write (RifqConnection  *conn,
                    GError         **error)
{
  return sqlite_exec (conn, "BEGIN IMMEDIATE", error);
}

static gboolean
sqlite_read_schema_version (RifqConnection  *conn,
                            int             *out_version,
                            GError         **error)
{
  return query_int (conn, "PRAGMA user_version", out_version, error);
}

static gboolean
sqlite_set_schema_version (RifqConnection  *conn,
                           int              version,
                           GError         **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                             version, RIFQ_APPLICATION_ID);

  return sqlite_exec (conn, pragma, error);
}

/* Copies source's main database into destination's, page by page, under SQLite's locks: a
 * writer at another program is waited for as a write would wait for it. */
static gboolean
copy_pages (sqlite3     *destination,
            sqlite3     *source,
            const char  *path,
            GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (destination, "main", source, "main");
  gint64 give_up = g_get_monotonic_time () + BUSY_TIMEOUT_MS * 1000;
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path,
                   sqlite3_errmsg (destination));
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && g_get_monotonic_time () < give_up)
        g_usleep (20 * 1000);
      else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        break;
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_BUSY,
                         _("The database is busy: another program is writing to it and did not finish within "
                           "a few seconds. Nothing was changed; try again in a moment."));
  else
    g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path, sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
journal_mode (sqlite3     *handle,
              const char  *pragma,
              const char  *path,
              GError     **error)
{
  if (sqlite3_exec (handle, pragma, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path, sqlite3_errmsg (handle));
  return FALSE;
}

static gboolean integrity_of (sqlite3     *handle,
                              const char  *path,
                              GError     **error);

static gboolean
sqlite_backup (RifqConnection  *conn,
               const char      *location,
               const char      *path,
               GError         **error)
{
  sqlite3 *copy = NULL;
  gboolean ok;

  if (!create_file (path, error))
    return FALSE;
  if (sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path,
                   copy != NULL ? sqlite3_errmsg (copy) : g_strerror (ENOMEM));
      sqlite3_close (copy);
      return FALSE;
    }
  /* One file, whole: the copy keeps no log beside it. */
  ok = copy_pages (copy, conn->handle, path, error) && journal_mode (copy, "PRAGMA journal_mode = DELETE", path, error) &&
       integrity_of (copy, path, error);
  sqlite3_close (copy);
  return ok;
}

static gboolean
sqlite_backup_check (const char  *path,
                     GError     **error)
{
  sqlite3 *handle = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The database file is damaged: %s"),
                   handle != NULL ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      sqlite3_close (handle);
      return FALSE;
    }
  ok = integrity_of (handle, path, error);
  sqlite3_close (handle);
  return ok;
}

/* The backup's pages become the database's, in one write under its lock: another program that
 * has it open reads the restored records from its next read on. */
static gboolean
sqlite_restore (const char  *location,
                const char  *path,
                GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  gboolean exists = FALSE;
  gboolean ok = FALSE;
  gint64 waiting_since = 0;

  if (!check_file_kind (location, &exists, error))
    return FALSE;
  if (!exists && !create_file (location, error))
    return FALSE;
  if (sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
      sqlite3_open_v2 (location, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    {
      sqlite3_busy_handler (target, busy_cb, &waiting_since);
      ok = copy_pages (target, source, location, error) &&
           journal_mode (target, "PRAGMA journal_mode = WAL", location, error);
    }
  else
    g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), location,
                 target != NULL ? sqlite3_errmsg (target) : source != NULL ? sqlite3_errmsg (source) : "");
  sqlite3_close (source);
  sqlite3_close (target);
  return ok;
}

static gboolean
integrity_of (sqlite3     *handle,
              const char  *path,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The database file is damaged: %s"),
                   sqlite3_errmsg (handle));
      return FALSE;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                       _("The database file is damaged: %s"), result);
          ok = FALSE;
        }
    }
  else
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The database file is damaged: %s"),
                   sqlite3_errmsg (handle));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
sqlite_integrity_check (RifqConnection  *conn,
                        GError         **error)
{
  return integrity_of (conn->handle, conn->path, error);
}

/* Statements */

static gpointer
sqlite_prepare (RifqConnection  *conn,
                const char      *sql,
                GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (conn->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_fail (conn, error);
      return NULL;
    }
  return stmt;
}

static void
sqlite_finalize (gpointer native)
{
  sqlite3_finalize (native);
}

static void
sqlite_reset (gpointer native,
              gboolean unbind)
{
  sqlite3_reset (native);
  if (unbind)
    sqlite3_clear_bindings (native);
}

static void
sqlite_bind_text (gpointer    native,
                  int         index,
                  const char *text)
{
  sqlite3_bind_text (native, index, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_int64 (gpointer native,
                   int      index,
                   gint64   value)
{
  sqlite3_bind_int64 (native, index, value);
}

static void
sqlite_bind_null (gpointer native,
                  int      index)
{
  sqlite3_bind_null (native, index);
}

static void
sqlite_bind_blob (gpointer      native,
                  int           index,
                  gconstpointer data,
                  gsize         size)
{
  sqlite3_bind_blob64 (native, index, data, size, SQLITE_STATIC);
}

static RifqStep
sqlite_step (gpointer native)
{
  switch (sqlite3_step (native))
    {
    case SQLITE_ROW:
      return RIFQ_STEP_ROW;
    case SQLITE_DONE:
      return RIFQ_STEP_DONE;
    default:
      return RIFQ_STEP_FAILED;
    }
}

static gint64
sqlite_changes (gpointer native)
{
  return sqlite3_changes (sqlite3_db_handle (native));
}

static gint64
sqlite_last_id (gpointer native)
{
  return sqlite3_last_insert_rowid (sqlite3_db_handle (native));
}

static gint64
sqlite_get_int64 (gpointer native,
                  int      column)
{
  return sqlite3_column_int64 (native, column);
}

static const char *
sqlite_get_text (gpointer native,
                 int      column)
{
  return (const char *) sqlite3_column_text (native, column);
}

static gconstpointer
sqlite_get_blob (gpointer native,
                 int      column)
{
  return sqlite3_column_blob (native, column);
}

static gsize
sqlite_get_size (gpointer native,
                 int      column)
{
  return (gsize) sqlite3_column_bytes (native, column);
}

static gboolean
sqlite_is_null (gpointer native,
                int      column)
{
  return sqlite3_column_type (native, column) == SQLITE_NULL;
}

/* Search */

const RifqEngine rifq_engine_sqlite = {
  .name = "sqlite",
  .migrations = "/org/ruhamaa/Rifq/core/migrations/",
  .table_exists_sql = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
  .columns_sql = "SELECT name, upper (type) = 'BLOB' FROM pragma_table_info (?1) ORDER BY cid",
  /* In write-ahead-log mode a read transaction reads the file as its first read found it. */
  .snapshot_sql = "BEGIN",
  .snapshot_end_sql = "COMMIT",
  .open = sqlite_open,
  .close = sqlite_close,
  .display = g_strdup,
  .identity = sqlite_identity,
  .exec = sqlite_exec,
  .begin_write = sqlite_begin_write,
  .read_schema_version = sqlite_read_schema_version,
  .set_schema_version = sqlite_set_schema_version,
  .integrity_check = sqlite_integrity_check,
  .backup = sqlite_backup,
  .backup_check = sqlite_backup_check,
  .restore = sqlite_restore,
  .fail = sqlite_fail,
  .prepare = sqlite_prepare,
  .finalize = sqlite_finalize,
  .reset = sqlite_reset,
  .bind_text = sqlite_bind_text,
  .bind_int64 = sqlite_bind_int64,
  .bind_null = sqlite_bind_null,
  .bind_blob = sqlite_bind_blob,
  .step = sqlite_step,
  .changes = sqlite_changes,
  .last_id = sqlite_last_id,
  .get_int64 = sqlite_get_int64,
  .get_text = sqlite_get_text,
  .get_blob = sqlite_get_blob,
  .get_size = sqlite_get_size,
  .is_null = sqlite_is_null,
};
