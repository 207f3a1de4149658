/* test-privacy.c: everything held about one beneficiary exported on request; closed files past
 * their retention period listed, never deleted
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rifq-error.h"
#include "rifq-privacy.h"
#include "rifq-settings.h"
#include "rifq-test-request.h"
#include "rifq-test-scan.h"

typedef RifqTestDesk Desk;

#define desk_set_up    rifq_test_desk_set_up
#define desk_tear_down rifq_test_desk_tear_down

static JsonObject *
exported (Desk *f)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = rifq_privacy_export (f->db, f->beneficiary, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  /* Kept alive by the fixture's list of what was exported. */
  g_object_set_data_full (G_OBJECT (f->db), "exported", node, (GDestroyNotify) json_node_unref);
  return json_node_get_object (node);
}

/* The record, its requests with their documents, the log about both, and the export itself in
 * the log. */
static void
test_export_holds_record_requests_and_trail (Desk          *f,
                                             gconstpointer  data)
{
  gint64 exports = rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'export'");
  JsonObject *all = exported (f);
  JsonObject *beneficiary = json_object_get_object_member (all, "beneficiary");
  JsonArray *requests = json_object_get_array_member (all, "requests");
  JsonArray *audit = json_object_get_array_member (all, "audit");
  gboolean registered = FALSE;
  gboolean submitted = FALSE;

  g_assert_cmpstr (json_object_get_string_member (beneficiary, "national_id"), ==, RIFQ_TEST_ID_1);
  g_assert_cmpstr (json_object_get_string_member (all, "exported_by"), ==, "admin");
  g_assert_cmpuint (json_array_get_length (requests), ==, 1);
  {
    g_autoptr(RifqRequest) request = rifq_request_store_get (f->db, f->request, NULL);

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requests, 0), "number"), ==,
                     request->number);
  }
  for (guint i = 0; i < json_array_get_length (audit); i++)
    {
      JsonObject *e = json_array_get_object_element (audit, i);

      registered |= g_str_equal (json_object_get_string_member (e, "record_kind"), "beneficiary") &&
                    json_object_get_int_member (e, "record_id") == f->beneficiary;
      submitted |= g_str_equal (json_object_get_string_member (e, "action"), "submit");
    }
  g_assert_true (registered);
  g_assert_true (submitted);
  /* In the order they were written. */
  for (guint i = 1; i < json_array_get_length (audit); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (audit, i - 1), "entry"), <,
                     json_object_get_int_member (json_array_get_object_element (audit, i), "entry"));
  /* Every entry about them is there: the beneficiary's and the request's, none of another's. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE (record_kind = 'beneficiary' AND"
                                            " record_id = %" G_GINT64_FORMAT ") OR (record_kind = 'request' AND"
                                            " record_id = %" G_GINT64_FORMAT ")", f->beneficiary, f->request);

    /* The export's own entry comes after what it holds. */
    g_assert_cmpint (json_array_get_length (audit), ==, rifq_test_count (f->db, sql) - 1);
  }
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'export'"), ==, exports + 1);
}

/* The scans themselves, byte for byte. */
static void
test_export_holds_scans (Desk          *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) scan = rifq_test_png (4000, 7);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, scan);
  g_autoptr(RifqRequest) draft = NULL;
  RifqRequestDraft request = { f->beneficiary, "food_basket", "interview", "سلة غذائية", -1, NULL };
  JsonObject *scans;
  gsize length = 0;
  g_autofree guchar *decoded = NULL;

  rifq_db_set_actor (f->db, "desk");
  draft = rifq_request_store_create (f->db, &request, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_request_store_advance (f->db, draft->id, RIFQ_ACTION_COLLECT, NULL, &error));
  {
    RifqDocument doc = { .type = (char *) "national_id", .number = (char *) "5512", .issued_on = (char *) "2020-01-01",
                         .expires_on = (char *) "2030-01-01", .matched = TRUE };

    g_assert_true (rifq_request_store_save_document (f->db, draft->id, &doc, &error));
  }
  g_assert_true (rifq_request_store_attach (f->db, draft->id, "national_id", scan, "id.png", &error));
  g_assert_no_error (error);
  rifq_db_set_actor (f->db, "admin");
  scans = json_object_get_object_member (exported (f), "scans");
  g_assert_true (json_object_has_member (scans, sha));
  decoded = g_base64_decode (json_object_get_string_member (json_object_get_object_member (scans, sha), "base64"),
                             &length);
  g_assert_cmpmem (decoded, length, g_bytes_get_data (scan, NULL), g_bytes_get_size (scan));
}

static void
test_export_refused_to_desk_officer (Desk          *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rifq_db_set_actor (f->db, "desk");
  g_assert_null (rifq_privacy_export (f->db, f->beneficiary, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'export'"), ==, 0);
}

static void
make_closed (Desk       *f,
             const char *national_id,
             const char *first_name,
             const char *mobile,
             const char *status,
             const char *last_changed)
{
  gint64 id = rifq_test_add_beneficiary (f->db, national_id, first_name, mobile);
  g_autofree char *sql = g_strdup_printf ("UPDATE beneficiary SET status = '%s', updated_at = '%s' WHERE id = %"
                                          G_GINT64_FORMAT, status, last_changed, id);

  /* Set as years of use would have left it. */
  rifq_test_sql (f->db, sql);
}

/* Only closed files (inactive, deceased) whose last activity is older than the period are
 * listed; nothing is deleted; a longer period lists fewer. */
static void
test_retention_lists_closed_files_past_period (Desk          *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GPtrArray) longer = NULL;
  gint64 people;

  make_closed (f, RIFQ_TEST_ID_2, "سعد", "0502222222", "deceased", "2012-05-01T08:00:00Z");
  make_closed (f, RIFQ_TEST_ID_3, "فهد", "0503333333", "inactive", "2024-05-01T08:00:00Z");
  make_closed (f, RIFQ_TEST_ID_4, "هيا", "0504444444", "registered", "2010-05-01T08:00:00Z");
  rifq_test_set_today (f->db, "2026-12-07");
  people = rifq_test_count (f->db, "SELECT count(*) FROM beneficiary");
  rifq_db_set_actor (f->db, "admin");

  past = rifq_privacy_past_retention (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->len, ==, 1);
  g_assert_cmpstr (((RifqRetentionItem *) g_ptr_array_index (past, 0))->national_id, ==, RIFQ_TEST_ID_2);
  g_assert_cmpstr (((RifqRetentionItem *) g_ptr_array_index (past, 0))->status, ==, "deceased");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM beneficiary"), ==, people);

  g_assert_true (rifq_settings_save (f->db, "retention_years", "٢٠", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rifq_privacy_retention_years (f->db), ==, 20);
  longer = rifq_privacy_past_retention (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (longer->len, ==, 0);
}

static void
test_retention_refused_to_desk_officer (Desk          *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rifq_db_set_actor (f->db, "desk");
  g_assert_null (rifq_privacy_past_retention (f->db, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
}

static void
test_retention_period_refuses_bad_value (Desk          *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rifq_settings_save (f->db, "retention_years", "0", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Retention period"));
  g_assert_cmpuint (rifq_privacy_retention_years (f->db), ==, RIFQ_PRIVACY_RETENTION_YEARS_DEFAULT);
}

/* A consent recorded with its day and who recorded it, listed, part of the person's export,
 * withdrawn (kept, with the day and who), then recorded anew; each in the audit log. */
static void
test_consent_recorded_listed_and_withdrawn (Desk          *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqConsent) consent = NULL;
  g_autoptr(RifqConsent) anew = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) after = NULL;
  JsonArray *exported_consents;

  rifq_test_set_today (f->db, "2026-12-07");
  rifq_db_set_actor (f->db, "desk");
  consent = rifq_consent_record (f->db, f->beneficiary, "contact", "١٤٤٨/٠٥/٠١ هـ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (consent->given_on, ==, "2026-10-12");
  g_assert_cmpstr (consent->recorded_by, ==, "desk");
  g_assert_null (consent->withdrawn_on);
  listed = rifq_consent_list (f->db, f->beneficiary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);

  rifq_db_set_actor (f->db, "admin");
  exported_consents = json_object_get_array_member (exported (f), "consents");
  g_assert_cmpuint (json_array_get_length (exported_consents), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (exported_consents, 0), "scope"), ==,
                   "contact");

  rifq_db_set_actor (f->db, "desk");
  g_assert_true (rifq_consent_withdraw (f->db, consent->id, "2026-12-01", &error));
  g_assert_no_error (error);
  after = rifq_consent_list (f->db, f->beneficiary, &error);
  g_assert_cmpstr (((RifqConsent *) g_ptr_array_index (after, 0))->withdrawn_on, ==, "2026-12-01");
  g_assert_cmpstr (((RifqConsent *) g_ptr_array_index (after, 0))->withdrawn_by, ==, "desk");
  /* Given again after it was withdrawn: a consent of its own; the withdrawn one stays. */
  anew = rifq_consent_record (f->db, f->beneficiary, "contact", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anew->given_on, ==, "2026-12-07");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM consent"), ==, 2);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE record_kind = 'consent'"), ==, 3);
  g_assert_true (rifq_db_verify_audit (f->db, NULL, NULL));
}

/* Refused, nothing written: a scope not in the list, a day to come, a day that is not a date,
 * the same consent twice, a withdrawal twice or before the consent was given. */
static void
test_consent_bad_input_writes_nothing (Desk          *f,
                                       gconstpointer  data)
{
  g_autoptr(RifqConsent) consent = NULL;
  struct { const char *scope, *day, *says; } tries[] = {
    { "gossip", NULL, "Scope of consent" },
    { "records", "2027-01-01", "Consent given on: the day is still to come" },
    { "records", "31/02/2026", "Consent given on:" },
    { "records", NULL, "already recorded and stands" },
  };
  gint64 entries;

  rifq_test_set_today (f->db, "2026-12-07");
  rifq_db_set_actor (f->db, "desk");
  consent = rifq_consent_record (f->db, f->beneficiary, "records", "2026-11-01", NULL);
  g_assert_nonnull (consent);
  entries = rifq_test_count (f->db, "SELECT count(*) FROM audit");
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (rifq_consent_record (f->db, f->beneficiary, tries[i].scope, tries[i].day, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, tries[i].says) == NULL)
        g_error ("“%s” does not say “%s”", error->message, tries[i].says);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rifq_consent_withdraw (f->db, consent->id, "2026-10-01", &error));
    g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  }
  g_assert_true (rifq_consent_withdraw (f->db, consent->id, NULL, NULL));
  entries++;
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rifq_consent_withdraw (f->db, consent->id, NULL, &error));
    g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  }
  /* Given anew after the withdrawal (today): never dated before it. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (rifq_consent_record (f->db, f->beneficiary, "records", "2026-11-15", &error));
    g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "withdrawn on 2026-12-07"));
  }
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM consent"), ==, 1);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, entries);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Desk, NULL, desk_set_up, func, desk_tear_down)
  ADD ("/privacy/export/holds-record-requests-and-trail", test_export_holds_record_requests_and_trail);
  ADD ("/privacy/export/holds-scans-byte-for-byte", test_export_holds_scans);
  ADD ("/privacy/export/refused-to-desk-officer", test_export_refused_to_desk_officer);
  ADD ("/privacy/retention/lists-closed-files-past-period-and-deletes-nothing",
       test_retention_lists_closed_files_past_period);
  ADD ("/privacy/retention/refused-to-desk-officer", test_retention_refused_to_desk_officer);
  ADD ("/privacy/retention/period-refuses-bad-value", test_retention_period_refuses_bad_value);
  ADD ("/privacy/consent/recorded-listed-exported-and-withdrawn", test_consent_recorded_listed_and_withdrawn);
  ADD ("/privacy/consent/bad-input-writes-nothing", test_consent_bad_input_writes_nothing);
#undef ADD

  return g_test_run ();
}
