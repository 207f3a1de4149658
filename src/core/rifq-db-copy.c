/* rifq-db-copy.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-audit.h"
#include "rifq-beneficiary-store.h"
#include "rifq-db-copy.h"
#include "rifq-db-private.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-permission.h"
#include "rifq-seal.h"
#include "rifq-statement.h"

/* Every table of the schema, each after those its rows refer to, with the statement that counts
 * its rows: written out whole, as SQL cannot take a table's name as a parameter. A table with a
 * key of one column is read in chunks of that many rows, in the key's order: a server hands a
 * query's rows over whole, and a branch's scans do not fit in memory at once. */
#define TABLE(name) { name, "SELECT count(*) FROM " name, NULL, 0 }
#define TABLE_BY(name, key, chunk) { name, "SELECT count(*) FROM " name, key, chunk }

static const struct
{
  const char *name;
  const char *count_sql;
  const char *key;     /* its one-column key, or NULL: read whole */
  guint       chunk;
} tables[] = {
  TABLE ("settings"),
  TABLE ("channel"),
  TABLE ("staff_tool"),
  TABLE ("support_kind"),
  TABLE ("document_type"),
  TABLE ("support_kind_document"),
  TABLE ("sequence"),
  TABLE ("staff"),
  TABLE ("staff_role"),
  TABLE_BY ("beneficiary", "id", 5000),
  TABLE_BY ("caregiver", "id", 5000),
  TABLE_BY ("consent", "id", 5000),
  TABLE_BY ("interaction", "id", 5000),
  TABLE_BY ("request", "id", 5000),
  TABLE_BY ("attachment", "sha256", 16),
  TABLE_BY ("document", "id", 5000),
  TABLE ("document_scan"),
  TABLE_BY ("referral", "id", 5000),
  TABLE_BY ("service", "id", 5000),
  TABLE_BY ("meeting", "id", 5000),
  TABLE ("meeting_member"),
  TABLE ("agenda_item"),
  TABLE ("vote"),
  TABLE_BY ("decision", "id", 5000),
  TABLE_BY ("letter", "id", 5000),
  TABLE ("seal_public_key"),
  TABLE_BY ("seal", "id", 5000),
  TABLE ("chain_key"),
  TABLE_BY ("audit", "id", 5000),
  TABLE ("audit_anchor"),
};

/* The same tables emptied, the last first. */
#define EMPTY_TABLES \
  "DELETE FROM audit_anchor;" \
  "DELETE FROM audit;" \
  "DELETE FROM chain_key;" \
  "DELETE FROM seal;" \
  "DELETE FROM seal_public_key;" \
  "DELETE FROM letter;" \
  "DELETE FROM decision;" \
  "DELETE FROM vote;" \
  "DELETE FROM agenda_item;" \
  "DELETE FROM meeting_member;" \
  "DELETE FROM meeting;" \
  "DELETE FROM service;" \
  "DELETE FROM referral;" \
  "DELETE FROM document_scan;" \
  "DELETE FROM document;" \
  "DELETE FROM attachment;" \
  "DELETE FROM request;" \
  "DELETE FROM interaction;" \
  "DELETE FROM consent;" \
  "DELETE FROM caregiver;" \
  "DELETE FROM beneficiary;" \
  "DELETE FROM staff_role;" \
  "DELETE FROM staff;" \
  "DELETE FROM sequence;" \
  "DELETE FROM support_kind_document;" \
  "DELETE FROM document_type;" \
  "DELETE FROM support_kind;" \
  "DELETE FROM staff_tool;" \
  "DELETE FROM channel;" \
  "DELETE FROM settings;"

typedef struct
{
  RifqDb *source;
  gint64  rows;
} Copy;

/* Inserts the rows of one chunk (or the whole table) read by rows; the last key read goes to
 * *last_key when key_column is given. */
static gboolean
copy_rows (Copy           *copy,
           RifqDb         *target,
           RifqStatement  *rows,
           const char     *insert,
           guint           n_columns,
           const char     *blobs,
           int             key_column,
           char          **last_key,
           guint          *out_read,
           GError        **error)
{
  g_autofree RifqValue *values = g_new0 (RifqValue, n_columns);
  RifqStep step;

  *out_read = 0;
  while ((step = rifq_statement_step (rows)) == RIFQ_STEP_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        if (rifq_statement_is_null (rows, i))
          values[i] = RIFQ_NULL;
        else if (blobs[i] == '1')
          values[i] = RIFQ_BYTES (rifq_statement_get_blob (rows, i), rifq_statement_get_size (rows, i));
        else
          values[i] = RIFQ_TEXT (rifq_statement_get_text (rows, i));
      if (!rifq_db_execute (target, insert, values, n_columns, error))
        {
          rifq_statement_reset (rows);
          return FALSE;
        }
      if (key_column >= 0)
        {
          g_free (*last_key);
          *last_key = rifq_statement_dup_text (rows, key_column);
        }
      copy->rows++;
      (*out_read)++;
    }
  rifq_statement_reset (rows);
  if (step != RIFQ_STEP_DONE)
    return rifq_db_fail (copy->source, error);
  return TRUE;
}

static gboolean
copy_table (Copy        *copy,
            RifqDb      *target,
            guint        t,
            GError     **error)
{
  const char *table = tables[t].name;
  const char *key = tables[t].key;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) blobs = g_string_new (NULL);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *last_key = NULL;
  int key_column = -1;
  guint read = 0;

  if (!_rifq_db_columns (target, table, names, blobs, error))
    return FALSE;
  for (guint i = 0; key != NULL && i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), key))
      key_column = (int) i;
  g_ptr_array_add (names, NULL);
  columns = g_strjoinv (", ", (char **) names->pdata);
  g_ptr_array_set_size (names, names->len - 1);

  /* The names come from the program's table list and the target's own catalogue; the values are
   * bound. */
  if (key_column >= 0)
    g_string_append_printf (select, "%s FROM %s WHERE %s > ?1 ORDER BY %s LIMIT ?2", columns, table, key, key);
  else
    g_string_append_printf (select, "%s FROM %s ORDER BY 1", columns, table);
  insert = g_string_new (NULL);
  g_string_append_printf (insert, "INSERT INTO %s (%s) VALUES (", table, columns);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (insert, "%s?%u", i ? ", " : "", i + 1);
  g_string_append_c (insert, ')');

  if (key_column < 0)
    {
      RifqStatement *rows = rifq_db_query (copy->source, select->str, RIFQ_NO_PARAMS, error);

      if (rows == NULL ||
          !copy_rows (copy, target, rows, insert->str, names->len, blobs->str, -1, NULL, &read, error))
        return FALSE;
    }
  else
    {
      /* The first chunk starts before every id, or every text. */
      gboolean numeric = g_str_equal (key, "id");

      do
        {
          RifqValue after = last_key != NULL ? (numeric ? RIFQ_INT (g_ascii_strtoll (last_key, NULL, 10))
                                                        : RIFQ_TEXT (last_key))
                                             : (numeric ? RIFQ_INT (G_MININT64) : RIFQ_TEXT (""));
          RifqStatement *rows = rifq_db_query (copy->source, select->str,
                                               RIFQ_PARAMS (after, RIFQ_INT (tables[t].chunk)), error);

          if (rows == NULL ||
              !copy_rows (copy, target, rows, insert->str, names->len, blobs->str, key_column, &last_key, &read,
                          error))
            return FALSE;
        }
      while (read == tables[t].chunk);
    }
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), "id"))
      return _rifq_db_ids_follow (target, table, error);
  return TRUE;
}

static gboolean
copy_tables (RifqDb   *target,
             gpointer  data,
             GError  **error)
{
  Copy *copy = data;

  /* Empty still, now that the write lock is held: another copy may have gone first. */
  if (!_rifq_db_check_empty (target, error))
    return FALSE;
  /* What the migrations put in a new database (settings, channels…) makes way for the desk's. */
  if (!rifq_db_exec (target, EMPTY_TABLES, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!copy_table (copy, target, i, error))
      return FALSE;
  return TRUE;
}

static gint64
count_rows (RifqDb     *db,
            const char *count_sql)
{
  gint64 count = -1;

  if (!rifq_db_query_int (db, count_sql, RIFQ_NO_PARAMS, &count, NULL, NULL))
    return -1;
  return count;
}

/* The seals of up to sample records of a kind stand on the copy as on the source. */
static gboolean
check_seals (RifqDb      *source,
             RifqDb      *target,
             const char  *kind,
             RifqSealState (*check) (RifqDb *, gint64, RifqSeal **, char **),
             guint        sample,
             guint       *checked,
             GError     **error)
{
  RifqStatement *stmt = rifq_db_query (source, "SELECT subject_id FROM seal WHERE kind = ?1 ORDER BY id LIMIT ?2",
                                       RIFQ_PARAMS (RIFQ_TEXT (kind), RIFQ_INT (sample)), error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return FALSE;
  while (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      gint64 id = rifq_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  rifq_statement_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *source_message = NULL;
      g_autofree char *target_message = NULL;
      RifqSealState was = check (source, id, NULL, &source_message);
      RifqSealState is = check (target, id, NULL, &target_message);

      if (was != is)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                       _("The copy differs from the desk: the seal of %s %s no longer checks as it did. %s"),
                       kind, number, target_message != NULL ? target_message : "");
          return FALSE;
        }
      (*checked)++;
    }
  return TRUE;
}

static gboolean
record_copy_cb (RifqDb      *db,
                RifqDbWrite *write,
                gpointer     user_data,
                GError     **error)
{
  rifq_db_write_audit_take (write, "copy", "database", 0, NULL, json_node_ref (user_data),
                            "Copied whole from another database of the association.");
  return TRUE;
}

gboolean
rifq_db_copy (const char         *from,
              const char         *to,
              const char         *actor,
              guint               seal_sample,
              RifqDbCopySummary  *out_summary,
              GError            **error)
{
  g_autoptr(RifqDb) source = NULL;
  g_autoptr(RifqDb) target = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) note = NULL;
  gboolean has_legacy_key = FALSE;
  RifqDbCopySummary summary = { 0 };
  Copy copy = { 0 };

  g_return_val_if_fail (from != NULL && to != NULL && actor != NULL, FALSE);

  if (g_strcmp0 (from, to) == 0 || (!rifq_db_is_server_location (to) && rifq_db_file_is_open (to)))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                           _("A database is not copied onto itself. Nothing was written."));
      return FALSE;
    }

  /* The source as it stands, read only: at this program's schema, its log whole. */
  source = rifq_db_open_existing (from, error);
  if (source == NULL)
    return FALSE;
  /* Every record leaves with the copy: the source's own administrators may take it. */
  rifq_db_set_actor (source, actor);
  if (!rifq_permission_check (source, RIFQ_PERMISSION_COPY, error))
    return FALSE;
  if (rifq_db_get_schema_version (source) != RIFQ_SCHEMA_VERSION)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE,
                   _("“%s” is at schema %d: bring it up to date with “rifq-admin init” first (schema %d). "
                     "Nothing was written."),
                   rifq_db_get_path (source), rifq_db_get_schema_version (source), RIFQ_SCHEMA_VERSION);
      return FALSE;
    }
  if (!rifq_db_has_table (source, "seal_key_to_move", &has_legacy_key, error))
    return FALSE;
  /* An empty one is only what a copy onto a file made: no key waits in it. */
  if (has_legacy_key)
    {
      gint64 keys = 0;

      if (!rifq_db_query_int (source, "SELECT count(*) FROM seal_key_to_move", RIFQ_NO_PARAMS, &keys, NULL, error))
        return FALSE;
      has_legacy_key = keys > 0;
    }
  if (has_legacy_key)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE,
                   _("“%s” still keeps its seal’s private key inside: open it once with Rifq, which moves the key "
                     "to its own file, then copy it. Nothing was written."), rifq_db_get_path (source));
      return FALSE;
    }
  /* From here to the end the source is read in one state, however its workstations write
   * meanwhile: its log (against the anchor its workstations keep, read before its first read),
   * its records, what is copied, the counts the copy is checked against, the seals. */
  if (!_rifq_db_begin_snapshot (source, error))
    return FALSE;
  if (!rifq_db_verify_audit (source, &summary.audit_entries, error))
    {
      g_prefix_error (error, _("The audit log of “%s” does not verify, so it is not copied: "), rifq_db_get_path (source));
      return FALSE;
    }
  /* Nor records changed behind Rifq's back: the copy would carry them on as if Rifq had written
   * them. */
  {
    g_autoptr(GPtrArray) problems = NULL;
    guint changed = 0;

    if (!rifq_audit_check_records (source, 1, &problems, &changed, error))
      return FALSE;
    if (changed > 0)
      {
        g_autofree char *count = g_strdup_printf ("%u", changed);

        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE,
                     _("%s records of “%s” were changed behind Rifq’s back (%s), so it is not copied: see "
                       "“rifq-admin check”. Nothing was written."), count, rifq_db_get_path (source),
                     (const char *) g_ptr_array_index (problems, 0));
        return FALSE;
      }
  }

  target = _rifq_db_open_empty (to, error);
  if (target == NULL)
    return FALSE;
  copy.source = source;
  if (!_rifq_db_transaction (target, copy_tables, &copy, error))
    return FALSE;
  rifq_beneficiary_store_count_words (target);
  rifq_db_refresh_statistics (target);
  g_clear_object (&target);

  /* What arrived, read back through a connection of its own. */
  target = rifq_db_open (to, error);
  if (target == NULL)
    return FALSE;
  /* Read as the one who copies, an administrator there too: the staff came with the copy. */
  rifq_db_set_actor (target, actor);
  /* The copy goes on as a database of its own: the key folder keeps its anchor apart. */
  _rifq_db_remember_anchor (target);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 was = count_rows (source, tables[i].count_sql);
      gint64 is = count_rows (target, tables[i].count_sql);

      if (was != is || was < 0)
        {
          g_autofree char *there = g_strdup_printf ("%" G_GINT64_FORMAT, was);
          g_autofree char *here = g_strdup_printf ("%" G_GINT64_FORMAT, is);

          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                       _("The copy differs from the desk: table “%s” has %s rows there and %s here."), tables[i].name,
                       there, here);
          return FALSE;
        }
    }
  summary.tables = G_N_ELEMENTS (tables);
  summary.rows = copy.rows;
  if (!rifq_db_verify_audit (target, NULL, error))
    {
      g_prefix_error (error, _("The copy’s audit log does not verify: "));
      return FALSE;
    }
  if (!check_seals (source, target, "request", rifq_seal_check_request, seal_sample, &summary.seals_checked, error) ||
      !check_seals (source, target, "letter", rifq_seal_check_letter, seal_sample, &summary.seals_checked, error))
    return FALSE;
  _rifq_db_end_snapshot (source);

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "from", rifq_db_get_path (source));
  rifq_json_add_int (builder, "tables", summary.tables);
  rifq_json_add_int (builder, "rows", summary.rows);
  json_builder_end_object (builder);
  note = json_builder_get_root (builder);
  rifq_db_set_actor (target, actor);
  if (!rifq_db_write (target, record_copy_cb, note, error))
    return FALSE;

  if (out_summary != NULL)
    *out_summary = summary;
  return TRUE;
}
