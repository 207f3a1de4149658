/* rifq-record-list.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-record-list"

#include "config.h"

#include "rifq-record-list.h"

struct _RifqRecordList
{
  GObject          parent_instance;

  RifqDb          *db;
  GStrv            kinds;
  GStrv            shown;
  RifqRecordQuery  query;
  gpointer         user_data;
  GDestroyNotify   destroy;

  GPtrArray       *items;
  GError          *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqRecordList, rifq_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return RIFQ_RECORD_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RifqRecordList *self = RIFQ_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rifq_record_list_dispose (GObject *object)
{
  RifqRecordList *self = (RifqRecordList *)object;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (rifq_record_list_parent_class)->dispose (object);
}

static void
rifq_record_list_finalize (GObject *object)
{
  RifqRecordList *self = (RifqRecordList *)object;

  g_strfreev (self->kinds);
  g_strfreev (self->shown);
  g_ptr_array_unref (self->items);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (rifq_record_list_parent_class)->finalize (object);
}

static void
rifq_record_list_class_init (RifqRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rifq_record_list_dispose;
  object_class->finalize = rifq_record_list_finalize;
}

static void
rifq_record_list_init (RifqRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static gint64
record_id (gpointer record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id;
}

/* Whether a row would show the same for both versions of a record. */
static gboolean
same_as_shown (RifqRecordList *self,
               gpointer        before,
               gpointer        after)
{
  if (before == after)
    return TRUE;
  for (guint i = 0; self->shown[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (before), self->shown[i]);
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      if (pspec == NULL)
        continue;
      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (before, self->shown[i], &a);
      g_object_get_property (after, self->shown[i], &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Puts the new records in place of the old, announcing the smallest stretch that differs: rows
 * equal at both ends, by id and by what they show, are kept as they are, unless every row is to
 * be made again. */
static void
take_records (RifqRecordList *self,
              GPtrArray      *records,
              gboolean        every_row)
{
  guint old_n = self->items->len;
  guint new_n = records->len;
  guint head = 0;
  guint tail = 0;

  while (!every_row && head < old_n && head < new_n &&
         record_id (self->items->pdata[head]) == record_id (records->pdata[head]) &&
         same_as_shown (self, self->items->pdata[head], records->pdata[head]))
    head++;
  while (!every_row && tail < old_n - head && tail < new_n - head &&
         record_id (self->items->pdata[old_n - 1 - tail]) == record_id (records->pdata[new_n - 1 - tail]) &&
         same_as_shown (self, self->items->pdata[old_n - 1 - tail], records->pdata[new_n - 1 - tail]))
    tail++;

  if (head == old_n && head == new_n && !every_row)
    return;

  g_ptr_array_remove_range (self->items, head, old_n - head - tail);
  for (guint i = head; i < new_n - tail; i++)
    g_ptr_array_insert (self->items, (int) i, g_object_ref (records->pdata[i]));
  g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
}

static gboolean
read_records (RifqRecordList  *self,
              gboolean         every_row,
              GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local_error = NULL;

  records = self->query (self->db, self->user_data, &local_error);
  g_clear_error (&self->error);
  if (records == NULL)
    {
      /* What cannot be read is not shown as if it were still so. */
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      self->error = g_error_copy (local_error);
      take_records (self, none, FALSE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  take_records (self, records, every_row);
  return TRUE;
}

gboolean
rifq_record_list_refresh (RifqRecordList  *self,
                          GError         **error)
{
  g_return_val_if_fail (RIFQ_IS_RECORD_LIST (self), FALSE);
  return read_records (self, FALSE, error);
}

gboolean
rifq_record_list_reload (RifqRecordList  *self,
                         GError         **error)
{
  g_return_val_if_fail (RIFQ_IS_RECORD_LIST (self), FALSE);
  return read_records (self, TRUE, error);
}

static void
records_changed_cb (RifqDb         *db,
                    const char     *kind,
                    GArray         *ids,
                    RifqRecordList *self)
{
  if (g_strv_contains ((const char * const *) self->kinds, kind))
    rifq_record_list_refresh (self, NULL);
}

RifqRecordList *
rifq_record_list_new (RifqDb             *db,
                      const char * const *kinds,
                      const char * const *shown,
                      RifqRecordQuery     query,
                      gpointer            user_data,
                      GDestroyNotify      destroy)
{
  RifqRecordList *self;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (kinds != NULL && shown != NULL && query != NULL, NULL);

  self = g_object_new (RIFQ_TYPE_RECORD_LIST, NULL);
  self->db = g_object_ref (db);
  self->kinds = g_strdupv ((char **) kinds);
  self->shown = g_strdupv ((char **) shown);
  self->query = query;
  self->user_data = user_data;
  self->destroy = destroy;
  g_signal_connect (db, "records-changed", G_CALLBACK (records_changed_cb), self);
  rifq_record_list_refresh (self, NULL);
  return self;
}

const GError *
rifq_record_list_get_error (RifqRecordList *self)
{
  g_return_val_if_fail (RIFQ_IS_RECORD_LIST (self), NULL);
  return self->error;
}

int
rifq_record_list_find (RifqRecordList *self,
                       gint64          id)
{
  g_return_val_if_fail (RIFQ_IS_RECORD_LIST (self), -1);

  for (guint i = 0; i < self->items->len; i++)
    if (record_id (self->items->pdata[i]) == id)
      return (int) i;
  return -1;
}
