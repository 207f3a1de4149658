/* rifq-demo.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* Synthetic but realistic beneficiaries for demonstrations, training and benchmarks:
 * four-part Arabic names, Saudi cities with their districts, valid national IDs (Luhn) and
 * mobiles. The same seed gives the same people. first is the position in the seed's sequence to
 * start from, so that a second run with the same seed adds different people. */
GPtrArray *rifq_demo_generate (guint   count,
                               guint32 seed,
                               guint   first);

/* Generates count beneficiaries and saves them in one transaction (all or nothing). */
gboolean   rifq_demo_fill     (RifqDb  *db,
                               guint    count,
                               guint32  seed,
                               GError **error);

/* Spreads count synthetic support requests over the registry, over the past four Hijri years,
 * in the states a working association has them in (most closed, some before the committee,
 * a few at the desk). One transaction; numbers carry on from the ones already given. */
gboolean   rifq_demo_fill_requests (RifqDb  *db,
                                    guint    count,
                                    guint32  seed,
                                    GError **error);

G_END_DECLS
