/* test-concurrency.c: two programs writing to one database at once lose nothing and fail nothing
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two processes (two windows at one desk, or two workstations on the association's server)
 * write as fast as they can for RIFQ_PROOF_SECONDS (30 by default), each as a desk officer of
 * its own: a person registered, then a support request opened for them, again and again. Each
 * prints what it was told was saved, and stops at the first error. Then:
 *   - neither met an error (no "busy", no lost connection, no broken chain);
 *   - every person and every request either said was saved is there, and nothing else;
 *   - request numbers were given once each and without a gap, though both took them;
 *   - `rifq-admin check` finds the database whole, the audit log one chain.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rifq-beneficiary-store.h"
#include "rifq-account.h"
#include "rifq-db.h"
#include "rifq-request-store.h"
#include "rifq-test-util.h"

#define ADMIN_PASSWORD "كلمة سر المدير 1"

/* One writer: registers and opens requests until its time is up; prints "person ID" and
 * "request NUMBER" for each write reported saved. Exit status 1 at the first error. */
static int
write_for (const char *location,
           const char *actor,
           guint       series,
           double      seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_open (location, &error);
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  rifq_db_set_actor (db, actor);
  for (guint n = 0; g_get_monotonic_time () < end; n++)
    {
      g_autofree char *id = rifq_test_national_id (series, n);
      g_autofree char *mobile = g_strdup_printf ("05%u%07u", series, n);
      g_autoptr(RifqBeneficiary) person = rifq_test_beneficiary (id, "سعد", "الدوسري", mobile);
      g_autoptr(RifqRequest) request = NULL;
      RifqRequestDraft draft = { 0, "food_basket", "phone", "سلة غذائية شهرية", -1, NULL };

      if (!rifq_beneficiary_store_add (db, person, "two programs at once", NULL, &error))
        {
          g_printerr ("%s registering %s: %s\n", actor, id, error->message);
          return 1;
        }
      g_print ("person %s\n", id);
      draft.beneficiary_id = rifq_beneficiary_get_id (person);
      request = rifq_request_store_create (db, &draft, &error);
      if (request == NULL)
        {
          g_printerr ("%s opening a request for %s: %s\n", actor, id, error->message);
          return 1;
        }
      g_print ("request %s\n", request->number);
      fflush (stdout);
    }
  return 0;
}

typedef struct
{
  GSubprocess *process;
  char        *out;
  char        *err;
  gboolean     done;
} Writer;

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Writer *writer = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &writer->out, &writer->err, &error);
  g_assert_no_error (error);
  writer->done = TRUE;
}

static void
test_two_programs_writing_lose_nothing (void)
{
  const char *seconds = g_getenv ("RIFQ_PROOF_SECONDS");
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autofree char *location = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Writer writers[2] = { { 0 } };
  gint64 requests;

  if (seconds == NULL)
    seconds = "30";

  /* The database as a desk sets it up: its first administrator adds the two desk officers. */
  db = rifq_test_db_new_empty (&location);
  g_assert_true (rifq_account_set_up (db, "admin", "مدير الجمعية", ADMIN_PASSWORD, &error));
  g_assert_true (rifq_staff_save (db, "desk1", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
  g_assert_true (rifq_staff_save (db, "desk2", "هيا الشهري", RIFQ_ROLE_DESK, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *series = g_strdup_printf ("%u", i + 1);
      const char *actor = i == 0 ? "desk1" : "desk2";

      writers[i].process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                             self, "--write", location, actor, series, seconds, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8_async (writers[i].process, NULL, NULL, communicated_cb, &writers[i]);
    }
  while (!writers[0].done || !writers[1].done)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_auto(GStrv) lines = g_strsplit (writers[i].out, "\n", -1);
      guint wrote = 0;

      if (!g_subprocess_get_if_exited (writers[i].process) || g_subprocess_get_exit_status (writers[i].process) != 0)
        g_error ("writer %u stopped on an error: %s", i + 1, writers[i].err);
      for (guint l = 0; lines[l] != NULL && *lines[l] != '\0'; l++)
        {
          if (g_str_has_prefix (lines[l], "person "))
            g_assert_true (g_hash_table_add (people, g_strdup (lines[l] + 7)));
          else if (g_str_has_prefix (lines[l], "request "))
            /* A number given twice would be found here. */
            g_assert_true (g_hash_table_add (numbers, g_strdup (lines[l] + 8)));
          else
            g_error ("writer %u printed “%s”", i + 1, lines[l]);
          wrote++;
        }
      g_test_message ("writer %u: %u writes in %s s", i + 1, wrote, seconds);
      /* Each wrote, and went on writing while the other did. */
      g_assert_cmpuint (wrote, >=, 20);
      g_clear_object (&writers[i].process);
      g_free (writers[i].out);
      g_free (writers[i].err);
    }

  db = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, g_hash_table_size (people));
  requests = rifq_test_count (db, "SELECT count(*) FROM request");
  g_assert_cmpint (requests, ==, g_hash_table_size (numbers));
  /* Every one reported is there, by its own key. */
  {
    GHashTableIter iter;
    const char *key;
    RifqStatement *person = rifq_db_prepare (db, "SELECT count(*) FROM beneficiary WHERE national_id = ?1", NULL);
    RifqStatement *request = rifq_db_prepare (db, "SELECT count(*) FROM request WHERE number = ?1", NULL);

    g_hash_table_iter_init (&iter, people);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
      {
        rifq_statement_bind_text (person, 1, key);
        g_assert_cmpint (rifq_statement_step (person), ==, RIFQ_STEP_ROW);
        g_assert_cmpint (rifq_statement_get_int64 (person, 0), ==, 1);
        rifq_statement_reset (person);
      }
    g_hash_table_iter_init (&iter, numbers);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
      {
        rifq_statement_bind_text (request, 1, key);
        g_assert_cmpint (rifq_statement_step (request), ==, RIFQ_STEP_ROW);
        g_assert_cmpint (rifq_statement_get_int64 (request, 0), ==, 1);
        rifq_statement_reset (request);
      }
  }
  /* Numbered one after another across both: the year's sequence has no gap. */
  g_assert_cmpint (rifq_test_count (db, "SELECT max (seq) - min (seq) + 1 FROM request"), ==, requests);
  g_assert_cmpint (rifq_test_count (db, "SELECT min (seq) FROM request"), ==, 1);
  g_assert_true (rifq_db_verify_audit (db, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  /* And as an administrator would check it. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "RIFQ_USER", "admin", TRUE);
    int status = 0;

    env = g_environ_setenv (env, "RIFQ_PASSWORD", ADMIN_PASSWORD, TRUE);
    g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) g_getenv ("RIFQ_ADMIN"), (char *) "--database", location,
                                                    (char *) "check", NULL },
                                 env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("rifq-admin check: %s%s", out, err);
  }
  rifq_test_remove_database (location);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && g_str_equal (argv[1], "--write"))
    {
      if (argc != 6)
        return 2;
      setlocale (LC_ALL, "C.UTF-8");
      g_setenv ("LANGUAGE", "en", TRUE);
      return write_for (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10),
                        g_ascii_strtod (argv[5], NULL));
    }
  rifq_test_init (&argc, &argv);
  g_test_add_func ("/concurrency/two-programs-writing-lose-nothing", test_two_programs_writing_lose_nothing);
  return g_test_run ();
}
