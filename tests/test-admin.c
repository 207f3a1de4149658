/* test-admin.c: rifq-admin as a script or a person uses it
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
temp_db (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-admin-XXXXXX", NULL);

  return g_build_filename (dir, "rifq.db", NULL);
}

/* Runs rifq-admin with argv (NULL-terminated), language ("" for the default), and input. */
static void
run_admin (Run               *run,
           const char        *language,
           const char        *input,
           const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

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

  g_ptr_array_add (args, (gpointer) g_getenv ("RIFQ_ADMIN"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

#define ADMIN(run, lang, input, ...) run_admin ((run), (lang), (input), (const char * const[]) { __VA_ARGS__, NULL })

static const char record[] =
  "{ \"national_id\": \"١٠٠٠٠٠٠٠٠٨\", \"first_name\": \"مُحمد\", \"father_name\": \"عبد الله\","
  "  \"grandfather_name\": \"سعد\", \"family_name\": \"القحطاني\", \"sex\": \"male\","
  "  \"birth_date\": \"1369/05/20\", \"mobile\": \"0501234567\", \"city\": \"الرياض\","
  "  \"living_situation\": \"alone\" }";

static void
test_init_creates_database (void)
{
  g_autofree char *db = temp_db ();
  g_auto(Run) run = { 0 };

  ADMIN (&run, "en", NULL, "--database", db, "init");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "schema 4"));
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
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *foreign = g_build_filename (dir, "letter.txt", NULL);
  g_auto(Run) fill = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) refused = { 0 };

  ADMIN (&fill, "en", NULL, "--database", db, "demo", "--beneficiaries", "20");
  ADMIN (&check, "en", NULL, "--database", db, "check");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "Integrity: ok"));
  /* 20 people, the first member of staff who set the database up, and the seal key. */
  g_assert_nonnull (strstr (check.out, "Audit log: 22 entries, chain intact"));

  g_assert_true (g_file_set_contents (foreign, "Dear committee,\n", -1, NULL));
  ADMIN (&refused, "en", NULL, "--database", foreign, "check");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "not a Rifq database"));
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

static const char signature_strokes[] =
  "{\"version\":1,\"width\":400,\"height\":200,\"strokes\":[[[40,120,0.4],[80,90,0.6],[130,110,0.8]]]}";

/* Runs a command that must succeed and returns its output. */
#define OK(run, ...) \
  G_STMT_START { \
    ADMIN ((run), "en", NULL, "--database", db, __VA_ARGS__); \
    if ((run)->status != 0) \
      g_error ("rifq-admin failed: %s", (run)->err); \
  } G_STMT_END

static void
test_request_whole_path (void)
{
  g_autofree char *db = temp_db ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *strokes = g_build_filename (dir, "strokes.json", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *receipt = g_build_filename (dir, "receipt.pdf", NULL);
  const char *types[] = { "national_id", "family_record", "income_proof" };
  g_auto(Run) add = { 0 };
  g_auto(Run) staff = { 0 };
  g_auto(Run) create = { 0 };
  g_auto(Run) step = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) attach = { 0 };
  g_auto(Run) lookup = { 0 };
  g_auto(Run) pdf = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autofree char *number = NULL;
  g_autofree char *said = NULL;
  int status;

  g_assert_true (g_file_set_contents (strokes, signature_strokes, -1, NULL));
  g_assert_true (g_file_set_contents (notes, "not a scan\n", -1, NULL));
  ADMIN (&add, "en", record, "--database", db, "beneficiary", "add");
  g_assert_cmpint (add.status, ==, 0);
  OK (&staff, "staff", "add", "desk1", "--full-name", "نورة العتيبي", "--roles", "desk");
  run_clear (&staff);
  OK (&staff, "staff", "add", "chair1", "--full-name", "خالد الدوسري", "--roles", "chair");

  OK (&create, "--as", "desk1", "request", "create", "--beneficiary", "1000000008", "--kind", "food_basket",
      "--channel", "phone", "--description", "سلة غذائية شهرية");
  g_assert_nonnull (strstr (create.out, "\"state\" : \"draft\""));
  /* The number of the Hijri year the test runs in: "1448/000001". */
  number = g_strndup (strstr (create.out, "\"number\" : \"") + 12, strlen ("1448/000001"));
  g_assert_true (g_str_has_suffix (number, "/000001"));
  run_clear (&step);
  OK (&step, "--as", "desk1", "request", "advance", number, "collect");
  g_assert_nonnull (strstr (step.out, "\"state\" : \"incomplete\""));

  /* Submitting before the documents are there: refused, with what is missing. */
  ADMIN (&refused, "en", NULL, "--database", db, "--as", "desk1", "request", "advance", number, "verify");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "National ID / iqama is missing"));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      run_clear (&step);
      OK (&step, "--as", "desk1", "request", "document", number, types[i], "--number", "٥٥١٢",
          "--issued", "1440/01/01", "--expires", "2099-01-01", "--matched");
    }
  ADMIN (&attach, "en", NULL, "--database", db, "--as", "desk1", "request", "attach", number, "national_id", notes);
  g_assert_cmpint (attach.status, ==, 1);
  g_assert_nonnull (strstr (attach.err, "is not an image or a PDF"));

  run_clear (&step);
  OK (&step, "--as", "desk1", "request", "advance", number, "verify");
  run_clear (&step);
  OK (&step, "--as", "desk1", "request", "sign", number, "--signature", strokes, "--officer-name", "نورة العتيبي");
  run_clear (&step);
  OK (&step, "--as", "desk1", "request", "advance", number, "submit");
  g_assert_nonnull (strstr (step.out, "\"state\" : \"submitted\""));

  /* The desk may not decide. */
  run_clear (&refused);
  ADMIN (&refused, "en", NULL, "--database", db, "--as", "desk1", "request", "advance", number, "review");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Only a research-committee member or research-committee chair"));

  run_clear (&step);
  OK (&step, "--as", "chair1", "request", "advance", number, "review");
  run_clear (&step);
  OK (&step, "--as", "chair1", "request", "advance", number, "accept");
  run_clear (&step);
  OK (&step, "--as", "desk1", "request", "advance", number, "register");
  g_assert_nonnull (strstr (step.out, "\"file_number\" : \"000001\""));
  run_clear (&step);
  OK (&step, "--as", "desk1", "request", "advance", number, "serve", "--quantity", "1",
      "--delivered-on", "2026-11-01", "--delivered-by", "فريق التوزيع", "--place", "home");
  g_assert_nonnull (strstr (step.out, "\"state\" : \"served\""));

  OK (&lookup, "--format", "table", "request", "lookup", "١٠٠٠٠٠٠٠٠٨");
  said = g_strdup_printf ("Request %s of مُحمد عبد الله سعد القحطاني was accepted", number);
  g_assert_true (g_str_has_prefix (lookup.out, said));

  OK (&pdf, "request", "receipt", number, receipt);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", receipt, (char *) "-", NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, number));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/admin/init/creates-database", test_init_creates_database);
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
  g_test_add_func ("/admin/usage/exit-2", test_usage_errors);
  g_test_add_func ("/admin/request/whole-path-scripted", test_request_whole_path);

  return g_test_run ();
}
