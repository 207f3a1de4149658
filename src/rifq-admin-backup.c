/* rifq-admin-backup.c: backup, backup check, restore
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

#include "rifq-admin.h"
#include "rifq-backup.h"
#include "rifq-error.h"
#include "rifq-staff.h"

#define KEEP_DEFAULT 14

/* A line typed at the terminal, not shown. NULL when there is no terminal. */
static char *
read_hidden (const char *prompt)
{
  struct termios before, hidden;
  char line[1024];
  gboolean got;

  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &before) != 0)
    return NULL;
  g_printerr ("%s", prompt);
  hidden = before;
  hidden.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &hidden);
  got = fgets (line, sizeof line, stdin) != NULL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &before);
  g_printerr ("\n");
  if (!got)
    {
      sodium_memzero (line, sizeof line);
      return NULL;
    }
  line[strcspn (line, "\r\n")] = '\0';
  {
    char *typed = g_strdup (line);

    sodium_memzero (line, sizeof line);
    return typed;
  }
}

/* A passphrase's bytes wiped before they are freed. */
static void
secret_free (char *secret)
{
  if (secret == NULL)
    return;
  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

typedef char Secret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Secret, secret_free)

/* The passphrase from RIFQ_BACKUP_PASSPHRASE, or typed (twice when it seals a new backup). */
static char *
passphrase (gboolean   twice,
            GError   **error)
{
  const char *given = g_getenv ("RIFQ_BACKUP_PASSPHRASE");
  g_autoptr(Secret) typed = NULL;
  g_autoptr(Secret) again = NULL;

  if (given != NULL && *given != '\0')
    return g_strdup (given);
  typed = read_hidden (_("Passphrase: "));
  if (typed == NULL)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Passphrase: type it at a terminal, or give it in RIFQ_BACKUP_PASSPHRASE."));
      return NULL;
    }
  if (!twice)
    return g_steal_pointer (&typed);
  again = read_hidden (_("The passphrase again: "));
  if (again == NULL || !g_str_equal (typed, again))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Passphrase: the two differ. Nothing was written."));
      return NULL;
    }
  return g_steal_pointer (&typed);
}

static void
print_info (const char *file)
{
  g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (file, NULL);
  g_autofree char *entries = NULL;

  if (info == NULL)
    return;
  entries = g_strdup_printf ("%" G_GINT64_FORMAT, info->audit_entries);
  g_print (_("Backup: %s\nTaken: %s by %s, of %s (schema %d, %s audit entries)%s\n"), file, info->taken, info->by,
           info->database, info->schema, entries,
           info->sealed ? _(", sealed with a passphrase") : "");
}

int
cmd_backup (char  **args,
            guint   n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(Secret) secret = NULL;
  g_autofree char *written = NULL;

  if (n == 3 && g_str_equal (args[1], "check"))
    {
      g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (args[2], &error);

      if (info == NULL)
        return refuse (error);
      if (info->sealed && (secret = passphrase (FALSE, &error)) == NULL)
        return refuse (error);
      if (!rifq_backup_check (args[2], secret, &error))
        return refuse (error);
      print_info (args[2]);
      g_print ("%s\n", _("Checked: whole, and this program can restore it."));
      return EXIT_OK;
    }
  if ((n == 2) == (opts.to != NULL) || (opts.to == NULL && opts.keep >= 0))
    return usage (_("backup takes a FILE, or --to FOLDER [--keep N]."));
  if (opts.keep == 0)
    return usage (_("--keep: keep at least 1 backup."));

  db = open_db (&error);
  if (db == NULL)
    return refuse (error);
  if (opts.encrypt && (secret = passphrase (TRUE, &error)) == NULL)
    return refuse (error);
  if (opts.to != NULL)
    {
      if (!rifq_backup_take_into (db, opts.to, opts.keep > 0 ? (guint) opts.keep : KEEP_DEFAULT, secret, &written,
                                  &error))
        return refuse (error);
    }
  else if (!rifq_backup_take (db, args[1], secret, &error))
    return refuse (error);
  else
    written = g_strdup (args[1]);
  print_info (written);
  return EXIT_OK;
}

/* The person restoring: the computer's user, or --as when that user is an administrator of the
 * database there now. */
static char *
restoring_actor (const char  *location,
                 GError     **error)
{
  g_autoptr(RifqDb) current = NULL;

  if (opts.as == NULL)
    return g_strdup (g_get_user_name ());
  current = rifq_db_open_existing (location, error);
  if (current == NULL || !act_as (current, error))
    return NULL;
  return g_strdup (opts.as);
}

int
cmd_restore (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (file, &error);
  g_autofree char *location = opts.database ? g_strdup (opts.database) : rifq_db_default_path ();
  g_autoptr(Secret) secret = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *actor = NULL;

  if (info == NULL)
    return refuse (error);
  if (info->sealed && (secret = passphrase (FALSE, &error)) == NULL)
    return refuse (error);
  actor = restoring_actor (location, &error);
  if (actor == NULL || !rifq_backup_restore (file, secret, location, actor, &aside, &error))
    return refuse (error);
  print_info (file);
  g_print (_("Restored into %s.\n"), location);
  if (aside != NULL)
    g_print (_("The database as it was before is kept in %s.\n"), aside);
  return EXIT_OK;
}
