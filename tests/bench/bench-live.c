/* bench-live.c: how soon what one workstation saves shows at another, on the association's
 * server, beside a bare NOTIFY heard through LISTEN on the same server
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"

#include <locale.h>
#include <poll.h>

#include "rifq-beneficiary-model.h"
#include "rifq-beneficiary-store.h"
#include "rifq-db.h"
#include "rifq-demo.h"
#include "rifq-staff.h"

#define ROUNDS 30
#define PEOPLE 10000
#define TARGET_MS 1000.0

typedef struct
{
  gboolean shown;       /* the registry's list holds its row */
  double   shown_ms;
  gint64   saved;         /* when the other workstation began saving */
} Round;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Round      *round)
{
  if (added > removed && !round->shown)
    {
      round->shown = TRUE;
      round->shown_ms = ms_since (round->saved);
    }
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("a write at the other workstation was not shown here within 30 s");
  return G_SOURCE_REMOVE;
}

/* The floor: one connection says NOTIFY, another waiting on LISTEN hears it; nothing written,
 * no records read. */
static double
bare_notify (PGconn *speaker,
             PGconn *listener)
{
  struct pollfd fd = { PQsocket (listener), POLLIN, 0 };
  PGnotify *notice = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  PQclear (PQexec (speaker, "NOTIFY rifq_bench_floor"));
  while (notice == NULL)
    {
      if (poll (&fd, 1, 30000) <= 0)
        g_error ("the bare NOTIFY was not heard within 30 s");
      PQconsumeInput (listener);
      notice = PQnotifies (listener);
    }
  PQfreemem (notice);
  return ms_since (start);
}

static PGconn *
bare_connection (const char *location)
{
  PGconn *conn = PQconnectdb (location);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", location, PQerrorMessage (conn));
  return conn;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) here = NULL;
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(RifqBeneficiaryModel) model = NULL;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *location = NULL;
  PGconn *speaker, *listener;
  Round round = { 0 };
  gint64 count;
  double worst;

  setlocale (LC_ALL, "C.UTF-8");
  if (!bench_on_server ())
    g_error ("live updates pass between workstations on a server: set RIFQ_BENCH_ENGINE=postgresql");
  location = bench_database_location (PEOPLE);
  here = rifq_db_open (location, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (here, "bench-admin");
  BENCH_CHECK (rifq_staff_ensure_first (here, error_));
  count = rifq_beneficiary_store_count (here, NULL);
  if (count < PEOPLE)
    BENCH_CHECK (rifq_demo_fill (here, PEOPLE - (guint) count, 7, error_));

  /* This workstation, as the window holds it: following the others, its registry list open. */
  BENCH_CHECK (rifq_db_watch_others (here, error_));
  model = rifq_beneficiary_model_new (here);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &round);
  there = rifq_db_open (location, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (there, "desk-2");

  speaker = bare_connection (location);
  listener = bare_connection (location);
  PQclear (PQexec (listener, "LISTEN rifq_bench_floor"));

  for (guint r = 0; r <= ROUNDS; r++)
    {
      /* Different people each run: the sequence continues after the ones already there. */
      g_autoptr(GPtrArray) people = rifq_demo_generate (1, 11, (guint) rifq_beneficiary_store_count (there, NULL));
      guint timeout;
      double floor_ms;

      memset (&round, 0, sizeof round);
      round.saved = g_get_monotonic_time ();
      BENCH_CHECK (rifq_beneficiary_store_add (there, g_ptr_array_index (people, 0), "benchmark", NULL, error_));
      timeout = g_timeout_add_seconds (30, give_up_cb, NULL);
      while (!round.shown)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (timeout);
      floor_ms = bare_notify (speaker, listener);
      if (r == 0)
        continue;    /* statements prepared */
      g_array_append_val (shown, round.shown_ms);
      g_array_append_val (bare, floor_ms);
    }
  PQfinish (speaker);
  PQfinish (listener);

  g_print ("# %" G_GINT64_FORMAT " beneficiaries on the server; %d writes at another workstation, "
           "milliseconds from the moment it saves\n", rifq_beneficiary_store_count (here, NULL), ROUNDS);
  worst = bench_slowest (shown);
  g_print ("in the registry list here: median %.2f ms, slowest %.2f ms  [target < %.0f]\n",
           bench_median (shown), worst, TARGET_MS);
  g_print ("floor, a bare NOTIFY heard through LISTEN: median %.2f ms, slowest %.2f ms\n",
           bench_median (bare), bench_slowest (bare));
  if (worst >= TARGET_MS)
    {
      g_print ("TARGET MISSED\n");
      return 1;
    }
  return 0;
}
