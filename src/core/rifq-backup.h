/* rifq-backup.h: backups of the whole database, checked, kept, sealed with a passphrase
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* A backup file: a few lines saying what it holds (the engine, the schema, when and by whom it
 * was taken, how long the audit log was), then the engine's own copy (an SQLite file, or
 * pg_dump's archive), either as it is with its SHA-256, or sealed with a passphrase
 * (libsodium's secretstream under a key from argon2id, the lines authenticated with it). */
typedef struct
{
  char   *engine;           /* "sqlite" or "postgresql" */
  int     schema;
  char   *taken;            /* ISO 8601, UTC */
  char   *by;               /* the administrator who took it */
  gint64  audit_entries;
  char   *database;         /* the database it was taken of, as it may be shown */
  char   *identity;         /* the same, however it was named (its real path, its server) */
  gboolean sealed;          /* needs its passphrase */
} RifqBackupInfo;

void            rifq_backup_info_free (RifqBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqBackupInfo, rifq_backup_info_free)

/* The shortest passphrase a sealed backup takes. */
#define RIFQ_BACKUP_PASSPHRASE_MIN 12

/* Writes a backup of db to path (a new file, its owner's only; refused if path exists), sealed
 * with passphrase unless it is NULL. Administrators only; the backup is in the audit log. The
 * copy is checked before the file is written: SQLite's integrity check on a desk's. */
gboolean        rifq_backup_take      (RifqDb      *db,
                                       const char  *path,
                                       const char  *passphrase,
                                       GError     **error);

/* The same into folder (made, private, when absent), named by the moment
 * (rifq-YYYYMMDD-HHMMSS-micro.rifq-backup), then only the newest keep of Rifq's backups of this
 * database there are kept (another database's, in a folder shared, are left alone). The file written in out_path. */
gboolean        rifq_backup_take_into (RifqDb      *db,
                                       const char  *folder,
                                       guint        keep,
                                       const char  *passphrase,
                                       char       **out_path,
                                       GError     **error);

/* Where a desk keeps its backups unless told otherwise: a folder "backups" beside the database
 * file (~/.local/share/rifq/backups for the usual one). */
char           *rifq_backup_default_folder (RifqDb *db);

/* When the newest of Rifq's backups of db in folder was taken (by its name), NULL when there is
 * none. */
GDateTime      *rifq_backup_newest    (RifqDb      *db,
                                       const char  *folder);

/* Whether a desk's scheduled backup is due at now: none of db in folder yet, or the newest older
 * than every_hours (never when every_hours is 0: scheduled backups are off). A backup named later
 * than now (a clock put back) does not hold the schedule up. */
gboolean        rifq_backup_is_due    (RifqDb      *db,
                                       const char  *folder,
                                       guint        every_hours,
                                       GDateTime   *now);

/* What a backup says about itself, its lines only: nothing is checked but that they are Rifq's. */
RifqBackupInfo *rifq_backup_read_info (const char  *path,
                                       GError     **error);

/* The backup read whole and checked as restore would check it (its SHA-256 or its seal, the
 * engine's own check), nothing restored. */
gboolean        rifq_backup_check     (const char  *path,
                                       const char  *passphrase,
                                       GError     **error);

/* Puts the backup at path in place of the database at location, as actor, who must be an
 * administrator of the database there (when it opens) and of the backup's. Refused, nothing
 * changed: a file that is not a Rifq backup, one whose checksum or seal fails, a wrong
 * passphrase, another engine's backup, one written by a newer Rifq, an SQLite copy that fails
 * its integrity check or whose audit log does not verify. The database as it was is first
 * kept as a backup of its own (out_kept_aside, NULL when there was none to keep). The restore
 * is in the audit log, with where the log stood before. */
gboolean        rifq_backup_restore   (const char  *path,
                                       const char  *passphrase,
                                       const char  *location,
                                       const char  *actor,
                                       char       **out_kept_aside,
                                       GError     **error);

/* The same, the person restoring logging in with their password: to the database there now
 * (rifq_account_login, its lock and its log), or, when there is none (a desk's file absent or
 * damaged), to the backup's own staff, read only. A server's database that is not set up is
 * refused: it is set up first (server init --admin), then restored onto. A backup of before
 * accounts comes back with the restoring administrator's password set, so that nobody else
 * becomes its administrator by opening it. now is the login's clock (seconds since 1970). */
gboolean        rifq_backup_restore_logging_in (const char  *path,
                                                const char  *passphrase,
                                                const char  *location,
                                                const char  *username,
                                                const char  *password,
                                                gint64       now,
                                                char       **out_kept_aside,
                                                GError     **error);

G_END_DECLS
