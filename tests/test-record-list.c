/* test-record-list.c: lists that follow the store, row by row
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rifq-beneficiary-store.h"
#include "rifq-error.h"
#include "rifq-record-list.h"
#include "rifq-settings.h"
#include "rifq-staff.h"
#include "rifq-test-util.h"

typedef struct
{
  RifqDb          *db;
  RifqRecordList  *list;
  GString         *heard;   /* "position:removed:added " for each change announced */
  RifqBeneficiary *first;
} Registry;

static GPtrArray *
registry_query (RifqDb   *db,
                gpointer  user_data,
                GError  **error)
{
  return rifq_beneficiary_store_list (db, 0, 100, error);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *heard)
{
  g_string_append_printf (heard, "%u:%u:%u ", position, removed, added);
}

static void
add (Registry   *f,
     const char *national_id,
     const char *first_name,
     const char *mobile)
{
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (national_id, first_name, "القحطاني", mobile);
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_beneficiary_store_add (f->db, b, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
registry_setup (Registry      *f,
                gconstpointer  data)
{
  static const char * const kinds[] = { "beneficiary", NULL };
  static const char * const shown[] = { "full-name", "subtitle", NULL };

  f->db = rifq_test_db_new (NULL);
  rifq_db_set_actor (f->db, "admin");
  g_assert_true (rifq_staff_ensure_first (f->db, NULL));
  add (f, RIFQ_TEST_ID_1, "أحمد", "0501111111");
  add (f, RIFQ_TEST_ID_2, "خالد", "0502222222");
  add (f, RIFQ_TEST_ID_3, "سعد", "0503333333");
  f->list = rifq_record_list_new (f->db, kinds, shown, registry_query, NULL, NULL);
  f->heard = g_string_new (NULL);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f->heard);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 3);
}

static void
registry_teardown (Registry      *f,
                   gconstpointer  data)
{
  g_clear_object (&f->first);
  g_clear_object (&f->list);
  g_clear_object (&f->db);
  g_string_free (f->heard, TRUE);
}

static RifqBeneficiary *
row (Registry *f,
     guint     position)
{
  return g_list_model_get_item (G_LIST_MODEL (f->list), position);
}

/* The record shown at position, read afresh to be changed: rows are snapshots, never edited. */
static RifqBeneficiary *
copy_of_row (Registry *f,
             guint     position)
{
  g_autoptr(RifqBeneficiary) shown = row (f, position);
  g_autoptr(GError) error = NULL;
  RifqBeneficiary *copy = rifq_beneficiary_store_get (f->db, rifq_beneficiary_get_id (shown), &error);

  g_assert_no_error (error);
  return copy;
}

/* A beneficiary registered elsewhere in the program appears in its place, alone. */
static void
test_new_record_inserted_in_place (Registry      *f,
                                   gconstpointer  data)
{
  g_autoptr(RifqBeneficiary) second = NULL;
  g_autofree char *name = NULL;

  add (f, RIFQ_TEST_ID_4, "بدر", "0504444444");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 4);
  second = row (f, 1);
  g_object_get (second, "full-name", &name, NULL);
  g_assert_true (g_str_has_prefix (name, "بدر"));
  g_assert_cmpstr (f->heard->str, ==, "1:0:1 ");
}

/* A change to what a row shows replaces that row and no other. */
static void
test_changed_record_replaces_its_row_only (Registry      *f,
                                           gconstpointer  data)
{
  g_autoptr(RifqBeneficiary) middle = copy_of_row (f, 1);
  g_autoptr(RifqBeneficiary) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  rifq_beneficiary_set (middle, RIFQ_FIELD_MOBILE, "0509999999");
  g_assert_true (rifq_beneficiary_store_update (f->db, middle, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->heard->str, ==, "1:1:1 ");
  shown = row (f, 1);
  g_object_get (shown, "subtitle", &subtitle, NULL);
  g_assert_nonnull (strstr (subtitle, "0509999999"));
}

/* A change the rows do not show, or to another kind of record, leaves every row as it is. */
static void
test_unshown_changes_leave_rows (Registry      *f,
                                 gconstpointer  data)
{
  g_autoptr(RifqBeneficiary) before = row (f, 0);
  g_autoptr(RifqBeneficiary) first = copy_of_row (f, 0);
  g_autoptr(RifqBeneficiary) still = NULL;
  g_autoptr(GError) error = NULL;

  rifq_beneficiary_set (first, RIFQ_FIELD_HEALTH_NOTES, "يستخدم عكازًا");
  g_assert_true (rifq_beneficiary_store_update (f->db, first, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rifq_settings_save (f->db, "decision_period_days", "21", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->heard->str, ==, "");
  still = row (f, 0);
  g_assert_true (still == before);
}

/* Shown again, every row is made again, whatever changed. */
static void
test_reload_makes_every_row_again (Registry      *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_record_list_reload (f->list, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->heard->str, ==, "0:3:3 ");
}

static GPtrArray *
failing_query (RifqDb   *db,
               gpointer  user_data,
               GError  **error)
{
  gboolean *fail = user_data;

  if (*fail)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_BUSY, "busy");
      return NULL;
    }
  return rifq_beneficiary_store_list (db, 0, 100, error);
}

/* Records that cannot be read are not left on screen as if they still were so. */
static void
test_failed_read_empties_the_list (Registry      *f,
                                   gconstpointer  data)
{
  static const char * const kinds[] = { "beneficiary", NULL };
  static const char * const shown[] = { "full-name", NULL };
  gboolean fail = FALSE;
  g_autoptr(RifqRecordList) list = rifq_record_list_new (f->db, kinds, shown, failing_query, &fail, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  fail = TRUE;
  g_assert_false (rifq_record_list_refresh (list, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_BUSY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_nonnull (rifq_record_list_get_error (list));
  fail = FALSE;
  g_assert_true (rifq_record_list_refresh (list, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_null (rifq_record_list_get_error (list));
}

int
main (int   argc,
      char *argv[])
{
  rifq_test_init (&argc, &argv);

  g_test_add ("/record-list/new-record-inserted-in-its-place", Registry, NULL, registry_setup,
              test_new_record_inserted_in_place, registry_teardown);
  g_test_add ("/record-list/changed-record-replaces-its-row-only", Registry, NULL, registry_setup,
              test_changed_record_replaces_its_row_only, registry_teardown);
  g_test_add ("/record-list/unshown-changes-leave-every-row", Registry, NULL, registry_setup,
              test_unshown_changes_leave_rows, registry_teardown);
  g_test_add ("/record-list/reload-makes-every-row-again", Registry, NULL, registry_setup,
              test_reload_makes_every_row_again, registry_teardown);
  g_test_add ("/record-list/failed-read-empties-the-list", Registry, NULL, registry_setup,
              test_failed_read_empties_the_list, registry_teardown);
  return g_test_run ();
}
