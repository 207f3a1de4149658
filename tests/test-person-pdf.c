/* test-person-pdf.c: everything held about one beneficiary, as the PDF and the JSON the law asks
 * for, written together into a folder
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rifq-arabic.h"
#include "rifq-audit.h"
#include "rifq-error.h"
#include "rifq-pdf.h"
#include "rifq-person-pdf.h"
#include "rifq-privacy.h"
#include "rifq-settings.h"
#include "rifq-test-pdf.h"
#include "rifq-test-request.h"

typedef struct
{
  RifqTestDesk  desk;
  char         *folder;
  char         *json;
  char         *pdf;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rifq_test_pdf_use_language (data != NULL ? data : "en");
  rifq_test_desk_set_up (&f->desk, NULL);
  f->folder = g_dir_make_tmp ("rifq-person-XXXXXX", &error);
  g_assert_no_error (error);
  f->json = g_build_filename (f->folder, "rifq-" RIFQ_TEST_ID_1 ".json", NULL);
  f->pdf = g_build_filename (f->folder, "rifq-" RIFQ_TEST_ID_1 ".pdf", NULL);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_unlink (f->json);
  g_unlink (f->pdf);
  g_rmdir (f->folder);
  g_free (f->folder);
  g_free (f->json);
  g_free (f->pdf);
  rifq_test_desk_tear_down (&f->desk, NULL);
}

static gint64
exports (Fixture *f)
{
  return rifq_test_count (f->desk.db, "SELECT count(*) FROM audit WHERE action = 'export'");
}

static guint
files_in (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
record_consent (Fixture    *f,
                const char *scope)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqConsent) consent = NULL;

  rifq_db_set_actor (f->desk.db, "desk");
  consent = rifq_consent_record (f->desk.db, f->desk.beneficiary, scope, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (consent);
  rifq_db_set_actor (f->desk.db, "admin");
}

static void
export (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *pdf = NULL;

  g_assert_true (rifq_person_export_to_folder (f->desk.db, f->desk.beneficiary, f->folder, &json, &pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, f->json);
  g_assert_cmpstr (pdf, ==, f->pdf);
}

/* One export, one entry in the log, two files only their owner reads; the PDF says in words
 * what the JSON holds: the person, their consent, their request, and every entry of the log. */
static void
test_pdf_and_json_hold_the_same_person (Fixture       *f,
                                        gconstpointer  data)
{
  gint64 before = exports (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RifqRequest) request = rifq_request_store_get (f->desk.db, f->desk.request, NULL);
  GStatBuf st;
  JsonObject *all;
  JsonArray *audit;

  record_consent (f, "contact");
  export (f);
  g_assert_cmpint (exports (f), ==, before + 1);
  g_assert_cmpint (g_stat (f->json, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (json_parser_load_from_file (parser, f->json, &error));
  g_assert_no_error (error);
  all = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (all, "beneficiary"), "national_id"),
                   ==, RIFQ_TEST_ID_1);
  audit = json_object_get_array_member (all, "audit");
  g_assert_cmpuint (json_array_get_length (audit), >, 3);

  text = rifq_test_pdf_text_full (f->pdf, RIFQ_TEST_PDF_SPACE_GAP);
  g_assert_nonnull (strstr (text, "Everything the Association Holds About a Beneficiary"));
  g_assert_nonnull (strstr (text, RIFQ_TEST_ID_1));
  g_assert_nonnull (strstr (text, request->number));
  /* The scope, in the labels' column: its first words on the first line. */
  g_assert_nonnull (strstr (text, "being contacted"));
  g_assert_nonnull (strstr (text, "Consent recorded"));
  /* Every kind of thing the log says of them, said in the PDF too. */
  for (guint i = 0; i < json_array_get_length (audit); i++)
    {
      JsonObject *entry = json_array_get_object_element (audit, i);
      const char *label = rifq_audit_action_label (json_object_get_string_member (entry, "record_kind"),
                                                   json_object_get_string_member (entry, "action"));

      if (strstr (text, label) == NULL)
        g_error ("The PDF does not say “%s” (entry %" G_GINT64_FORMAT ")", label,
                 json_object_get_int_member (entry, "entry"));
    }
}

/* In Arabic: right to left, its title and the ID in the interface's digits. */
static void
test_in_arabic (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *digits = rifq_arabic_indic_digits (RIFQ_TEST_ID_1);

  g_assert_true (rifq_pdf_rtl ());
  record_consent (f, "records");
  export (f);
  text = rifq_test_pdf_text_full (f->pdf, RIFQ_TEST_PDF_SPACE_GAP);
  g_assert_nonnull (strstr (text, "كل ما تحفظه الجمعية عن المستفيد"));
  g_assert_nonnull (strstr (text, digits));
  g_assert_nonnull (strstr (text, "الموافقات"));
  g_assert_nonnull (strstr (text, "سجل التدقيق"));
  g_assert_null (strstr (text, "Everything the Association"));
}

/* A desk officer may not: nothing read into a file, nothing written, no export in the log. */
static void
test_refused_to_desk_officer_writes_nothing (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = exports (f);

  rifq_db_set_actor (f->desk.db, "desk");
  g_assert_false (rifq_person_export_to_folder (f->desk.db, f->desk.beneficiary, f->folder, NULL, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_cmpuint (files_in (f->folder), ==, 0);
  g_assert_cmpint (exports (f), ==, before);
}

/* An earlier export in the folder is the person's copy of another day: left as it is, and
 * nothing else written beside it. */
static void
test_earlier_export_never_written_over (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  gint64 before = exports (f);

  g_assert_true (g_file_set_contents (f->pdf, "the copy handed over last year", -1, &error));
  g_assert_false (rifq_person_export_to_folder (f->desk.db, f->desk.beneficiary, f->folder, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, f->pdf));
  g_assert_true (g_file_get_contents (f->pdf, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "the copy handed over last year");
  g_assert_false (g_file_test (f->json, G_FILE_TEST_EXISTS));
  g_assert_cmpint (exports (f), ==, before);
}

/* A link by the export's name, to a file of someone else's, is not followed: refused, the file
 * it points to unchanged. */
static void
test_link_of_that_name_not_followed (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_build_filename (f->folder, "other.txt", NULL);
  g_autofree char *kept = NULL;
  gint64 before = exports (f);

  g_assert_true (g_file_set_contents (elsewhere, "not Rifq's", -1, &error));
  g_assert_cmpint (symlink (elsewhere, f->json), ==, 0);
  g_assert_false (rifq_person_export_to_folder (f->desk.db, f->desk.beneficiary, f->folder, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (elsewhere, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "not Rifq's");
  g_assert_true (g_file_test (f->json, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (exports (f), ==, before);
  g_unlink (elsewhere);
}

/* A long history runs onto further pages, each counted, and its last entry is on the last. */
static void
test_long_history_runs_over_pages (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *last_page = NULL;
  g_autofree char *count = NULL;
  int n_pages;

  for (int i = 0; i < 30; i++)
    {
      g_autoptr(GPtrArray) consents = NULL;
      g_autoptr(GError) error = NULL;

      record_consent (f, "sharing");
      consents = rifq_consent_list (f->desk.db, f->desk.beneficiary, &error);
      g_assert_no_error (error);
      rifq_db_set_actor (f->desk.db, "desk");
      g_assert_true (rifq_consent_withdraw (f->desk.db, ((RifqConsent *) g_ptr_array_index (consents, 0))->id,
                                            NULL, &error));
      g_assert_no_error (error);
    }
  rifq_db_set_actor (f->desk.db, "admin");
  export (f);
  n_pages = rifq_test_pdf_n_pages (f->pdf);
  g_assert_cmpint (n_pages, >=, 4);
  last_page = rifq_test_pdf_page_text (f->pdf, n_pages);
  count = g_strdup_printf ("Page %d of %d", n_pages, n_pages);
  g_assert_nonnull (strstr (last_page, count));
  g_assert_nonnull (strstr (last_page, "Consent withdrawn"));
}

int
main (int   argc,
      char *argv[])
{
  /* The locale chosen as the programs choose it, for the association's language (Arabic); the
   * language then per test, as the other documents' tests do. */
  g_test_init (&argc, &argv, NULL);
  rifq_test_pdf_use_language ("ar");

#define ADD(path, language, func) g_test_add (path, Fixture, language, set_up, func, tear_down)
  /* First: GLib decides once, at the first document's first word, whether the documents are
   * translated at all (g_dgettext), so the language the association uses comes first. */
  ADD ("/person-pdf/export/in-arabic-right-to-left", "ar", test_in_arabic);
  ADD ("/person-pdf/export/pdf-and-json-hold-the-same-person", "en", test_pdf_and_json_hold_the_same_person);
  ADD ("/person-pdf/export/refused-to-desk-officer-writes-nothing", "en", test_refused_to_desk_officer_writes_nothing);
  ADD ("/person-pdf/export/earlier-export-never-written-over", "en", test_earlier_export_never_written_over);
  ADD ("/person-pdf/export/link-of-that-name-not-followed", "en", test_link_of_that_name_not_followed);
  ADD ("/person-pdf/export/long-history-runs-over-pages", "en", test_long_history_runs_over_pages);
#undef ADD

  return g_test_run ();
}
