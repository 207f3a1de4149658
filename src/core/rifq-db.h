/* rifq-db.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The schema version this program writes; a file with a higher user_version is refused. */
#define RIFQ_SCHEMA_VERSION 17
/* PRAGMA application_id of a Rifq database: "RIFQ". */
#define RIFQ_APPLICATION_ID 0x52494651

#define RIFQ_TYPE_DB (rifq_db_get_type ())
G_DECLARE_FINAL_TYPE (RifqDb, rifq_db, RIFQ, DB, GObject)

/* What a write callback is handed: it adds one audit entry per record it changed. */
typedef struct _RifqDbWrite RifqDbWrite;

typedef gboolean (*RifqDbWriteFunc) (RifqDb      *db,
                                     RifqDbWrite *write,
                                     gpointer     user_data,
                                     GError     **error);

/* Starts libsodium, which keys the audit chain and signs the seals. */
gboolean       rifq_db_start_crypto   (GError    **error);
/* The key folder: $RIFQ_KEY_DIR, else $XDG_CONFIG_HOME/rifq/keys. Private keys live there, one
 * file each, readable by their owner only; never in the database. */
char          *rifq_db_key_dir        (void);
/* <key folder>/<key_id><suffix> */
char          *rifq_db_key_path       (const char *key_id,
                                       const char *suffix);
/* Writes text to path with mode 0600 (its folder 0700), replacing a file there in one go. */
gboolean       rifq_db_write_private_file (const char  *path,
                                           const char  *text,
                                           GError     **error);
/* Reads a key file; refused when it is not a regular file or others may read it. */
gboolean       rifq_db_read_private_file  (const char  *path,
                                           char       **out_text,
                                           GError     **error);

/* TRUE when location names the association's server (a postgresql:// URI or a libpq connection
 * string such as "service=rifq") rather than a database file. */
gboolean       rifq_db_is_server_location (const char *location);

/* Whether a workstation can keep its records on the server at location: an address of a
 * server, reachable, whose database Rifq has set up (rifq-admin server init). Reads only;
 * FALSE with the reason in error. */
gboolean       rifq_db_check_server   (const char *location,
                                       GError    **error);

/* $RIFQ_DATABASE, else $XDG_DATA_HOME/rifq/rifq.db. */
char          *rifq_db_default_path   (void);

/* Opens (creating with mode 0600 when absent) and migrates. A database newer than this
 * program (RIFQ_ERROR_NEWER_DATABASE) or a file that is not a Rifq database
 * (RIFQ_ERROR_FOREIGN_DATABASE) is refused without being modified. */
RifqDb        *rifq_db_open           (const char *path,
                                       GError    **error);

/* Opens an existing database read-only for inspection (rifq-admin check); never migrates. */
RifqDb        *rifq_db_open_existing  (const char *path,
                                       GError    **error);

const char    *rifq_db_get_path       (RifqDb *self);

/* TRUE when path is, by device and inode (through any link or spelling), a database this
 * process has open or one of its -wal, -shm or -journal files. */
gboolean       rifq_db_file_is_open   (const char *path);
int            rifq_db_get_schema_version (RifqDb *self);

/* The moment a record is written, as the store stamps it: UTC, ISO 8601. */
char          *rifq_db_dup_now        (void);

/* Today as YYYY-MM-DD in local time, by the clock of the context that holds this store. */
char          *rifq_db_dup_today      (RifqDb     *self);

/* The person recorded in audit rows and whose roles are checked: the member of staff logged in
 * (rifq_account_login), NULL until someone is. Setting it is for the program that logged them
 * in and for tests; NULL forgets them. */
const char    *rifq_db_get_actor      (RifqDb     *self);
void           rifq_db_set_actor      (RifqDb     *self,
                                       const char *actor);

/* Runs func inside one IMMEDIATE transaction; every audit entry it added is appended in the
 * same transaction. Commits when func returns TRUE and added at least one entry; otherwise
 * rolls back, so nothing is half-written. Once committed, RifqDb::records-changed names
 * the records it changed. */
gboolean       rifq_db_write          (RifqDb          *self,
                                       RifqDbWriteFunc  func,
                                       gpointer         user_data,
                                       GError         **error);

/* Adds an audit entry to the write in progress. before/after may be NULL (create/delete);
 * they are serialised as compact JSON. reason may be NULL. */
void           rifq_db_write_audit    (RifqDbWrite *write,
                                       const char  *action,
                                       const char  *record_kind,
                                       gint64       record_id,
                                       JsonNode    *before,
                                       JsonNode    *after,
                                       const char  *reason);

/* Whether the write in progress already has an entry of action on the record. */
gboolean       rifq_db_write_has_entry (RifqDbWrite *write,
                                        const char  *action,
                                        const char  *record_kind,
                                        gint64       record_id);

/* The same, taking ownership of before and after (freshly built nodes). */
void           rifq_db_write_audit_take (RifqDbWrite *write,
                                         const char  *action,
                                         const char  *record_kind,
                                         gint64       record_id,
                                         JsonNode    *before,
                                         JsonNode    *after,
                                         const char  *reason);

/* Follows the writes other workstations commit to the same server: records-changed is emitted
 * for them too, in the thread-default main context, within moments of their commit. Nothing to
 * do on a desk's file, where one program writes at a time. */
gboolean       rifq_db_watch_others   (RifqDb     *self,
                                       GError    **error);

/* TRUE while the association's server cannot be reached (RifqDb:offline). */
gboolean       rifq_db_get_offline    (RifqDb     *self);

/* After a large write (an import, a demonstration, a copy): the engine learns the tables' new
 * sizes, so that what it is asked next is answered through the indexes. */
void           rifq_db_refresh_statistics (RifqDb *self);

/* Inside a write that adds thousands of rows: until it ends, the engine plans each statement for
 * the tables as they are, grown by the write, not by plans it kept from before. */
void           rifq_db_expect_many_rows   (RifqDb *self);

/* Re-computes the audit chain; FALSE with the first broken row named in error. */
gboolean       rifq_db_verify_audit   (RifqDb  *self,
                                       gint64  *out_rows,
                                       GError **error);

/* SQLite's own integrity check; FALSE with its first complaint in error. */
gboolean       rifq_db_integrity_check (RifqDb  *self,
                                        GError **error);

/* A value of the settings table (association name, decision period…). Inside a write, each
 * setting is read from the database once. */
char          *rifq_db_get_setting    (RifqDb     *self,
                                       const char *key);
/* Inside a write: sets a value of the settings table (the rules of who may are the caller's). */
gboolean       rifq_db_put_setting    (RifqDb      *self,
                                       const char  *key,
                                       const char  *value,
                                       GError     **error);

/* length bytes as lower-case hexadecimal, two digits a byte: key ids, digests. */
char          *rifq_hex               (const guchar *data,
                                       gsize         length);

G_END_DECLS
