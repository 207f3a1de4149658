/* test-verify.c: a sealed request PDF read back and checked, and every way it can fail
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "rifq-request-receipt.h"
#include "rifq-request-sheet.h"
#include "rifq-seal-reader.h"
#include "rifq-test-request.h"

typedef struct
{
  RifqDb *db;
  gint64  request_id;
  char   *dir;
  char   *pdf;
} Sealed;

static RifqDb *
sealed_db (gint64 *out_request)
{
  g_autoptr(GError) error = NULL;
  RifqDb *db = rifq_test_db_new (NULL);

  rifq_test_staff (db);
  g_assert_true (rifq_seal_ensure_key (db, &error));
  *out_request = rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_1, "محمد", "0501234567"),
                                              "food_basket");
  return db;
}

static void
sealed_set_up (Sealed        *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = sealed_db (&f->request_id);
  f->dir = g_dir_make_tmp ("rifq-verify-XXXXXX", NULL);
  f->pdf = g_build_filename (f->dir, "request.pdf", NULL);
  g_assert_true (rifq_request_sheet_write (f->db, f->request_id, f->pdf, &error));
  g_assert_no_error (error);
}

static void
sealed_tear_down (Sealed        *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->dir);
  g_free (f->pdf);
}

static GBytes *
read_file (const char *path)
{
  char *data;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

static RifqSealVerdict
verify (RifqDb  *db,
        GBytes  *pdf,
        char   **out_message)
{
  return rifq_seal_verify_pdf (db, pdf, NULL, out_message);
}

static void
test_fresh_pdf_verifies (Sealed        *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (rifq_seal_verify_pdf (f->db, pdf, &number, &message), ==, RIFQ_SEAL_VALID);
  g_assert_cmpstr (number, ==, "1448/000001");
  g_assert_cmpstr (message, ==, "The seal is genuine and matches request 1448/000001 as it was signed.");
}

/* One character of what the PDF carries as sealed, changed in the file's bytes. */
static void
test_byte_edited_pdf_caught (Sealed        *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  g_autoptr(GBytes) edited = NULL;
  g_autofree char *message = NULL;
  gsize length = g_bytes_get_size (pdf);
  char *copy = g_memdup2 (g_bytes_get_data (pdf, NULL), length);
  char *sealed = memmem (copy, length, "rifq-sealed:", strlen ("rifq-sealed:"));

  g_assert_nonnull (sealed);
  sealed[40] = sealed[40] == 'A' ? 'B' : 'A';
  edited = g_bytes_new_take (copy, length);
  g_assert_cmpint (verify (f->db, edited, &message), ==, RIFQ_SEAL_DOCUMENT_CHANGED);
  g_assert_cmpstr (message, ==, "The document was changed after it was sealed.");
}

static void
test_edited_record_caught (Sealed        *f,
                           gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  g_autofree char *message = NULL;

  g_assert_cmpint (sqlite3_exec (rifq_db_get_handle (f->db), "UPDATE request SET description = 'سيارة'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (verify (f->db, pdf, &message), ==, RIFQ_SEAL_RECORD_CHANGED);
  g_assert_true (g_str_has_suffix (message, "was changed in the database after it was signed."));
}

static void
test_other_key_caught (Sealed        *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  g_autoptr(RifqDb) elsewhere = NULL;
  g_autofree char *message = NULL;
  gint64 request;

  /* Another association's database holds a request with the same number. */
  elsewhere = sealed_db (&request);
  g_assert_cmpint (verify (elsewhere, pdf, &message), ==, RIFQ_SEAL_OTHER_KEY);
  g_assert_true (g_str_has_prefix (message, "The seal was made with another key"));
}

static void
test_damaged_files_refused (Sealed        *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("Dear committee,\n", 16);
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  g_autoptr(GBytes) torn = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 3);
  g_autofree char *receipt = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autoptr(GBytes) unsealed = NULL;
  g_autoptr(RifqRequest) r = rifq_request_store_get (f->db, f->request_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  g_assert_cmpint (verify (f->db, text, &m1), ==, RIFQ_SEAL_MALFORMED);
  g_assert_cmpstr (m1, ==, "The file is not a PDF.");

  g_assert_true (rifq_receipt_pdf_write_request (f->db, r, receipt, &error));
  unsealed = read_file (receipt);
  g_assert_cmpint (verify (f->db, unsealed, &m2), ==, RIFQ_SEAL_MALFORMED);
  g_assert_cmpstr (m2, ==, "The PDF carries no Rifq seal.");

  g_assert_cmpint (verify (f->db, torn, &m3), !=, RIFQ_SEAL_VALID);
  g_assert_nonnull (m3);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Sealed, NULL, sealed_set_up, func, sealed_tear_down)
  ADD ("/verify/pdf/fresh-pdf-is-genuine", test_fresh_pdf_verifies);
  ADD ("/verify/pdf/byte-edited-pdf-caught", test_byte_edited_pdf_caught);
  ADD ("/verify/pdf/record-edited-after-signing-caught", test_edited_record_caught);
  ADD ("/verify/pdf/seal-from-another-key-caught", test_other_key_caught);
  ADD ("/verify/pdf/not-a-pdf-unsealed-or-torn-refused", test_damaged_files_refused);

  return g_test_run ();
}
