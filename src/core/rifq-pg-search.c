/* rifq-pg-search.c: the name search in PostgreSQL's words
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include "rifq-pg-search.h"

/* PostgreSQL's text search over name_norm's words, which its GIN index answers: the tsquery
 * 'w1 <-> w2:*' is the words one after another, the last a prefix, as SQLite's FTS5 phrase
 * "w1 w2"*; 'w1:* & w2:*' each word anywhere. The 'simple' configuration takes the words as
 * they are; after normalisation they are letters and digits only, so nothing in them is read
 * as an operator. */
static char *
pg_name_query (char * const *words,
               gboolean      phrase)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (query, phrase ? " <-> " : " & ");
      g_string_append (query, words[i]);
      if (!phrase || words[i + 1] == NULL)
        g_string_append (query, ":*");
    }
  return g_string_free (query, FALSE);
}

char *
rifq_pg_name_search (const char    *columns,
                     char * const  *words,
                     gboolean       phrase,
                     GPtrArray     *values)
{
  g_ptr_array_add (values, pg_name_query (words, phrase));

  /* In byte order, said outright: the rows found are sorted, rather than the whole registry
   * walked in name order looking for them, which the planner would choose for a family name and
   * pay for in thousands of rows. */
  return g_strconcat ("WITH m AS MATERIALIZED (SELECT id FROM beneficiary"
                      " WHERE to_tsvector ('simple', name_norm) @@ to_tsquery ('simple', ?1) LIMIT ?3)"
                      " SELECT ", columns, ", (SELECT count(*) FROM m) FROM beneficiary"
                      " WHERE id IN (SELECT id FROM m) ORDER BY name_norm COLLATE \"C\", id LIMIT ?2", NULL);
}

char *
rifq_pg_name_count (const char *word,
                    GPtrArray  *values)
{
  char *words[] = { (char *) word, NULL };

  g_ptr_array_add (values, pg_name_query (words, TRUE));
  return g_strdup ("SELECT count(*) FROM (SELECT 1 FROM beneficiary"
                   " WHERE to_tsvector ('simple', name_norm) @@ to_tsquery ('simple', ?1) LIMIT ?2) m");
}
