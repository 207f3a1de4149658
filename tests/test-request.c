/* test-request.c: the support request's seven steps, their rules and their records
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "rifq-seal.h"
#include "rifq-beneficiary-store.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-settings.h"
#include "rifq-signature.h"
#include "rifq-staff.h"
#include "rifq-test-request.h"
#include "rifq-test-scan.h"
#include "rifq-test-util.h"
#include "rifq-validate.h"

#define TODAY "2026-11-26"  /* 16 Jumada al-Akhirah 1448 */

typedef struct
{
  RifqDb *db;
  gint64  beneficiary_id;
} Fixture;

/* The procedure as the policy states it, written out here independently of the code's table. */
static const struct
{
  const char *action;
  const char *from;
  const char *to;
} expected_steps[] = {
  { "collect",    "draft",         "incomplete" },
  { "refer",      "incomplete",    "referred" },
  { "answer",     "referred",      "incomplete" },
  { "verify",     "incomplete",    "ready_to_sign" },
  { "reopen",     "ready_to_sign", "incomplete" },
  { "submit",     "ready_to_sign", "submitted" },
  { "review",     "submitted",     "under_review" },
  { "accept",     "under_review",  "accepted" },
  { "reject",     "under_review",  "rejected" },
  { "defer",      "under_review",  "deferred" },
  { "reconsider", "deferred",      "under_review" },
  { "register",   "accepted",      "registered" },
  { "serve",      "registered",    "served" },
  { "serve",      "served",        "served" },
  { "close",      "served",        "closed" },
  { "close",      "rejected",      "closed" },
  { "withdraw",   "draft",         "closed" },
  { "withdraw",   "incomplete",    "closed" },
  { "withdraw",   "referred",      "closed" },
  { "withdraw",   "ready_to_sign", "closed" },
};

static void
act_as (Fixture    *f,
        const char *user)
{
  rifq_db_set_actor (f->db, user);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");

  f->db = rifq_test_db_new (NULL);
  rifq_test_set_today (f->db, TODAY);
  act_as (f, "admin");
  g_assert_true (rifq_staff_ensure_first (f->db, &error));
  g_assert_true (rifq_seal_ensure_key (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_staff_save (f->db, "desk", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
  g_assert_true (rifq_staff_save (f->db, "researcher", "سلمان الشهري", RIFQ_ROLE_RESEARCHER, &error));
  g_assert_true (rifq_staff_save (f->db, "chair", "خالد الدوسري", RIFQ_ROLE_CHAIR, &error));
  g_assert_true (rifq_staff_save (f->db, "member", "هند الزهراني", RIFQ_ROLE_COMMITTEE, &error));
  g_assert_true (rifq_staff_save (f->db, "board", "فهد الحربي", RIFQ_ROLE_BOARD, &error));
  g_assert_no_error (error);

  g_assert_true (rifq_beneficiary_store_add (f->db, b, NULL, NULL, &error));
  g_assert_no_error (error);
  f->beneficiary_id = rifq_beneficiary_get_id (b);
  act_as (f, "desk");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static char *
test_signature_json (void)
{
  g_autoptr(RifqSignature) s = rifq_signature_new (400, 200);

  rifq_signature_begin_stroke (s);
  rifq_signature_add_point (s, 40, 120, 0.4);
  rifq_signature_add_point (s, 80, 90, 0.6);
  rifq_signature_add_point (s, 130, 110, 0.8);
  rifq_signature_begin_stroke (s);
  rifq_signature_add_point (s, 150, 100, 0.5);
  rifq_signature_add_point (s, 210, 80, 0.7);
  return rifq_signature_to_json (s);
}

static gint64
create (Fixture    *f,
        const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqRequestDraft draft = { f->beneficiary_id, kind, "interview", "يحتاج سلة غذائية شهرية", -1, NULL };

  act_as (f, "desk");
  r = rifq_request_store_create (f->db, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_DRAFT);
  return r->id;
}

static void
enter_document (Fixture    *f,
                gint64      id,
                const char *type,
                const char *expires)
{
  g_autoptr(GError) error = NULL;
  RifqDocument doc = { 0 };

  doc.type = (char *) type;
  doc.number = (char *) "1234567";
  doc.issued_on = (char *) "2020-01-01";
  doc.expires_on = (char *) expires;
  doc.matched = TRUE;
  act_as (f, "desk");
  g_assert_true (rifq_request_store_save_document (f->db, id, &doc, &error));
  g_assert_no_error (error);
}

static void
enter_all_documents (Fixture    *f,
                     gint64      id,
                     const char *expires)
{
  g_autoptr(RifqRequest) r = rifq_request_store_get (f->db, id, NULL);

  for (guint i = 0; i < r->documents->len; i++)
    {
      RifqDocument *doc = g_ptr_array_index (r->documents, i);

      enter_document (f, id, doc->type, doc->has_expiry ? expires : NULL);
    }
}

static void
sign (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *strokes = test_signature_json ();
  RifqSigning signing = { strokes, "applicant", NULL, NULL, "signature", "نورة العتيبي" };

  act_as (f, "desk");
  g_assert_true (rifq_request_store_sign (f->db, id, &signing, &error));
  g_assert_no_error (error);
}

/* As the administrator reads it, whoever acted last. */
static RifqRequestState
state_of (Fixture *f,
          gint64   id)
{
  g_autofree char *actor = g_strdup (rifq_db_get_actor (f->db));
  g_autoptr(RifqRequest) r = NULL;

  rifq_db_set_actor (f->db, "admin");
  r = rifq_request_store_get (f->db, id, NULL);
  rifq_db_set_actor (f->db, actor);
  g_assert_nonnull (r);
  return r->state;
}

/* Who takes each step in these tests: someone who holds the role the policy gives it. */
static const char *
user_for (RifqAction action)
{
  RifqRole roles = rifq_action_roles (action);

  if (roles & RIFQ_ROLE_DESK)
    return "desk";
  if (roles & RIFQ_ROLE_RESEARCHER)
    return "researcher";
  if (roles & RIFQ_ROLE_CHAIR)
    return "chair";
  return "member";
}

static gboolean
take_step (Fixture     *f,
           gint64       id,
           RifqAction   action,
           const char  *as,
           GError     **error)
{
  RifqService service = { 0, NULL, 1, -1, (char *) TODAY, (char *) "نورة العتيبي", (char *) "home", NULL, NULL };
  RifqStepDetails details = { 0 };

  details.text = "سبب أو سؤال مكتوب";
  details.service = &service;
  act_as (f, as ? as : user_for (action));
  return rifq_request_store_advance (f->db, id, action, &details, error);
}

static void
step (Fixture    *f,
      gint64      id,
      RifqAction  action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (take_step (f, id, action, NULL, &error));
  g_assert_no_error (error);
}

/* The research committee decides at a meeting of today: the chair and the member, both present,
 * vote for it, and the chair records it. An acceptance approves amount (-1: the amount asked
 * for) and quantity (0: one). */
static void
decide (Fixture    *f,
        gint64      id,
        const char *decision,
        gint64      amount,
        gint64      quantity)
{
  const char *committee[] = { "chair", "member" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;

  act_as (f, "chair");
  meeting = rifq_committee_meeting_create (f->db, TODAY, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (committee); i++)
    g_assert_true (rifq_committee_set_present (f->db, meeting->id, committee[i], TRUE, &error));
  g_assert_true (rifq_committee_add_to_agenda (f->db, meeting->id, id, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (committee); i++)
    {
      act_as (f, committee[i]);
      g_assert_true (rifq_committee_vote (f->db, meeting->id, id, decision, amount, NULL, &error));
      g_assert_no_error (error);
    }
  act_as (f, "chair");
  g_assert_true (rifq_committee_decide_full (f->db, meeting->id, id, decision, amount, quantity, "سبب القرار",
                                             &error));
  g_assert_no_error (error);
}

/* A request brought to the given state the way the procedure does it. */
static gint64
reach (Fixture          *f,
       RifqRequestState  state)
{
  gint64 id = create (f, "food_basket");

  switch (state)
    {
    case RIFQ_REQUEST_DRAFT:
      return id;
    case RIFQ_REQUEST_INCOMPLETE:
      step (f, id, RIFQ_ACTION_COLLECT);
      enter_all_documents (f, id, "2027-06-01");
      return id;
    case RIFQ_REQUEST_REFERRED:
      step (f, id, RIFQ_ACTION_COLLECT);
      enter_all_documents (f, id, "2027-06-01");
      step (f, id, RIFQ_ACTION_REFER);
      return id;
    default:
      break;
    }

  step (f, id, RIFQ_ACTION_COLLECT);
  enter_all_documents (f, id, "2027-06-01");
  step (f, id, RIFQ_ACTION_VERIFY);
  sign (f, id);
  if (state == RIFQ_REQUEST_READY_TO_SIGN)
    return id;
  step (f, id, RIFQ_ACTION_SUBMIT);
  if (state == RIFQ_REQUEST_SUBMITTED)
    return id;
  step (f, id, RIFQ_ACTION_REVIEW);
  switch (state)
    {
    case RIFQ_REQUEST_UNDER_REVIEW:
      return id;
    case RIFQ_REQUEST_REJECTED:
      decide (f, id, "reject", -1, 0);
      return id;
    case RIFQ_REQUEST_DEFERRED:
      decide (f, id, "defer", -1, 0);
      return id;
    default:
      break;
    }
  /* A food basket a month for a year. */
  decide (f, id, "accept", -1, 12);
  if (state == RIFQ_REQUEST_ACCEPTED)
    return id;
  step (f, id, RIFQ_ACTION_REGISTER);
  if (state == RIFQ_REQUEST_REGISTERED)
    return id;
  step (f, id, RIFQ_ACTION_SERVE);
  if (state == RIFQ_REQUEST_SERVED)
    return id;
  step (f, id, RIFQ_ACTION_CLOSE);
  g_assert_cmpint (state, ==, RIFQ_REQUEST_CLOSED);
  return id;
}

static const char *
expected_target (const char *action,
                 const char *from)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_steps); i++)
    if (g_str_equal (expected_steps[i].action, action) && g_str_equal (expected_steps[i].from, from))
      return expected_steps[i].to;
  return NULL;
}

static void
test_every_allowed_step (Fixture       *f,
                         gconstpointer  data)
{
  guint taken = 0;

  for (guint s = 0; s < RIFQ_REQUEST_N_STATES; s++)
    for (guint a = 0; a < RIFQ_N_ACTIONS; a++)
      {
        const char *to = expected_target (rifq_action_code (a), rifq_request_state_code (s));
        g_autoptr(GError) error = NULL;
        gint64 id;

        if (to == NULL)
          continue;
        id = reach (f, s);
        /* A decision is taken at a meeting, never as a step on its own. */
        if (rifq_action_is_decision (a))
          decide (f, id, rifq_action_code (a), -1, 0);
        else
          g_assert_true (take_step (f, id, a, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (rifq_request_state_code (state_of (f, id)), ==, to);
        taken++;
      }
  g_assert_cmpuint (taken, ==, G_N_ELEMENTS (expected_steps));
}

static gboolean
ever_referred (Fixture *f,
               gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM referral WHERE request_id = %" G_GINT64_FORMAT, id);

  return rifq_test_count (f->db, sql) > 0;
}

static char *
decision_refused (RifqAction action)
{
  return g_strdup_printf ("“%s” is the research committee’s decision, taken only at a meeting: the chair puts the "
                          "request on a meeting’s agenda, the members present vote, and the chair records the "
                          "decision the votes give, with its reasons (Research Committee page, or rifq-admin "
                          "committee decide).", rifq_action_label (action));
}

static void
test_every_forbidden_step (Fixture       *f,
                           gconstpointer  data)
{
  for (guint s = 0; s < RIFQ_REQUEST_N_STATES; s++)
    {
      gint64 id = reach (f, s);

      for (guint a = 0; a < RIFQ_N_ACTIONS; a++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *expected = NULL;
          gint64 audit_before = rifq_test_count (f->db, "SELECT count(*) FROM audit");

          if (expected_target (rifq_action_code (a), rifq_request_state_code (s)) != NULL)
            continue;
          /* The researcher reads, and so answers, only a request referred to social research:
           * one never referred is refused for that (and the refusal kept), whatever its state. */
          if (a == RIFQ_ACTION_ANSWER && !ever_referred (f, id))
            {
              g_assert_false (take_step (f, id, a, NULL, &error));
              g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
              g_assert_nonnull (strstr (error->message, "reads only the requests referred to social research"));
              g_assert_cmpint (state_of (f, id), ==, s);
              g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before + 1);
              g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE id = (SELECT max (id)"
                                                       " FROM audit) AND action = 'refuse'"), ==, 1);
              continue;
            }
          g_assert_false (take_step (f, id, a, NULL, &error));
          g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
          expected = rifq_action_is_decision (a)
                     ? decision_refused (a)
                     : g_strdup_printf ("A request that is “%s” cannot take the step “%s”.",
                                        rifq_request_state_label (s), rifq_action_label (a));
          g_assert_cmpstr (error->message, ==, expected);
          g_assert_cmpint (state_of (f, id), ==, s);
          g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);
        }
    }
}

static void
test_refused_for_wrong_role (Fixture       *f,
                             gconstpointer  data)
{
  const char *everyone[] = { "desk", "researcher", "chair", "member", "board", "admin" };

  for (guint s = 0; s < RIFQ_REQUEST_N_STATES; s++)
    for (guint a = 0; a < RIFQ_N_ACTIONS; a++)
      {
        gint64 id;

        /* Decisions are refused to everyone outside a meeting (below). */
        if (expected_target (rifq_action_code (a), rifq_request_state_code (s)) == NULL || rifq_action_is_decision (a))
          continue;
        id = reach (f, s);
        for (guint u = 0; u < G_N_ELEMENTS (everyone); u++)
          {
            g_autoptr(RifqStaff) who = rifq_staff_get (f->db, everyone[u], NULL);
            g_autoptr(GError) error = NULL;

            g_autofree char *refusals = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'refuse'"
                                                         " AND record_kind = 'permission' AND actor = '%s'",
                                                         everyone[u]);
            gint64 refused_before;

            if (who->roles & rifq_action_roles (a))
              continue;
            refused_before = rifq_test_count (f->db, refusals);
            g_assert_false (take_step (f, id, a, everyone[u], &error));
            /* Refused for the role, whatever the state, naming the person and the step. */
            g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
            g_assert_true (g_str_has_prefix (error->message, everyone[u]));
            g_assert_nonnull (strstr (error->message, rifq_permission_label (rifq_permission_for_step (a))));
            g_assert_cmpint (state_of (f, id), ==, s);
            /* And kept in the audit log, though nothing else was written. */
            g_assert_cmpint (rifq_test_count (f->db, refusals), ==, refused_before + 1);
          }
      }
}

/* Under review, not even the chair accepts, rejects or defers a request outside a meeting. */
static void
test_decision_refused_outside_a_meeting (Fixture       *f,
                                         gconstpointer  data)
{
  const RifqAction decisions[] = { RIFQ_ACTION_ACCEPT, RIFQ_ACTION_REJECT, RIFQ_ACTION_DEFER };
  const char *everyone[] = { "chair", "member", "desk", "admin" };
  gint64 id = reach (f, RIFQ_REQUEST_UNDER_REVIEW);
  const char *written = "SELECT count(*) FROM audit WHERE action <> 'refuse'";
  gint64 audit_before = rifq_test_count (f->db, written);

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    for (guint u = 0; u < G_N_ELEMENTS (everyone); u++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *expected = decision_refused (decisions[i]);

        g_assert_false (take_step (f, id, decisions[i], everyone[u], &error));
        /* The chair is told where decisions are taken; the others that the step is not theirs. */
        if (g_str_equal (everyone[u], "chair"))
          {
            g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
            g_assert_cmpstr (error->message, ==, expected);
          }
        else
          g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
      }
  g_assert_cmpint (state_of (f, id), ==, RIFQ_REQUEST_UNDER_REVIEW);
  g_assert_cmpint (rifq_test_count (f->db, written), ==, audit_before);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM request WHERE decided_at IS NOT NULL"), ==, 0);
}

static void
test_step_writes_audit_row (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = create (f, "food_basket");
  gint64 before = rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'collect'");

  step (f, id, RIFQ_ACTION_COLLECT);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'collect'"
                                           " AND actor = 'desk' AND record_kind = 'request'"), ==, before + 1);
  g_assert_true (rifq_db_verify_audit (f->db, NULL, NULL));
}

static void
test_numbers_per_hijri_year (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RifqRequest) first = NULL;
  g_autoptr(RifqRequest) second = NULL;
  g_autoptr(RifqRequest) next_year = NULL;
  g_autoptr(RifqRequest) formatted = NULL;
  gint64 id;

  first = rifq_request_store_get (f->db, create (f, "food_basket"), NULL);
  second = rifq_request_store_get (f->db, create (f, "food_basket"), NULL);
  g_assert_cmpstr (first->number, ==, "1448/000001");
  g_assert_cmpstr (second->number, ==, "1448/000002");

  /* 1 Muharram 1449 is 2027-06-06 in the Umm al-Qura table: numbering starts again. */
  rifq_test_set_today (f->db, "2027-06-06");
  next_year = rifq_request_store_get (f->db, create (f, "food_basket"), NULL);
  g_assert_cmpstr (next_year->number, ==, "1449/000001");

  rifq_test_sql (f->db, "UPDATE settings SET value = 'ط-{year}-{seq:4}' WHERE key = 'request_number_format'");
  id = create (f, "food_basket");
  formatted = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpstr (formatted->number, ==, "ط-1449-0002");
}

static void
set_setting (Fixture    *f,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  act_as (f, "admin");
  g_assert_true (rifq_settings_save (f->db, key, value, &error));
  g_assert_no_error (error);
}

static void
test_short_number_after_format_change (Fixture       *f,
                                       gconstpointer  data)
{
  const char *typed[] = { "1448/2", "١٤٤٨/٢", "۱۴۴۸/۲", "1448/000002" };
  gint64 second;
  gint64 third;

  create (f, "food_basket");
  second = create (f, "food_basket");
  set_setting (f, "request_number_format", "ط-{year}-{seq:4}");
  third = create (f, "food_basket");

  /* Numbered before and after the change, each is found short and by its own number. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RifqRequest) r = rifq_request_store_get_by_number (f->db, typed[i], &error);
      g_autoptr(GPtrArray) found = rifq_request_store_lookup (f->db, typed[i], 5, &error);

      g_assert_no_error (error);
      g_assert_cmpint (r->id, ==, second);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpint (((RifqRequest *) g_ptr_array_index (found, 0))->id, ==, second);
    }
  {
    g_autoptr(RifqRequest) by_short = rifq_request_store_get_by_number (f->db, "1448/3", NULL);
    g_autoptr(RifqRequest) by_number = rifq_request_store_get_by_number (f->db, "ط-1448-0003", NULL);

    g_assert_cmpint (by_short->id, ==, third);
    g_assert_cmpint (by_number->id, ==, third);
    g_assert_cmpstr (by_number->number, ==, "ط-1448-0003");
  }
}

/* Two workstations */

#define N_AT_EACH_DESK 20

typedef struct
{
  const char *location;
  gint64      beneficiary_id;
  GPtrArray  *numbers;
} Desk;

/* One workstation: its own connection, creating requests as fast as it can. */
static gpointer
desk_creates_requests (gpointer data)
{
  Desk *desk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_open (desk->location, &error);
  RifqRequestDraft draft = { desk->beneficiary_id, "food_basket", "interview", "سلة غذائية", -1, NULL };

  g_assert_no_error (error);
  rifq_test_set_today (db, TODAY);
  rifq_db_set_actor (db, "desk");
  for (guint i = 0; i < N_AT_EACH_DESK; i++)
    {
      g_autoptr(RifqRequest) r = rifq_request_store_create (db, &draft, &error);

      g_assert_no_error (error);
      g_ptr_array_add (desk->numbers, g_strdup (r->number));
    }
  return NULL;
}

/* One workstation registering applicants: nothing shared with the other but the audit log. */
static gpointer
desk_registers_beneficiaries (gpointer data)
{
  Desk *desk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_open (desk->location, &error);
  static const char * const names[] = { "محمد", "فهد", "سعد", "خالد", "ناصر", "عمر", "علي", "صالح", "حمد", "بدر" };

  g_assert_no_error (error);
  rifq_db_set_actor (db, "desk");
  for (guint i = 0; i < N_AT_EACH_DESK; i++)
    {
      /* A national ID of its own: desk, then number, then the Luhn digit that makes it valid. */
      g_autofree char *stem = g_strdup_printf ("1%d%07u", (int) desk->beneficiary_id, i);
      g_autofree char *mobile = g_strdup_printf ("05%d%07u", (int) desk->beneficiary_id, i);
      g_autofree char *national_id = NULL;
      g_autoptr(RifqBeneficiary) b = NULL;

      for (int digit = 0; digit <= 9 && national_id == NULL; digit++)
        {
          g_autofree char *candidate = g_strdup_printf ("%s%d", stem, digit);

          if (rifq_luhn_valid (candidate))
            national_id = g_steal_pointer (&candidate);
        }
      b = rifq_test_beneficiary (national_id, names[i % G_N_ELEMENTS (names)], desk->beneficiary_id ? "الشهري" : "العتيبي",
                                 mobile);
      {
        g_autofree char *born = g_strdup_printf ("19%d-01-%02u", 40 + (int) desk->beneficiary_id, 1 + i);

        rifq_beneficiary_set (b, RIFQ_FIELD_BIRTH_DATE, born);
      }
      rifq_beneficiary_store_add (db, b, NULL, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (desk->numbers, g_strdup (national_id));
    }
  return NULL;
}

/* Two workstations registering at the same moment, their writes sharing no row but the log's:
 * every applicant is kept, and the audit log stays one unbroken chain. */
static void
test_two_desks_register_one_audit_chain (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(GError) error = NULL;
  Desk desks[2] = { { location, 0, NULL }, { location, 1, NULL } };
  GThread *threads[2];
  gint64 rows = 0;

  rifq_test_act_as (db, "desk", RIFQ_ROLE_DESK);
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      desks[i].numbers = g_ptr_array_new_with_free_func (g_free);
      threads[i] = g_thread_new ("desk", desk_registers_beneficiaries, &desks[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      g_thread_join (threads[i]);
      g_ptr_array_unref (desks[i].numbers);
    }

  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 2 * N_AT_EACH_DESK);
  g_assert_true (rifq_db_verify_audit (db, &rows, &error));
  g_assert_no_error (error);
  /* Theirs, and the staff entries that set the database up. */
  g_assert_cmpint (rows, ==, 2 * N_AT_EACH_DESK + rifq_test_count (db, "SELECT count(*) FROM audit WHERE record_kind = 'staff'"));
}

/* Two workstations creating requests at the same moment, each through its own connection: every
 * number is given once, none is skipped, and the audit log stays one unbroken chain. */
static void
test_two_desks_number_requests_gap_free (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  Desk desks[2];
  GThread *threads[2];
  gint64 rows = 0;

  rifq_test_staff (db);
  rifq_test_set_today (db, TODAY);
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      desks[i].location = location;
      desks[i].beneficiary_id = rifq_test_add_beneficiary (db, i == 0 ? RIFQ_TEST_ID_1 : RIFQ_TEST_ID_2,
                                                           i == 0 ? "محمد" : "فهد",
                                                           i == 0 ? "0501234567" : "0507654321");
      desks[i].numbers = g_ptr_array_new_with_free_func (g_free);
    }
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    threads[i] = g_thread_new ("desk", desk_creates_requests, &desks[i]);
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      for (guint j = 0; j < desks[i].numbers->len; j++)
        g_assert_true (g_hash_table_add (given, g_ptr_array_index (desks[i].numbers, j)));
    }
  g_assert_cmpuint (g_hash_table_size (given), ==, 2 * N_AT_EACH_DESK);
  for (guint n = 1; n <= 2 * N_AT_EACH_DESK; n++)
    {
      g_autofree char *number = g_strdup_printf ("1448/%06u", n);

      g_assert_true (g_hash_table_contains (given, number));
    }
  g_assert_true (rifq_db_verify_audit (db, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, rifq_test_count (db, "SELECT count(*) FROM audit"));
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    g_ptr_array_unref (desks[i].numbers);
}

#define N_AT_EACH_PROCESS 200

/* A workstation of its own, in a process of its own, for the test below: run as
 * "test-request --desk LOCATION BENEFICIARY-ID COUNT", it creates COUNT requests and prints the
 * number each was given, one a line. */
static int
desk_process (char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  RifqRequestDraft draft = { g_ascii_strtoll (argv[3], NULL, 10), "food_basket", "interview", "سلة غذائية", -1, NULL };
  guint count = (guint) g_ascii_strtoull (argv[4], NULL, 10);

  setlocale (LC_ALL, "C.UTF-8");
  db = rifq_test_db_open (argv[2], &error);
  if (db == NULL)
    g_error ("the desk could not open %s: %s", argv[2], error->message);
  rifq_test_set_today (db, TODAY);
  rifq_db_set_actor (db, "desk");
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(RifqRequest) r = rifq_request_store_create (db, &draft, &error);

      if (r == NULL)
        g_error ("request %u of the desk was refused: %s", i + 1, error->message);
      g_print ("%s\n", r->number);
    }
  return 0;
}

/* Two workstations as two programs, each creating 200 requests as fast as it can: 400 numbers,
 * each given once, none skipped, and one unbroken audit chain. */
static void
test_two_processes_number_requests_gap_free (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *count = g_strdup_printf ("%d", N_AT_EACH_PROCESS);
  GSubprocess *desks[2];
  gint64 rows = 0;

  g_assert_nonnull (self);
  rifq_test_staff (db);
  rifq_test_set_today (db, TODAY);
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      gint64 id = rifq_test_add_beneficiary (db, i == 0 ? RIFQ_TEST_ID_1 : RIFQ_TEST_ID_2, i == 0 ? "محمد" : "فهد",
                                             i == 0 ? "0501234567" : "0507654321");
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      desks[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--desk", location, id_text, count,
                                   NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (desks[i], NULL, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_successful (desks[i]));
      lines = g_strsplit (g_strstrip (out), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, N_AT_EACH_PROCESS);
      for (guint j = 0; lines[j] != NULL; j++)
        g_assert_true (g_hash_table_add (given, g_strdup (lines[j])));
      g_object_unref (desks[i]);
    }
  for (guint n = 1; n <= 2 * N_AT_EACH_PROCESS; n++)
    {
      g_autofree char *number = g_strdup_printf ("1448/%06u", n);

      g_assert_true (g_hash_table_contains (given, number));
    }
  g_assert_true (rifq_db_verify_audit (db, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, rifq_test_count (db, "SELECT count(*) FROM audit"));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM request"), ==, 2 * N_AT_EACH_PROCESS);
}

/* A database of schema 4, its requests numbered year/sequence: the migration gives each request
 * its year and sequence, so that it is found short whatever the format becomes. */
static void
test_migration_keeps_sequence_of_old_requests (void)
{
  g_autofree char *path = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&path);
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(GError) error = NULL;
  RifqRequestDraft draft = { 0, "food_basket", "interview", "سلة غذائية", -1, NULL };

  rifq_test_staff (db);
  draft.beneficiary_id = rifq_test_add_beneficiary (db, RIFQ_TEST_ID_1, "محمد", "0501234567");
  rifq_test_set_today (db, TODAY);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&r, g_object_unref);
      r = rifq_request_store_create (db, &draft, &error);
      g_assert_no_error (error);
    }
  rifq_test_sql (db, "DROP INDEX request_sequence; ALTER TABLE request DROP COLUMN seq;"
                                 " ALTER TABLE request DROP COLUMN seq_year; ALTER TABLE beneficiary DROP COLUMN version;"
                                 " ALTER TABLE document DROP COLUMN version;");
  /* The server's count of writes (schema 12). */
  if (rifq_test_on_server ())
    rifq_test_sql (db, "DROP FUNCTION count_write () CASCADE; DROP FUNCTION held_write_count ();"
                       " DROP TABLE write_count;");
  rifq_test_undo_name_words (db);
  /* The consents and the accounts (schema 14 and 15). */
  rifq_test_undo_consent_and_accounts (db);
  rifq_test_set_schema_version (db, 7);
  g_clear_object (&db);

  db = rifq_test_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM request WHERE seq_year = 1448 AND seq = 2"
                                        " AND number = '1448/000002'"), ==, 1);
  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_settings_save (db, "request_number_format", "{year}-{seq:3}", &error));
  g_clear_pointer (&r, g_object_unref);
  r = rifq_request_store_get_by_number (db, "1448/2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r->number, ==, "1448/000002");

  /* The names registered before are found by their words (on the server, the word tables of
   * schema 13 were filled from them). */
  {
    g_autoptr(GPtrArray) found = rifq_beneficiary_store_search (db, "عبدالله", 50, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }
}

static void
test_stored_bad_format_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqRequestDraft draft = { f->beneficiary_id, "food_basket", "interview", "سلة غذائية", -1, NULL };

  /* Written before formats were checked when set: no request is numbered with it. */
  rifq_test_sql (f->db, "UPDATE settings SET value = '{year}/{seq:6' WHERE key = 'request_number_format'");
  r = rifq_request_store_create (f->db, &draft, &error);
  g_assert_null (r);
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "request_number_format"));
  g_assert_nonnull (strstr (error->message, "“{seq:6” is not closed"));
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM request"), ==, 0);
}

static void
test_create_logs_contact (Fixture       *f,
                          gconstpointer  data)
{
  create (f, "medicines");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM interaction WHERE channel = 'interview'"
                                           " AND kind = 'request' AND handled_by = 'desk'"), ==, 1);
}

static void
test_create_refuses_unknown_kind (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RifqRequestDraft draft = { f->beneficiary_id, "pony", "interview", "x", -1, NULL };

  g_assert_null (rifq_request_store_create (f->db, &draft, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Kind of support"));
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM request"), ==, 0);
}

static void
test_checklist_follows_kind (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RifqRequest) cash = rifq_request_store_get (f->db, create (f, "financial_aid"), NULL);
  g_autoptr(RifqRequest) food = rifq_request_store_get (f->db, create (f, "food_basket"), NULL);
  g_autoptr(RifqRequest) repair = rifq_request_store_get (f->db, create (f, "home_maintenance"), NULL);
  g_autoptr(RifqRequest) medical = rifq_request_store_get (f->db, create (f, "medical_devices"), NULL);
  const char *cash_types[] = { "national_id", "family_record", "income_proof", "iban_letter" };

  g_assert_cmpuint (cash->documents->len, ==, G_N_ELEMENTS (cash_types));
  for (guint i = 0; i < G_N_ELEMENTS (cash_types); i++)
    g_assert_cmpstr (((RifqDocument *) g_ptr_array_index (cash->documents, i))->type, ==, cash_types[i]);
  g_assert_cmpuint (food->documents->len, ==, 3);
  g_assert_cmpstr (((RifqDocument *) g_ptr_array_index (repair->documents, 3))->type, ==, "housing_proof");
  g_assert_cmpstr (((RifqDocument *) g_ptr_array_index (medical->documents, 3))->type, ==, "medical_report");
}

/* Validity at submission, on the boundary, typed in either calendar. */
static void
submit_with_expiry (Fixture     *f,
                    const char  *expiry_typed,
                    gboolean     expect_ok)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  gint64 id = create (f, "food_basket");
  gint64 audit_before;

  step (f, id, RIFQ_ACTION_COLLECT);
  rifq_test_set_today (f->db, "2026-11-01");
  enter_all_documents (f, id, "2030-01-01");
  enter_document (f, id, "national_id", expiry_typed);
  step (f, id, RIFQ_ACTION_VERIFY);
  sign (f, id);

  rifq_test_set_today (f->db, TODAY);
  audit_before = rifq_test_count (f->db, "SELECT count(*) FROM audit");
  if (expect_ok)
    {
      step (f, id, RIFQ_ACTION_SUBMIT);
      r = rifq_request_store_get (f->db, id, NULL);
      g_assert_cmpint (r->state, ==, RIFQ_REQUEST_SUBMITTED);
      g_assert_cmpstr (r->submitted_on, ==, TODAY);
      g_assert_nonnull (strstr (r->validity_json, "\"checked_on\":\"" TODAY "\""));
      g_assert_null (strstr (r->validity_json, "not_valid"));
      return;
    }
  g_assert_false (take_step (f, id, RIFQ_ACTION_SUBMIT, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "National ID / iqama expired on"));
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_READY_TO_SIGN);
  g_assert_null (r->validity_json);
  g_assert_null (r->submitted_on);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);
}

static void
test_valid_expiring_on_submission_day (Fixture *f, gconstpointer d) { submit_with_expiry (f, "2026-11-26", TRUE); }
static void
test_refused_expired_day_before (Fixture *f, gconstpointer d) { submit_with_expiry (f, "25/11/2026", FALSE); }
static void
test_valid_expiring_day_after (Fixture *f, gconstpointer d) { submit_with_expiry (f, "2026-11-27م", TRUE); }
static void
test_hijri_valid_expiring_on_submission_day (Fixture *f, gconstpointer d) { submit_with_expiry (f, "1448/06/16 هـ", TRUE); }
static void
test_hijri_refused_expired_day_before (Fixture *f, gconstpointer d) { submit_with_expiry (f, "١٤٤٨/٠٦/١٥", FALSE); }
static void
test_hijri_valid_expiring_day_after (Fixture *f, gconstpointer d) { submit_with_expiry (f, "17-6-1448", TRUE); }

static void
test_verify_refused_when_document_missing (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = create (f, "financial_aid");

  step (f, id, RIFQ_ACTION_COLLECT);
  enter_document (f, id, "national_id", "2030-01-01");
  enter_document (f, id, "family_record", NULL);
  enter_document (f, id, "income_proof", "2030-01-01");
  g_assert_false (take_step (f, id, RIFQ_ACTION_VERIFY, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
  g_assert_cmpstr (error->message, ==, "The documents are not complete and valid: IBAN letter is missing.");
  g_assert_cmpint (state_of (f, id), ==, RIFQ_REQUEST_INCOMPLETE);
}

static void
test_verify_refused_when_not_matched (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RifqDocument doc = { .type = (char *) "family_record", .number = (char *) "99" };
  gint64 id = create (f, "food_basket");

  step (f, id, RIFQ_ACTION_COLLECT);
  enter_all_documents (f, id, "2030-01-01");
  g_assert_true (rifq_request_store_save_document (f->db, id, &doc, &error));
  g_assert_false (take_step (f, id, RIFQ_ACTION_VERIFY, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Family record is not matched against the original"));
}

static void
test_document_refuses_bad_dates (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 id = create (f, "food_basket");
  RifqDocument doc = { .type = (char *) "national_id", .number = (char *) "1000000008" };
  g_autoptr(GError) error = NULL;

  g_assert_false (rifq_request_store_save_document (f->db, id, &doc, &error));
  g_assert_cmpstr (error->message, ==, "National ID / iqama: enter the expiry date.");
  g_clear_error (&error);

  doc.issued_on = (char *) "2025-01-01";
  doc.expires_on = (char *) "2024-01-01";
  g_assert_false (rifq_request_store_save_document (f->db, id, &doc, &error));
  g_assert_cmpstr (error->message, ==, "National ID / iqama: the expiry date comes before the issue date.");
  g_clear_error (&error);

  doc.expires_on = (char *) "31/02/2030";
  g_assert_false (rifq_request_store_save_document (f->db, id, &doc, &error));
  g_assert_true (g_str_has_prefix (error->message, "National ID / iqama, expiry date: "));
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM document"), ==, 0);
}

/* The version the form that saves it was filled from: the document as a request read then shows
 * it, or none. */
static gint64
version_shown (const RifqRequest *r,
               const char        *type)
{
  for (guint i = 0; i < r->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);

      if (g_str_equal (doc->type, type) && doc->id != 0)
        return doc->version;
    }
  return RIFQ_DOCUMENT_NOT_ENTERED;
}

static char *
document_number (Fixture    *f,
                 gint64      id,
                 const char *type)
{
  g_autoptr(RifqRequest) r = rifq_request_store_get (f->db, id, NULL);

  for (guint i = 0; i < r->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (r->documents, i);

      if (g_str_equal (doc->type, type))
        return g_strdup (doc->number);
    }
  return NULL;
}

/* Two officers at two workstations enter the same document of one request, each from what their
 * screen showed: the second is refused, naming the first and when, nothing of theirs written;
 * read again, their entry goes over the first. The same for a document both saw entered. */
static void
test_document_entered_at_two_desks_second_refused (Fixture       *f,
                                                   gconstpointer  data)
{
  gint64 id = create (f, "food_basket");
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(RifqRequest) seen_here = NULL;
  g_autoptr(RifqRequest) seen_there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  RifqDocument here = { .type = (char *) "family_record", .number = (char *) "1111" };
  RifqDocument mine = { .type = (char *) "family_record", .number = (char *) "2222" };

  step (f, id, RIFQ_ACTION_COLLECT);
  act_as (f, "admin");
  g_assert_true (rifq_staff_save (f->db, "desk2", "سعاد القحطاني", RIFQ_ROLE_DESK, &error));
  act_as (f, "desk");
  there = rifq_test_db_open (rifq_db_get_path (f->db), &error);
  g_assert_no_error (error);
  rifq_test_set_today (there, TODAY);
  rifq_db_set_actor (there, "desk2");

  /* Both screens show no family record yet. */
  seen_here = rifq_request_store_get (f->db, id, &error);
  seen_there = rifq_request_store_get (there, id, &error);
  g_assert_no_error (error);
  here.version = version_shown (seen_here, "family_record");
  mine.version = version_shown (seen_there, "family_record");
  g_assert_cmpint (mine.version, ==, RIFQ_DOCUMENT_NOT_ENTERED);

  g_assert_true (rifq_request_store_save_document (f->db, id, &here, &error));
  g_assert_no_error (error);
  g_assert_false (rifq_request_store_save_document (there, id, &mine, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "نورة العتيبي saved the document “Family record”"));
  g_clear_error (&error);
  number = document_number (f, id, "family_record");
  g_assert_cmpstr (number, ==, "1111");
  g_clear_pointer (&number, g_free);

  /* Read again: their entry now goes over the first. */
  g_clear_object (&seen_there);
  seen_there = rifq_request_store_get (there, id, &error);
  mine.version = version_shown (seen_there, "family_record");
  g_assert_cmpint (mine.version, ==, 1);
  g_assert_true (rifq_request_store_save_document (there, id, &mine, &error));
  g_assert_no_error (error);
  number = document_number (f, id, "family_record");
  g_assert_cmpstr (number, ==, "2222");
  g_clear_pointer (&number, g_free);

  /* Both saw version 2; this desk saves first, the other is refused. */
  here.version = 2;
  mine.version = 2;
  here.number = (char *) "3333";
  g_assert_true (rifq_request_store_save_document (f->db, id, &here, &error));
  g_assert_false (rifq_request_store_save_document (there, id, &mine, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT);
  number = document_number (f, id, "family_record");
  g_assert_cmpstr (number, ==, "3333");
}

static void
test_documents_frozen_after_confirmation (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = reach (f, RIFQ_REQUEST_READY_TO_SIGN);
  RifqDocument doc = { .type = (char *) "family_record", .number = (char *) "77", .matched = TRUE };

  g_assert_false (rifq_request_store_save_document (f->db, id, &doc, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
}

static void
test_submit_refused_without_signature (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = create (f, "food_basket");

  step (f, id, RIFQ_ACTION_COLLECT);
  enter_all_documents (f, id, "2030-01-01");
  step (f, id, RIFQ_ACTION_VERIFY);
  g_assert_false (take_step (f, id, RIFQ_ACTION_SUBMIT, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE);
  g_assert_cmpstr (error->message, ==, "The applicant has not signed the declaration.");
  g_assert_cmpint (state_of (f, id), ==, RIFQ_REQUEST_READY_TO_SIGN);
}

static void
test_reopen_sets_signature_aside (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RifqRequest) r = NULL;
  gint64 id = reach (f, RIFQ_REQUEST_READY_TO_SIGN);

  step (f, id, RIFQ_ACTION_REOPEN);
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_null (r->signature_json);
  g_assert_null (r->signed_at);
}

static void
test_signature_kept_unchanged (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *strokes = test_signature_json ();
  g_autoptr(RifqRequest) r = NULL;
  gint64 id = reach (f, RIFQ_REQUEST_READY_TO_SIGN);

  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpstr (r->signature_json, ==, strokes);
  g_assert_cmpstr (r->signer, ==, "applicant");
  g_assert_cmpstr (r->officer_name, ==, "نورة العتيبي");
  g_assert_cmpstr (r->signed_by, ==, "desk");
  g_assert_nonnull (strstr (r->declaration, "أُقرّ"));
}

static void
test_sign_refuses_incomplete_signing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *strokes = test_signature_json ();
  g_autoptr(RifqSignature) blank = rifq_signature_new (400, 200);
  g_autofree char *empty = rifq_signature_to_json (blank);
  gint64 id = create (f, "food_basket");
  struct
  {
    RifqSigning  signing;
    const char  *message;
  } cases[] = {
    { { empty, "applicant", NULL, NULL, "signature", "نورة العتيبي" },
      "The applicant has not signed the declaration." },
    { { strokes, "caregiver", "سارة", NULL, "signature", "نورة العتيبي" },
      "Signed by a caregiver: enter their name and their relation to the applicant." },
    { { strokes, "applicant", NULL, NULL, "signature", "" },
      "Officer’s confirmation: type your name to confirm you received the signature." },
    { { strokes, "applicant", NULL, NULL, "signature", "سلمان الشهري" },
      "Officer’s confirmation: the name typed is not yours (نورة العتيبي)." },
  };

  step (f, id, RIFQ_ACTION_COLLECT);
  enter_all_documents (f, id, "2030-01-01");
  step (f, id, RIFQ_ACTION_VERIFY);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RifqRequest) r = NULL;

      g_assert_false (rifq_request_store_sign (f->db, id, &cases[i].signing, &error));
      g_assert_cmpstr (error->message, ==, cases[i].message);
      r = rifq_request_store_get (f->db, id, NULL);
      g_assert_null (r->signature_json);
    }
}

static void
test_caregiver_thumbprint_accepted (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqSignature) thumb = rifq_signature_new (400, 200);
  g_autofree char *json = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqSigning signing = { NULL, "caregiver", "سارة محمد", "ابنة", "thumbprint", "نورة  العتيبى" };
  gint64 id = create (f, "food_basket");

  rifq_signature_begin_stroke (thumb);
  rifq_signature_add_point (thumb, 200, 100, 1.0);
  json = rifq_signature_to_json (thumb);
  signing.signature_json = json;
  step (f, id, RIFQ_ACTION_COLLECT);
  enter_all_documents (f, id, "2030-01-01");
  step (f, id, RIFQ_ACTION_VERIFY);
  /* The officer's name is compared in normalised form: ى for ي and spaces do not matter. */
  g_assert_true (rifq_request_store_sign (f->db, id, &signing, &error));
  g_assert_no_error (error);
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpstr (r->signer_name, ==, "سارة محمد");
  g_assert_cmpstr (r->signer_relation, ==, "ابنة");
  g_assert_cmpstr (r->sign_mark, ==, "thumbprint");
}

static void
test_due_date_from_decision_period (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(RifqRequest) r = NULL;
  gint64 id;

  r = rifq_request_store_get (f->db, reach (f, RIFQ_REQUEST_SUBMITTED), NULL);
  g_assert_cmpstr (r->due_on, ==, "2026-12-10");
  g_clear_pointer (&r, g_object_unref);

  rifq_test_sql (f->db, "UPDATE settings SET value = '21' WHERE key = 'decision_period_days'");
  id = reach (f, RIFQ_REQUEST_SUBMITTED);
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpstr (r->due_on, ==, "2026-12-17");
}

static void
test_attachment_stored_once_by_sha256 (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) scan = rifq_test_png (4096, 1);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(RifqRequest) r = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, scan);
  gint64 id = create (f, "food_basket");

  enter_all_documents (f, id, "2030-01-01");
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", scan, "/home/x/هوية.png", &error));
  g_assert_true (rifq_request_store_attach (f->db, id, "family_record", scan, "same.png", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM attachment"), ==, 1);

  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpstr (((RifqDocument *) g_ptr_array_index (r->documents, 0))->attachment_sha, ==, sha);
  g_assert_cmpstr (((RifqDocument *) g_ptr_array_index (r->documents, 0))->attachment_name, ==, "هوية.png");
  g_assert_cmpstr (((RifqDocument *) g_ptr_array_index (r->documents, 0))->attachment_mime, ==, "image/png");
  back = rifq_request_store_read_attachment (f->db, sha, &mime, &error);
  g_assert_true (g_bytes_equal (back, scan));
}

static void
test_document_keeps_every_scan (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) front = rifq_test_png (4096, 1);
  g_autoptr(GBytes) back = rifq_test_png (5000, 2);
  g_autoptr(RifqRequest) r = NULL;
  RifqDocument *id_card;
  gint64 id = create (f, "food_basket");

  enter_all_documents (f, id, "2030-01-01");
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", front, "front.png", &error));
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", back, "back.png", &error));
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", front, "front-again.png", &error));
  g_assert_no_error (error);
  r = rifq_request_store_get (f->db, id, NULL);
  id_card = g_ptr_array_index (r->documents, 0);
  g_assert_cmpuint (id_card->scans->len, ==, 2);
  g_assert_cmpstr (((RifqScan *) g_ptr_array_index (id_card->scans, 0))->name, ==, "front.png");
  g_assert_cmpstr (((RifqScan *) g_ptr_array_index (id_card->scans, 1))->name, ==, "back.png");
  g_assert_cmpint (((RifqScan *) g_ptr_array_index (id_card->scans, 1))->size, ==, 5000);
}

static void
test_attachment_refuses_other_files (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("just some words\n", 16);
  g_autoptr(GBytes) huge = rifq_test_png (RIFQ_ATTACHMENT_MAX_SIZE + 1, 3);
  g_autoptr(GBytes) limit = rifq_test_png (RIFQ_ATTACHMENT_MAX_SIZE, 4);
  g_autoptr(GError) error = NULL;
  gint64 id = create (f, "food_basket");

  enter_all_documents (f, id, "2030-01-01");
  g_assert_false (rifq_request_store_attach (f->db, id, "national_id", text, "notes.txt", &error));
  g_assert_cmpstr (error->message, ==, "National ID / iqama: the file “notes.txt” is not an image or a PDF.");
  g_clear_error (&error);
  g_assert_false (rifq_request_store_attach (f->db, id, "national_id", huge, "big.png", &error));
  g_assert_true (g_str_has_prefix (error->message, "National ID / iqama: the file “big.png” is 20.0"));
  g_assert_nonnull (strstr (error->message, "(20000001 bytes); a scan may be at most 20.0"));
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM attachment"), ==, 0);
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", limit, "20mb.png", &error));
  g_assert_no_error (error);
}

/* An image of the format, encoded by gdk-pixbuf. */
static GBytes *
encoded_image (const char *format)
{
  g_autoptr(GdkPixbuf) picture = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size;

  /* Rows of their own, so that nothing compresses to nothing. */
  for (int y = 0; y < 64; y++)
    for (int x = 0; x < 64 * 3; x++)
      gdk_pixbuf_get_pixels (picture)[y * gdk_pixbuf_get_rowstride (picture) + x] = (guchar) (x * 7 + y * 13);
  g_assert_true (gdk_pixbuf_save_to_buffer (picture, &data, &size, format, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

/* The bytes of data from offset on replaced by noise that never repeats. */
static GBytes *
noise_after (GBytes *data,
             gsize   offset)
{
  gsize size;
  guchar *bytes = g_memdup2 (g_bytes_get_data (data, &size), g_bytes_get_size (data));

  for (gsize i = offset; i < size; i++)
    bytes[i] = (guchar) ((i * 2654435761u) >> 11);
  return g_bytes_new_take (bytes, size);
}

static void
assert_scan_refused (Fixture    *f,
                     gint64      id,
                     GBytes     *scan,
                     const char *name,
                     const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("National ID / iqama: the file “%s” cannot be used: %s", name, why);

  g_assert_false (rifq_request_store_attach (f->db, id, "national_id", scan, name, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("“%s” does not begin “%s”", error->message, expected);
}

static void
test_attachment_must_decode_whole (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GBytes) png = rifq_test_png (4096, 1);
  g_autoptr(GBytes) jpeg = encoded_image ("jpeg");
  g_autoptr(GBytes) webp = encoded_image ("webp");
  g_autoptr(GBytes) tiff = encoded_image ("tiff");
  g_autoptr(GBytes) pdf = g_bytes_new_static (rifq_test_pdf, strlen (rifq_test_pdf));
  g_autoptr(GBytes) png_cut = rifq_test_cut (png, 2048);
  g_autoptr(GBytes) png_noise = noise_after (png, 16);
  g_autoptr(GBytes) jpeg_cut = rifq_test_cut (jpeg, g_bytes_get_size (jpeg) * 2 / 3);
  g_autoptr(GBytes) webp_cut = rifq_test_cut (webp, g_bytes_get_size (webp) - 10);
  g_autoptr(GBytes) tiff_cut = rifq_test_cut (tiff, g_bytes_get_size (tiff) / 2);
  g_autoptr(GBytes) pdf_noise = noise_after (pdf, 9);
  g_autoptr(GString) pdf_noise_ended = g_string_new_len (g_bytes_get_data (pdf_noise, NULL), g_bytes_get_size (pdf_noise));
  g_autoptr(GBytes) pdf_noise_eof = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create (f, "food_basket");

  enter_all_documents (f, id, "2030-01-01");
  /* A PNG cut in half became a scan, grey below the cut; a header followed by noise too. */
  assert_scan_refused (f, id, png_cut, "cut.png", "the image is cut short");
  assert_scan_refused (f, id, png_noise, "noise.png", "the image is damaged");
  assert_scan_refused (f, id, jpeg_cut, "cut.jpg", "the image is cut short");
  assert_scan_refused (f, id, webp_cut, "cut.webp", "the image is cut short");
  assert_scan_refused (f, id, tiff_cut, "cut.tiff", "the image is damaged");
  assert_scan_refused (f, id, pdf_noise, "noise.pdf", "the PDF is cut short");
  g_string_append (pdf_noise_ended, "\n%%EOF\n");
  pdf_noise_eof = g_string_free_to_bytes (g_steal_pointer (&pdf_noise_ended));
  assert_scan_refused (f, id, pdf_noise_eof, "noise-eof.pdf", "the PDF cannot be opened");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM attachment"), ==, 0);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'attach'"), ==, 0);

  /* Whole, each kind is kept. */
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", png, "whole.png", &error));
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", jpeg, "whole.jpg", &error));
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", webp, "whole.webp", &error));
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", tiff, "whole.tiff", &error));
  g_assert_true (rifq_request_store_attach (f->db, id, "national_id", pdf, "whole.pdf", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM attachment"), ==, 5);
}

static void
test_description_within_4000_characters (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("سطر أول\nسطر ثان ");
  g_autoptr(RifqRequest) kept = NULL;
  g_autoptr(RifqRequest) refused = NULL;
  RifqRequestDraft draft = { f->beneficiary_id, "food_basket", "interview", NULL, -1, NULL };

  while (g_utf8_strlen (text->str, -1) < 4000)
    g_string_append (text, "ي");
  draft.description = text->str;
  kept = rifq_request_store_create (f->db, &draft, &error);
  g_assert_no_error (error);

  /* A megabyte of description made the request's PDF take seconds and hundreds of MB. */
  g_string_append (text, "ي");
  refused = rifq_request_store_create (f->db, &draft, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "Description: may be at most 4000 characters long");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM request"), ==, 1);
}

static void
test_step_texts_within_their_length (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (4001, 'x');
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autoptr(RifqRequest) r = NULL;
  RifqStepDetails question = { long_text };
  RifqStepDetails visit = { "الجواب", "2026-11-20", long_text, NULL, "يستحق", NULL };
  gint64 id = reach (f, RIFQ_REQUEST_INCOMPLETE);
  gint64 referred = reach (f, RIFQ_REQUEST_REFERRED);

  g_assert_false (rifq_request_store_advance (f->db, id, RIFQ_ACTION_REFER, &question, &error));
  g_assert_cmpstr (error->message, ==, "Question: may be at most 4000 characters long");
  g_clear_error (&error);
  act_as (f, "researcher");
  g_assert_false (rifq_request_store_advance (f->db, referred, RIFQ_ACTION_ANSWER, &visit, &error));
  g_assert_cmpstr (error->message, ==, "Findings: may be at most 4000 characters long");
  g_clear_error (&error);
  act_as (f, "desk");
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_INCOMPLETE);
  g_clear_pointer (&r, g_object_unref);
  r = rifq_request_store_get (f->db, referred, NULL);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_REFERRED);

  /* A control character is not text a person typed. */
  act_as (f, "researcher");
  visit.visit_findings = "يسكن\x1b[31m وحده";
  g_assert_false (rifq_request_store_advance (f->db, referred, RIFQ_ACTION_ANSWER, &visit, &error));
  g_assert_cmpstr (error->message, ==, "Findings: holds a control character: type plain text");
  g_clear_error (&error);

  {
    g_autofree char *strokes = test_signature_json ();
    RifqSigning signing = { strokes, "caregiver", long_name, "ابن", "signature", "نورة العتيبي" };
    gint64 ready = reach (f, RIFQ_REQUEST_INCOMPLETE);

    step (f, ready, RIFQ_ACTION_VERIFY);
    g_assert_false (rifq_request_store_sign (f->db, ready, &signing, &error));
    g_assert_cmpstr (error->message, ==, "Caregiver’s name: may be at most 200 characters long");
  }
}

static void
test_document_number_alphabet (Fixture       *f,
                               gconstpointer  data)
{
  const char *refused[] = { "١٢٣/أ", "12<script>", "12;DROP", "--", "1234567890123456789012345678901234567890X" };
  const char *accepted[] = { "AB-12/3", "٥٥١٢ ٣٤", "SA03 8000 0000 6080 1016 7519", "1445.77" };
  gint64 id = create (f, "food_basket");

  step (f, id, RIFQ_ACTION_COLLECT);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      RifqDocument doc = { .type = (char *) "family_record", .number = (char *) refused[i] };

      g_assert_false (rifq_request_store_save_document (f->db, id, &doc, &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Family record, number: "));
    }
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM document"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      RifqDocument doc = { .type = (char *) "family_record", .number = (char *) accepted[i] };

      g_assert_true (rifq_request_store_save_document (f->db, id, &doc, &error));
      g_assert_no_error (error);
    }
}

static void
test_stored_validity_too_deep_read_as_none (Fixture       *f,
                                            gconstpointer  data)
{
  gsize depth = 75000;
  g_autoptr(RifqRequest) r = rifq_request_store_get (f->db, reach (f, RIFQ_REQUEST_SUBMITTED), NULL);
  g_autoptr(JsonNode) validity = rifq_request_dup_validity (r);
  g_autoptr(JsonNode) shown = NULL;
  char *deep = g_malloc (2 * depth + 1);

  g_assert_nonnull (validity);
  g_clear_pointer (&validity, json_node_unref);
  /* What is stored is read back through the same door as what is typed. */
  memset (deep, '[', depth);
  memset (deep + depth, ']', depth);
  deep[2 * depth] = '\0';
  g_free (r->validity_json);
  r->validity_json = deep;
  g_assert_null (rifq_request_dup_validity (r));
  shown = rifq_request_to_json (r);
  g_assert_true (json_object_get_null_member (json_node_get_object (shown), "validity_at_submission"));
}

static void
test_referral_queue_and_answer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqStepDetails bad_visit = { "الجواب", "2026-11-20", NULL, NULL, NULL, NULL };
  RifqStepDetails answer = { "شرحنا له شروط الدعم", "١٤٤٨/٠٦/١٠", "يسكن وحده في شقة مستأجرة",
                             "شخص واحد", "يستحق سلة غذائية شهرية", NULL };
  gint64 id = reach (f, RIFQ_REQUEST_REFERRED);

  queue = rifq_request_store_referral_queue (f->db, &error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpstr (((RifqReferral *) g_ptr_array_index (((RifqRequest *) g_ptr_array_index (queue, 0))->referrals, 0))->question,
                   ==, "سبب أو سؤال مكتوب");
  g_clear_pointer (&queue, g_ptr_array_unref);

  act_as (f, "researcher");
  g_assert_false (rifq_request_store_advance (f->db, id, RIFQ_ACTION_ANSWER, &bad_visit, &error));
  g_assert_cmpstr (error->message, ==, "Home visit: the report needs the findings and a recommendation.");
  g_clear_error (&error);
  g_assert_true (rifq_request_store_advance (f->db, id, RIFQ_ACTION_ANSWER, &answer, &error));
  g_assert_no_error (error);

  queue = rifq_request_store_referral_queue (f->db, &error);
  g_assert_cmpuint (queue->len, ==, 0);
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_INCOMPLETE);
  g_assert_cmpstr (((RifqReferral *) g_ptr_array_index (r->referrals, 0))->visit_on, ==, "2026-11-20");
  g_assert_cmpstr (((RifqReferral *) g_ptr_array_index (r->referrals, 0))->answered_by, ==, "researcher");
}

static void
test_registration_gives_file_number (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(RifqBeneficiary) b = NULL;
  g_autoptr(RifqBeneficiary) other = rifq_test_beneficiary (RIFQ_TEST_ID_2, "سعد", "المطيري", "0551112223");
  g_autoptr(RifqRequest) r = NULL;
  gint64 id;

  /* A file number typed by hand earlier: the next one handed out comes after it. */
  rifq_beneficiary_set (other, RIFQ_FIELD_FILE_NUMBER, "000041");
  act_as (f, "admin");
  g_assert_true (rifq_beneficiary_store_add (f->db, other, NULL, NULL, NULL));

  id = reach (f, RIFQ_REQUEST_REGISTERED);
  b = rifq_beneficiary_store_get (f->db, f->beneficiary_id, NULL);
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_STATUS), ==, "registered");
  g_assert_cmpstr (rifq_beneficiary_get (b, RIFQ_FIELD_FILE_NUMBER), ==, "000042");

  /* A second accepted request keeps the file number. */
  id = reach (f, RIFQ_REQUEST_REGISTERED);
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpstr (r->file_number, ==, "000042");
}

static void
test_service_recorded (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqService nowhere = { 0, NULL, 2, -1, (char *) TODAY, (char *) "فريق التوزيع", NULL, NULL, NULL };
  RifqStepDetails details = { .service = &nowhere };
  gint64 id = reach (f, RIFQ_REQUEST_REGISTERED);

  g_assert_false (rifq_request_store_advance (f->db, id, RIFQ_ACTION_SERVE, &details, &error));
  g_assert_cmpstr (error->message, ==, "Service: say where it was delivered, at the office or at home.");
  g_clear_error (&error);
  nowhere.place = (char *) "office";
  nowhere.delivered_on = (char *) "2026-12-01";
  g_assert_false (rifq_request_store_advance (f->db, id, RIFQ_ACTION_SERVE, &details, &error));
  g_assert_cmpstr (error->message, ==, "Service: enter the day it was delivered, today or earlier.");
  g_clear_error (&error);
  nowhere.delivered_on = (char *) "1448/06/16";
  g_assert_true (rifq_request_store_advance (f->db, id, RIFQ_ACTION_SERVE, &details, &error));
  g_assert_no_error (error);
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpuint (r->services->len, ==, 1);
  g_assert_cmpstr (((RifqService *) g_ptr_array_index (r->services, 0))->delivered_on, ==, TODAY);
  g_assert_cmpint (((RifqService *) g_ptr_array_index (r->services, 0))->quantity, ==, 2);
}

/* Accepted at a meeting with what the committee approved, and registered. */
static gint64
accepted_with (Fixture *f,
               gint64   amount,
               gint64   quantity)
{
  gint64 id = reach (f, RIFQ_REQUEST_UNDER_REVIEW);

  decide (f, id, "accept", amount, quantity);
  step (f, id, RIFQ_ACTION_REGISTER);
  return id;
}

/* Registration writes the applicant's file number and status: a form opened before it is
 * refused when saved, rather than undoing the registration. */
static void
test_register_refuses_a_form_opened_before (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(RifqBeneficiary) opened = rifq_beneficiary_store_get (f->db, f->beneficiary_id, NULL);
  g_autoptr(RifqBeneficiary) now = NULL;
  g_autoptr(GError) error = NULL;

  accepted_with (f, 3000, 1);
  rifq_beneficiary_set (opened, RIFQ_FIELD_CITY, "جدة");
  g_assert_false (rifq_beneficiary_store_update (f->db, opened, NULL, NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT);
  now = rifq_beneficiary_store_get (f->db, f->beneficiary_id, NULL);
  g_assert_cmpstr (rifq_beneficiary_get (now, RIFQ_FIELD_STATUS), ==, "registered");
  g_assert_nonnull (rifq_beneficiary_get (now, RIFQ_FIELD_FILE_NUMBER));
  g_assert_cmpint (rifq_beneficiary_get_version (now), ==, rifq_beneficiary_get_version (opened) + 1);
}

static gboolean
serve (Fixture     *f,
       gint64       id,
       gint64       quantity,
       gint64       amount,
       const char  *override,
       const char  *as,
       GError     **error)
{
  RifqService service = { .quantity = quantity, .amount = amount, .delivered_on = (char *) TODAY,
                          .delivered_by = (char *) "فريق التوزيع", .place = (char *) "office",
                          .override_reason = (char *) override };
  RifqStepDetails details = { .service = &service };

  act_as (f, as);
  return rifq_request_store_advance (f->db, id, RIFQ_ACTION_SERVE, &details, error);
}

static void
test_amount_beyond_the_approval_refused (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = accepted_with (f, 1500, 0);
  gint64 audit_before = rifq_test_count (f->db, "SELECT count(*) FROM audit");

  g_assert_false (serve (f, id, 0, 2000, NULL, "desk", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "Service: 2000 riyals is more than the 1500 riyals that remain of the 1500 the "
                                       "research committee approved. Only an administrator may record a service "
                                       "beyond the approval, with the reason.");
  g_clear_error (&error);
  g_assert_cmpint (state_of (f, id), ==, RIFQ_REQUEST_REGISTERED);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM service"), ==, 0);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_true (serve (f, id, 0, 1500, NULL, "desk", &error));
  g_assert_no_error (error);
}

/* What the services deliver adds up against what was approved; the rest is said. */
static void
test_services_add_up_against_the_approval (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  gint64 id = accepted_with (f, 1500, 0);
  RifqApproval approval;

  g_assert_true (serve (f, id, 0, 1000, NULL, "desk", &error));
  g_assert_false (serve (f, id, 0, 600, NULL, "desk", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_true (g_str_has_prefix (error->message, "Service: 600 riyals is more than the 500 riyals that remain"));
  g_clear_error (&error);
  g_assert_true (rifq_request_store_approval (f->db, id, &approval, &error));
  g_assert_cmpint (approval.amount, ==, 1500);
  g_assert_cmpint (approval.amount_delivered, ==, 1000);
  said = rifq_approval_describe (&approval);
  g_assert_cmpstr (said, ==, "The research committee approved 1500 riyals; the services recorded delivered 1000 "
                             "riyals; what remains is 500 riyals.");
  g_assert_true (serve (f, id, 0, 500, NULL, "desk", &error));
  g_assert_no_error (error);
  g_assert_true (rifq_request_store_approval (f->db, id, &approval, &error));
  g_assert_cmpint (rifq_approval_amount_left (&approval), ==, 0);
  g_assert_false (serve (f, id, 0, 1, NULL, "desk", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
}

static void
test_quantity_beyond_the_approval_refused (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 two = accepted_with (f, -1, 2);
  gint64 unstated = accepted_with (f, -1, 0);

  g_assert_true (serve (f, two, 1, -1, NULL, "desk", &error));
  g_assert_false (serve (f, two, 2, -1, NULL, "desk", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_true (g_str_has_prefix (error->message, "Service: a quantity of 2 is more than the 1 that remain of the 2"));
  g_clear_error (&error);
  g_assert_true (serve (f, two, 1, -1, NULL, "desk", &error));

  /* Accepted without a quantity: the support asked for, once; and no riyals were asked for. */
  g_assert_false (serve (f, unstated, 2, -1, NULL, "desk", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (serve (f, unstated, 1, 100, NULL, "desk", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_assert_true (g_str_has_prefix (error->message, "Service: the research committee approved no amount in riyals"));
  g_clear_error (&error);
  g_assert_true (serve (f, unstated, 1, -1, NULL, "desk", &error));
  g_assert_no_error (error);
}

/* Beyond the approval only an administrator records a service, with the reason, audited. */
static void
test_administrator_override_with_reason_audited (Fixture       *f,
                                                 gconstpointer  data)
{
  const char *reason = "ارتفع إيجار المسكن بقرار المحكمة";
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqService *given;
  gint64 id = accepted_with (f, 1500, 0);

  act_as (f, "admin");
  g_assert_true (rifq_staff_save (f->db, "manager", "مدير الجمعية", RIFQ_ROLE_ADMIN, &error));
  g_assert_false (serve (f, id, 0, 2000, reason, "desk", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_cmpstr (error->message, ==, "desk (beneficiary-relations officer) may not record a service beyond the "
                                       "committee’s approval; that is for: administrator.");
  g_clear_error (&error);
  /* Without a reason, an administrator who is not a desk officer records no service at all. */
  g_assert_false (serve (f, id, 0, 2000, "  ", "manager", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM service"), ==, 0);

  g_assert_true (serve (f, id, 0, 2000, reason, "manager", &error));
  g_assert_no_error (error);
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_SERVED);
  given = g_ptr_array_index (r->services, 0);
  g_assert_cmpstr (given->override_reason, ==, reason);
  g_assert_cmpstr (given->override_by, ==, "manager");
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM audit WHERE action = 'override' AND actor = 'manager'"
                                           " AND reason = 'ارتفع إيجار المسكن بقرار المحكمة'"
                                           " AND after_json LIKE '%\"amount_delivered\":2000%'"), ==, 1);
  g_assert_true (rifq_db_verify_audit (f->db, NULL, NULL));

  /* Within the approval a service is the desk's: an administrator who is not a desk officer is
   * refused it, whatever reason they give. */
  g_clear_pointer (&r, g_object_unref);
  id = accepted_with (f, 1500, 0);
  g_assert_false (serve (f, id, 0, 1000, reason, "manager", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM service WHERE request_id = (SELECT max(id) FROM request)"),
                   ==, 0);

  /* Within the approval a reason is not asked for, and none is kept. */
  g_assert_true (serve (f, id, 0, 1000, reason, "desk", &error));
  r = rifq_request_store_get (f->db, id, NULL);
  g_assert_null (((RifqService *) g_ptr_array_index (r->services, 0))->override_reason);
}

static void
test_lookup_finds_by_any_key (Fixture       *f,
                              gconstpointer  data)
{
  const char *queries[] = { "1448/000001", "1448/1", "١٤٤٨/١", RIFQ_TEST_ID_1, "0501234567", "محمد القحطاني" };
  gint64 id = reach (f, RIFQ_REQUEST_SUBMITTED);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = rifq_request_store_lookup (f->db, queries[i], 5, &error);
      g_autofree char *sentence = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpint (((RifqRequest *) g_ptr_array_index (found, 0))->id, ==, id);
      sentence = rifq_request_describe (g_ptr_array_index (found, 0), TODAY);
      g_assert_true (g_str_has_prefix (sentence, "Request 1448/000001 of محمد عبدالله سعد القحطاني was submitted on "
                                                 "16 Jumada al-Akhirah 1448 AH — 26 November 2026"));
      g_assert_nonnull (strstr (sentence, "10 December 2026"));
    }
}

static void
test_lookup_nothing_for_stranger (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;

  reach (f, RIFQ_REQUEST_SUBMITTED);
  found = rifq_request_store_lookup (f->db, "1448/000777", 5, NULL);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = rifq_request_store_lookup (f->db, "زيد", 5, NULL);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_only_admin_adds_staff (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  act_as (f, "desk");
  g_assert_false (rifq_staff_save (f->db, "desk", "نورة", RIFQ_ROLE_DESK | RIFQ_ROLE_CHAIR, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
  g_assert_cmpint (rifq_staff_actor_roles (f->db), ==, RIFQ_ROLE_DESK);
}

static void
test_staff_user_name_alphabet (Fixture       *f,
                               gconstpointer  data)
{
  const char *refused[] = { "نورة", "noura otaibi", "-rf", ".hidden", "noura;rm", "n\tx",
                            "abcdefghijklmnopqrstuvwxyz0123456" };
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autoptr(GError) error = NULL;

  act_as (f, "admin");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) refusal = NULL;

      g_assert_false (rifq_staff_save (f->db, refused[i], "نورة العتيبي", RIFQ_ROLE_DESK, &refusal));
      g_assert_error (refusal, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (refusal->message, "User name: "));
    }
  g_assert_false (rifq_staff_save (f->db, "noura", long_name, RIFQ_ROLE_DESK, &error));
  g_assert_cmpstr (error->message, ==, "Full name: may be at most 200 characters long");
  g_clear_error (&error);
  /* An @ on a desk; not on the server, where each member is a role "name@database". */
  if (rifq_test_on_server ())
    {
      g_assert_false (rifq_staff_save (f->db, "noura.o_1-x@ruhamaa", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "User name: "));
      g_clear_error (&error);
      g_assert_true (rifq_staff_save (f->db, "noura.o_1-x", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
    }
  else
    g_assert_true (rifq_staff_save (f->db, "noura.o_1-x@ruhamaa", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rifq_test_count (f->db, "SELECT count(*) FROM staff"), ==, 7);
}

/* The desk's requests in progress: the latest received of each open state, latest changed first. */
static void
test_open_requests_latest_of_each_state (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  gint64 drafts[3], collecting[2];
  guint n_drafts = 0, n_collecting = 0;

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    drafts[i] = create (f, "food_basket");
  for (guint i = 0; i < G_N_ELEMENTS (collecting); i++)
    {
      collecting[i] = create (f, "food_basket");
      step (f, collecting[i], RIFQ_ACTION_COLLECT);
    }

  open = rifq_request_store_list_open (f->db, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 4);
  for (guint i = 0; i < open->len; i++)
    {
      RifqRequest *r = g_ptr_array_index (open, i);

      g_assert_true (rifq_request_state_is_open (r->state));
      g_assert_true (r->id != drafts[0]);   /* the earliest draft: a third one is not listed */
      if (r->state == RIFQ_REQUEST_DRAFT)
        n_drafts++;
      else if (r->state == RIFQ_REQUEST_INCOMPLETE)
        n_collecting++;
      if (i > 0)
        g_assert_cmpstr (((RifqRequest *) g_ptr_array_index (open, i - 1))->updated_at, >=, r->updated_at);
    }
  g_assert_cmpuint (n_drafts, ==, 2);
  g_assert_cmpuint (n_collecting, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--desk"))
    return desk_process (argv);
  rifq_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/request/register/refuses-an-applicant-form-opened-before", test_register_refuses_a_form_opened_before);
  ADD ("/request/transition/every-allowed-step-leads-where-the-policy-says", test_every_allowed_step);
  ADD ("/request/transition/every-forbidden-step-refused-with-message", test_every_forbidden_step);
  ADD ("/request/transition/refused-for-role-that-may-not", test_refused_for_wrong_role);
  ADD ("/request/decide/refused-outside-a-meeting", test_decision_refused_outside_a_meeting);
  ADD ("/request/transition/writes-audit-row", test_step_writes_audit_row);
  ADD ("/request/create/numbers-restart-each-hijri-year", test_numbers_per_hijri_year);
  ADD ("/request/create/stored-bad-number-format-refused-not-numbered", test_stored_bad_format_refused);
  ADD ("/request/create/logs-the-contact-on-its-channel", test_create_logs_contact);
  ADD ("/request/create/refused-for-unknown-kind", test_create_refuses_unknown_kind);
  ADD ("/request/list/open-the-latest-of-each-state", test_open_requests_latest_of_each_state);
  ADD ("/request/documents/checklist-follows-kind", test_checklist_follows_kind);
  ADD ("/request/documents/refused-with-bad-dates", test_document_refuses_bad_dates);
  ADD ("/request/documents/frozen-once-confirmed", test_documents_frozen_after_confirmation);
  ADD ("/request/documents/entered-at-two-desks-second-refused-naming-first", test_document_entered_at_two_desks_second_refused);
  ADD ("/request/verify/refused-when-document-missing", test_verify_refused_when_document_missing);
  ADD ("/request/verify/refused-when-not-matched", test_verify_refused_when_not_matched);
  ADD ("/request/submit/gregorian/valid-expiring-on-submission-day", test_valid_expiring_on_submission_day);
  ADD ("/request/submit/gregorian/refused-expired-day-before", test_refused_expired_day_before);
  ADD ("/request/submit/gregorian/valid-expiring-day-after", test_valid_expiring_day_after);
  ADD ("/request/submit/hijri/valid-expiring-on-submission-day", test_hijri_valid_expiring_on_submission_day);
  ADD ("/request/submit/hijri/refused-expired-day-before", test_hijri_refused_expired_day_before);
  ADD ("/request/submit/hijri/valid-expiring-day-after", test_hijri_valid_expiring_day_after);
  ADD ("/request/submit/refused-without-signature", test_submit_refused_without_signature);
  ADD ("/request/submit/due-date-follows-decision-period", test_due_date_from_decision_period);
  ADD ("/request/sign/strokes-kept-unchanged", test_signature_kept_unchanged);
  ADD ("/request/sign/refused-when-incomplete", test_sign_refuses_incomplete_signing);
  ADD ("/request/sign/caregiver-thumbprint-accepted", test_caregiver_thumbprint_accepted);
  ADD ("/request/sign/reopen-sets-signature-aside", test_reopen_sets_signature_aside);
  ADD ("/request/attach/stored-once-by-sha256", test_attachment_stored_once_by_sha256);
  ADD ("/request/attach/document-keeps-every-scan-once", test_document_keeps_every_scan);
  ADD ("/request/attach/refused-unless-image-or-pdf-under-20mb", test_attachment_refuses_other_files);
  ADD ("/request/attach/refused-unless-it-decodes-whole", test_attachment_must_decode_whole);
  ADD ("/request/create/description-at-most-4000-characters", test_description_within_4000_characters);
  ADD ("/request/step/texts-within-their-length-and-plain", test_step_texts_within_their_length);
  ADD ("/request/documents/number-has-its-own-alphabet", test_document_number_alphabet);
  ADD ("/request/validity/stored-json-too-deep-read-as-none", test_stored_validity_too_deep_read_as_none);
  ADD ("/request/referral/queue-and-answer-with-visit-report", test_referral_queue_and_answer);
  ADD ("/request/register/gives-file-number-once", test_registration_gives_file_number);
  ADD ("/request/serve/records-service", test_service_recorded);
  ADD ("/request/serve/amount-beyond-the-approval-refused", test_amount_beyond_the_approval_refused);
  ADD ("/request/serve/services-add-up-against-the-approval", test_services_add_up_against_the_approval);
  ADD ("/request/serve/quantity-beyond-the-approval-refused", test_quantity_beyond_the_approval_refused);
  ADD ("/request/serve/administrator-override-with-reason-audited", test_administrator_override_with_reason_audited);
  ADD ("/request/lookup/finds-by-number-id-phone-or-name", test_lookup_finds_by_any_key);
  ADD ("/request/lookup/nothing-for-a-stranger", test_lookup_nothing_for_stranger);
  ADD ("/request/lookup/short-number-after-format-change", test_short_number_after_format_change);
  g_test_add_func ("/request/number/two-desks-at-once-gap-free-and-one-audit-chain",
                   test_two_desks_number_requests_gap_free);
  g_test_add_func ("/request/audit/two-desks-registering-at-once-one-chain", test_two_desks_register_one_audit_chain);
  g_test_add_func ("/request/number/two-programs-200-each-gap-free-and-one-audit-chain",
                   test_two_processes_number_requests_gap_free);
  g_test_add_func ("/request/lookup/short-number-of-request-numbered-before-migration",
                   test_migration_keeps_sequence_of_old_requests);
  ADD ("/request/staff/only-admin-adds-staff", test_only_admin_adds_staff);
  ADD ("/request/staff/user-name-has-its-own-alphabet", test_staff_user_name_alphabet);

  return g_test_run ();
}
