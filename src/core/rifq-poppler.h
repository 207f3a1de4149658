/* rifq-poppler.h: g_autoptr for poppler-glib 22.12, which declares none
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <poppler.h>

typedef PopplerDocument RifqPopplerDocument;
typedef PopplerPage RifqPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqPopplerPage, g_object_unref)
