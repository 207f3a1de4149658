/* rifq-pg-search.h: the name search in PostgreSQL's words, for the engine's name_search and
 * name_count (rifq-engine.h says what they answer)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rifq_pg_name_search (const char    *columns,
                           char * const  *words,
                           gboolean       phrase,
                           GPtrArray     *values);
char *rifq_pg_name_count  (const char    *word,
                           GPtrArray     *values);

G_END_DECLS
