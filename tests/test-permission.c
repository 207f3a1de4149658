/* test-permission.c: the role × action table, cell by cell, through core
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rifq-audit.h"
#include "rifq-backup.h"
#include "rifq-privacy.h"
#include "rifq-beneficiary-store.h"
#include "rifq-committee.h"
#include "rifq-db-copy.h"
#include "rifq-demo.h"
#include "rifq-error.h"
#include "rifq-account.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-settings.h"
#include "rifq-staff.h"
#include "rifq-test-util.h"

#define TODAY "2026-03-15"

#define DESK       RIFQ_ROLE_DESK
#define RESEARCHER RIFQ_ROLE_RESEARCHER
#define MEMBER     RIFQ_ROLE_COMMITTEE
#define CHAIR      RIFQ_ROLE_CHAIR
#define BOARD      RIFQ_ROLE_BOARD
#define ADMIN      RIFQ_ROLE_ADMIN

typedef struct
{
  RifqDb          *db;
  char            *location;
  RifqBeneficiary *beneficiary;
  gint64           request_id;   /* a request just received */
  char            *request_number;
  gint64           meeting_id;   /* called by "chair" */
  char            *backup;       /* taken by the administrator, for the cells that need one */
} Fixture;

/* The people tried, one role each, and someone the operating system knows who is not staff. */
static const struct
{
  const char *username;
  RifqRole    roles;
} people[] = {
  { "desk", DESK },
  { "researcher", RESEARCHER },
  { "member", MEMBER },
  { "chair", CHAIR },
  { "board", BOARD },
  { "administrator", ADMIN },
  { "stranger", RIFQ_ROLE_NONE },
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) request = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;
  RifqRequestDraft draft = { 0, "food_basket", "interview", "يحتاج سلة غذائية شهرية", -1, NULL };

  f->db = rifq_test_db_new (&f->location);
  rifq_test_set_today (f->db, TODAY);
  g_assert_true (rifq_seal_ensure_key (f->db, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (people[i].roles != RIFQ_ROLE_NONE)
      rifq_test_act_as (f->db, people[i].username, people[i].roles);

  rifq_db_set_actor (f->db, "desk");
  f->beneficiary = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  g_assert_true (rifq_beneficiary_store_add (f->db, f->beneficiary, NULL, NULL, &error));
  g_assert_no_error (error);
  draft.beneficiary_id = rifq_beneficiary_get_id (f->beneficiary);
  request = rifq_request_store_create (f->db, &draft, &error);
  g_assert_no_error (error);
  f->request_id = request->id;
  f->request_number = g_strdup (request->number);

  rifq_db_set_actor (f->db, "chair");
  meeting = rifq_committee_meeting_create (f->db, TODAY, "مقر الجمعية", &error);
  g_assert_no_error (error);
  f->meeting_id = meeting->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->beneficiary);
  g_clear_object (&f->db);
  g_free (f->location);
  g_free (f->request_number);
  if (f->backup != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (f->backup);

      g_unlink (f->backup);
      g_rmdir (dir);
      g_free (f->backup);
    }
}

/* Each action, tried as core's callers take it, with what it needs already in place. */

static gboolean
try_read (Fixture  *f,
          GError  **error)
{
  g_autoptr(RifqBeneficiary) b = rifq_beneficiary_store_get (f->db, rifq_beneficiary_get_id (f->beneficiary), error);
  g_autoptr(GPtrArray) requests = NULL;

  if (b == NULL)
    return FALSE;
  requests = rifq_request_store_list (f->db, -1, rifq_beneficiary_get_id (b), 10, error);
  return requests != NULL;
}

/* "Where is my request?": a request found by its number, among all of them. */
static gboolean
try_read_by_number (Fixture  *f,
                    GError  **error)
{
  g_autoptr(GPtrArray) found = rifq_request_store_lookup (f->db, f->request_number, 5, error);

  return found != NULL && found->len == 1;
}

static gboolean
try_read_meeting (Fixture  *f,
                  GError  **error)
{
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_get (f->db, f->meeting_id, error);
  g_autoptr(RifqTally) tally = NULL;

  if (meeting == NULL)
    return FALSE;
  tally = rifq_committee_tally (f->db, f->meeting_id, f->request_id, error);
  return tally != NULL;
}

static gboolean
try_read_scan (Fixture  *f,
               GError  **error)
{
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "no such scan", -1);
  g_autoptr(GBytes) bytes = rifq_request_store_read_attachment (f->db, sha256, NULL, error);

  /* None is stored: who may read is told it is not there. */
  return bytes != NULL;
}

/* The fixture's request referred to social research by the desk, before anything is counted. */
static void
refer_first (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RifqStepDetails question = { .text = "هل يشمل الدعم من يسكن مع ابنه؟" };
  g_autofree char *was = g_strdup (rifq_db_get_actor (f->db));

  rifq_db_set_actor (f->db, "desk");
  g_assert_true (rifq_request_store_advance (f->db, f->request_id, RIFQ_ACTION_COLLECT, NULL, &error));
  g_assert_true (rifq_request_store_advance (f->db, f->request_id, RIFQ_ACTION_REFER, &question, &error));
  g_assert_no_error (error);
  rifq_db_set_actor (f->db, was);
}

/* A request referred to social research, and the researcher's queue it is in. */
static gboolean
try_read_referred (Fixture  *f,
                   GError  **error)
{
  g_autoptr(RifqRequest) request = rifq_request_store_get (f->db, f->request_id, error);
  g_autoptr(RifqRequest) by_number = NULL;
  g_autoptr(GPtrArray) queue = NULL;

  if (request == NULL)
    return FALSE;
  g_assert_cmpuint (request->referrals->len, ==, 1);
  by_number = rifq_request_store_get_by_number (f->db, f->request_number, error);
  g_assert_nonnull (by_number);
  queue = rifq_request_store_referral_queue (f->db, error);
  g_assert_nonnull (queue);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (((RifqRequest *) g_ptr_array_index (queue, 0))->id, ==, f->request_id);
  /* Its seal (none yet), asked as printing it asks: nothing refused. */
  g_assert_cmpint (rifq_seal_check_request (f->db, f->request_id, NULL, NULL), ==, RIFQ_SEAL_STATE_NONE);
  return TRUE;
}

/* Of a request not referred, the social researcher is told nothing, not even that its number
 * exists; of one referred, not the committee's decision, which is the records'. */
static void
test_researcher_told_nothing_of_the_rest (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) found = NULL;
  g_autoptr(GPtrArray) searched = NULL;
  RifqApproval approval;
  gint64 writes = rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action <> 'refuse'");

  rifq_db_set_actor (f->db, "researcher");
  found = rifq_request_store_get_by_number (f->db, f->request_number, &error);
  g_assert_null (found);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action <> 'refuse'"), ==, writes);
  /* Nor finds anyone in the registry by name. */
  searched = rifq_beneficiary_store_search (f->db, "محمد", 10, &error);
  g_assert_null (searched);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  refer_first (f);
  found = rifq_request_store_get_by_number (f->db, f->request_number, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_false (rifq_request_store_approval (f->db, f->request_id, &approval, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
}

static gboolean
try_read_position (Fixture  *f,
                   GError  **error)
{
  /* Where a name sorts in the registry tells the names around it. */
  return rifq_beneficiary_store_position (f->db, f->beneficiary, error) >= 0;
}

static gboolean
try_register (Fixture  *f,
              GError  **error)
{
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_2, "سارة", "العمري", "0559876543");

  return rifq_beneficiary_store_add (f->db, b, NULL, NULL, error);
}

static gboolean
try_edit (Fixture  *f,
          GError  **error)
{
  rifq_beneficiary_set (f->beneficiary, RIFQ_FIELD_MOBILE, "0507654321");
  return rifq_beneficiary_store_update (f->db, f->beneficiary, NULL, NULL, error);
}

static gboolean
try_import (Fixture  *f,
            GError  **error)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (many, rifq_test_beneficiary (RIFQ_TEST_ID_3, "فاطمة", "الشمري", "0551112223"));
  g_ptr_array_add (many, rifq_test_beneficiary (RIFQ_TEST_ID_4, "عبدالرحمن", "السبيعي", "0554445556"));
  return rifq_beneficiary_store_add_many (f->db, many, NULL, error);
}

static gboolean
try_receive (Fixture  *f,
             GError  **error)
{
  RifqRequestDraft draft = { rifq_beneficiary_get_id (f->beneficiary), "medical_devices", "phone",
                             "كرسي متحرك", -1, NULL };
  g_autoptr(RifqRequest) request = rifq_request_store_create (f->db, &draft, error);

  return request != NULL;
}

static gboolean
try_documents (Fixture  *f,
               GError  **error)
{
  RifqDocument doc = { 0 };

  doc.type = (char *) "national_id";
  doc.number = (char *) "1234567";
  doc.issued_on = (char *) "2020-01-01";
  doc.expires_on = (char *) "2030-01-01";
  doc.matched = TRUE;
  return rifq_request_store_save_document (f->db, f->request_id, &doc, error);
}

static gboolean
try_sign (Fixture  *f,
          GError  **error)
{
  RifqSigning signing = { "{}", "applicant", NULL, NULL, "signature", "نورة" };

  /* Not ready to sign: the desk officer is told that, the others that it is not theirs. */
  return rifq_request_store_sign (f->db, f->request_id, &signing, error);
}

static gboolean
try_call_meeting (Fixture  *f,
                  GError  **error)
{
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_create (f->db, "2026-03-22", "مقر الجمعية", error);

  return meeting != NULL;
}

static gboolean
try_attendance (Fixture  *f,
                GError  **error)
{
  return rifq_committee_set_present (f->db, f->meeting_id, "member", TRUE, error);
}

static gboolean
try_agenda (Fixture  *f,
            GError  **error)
{
  /* A request just received is not before the committee: the chair is told that. */
  return rifq_committee_add_to_agenda (f->db, f->meeting_id, f->request_id, error);
}

static gboolean
try_vote (Fixture  *f,
          GError  **error)
{
  return rifq_committee_vote (f->db, f->meeting_id, f->request_id, "accept", -1, NULL, error);
}

static gboolean
try_decide (Fixture  *f,
            GError  **error)
{
  return rifq_committee_decide (f->db, f->meeting_id, f->request_id, "accept", -1, "مستحق", error);
}

static gboolean
try_settings (Fixture  *f,
              GError  **error)
{
  return rifq_settings_save (f->db, "decision_period_days", "20", error);
}

static gboolean
try_staff (Fixture  *f,
           GError  **error)
{
  return rifq_staff_save (f->db, "newcomer", "ريم القرني", DESK, error);
}

static gboolean
try_seal_key (Fixture  *f,
              GError  **error)
{
  g_autofree char *key_id = NULL;

  return rifq_seal_rotate_key (f->db, &key_id, error);
}

static gboolean
try_copy (Fixture  *f,
          GError  **error)
{
  g_autofree char *target = NULL;

  if (rifq_test_on_server ())
    target = rifq_test_server_database_new ();
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("rifq-copy-XXXXXX", NULL);

      target = g_build_filename (dir, "copy.db", NULL);
    }
  return rifq_db_copy (f->location, target, rifq_db_get_actor (f->db), 0, NULL, error);
}

static gboolean
try_audit (Fixture  *f,
           GError  **error)
{
  gint64 rows = 0;

  return rifq_audit_verify (f->db, &rows, error);
}

/* A backup of the fixture's database, taken by its administrator before the cell counts. */
static void
take_backup_first (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-backup-XXXXXX", &error);
  const char *actor = rifq_db_get_actor (f->db);
  g_autofree char *was = g_strdup (actor);

  f->backup = g_build_filename (dir, "before.rifq-backup", NULL);
  rifq_db_set_actor (f->db, "administrator");
  g_assert_true (rifq_backup_take (f->db, f->backup, NULL, &error));
  g_assert_no_error (error);
  rifq_db_set_actor (f->db, was);
}

static gboolean
try_backup (Fixture  *f,
            GError  **error)
{
  g_autofree char *dir = g_dir_make_tmp ("rifq-backup-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "desk.rifq-backup", NULL);
  gboolean done = rifq_backup_take (f->db, path, NULL, error);

  g_unlink (path);
  g_rmdir (dir);
  return done;
}

static gboolean
try_restore (Fixture  *f,
             GError  **error)
{
  g_autofree char *aside = NULL;
  gboolean done = rifq_backup_restore (f->backup, NULL, f->location, rifq_db_get_actor (f->db), &aside, error);

  if (aside != NULL)
    g_unlink (aside);
  return done;
}

static gboolean
try_consent (Fixture  *f,
             GError  **error)
{
  g_autoptr(RifqConsent) consent = rifq_consent_record (f->db, rifq_beneficiary_get_id (f->beneficiary), "records",
                                                        NULL, error);

  return consent != NULL;
}

static gboolean
try_export_person (Fixture  *f,
                   GError  **error)
{
  g_autoptr(JsonNode) everything = rifq_privacy_export (f->db, rifq_beneficiary_get_id (f->beneficiary), error);

  return everything != NULL;
}

static gboolean
try_retention (Fixture  *f,
               GError  **error)
{
  g_autoptr(GPtrArray) files = rifq_privacy_past_retention (f->db, error);

  return files != NULL;
}

/* The desk officer's password, which an administrator sets when it is forgotten. */
static gboolean
try_passwords (Fixture  *f,
               GError  **error)
{
  return rifq_account_reset_password (f->db, "desk", "a forgotten one 7", error);
}

static gboolean
try_demo (Fixture  *f,
          GError  **error)
{
  return rifq_demo_fill (f->db, 3, 7, error);
}

/* The table as the policy and the issue state it, written out again here so that a change to
 * core's table shows as a failing cell. The steps of a request have their cells in test-request
 * (/request/transition/refused-for-role-that-may-not and the flow tests); a service beyond the
 * committee's approval in /request/serve/administrator-override-with-reason-audited. */
static const struct
{
  RifqPermission permission;
  const char    *how;          /* the path's name when an action is tried more than one way */
  RifqRole       expected;
  gboolean     (*try) (Fixture *f, GError **error);
  RifqError      otherwise;      /* what a person allowed meets instead, when the record's rule stops them */
  void         (*prepare) (Fixture *f);   /* before anything is counted */
} cells[] = {
  /* The social researcher reads what was referred to social research, nothing else: the
   * fixture's request was not (read-by-number), nor are a meeting, a scan, the registry. */
#define READERS (DESK | MEMBER | CHAIR | ADMIN)
  { RIFQ_PERMISSION_READ_RECORDS, "read", READERS, try_read },
  { RIFQ_PERMISSION_READ_REFERRED, "read-referred", READERS | RESEARCHER, try_read_referred, 0, refer_first },
  { RIFQ_PERMISSION_READ_RECORDS, "read-by-number", READERS, try_read_by_number },
  { RIFQ_PERMISSION_READ_RECORDS, "read-meeting", READERS, try_read_meeting },
  { RIFQ_PERMISSION_READ_RECORDS, "read-scan", READERS, try_read_scan, RIFQ_ERROR_NOT_FOUND },
  { RIFQ_PERMISSION_READ_RECORDS, "read-position", READERS, try_read_position },
  { RIFQ_PERMISSION_REGISTER, NULL, DESK, try_register },
  { RIFQ_PERMISSION_EDIT_BENEFICIARY, NULL, DESK, try_edit },
  { RIFQ_PERMISSION_IMPORT, NULL, DESK | ADMIN, try_import },
  { RIFQ_PERMISSION_RECEIVE_REQUEST, NULL, DESK, try_receive },
  { RIFQ_PERMISSION_ENTER_DOCUMENTS, NULL, DESK, try_documents },
  { RIFQ_PERMISSION_SIGN, NULL, DESK, try_sign, RIFQ_ERROR_NOT_ALLOWED },
  { RIFQ_PERMISSION_CALL_MEETING, NULL, CHAIR, try_call_meeting },
  { RIFQ_PERMISSION_ATTENDANCE, NULL, MEMBER | CHAIR, try_attendance, RIFQ_ERROR_NOT_ALLOWED },
  { RIFQ_PERMISSION_AGENDA, NULL, MEMBER | CHAIR, try_agenda, RIFQ_ERROR_NOT_ALLOWED },
  { RIFQ_PERMISSION_VOTE, NULL, MEMBER | CHAIR, try_vote, RIFQ_ERROR_NOT_ALLOWED },
  { RIFQ_PERMISSION_DECIDE, NULL, MEMBER | CHAIR, try_decide, RIFQ_ERROR_NOT_ALLOWED },
  { RIFQ_PERMISSION_SETTINGS, NULL, ADMIN, try_settings },
  { RIFQ_PERMISSION_STAFF, NULL, ADMIN, try_staff },
  { RIFQ_PERMISSION_SEAL_KEY, NULL, ADMIN, try_seal_key },
  { RIFQ_PERMISSION_COPY, NULL, ADMIN, try_copy },
  { RIFQ_PERMISSION_DEMO, NULL, ADMIN, try_demo },
  { RIFQ_PERMISSION_AUDIT, NULL, ADMIN, try_audit },
  { RIFQ_PERMISSION_BACKUP, NULL, ADMIN, try_backup },
  { RIFQ_PERMISSION_RESTORE, NULL, ADMIN, try_restore, 0, take_backup_first },
  { RIFQ_PERMISSION_CONSENT, NULL, DESK, try_consent },
  { RIFQ_PERMISSION_EXPORT_PERSON, NULL, ADMIN, try_export_person },
  { RIFQ_PERMISSION_RETENTION, NULL, ADMIN, try_retention },
  { RIFQ_PERMISSION_PASSWORDS, NULL, ADMIN, try_passwords },
};

/* Whether a person allowed the action meets the record's own rule instead (the meeting's own
 * chair, a member present, a request not yet before the committee): the chair of the fixture's
 * meeting takes its attendance. */
static gboolean
stopped_by_the_record (guint       cell,
                       const char *username)
{
  if (cells[cell].permission == RIFQ_PERMISSION_ATTENDANCE)
    return !g_str_equal (username, "chair");
  return cells[cell].otherwise != 0;
}

/* The refusals kept in the audit log for username. */
static gint64
refusals (Fixture    *f,
          const char *username)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'refuse'"
                                          " AND record_kind = 'permission' AND actor = '%s'", username);

  return rifq_test_count (f->db, sql);
}

/* Everything else the audit log holds: every write. */
#define WRITES "SELECT count(*) FROM audit WHERE action <> 'refuse'"

static void
test_cell (Fixture       *f,
           gconstpointer  data)
{
  guint cell = GPOINTER_TO_UINT (data) / G_N_ELEMENTS (people);
  guint person = GPOINTER_TO_UINT (data) % G_N_ELEMENTS (people);
  const char *username = people[person].username;
  RifqPermission permission = cells[cell].permission;
  gboolean allowed = (cells[cell].expected & people[person].roles) != 0;
  g_autoptr(GError) error = NULL;
  gint64 refusals_before, writes_before;
  gboolean done;

  /* Core's table says what the test's does. */
  g_assert_cmpint (rifq_permission_allows (permission, people[person].roles), ==, allowed);

  if (cells[cell].prepare != NULL)
    cells[cell].prepare (f);
  rifq_db_set_actor (f->db, username);
  refusals_before = refusals (f, username);
  writes_before = rifq_test_count (f->db, WRITES);
  done = cells[cell].try (f, &error);

  if (!allowed)
    {
      g_assert_false (done);
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
      /* A sentence naming the person, the action and who may take it. */
      g_assert_true (g_str_has_prefix (error->message, username));
      g_assert_nonnull (strstr (error->message, rifq_permission_label (permission)));
      if (people[person].roles == RIFQ_ROLE_NONE)
        g_assert_nonnull (strstr (error->message, "not a member of staff"));
      /* Kept in the audit log, and nothing else written. */
      g_assert_cmpint (refusals (f, username), ==, refusals_before + 1);
      g_assert_cmpint (rifq_test_count (f->db, WRITES), ==, writes_before);
    }
  else
    {
      if (!stopped_by_the_record (cell, username))
        {
          g_assert_no_error (error);
          g_assert_true (done);
        }
      else
        {
          /* Refused by the record's own rule, never for the role. */
          g_assert_false (done);
          g_assert_error (error, RIFQ_ERROR, (int) cells[cell].otherwise);
        }
      g_assert_cmpint (refusals (f, username), ==, refusals_before);
    }
  g_assert_true (rifq_db_verify_audit (f->db, NULL, NULL));
}

/* The refusal row names what was refused and the roles the person held. */
static void
test_refusal_names_action_and_roles (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RifqStatement *stmt;

  rifq_db_set_actor (f->db, "board");
  g_assert_false (try_register (f, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_cmpstr (error->message, ==, "board (board member) may not register a beneficiary; that is for: beneficiary-relations officer.");
  stmt = rifq_db_prepare (f->db, "SELECT after_json FROM audit WHERE action = 'refuse' AND actor = 'board'", NULL);
  g_assert_cmpint (rifq_statement_step (stmt), ==, RIFQ_STEP_ROW);
  g_assert_nonnull (strstr (rifq_statement_get_text (stmt, 0), "\"register-beneficiary\""));
  g_assert_nonnull (strstr (rifq_statement_get_text (stmt, 0), "\"board\""));
  rifq_statement_reset (stmt);
}

/* When the staff cannot be read (the server gone, the table damaged), nothing is allowed and
 * nobody is told they lack a role: the reason is said, and no refusal is recorded. */
static void
test_unreadable_roles_not_taken_for_none (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 refusals;

  refusals = rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'refuse'");
  rifq_test_sql (f->db, "ALTER TABLE staff RENAME TO staff_elsewhere");
  rifq_db_set_actor (f->db, "desk");
  g_assert_false (try_register (f, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED));
  rifq_test_sql (f->db, "ALTER TABLE staff_elsewhere RENAME TO staff");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'refuse'"), ==, refusals);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM beneficiary"), ==, 1);
}

/* Staff removed behind Rifq's back: whoever opens the database next does not become its
 * administrator, neither by opening it nor by adding themselves. */
static void
test_emptied_staff_makes_nobody_administrator (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) again = NULL;

  rifq_test_other_program_sql (f->location, "DELETE FROM meeting_member; DELETE FROM staff_role; DELETE FROM staff");
  g_clear_object (&f->db);

  again = rifq_test_db_open (f->location, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (again, "intruder");
  g_assert_false (rifq_staff_ensure_first (again, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "nobody becomes its administrator"));
  g_clear_error (&error);

  g_assert_false (rifq_staff_save (again, "intruder", "متسلل", ADMIN, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_cmpint (rifq_test_count (again, "SELECT count(*) FROM staff"), ==, 0);
  g_assert_cmpint (rifq_test_count (again, "SELECT count(*) FROM audit WHERE action = 'refuse' AND actor = 'intruder'"),
                   ==, 1);
  f->db = g_steal_pointer (&again);
}

/* The same, by a forger who also deletes the staff's entries from the audit log, or empties the
 * log and its anchor: the chain no longer verifies, or the records have no log. */
static void
test_staff_and_their_trail_deleted_makes_nobody_administrator (Fixture       *f,
                                                               gconstpointer  data)
{
  const char *forgeries[] = {
    RIFQ_TEST_DIALECT ("DROP TRIGGER audit_is_append_only_delete; DELETE FROM audit WHERE record_kind = 'staff'",
                       "ALTER TABLE audit DISABLE TRIGGER USER; DELETE FROM audit WHERE record_kind = 'staff'"),
    RIFQ_TEST_DIALECT ("DROP TRIGGER audit_is_append_only_delete; DELETE FROM audit; DELETE FROM audit_anchor",
                       "ALTER TABLE audit DISABLE TRIGGER USER; DELETE FROM audit; DELETE FROM audit_anchor"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (forgeries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RifqDb) again = NULL;
      g_autofree char *location = NULL;

      if (i > 0)
        {
          fixture_tear_down (f, NULL);
          fixture_set_up (f, NULL);
        }
      location = g_strdup (f->location);
      rifq_test_other_program_sql (location, "DELETE FROM meeting_member; DELETE FROM staff_role; DELETE FROM staff");
      rifq_test_other_program_sql (location, forgeries[i]);
      g_clear_object (&f->db);

      again = rifq_test_db_open (location, &error);
      g_assert_no_error (error);
      rifq_db_set_actor (again, "intruder");
      g_assert_false (rifq_staff_ensure_first (again, &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
      g_assert_cmpint (rifq_test_count (again, "SELECT count(*) FROM staff"), ==, 0);
      f->db = g_steal_pointer (&again);
    }
}

/* The seal's keys deleted behind Rifq's back: the next to open the database makes no new one
 * unless they may change the seal key. */
static void
test_deleted_seal_keys_not_remade_by_anyone (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rifq_test_sql (f->db, "DELETE FROM seal_public_key");
  rifq_db_set_actor (f->db, "board");
  g_assert_true (rifq_seal_ensure_key (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM seal_public_key"), ==, 0);
  rifq_db_set_actor (f->db, "administrator");
  g_assert_true (rifq_seal_ensure_key (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM seal_public_key"), ==, 1);
}

/* A database never written to makes the person who opens it its first administrator, once. */
static void
test_new_database_first_opener_is_administrator (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
  g_autoptr(RifqStaff) first = NULL;

  rifq_db_set_actor (db, "founder");
  g_assert_true (rifq_staff_ensure_first (db, &error));
  g_assert_no_error (error);
  first = rifq_staff_get (db, "founder", &error);
  g_assert_no_error (error);
  g_assert_true (rifq_permission_allows (RIFQ_PERMISSION_STAFF, first->roles));
  /* The second to open it is nobody yet. */
  rifq_db_set_actor (db, "second");
  g_assert_true (rifq_staff_ensure_first (db, &error));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff"), ==, 1);
}

/* The roles of each step of a request, as the policy names them: the steps' own cells are tried in
 * test-request against core's table, which this holds to the policy. */
static void
test_steps_for_the_roles_the_policy_names (void)
{
  static const RifqRole expected[RIFQ_N_ACTIONS] = {
    [RIFQ_ACTION_COLLECT] = DESK,           [RIFQ_ACTION_REFER] = DESK,
    [RIFQ_ACTION_ANSWER] = RESEARCHER,      [RIFQ_ACTION_VERIFY] = DESK,
    [RIFQ_ACTION_REOPEN] = DESK,            [RIFQ_ACTION_SUBMIT] = DESK,
    [RIFQ_ACTION_REVIEW] = MEMBER | CHAIR,  [RIFQ_ACTION_ACCEPT] = CHAIR,
    [RIFQ_ACTION_REJECT] = CHAIR,           [RIFQ_ACTION_DEFER] = CHAIR,
    [RIFQ_ACTION_RECONSIDER] = MEMBER | CHAIR,
    [RIFQ_ACTION_REGISTER] = DESK,          [RIFQ_ACTION_SERVE] = DESK,
    [RIFQ_ACTION_CLOSE] = DESK,             [RIFQ_ACTION_WITHDRAW] = DESK,
  };

  for (RifqAction a = 0; a < RIFQ_N_ACTIONS; a++)
    {
      g_assert_cmpint (rifq_permission_roles (rifq_permission_for_step (a)), ==, expected[a]);
      g_assert_cmpint (rifq_action_roles (a), ==, expected[a]);
    }
  g_assert_cmpint (rifq_permission_roles (RIFQ_PERMISSION_SERVE_BEYOND_APPROVAL), ==, ADMIN);
}

/* Every action of the table has its code, its label and at least one role; the codes differ. */
static void
test_table_whole (void)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (RifqPermission p = 0; p < RIFQ_N_PERMISSIONS; p++)
    {
      g_assert_nonnull (rifq_permission_code (p));
      g_assert_cmpstr (rifq_permission_label (p), !=, "");
      g_assert_cmpint (rifq_permission_roles (p), !=, RIFQ_ROLE_NONE);
      g_assert_true (g_hash_table_add (codes, (gpointer) rifq_permission_code (p)));
      /* A board member reads dashboards and reports; no record's action is theirs. */
      g_assert_false (rifq_permission_allows (p, BOARD));
    }
  for (RifqAction a = 0; a < RIFQ_N_ACTIONS; a++)
    g_assert_cmpstr (rifq_permission_code (rifq_permission_for_step (a)), ==, rifq_action_code (a));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keys = g_dir_make_tmp ("rifq-permission-keys-XXXXXX", NULL);

  rifq_test_init (&argc, &argv);
  /* A seal key rotated here stays in this test's own key folder. */
  g_setenv ("RIFQ_KEY_DIR", keys, TRUE);

  g_test_add_func ("/permission/table/every-action-has-roles-and-a-code", test_table_whole);
  g_test_add_func ("/permission/table/steps-for-the-roles-the-policy-names", test_steps_for_the_roles_the_policy_names);
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    for (guint p = 0; p < G_N_ELEMENTS (people); p++)
      {
        gboolean allowed = (cells[c].expected & people[p].roles) != 0;
        g_autofree char *path = g_strdup_printf ("/permission/%s/%s-%s",
                                                 cells[c].how != NULL ? cells[c].how
                                                                      : rifq_permission_code (cells[c].permission),
                                                 allowed ? "allowed-to" : "refused-to", people[p].username);

        g_test_add (path, Fixture, GUINT_TO_POINTER (c * G_N_ELEMENTS (people) + p),
                    fixture_set_up, test_cell, fixture_tear_down);
      }
  g_test_add ("/permission/read-referred/researcher-told-nothing-of-the-rest", Fixture, NULL,
              fixture_set_up, test_researcher_told_nothing_of_the_rest, fixture_tear_down);
  g_test_add ("/permission/refusal/names-the-action-and-the-roles-held", Fixture, NULL,
              fixture_set_up, test_refusal_names_action_and_roles, fixture_tear_down);
  g_test_add ("/permission/check/unreadable-staff-refuses-without-blaming-the-role", Fixture, NULL,
              fixture_set_up, test_unreadable_roles_not_taken_for_none, fixture_tear_down);
  g_test_add ("/permission/first-staff/emptied-staff-makes-nobody-administrator", Fixture, NULL,
              fixture_set_up, test_emptied_staff_makes_nobody_administrator, fixture_tear_down);
  g_test_add ("/permission/first-staff/staff-and-their-trail-deleted-makes-nobody-administrator", Fixture, NULL,
              fixture_set_up, test_staff_and_their_trail_deleted_makes_nobody_administrator, fixture_tear_down);
  g_test_add ("/permission/seal-key/deleted-keys-not-remade-by-anyone", Fixture, NULL,
              fixture_set_up, test_deleted_seal_keys_not_remade_by_anyone, fixture_tear_down);
  g_test_add_func ("/permission/first-staff/new-database-first-opener-is-administrator",
                   test_new_database_first_opener_is_administrator);

  return g_test_run ();
}
