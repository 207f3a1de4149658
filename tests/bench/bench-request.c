/* bench-request.c: the seven steps of one request, opening a request with ten scans, and
 * "Where is my request?", with 100,000 beneficiaries and 200,000 requests
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "rifq-account.h"
#include "rifq-seal.h"
#include "rifq-beneficiary-store.h"
#include "rifq-committee.h"
#include "rifq-context.h"
#include "rifq-db.h"
#include "rifq-demo.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-signature.h"
#include "rifq-staff.h"
#include "../rifq-test-scan.h"

#define ROUNDS 25
#define SCAN_SIZE (1000 * 1000)

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
audit_only_cb (RifqDb      *db,
               RifqDbWrite *write,
               gpointer     user_data,
               GError     **error)
{
  rifq_db_write_audit (write, "bench", "request", 0, NULL, NULL, NULL);
  return TRUE;
}

/* The permission checks a step makes, inside its write as a step makes them: the first reads the
 * actor's roles (a query, a round trip to a server), the others reuse them. Their time. */
typedef struct
{
  double first_ms;
  double again_ms;
} CheckJob;

static gboolean
checks_cb (RifqDb      *db,
           RifqDbWrite *write,
           gpointer     user_data,
           GError     **error)
{
  CheckJob *job = user_data;
  gint64 start = g_get_monotonic_time ();

  if (!rifq_permission_check (db, RIFQ_PERMISSION_SERVE, error))
    return FALSE;
  job->first_ms = ms_since (start);
  start = g_get_monotonic_time ();
  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return FALSE;
  job->again_ms = ms_since (start);
  rifq_db_write_audit (write, "bench", "request", 0, NULL, NULL, NULL);
  return TRUE;
}

#define MEMBER_PASSWORD "bench-member-1448"

/* Who takes each step. On a desk, its one database, the person at it changed; on the server,
 * each member of staff at a workstation of their own, logged in as their own role (schema 16), as
 * the association works there: each step through that role's grants and row-level security. */
typedef struct
{
  RifqDb     *db;         /* the desk's, or the owner's of the server's database */
  const char *location;
  char       *admin;      /* who gives each member of staff a password, on the server */
  GHashTable *sessions;   /* user name → their RifqDb, on the server */
} Staff;

static RifqDb *
as (Staff      *staff,
    const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *workstation = NULL;
  RifqDb *db;

  if (!rifq_db_is_server_location (staff->location))
    {
      rifq_db_set_actor (staff->db, username);
      return staff->db;
    }
  db = g_hash_table_lookup (staff->sessions, username);
  if (db != NULL)
    return db;

  /* Logged in once, before anything is timed (the warm-up round). */
  rifq_db_set_actor (staff->db, staff->admin);
  BENCH_CHECK (rifq_account_reset_password (staff->db, username, MEMBER_PASSWORD, error_));
  workstation = g_strconcat (staff->location, " user=workstation", NULL);
  db = rifq_db_open (workstation, &error);
  g_assert_no_error (error);
  BENCH_CHECK (rifq_account_login (db, username, MEMBER_PASSWORD, g_get_real_time () / G_USEC_PER_SEC, error_));
  {
    g_autoptr(RifqContext) context = rifq_context_new (db, NULL);

    rifq_context_set_today (context, "2026-11-26");
  }
  g_hash_table_insert (staff->sessions, g_strdup (username), db);
  return db;
}

/* Every write of the path, one after another, as the desk, the committee (chair first) and the
 * desk again take them; returns the milliseconds spent in the store. The meeting is called and
 * attended before its cases come up, as it is once for an evening's agenda: not counted. */
static double
seven_steps (Staff      *staff,
             GPtrArray  *committee,
             gint64      beneficiary_id,
             const char *strokes,
             guint      *out_writes)
{
  g_autoptr(RifqMeeting) meeting = NULL;
  const char *chair = ((RifqStaff *) g_ptr_array_index (committee, 0))->username;
  guint present = committee->len / 2 + 1;
  guint voting = present / 2 + 1;
  RifqRequestDraft draft = { beneficiary_id, "food_basket", "interview", "سلة غذائية شهرية", -1, NULL };
  const char *types[] = { "national_id", "family_record", "income_proof" };
  RifqSigning signing = { strokes, "applicant", NULL, NULL, "signature", "موظف القياس" };
  RifqService service = { 0, NULL, 1, -1, (char *) "2026-11-26", (char *) "فريق التوزيع", (char *) "home", NULL, NULL };
  RifqStepDetails serve = { .service = &service };
  g_autoptr(RifqRequest) r = NULL;
  RifqDb *desk = as (staff, "bench-desk");
  RifqDb *db;
  gint64 start;
  double total;

  start = g_get_monotonic_time ();
  r = rifq_request_store_create (desk, &draft, NULL);
  g_assert_nonnull (r);
  BENCH_CHECK (rifq_request_store_advance (desk, r->id, RIFQ_ACTION_COLLECT, NULL, error_));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      RifqDocument doc = { .type = (char *) types[i], .number = (char *) "5512",
                           .issued_on = (char *) "2020-01-01", .expires_on = (char *) "2030-01-01",
                           .matched = TRUE };

      BENCH_CHECK (rifq_request_store_save_document (desk, r->id, &doc, error_));
    }
  BENCH_CHECK (rifq_request_store_advance (desk, r->id, RIFQ_ACTION_VERIFY, NULL, error_));
  BENCH_CHECK (rifq_request_store_sign (desk, r->id, &signing, error_));
  BENCH_CHECK (rifq_request_store_advance (desk, r->id, RIFQ_ACTION_SUBMIT, NULL, error_));
  total = ms_since (start);

  db = as (staff, chair);
  meeting = rifq_committee_meeting_create (db, "2026-11-26", NULL, NULL);
  g_assert_nonnull (meeting);
  for (guint i = 0; i < present; i++)
    BENCH_CHECK (rifq_committee_set_present (db, meeting->id, ((RifqStaff *) g_ptr_array_index (committee, i))->username,
                                             TRUE, error_));
  start = g_get_monotonic_time ();
  BENCH_CHECK (rifq_committee_add_to_agenda (db, meeting->id, r->id, error_));
  for (guint i = 0; i < voting; i++)
    BENCH_CHECK (rifq_committee_vote (as (staff, ((RifqStaff *) g_ptr_array_index (committee, i))->username),
                                      meeting->id, r->id, "accept", -1, NULL, error_));
  BENCH_CHECK (rifq_committee_decide (as (staff, chair), meeting->id, r->id, "accept", -1, "يستحق الدعم", error_));
  total += ms_since (start);

  desk = as (staff, "bench-desk");
  start = g_get_monotonic_time ();
  BENCH_CHECK (rifq_request_store_advance (desk, r->id, RIFQ_ACTION_REGISTER, NULL, error_));
  BENCH_CHECK (rifq_request_store_advance (desk, r->id, RIFQ_ACTION_SERVE, &serve, error_));
  total += ms_since (start);

  /* Reception, three documents, confirmation, signature, submission, agenda, the votes, the
   * decision, registration, service. */
  *out_writes = 12 + voting;
  return total;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(GArray) path_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lookup_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RifqSignature) signature = rifq_signature_new (400, 200);
  g_autoptr(RifqRequest) scanned = NULL;
  g_autoptr(GPtrArray) committee = NULL;
  g_autofree char *strokes = NULL;
  Staff staff = { NULL };
  g_autofree char *path = NULL;
  guint people = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  guint requests = argc > 2 ? (guint) atoi (argv[2]) : 200000;
  const char *scan_types[] = { "national_id", "national_id", "family_record", "family_record", "family_record",
                               "income_proof", "income_proof", "iban_letter", "iban_letter", "iban_letter" };
  double path_ms, floor_ms, open_ms, lookup_ms, lookup_worst;
  guint writes = 0;
  gint64 n;
  gboolean missed = FALSE;

  setlocale (LC_ALL, "C.UTF-8");
  path = bench_database_location (people);
  db = rifq_db_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RifqContext) context = rifq_context_new (db, NULL);

    rifq_context_set_today (context, "2026-11-26");
  }
  /* Whoever sets the database up is its first member of staff, before the demonstration seats a
   * committee. */
  rifq_db_set_actor (db, "bench-admin");
  BENCH_CHECK (rifq_staff_ensure_first (db, error_));
  BENCH_CHECK (rifq_seal_ensure_key (db, error_));

  n = rifq_beneficiary_store_count (db, NULL);
  if (n < people)
    BENCH_CHECK (rifq_demo_fill (db, people - (guint) n, 1, error_));
  n = rifq_request_store_count (db, NULL);
  if (n < requests)
    {
      gint64 start = g_get_monotonic_time ();

      BENCH_CHECK (rifq_demo_fill_requests (db, requests - (guint) n, 7, error_));
      g_print ("# filled %u synthetic requests in %.1f s\n", requests - (guint) n,
               (g_get_monotonic_time () - start) / 1e6);
    }

  {
    /* Whoever set the database up is its administrator. */
    g_autoptr(GPtrArray) admins = rifq_staff_list (db, RIFQ_ROLE_ADMIN, NULL);

    rifq_db_set_actor (db, ((RifqStaff *) g_ptr_array_index (admins, 0))->username);
  }
  BENCH_CHECK (rifq_staff_save (db, "bench-desk", "موظف القياس", RIFQ_ROLE_DESK, error_));
  BENCH_CHECK (rifq_staff_save (db, "bench-chair", "رئيس القياس", RIFQ_ROLE_CHAIR, error_));
  /* The committee the demonstration seated, chaired now by bench-chair; the chair first. */
  committee = rifq_staff_list (db, RIFQ_ROLE_COMMITTEE | RIFQ_ROLE_CHAIR, NULL);
  for (guint i = 0; i < committee->len; i++)
    if (((RifqStaff *) g_ptr_array_index (committee, i))->roles & RIFQ_ROLE_CHAIR)
      g_ptr_array_insert (committee, 0, g_ptr_array_steal_index (committee, i));

  rifq_signature_begin_stroke (signature);
  for (guint i = 0; i < 120; i++)
    rifq_signature_add_point (signature, 20 + i * 3, 100 + 40 * ((i / 10) % 2 ? 1 : -1) * (i % 10) / 10.0, 0.5);
  strokes = rifq_signature_to_json (signature);

  g_print ("# %" G_GINT64_FORMAT " beneficiaries, %" G_GINT64_FORMAT " requests; milliseconds\n",
           rifq_beneficiary_store_count (db, NULL), rifq_request_store_count (db, NULL));

  /* 1. The seven steps of one request, against the same number of bare audited writes (the
   * desk officer's). */
  staff.db = db;
  staff.location = path;
  staff.admin = g_strdup (rifq_db_get_actor (db));
  staff.sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  seven_steps (&staff, committee, 4321, strokes, &writes);
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = seven_steps (&staff, committee, 1 + (r * 7919) % people, strokes, &writes);
      RifqDb *desk = as (&staff, "bench-desk");
      gint64 start = g_get_monotonic_time ();
      double f;

      g_array_append_val (path_times, t);
      for (guint w = 0; w < writes; w++)
        BENCH_CHECK (rifq_db_write (desk, audit_only_cb, NULL, error_));
      f = ms_since (start);
      g_array_append_val (floor_times, f);
    }
  path_ms = bench_median (path_times);
  floor_ms = bench_median (floor_times);
  /* A desk's target is 10 ms, on its own file; the server's is issue 12's 20 ms, its round trips
   * allowed for. The distance from the floor is printed beside it. */
  if (rifq_db_is_server_location (path))
    {
      g_print ("seven-step path, one request (%u writes), each step by its member of staff logged in as their own "
               "role: median %.2f ms, slowest %.2f ms, %.1f× its floor  [on the server: target < 20]\n", writes,
               path_ms, bench_slowest (path_times), path_ms / floor_ms);
      missed |= path_ms >= 20.0;
    }
  else
    {
      g_print ("seven-step path, one request (%u writes): median %.2f ms, slowest %.2f ms  [target < 10]\n",
               writes, path_ms, bench_slowest (path_times));
      missed |= path_ms >= 10.0;
    }
  g_print ("floor, %u bare audited write transactions: median %.2f ms\n", writes, floor_ms);

  /* 2. Opening a request whose documents carry ten scans of 1 MB: the request, its checklist
   * and every scan's bytes, as the documents step shows them. */
  {
    RifqRequestDraft draft = { 1, "financial_aid", "branch", "مساعدة مالية", 3000, NULL };
    guint total_bytes = 0;

    RifqDb *desk = as (&staff, "bench-desk");
    g_autoptr(GArray) owner_open_times = g_array_new (FALSE, FALSE, sizeof (double));

    scanned = rifq_request_store_create (desk, &draft, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (scan_types); i++)
      {
        g_autoptr(GBytes) scan = rifq_test_png (SCAN_SIZE, i);
        g_autofree char *name = g_strdup_printf ("scan-%u.png", i + 1);
        RifqDocument doc = { .type = (char *) scan_types[i], .number = (char *) "5512",
                             .issued_on = (char *) "2020-01-01", .expires_on = (char *) "2030-01-01" };

        BENCH_CHECK (rifq_request_store_save_document (desk, scanned->id, &doc, error_));
        BENCH_CHECK (rifq_request_store_attach (desk, scanned->id, scan_types[i], scan, name, error_));
      }
    /* On the server, the database's owner too, taking turns with the desk officer's own role. */
    for (guint r = 0; r <= 2 * ROUNDS + 1; r++)
      {
        gboolean by_owner = r % 2 == 1;
        RifqDb *reader = by_owner ? (rifq_db_set_actor (db, "bench-desk"), db) : as (&staff, "bench-desk");
        gint64 start = g_get_monotonic_time ();
        g_autoptr(RifqRequest) opened = rifq_request_store_get (reader, scanned->id, NULL);
        guint scans = 0;
        double t;

        total_bytes = 0;
        for (guint d = 0; d < opened->documents->len; d++)
          {
            RifqDocument *doc = g_ptr_array_index (opened->documents, d);

            for (guint s = 0; s < doc->scans->len; s++)
              {
                g_autoptr(GBytes) bytes = rifq_request_store_read_attachment (
                  reader, ((RifqScan *) g_ptr_array_index (doc->scans, s))->sha256, NULL, NULL);

                total_bytes += g_bytes_get_size (bytes);
                scans++;
              }
          }
        t = ms_since (start);
        g_assert_cmpuint (scans, ==, 10);
        if (r > 1)
          g_array_append_val (by_owner ? owner_open_times : open_times, t);
      }
    open_ms = bench_median (open_times);
    if (rifq_db_is_server_location (path))
      g_print ("open a request with 10 scans as the database's owner, in turn: median %.2f ms\n",
               bench_median (owner_open_times));
    g_print ("open a request with 10 scans (%.1f MB read): median %.2f ms, slowest %.2f ms  [target < 100]\n",
             total_bytes / 1e6, open_ms, bench_slowest (open_times));
    missed |= open_ms >= 100.0;
  }

  /* 3. "Where is my request?" by national ID, mobile, request number and name. */
  {
    RifqDb *desk = as (&staff, "bench-desk");
    g_autoptr(GPtrArray) sample = rifq_beneficiary_store_list (desk, 777, 5, NULL);
    g_autoptr(GPtrArray) recent = rifq_request_store_list (desk, RIFQ_REQUEST_UNDER_REVIEW, 0, 5, NULL);

    for (guint i = 0; i < sample->len; i++)
      {
        RifqBeneficiary *b = g_ptr_array_index (sample, i);

        g_ptr_array_add (queries, g_strdup (rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID)));
        g_ptr_array_add (queries, g_strconcat ("0", rifq_beneficiary_get (b, RIFQ_FIELD_MOBILE) + 4, NULL));
        g_ptr_array_add (queries, rifq_beneficiary_dup_full_name (b));
      }
    for (guint i = 0; i < recent->len; i++)
      g_ptr_array_add (queries, g_strdup (((RifqRequest *) g_ptr_array_index (recent, i))->number));
    g_ptr_array_add (queries, g_strdup ("محمد"));

    for (guint q = 0; q < queries->len; q++)
      {
        const char *query = g_ptr_array_index (queries, q);
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
        guint found = 0;

        g_ptr_array_unref (rifq_request_store_lookup (desk, query, 10, NULL));
        for (guint r = 0; r < ROUNDS; r++)
          {
            gint64 start = g_get_monotonic_time ();
            g_autoptr(GPtrArray) result = rifq_request_store_lookup (desk, query, 10, NULL);
            double t = ms_since (start);

            found = result->len;
            g_array_append_val (times, t);
            g_array_append_val (lookup_times, t);
          }
        g_print ("  %-40s %8.3f %6u\n", query, bench_median (times), found);
      }
    lookup_ms = bench_median (lookup_times);
    lookup_worst = bench_slowest (lookup_times);
    g_print ("where is my request: median %.3f ms, slowest %.3f ms  [target < 10]\n", lookup_ms, lookup_worst);
    missed |= lookup_worst >= 10.0;
  }

  /* 4. What the role × action table adds to a step: its check, as a step makes it, inside the
   * write (the actor's roles read under the write's lock), against the write it is in. */
  {
    g_autoptr(GArray) first_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) again_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) other_times = g_array_new (FALSE, FALSE, sizeof (double));
    /* Another workstation: the same desk's file opened again, or on the server the chair at
     * theirs. */
    g_autoptr(RifqDb) other_file = rifq_db_is_server_location (path) ? NULL : rifq_db_open (path, NULL);
    RifqDb *other;
    RifqDb *desk;
    CheckJob job = { 0, 0 };
    double check_ms, other_ms;

    if (other_file != NULL)
      rifq_db_set_actor (other_file, "bench-desk");
    other = other_file != NULL ? other_file : as (&staff, ((RifqStaff *) g_ptr_array_index (committee, 0))->username);
    desk = as (&staff, "bench-desk");
    for (guint r = 0; r < 4 * ROUNDS; r++)
      {
        BENCH_CHECK (rifq_db_write (desk, checks_cb, &job, error_));
        g_array_append_val (first_times, job.first_ms);
        g_array_append_val (again_times, job.again_ms);
      }
    /* And when another workstation has written since: the roles are read again, a statement of
     * the write (on a server, what it answered before cannot be reused). */
    for (guint r = 0; r < 4 * ROUNDS; r++)
      {
        BENCH_CHECK (rifq_db_write (other, audit_only_cb, NULL, error_));
        BENCH_CHECK (rifq_db_write (desk, checks_cb, &job, error_));
        g_array_append_val (other_times, job.first_ms);
      }
    check_ms = bench_median (first_times);
    other_ms = bench_median (other_times);
    g_print ("permission check, first in a step's write: median %.4f ms, slowest %.4f ms; after another "
             "workstation wrote: median %.4f ms, slowest %.4f ms; %.1f%% of the floor's write  [target < 0.1]\n",
             check_ms, bench_slowest (first_times), other_ms, bench_slowest (other_times),
             100.0 * MAX (check_ms, other_ms) / (floor_ms / writes));
    g_print ("permission check, again in the same write: median %.4f ms\n", bench_median (again_times));
    missed |= MAX (check_ms, other_ms) >= 0.1;
  }

  g_hash_table_unref (staff.sessions);
  g_free (staff.admin);
  if (missed)
    {
      g_print ("TARGET MISSED\n");
      return 1;
    }
  return 0;
}
