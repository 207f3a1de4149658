/* rifq-beneficiary-model.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-beneficiary-model"

#include "config.h"

#include <string.h>

#include "rifq-beneficiary.h"
#include "rifq-beneficiary-model.h"
#include "rifq-beneficiary-store.h"
#include "rifq-permission.h"
#include "rifq-staff.h"

#define PAGE_SIZE     100
#define PAGES_KEPT    8
#define SEARCH_LIMIT  200

struct _RifqBeneficiaryModel
{
  GObject     parent_instance;

  /* owned */
  RifqDb     *db;
  char       *query;
  GPtrArray  *results;     /* search results, when query is set */
  GHashTable *pages;       /* page number → GPtrArray of RifqBeneficiary */
  GQueue      page_order;  /* oldest page first, to drop when over PAGES_KEPT */
  GHashTable *page_after;  /* page number → Key of the row just before it, once known */

  /* state */
  guint       n_items;
  guint       pages_read;
};

enum {
  PROP_0,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);
static void records_changed_cb    (RifqBeneficiaryModel *self,
                                   const char           *kind,
                                   GArray               *ids,
                                   RifqDb               *db);

/* A row's place in name order, to read the next page from it rather than by OFFSET. */
typedef struct
{
  char   *name_norm;
  gint64  id;
} Key;

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->name_norm);
  g_free (key);
}

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqBeneficiaryModel, rifq_beneficiary_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return RIFQ_TYPE_BENEFICIARY;
}

static guint
get_n_items (GListModel *model)
{
  return RIFQ_BENEFICIARY_MODEL (model)->n_items;
}

static GPtrArray *
read_page (RifqBeneficiaryModel *self,
           guint                 page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    return rows;

  {
    Key *after = g_hash_table_lookup (self->page_after, GUINT_TO_POINTER (page));

    if (after != NULL)
      rows = rifq_beneficiary_store_list_after (self->db, after->name_norm, after->id, PAGE_SIZE, &error);
    else
      rows = rifq_beneficiary_store_list (self->db, page * PAGE_SIZE, PAGE_SIZE, &error);
  }
  if (rows == NULL)
    {
      g_warning ("Cannot read the registry: %s", error->message);
      return NULL;
    }
  self->pages_read++;

  /* Scrolling on reads the next page from here: as fast at the end as at the start. */
  if (rows->len == PAGE_SIZE && !g_hash_table_contains (self->page_after, GUINT_TO_POINTER (page + 1)))
    {
      RifqBeneficiary *last = g_ptr_array_index (rows, rows->len - 1);
      Key *key = g_new0 (Key, 1);

      key->name_norm = rifq_beneficiary_dup_name_norm (last);
      key->id = rifq_beneficiary_get_id (last);
      g_hash_table_insert (self->page_after, GUINT_TO_POINTER (page + 1), key);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > PAGES_KEPT)
    g_hash_table_remove (self->pages, g_queue_pop_head (&self->page_order));
  return rows;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RifqBeneficiaryModel *self = RIFQ_BENEFICIARY_MODEL (model);
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  if (self->results != NULL)
    return g_object_ref (g_ptr_array_index (self->results, position));

  rows = read_page (self, position / PAGE_SIZE);
  if (rows == NULL || position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rifq_beneficiary_model_finalize (GObject *object)
{
  RifqBeneficiaryModel *self = (RifqBeneficiaryModel *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->page_after, g_hash_table_unref);
  g_queue_clear (&self->page_order);

  G_OBJECT_CLASS (rifq_beneficiary_model_parent_class)->finalize (object);
}

static void
rifq_beneficiary_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RifqBeneficiaryModel *self = RIFQ_BENEFICIARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_beneficiary_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RifqBeneficiaryModel *self = RIFQ_BENEFICIARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      rifq_beneficiary_model_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_beneficiary_model_class_init (RifqBeneficiaryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rifq_beneficiary_model_finalize;
  object_class->get_property = rifq_beneficiary_model_get_property;
  object_class->set_property = rifq_beneficiary_model_set_property;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rifq_beneficiary_model_init (RifqBeneficiaryModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->page_after = g_hash_table_new_full (NULL, NULL, NULL, key_free);
  g_queue_init (&self->page_order);
}

RifqBeneficiaryModel *
rifq_beneficiary_model_new (RifqDb *db)
{
  RifqBeneficiaryModel *self;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  self = g_object_new (RIFQ_TYPE_BENEFICIARY_MODEL, NULL);
  self->db = g_object_ref (db);
  g_signal_connect_object (db, "records-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
  rifq_beneficiary_model_reload (self);
  return self;
}

const char *
rifq_beneficiary_model_get_query (RifqBeneficiaryModel *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY_MODEL (self), NULL);
  return self->query;
}

static void
forget_pages (RifqBeneficiaryModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->page_after);
  g_queue_clear (&self->page_order);
}

/* Whether the person at the workstation may read the registry. */
static gboolean
reads_registry (RifqBeneficiaryModel *self)
{
  return rifq_permission_allows (RIFQ_PERMISSION_READ_RECORDS, rifq_staff_actor_roles (self->db));
}

void
rifq_beneficiary_model_reload (RifqBeneficiaryModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items;

  g_return_if_fail (RIFQ_IS_BENEFICIARY_MODEL (self));

  old_n_items = self->n_items;
  g_clear_pointer (&self->results, g_ptr_array_unref);
  forget_pages (self);

  /* Empty to who may not read the registry (the social researcher, the board): nothing is
   * asked of the store, so nothing is refused. */
  if (!reads_registry (self))
    self->n_items = 0;
  else if (self->query != NULL && *self->query != '\0')
    {
      self->results = rifq_beneficiary_store_search (self->db, self->query, SEARCH_LIMIT, &error);
      if (self->results == NULL)
        {
          g_warning ("Search failed: %s", error->message);
          self->results = g_ptr_array_new_with_free_func (g_object_unref);
        }
      self->n_items = self->results->len;
    }
  else
    {
      gint64 count = rifq_beneficiary_store_count (self->db, &error);

      if (count < 0)
        g_warning ("Cannot count the registry: %s", error->message);
      self->n_items = (guint) MAX (count, 0);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
rifq_beneficiary_model_set_query (RifqBeneficiaryModel *self,
                                  const char           *query)
{
  g_return_if_fail (RIFQ_IS_BENEFICIARY_MODEL (self));

  /* An empty search is no search: the whole registry, without reading it again. */
  if (query != NULL && *query == '\0')
    query = NULL;
  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  rifq_beneficiary_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

static int
compare_keys (RifqBeneficiary *a,
              RifqBeneficiary *b)
{
  g_autofree char *norm_a = rifq_beneficiary_dup_name_norm (a);
  g_autofree char *norm_b = rifq_beneficiary_dup_name_norm (b);
  int cmp = strcmp (norm_a, norm_b);

  if (cmp != 0)
    return cmp;
  return (rifq_beneficiary_get_id (a) > rifq_beneficiary_get_id (b)) -
         (rifq_beneficiary_get_id (a) < rifq_beneficiary_get_id (b));
}

/* A beneficiary was saved: before is the record as the list held it (NULL when new), after as
 * saved. */
static void
saved (RifqBeneficiaryModel *self,
       RifqBeneficiary      *before,
       RifqBeneficiary      *after)
{
  g_autoptr(GError) error = NULL;
  gint64 new_position;
  gint64 old_position;

  /* Only the rows that moved are announced: a list view handed "everything changed" would
   * read all 100,000 rows again to keep its widgets. */
  forget_pages (self);
  new_position = rifq_beneficiary_store_position (self->db, after, &error);
  if (new_position < 0)
    {
      g_warning ("Cannot place the saved beneficiary: %s", error->message);
      rifq_beneficiary_model_reload (self);
      return;
    }

  if (before == NULL)
    {
      self->n_items++;
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      return;
    }

  /* Rows before the old key, less the saved row itself if it moved in front of it. */
  old_position = rifq_beneficiary_store_position (self->db, before, NULL);
  if (old_position < 0)
    {
      rifq_beneficiary_model_reload (self);
      return;
    }
  if (compare_keys (after, before) < 0)
    old_position--;

  /* One signal over the rows between the two places: the model already holds the new order. */
  {
    gint64 first = MIN (old_position, new_position);
    guint n = (guint) (MAX (old_position, new_position) - first + 1);

    g_list_model_items_changed (G_LIST_MODEL (self), (guint) first, n, n);
  }
}

/* The row the list holds for id, from the pages read, or NULL. */
static RifqBeneficiary *
find_read (RifqBeneficiaryModel *self,
           gint64                id)
{
  GHashTableIter iter;
  GPtrArray *rows;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rows))
    for (guint i = 0; i < rows->len; i++)
      if (rifq_beneficiary_get_id (g_ptr_array_index (rows, i)) == id)
        return g_object_ref (g_ptr_array_index (rows, i));
  return NULL;
}

/* The store committed a change, here or at another workstation. One beneficiary saved moves
 * its row alone; anything else, or a search's results, is read again. */
static void
records_changed_cb (RifqBeneficiaryModel *self,
                    const char           *kind,
                    GArray               *ids,
                    RifqDb               *db)
{
  g_autoptr(RifqBeneficiary) before = NULL;
  g_autoptr(RifqBeneficiary) after = NULL;
  gint64 count;
  gint64 id;

  if (!g_str_equal (kind, "beneficiary") || !reads_registry (self))
    return;
  if (self->results != NULL || ids->len != 1)
    {
      rifq_beneficiary_model_reload (self);
      return;
    }

  id = g_array_index (ids, gint64, 0);
  after = rifq_beneficiary_store_get (db, id, NULL);
  before = find_read (self, id);
  count = rifq_beneficiary_store_count (db, NULL);
  if (after != NULL && before == NULL && count == (gint64) self->n_items + 1)
    saved (self, NULL, after);
  else if (after != NULL && before != NULL && count == (gint64) self->n_items)
    saved (self, before, after);
  else
    rifq_beneficiary_model_reload (self);
}

guint
rifq_beneficiary_model_get_pages_read (RifqBeneficiaryModel *self)
{
  g_return_val_if_fail (RIFQ_IS_BENEFICIARY_MODEL (self), 0);
  return self->pages_read;
}
