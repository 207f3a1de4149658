/* test-ui-english.c: LANGUAGE=en gives an English window, left to right (runs under Xvfb)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rifq-application.h"
#include "rifq-locale.h"
#include "rifq-test-ui.h"
#include "rifq-test-util.h"
#include "rifq-window.h"

static void
test_english_left_to_right (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  RifqWindow *window = rifq_test_window_new (db);
  g_autoptr(GPtrArray) sections = rifq_test_sidebar_titles (window);

  g_assert_false (rifq_locale_is_arabic ());
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);
  /* The channels and tools are the association's data: in English when the interface is. */
  g_assert_cmpstr (g_ptr_array_index (sections, 0), ==, "In-person interview");
  g_assert_cmpstr (g_ptr_array_index (sections, 11), ==, "Beneficiary support request");
  g_assert_cmpstr (g_ptr_array_index (sections, 15), ==, "Beneficiary Registry");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_english_shortcuts_show_keys (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  RifqWindow *window = rifq_test_window_new (db);

  gtk_window_present (GTK_WINDOW (window));
  rifq_test_spin (200);
  rifq_test_assert_shortcuts_show_keys (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* On a machine whose only locale is C, as a fresh Debian is. */
  g_unsetenv ("LANG");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANGUAGE", "en", TRUE);
  rifq_locale_init ();

  gtk_test_init (&argc, &argv, NULL);
  rifq_ui_init ();

  g_test_add_func ("/window/language/english-left-to-right", test_english_left_to_right);
  g_test_add_func ("/window/language/english-shortcuts-show-keys", test_english_shortcuts_show_keys);

  return g_test_run ();
}
