/* rifq-test-util.h: shared set-up for Rifq's tests
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "rifq-beneficiary.h"
#include "rifq-context.h"
#include "rifq-db.h"
#include "rifq-staff.h"
#include "rifq-statement.h"
#include "rifq-validate.h"

/* English messages: the tests compare with msgids unless they test Arabic on purpose. */
static inline void
rifq_test_init (int    *argc,
                char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (argc, argv, NULL);
}

/* The engine this run of the tests keeps its records in: RIFQ_TEST_ENGINE=postgresql runs them
 * on the server RIFQ_TEST_POSTGRES names (build-aux/test starts one), otherwise on SQLite. */
static inline gboolean
rifq_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("RIFQ_TEST_ENGINE"), "postgresql") == 0;
}

/* How long a test waits for what another workstation did to arrive: long enough for a loaded
 * machine running the suite two at a time. How fast it arrives is measured by the benchmark
 * (tests/bench/bench-live.c), never by a test. */
#define RIFQ_TEST_PATIENCE (30 * G_USEC_PER_SEC)

static GPtrArray *rifq_test_server_databases;

/* The server's databases this test made go with it. */
static inline void
rifq_test_drop_server_databases (void)
{
  PGconn *admin = PQconnectdb (g_getenv ("RIFQ_TEST_POSTGRES"));

  for (guint i = 0; PQstatus (admin) == CONNECTION_OK && i < rifq_test_server_databases->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                              (char *) g_ptr_array_index (rifq_test_server_databases, i));

      PQclear (PQexec (admin, sql));
    }
  PQfinish (admin);
}

/* A new database on the test server, a copy of template's (a database name) or empty; its
 * connection string. */
static inline char *
rifq_test_server_database_copy (const char *template)
{
  static guint counter;
  const char *server = g_getenv ("RIFQ_TEST_POSTGRES");
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  PGconn *admin;
  PGresult *result;

  if (server == NULL || *server == '\0')
    g_error ("RIFQ_TEST_ENGINE=postgresql needs RIFQ_TEST_POSTGRES, a server's connection string "
             "(build-aux/test starts one with build-aux/test-server)");
  name = g_strdup_printf ("rifq_test_%d_%u", (int) getpid (), ++counter);
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name, template != NULL ? template : "template1");
  admin = PQconnectdb (server);
  if (PQstatus (admin) != CONNECTION_OK)
    g_error ("the test server %s cannot be reached: %s", server, PQerrorMessage (admin));
  result = PQexec (admin, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (admin));
  PQclear (result);
  PQfinish (admin);

  if (rifq_test_server_databases == NULL)
    {
      rifq_test_server_databases = g_ptr_array_new_with_free_func (g_free);
      atexit (rifq_test_drop_server_databases);
    }
  g_ptr_array_add (rifq_test_server_databases, g_strdup (name));
  return g_strdup_printf ("%s dbname=%s", server, name);
}

/* A new, empty database on the test server; its connection string. */
static inline char *
rifq_test_server_database_new (void)
{
  return rifq_test_server_database_copy (NULL);
}

/* rifq_db_open, the computer's user logged in, as the test's program would have them: the
 * tests of logging in itself are in test-account.c. */
static inline RifqDb *
rifq_test_db_open (const char  *location,
                   GError     **error)
{
  RifqDb *db = rifq_db_open (location, error);

  if (db != NULL)
    rifq_db_set_actor (db, g_get_user_name ());
  return db;
}

/* A fresh database: a file in its own temporary folder, or a new database on the test server. */
/* A new database of its own for the test, as nobody has opened it yet: no staff, no audit
 * entry. */
static inline RifqDb *
rifq_test_db_new_empty (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RifqDb *db;

  if (rifq_test_on_server ())
    path = rifq_test_server_database_new ();
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("rifq-test-XXXXXX", &error);

      g_assert_no_error (error);
      path = g_build_filename (dir, "rifq.db", NULL);
    }
  db = rifq_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  /* Writing as the computer's user, as a program that logged them in would. */
  rifq_db_set_actor (db, g_get_user_name ());
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return db;
}

/* The entries of the audit log other than the staff's: what a test's own actions wrote. */
#define RIFQ_TEST_AUDIT_SQL "SELECT count(*) FROM audit WHERE record_kind <> 'staff'"

/* A new database as Rifq's first start leaves it: whoever opens it first is its first member of
 * staff (desk officer, researcher and administrator), "admin" here, and the test acts as them
 * unless it says whom. */
static inline void
rifq_test_first_staff (RifqDb *db)
{
  g_autoptr(GError) error = NULL;

  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_staff_ensure_first (db, &error));
  g_assert_no_error (error);
}

/* Makes username a member of staff with roles, as the first administrator ("admin"), then acts
 * as them. */
static inline void
rifq_test_act_as (RifqDb     *db,
                  const char *username,
                  RifqRole    roles)
{
  g_autoptr(GError) error = NULL;

  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_staff_save (db, username, username, roles, &error));
  g_assert_no_error (error);
  rifq_db_set_actor (db, username);
}

static inline RifqDb *
rifq_test_db_new (char **out_path)
{
  RifqDb *db = rifq_test_db_new_empty (out_path);

  rifq_test_first_staff (db);
  return db;
}

static inline gint64
rifq_test_count (RifqDb     *db,
                 const char *sql)
{
  RifqStatement *stmt = rifq_db_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (rifq_statement_step (stmt), ==, RIFQ_STEP_ROW);
  n = rifq_statement_get_int64 (stmt, 0);
  rifq_statement_reset (stmt);
  return n;
}

/* Stops db's clock on day, through a context as the window does. */
static inline void
rifq_test_set_today (RifqDb     *db,
                     const char *day)
{
  g_autoptr(RifqContext) context = rifq_context_new (db, NULL);

  rifq_context_set_today (context, day);
}

/* Changes the records behind Rifq's back, as someone with the database's own tools would. */
static inline void
rifq_test_sql (RifqDb     *db,
               const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!rifq_db_exec (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

/* sql run by another program, on a connection of its own to the database at location (a
 * server's; on a desk, the file opened by SQLite itself). */
static inline void
rifq_test_other_program_sql (const char *location,
                             const char *sql)
{
  if (rifq_test_on_server ())
    {
      PGconn *conn = PQconnectdb (location);
      PGresult *result = PQexec (conn, sql);

      if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", sql, PQerrorMessage (conn));
      PQclear (result);
      PQfinish (conn);
    }
  else
    {
      sqlite3 *conn = NULL;
      char *message = NULL;

      if (sqlite3_open (location, &conn) != SQLITE_OK ||
          sqlite3_exec (conn, sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", sql, message != NULL ? message : sqlite3_errmsg (conn));
      sqlite3_close (conn);
    }
}

/* The same change in each engine's own dialect, for what is done behind Rifq's back. */
#define RIFQ_TEST_DIALECT(sqlite, postgresql) (rifq_test_on_server () ? (postgresql) : (sqlite))

/* Schema 13 undone, as a Rifq of schema 12 left the database: its word tables and their
 * triggers gone, the word index (GIN on the server, FTS5 on a desk, left empty: schema 13 drops
 * it) and the index by name and date of birth back. The version is the caller's to set. */
/* The schema as it was before the consents and the accounts (schema 14 and 15). */
static inline void
rifq_test_undo_consent_and_accounts (RifqDb *db)
{
  rifq_test_sql (db, "DROP TABLE consent; ALTER TABLE staff DROP COLUMN password_hash;"
                     " ALTER TABLE staff DROP COLUMN password_set_at; ALTER TABLE staff DROP COLUMN failed_logins;"
                     " ALTER TABLE staff DROP COLUMN locked_until;");
}

static inline void
rifq_test_undo_name_words (RifqDb *db)
{
  if (rifq_test_on_server ())
    rifq_test_sql (db, "DROP FUNCTION keep_name_words () CASCADE; DROP FUNCTION forget_name_words () CASCADE;"
                       " DROP FUNCTION name_words (text); DROP TABLE beneficiary_word, name_word;"
                       " CREATE INDEX beneficiary_by_name_words ON beneficiary"
                       " USING gin (to_tsvector ('simple', name_norm));");
  else
    rifq_test_sql (db, "DROP TRIGGER beneficiary_words_insert; DROP TRIGGER beneficiary_words_delete;"
                       " DROP TRIGGER beneficiary_words_update; DROP TABLE beneficiary_word; DROP TABLE name_word;"
                       " CREATE VIRTUAL TABLE beneficiary_fts USING fts5 (name_norm, content = 'beneficiary',"
                       " content_rowid = 'id', prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 0');"
                       " CREATE TRIGGER beneficiary_fts_insert AFTER INSERT ON beneficiary BEGIN SELECT 1; END;"
                       " CREATE TRIGGER beneficiary_fts_delete AFTER DELETE ON beneficiary BEGIN SELECT 1; END;"
                       " CREATE TRIGGER beneficiary_fts_update AFTER UPDATE ON beneficiary BEGIN SELECT 1; END;");
  rifq_test_sql (db, "CREATE INDEX beneficiary_by_name_birth ON beneficiary (name_norm, birth_date)");
}

/* Sets the schema version the database says it is at, as an older Rifq left it. */
static inline void
rifq_test_set_schema_version (RifqDb *db,
                              int     version)
{
  g_autofree char *sql = rifq_test_on_server ()
    ? g_strdup_printf ("UPDATE rifq_schema SET version = %d", version)
    : g_strdup_printf ("PRAGMA user_version = %d", version);

  rifq_test_sql (db, sql);
}

/* How many of the named columns (a comma-separated list of quoted names) table has. */
static inline gint64
rifq_test_count_columns (RifqDb     *db,
                         const char *table,
                         const char *names)
{
  g_autofree char *sql = rifq_test_on_server ()
    ? g_strdup_printf ("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema ()"
                       " AND table_name = '%s' AND column_name IN (%s)", table, names)
    : g_strdup_printf ("SELECT count(*) FROM pragma_table_info ('%s') WHERE name IN (%s)", table, names);

  return rifq_test_count (db, sql);
}

/* A database at schema version, made by this engine's migrations up to it, then changed by sql,
 * as an older Rifq left it; its location. Only the migrations named are known to the tests. */
static inline char *
rifq_test_old_database (int         version,
                        const char *sql)
{
  const char *names[] = { "0001-initial.sql", "0002-requests.sql", "0003-committee.sql", "0004-meeting-rule.sql" };
  const char *folder = rifq_test_on_server () ? "migrations-postgres" : "migrations";
  g_autoptr(GString) script = g_string_new (NULL);
  g_autofree char *location = NULL;

  g_assert_cmpint (version, <=, G_N_ELEMENTS (names));
  for (int i = 0; i < version; i++)
    {
      g_autofree char *file = g_build_filename (g_getenv ("RIFQ_SOURCE_DIR"), "src", "core", folder, names[i], NULL);
      g_autofree char *migration = NULL;

      g_assert_true (g_file_get_contents (file, &migration, NULL, NULL));
      g_string_append_printf (script, "%s;\n", migration);
    }
  g_string_append_printf (script, "%s;\n", sql);

  if (rifq_test_on_server ())
    {
      PGconn *conn;
      PGresult *result;

      location = rifq_test_server_database_new ();
      g_string_append_printf (script, "CREATE TABLE rifq_schema (application text NOT NULL, version integer NOT NULL);"
                                      " INSERT INTO rifq_schema VALUES ('RIFQ', %d);", version);
      conn = PQconnectdb (location);
      g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
      result = PQexec (conn, script->str);
      if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s", PQerrorMessage (conn));
      PQclear (result);
      PQfinish (conn);
    }
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("rifq-migrate-XXXXXX", NULL);
      sqlite3 *handle;

      location = g_build_filename (dir, "old.db", NULL);
      g_string_append_printf (script, "PRAGMA user_version = %d; PRAGMA application_id = 1380533841;", version);
      g_assert_cmpint (sqlite3_open (location, &handle), ==, SQLITE_OK);
      if (sqlite3_exec (handle, script->str, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (handle));
      sqlite3_close (handle);
      /* As private as Rifq keeps its own: made by sqlite3, it was not. */
      g_assert_cmpint (g_chmod (location, 0600), ==, 0);
    }
  return g_steal_pointer (&location);
}

/* An old database's file and its folder go; a server's database goes when the test ends. */
static inline void
rifq_test_remove_database (const char *location)
{
  g_autofree char *dir = NULL;

  if (rifq_test_on_server ())
    return;
  dir = g_path_get_dirname (location);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (location, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* A complete, valid beneficiary; callers change what the test is about. */
static inline RifqBeneficiary *
rifq_test_beneficiary (const char *national_id,
                       const char *first_name,
                       const char *family_name,
                       const char *mobile)
{
  RifqBeneficiary *b = rifq_beneficiary_new ();

  rifq_beneficiary_set (b, RIFQ_FIELD_NATIONAL_ID, national_id);
  rifq_beneficiary_set (b, RIFQ_FIELD_FIRST_NAME, first_name);
  rifq_beneficiary_set (b, RIFQ_FIELD_FATHER_NAME, "عبدالله");
  rifq_beneficiary_set (b, RIFQ_FIELD_GRANDFATHER_NAME, "سعد");
  rifq_beneficiary_set (b, RIFQ_FIELD_FAMILY_NAME, family_name);
  rifq_beneficiary_set (b, RIFQ_FIELD_SEX, "male");
  rifq_beneficiary_set (b, RIFQ_FIELD_BIRTH_DATE, "1950-03-08");
  rifq_beneficiary_set (b, RIFQ_FIELD_MOBILE, mobile);
  rifq_beneficiary_set (b, RIFQ_FIELD_CITY, "الرياض");
  rifq_beneficiary_set (b, RIFQ_FIELD_LIVING_SITUATION, "alone");
  return b;
}

/* A valid national ID, the n-th (below ten million) of series (1 to 9): its check digit found by
 * Luhn. */
static inline char *
rifq_test_national_id (guint series,
                       guint n)
{
  for (guint digit = 0; digit < 10; digit++)
    {
      g_autofree char *id = g_strdup_printf ("1%u%07u%u", series, n, digit);

      if (rifq_luhn_valid (id))
        return g_steal_pointer (&id);
    }
  g_assert_not_reached ();
}

/* Valid national IDs (Luhn) for tests. */
#define RIFQ_TEST_ID_1 "1000000008"
#define RIFQ_TEST_ID_2 "1000000016"
#define RIFQ_TEST_ID_3 "1000000024"
#define RIFQ_TEST_ID_4 "2000000006"

static inline gboolean
rifq_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for ms milliseconds: frames, search delays, idle handlers. */
static inline void
rifq_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, rifq_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
