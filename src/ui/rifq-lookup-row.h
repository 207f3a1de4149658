/* rifq-lookup-row.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rifq-request.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_LOOKUP_ROW (rifq_lookup_row_get_type ())
G_DECLARE_FINAL_TYPE (RifqLookupRow, rifq_lookup_row, RIFQ, LOOKUP_ROW, GtkListBoxRow)

/* One answer to "Where is my request?": its number and state, then the sentence the officer
 * reads aloud, its waiting judged on today (YYYY-MM-DD). */
GtkWidget  *rifq_lookup_row_new          (RifqRequest   *request,
                                          const char    *today);

G_END_DECLS
