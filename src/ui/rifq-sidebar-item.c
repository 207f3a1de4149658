/* rifq-sidebar-item.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-sidebar-item"

#include "config.h"

#include "rifq-record.h"
#include "rifq-sidebar-item.h"

struct _RifqSidebarItem
{
  GObject  parent_instance;

  char    *page;
  char    *title;
  char    *icon_name;
  char    *section;
};

G_DEFINE_FINAL_TYPE (RifqSidebarItem, rifq_sidebar_item, G_TYPE_OBJECT)

static void
rifq_sidebar_item_finalize (GObject *object)
{
  RifqSidebarItem *self = (RifqSidebarItem *) object;

  g_free (self->page);
  g_free (self->title);
  g_free (self->icon_name);
  g_free (self->section);

  G_OBJECT_CLASS (rifq_sidebar_item_parent_class)->finalize (object);
}

static void
rifq_sidebar_item_class_init (RifqSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqSidebarItem, page, "page", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqSidebarItem, title, "title", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqSidebarItem, icon_name, "icon-name", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqSidebarItem, section, "section", G_TYPE_STRING),
  };

  object_class->finalize = rifq_sidebar_item_finalize;
  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_sidebar_item_init (RifqSidebarItem *self)
{
}

RifqSidebarItem *
rifq_sidebar_item_new (const char *page,
                       const char *title,
                       const char *icon_name,
                       const char *section)
{
  g_return_val_if_fail (page != NULL, NULL);

  return g_object_new (RIFQ_TYPE_SIDEBAR_ITEM, "page", page, "title", title, "icon-name", icon_name,
                       "section", section, NULL);
}

const char *
rifq_sidebar_item_get_page (RifqSidebarItem *self)
{
  g_return_val_if_fail (RIFQ_IS_SIDEBAR_ITEM (self), NULL);
  return self->page;
}

const char *
rifq_sidebar_item_get_section (RifqSidebarItem *self)
{
  g_return_val_if_fail (RIFQ_IS_SIDEBAR_ITEM (self), NULL);
  return self->section;
}
