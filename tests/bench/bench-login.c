/* bench-login.c: logging in, against argon2id's own check of the same password
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"

#include <locale.h>
#include <sodium.h>
#include <string.h>

#include "rifq-account.h"
#include "rifq-db.h"
#include "rifq-statement.h"

#define ROUNDS   15
#define PASSWORD "نخلة على الشاطئ ١٤٤٨"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(GArray) login_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *location = NULL;
  g_autofree char *hash = NULL;
  char stored[crypto_pwhash_STRBYTES] = { 0 };
  double login_s, floor_s;

  setlocale (LC_ALL, "C.UTF-8");
  g_assert_cmpint (sodium_init (), >=, 0);
  if (bench_on_server ())
    location = bench_server_database ("rifq_bench_login", TRUE);
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("rifq-bench-login-XXXXXX", NULL);

      location = g_build_filename (dir, "login.db", NULL);
    }
  db = rifq_db_open (location, &error);
  g_assert_no_error (error);
  BENCH_CHECK (rifq_account_set_up (db, "bench-admin", "مدير القياس", PASSWORD, error_));
  hash = rifq_db_query_text (db, "SELECT password_hash FROM staff WHERE username = 'bench-admin'", RIFQ_NO_PARAMS,
                             NULL);
  memcpy (stored, hash, strlen (hash));

  /* Each round: the login as the window and rifq-admin make it (the account read, the hash
   * checked, the lock looked at), then the bare check of the same hash, its floor. */
  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 start;
      double took;

      rifq_account_logout (db);
      start = g_get_monotonic_time ();
      BENCH_CHECK (rifq_account_login (db, "bench-admin", PASSWORD, g_get_real_time () / G_USEC_PER_SEC, error_));
      took = seconds_since (start);
      g_array_append_val (login_times, took);

      start = g_get_monotonic_time ();
      g_assert_cmpint (crypto_pwhash_str_verify (stored, PASSWORD, strlen (PASSWORD)), ==, 0);
      took = seconds_since (start);
      g_array_append_val (floor_times, took);
    }
  login_s = bench_median (login_times);
  floor_s = bench_median (floor_times);
  g_print ("login%s: median %.3f s, slowest %.3f s, %.2f× its floor  [target < 0.5]\n",
           bench_on_server () ? " (server)" : "", login_s, bench_slowest (login_times), login_s / floor_s);
  g_print ("floor, argon2id's check of the same password alone: median %.3f s\n", floor_s);
  if (bench_slowest (login_times) >= 0.5)
    {
      g_print ("TARGET MISSED\n");
      return 1;
    }
  return 0;
}
