/* rifq-statement.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include "rifq-engine.h"

void
rifq_statement_bind_text (RifqStatement *stmt,
                          int            index,
                          const char    *text)
{
  if (text == NULL)
    stmt->engine->bind_null (stmt->native, index);
  else
    stmt->engine->bind_text (stmt->native, index, text);
}

void
rifq_statement_bind_int64 (RifqStatement *stmt,
                           int            index,
                           gint64         value)
{
  stmt->engine->bind_int64 (stmt->native, index, value);
}

void
rifq_statement_bind_null (RifqStatement *stmt,
                          int            index)
{
  stmt->engine->bind_null (stmt->native, index);
}

void
rifq_statement_bind_blob (RifqStatement *stmt,
                          int            index,
                          gconstpointer  data,
                          gsize          size)
{
  stmt->engine->bind_blob (stmt->native, index, data, size);
}

RifqStep
rifq_statement_step (RifqStatement *stmt)
{
  return stmt->engine->step (stmt->native);
}

void
rifq_statement_reset (RifqStatement *stmt)
{
  stmt->engine->reset (stmt->native, FALSE);
}

gint64
rifq_statement_changes (RifqStatement *stmt)
{
  return stmt->engine->changes (stmt->native);
}

gint64
rifq_statement_get_int64 (RifqStatement *stmt,
                          int            column)
{
  return stmt->engine->get_int64 (stmt->native, column);
}

int
rifq_statement_get_int (RifqStatement *stmt,
                        int            column)
{
  return (int) stmt->engine->get_int64 (stmt->native, column);
}

const char *
rifq_statement_get_text (RifqStatement *stmt,
                         int            column)
{
  return stmt->engine->get_text (stmt->native, column);
}

char *
rifq_statement_dup_text (RifqStatement *stmt,
                         int            column)
{
  return g_strdup (stmt->engine->get_text (stmt->native, column));
}

gconstpointer
rifq_statement_get_blob (RifqStatement *stmt,
                         int            column)
{
  return stmt->engine->get_blob (stmt->native, column);
}

gsize
rifq_statement_get_size (RifqStatement *stmt,
                         int            column)
{
  return stmt->engine->get_size (stmt->native, column);
}

gboolean
rifq_statement_is_null (RifqStatement *stmt,
                        int            column)
{
  return stmt->engine->is_null (stmt->native, column);
}
