/* rifq-sidebar-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-sidebar-row"

#include "config.h"

#include "rifq-record.h"
#include "rifq-sidebar-row.h"

struct _RifqSidebarRow
{
  GtkListBoxRow    parent_instance;

  /* template children */
  GtkImage        *icon;
  GtkLabel        *title;

  RifqSidebarItem *item;
};

G_DEFINE_FINAL_TYPE (RifqSidebarRow, rifq_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
rifq_sidebar_row_constructed (GObject *object)
{
  RifqSidebarRow *self = (RifqSidebarRow *) object;

  G_OBJECT_CLASS (rifq_sidebar_row_parent_class)->constructed (object);

  g_object_bind_property (self->item, "icon-name", self->icon, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->item, "title", self->title, "label", G_BINDING_SYNC_CREATE);
}

static void
rifq_sidebar_row_dispose (GObject *object)
{
  RifqSidebarRow *self = (RifqSidebarRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (rifq_sidebar_row_parent_class)->dispose (object);
}

static void
rifq_sidebar_row_class_init (RifqSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqSidebarRow, item, "item", RIFQ_TYPE_SIDEBAR_ITEM),
  };

  object_class->constructed = rifq_sidebar_row_constructed;
  object_class->dispose = rifq_sidebar_row_dispose;

  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RifqSidebarRow, title);
}

static void
rifq_sidebar_row_init (RifqSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rifq_sidebar_row_new (RifqSidebarItem *item)
{
  g_return_val_if_fail (RIFQ_IS_SIDEBAR_ITEM (item), NULL);

  return g_object_new (RIFQ_TYPE_SIDEBAR_ROW, "item", item, NULL);
}

RifqSidebarItem *
rifq_sidebar_row_get_item (RifqSidebarRow *self)
{
  g_return_val_if_fail (RIFQ_IS_SIDEBAR_ROW (self), NULL);
  return self->item;
}
