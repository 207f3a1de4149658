/* test-server-roles.c: on the association's server, each member of staff logs in as a role of
 * the server's own (SCRAM-SHA-256), and the server itself refuses what their place in the role ×
 * action table does not allow, to Rifq and to psql alike.
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>

#include "rifq-account.h"
#include "rifq-audit.h"
#include "rifq-backup.h"
#include "rifq-error.h"
#include "rifq-committee.h"
#include "rifq-demo.h"
#include "rifq-seal.h"
#include "rifq-test-request.h"

#define PASSWORD "rifq-test-1448"

typedef struct
{
  char   *location;    /* the owner's (the tests' superuser): set up, and behind Rifq's back */
  char   *database;
  RifqDb *owner;
} Server;

/* A workstation's address: the same server and database, as a user the server asks a password
 * of (no credential of the owner's on it). */
static char *
workstation (Server *f)
{
  return g_strconcat (f->location, " user=workstation", NULL);
}

/* The database a test server's address names. */
static char *
database_of (const char *location)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  char *name = NULL;

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "dbname"))
      name = g_strdup (o->val);
  PQconninfoFree (options);
  return name;
}

static void
server_set_up (Server        *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const struct { const char *user, *name; RifqRole roles; } people[] = {
    { "desk", "نورة العتيبي", RIFQ_ROLE_DESK },
    { "researcher", "سلمان الشهري", RIFQ_ROLE_RESEARCHER },
    { "chair", "خالد الدوسري", RIFQ_ROLE_CHAIR },
    { "member1", "هند الزهراني", RIFQ_ROLE_COMMITTEE },
    { "member2", "فهد الحربي", RIFQ_ROLE_COMMITTEE },
    { "board", "سعد العمري", RIFQ_ROLE_BOARD },
  };

  f->location = rifq_test_server_database_new ();
  f->database = database_of (f->location);

  /* As rifq-admin server init --admin admin leaves it, then staff added with their passwords. */
  f->owner = rifq_db_open (f->location, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_account_set_up (f->owner, "admin", "مدير النظام", PASSWORD, &error));
  g_assert_true (rifq_seal_ensure_key (f->owner, &error));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_assert_true (rifq_staff_save (f->owner, people[i].user, people[i].name, people[i].roles, &error));
      g_assert_true (rifq_account_reset_password (f->owner, people[i].user, PASSWORD, &error));
    }
  g_assert_no_error (error);
}

static void
server_tear_down (Server        *f,
                  gconstpointer  data)
{
  g_clear_object (&f->owner);
  g_free (f->location);
  g_free (f->database);
}

/* Rifq at a workstation, username logged in with password. */
static RifqDb *
log_in (Server     *f,
        const char *username,
        const char *password,
        GError    **error)
{
  g_autofree char *address = workstation (f);
  g_autoptr(RifqDb) db = rifq_db_open (address, error);

  if (db == NULL || !rifq_account_login (db, username, password, g_get_real_time () / G_USEC_PER_SEC, error))
    return NULL;
  return g_steal_pointer (&db);
}

/* psql, or any program of the server's, connected as username's own role. */
static PGconn *
connect_as (Server     *f,
            const char *username,
            const char *database)
{
  g_autofree char *role = g_strconcat (username, "@", f->database, NULL);
  const char *keywords[] = { "dbname", "user", "password", "dbname", NULL };
  const char *values[] = { f->location, role, PASSWORD, database != NULL ? database : f->database, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 1);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

/* The SQLSTATE the server answers sql with, as username; "" when it is done. */
static char *
try_sql (Server     *f,
         const char *username,
         const char *sql)
{
  PGconn *conn = connect_as (f, username, NULL);
  PGresult *result = PQexec (conn, sql);
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  char *found = g_strdup (state != NULL ? state : "");

  PQclear (result);
  PQfinish (conn);
  return found;
}

static gint64
count_as (Server     *f,
          const char *username,
          const char *sql)
{
  PGconn *conn = connect_as (f, username, NULL);
  PGresult *result = PQexec (conn, sql);
  gint64 n;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return n;
}

static void
test_login_as_own_role (Server        *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = log_in (f, "desk", PASSWORD, &error);
  g_autofree char *session = NULL;
  g_autofree char *expected = g_strconcat ("desk@", f->database, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (rifq_db_get_actor (db), ==, "desk");
  session = rifq_db_query_text (db, "SELECT session_user", RIFQ_NO_PARAMS, &error);
  g_assert_cmpstr (session, ==, expected);
  /* The server keeps only the verifier; the password never reached it in clear. */
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM pg_authid WHERE rolname LIKE 'desk@%'"
                                              " AND rolpassword LIKE 'SCRAM-SHA-256$%' AND rolname = session_user"),
                   ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pg_authid WHERE rolname = '%s'"
                                            " AND rolpassword LIKE 'SCRAM-SHA-256$%%'", expected);

    g_assert_cmpint (rifq_test_count (f->owner, sql), ==, 1);
  }
}

static void
test_nothing_read_before_login (Server        *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = workstation (f);
  g_autoptr(RifqDb) db = rifq_db_open (address, &error);
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rifq_account_setup (db, &error), ==, RIFQ_ACCOUNT_SETUP_READY);
  g_assert_null (rifq_db_get_actor (db));
  list = rifq_staff_list (db, RIFQ_ROLE_NONE, &error);
  g_assert_null (list);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
}

static void
test_login_refused_wrong_password (Server        *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) wrong = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(RifqDb) db = log_in (f, "desk", "not-the-password", &wrong);
  g_autoptr(RifqDb) nobody = log_in (f, "nobody", PASSWORD, &unknown);

  g_assert_null (db);
  g_assert_null (nobody);
  g_assert_error (wrong, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_assert_error (unknown, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  /* The same sentence: a name is not found out by trying. */
  g_assert_cmpstr (wrong->message, ==, unknown->message);
}

static void
test_login_refused_when_left_staff (Server        *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;

  /* Marked inactive (at the server: Rifq has no command for it yet), the role logs in no more. */
  rifq_test_sql (f->owner, "UPDATE staff SET active = 0 WHERE username = 'desk'");
  db = log_in (f, "desk", PASSWORD, &error);
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
}

static void
test_login_refused_to_the_owners_name (Server        *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;

  /* A role named as staff would be, but made outside Rifq with powers over the server, is
   * never taken over by adding a member of that name. */
  {
    g_autofree char *sql = g_strdup_printf ("CREATE ROLE \"intruder@%s\" LOGIN CREATEROLE PASSWORD '%s';"
                                            " CREATE ROLE \"reader@%s\" LOGIN PASSWORD '%s';"
                                            " GRANT pg_read_all_data TO \"reader@%s\"",
                                            f->database, PASSWORD, f->database, PASSWORD, f->database);

    rifq_test_sql (f->owner, sql);
  }
  /* Nor one with no powers of its own but a membership of the server's. */
  rifq_db_set_actor (f->owner, "admin");
  g_assert_false (rifq_staff_save (f->owner, "reader", "reader", RIFQ_ROLE_DESK, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  rifq_db_set_actor (f->owner, "admin");
  g_assert_false (rifq_staff_save (f->owner, "intruder", "intruder", RIFQ_ROLE_DESK, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM staff WHERE username = 'intruder'"), ==, 0);
  g_clear_error (&error);
  db = log_in (f, "intruder", PASSWORD, &error);
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  {
    g_autofree char *sql = g_strdup_printf ("DROP ROLE \"intruder@%s\"; DROP ROLE \"reader@%s\"", f->database,
                                            f->database);

    rifq_test_sql (f->owner, sql);
  }
}

static void
test_psql_board_reads_no_records (Server        *f,
                                  gconstpointer  data)
{
  g_autofree char *beneficiaries = try_sql (f, "board", "SELECT count(*) FROM beneficiary");
  g_autofree char *requests = try_sql (f, "board", "SELECT count(*) FROM request");
  g_autofree char *hashes = try_sql (f, "desk", "SELECT password_hash FROM staff");

  g_assert_cmpstr (beneficiaries, ==, "42501");
  g_assert_cmpstr (requests, ==, "42501");
  g_assert_cmpstr (hashes, ==, "42501");
  /* Of the audit log, the board reads only its end (which its own writes extend). */
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM audit"), >, 1);
  g_assert_cmpint (count_as (f, "board", "SELECT count(*) FROM audit"), ==, 1);
  g_assert_cmpint (count_as (f, "desk", "SELECT count(*) FROM audit"), ==,
                   rifq_test_count (f->owner, "SELECT count(*) FROM audit"));
}

static void
test_psql_audit_append_only_as_oneself (Server        *f,
                                        gconstpointer  data)
{
  g_autofree char *update = try_sql (f, "admin", "UPDATE audit SET actor = 'x'");
  g_autofree char *delete = try_sql (f, "admin", "DELETE FROM audit");
  g_autofree char *truncate = try_sql (f, "admin", "TRUNCATE audit");
  g_autofree char *forged = try_sql (f, "desk", "INSERT INTO audit (at, actor, action, record_kind, record_id,"
                                                " prev_hash, hash) VALUES ('2026-12-01', 'admin', 'update',"
                                                " 'staff', 0, '', '')");
  gint64 before = rifq_test_count (f->owner, "SELECT count(*) FROM audit");

  g_assert_cmpstr (update, ==, "42501");
  g_assert_cmpstr (delete, ==, "42501");
  g_assert_cmpstr (truncate, ==, "42501");
  /* Row-level security: an entry in another's name is refused. */
  g_assert_cmpstr (forged, ==, "42501");
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM audit"), ==, before);
}

static void
test_psql_no_more_than_the_role (Server        *f,
                                 gconstpointer  data)
{
  const struct { const char *user, *sql; } refused[] = {
    /* Nobody gives themselves a role but an administrator. */
    { "desk", "INSERT INTO staff_role (username, role) VALUES ('desk', 'admin')" },
    { "desk", "UPDATE staff SET active = 0 WHERE username = 'admin'" },
    /* The desk officer does not vote nor decide; the committee registers nobody. */
    { "desk", "INSERT INTO vote (meeting_id, request_id, username, vote, at) VALUES (1, 1, 'desk', 'accept', 'x')" },
    { "desk", "UPDATE decision SET decision = 'accept'" },
    { "member1", "INSERT INTO beneficiary (national_id) VALUES ('1000000008')" },
    { "researcher", "UPDATE beneficiary SET mobile = '0500000000'" },
    { "board", "UPDATE settings SET value = 'x'" },
    { "desk", "UPDATE settings SET value = 'x'" },
    { "chair", "DELETE FROM beneficiary" },
    { "admin", "DELETE FROM request" },
    /* Nor the tables' shape, nor another member's password. */
    { "admin", "DROP TABLE audit" },
    { "admin", "ALTER TABLE audit DISABLE TRIGGER USER" },
    { "desk", "SELECT rifq_set_password ('admin', 'SCRAM-SHA-256$4096:AAAA$BBBB:CCCC', '$argon2id$v=19$x')" },
    { "desk", "SELECT rifq_keep_role ('desk')" },
    { "desk", "CREATE TABLE mine (x int)" },
    /* Only the chair calls a meeting; a vote is cast in one's own name. */
    { "member1", "INSERT INTO meeting (held_on, created_by, created_at) VALUES ('2026-12-09', 'member1', 'x')" },
    { "member1", "INSERT INTO vote (meeting_id, request_id, username, vote, at) VALUES (1, 1, 'member2', 'accept', 'x')" },
    /* The audit log and its anchor are written only through audit_append. */
    { "board", "UPDATE audit_anchor SET entries = 0" },
    { "desk", "INSERT INTO audit (id, at, actor, action, record_kind, record_id, prev_hash, hash)"
              " VALUES (1000, 'x', 'desk', 'update', 'staff', 0, '', '')" },
    { "desk", "INSERT INTO audit_append (id, at, actor, action, record_kind, hash, entries, last_id, last_hash)"
              " VALUES (1000, 'x', 'desk', 'update', 'staff', 'h', 1000, 1000, 'h')" },
    { "desk", "INSERT INTO audit_append (id, at, actor, action, record_kind, hash, entries, last_id, last_hash)"
              " SELECT max (id) + 1, 'x', 'admin', 'update', 'staff', 'h', 0, max (id) + 1, 'h' FROM audit" },
    /* The board reads no record, not even as the audit log holds it. */
    { "board", "SELECT before_json, after_json FROM audit" },
    /* The count of writes is the server's to keep. */
    { "desk", "UPDATE write_count SET n = 0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *state = try_sql (f, refused[i].user, refused[i].sql);

      if (!g_str_equal (state, "42501"))
        g_error ("%s as %s: %s, not refused for want of the right", refused[i].sql, refused[i].user,
                 *state != '\0' ? state : "done");
    }
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM staff_role WHERE username = 'desk'"), ==, 1);
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM staff WHERE active = 1"), ==, 7);
}

static void
test_psql_password_only_as_verifier (Server        *f,
                                     gconstpointer  data)
{
  g_autofree char *clear = try_sql (f, "admin", "SELECT rifq_set_password ('desk', 'a-password-in-clear',"
                                                " '$argon2id$v=19$x')");
  g_autofree char *prefixed = try_sql (f, "admin", "SELECT rifq_set_password ('desk', 'SCRAM-SHA-256$hunter2',"
                                                   " '$argon2id$v=19$x')");

  /* A password sent in clear would be in the server's log; it is refused, also dressed as a
   * verifier. */
  g_assert_cmpstr (clear, ==, "22023");
  g_assert_cmpstr (prefixed, ==, "22023");
}

static void
test_psql_only_own_database (Server        *f,
                             gconstpointer  data)
{
  g_autofree char *other = rifq_test_server_database_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) there = rifq_db_open (other, &error);
  g_autofree char *role = g_strconcat ("desk@", f->database, NULL);
  g_autofree char *database = database_of (other);
  PGconn *conn;

  g_assert_no_error (error);
  /* Another of the server's Rifq databases (a training copy): its groups are the same roles,
   * but the desk officer of this one may not connect to it. */
  {
    const char *keywords[] = { "dbname", "user", "password", "dbname", NULL };
    const char *values[] = { f->location, role, PASSWORD, database, NULL };

    conn = PQconnectdbParams (keywords, values, 1);
  }
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_BAD);
  g_assert_nonnull (strstr (PQerrorMessage (conn), "CONNECT"));
  PQfinish (conn);
}

static void
test_change_own_password (Server        *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = log_in (f, "desk", PASSWORD, &error);
  g_autoptr(RifqDb) again = NULL;
  g_autoptr(RifqDb) old = NULL;

  g_assert_no_error (error);
  g_assert_false (rifq_account_change_password (db, "not-mine-at-all", "a-new-password-1", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_true (rifq_account_change_password (db, PASSWORD, "a-new-password-1", &error));
  g_assert_no_error (error);
  old = log_in (f, "desk", PASSWORD, &error);
  g_assert_null (old);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  again = log_in (f, "desk", "a-new-password-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rifq_db_get_actor (again), ==, "desk");
  /* In the audit log, in their own name. */
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM audit WHERE actor = 'desk'"
                                              " AND record_kind = 'account' AND action = 'password'"), ==, 1);
  /* The session that changed it goes on after its line is lost (connecting with the new one). */
  {
    g_autofree char *kill = g_strdup_printf ("SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity"
                                             " WHERE usename = 'desk@%s'", f->database);
    g_autoptr(GPtrArray) staff = NULL;

    g_assert_cmpint (rifq_test_count (f->owner, kill), >=, 1);
    staff = rifq_staff_list (db, RIFQ_ROLE_NONE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (staff);
  }
  /* At the server, the owner's rifq-admin logs them in with the same password. */
  rifq_account_logout (f->owner);
  g_assert_true (rifq_account_login (f->owner, "desk", "a-new-password-1", 0, &error));
  g_assert_no_error (error);
}

static void
test_admin_resets_and_adds (Server        *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) admin = log_in (f, "admin", PASSWORD, &error);
  g_autoptr(RifqDb) desk = NULL;
  g_autoptr(RifqDb) hala = NULL;

  g_assert_no_error (error);
  g_assert_true (rifq_account_reset_password (admin, "desk", "set-by-the-admin-1", &error));
  g_assert_true (rifq_staff_save (admin, "hala", "هلا", RIFQ_ROLE_RESEARCHER, &error));
  g_assert_true (rifq_account_reset_password (admin, "hala", "hala-first-pass-1", &error));
  g_assert_no_error (error);
  desk = log_in (f, "desk", "set-by-the-admin-1", &error);
  g_assert_no_error (error);
  hala = log_in (f, "hala", "hala-first-pass-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rifq_db_get_actor (hala), ==, "hala");
  /* A desk officer sets nobody's password, in Rifq or at the server. */
  g_assert_false (rifq_account_reset_password (desk, "hala", "taken-over-pass-1", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
}

static void
test_administrator_edits_own_entry (Server        *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) admin = log_in (f, "admin", PASSWORD, &error);

  g_assert_no_error (error);
  /* Their roles taken away and given again in one write: their rights hold to its end. */
  g_assert_true (rifq_staff_save (admin, "admin", "مدير الجمعية", RIFQ_ROLE_DESK | RIFQ_ROLE_RESEARCHER | RIFQ_ROLE_ADMIN,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (rifq_staff_save (admin, "hala", "هلا", RIFQ_ROLE_RESEARCHER, &error));
  g_assert_no_error (error);
}

/* Made-up records for training, by an administrator who holds no other role. */
static void
test_demo_by_an_administrator_alone (Server        *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) boss = NULL;

  rifq_db_set_actor (f->owner, "admin");
  g_assert_true (rifq_staff_save (f->owner, "boss", "boss", RIFQ_ROLE_ADMIN, &error));
  g_assert_true (rifq_account_reset_password (f->owner, "boss", PASSWORD, &error));
  g_assert_no_error (error);
  boss = log_in (f, "boss", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_demo_fill (boss, 20, 7, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_demo_fill_requests (boss, 12, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM request"), ==, 12);
  g_assert_true (rifq_audit_verify (f->owner, NULL, &error));
  g_assert_no_error (error);
}

static void
test_log_out_ends_the_session (Server        *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = log_in (f, "desk", PASSWORD, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *session = NULL;
  g_autofree char *expected = g_strconcat ("member1@", f->database, NULL);

  g_assert_no_error (error);
  rifq_account_logout (db);
  g_assert_null (rifq_db_get_actor (db));
  list = rifq_staff_list (db, RIFQ_ROLE_NONE, &error);
  g_assert_null (list);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  /* The next person at the workstation is themselves at the server. */
  g_assert_true (rifq_account_login (db, "member1", PASSWORD, 0, &error));
  g_assert_no_error (error);
  session = rifq_db_query_text (db, "SELECT session_user", RIFQ_NO_PARAMS, &error);
  g_assert_cmpstr (session, ==, expected);
}

static void
test_claiming_another_name_refused (Server        *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = log_in (f, "desk", PASSWORD, &error);
  gint64 before = rifq_test_count (f->owner, "SELECT count(*) FROM audit");

  g_assert_no_error (error);
  /* A workstation's Rifq changed to act in the administrator's name: the server writes nothing. */
  rifq_db_set_actor (db, "admin");
  g_assert_false (rifq_settings_save (db, "decision_period_days", "30", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM audit"), ==, before);
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM settings WHERE key = 'decision_period_days'"
                                              " AND value = '30'"), ==, 0);
}

static void
test_backup_by_the_administrator (Server        *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) admin = log_in (f, "admin", PASSWORD, &error);
  g_autoptr(RifqDb) desk = log_in (f, "desk", PASSWORD, &error);
  g_autofree char *dir = g_dir_make_tmp ("rifq-roles-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "server.rifq-backup", NULL);
  g_autofree char *refused = g_build_filename (dir, "desk.rifq-backup", NULL);

  g_assert_no_error (error);
  /* pg_dump as the administrator's own role: the whole database, the audit log whole. */
  g_assert_true (rifq_backup_take (admin, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_backup_check (path, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rifq_backup_take (desk, refused, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_hand_made_role_asked_who (Server        *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autofree char *role = g_strdup_printf ("clerk_%d", (int) getpid ());
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'clerk-pass'; GRANT SELECT ON ALL TABLES"
                                          " IN SCHEMA public TO %s; GRANT CONNECT ON DATABASE %s TO %s",
                                          role, role, f->database, role);
  g_autofree char *drop = g_strdup_printf ("DROP OWNED BY %s; DROP ROLE %s", role, role);
  g_autofree char *address = g_strdup_printf ("%s user=%s password=clerk-pass", f->location, role);

  /* A role given the tables by hand, its password kept at the workstation (as before schema
   * 16): Rifq does not read the records through it, but asks who is there. */
  rifq_test_sql (f->owner, sql);
  db = rifq_db_open (address, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_account_server_asks (db));
  g_assert_null (rifq_staff_list (db, RIFQ_ROLE_NONE, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_object (&db);
  rifq_test_sql (f->owner, drop);
}

static void
test_empty_password_never_from_a_file (Server        *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-roles-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "pgpass", NULL);
  g_autofree char *line = g_strdup_printf ("*:*:*:desk@%s:%s\n", f->database, PASSWORD);
  g_autoptr(RifqDb) db = NULL;

  /* The desk officer's password kept for psql at a computer account others use too. */
  g_assert_true (g_file_set_contents_full (file, line, -1, G_FILE_SET_CONTENTS_NONE,
                                           0600, NULL));
  g_setenv ("PGPASSFILE", file, TRUE);
  db = log_in (f, "desk", "", &error);
  g_unsetenv ("PGPASSFILE");
  g_assert_null (db);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_unlink (file);
  g_rmdir (dir);
}

/* A request from the desk to the committee's decision, each step by its own person logged in as
 * their own role: what the server grants is enough for Rifq's work. */
static void
test_request_through_the_committee (Server        *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) desk = log_in (f, "desk", PASSWORD, &error);
  g_autoptr(RifqDb) chair = log_in (f, "chair", PASSWORD, &error);
  g_autoptr(RifqDb) member1 = log_in (f, "member1", PASSWORD, &error);
  g_autoptr(RifqDb) member2 = log_in (f, "member2", PASSWORD, &error);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(RifqRequest) decided = NULL;
  gint64 request;

  g_assert_no_error (error);
  request = rifq_test_submitted_request (desk, rifq_test_add_beneficiary (desk, RIFQ_TEST_ID_1, "محمد",
                                                                          "0501234567"),
                                         "food_basket");
  /* Nobody but the committee decides: not the desk officer with psql. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE request SET state = 'accepted' WHERE id = %" G_GINT64_FORMAT,
                                            request);
    g_autofree char *state = try_sql (f, "desk", sql);

    g_assert_cmpstr (state, ==, "42501");
  }
  meeting = rifq_committee_meeting_create (chair, "1448/06/20", "مقر الجمعية", &error);
  g_assert_no_error (error);
  g_assert_true (rifq_committee_add_to_agenda (chair, meeting->id, request, &error));
  g_assert_no_error (error);
  rifq_test_set_today (chair, "2026-12-09");
  rifq_test_set_today (member1, "2026-12-09");
  rifq_test_set_today (member2, "2026-12-09");
  for (const char * const *user = (const char *[]) { "chair", "member1", "member2", NULL }; *user != NULL; user++)
    g_assert_true (rifq_committee_set_present (chair, meeting->id, *user, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_committee_vote (member1, meeting->id, request, "accept", 1500, NULL, &error));
  g_assert_true (rifq_committee_vote (member2, meeting->id, request, "accept", 1500, NULL, &error));
  g_assert_true (rifq_committee_vote (chair, meeting->id, request, "accept", 1500, NULL, &error));
  g_assert_true (rifq_committee_decide (chair, meeting->id, request, "accept", 1500, "يستحق الدعم", &error));
  g_assert_no_error (error);
  decided = rifq_request_store_get (desk, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (decided->state, ==, RIFQ_REQUEST_ACCEPTED);
  /* Each step under the name of the person who took it, and the log whole. */
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM audit WHERE actor = 'member1'"
                                              " AND action = 'vote'"), ==, 1);
  g_assert_true (rifq_audit_verify (f->owner, NULL, &error));
  g_assert_no_error (error);
}

/* The social researcher reads what was referred to social research and nothing else, in Rifq
 * and with psql under their own name: of two people with a request each, one referred. */
static void
test_researcher_reads_only_referred (Server        *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) desk = log_in (f, "desk", PASSWORD, &error);
  g_autoptr(RifqDb) researcher = log_in (f, "researcher", PASSWORD, &error);
  g_autoptr(RifqRequest) answered = NULL;
  g_autoptr(RifqRequest) other = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  RifqStepDetails question = { .text = "هل يشمل الدعم من يسكن مع ابنه؟" };
  RifqStepDetails answer = { .text = "نعم، إذا كان دخل الأسرة دون الحد." };
  RifqRequestDraft draft = { 0, "food_basket", "phone", "سلة غذائية شهرية", -1, NULL };
  g_autoptr(RifqRequest) referred = NULL;
  g_autoptr(RifqRequest) unreferred = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *documents = NULL;

  g_assert_no_error (error);
  draft.beneficiary_id = rifq_test_add_beneficiary (desk, RIFQ_TEST_ID_1, "محمد", "0501234567");
  referred = rifq_request_store_create (desk, &draft, &error);
  g_assert_no_error (error);
  draft.beneficiary_id = rifq_test_add_beneficiary (desk, RIFQ_TEST_ID_2, "سارة", "0559876543");
  unreferred = rifq_request_store_create (desk, &draft, &error);
  g_assert_no_error (error);
  /* Each with a document entered. */
  for (const gint64 *id = (const gint64[]) { referred->id, unreferred->id, 0 }; *id != 0; id++)
    {
      RifqDocument doc = { .type = (char *) "national_id", .number = (char *) "1234567",
                           .issued_on = (char *) "2020-01-01", .expires_on = (char *) "2030-01-01",
                           .matched = TRUE };

      g_assert_true (rifq_request_store_save_document (desk, *id, &doc, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rifq_request_store_advance (desk, referred->id, RIFQ_ACTION_COLLECT, NULL, &error));
  g_assert_true (rifq_request_store_advance (desk, referred->id, RIFQ_ACTION_REFER, &question, &error));
  g_assert_no_error (error);

  /* In Rifq: the queue, the request referred, its answer; the other refused. */
  queue = rifq_request_store_referral_queue (researcher, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  rifq_request_store_advance (researcher, referred->id, RIFQ_ACTION_ANSWER, &answer, &error);
  g_assert_no_error (error);
  answered = rifq_request_store_get (researcher, referred->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((RifqReferral *) g_ptr_array_index (answered->referrals, 0))->answer, ==, answer.text);
  other = rifq_request_store_get (researcher, unreferred->id, &error);
  g_assert_null (other);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  /* With psql: the rows of the request referred, no others, nothing of the rest. */
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(*) FROM request"), ==, 1);
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(*) FROM beneficiary"), ==, 1);
  documents = g_strdup_printf ("SELECT count(*) FROM document WHERE request_id = %" G_GINT64_FORMAT, referred->id);
  g_assert_cmpint (rifq_test_count (f->owner, documents), ==, 1);
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM document"), ==, 2);
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(*) FROM document"), ==,
                   rifq_test_count (f->owner, documents));
  g_assert_cmpint (count_as (f, "desk", "SELECT count(*) FROM beneficiary"), ==, 2);
  g_assert_cmpint (count_as (f, "desk", "SELECT count(*) FROM request"), ==, 2);
  /* Of the referred request's own rows, what the researcher reads: its referral, services (none
   * yet), seal (none yet), what its scans are (none). */
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(*) FROM referral"), ==, 1);
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(*) FROM service"), ==, 0);
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(*) FROM seal WHERE kind <> 'request'"), ==, 0);
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(*) FROM document_scan"), ==, 0);
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(sha256) FROM attachment"), ==, 0);
  g_assert_cmpint (count_as (f, "researcher", "SELECT count(*) FROM audit"), ==, 1);
  for (const char * const *refused = (const char *[]) { "SELECT count(*) FROM caregiver",
                                                        "SELECT count(*) FROM consent",
                                                        "SELECT count(*) FROM interaction",
                                                        "SELECT count(*) FROM meeting",
                                                        "SELECT count(*) FROM decision",
                                                        "SELECT count(*) FROM letter",
                                                        "SELECT count(*) FROM vote",
                                                        "SELECT data FROM attachment",
                                                        "SELECT count(*) FROM beneficiary_word",
                                                        "SELECT before_json FROM audit", NULL };
       *refused != NULL; refused++)
    {
      g_autofree char *state = try_sql (f, "researcher", *refused);

      if (!g_str_equal (state, "42501"))
        g_error ("%s as the researcher: %s, not refused", *refused, *state != '\0' ? state : "done");
    }
  /* Nor changes more of one referred than its answer: a request moved to another beneficiary,
   * even in a transaction rolled back, would show that beneficiary. */
  {
    g_autofree char *moved = g_strdup_printf ("UPDATE request SET beneficiary_id = %" G_GINT64_FORMAT
                                              " WHERE id = %" G_GINT64_FORMAT, unreferred->beneficiary_id,
                                              referred->id);
    g_autofree char *described = g_strdup_printf ("UPDATE request SET description = 'x' WHERE id = %"
                                                  G_GINT64_FORMAT, referred->id);
    g_autofree char *asked = g_strdup_printf ("UPDATE referral SET question = 'x' WHERE request_id = %"
                                              G_GINT64_FORMAT, referred->id);
    const char *refused[] = { moved, described, asked,
                              /* why each step was taken (a question, a decision's reasons) */
                              "SELECT reason FROM audit" };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *state = try_sql (f, "researcher", refused[i]);

        if (!g_str_equal (state, "42501"))
          g_error ("%s as the researcher: %s, not refused", refused[i], *state != '\0' ? state : "done");
      }
  }
  /* The board is not told which requests were referred. */
  {
    g_autofree char *asks = g_strdup_printf ("SELECT rifq_referred (%" G_GINT64_FORMAT ")", referred->id);
    g_autofree char *state = try_sql (f, "board", asks);

    g_assert_cmpstr (state, ==, "42501");
  }
  /* Nothing the researcher did in Rifq was refused on the way (the request's seal asked too). */
  g_assert_cmpint (rifq_seal_check_request (researcher, referred->id, NULL, NULL), ==, RIFQ_SEAL_STATE_NONE);
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM audit WHERE action = 'refuse'"
                                              " AND actor = 'researcher'"), ==, 1);

  /* Nor changes a request not referred: no row of it is theirs to see. */
  sql = g_strdup_printf ("UPDATE request SET updated_at = 'x' WHERE id = %" G_GINT64_FORMAT, unreferred->id);
  changed = try_sql (f, "researcher", sql);
  g_assert_cmpstr (changed, ==, "");
  g_assert_cmpint (rifq_test_count (f->owner, "SELECT count(*) FROM request WHERE updated_at = 'x'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Server, NULL, server_set_up, func, server_tear_down)
  ADD ("/server-roles/login/as-own-role", test_login_as_own_role);
  ADD ("/server-roles/login/nothing-read-before", test_nothing_read_before_login);
  ADD ("/server-roles/login/refused-wrong-password-or-name", test_login_refused_wrong_password);
  ADD ("/server-roles/login/refused-once-inactive", test_login_refused_when_left_staff);
  ADD ("/server-roles/login/powerful-role-never-taken-over", test_login_refused_to_the_owners_name);
  ADD ("/server-roles/login/log-out-ends-the-session", test_log_out_ends_the_session);
  ADD ("/server-roles/password/change-own", test_change_own_password);
  ADD ("/server-roles/password/admin-resets-and-adds", test_admin_resets_and_adds);
  ADD ("/server-roles/psql/board-reads-no-records", test_psql_board_reads_no_records);
  ADD ("/server-roles/psql/audit-append-only-as-oneself", test_psql_audit_append_only_as_oneself);
  ADD ("/server-roles/psql/no-more-than-the-role", test_psql_no_more_than_the_role);
  ADD ("/server-roles/psql/password-only-as-verifier", test_psql_password_only_as_verifier);
  ADD ("/server-roles/psql/only-own-database", test_psql_only_own_database);
  ADD ("/server-roles/rifq/claiming-another-name-refused", test_claiming_another_name_refused);
  ADD ("/server-roles/rifq/request-through-the-committee", test_request_through_the_committee);
  ADD ("/server-roles/rifq/backup-by-the-administrator", test_backup_by_the_administrator);
  ADD ("/server-roles/login/hand-made-role-asked-who", test_hand_made_role_asked_who);
  ADD ("/server-roles/staff/administrator-edits-own-entry", test_administrator_edits_own_entry);
  ADD ("/server-roles/rifq/demo-by-an-administrator-alone", test_demo_by_an_administrator_alone);
  ADD ("/server-roles/login/empty-password-never-from-a-file", test_empty_password_never_from_a_file);
  ADD ("/server-roles/psql/researcher-reads-only-referred", test_researcher_reads_only_referred);
#undef ADD

  return g_test_run ();
}
