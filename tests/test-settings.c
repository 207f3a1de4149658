/* test-settings.c: the association's settings, changed by an administrator only, each checked
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-error.h"
#include "rifq-settings.h"
#include "rifq-test-request.h"
#include "rifq-test-scan.h"

static void
test_admin_changes_settings (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = rifq_test_png (2000, 1);
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

static void
test_logo_cut_short_refused (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GBytes) logo = rifq_test_png (2000, 1);
  g_autoptr(GBytes) cut = rifq_test_cut (logo, 1000);
  g_autoptr(GBytes) header = rifq_test_cut (logo, 16);
  g_autoptr(GError) error = NULL;

  rifq_test_staff (db);
  rifq_db_set_actor (db, "admin");
  /* A PNG cut short became the logo printed on every document. */
  g_assert_false (rifq_settings_save_logo (db, cut, &error));
  g_assert_cmpstr (error->message, ==, "Logo: the image cannot be used: the image is cut short.");
  g_clear_error (&error);
  g_assert_false (rifq_settings_save_logo (db, header, &error));
  g_assert_cmpstr (error->message, ==, "Logo: the image cannot be used: the image is cut short.");
  g_assert_null (rifq_settings_get_logo (db));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'settings'"), ==, 0);
}

static void
test_values_one_line_of_300_characters (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autofree char *long_value = g_strnfill (301, 'x');
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  rifq_test_staff (db);
  rifq_db_set_actor (db, "admin");
  g_assert_false (rifq_settings_save (db, "association_name_en", long_value, &error));
  g_assert_cmpstr (error->message, ==, "association_name_en: may be at most 300 characters long");
  g_clear_error (&error);
  g_assert_false (rifq_settings_save (db, "association_letterhead", "الرياض\nهاتف", &error));
  g_assert_cmpstr (error->message, ==, "association_letterhead: must be one line of plain text, without line breaks"
                                       " or control characters");
  g_clear_error (&error);
  long_value[300] = '\0';
  g_assert_true (rifq_settings_save (db, "association_name_en", long_value, &error));
  g_assert_no_error (error);
  name = rifq_db_get_setting (db, "association_name_en");
  g_assert_cmpuint (strlen (name), ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);
  g_test_add_func ("/settings/save/administrator-changes-and-audit-keeps-logo-fingerprint",
                   test_admin_changes_settings);
  g_test_add_func ("/settings/logo/cut-short-refused", test_logo_cut_short_refused);
  g_test_add_func ("/settings/save/one-line-of-at-most-300-characters", test_values_one_line_of_300_characters);
  g_test_add_func ("/settings/save/refused-changes-leave-everything", test_refused_settings_change_nothing);
  return g_test_run ();
}
