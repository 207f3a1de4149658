/* test-admin.c: rifq-admin as a script or a person uses it
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rifq-db.h"

#include "rifq-test-scan.h"
#include "rifq-test-util.h"

typedef struct
{
  int       status;
  char     *out;
  char     *err;
  gboolean  done;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->done = FALSE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Every account's password in these tests, and the person the commands log in as unless a
 * test says whom (with "RIFQ_USER=…" among the command's arguments). */
#define PASSWORD "كلمة سر الاختبار 1"
#define ADMIN_USER "admin"

/* Where a new database for the command to use goes: a file in a folder of its own, or, when the
 * suite runs on the server (RIFQ_TEST_ENGINE=postgresql), a new database there, given by its
 * address. Nothing is there yet. */
static char *
temp_location (void)
{
  g_autofree char *dir = NULL;

  if (rifq_test_on_server ())
    return rifq_test_server_database_new ();
  dir = g_dir_make_tmp ("rifq-admin-XXXXXX", NULL);
  return g_build_filename (dir, "rifq.db", NULL);
}

/* A folder for the files a test hands the command: the database file's own, or a new one when
 * the database is on the server. */
static char *
folder_beside (const char *db)
{
  if (g_strcmp0 (g_getenv ("RIFQ_TEST_ENGINE"), "postgresql") == 0)
    return g_dir_make_tmp ("rifq-admin-XXXXXX", NULL);
  return g_path_get_dirname (db);
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs rifq-admin with argv (NULL-terminated), language ("" for the default), and input, and
 * gives it seconds to finish: a command left waiting (on a pipe) fails the test, not hangs it. */
static void
run_admin_within (Run                *run,
                  guint               seconds,
                  const char         *language,
                  const char         *input,
                  const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* A fresh machine: no locale but C. */
  g_subprocess_launcher_unsetenv (launcher, "LANG");
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  if (language != NULL && *language != '\0')
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  /* Who runs the command, as a script says it: the test's administrator unless an argument
   * "RIFQ_USER=…" (or any "RIFQ_…=…") says otherwise; such arguments are the environment's. */
  g_subprocess_launcher_setenv (launcher, "RIFQ_USER", ADMIN_USER, TRUE);
  g_subprocess_launcher_setenv (launcher, "RIFQ_PASSWORD", PASSWORD, TRUE);
  g_subprocess_launcher_setenv (launcher, "RIFQ_NEW_PASSWORD", PASSWORD, TRUE);
  g_ptr_array_add (args, (gpointer) g_getenv ("RIFQ_ADMIN"));
  for (guint i = 0; argv[i] != NULL; i++)
    {
      const char *equals = strchr (argv[i], '=');

      if (g_str_has_prefix (argv[i], "RIFQ_") && equals != NULL)
        {
          g_autofree char *name = g_strndup (argv[i], equals - argv[i]);

          if (equals[1] == '\0')
            g_subprocess_launcher_unsetenv (launcher, name);
          else
            g_subprocess_launcher_setenv (launcher, name, equals + 1, TRUE);
          continue;
        }
      g_ptr_array_add (args, (gpointer) argv[i]);
    }
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  run->done = FALSE;
  timeout = g_timeout_add_seconds (seconds, timed_out_cb, &timed_out);
  g_subprocess_communicate_utf8_async (process, input ? input : "", NULL, communicated_cb, run);
  while (!run->done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!run->done)
    {
      g_subprocess_force_exit (process);
      g_error ("rifq-admin %s was still running after %u s", argv[0], seconds);
    }
  g_source_remove (timeout);
  /* A crash is not a refusal: it must not pass for exit status 1. */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

#define ADMIN(run, lang, input, ...) \
  run_admin_within ((run), 120, (lang), (input), (const char * const[]) { __VA_ARGS__, NULL })
/* Anything that reads a file answers at once. */
#define ADMIN_AT_ONCE(run, ...) \
  run_admin_within ((run), 10, "en", NULL, (const char * const[]) { __VA_ARGS__, NULL })

/* A new database set up as its administrator sets one up: rifq-admin init --admin. */
static char *
temp_db (void)
{
  g_autofree char *db = temp_location ();
  g_auto(Run) init = { 0 };

  ADMIN (&init, "en", NULL, "--database", db, "init", "--admin", ADMIN_USER);
  if (init.status != 0)
    g_error ("rifq-admin init --admin failed: %s", init.err);
  return g_steal_pointer (&db);
}

static const char record[] =
  "{ \"national_id\": \"١٠٠٠٠٠٠٠٠٨\", \"first_name\": \"مُحمد\", \"father_name\": \"عبد الله\","
  "  \"grandfather_name\": \"سعد\", \"family_name\": \"القحطاني\", \"sex\": \"male\","
  "  \"birth_date\": \"1369/05/20\", \"mobile\": \"0501234567\", \"city\": \"الرياض\","
  "  \"living_situation\": \"alone\" }";

static void
test_init_creates_database (void)
{
  g_autofree char *db = temp_location ();
  g_auto(Run) run = { 0 };

  ADMIN (&run, "en", NULL, "--database", db, "init", "--admin", ADMIN_USER);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *schema = g_strdup_printf ("schema %d", RIFQ_SCHEMA_VERSION);

    g_assert_nonnull (strstr (run.out, schema));
  }
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

static void
test_add_then_show (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) add = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) table = { 0 };

  ADMIN (&add, "en", record, "--database", db, "beneficiary", "add", "-");
  g_assert_cmpint (add.status, ==, 0);
  g_assert_nonnull (strstr (add.out, "\"mobile\" : \"+966501234567\""));

  ADMIN (&show, "en", NULL, "--database", db, "beneficiary", "show", "1000000008");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "\"birth_date\" : \"1950-03-09\""));
  g_assert_nonnull (strstr (show.out, "\"birth_date_hijri\" : \"1369-05-20\""));

  ADMIN (&table, "en", NULL, "--database", db, "--format", "table", "beneficiary", "show", "1");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Date of birth: 20 Jumada al-Ula 1369 AH"));
}

/* Stored as +9665…, a mobile is shown for people as it is dialled, in a table as in the window. */
static void
test_mobiles_shown_as_dialled (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) add = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) list = { 0 };

  ADMIN (&add, "en", record, "--database", db, "beneficiary", "add", "-");
  g_assert_cmpint (add.status, ==, 0);
  ADMIN (&show, "en", NULL, "--database", db, "--format", "table", "beneficiary", "show", "1");
  g_assert_nonnull (strstr (show.out, "Mobile: 0501234567\n"));
  ADMIN (&list, "en", NULL, "--database", db, "--format", "table", "beneficiary", "list");
  g_assert_nonnull (strstr (list.out, "0501234567"));
  g_assert_null (strstr (list.out, "+966"));
}

static void
test_search_finds_normalised (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) add = { 0 };
  g_auto(Run) search = { 0 };

  ADMIN (&add, "en", record, "--database", db, "beneficiary", "add");
  g_assert_cmpint (add.status, ==, 0);
  ADMIN (&search, "en", NULL, "--database", db, "--format", "table", "beneficiary", "search", "محمد عبدالله");
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, "1000000008"));
}

static void
assert_nothing_written (const char *db)
{
  g_auto(Run) list = { 0 };

  ADMIN (&list, "en", NULL, "--database", db, "beneficiary", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (g_strstrip (list.out), ==, "[]");
}

static void
test_add_refuses_malformed_json (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) run = { 0 };

  ADMIN (&run, "en", "[\n{ \"national_id\": \"1000000008\" \n", "--database", db, "beneficiary", "add");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "malformed"));
  g_assert_cmpstr (run.out, ==, "");
  assert_nothing_written (db);
}

static void
test_add_refuses_whole_array (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *two = g_strdup_printf ("[ %s,\n%s ]", record, record);
  g_autofree char *unknown = g_strdup_printf ("[ %s,\n{ \"nickname\": \"Abu Saad\" } ]", record);
  g_auto(Run) repeated = { 0 };
  g_auto(Run) extra = { 0 };

  ADMIN (&repeated, "en", two, "--database", db, "beneficiary", "add");
  g_assert_cmpint (repeated.status, ==, 1);
  g_assert_nonnull (strstr (repeated.err, "Record 2"));
  assert_nothing_written (db);

  ADMIN (&extra, "en", unknown, "--database", db, "beneficiary", "add");
  g_assert_cmpint (extra.status, ==, 1);
  g_assert_nonnull (strstr (extra.err, "Line 2: “nickname” is not a beneficiary field"));
  assert_nothing_written (db);
}

static void
test_probable_duplicate_needs_reason (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *other = g_strdup (record);
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) kept = { 0 };
  char *id = strstr (other, "١٠٠٠٠٠٠٠٠٨");

  /* Same name, birth date and mobile; another valid ID (1000000016). */
  memcpy (id + strlen ("١٠٠٠٠٠٠٠") , "١٦", strlen ("١٦"));

  ADMIN (&first, "en", record, "--database", db, "beneficiary", "add");
  g_assert_cmpint (first.status, ==, 0);
  ADMIN (&second, "en", other, "--database", db, "beneficiary", "add");
  g_assert_cmpint (second.status, ==, 1);
  g_assert_nonnull (strstr (second.err, "--allow-duplicate"));
  g_assert_nonnull (strstr (second.err, "1000000008"));

  ADMIN (&kept, "en", other, "--database", db, "--allow-duplicate", "Brothers sharing a phone", "beneficiary", "add");
  g_assert_cmpint (kept.status, ==, 0);
}

static void
test_errors_in_arabic_by_default (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) run = { 0 };

  /* No LANGUAGE, no LANG: Arabic, as on a desk officer's machine. */
  ADMIN (&run, NULL, NULL, "validate", "id", "1000000000");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "رقم الهوية"));
}

static void
test_english_when_asked (void)
{
  g_auto(Run) run = { 0 };

  ADMIN (&run, "en", NULL, "validate", "id", "2000000001");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "National ID or iqama"));
}

static void
test_validate_commands (void)
{
  g_auto(Run) id = { 0 };
  g_auto(Run) iqama = { 0 };
  g_auto(Run) phone = { 0 };
  g_auto(Run) bad_phone = { 0 };

  ADMIN (&id, "en", NULL, "validate", "id", "١٠٠٠٠٠٠٠٠٨");
  g_assert_cmpint (id.status, ==, 0);
  g_assert_nonnull (strstr (id.out, "1000000008"));
  ADMIN (&iqama, "en", NULL, "validate", "id", "2000000006");
  g_assert_cmpint (iqama.status, ==, 0);
  g_assert_nonnull (strstr (iqama.out, "iqama"));
  ADMIN (&phone, "en", NULL, "validate", "phone", "٠٥٥ ١٢٣ ٤٥٦٧");
  g_assert_cmpint (phone.status, ==, 0);
  g_assert_nonnull (strstr (phone.out, "0551234567: "));
  ADMIN (&bad_phone, "en", NULL, "validate", "phone", "0123");
  g_assert_cmpint (bad_phone.status, ==, 1);
  g_assert_nonnull (strstr (bad_phone.err, "Mobile"));
}

static void
test_date_convert (void)
{
  g_auto(Run) to_hijri = { 0 };
  g_auto(Run) to_gregorian = { 0 };
  g_auto(Run) outside = { 0 };
  g_auto(Run) bad = { 0 };

  ADMIN (&to_hijri, "en", NULL, "date", "convert", "2024-08-25");
  g_assert_cmpint (to_hijri.status, ==, 0);
  g_assert_nonnull (strstr (to_hijri.out, "\"hijri\" : \"1446-02-21\""));
  g_assert_nonnull (strstr (to_hijri.out, "\"approximate\" : false"));

  ADMIN (&to_gregorian, "en", NULL, "--format", "table", "date", "convert", "١٤٤٦/٠٢/٢١ هـ");
  g_assert_cmpint (to_gregorian.status, ==, 0);
  g_assert_nonnull (strstr (to_gregorian.out, "2024-08-25"));
  g_assert_nonnull (strstr (to_gregorian.out, "21 Safar 1446 AH"));

  ADMIN (&outside, "en", NULL, "date", "convert", "1900-01-01");
  g_assert_cmpint (outside.status, ==, 0);
  g_assert_nonnull (strstr (outside.out, "\"approximate\" : true"));

  ADMIN (&bad, "en", NULL, "date", "convert", "1950-02-30");
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "1950-02-30"));
}

static void
test_demo_is_deterministic (void)
{
  g_autofree char *db1 = temp_db ();
  g_autofree char *db2 = temp_db ();
  g_auto(Run) fill1 = { 0 };
  g_auto(Run) fill2 = { 0 };
  g_auto(Run) list1 = { 0 };
  g_auto(Run) list2 = { 0 };

  ADMIN (&fill1, "en", NULL, "--database", db1, "demo", "--beneficiaries", "50", "--seed", "9");
  ADMIN (&fill2, "en", NULL, "--database", db2, "demo", "--beneficiaries", "50", "--seed", "9");
  g_assert_cmpint (fill1.status, ==, 0);
  g_assert_cmpint (fill2.status, ==, 0);

  ADMIN (&list1, "en", NULL, "--database", db1, "--format", "table", "beneficiary", "list", "--limit", "100");
  ADMIN (&list2, "en", NULL, "--database", db2, "--format", "table", "beneficiary", "list", "--limit", "100");
  g_assert_cmpstr (list1.out, ==, list2.out);
  g_assert_cmpuint (g_strv_length (g_strsplit (list1.out, "\n", -1)), ==, 52);
}

static void
test_check_reports_and_refuses (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = folder_beside (db);
  g_autofree char *foreign = g_build_filename (dir, "letter.txt", NULL);
  g_auto(Run) fill = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) refused = { 0 };

  ADMIN (&fill, "en", NULL, "--database", db, "demo", "--beneficiaries", "20");
  ADMIN (&check, "en", NULL, "--database", db, "check");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "Integrity: ok"));
  /* 20 people, the first member of staff who set the database up and their password, and the
   * seal key. */
  g_assert_nonnull (strstr (check.out, "Audit log: 23 entries, chain intact"));

  g_assert_true (g_file_set_contents (foreign, "Dear committee,\n", -1, NULL));
  ADMIN (&refused, "en", NULL, "--database", foreign, "check");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "not a Rifq database"));
}

/* rifq-admin backup, backup check and restore, on either engine: records put back as taken,
 * what was there kept, a sealed copy read only with its passphrase, a damaged one refused. */
static void
test_backup_and_restore (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *folder = g_dir_make_tmp ("rifq-admin-backup-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (folder, "desk.rifq-backup", NULL);
  g_autofree char *sealed = g_build_filename (folder, "off-site.rifq-backup", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) fill = { 0 };
  g_auto(Run) taken = { 0 };
  g_auto(Run) checked = { 0 };
  g_auto(Run) more = { 0 };
  g_auto(Run) restored = { 0 };
  g_auto(Run) count = { 0 };
  g_auto(Run) seal = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) damaged = { 0 };
  g_auto(Run) missing = { 0 };
  gsize length = 0;

  ADMIN (&fill, "en", NULL, "--database", db, "demo", "--beneficiaries", "20");
  g_assert_cmpint (fill.status, ==, 0);
  ADMIN (&taken, "en", NULL, "--database", db, "backup", file);
  g_assert_cmpint (taken.status, ==, 0);
  g_assert_nonnull (strstr (taken.out, "audit entries)"));
  ADMIN (&checked, "en", NULL, "backup", "check", file);
  g_assert_cmpint (checked.status, ==, 0);
  g_assert_nonnull (strstr (checked.out, "Checked: whole, and this program can restore it."));

  ADMIN (&more, "en", NULL, "--database", db, "demo", "--beneficiaries", "5");
  ADMIN (&restored, "en", NULL, "--database", db, "restore", file);
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_nonnull (strstr (restored.out, "The database as it was before is kept in"));
  ADMIN (&count, "en", NULL, "--database", db, "check");
  g_assert_cmpint (count.status, ==, 0);
  g_assert_nonnull (strstr (count.out, "Beneficiaries: 20"));

  g_setenv ("RIFQ_BACKUP_PASSPHRASE", "سبعة أيام على الشاطئ", TRUE);
  ADMIN (&seal, "en", NULL, "--database", db, "backup", "--encrypt", sealed);
  g_assert_cmpint (seal.status, ==, 0);
  g_assert_nonnull (strstr (seal.out, "sealed with a passphrase"));
  g_setenv ("RIFQ_BACKUP_PASSPHRASE", "سبعة أيام على الشاطىء", TRUE);
  ADMIN (&wrong, "en", NULL, "--database", db, "restore", sealed);
  g_unsetenv ("RIFQ_BACKUP_PASSPHRASE");
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "the passphrase is wrong, or the file was changed. Nothing was restored."));
  /* No terminal and no RIFQ_BACKUP_PASSPHRASE: said how to give it. */
  ADMIN (&missing, "en", NULL, "--database", db, "restore", sealed);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "RIFQ_BACKUP_PASSPHRASE"));

  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
  contents[length - 10] ^= 0x01;
  g_assert_true (g_file_set_contents (file, contents, (gssize) length, NULL));
  ADMIN (&damaged, "ar", NULL, "--database", db, "restore", file);
  g_assert_cmpint (damaged.status, ==, 1);
  g_assert_nonnull (strstr (damaged.err, "تالفة"));

  for (guint i = 0; i < 2; i++)
    g_unlink (i == 0 ? file : sealed);
}

/* How many exports the log at location holds (a desk's file, or the server's database). */
static gint64
export_entries (const char *location)
{
  const char *sql = "SELECT count(*) FROM audit WHERE action = 'export'";
  sqlite3 *file = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  if (g_strcmp0 (g_getenv ("RIFQ_TEST_ENGINE"), "postgresql") == 0)
    {
      PGconn *server = PQconnectdb (location);
      PGresult *result = PQexec (server, sql);

      g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
      n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
      PQfinish (server);
      return n;
    }
  g_assert_cmpint (sqlite3_open_v2 (location, &file, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (file, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (file);
  return n;
}

/* rifq-admin beneficiary export and retention list: everything about one person in one private
 * JSON file for an administrator, refused to a desk officer; the retention review lists and
 * deletes nothing. */
static void
test_export_and_retention (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *folder = folder_beside (db);
  g_autofree char *file = g_build_filename (folder, "person.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) add = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(Run) staff = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) retention = { 0 };
  struct stat st;

  ADMIN (&add, "en", record, "--database", db, "beneficiary", "add");
  g_assert_cmpint (add.status, ==, 0);
  ADMIN (&exported, "en", NULL, "--database", db, "beneficiary", "export", "1000000008", "-o", file);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "Everything held about 1000000008 is in"));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (json_parser_load_from_file (parser, file, NULL));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_node_get_object (json_parser_get_root (parser)), "beneficiary"), "national_id"), ==,
                   "1000000008");
  /* Not over a file it did not make, unless told. */
  ADMIN (&again, "en", NULL, "--database", db, "beneficiary", "export", "1000000008", "-o", db);
  g_assert_cmpint (again.status, ==, 1);

  /* Into a folder that is not there: said before anything is read or logged. */
  {
    g_autofree char *missing = g_build_filename (folder, "no-such-folder", "person.pdf", NULL);
    g_autofree char *pair = g_build_filename (folder, "pair", NULL);
    g_autofree char *pdf = g_build_filename (pair, "rifq-1000000008.pdf", NULL);
    g_autofree char *json = g_build_filename (pair, "rifq-1000000008.json", NULL);
    g_auto(Run) nowhere = { 0 };
    g_auto(Run) both = { 0 };
    g_auto(Run) twice = { 0 };
    g_auto(Run) verified = { 0 };

    ADMIN (&nowhere, "en", NULL, "--database", db, "beneficiary", "export", "1000000008", "-o", missing);
    g_assert_cmpint (nowhere.status, ==, 1);
    g_assert_nonnull (strstr (nowhere.err, "cannot be written"));
    g_assert_cmpint (export_entries (db), ==, 1);

    /* Both files into a folder, once; the second time refused, nothing logged. */
    g_assert_cmpint (g_mkdir (pair, 0700), ==, 0);
    ADMIN (&both, "en", NULL, "--database", db, "beneficiary", "export", "1000000008", "--to", pair);
    g_assert_cmpint (both.status, ==, 0);
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (export_entries (db), ==, 2);
    ADMIN (&twice, "en", NULL, "--database", db, "beneficiary", "export", "1000000008", "--to", pair);
    g_assert_cmpint (twice.status, ==, 1);
    g_assert_nonnull (strstr (twice.err, "never written over"));
    g_assert_cmpint (export_entries (db), ==, 2);
    ADMIN (&verified, "en", NULL, "--database", db, "audit", "verify");
    g_assert_cmpint (verified.status, ==, 0);
    g_unlink (pdf);
    g_unlink (json);
    g_rmdir (pair);
  }

  ADMIN (&staff, "en", NULL, "--database", db, "staff", "add", "desk1", "--full-name", "نورة", "--roles", "desk");
  ADMIN (&refused, "en", NULL, "--database", db, "RIFQ_USER=" "desk1", "beneficiary", "export", "1000000008");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "may not export everything held about a beneficiary"));
  g_assert_cmpstr (refused.out, ==, "");

  ADMIN (&retention, "en", NULL, "--database", db, "retention", "list", "--format", "table");
  g_assert_cmpint (retention.status, ==, 0);
  g_assert_nonnull (strstr (retention.err, "0 closed files are past the retention period of 10 years."));
  g_unlink (file);
}

/* rifq-admin audit verify, on either engine: the chain intact, then an entry edited and another
 * deleted behind Rifq's back, each named; and refused to who may not read the log. */
static void
test_audit_verify_names_first_broken_link (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) fill = { 0 };
  g_auto(Run) intact = { 0 };
  g_auto(Run) staff = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) checked = { 0 };
  g_auto(Run) edited = { 0 };
  g_auto(Run) deleted = { 0 };

  ADMIN (&fill, "en", NULL, "--database", db, "demo", "--beneficiaries", "20");
  ADMIN (&intact, "en", NULL, "--database", db, "audit", "verify");
  g_assert_cmpint (intact.status, ==, 0);
  g_assert_nonnull (strstr (intact.out, "Audit log: 23 entries, chain intact"));

  ADMIN (&staff, "en", NULL, "--database", db, "staff", "add", "nora", "--full-name", "نورة", "--roles", "desk");
  g_assert_cmpint (staff.status, ==, 0);
  ADMIN (&refused, "en", NULL, "--database", db, "RIFQ_USER=" "nora", "audit", "verify");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "may not read and verify the audit log"));
  /* Nor through check. */
  ADMIN (&checked, "en", NULL, "--database", db, "RIFQ_USER=" "nora", "check");
  g_assert_cmpint (checked.status, ==, 1);
  g_assert_nonnull (strstr (checked.err, "may not read and verify the audit log"));
  g_assert_null (strstr (checked.out, "chain intact"));

  /* As a forger with the database's own tools: its guards taken off first. */
  rifq_test_other_program_sql (db, RIFQ_TEST_DIALECT ("DROP TRIGGER audit_is_append_only_update;"
                                                      " DROP TRIGGER audit_is_append_only_delete;",
                                                      "ALTER TABLE audit DISABLE TRIGGER USER;"));
  rifq_test_other_program_sql (db, "UPDATE audit SET actor = 'someone' WHERE id = 7");
  ADMIN (&edited, "en", NULL, "--database", db, "audit", "verify");
  g_assert_cmpint (edited.status, ==, 1);
  g_assert_nonnull (strstr (edited.err, "broken at entry 7: it was changed after it was written"));

  rifq_test_other_program_sql (db, "DELETE FROM audit WHERE id = 4");
  ADMIN (&deleted, "en", NULL, "--database", db, "audit", "verify");
  g_assert_cmpint (deleted.status, ==, 1);
  g_assert_nonnull (strstr (deleted.err, "entry 4 was deleted"));
}

static void
test_usage_errors (void)
{
  g_auto(Run) unknown = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) format = { 0 };

  ADMIN (&unknown, "en", NULL, "frobnicate");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "Unknown command"));
  ADMIN (&none, "en", NULL, "--limit", "3");
  g_assert_cmpint (none.status, ==, 2);
  ADMIN (&format, "en", NULL, "--format", "xml", "check");
  g_assert_cmpint (format.status, ==, 2);
}

static gboolean
on_server (void)
{
  return g_strcmp0 (g_getenv ("RIFQ_TEST_ENGINE"), "postgresql") == 0;
}

/* Another program's write, holding the database's write lock until let go: SQLite's file lock,
 * or the server's write lock, which every write of Rifq's takes. */
typedef struct
{
  sqlite3 *file;
  PGconn  *server;
} Holder;

static void
hold_write_lock (Holder     *holder,
                 const char *db)
{
  if (on_server ())
    {
      PGresult *result;

      holder->server = PQconnectdb (db);
      result = PQexec (holder->server, "BEGIN; SELECT pg_advisory_xact_lock (1380533841)");
      g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
      PQclear (result);
      return;
    }
  g_assert_cmpint (sqlite3_open (db, &holder->file), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder->file, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
let_go (Holder *holder)
{
  if (holder->server != NULL)
    {
      PQclear (PQexec (holder->server, "COMMIT"));
      PQfinish (holder->server);
      return;
    }
  g_assert_cmpint (sqlite3_exec (holder->file, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder->file);
}

static gpointer
release_lock_later_cb (gpointer data)
{
  g_usleep (G_USEC_PER_SEC);
  let_go (data);
  return NULL;
}

static void
test_busy_database_waits_then_exit_3 (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) init = { 0 };
  g_auto(Run) busy = { 0 };
  g_auto(Run) waited = { 0 };
  g_autoptr(GThread) releaser = NULL;
  Holder holder = { NULL, NULL };
  gint64 started;

  ADMIN (&init, "en", NULL, "--database", db, "init");
  g_assert_cmpint (init.status, ==, 0);

  /* Another program holds the write lock all the time the command runs: it waits, then says so. */
  hold_write_lock (&holder, db);
  started = g_get_monotonic_time ();
  ADMIN (&busy, "en", NULL, "--database", db, "staff", "add", "noura", "--full-name", "نورة", "--roles", "desk");
  g_assert_cmpint (busy.status, ==, 3);
  g_assert_nonnull (strstr (busy.err, "The database is busy"));
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 3 * G_USEC_PER_SEC);
  g_assert_cmpstr (busy.out, ==, "");

  /* Let go within the wait: the command goes through. */
  releaser = g_thread_new ("release-lock", release_lock_later_cb, &holder);
  ADMIN (&waited, "en", NULL, "--database", db, "staff", "add", "noura", "--full-name", "نورة", "--roles", "desk");
  g_thread_join (g_steal_pointer (&releaser));
  g_assert_cmpint (waited.status, ==, 0);
  g_assert_nonnull (strstr (waited.out, "noura is now staff"));
}

static const char signature_strokes[] =
  "{\"version\":1,\"width\":400,\"height\":200,\"strokes\":[[[40,120,0.4],[80,90,0.6],[130,110,0.8]]]}";

/* Runs a command that must succeed and returns its output. */
#define OK(run, ...) \
  G_STMT_START { \
    ADMIN ((run), "en", NULL, "--database", db, __VA_ARGS__); \
    if ((run)->status != 0) \
      g_error ("rifq-admin failed: %s", (run)->err); \
  } G_STMT_END

/* The beneficiary of record, a desk officer (desk1) and a chair (chair1), and a request of
 * theirs at the documents step: its number. */
static char *
collecting_request (const char *db)
{
  g_auto(Run) add = { 0 };
  g_auto(Run) staff = { 0 };
  g_auto(Run) create = { 0 };
  g_auto(Run) step = { 0 };
  char *number;

  ADMIN (&add, "en", record, "--database", db, "beneficiary", "add");
  g_assert_cmpint (add.status, ==, 0);
  OK (&staff, "staff", "add", "desk1", "--full-name", "نورة العتيبي", "--roles", "desk");
  run_clear (&staff);
  OK (&staff, "staff", "add", "chair1", "--full-name", "خالد الدوسري", "--roles", "chair");

  OK (&create, "RIFQ_USER=" "desk1", "request", "create", "--beneficiary", "1000000008", "--kind", "food_basket",
      "--channel", "phone", "--description", "سلة غذائية شهرية");
  g_assert_nonnull (strstr (create.out, "\"state\" : \"draft\""));
  /* The number of the Hijri year the test runs in: "1448/000001". */
  number = g_strndup (strstr (create.out, "\"number\" : \"") + 12, strlen ("1448/000001"));
  g_assert_true (g_str_has_suffix (number, "/000001"));
  OK (&step, "RIFQ_USER=" "desk1", "request", "advance", number, "collect");
  g_assert_nonnull (strstr (step.out, "\"state\" : \"incomplete\""));
  return number;
}

static void
enter_documents (const char *db,
                 const char *number)
{
  const char *types[] = { "national_id", "family_record", "income_proof" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_auto(Run) step = { 0 };

      OK (&step, "RIFQ_USER=" "desk1", "request", "document", number, types[i], "--number", "٥٥١٢",
          "--issued", "1440/01/01", "--expires", "2099-01-01", "--matched");
    }
}

static void
sign_and_submit (const char *db,
                 const char *number)
{
  g_autofree char *dir = folder_beside (db);
  g_autofree char *strokes = g_build_filename (dir, "strokes.json", NULL);
  g_auto(Run) step = { 0 };

  g_assert_true (g_file_set_contents (strokes, signature_strokes, -1, NULL));
  OK (&step, "RIFQ_USER=" "desk1", "request", "advance", number, "verify");
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "desk1", "request", "sign", number, "--signature", strokes, "--officer-name", "نورة العتيبي");
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "desk1", "request", "advance", number, "submit");
  g_assert_nonnull (strstr (step.out, "\"state\" : \"submitted\""));
}

static void
test_request_whole_path (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = folder_beside (db);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *receipt = g_build_filename (dir, "receipt.pdf", NULL);
  g_auto(Run) step = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) attach = { 0 };
  g_auto(Run) lookup = { 0 };
  g_auto(Run) pdf = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autofree char *number = NULL;
  g_autofree char *said = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int status;

  g_assert_true (g_file_set_contents (notes, "not a scan\n", -1, NULL));
  number = collecting_request (db);

  /* Submitting before the documents are there: refused, with what is missing. */
  ADMIN (&refused, "en", NULL, "--database", db, "RIFQ_USER=" "desk1", "request", "advance", number, "verify");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "National ID / iqama is missing"));

  enter_documents (db, number);
  ADMIN (&attach, "en", NULL, "--database", db, "RIFQ_USER=" "desk1", "request", "attach", number, "national_id", notes);
  g_assert_cmpint (attach.status, ==, 1);
  g_assert_nonnull (strstr (attach.err, "is not an image or a PDF"));

  sign_and_submit (db, number);

  /* The desk may not decide. */
  run_clear (&refused);
  ADMIN (&refused, "en", NULL, "--database", db, "RIFQ_USER=" "desk1", "request", "advance", number, "review");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "desk1 (beneficiary-relations officer) may not start the committee’s review of "
                                        "a request; that is for: research-committee member or research-committee chair."));

  run_clear (&step);
  OK (&step, "RIFQ_USER=" "chair1", "request", "advance", number, "review");

  /* Not even the chair decides outside a meeting: the request stays under review. */
  run_clear (&refused);
  ADMIN (&refused, "en", NULL, "--database", db, "RIFQ_USER=" "chair1", "request", "advance", number, "accept");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "is the research committee’s decision, taken only at a meeting"));
  run_clear (&step);
  OK (&step, "request", "show", number);
  g_assert_nonnull (strstr (step.out, "\"state\" : \"under_review\""));

  /* The committee (its chair alone) meets today: the agenda, the vote, the decision and what it
   * approves. */
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "chair1", "committee", "meeting", "create", "--on", today);
  g_assert_nonnull (strstr (step.out, "\"id\" : 1,"));
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "chair1", "committee", "meeting", "present", "1", "chair1");
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "chair1", "committee", "meeting", "agenda", "1", number);
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "chair1", "committee", "meeting", "remove", "1", number);
  g_assert_nonnull (strstr (step.out, "\"agenda\" : []"));
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "chair1", "committee", "meeting", "agenda", "1", number);
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "chair1", "committee", "vote", "1", number, "accept");
  /* Undecided, the minutes are a draft; decided, they and the letter are sealed. */
  {
    g_autofree char *folder = folder_beside (db);
    g_autofree char *minutes = g_build_filename (folder, "minutes.pdf", NULL);
    g_autofree char *letter = g_build_filename (folder, "letter.pdf", NULL);

    run_clear (&step);
    OK (&step, "pdf", "minutes", "1", "-o", minutes);
    g_assert_nonnull (strstr (step.out, "a draft: a case on the agenda is undecided"));
    run_clear (&step);
    OK (&step, "RIFQ_USER=" "chair1", "committee", "decide", "1", number, "accept", "--quantity", "2", "--text",
        "يستحق الدعم");
    g_assert_nonnull (strstr (step.out, "\"state\" : \"accepted\""));
    run_clear (&step);
    OK (&step, "pdf", "minutes", "1", "-o", minutes, "--force");
    g_assert_nonnull (strstr (step.out, "minutes.pdf, sealed."));
    run_clear (&step);
    OK (&step, "pdf", "letter", number, "-o", letter);
    g_assert_nonnull (strstr (step.out, "letter.pdf, sealed."));
  }

  run_clear (&step);
  OK (&step, "RIFQ_USER=" "desk1", "request", "advance", number, "register");
  g_assert_nonnull (strstr (step.out, "\"file_number\" : \"000001\""));
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "desk1", "request", "advance", number, "serve", "--quantity", "1",
      "--delivered-on", "2026-11-01", "--delivered-by", "فريق التوزيع", "--place", "home");
  g_assert_nonnull (strstr (step.out, "\"state\" : \"served\""));
  g_assert_nonnull (strstr (step.out, "\"quantity_left\" : 1"));

  /* Beyond what was approved: the desk is refused; an administrator records it with the reason. */
  run_clear (&refused);
  ADMIN (&refused, "en", NULL, "--database", db, "RIFQ_USER=" "desk1", "request", "advance", number, "serve", "--quantity",
         "2", "--delivered-on", "2026-11-02", "--delivered-by", "فريق التوزيع", "--place", "home");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "a quantity of 2 is more than the 1 that remain of the 2"));
  run_clear (&step);
  OK (&step, "--format", "table", "request", "show", number);
  g_assert_nonnull (strstr (step.out, "The research committee approved a quantity of 2; the services recorded "
                                      "delivered a quantity of 1; what remains is a quantity of 1."));
  run_clear (&step);
  OK (&step, "request", "advance", number, "serve", "--quantity", "2", "--delivered-on", "2026-11-02",
      "--delivered-by", "فريق التوزيع", "--place", "home", "--override", "أسرة من ثلاثة أفراد");
  g_assert_nonnull (strstr (step.out, "\"override_reason\" : \"أسرة من ثلاثة أفراد\""));

  OK (&lookup, "--format", "table", "request", "lookup", "١٠٠٠٠٠٠٠٠٨");
  said = g_strdup_printf ("Request %s of مُحمد عبد الله سعد القحطاني was accepted", number);
  g_assert_true (g_str_has_prefix (lookup.out, said));

  OK (&pdf, "request", "receipt", number, receipt);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", receipt, (char *) "-", NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, number));

  /* Everything above went through Rifq: each record is as its audit trail ends. */
  run_clear (&step);
  OK (&step, "check");
  g_assert_nonnull (strstr (step.out, "Audit log:"));
  g_assert_nonnull (strstr (step.out, "chain intact"));
  g_assert_nonnull (strstr (step.out, "Records: each as its audit trail ends"));
}

/* The first request sealed at its submission, from request list's JSON: one in the committee's
 * hands, or one it has decided. */
static char *
first_request (const char *db,
               const char *state)
{
  const char *states[] = { state, "under_review", "accepted", "rejected", "registered", "served" };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_auto(Run) list = { 0 };
      g_autoptr(JsonNode) root = NULL;
      JsonArray *found;

      ADMIN (&list, "en", NULL, "--database", db, "request", "list", "--state", states[i], "--limit", "1");
      g_assert_cmpint (list.status, ==, 0);
      root = json_from_string (list.out, NULL);
      found = json_node_get_array (root);
      if (json_array_get_length (found) > 0)
        return g_strdup (json_object_get_string_member (json_array_get_object_element (found, 0), "number"));
    }
  g_assert_not_reached ();
}

/* Anyone holding the file and the association's public keys can check it; nobody's database is
 * made or needed for it. */
static void
test_verify_with_public_keys_alone (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = folder_beside (db);
  g_autofree char *pdf = g_build_filename (dir, "request.pdf", NULL);
  g_autofree char *ring = g_build_filename (dir, "keyring.json", NULL);
  g_autofree char *other_db = temp_db ();
  g_autofree char *other_dir = folder_beside (other_db);
  g_autofree char *other_ring = g_build_filename (other_dir, "keyring.json", NULL);
  g_autofree char *absent = g_build_filename (dir, "nowhere", "rifq.db", NULL);
  g_autofree char *number = NULL;
  g_autofree char *fingerprint = NULL;
  g_auto(Run) fill = { 0 }, print = { 0 }, export = { 0 }, show = { 0 }, bare = { 0 }, keyed = { 0 },
              by_fingerprint = { 0 }, foreign = { 0 }, absent_db = { 0 }, other_fill = { 0 }, other_export = { 0 },
              shown = { 0 };

  ADMIN (&fill, "en", NULL, "--database", db, "demo", "--beneficiaries", "20", "--requests", "30");
  g_assert_cmpint (fill.status, ==, 0);
  number = first_request (db, "submitted");
  ADMIN (&print, "en", NULL, "--database", db, "pdf", "request", number, "-o", pdf);
  g_assert_cmpint (print.status, ==, 0);
  ADMIN (&export, "en", NULL, "--database", db, "seal", "export", "-o", ring);
  g_assert_cmpint (export.status, ==, 0);
  ADMIN (&show, "en", NULL, "--database", db, "seal", "show");
  g_assert_cmpint (show.status, ==, 0);
  {
    g_autoptr(JsonNode) root = json_from_string (show.out, NULL);

    fingerprint = g_strdup (json_object_get_string_member (json_node_get_object (root), "fingerprint"));
  }

  /* No key given: a mistake in the command, and no database is made anywhere. */
  g_setenv ("RIFQ_DATABASE", absent, TRUE);
  ADMIN (&bare, "en", NULL, "verify", pdf);
  g_assert_cmpint (bare.status, ==, 2);
  g_assert_nonnull (strstr (bare.err, "--key KEYRING.json"));
  ADMIN (&keyed, "en", NULL, "verify", pdf, "--key", ring);
  g_assert_cmpint (keyed.status, ==, 0);
  g_assert_nonnull (strstr (keyed.out, "The document is genuine"));
  g_assert_nonnull (strstr (keyed.out, number));
  ADMIN (&by_fingerprint, "en", NULL, "verify", pdf, "--fingerprint", fingerprint);
  g_assert_cmpint (by_fingerprint.status, ==, 0);
  ADMIN (&absent_db, "en", NULL, "--database", absent, "verify", pdf);
  g_assert_cmpint (absent_db.status, ==, 1);
  g_unsetenv ("RIFQ_DATABASE");
  g_assert_false (g_file_test (absent, G_FILE_TEST_EXISTS));

  /* Another association's keys: refused. */
  ADMIN (&other_fill, "en", NULL, "--database", other_db, "init");
  ADMIN (&other_export, "en", NULL, "--database", other_db, "seal", "export", "-o", other_ring);
  g_assert_cmpint (other_export.status, ==, 0);
  ADMIN (&foreign, "en", NULL, "verify", pdf, "--key", other_ring);
  g_assert_cmpint (foreign.status, ==, 1);
  g_assert_nonnull (strstr (foreign.err, "not among the association’s keys"));

  /* Nothing is ever written into the key folder, even when asked to replace. */
  {
    g_auto(Run) into_keys = { 0 };
    g_autofree char *target = g_build_filename (g_getenv ("RIFQ_KEY_DIR"), "overwritten.key", NULL);

    ADMIN (&into_keys, "en", NULL, "--database", db, "pdf", "request", number, "-o", target, "--force");
    g_assert_cmpint (into_keys.status, ==, 1);
    g_assert_nonnull (strstr (into_keys.err, "folder of Rifq’s keys"));
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  }

  /* request show says how the record stands against its seal. */
  ADMIN (&shown, "en", NULL, "--database", db, "request", "show", number);
  g_assert_nonnull (strstr (shown.out, "\"state\" : \"genuine\""));
}

/* The key changes: what was sealed before keeps verifying, with the keyring exported after. */
static void
test_seal_rotation_by_administrator_only (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = folder_beside (db);
  g_autofree char *pdf = g_build_filename (dir, "request.pdf", NULL);
  g_autofree char *ring = g_build_filename (dir, "keyring.json", NULL);
  g_autofree char *number = NULL;
  g_auto(Run) fill = { 0 }, print = { 0 }, staff = { 0 }, refused = { 0 }, rotated = { 0 }, export = { 0 },
              verified = { 0 };

  ADMIN (&fill, "en", NULL, "--database", db, "demo", "--beneficiaries", "20", "--requests", "30");
  number = first_request (db, "submitted");
  ADMIN (&print, "en", NULL, "--database", db, "pdf", "request", number, "-o", pdf);
  g_assert_cmpint (print.status, ==, 0);
  ADMIN (&staff, "en", NULL, "--database", db, "staff", "add", "desk9", "--full-name", "نورة", "--roles", "desk");
  g_assert_cmpint (staff.status, ==, 0);
  ADMIN (&refused, "en", NULL, "--database", db, "RIFQ_USER=" "desk9", "seal", "rotate");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "may not change the association’s seal key; that is for: administrator."));
  ADMIN (&rotated, "en", NULL, "--database", db, "seal", "rotate");
  g_assert_cmpint (rotated.status, ==, 0);
  ADMIN (&export, "en", NULL, "--database", db, "seal", "export", "-o", ring);
  ADMIN (&verified, "en", NULL, "verify", pdf, "--key", ring);
  g_assert_cmpint (verified.status, ==, 0);
}

/* A database with the record above, a desk officer and a chair, and one request: its number. */
static char *
database_with_request (const char *db)
{
  g_auto(Run) add = { 0 };
  g_auto(Run) staff = { 0 };
  g_auto(Run) create = { 0 };

  ADMIN (&add, "en", record, "--database", db, "beneficiary", "add");
  g_assert_cmpint (add.status, ==, 0);
  OK (&staff, "staff", "add", "desk1", "--full-name", "نورة العتيبي", "--roles", "desk");
  run_clear (&staff);
  OK (&staff, "staff", "add", "chair1", "--full-name", "خالد الدوسري", "--roles", "chair");
  OK (&create, "RIFQ_USER=" "desk1", "request", "create", "--beneficiary", "١٠٠٠٠٠٠٠٠٨", "--kind", "food_basket",
      "--channel", "phone", "--description", "سلة غذائية شهرية", "--amount", "٣٬٠٠٠");
  g_assert_nonnull (strstr (create.out, "\"amount\" : 3000"));
  return g_strndup (strstr (create.out, "\"number\" : \"") + 12, strlen ("1448/000001"));
}

/* "1448/000001" typed short as staff type it: the year of number, then seq. */
static char *
short_number (const char *number,
              const char *seq)
{
  return g_strdup_printf ("%.4s/%s", number, seq);
}

static void
test_numbers_in_any_digits (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *number = database_with_request (db);
  g_autofree char *short_arabic = short_number (number, "١");
  g_auto(Run) second = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) person = { 0 };

  OK (&second, "RIFQ_USER=" "desk1", "request", "create", "--beneficiary", "1", "--kind", "food_basket",
      "--channel", "phone", "--description", "سلة غذائية", "--amount", "۲۵۰۰");
  g_assert_nonnull (strstr (second.out, "\"amount\" : 2500"));
  OK (&list, "--limit", "۱", "--format", "table", "request", "list");
  g_assert_cmpuint (g_strv_length (g_strsplit (g_strstrip (list.out), "\n", -1)), ==, 2);
  OK (&show, "request", "show", short_arabic);
  g_assert_nonnull (strstr (show.out, number));
  OK (&person, "beneficiary", "show", "١");
  g_assert_nonnull (strstr (person.out, "\"national_id\" : \"1000000008\""));
}

static void
test_bad_numbers_named_by_option (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *number = database_with_request (db);
  struct
  {
    const char *option, *value, *says;
  } cases[] = {
    { "--amount", "99999999999999999999", "--amount: the number is too large" },
    { "--amount", "٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩", "--amount: the number is too large" },
    { "--amount", "-5", "--amount: cannot be negative" },
    { "--amount", "3.5", "--amount: must be a whole number" },
    { "--quantity", "lots", "--quantity: must be a whole number" },
    { "--limit", "99999999999", "--limit: the number is too large" },
    { "-n", "x", "--limit: must be a whole number" },
    { "--seed", "4294967296", "--seed: the number is too large: at most 4294967295" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      ADMIN (&run, "en", NULL, "--database", db, "RIFQ_USER=" "desk1", cases[i].option, cases[i].value, "request",
             "create", "--beneficiary", "1", "--kind", "food_basket", "--channel", "phone", "--description", "x");
      g_assert_cmpint (run.status, ==, 1);
      if (!g_str_has_prefix (run.err, cases[i].says))
        g_error ("%s %s: “%s” does not start “%s”", cases[i].option, cases[i].value, run.err, cases[i].says);
      g_assert_null (strstr (run.err, "Usage"));
    }
  {
    g_auto(Run) arabic = { 0 };

    ADMIN (&arabic, NULL, NULL, "--database", db, "--amount", "كثير", "request", "list");
    g_assert_cmpint (arabic.status, ==, 1);
    g_assert_true (g_str_has_prefix (arabic.err, "--amount: "));
    g_assert_nonnull (strstr (arabic.err, "عدد"));
  }
}

static void
test_missing_meeting_said_so (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *number = database_with_request (db);
  g_autofree char *dir = folder_beside (db);
  g_autofree char *pdf = g_build_filename (dir, "minutes.pdf", NULL);
  const char * const commands[][7] = {
    { "committee", "vote", "٧", number, "accept", NULL },
    { "committee", "decide", "7", number, "accept", "--text", "x" },
    { "committee", "meeting", "present", "7", "chair1", NULL },
    { "committee", "meeting", "agenda", "7", number, NULL },
    { "committee", "meeting", "show", "7", NULL },
    { "pdf", "minutes", "7", "-o", pdf, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      ADMIN (&run, "en", NULL, "--database", db, "RIFQ_USER=" "chair1", commands[i][0], commands[i][1], commands[i][2],
             commands[i][3], commands[i][4], commands[i][5], commands[i][6]);
      g_assert_cmpint (run.status, ==, 1);
      if (g_strcmp0 (run.err, "There is no meeting 7.\n") != 0)
        g_error ("%s %s: “%s”", commands[i][0], commands[i][1], run.err);
    }
}

static void
test_batch_refusals_name_record (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *wrong = g_strdup (record);
  struct
  {
    const char *second, *says;
  } cases[] = {
    { "5", "Record 2: A beneficiary must be a JSON object." },
    { "{ \"first_name\": \"سعد\" }", "Record 2: Line 2: the field “national_id”" },
    { NULL, "Record 2: Line 2: “monthly_income” is too large." },
    { "{ \"caregivers\": [ 5 ] }", "Record 2: Line 2: caregiver 1 must be an object." },
  };
  g_autofree char *too_large = NULL;

  /* The same record with a monthly income past 64 bits, which JSON readers wrap into a negative. */
  too_large = g_strconcat ("{ \"monthly_income\": 99999999999999999999, ", strchr (record, '{') + 1, NULL);
  cases[2].second = too_large;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = g_strdup_printf ("[ %s,\n%s ]", record, cases[i].second);
      g_auto(Run) run = { 0 };

      ADMIN (&run, "en", input, "--database", db, "beneficiary", "add");
      g_assert_cmpint (run.status, ==, 1);
      if (!g_str_has_prefix (run.err, cases[i].says))
        g_error ("“%s” does not start “%s”", run.err, cases[i].says);
    }

  /* Two problems in one record: each line names it. */
  {
    g_autofree char *input = NULL;
    g_auto(Run) run = { 0 };
    g_auto(GStrv) lines = NULL;
    char *id = strstr (wrong, "١٠٠٠٠٠٠٠٠٨");
    char *mobile = strstr (wrong, "0501234567");

    memcpy (id + strlen ("١٠٠٠٠٠٠٠٠"), "٩", strlen ("٩"));
    memcpy (mobile, "01", 2);
    input = g_strdup_printf ("[ %s,\n%s ]", record, wrong);
    ADMIN (&run, "en", input, "--database", db, "beneficiary", "add");
    g_assert_cmpint (run.status, ==, 1);
    lines = g_strsplit (g_strstrip (run.err), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    g_assert_true (g_str_has_prefix (lines[0], "Record 2: National ID or iqama:"));
    g_assert_true (g_str_has_prefix (lines[1], "Record 2: Mobile:"));
  }
  assert_nothing_written (db);
}

/* Runs a command on db that must be refused (exit status 1) with a message saying expected. */
#define REFUSED(language, input, expected, ...) \
  G_STMT_START { \
    g_auto(Run) refused_ = { 0 }; \
    ADMIN (&refused_, (language), (input), "--database", db, __VA_ARGS__); \
    g_assert_cmpint (refused_.status, ==, 1); \
    if (strstr (refused_.err, (expected)) == NULL) \
      g_error ("“%s” does not say “%s”", refused_.err, (expected)); \
  } G_STMT_END

static void
test_json_lines_refused_naming_line_2 (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *line = g_strdup (record);
  g_autofree char *other = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *glued = NULL;

  /* jq -c writes one record a line; only the first was saved, and the exit status was 0. */
  g_strdelimit (line, "\n", ' ');
  other = g_strdup (line);
  memcpy (strstr (other, "١٠٠٠٠٠٠٠٠٨") + strlen ("١٠٠٠٠٠٠٠"), "١٦", strlen ("١٦"));
  lines = g_strdup_printf ("%s\n%s\n", line, other);
  glued = g_strdup_printf ("%s%s", line, other);

  REFUSED ("en", lines, "line 2, column 1: a second JSON value begins here", "beneficiary", "add", "-");
  REFUSED ("en", lines, "Nothing was saved.", "beneficiary", "add");
  REFUSED ("en", glued, "a second JSON value begins here", "beneficiary", "add");
  assert_nothing_written (db);
}

static void
test_short_number_after_format_change (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *number = database_with_request (db);
  g_autofree char *typed = short_number (number, "1");
  g_auto(Run) set = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) second = { 0 };

  ADMIN (&refused, "en", NULL, "--database", db, "settings", "set", "request_number_format", "R-{year}-{seq:6");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.err, ==, "Request number format (request_number_format): the placeholder “{seq:6” is not "
                                    "closed with “}”.\n");
  OK (&set, "settings", "set", "request_number_format", "R-{year}-{seq:3}");
  OK (&show, "request", "show", typed);
  g_assert_nonnull (strstr (show.out, number));
  OK (&second, "RIFQ_USER=" "desk1", "request", "create", "--beneficiary", "1", "--kind", "food_basket",
      "--channel", "phone", "--description", "سلة غذائية");
  g_assert_nonnull (strstr (second.out, "\"number\" : \"R-"));
  g_assert_nonnull (strstr (second.out, "-002\""));
}

static void
test_lists_print_json_by_default (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *number = database_with_request (db);
  g_auto(Run) staff = { 0 };
  g_auto(Run) settings = { 0 };
  g_auto(Run) queue = { 0 };
  g_auto(Run) table = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();

  OK (&staff, "staff", "list");
  g_assert_true (json_parser_load_from_data (parser, staff.out, -1, NULL));
  g_assert_nonnull (strstr (staff.out, "\"username\" : \"chair1\""));
  OK (&settings, "settings", "show");
  g_assert_true (json_parser_load_from_data (parser, settings.out, -1, NULL));
  g_assert_nonnull (strstr (settings.out, "\"request_number_format\" : \"{year}/{seq:6}\""));
  OK (&queue, "committee", "queue");
  g_assert_true (json_parser_load_from_data (parser, queue.out, -1, NULL));
  OK (&table, "--format", "table", "staff", "list");
  g_assert_nonnull (strstr (table.out, "chair1\tخالد الدوسري\tchair\n"));
}

static void
test_abstentions_setting (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) init = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) refused = { 0 };

  OK (&init, "init");
  OK (&show, "--format", "table", "settings", "show");
  g_assert_nonnull (strstr (show.out, "committee_abstentions\tas_present\n"));
  ADMIN (&refused, "en", NULL, "--database", db, "settings", "set", "committee_abstentions", "nobody");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Abstentions: choose as_present, ignored or against."));
  OK (&set, "settings", "set", "committee_abstentions", "ignored");
  run_clear (&show);
  OK (&show, "--format", "table", "settings", "show");
  g_assert_nonnull (strstr (show.out, "committee_abstentions\tignored\n"));
}

static void
test_empty_batch_says_so (void)
{
  g_autofree char *db = temp_db ();

  REFUSED ("en", "[]", "The list [ ] is empty", "beneficiary", "add");
  REFUSED ("en", "", "The JSON is empty", "beneficiary", "add");
  /* Single quotes, as a person might write by hand, are not JSON. */
  REFUSED ("en", "{'national_id': '1000000008'}", "line 1, column 2: text must be in double quotes",
           "beneficiary", "add");
  assert_nothing_written (db);
}

static void
test_deep_nesting_refused_without_crashing (void)
{
  g_autofree char *db = temp_db ();
  gsize depth = 75000;
  g_autofree char *deep = g_malloc (2 * depth + 1);

  /* 150 KB of brackets overflowed the parser's stack: the program died of SIGSEGV. */
  memset (deep, '[', depth);
  memset (deep + depth, ']', depth);
  deep[2 * depth] = '\0';
  REFUSED ("en", deep, "nested more than 32 levels deep", "beneficiary", "add");
}

static void
test_megabyte_name_refused (void)
{
  g_autofree char *db = temp_db ();
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *json = NULL;

  while (big->len < 1000 * 1000)
    g_string_append (big, "سعد");
  json = g_strdup_printf ("{ \"national_id\": \"1000000008\", \"first_name\": \"%s\", \"father_name\": \"عبد الله\","
                          "  \"grandfather_name\": \"سعد\", \"family_name\": \"القحطاني\", \"sex\": \"male\","
                          "  \"birth_date\": \"1369/05/20\", \"mobile\": \"0501234567\", \"city\": \"الرياض\","
                          "  \"living_situation\": \"alone\" }", big->str);
  REFUSED ("en", json, "First name: may be at most 100 characters long", "beneficiary", "add");
  REFUSED (NULL, json, "١٠٠", "beneficiary", "add");
  assert_nothing_written (db);
}

static void
test_staff_user_name_alphabet (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) list = { 0 };

  REFUSED ("en", NULL, "User name: use only Latin letters, digits and . _ - @",
           "staff", "add", "نورة", "--full-name", "نورة العتيبي", "--roles", "desk");
  REFUSED ("en", NULL, "User name: ", "staff", "add", "noura otaibi", "--full-name", "نورة", "--roles", "desk");
  OK (&list, "staff", "list");
  g_assert_null (strstr (list.out, "نورة"));
}

/* A file of the test's folder, holding data. */
static char *
test_file (const char *dir,
           const char *name,
           GBytes     *data)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (data, NULL), (gssize) g_bytes_get_size (data), NULL));
  return path;
}

static void
test_pipe_refused_at_once (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = folder_beside (db);
  g_autofree char *fifo = g_build_filename (dir, "scan.png", NULL);
  g_autofree char *number = NULL;
  g_auto(Run) add = { 0 };
  g_auto(Run) attach = { 0 };
  g_auto(Run) sign = { 0 };
  g_auto(Run) logo = { 0 };
  g_auto(Run) verify = { 0 };
  Run *runs[] = { &add, &attach, &sign, &logo, &verify };

  number = collecting_request (db);
  enter_documents (db, number);
  /* A pipe named as a file: each command waited for a writer that never came. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  ADMIN_AT_ONCE (&add, "--database", db, "beneficiary", "add", fifo);
  ADMIN_AT_ONCE (&attach, "--database", db, "RIFQ_USER=" "desk1", "request", "attach", number, "national_id", fifo);
  ADMIN_AT_ONCE (&sign, "--database", db, "RIFQ_USER=" "desk1", "request", "sign", number, "--signature", fifo,
                 "--officer-name", "نورة العتيبي");
  ADMIN_AT_ONCE (&logo, "--database", db, "settings", "logo", fifo);
  ADMIN_AT_ONCE (&verify, "--database", db, "verify", fifo);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_assert_cmpint (runs[i]->status, ==, 1);
      g_assert_nonnull (strstr (runs[i]->err, "is not a file but a folder, a pipe or a device"));
    }
  g_unlink (fifo);
}

static void
test_files_must_decode_whole (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = folder_beside (db);
  g_autoptr(GBytes) png = rifq_test_png (3000, 1);
  g_autoptr(GBytes) half = rifq_test_cut (png, 1500);
  g_autofree char *whole = test_file (dir, "whole.png", png);
  g_autofree char *cut = test_file (dir, "cut.png", half);
  g_autofree char *strokes = g_build_filename (dir, "two-signatures.json", NULL);
  g_autofree char *two = g_strdup_printf ("%s\n%s\n", signature_strokes, signature_strokes);
  g_autofree char *number = NULL;
  g_auto(Run) settings = { 0 };
  g_auto(Run) step = { 0 };

  number = collecting_request (db);
  enter_documents (db, number);
  /* Half a PNG was kept as a scan, and became the logo on every document. */
  REFUSED ("en", NULL, "National ID / iqama: the file “cut.png” cannot be used: the image is cut short.",
           "RIFQ_USER=" "desk1", "request", "attach", number, "national_id", cut);
  REFUSED ("en", NULL, "Logo: the image cannot be used: the image is cut short.", "settings", "logo", cut);
  OK (&settings, "settings", "show");
  g_assert_null (strstr (settings.out, "PNG image"));
  OK (&step, "RIFQ_USER=" "desk1", "request", "attach", number, "national_id", whole);
  run_clear (&step);
  OK (&step, "settings", "logo", whole);

  /* Two signatures one after the other: the second was dropped without a word. */
  g_assert_true (g_file_set_contents (strokes, two, -1, NULL));
  run_clear (&step);
  OK (&step, "RIFQ_USER=" "desk1", "request", "advance", number, "verify");
  REFUSED ("en", NULL, "Signature: The JSON is malformed at line 2, column 1",
           "RIFQ_USER=" "desk1", "request", "sign", number, "--signature", strokes, "--officer-name", "نورة العتيبي");
}

/* The bytes of a file, to see that it did not change. */
static GBytes *
contents_of (const char *path)
{
  char *data = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_bytes_new_take (data, size);
}

#define NEVER_OVER_DATABASE "is the database Rifq has open: a document is never written over it"

static void
test_output_never_over_database (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = folder_beside (db);
  g_autofree char *symbolic = g_build_filename (dir, "request.pdf", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) init = { 0 };

  OK (&init, "init");
  before = contents_of (db);
  g_assert_cmpint (symlink (db, symbolic), ==, 0);

  /* -o on the database's own path replaced it with a PDF. */
  REFUSED ("en", NULL, NEVER_OVER_DATABASE, "pdf", "request", "1448/1", "-o", db);
  REFUSED ("en", NULL, NEVER_OVER_DATABASE, "pdf", "packet", "1", "-o", db, "--force");
  REFUSED ("en", NULL, NEVER_OVER_DATABASE, "pdf", "minutes", "1", "-o", symbolic, "--force");
  after = contents_of (db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (g_file_test (symbolic, G_FILE_TEST_IS_SYMLINK));
}

static void
test_output_other_files_need_force (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = folder_beside (db);
  g_autofree char *letter = g_build_filename (dir, "letter.txt", NULL);
  g_autofree char *receipt = g_build_filename (dir, "receipt.pdf", NULL);
  g_autofree char *number = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) step = { 0 };
  GStatBuf buf;

  number = collecting_request (db);
  enter_documents (db, number);
  sign_and_submit (db, number);
  g_assert_true (g_file_set_contents (letter, "Dear committee,\n", -1, NULL));

  /* A file Rifq did not make was replaced without a word. */
  REFUSED ("en", NULL, "already exists and is not a document Rifq made", "request", "receipt", number, letter);
  REFUSED ("en", NULL, "To replace it, repeat with --force.", "request", "receipt", number, letter);
  g_assert_true (g_file_get_contents (letter, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "Dear committee,\n");
  OK (&step, "request", "receipt", number, letter, "--force");

  /* A document of personal data was written readable by everyone (0644). */
  umask (022);
  run_clear (&step);
  OK (&step, "request", "receipt", number, receipt);
  g_assert_cmpint (g_stat (receipt, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (letter, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  /* Its own document Rifq writes again without being told. */
  run_clear (&step);
  OK (&step, "request", "receipt", number, receipt);

  /* And the database never, for a request that exists either. */
  /* A desk's file, never written over (the server's database is not a file to write to). */
  if (!on_server ())
    {
      before = contents_of (db);
      REFUSED ("en", NULL, NEVER_OVER_DATABASE, "request", "receipt", number, db, "--force");
      after = contents_of (db);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* On the server: its schema made by server init (which refuses a file's path), a desk's file
 * moved onto it whole, and the server then used as the desk was. */
static void
test_server_init_then_migrate (void)
{
  g_autofree char *server = temp_location ();
  g_autofree char *dir = g_dir_make_tmp ("rifq-desk-XXXXXX", NULL);
  g_autofree char *desk = g_build_filename (dir, "desk.db", NULL);
  g_autofree char *target = temp_location ();
  g_auto(Run) not_server = { 0 };
  g_auto(Run) init = { 0 };
  g_auto(Run) demo = { 0 };
  g_auto(Run) moved = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) found = { 0 };

  ADMIN (&not_server, "en", NULL, "server", "init", desk);
  g_assert_cmpint (not_server.status, ==, 2);
  g_assert_nonnull (strstr (not_server.err, "does not name a server"));
  /* With its first administrator, who may then log in there. */
  ADMIN (&init, "en", NULL, "server", "init", server, "--admin", ADMIN_USER);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_nonnull (strstr (init.out, "The association’s server is ready"));
  g_assert_nonnull (strstr (init.out, "admin is its administrator"));
  run_clear (&found);
  ADMIN (&found, "en", NULL, "--database", server, "staff", "list");
  g_assert_cmpint (found.status, ==, 0);
  g_assert_nonnull (strstr (found.out, "\"admin\""));
  run_clear (&found);

  run_clear (&demo);
  ADMIN (&demo, "en", NULL, "--database", desk, "init", "--admin", ADMIN_USER);
  g_assert_cmpint (demo.status, ==, 0);
  run_clear (&demo);
  ADMIN (&demo, "en", NULL, "--database", desk, "demo", "--beneficiaries", "40", "--requests", "30", "--seed", "3");
  g_assert_cmpint (demo.status, ==, 0);
  ADMIN (&moved, "en", NULL, "migrate", "--from", desk, "--to", target);
  g_assert_cmpint (moved.status, ==, 0);
  g_assert_nonnull (strstr (moved.out, "Copied 30 tables"));
  g_assert_nonnull (strstr (moved.out, "chain intact"));
  /* Not twice: the server holds records now. */
  ADMIN (&again, "en", NULL, "migrate", "--from", desk, "--to", target);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already holds records"));

  {
    /* A password in the address is used, never printed. */
    g_autofree char *with_password = g_strconcat (target, " password=kalimat-sirr", NULL);

    ADMIN (&check, "en", NULL, "--database", with_password, "check");
  }
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "Beneficiaries: 40"));
  g_assert_null (strstr (check.out, "kalimat-sirr"));
  g_assert_null (strstr (check.err, "kalimat-sirr"));
  ADMIN (&found, "en", NULL, "--database", target, "beneficiary", "list", "--limit", "3");
  g_assert_cmpint (found.status, ==, 0);
  g_assert_nonnull (strstr (found.out, "national_id"));
}


/* Who runs a command is who logs in: a wrong password, no password, or a name that is not staff
 * do nothing; --as is gone. */
static void
test_login_refusals_do_nothing (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) staff = { 0 };
  g_auto(Run) as = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) verify = { 0 };

  REFUSED ("en", NULL, "The user name or the password is wrong.", "RIFQ_PASSWORD=not-the-password", "staff", "add",
           "noura", "--full-name", "نورة", "--roles", "desk");
  REFUSED ("en", NULL, "The user name or the password is wrong.", "RIFQ_USER=khalid", "staff", "list");
  /* No terminal to ask at, and nothing given: said how to give them. */
  REFUSED ("en", NULL, "give it in RIFQ_USER", "RIFQ_USER=", "staff", "list");
  REFUSED ("en", NULL, "give it in RIFQ_PASSWORD", "RIFQ_PASSWORD=", "staff", "list");
  REFUSED ("ar", NULL, "اسم المستخدم أو كلمة المرور غير صحيحة", "RIFQ_PASSWORD=not-the-password", "staff", "list");
  ADMIN (&as, "en", NULL, "--database", db, "--as", ADMIN_USER, "staff", "list");
  g_assert_cmpint (as.status, ==, 2);
  OK (&list, "staff", "list");
  g_assert_null (strstr (list.out, "noura"));
  /* Each refusal is in the log: the three entries of setting up, the three wrong passwords or
   * names, and the login after them (which starts the count of wrong ones again). */
  OK (&verify, "audit", "verify");
  g_assert_nonnull (strstr (verify.out, "Audit log: 7 entries, chain intact"));
}

/* On the server, from a workstation that holds no credential (its address names a user the
 * server asks a password of): each command logs in as the person's own role, and the server's
 * answer stands. */
static void
test_server_workstation_logs_in_as_own_role (void)
{
  g_autofree char *owner = temp_db ();
  g_autofree char *db = g_strconcat (owner, " user=workstation", NULL);
  g_auto(Run) staff = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) check = { 0 };
  g_autofree char *schema = g_strdup_printf ("Schema: %d", RIFQ_SCHEMA_VERSION);

  OK (&staff, "staff", "add", "noura", "--full-name", "نورة", "--roles", "desk");
  OK (&list, "RIFQ_USER=noura", "beneficiary", "list");
  OK (&check, "check");
  g_assert_nonnull (strstr (check.out, schema));
  g_assert_nonnull (strstr (check.out, "chain intact"));
  REFUSED ("en", NULL, "The user name or the password is wrong.", "RIFQ_USER=noura", "RIFQ_PASSWORD=guess-guess-1",
           "beneficiary", "list");
  REFUSED ("en", NULL, "The user name or the password is wrong.", "RIFQ_USER=nobody", "staff", "list");
  REFUSED ("en", NULL, "may not add staff", "RIFQ_USER=noura", "staff", "add", "sara", "--full-name", "سارة",
           "--roles", "admin");
}

/* Five wrong passwords lock the account, the right one too, for fifteen minutes. */
static void
test_login_locks_after_five_wrong (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) staff = { 0 };

  OK (&staff, "staff", "add", "noura", "--full-name", "نورة", "--roles", "desk");
  for (guint i = 0; i < 4; i++)
    REFUSED ("en", NULL, "The user name or the password is wrong.", "RIFQ_USER=noura", "RIFQ_PASSWORD=guess-guess",
             "beneficiary", "list");
  REFUSED ("en", NULL, "is locked after 5 wrong passwords in a row", "RIFQ_USER=noura",
           "RIFQ_PASSWORD=guess-guess", "beneficiary", "list");
  REFUSED ("en", NULL, "is locked after 5 wrong passwords in a row", "RIFQ_USER=noura", "beneficiary", "list");
  /* An administrator's new password opens it. */
  run_clear (&staff);
  OK (&staff, "staff", "password", "noura", "RIFQ_NEW_PASSWORD=a-fresh-start-1");
  g_assert_nonnull (strstr (staff.out, "noura has a new password"));
  run_clear (&staff);
  OK (&staff, "RIFQ_USER=noura", "RIFQ_PASSWORD=a-fresh-start-1", "beneficiary", "list");
}

/* init sets a new database up once: a second administrator is not made so, nor is a new
 * database set up without one. */
static void
test_init_first_administrator_once (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *fresh = temp_location ();
  g_auto(Run) again = { 0 };
  g_auto(Run) bare = { 0 };
  g_auto(Run) list = { 0 };

  ADMIN (&again, "en", NULL, "--database", db, "init", "--admin", "intruder", "RIFQ_USER=intruder");
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "is set up already"));
  OK (&list, "staff", "list");
  g_assert_null (strstr (list.out, "intruder"));

  ADMIN (&bare, "en", NULL, "--database", fresh, "init");
  g_assert_cmpint (bare.status, ==, 2);
  g_assert_nonnull (strstr (bare.err, "init --admin USER"));
  run_clear (&bare);
  ADMIN (&bare, "en", NULL, "--database", fresh, "staff", "list");
  g_assert_cmpint (bare.status, ==, 1);
  g_assert_nonnull (strstr (bare.err, "set it up first"));
  /* A weak password is refused, and the database stays new. */
  run_clear (&bare);
  ADMIN (&bare, "en", NULL, "--database", fresh, "init", "--admin", ADMIN_USER, "RIFQ_PASSWORD=short");
  g_assert_cmpint (bare.status, ==, 1);
  g_assert_nonnull (strstr (bare.err, "Password: at least 8 characters."));
  run_clear (&bare);
  ADMIN (&bare, "en", NULL, "--database", fresh, "init", "--admin", ADMIN_USER);
  g_assert_cmpint (bare.status, ==, 0);
}

/* password: their own, giving the one they have; the old one no longer opens it. A new member
 * comes with a first password, or is not added. */
static void
test_password_change_and_new_member (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) changed = { 0 };
  g_auto(Run) list = { 0 };

  REFUSED ("en", NULL, "Password: at least 8 characters.", "password", "RIFQ_NEW_PASSWORD=short");
  OK (&changed, "password", "RIFQ_NEW_PASSWORD=brand-new-pass");
  g_assert_nonnull (strstr (changed.out, "Your password is changed."));
  REFUSED ("en", NULL, "The user name or the password is wrong.", "staff", "list");
  OK (&list, "RIFQ_PASSWORD=brand-new-pass", "staff", "list");

  REFUSED ("en", NULL, "New password: type it at a terminal, or give it in RIFQ_NEW_PASSWORD.",
           "RIFQ_PASSWORD=brand-new-pass", "RIFQ_NEW_PASSWORD=", "staff", "add", "noura", "--full-name", "نورة",
           "--roles", "desk");
  REFUSED ("en", NULL, "Password: it may not be the user name.", "RIFQ_PASSWORD=brand-new-pass",
           "RIFQ_NEW_PASSWORD=Noura-1234", "staff", "add", "noura-1234", "--full-name", "نورة", "--roles", "desk");
  run_clear (&list);
  OK (&list, "RIFQ_PASSWORD=brand-new-pass", "staff", "list");
  g_assert_null (strstr (list.out, "noura"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* What only a file has, and the server's own commands. */
  if (on_server ())
    g_test_add_func ("/admin/server/init-then-migrate-a-desk", test_server_init_then_migrate);
  else
    {
      g_test_add_func ("/admin/init/creates-database", test_init_creates_database);
      g_test_add_func ("/admin/output/never-over-the-database-even-with-force", test_output_never_over_database);
    }
  g_test_add_func ("/admin/login/refusals-do-nothing-and-as-is-gone", test_login_refusals_do_nothing);
  g_test_add_func ("/admin/login/locked-after-five-wrong", test_login_locks_after_five_wrong);
  g_test_add_func ("/admin/init/first-administrator-once", test_init_first_administrator_once);
  g_test_add_func ("/admin/password/change-own-and-new-member-needs-one", test_password_change_and_new_member);
  g_test_add_func ("/admin/beneficiary/add-then-show-with-hijri", test_add_then_show);
  g_test_add_func ("/admin/beneficiary/search-normalised-name", test_search_finds_normalised);
  g_test_add_func ("/admin/beneficiary/add-refuses-malformed-json-writes-nothing", test_add_refuses_malformed_json);
  g_test_add_func ("/admin/beneficiary/add-refuses-whole-array-naming-record", test_add_refuses_whole_array);
  g_test_add_func ("/admin/beneficiary/probable-duplicate-needs-reason", test_probable_duplicate_needs_reason);
  g_test_add_func ("/admin/language/errors-in-arabic-by-default", test_errors_in_arabic_by_default);
  g_test_add_func ("/admin/language/english-when-asked", test_english_when_asked);
  g_test_add_func ("/admin/validate/id-and-phone", test_validate_commands);
  g_test_add_func ("/admin/beneficiary/mobiles-shown-as-dialled", test_mobiles_shown_as_dialled);
  g_test_add_func ("/admin/date/convert-both-ways", test_date_convert);
  g_test_add_func ("/admin/demo/same-seed-same-registry", test_demo_is_deterministic);
  g_test_add_func ("/admin/check/reports-and-refuses-foreign-file", test_check_reports_and_refuses);
  g_test_add_func ("/admin/audit/verify-names-first-broken-link", test_audit_verify_names_first_broken_link);
  g_test_add_func ("/admin/backup/restore-puts-back-and-refuses-bad-copies", test_backup_and_restore);
  g_test_add_func ("/admin/privacy/export-for-administrators-and-retention-review", test_export_and_retention);
  g_test_add_func ("/admin/usage/exit-2", test_usage_errors);
  g_test_add_func ("/admin/database/busy-waits-then-exit-3", test_busy_database_waits_then_exit_3);
  g_test_add_func ("/admin/request/whole-path-scripted", test_request_whole_path);
  g_test_add_func ("/admin/verify/public-keys-alone-no-database-made", test_verify_with_public_keys_alone);
  g_test_add_func ("/admin/seal/rotation-by-administrator-only", test_seal_rotation_by_administrator_only);
  g_test_add_func ("/admin/request/short-number-after-format-change", test_short_number_after_format_change);
  g_test_add_func ("/admin/numbers/any-digits-in-every-numeric-option", test_numbers_in_any_digits);
  g_test_add_func ("/admin/numbers/bad-number-named-by-option-without-usage", test_bad_numbers_named_by_option);
  g_test_add_func ("/admin/committee/missing-meeting-said-so", test_missing_meeting_said_so);
  g_test_add_func ("/admin/beneficiary/batch-refusals-name-record-and-field", test_batch_refusals_name_record);
  g_test_add_func ("/admin/output/lists-print-json-by-default", test_lists_print_json_by_default);
  g_test_add_func ("/admin/settings/committee-abstentions-shown-checked-and-set", test_abstentions_setting);
  g_test_add_func ("/admin/beneficiary/json-lines-refused-naming-line-2", test_json_lines_refused_naming_line_2);
  g_test_add_func ("/admin/beneficiary/empty-batch-says-so", test_empty_batch_says_so);
  g_test_add_func ("/admin/beneficiary/75000-levels-deep-refused-without-crashing",
                   test_deep_nesting_refused_without_crashing);
  g_test_add_func ("/admin/beneficiary/name-of-a-megabyte-refused", test_megabyte_name_refused);
  g_test_add_func ("/admin/staff/user-name-outside-its-alphabet-refused", test_staff_user_name_alphabet);
  g_test_add_func ("/admin/input/pipe-given-as-a-file-refused-at-once", test_pipe_refused_at_once);
  g_test_add_func ("/admin/input/scan-logo-and-signature-must-be-whole", test_files_must_decode_whole);
  g_test_add_func ("/admin/output/other-files-only-with-force-and-written-0600", test_output_other_files_need_force);
  if (rifq_test_on_server ())
    g_test_add_func ("/admin/server/workstation-logs-in-as-own-role", test_server_workstation_logs_in_as_own_role);

  return g_test_run ();
}
