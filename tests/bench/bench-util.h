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

/* Where the benchmark keeps a registry of that many people: RIFQ_BENCH_ENGINE=postgresql puts
 * it in the database rifq_bench (rifq_bench_1000000 for a million…) on the server
 * RIFQ_BENCH_POSTGRES names (build-aux/bench starts one), made once, sorting byte by byte as
 * build-aux/server makes it; otherwise the file RIFQ_BENCH_DATABASE (bench-1000000.db beside it
 * for a million), or a new one. */
static inline char *
bench_file_location (guint people)
{
  const char *file = g_getenv ("RIFQ_BENCH_DATABASE");

  if (file != NULL && people == 100000)
    return g_strdup (file);
  if (file != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (file);
      g_autofree char *base = g_strdup_printf ("bench-%u.db", people);

      return g_build_filename (dir, base, NULL);
    }
  {
    g_autofree char *dir = g_dir_make_tmp ("rifq-bench-XXXXXX", NULL);

    return g_build_filename (dir, "bench.db", NULL);
  }
}

/* The database name on the benchmark server (RIFQ_BENCH_POSTGRES, started by build-aux/bench),
 * sorting byte by byte as build-aux/server makes it: kept if it exists, unless fresh. */
static inline char *
bench_server_database (const char *name,
                       gboolean    fresh)
{
  const char *server = g_getenv ("RIFQ_BENCH_POSTGRES");
  g_autofree char *exists = g_strdup_printf ("SELECT 1 FROM pg_database WHERE datname = '%s'", name);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8'"
                                             " LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'", name);
  PGconn *admin;
  PGresult *result;

  if (server == NULL)
    g_error ("RIFQ_BENCH_ENGINE=postgresql needs RIFQ_BENCH_POSTGRES (build-aux/bench starts a server)");
  admin = PQconnectdb (server);
  if (PQstatus (admin) != CONNECTION_OK)
    g_error ("the benchmark server %s cannot be reached: %s", server, PQerrorMessage (admin));
  if (fresh)
    {
      PQclear (PQexec (admin, "SET client_min_messages = warning"));
      PQclear (PQexec (admin, drop));
    }
  result = PQexec (admin, exists);
  if (PQntuples (result) == 0)
    {
      PQclear (result);
      result = PQexec (admin, create);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        g_error ("CREATE DATABASE %s: %s", name, PQerrorMessage (admin));
    }
  PQclear (result);
  PQfinish (admin);
  return g_strdup_printf ("%s dbname=%s", server, name);
}

static inline gboolean
bench_on_server (void)
{
  return g_strcmp0 (g_getenv ("RIFQ_BENCH_ENGINE"), "postgresql") == 0;
}

static inline char *
bench_database_location (guint people)
{
  if (bench_on_server ())
    {
      g_autofree char *name = people == 100000 ? g_strdup ("rifq_bench") : g_strdup_printf ("rifq_bench_%u", people);

      return bench_server_database (name, FALSE);
    }
  return bench_file_location (people);
}

/* A new, empty database for a benchmark that makes its own records: the database name made
 * afresh on the server, or a file in the folder dir. */
static inline char *
bench_new_location (const char *name,
                    const char *dir)
{
  if (bench_on_server ())
    return bench_server_database (name, TRUE);
  return g_build_filename (dir, "bench.db", NULL);
}
