/* rifq-pg-answers.h: what the server answered to a write's reads, kept to be answered again
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The answers kept, each under the key of what was asked (rifq_pg_answers_key), with an epoch
 * that moves each time some are forgotten: an answer asked before a change and come after it
 * is not kept. Part of the PostgreSQL engine (rifq-engine-postgres.c). */
typedef struct _RifqPgAnswers RifqPgAnswers;

RifqPgAnswers *rifq_pg_answers_new           (void);
void           rifq_pg_answers_free          (RifqPgAnswers *self);
guint          rifq_pg_answers_epoch         (RifqPgAnswers *self);
guint          rifq_pg_answers_size          (RifqPgAnswers *self);

/* Everything is forgotten. */
void           rifq_pg_answers_forget        (RifqPgAnswers *self);
/* The answers of the questions that name table, as a whole word. */
void           rifq_pg_answers_forget_naming (RifqPgAnswers *self,
                                              const char    *table);

/* What sql asks with these values bound (n of them, as libpq takes them). */
GBytes        *rifq_pg_answers_key           (const char         *sql,
                                              int                 n,
                                              char * const       *values,
                                              const int          *lengths,
                                              const int          *formats,
                                              const unsigned int *types);
/* A copy of the answer kept under key, or NULL. */
PGresult      *rifq_pg_answers_lookup        (RifqPgAnswers *self,
                                              GBytes        *key);
/* Keeps a copy of result, asked under key when the epoch was epoch: unless some were forgotten
 * since, or it is too large to be worth keeping. */
void           rifq_pg_answers_keep          (RifqPgAnswers *self,
                                              GBytes        *key,
                                              guint          epoch,
                                              PGresult      *result);

/* A new answer made of result's columns after its first (an answer asked beside another, as in
 * "SELECT held_write_count (), c.* FROM (…) c"). NULL if it cannot be made. */
PGresult      *rifq_pg_answers_after_first_column (PGresult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqPgAnswers, rifq_pg_answers_free)

G_END_DECLS
