/* rifq-pg-search.c: the name search in PostgreSQL's words
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include "rifq-pg-search.h"

/* The server answers from two tables of schema 13 (migrations-postgres/0013-name-words.sql):
 * beneficiary_word, each word of each name with the name and its number, in word order, then
 * name order; and name_word, each word once with how many names hold it.
 *
 * A word typed is a prefix: the words starting with it are a range of name_word, from the word
 * to the word followed by the last character there is (the database sorts byte by byte, and
 * UTF-8's byte order is the characters' order). Each of those words' names is read from
 * beneficiary_word in name order, no further than the names wanted, and the first of them all
 * are the answer: fifty names of a family name a million people hold are fifty entries. When
 * more than PREFIX_WORDS words start with what was typed (a letter or two), the answer says the
 * words are too common, and the store reads the registry in name order instead.
 *
 * Normalised names and words are letters and digits with one space between words, so a name
 * holds a word at a word's start when, a space put before each, " word" is found in " name":
 * the test SQLite's FTS5 makes with "w1 w2"* (one after another, the last a prefix) and "w1"*
 * AND "w2"* (each anywhere), here made on the name beside each entry (strpos, which costs
 * less than LIKE's pattern). */
#define PREFIX_WORDS "64"
#define WORD_RANGE(lo) "word >= " lo " AND word < " lo " || chr (1114111)"

char *
rifq_pg_name_search (const char    *columns,
                     char * const  *words,
                     gboolean       phrase,
                     GPtrArray     *values)
{
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autoptr(GString) tests = g_string_new (NULL);
  g_autoptr(GString) answer = g_string_new (NULL);
  guint n_words = g_strv_length ((char **) words);

  /* ?3.. the words, then the names' tests. */
  for (guint i = 0; i < n_words; i++)
    {
      g_ptr_array_add (values, g_strdup (words[i]));
      g_string_append_printf (typed, "%s(?%u, %u)", i > 0 ? ", " : "", i + 3, i);
    }
  if (phrase)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) words);

      g_ptr_array_add (values, g_strconcat (" ", joined, NULL));
      g_string_append_printf (tests, " AND strpos (' ' || name_norm, ?%u) > 0", n_words + 3);
    }
  else
    for (guint i = 0; i < n_words; i++)
      {
        g_ptr_array_add (values, g_strconcat (" ", words[i], NULL));
        g_string_append_printf (tests, " AND strpos (' ' || name_norm, ?%u) > 0", n_words + i + 3);
      }

  /* Each column as the answer's: what the names are read into below. */
  {
    g_auto(GStrv) names = g_strsplit (columns, ",", -1);

    for (guint i = 0; names[i] != NULL; i++)
      g_string_append_printf (answer, "b.%s, ", g_strstrip (names[i]));
  }

  /* The names are read through the word typed that fewest names hold (of those as many
   * words start with: the longest, then the last typed, a family name more often than a first
   * name), each tested for every word typed. The answer has a row, if only to say the words
   * are too common, when no name holds them: its columns are empty. */
  return g_strconcat ("WITH r AS (SELECT v.w FROM (VALUES ", typed->str, ") v (w, i), LATERAL"
                      " (SELECT count(*) AS words, coalesce (sum (names), 0) AS names FROM"
                      " (SELECT names FROM name_word WHERE " WORD_RANGE ("v.w") " LIMIT " PREFIX_WORDS ") s) c"
                      " ORDER BY c.words >= " PREFIX_WORDS ", c.names, length (v.w) DESC, v.i DESC LIMIT 1),"
                      " d AS (SELECT word FROM r, name_word WHERE " WORD_RANGE ("r.w") " LIMIT " PREFIX_WORDS "),"
                      " m AS MATERIALIZED (SELECT x.name_norm, x.id FROM d, LATERAL"
                      " (SELECT name_norm, id FROM beneficiary_word b WHERE b.word = d.word", tests->str,
                      " ORDER BY name_norm, id LIMIT ?1) x),"
                      " f AS (SELECT DISTINCT name_norm, id FROM m ORDER BY name_norm, id LIMIT ?1)"
                      " SELECT ", answer->str, "z.common"
                      " FROM (SELECT CASE WHEN count(*) >= " PREFIX_WORDS " THEN ?2 ELSE 0 END AS common FROM d) z"
                      " LEFT JOIN (f CROSS JOIN LATERAL"
                      " (SELECT ", columns, " FROM beneficiary WHERE beneficiary.id = f.id LIMIT 1) b) ON TRUE"
                      " ORDER BY f.name_norm, f.id", NULL);
}

char *
rifq_pg_name_count (const char *word,
                    GPtrArray  *values)
{
  g_ptr_array_add (values, g_strdup (word));
  return g_strdup ("SELECT CASE WHEN count(*) >= " PREFIX_WORDS " THEN ?1 ELSE 0 END FROM"
                   " (SELECT 1 FROM name_word WHERE " WORD_RANGE ("?2") " LIMIT " PREFIX_WORDS ") c");
}
