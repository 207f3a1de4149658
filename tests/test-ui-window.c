/* test-ui-window.c: the window as a desk officer meets it (runs under Xvfb)
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rifq-application.h"
#include "rifq-beneficiary-store.h"
#include "rifq-error.h"
#include "rifq-locale.h"
#include "rifq-committee.h"
#include "rifq-committee-queue.h"
#include "rifq-lookup-dialog.h"
#include "rifq-lookup-row.h"
#include "rifq-preferences-window.h"
#include "rifq-privacy.h"
#include "rifq-request-sheet.h"
#include "rifq-seal.h"
#include "rifq-settings.h"
#include "rifq-request-store.h"
#include "rifq-research-page.h"
#include "rifq-audit-page.h"
#include "rifq-staff.h"
#include "rifq-test-request.h"
#include "rifq-screenshot.h"
#include "rifq-test-ui.h"
#include "rifq-test-util.h"
#include "rifq-account.h"
#include "rifq-login-window.h"
#include "rifq-window.h"

static RifqDb *
registry_with_people (void)
{
  RifqDb *db = rifq_test_db_new (NULL);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_1, "فاطمة", "الزهراني", "0501111111"));
  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_2, "أحمد", "العتيبي", "0502222222"));
  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_3, "منيرة", "الحربي", "0503333333"));
  g_assert_true (rifq_beneficiary_store_add_many (db, people, NULL, NULL));
  return db;
}

static RifqWindow *
open_window (RifqDb *db)
{
  RifqWindow *window = rifq_test_window_new (db);

  gtk_window_present (GTK_WINDOW (window));
  rifq_test_spin (200);
  return window;
}

static gboolean
is_arabic_text (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return c >= 0x0600 && c <= 0x06FF;
}

static void
test_opens_right_to_left_in_arabic (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  RifqWindow *window = open_window (db);
  g_autoptr(GPtrArray) sections = rifq_test_sidebar_titles (window);
  gboolean registry_found = FALSE;

  g_assert_true (rifq_locale_is_arabic ());
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);

  /* The policy's eight channels in its order and wording, then the officer's tools. */
  /* … the work queues, the registry, the board, the audit log and the files past retention (its
   * first member of staff is an administrator). */
  g_assert_cmpuint (sections->len, ==, 8 + 4 + 3 + 1 + 1 + 2);
  g_assert_cmpstr (g_ptr_array_index (sections, sections->len - 1), ==, "ملفات تجاوزت مدة الحفظ");
  g_assert_cmpstr (g_ptr_array_index (sections, 0), ==, "المقابلة الشخصية");
  g_assert_cmpstr (g_ptr_array_index (sections, 7), ==, "مناديب المكاتب الفرعية");
  g_assert_cmpstr (g_ptr_array_index (sections, 8), ==, "اللائحة الأساسية للجمعية");
  g_assert_cmpstr (g_ptr_array_index (sections, 11), ==, "طلب دعم مستفيد");
  for (guint i = 0; i < sections->len; i++)
    {
      const char *label = g_ptr_array_index (sections, i);

      g_assert_true (is_arabic_text (label));
      registry_found |= g_str_equal (label, _("Beneficiary Registry"));
    }
  g_assert_true (registry_found);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_shows_matching_people (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  RifqWindow *window = open_window (db);
  RifqRegistryPage *page = rifq_window_get_registry_page (window);
  RifqBeneficiaryModel *model = rifq_registry_page_get_model (page);
  g_autoptr(RifqBeneficiary) found = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* Typed as people type: ه for ة. */
  gtk_editable_set_text (rifq_registry_page_get_search_entry (page), "فاطمه");
  rifq_test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  found = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (rifq_beneficiary_get (found, RIFQ_FIELD_NATIONAL_ID), ==, RIFQ_TEST_ID_1);

  gtk_editable_set_text (rifq_registry_page_get_search_entry (page), "٠٥٠٢");
  rifq_test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  gtk_editable_set_text (rifq_registry_page_get_search_entry (page), "زيد");
  rifq_test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *find_named (GtkWidget  *root,
                              const char *name);

/* The row of field in the beneficiary form. */
static GtkWidget *
field_row (RifqBeneficiaryEditor *editor,
           RifqField              field)
{
  GtkWidget *row = find_named (GTK_WIDGET (editor), rifq_field_info (field)->key);

  g_assert_nonnull (row);
  return row;
}

/* Types text into field of the form as the officer would; a choice is given by its code. */
static void
type_field (RifqBeneficiaryEditor *editor,
            RifqField              field,
            const char            *text)
{
  const RifqFieldInfo *info = rifq_field_info (field);
  GtkWidget *row = field_row (editor, field);

  if (ADW_IS_COMBO_ROW (row))
    {
      /* A choice that may be left empty has "Not given" first. */
      guint offset = info->fallback == NULL ? 1 : 0;

      for (guint i = 0; info->choices[i] != NULL; i++)
        if (g_str_equal (info->choices[i], text))
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), offset + i);
      g_assert_cmpstr (info->choices[adw_combo_row_get_selected (ADW_COMBO_ROW (row)) - offset], ==, text);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_form (RifqBeneficiaryEditor *editor,
           const char            *national_id)
{
  type_field (editor, RIFQ_FIELD_NATIONAL_ID, national_id);
  type_field (editor, RIFQ_FIELD_FIRST_NAME, "سعد");
  type_field (editor, RIFQ_FIELD_FATHER_NAME, "ناصر");
  type_field (editor, RIFQ_FIELD_GRANDFATHER_NAME, "علي");
  type_field (editor, RIFQ_FIELD_FAMILY_NAME, "الدوسري");
  type_field (editor, RIFQ_FIELD_SEX, "male");
  type_field (editor, RIFQ_FIELD_BIRTH_DATE, "1362/04/10");
  type_field (editor, RIFQ_FIELD_MOBILE, "0559998888");
  type_field (editor, RIFQ_FIELD_CITY, "الدمام");
  type_field (editor, RIFQ_FIELD_LIVING_SITUATION, "alone");
}

/* The problems the form shows above its fields after a refused save. */
static const char *
shown_problems (RifqBeneficiaryEditor *editor)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (editor), RIFQ_TYPE_BENEFICIARY_EDITOR,
                                                  "problems_label");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
screenshot_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = rifq_screenshot_save_finish (result, &error);
  g_assert_no_error (error);
}

/* With RIFQ_SCREENSHOT_DIR set (for the README), saves what widget shows as file there. */
static void
shoot_if_asked (GtkWidget  *widget,
                const char *file)
{
  g_autofree char *path = NULL;
  gboolean saved = FALSE;

  if (g_getenv ("RIFQ_SCREENSHOT_DIR") == NULL)
    return;
  path = g_build_filename (g_getenv ("RIFQ_SCREENSHOT_DIR"), file, NULL);
  rifq_screenshot_save_async (widget, path, NULL, screenshot_done_cb, &saved);
  for (guint waited = 0; !saved && waited < 100; waited++)
    rifq_test_spin (50);
  g_assert_true (saved);
}

/* Two officers on one record: the one who saves second is told who saved first and when, keeps
 * what they typed, reloads with the other's changes and theirs on top, and saves both. */
static void
test_form_saved_elsewhere_keeps_what_was_typed (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(RifqBeneficiary) theirs = NULL;
  g_autoptr(RifqBeneficiary) stored = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RifqWindow *window;
  RifqRegistryPage *page;
  RifqBeneficiaryEditor *editor;
  GtkWidget *reload;
  gint64 id;

  db = rifq_test_db_new (&location);
  rifq_db_set_actor (db, "admin");
  g_assert_true (rifq_staff_ensure_first (db, &error));
  g_assert_true (rifq_staff_save (db, "noura", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_1, "فاطمة", "الزهراني", "0501111111"));
  g_assert_true (rifq_beneficiary_store_add_many (db, people, NULL, NULL));
  id = rifq_beneficiary_get_id (g_ptr_array_index (people, 0));
  window = open_window (db);
  page = rifq_window_get_registry_page (window);
  editor = rifq_registry_page_get_editor (page);
  g_assert_true (rifq_registry_page_open (page, id, &error));
  g_assert_no_error (error);

  /* Meanwhile, at another workstation. */
  there = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (there, "noura");
  theirs = rifq_beneficiary_store_get (there, id, &error);
  rifq_beneficiary_set (theirs, RIFQ_FIELD_CITY, "جدة");
  g_assert_true (rifq_beneficiary_store_update (there, theirs, NULL, NULL, &error));
  g_assert_no_error (error);

  type_field (editor, RIFQ_FIELD_HEALTH_NOTES, "تحتاج زيارة منزلية");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  rifq_test_spin (100);
  g_assert_true (rifq_registry_page_is_editing (page));
  g_assert_true (is_arabic_text (shown_problems (editor)));
  g_assert_nonnull (strstr (shown_problems (editor), "نورة العتيبي"));
  g_assert_nonnull (strstr (shown_problems (editor), "فاطمة"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (editor, RIFQ_FIELD_HEALTH_NOTES))), ==,
                   "تحتاج زيارة منزلية");
  stored = rifq_beneficiary_store_get (db, id, NULL);
  g_assert_cmpstr (rifq_beneficiary_get (stored, RIFQ_FIELD_HEALTH_NOTES), ==, NULL);

  shoot_if_asked (GTK_WIDGET (window), "form-saved-elsewhere.png");

  reload = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), RIFQ_TYPE_BENEFICIARY_EDITOR,
                                                      "reload_button"));
  g_assert_true (gtk_widget_get_visible (reload));
  g_signal_emit_by_name (reload, "clicked");
  rifq_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (editor, RIFQ_FIELD_CITY))), ==, "جدة");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (editor, RIFQ_FIELD_HEALTH_NOTES))), ==,
                   "تحتاج زيارة منزلية");
  g_assert_false (gtk_widget_get_visible (reload));

  g_assert_cmpint (rifq_beneficiary_editor_save (editor), ==, RIFQ_SAVE_SAVED);
  g_clear_object (&stored);
  stored = rifq_beneficiary_store_get (there, id, NULL);
  g_assert_cmpstr (rifq_beneficiary_get (stored, RIFQ_FIELD_CITY), ==, "جدة");
  g_assert_cmpstr (rifq_beneficiary_get (stored, RIFQ_FIELD_HEALTH_NOTES), ==, "تحتاج زيارة منزلية");
  g_assert_cmpint (rifq_beneficiary_get_version (stored), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A committee member reads the registry but registers nobody: the window does not offer it. */
static void
test_new_beneficiary_not_offered_to_who_may_not (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  RifqWindow *window;
  RifqRegistryPage *page;

  rifq_test_act_as (db, "member", RIFQ_ROLE_COMMITTEE);
  window = open_window (db);
  page = rifq_window_get_registry_page (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-beneficiary", NULL);
  rifq_test_spin (50);
  g_assert_false (rifq_registry_page_is_editing (page));
  gtk_window_destroy (GTK_WINDOW (window));

  /* A desk officer is offered it. */
  rifq_test_act_as (db, "desk", RIFQ_ROLE_DESK);
  window = open_window (db);
  page = rifq_window_get_registry_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-beneficiary", NULL));
  g_assert_true (rifq_registry_page_is_editing (page));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The form's row of a field (named by the field's key). */
static GtkWidget *
form_row (GtkWidget *editor,
          RifqField  field)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rifq_test_collect_type (editor, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (rows, i)), rifq_field_info (field)->key))
      return g_ptr_array_index (rows, i);
  g_error ("No row for the field “%s”", rifq_field_info (field)->key);
  return NULL;
}

/* A committee member reads a beneficiary's record but may not change it: the form shows it with
 * nothing to type into, switch, choose or add, and no Save; the desk officer's is as before. */
static void
test_record_read_only_for_who_may_not_change_it (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(RifqBeneficiary) person = rifq_beneficiary_store_get_by_national_id (db, RIFQ_TEST_ID_2, NULL);
  const char *as[] = { "member", "desk" };
  const RifqRole roles[] = { RIFQ_ROLE_COMMITTEE, RIFQ_ROLE_DESK };

  for (guint i = 0; i < G_N_ELEMENTS (as); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean may_change = roles[i] == RIFQ_ROLE_DESK;
      RifqWindow *window;
      RifqRegistryPage *page;
      GtkWidget *editor;
      GObject *save;
      gint64 writes;

      rifq_test_act_as (db, as[i], roles[i]);
      window = open_window (db);
      page = rifq_window_get_registry_page (window);
      editor = GTK_WIDGET (rifq_registry_page_get_editor (page));
      save = gtk_widget_get_template_child (GTK_WIDGET (page), RIFQ_TYPE_REGISTRY_PAGE, "save_button");
      g_assert_true (rifq_registry_page_open (page, rifq_beneficiary_get_id (person), &error));
      g_assert_no_error (error);
      rifq_test_spin (50);

      g_assert_cmpint (rifq_beneficiary_editor_get_read_only (RIFQ_BENEFICIARY_EDITOR (editor)), ==, !may_change);
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (save)), ==, may_change);
      g_assert_cmpint (gtk_editable_get_editable (GTK_EDITABLE (form_row (editor, RIFQ_FIELD_MOBILE))), ==, may_change);
      g_assert_cmpint (gtk_widget_get_sensitive (form_row (editor, RIFQ_FIELD_SEX)), ==, may_change);
      /* No caregiver to add, and no pencil beside the values (the stylesheet's read-only). */
      g_assert_cmpint (gtk_widget_get_visible (adw_preferences_group_get_header_suffix (
                         ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (editor, RIFQ_TYPE_BENEFICIARY_EDITOR,
                                                                               "caregivers_group")))), ==, may_change);
      g_assert_cmpint (gtk_widget_has_css_class (editor, "read-only"), ==, !may_change);
      /* Its value is shown all the same. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_row (editor, RIFQ_FIELD_FIRST_NAME))), ==,
                       rifq_beneficiary_get (person, RIFQ_FIELD_FIRST_NAME));
      /* Ctrl+S saves nothing for who may not, and is not refused either: nothing was offered. */
      writes = rifq_test_count (db, "SELECT count(*) FROM audit");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      rifq_test_spin (50);
      if (!may_change)
        g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, writes);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The message dialog open over the window, after a moment. */
static AdwMessageDialog *
open_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  rifq_test_spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (windows, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gint64
standing_consents (RifqDb *db,
                   gint64  beneficiary)
{
  g_autoptr(GPtrArray) consents = rifq_consent_list (db, beneficiary, NULL);
  gint64 n = 0;

  g_assert_nonnull (consents);
  for (guint i = 0; i < consents->len; i++)
    n += ((RifqConsent *) g_ptr_array_index (consents, i))->withdrawn_on == NULL;
  return n;
}

/* The desk records a consent from the beneficiary's form and, after asking, its withdrawal;
 * both are kept. A committee member is not offered it, and core refuses it when asked anyway. */
static void
test_consent_recorded_and_withdrawn_from_the_form (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(RifqBeneficiary) person = rifq_beneficiary_store_get_by_national_id (db, RIFQ_TEST_ID_1, NULL);
  gint64 id = rifq_beneficiary_get_id (person);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  RifqWindow *window;
  RifqRegistryPage *page;
  GtkWidget *group;
  GtkWidget *record;

  rifq_test_act_as (db, "desk", RIFQ_ROLE_DESK);
  window = open_window (db);
  page = rifq_window_get_registry_page (window);
  g_assert_true (rifq_registry_page_open (page, id, &error));
  g_assert_no_error (error);
  rifq_test_spin (50);
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (rifq_registry_page_get_editor (page)),
                                                     RIFQ_TYPE_BENEFICIARY_EDITOR, "consent_group"));
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_true (gtk_widget_activate_action (group, "consent.record", "s", "contact"));
  rifq_test_spin (50);
  g_assert_cmpint (standing_consents (db, id), ==, 1);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE record_kind = 'consent'"), ==, 1);

  /* Asked first; cancelled, nothing changes. */
  {
    g_autoptr(GPtrArray) consents = rifq_consent_list (db, id, NULL);
    gint64 consent = ((RifqConsent *) g_ptr_array_index (consents, 0))->id;

    g_assert_true (gtk_widget_activate_action (group, "consent.withdraw", "x", consent));
    dialog = open_dialog ();
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    rifq_test_spin (50);
    g_assert_cmpint (standing_consents (db, id), ==, 1);

    g_assert_true (gtk_widget_activate_action (group, "consent.withdraw", "x", consent));
    dialog = open_dialog ();
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "withdraw");
    gtk_window_destroy (GTK_WINDOW (dialog));
    rifq_test_spin (50);
    g_assert_cmpint (standing_consents (db, id), ==, 0);
  }
  /* Both the consent and its withdrawal are still in the record. */
  {
    g_autoptr(GPtrArray) consents = rifq_consent_list (db, id, NULL);

    g_assert_cmpuint (consents->len, ==, 1);
    g_assert_nonnull (((RifqConsent *) g_ptr_array_index (consents, 0))->withdrawn_on);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* A committee member reads the record: no Record button, and the action is refused by core,
   * writing nothing. */
  rifq_test_act_as (db, "member", RIFQ_ROLE_COMMITTEE);
  window = open_window (db);
  page = rifq_window_get_registry_page (window);
  g_assert_true (rifq_registry_page_open (page, id, &error));
  rifq_test_spin (50);
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (rifq_registry_page_get_editor (page)),
                                                     RIFQ_TYPE_BENEFICIARY_EDITOR, "consent_group"));
  record = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group));
  g_assert_false (gtk_widget_get_visible (record));
  gtk_widget_activate_action (group, "consent.record", "s", "records");
  rifq_test_spin (50);
  g_assert_cmpint (standing_consents (db, id), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Everything held about a person is exported by an administrator: the form offers it to them,
 * not to the desk. */
static void
test_export_offered_to_administrators_only (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(RifqBeneficiary) person = rifq_beneficiary_store_get_by_national_id (db, RIFQ_TEST_ID_2, NULL);
  g_autoptr(GError) error = NULL;
  RifqWindow *window;
  RifqRegistryPage *page;
  GObject *more;

  rifq_db_set_actor (db, "admin");
  window = open_window (db);
  page = rifq_window_get_registry_page (window);
  more = gtk_widget_get_template_child (GTK_WIDGET (page), RIFQ_TYPE_REGISTRY_PAGE, "editor_menu_button");
  g_assert_true (rifq_registry_page_open (page, rifq_beneficiary_get_id (person), &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more)));
  /* Not for a record not saved yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-beneficiary", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));
  gtk_window_destroy (GTK_WINDOW (window));

  rifq_test_act_as (db, "desk", RIFQ_ROLE_DESK);
  window = open_window (db);
  page = rifq_window_get_registry_page (window);
  more = gtk_widget_get_template_child (GTK_WIDGET (page), RIFQ_TYPE_REGISTRY_PAGE, "editor_menu_button");
  g_assert_true (rifq_registry_page_open (page, rifq_beneficiary_get_id (person), &error));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The retention review, for administrators: a closed file past the period is listed, and opens
 * in the registry's form; nothing is deleted. A desk officer has no such page. */
static void
test_retention_review_for_administrators_only (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(RifqBeneficiary) person = rifq_beneficiary_store_get_by_national_id (db, RIFQ_TEST_ID_3, NULL);
  g_autoptr(GError) error = NULL;
  gint64 people = rifq_test_count (db, "SELECT count(*) FROM beneficiary");
  RifqRetentionPage *review;
  RifqWindow *window;
  GtkListBox *list;

  rifq_db_set_actor (db, "admin");
  rifq_beneficiary_set (person, RIFQ_FIELD_STATUS, "deceased");
  g_assert_true (rifq_beneficiary_store_update (db, person, NULL, NULL, &error));
  g_assert_no_error (error);
  rifq_test_set_today (db, "2045-01-01");

  window = open_window (db);
  review = rifq_window_get_retention_page (window);
  g_assert_nonnull (review);
  g_assert_nonnull (rifq_window_show_page (window, "retention", &error));
  g_assert_no_error (error);
  rifq_test_spin (600);
  g_assert_cmpuint (rifq_retention_page_get_n_files (review), ==, 1);
  shoot_if_asked (GTK_WIDGET (window), "retention.png");
  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (review), RIFQ_TYPE_RETENTION_PAGE, "list"));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  rifq_test_spin (50);
  g_assert_true (rifq_registry_page_is_editing (rifq_window_get_registry_page (window)));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, people);
  gtk_window_destroy (GTK_WINDOW (window));

  rifq_test_act_as (db, "desk", RIFQ_ROLE_DESK);
  window = open_window (db);
  g_assert_null (rifq_window_get_retention_page (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_audit_rows (GtkWidget *page)
{
  GObject *list = gtk_widget_get_template_child (page, RIFQ_TYPE_AUDIT_PAGE, "entry_list");
  guint n = 0;

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* The audit log is a page for administrators: shown to them with every entry, filtered by
 * person; not in a desk officer's window at all. */
static void
test_audit_page_for_administrators_only (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(GError) error = NULL;
  RifqWindow *window;
  GtkWidget *page;

  rifq_test_act_as (db, "desk", RIFQ_ROLE_DESK);
  {
    g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_4, "هيا", "القحطاني", "0504444444");

    g_assert_true (rifq_beneficiary_store_add (db, b, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  window = open_window (db);
  g_assert_null (rifq_window_show_page (window, "audit", &error));
  g_clear_error (&error);
  g_assert_null (rifq_window_get_audit_page (window));
  gtk_window_destroy (GTK_WINDOW (window));

  rifq_db_set_actor (db, "admin");
  window = open_window (db);
  g_assert_nonnull (rifq_window_show_page (window, "audit", &error));
  g_assert_no_error (error);
  page = GTK_WIDGET (rifq_window_get_audit_page (window));
  g_assert_nonnull (page);
  rifq_test_spin (50);
  g_assert_cmpint (n_audit_rows (page), ==, rifq_test_count (db, "SELECT count(*) FROM audit"));
  rifq_audit_page_filter (RIFQ_AUDIT_PAGE (page), "desk", NULL, NULL, NULL, NULL);
  rifq_test_spin (50);
  g_assert_cmpint (n_audit_rows (page), ==, 1);
  /* A day that is not a date: said, and what was shown stays. */
  rifq_audit_page_filter (RIFQ_AUDIT_PAGE (page), NULL, "beneficiary", NULL, "31/02/2026", NULL);
  rifq_test_spin (50);
  g_assert_cmpint (n_audit_rows (page), ==, rifq_test_count (db, "SELECT count(*) FROM audit WHERE actor = 'desk'"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_form_bad_id_shows_message_writes_nothing (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  RifqWindow *window = open_window (db);
  RifqRegistryPage *page = rifq_window_get_registry_page (window);
  RifqBeneficiaryEditor *editor = rifq_registry_page_get_editor (page);
  gint64 audit_before = rifq_test_count (db, "SELECT count(*) FROM audit");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-beneficiary", NULL));
  g_assert_true (rifq_registry_page_is_editing (page));
  fill_form (editor, "1000000000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  rifq_test_spin (100);

  /* The message names the field, in Arabic; the row is marked; nothing is written. */
  g_assert_nonnull (strstr (shown_problems (editor), rifq_field_label (RIFQ_FIELD_NATIONAL_ID)));
  g_assert_true (is_arabic_text (shown_problems (editor)));
  g_assert_true (gtk_widget_has_css_class (field_row (editor, RIFQ_FIELD_NATIONAL_ID), "error"));
  g_assert_false (gtk_widget_has_css_class (field_row (editor, RIFQ_FIELD_MOBILE), "error"));
  g_assert_true (rifq_registry_page_is_editing (page));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary"), ==, 3);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, audit_before);

  /* build-aux/screenshots keeps a picture of the refused form for the README. */
  shoot_if_asked (GTK_WIDGET (window), "form-errors.png");

  /* What was typed is still there, to correct. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (editor, RIFQ_FIELD_FAMILY_NAME))), ==, "الدوسري");
  g_assert_true (rifq_beneficiary_editor_get_dirty (editor));

  /* Corrected, it saves, and the registry shows the new person. */
  type_field (editor, RIFQ_FIELD_NATIONAL_ID, "١٠٠٠٠٠٠٠٣٢");
  g_assert_cmpint (rifq_beneficiary_editor_save (editor), ==, RIFQ_SAVE_SAVED);
  rifq_test_spin (100);
  g_assert_false (rifq_registry_page_is_editing (page));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM beneficiary WHERE national_id = '1000000032' "
                                        "AND birth_date = '1943-04-15'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rifq_registry_page_get_model (page))), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshot_writes_png (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  RifqWindow *window = open_window (db);
  g_autofree char *dir = g_dir_make_tmp ("rifq-shot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "registry.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;
  guint waited = 0;

  rifq_screenshot_save_async (GTK_WIDGET (window), path, NULL, screenshot_done_cb, &saved);
  while (!saved && waited++ < 100)
    rifq_test_spin (50);
  g_assert_true (saved);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_texture_get_height (texture), >, 300);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each command's keys, in the window's language and direction (Arabic, right to left). */
static void
test_shortcuts_window_shows_keys (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  RifqWindow *window = open_window (db);

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  rifq_test_assert_shortcuts_show_keys (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A request referred to social research, as the desk leaves it. */
static gint64
referred_request (RifqDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqRequestDraft draft = { 1, "food_basket", "phone", "سلة غذائية شهرية", -1, NULL };
  RifqStepDetails question = { .text = "هل يشمل الدعم من يسكن مع ابنه؟" };

  /* As the first member of staff would be: desk officer, researcher and administrator. */
  rifq_test_act_as (db, "desk", RIFQ_ROLE_DESK | RIFQ_ROLE_RESEARCHER | RIFQ_ROLE_ADMIN);
  r = rifq_request_store_create (db, &draft, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_request_store_advance (db, r->id, RIFQ_ACTION_COLLECT, NULL, &error));
  g_assert_true (rifq_request_store_advance (db, r->id, RIFQ_ACTION_REFER, &question, &error));
  g_assert_no_error (error);
  return r->id;
}

static void
test_lookup_reads_where_the_request_is (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(RifqRequest) r = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  RifqLookupDialog *dialog;
  RifqWindow *window;

  r = rifq_request_store_get (db, referred_request (db), NULL);
  expected = rifq_request_describe (r, NULL);
  window = open_window (db);
  dialog = RIFQ_LOOKUP_DIALOG (rifq_window_show_page (window, "lookup:" RIFQ_TEST_ID_1, &error));
  g_assert_no_error (error);
  rifq_test_spin (100);
  {
    GObject *results = gtk_widget_get_template_child (GTK_WIDGET (dialog), RIFQ_TYPE_LOOKUP_DIALOG, "results");
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 0);
    g_autofree char *shown = rifq_ui_display_digits (expected);

    GObject *sentence = gtk_widget_get_template_child (GTK_WIDGET (first), RIFQ_TYPE_LOOKUP_ROW, "sentence_label");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sentence)), ==, shown);
  }
  /* Read aloud in Arabic: "الطلب رقم … الخاص بـ فاطمة …" */
  g_assert_nonnull (strstr (expected, "فاطمة"));
  g_assert_nonnull (strstr (expected, r->number));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On the server: the association's server away, the window says so in one line at its foot, the
 * form keeps what was typed, "Where is my request?" says the server cannot be reached rather
 * than "not found", and once the server is back the line goes and the form saves. */
static void
test_server_away_said_calmly_nothing_lost (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name = g_strrstr (location, "dbname=") + strlen ("dbname=");
  g_autofree char *keep_out = g_strdup_printf ("ALTER DATABASE %s ALLOW_CONNECTIONS false", name);
  g_autofree char *let_in = g_strdup_printf ("ALTER DATABASE %s ALLOW_CONNECTIONS true", name);
  g_autofree char *end = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                          " WHERE datname = '%s' AND pid <> pg_backend_pid ()", name);
  PGconn *admin = PQconnectdb (g_getenv ("RIFQ_TEST_POSTGRES"));
  RifqLookupDialog *dialog;
  RifqRegistryPage *page;
  RifqBeneficiaryEditor *editor;
  GObject *bar;
  RifqWindow *window;
  gint64 start;

  g_ptr_array_add (people, rifq_test_beneficiary (RIFQ_TEST_ID_1, "فاطمة", "الزهراني", "0501111111"));
  g_assert_true (rifq_beneficiary_store_add_many (db, people, NULL, NULL));
  g_assert_true (rifq_db_watch_others (db, &error));
  window = open_window (db);
  bar = gtk_widget_get_template_child (GTK_WIDGET (window), RIFQ_TYPE_WINDOW, "offline_bar");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bar)));
  page = rifq_window_get_registry_page (window);
  editor = rifq_registry_page_get_editor (page);
  g_assert_true (rifq_registry_page_open (page, rifq_beneficiary_get_id (g_ptr_array_index (people, 0)), &error));
  type_field (editor, RIFQ_FIELD_HEALTH_NOTES, "تحتاج زيارة منزلية");

  PQclear (PQexec (admin, keep_out));
  PQclear (PQexec (admin, end));
  g_assert_cmpint (rifq_beneficiary_editor_save (editor), ==, RIFQ_SAVE_REFUSED);
  rifq_test_spin (100);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (bar)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (editor, RIFQ_FIELD_HEALTH_NOTES))), ==,
                   "تحتاج زيارة منزلية");

  dialog = RIFQ_LOOKUP_DIALOG (rifq_window_show_page (window, "lookup:" RIFQ_TEST_ID_1, &error));
  g_assert_no_error (error);
  rifq_test_spin (100);
  {
    GObject *status = gtk_widget_get_template_child (GTK_WIDGET (dialog), RIFQ_TYPE_LOOKUP_DIALOG, "status_page");

    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                     g_dgettext (GETTEXT_PACKAGE, "The Server Cannot Be Reached"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  shoot_if_asked (GTK_WIDGET (window), "server-away.png");

  PQclear (PQexec (admin, let_in));
  PQfinish (admin);
  start = g_get_monotonic_time ();
  while (gtk_revealer_get_reveal_child (GTK_REVEALER (bar)) && g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE)
    rifq_test_spin (50);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bar)));
  g_assert_cmpint (rifq_beneficiary_editor_save (editor), ==, RIFQ_SAVE_SAVED);
  {
    g_autoptr(RifqBeneficiary) saved = rifq_beneficiary_store_get (db, rifq_beneficiary_get_id (g_ptr_array_index (people, 0)),
                                                                    NULL);

    g_assert_cmpstr (rifq_beneficiary_get (saved, RIFQ_FIELD_HEALTH_NOTES), ==, "تحتاج زيارة منزلية");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_rows (GtkWidget *root)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rifq_test_collect_type (root, GTK_TYPE_LIST_BOX_ROW, rows);
  return rows->len;
}

/* A request made while the caller is on the line appears in the answer already given. */
static void
test_lookup_follows_the_store (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(GError) error = NULL;
  RifqLookupDialog *dialog;
  RifqWindow *window;
  guint before;

  referred_request (db);
  window = open_window (db);
  dialog = RIFQ_LOOKUP_DIALOG (rifq_window_show_page (window, "lookup:" RIFQ_TEST_ID_1, &error));
  g_assert_no_error (error);
  rifq_test_spin (100);
  before = count_rows (GTK_WIDGET (dialog));
  g_assert_cmpuint (before, >=, 1);

  referred_request (db);
  rifq_test_spin (50);
  g_assert_cmpuint (count_rows (GTK_WIDGET (dialog)), ==, before + 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* How many requests the committee's queue lists. */
static guint
committee_waiting (RifqCommitteePage *page)
{
  g_autoptr(GPtrArray) queues = g_ptr_array_new ();
  GtkListBox *list;
  guint n = 0;

  rifq_test_collect_type (GTK_WIDGET (page), RIFQ_TYPE_COMMITTEE_QUEUE, queues);
  g_assert_cmpuint (queues->len, ==, 1);
  list = GTK_LIST_BOX (rifq_test_widget (g_ptr_array_index (queues, 0), "list"));
  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* What the open meeting says under its members: attendance, quorum, the minutes' state. */
static const char *
meeting_summary (RifqCommitteePage *page)
{
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (rifq_test_widget (GTK_WIDGET (page),
                                                                                          "members_group")));
}

/* How many requests the research queue lists. */
static guint
n_waiting (RifqResearchPage *page)
{
  GObject *queue = gtk_widget_get_template_child (GTK_WIDGET (page), RIFQ_TYPE_RESEARCH_PAGE, "queue_list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (queue), (int) n) != NULL)
    n++;
  return n;
}

/* Types the answer to the shown referral into the research page's form, as the officer would;
 * NULL leaves a field empty. */
static void
type_answer (RifqResearchPage *page,
             const char       *answer,
             const char       *visit_on,
             const char       *findings,
             const char       *household,
             const char       *recommendation)
{
  struct { const char *field; const char *text; } typed[] = {
    { "answer_view", answer }, { "visit_row", visit_on }, { "findings_view", findings },
    { "household_row", household }, { "recommendation_row", recommendation },
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      GObject *field = gtk_widget_get_template_child (GTK_WIDGET (page), RIFQ_TYPE_RESEARCH_PAGE, typed[i].field);
      const char *text = typed[i].text != NULL ? typed[i].text : "";

      g_assert_nonnull (field);
      if (GTK_IS_TEXT_VIEW (field))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (field), text);
    }
}

/* Presses Send on the research page. */
static void
send_answer (RifqResearchPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "research.send", NULL));
  rifq_test_spin (50);
}

static void
test_researcher_answers_referral (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(RifqRequest) after = NULL;
  g_autoptr(GError) error = NULL;
  RifqResearchPage *page;
  RifqWindow *window;
  gint64 id = referred_request (db);

  window = open_window (db);
  g_assert_nonnull (rifq_window_show_page (window, "research", &error));
  page = rifq_window_get_research_page (window);
  rifq_test_spin (100);
  g_assert_cmpuint (n_waiting (page), ==, 1);
  g_assert_true (rifq_research_page_select (page, id));

  /* A visit without its recommendation is refused and nothing changes. */
  type_answer (page, "نعم، إذا كان دخل الأسرة دون الحد", "2026-11-20", "يسكن مع ابنه", NULL, NULL);
  send_answer (page);
  g_assert_cmpuint (n_waiting (page), ==, 1);
  after = rifq_request_store_get (db, id, NULL);
  g_assert_cmpint (after->state, ==, RIFQ_REQUEST_REFERRED);
  g_clear_object (&after);

  type_answer (page, "نعم، إذا كان دخل الأسرة دون الحد", "2026-11-20", "يسكن مع ابنه", "ثلاثة أفراد", "يستحق الدعم");
  send_answer (page);
  rifq_test_spin (100);
  g_assert_cmpuint (n_waiting (page), ==, 0);
  after = rifq_request_store_get (db, id, NULL);
  g_assert_cmpint (after->state, ==, RIFQ_REQUEST_INCOMPLETE);
  g_assert_cmpstr (((RifqReferral *) g_ptr_array_index (after->referrals, 0))->visit_recommendation, ==, "يستحق الدعم");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A social researcher works from what was referred to them: the window offers the research
 * queue, not the registry, the intake or the committee, nor the search of the registry. */
static void
test_researcher_window_shows_only_referred (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;
  RifqResearchPage *page;
  RifqWindow *window;
  gint64 id = referred_request (db);
  gboolean research_found = FALSE;
  GtkStack *pages;

  rifq_test_act_as (db, "salman", RIFQ_ROLE_RESEARCHER);
  window = open_window (db);
  pages = GTK_STACK (rifq_test_widget (GTK_WIDGET (window), "pages"));
  sections = rifq_test_sidebar_titles (window);
  for (guint i = 0; i < sections->len; i++)
    {
      const char *label = g_ptr_array_index (sections, i);

      g_assert_cmpstr (label, !=, _("Beneficiary Registry"));
      g_assert_cmpstr (label, !=, _("Intake"));
      g_assert_cmpstr (label, !=, _("Research Committee"));
      research_found |= g_str_equal (label, _("Social Research"));
    }
  g_assert_true (research_found);

  /* It opens on the queue; the registry's search and the intake's key lead nowhere from it. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "research");
  for (const char * const *action = (const char *[]) { "win.search", "win.go-registry", "win.go-intake",
                                                       "win.lookup-request", NULL };
       *action != NULL; action++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), *action, NULL);
      rifq_test_spin (50);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "research");
    }
  g_assert_null (rifq_window_show_page (window, "intake", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND);
  page = rifq_window_get_research_page (window);
  rifq_test_spin (100);
  g_assert_cmpuint (n_waiting (page), ==, 1);
  g_assert_true (rifq_research_page_select (page, id));
  /* Nothing was refused on the way: the window asked for nothing it may not read. */
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'refuse' AND actor = 'salman'"),
                   ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A referral made at another page appears in the researcher's queue as it is made, without the
 * page being shown again, and the request the researcher is answering stays in front of them. */
static void
test_research_queue_follows_the_store (void)
{
  g_autoptr(RifqDb) db = registry_with_people ();
  g_autoptr(GError) error = NULL;
  RifqResearchPage *page;
  RifqWindow *window;
  GtkListBox *list = NULL;
  gint64 first = referred_request (db);
  gint64 second;

  window = open_window (db);
  g_assert_nonnull (rifq_window_show_page (window, "research", &error));
  page = rifq_window_get_research_page (window);
  rifq_test_spin (100);
  g_assert_true (rifq_research_page_select (page, first));
  type_answer (page, "نعم", NULL, NULL, NULL, NULL);
  {
    g_autoptr(GPtrArray) lists = g_ptr_array_new ();

    /* The queue: the list with a row selected. */
    rifq_test_collect_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, lists);
    for (guint i = 0; i < lists->len && list == NULL; i++)
      if (gtk_list_box_get_selected_row (g_ptr_array_index (lists, i)) != NULL)
        list = g_ptr_array_index (lists, i);
    g_assert_nonnull (list);
  }

  second = referred_request (db);
  rifq_test_spin (50);
  g_assert_cmpuint (n_waiting (page), ==, 2);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 0);
  g_assert_true (second != first);

  /* What was typed for the first is still there: sending it answers the first. */
  {
    GObject *answer = gtk_widget_get_template_child (GTK_WIDGET (page), RIFQ_TYPE_RESEARCH_PAGE, "answer_view");
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (answer));
    GtkTextIter start, end;
    g_autofree char *typed = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (typed, ==, "نعم");
  }
  type_answer (page, "نعم، إذا كان دخل الأسرة دون الحد", NULL, NULL, NULL, NULL);
  send_answer (page);
  g_assert_cmpuint (n_waiting (page), ==, 1);
  g_assert_nonnull (rifq_request_store_get (db, second, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first widget under root with this name, or NULL. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A request edited with the sqlite3 shell after it was sealed is named in the committee's queue. */
static void
test_committee_queue_names_altered_request (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  RifqCommitteePage *page;
  RifqWindow *window;
  GtkWidget *label;

  rifq_test_staff (db);
  rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_1, "محمد", "0501234567"),
                               "food_basket");
  rifq_test_sql (db, "UPDATE request SET amount = 9000");
  rifq_db_set_actor (db, "chair");
  window = open_window (db);
  g_assert_nonnull (rifq_window_show_page (window, "committee", &error));
  page = rifq_window_get_committee_page (window);
  rifq_test_spin (100);
  label = find_named (GTK_WIDGET (page), "seal-altered");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, g_dgettext (GETTEXT_PACKAGE, "Not Genuine"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (label), g_dgettext (GETTEXT_PACKAGE, "the amount asked for")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The committee's page in a window open on db, as the chair sees it, with one request submitted
 * (its id in *request_id). */
static RifqCommitteePage *
committee_page_with_a_request (RifqDb      *db,
                               RifqWindow **window,
                               gint64      *request_id)
{
  g_autoptr(GError) error = NULL;

  rifq_test_staff (db);
  *request_id = rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_1, "محمد", "0501234567"),
                                             "food_basket");
  rifq_db_set_actor (db, "chair");
  *window = open_window (db);
  g_assert_nonnull (rifq_window_show_page (*window, "committee", &error));
  g_assert_no_error (error);
  rifq_test_spin (100);
  return rifq_window_get_committee_page (*window);
}

/* How many labels under root (those of buttons too) read text. */
static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  rifq_test_collect_type (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    n += g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0;
  return n;
}

/* Requests submitted and put on an agenda elsewhere (with rifq-admin, at another desk) reach the
 * committee's queue without the page being read again. */
/* Runs the main loop until the committee's queue lists n, or the test's patience runs out. */
static void
wait_for_waiting (RifqCommitteePage *page,
                  guint              n)
{
  gint64 start = g_get_monotonic_time ();

  while (committee_waiting (page) != n && g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* On the server, a request submitted at another workstation joins this one's committee queue
 * by itself, and one it puts on the agenda there shows here as on the agenda. */
static void
test_committee_queue_follows_another_workstation (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  RifqCommitteePage *page;
  RifqWindow *window;
  gint64 first;
  gint64 second;

  page = committee_page_with_a_request (db, &window, &first);
  g_assert_true (rifq_db_watch_others (db, &error));
  g_assert_cmpuint (committee_waiting (page), ==, 1);

  there = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  second = rifq_test_submitted_request (there, rifq_test_add_beneficiary (there, RIFQ_TEST_ID_2, "منيرة", "0502222222"),
                                        "food_basket");
  wait_for_waiting (page, 2);
  g_assert_cmpuint (committee_waiting (page), ==, 2);

  rifq_db_set_actor (there, "chair");
  meeting = rifq_committee_meeting_create (there, "1448/06/20", NULL, &error);
  g_assert_true (rifq_committee_add_to_agenda (there, meeting->id, second, &error));
  g_assert_no_error (error);
  {
    const char *on_agenda = g_dgettext (GETTEXT_PACKAGE, "On the Agenda");
    gint64 start = g_get_monotonic_time ();

    while (count_labels (GTK_WIDGET (page), on_agenda) != 1 && g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE)
      g_main_context_iteration (NULL, FALSE), g_usleep (1000);
    g_assert_cmpuint (count_labels (GTK_WIDGET (page), on_agenda), ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_committee_queue_follows_the_store (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  const char *add = g_dgettext (GETTEXT_PACKAGE, "Add to Meeting");
  const char *on_agenda = g_dgettext (GETTEXT_PACKAGE, "On the Agenda");
  RifqCommitteePage *page;
  RifqWindow *window;
  gint64 first;
  gint64 second;

  page = committee_page_with_a_request (db, &window, &first);
  meeting = rifq_committee_meeting_create (db, "1448/06/20", NULL, &error);
  g_assert_no_error (error);
  rifq_test_spin (50);
  g_assert_cmpuint (committee_waiting (page), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), add), ==, 1);

  second = rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_2, "منيرة", "0502222222"),
                                        "food_basket");
  rifq_test_spin (50);
  g_assert_true (second != first);
  g_assert_cmpuint (committee_waiting (page), ==, 2);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), add), ==, 2);

  rifq_db_set_actor (db, "chair");
  g_assert_true (rifq_committee_add_to_agenda (db, meeting->id, second, &error));
  g_assert_no_error (error);
  rifq_test_spin (50);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), add), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), on_agenda), ==, 1);

  /* The filters still choose what is shown: neither is overdue on the day both were submitted. */
  {
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
    GtkToggleButton *overdue = NULL;

    rifq_test_collect_type (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, toggles);
    for (guint i = 0; i < toggles->len; i++)
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)),
                     g_dgettext (GETTEXT_PACKAGE, "_Overdue Only")) == 0)
        overdue = g_ptr_array_index (toggles, i);
    g_assert_nonnull (overdue);
    gtk_toggle_button_set_active (overdue, TRUE);
    g_assert_cmpuint (committee_waiting (page), ==, 0);
    gtk_toggle_button_set_active (overdue, FALSE);
    g_assert_cmpuint (committee_waiting (page), ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Meetings called and agendas filled elsewhere reach the committee's list of meetings without
 * the page being read again; the meeting open stays open. */
static void
test_committee_meetings_follow_the_store (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) first = NULL;
  g_autoptr(RifqMeeting) next = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *one = rifq_ui_display_digits ("1");
  g_autofree char *one_on_agenda = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s on the agenda",
                                                                 "%s on the agenda", 1), one);
  g_autofree char *caption = g_strdup_printf ("%s · %s", "مقر الجمعية", one_on_agenda);
  GtkListBox *list = NULL;
  RifqCommitteePage *page;
  RifqWindow *window;
  gint64 id;

  page = committee_page_with_a_request (db, &window, &id);
  /* The meetings: the list a row stays selected in. */
  rifq_test_collect_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len && list == NULL; i++)
    if (gtk_list_box_get_selection_mode (g_ptr_array_index (lists, i)) == GTK_SELECTION_BROWSE)
      list = g_ptr_array_index (lists, i);
  g_assert_nonnull (list);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  first = rifq_committee_meeting_create (db, "1448/06/20", "مقر الجمعية", &error);
  g_assert_no_error (error);
  rifq_test_spin (50);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 0);
  g_assert_nonnull (meeting_summary (page));

  /* A later meeting is listed first; the one open stays open. */
  next = rifq_committee_meeting_create (db, "1448/06/27", "مقر الجمعية", &error);
  g_assert_no_error (error);
  rifq_test_spin (50);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 1);

  g_assert_cmpuint (count_labels (GTK_WIDGET (list), caption), ==, 0);
  g_assert_true (rifq_committee_add_to_agenda (db, first->id, id, &error));
  g_assert_no_error (error);
  rifq_test_spin (50);
  g_assert_cmpuint (count_labels (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)), caption), ==, 1);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The group of the open meeting's agenda showing the request of beneficiary name. */
static AdwPreferencesGroup *
agenda_group (RifqCommitteePage *page,
              const char        *name)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  rifq_test_collect_type (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *title = adw_preferences_group_get_title (g_ptr_array_index (groups, i));

      if (title != NULL && strstr (title, name) != NULL)
        return g_ptr_array_index (groups, i);
    }
  return NULL;
}

/* The button under root whose label reads label, mnemonic included. */
static GtkButton *
button_labelled (GtkWidget  *root,
                 const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rifq_test_collect_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* A meeting on the request, on its day, with the chair present, and member1 when both. */
static RifqMeeting *
meeting_on_the_request (RifqDb   *db,
                        gint64    request_id,
                        gboolean  both)
{
  g_autoptr(GError) error = NULL;
  RifqMeeting *meeting;

  rifq_test_set_today (db, "2026-11-30");
  meeting = rifq_committee_meeting_create (db, "1448/06/20", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_committee_set_present (db, meeting->id, "chair", TRUE, &error));
  g_assert_true (!both || rifq_committee_set_present (db, meeting->id, "member1", TRUE, &error));
  g_assert_true (rifq_committee_add_to_agenda (db, meeting->id, request_id, &error));
  g_assert_no_error (error);
  return meeting;
}

/* "Votes: accept 1 · reject 0 · defer 0 · abstained 1", in the digits the window shows. */
static char *
votes_line (const char *accept,
            const char *abstained)
{
  g_autofree char *a = rifq_ui_display_digits (accept);
  g_autofree char *zero = rifq_ui_display_digits ("0");
  g_autofree char *b = rifq_ui_display_digits (abstained);

  return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Votes: accept %s · reject %s · defer %s · abstained %s"),
                          a, zero, zero, b);
}

/* A vote cast at another desk shows in the open meeting's tally at once, and what the chair
 * typed for the same request and has not sent stays as typed. */
static void
test_committee_tally_follows_votes_elsewhere (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *none_yet = votes_line ("0", "2");
  g_autofree char *one_accept = votes_line ("1", "1");
  AdwPreferencesGroup *group;
  GtkEditable *amount;
  RifqCommitteePage *page;
  RifqWindow *window;
  gint64 id;

  page = committee_page_with_a_request (db, &window, &id);
  meeting = meeting_on_the_request (db, id, TRUE);
  rifq_test_spin (50);

  group = agenda_group (page, "محمد");
  g_assert_nonnull (group);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), none_yet));
  amount = rifq_test_editable_titled (GTK_WIDGET (group), g_dgettext (GETTEXT_PACKAGE, "Amount (riyals)"));
  g_assert_nonnull (amount);
  gtk_editable_set_text (amount, "1200");

  /* member1, at another desk. */
  rifq_db_set_actor (db, "member1");
  g_assert_true (rifq_committee_vote (db, meeting->id, id, "accept", 1500, NULL, &error));
  g_assert_no_error (error);
  rifq_db_set_actor (db, "chair");
  rifq_test_spin (50);
  g_assert_true (agenda_group (page, "محمد") == group);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), one_accept));
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "1200");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The switch of member, in the open meeting's list of members. */
static GtkSwitch *
member_switch (RifqCommitteePage *page,
               const char        *member)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rifq_test_collect_type (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), member) == 0)
      {
        g_autoptr(GPtrArray) switches = g_ptr_array_new ();

        rifq_test_collect_type (g_ptr_array_index (rows, i), GTK_TYPE_SWITCH, switches);
        return switches->len == 1 ? g_ptr_array_index (switches, 0) : NULL;
      }
  return NULL;
}

/* The chair records a member present at another desk: the open meeting shows it, and the
 * attendance it makes, without being read again; a switch moved here records it too. */
static void
test_committee_attendance_follows_the_store (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one = rifq_ui_display_digits ("1");
  g_autofree char *members = NULL;
  g_autofree char *one_present = NULL;
  RifqCommitteePage *page;
  RifqWindow *window;
  gint64 id;

  page = committee_page_with_a_request (db, &window, &id);
  meeting = rifq_committee_meeting_create (db, "1448/06/20", NULL, &error);
  g_assert_no_error (error);
  rifq_test_spin (50);
  g_assert_nonnull (member_switch (page, "هند الزهراني"));
  g_assert_false (gtk_switch_get_active (member_switch (page, "هند الزهراني")));
  g_assert_nonnull (strstr (meeting_summary (page), _("no quorum yet")));

  g_assert_true (rifq_committee_set_present (db, meeting->id, "member1", TRUE, &error));
  g_assert_no_error (error);
  rifq_test_spin (50);
  g_assert_true (gtk_switch_get_active (member_switch (page, "هند الزهراني")));
  members = rifq_ui_display_digits ("4");
  one_present = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s member present", "%s of %s members present",
                                              4),
                                 one, members);
  g_assert_nonnull (strstr (meeting_summary (page), one_present));

  /* The chair, at this desk, records another with the member's switch. */
  gtk_switch_set_active (member_switch (page, "فهد الحربي"), TRUE);
  rifq_test_spin (100);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM meeting_member WHERE username = 'member2' AND present = 1"),
                   ==, 1);
  g_assert_true (gtk_switch_get_active (member_switch (page, "فهد الحربي")));
  g_assert_true (gtk_switch_get_active (member_switch (page, "هند الزهراني")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chair votes on a case of the open meeting with its own buttons: the choice and the amount
 * typed are kept when the page is read again, and the vote cast shows in the tally. */
static void
test_committee_votes_from_the_agenda (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one_accept = votes_line ("1", "0");
  g_autofree char *recorded = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Recorded: %s. Cast it again to change it."),
                                               rifq_vote_choice_noun (RIFQ_VOTE_ACCEPT));
  AdwPreferencesGroup *group;
  RifqCommitteePage *page;
  RifqWindow *window;
  gint64 id;

  page = committee_page_with_a_request (db, &window, &id);
  meeting = meeting_on_the_request (db, id, FALSE);
  rifq_committee_page_reload (page);
  rifq_test_spin (50);

  group = agenda_group (page, "محمد");
  g_assert_nonnull (group);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button_labelled (GTK_WIDGET (group),
                                                                    rifq_vote_choice_label (RIFQ_VOTE_ACCEPT))),
                                TRUE);
  gtk_editable_set_text (rifq_test_editable_titled (GTK_WIDGET (group), g_dgettext (GETTEXT_PACKAGE, "Amount (riyals)")), "1500");

  /* Read again, the case is made again with what was typed. */
  rifq_committee_page_reload (page);
  rifq_test_spin (50);
  group = agenda_group (page, "محمد");
  g_assert_cmpstr (gtk_editable_get_text (rifq_test_editable_titled (GTK_WIDGET (group),
                                                                     g_dgettext (GETTEXT_PACKAGE, "Amount (riyals)"))),
                   ==, "1500");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    button_labelled (GTK_WIDGET (group), rifq_vote_choice_label (RIFQ_VOTE_ACCEPT)))));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM vote"), ==, 0);

  g_signal_emit_by_name (button_labelled (GTK_WIDGET (group), g_dgettext (GETTEXT_PACKAGE, "_Cast Vote")), "clicked");
  rifq_test_spin (50);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM vote WHERE username = 'chair' AND vote = 'accept'"
                                        " AND amount = 1500"), ==, 1);
  g_assert_true (agenda_group (page, "محمد") == group);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), one_accept));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    guint shown = 0;

    rifq_test_collect_type (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      shown += g_strcmp0 (adw_action_row_get_subtitle (g_ptr_array_index (rows, i)), recorded) == 0;
    g_assert_cmpuint (shown, ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkTextBuffer *
dialog_reasons (AdwMessageDialog *dialog)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  rifq_test_collect_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  return gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
}

/* The chair records the decision with the case's own button: reasons typed and cancelled are
 * there when the dialog opens again, and the decision recorded shows on the case. */
static void
test_committee_records_decision_from_the_agenda (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autoptr(RifqRequest) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *decided = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Decided: %s"),
                                              rifq_vote_choice_noun (RIFQ_VOTE_ACCEPT));
  const char *record = g_dgettext (GETTEXT_PACKAGE, "Record _Decision…");
  g_autofree char *reasons = NULL;
  AdwPreferencesGroup *group;
  AdwMessageDialog *dialog;
  GtkButton *cast;
  GtkTextIter start, end;
  RifqCommitteePage *page;
  RifqWindow *window;
  gint64 id;

  page = committee_page_with_a_request (db, &window, &id);
  meeting = meeting_on_the_request (db, id, TRUE);
  g_assert_true (rifq_committee_set_present (db, meeting->id, "member2", TRUE, &error));
  g_assert_true (rifq_committee_vote (db, meeting->id, id, "accept", 1500, NULL, &error));
  rifq_db_set_actor (db, "member1");
  g_assert_true (rifq_committee_vote (db, meeting->id, id, "accept", 1500, NULL, &error));
  g_assert_no_error (error);
  rifq_db_set_actor (db, "chair");
  rifq_test_spin (50);
  group = agenda_group (page, "محمد");
  g_assert_nonnull (group);

  g_signal_emit_by_name (button_labelled (GTK_WIDGET (group), record), "clicked");
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (dialog_reasons (dialog), "يستحق الدعم", -1);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rifq_test_spin (50);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM decision"), ==, 0);

  g_signal_emit_by_name (button_labelled (GTK_WIDGET (group), record), "clicked");
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  gtk_text_buffer_get_bounds (dialog_reasons (dialog), &start, &end);
  reasons = gtk_text_buffer_get_text (dialog_reasons (dialog), &start, &end, FALSE);
  g_assert_cmpstr (reasons, ==, "يستحق الدعم");
  gtk_editable_set_text (rifq_test_editable_titled (GTK_WIDGET (dialog), g_dgettext (GETTEXT_PACKAGE, "Quantity approved")), "2");
  adw_message_dialog_response (dialog, "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rifq_test_spin (50);

  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM decision WHERE decision = 'accept' AND quantity = 2"
                                        " AND reasons = 'يستحق الدعم'"), ==, 1);
  after = rifq_request_store_get (db, id, NULL);
  g_assert_cmpint (after->state, ==, RIFQ_REQUEST_ACCEPTED);
  group = agenda_group (page, "محمد");
  g_assert_nonnull (group);
  g_assert_cmpuint (count_labels (GTK_WIDGET (group), decided), ==, 1);
  cast = button_labelled (GTK_WIDGET (group), g_dgettext (GETTEXT_PACKAGE, "_Cast Vote"));
  g_assert_true (cast == NULL || !gtk_widget_is_visible (GTK_WIDGET (cast)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_committee_decides_from_the_page (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(RifqRequest) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  RifqCommitteePage *page;
  RifqWindow *window;
  gint64 id;

  page = committee_page_with_a_request (db, &window, &id);
  g_assert_cmpuint (committee_waiting (page), ==, 1);

  g_assert_true (rifq_committee_page_new_meeting (page, "1448/06/20", "مقر الجمعية", &error));
  g_assert_no_error (error);
  meetings = rifq_committee_meetings (db, 1, NULL);
  g_assert_true (rifq_committee_page_open_meeting (page, ((RifqMeeting *) g_ptr_array_index (meetings, 0))->id, &error));
  g_assert_true (rifq_committee_page_set_present (page, "chair", TRUE, &error));
  g_assert_true (rifq_committee_page_set_present (page, "member1", TRUE, &error));
  g_assert_true (rifq_committee_page_set_present (page, "member2", TRUE, &error));
  g_assert_true (rifq_committee_page_add_to_agenda (page, id, &error));
  g_assert_no_error (error);

  /* Before the meeting's day no vote is taken; on the day, a decision before the votes is
   * refused by the rule and changes nothing. */
  g_assert_false (rifq_committee_page_vote (page, id, "accept", "1500", NULL, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM vote"), ==, 0);
  rifq_test_set_today (db, "2026-11-30");
  g_assert_false (rifq_committee_page_decide (page, id, "accept", "", "", "يستحق", &error));
  g_clear_error (&error);
  g_assert_true (rifq_committee_page_vote (page, id, "accept", "1500", NULL, &error));
  rifq_db_set_actor (db, "member1");
  g_assert_true (rifq_committee_page_vote (page, id, "accept", "1500", NULL, &error));
  rifq_db_set_actor (db, "chair");
  /* Undecided, the minutes are a draft; decided, sealed; a vote changed behind Rifq's back, not genuine. */
  g_assert_nonnull (strstr (meeting_summary (page), _("minutes in draft")));
  g_assert_false (rifq_committee_page_decide (page, id, "accept", "1500", "ثلاث", "يستحق الدعم", &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rifq_committee_page_decide (page, id, "accept", "1500", "٣", "يستحق الدعم", &error));
  g_assert_no_error (error);
  after = rifq_request_store_get (db, id, NULL);
  g_assert_cmpint (after->state, ==, RIFQ_REQUEST_ACCEPTED);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM decision WHERE amount = 1500 AND quantity = 3"), ==, 1);
  g_assert_nonnull (strstr (meeting_summary (page), _("minutes sealed")));
  rifq_test_sql (db, "UPDATE vote SET vote = 'reject' WHERE username = 'member1'");
  rifq_committee_page_reload (page);
  g_assert_nonnull (strstr (meeting_summary (page), _("minutes NOT GENUINE")));
  rifq_test_spin (100);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_verify_document_from_the_window (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rifq-verify-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "request.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *verdict;
  RifqWindow *window;
  gint64 id;

  rifq_test_staff (db);
  g_assert_true (rifq_seal_ensure_key (db, &error));
  id = rifq_test_submitted_request (db, rifq_test_add_beneficiary (db, RIFQ_TEST_ID_1, "محمد", "0501234567"),
                                    "food_basket");
  g_assert_true (rifq_request_sheet_write (db, id, path, &error));
  g_assert_no_error (error);
  window = open_window (db);

  verdict = rifq_window_verify_file (window, file);
  g_assert_cmpstr (adw_message_dialog_get_heading (verdict), ==, _("The Document Is Genuine"));
  gtk_window_destroy (GTK_WINDOW (verdict));

  /* The record edited behind the committee's back: the printed copy no longer matches. */
  rifq_test_sql (db, "UPDATE request SET amount = 9000");
  verdict = rifq_window_verify_file (window, file);
  g_assert_cmpstr (adw_message_dialog_get_heading (verdict), ==, _("The Document Cannot Be Trusted"));
  gtk_window_destroy (GTK_WINDOW (verdict));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row of the preferences window that edits the setting key, or seats a member of staff. */
static GtkWidget *
setting_row (RifqPreferencesWindow *window,
             const char            *key)
{
  GtkWidget *row = find_named (GTK_WIDGET (window), key);

  g_assert_nonnull (row);
  return row;
}

static void
apply_entry (RifqPreferencesWindow *window,
             const char            *key,
             const char            *text)
{
  GtkWidget *row = setting_row (window, key);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  rifq_test_spin (50);
}

/* Gives the server's address in Preferences as the officer would, and waits for the answer;
 * what the window then says of where records are kept. */
static const char *
give_server_address (RifqPreferencesWindow *window,
                     const char            *address)
{
  GObject *entry = gtk_widget_get_template_child (GTK_WIDGET (window), RIFQ_TYPE_PREFERENCES_WINDOW, "server_row");
  GObject *spinner = gtk_widget_get_template_child (GTK_WIDGET (window), RIFQ_TYPE_PREFERENCES_WINDOW,
                                                    "server_spinner");
  GObject *state = gtk_widget_get_template_child (GTK_WIDGET (window), RIFQ_TYPE_PREFERENCES_WINDOW,
                                                  "server_state_row");

  gtk_editable_set_text (GTK_EDITABLE (entry), address);
  g_signal_emit_by_name (entry, "apply");
  for (guint waited = 0; gtk_spinner_get_spinning (GTK_SPINNER (spinner)) && waited < 300; waited++)
    rifq_test_spin (50);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (state));
}

/* Preferences move a workstation to the association's server, and back, remembered for the next
 * start; an address that is not a server's, or a server's database not set up for Rifq, is
 * refused with the reason and not remembered. */
static void
test_preferences_switch_to_server_and_back (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqContext) context = rifq_test_context_new (db);
  g_autoptr(GSettings) settings = rifq_ui_settings_new ();
  RifqPreferencesWindow *window;
  const char *said;

  g_settings_set_string (settings, "server", "");
  window = rifq_preferences_window_new (NULL, context);
  gtk_window_present (GTK_WINDOW (window));
  rifq_test_spin (100);

  said = give_server_address (window, "/home/noura/rifq.db");
  g_assert_nonnull (strstr (said, "postgresql://"));
  g_assert_cmpstr (g_settings_get_string (settings, "server"), ==, "");
  /* A password is not remembered: it belongs in ~/.pgpass. */
  said = give_server_address (window, "postgresql://noura:kalimat-sirr@rifq-server/rifq");
  g_assert_nonnull (strstr (said, ".pgpass"));
  g_assert_null (strstr (said, "kalimat-sirr"));
  g_assert_cmpstr (g_settings_get_string (settings, "server"), ==, "");

  if (rifq_test_on_server ())
    {
      g_autofree char *empty = rifq_test_server_database_new ();
      GObject *local = gtk_widget_get_template_child (GTK_WIDGET (window), RIFQ_TYPE_PREFERENCES_WINDOW,
                                                      "local_button");

      said = give_server_address (window, empty);
      g_assert_nonnull (strstr (said, "server init"));
      g_assert_cmpstr (g_settings_get_string (settings, "server"), ==, "");

      said = give_server_address (window, location);
      g_assert_cmpstr (said, ==, g_dgettext (GETTEXT_PACKAGE, "On the association’s server"));
      g_assert_cmpstr (g_settings_get_string (settings, "server"), ==, location);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (local)));

      shoot_if_asked (GTK_WIDGET (window), "preferences-server.png");

      g_signal_emit_by_name (local, "clicked");
      g_assert_cmpstr (g_settings_get_string (settings, "server"), ==, "");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_association_settings_from_preferences (void)
{
  static const guchar png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("rifq-preferences-XXXXXX", NULL);
  g_autofree char *logo_path = g_build_filename (dir, "logo.png", NULL);
  g_autofree char *text_path = g_build_filename (dir, "logo.txt", NULL);
  g_autoptr(GFile) logo = g_file_new_for_path (logo_path);
  g_autoptr(GFile) not_logo = g_file_new_for_path (text_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *letterhead = NULL;
  g_autofree char *period = NULL;
  g_autofree char *quorum = NULL;
  g_autofree char *abstentions = NULL;
  g_autoptr(GBytes) saved_logo = NULL;
  g_autoptr(RifqStaff) old_chair = NULL;
  RifqPreferencesWindow *window;
  RifqAssociationPage *page;
  GtkWidget *period_row;
  gint64 audit;

  rifq_test_staff (db);
  g_assert_true (g_file_set_contents (logo_path, (const char *) png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (text_path, "not a picture", -1, NULL));

  /* An administrator changes the letterhead, the period (typed in Arabic-Indic digits) and the rule. */
  rifq_db_set_actor (db, "admin");
  {
    g_autoptr(RifqContext) context = rifq_test_context_new (db);

    window = rifq_preferences_window_new (NULL, context);
  }
  gtk_window_present (GTK_WINDOW (window));
  rifq_test_spin (100);
  apply_entry (window, "association_letterhead", "الرياض — حي الملز — هاتف 011 476 5500");
  letterhead = rifq_db_get_setting (db, "association_letterhead");
  g_assert_cmpstr (letterhead, ==, "الرياض — حي الملز — هاتف 011 476 5500");
  apply_entry (window, "decision_period_days", "٢١");
  period = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (period, ==, "21");
  adw_combo_row_set_selected (ADW_COMBO_ROW (setting_row (window, "committee_quorum")), 1);
  quorum = rifq_db_get_setting (db, "committee_quorum");
  g_assert_cmpstr (quorum, ==, "two_thirds");
  /* How a member present who does not vote counts is part of the rule, audited like the rest. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (setting_row (window, "committee_abstentions")), 1);
  abstentions = rifq_db_get_setting (db, "committee_abstentions");
  g_assert_cmpstr (abstentions, ==, "ignored");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit WHERE action = 'settings'"
                                        " AND after_json = '{\"committee_abstentions\":\"ignored\"}'"), ==, 1);

  /* A bad value is refused with the field named; what was typed stays, and nothing is written. */
  audit = rifq_test_count (db, "SELECT count(*) FROM audit");
  apply_entry (window, "decision_period_days", "500");
  period_row = setting_row (window, "decision_period_days");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (period_row)), ==, "500");
  g_assert_true (gtk_widget_has_css_class (period_row, "error"));
  g_clear_pointer (&period, g_free);
  period = rifq_db_get_setting (db, "decision_period_days");
  g_assert_cmpstr (period, ==, "21");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, audit);

  /* The logo: a PNG is taken, a text file is refused. */
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    rifq_test_collect_type (GTK_WIDGET (window), RIFQ_TYPE_ASSOCIATION_PAGE, pages);
    g_assert_cmpuint (pages->len, ==, 1);
    page = g_ptr_array_index (pages, 0);
  }
  g_assert_false (rifq_association_page_take_logo (page, not_logo, &error));
  g_assert_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rifq_association_page_take_logo (page, logo, &error));
  g_assert_no_error (error);
  saved_logo = rifq_settings_get_logo (db);
  g_assert_cmpuint (g_bytes_get_size (saved_logo), ==, sizeof png);

  /* Seating member1 as chair leaves the chair before a member, and the rows say so. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (setting_row (window, "member1")), RIFQ_SEAT_CHAIR);
  old_chair = rifq_staff_get (db, "chair", NULL);
  g_assert_cmpint (old_chair->roles, ==, RIFQ_ROLE_COMMITTEE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (setting_row (window, "chair"))), ==, RIFQ_SEAT_MEMBER);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Anyone else reads the settings and cannot change them. */
  rifq_db_set_actor (db, "desk");
  {
    g_autoptr(RifqContext) context = rifq_test_context_new (db);

    window = rifq_preferences_window_new (NULL, context);
  }
  gtk_window_present (GTK_WINDOW (window));
  rifq_test_spin (100);
  g_assert_false (gtk_widget_get_sensitive (setting_row (window, "association_letterhead")));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ADW_COMBO_ROW (setting_row (window, "member2")))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (setting_row (window, "decision_period_days"))),
                   ==, "٢١");
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (logo_path);
  g_unlink (text_path);
  g_rmdir (dir);
}

/* Two administrators with Preferences open: a setting the other saved comes into a row not being
 * edited (on the server, by itself); a row being edited keeps what is typed, and applying it is
 * refused naming the other and their value; applied again, it replaces theirs. */
static void
test_association_setting_saved_elsewhere (void)
{
  const char *typed = "الرياض — حي الملز — هاتف 011 476 5500";
  const char *theirs = "الرياض — حي العليا";
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) db = rifq_test_db_new (&location);
  g_autoptr(RifqDb) there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name_shown = NULL;
  g_autofree char *letterhead_shown = NULL;
  g_autofree char *letterhead = NULL;
  RifqPreferencesWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *row;
  gint64 audit;

  rifq_test_staff (db);
  g_assert_true (rifq_staff_save (db, "admin2", "ريم السبيعي", RIFQ_ROLE_ADMIN, &error));
  g_assert_true (rifq_db_watch_others (db, &error));
  g_assert_no_error (error);
  rifq_db_set_actor (db, "admin");
  {
    g_autoptr(RifqContext) context = rifq_test_context_new (db);

    window = rifq_preferences_window_new (NULL, context);
  }
  gtk_window_present (GTK_WINDOW (window));
  rifq_test_spin (100);

  /* This administrator types a letterhead; at another workstation the other saves the English
   * name and a letterhead of their own. */
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    rifq_test_collect_type (GTK_WIDGET (window), RIFQ_TYPE_ASSOCIATION_PAGE, pages);
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window), g_ptr_array_index (pages, 0));
  }
  row = setting_row (window, "association_letterhead");
  gtk_editable_set_text (GTK_EDITABLE (row), typed);
  there = rifq_test_db_open (location, &error);
  g_assert_no_error (error);
  rifq_db_set_actor (there, "admin2");
  name_shown = rifq_db_get_setting (there, "association_name_en");
  letterhead_shown = rifq_db_get_setting (there, "association_letterhead");
  g_assert_true (rifq_settings_save_over (there, "association_name_en", name_shown, "Ruhamaa Association", &error));
  g_assert_true (rifq_settings_save_over (there, "association_letterhead", letterhead_shown, theirs, &error));
  g_assert_no_error (error);
  if (rifq_test_on_server ())
    {
      GtkWidget *name_row = setting_row (window, "association_name_en");
      gint64 start = g_get_monotonic_time ();

      while (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (name_row)), "Ruhamaa Association") &&
             g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE)
        g_main_context_iteration (NULL, FALSE), g_usleep (1000);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Ruhamaa Association");
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, typed);

  /* Applied over theirs unseen: refused, naming them; the typing stays, nothing is written. */
  audit = rifq_test_count (db, "SELECT count(*) FROM audit");
  g_signal_emit_by_name (row, "apply");
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "ريم السبيعي"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), theirs));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, typed);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  letterhead = rifq_db_get_setting (db, "association_letterhead");
  g_assert_cmpstr (letterhead, ==, theirs);
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM audit"), ==, audit);
  shoot_if_asked (GTK_WIDGET (dialog), "preferences-setting-saved-elsewhere.png");
  adw_message_dialog_response (dialog, "close");

  /* Now seen: applied again, it replaces theirs. */
  g_signal_emit_by_name (row, "apply");
  rifq_test_spin (50);
  g_clear_pointer (&letterhead, g_free);
  letterhead = rifq_db_get_setting (db, "association_letterhead");
  g_assert_cmpstr (letterhead, ==, typed);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_window_destroy (GTK_WINDOW (window));
}


#define LOGIN_PASSWORD "كلمة سر النافذة 1"

static void
count_logged_in_cb (RifqLoginWindow *login,
                    guint           *count)
{
  (*count)++;
}

static GtkWidget *
problem_shown (RifqLoginWindow *login)
{
  GtkWidget *label = rifq_test_widget (GTK_WIDGET (login), "problem_label");

  return gtk_widget_get_visible (label) ? label : NULL;
}

/* The login window over context, shown; logged_in counts its logins. */
static RifqLoginWindow *
present_login (RifqContext *context,
               guint       *logged_in)
{
  RifqLoginWindow *login = rifq_login_window_new (NULL, context);

  g_signal_connect (login, "logged-in", G_CALLBACK (count_logged_in_cb), logged_in);
  gtk_window_present (GTK_WINDOW (login));
  rifq_test_spin (50);
  return login;
}

/* Until the password checked in its thread has let someone in (or the test's patience ends). */
static void
wait_for_login (guint *logged_in)
{
  gint64 start = g_get_monotonic_time ();

  while (*logged_in == 0 && g_get_monotonic_time () - start < RIFQ_TEST_PATIENCE)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* A new database: the first window sets it up with its administrator, both passwords alike. */
static void
test_login_window_sets_up_new_database (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
  g_autoptr(RifqContext) context = NULL;
  RifqLoginWindow *login;
  guint logged_in = 0;

  rifq_account_logout (db);
  context = rifq_test_context_new (db);
  login = present_login (context, &logged_in);
  g_assert_true (gtk_widget_get_visible (rifq_test_widget (GTK_WIDGET (login), "full_name_row")));

  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "username_row"), "nora");
  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "full_name_row"), "نورة العتيبي");
  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "password_row"), LOGIN_PASSWORD);
  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "again_row"), "something else");
  g_assert_false (rifq_login_window_submit (login));
  g_assert_nonnull (problem_shown (login));
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff"), ==, 0);

  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "password_row"), LOGIN_PASSWORD);
  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "again_row"), LOGIN_PASSWORD);
  g_assert_true (rifq_login_window_submit (login));
  g_assert_cmpuint (logged_in, ==, 1);
  g_assert_cmpstr (rifq_db_get_actor (db), ==, "nora");
  g_assert_cmpint (rifq_test_count (db, "SELECT count(*) FROM staff_role WHERE username = 'nora' AND role = 'admin'"),
                   ==, 1);
  gtk_window_destroy (GTK_WINDOW (login));
}

/* A wrong password is said under the form and emptied from it; nobody is logged in. */
static void
test_login_window_wrong_password_said (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new_empty (NULL);
  g_autoptr(RifqContext) context = NULL;
  g_autoptr(GError) error = NULL;
  RifqLoginWindow *login;
  guint logged_in = 0;
  GtkWidget *password;

  g_assert_true (rifq_account_set_up (db, "nora", "نورة", LOGIN_PASSWORD, &error));
  rifq_account_logout (db);
  context = rifq_test_context_new (db);
  login = present_login (context, &logged_in);
  g_assert_false (gtk_widget_get_visible (rifq_test_widget (GTK_WIDGET (login), "full_name_row")));
  g_assert_false (gtk_widget_get_visible (rifq_test_widget (GTK_WIDGET (login), "again_row")));

  password = rifq_test_widget (GTK_WIDGET (login), "password_row");
  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "username_row"), "nora");
  rifq_test_type_into (password, "not her password");
  g_assert_false (rifq_login_window_submit (login));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem_shown (login))), ==,
                   "اسم المستخدم أو كلمة المرور غير صحيحة.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");
  g_assert_null (rifq_db_get_actor (db));
  g_assert_cmpuint (logged_in, ==, 0);

  /* The button: the password checked in a thread of its own while the window goes on drawing
   * (its spinner turning), the form emptied at once. */
  rifq_test_type_into (password, LOGIN_PASSWORD);
  g_signal_emit_by_name (rifq_test_widget (GTK_WIDGET (login), "go_button"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");
  g_assert_true (gtk_widget_get_visible (rifq_test_widget (GTK_WIDGET (login), "spinner")));
  g_assert_false (gtk_widget_get_sensitive (rifq_test_widget (GTK_WIDGET (login), "go_button")));
  wait_for_login (&logged_in);
  g_assert_cmpuint (logged_in, ==, 1);
  g_assert_cmpstr (rifq_db_get_actor (db), ==, "nora");
  g_assert_false (gtk_widget_get_visible (rifq_test_widget (GTK_WIDGET (login), "spinner")));
  gtk_window_destroy (GTK_WINDOW (login));
}

/* On the server, given an address with no credential: the same login, the server checking the
 * password, and the person logged in is themselves at the server. */
static void
test_login_window_on_the_server_as_own_role (void)
{
  g_autofree char *location = NULL;
  g_autoptr(RifqDb) owner = rifq_test_db_new_empty (&location);
  g_autofree char *address = g_strconcat (location, " user=workstation", NULL);
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(RifqContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  RifqLoginWindow *login;
  guint logged_in = 0;

  g_assert_true (rifq_account_set_up (owner, "nora", "نورة", LOGIN_PASSWORD, &error));
  g_assert_no_error (error);
  db = rifq_db_open (address, &error);
  g_assert_no_error (error);
  context = rifq_test_context_new (db);
  login = present_login (context, &logged_in);
  g_assert_false (gtk_widget_get_visible (rifq_test_widget (GTK_WIDGET (login), "full_name_row")));

  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "username_row"), "nora");
  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "password_row"), "not her password");
  g_assert_false (rifq_login_window_submit (login));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem_shown (login))), ==,
                   "اسم المستخدم أو كلمة المرور غير صحيحة.");
  g_assert_null (rifq_db_get_actor (db));

  rifq_test_type_into (rifq_test_widget (GTK_WIDGET (login), "password_row"), LOGIN_PASSWORD);
  g_signal_emit_by_name (rifq_test_widget (GTK_WIDGET (login), "go_button"), "clicked");
  wait_for_login (&logged_in);
  g_assert_cmpuint (logged_in, ==, 1);
  g_assert_cmpstr (rifq_db_get_actor (db), ==, "nora");
  session = rifq_db_query_text (db, "SELECT rifq_person ()", RIFQ_NO_PARAMS, &error);
  g_assert_cmpstr (session, ==, "nora");
  gtk_window_destroy (GTK_WINDOW (login));
}

/* An administrator sees a button to give each member a new password; a desk officer does not. */
static void
test_association_password_buttons_for_administrators (void)
{
  g_autoptr(RifqDb) db = rifq_test_db_new (NULL);
  const char *who[] = { "admin", "desk" };
  const guint expected_min[] = { 2, 0 };

  rifq_test_act_as (db, "desk", RIFQ_ROLE_DESK);
  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      g_autoptr(RifqContext) context = NULL;
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
      RifqPreferencesWindow *window;
      guint found = 0;

      rifq_db_set_actor (db, who[i]);
      context = rifq_test_context_new (db);
      window = rifq_preferences_window_new (NULL, context);
      rifq_test_collect_type (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
      for (guint k = 0; k < buttons->len; k++)
        found += g_str_has_prefix (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, k)) ?: "",
                                   "تعيين كلمة مرور جديدة لـ");
      if (expected_min[i] == 0)
        g_assert_cmpuint (found, ==, 0);
      else
        g_assert_cmpuint (found, >=, expected_min[i]);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* As on a desk officer's machine: no language asked for, so Arabic. */
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LANG");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  rifq_locale_init ();

  gtk_test_init (&argc, &argv, NULL);
  rifq_ui_init ();

  g_test_add_func ("/window/opens-right-to-left-with-arabic-labels", test_opens_right_to_left_in_arabic);
  g_test_add_func ("/window/registry/search-shows-matching-people", test_search_shows_matching_people);
  g_test_add_func ("/window/registry/bad-id-shows-message-and-writes-nothing", test_form_bad_id_shows_message_writes_nothing);
  g_test_add_func ("/window/registry/new-beneficiary-not-offered-to-who-may-not",
                   test_new_beneficiary_not_offered_to_who_may_not);
  g_test_add_func ("/window/registry/consent-recorded-and-withdrawn-from-the-form",
                   test_consent_recorded_and_withdrawn_from_the_form);
  g_test_add_func ("/window/registry/export-offered-to-administrators-only",
                   test_export_offered_to_administrators_only);
  g_test_add_func ("/window/retention/review-for-administrators-only", test_retention_review_for_administrators_only);
  g_test_add_func ("/window/registry/saved-elsewhere-meanwhile-keeps-what-was-typed",
                   test_form_saved_elsewhere_keeps_what_was_typed);
  g_test_add_func ("/window/screenshot/writes-png", test_screenshot_writes_png);
  g_test_add_func ("/window/audit/page-for-administrators-only", test_audit_page_for_administrators_only);
  g_test_add_func ("/window/login/new-database-set-up-by-its-administrator", test_login_window_sets_up_new_database);
  g_test_add_func ("/window/login/wrong-password-said-and-emptied", test_login_window_wrong_password_said);
  if (rifq_test_on_server ())
    g_test_add_func ("/window/login/on-the-server-as-own-role", test_login_window_on_the_server_as_own_role);
  g_test_add_func ("/window/preferences/password-buttons-for-administrators-only",
                   test_association_password_buttons_for_administrators);
  g_test_add_func ("/window/shortcuts/every-shortcut-shows-its-keys", test_shortcuts_window_shows_keys);
  g_test_add_func ("/window/lookup/reads-where-the-request-is", test_lookup_reads_where_the_request_is);
  g_test_add_func ("/window/lookup/follows-requests-made-meanwhile", test_lookup_follows_the_store);
  g_test_add_func ("/window/research/researcher-answers-referral", test_researcher_answers_referral);
  g_test_add_func ("/window/research/researcher-sees-only-referred", test_researcher_window_shows_only_referred);
  g_test_add_func ("/window/registry/record-read-only-for-who-may-not-change-it",
                   test_record_read_only_for_who_may_not_change_it);
  g_test_add_func ("/window/research/queue-follows-referrals-made-elsewhere", test_research_queue_follows_the_store);
  g_test_add_func ("/window/committee/decides-from-the-page", test_committee_decides_from_the_page);
  g_test_add_func ("/window/committee/queue-names-altered-request", test_committee_queue_names_altered_request);
  g_test_add_func ("/window/committee/queue-follows-the-store", test_committee_queue_follows_the_store);
  /* Only the server has other workstations. */
  if (rifq_test_on_server ())
    {
      g_test_add_func ("/window/committee/queue-follows-another-workstation",
                       test_committee_queue_follows_another_workstation);
      g_test_add_func ("/window/server/away-said-calmly-and-nothing-typed-lost", test_server_away_said_calmly_nothing_lost);
    }
  g_test_add_func ("/window/committee/meetings-follow-the-store", test_committee_meetings_follow_the_store);
  g_test_add_func ("/window/committee/tally-follows-votes-elsewhere", test_committee_tally_follows_votes_elsewhere);
  g_test_add_func ("/window/committee/attendance-follows-the-store", test_committee_attendance_follows_the_store);
  g_test_add_func ("/window/committee/votes-from-the-agenda", test_committee_votes_from_the_agenda);
  g_test_add_func ("/window/committee/records-decision-from-the-agenda",
                   test_committee_records_decision_from_the_agenda);
  g_test_add_func ("/window/verify/sealed-document-checked", test_verify_document_from_the_window);
  g_test_add_func ("/window/preferences/switch-to-the-server-and-back", test_preferences_switch_to_server_and_back);
  g_test_add_func ("/window/preferences/association-settings-changed-by-administrator-only",
                   test_association_settings_from_preferences);
  g_test_add_func ("/window/preferences/setting-saved-elsewhere-refused-typing-kept",
                   test_association_setting_saved_elsewhere);

  return g_test_run ();
}
