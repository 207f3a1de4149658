/* test-settings.c: the association's settings, changed by an administrator only, each checked
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rifq-committee.h"
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
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_PERMITTED);
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
    { "desk", "decision_period_days", "21", RIFQ_ERROR_NOT_PERMITTED },
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
test_number_formats_checked_when_set (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autofree char *kept = NULL;
  struct
  {
    const char *key, *value, *says;
  } refused[] = {
    { "request_number_format", "{year}/{seq:6", "Request number format (request_number_format): the placeholder “{seq:6” is not closed" },
    { "request_number_format", "{year}/{serial}", "Request number format (request_number_format): “{serial}” is not a placeholder" },
    { "request_number_format", "{year}/{seq:-2}", "Request number format (request_number_format): in “{seq:-2}” the width must be a whole number from 0 to 12" },
    { "request_number_format", "{year}/{seq:40}", "in “{seq:40}” the width" },
    { "request_number_format", "{year}/{seq:x}", "in “{seq:x}” the width" },
    { "request_number_format", "{year}/", "the format needs the sequence" },
    { "letter_number_format", "{year}/{seq:4", "Letter number format (letter_number_format): the placeholder “{seq:4” is not closed" },
    { "letter_number_format", "{yaer}/{seq:4}", "Letter number format (letter_number_format): “{yaer}” is not a placeholder" },
    { "file_number_format", "{seq:13}", "File number format (file_number_format): in “{seq:13}” the width" },
    { "file_number_format", "{year}/{seq:6}", "File number format (file_number_format): file numbers run on from year to year" },
  };
  const char *accepted[][2] = {
    { "request_number_format", "ط-{year}-{seq:4}" },
    { "letter_number_format", "خ/{year}/{seq}" },
    { "file_number_format", "{seq:٨}" },
  };

  rifq_test_staff (db);
  rifq_db_set_actor (db, "admin");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (rifq_settings_save (db, refused[i].key, refused[i].value, &error));
      g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
      if (strstr (error->message, refused[i].says) == NULL)
        g_error ("“%s” for %s: “%s” does not say “%s”", refused[i].value, refused[i].key, error->message,
                 refused[i].says);
    }
  kept = rifq_db_get_setting (db, "request_number_format");
  g_assert_cmpstr (kept, ==, "{year}/{seq:6}");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'settings'"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rifq_settings_save (db, accepted[i][0], accepted[i][1], &error));
      g_assert_no_error (error);
    }
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

/* Two administrators with the settings open: the second's save over a value the first changed
 * since is refused, naming the first, their value and when, and nothing is written. Applied
 * again over what is there now, it goes through. A value changed with another tool, behind
 * Rifq's back, is refused all the same. */
static void
test_save_over_a_newer_value_refused (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *now = NULL;
  gint64 audit;

  rifq_test_staff (db);
  g_assert_true (rifq_staff_save (db, "admin2", "ريم السبيعي", RIFQ_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  shown = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (shown, ==, "14");
  there = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (there, "admin2");
  g_assert_true (rifq_settings_save_over (there, "decision_period_days", shown, "30", &error));
  g_assert_no_error (error);

  audit = rifq_test_count (db, "SELECT count(*) FROM audit");
  g_assert_false (rifq_settings_save_over (db, "decision_period_days", shown, "21", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "ريم السبيعي"));
  g_assert_nonnull (strstr (error->message, "“30”"));
  g_clear_error (&error);
  now = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (now, ==, "30");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, audit);

  /* Seen, and applied again over it. */
  g_assert_true (rifq_settings_save_over (db, "decision_period_days", now, "21", &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (now, ==, "21");

  /* Another tool changed it behind Rifq's back: still not overwritten unseen. */
  rifq_test_sql (db, "UPDATE settings SET value = '45' WHERE key = 'decision_period_days'");
  g_assert_false (rifq_settings_save_over (db, "decision_period_days", "21", "22", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“45”"));
  /* Not Rifq's doing: no one of the staff is named for it. */
  g_assert_true (g_str_has_prefix (error->message, "Someone set it"));
  g_clear_error (&error);

  /* Both choosing the same value is no conflict. */
  g_assert_true (rifq_settings_save_over (there, "decision_period_days", "21", "45", &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (now, ==, "45");
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
  g_test_add_func ("/settings/number-format/refused-when-set-naming-setting-and-fault",
                   test_number_formats_checked_when_set);
  g_test_add_func ("/settings/committee/abstentions-checked-and-audited", test_abstentions_setting_checked_and_audited);
  g_test_add_func ("/settings/save/over-another-administrators-save-refused-naming-them",
                   test_save_over_a_newer_value_refused);
  return g_test_run ();
}
