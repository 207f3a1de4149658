/* bench-util.h: what Rifq's benchmarks share
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

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

/* Where the benchmark keeps its records: RIFQ_BENCH_ENGINE=postgresql puts them in the database
 * rifq_bench on the server RIFQ_BENCH_POSTGRES names (build-aux/bench starts one), made once,
 * sorting byte by byte as build-aux/server makes it; otherwise the file RIFQ_BENCH_DATABASE,
 * or a new one. */
static inline char *
bench_database_location (void)
{
  const char *server = g_getenv ("RIFQ_BENCH_POSTGRES");

  if (g_strcmp0 (g_getenv ("RIFQ_BENCH_ENGINE"), "postgresql") == 0)
    {
      PGconn *admin;
      PGresult *result;

      if (server == NULL)
        g_error ("RIFQ_BENCH_ENGINE=postgresql needs RIFQ_BENCH_POSTGRES (build-aux/bench starts a server)");
      admin = PQconnectdb (server);
      if (PQstatus (admin) != CONNECTION_OK)
        g_error ("the benchmark server %s cannot be reached: %s", server, PQerrorMessage (admin));
      result = PQexec (admin, "SELECT 1 FROM pg_database WHERE datname = 'rifq_bench'");
      if (PQntuples (result) == 0)
        {
          PQclear (result);
          result = PQexec (admin, "CREATE DATABASE rifq_bench TEMPLATE template0 ENCODING 'UTF8'"
                                  " LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
          if (PQresultStatus (result) != PGRES_COMMAND_OK)
            g_error ("CREATE DATABASE rifq_bench: %s", PQerrorMessage (admin));
        }
      PQclear (result);
      PQfinish (admin);
      return g_strdup_printf ("%s dbname=rifq_bench", server);
    }
  if (g_getenv ("RIFQ_BENCH_DATABASE") != NULL)
    return g_strdup (g_getenv ("RIFQ_BENCH_DATABASE"));
  {
    g_autofree char *dir = g_dir_make_tmp ("rifq-bench-XXXXXX", NULL);

    return g_build_filename (dir, "bench.db", NULL);
  }
}
