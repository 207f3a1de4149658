/* rifq-db-private.h: what the store's own modules ask of it (RifqContext, the copy)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* Stops the store's clock on day (YYYY-MM-DD); NULL lets it run. Through rifq_context_set_today. */
void _rifq_db_set_today (RifqDb     *self,
                         const char *day);

/* Opens the database at location to be filled by a copy: migrated, with no audit key of its
 * own; refused (RIFQ_ERROR_NOT_ALLOWED) unless it holds no records. */
RifqDb   *_rifq_db_open_empty   (const char  *location,
                                 GError     **error);

/* Refused (RIFQ_ERROR_NOT_ALLOWED) unless the database holds no records. */
gboolean  _rifq_db_check_empty  (RifqDb      *self,
                                 GError     **error);

/* Runs func in one transaction holding the write lock, without audit entries of its own: for
 * a copy, whose audit entries are the ones it copies. */
gboolean  _rifq_db_transaction  (RifqDb      *self,
                                 gboolean   (*func) (RifqDb   *db,
                                                     gpointer  data,
                                                     GError  **error),
                                 gpointer     data,
                                 GError     **error);

/* The columns of table, in order, and for each whether it holds bytes (as "0"/"1" in blobs). */
gboolean  _rifq_db_columns      (RifqDb      *self,
                                 const char  *table,
                                 GPtrArray   *names,
                                 GString     *blobs,
                                 GError     **error);

/* Reads the database from now on as it stands at the next read, whatever others commit, until
 * _rifq_db_end_snapshot (): a copy's source, read whole in one state. */
gboolean  _rifq_db_begin_snapshot (RifqDb  *self,
                                   GError **error);
void      _rifq_db_end_snapshot   (RifqDb  *self);
/* Whether reads are in one state already (a snapshot, or a write). */
gboolean  _rifq_db_in_snapshot    (RifqDb  *self);

/* Which database this is, however it was named: its audit log's key id, and a desk file's real
 * path or a server's host, port and database. */
char       *_rifq_db_identity    (RifqDb *self);

/* The name of the engine db is kept by: "sqlite", "postgresql". */
const char *_rifq_db_engine_name (RifqDb *self);

/* The audit log of a backup's copy, taken out to a file of its own: its chain and its own
 * anchor, not the key folder's copy of the head (which belongs to the database it was taken
 * of). */
gboolean  _rifq_db_verify_audit_of_copy (RifqDb  *self,
                                         gint64  *out_rows,
                                         GError **error);

/* The whole database written to path by its engine (rifq-backup.c). */
gboolean  _rifq_db_backup       (RifqDb      *self,
                                 const char  *path,
                                 GError     **error);

/* This database, just put back from a backup, is where its audit log now stands: the copy of the
 * log's head kept in the key folder is set to it (else every write would be refused as made to
 * an older copy). out_was_last_id: the last entry the copy knew of before (0 if none). */
void      _rifq_db_adopt_restored (RifqDb   *self,
                                   gint64   *out_was_last_id);

/* Keeps in the key folder where this database's audit log stands, unless a copy is there. */
void      _rifq_db_remember_anchor (RifqDb  *self);

/* After rows were copied into table with their ids, the engine's next id follows them. */
gboolean  _rifq_db_ids_follow   (RifqDb      *self,
                                 const char  *table,
                                 GError     **error);

/* The actor's roles as read once in the write in progress (under its lock, so no other
 * workstation changes them meanwhile): FALSE outside a write or before they are read. Kept with
 * _rifq_db_keep_write_roles (-1 forgets them: the write changed staff). */
gboolean  _rifq_db_write_roles      (RifqDb *self,
                                     int    *out_roles);
void      _rifq_db_keep_write_roles (RifqDb *self,
                                     int     roles);

/* Keeps in the audit log that the actor was refused permission (its code), holding roles (their
 * codes): at once, or once the write in progress is rolled back. */
void      _rifq_db_record_refusal (RifqDb     *self,
                                   const char *permission,
                                   const char *roles);

/* FALSE, with the reason, when this workstation cannot add to the audit log (its key is missing
 * or not this database's): what must be kept, a wrong password, could not be. */
gboolean  _rifq_db_audit_writable (RifqDb  *self,
                                   GError **error);

/* rifq_db_write, also on a database opened read only (rifq_db_open_existing): there through a
 * connection of its own that may write, as the same actor, when this program's schema needs no
 * migration to. A login is kept so, before rifq-admin check or audit verify. */
gboolean  _rifq_db_write_through  (RifqDb          *self,
                                   RifqDbWriteFunc  func,
                                   gpointer         user_data,
                                   GError         **error);

/* A server that asks who is connecting (no password kept for this workstation's user): opened,
 * but nothing read until someone logs in as themselves. */
gboolean  _rifq_db_needs_server_login (RifqDb *self);
/* Logged in as a role of the server's own (_rifq_db_log_in_as). */
gboolean  _rifq_db_server_person      (RifqDb *self);
/* Connects as username's own role on the server, password checked by the server (SCRAM): they
 * become the actor. RIFQ_ERROR_LOGIN for a wrong name or password, or a role that is no active
 * member of staff. */
gboolean  _rifq_db_log_in_as          (RifqDb      *self,
                                       const char  *username,
                                       const char  *password,
                                       GError     **error);
/* Once logged in (in the main thread): what rifq_db_watch_others was asked before, started. */
void      _rifq_db_watch_if_wanted    (RifqDb *self);
/* Whether password is username's, asking the server (a connection of its own, closed at once). */
gboolean  _rifq_db_check_server_password (RifqDb      *self,
                                          const char  *username,
                                          const char  *password,
                                          GError     **error);
/* A connection as username's own role, made (in any thread) and not yet taken by the database
 * (_rifq_db_server_adopt, in the main thread). */
typedef struct
{
  gpointer  conn;      /* RifqConnection */
  char     *location;  /* with the password: wiped when freed */
  int       schema;
} RifqServerLogin;

RifqServerLogin *_rifq_db_server_connect (RifqDb      *self,
                                          const char  *username,
                                          const char  *password,
                                          GError     **error);
gboolean  _rifq_db_server_adopt       (RifqDb           *self,
                                       RifqServerLogin  *login,
                                       GError          **error);
void      _rifq_server_login_free     (RifqDb          *self,
                                       RifqServerLogin *login);
/* Ends the session as that role: the server asks again who is connecting. */
void      _rifq_db_log_out_server     (RifqDb *self);
/* On a server: sets username's role's password (as its SCRAM-SHA-256 verifier), inside the
 * write in progress. Nothing on a desk's file. */
gboolean  _rifq_db_set_server_password (RifqDb      *self,
                                        const char  *username,
                                        const char  *password,
                                        const char  *hash,
                                        GError     **error);
/* The person logged in as their role changed their own password: connecting again uses it. */
void      _rifq_db_server_password_changed (RifqDb     *self,
                                            const char *password);

G_END_DECLS
