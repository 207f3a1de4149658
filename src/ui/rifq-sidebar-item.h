/* rifq-sidebar-item.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RIFQ_TYPE_SIDEBAR_ITEM (rifq_sidebar_item_get_type ())
G_DECLARE_FINAL_TYPE (RifqSidebarItem, rifq_sidebar_item, RIFQ, SIDEBAR_ITEM, GObject)

/* One of the window's sections in its sidebar: the page it shows (its name in the window's
 * stack), the title and icon it is listed with, and the heading of the group it opens, if it
 * is the first of one. */
RifqSidebarItem *rifq_sidebar_item_new         (const char      *page,
                                                const char      *title,
                                                const char      *icon_name,
                                                const char      *section);

const char      *rifq_sidebar_item_get_page    (RifqSidebarItem *self);

const char      *rifq_sidebar_item_get_section (RifqSidebarItem *self);

G_END_DECLS
