/* rifq-account.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* Accounts: who is at the workstation. Each member of staff logs in with a password of their
 * own, kept only as its argon2id hash; the person logged in is the actor of every audit entry
 * (rifq_db_get_actor). Nobody is logged in when a database is opened. */

/* Wrong passwords in a row that lock an account, and for how long. */
#define RIFQ_ACCOUNT_ATTEMPTS     5
#define RIFQ_ACCOUNT_LOCK_SECONDS (15 * 60)
/* A password is at least this many characters. */
#define RIFQ_ACCOUNT_PASSWORD_MIN 8

typedef enum
{
  RIFQ_ACCOUNT_SETUP_READY,    /* someone has a password: log in */
  RIFQ_ACCOUNT_SETUP_NEW,      /* a new database: its first administrator is created */
  RIFQ_ACCOUNT_SETUP_UPGRADE,  /* staff from before accounts, none with a password: an administrator sets theirs */
} RifqAccountSetup;

/* Whether db is the association's server asking who is connecting (opened with no credential):
 * nothing of it is read, not even its schema, until someone logs in (rifq_account_login), as a
 * role of the server's own. */
gboolean   rifq_account_server_asks      (RifqDb     *db);

/* What opening db asks for first. -1 (with error) when it cannot be read. A database written to
 * whose staff were all removed behind Rifq's back is refused (RIFQ_ERROR_NOT_ALLOWED): nobody
 * becomes its administrator. */
int        rifq_account_setup            (RifqDb     *db,
                                          GError    **error);

/* Sets up the first account and logs them in, on a database that asks for it
 * (rifq_account_setup): on a new one, username becomes its administrator (and desk officer and
 * researcher) named full_name; on one from before accounts, username must be one of its
 * administrators, and sets their password. Refused on any other database. */
gboolean   rifq_account_set_up           (RifqDb     *db,
                                          const char *username,
                                          const char *full_name,
                                          const char *password,
                                          GError    **error);

/* Logs username in when password is theirs and the account is not locked at now (seconds since
 * 1970; on the server, the server's clock when it is earlier): they become the actor. Only on a
 * database set up (RIFQ_ACCOUNT_SETUP_READY). A wrong password (or an unknown user name) is
 * refused with RIFQ_ERROR_LOGIN, the same sentence for both; the fifth wrong one in a row locks
 * the account for RIFQ_ACCOUNT_LOCK_SECONDS (RIFQ_ERROR_LOCKED, saying until when), after which
 * the count starts again. Every refusal is in the audit log, and a login after wrong passwords;
 * a login with none before it writes nothing. Refused on a workstation that cannot write to the
 * audit log, where a wrong password could not be counted. Takes about 0.3 s (the hash's cost),
 * on purpose. */
gboolean   rifq_account_login            (RifqDb     *db,
                                          const char *username,
                                          const char *password,
                                          gint64      now,
                                          GError    **error);

/* The same, the password's check (the third of a second) in a thread of its own, so that a
 * window goes on drawing; what is read and written, in the caller's thread. */
void       rifq_account_login_async      (RifqDb              *db,
                                          const char          *username,
                                          const char          *password,
                                          gint64               now,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean   rifq_account_login_finish     (RifqDb              *db,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Forgets who is logged in: nothing can be read or written until the next login. */
void       rifq_account_logout           (RifqDb     *db);

/* The person logged in changes their own password, giving the one they have; a wrong one counts
 * as a wrong password at the login (five lock the account). */
gboolean   rifq_account_change_password  (RifqDb     *db,
                                          const char *current,
                                          const char *password,
                                          GError    **error);

/* An administrator gives username a new password (a forgotten one, a new member), and unlocks
 * the account. Not their own: that is rifq_account_change_password, with the current one. */
gboolean   rifq_account_reset_password   (RifqDb     *db,
                                          const char *username,
                                          const char *password,
                                          GError    **error);

/* Whether password may be username's: RIFQ_ACCOUNT_PASSWORD_MIN characters at least, not the
 * user name. The refusal names the field. */
gboolean   rifq_account_check_password   (const char *username,
                                          const char *password,
                                          GError    **error);

/* Whether password is username's on db, read only: nothing counted, nothing written (a
 * backup's copy, before it is restored). */
gboolean   rifq_account_verify           (RifqDb     *db,
                                          const char *username,
                                          const char *password,
                                          GError    **error);

G_END_DECLS
