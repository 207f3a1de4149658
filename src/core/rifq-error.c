/* rifq-error.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-error"

#include "config.h"

#include "rifq-error.h"

G_DEFINE_QUARK (rifq-error-quark, rifq_error)
