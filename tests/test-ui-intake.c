/* test-ui-intake.c: a desk officer takes an applicant through the seven steps (under Xvfb)
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
#include "rifq-arabic.h"
#include "rifq-beneficiary-store.h"
#include "rifq-channel.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-intake-page.h"
#include "rifq-locale.h"
#include "rifq-pdf-window.h"
#include "rifq-poppler.h"
#include "rifq-request-store.h"
#include "rifq-screenshot.h"
#include "rifq-seal.h"
#include "rifq-signature-pad.h"
#include "rifq-staff.h"
#include "rifq-test-request.h"
#include "rifq-test-ui.h"
#include "rifq-window.h"

typedef struct
{
  RifqDb         *db;
  RifqWindow     *window;
  RifqIntakePage *page;
  gint64          beneficiary_id;
  char           *shots;
  char           *location;
} Desk;

static void
screenshot_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rifq_screenshot_save_finish (result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Saves what the officer sees now as intake-NAME.png: into RIFQ_SCREENSHOT_DIR for the README,
 * else into a temporary folder. */
static void
shoot (Desk       *desk,
       const char *name)
{
  g_autofree char *file = g_strdup_printf ("intake-%s.png", name);
  g_autofree char *path = g_build_filename (desk->shots, file, NULL);
  gboolean saved = FALSE;

  rifq_test_spin (150);
  rifq_screenshot_save_async (GTK_WIDGET (desk->window), path, NULL, screenshot_done_cb, &saved);
  for (guint waited = 0; !saved && waited < 100; waited++)
    rifq_test_spin (50);
  g_assert_true (saved);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static RifqSignature *
handwriting (void)
{
  RifqSignature *s = rifq_signature_new (400, 200);

  rifq_signature_begin_stroke (s);
  for (guint i = 0; i < 40; i++)
    rifq_signature_add_point (s, 60 + i * 6, 120 - 30 * ((i % 8) < 4 ? (i % 4) : 4 - (i % 4)) / 4.0,
                              0.4 + (i % 5) / 10.0);
  rifq_signature_begin_stroke (s);
  rifq_signature_add_point (s, 120, 150, 0.5);
  rifq_signature_add_point (s, 250, 140, 0.7);
  rifq_signature_add_point (s, 330, 150, 0.6);
  return s;
}

static void
desk_open (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiary) b = rifq_test_beneficiary (RIFQ_TEST_ID_1, "محمد", "القحطاني", "0501234567");
  const char *dir = g_getenv ("RIFQ_SCREENSHOT_DIR");

  desk->shots = dir ? g_strdup (dir) : g_dir_make_tmp ("rifq-intake-XXXXXX", NULL);
  desk->db = rifq_test_db_new (&desk->location);
  rifq_test_set_today (desk->db, "2026-11-26");
  rifq_db_set_actor (desk->db, "admin");
  g_assert_true (rifq_staff_ensure_first (desk->db, &error));
  g_assert_true (rifq_seal_ensure_key (desk->db, &error));
  g_assert_true (rifq_staff_save (desk->db, "noura", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
  g_assert_true (rifq_staff_save (desk->db, "salman", "سلمان الشهري", RIFQ_ROLE_RESEARCHER, &error));
  g_assert_true (rifq_staff_save (desk->db, "khalid", "خالد الدوسري", RIFQ_ROLE_CHAIR, &error));
  g_assert_true (rifq_beneficiary_store_add (desk->db, b, NULL, NULL, &error));
  g_assert_no_error (error);
  desk->beneficiary_id = rifq_beneficiary_get_id (b);
  rifq_db_set_actor (desk->db, "noura");

  desk->window = rifq_test_window_new (desk->db);
  gtk_window_set_default_size (GTK_WINDOW (desk->window), 1200, 860);
  gtk_window_present (GTK_WINDOW (desk->window));
  g_assert_nonnull (rifq_window_show_page (desk->window, "intake", &error));
  desk->page = rifq_window_get_intake_page (desk->window);
  rifq_test_spin (200);
}

static void
desk_close (Desk *desk)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  g_clear_object (&desk->db);
  g_free (desk->shots);
  g_free (desk->location);
}

/* The step the page shows: 0 for the list of requests in progress, 1–7 for a step. */
static guint
shown_step (Desk *desk)
{
  GtkStack *stack = GTK_STACK (rifq_test_widget (GTK_WIDGET (desk->page), "stack"));
  const char *name = gtk_stack_get_visible_child_name (stack);

  g_assert_true (g_str_has_prefix (name, "step"));
  return (guint) g_ascii_strtoull (name + strlen ("step"), NULL, 10);
}

/* The request the page shows, as stored: the one whose number the header names. */
static RifqRequest *
saved (Desk *desk)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (rifq_test_widget (GTK_WIDGET (desk->page), "window_title"));
  const char *subtitle = adw_window_title_get_subtitle (title);
  g_autofree char *latin = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_nonnull (subtitle);
  latin = rifq_arabic_latin_digits (subtitle);
  parts = g_strsplit (latin, " · ", 2);
  return rifq_request_store_get_by_number (desk->db, parts[0], NULL);
}

/* The id of the request the page shows. */
static gint64
shown_id (Desk *desk)
{
  g_autoptr(RifqRequest) r = saved (desk);

  g_assert_nonnull (r);
  return r->id;
}

/* The refusal on screen: the toast whose sentence wraps (a notice is one line); NULL when
 * there is none. */
static const char *
refusal_shown (Desk *desk)
{
  g_autoptr(GPtrArray) labels = rifq_test_toast_labels (GTK_WIDGET (desk->window));

  for (guint i = 0; i < labels->len; i++)
    if (gtk_label_get_wrap (g_ptr_array_index (labels, i)))
      return gtk_label_get_text (g_ptr_array_index (labels, i));
  return NULL;
}

/* Presses what runs the page's action ("receive" for "intake.receive"). */
static void
press (Desk       *desk,
       const char *action)
{
  g_autofree char *name = g_strconcat ("intake.", action, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->page), name, NULL));
}

static void
refused (Desk       *desk,
         const char *action,
         const char *message_part)
{
  gint64 audit_before = rifq_test_count (desk->db, "SELECT count(*) FROM audit");
  const char *shown = NULL;

  press (desk, action);
  /* A notice on screen goes first: the refusal waits for it. */
  for (guint waited = 0; waited < 200; waited++)
    {
      shown = refusal_shown (desk);
      if (shown != NULL && strstr (shown, message_part) != NULL)
        break;
      rifq_test_spin (50);
    }
  if (shown == NULL)
    g_error ("“%s” was not refused", action);
  if (strstr (shown, message_part) == NULL)
    g_error ("“%s” refused with “%s”, not “%s”", action, shown, message_part);
  g_assert_cmpint (rifq_test_count (desk->db, "SELECT count(*) FROM audit"), ==, audit_before);
  /* The refusal stays on screen until the next step succeeds, once it has been read. */
  rifq_test_spin (1100);
}

/* A step the request's state does not offer: its button cannot be pressed, and nothing is written. */
static void
not_offered (Desk       *desk,
             const char *action,
             const char *button)
{
  gint64 audit_before = rifq_test_count (desk->db, "SELECT count(*) FROM audit");

  g_assert_false (gtk_widget_is_sensitive (rifq_test_widget (GTK_WIDGET (desk->page), button)));
  press (desk, action);
  rifq_test_spin (50);
  g_assert_cmpint (rifq_test_count (desk->db, "SELECT count(*) FROM audit"), ==, audit_before);
}

/* Runs the action; any refusal on screen is answered by it, and goes. */
static void
done (Desk       *desk,
      const char *action)
{
  const char *shown;

  press (desk, action);
  for (guint waited = 0; (shown = refusal_shown (desk)) != NULL && waited < 60; waited++)
    rifq_test_spin (50);
  if (shown != NULL)
    g_error ("“%s” refused: %s", action, shown);
}

static const char *
item_label (GPtrArray  *items,
            const char *code)
{
  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      RifqPolicyItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->code, code))
        return rifq_policy_item_label (item);
    }
  g_error ("No item “%s”", code);
  return NULL;
}

/* The officer finds the applicant in the registry at reception, by national ID, and chooses them. */
static void
choose_applicant (Desk *desk)
{
  GtkWidget *page = GTK_WIDGET (desk->page);
  GtkListBox *results = GTK_LIST_BOX (rifq_test_widget (page, "search_results"));
  GtkListBoxRow *row = NULL;

  rifq_test_type (page, "applicant_search", RIFQ_TEST_ID_1);
  for (guint waited = 0; waited < 40 && (row = gtk_list_box_get_row_at_index (results, 0)) == NULL; waited++)
    rifq_test_spin (50);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  gtk_widget_activate (GTK_WIDGET (row));
}

/* The officer types the request at reception: channel and kind as listed, by their codes. */
static void
type_reception (Desk       *desk,
                const char *channel,
                const char *kind,
                const char *description,
                const char *amount)
{
  GtkWidget *page = GTK_WIDGET (desk->page);
  g_autoptr(GPtrArray) channels = rifq_channel_list (desk->db, NULL);
  g_autoptr(GPtrArray) kinds = rifq_request_store_kinds (desk->db, NULL);

  rifq_test_choose_item (page, "channel_row", item_label (channels, channel));
  rifq_test_choose_item (page, "kind_row", item_label (kinds, kind));
  rifq_test_type (page, "description_row", description);
  rifq_test_type (page, "amount_row", amount);
}

/* The officer types a document of the checklist, found by its title. */
static void
type_document (Desk       *desk,
               const char *type,
               const char *number,
               const char *issued,
               const char *expires,
               gboolean    matched)
{
  g_autoptr(RifqRequest) r = saved (desk);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *group = NULL;
  const char *title = NULL;

  for (guint i = 0; i < r->documents->len; i++)
    {
      RifqDocument *doc = g_ptr_array_index (r->documents, i);

      if (g_str_equal (doc->type, type))
        title = doc->type_label;
    }
  g_assert_nonnull (title);
  rifq_test_collect_type (GTK_WIDGET (desk->page), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) == 0)
      group = g_ptr_array_index (groups, i);
  g_assert_nonnull (group);
  rifq_test_type_into (rifq_test_row (group, _("Document number")), number);
  rifq_test_type_into (rifq_test_row (group, _("Issue date (Hijri or Gregorian)")), issued);
  if (expires != NULL)
    rifq_test_type_into (rifq_test_row (group, _("Expiry date (Hijri or Gregorian)")), expires);
  rifq_test_set_switch (group, _("Matched against the original"), matched);
}

/* The applicant, or a caregiver, signs on the pad; the officer confirms with their name. */
static void
type_signing (Desk          *desk,
              RifqSignature *signature,
              gboolean       by_caregiver,
              const char    *caregiver_name,
              const char    *relation,
              const char    *officer_name)
{
  GtkWidget *page = GTK_WIDGET (desk->page);

  rifq_signature_pad_set_signature (RIFQ_SIGNATURE_PAD (rifq_test_widget (page, "signature_pad")), signature);
  rifq_test_press_toggle (page, by_caregiver ? "signer_caregiver" : "signer_applicant");
  rifq_test_type (page, "caregiver_name_row", caregiver_name);
  rifq_test_type (page, "caregiver_relation_row", relation);
  rifq_test_press_toggle (page, "mark_signature");
  rifq_test_type (page, "officer_name_row", officer_name);
}

/* The officer types the service delivered. */
static void
type_service (Desk       *desk,
              const char *quantity,
              const char *amount,
              const char *date,
              const char *delivered_by,
              gboolean    at_home,
              const char *notes)
{
  GtkWidget *page = GTK_WIDGET (desk->page);

  rifq_test_type (page, "quantity_row", quantity);
  rifq_test_type (page, "service_amount_row", amount);
  rifq_test_type (page, "service_date_row", date);
  rifq_test_type (page, "delivered_by_row", delivered_by);
  rifq_test_press_toggle (page, at_home ? "place_home" : "place_office");
  rifq_test_type (page, "notes_row", notes);
}

/* What the Service step shows the committee approved; NULL when it shows nothing. */
static const char *
approval_shown (Desk *desk)
{
  GtkWidget *label = rifq_test_widget (GTK_WIDGET (desk->page), "service_approval");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Answers the dialog a step opened to ask for a text (a question, a reason), as the officer does:
 * types text, then presses response. FALSE, the dialog cancelled, when the button stays disabled. */
static gboolean
answer_dialog (const char *text,
               const char *response)
{
  GListModel *windows = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  gboolean enabled;

  rifq_test_spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (windows) && dialog == NULL; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (windows, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  rifq_test_collect_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)), text, -1);
  enabled = adw_message_dialog_get_response_enabled (dialog, response);
  adw_message_dialog_response (dialog, enabled ? response : "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rifq_test_spin (50);
  return enabled;
}

/* The committee, another workstation, accepts at a meeting of today: khalid, its chair and only
 * member, present, votes, and records the decision with what it approves. */
static void
accept_at_meeting (Desk   *desk,
                   gint64  id,
                   gint64  amount,
                   gint64  quantity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;

  rifq_db_set_actor (desk->db, "khalid");
  meeting = rifq_committee_meeting_create (desk->db, "2026-11-26", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_committee_set_present (desk->db, meeting->id, "khalid", TRUE, &error));
  g_assert_true (rifq_committee_add_to_agenda (desk->db, meeting->id, id, &error));
  g_assert_true (rifq_committee_vote (desk->db, meeting->id, id, "accept", amount, NULL, &error));
  g_assert_true (rifq_committee_decide_full (desk->db, meeting->id, id, "accept", amount, quantity, "يستحق الدعم",
                                             &error));
  g_assert_no_error (error);
  rifq_db_set_actor (desk->db, "noura");
}

static void
test_seven_steps (void)
{
  g_autoptr(RifqSignature) signature = handwriting ();
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqBeneficiary) registered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *text = NULL;
  RifqStepDetails answer = { .text = "نعم، يجوز أن يقدّمه ابنه بوكالة.", .visit_on = "1448/06/14",
                             .visit_findings = "يسكن وحده في شقة مستأجرة", .visit_household = "فرد واحد",
                             .visit_recommendation = "يستحق سلة غذائية شهرية" };
  Desk desk = { 0 };
  gint64 id;

  desk_open (&desk);
  g_assert_cmpuint (shown_step (&desk), ==, 0);

  /* 1. Reception: nothing is created until the applicant and the request are given. */
  rifq_intake_page_start_new (desk.page);
  g_assert_cmpuint (shown_step (&desk), ==, 1);
  refused (&desk, "receive", "");
  choose_applicant (&desk);
  type_reception (&desk, "interview", "food_basket", "يحتاج سلة غذائية شهرية", "abc");
  refused (&desk, "receive", _("Amount: enter a whole number of riyals."));
  g_assert_cmpint (rifq_test_count (desk.db, "SELECT count(*) FROM request"), ==, 0);
  type_reception (&desk, "interview", "food_basket", "يحتاج سلة غذائية شهرية", "");
  shoot (&desk, "1-reception");
  done (&desk, "receive");
  id = shown_id (&desk);
  g_assert_cmpint (id, >, 0);
  r = saved (&desk);
  g_assert_cmpstr (r->number, ==, "1448/000001");
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_INCOMPLETE);
  g_clear_pointer (&r, g_object_unref);

  /* 2. Documents: typed values survive leaving the page half-way. */
  g_assert_cmpuint (shown_step (&desk), ==, 2);
  type_document (&desk, "national_id", "1000000008", "1440/01/01", "1450/12/01", TRUE);
  type_document (&desk, "family_record", "٧٧٧", "2010-05-05", NULL, TRUE);
  g_assert_nonnull (rifq_window_show_page (desk.window, "registry", &error));
  rifq_test_spin (100);
  g_assert_nonnull (rifq_window_show_page (desk.window, "intake", &error));
  g_assert_true (rifq_intake_page_open (desk.page, id, &error));
  g_assert_no_error (error);
  done (&desk, "save-documents");
  g_assert_cmpint (rifq_test_count (desk.db, "SELECT count(*) FROM document"), ==, 2);
  refused (&desk, "confirm-documents", "إثبات الدخل");
  shoot (&desk, "2-documents");

  /* 3. Social research: the question goes to the researcher, the answer comes back. */
  done (&desk, "refer");
  g_assert_true (answer_dialog ("هل يمكن أن يقدّم الطلب ابنه نيابة عنه؟", "refer"));
  g_assert_cmpuint (shown_step (&desk), ==, 3);
  {
    /* The researcher answers at their own workstation. */
    g_autoptr(RifqDb) researcher = rifq_test_db_open (desk.location, &error);

    g_assert_no_error (error);
    rifq_db_set_actor (researcher, "salman");
    rifq_test_set_today (researcher, "2026-11-26");
    g_assert_true (rifq_request_store_advance (researcher, id, RIFQ_ACTION_ANSWER, &answer, &error));
    g_assert_no_error (error);
  }
  rifq_intake_page_reload (desk.page);
  rifq_intake_page_show_step (desk.page, 3);
  shoot (&desk, "3-social-research");

  rifq_intake_page_show_step (desk.page, 2);
  type_document (&desk, "income_proof", "55", "1447/01/01", "1449/01/01", TRUE);
  done (&desk, "confirm-documents");
  g_assert_cmpuint (shown_step (&desk), ==, 4);

  /* 4. Declaration and signature: a caregiver signs; the officer confirms with their name. */
  type_signing (&desk, signature, TRUE, "سارة محمد", "ابنة", "نورة العتيبي");
  shoot (&desk, "4-declaration-and-signature");
  type_signing (&desk, signature, TRUE, "", "", "نورة العتيبي");
  refused (&desk, "sign", _("Signed by a caregiver: enter their name and their relation to the applicant."));
  type_signing (&desk, signature, TRUE, "سارة محمد", "ابنة", "نورة العتيبي");
  done (&desk, "sign");
  r = saved (&desk);
  g_assert_cmpstr (r->signer_name, ==, "سارة محمد");
  g_assert_nonnull (r->signature_json);
  g_clear_pointer (&r, g_object_unref);

  /* A document to correct after signing: the signature is set aside and taken again. */
  done (&desk, "reopen");
  g_assert_cmpuint (shown_step (&desk), ==, 2);
  r = saved (&desk);
  g_assert_null (r->signature_json);
  g_clear_pointer (&r, g_object_unref);
  done (&desk, "confirm-documents");
  refused (&desk, "sign", "");
  type_signing (&desk, signature, TRUE, "سارة محمد", "ابنة", "نورة العتيبي");
  done (&desk, "sign");

  /* 5. Submission: the reply date in both calendars, and the receipt. */
  rifq_intake_page_show_step (desk.page, 5);
  done (&desk, "submit");
  r = saved (&desk);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_SUBMITTED);
  g_assert_cmpstr (r->due_on, ==, "2026-12-10");
  g_clear_pointer (&r, g_object_unref);
  shoot (&desk, "5-submission");
  receipt = g_build_filename (g_get_tmp_dir (), "rifq-intake-receipt-test.pdf", NULL);
  g_assert_true (rifq_intake_page_save_receipt (desk.page, receipt, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", receipt, (char *) "-", NULL }, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL, NULL));
  /* In the interface's digits, as every number on the receipt. */
  g_assert_nonnull (strstr (text, "١٤٤٨/٠٠٠٠٠١"));
  g_unlink (receipt);
  g_clear_pointer (&text, g_free);

  /* Western digits chosen in Preferences: the receipt prints them too. */
  {
    g_autoptr(GSettings) settings = rifq_ui_settings_new ();

    g_settings_set_enum (settings, "digit-style", 2);
    rifq_test_spin (50);
    g_assert_true (rifq_intake_page_save_receipt (desk.page, receipt, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", receipt, (char *) "-", NULL }, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL,
                                 NULL));
    g_assert_nonnull (strstr (text, "1448/000001"));
    g_unlink (receipt);
    g_settings_reset (settings, "digit-style");
    rifq_test_spin (50);
  }

  /* The receipt, previewed inside Rifq, prints its own page. */
  done (&desk, "open-receipt");
  {
    GListModel *windows = gtk_window_get_toplevels ();
    RifqPdfWindow *preview = NULL;

    for (guint waited = 0; preview == NULL && waited < 40; waited++)
      {
        rifq_test_spin (50);
        for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
          {
            g_autoptr(GObject) window = g_list_model_get_item (windows, i);

            if (RIFQ_IS_PDF_WINDOW (window))
              preview = RIFQ_PDF_WINDOW (window);
          }
      }
    g_assert_nonnull (preview);
    for (guint waited = 0; rifq_pdf_view_get_n_pages (rifq_pdf_window_get_view (preview)) == 0 && waited < 40; waited++)
      rifq_test_spin (50);
    g_assert_cmpint (rifq_pdf_view_get_n_pages (rifq_pdf_window_get_view (preview)), ==, 1);
    /* Printed through the preview's own print operation, exported to a file: the request's page,
     * with its words, as the printer would get it. */
    {
      g_autoptr(GtkPrintOperation) operation = rifq_pdf_view_new_print_operation (rifq_pdf_window_get_view (preview),
                                                                                 &error);
      g_autofree char *printed = g_build_filename (g_get_tmp_dir (), "rifq-printed-receipt.pdf", NULL);
      g_autofree char *uri = NULL;
      g_autoptr(RifqPopplerDocument) document = NULL;
      g_autoptr(RifqPopplerPage) page = NULL;
      g_autofree char *printed_text = NULL;

      g_assert_no_error (error);
      gtk_print_operation_set_export_filename (operation, printed);
      g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                       GTK_PRINT_OPERATION_RESULT_APPLY);
      g_assert_no_error (error);
      uri = g_filename_to_uri (printed, NULL, NULL);
      document = poppler_document_new_from_file (uri, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
      page = poppler_document_get_page (document, 0);
      printed_text = poppler_page_get_text (page);
      g_assert_nonnull (printed_text);
      g_assert_cmpuint (strlen (printed_text), >, 100);
      g_unlink (printed);
    }
    gtk_window_destroy (GTK_WINDOW (preview));
  }

  /* 6. Registration, once the committee (another workstation) has accepted. */
  not_offered (&desk, "register", "register_button");
  accept_at_meeting (&desk, id, -1, 2);
  g_assert_true (rifq_intake_page_open (desk.page, id, &error));
  g_assert_cmpuint (shown_step (&desk), ==, 6);
  shoot (&desk, "6-registration");
  done (&desk, "register");
  registered = rifq_beneficiary_store_get (desk.db, desk.beneficiary_id, NULL);
  g_assert_cmpstr (rifq_beneficiary_get (registered, RIFQ_FIELD_STATUS), ==, "registered");
  g_assert_nonnull (rifq_beneficiary_get (registered, RIFQ_FIELD_FILE_NUMBER));

  /* 7. Service delivered at home. */
  g_assert_cmpuint (shown_step (&desk), ==, 7);
  type_service (&desk, "2", "", "1448/06/15", "نورة العتيبي", TRUE, "سلتان");
  done (&desk, "serve");
  r = saved (&desk);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_SERVED);
  g_assert_cmpuint (r->services->len, ==, 1);
  g_assert_cmpstr (((RifqService *) g_ptr_array_index (r->services, 0))->place, ==, "home");
  g_assert_cmpstr (((RifqService *) g_ptr_array_index (r->services, 0))->delivered_on, ==, "2026-11-25");
  shoot (&desk, "7-service");

  g_assert_true (rifq_db_verify_audit (desk.db, NULL, NULL));
  desk_close (&desk);
}

/* The Service step shows what the committee approved and what remains; beyond it the desk is
 * refused, and an administrator records the service with the reason. */
static void
test_service_keeps_within_the_approval (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_after = NULL;
  RifqApproval approved = { .amount = 1000, .quantity = 1 };
  RifqApproval beyond = { .amount = 1000, .quantity = 1, .amount_delivered = 1200 };
  Desk desk = { 0 };
  gint64 id;

  desk_open (&desk);
  rifq_db_set_actor (desk.db, "admin");
  g_assert_true (rifq_staff_save (desk.db, "desk", "نورة العتيبي", RIFQ_ROLE_DESK, &error));
  /* 1500 riyals asked for; the committee approves 1000. */
  id = rifq_test_submitted_request (desk.db, desk.beneficiary_id, "financial_aid");
  accept_at_meeting (&desk, id, 1000, 0);
  g_assert_true (rifq_request_store_advance (desk.db, id, RIFQ_ACTION_REGISTER, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (rifq_intake_page_open (desk.page, id, &error));
  g_assert_cmpuint (shown_step (&desk), ==, 7);
  {
    g_autofree char *sentence = rifq_approval_describe (&approved);

    expected = rifq_ui_display_digits (sentence);
  }
  g_assert_cmpstr (approval_shown (&desk), ==, expected);
  g_assert_nonnull (strstr (expected, "١٠٠٠"));

  type_service (&desk, "", "1200", "1448/06/16", "نورة العتيبي", FALSE, NULL);
  refused (&desk, "serve", "مدير النظام");
  r = saved (&desk);
  g_assert_cmpuint (r->services->len, ==, 0);
  g_clear_pointer (&r, g_object_unref);

  /* The administrator, at the same desk, goes beyond it with the reason. */
  rifq_db_set_actor (desk.db, "admin");
  g_assert_true (rifq_intake_page_open (desk.page, id, &error));
  type_service (&desk, "", "1200", "1448/06/16", "نورة العتيبي", FALSE, NULL);
  rifq_test_type (GTK_WIDGET (desk.page), "override_row", "فاتورة الإيجار أعلى مما قُدِّر");
  done (&desk, "serve");
  r = saved (&desk);
  g_assert_cmpuint (r->services->len, ==, 1);
  g_assert_cmpstr (((RifqService *) g_ptr_array_index (r->services, 0))->override_reason, ==,
                   "فاتورة الإيجار أعلى مما قُدِّر");
  {
    g_autofree char *sentence = rifq_approval_describe (&beyond);

    expected_after = rifq_ui_display_digits (sentence);
  }
  g_assert_cmpstr (approval_shown (&desk), ==, expected_after);
  g_assert_true (rifq_db_verify_audit (desk.db, NULL, NULL));
  desk_close (&desk);
}

static void
test_withdraw_records_reason (void)
{
  g_autoptr(RifqRequest) r = NULL;
  Desk desk = { 0 };

  desk_open (&desk);
  rifq_intake_page_start_new (desk.page);
  choose_applicant (&desk);
  type_reception (&desk, "phone", "medicines", "أدوية الضغط", "");
  done (&desk, "receive");
  /* A blank reason cannot be given: the dialog's button stays disabled and nothing is written. */
  done (&desk, "withdraw");
  g_assert_false (answer_dialog ("   ", "withdraw"));
  r = saved (&desk);
  g_assert_cmpint (r->state, !=, RIFQ_REQUEST_CLOSED);
  done (&desk, "withdraw");
  g_assert_true (answer_dialog ("تكفّل ابنه بالأدوية", "withdraw"));
  g_clear_pointer (&r, g_object_unref);
  r = rifq_request_store_get (desk.db, 1, NULL);
  g_assert_cmpint (r->state, ==, RIFQ_REQUEST_CLOSED);
  g_assert_cmpstr (r->close_reason, ==, "تكفّل ابنه بالأدوية");
  g_assert_cmpuint (shown_step (&desk), ==, 0);
  desk_close (&desk);
}

static void
test_half_typed_reception_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) other = NULL;
  g_autoptr(RifqRequest) received = NULL;
  RifqRequestDraft draft = { 0, "transport", "branch", "نقل إلى موعد المستشفى", -1, NULL };
  Desk desk = { 0 };

  desk_open (&desk);
  draft.beneficiary_id = desk.beneficiary_id;
  other = rifq_request_store_create (desk.db, &draft, &error);
  g_assert_no_error (error);

  /* Half-way through a new applicant's reception, the officer looks at another request. */
  rifq_intake_page_start_new (desk.page);
  choose_applicant (&desk);
  type_reception (&desk, "social", "home_care", "زيارات رعاية منزلية أسبوعية", "٥٠٠");
  g_assert_true (rifq_intake_page_open (desk.page, other->id, &error));
  g_assert_cmpuint (shown_step (&desk), ==, 1);

  /* Back to the new one: everything typed is there, and received as typed. */
  rifq_intake_page_start_new (desk.page);
  done (&desk, "receive");
  received = saved (&desk);
  g_assert_cmpint (received->id, !=, other->id);
  g_assert_cmpstr (received->description, ==, "زيارات رعاية منزلية أسبوعية");
  g_assert_cmpstr (received->kind, ==, "home_care");
  g_assert_cmpstr (received->channel, ==, "social");
  g_assert_cmpint (received->amount, ==, 500);
  desk_close (&desk);
}

/* A search that finds no one says so in the list, and offers nothing to choose; a search
 * that finds the applicant lists them, and only them. */
/* Another officer saves the family record of the same request while this one is typing it:
 * this one's save is refused, naming the other, nothing of it written, and what was typed stays
 * in the form; saving again, once seen, puts it over the other's. */
static void
test_document_saved_elsewhere_refused_typing_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqRequest) after = NULL;
  RifqRequestDraft draft = { 0, "food_basket", "interview", "سلة غذائية شهرية", -1, NULL };
  RifqDocument theirs = { .type = (char *) "family_record", .number = (char *) "555",
                          .issued_on = (char *) "2011-01-01", .matched = TRUE,
                          .version = RIFQ_DOCUMENT_NOT_ENTERED };
  Desk desk = { 0 };

  desk_open (&desk);
  rifq_db_set_actor (desk.db, "admin");
  g_assert_true (rifq_staff_save (desk.db, "huda", "هدى القحطاني", RIFQ_ROLE_DESK, &error));
  rifq_db_set_actor (desk.db, "noura");
  draft.beneficiary_id = desk.beneficiary_id;
  r = rifq_request_store_create (desk.db, &draft, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_request_store_advance (desk.db, r->id, RIFQ_ACTION_COLLECT, NULL, &error));
  g_assert_true (rifq_intake_page_open (desk.page, r->id, &error));
  g_assert_no_error (error);

  type_document (&desk, "family_record", "٧٧٧", "2010-05-05", NULL, TRUE);
  /* Meanwhile, at another desk. */
  rifq_db_set_actor (desk.db, "huda");
  g_assert_true (rifq_request_store_save_document (desk.db, r->id, &theirs, &error));
  g_assert_no_error (error);
  rifq_db_set_actor (desk.db, "noura");
  rifq_test_spin (200);

  refused (&desk, "save-documents", "هدى القحطاني");
  shoot (&desk, "document-saved-elsewhere");
  after = saved (&desk);
  {
    g_autoptr(GPtrArray) groups = g_ptr_array_new ();
    GtkWidget *group = NULL;
    const char *title = NULL;

    for (guint i = 0; i < after->documents->len; i++)
      {
        RifqDocument *doc = g_ptr_array_index (after->documents, i);

        if (g_str_equal (doc->type, "family_record"))
          {
            g_assert_cmpstr (doc->number, ==, "555");
            title = doc->type_label;
          }
      }
    rifq_test_collect_type (GTK_WIDGET (desk.page), ADW_TYPE_PREFERENCES_GROUP, groups);
    for (guint i = 0; i < groups->len; i++)
      if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) == 0)
        group = g_ptr_array_index (groups, i);
    g_assert_nonnull (group);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rifq_test_row (group, _("Document number")))), ==, "٧٧٧");
  }
  desk_close (&desk);
}

static void
test_search_says_no_one_found (void)
{
  Desk desk = { 0 };
  GtkListBox *results;
  GtkListBoxRow *row;

  desk_open (&desk);
  rifq_intake_page_start_new (desk.page);
  results = GTK_LIST_BOX (rifq_test_widget (GTK_WIDGET (desk.page), "search_results"));

  rifq_test_type (GTK_WIDGET (desk.page), "applicant_search", "زيد بن لا أحد");
  rifq_test_spin (400);   /* the search waits for typing to pause */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (results)));
  g_assert_null (gtk_list_box_get_row_at_index (results, 0));
  g_assert_nonnull (rifq_test_row (GTK_WIDGET (results), _("No one found")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rifq_test_row (GTK_WIDGET (results), _("No one found")))));

  rifq_test_type (GTK_WIDGET (desk.page), "applicant_search", RIFQ_TEST_ID_1);
  rifq_test_spin (400);
  row = gtk_list_box_get_row_at_index (results, 0);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_null (gtk_list_box_get_row_at_index (results, 1));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (rifq_test_row (GTK_WIDGET (results), _("No one found")))));

  /* Emptied, the search lists nothing at all. */
  rifq_test_type (GTK_WIDGET (desk.page), "applicant_search", "");
  rifq_test_spin (400);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));
  desk_close (&desk);
}

/* A request brought to "ready to sign" at another desk. */
static gint64
ready_to_sign (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqRequestDraft draft = { desk->beneficiary_id, "food_basket", "interview", "سلة غذائية", -1, NULL };
  const char *types[] = { "national_id", "family_record", "income_proof" };

  r = rifq_request_store_create (desk->db, &draft, &error);
  g_assert_no_error (error);
  g_assert_true (rifq_request_store_advance (desk->db, r->id, RIFQ_ACTION_COLLECT, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      RifqDocument doc = { .type = (char *) types[i], .number = (char *) "12", .issued_on = (char *) "2020-01-01",
                           .expires_on = (char *) "2030-01-01", .matched = TRUE };

      g_assert_true (rifq_request_store_save_document (desk->db, r->id, &doc, &error));
    }
  g_assert_true (rifq_request_store_advance (desk->db, r->id, RIFQ_ACTION_VERIFY, NULL, &error));
  g_assert_no_error (error);
  return r->id;
}

static void
test_signing_kept_while_away (void)
{
  g_autoptr(RifqSignature) signature = handwriting ();
  g_autoptr(RifqRequest) signed_request = NULL;
  g_autoptr(GError) error = NULL;
  Desk desk = { 0 };
  gint64 first, second;

  desk_open (&desk);
  first = ready_to_sign (&desk);
  second = ready_to_sign (&desk);

  /* The caregiver has signed on the pad; the officer checks the other request, then returns. */
  g_assert_true (rifq_intake_page_open (desk.page, first, &error));
  g_assert_cmpuint (shown_step (&desk), ==, 4);
  type_signing (&desk, signature, TRUE, "سارة محمد", "ابنة", "نورة العتيبي");
  g_assert_true (rifq_intake_page_open (desk.page, second, &error));
  refused (&desk, "sign", "");
  g_assert_true (rifq_intake_page_open (desk.page, first, &error));
  done (&desk, "sign");
  signed_request = rifq_request_store_get (desk.db, first, NULL);
  g_assert_cmpstr (signed_request->signer_name, ==, "سارة محمد");
  g_assert_nonnull (signed_request->signature_json);
  desk_close (&desk);
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

  g_test_add_func ("/window/intake/seven-steps-from-door-to-service", test_seven_steps);
  g_test_add_func ("/window/intake/withdraw-records-the-reason", test_withdraw_records_reason);
  g_test_add_func ("/window/intake/service-shows-what-remains-and-refuses-beyond-the-approval",
                   test_service_keeps_within_the_approval);
  g_test_add_func ("/window/intake/half-typed-reception-kept", test_half_typed_reception_kept);
  g_test_add_func ("/window/intake/document-saved-elsewhere-refused-typing-kept",
                   test_document_saved_elsewhere_refused_typing_kept);
  g_test_add_func ("/window/intake/search-says-no-one-found", test_search_says_no_one_found);
  g_test_add_func ("/window/intake/signature-kept-while-away", test_signing_kept_while_away);

  return g_test_run ();
}
