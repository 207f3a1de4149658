/* bench-util.h: what Rifq's benchmarks share
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static inline double
bench_median (GArray *values)
{
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static inline double
bench_slowest (GArray *values)
{
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, values->len - 1);
}

/* Stops the benchmark on the first refused step: its figures would mean nothing. */
#define BENCH_CHECK(call) \
  G_STMT_START { \
    g_autoptr(GError) e_ = NULL; \
    GError **error_ = &e_; \
    gboolean ok_ = (call); \
    (void) error_; \
    if (!ok_) \
      g_error ("%s: %s", #call, e_ ? e_->message : "failed"); \
  } G_STMT_END
