/* rifq-account.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-account"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "rifq-account.h"
#include "rifq-db-private.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-permission.h"
#include "rifq-staff.h"
#include "rifq-statement.h"
#include "rifq-validate.h"

/* argon2id at 3 passes over 96 MiB: 0.30 s to hash or to check on this project's reference
 * machine (2 cores, Debian 12's libsodium 1.0.18), measured against 0.20 s for 64 MiB and
 * 0.43 s for 128 MiB; slow enough that a copied database's hashes cost a guesser 0.3 s a try
 * on such a machine, quick enough that a login stays under the half second asked of it. The
 * cost is stored in each hash: a hash of another cost is made again at its owner's next login. */
#define HASH_OPSLIMIT 3
#define HASH_MEMLIMIT (96 * 1024 * 1024)

/* A hash of a password nobody has, at the same cost: an unknown user name takes as long to
 * refuse as a wrong password, and does not say that the name is not staff. */
static const char no_account_hash[crypto_pwhash_STRBYTES] =
  "$argon2id$v=19$m=98304,t=3,p=1$OmBeI+L+/WLXVe2SvUZW8g$epHZR+BJf6eoBc6uOv7QnOBUgJaBg4EXVRoLGy6OMgI";

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The cryptography library could not start."));
      return FALSE;
    }
  return TRUE;
}

gboolean
rifq_account_check_password (const char  *username,
                             const char  *password,
                             GError     **error)
{
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_password = NULL;

  if (password == NULL || !g_utf8_validate (password, -1, NULL) ||
      g_utf8_strlen (password, -1) < RIFQ_ACCOUNT_PASSWORD_MIN)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "Password: at least %d character.",
                                "Password: at least %d characters.", RIFQ_ACCOUNT_PASSWORD_MIN),
                   RIFQ_ACCOUNT_PASSWORD_MIN);
      return FALSE;
    }
  if (strlen (password) > 1024)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Password: at most 1024 bytes."));
      return FALSE;
    }
  folded_name = g_utf8_casefold (username != NULL ? username : "", -1);
  folded_password = g_utf8_casefold (password, -1);
  if (g_str_equal (folded_name, folded_password))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Password: it may not be the user name."));
      return FALSE;
    }
  return TRUE;
}

static char *
hash_password (const char  *password,
               GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password), HASH_OPSLIMIT, HASH_MEMLIMIT) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("The password could not be protected: the computer is short of memory."));
      return NULL;
    }
  return g_strdup (hash);
}

static gboolean
password_matches (const char *hash,
                  const char *password)
{
  /* libsodium reads a hash from a buffer of its full size. */
  char stored[crypto_pwhash_STRBYTES] = { 0 };

  if (sodium_init () < 0 || password == NULL || strlen (hash) >= sizeof stored)
    return FALSE;
  memcpy (stored, hash, strlen (hash));
  return crypto_pwhash_str_verify (stored, password, strlen (password)) == 0;
}

/* Account events are of their own kind ("account"), apart from the staff's records whose trail
 * check compares with the staff table. */
#define ACCOUNT "account"

/* The actor of a refusal whose user name is no one's: not a user name (none starts with "-"),
 * so that what was typed, perhaps a password, is not kept. */
#define NO_ONE "-"

static JsonNode *
account_json (const char *username)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "username", username);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Runs func as username: the audit entries of a login, or of setting an account up, are
 * theirs. The actor is left as it was. */
static gboolean
write_as (RifqDb          *db,
          const char      *username,
          RifqDbWriteFunc  func,
          gpointer         user_data,
          GError         **error)
{
  g_autofree char *before = g_strdup (rifq_db_get_actor (db));
  gboolean ok;

  rifq_db_set_actor (db, username);
  ok = _rifq_db_write_through (db, func, user_data, error);
  rifq_db_set_actor (db, before);
  return ok;
}

gboolean
rifq_account_server_asks (RifqDb *db)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  return _rifq_db_needs_server_login (db);
}

int
rifq_account_setup (RifqDb  *db,
                    GError **error)
{
  gint64 with_password, account_entries;
  int state;

  g_return_val_if_fail (RIFQ_IS_DB (db), -1);

  /* A server that asks who is connecting: its people log in as its roles, set up there. */
  if (_rifq_db_needs_server_login (db))
    return RIFQ_ACCOUNT_SETUP_READY;
  /* Opened read only at an older schema: no accounts to read yet. */
  if (rifq_db_get_schema_version (db) < RIFQ_SCHEMA_VERSION)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE,
                   _("“%s” is at schema %d: bring it up to date with “rifq-admin init” first (schema %d)."),
                   rifq_db_get_path (db), rifq_db_get_schema_version (db), RIFQ_SCHEMA_VERSION);
      return -1;
    }
  state = _rifq_staff_first_state (db, error);
  if (state < 0)
    return -1;
  if (state == 1)
    return RIFQ_ACCOUNT_SETUP_NEW;
  if (!rifq_db_query_int (db, "SELECT count(*) FROM staff WHERE password_hash IS NOT NULL AND active = 1",
                          RIFQ_NO_PARAMS, &with_password, NULL, error))
    return -1;
  if (with_password > 0)
    return RIFQ_ACCOUNT_SETUP_READY;
  /* Nobody has a password. A database of before accounts has no entry of one in its audit log;
   * one whose passwords were removed behind Rifq's back does, and nobody sets theirs again by
   * opening it. */
  if (!rifq_db_query_int (db, "SELECT count(*) FROM audit WHERE record_kind = 'account'", RIFQ_NO_PARAMS,
                          &account_entries, NULL, error))
    return -1;
  if (account_entries > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("“%s” has accounts but none with a password: they were removed outside Rifq, and nobody "
                     "becomes its administrator by opening it. Restore the database from a backup."),
                   rifq_db_get_path (db));
      return -1;
    }
  return RIFQ_ACCOUNT_SETUP_UPGRADE;
}

typedef struct
{
  const char *username;
  const char *hash;
  const char *password;     /* for the server's role */
  const char *reason;       /* the audit entry's */
  gboolean    only_if_none; /* setting up a database of before accounts */
  gboolean    unlock;
} PasswordJob;

static gboolean
store_password_cb (RifqDb      *db,
                   RifqDbWrite *write,
                   gpointer     user_data,
                   GError     **error)
{
  PasswordJob *job = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  gint64 others;

  if (job->only_if_none)
    {
      /* Another workstation set theirs up meanwhile. */
      if (!rifq_db_query_int (db, "SELECT count(*) FROM staff WHERE password_hash IS NOT NULL", RIFQ_NO_PARAMS,
                              &others, NULL, error))
        return FALSE;
      if (others > 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                       _("This database has been set up meanwhile: log in."));
          return FALSE;
        }
    }
  /* Logged in as a role of the server's own, the server keeps the password (the hash kept from
   * before is cleared there); otherwise the hash, and on a server the role's password too. */
  if (!_rifq_db_server_person (db) &&
      !rifq_db_execute (db, job->unlock
                              ? "UPDATE staff SET password_hash = ?1, password_set_at = ?2, failed_logins = 0,"
                                " locked_until = 0 WHERE username = ?3"
                              : "UPDATE staff SET password_hash = ?1, password_set_at = ?2 WHERE username = ?3",
                        RIFQ_PARAMS (RIFQ_TEXT (job->hash), RIFQ_TEXT (stamp), RIFQ_TEXT (job->username)), error))
    return FALSE;
  if (!_rifq_db_set_server_password (db, job->username, job->password, job->hash, error))
    return FALSE;
  rifq_db_write_audit_take (write, "password", ACCOUNT, 0, NULL, account_json (job->username), job->reason);
  return TRUE;
}

gboolean
rifq_account_set_up (RifqDb     *db,
                     const char *username,
                     const char *full_name,
                     const char *password,
                     GError    **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  int setup;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (!rifq_validate_text (username, RIFQ_TEXT_USER_NAME, _("User name"), error) ||
      !rifq_account_check_password (username, password, error))
    return FALSE;
  setup = rifq_account_setup (db, error);
  if (setup < 0)
    return FALSE;
  if (setup == RIFQ_ACCOUNT_SETUP_READY)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("“%s” is set up already: log in, or ask an administrator for an account."),
                   rifq_db_get_path (db));
      return FALSE;
    }
  if (setup == RIFQ_ACCOUNT_SETUP_UPGRADE)
    {
      g_autoptr(RifqStaff) staff = rifq_staff_get (db, username, NULL);

      if (staff == NULL || (staff->roles & RIFQ_ROLE_ADMIN) == 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                       _("“%s” is not an administrator of this database: one of its administrators sets their "
                         "password first."), username);
          return FALSE;
        }
    }

  hash = hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  if (setup == RIFQ_ACCOUNT_SETUP_NEW)
    {
      name = g_strstrip (g_strdup (full_name != NULL ? full_name : ""));
      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup (username);
        }
      rifq_db_set_actor (db, username);
      if (!_rifq_staff_add_first (db, username, name, hash, password, error))
        {
          rifq_db_set_actor (db, NULL);
          return FALSE;
        }
    }
  else
    {
      PasswordJob job = { username, hash, password, "set up", TRUE, TRUE };

      if (!write_as (db, username, store_password_cb, &job, error))
        return FALSE;
      rifq_db_set_actor (db, username);
    }
  return TRUE;
}

typedef struct
{
  const char *username;      /* NULL: a name that is no one's */
  gint64      now;
  gboolean    right;         /* the password was theirs */
  const char *old_hash;      /* the hash it was checked against */
  const char *new_hash;      /* theirs again at today's cost, or NULL */
  gint64      locked_until;  /* out */
} LoginJob;

/* A wrong password counted: the count starts again once a lock has run out, and reaching
 * RIFQ_ACCOUNT_ATTEMPTS locks the account. Counted in the database, not read back and written:
 * two wrong passwords at once count two. */
static gboolean
count_wrong (RifqDb      *db,
             const char  *username,
             gint64       now,
             GError     **error)
{
  return rifq_db_execute (db, "UPDATE staff SET"
                              " failed_logins = CASE WHEN locked_until > 0 AND locked_until <= ?3 THEN 1"
                              "                      ELSE failed_logins + 1 END,"
                              " locked_until = CASE WHEN (CASE WHEN locked_until > 0 AND locked_until <= ?3 THEN 1"
                              "                                ELSE failed_logins + 1 END) >= ?2 THEN ?4"
                              "                     WHEN locked_until <= ?3 THEN 0 ELSE locked_until END"
                              " WHERE username = ?1",
                          RIFQ_PARAMS (RIFQ_TEXT (username), RIFQ_INT (RIFQ_ACCOUNT_ATTEMPTS), RIFQ_INT (now),
                                       RIFQ_INT (now + RIFQ_ACCOUNT_LOCK_SECONDS)), error);
}

/* An active member's account in one statement: their password's hash (when out_hash is given;
 * NULL while they have none), their wrong passwords in a row and the end of their lock.
 * *out_known FALSE when there is no such member; FALSE when it cannot be read. */
static gboolean
read_account (RifqDb      *db,
              const char  *username,
              char       **out_hash,
              gint64      *out_failures,
              gint64      *out_locked_until,
              gboolean    *out_known,
              GError     **error)
{
  RifqStatement *stmt;
  RifqStep step;

  *out_known = FALSE;
  stmt = rifq_db_query (db, "SELECT failed_logins, locked_until, password_hash FROM staff"
                            " WHERE username = ? AND active = 1", RIFQ_PARAMS (RIFQ_TEXT (username)), error);
  if (stmt == NULL)
    return FALSE;
  if ((step = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      *out_known = TRUE;
      *out_failures = rifq_statement_get_int64 (stmt, 0);
      *out_locked_until = rifq_statement_get_int64 (stmt, 1);
      if (out_hash != NULL)
        *out_hash = rifq_statement_dup_text (stmt, 2);
    }
  rifq_statement_reset (stmt);
  return step == RIFQ_STEP_ROW || step == RIFQ_STEP_DONE || rifq_db_fail (db, error);
}

static gboolean
read_lock (RifqDb      *db,
           const char  *username,
           gint64      *out_failures,
           gint64      *out_locked_until,
           gboolean    *out_known,
           GError     **error)
{
  return read_account (db, username, NULL, out_failures, out_locked_until, out_known, error);
}

/* An active member's password's hash; NULL with no error when there is none. */
static char *
read_hash (RifqDb      *db,
           const char  *username,
           GError     **error)
{
  char *hash = NULL;
  gint64 failures, locked_until;
  gboolean known;

  read_account (db, username, &hash, &failures, &locked_until, &known, error);
  return hash;
}

static gboolean
login_cb (RifqDb      *db,
          RifqDbWrite *write,
          gpointer     user_data,
          GError     **error)
{
  LoginJob *job = user_data;
  gint64 failures = 0;
  gboolean known = FALSE;

  if (job->username == NULL)
    {
      rifq_db_write_audit_take (write, "login-refused", ACCOUNT, 0, NULL, NULL, "unknown user name");
      return TRUE;
    }
  if (!read_lock (db, job->username, &failures, &job->locked_until, &known, error))
    return FALSE;
  /* Locked, as read under the write's lock: refused whatever the password, and kept. */
  if (known && job->locked_until > job->now)
    {
      job->right = FALSE;
      rifq_db_write_audit_take (write, "login-refused", ACCOUNT, 0, NULL, account_json (job->username), "locked");
      return TRUE;
    }
  if (known && job->right)
    {
      job->locked_until = 0;
      if (!rifq_db_execute (db, "UPDATE staff SET failed_logins = 0, locked_until = 0 WHERE username = ?",
                            RIFQ_PARAMS (RIFQ_TEXT (job->username)), error) ||
          /* Not over a password an administrator set meanwhile. */
          (job->new_hash != NULL &&
           !rifq_db_execute (db, "UPDATE staff SET password_hash = ? WHERE username = ? AND password_hash = ?",
                             RIFQ_PARAMS (RIFQ_TEXT (job->new_hash), RIFQ_TEXT (job->username),
                                          RIFQ_TEXT (job->old_hash)), error)))
        return FALSE;
      rifq_db_write_audit_take (write, "login", ACCOUNT, 0, NULL, account_json (job->username), NULL);
      return TRUE;
    }
  if (known)
    {
      if (!count_wrong (db, job->username, job->now, error) ||
          !read_lock (db, job->username, &failures, &job->locked_until, &known, error))
        return FALSE;
    }
  rifq_db_write_audit_take (write, "login-refused", ACCOUNT, 0, NULL, account_json (job->username),
                            "wrong password");
  return TRUE;
}

static void
set_locked_error (GError     **error,
                  const char  *username,
                  gint64       until)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (until);
  g_autofree char *time = g_date_time_format (at, "%H:%M");

  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            "The account “%s” is locked after %d wrong password in a row: try again after %s, or ask "
                            "an administrator to set a new password.",
                            "The account “%s” is locked after %d wrong passwords in a row: try again after %s, or ask "
                            "an administrator to set a new password.", RIFQ_ACCOUNT_ATTEMPTS),
               username, RIFQ_ACCOUNT_ATTEMPTS, time);
}

/* The moment a lock is read against: the caller's, or the server's when that is earlier (a
 * workstation's clock set forward does not end a lock sooner). */
static gint64
lock_clock (RifqDb *db,
            gint64  now)
{
  gint64 server_now = 0;

  if (rifq_db_is_server_location (rifq_db_get_path (db)) &&
      rifq_db_query_int (db, "SELECT CAST (extract (epoch FROM now ()) AS bigint)", RIFQ_NO_PARAMS, &server_now,
                         NULL, NULL) &&
      server_now > 0)
    return MIN (now, server_now);
  return now;
}

/* A login in three parts: what is read first, the password's check (a third of a second of
 * argon2id that touches no database, so that it may run in a thread of its own), and what is
 * read again and written after. */
typedef struct
{
  char     *username;
  char     *password;      /* wiped when freed */
  char     *hash;          /* NULL: no such member, or no password yet */
  gint64    now;
  gboolean  valid_name;    /* could be someone's; nothing is kept of one that could not */
  gboolean  known;
  gint64    locked_until;
  gboolean  right;
  char     *new_hash;      /* theirs again at today's cost */
  RifqDb   *server;        /* a server that asks who is connecting: it checks the password */
  RifqServerLogin *connected;  /* the connection as their role, made in the thread */
  GError   *server_error;
} Login;

static void
login_free (Login *login)
{
  g_free (login->username);
  if (login->password != NULL)
    {
      sodium_memzero (login->password, strlen (login->password));
      g_free (login->password);
    }
  g_free (login->hash);
  g_free (login->new_hash);
  if (login->connected != NULL)
    _rifq_server_login_free (login->server, login->connected);
  g_clear_object (&login->server);
  g_clear_error (&login->server_error);
  g_free (login);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Login, login_free)

static Login *
login_prepare (RifqDb      *db,
               const char  *username,
               const char  *password,
               gint64       now,
               GError     **error)
{
  g_autoptr(Login) login = g_new0 (Login, 1);
  gint64 failures = 0;
  int setup;

  rifq_db_set_actor (db, NULL);
  if (!ensure_sodium (error))
    return NULL;
  setup = rifq_account_setup (db, error);
  if (setup < 0)
    return NULL;
  if (setup != RIFQ_ACCOUNT_SETUP_READY)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN,
                   _("“%s” has no accounts yet: its first administrator sets it up before anyone logs in."),
                   rifq_db_get_path (db));
      return NULL;
    }
  /* A wrong password that could not be counted would be a free guess. */
  if (!_rifq_db_audit_writable (db, error))
    return NULL;
  login->now = lock_clock (db, now);
  login->username = g_strdup (username);
  login->password = g_strdup (password != NULL ? password : "");
  login->valid_name = username != NULL && rifq_validate_text (username, RIFQ_TEXT_USER_NAME, _("User name"), NULL);
  if (login->valid_name)
    {
      if (!read_account (db, username, &login->hash, &failures, &login->locked_until, &login->known, error))
        return NULL;
    }
  return g_steal_pointer (&login);
}

/* The password against the hash read; in any thread. A locked account is not checked. */
static void
login_check (Login *login)
{
  if (login->locked_until > login->now)
    return;
  login->right = password_matches (login->hash != NULL ? login->hash : no_account_hash, login->password) &&
                 login->hash != NULL;
  if (login->right)
    {
      char stored[crypto_pwhash_STRBYTES] = { 0 };

      memcpy (stored, login->hash, strlen (login->hash));
      if (crypto_pwhash_str_needs_rehash (stored, HASH_OPSLIMIT, HASH_MEMLIMIT) > 0)
        login->new_hash = hash_password (login->password, NULL);
    }
}

static gboolean
login_finish (RifqDb   *db,
              Login    *login,
              GError  **error)
{
  LoginJob job = { login->known ? login->username : NULL, login->now, login->right, login->hash, login->new_hash, 0 };
  gint64 failures = 0, locked_until = 0;
  gboolean known = FALSE;

  if (!login->valid_name)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("The user name or the password is wrong."));
      return FALSE;
    }
  if (login->right)
    {
      /* Nothing to write of a login with no wrong password before it, nor during its check (read
       * again: guesses made at the same moment are counted as they end). */
      if (!read_lock (db, login->username, &failures, &locked_until, &known, error))
        return FALSE;
      if (known && failures == 0 && locked_until <= login->now && login->new_hash == NULL)
        {
          rifq_db_set_actor (db, login->username);
          return TRUE;
        }
    }

  if (!write_as (db, job.username != NULL ? job.username : NO_ONE, login_cb, &job, error))
    return FALSE;
  if (job.locked_until > login->now)
    {
      set_locked_error (error, login->username, job.locked_until);
      return FALSE;
    }
  if (!job.right)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("The user name or the password is wrong."));
      return FALSE;
    }
  rifq_db_set_actor (db, login->username);
  return TRUE;
}

gboolean
rifq_account_login (RifqDb     *db,
                    const char *username,
                    const char *password,
                    gint64      now,
                    GError    **error)
{
  g_autoptr(Login) login = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  /* On a server that asks who is connecting, the server checks the password (SCRAM-SHA-256). */
  if (_rifq_db_needs_server_login (db))
    {
      if (!_rifq_db_log_in_as (db, username, password, error))
        return FALSE;
      _rifq_db_watch_if_wanted (db);
      return TRUE;
    }
  login = login_prepare (db, username, password, now, error);
  if (login == NULL)
    return FALSE;
  login_check (login);
  return login_finish (db, login, error);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Login *login = task_data;

  /* Only the connection here: the database takes it in the main thread. */
  if (login->server != NULL)
    login->connected = _rifq_db_server_connect (login->server, login->username, login->password,
                                                &login->server_error);
  else
    login_check (login);
  g_task_return_boolean (task, TRUE);
}

void
rifq_account_login_async (RifqDb              *db,
                          const char          *username,
                          const char          *password,
                          gint64               now,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Login *login;

  g_return_if_fail (RIFQ_IS_DB (db));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, rifq_account_login_async);
  if (_rifq_db_needs_server_login (db))
    {
      login = g_new0 (Login, 1);
      login->server = g_object_ref (db);
      login->username = g_strdup (username);
      login->password = g_strdup (password != NULL ? password : "");
      g_task_set_task_data (task, login, (GDestroyNotify) login_free);
      g_task_run_in_thread (task, check_in_thread);
      return;
    }
  login = login_prepare (db, username, password, now, &error);
  if (login == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, login, (GDestroyNotify) login_free);
  g_task_run_in_thread (task, check_in_thread);
}

gboolean
rifq_account_login_finish (RifqDb        *db,
                           GAsyncResult  *result,
                           GError       **error)
{
  GTask *task = G_TASK (result);
  Login *login;

  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  login = g_task_get_task_data (task);
  if (login->server != NULL)
    {
      if (login->connected == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&login->server_error));
          return FALSE;
        }
      if (!_rifq_db_server_adopt (db, g_steal_pointer (&login->connected), error))
        return FALSE;
      _rifq_db_watch_if_wanted (db);
      return TRUE;
    }
  return login_finish (db, login, error);
}

gboolean
rifq_account_verify (RifqDb     *db,
                     const char *username,
                     const char *password,
                     GError    **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (!ensure_sodium (error))
    return FALSE;
  hash = read_hash (db, username, NULL);
  if (!password_matches (hash != NULL ? hash : no_account_hash, password) || hash == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("The user name or the password is wrong."));
      return FALSE;
    }
  return TRUE;
}

void
rifq_account_logout (RifqDb *db)
{
  g_return_if_fail (RIFQ_IS_DB (db));
  /* On a server, the session as that person's role ends with it. */
  _rifq_db_log_out_server (db);
  rifq_db_set_actor (db, NULL);
}

static gboolean
wrong_current_cb (RifqDb      *db,
                  RifqDbWrite *write,
                  gpointer     user_data,
                  GError     **error)
{
  LoginJob *job = user_data;

  if (!count_wrong (db, job->username, job->now, error))
    return FALSE;
  rifq_db_write_audit_take (write, "login-refused", ACCOUNT, 0, NULL, account_json (job->username),
                            "wrong current password");
  return TRUE;
}

gboolean
rifq_account_change_password (RifqDb     *db,
                              const char *current,
                              const char *password,
                              GError    **error)
{
  const char *username;
  g_autofree char *hash = NULL;
  g_autofree char *new_hash = NULL;
  g_autoptr(GError) read_error = NULL;
  PasswordJob job = { NULL, NULL, password, "changed by its owner", FALSE, FALSE };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  username = rifq_db_get_actor (db);
  if (username == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("Nobody has logged in."));
      return FALSE;
    }
  if (!rifq_account_check_password (username, password, error))
    return FALSE;
  /* As a role of the server's own, the server checks the current one, as at the login; on a
   * desk (or the owner's session), its hash. */
  if (_rifq_db_server_person (db))
    {
      if (!_rifq_db_check_server_password (db, username, current, error))
        return FALSE;
    }
  else
    {
      hash = read_hash (db, username, &read_error);
      if (read_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      if (hash == NULL || !password_matches (hash, current))
        {
          LoginJob wrong = { username, lock_clock (db, g_get_real_time () / G_USEC_PER_SEC), FALSE, NULL, NULL, 0 };

          /* Counted as at the login: an unattended session does not guess on without end. */
          if (!rifq_db_write (db, wrong_current_cb, &wrong, error))
            return FALSE;
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("Current password: it is not yours."));
          return FALSE;
        }
    }
  new_hash = hash_password (password, error);
  if (new_hash == NULL)
    return FALSE;
  job.username = username;
  job.hash = new_hash;
  if (!rifq_db_write (db, store_password_cb, &job, error))
    return FALSE;
  _rifq_db_server_password_changed (db, password);
  return TRUE;
}

static gboolean
reset_cb (RifqDb      *db,
          RifqDbWrite *write,
          gpointer     user_data,
          GError     **error)
{
  PasswordJob *job = user_data;
  g_autoptr(RifqStaff) staff = NULL;

  if (!rifq_permission_check (db, RIFQ_PERMISSION_PASSWORDS, error))
    return FALSE;
  staff = rifq_staff_get (db, job->username, error);
  if (staff == NULL)
    return FALSE;
  return store_password_cb (db, write, job, error);
}

gboolean
rifq_account_reset_password (RifqDb     *db,
                             const char *username,
                             const char *password,
                             GError    **error)
{
  g_autofree char *hash = NULL;
  PasswordJob job = { username, NULL, password, "set by an administrator", FALSE, TRUE };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  /* Refused before the cost of hashing, and again inside the write. */
  if (!rifq_permission_check (db, RIFQ_PERMISSION_PASSWORDS, error) ||
      !rifq_account_check_password (username, password, error))
    return FALSE;
  /* One's own is changed giving the current one: a session left open does not take the account. */
  if (g_strcmp0 (username, rifq_db_get_actor (db)) == 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Your own password is changed with Change Password, which asks for the current one."));
      return FALSE;
    }
  hash = hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  job.hash = hash;
  return rifq_db_write (db, reset_cb, &job, error);
}
