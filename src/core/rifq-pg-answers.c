/* rifq-pg-answers.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include <string.h>

#include "rifq-pg-answers.h"

/* The largest answer kept for being asked again, in bytes: a logo, a scan is asked again. */
#define ANSWER_KEPT_MAX (64 * 1024)

/* The answers kept by the SQL they answer: forgetting those that name a table looks at each
 * statement once, however many answers it has. */
struct _RifqPgAnswers
{
  GHashTable *kept;   /* SQL → (GBytes → PGresult) */
  guint       size;
  guint       epoch;
};

RifqPgAnswers *
rifq_pg_answers_new (void)
{
  RifqPgAnswers *self = g_new0 (RifqPgAnswers, 1);

  self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  return self;
}

void
rifq_pg_answers_free (RifqPgAnswers *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->kept);
  g_free (self);
}

guint
rifq_pg_answers_epoch (RifqPgAnswers *self)
{
  return self->epoch;
}

guint
rifq_pg_answers_size (RifqPgAnswers *self)
{
  return self->size;
}

void
rifq_pg_answers_forget (RifqPgAnswers *self)
{
  self->epoch++;
  self->size = 0;
  if (g_hash_table_size (self->kept) > 0)
    g_hash_table_remove_all (self->kept);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Whether sql names table, as a whole word. */
static gboolean
names_table (const char *sql,
             const char *table)
{
  gsize length = strlen (table);

  for (const char *at = strstr (sql, table); at != NULL; at = strstr (at + 1, table))
    if ((at == sql || !is_name_char (at[-1])) && !is_name_char (at[length]))
      return TRUE;
  return FALSE;
}

/* The tables the server writes itself when another is written (a trigger of the server's
 * schema; tests/check-layers.py allows no other): what was read from them is forgotten with
 * what was read from the table they follow. */
static const struct
{
  const char *table;
  const char *follower;
} followers[] = {
  { "beneficiary", "beneficiary_word" },   /* keep_name_words, schema 13 */
  { "beneficiary", "name_word" },
  { "audit_append", "audit" },            /* rifq_append_audit, schema 16 */
  { "audit_append", "audit_anchor" },
};

/* Whether sql names table or a table the server writes when table is written. */
static gboolean
names_changed_table (const char *sql,
                     const char *table)
{
  if (names_table (sql, table))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (followers); i++)
    if (strcmp (followers[i].table, table) == 0 && names_table (sql, followers[i].follower))
      return TRUE;
  return FALSE;
}

void
rifq_pg_answers_forget_naming (RifqPgAnswers *self,
                               const char    *table)
{
  GHashTableIter iter;
  const char *sql;
  GHashTable *answers;

  /* What was asked before and is answered after this is not kept either. */
  self->epoch++;
  g_hash_table_iter_init (&iter, self->kept);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sql, (gpointer *) &answers))
    if (names_changed_table (sql, table))
      {
        self->size -= g_hash_table_size (answers);
        g_hash_table_iter_remove (&iter);
      }
}

GBytes *
rifq_pg_answers_key (const char         *sql,
                     int                 n,
                     char * const       *values,
                     const int          *lengths,
                     const int          *formats,
                     const unsigned int *types)
{
  GByteArray *key = g_byte_array_new ();

  /* The SQL first, ended: the key is read as the SQL when answers are forgotten by table. */
  g_byte_array_append (key, (const guint8 *) sql, strlen (sql) + 1);
  for (int i = 0; i < n; i++)
    {
      gint32 size = values[i] == NULL ? -1 : formats[i] == 1 ? lengths[i] : (gint32) strlen (values[i]);

      g_byte_array_append (key, (const guint8 *) &size, sizeof size);
      g_byte_array_append (key, (const guint8 *) &types[i], sizeof types[i]);
      if (size > 0)
        g_byte_array_append (key, (const guint8 *) values[i], (guint) size);
    }
  return g_byte_array_free_to_bytes (key);
}

PGresult *
rifq_pg_answers_lookup (RifqPgAnswers *self,
                        GBytes        *key)
{
  /* The key begins with its SQL, ended (rifq_pg_answers_key). */
  GHashTable *answers = g_hash_table_lookup (self->kept, g_bytes_get_data (key, NULL));
  PGresult *kept = answers != NULL ? g_hash_table_lookup (answers, key) : NULL;

  return kept != NULL ? PQcopyResult (kept, PG_COPYRES_ATTRS | PG_COPYRES_TUPLES) : NULL;
}

void
rifq_pg_answers_keep (RifqPgAnswers *self,
                      GBytes        *key,
                      guint          epoch,
                      PGresult      *result)
{
  GHashTable *answers;
  PGresult *copy;
  gsize size = 0;

  if (key == NULL || epoch != self->epoch || PQresultStatus (result) != PGRES_TUPLES_OK)
    return;
  for (int row = 0; row < PQntuples (result) && size <= ANSWER_KEPT_MAX; row++)
    for (int column = 0; column < PQnfields (result); column++)
      size += (gsize) PQgetlength (result, row, column);
  if (size > ANSWER_KEPT_MAX)
    return;
  copy = PQcopyResult (result, PG_COPYRES_ATTRS | PG_COPYRES_TUPLES);
  if (copy == NULL)
    return;
  answers = g_hash_table_lookup (self->kept, g_bytes_get_data (key, NULL));
  if (answers == NULL)
    {
      answers = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref,
                                       (GDestroyNotify) PQclear);
      g_hash_table_insert (self->kept, g_strdup (g_bytes_get_data (key, NULL)), answers);
    }
  if (g_hash_table_replace (answers, g_bytes_ref (key), copy))
    self->size++;
}

PGresult *
rifq_pg_answers_after_first_column (PGresult *result)
{
  int columns = PQnfields (result) - 1;
  g_autofree PGresAttDesc *attributes = g_new0 (PGresAttDesc, MAX (columns, 1));
  PGresult *answer = PQmakeEmptyPGresult (NULL, PGRES_TUPLES_OK);

  for (int c = 0; c < columns; c++)
    {
      attributes[c].name = PQfname (result, c + 1);
      attributes[c].tableid = PQftable (result, c + 1);
      attributes[c].columnid = PQftablecol (result, c + 1);
      attributes[c].format = PQfformat (result, c + 1);
      attributes[c].typid = PQftype (result, c + 1);
      attributes[c].typlen = PQfsize (result, c + 1);
      attributes[c].atttypmod = PQfmod (result, c + 1);
    }
  if (answer == NULL || !PQsetResultAttrs (answer, columns, attributes))
    {
      g_clear_pointer (&answer, PQclear);
      return NULL;
    }
  for (int row = 0; row < PQntuples (result); row++)
    for (int c = 0; c < columns; c++)
      if (!PQsetvalue (answer, row, c, PQgetisnull (result, row, c + 1) ? NULL : PQgetvalue (result, row, c + 1),
                       PQgetisnull (result, row, c + 1) ? -1 : PQgetlength (result, row, c + 1)))
        {
          g_clear_pointer (&answer, PQclear);
          return NULL;
        }
  return answer;
}
