/* rifq-request-row.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-request.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_REQUEST_ROW (rifq_request_row_get_type ())
G_DECLARE_FINAL_TYPE (RifqRequestRow, rifq_request_row, RIFQ, REQUEST_ROW, AdwActionRow)

/* A row for request, its kind of support written as kind_label. */
GtkWidget   *rifq_request_row_new         (RifqRequest    *request,
                                           const char     *kind_label);

RifqRequest *rifq_request_row_get_request (RifqRequestRow *self);

G_END_DECLS
