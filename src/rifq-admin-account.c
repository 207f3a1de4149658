/* rifq-admin-account.c: logging in, init --admin, password, staff password
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "rifq-account.h"
#include "rifq-admin.h"
#include "rifq-error.h"
#include "rifq-seal.h"

void
secret_free (char *secret)
{
  if (secret == NULL)
    return;
  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

/* A line typed at the terminal, shown or not; NULL when there is no terminal. */
static char *
read_typed (const char *prompt,
            gboolean    hidden)
{
  struct termios before, quiet;
  char line[1024];
  gboolean got;
  char *typed;

  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &before) != 0)
    return NULL;
  g_printerr ("%s", prompt);
  if (hidden)
    {
      quiet = before;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  got = fgets (line, sizeof line, stdin) != NULL;
  if (hidden)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &before);
      g_printerr ("\n");
    }
  if (!got)
    {
      sodium_memzero (line, sizeof line);
      return NULL;
    }
  line[strcspn (line, "\r\n")] = '\0';
  typed = g_strdup (line);
  sodium_memzero (line, sizeof line);
  return typed;
}

char *
read_hidden (const char *prompt)
{
  return read_typed (prompt, TRUE);
}

/* A secret from the environment variable, or typed (twice when confirm): label names it in the
 * refusals. */
char *
read_secret (const char  *variable,
             const char  *prompt,
             const char  *again_prompt,
             const char  *label,
             GError     **error)
{
  const char *given = g_getenv (variable);
  g_autoptr(Secret) typed = NULL;
  g_autoptr(Secret) again = NULL;

  if (given != NULL && *given != '\0')
    return g_strdup (given);
  typed = read_hidden (prompt);
  if (typed == NULL)
    {
      /* Translators: "Password: type it at a terminal, or give it in RIFQ_PASSWORD." */
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: type it at a terminal, or give it in %s."),
                   label, variable);
      return NULL;
    }
  if (again_prompt == NULL)
    return g_steal_pointer (&typed);
  again = read_hidden (again_prompt);
  if (again == NULL || !g_str_equal (typed, again))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("%s: the two differ. Nothing was written."), label);
      return NULL;
    }
  return g_steal_pointer (&typed);
}

static char *
user_name (GError **error)
{
  const char *given = g_getenv ("RIFQ_USER");
  char *typed;

  if (given != NULL && *given != '\0')
    return g_strdup (given);
  typed = read_typed (_("User name: "), FALSE);
  if (typed == NULL)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN,
                         _("User name: type it at a terminal, or give it in RIFQ_USER (and the password in "
                           "RIFQ_PASSWORD)."));
  return typed;
}

gboolean
read_credentials (char   **out_username,
                  char   **out_password,
                  GError **error)
{
  g_autofree char *username = user_name (error);

  if (username == NULL)
    return FALSE;
  *out_password = read_secret ("RIFQ_PASSWORD", _("Password: "), NULL, _("Password"), error);
  if (*out_password == NULL)
    return FALSE;
  *out_username = g_steal_pointer (&username);
  return TRUE;
}

gboolean
log_in (RifqDb  *db,
        GError **error)
{
  g_autofree char *username = NULL;
  g_autoptr(Secret) password = NULL;

  switch (rifq_account_setup (db, error))
    {
    case -1:
      return FALSE;
    case RIFQ_ACCOUNT_SETUP_NEW:
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN,
                   _("%s is new: set it up first with “rifq-admin init --admin USER”."), rifq_db_get_path (db));
      return FALSE;
    case RIFQ_ACCOUNT_SETUP_UPGRADE:
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN,
                   _("%s is from before accounts: one of its administrators sets a password first, with "
                     "“rifq-admin init --admin USER”."), rifq_db_get_path (db));
      return FALSE;
    default:
      break;
    }
  return read_credentials (&username, &password, error) &&
         rifq_account_login (db, username, password, g_get_real_time () / G_USEC_PER_SEC, error);
}

/* init: a new database with its first administrator (--admin USER), or one from before
 * accounts whose administrator sets their password; an existing one brought up to date. */
int
cmd_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = opts.database ? g_strdup (opts.database) : rifq_db_default_path ();
  g_autoptr(RifqDb) db = rifq_db_open (path, &error);
  g_autoptr(Secret) password = NULL;
  int setup;

  if (db == NULL)
    return refuse (error);
  setup = rifq_account_setup (db, &error);
  if (setup < 0)
    return refuse (error);
  if (setup == RIFQ_ACCOUNT_SETUP_READY)
    {
      if (opts.admin != NULL)
        {
          g_printerr (_("%s is set up already: its administrators add staff with “rifq-admin staff add”.\n"),
                      rifq_db_get_path (db));
          return EXIT_REFUSED;
        }
      if (!log_in (db, &error))
        return refuse (error);
    }
  else
    {
      if (opts.admin == NULL)
        return usage (setup == RIFQ_ACCOUNT_SETUP_NEW
                      ? _("A new database needs its first administrator: rifq-admin init --admin USER.")
                      : _("This database is from before accounts: one of its administrators sets a password, "
                          "with rifq-admin init --admin USER."));
      password = read_secret ("RIFQ_PASSWORD", _("Password for the administrator: "), _("The password again: "),
                              _("Password"), &error);
      if (password == NULL || !rifq_account_set_up (db, opts.admin, opts.full_name, password, &error))
        return refuse (error);
      g_print (_("%s is its administrator and may log in.\n"), opts.admin);
    }
  if (!rifq_seal_ensure_key (db, &error))
    return refuse (error);
  g_print (_("The database is ready at %s (schema %d).\n"), rifq_db_get_path (db),
           rifq_db_get_schema_version (db));
  return EXIT_OK;
}

/* password: the person logged in changes their own (the new one from RIFQ_NEW_PASSWORD, or typed
 * twice). */
int
cmd_password (RifqDb  *db,
              char   **args,
              guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) current = NULL;
  g_autoptr(Secret) password = NULL;

  current = read_secret ("RIFQ_PASSWORD", _("Current password: "), NULL, _("Current password"), &error);
  if (current == NULL)
    return refuse (error);
  password = read_secret ("RIFQ_NEW_PASSWORD", _("New password: "), _("The new password again: "),
                          _("New password"), &error);
  if (password == NULL || !rifq_account_change_password (db, current, password, &error))
    return refuse (error);
  g_print (_("Your password is changed.\n"));
  return EXIT_OK;
}

/* staff password USER: an administrator gives a member a new password, and unlocks them. */
int
cmd_staff_password (RifqDb     *db,
                    const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) password = NULL;

  password = read_secret ("RIFQ_NEW_PASSWORD", _("New password: "), _("The new password again: "),
                          _("New password"), &error);
  if (password == NULL || !rifq_account_reset_password (db, username, password, &error))
    return refuse (error);
  g_print (_("%s has a new password and may log in.\n"), username);
  return EXIT_OK;
}
