/* rifq-statement.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* The record stores' side of the store: prepared statements with bound parameters, whichever
 * engine holds the records. Only core's stores include this header; parameters are written ?1,
 * ?2… (or ?), columns are counted from 0. */

typedef struct _RifqStatement RifqStatement;

typedef enum
{
  RIFQ_STEP_FAILED = -1,
  RIFQ_STEP_DONE,
  RIFQ_STEP_ROW,
} RifqStep;

/* A parameter's value, written where the statement is run:
 *   rifq_db_execute (db, "UPDATE meeting SET place = ?1 WHERE id = ?2",
 *                    RIFQ_PARAMS (RIFQ_TEXT (place), RIFQ_INT (id)), error);
 * RIFQ_TEXT (NULL) binds SQL NULL, as does RIFQ_NULL. */
typedef struct
{
  char           type;   /* 'i' integer, 't' text, 'b' bytes, 'n' null */
  gint64         integer;
  const char    *text;
  gconstpointer  bytes;
  gsize          size;
} RifqValue;

#define RIFQ_INT(v)        ((RifqValue) { .type = 'i', .integer = (gint64) (v) })
#define RIFQ_TEXT(v)       ((RifqValue) { .type = 't', .text = (v) })
#define RIFQ_BYTES(p, n)   ((RifqValue) { .type = 'b', .bytes = (p), .size = (n) })
#define RIFQ_NULL          ((RifqValue) { .type = 'n' })
/* An integer, or NULL when it is unset (a negative amount, a zero quantity…). */
#define RIFQ_INT_IF(cond, v) ((cond) ? RIFQ_INT (v) : RIFQ_NULL)

/* The parameters ?1, ?2… of a statement, in order, with their count. */
#define RIFQ_PARAMS(...)   ((const RifqValue[]) { __VA_ARGS__ }), \
                           G_N_ELEMENTS (((const RifqValue[]) { __VA_ARGS__ }))
#define RIFQ_NO_PARAMS     NULL, 0

/* Runs a statement that writes, with its parameters; FALSE with error on failure. */
gboolean       rifq_db_execute          (RifqDb           *self,
                                         const char       *sql,
                                         const RifqValue  *params,
                                         guint             n_params,
                                         GError          **error);

/* Runs an INSERT; the new row's id (as the engine keeps it), or the first column of the row it
 * returns (INSERT … RETURNING last); 0 with error on failure. */
gint64         rifq_db_execute_insert   (RifqDb           *self,
                                         const char       *sql,
                                         const RifqValue  *params,
                                         guint             n_params,
                                         GError          **error);

/* The statement prepared and bound, ready to step; NULL with error on failure. */
RifqStatement *rifq_db_query            (RifqDb           *self,
                                         const char       *sql,
                                         const RifqValue  *params,
                                         guint             n_params,
                                         GError          **error);

/* As rifq_db_query, and sent at once: queries asked ahead one after another, then stepped in
 * turn, cost a server one round trip between them instead of one each. A query asked ahead
 * must be stepped or reset before it is asked again. */
RifqStatement *rifq_db_query_ahead      (RifqDb           *self,
                                         const char       *sql,
                                         const RifqValue  *params,
                                         guint             n_params,
                                         GError          **error);

/* Inside a write, asks a read that the write makes further on, with the same SQL and values:
 * on a server, the answers of the reads asked together come in one round trip, and the read,
 * when it comes, takes its answer from them (unless the write changed a table it names
 * meanwhile, when it is asked again). Nothing on a desk's file, or outside a write. */
void           rifq_db_prefetch         (RifqDb           *self,
                                         const char       *sql,
                                         const RifqValue  *params,
                                         guint             n_params);

/* Every row of a query, each made into an item by row_func; NULL with error on failure. */
GPtrArray     *rifq_db_query_all        (RifqDb           *self,
                                         const char       *sql,
                                         const RifqValue  *params,
                                         guint             n_params,
                                         gpointer        (*row_func) (RifqStatement *stmt),
                                         GDestroyNotify    free_func,
                                         GError          **error);

/* The first column of the first row as an integer (0 when there is no row, with *out_found
 * FALSE if given). FALSE with error when the query fails. */
gboolean       rifq_db_query_int        (RifqDb           *self,
                                         const char       *sql,
                                         const RifqValue  *params,
                                         guint             n_params,
                                         gint64           *out_value,
                                         gboolean         *out_found,
                                         GError          **error);

/* The first column of the first row as text, or NULL (no row, SQL NULL, or failure with
 * error set). */
char          *rifq_db_query_text       (RifqDb           *self,
                                         const char       *sql,
                                         const RifqValue  *params,
                                         guint             n_params,
                                         GError          **error);

/* Whether the database's schema has a table of that name (one a migration left to finish). */
gboolean       rifq_db_has_table        (RifqDb         *self,
                                         const char     *name,
                                         gboolean       *out_exists,
                                         GError        **error);

/* A cached prepared statement (reset and unbound on return); NULL and error on failure. */
RifqStatement *rifq_db_prepare          (RifqDb         *self,
                                         const char     *sql,
                                         GError        **error);

/* Runs SQL text that takes no parameters (a migration, a schema change). */
gboolean       rifq_db_exec             (RifqDb         *self,
                                         const char     *sql,
                                         GError        **error);

/* Sets error from the connection's last failure, with a sentence in the interface language;
 * returns FALSE. */
gboolean       rifq_db_fail             (RifqDb         *self,
                                         GError        **error);

/* Steps a prepared statement to its end, turning each row into an item with row_func; resets
 * the statement. NULL with error (the statement reset) when the engine fails. */
typedef gpointer (*RifqDbRowFunc) (RifqStatement *stmt);

GPtrArray     *rifq_db_collect          (RifqDb         *self,
                                         RifqStatement  *stmt,
                                         RifqDbRowFunc   row_func,
                                         GDestroyNotify  free_func,
                                         GError        **error);

/* Steps a statement that writes and expects no row; resets it. FALSE with error on failure, or
 * when stmt is NULL (its preparation failed and set error). */
gboolean       rifq_db_run              (RifqDb         *self,
                                         RifqStatement  *stmt,
                                         GError        **error);

/* Steps an INSERT as rifq_db_execute_insert does; resets it. 0 with error on failure (or
 * when stmt is NULL, as above). */
gint64         rifq_db_insert           (RifqDb         *self,
                                         RifqStatement  *stmt,
                                         GError        **error);

/* Text is copied; NULL binds SQL NULL. */
void           rifq_statement_bind_text  (RifqStatement *stmt,
                                          int            index,
                                          const char    *text);
void           rifq_statement_bind_int64 (RifqStatement *stmt,
                                          int            index,
                                          gint64         value);
void           rifq_statement_bind_null  (RifqStatement *stmt,
                                          int            index);
/* The bytes must stay alive until the statement is stepped. */
void           rifq_statement_bind_blob  (RifqStatement *stmt,
                                          int            index,
                                          gconstpointer  data,
                                          gsize          size);

RifqStep       rifq_statement_step       (RifqStatement *stmt);
/* Ends the statement's run; its bindings stay until it is prepared again. */
void           rifq_statement_reset      (RifqStatement *stmt);
/* Rows the last step of a write changed; below zero when the write failed (a server tells a
 * write's failure only when asked for its answer). */
gint64         rifq_statement_changes    (RifqStatement *stmt);

gint64         rifq_statement_get_int64  (RifqStatement *stmt,
                                          int            column);
int            rifq_statement_get_int    (RifqStatement *stmt,
                                          int            column);
/* NULL for SQL NULL; valid until the next step or reset. */
const char    *rifq_statement_get_text   (RifqStatement *stmt,
                                          int            column);
char          *rifq_statement_dup_text   (RifqStatement *stmt,
                                          int            column);
gconstpointer  rifq_statement_get_blob   (RifqStatement *stmt,
                                          int            column);
gsize          rifq_statement_get_size   (RifqStatement *stmt,
                                          int            column);
gboolean       rifq_statement_is_null    (RifqStatement *stmt,
                                          int            column);

G_END_DECLS
