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

/* Steps an INSERT … RETURNING id; resets it. The new row's id, or 0 with error on failure (or
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
/* Rows the last step of a write changed. */
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
