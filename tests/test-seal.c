/* test-seal.c: the association's seal on a signed request, and what breaks it
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rifq-seal.h"
#include "rifq-test-request.h"

typedef struct
{
  RifqDb   *db;
  gint64    request_id;
  RifqSeal *seal;
  char     *canonical;
} Sealed;

static void
sealed_set_up (Sealed        *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqBeneficiary) b = NULL;

  f->db = rifq_test_db_new (NULL);
  rifq_test_staff (f->db);
  g_assert_true (rifq_seal_ensure_key (f->db, &error));
  f->request_id = rifq_test_submitted_request (f->db, rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_1, "محمد",
                                                                                 "0501234567"),
                                               "food_basket");
  r = rifq_request_store_get (f->db, f->request_id, NULL);
  b = rifq_beneficiary_store_get (f->db, r->beneficiary_id, NULL);
  f->canonical = rifq_seal_canonical_json (r, b);
  f->seal = rifq_seal_make (f->db, r->number, f->canonical, &error);
  g_assert_no_error (error);
}

static void
sealed_tear_down (Sealed        *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->seal, rifq_seal_free);
  g_free (f->canonical);
  g_clear_object (&f->db);
}

static void
assert_verdict (Sealed          *f,
                const char      *payload,
                const char      *sealed,
                RifqSealVerdict  expected,
                const char      *message_part)
{
  g_autofree char *message = NULL;
  RifqSealVerdict v = rifq_seal_verify (f->db, payload, sealed, NULL, &message);

  if (v != expected || strstr (message, message_part) == NULL)
    g_error ("verdict %d (“%s”), expected %d with “%s”", v, message, expected, message_part);
}

static void
test_key_made_once (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *key_id = NULL;
  g_autoptr(GBytes) decoded = NULL;
  gsize length;
  guchar *raw;

  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_seal_ensure_key (db, &error));
  first = rifq_seal_public_key (db, &key_id, &error);
  g_assert_true (rifq_seal_ensure_key (db, &error));
  second = rifq_seal_public_key (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  raw = g_base64_decode (first, &length);
  g_assert_cmpuint (length, ==, 32);
  g_free (raw);
  g_assert_cmpuint (strlen (key_id), ==, 16);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE record_kind = 'seal_key'"), ==, 1);
}

static void
test_canonical_json_stable (Sealed        *f,
                            gconstpointer  data)
{
  g_autoptr(RifqRequest) r = rifq_request_store_get (f->db, f->request_id, NULL);
  g_autoptr(RifqBeneficiary) b = rifq_beneficiary_store_get (f->db, r->beneficiary_id, NULL);
  g_autofree char *again = rifq_seal_canonical_json (r, b);

  g_assert_cmpstr (again, ==, f->canonical);
  g_assert_true (g_str_has_prefix (f->canonical, "{\"seal\":\"RIFQ1\",\"number\":\"1448/000001\",\"national_id\":\"1000000008\""));
  g_assert_nonnull (strstr (f->canonical, "\"signature_sha256\":\""));
  g_assert_nonnull (strstr (f->canonical, "\"due_on\":\"2026-12-10\""));
}

static void
test_fresh_seal_verifies (Sealed        *f,
                          gconstpointer  data)
{
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  g_assert_true (g_str_has_prefix (f->seal->payload, "RIFQ1.1448/000001."));
  g_assert_cmpuint (strlen (f->seal->short_code), ==, 14);
  g_assert_cmpint (rifq_seal_verify (f->db, f->seal->payload, f->canonical, &number, &message), ==, RIFQ_SEAL_VALID);
  g_assert_cmpstr (number, ==, "1448/000001");
  g_assert_cmpstr (message, ==, "The seal is genuine and matches request 1448/000001 as it was signed.");
}

static void
test_edited_record_caught (Sealed        *f,
                           gconstpointer  data)
{
  g_assert_cmpint (sqlite3_exec (rifq_db_get_handle (f->db), "UPDATE request SET amount = 9000", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  assert_verdict (f, f->seal->payload, f->canonical, RIFQ_SEAL_RECORD_CHANGED, "was changed in the database");
}

static void
test_edited_document_caught (Sealed        *f,
                             gconstpointer  data)
{
  g_autoptr(GString) edited = g_string_new (f->canonical);
  char *amount = strstr (edited->str, "\"amount\":1500");

  g_assert_nonnull (amount);
  amount[10] = '9';
  assert_verdict (f, f->seal->payload, edited->str, RIFQ_SEAL_DOCUMENT_CHANGED, "changed after it was sealed");
}

static void
test_other_key_caught (Sealed        *f,
                       gconstpointer  data)
{
  g_autoptr(RifqDb) elsewhere = rifq_test_db_new (NULL);
  g_autoptr(RifqSeal) foreign = NULL;
  g_autoptr(GError) error = NULL;

  rifq_db_set_actor (elsewhere, "admin");
  g_assert_true (rifq_seal_ensure_key (elsewhere, &error));
  foreign = rifq_seal_make (elsewhere, "1448/000001", f->canonical, &error);
  g_assert_no_error (error);
  assert_verdict (f, foreign->payload, f->canonical, RIFQ_SEAL_OTHER_KEY, "another key");
}

static void
test_forged_signature_caught (Sealed        *f,
                              gconstpointer  data)
{
  g_auto(GStrv) parts = g_strsplit (f->seal->payload, ".", -1);
  g_autofree char *forged = NULL;

  parts[3][5] = parts[3][5] == 'A' ? 'B' : 'A';
  forged = g_strjoinv (".", parts);
  assert_verdict (f, forged, f->canonical, RIFQ_SEAL_FORGED, "forged or damaged");
}

static void
test_damaged_payload_caught (Sealed        *f,
                             gconstpointer  data)
{
  assert_verdict (f, "RIFQ1.1448/000001.abc", NULL, RIFQ_SEAL_MALFORMED, "damaged");
  assert_verdict (f, "hello", NULL, RIFQ_SEAL_MALFORMED, "damaged");
  assert_verdict (f, NULL, NULL, RIFQ_SEAL_MALFORMED, "no Rifq seal");
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add_func ("/seal/key/made-once-and-kept", test_key_made_once);
#define ADD(path, func) g_test_add (path, Sealed, NULL, sealed_set_up, func, sealed_tear_down)
  ADD ("/seal/canonical/same-request-same-bytes", test_canonical_json_stable);
  ADD ("/seal/verify/fresh-seal-is-genuine", test_fresh_seal_verifies);
  ADD ("/seal/verify/record-edited-after-signing-caught", test_edited_record_caught);
  ADD ("/seal/verify/document-edited-after-sealing-caught", test_edited_document_caught);
  ADD ("/seal/verify/seal-from-another-key-caught", test_other_key_caught);
  ADD ("/seal/verify/forged-signature-caught", test_forged_signature_caught);
  ADD ("/seal/verify/damaged-payload-caught", test_damaged_payload_caught);

  return g_test_run ();
}
