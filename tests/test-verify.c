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
#include "rifq-test-pdf.h"
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

static RifqKeyring *
keyring_of (RifqDb *db)
{
  g_autoptr(RifqKeyring) ring = rifq_keyring_from_db (db, NULL);
  g_autofree char *text = rifq_keyring_to_json (ring, "Ruhamaa");

  return rifq_keyring_from_json (text, NULL);
}

/* With the exported public keys alone, as anyone holding the file would. */
static RifqSealVerdict
verify (RifqDb  *db,
        GBytes  *pdf,
        char   **out_message)
{
  g_autoptr(RifqKeyring) ring = keyring_of (db);

  return rifq_seal_verify_pdf (ring, NULL, pdf, NULL, out_message);
}

static void
assert_verdict (RifqDb          *db,
                GBytes          *pdf,
                RifqSealVerdict  expected,
                const char      *message_part)
{
  g_autofree char *message = NULL;
  RifqSealVerdict v = verify (db, pdf, &message);

  if (v != expected || strstr (message, message_part) == NULL)
    g_error ("verdict %d (“%s”), expected %d with “%s”", v, message, expected, message_part);
}

static void
test_fresh_pdf_verifies (Sealed        *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  g_autoptr(RifqKeyring) ring = keyring_of (f->db);
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, pdf, &number, &message), ==, RIFQ_SEAL_VALID);
  g_assert_cmpstr (number, ==, "1448/000001");
  g_assert_nonnull (strstr (message, "exactly as the association sealed it"));
  g_assert_nonnull (strstr (message, "1500 riyals"));
}

/* Printing again gives the same seal: it was made at submission, not at printing. */
static void
test_reprint_carries_the_same_seal (Sealed        *f,
                                    gconstpointer  data)
{
  g_autofree char *again = g_build_filename (f->dir, "again.pdf", NULL);
  g_autoptr(GBytes) first = read_file (f->pdf);
  g_autoptr(GBytes) second = NULL;
  g_autofree char *p1 = NULL;
  g_autofree char *p2 = NULL;

  g_assert_true (rifq_request_sheet_write (f->db, f->request_id, again, NULL));
  second = read_file (again);
  g_assert_true (rifq_seal_read_pdf (first, &p1, NULL, NULL, NULL));
  g_assert_true (rifq_seal_read_pdf (second, &p2, NULL, NULL, NULL));
  g_assert_cmpstr (p1, ==, p2);
  g_assert_cmpint (verify (f->db, second, NULL), ==, RIFQ_SEAL_VALID);
}

/* One byte of the file changed, anywhere: in what it carries, or in what a page draws. */
static void
test_byte_edited_pdf_caught (Sealed        *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  gsize length = g_bytes_get_size (pdf);
  gsize places[] = { length / 4, length / 2, (length * 3) / 4 };
  char *copy = g_memdup2 (g_bytes_get_data (pdf, NULL), length);
  char *carried = memmem (copy, length, "rifq-sealed2:", strlen ("rifq-sealed2:"));
  g_autoptr(GBytes) edited = NULL;

  g_assert_nonnull (carried);
  carried[40] = carried[40] == 'A' ? 'B' : 'A';
  edited = g_bytes_new (copy, length);
  assert_verdict (f->db, edited, RIFQ_SEAL_DOCUMENT_CHANGED, "changed after it was sealed");
  carried[40] = carried[40] == 'A' ? 'B' : 'A';

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(GBytes) one = NULL;

      copy[places[i]] ^= 0x20;
      one = g_bytes_new (copy, length);
      g_assert_cmpint (verify (f->db, one, NULL), !=, RIFQ_SEAL_VALID);
      g_assert_cmpint (verify (f->db, one, NULL), !=, RIFQ_SEAL_VALID_VALUES);
      copy[places[i]] ^= 0x20;
    }
  g_free (copy);
}

/* A forger draws the document again with another amount and the genuine seal code on it. */
static void
test_redrawn_with_another_amount_caught (Sealed        *f,
                                         gconstpointer  data)
{
  /* Another amount, and one that holds the sealed amount's digits inside it. */
  const char *amounts[] = { "9000 riyals", "15000 riyals" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(RifqSheetBuild) build = rifq_sheet_build_new (f->db, f->request_id, NULL);
      RifqRequestSheet forged = *rifq_sheet_build_get (build);
      g_autoptr(GArray) rows = g_array_new (TRUE, TRUE, sizeof (RifqSheetRow));
      g_autofree char *path = g_build_filename (f->dir, "forged.pdf", NULL);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *message = NULL;

      for (const RifqSheetRow *row = forged.support; row->label != NULL; row++)
        {
          RifqSheetRow copy = *row;

          if (g_str_equal (row->label, "Amount asked for"))
            copy.value = amounts[i];
          g_array_append_val (rows, copy);
        }
      forged.support = (const RifqSheetRow *) rows->data;
      forged.seal.file = NULL;
      g_assert_true (rifq_request_pdf_write (&forged, path, NULL));
      pdf = read_file (path);
      g_assert_cmpint (verify (f->db, pdf, &message), ==, RIFQ_SEAL_DOCUMENT_CHANGED);
      g_assert_nonnull (strstr (message, "no longer show the sealed amount of 1500 riyals"));
    }
}

/* The same file saved again (the seal's last line dropped): its code can be checked, not the file. */
static void
test_copy_without_file_seal_is_not_genuine (Sealed        *f,
                                            gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  gsize length = g_bytes_get_size (pdf);
  const char *bytes = g_bytes_get_data (pdf, NULL);
  const char *seal = NULL;
  g_autoptr(GBytes) stripped = NULL;
  g_autofree char *message = NULL;

  for (const char *p = bytes; (p = memmem (p, length - (p - bytes), "%RIFQ-SEAL ", 11)) != NULL; p++)
    seal = p;
  g_assert_nonnull (seal);
  stripped = g_bytes_new (bytes, seal - bytes);
  g_assert_cmpint (verify (f->db, stripped, &message), ==, RIFQ_SEAL_VALID_VALUES);
  g_assert_nonnull (strstr (message, "not the sealed file itself"));
  g_assert_nonnull (strstr (message, "1448/000001"));
}

static void
test_edited_record_caught_with_database (Sealed        *f,
                                         gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  g_autoptr(RifqKeyring) ring = keyring_of (f->db);
  g_autofree char *message = NULL;

  rifq_test_sql (f->db, "UPDATE request SET description = 'سيارة'");
  /* Without the database the document alone is genuine; with it, the record is not. */
  g_assert_cmpint (rifq_seal_verify_pdf (ring, NULL, pdf, NULL, NULL), ==, RIFQ_SEAL_VALID);
  g_assert_cmpint (rifq_seal_verify_pdf (ring, f->db, pdf, NULL, &message), ==, RIFQ_SEAL_RECORD_CHANGED);
  g_assert_nonnull (strstr (message, "what the applicant asks for"));
}

/* Printed after the record was edited behind Rifq's back: marked, and never sealed. */
static void
test_altered_record_never_printed_as_genuine (Sealed        *f,
                                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "altered.pdf", NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  rifq_test_sql (f->db, "UPDATE request SET amount = 9000");
  g_assert_true (rifq_request_sheet_write (f->db, f->request_id, path, NULL));
  pdf = read_file (path);
  assert_verdict (f->db, pdf, RIFQ_SEAL_MALFORMED, "carries no Rifq seal");
  text = rifq_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "NOT GENUINE"));
  g_assert_nonnull (strstr (text, "the amount asked for"));
}

static void
test_other_key_caught (Sealed        *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) pdf = read_file (f->pdf);
  g_autoptr(RifqDb) elsewhere = NULL;
  g_autofree char *message = NULL;
  gint64 request;

  /* Another association's keys, with a request of the same number. */
  elsewhere = sealed_db (&request);
  g_assert_cmpint (verify (elsewhere, pdf, &message), ==, RIFQ_SEAL_OTHER_KEY);
  g_assert_nonnull (strstr (message, "not among the association’s keys"));
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
  g_autofree char *m3 = NULL;

  assert_verdict (f->db, text, RIFQ_SEAL_MALFORMED, "The file is not a PDF.");
  g_assert_true (rifq_receipt_pdf_write_request (f->db, r, receipt, &error));
  unsealed = read_file (receipt);
  assert_verdict (f->db, unsealed, RIFQ_SEAL_MALFORMED, "The PDF carries no Rifq seal.");
  g_assert_cmpint (verify (f->db, torn, &m3), !=, RIFQ_SEAL_VALID);
  g_assert_nonnull (m3);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Sealed, NULL, sealed_set_up, func, sealed_tear_down)
  ADD ("/verify/pdf/fresh-pdf-is-genuine-with-public-keys-alone", test_fresh_pdf_verifies);
  ADD ("/verify/pdf/reprint-carries-the-same-seal", test_reprint_carries_the_same_seal);
  ADD ("/verify/pdf/byte-edited-pdf-caught", test_byte_edited_pdf_caught);
  ADD ("/verify/pdf/redrawn-with-another-amount-caught", test_redrawn_with_another_amount_caught);
  ADD ("/verify/pdf/copy-without-file-seal-not-genuine", test_copy_without_file_seal_is_not_genuine);
  ADD ("/verify/pdf/record-edited-after-signing-caught-with-database", test_edited_record_caught_with_database);
  ADD ("/verify/pdf/altered-record-never-printed-as-genuine", test_altered_record_never_printed_as_genuine);
  ADD ("/verify/pdf/seal-from-another-key-caught", test_other_key_caught);
  ADD ("/verify/pdf/not-a-pdf-unsealed-or-torn-refused", test_damaged_files_refused);

  return g_test_run ();
}
