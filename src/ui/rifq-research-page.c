/* rifq-research-page.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-research-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-record-list.h"
#include "rifq-referral-row.h"
#include "rifq-research-page.h"
#include "rifq-staff.h"

/* What was typed for one request and not sent yet. */
typedef struct
{
  char *answer;
  char *visit_on;
  char *findings;
  char *household;
  char *recommendation;
} Draft;

struct _RifqResearchPage
{
  GtkWidget          parent_instance;

  /* template children */
  AdwToastOverlay   *toast_overlay;
  GtkWidget         *back_button;
  AdwWindowTitle    *title;
  GtkStack          *stack;
  GtkListBox        *queue_list;
  GtkScrolledWindow *detail_scroller;
  GtkLabel          *name_label;
  GtkLabel          *request_label;
  GtkLabel          *description_label;
  GtkLabel          *question_label;
  GtkLabel          *asked_label;
  GtkTextView       *answer_view;
  AdwEntryRow       *visit_row;
  GtkLabel          *visit_date_label;
  GtkTextView       *findings_view;
  AdwEntryRow       *household_row;
  AdwEntryRow       *recommendation_row;
  AdwStatusPage     *empty_page;

  /* owned */
  RifqContext       *context;
  RifqDb            *db;       /* the context's */
  RifqRecordList    *queue;    /* RifqRequest, in the order of the rows */
  GHashTable        *drafts;   /* gint64 * request id → Draft * */
  RifqRequest       *current;  /* the request shown, or NULL */
  AdwToast          *refusal;  /* the last refusal shown, until it is dismissed */

  /* state */
};

G_DEFINE_FINAL_TYPE (RifqResearchPage, rifq_research_page, GTK_TYPE_WIDGET)

static void
draft_free (Draft *draft)
{
  g_free (draft->answer);
  g_free (draft->visit_on);
  g_free (draft->findings);
  g_free (draft->household);
  g_free (draft->recommendation);
  g_free (draft);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
refusal_dismissed_cb (RifqResearchPage *self,
                      AdwToast         *toast)
{
  if (self->refusal == toast)
    g_clear_object (&self->refusal);
}

static void
show_toast (RifqResearchPage *self,
            const char       *message,
            gboolean          refusal)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  /* A refusal is not dismissed from code: libadwaita 1.2 frees a toast dismissed while it is
   * still appearing, then touches it. A high-priority toast comes first in the queue instead. */
  if (refusal)
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_set_object (&self->refusal, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (refusal_dismissed_cb), self, G_CONNECT_SWAPPED);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Whole days from the local day of an ISO 8601 stamp to the day steps are judged on; -1 when
 * the stamp cannot be read. */
static int
days_since (RifqResearchPage *self,
            const char       *stamp)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *today_iso = NULL;
  GDate day, today;

  if (stamp == NULL || (when = g_date_time_new_from_iso8601 (stamp, NULL)) == NULL)
    return -1;
  local = g_date_time_to_local (when);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  today_iso = rifq_context_dup_today (self->context);
  g_date_clear (&today, 1);
  if (!rifq_calendar_from_iso (today_iso, &today))
    return -1;
  return MAX (g_date_days_between (&day, &today), 0);
}

static char *
referred_ago (RifqResearchPage *self,
              const char       *stamp)
{
  int days = days_since (self, stamp);
  g_autofree char *number = NULL;
  g_autofree char *shown = NULL;

  if (days < 0)
    return NULL;
  if (days == 0)
    return g_strdup (_("Referred today"));
  if (days == 1)
    return g_strdup (_("Referred yesterday"));
  number = g_strdup_printf ("%d", days);
  shown = rifq_ui_display_digits (number);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Referred %s day ago", "Referred %s days ago", days),
                          shown);
}

/* The question still waiting for an answer: the last one asked. */
static const RifqReferral *
open_referral (const RifqRequest *request)
{
  if (request->referrals == NULL)
    return NULL;
  for (guint i = request->referrals->len; i > 0; i--)
    {
      const RifqReferral *referral = g_ptr_array_index (request->referrals, i - 1);

      if (referral->answer == NULL)
        return referral;
    }
  return NULL;
}

static void
store_draft (RifqResearchPage *self)
{
  Draft *draft;

  if (self->current == NULL)
    return;

  draft = g_new0 (Draft, 1);
  draft->answer = dup_view_text (self->answer_view);
  draft->visit_on = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->visit_row)));
  draft->findings = dup_view_text (self->findings_view);
  draft->household = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->household_row)));
  draft->recommendation = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->recommendation_row)));

  if (is_blank (draft->answer) && is_blank (draft->visit_on) && is_blank (draft->findings)
      && is_blank (draft->household) && is_blank (draft->recommendation))
    {
      g_hash_table_remove (self->drafts, &self->current->id);
      draft_free (draft);
      return;
    }
  g_hash_table_replace (self->drafts, g_memdup2 (&self->current->id, sizeof (gint64)), draft);
}

static void
fill_form (RifqResearchPage *self,
           const char       *answer,
           const char       *visit_on,
           const char       *findings,
           const char       *household,
           const char       *recommendation)
{
  set_view_text (self->answer_view, answer);
  gtk_editable_set_text (GTK_EDITABLE (self->visit_row), visit_on != NULL ? visit_on : "");
  set_view_text (self->findings_view, findings);
  gtk_editable_set_text (GTK_EDITABLE (self->household_row), household != NULL ? household : "");
  gtk_editable_set_text (GTK_EDITABLE (self->recommendation_row), recommendation != NULL ? recommendation : "");
}

static void
show_request (RifqResearchPage *self,
              RifqRequest      *request)
{
  const RifqReferral *referral = open_referral (request);
  const char *kind = rifq_request_store_kind_label (self->db, request->kind);
  g_autofree char *number = rifq_ui_display_digits (request->number);
  g_autofree char *request_text = NULL;
  g_autofree char *asked = NULL;
  Draft *draft;

  g_clear_pointer (&self->current, g_object_unref);
  self->current = g_object_ref (request);

  gtk_label_set_text (self->name_label, request->beneficiary_name);
  request_text = g_strdup_printf (_("Request %s · %s"), number, kind != NULL ? kind : request->kind);
  gtk_label_set_text (self->request_label, request_text);
  gtk_label_set_text (self->description_label, request->description != NULL ? request->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), !is_blank (request->description));

  gtk_label_set_text (self->question_label, referral != NULL ? referral->question : "");
  if (referral != NULL)
    {
      g_autoptr(RifqStaff) staff = rifq_staff_get (self->db, referral->asked_by, NULL);
      const char *who = staff != NULL && staff->full_name != NULL ? staff->full_name : referral->asked_by;
      g_autoptr(GDateTime) when = referral->asked_at ? g_date_time_new_from_iso8601 (referral->asked_at, NULL) : NULL;

      if (when != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (when);
          g_autofree char *day = NULL;
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                          g_date_time_get_year (local));
          day = rifq_calendar_format_both (&date, rifq_ui_get_digits ());
          asked = g_strdup_printf (_("Asked by %s on %s"), who != NULL ? who : "", day);
        }
      else if (who != NULL)
        asked = g_strdup_printf (_("Asked by %s"), who);
    }
  gtk_label_set_text (self->asked_label, asked != NULL ? asked : "");
  gtk_widget_set_visible (GTK_WIDGET (self->asked_label), asked != NULL);

  draft = g_hash_table_lookup (self->drafts, &request->id);
  if (draft != NULL)
    fill_form (self, draft->answer, draft->visit_on, draft->findings, draft->household,
               draft->recommendation);
  else
    fill_form (self, NULL, NULL, NULL, NULL, NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  /* Only a researcher answers; the others read. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "research.send",
                                 rifq_permission_allows (RIFQ_PERMISSION_ANSWER, rifq_staff_actor_roles (self->db)));
}

static void
forget_request (RifqResearchPage *self)
{
  g_clear_pointer (&self->current, g_object_unref);
  fill_form (self, NULL, NULL, NULL, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "research.send", FALSE);
}

static guint
n_waiting (RifqResearchPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->queue));
}

static void
update_title (RifqResearchPage *self)
{
  guint n = n_waiting (self);
  g_autofree char *number = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;

  /* An empty queue says so in the page itself. */
  if (n == 0)
    {
      adw_window_title_set_subtitle (self->title, NULL);
      return;
    }
  number = g_strdup_printf ("%u", n);
  shown = rifq_ui_display_digits (number);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s referral waiting", "%s referrals waiting", n),
                              shown);
  adw_window_title_set_subtitle (self->title, subtitle);
}

static void
queue_row_selected_cb (RifqResearchPage *self,
                       GtkListBoxRow    *row)
{
  /* Rows replaced as the queue changes select nothing on the way. */
  if (row == NULL)
    return;

  store_draft (self);
  show_request (self, rifq_referral_row_get_request (RIFQ_REFERRAL_ROW (row)));
}

static void
visit_changed_cb (RifqResearchPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->visit_row));
  g_autoptr(GError) error = NULL;
  RifqCalendarKind kind;
  GDate date;

  gtk_widget_remove_css_class (GTK_WIDGET (self->visit_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->visit_date_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->visit_date_label), "dim-label");

  if (is_blank (text))
    {
      gtk_label_set_text (self->visit_date_label, _("Type the day in Hijri or Gregorian, as 1446/02/21 or 2024-08-25."));
      return;
    }

  g_date_clear (&date, 1);
  if (rifq_calendar_parse (text, &date, &kind, &error))
    {
      g_autofree char *both = rifq_calendar_format_both (&date, rifq_ui_get_digits ());

      gtk_label_set_text (self->visit_date_label, both);
      return;
    }

  gtk_label_set_text (self->visit_date_label, error->message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->visit_date_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->visit_date_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->visit_row), "error");
}

static gboolean
draft_orphaned_cb (gpointer key,
                    gpointer value,
                    gpointer user_data)
{
  GHashTable *waiting = user_data;

  return !g_hash_table_contains (waiting, key);
}

/* Sends the answer of the shown request back to the desk: a toast says what happened. */
static void
send_answer (RifqResearchPage *self)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *findings = NULL;
  RifqStepDetails details = { 0 };
  gint64 id;

  if (self->current == NULL)
    {
      show_toast (self, _("Choose a referral from the list first."), TRUE);
      return;
    }

  id = self->current->id;
  answer = g_strstrip (dup_view_text (self->answer_view));
  findings = g_strstrip (dup_view_text (self->findings_view));
  details.text = answer;
  details.visit_on = gtk_editable_get_text (GTK_EDITABLE (self->visit_row));
  details.visit_findings = findings;
  details.visit_household = gtk_editable_get_text (GTK_EDITABLE (self->household_row));
  details.visit_recommendation = gtk_editable_get_text (GTK_EDITABLE (self->recommendation_row));

  if (!rifq_request_store_advance (self->db, id, RIFQ_ACTION_ANSWER, &details, &local))
    {
      show_toast (self, local->message, TRUE);
      return;
    }

  g_hash_table_remove (self->drafts, &id);
  forget_request (self);
  rifq_research_page_reload (self);
  show_toast (self, _("Answer sent; the request is back at the desk."), FALSE);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  send_answer (RIFQ_RESEARCH_PAGE (widget));
}

static void
rifq_research_page_dispose (GObject *object)
{
  RifqResearchPage *self = (RifqResearchPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_RESEARCH_PAGE);
  g_clear_object (&self->refusal);
  g_clear_pointer (&self->current, g_object_unref);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_research_page_parent_class)->dispose (object);
}

static GPtrArray *referral_queue   (RifqDb           *db,
                                   gpointer          user_data,
                                   GError          **error);
static GtkWidget *queue_row_create (gpointer          item,
                                   gpointer          user_data);
static void       queue_changed_cb (RifqResearchPage *self);

static void
rifq_research_page_constructed (GObject *object)
{
  RifqResearchPage *self = (RifqResearchPage *) object;
  static const char * const kinds[] = { "request", "beneficiary", NULL };
  static const char * const shown[] = { "beneficiary-name", "number", "kind", "updated-at", NULL };

  G_OBJECT_CLASS (rifq_research_page_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  self->queue = rifq_record_list_new (self->db, kinds, shown, referral_queue, NULL, NULL);
  gtk_list_box_bind_model (self->queue_list, G_LIST_MODEL (self->queue), queue_row_create, self, NULL);
  g_signal_connect_object (self->queue, "items-changed", G_CALLBACK (queue_changed_cb), self, G_CONNECT_SWAPPED);

  rifq_research_page_reload (self);
}

static void
rifq_research_page_class_init (RifqResearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_research_page_dispose;
  object_class->constructed = rifq_research_page_constructed;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqResearchPage, context));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-research-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, title);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, request_label);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, asked_label);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, answer_view);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, visit_row);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, visit_date_label);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, findings_view);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, household_row);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, recommendation_row);
  gtk_widget_class_bind_template_child (widget_class, RifqResearchPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, queue_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, visit_changed_cb);

  gtk_widget_class_install_action (widget_class, "research.send", NULL, send_action);
}

static void
rifq_research_page_init (RifqResearchPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Captured: the text views would otherwise take Ctrl+Enter as a new line. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("research.send")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) draft_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "research.send", FALSE);
  visit_changed_cb (self);
}

RifqResearchPage *
rifq_research_page_new (RifqContext *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  return g_object_new (RIFQ_TYPE_RESEARCH_PAGE, "context", context, NULL);
}

/* The requests referred to the social-research officer, oldest question first. */
static GPtrArray *
referral_queue (RifqDb   *db,
                gpointer  user_data,
                GError  **error)
{
  return rifq_request_store_referral_queue (db, error);
}

static GtkWidget *
queue_row_create (gpointer item,
                  gpointer user_data)
{
  RifqResearchPage *self = user_data;
  RifqRequest *request = item;
  const RifqReferral *referral = open_referral (request);
  g_autofree char *ago = referral != NULL ? referred_ago (self, referral->asked_at) : NULL;

  return rifq_referral_row_new (request, rifq_request_store_kind_label (self->db, request->kind), ago);
}

/* After the rows changed: the drafts of requests gone from the queue go too, and the form stays
 * with the request it showed while that is still waiting. */
static void
queue_changed_cb (RifqResearchPage *self)
{
  const GError *error = rifq_record_list_get_error (self->queue);
  g_autoptr(GHashTable) waiting = NULL;
  g_autoptr(RifqRequest) first = NULL;
  gint64 shown = 0;

  store_draft (self);
  if (self->current != NULL)
    shown = self->current->id;

  if (error != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      forget_request (self);
      update_title (self);
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("The Queue Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* A draft for a request that has left the queue (answered elsewhere) has nothing to go to. */
  waiting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < n_waiting (self); i++)
    {
      g_autoptr(RifqRequest) request = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      g_hash_table_add (waiting, g_memdup2 (&request->id, sizeof request->id));
    }
  g_hash_table_foreach_remove (self->drafts, draft_orphaned_cb, waiting);
  update_title (self);

  if (n_waiting (self) == 0)
    {
      forget_request (self);
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Referrals Waiting"));
      adw_status_page_set_description (self->empty_page,
                                       _("When a desk officer refers an applicant’s question, it "
                                         "appears here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "queue");
  /* The current request's form now belongs to the row selected next, whichever it is. */
  g_clear_pointer (&self->current, g_object_unref);
  first = g_list_model_get_item (G_LIST_MODEL (self->queue), 0);
  if (shown == 0 || !rifq_research_page_select (self, shown))
    rifq_research_page_select (self, first->id);
}

void
rifq_research_page_reload (RifqResearchPage *self)
{
  g_return_if_fail (RIFQ_IS_RESEARCH_PAGE (self));

  /* Shown again: another program may have written, and the day or the digits may have changed. */
  rifq_record_list_reload (self->queue, NULL);
  queue_changed_cb (self);
}

GtkWidget *
rifq_research_page_get_back_button (RifqResearchPage *self)
{
  g_return_val_if_fail (RIFQ_IS_RESEARCH_PAGE (self), NULL);
  return self->back_button;
}

gboolean
rifq_research_page_select (RifqResearchPage *self,
                           gint64            request_id)
{
  g_autoptr(RifqRequest) request = NULL;
  GtkListBoxRow *row;
  int position;

  g_return_val_if_fail (RIFQ_IS_RESEARCH_PAGE (self), FALSE);

  position = rifq_record_list_find (self->queue, request_id);
  if (position < 0)
    return FALSE;
  request = g_list_model_get_item (G_LIST_MODEL (self->queue), (guint) position);
  row = gtk_list_box_get_row_at_index (self->queue_list, position);
  if (gtk_list_box_get_selected_row (self->queue_list) == row && self->current != NULL)
    return TRUE;
  gtk_list_box_select_row (self->queue_list, row);
  /* Selecting the row already selected emits nothing: show it all the same. */
  if (self->current == NULL || self->current->id != request_id)
    show_request (self, request);
  return TRUE;
}
