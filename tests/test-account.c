/* test-account.c: logging in, locking, passwords, and who sets a database up
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rifq-account.h"
#include "rifq-audit.h"
#include "rifq-db.h"
#include "rifq-error.h"
#include "rifq-permission.h"
#include "rifq-staff.h"

#include "rifq-test-util.h"

#define PASSWORD  "نخلة على الشاطئ ١٤٤٨"
#define OTHER     "another-password-9"
/* A moment in the tests' own time: the lock is read against it. */
#define NOW       G_GINT64_CONSTANT (1796000000)

/* A new database set up as its first administrator sets it up, then nobody logged in. */
static RifqDb *
set_up_db (char **out_location)
{
  RifqDb *db = rifq_test_db_new_empty (out_location);
  g_autoptr(GError) error = NULL;

  rifq_account_logout (db);
  g_assert_cmpint (rifq_account_setup (db, &error), ==, RIFQ_ACCOUNT_SETUP_NEW);
  g_assert_true (rifq_account_set_up (db, "admin", "مدير الجمعية", PASSWORD, &error));
  g_assert_no_error (error);
  return db;
}

/* A member with roles and a password given by the administrator; nobody logged in after. */
static void
add_member (RifqDb     *db,
            const char *username,
            RifqRole    roles)
{
  g_autoptr(GError) error = NULL;

  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_staff_save (db, username, username, roles, &error));
  g_assert_true (rifq_account_reset_password (db, username, PASSWORD, &error));
  g_assert_no_error (error);
  rifq_account_logout (db);
}

static char *
stored_hash (RifqDb     *db,
             const char *username)
{
  return rifq_db_query_text (db, "SELECT password_hash FROM staff WHERE username = ?",
                             RIFQ_PARAMS (RIFQ_TEXT (username)), NULL);
}

static void
test_set_up_new_database (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(RifqStaff) admin = NULL;
  g_autofree char *hash = stored_hash (db, "admin");
  g_autoptr(GError) error = NULL;

  /* Set up, they are logged in, and hold the first member's roles. */
  g_assert_cmpstr (rifq_db_get_actor (db), ==, "admin");
  admin = rifq_staff_get (db, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (admin->full_name, ==, "مدير الجمعية");
  g_assert_cmpint (admin->roles, ==, RIFQ_ROLE_DESK | RIFQ_ROLE_RESEARCHER | RIFQ_ROLE_ADMIN);
  /* The password is kept only as its argon2id hash, at the cost written down in README. */
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=98304,t=3,p=1$"));
  g_assert_null (strstr (hash, PASSWORD));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'password'"), ==, 1);
  g_assert_cmpint (rifq_account_setup (db, &error), ==, RIFQ_ACCOUNT_SETUP_READY);
}

static void
test_set_up_refused_once_set_up (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  gint64 entries = rifq_test_count (db, "SELECT count(*) FROM audit");

  rifq_account_logout (db);
  g_assert_false (rifq_account_set_up (db, "intruder", "دخيل", PASSWORD, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_null (rifq_db_get_actor (db));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff"), ==, 1);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, entries);
}

/* Emptying the staff table behind Rifq's back makes nobody its administrator. */
static void
test_set_up_refused_when_staff_emptied (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = set_up_db (&location);
  g_autoptr(GError) error = NULL;

  g_clear_object (&db);
  rifq_test_other_program_sql (location, "DELETE FROM staff_role; DELETE FROM staff;");
  db = rifq_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_account_setup (db, &error), ==, -1);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (rifq_account_set_up (db, "intruder", "دخيل", PASSWORD, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff"), ==, 0);
}

/* Nor does wiping the passwords: the log shows the database had them. */
static void
test_set_up_refused_when_passwords_wiped (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = set_up_db (&location);
  g_autoptr(GError) error = NULL;

  g_clear_object (&db);
  rifq_test_other_program_sql (location, "UPDATE staff SET password_hash = NULL");
  db = rifq_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_account_setup (db, &error), ==, -1);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (rifq_account_set_up (db, "admin", "مدير", OTHER, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff WHERE password_hash IS NOT NULL"), ==, 0);
}

/* A database of before accounts: one of its administrators sets their password, once; a desk
 * officer cannot. */
static void
test_set_up_database_of_before_accounts (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_staff_save (db, "desk1", "نورة", RIFQ_ROLE_DESK, &error));
  rifq_account_logout (db);
  g_assert_cmpint (rifq_account_setup (db, &error), ==, RIFQ_ACCOUNT_SETUP_UPGRADE);
  g_assert_false (rifq_account_set_up (db, "desk1", NULL, PASSWORD, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (rifq_db_get_actor (db));
  g_assert_true (rifq_account_set_up (db, "admin", NULL, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rifq_db_get_actor (db), ==, "admin");
  g_assert_cmpint (rifq_account_setup (db, &error), ==, RIFQ_ACCOUNT_SETUP_READY);
  rifq_account_logout (db);
  g_assert_false (rifq_account_set_up (db, "admin", NULL, OTHER, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
}

static void
test_login_right_password_writes_nothing (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  gint64 entries;

  rifq_account_logout (db);
  entries = rifq_test_count (db, "SELECT count(*) FROM audit");
  g_assert_true (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rifq_db_get_actor (db), ==, "admin");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, entries);
}

static void
test_login_wrong_password_refused_and_audited (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown = NULL;

  rifq_account_logout (db);
  g_assert_false (rifq_account_login (db, "admin", OTHER, NOW, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_assert_null (rifq_db_get_actor (db));
  g_assert_cmpint (rifq_test_count (db, "SELECT failed_logins FROM staff WHERE username = 'admin'"), ==, 1);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'login-refused'"
                                        " AND actor = 'admin' AND reason = 'wrong password'"), ==, 1);
  /* A name that is not staff is refused in the same words: they do not tell who is. */
  g_assert_false (rifq_account_login (db, "khalid", PASSWORD, NOW, &unknown));
  g_assert_error (unknown, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_assert_cmpstr (unknown->message, ==, error->message);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'login-refused'"
                                        " AND actor = '-' AND reason = 'unknown user name'"), ==, 1);
  /* Nor does a password that is someone else's open their account. */
  g_clear_error (&unknown);
  g_assert_false (rifq_account_login (db, "admin", "", NOW, &unknown));
  g_assert_error (unknown, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
}

/* Five wrong passwords in a row lock the account for fifteen minutes, the right one included;
 * closing the program and opening it again does not lift it. */
static void
test_login_locked_after_five_wrong (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = set_up_db (&location);
  g_autoptr(GError) error = NULL;

  add_member (db, "desk1", RIFQ_ROLE_DESK);
  for (guint i = 1; i <= RIFQ_ACCOUNT_ATTEMPTS; i++)
    {
      g_assert_false (rifq_account_login (db, "desk1", OTHER, NOW + i, &error));
      if (i < RIFQ_ACCOUNT_ATTEMPTS)
        g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
      else
        g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOCKED);
      g_clear_error (&error);
    }
  g_assert_false (rifq_account_login (db, "desk1", PASSWORD, NOW + 60, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "desk1"));
  g_clear_error (&error);
  g_assert_null (rifq_db_get_actor (db));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'login-refused'"
                                        " AND reason = 'locked'"), ==, 1);

  g_clear_object (&db);
  db = rifq_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_false (rifq_account_login (db, "desk1", PASSWORD, NOW + 14 * 60, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOCKED);
  g_clear_error (&error);
  /* Others are not locked with them. */
  g_assert_true (rifq_account_login (db, "admin", PASSWORD, NOW + 14 * 60, &error));
  rifq_account_logout (db);

  /* Fifteen minutes after the fifth: the right password opens it, and the count starts again. */
  g_assert_true (rifq_account_login (db, "desk1", PASSWORD, NOW + RIFQ_ACCOUNT_ATTEMPTS + RIFQ_ACCOUNT_LOCK_SECONDS + 1,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT failed_logins FROM staff WHERE username = 'desk1'"), ==, 0);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'login' AND actor = 'desk1'"), ==, 1);
}

/* A right password between wrong ones starts the count again: five in a row lock, not five. */
static void
test_login_right_password_resets_count (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;

  rifq_account_logout (db);
  for (guint i = 0; i < RIFQ_ACCOUNT_ATTEMPTS - 1; i++)
    {
      g_assert_false (rifq_account_login (db, "admin", OTHER, NOW, &error));
      g_clear_error (&error);
    }
  g_assert_true (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
  rifq_account_logout (db);
  g_assert_false (rifq_account_login (db, "admin", OTHER, NOW, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_true (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
}

/* With nobody logged in nothing is written, nor read through a permission. */
static void
test_nobody_logged_in_refused (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  gint64 entries;

  rifq_account_logout (db);
  entries = rifq_test_count (db, "SELECT count(*) FROM audit");
  g_assert_false (rifq_staff_save (db, "desk1", "نورة", RIFQ_ROLE_DESK, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_false (rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_false (rifq_account_change_password (db, PASSWORD, OTHER, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff"), ==, 1);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, entries);
}

static void
test_change_password_needs_current (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = stored_hash (db, "admin");
  g_autofree char *after = NULL;

  g_assert_false (rifq_account_change_password (db, OTHER, "a-new-password", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  after = stored_hash (db, "admin");
  g_assert_cmpstr (after, ==, before);

  g_assert_true (rifq_account_change_password (db, PASSWORD, "a-new-password", &error));
  g_assert_no_error (error);
  rifq_account_logout (db);
  g_assert_false (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
  g_clear_error (&error);
  g_assert_true (rifq_account_login (db, "admin", "a-new-password", NOW, &error));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'password' AND actor = 'admin'"
                                        " AND reason = 'changed by its owner'"), ==, 1);
}

/* Too short, or the user name: named, and nothing written. */
static void
test_weak_password_refused (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = stored_hash (db, "admin");
  g_autofree char *after = NULL;
  gint64 entries = rifq_test_count (db, "SELECT count(*) FROM audit");
  const char *weak[] = { "short", "ADMIN", "١٢٣٤٥٦٧", NULL };

  for (guint i = 0; weak[i] != NULL; i++)
    {
      g_assert_false (rifq_account_change_password (db, PASSWORD, weak[i], &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Password"));
      g_clear_error (&error);
    }
  /* Eight Arabic letters are eight characters, not sixteen bytes' worth of a shorter one. */
  g_assert_true (rifq_account_check_password ("admin", "كلمةسرية", &error));
  g_assert_no_error (error);
  after = stored_hash (db, "admin");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, entries);
}

/* Only an administrator sets another's password; doing so unlocks them. */
static void
test_reset_password_administrators_only (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_member (db, "desk1", RIFQ_ROLE_DESK);
  add_member (db, "desk2", RIFQ_ROLE_DESK);
  before = stored_hash (db, "desk2");
  g_assert_true (rifq_account_login (db, "desk1", PASSWORD, NOW, &error));
  g_assert_false (rifq_account_reset_password (db, "desk2", OTHER, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  after = stored_hash (db, "desk2");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'refuse'"
                                        " AND actor = 'desk1' AND after_json LIKE '%\"passwords\"%'"), ==, 1);
  rifq_account_logout (db);

  for (guint i = 0; i < RIFQ_ACCOUNT_ATTEMPTS; i++)
    {
      g_assert_false (rifq_account_login (db, "desk2", OTHER, NOW, &error));
      g_clear_error (&error);
    }
  g_assert_true (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
  g_assert_true (rifq_account_reset_password (db, "desk2", OTHER, &error));
  g_assert_no_error (error);
  rifq_account_logout (db);
  g_assert_true (rifq_account_login (db, "desk2", OTHER, NOW + 1, &error));
  g_assert_no_error (error);
}

/* A hash of a lower cost (an older Rifq's, or one put there behind its back) is made again at
 * Rifq's at its owner's next login. */
static void
test_login_rehashes_cheaper_hash (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = set_up_db (&location);
  g_autoptr(GError) error = NULL;
  char cheap[crypto_pwhash_STRBYTES];
  g_autofree char *sql = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_pwhash_str (cheap, PASSWORD, strlen (PASSWORD), crypto_pwhash_OPSLIMIT_MIN,
                                      crypto_pwhash_MEMLIMIT_MIN), ==, 0);
  sql = g_strdup_printf ("UPDATE staff SET password_hash = '%s' WHERE username = 'admin'", cheap);
  g_clear_object (&db);
  rifq_test_other_program_sql (location, sql);
  db = rifq_db_open (location, &error);
  g_assert_true (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
  g_assert_no_error (error);
  after = stored_hash (db, "admin");
  g_assert_true (g_str_has_prefix (after, "$argon2id$v=19$m=98304,t=3,p=1$"));
}


/* A name that is no one's is refused and kept without the name (it may be a password typed in
 * the wrong box), and `check` finds nothing amiss with the staff for it. */
static void
test_login_unknown_name_kept_without_it (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint changed = 0;

  rifq_account_logout (db);
  g_assert_false (rifq_account_login (db, "MySecret2026", PASSWORD, NOW, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'login-refused' AND actor = '-'"
                                        " AND after_json IS NULL AND reason = 'unknown user name'"), ==, 1);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE actor LIKE '%MySecret%'"
                                        " OR after_json LIKE '%MySecret%'"), ==, 0);
  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_audit_check_records (db, 1, &problems, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);
}

/* Once a lock has run out, one more wrong password does not lock the account again: the count
 * starts over. */
static void
test_login_count_starts_again_after_lock (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;
  gint64 later = NOW + RIFQ_ACCOUNT_LOCK_SECONDS + 60;

  rifq_account_logout (db);
  for (guint i = 0; i < RIFQ_ACCOUNT_ATTEMPTS; i++)
    {
      g_assert_false (rifq_account_login (db, "admin", OTHER, NOW, &error));
      g_clear_error (&error);
    }
  g_assert_false (rifq_account_login (db, "admin", OTHER, later, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_true (rifq_account_login (db, "admin", PASSWORD, later + 1, &error));
  g_assert_no_error (error);
}

/* Before a database is set up nobody logs in, and the attempt leaves nothing that would stop
 * its administrator setting it up. */
static void
test_login_refused_before_set_up (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
  g_autoptr(GError) error = NULL;

  rifq_account_logout (db);
  g_assert_false (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, 0);
  g_assert_cmpint (rifq_account_setup (db, &error), ==, RIFQ_ACCOUNT_SETUP_NEW);
  g_assert_true (rifq_account_set_up (db, "admin", NULL, PASSWORD, &error));
}

/* A workstation that cannot write the audit log (its key gone) lets nobody log in: a wrong
 * password could not be counted. */
static void
test_login_refused_without_audit_key (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = set_up_db (&location);
  g_autoptr(GError) error = NULL;
  g_autofree char *key_id = rifq_db_query_text (db, "SELECT key_id FROM chain_key", RIFQ_NO_PARAMS, NULL);
  g_autofree char *key = rifq_db_key_path (key_id, ".audit-key");

  g_clear_object (&db);
  g_assert_cmpint (g_unlink (key), ==, 0);
  db = rifq_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_false (rifq_account_login (db, "admin", OTHER, NOW, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (rifq_account_login (db, "admin", PASSWORD, NOW, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_null (rifq_db_get_actor (db));
}

/* An administrator's session left open does not take their account: their own password is
 * changed only with the current one, and wrong current ones count towards the lock. */
static void
test_own_password_needs_current_and_counts (void)
{
  g_autoptr(RifqDb) db = set_up_db (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (rifq_account_reset_password (db, "admin", OTHER, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  for (guint i = 0; i < RIFQ_ACCOUNT_ATTEMPTS; i++)
    {
      g_assert_false (rifq_account_change_password (db, OTHER, "a-new-password", &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN);
      g_clear_error (&error);
    }
  rifq_account_logout (db);
  g_assert_false (rifq_account_login (db, "admin", PASSWORD, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_LOCKED);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/account/set-up/new-database-gets-its-administrator", test_set_up_new_database);
  g_test_add_func ("/account/set-up/refused-once-set-up", test_set_up_refused_once_set_up);
  g_test_add_func ("/account/set-up/refused-when-staff-emptied-behind-rifq", test_set_up_refused_when_staff_emptied);
  g_test_add_func ("/account/set-up/refused-when-passwords-wiped-behind-rifq", test_set_up_refused_when_passwords_wiped);
  g_test_add_func ("/account/set-up/administrator-of-before-accounts-sets-password-once",
                   test_set_up_database_of_before_accounts);
  g_test_add_func ("/account/login/right-password-writes-nothing", test_login_right_password_writes_nothing);
  g_test_add_func ("/account/login/wrong-password-refused-and-audited", test_login_wrong_password_refused_and_audited);
  g_test_add_func ("/account/login/locked-after-five-wrong-even-after-restart", test_login_locked_after_five_wrong);
  g_test_add_func ("/account/login/right-password-starts-count-again", test_login_right_password_resets_count);
  g_test_add_func ("/account/login/cheaper-hash-made-again", test_login_rehashes_cheaper_hash);
  g_test_add_func ("/account/nobody-logged-in/refused", test_nobody_logged_in_refused);
  g_test_add_func ("/account/login/unknown-name-kept-without-it", test_login_unknown_name_kept_without_it);
  g_test_add_func ("/account/login/count-starts-again-after-lock", test_login_count_starts_again_after_lock);
  g_test_add_func ("/account/login/refused-before-set-up-writes-nothing", test_login_refused_before_set_up);
  g_test_add_func ("/account/login/refused-without-audit-key", test_login_refused_without_audit_key);
  g_test_add_func ("/account/password/own-needs-current-and-wrong-ones-count", test_own_password_needs_current_and_counts);
  g_test_add_func ("/account/password/change-needs-current", test_change_password_needs_current);
  g_test_add_func ("/account/password/weak-refused-nothing-written", test_weak_password_refused);
  g_test_add_func ("/account/password/reset-by-administrators-only", test_reset_password_administrators_only);

  return g_test_run ();
}
