/* test-settings.c: the association's settings, changed by an administrator only, each checked
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-settings.h"
#include "rifq-test-request.h"

static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

static void
test_admin_changes_settings (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) back = NULL;
  g_autofree char *period = NULL;
  g_autofree char *letterhead = NULL;

  rifq_test_staff (db);
  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_settings_save (db, "decision_period_days", " 21 ", &error));
  g_assert_true (rifq_settings_save (db, "association_letterhead", "الرياض — هاتف 011 476 5500", &error));
  g_assert_true (rifq_settings_save_logo (db, logo, &error));
  g_assert_no_error (error);
  period = rifq_db_get_setting (db, "decision_period_days");
  letterhead = rifq_db_get_setting (db, "association_letterhead");
  g_assert_cmpstr (period, ==, "21");
  g_assert_cmpstr (letterhead, ==, "الرياض — هاتف 011 476 5500");
  back = rifq_settings_get_logo (db);
  g_assert_true (g_bytes_equal (back, logo));
  /* The audit keeps the logo's fingerprint, not its bytes. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'settings'"
                                        " AND after_json LIKE '{\"association_logo_png\":\"%' AND length (after_json) < 100"),
                   ==, 1);
}

/* How a member present who does not vote counts: checked, audited with the value before. */
static void
test_abstentions_setting_checked_and_audited (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  RifqRule rule;

  rifq_test_staff (db);
  rifq_db_set_actor (db, "admin");
  rifq_committee_rule_get (db, &rule);
  g_assert_cmpint (rule.abstentions, ==, RIFQ_ABSTENTIONS_AS_PRESENT);
  g_assert_false (rifq_settings_save (db, "committee_abstentions", "blank", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Abstentions: choose as_present, ignored or against.");
  g_clear_error (&error);
  rifq_db_set_actor (db, "chair");
  g_assert_false (rifq_settings_save (db, "committee_abstentions", "against", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'settings'"), ==, 0);

  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_settings_save (db, "committee_abstentions", "against", &error));
  g_assert_no_error (error);
  value = rifq_db_get_setting (db, "committee_abstentions");
  g_assert_cmpstr (value, ==, "against");
  rifq_committee_rule_get (db, &rule);
  g_assert_cmpint (rule.abstentions, ==, RIFQ_ABSTENTIONS_AGAINST);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'settings'"
                                        " AND before_json = '{\"committee_abstentions\":\"as_present\"}'"
                                        " AND after_json = '{\"committee_abstentions\":\"against\"}'"), ==, 1);
  g_assert_true (g_strv_contains (rifq_settings_keys (), "committee_abstentions"));
}

static void
test_refused_settings_change_nothing (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture", 13);
  g_autofree char *period = NULL;
  struct
  {
    const char *actor, *key, *value;
    int         code;
  } cases[] = {
    { "desk", "decision_period_days", "21", RIFQ_ERROR_NOT_ALLOWED },
    { "admin", "decision_period_days", "0", RIFQ_ERROR_INVALID },
    { "admin", "decision_period_days", "two weeks", RIFQ_ERROR_INVALID },
    { "admin", "request_number_format", "{year}", RIFQ_ERROR_INVALID },
    { "admin", "association_name_ar", "  ", RIFQ_ERROR_INVALID },
    { "admin", "policy_approved_on", "2020-01-01", RIFQ_ERROR_INVALID },
    { "admin", "committee_quorum", "half", RIFQ_ERROR_INVALID },
    { "admin", "committee_majority", "of_everyone", RIFQ_ERROR_INVALID },
    { "admin", "committee_chair_breaks_tie", "yes", RIFQ_ERROR_INVALID },
  };

  rifq_test_staff (db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      rifq_db_set_actor (db, cases[i].actor);
      g_assert_false (rifq_settings_save (db, cases[i].key, cases[i].value, &error));
      g_assert_error (error, RIFQ_ERROR, cases[i].code);
    }
  {
    g_autoptr(GError) error = NULL;

    rifq_db_set_actor (db, "admin");
    g_assert_false (rifq_settings_save_logo (db, text, &error));
    g_assert_cmpstr (error->message, ==, "Logo: the file is not a PNG image.");
  }
  period = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (period, ==, "14");
  g_assert_null (rifq_settings_get_logo (db));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'settings'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);
  g_test_add_func ("/settings/save/administrator-changes-and-audit-keeps-logo-fingerprint",
                   test_admin_changes_settings);
  g_test_add_func ("/settings/save/refused-changes-leave-everything", test_refused_settings_change_nothing);
  g_test_add_func ("/settings/committee/abstentions-checked-and-audited", test_abstentions_setting_checked_and_audited);
  return g_test_run ();
}
