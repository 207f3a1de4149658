/* rifq-test-request.h: requests brought along the procedure, for the tests that need one
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-beneficiary-store.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-settings.h"
#include "rifq-signature.h"
#include "rifq-staff.h"
#include "rifq-test-util.h"

/* Staff for every role: admin, desk (نورة العتيبي), researcher, chair, member1–3 (committee). */
static inline void
rifq_test_staff (RifqDb *db)
{
  g_autoptr(GError) error = NULL;
  const struct { const char *user, *name; RifqRole roles; } people[] = {
    { "desk", "نورة العتيبي", RIFQ_ROLE_DESK },
    { "researcher", "سلمان الشهري", RIFQ_ROLE_RESEARCHER },
    { "chair", "خالد الدوسري", RIFQ_ROLE_CHAIR },
    { "member1", "هند الزهراني", RIFQ_ROLE_COMMITTEE },
    { "member2", "فهد الحربي", RIFQ_ROLE_COMMITTEE },
    { "member3", "منى القرني", RIFQ_ROLE_COMMITTEE },
  };

  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_staff_ensure_first (db, &error));
  /* Submitting seals: the association's key, as Rifq makes it on first start. */
  g_assert_true (rifq_seal_ensure_key (db, &error));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_assert_true (rifq_staff_save (db, people[i].user, people[i].name, people[i].roles, &error));
  g_assert_no_error (error);
}

/* A request signed and submitted to the research committee on 2026-11-26. */
static inline gint64
rifq_test_submitted_request (RifqDb     *db,
                             gint64      beneficiary_id,
                             const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqSignature) s = rifq_signature_new (400, 200);
  g_autofree char *strokes = NULL;
  RifqRequestDraft draft = { beneficiary_id, kind, "interview", "يحتاج مساعدة", 1500, NULL };
  RifqSigning signing = { NULL, "applicant", NULL, NULL, "signature", "نورة العتيبي" };
  g_autoptr(GPtrArray) checklist = rifq_request_store_checklist (db, kind, &error);

  rifq_signature_begin_stroke (s);
  rifq_signature_add_point (s, 40, 120, 0.4);
  rifq_signature_add_point (s, 130, 90, 0.7);
  strokes = rifq_signature_to_json (s);
  signing.signature_json = strokes;

  rifq_test_set_today (db, "2026-11-26");
  rifq_db_set_actor (db, "desk");
  r = rifq_request_store_create (db, &draft, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_request_store_advance (db, r->id, RIFQ_ACTION_COLLECT, NULL, &error));
  for (guint i = 0; i < checklist->len; i++)
    {
      RifqDocument *type = g_ptr_array_index (checklist, i);
      RifqDocument doc = { .type = type->type, .number = (char *) "5512", .issued_on = (char *) "2020-01-01",
                           .expires_on = type->has_expiry ? (char *) "2030-01-01" : NULL, .matched = TRUE };

      g_assert_true (rifq_request_store_save_document (db, r->id, &doc, &error));
    }
  g_assert_true (rifq_request_store_advance (db, r->id, RIFQ_ACTION_VERIFY, NULL, &error));
  g_assert_true (rifq_request_store_sign (db, r->id, &signing, &error));
  g_assert_true (rifq_request_store_advance (db, r->id, RIFQ_ACTION_SUBMIT, NULL, &error));
  g_assert_no_error (error);
  return r->id;
}

static inline gint64
rifq_test_add_beneficiary (RifqDb     *db,
                           const char *national_id,
                           const char *first_name,
                           const char *mobile)
{
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (national_id, first_name, "القحطاني", mobile);
  g_autoptr(GError) error = NULL;

  rifq_db_set_actor (db, "desk");
  g_assert_true (rifq_beneficiary_store_add (db, b, NULL, NULL, &error));
  g_assert_no_error (error);
  return rifq_beneficiary_get_id (b);
}

/* A desk as the audit and privacy tests find it: the staff seated, one beneficiary with one
 * request submitted to the committee, a setting changed by the administrator, who acts next. */
typedef struct
{
  RifqDb *db;
  gint64  beneficiary;
  gint64  request;
} RifqTestDesk;

static inline void
rifq_test_desk_set_up (RifqTestDesk  *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = rifq_test_db_new (NULL);
  rifq_test_staff (f->db);
  f->beneficiary = rifq_test_add_beneficiary (f->db, RIFQ_TEST_ID_1, "محمد", "0501234567");
  f->request = rifq_test_submitted_request (f->db, f->beneficiary, "food_basket");
  rifq_db_set_actor (f->db, "admin");
  g_assert_true (rifq_settings_save (f->db, "decision_period_days", "21", &error));
  g_assert_no_error (error);
}

static inline void
rifq_test_desk_tear_down (RifqTestDesk  *f,
                          gconstpointer  data)
{
  g_clear_object (&f->db);
}
