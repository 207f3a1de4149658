/* rifq-sidebar-row.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rifq-sidebar-item.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_SIDEBAR_ROW (rifq_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (RifqSidebarRow, rifq_sidebar_row, RIFQ, SIDEBAR_ROW, GtkListBoxRow)

/* The sidebar's row for item: its icon and title. */
GtkWidget       *rifq_sidebar_row_new      (RifqSidebarItem *item);

RifqSidebarItem *rifq_sidebar_row_get_item (RifqSidebarRow  *self);

G_END_DECLS
