/* rifq-channel.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-channel"

#include "config.h"

#include "rifq-channel.h"
#include "rifq-locale.h"
#include "rifq-statement.h"

void
rifq_policy_item_free (RifqPolicyItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->label_ar);
  g_free (item->label_en);
  g_free (item->icon);
  g_free (item);
}

const char *
rifq_policy_item_label (const RifqPolicyItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return rifq_locale_is_arabic () ? item->label_ar : item->label_en;
}

static gpointer
row_to_item (RifqStatement *stmt)
{
  RifqPolicyItem *item = g_new0 (RifqPolicyItem, 1);

  item->code = rifq_statement_dup_text (stmt, 0);
  item->label_ar = rifq_statement_dup_text (stmt, 1);
  item->label_en = rifq_statement_dup_text (stmt, 2);
  item->icon = rifq_statement_dup_text (stmt, 3);
  item->position = rifq_statement_get_int (stmt, 4);
  return item;
}

GPtrArray *
rifq_policy_item_list (RifqDb     *db,
                       const char *sql,
                       GError    **error)
{
  return rifq_db_query_all (db, sql, RIFQ_NO_PARAMS, row_to_item, (GDestroyNotify) rifq_policy_item_free, error);
}

GPtrArray *
rifq_channel_list (RifqDb  *db,
                   GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  return rifq_policy_item_list (db, "SELECT code, label_ar, label_en, icon, position FROM channel ORDER BY position", error);
}

GPtrArray *
rifq_staff_tool_list (RifqDb  *db,
                      GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  return rifq_policy_item_list (db, "SELECT code, label_ar, label_en, icon, position FROM staff_tool ORDER BY position", error);
}

gboolean
rifq_channel_exists (RifqDb     *db,
                     const char *code)
{
  gint64 one;
  gboolean found;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  rifq_db_query_int (db, "SELECT 1 FROM channel WHERE code = ?", RIFQ_PARAMS (RIFQ_TEXT (code)), &one, &found, NULL);
  return found;
}
