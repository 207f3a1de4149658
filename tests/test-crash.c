/* test-crash.c: a writing rifq-admin killed at random moments loses nothing it said it saved
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two hundred times, on the engine of this run (a desk's file, or the association's server), a
 * rifq-admin that registers ten people at once or opens a support request is killed with SIGKILL
 * at a moment drawn at random across its run, mostly past its login (a third of a second of
 * argon2id that writes nothing): opening the database, writing, committing, printing. The run's
 * length is measured again as the rounds go, as the machine's load changes. After each kill the database is opened again, as the next person at the
 * desk would, and:
 *   - `rifq-admin check` finds it whole: integrity, the audit log's chain, every record as its
 *     audit trail ends;
 *   - every write that reported success (exit status 0) is there;
 *   - a killed write is there whole or not at all: all ten people or none, the request or not.
 * The moments are drawn by GLib's test generator: a failing run is repeated with --seed.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "rifq-db.h"
#include "rifq-test-util.h"

#define ROUNDS         200
#define BATCH          10
#define CHECK_EVERY    10
#define PASSWORD       "كلمة سر الاختبار 1"

typedef struct
{
  gboolean succeeded;       /* exit status 0: the command reported its write */
  gboolean killed;          /* SIGKILL landed before it ended */
  char    *out;
  char    *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Ten people, one JSON list, their IDs and mobiles the batch's own. */
static char *
batch_json (guint batch)
{
  static const char *names[] = { "محمد", "فاطمة", "عبدالله", "نورة", "سعد", "هيا", "خالد", "منيرة", "إبراهيم", "لطيفة" };
  GString *json = g_string_new ("[");

  for (guint i = 0; i < BATCH; i++)
    {
      guint n = batch * BATCH + i;
      g_autofree char *id = rifq_test_national_id (1, n);

      g_string_append_printf (json,
                              "%s{ \"national_id\": \"%s\", \"first_name\": \"%s\", \"father_name\": \"عبدالرحمن\","
                              " \"grandfather_name\": \"ناصر\", \"family_name\": \"الدوسري\", \"sex\": \"%s\","
                              " \"birth_date\": \"1948-%02u-%02u\", \"mobile\": \"050%07u\", \"city\": \"الرياض\","
                              " \"living_situation\": \"alone\", \"monthly_income\": %u }",
                              i > 0 ? ", " : "", id, names[i], i % 2 ? "female" : "male", 1 + n % 12, 1 + n % 28,
                              n, 1000 + n);
    }
  g_string_append (json, "]");
  return g_string_free (json, FALSE);
}

/* Runs rifq-admin with argv on db and kills it after delay microseconds (never, if negative). */
static void
run_admin (Run                *run,
           const char         *db,
           gint64              delay,
           const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *err_path = NULL;

  /* What it printed goes to files: a pipe left unread could hold it back, and the kill would
   * find it waiting rather than writing. */
  close (g_file_open_tmp ("rifq-crash-XXXXXX.out", &out_path, &error));
  g_assert_no_error (error);
  close (g_file_open_tmp ("rifq-crash-XXXXXX.err", &err_path, &error));
  g_assert_no_error (error);
  g_subprocess_launcher_set_stdout_file_path (launcher, out_path);
  g_subprocess_launcher_set_stderr_file_path (launcher, err_path);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);

  /* The administrator runs it unless an argument "RIFQ_USER=…" names someone else. */
  g_subprocess_launcher_setenv (launcher, "RIFQ_USER", "admin", TRUE);
  g_subprocess_launcher_setenv (launcher, "RIFQ_PASSWORD", PASSWORD, TRUE);
  g_subprocess_launcher_setenv (launcher, "RIFQ_NEW_PASSWORD", PASSWORD, TRUE);
  g_ptr_array_add (args, (gpointer) g_getenv ("RIFQ_ADMIN"));
  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) db);
  for (guint i = 0; argv[i] != NULL; i++)
    {
      if (g_str_has_prefix (argv[i], "RIFQ_USER="))
        g_subprocess_launcher_setenv (launcher, "RIFQ_USER", argv[i] + strlen ("RIFQ_USER="), TRUE);
      else
        g_ptr_array_add (args, (gpointer) argv[i]);
    }
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  if (delay >= 0)
    {
      g_usleep (delay);
      g_subprocess_send_signal (process, SIGKILL);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  run->killed = g_subprocess_get_if_signaled (process);
  /* Nothing but the kill ends it otherwise than by its own exit. */
  g_assert_true (run->killed || g_subprocess_get_if_exited (process));
  run->succeeded = !run->killed && g_subprocess_get_exit_status (process) == 0;
  g_assert_true (g_file_get_contents (out_path, &run->out, NULL, &error));
  g_assert_true (g_file_get_contents (err_path, &run->err, NULL, &error));
  g_unlink (out_path);
  g_unlink (err_path);
  /* A command that ended by itself and failed says why, for the test's log. */
  if (!run->killed && !run->succeeded)
    g_test_message ("rifq-admin %s: %s", argv[0], run->err);
}

/* How many rows sql counts (its ?1 and ?2 bound to the texts given), read by a program of its
 * own as the next workstation would. */
static gint64
count (const char *db,
       const char *sql,
       const char *first,
       const char *second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) opened = rifq_test_db_open (db, &error);
  RifqStatement *stmt;
  gint64 n;

  g_assert_no_error (error);
  stmt = rifq_db_prepare (opened, sql, &error);
  g_assert_no_error (error);
  if (first != NULL)
    rifq_statement_bind_text (stmt, 1, first);
  if (second != NULL)
    rifq_statement_bind_text (stmt, 2, second);
  g_assert_cmpint (rifq_statement_step (stmt), ==, RIFQ_STEP_ROW);
  n = rifq_statement_get_int64 (stmt, 0);
  rifq_statement_reset (stmt);
  return n;
}

static gint64
people_of_batch (const char *db,
                 guint       batch)
{
  g_autofree char *first = rifq_test_national_id (1, batch * BATCH);
  g_autofree char *last = rifq_test_national_id (1, batch * BATCH + BATCH - 1);

  return count (db, "SELECT count(*) FROM beneficiary WHERE national_id BETWEEN ?1 AND ?2", first, last);
}

static void
assert_checks_clean (const char *db,
                     guint       round)
{
  g_auto(Run) check = { 0 };

  run_admin (&check, db, -1, (const char * const[]) { "check", NULL });
  if (!check.succeeded)
    g_error ("round %u: rifq-admin check found the database damaged:\n%s%s", round, check.out, check.err);
  g_assert_nonnull (strstr (check.out, "chain intact"));
}

static const char *
request_number (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  static char number[64];

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_strlcpy (number, json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "number"),
             sizeof number);
  return number;
}

/* One import and one request, left to finish: how long each takes now (the next kills are
 * drawn across those spans). Their writes are the test's too: the batch is counted, the
 * request's number kept. */
static void
measure (const char  *db,
         const char  *folder,
         const char  *holder,
         guint       *batches,
         GPtrArray   *numbers,
         gint64      *out_batch_time,
         gint64      *out_request_time)
{
  g_auto(Run) batch = { 0 };
  g_auto(Run) request = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *json = batch_json (*batches);
  g_autofree char *path = g_build_filename (folder, "batch.json", NULL);
  gint64 start;

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  start = g_get_monotonic_time ();
  run_admin (&batch, db, -1, (const char * const[]) { "RIFQ_USER=desk1", "--allow-duplicate", "crash test",
                                                      "beneficiary", "add", path, NULL });
  *out_batch_time = g_get_monotonic_time () - start;
  g_assert_true (batch.succeeded);
  (*batches)++;
  start = g_get_monotonic_time ();
  run_admin (&request, db, -1, (const char * const[]) { "RIFQ_USER=desk1", "request", "create", "--beneficiary",
                                                        holder, "--kind", "food_basket", "--channel", "phone",
                                                        "--description", "سلة غذائية", NULL });
  *out_request_time = g_get_monotonic_time () - start;
  g_assert_true (request.succeeded);
  g_ptr_array_add (numbers, g_strdup (request_number (request.out)));
  g_unlink (path);
}

static void
test_killed_at_random_loses_nothing_reported (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *holder = rifq_test_national_id (2, 1);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  gint64 batch_time = 0;
  gint64 request_time = 0;
  guint batches = 0;
  guint killed = 0;
  guint killed_after_commit = 0;
  guint reported = 0;

  /* The files handed to the command are kept in a folder of the test's own. */
  folder = g_dir_make_tmp ("rifq-crash-XXXXXX", &error);
  g_assert_no_error (error);
  db = rifq_test_on_server () ? rifq_test_server_database_new () : g_build_filename (folder, "rifq.db", NULL);

  /* The database as a desk sets it up: its first administrator adds a desk officer, who
   * registers one person to open requests for. */
  {
    g_auto(Run) init = { 0 };
    g_auto(Run) staff = { 0 };
    g_auto(Run) first = { 0 };
    g_autofree char *json = g_strdup_printf ("{ \"national_id\": \"%s\", \"first_name\": \"سلمان\", \"father_name\": \"فهد\","
                                             " \"grandfather_name\": \"علي\", \"family_name\": \"الشمري\", \"sex\": \"male\","
                                             " \"birth_date\": \"1945-01-01\", \"mobile\": \"0559999999\","
                                             " \"city\": \"حائل\", \"living_situation\": \"alone\" }", holder);
    g_autofree char *path = g_build_filename (folder, "holder.json", NULL);

    run_admin (&init, db, -1, (const char * const[]) { "init", "--admin", "admin", NULL });
    g_assert_true (init.succeeded);
    run_admin (&staff, db, -1, (const char * const[]) { "staff", "add", "desk1", "--full-name",
                                                          "نورة العتيبي", "--roles", "desk", NULL });
    g_assert_true (staff.succeeded);
    g_assert_true (g_file_set_contents (path, json, -1, &error));
    run_admin (&first, db, -1, (const char * const[]) { "RIFQ_USER=desk1", "beneficiary", "add", path, NULL });
    g_assert_true (first.succeeded);
    g_unlink (path);
  }

  /* How long each command takes here, to the end: the kills are drawn across that span and a
   * little past it, so that some land in each phase and some find the command done. Measured
   * again every twenty rounds: the machine's load changes while the test runs. */
  for (guint i = 0; i < 2; i++)
    measure (db, folder, holder, &batches, numbers, &batch_time, &request_time);
  g_test_message ("one batch of %d people: %.0f ms; one request: %.0f ms", BATCH, batch_time / 1000.0,
                  request_time / 1000.0);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_auto(Run) run = { 0 };

      if (round > 0 && round % 20 == 0)
        measure (db, folder, holder, &batches, numbers, &batch_time, &request_time);
      gboolean is_batch = round % 2 == 0;
      gint64 span = is_batch ? batch_time : request_time;
      /* Three rounds in four from 60% of the run on, past most of its login (a third of a second
       * of argon2id that writes nothing); the fourth anywhere. */
      gint64 from = round % 4 == 3 ? 0 : span * 6 / 10;
      gint64 delay = from + g_test_rand_int_range (0, (gint32) MAX (1, span * 13 / 10 - from));
      gint64 requests_before = count (db, "SELECT count(*) FROM request", NULL, NULL);

      if (is_batch)
        {
          g_autofree char *json = batch_json (batches);
          g_autofree char *path = g_build_filename (folder, "batch.json", NULL);
          gint64 there;

          g_assert_true (g_file_set_contents (path, json, -1, &error));
          run_admin (&run, db, delay, (const char * const[]) { "RIFQ_USER=desk1", "--allow-duplicate", "crash test",
                                                               "beneficiary", "add", path, NULL });
          g_unlink (path);
          there = people_of_batch (db, batches);
          if (run.succeeded && there != BATCH)
            g_error ("round %u: the import reported ten people saved; %" G_GINT64_FORMAT " are there", round, there);
          if (there != 0 && there != BATCH)
            g_error ("round %u: a killed import left %" G_GINT64_FORMAT " of its ten people", round, there);
          killed_after_commit += run.killed && there == BATCH;
          batches++;
        }
      else
        {
          gint64 after;

          run_admin (&run, db, delay, (const char * const[]) { "RIFQ_USER=desk1", "request", "create", "--beneficiary",
                                                               holder, "--kind", "food_basket", "--channel", "phone",
                                                               "--description", "سلة غذائية", NULL });
          after = count (db, "SELECT count(*) FROM request", NULL, NULL);
          g_assert_cmpint (after - requests_before, >=, 0);
          g_assert_cmpint (after - requests_before, <=, 1);
          if (run.succeeded)
            {
              if (count (db, "SELECT count(*) FROM request WHERE number = ?1", request_number (run.out), NULL) != 1)
                g_error ("round %u: request %s was reported created and is not there", round, request_number (run.out));
              g_ptr_array_add (numbers, g_strdup (request_number (run.out)));
            }
          killed_after_commit += run.killed && after == requests_before + 1;
        }
      killed += run.killed;
      reported += run.succeeded;
      /* rifq-admin check reads everything: every tenth round, and after the last. */
      if (round % CHECK_EVERY == CHECK_EVERY - 1)
        assert_checks_clean (db, round);
    }

  /* Every number reported is still there at the end, none given twice. */
  for (guint i = 0; i < numbers->len; i++)
    g_assert_cmpint (count (db, "SELECT count(*) FROM request WHERE number = ?1", g_ptr_array_index (numbers, i), NULL),
                     ==, 1);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT number) FROM request", NULL, NULL), ==,
                   count (db, "SELECT count(*) FROM request", NULL, NULL));

  g_test_message ("%u rounds: %u killed (%u of them after their commit), %u reported saved", ROUNDS, killed,
                  killed_after_commit, reported);
  /* The moments were drawn across the commands' whole run: both outcomes came up often. */
  g_assert_cmpuint (killed, >=, ROUNDS / 5);
  g_assert_cmpuint (reported, >=, ROUNDS / 10);
  if (!rifq_test_on_server ())
    rifq_test_remove_database (db);
  else
    g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);
  g_test_add_func ("/crash/killed-at-random-loses-nothing-reported", test_killed_at_random_loses_nothing_reported);
  return g_test_run ();
}
