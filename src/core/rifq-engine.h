/* rifq-engine.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-statement.h"

G_BEGIN_DECLS

/* What the store asks of the engine that keeps the records. RifqDb holds the rules every engine
 * shares (the write with its audit entries, the audit chain, migrations in order, the signal);
 * an engine only connects, runs SQL and says what went wrong. SQLite is the one today; another
 * engine is a second table of these functions and its own migrations folder. */

typedef struct _RifqConnection RifqConnection;

typedef enum
{
  RIFQ_OPEN_CREATE,     /* read and write, created when absent, then migrated */
  RIFQ_OPEN_INSPECT,    /* an existing database, read only, never migrated */
} RifqOpenMode;

typedef struct
{
  const char      *name;
  /* resource folder of numbered migrations, 0001-….sql, in this engine's dialect */
  const char      *migrations;

  /* Connects to location, refusing a database of another program or a newer Rifq before
   * anything is written; sets the schema version found. */
  /* Run after a large write (an import, a copy) so that the engine plans by the new sizes; NULL
   * when it needs no telling. */
  const char      *analyze_sql;
  /* Run inside a write that adds thousands of rows: the engine plans each statement afresh
   * until the write ends, for tables it grows (NULL when it always does). */
  const char      *many_rows_sql;
  /* A count of the tables named ?1 in the database's schema: 1 when it is there, else 0. */
  const char      *table_exists_sql;
  /* The columns of the table named ?1, in order: the name, and 1 when it holds bytes. */
  const char      *columns_sql;
  /* Starts a transaction that reads the database as it is at its first read, whatever others
   * commit until it ends (a copy's source). */
  const char      *snapshot_sql;
  const char      *snapshot_end_sql;
  /* After rows were copied into table with their ids: the next id the engine gives follows
   * them (NULL when the engine takes the highest id anyway). */
  gboolean        (*ids_follow)         (RifqConnection  *conn,
                                         const char      *table,
                                         GError         **error);

  /* Other workstations' writes, where several write to one database: every write runs
   * notify_sql before it commits, and a connection of its own (watch_open) is told of each
   * commit. watch_read reads what arrived: how many commits were told, -1 when the connection
   * is lost. NULL on an engine one program writes at a time. */
  const char      *notify_sql;
  /* Each audit entry of a write, its anchor and its notification, in one statement where the
   * engine can: the entry's twelve values (as the audit INSERT takes them), then the anchor's
   * five (entries, last_id, last_hash, key_id, mac). NULL: each is a statement. */
  const char      *audit_tail_sql;
  RifqConnection *(*watch_open)         (const char      *location,
                                         GError         **error);
  int             (*watch_fd)           (RifqConnection  *watch);
  int             (*watch_read)         (RifqConnection  *watch);

  RifqConnection *(*open)               (const char      *location,
                                         RifqOpenMode     mode,
                                         int             *out_schema_version,
                                         GError         **error);
  void            (*close)              (RifqConnection  *conn);
  /* Where a member of staff logs in as a role of the engine's own (a server's): location with
   * their role's name and password, to open as they. NULL on an engine whose people are Rifq's
   * own (a desk's file). The open of a location that asks who is connecting fails with
   * RIFQ_ERROR_CREDENTIALS; with a wrong password, RIFQ_ERROR_LOGIN. */
  char           *(*login_location)     (const char      *location,
                                         const char      *username,
                                         const char      *password,
                                         GError         **error);
  /* password as the engine keeps it for username's role (a SCRAM-SHA-256 verifier), made here:
   * the password itself never reaches the server. */
  char           *(*password_verifier)  (RifqConnection  *conn,
                                         const char      *username,
                                         const char      *password,
                                         GError         **error);
  /* The location as it may be shown and recorded: without a password written in it. */
  char           *(*display)            (const char      *location);
  /* Which database this is, however it was named: the same text for the same file (through
   * any link) or the same server's database, another for a copy elsewhere. */
  char           *(*identity)           (RifqConnection  *conn);
  gboolean        (*exec)               (RifqConnection  *conn,
                                         const char      *sql,
                                         GError         **error);
  /* Starts a transaction that holds the write lock from its first statement. */
  gboolean        (*begin_write)        (RifqConnection  *conn,
                                         GError         **error);
  /* Once the database is at this program's schema: sql (a query of no parameters, a write's
   * usual first read) is asked in the same round trip as each write's BEGIN and lock, and its
   * answer kept as the write's first read of it. From then on the engine may also keep what one
   * write read for the next, while its server counts no change in between. NULL where a read
   * costs no round trip. */
  void            (*ask_with_begin)     (RifqConnection  *conn,
                                         const char      *sql);
  /* The schema version the database is at now (read again under the write lock: another
   * workstation may have migrated it meanwhile). */
  gboolean        (*read_schema_version) (RifqConnection *conn,
                                          int            *out_version,
                                          GError        **error);
  /* The whole database as it stands, written to path (a new file of its owner's only): SQLite's
   * online backup, checked by SQLite's integrity check; the server's pg_dump, custom format.
   * location is the database's address as given (a server's may hold what pg_dump needs). */
  gboolean        (*backup)             (RifqConnection  *conn,
                                         const char      *location,
                                         const char      *path,
                                         GError         **error);
  /* Whether path is a backup this engine can put back: an SQLite file that checks whole, an
   * archive pg_restore can list. */
  gboolean        (*backup_check)       (const char      *path,
                                         GError         **error);
  /* Puts what backup wrote at path in place of the database at location, in one step: all of
   * it, or nothing changed. */
  gboolean        (*restore)            (const char      *location,
                                         const char      *path,
                                         GError         **error);
  /* Inside a migration's transaction: records the schema version reached. */
  gboolean        (*set_schema_version) (RifqConnection  *conn,
                                         int              version,
                                         GError         **error);
  gboolean        (*integrity_check)    (RifqConnection  *conn,
                                         GError         **error);
  /* Whether the connection is still there (NULL: a file always is). */
  gboolean        (*is_connected)       (RifqConnection  *conn);
  /* The last failure as an error in the interface language; busy is told apart. */
  void            (*fail)               (RifqConnection  *conn,
                                         GError         **error);

  gpointer        (*prepare)            (RifqConnection  *conn,
                                         const char      *sql,
                                         GError         **error);
  void            (*finalize)           (gpointer         native);
  void            (*reset)              (gpointer         native,
                                         gboolean         unbind);
  void            (*bind_text)          (gpointer         native,
                                         int              index,
                                         const char      *text);
  void            (*bind_int64)         (gpointer         native,
                                         int              index,
                                         gint64           value);
  void            (*bind_null)          (gpointer         native,
                                         int              index);
  void            (*bind_blob)          (gpointer         native,
                                         int              index,
                                         gconstpointer    data,
                                         gsize            size);
  /* Sends the statement with its values as bound, to be answered when it is stepped: several
   * sent one after another are answered in one round trip. NULL where a statement costs none. */
  gboolean        (*send)               (gpointer         native);
  RifqStep        (*step)               (gpointer         native);
  gint64          (*changes)            (gpointer         native);
  /* The id of the row the last INSERT of native's connection added. */
  gint64          (*last_id)            (gpointer         native);
  gint64          (*get_int64)          (gpointer         native,
                                         int              column);
  const char     *(*get_text)           (gpointer         native,
                                         int              column);
  gconstpointer   (*get_blob)           (gpointer         native,
                                         int              column);
  gsize           (*get_size)           (gpointer         native,
                                         int              column);
  gboolean        (*is_null)            (gpointer         native,
                                         int              column);
} RifqEngine;

struct _RifqStatement
{
  const RifqEngine *engine;
  gpointer          native;
};

extern const RifqEngine rifq_engine_sqlite;
/* The server's, in the module rifq-engine-postgres (ENGINEDIR), under this name. */

/* What every engine says of a database it refuses before writing anything: another program's
 * (RIFQ_ERROR_FOREIGN_DATABASE), or one a newer Rifq wrote (RIFQ_ERROR_NEWER_DATABASE, when
 * schema_version is above this program's). */
void      rifq_engine_refuse_foreign (const char  *location,
                                      GError     **error);
gboolean  rifq_engine_check_version  (const char  *location,
                                      int          schema_version,
                                      GError     **error);

/* The engine a location names: a postgresql:// (or postgres://) URI or a libpq connection
 * string ("service=rifq", "host=… dbname=…") is the server; anything else is a file. */
const RifqEngine *rifq_engine_for_location (const char  *location,
                                            GError     **error);

G_END_DECLS
