/* rifq-admin-backup.c: backup, backup check, restore
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-admin.h"
#include "rifq-backup.h"
#include "rifq-error.h"
#include "rifq-staff.h"

#define KEEP_DEFAULT 14

/* The passphrase from RIFQ_BACKUP_PASSPHRASE, or typed (twice when it seals a new backup). */
static char *
passphrase (gboolean   twice,
            GError   **error)
{
  return read_secret ("RIFQ_BACKUP_PASSPHRASE", _("Passphrase: "), twice ? _("The passphrase again: ") : NULL,
                      _("Passphrase"), error);
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

int
cmd_restore (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (file, &error);
  g_autofree char *location = opts.database ? g_strdup (opts.database) : rifq_db_default_path ();
  g_autoptr(Secret) secret = NULL;
  g_autoptr(Secret) password = NULL;
  g_autofree char *username = NULL;
  g_autofree char *aside = NULL;

  if (info == NULL)
    return refuse (error);
  if (info->sealed && (secret = passphrase (FALSE, &error)) == NULL)
    return refuse (error);
  /* The person restoring logs in: to the database there now, else to the backup's own staff. */
  if (!read_credentials (&username, &password, &error) ||
      !rifq_backup_restore_logging_in (file, secret, location, username, password, g_get_real_time () / G_USEC_PER_SEC,
                                       &aside, &error))
    return refuse (error);
  print_info (file);
  g_print (_("Restored into %s.\n"), location);
  if (aside != NULL)
    g_print (_("The database as it was before is kept in %s.\n"), aside);
  return EXIT_OK;
}
