/* rifq-sidebar-item.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-sidebar-item"

#include "config.h"

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

enum {
  PROP_0,
  PROP_PAGE,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field (RifqSidebarItem *self,
       guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_PAGE:
      return &self->page;
    case PROP_TITLE:
      return &self->title;
    case PROP_ICON_NAME:
      return &self->icon_name;
    case PROP_SECTION:
      return &self->section;
    default:
      return NULL;
    }
}

static void
rifq_sidebar_item_finalize (GObject *object)
{
  RifqSidebarItem *self = (RifqSidebarItem *) object;

  for (guint prop_id = PROP_PAGE; prop_id < N_PROPS; prop_id++)
    g_free (*field (self, prop_id));

  G_OBJECT_CLASS (rifq_sidebar_item_parent_class)->finalize (object);
}

static void
rifq_sidebar_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  char **text = field (RIFQ_SIDEBAR_ITEM (object), prop_id);

  if (text == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *text);
}

static void
rifq_sidebar_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  char **text = field (RIFQ_SIDEBAR_ITEM (object), prop_id);

  if (text == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    *text = g_value_dup_string (value);
}

static void
rifq_sidebar_item_class_init (RifqSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rifq_sidebar_item_finalize;
  object_class->get_property = rifq_sidebar_item_get_property;
  object_class->set_property = rifq_sidebar_item_set_property;

  properties[PROP_PAGE] = g_param_spec_string ("page", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
