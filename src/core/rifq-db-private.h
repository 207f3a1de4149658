/* rifq-db-private.h: what RifqContext alone asks of the store
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* Stops the store's clock on day (YYYY-MM-DD); NULL lets it run. Through rifq_context_set_today. */
void _rifq_db_set_today (RifqDb     *self,
                         const char *day);

G_END_DECLS
