/* rifq-committee-page.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-channel.h"
#include "rifq-committee-page-private.h"
#include "rifq-error.h"
#include "rifq-seal.h"
#include "rifq-request-store.h"
#include "rifq-staff.h"
#include "rifq-validate.h"

/* Meetings listed, newest first; older ones stay in the database and in rifq-admin. */
#define MEETINGS_SHOWN 200

G_DEFINE_FINAL_TYPE (RifqCommitteePage, rifq_committee_page, GTK_TYPE_WIDGET)

static void
draft_free (Draft *draft)
{
  g_free (draft->vote);
  g_free (draft->amount);
  g_free (draft->note);
  g_free (draft->recorded);
  g_free (draft->decision);
  g_free (draft->decision_amount);
  g_free (draft->decision_quantity);
  g_free (draft->reasons);
  g_free (draft);
}

Draft *
rifq_committee_page_draft_for (RifqCommitteePage *self,
                               gint64             request_id)
{
  Draft *draft = g_hash_table_lookup (self->drafts, &request_id);

  if (draft == NULL)
    {
      draft = g_new0 (Draft, 1);
      g_hash_table_insert (self->drafts, g_memdup2 (&request_id, sizeof request_id), draft);
    }
  return draft;
}

void
rifq_committee_page_set_row_request (gpointer object,
                                     gint64   request_id)
{
  g_object_set_data_full (G_OBJECT (object), "rifq-request-id", g_memdup2 (&request_id, sizeof request_id), g_free);
}

gint64
rifq_committee_page_row_request (gpointer object)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), "rifq-request-id");

  g_assert (id != NULL);
  return *id;
}

static char *
shown_number (gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return rifq_ui_display_digits (text);
}

static const char *
vote_word (const char *vote)
{
  return rifq_vote_choice_noun (rifq_vote_choice_read (vote));
}

static void
refusal_mapped_cb (RifqCommitteePage *self)
{
  self->refusal_shown_at = g_get_monotonic_time ();
}

/* Takes the last refusal off the screen once something newer is said. libadwaita 1.2 frees a
 * toast dismissed while it is still appearing and then touches it: one not on screen for a
 * second yet stays until it times out or is closed. */
static void
retire_refusal (RifqCommitteePage *self)
{
  GtkWidget *label;

  if (self->refusal == NULL)
    return;
  label = adw_toast_get_custom_title (self->refusal);
  if (label == NULL || !gtk_widget_get_mapped (label)
      || g_get_monotonic_time () - self->refusal_shown_at < G_USEC_PER_SEC)
    return;
  adw_toast_dismiss (self->refusal);
  g_clear_weak_pointer (&self->refusal);
}

void
rifq_committee_page_toast (RifqCommitteePage *self,
                           const char        *message,
                           gboolean           refusal)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  GtkWidget *label;
  AdwToast *toast;

  retire_refusal (self);
  if (!refusal)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
      return;
    }

  /* Core's refusals are whole sentences: a label of their own wraps them instead of cutting
   * them short, and they stay twice as long as a toast does, to be read. */
  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  g_signal_connect_object (label, "map", G_CALLBACK (refusal_mapped_cb), self, G_CONNECT_SWAPPED);
  toast = adw_toast_new (markup);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 10);
  g_set_weak_pointer (&self->refusal, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows local in a toast and hands it on. */
static gboolean
refuse (RifqCommitteePage *self,
        GError            *local,
        GError           **error)
{
  rifq_committee_page_toast (self, local->message, TRUE);
  g_propagate_error (error, local);
  return FALSE;
}

static gboolean
require_meeting (RifqCommitteePage  *self,
                 GError            **error)
{
  if (self->meeting != NULL)
    return TRUE;
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                       _("Open a meeting first: choose one under Meetings, or call a new one."));
  return FALSE;
}

GtkWindow *
rifq_committee_page_parent (RifqCommitteePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
actor_is_chair (RifqCommitteePage *self)
{
  return (self->roles & RIFQ_ROLE_CHAIR) != 0;
}

static const RifqMember *
actor_member (RifqCommitteePage *self)
{
  if (self->meeting == NULL)
    return NULL;
  return rifq_members_find (self->meeting->members, rifq_context_get_actor (self->context));
}

static gboolean
on_open_agenda (RifqCommitteePage *self,
                gint64             request_id)
{
  if (self->meeting == NULL)
    return FALSE;
  for (guint i = 0; i < self->meeting->agenda->len; i++)
    if (g_array_index (self->meeting->agenda, gint64, i) == request_id)
      return TRUE;
  return FALSE;
}

/* The queue */

static char *
clock_text (const RifqQueueItem *item)
{
  g_autofree char *days = NULL;

  if (item->overdue)
    {
      days = shown_number (-item->days_left);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %s day", "Overdue by %s days",
                                           (gulong) -item->days_left),
                              days);
    }
  if (item->days_left == 0)
    return g_strdup (_("Due today"));
  days = shown_number (item->days_left);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day left", "%s days left", (gulong) item->days_left),
                          days);
}

static void add_clicked_cb    (GtkButton         *button,
                               RifqCommitteePage *self);
static void remove_clicked_cb (GtkButton         *button,
                               RifqCommitteePage *self);

static GtkWidget *
queue_row_new (RifqCommitteePage   *self,
               const RifqQueueItem *item)
{
  const RifqRequest *request = item->request;
  const char *kind = rifq_request_store_kind_label (self->db, request->kind);
  g_autofree char *number = rifq_ui_display_digits (request->number);
  g_autofree char *day = rifq_calendar_format_iso_both (request->submitted_on, rifq_ui_get_digits ());
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · submitted %s"), number,
                                               kind != NULL ? kind : request->kind, day);
  g_autofree char *clock = clock_text (item);
  gboolean on_agenda = on_open_agenda (self, request->id);
  g_autofree char *altered = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), request->beneficiary_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* A record changed behind Rifq's back since it was sealed is named before anything else. */
  if (rifq_seal_check_request (self->db, request->id, NULL, &altered) == RIFQ_SEAL_STATE_ALTERED)
    {
      label = gtk_label_new (_("Not Genuine"));
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_tooltip_text (label, altered);
      gtk_widget_set_name (label, "seal-altered");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  label = gtk_label_new (clock);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "calendar-other");
  if (item->overdue)
    gtk_widget_add_css_class (label, "error");
  else if (item->days_left <= 3)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  button = gtk_button_new_with_label (on_agenda ? _("On the Agenda") : _("Add to Meeting"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, self->meeting != NULL && actor_is_chair (self) && !on_agenda);
  if (self->meeting != NULL && !on_agenda)
    {
      g_autofree char *held = rifq_calendar_format_iso_both (self->meeting->held_on, rifq_ui_get_digits ());
      g_autofree char *tooltip = g_strdup_printf (_("Add to the agenda of the meeting of %s"), held);

      gtk_widget_set_tooltip_text (button, tooltip);
    }
  else if (self->meeting == NULL)
    gtk_widget_set_tooltip_text (button, _("Open a meeting first: choose one under Meetings, or call a new one."));
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static gboolean
filtered (RifqCommitteePage *self)
{
  return self->filter_kind != NULL || self->filter_city != NULL || self->filter_overdue;
}

static GtkWidget *
queue_row_create (gpointer item,
                  gpointer user_data)
{
  return queue_row_new (user_data, item);
}

/* The queue's buttons add to the meeting open: its rows are made again for another. */
static void
remake_queue_rows (RifqCommitteePage *self)
{
  gtk_list_box_bind_model (self->queue_list, G_LIST_MODEL (self->queue), queue_row_create, self, NULL);
}

static void
show_queue_state (RifqCommitteePage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->queue)) > 0)
    {
      gtk_stack_set_visible_child_name (self->queue_stack, "list");
      return;
    }
  adw_status_page_set_icon_name (self->queue_empty_page, "emblem-documents-symbolic");
  if (filtered (self))
    {
      adw_status_page_set_title (self->queue_empty_page, _("No Requests Match"));
      adw_status_page_set_description (self->queue_empty_page,
                                       _("No request waiting for the committee matches the filters."));
    }
  else
    {
      adw_status_page_set_title (self->queue_empty_page, _("No Requests Waiting"));
      adw_status_page_set_description (self->queue_empty_page,
                                       _("Requests submitted to the research committee appear here with "
                                         "the days left in their decision period."));
    }
  gtk_stack_set_visible_child_name (self->queue_stack, "empty");
}

static void
update_title (RifqCommitteePage *self,
              GPtrArray         *all)
{
  g_autofree char *n_shown = NULL;
  g_autofree char *waiting = NULL;
  guint overdue = 0;

  if (all == NULL || all->len == 0)
    {
      adw_window_title_set_subtitle (self->title, NULL);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    if (((RifqQueueItem *) g_ptr_array_index (all, i))->overdue)
      overdue++;

  n_shown = shown_number (all->len);
  waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request waiting", "%s requests waiting", all->len),
                             n_shown);
  if (overdue > 0)
    {
      g_autofree char *m_shown = shown_number (overdue);
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s overdue", "%s overdue", overdue),
                                               m_shown);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", waiting, late);

      adw_window_title_set_subtitle (self->title, subtitle);
      return;
    }
  adw_window_title_set_subtitle (self->title, waiting);
}

static void
set_dropdown_items (GtkDropDown *dropdown,
                    const char  *all_label,
                    GPtrArray   *labels,
                    guint        selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, all_label);
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
}

/* The filter bar shows the filters of the page; a filter for something no longer listed
 * stays listed, so it can be seen and cleared. */
static void
sync_filter_bar (RifqCommitteePage *self)
{
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) cities = NULL;
  g_autoptr(GStrvBuilder) city_list = g_strv_builder_new ();
  guint selected = 0;

  g_assert (self->reloading);

  kinds = rifq_request_store_kinds (self->db, NULL);
  for (guint i = 0; kinds != NULL && i < kinds->len; i++)
    {
      const RifqPolicyItem *item = g_ptr_array_index (kinds, i);

      g_strv_builder_add (codes, item->code);
      g_ptr_array_add (labels, (gpointer) rifq_policy_item_label (item));
      if (g_strcmp0 (item->code, self->filter_kind) == 0)
        selected = i + 1;
    }
  if (self->filter_kind != NULL && selected == 0)
    {
      const char *label = rifq_request_store_kind_label (self->db, self->filter_kind);

      g_strv_builder_add (codes, self->filter_kind);
      g_ptr_array_add (labels, (gpointer) (label != NULL ? label : self->filter_kind));
      selected = labels->len;
    }
  g_clear_pointer (&self->kinds, g_strfreev);
  self->kinds = g_strv_builder_end (codes);
  set_dropdown_items (self->kind_dropdown, _("All Kinds of Support"), labels, selected);

  g_ptr_array_set_size (labels, 0);
  selected = 0;
  cities = rifq_committee_queue_cities (self->db, NULL);
  for (guint i = 0; cities != NULL && cities[i] != NULL; i++)
    {
      g_strv_builder_add (city_list, cities[i]);
      g_ptr_array_add (labels, cities[i]);
      if (g_strcmp0 (cities[i], self->filter_city) == 0)
        selected = i + 1;
    }
  if (self->filter_city != NULL && selected == 0)
    {
      g_strv_builder_add (city_list, self->filter_city);
      g_ptr_array_add (labels, self->filter_city);
      selected = labels->len;
    }
  g_clear_pointer (&self->cities, g_strfreev);
  self->cities = g_strv_builder_end (city_list);
  set_dropdown_items (self->city_dropdown, _("All Branches"), labels, selected);

  gtk_toggle_button_set_active (self->overdue_button, self->filter_overdue);
}

/* The requests waiting, as the filters of the page (user_data) choose them. */
static GPtrArray *
waiting_requests (RifqDb   *db,
                  gpointer  user_data,
                  GError  **error)
{
  RifqCommitteePage *self = user_data;
  RifqQueueFilter filter = { self->filter_kind, self->filter_city, self->filter_overdue };

  return rifq_committee_queue (db, &filter, error);
}

/* After the rows changed: the filters, the counts in the title and the empty page follow. */
static void
queue_changed_cb (RifqCommitteePage *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) local = NULL;
  const GError *error;

  self->reloading = TRUE;
  sync_filter_bar (self);
  self->reloading = FALSE;

  all = rifq_committee_queue (self->db, NULL, &local);
  update_title (self, all);
  error = local != NULL ? local : rifq_record_list_get_error (self->queue);
  if (error != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      gtk_widget_set_visible (self->filter_bar, FALSE);
      adw_status_page_set_icon_name (self->queue_empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->queue_empty_page, _("The Committee’s Queue Could Not Be Read"));
      adw_status_page_set_description (self->queue_empty_page, markup);
      gtk_stack_set_visible_child_name (self->queue_stack, "empty");
      return;
    }
  gtk_widget_set_visible (self->filter_bar, all->len > 0 || filtered (self));
  show_queue_state (self);
}

static void
reload_queue (RifqCommitteePage *self)
{
  rifq_record_list_reload (self->queue, NULL);
  queue_changed_cb (self);
}

/* The open meeting */

static void present_changed_cb         (GtkSwitch         *widget,
                                        GParamSpec        *pspec,
                                        RifqCommitteePage *self);
static void vote_toggled_cb            (GtkToggleButton   *button,
                                        RifqCommitteePage *self);
static void draft_entry_changed_cb     (GtkEditable       *editable,
                                        RifqCommitteePage *self);
static void cast_clicked_cb            (GtkButton         *button,
                                        RifqCommitteePage *self);

static GtkWidget *
member_row_new (RifqCommitteePage *self,
                const RifqMember  *member)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *present = gtk_switch_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->full_name ? member->full_name : member->username);
  if (member->chair)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Chair"));

  gtk_switch_set_active (GTK_SWITCH (present), member->present);
  gtk_widget_set_valign (present, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (present, actor_is_chair (self));
  gtk_widget_set_tooltip_text (present, _("Present"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (present), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Present"), -1);
  g_object_set_data_full (G_OBJECT (present), "rifq-username", g_strdup (member->username), g_free);
  g_signal_connect_object (present, "notify::active", G_CALLBACK (present_changed_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), present);
  if (actor_is_chair (self))
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), present);
  return row;
}

GtkWidget *
rifq_committee_page_vote_choices_new (const char *selected)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *first = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  for (RifqVoteChoice i = 0; i < RIFQ_N_VOTE_CHOICES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (rifq_vote_choice_label (i));
      const char *code = rifq_vote_choice_to_code (i);

      g_object_set_data (G_OBJECT (button), "rifq-vote", (gpointer) code);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
      else
        first = button;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_strcmp0 (selected, code) == 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

const char *
rifq_committee_page_chosen_vote (GtkWidget *choices)
{
  for (GtkWidget *button = gtk_widget_get_first_child (choices);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
      return g_object_get_data (G_OBJECT (button), "rifq-vote");
  return NULL;
}

static GtkWidget *
entry_row_new (const char *title,
               const char *text,
               const char *field,
               gint64      request_id,
               gboolean    sensitive)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_set_sensitive (row, sensitive);
  g_object_set_data (G_OBJECT (row), "rifq-field", (gpointer) field);
  rifq_committee_page_set_row_request (row, request_id);
  return row;
}

static char *
letter_number (RifqCommitteePage *self,
               gint64             request_id)
{
  g_autoptr(GError) error = NULL;
  const char *known = g_hash_table_lookup (self->letters, &request_id);
  char *number;

  if (known != NULL)
    return g_strdup (known);
  number = rifq_committee_letter_number (self->db, request_id, &error);
  if (number == NULL)
    {
      g_debug ("No letter for request %" G_GINT64_FORMAT ": %s", request_id, error->message);
      return NULL;
    }
  g_hash_table_insert (self->letters, g_memdup2 (&request_id, sizeof request_id), g_strdup (number));
  return number;
}

static void
add_vote_rows (RifqCommitteePage *self,
               GtkWidget         *group,
               const RifqRequest *request)
{
  const RifqMember *me = actor_member (self);
  RifqVoterStanding standing = self->meeting != NULL
                               ? rifq_member_may_vote (self->meeting->members, rifq_context_get_actor (self->context),
                                                       self->roles)
                               : RIFQ_VOTER_NOT_A_MEMBER;
  gboolean can_vote = standing == RIFQ_VOTER_MAY_VOTE;
  Draft *draft = g_hash_table_lookup (self->drafts, &request->id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choices = rifq_committee_page_vote_choices_new (draft != NULL ? draft->vote : NULL);
  GtkWidget *buttons;
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Your vote"));
  if ((draft == NULL || draft->recorded == NULL) && me != NULL && self->meeting != NULL)
    {
      /* A vote cast earlier, on this workstation or another, is shown back as recorded. */
      g_autoptr(GPtrArray) votes = rifq_committee_votes (self->db, self->meeting->id, request->id, NULL);

      for (guint i = 0; votes != NULL && i < votes->len; i++)
        {
          RifqVote *vote = g_ptr_array_index (votes, i);

          if (g_strcmp0 (vote->username, me->username) == 0)
            {
              g_autofree char *recorded = g_strdup_printf (_("Recorded: %s. Cast it again to change it."),
                                                           vote_word (vote->vote));

              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recorded);
            }
        }
    }
  if (draft != NULL && draft->recorded != NULL)
    {
      g_autofree char *recorded = g_strdup_printf (_("Recorded: %s. Cast it again to change it."),
                                                   vote_word (draft->recorded));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recorded);
    }
  else if (standing == RIFQ_VOTER_NOT_A_MEMBER)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Only the members of the research committee vote."));
  else if (standing == RIFQ_VOTER_ABSENT)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("You vote once the chair records you as present."));
  gtk_widget_set_sensitive (choices, can_vote);
  for (GtkWidget *choice = gtk_widget_get_first_child (choices); choice != NULL; choice = gtk_widget_get_next_sibling (choice))
    {
      rifq_committee_page_set_row_request (choice, request->id);
      g_signal_connect_object (choice, "toggled", G_CALLBACK (vote_toggled_cb), self, 0);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choices);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = entry_row_new (_("Amount (riyals)"), draft ? draft->amount : NULL, "amount", request->id, can_vote);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
  g_signal_connect_object (row, "changed", G_CALLBACK (draft_entry_changed_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = entry_row_new (_("Note"), draft ? draft->note : NULL, "note", request->id, can_vote);
  g_signal_connect_object (row, "changed", G_CALLBACK (draft_entry_changed_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  if (actor_is_chair (self))
    {
      /* Not decided here: it can wait for a later meeting instead. */
      button = gtk_button_new_with_mnemonic (_("_Take Off the Agenda"));
      gtk_widget_set_tooltip_text (button, _("The request goes back to the queue for a later meeting; the votes cast "
                                             "on it here are set aside"));
      rifq_committee_page_set_row_request (button, request->id);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (buttons), button);

      button = gtk_button_new_with_mnemonic (_("Record _Decision…"));
      rifq_committee_page_set_row_request (button, request->id);
      g_signal_connect_object (button, "clicked", G_CALLBACK (rifq_committee_page_record_decision_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  button = gtk_button_new_with_mnemonic (_("_Cast Vote"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, can_vote);
  rifq_committee_page_set_row_request (button, request->id);
  g_signal_connect_object (button, "clicked", G_CALLBACK (cast_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);
}

static void
add_decision_rows (RifqCommitteePage *self,
                   GtkWidget         *group,
                   const RifqRequest *request)
{
  /* The decision this meeting took on the request, as core recorded it. */
  g_autoptr(RifqDecision) decided = rifq_committee_decision (self->db, self->meeting ? self->meeting->id : 0,
                                                              request->id);
  const char *decision = decided ? decided->decision : NULL;
  g_autofree char *letter = NULL;
  GtkWidget *row;
  GtkWidget *label;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (decision != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Decided: %s"), vote_word (decision));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), decided->reasons);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The committee no longer reviews this request."));
  label = gtk_label_new (rifq_request_state_label (request->state));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (decision == NULL || (letter = letter_number (self, request->id)) == NULL)
    return;
  {
    g_autofree char *shown = rifq_ui_display_digits (letter);

    row = adw_action_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Decision letter number"));
    label = gtk_label_new (shown);
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (label, "calendar-other");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    {
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Letter…"));

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, _("The letter announcing the decision to the applicant"));
      g_object_set_data (G_OBJECT (open), "rifq-request", GSIZE_TO_POINTER ((gsize) request->id));
      g_object_set_data_full (G_OBJECT (open), "rifq-number", g_strdup (request->number), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (rifq_committee_page_letter_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }
}


static gboolean
decided_here (RifqCommitteePage *self,
              gint64             request_id)
{
  g_autoptr(RifqDecision) decided = rifq_committee_decision (self->db, self->meeting->id, request_id);

  return decided != NULL;
}

static GtkWidget *
agenda_group_new (RifqCommitteePage *self,
                  const RifqRequest *request,
                  const RifqTally   *tally)
{
  const char *kind = rifq_request_store_kind_label (self->db, request->kind);
  g_autofree char *number = rifq_ui_display_digits (request->number);
  g_autofree char *title = g_strdup_printf (_("Request %s · %s"), number, request->beneficiary_name);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title_markup);
  {
    GtkWidget *pdf = gtk_button_new_from_icon_name ("x-office-document-symbolic");

    gtk_widget_set_tooltip_text (pdf, _("The Signed Request, Sealed"));
    gtk_widget_add_css_class (pdf, "flat");
    gtk_widget_set_valign (pdf, GTK_ALIGN_CENTER);
    g_object_set_data (G_OBJECT (pdf), "rifq-request", GSIZE_TO_POINTER ((gsize) request->id));
    g_object_set_data_full (G_OBJECT (pdf), "rifq-number", g_strdup (request->number), g_free);
    g_signal_connect (pdf, "clicked", G_CALLBACK (rifq_committee_page_signed_request_clicked_cb), self);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), pdf);
  }
  if (tally != NULL)
    {
      g_autofree char *accept = shown_number (tally->accept);
      g_autofree char *reject = shown_number (tally->reject);
      g_autofree char *defer = shown_number (tally->defer);
      g_autofree char *abstain = shown_number (tally->abstain);
      g_autofree char *counts = g_strdup_printf (_("Votes: accept %s · reject %s · defer %s · abstained %s"),
                                                 accept, reject, defer, abstain);
      g_autofree char *explanation = rifq_ui_display_digits (tally->explanation);
      g_autofree char *description = g_strdup_printf ("%s\n%s", explanation, counts);
      g_autofree char *markup = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), markup);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind != NULL ? kind : request->kind);
  if (!rifq_text_is_blank (request->description))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), request->description);
  if (request->amount >= 0)
    {
      g_autofree char *amount = shown_number (request->amount);
      g_autofree char *riyals = g_strdup_printf (_("%s riyals"), amount);
      GtkWidget *label = gtk_label_new (riyals);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "calendar-other");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* Deferred here and taken up by a later meeting, it is decided there, not here. */
  if (request->state == RIFQ_REQUEST_UNDER_REVIEW && !decided_here (self, request->id))
    add_vote_rows (self, group, request);
  else
    {
      /* Nothing more to vote on or decide: what was typed for it has nothing to go to. */
      g_hash_table_remove (self->drafts, &request->id);
      add_decision_rows (self, group, request);
    }
  return group;
}

static void
show_meeting (RifqCommitteePage *self)
{
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (self->meeting_scroller);
  double scrolled = gtk_adjustment_get_value (scroll);
  g_autofree char *day = NULL;
  g_autofree char *n_present = NULL;
  g_autofree char *n_members = NULL;
  g_autofree char *attendance = NULL;
  g_autoptr(RifqTally) quorum = NULL;
  g_autofree char *minutes_altered = NULL;
  RifqSealState minutes_state;
  const char *minutes_text;
  guint present = 0;

  rifq_ui_remove_children (GTK_WIDGET (self->members_list));
  rifq_ui_remove_children (GTK_WIDGET (self->agenda_box));

  if (self->meeting == NULL)
    {
      adw_status_page_set_title (self->meetings_empty_page, _("No Meetings Yet"));
      adw_status_page_set_description (self->meetings_empty_page,
                                       _("The chair of the research committee calls a meeting, then adds "
                                         "requests from the queue to its agenda."));
      gtk_stack_set_visible_child_name (self->meeting_stack, "none");
      return;
    }

  day = rifq_calendar_format_iso_both (self->meeting->held_on, rifq_ui_get_digits ());
  gtk_label_set_text (self->meeting_day_label, day);
  gtk_label_set_text (self->meeting_place_label, self->meeting->place != NULL ? self->meeting->place : "");
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_place_label), !rifq_text_is_blank (self->meeting->place));

  for (guint i = 0; i < self->meeting->members->len; i++)
    {
      const RifqMember *member = g_ptr_array_index (self->meeting->members, i);

      present += member->present ? 1 : 0;
      gtk_list_box_append (self->members_list, member_row_new (self, member));
    }
  n_present = shown_number (present);
  n_members = shown_number (self->meeting->members->len);
  attendance = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s member present",
                                             "%s of %s members present", self->meeting->members->len),
                                n_present, n_members);
  /* Core's rule says whether they make a quorum: a tally of no request counts only who is there. */
  quorum = rifq_committee_tally (self->db, self->meeting->id, 0, NULL);
  /* Where the minutes stand: a draft while a case is undecided, then sealed, or changed since. */
  minutes_state = rifq_seal_check_minutes (self->db, self->meeting->id, NULL, &minutes_altered);
  minutes_text = minutes_state == RIFQ_SEAL_STATE_GENUINE ? _("minutes sealed")
                 : minutes_state == RIFQ_SEAL_STATE_ALTERED ? _("minutes NOT GENUINE")
                 : rifq_seal_minutes_final (self->db, self->meeting->id) ? _("minutes final, made before seals")
                 : _("minutes in draft");
  {
    g_autoptr(GString) description = g_string_new (attendance);
    g_autofree char *markup = NULL;

    if (quorum != NULL)
      g_string_append_printf (description, " · %s", quorum->quorum ? _("quorum reached") : _("no quorum yet"));
    g_string_append_printf (description, " · %s", minutes_text);
    markup = g_markup_escape_text (description->str, -1);
    adw_preferences_group_set_description (self->members_group, markup);
  }
  if (adw_preferences_group_get_header_suffix (self->members_group) == NULL)
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *packet = gtk_button_new_with_mnemonic (_("Meeting _Packet…"));
      GtkWidget *minutes = gtk_button_new_with_mnemonic (_("Min_utes…"));

      gtk_widget_set_tooltip_text (packet, _("Every case on the agenda, sealed, in one document to read or print"));
      gtk_widget_set_tooltip_text (minutes, _("The minutes: every decision with its votes, and lines to sign"));
      g_signal_connect (packet, "clicked", G_CALLBACK (rifq_committee_page_packet_clicked_cb), self);
      g_signal_connect (minutes, "clicked", G_CALLBACK (rifq_committee_page_minutes_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), packet);
      gtk_box_append (GTK_BOX (buttons), minutes);
      gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
      adw_preferences_group_set_header_suffix (self->members_group, buttons);
    }
  gtk_widget_set_tooltip_text (gtk_widget_get_last_child (adw_preferences_group_get_header_suffix (self->members_group)),
                               minutes_altered != NULL ? minutes_altered
                               : _("The minutes: every decision with its votes, and lines to sign"));

  for (guint i = 0; i < self->meeting->agenda->len; i++)
    {
      gint64 id = g_array_index (self->meeting->agenda, gint64, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(RifqRequest) request = rifq_request_store_get (self->db, id, &error);
      g_autoptr(RifqTally) tally = NULL;

      if (request == NULL)
        {
          g_warning ("Agenda item %" G_GINT64_FORMAT " could not be read: %s", id, error->message);
          continue;
        }
      tally = rifq_committee_tally (self->db, self->meeting->id, id, &error);
      if (tally == NULL)
        g_warning ("The votes on request %s could not be counted: %s", request->number, error->message);
      gtk_box_append (self->agenda_box, agenda_group_new (self, request, tally));
    }
  gtk_widget_set_visible (self->agenda_empty_label, self->meeting->agenda->len == 0);
  gtk_stack_set_visible_child_name (self->meeting_stack, "meeting");
  gtk_adjustment_set_value (scroll, scrolled);
}

static GtkWidget *
caption_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
meeting_row_new (gpointer item,
                 gpointer user_data)
{
  RifqMeeting *meeting = item;
  g_autofree char *count = shown_number (meeting->agenda->len);
  g_autofree char *on_agenda = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s on the agenda", "%s on the agenda",
                                                             meeting->agenda->len),
                                                count);
  g_autofree char *details = NULL;
  g_autofree char *hijri = NULL;
  g_autofree char *gregorian = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label;
  RifqHijriDate hijri_date;
  GDate day;

  /* The Hijri day as the heading, the Gregorian below it: a narrow list has no room for both. */
  g_date_clear (&day, 1);
  if (rifq_calendar_from_iso (meeting->held_on, &day) && rifq_calendar_to_hijri (&day, &hijri_date, NULL))
    {
      hijri = rifq_calendar_format_hijri (&hijri_date, rifq_ui_get_digits ());
      gregorian = rifq_calendar_format_gregorian (&day, rifq_ui_get_digits ());
    }
  else
    hijri = rifq_calendar_format_iso_both (meeting->held_on, rifq_ui_get_digits ());
  if (!rifq_text_is_blank (meeting->place))
    details = g_strdup_printf ("%s · %s", meeting->place, on_agenda);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (hijri);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (gregorian != NULL)
    gtk_box_append (GTK_BOX (box), caption_new (gregorian));
  gtk_box_append (GTK_BOX (box), caption_new (details != NULL ? details : on_agenda));
  return box;
}

static int
meetings_find (GPtrArray *meetings,
               gint64     meeting_id)
{
  for (guint i = 0; i < meetings->len; i++)
    if (((RifqMeeting *) g_ptr_array_index (meetings, i))->id == meeting_id)
      return (int) i;
  return -1;
}

/* The meetings listed, newest first; the one open or asked for by its id is listed even when
 * it is older than those. */
static GPtrArray *
listed_meetings (RifqDb   *db,
                 gpointer  user_data,
                 GError  **error)
{
  RifqCommitteePage *self = user_data;
  g_autoptr(GPtrArray) meetings = rifq_committee_meetings (db, MEETINGS_SHOWN, error);
  gint64 wanted = self->open_id != 0 ? self->open_id : self->meeting != NULL ? self->meeting->id : 0;

  if (meetings == NULL)
    return NULL;
  if (wanted != 0 && meetings_find (meetings, wanted) < 0)
    {
      RifqMeeting *asked = rifq_committee_meeting_get (db, wanted, NULL);

      if (asked != NULL)
        g_ptr_array_add (meetings, asked);
    }
  return g_steal_pointer (&meetings);
}

/* Opens the meeting listed at position (none when -1), read again: who is present and the votes
 * change the meeting without changing its row. */
static void
open_listed_meeting (RifqCommitteePage *self,
                     int                position)
{
  g_clear_object (&self->meeting);
  if (position >= 0)
    {
      g_autoptr(RifqMeeting) listed = g_list_model_get_item (G_LIST_MODEL (self->meetings), (guint) position);

      self->meeting = rifq_committee_meeting_get (self->db, listed->id, NULL);
      if (self->meeting == NULL)
        self->meeting = g_steal_pointer (&listed);
      self->reloading = TRUE;
      gtk_list_box_select_row (self->meetings_list, gtk_list_box_get_row_at_index (self->meetings_list, position));
      self->reloading = FALSE;
    }
  show_meeting (self);
  remake_queue_rows (self);
}

/* After the rows changed: the meeting open stays open, or the one asked for opens, or the
 * newest. */
static void
meetings_changed_cb (RifqCommitteePage *self)
{
  const GError *error = rifq_record_list_get_error (self->meetings);
  gint64 wanted = self->open_id != 0 ? self->open_id : self->meeting != NULL ? self->meeting->id : 0;
  int position = -1;

  self->open_id = 0;
  if (error != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      g_clear_object (&self->meeting);
      rifq_ui_remove_children (GTK_WIDGET (self->members_list));
      rifq_ui_remove_children (GTK_WIDGET (self->agenda_box));
      adw_status_page_set_title (self->meetings_empty_page, _("The Meetings Could Not Be Read"));
      adw_status_page_set_description (self->meetings_empty_page, markup);
      gtk_stack_set_visible_child_name (self->meeting_stack, "none");
      remake_queue_rows (self);
      return;
    }
  if (wanted != 0)
    position = rifq_record_list_find (self->meetings, wanted);
  if (position < 0 && g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0)
    position = 0;
  open_listed_meeting (self, position);
}

static void
reload_meetings (RifqCommitteePage *self)
{
  if (self->meeting != NULL && self->open_id == 0)
    self->open_id = self->meeting->id;
  rifq_record_list_reload (self->meetings, NULL);
  meetings_changed_cb (self);
}

/* Callbacks */

static void
view_toggled_cb (RifqCommitteePage *self,
                 GtkToggleButton   *button)
{
  gtk_stack_set_visible_child_name (self->views, gtk_toggle_button_get_active (self->queue_button) ? "queue"
                                                                                                    : "meetings");
}

static void
filter_changed_cb (RifqCommitteePage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint city = gtk_drop_down_get_selected (self->city_dropdown);

  if (self->reloading || self->db == NULL)
    return;
  g_clear_pointer (&self->filter_kind, g_free);
  g_clear_pointer (&self->filter_city, g_free);
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 && kind <= g_strv_length (self->kinds))
    self->filter_kind = g_strdup (self->kinds[kind - 1]);
  if (city != GTK_INVALID_LIST_POSITION && city > 0 && city <= g_strv_length (self->cities))
    self->filter_city = g_strdup (self->cities[city - 1]);
  self->filter_overdue = gtk_toggle_button_get_active (self->overdue_button);
  reload_queue (self);
}

static void
meeting_row_selected_cb (RifqCommitteePage *self,
                         GtkListBoxRow     *row)
{
  int index;

  /* Rows removed while reloading select nothing on the way. */
  if (self->reloading || row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  g_assert (index >= 0 && (guint) index < g_list_model_get_n_items (G_LIST_MODEL (self->meetings)));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->meeting_scroller), 0);
  open_listed_meeting (self, index);
}

static void
add_clicked_cb (GtkButton         *button,
                RifqCommitteePage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(RifqQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->queue),
                                                         (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));

  rifq_committee_page_add_to_agenda (self, item->request->id, NULL);
}

static void
remove_clicked_cb (GtkButton         *button,
                   RifqCommitteePage *self)
{
  rifq_committee_page_remove_from_agenda (self, rifq_committee_page_row_request (button), NULL);
}

typedef struct
{
  RifqCommitteePage *self;
  char              *username;
  gboolean           present;
} PresentJob;

static void
present_job_free (PresentJob *job)
{
  g_object_unref (job->self);
  g_free (job->username);
  g_free (job);
}

static gboolean
present_idle_cb (gpointer data)
{
  PresentJob *job = data;

  if (job->self->db != NULL)
    rifq_committee_page_set_present (job->self, job->username, job->present, NULL);
  return G_SOURCE_REMOVE;
}

static void
present_changed_cb (GtkSwitch         *widget,
                    GParamSpec        *pspec,
                    RifqCommitteePage *self)
{
  PresentJob *job = g_new0 (PresentJob, 1);

  /* The page is rebuilt once the switch has finished moving, not from inside its signal. */
  job->self = g_object_ref (self);
  job->username = g_strdup (g_object_get_data (G_OBJECT (widget), "rifq-username"));
  job->present = gtk_switch_get_active (widget);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_idle_cb, job, (GDestroyNotify) present_job_free);
}

static void
vote_toggled_cb (GtkToggleButton   *button,
                 RifqCommitteePage *self)
{
  Draft *draft;

  if (!gtk_toggle_button_get_active (button))
    return;
  draft = rifq_committee_page_draft_for (self, rifq_committee_page_row_request (button));
  g_free (draft->vote);
  draft->vote = g_strdup (g_object_get_data (G_OBJECT (button), "rifq-vote"));
}

static void
draft_entry_changed_cb (GtkEditable       *editable,
                        RifqCommitteePage *self)
{
  Draft *draft = rifq_committee_page_draft_for (self, rifq_committee_page_row_request (editable));
  const char *field = g_object_get_data (G_OBJECT (editable), "rifq-field");
  char **slot = g_str_equal (field, "amount") ? &draft->amount : &draft->note;

  g_free (*slot);
  *slot = g_strdup (gtk_editable_get_text (editable));
}

static void
cast_clicked_cb (GtkButton         *button,
                 RifqCommitteePage *self)
{
  gint64 id = rifq_committee_page_row_request (button);
  Draft *draft = rifq_committee_page_draft_for (self, id);
  g_autofree char *vote = g_strdup (draft->vote);
  g_autofree char *amount = g_strdup (draft->amount);
  g_autofree char *note = g_strdup (draft->note);

  rifq_committee_page_vote (self, id, vote, amount, note, NULL);
}

static void
rifq_committee_page_dispose (GObject *object)
{
  RifqCommitteePage *self = (RifqCommitteePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_COMMITTEE_PAGE);
  g_clear_object (&self->meeting);
  g_clear_object (&self->queue);
  g_clear_object (&self->meetings);
  g_clear_pointer (&self->kinds, g_strfreev);
  g_clear_pointer (&self->cities, g_strfreev);
  g_clear_pointer (&self->filter_kind, g_free);
  g_clear_pointer (&self->filter_city, g_free);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->letters, g_hash_table_unref);
  g_clear_pointer (&self->drafts_actor, g_free);
  g_clear_pointer (&self->meeting_day, g_free);
  g_clear_pointer (&self->meeting_place, g_free);
  g_clear_weak_pointer (&self->refusal);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_committee_page_parent_class)->dispose (object);
}

static void
rifq_committee_page_constructed (GObject *object)
{
  RifqCommitteePage *self = (RifqCommitteePage *) object;
  static const char * const queue_kinds[] = { "request", "beneficiary", NULL };
  static const char * const queue_shown[] = { "number", "beneficiary-name", "kind", "state", "submitted-on",
                                              "days-left", "overdue", NULL };
  static const char * const meeting_kinds[] = { "meeting", NULL };
  static const char * const meeting_shown[] = { "held-on", "place", "agenda-length", NULL };

  G_OBJECT_CLASS (rifq_committee_page_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  /* The queue's rows are made once a meeting is open (remake_queue_rows): its buttons add to it. */
  self->queue = rifq_record_list_new (self->db, queue_kinds, queue_shown, waiting_requests, self, NULL);
  g_signal_connect_object (self->queue, "items-changed", G_CALLBACK (queue_changed_cb), self, G_CONNECT_SWAPPED);
  self->meetings = rifq_record_list_new (self->db, meeting_kinds, meeting_shown, listed_meetings, self, NULL);
  gtk_list_box_bind_model (self->meetings_list, G_LIST_MODEL (self->meetings), meeting_row_new, self, NULL);
  g_signal_connect_object (self->meetings, "items-changed", G_CALLBACK (meetings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  rifq_committee_page_reload (self);
}

static void
rifq_committee_page_class_init (RifqCommitteePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_committee_page_dispose;
  object_class->constructed = rifq_committee_page_constructed;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqCommitteePage, context));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-committee-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, title);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, queue_button);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meetings_button);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, views);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, city_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, queue_empty_page);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meeting_stack);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meeting_scroller);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meeting_day_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meeting_place_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, members_group);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, members_list);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, agenda_empty_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meetings_empty_page);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, meeting_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "committee.new-meeting", NULL, rifq_committee_page_new_meeting_action);
}

static void
rifq_committee_page_init (RifqCommitteePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) draft_free);
  self->letters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.new-meeting", FALSE);
}

RifqCommitteePage *
rifq_committee_page_new (RifqContext *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  return g_object_new (RIFQ_TYPE_COMMITTEE_PAGE, "context", context, NULL);
}

void
rifq_committee_page_reload (RifqCommitteePage *self)
{
  g_return_if_fail (RIFQ_IS_COMMITTEE_PAGE (self));

  /* The person at the workstation may have changed: votes being prepared are theirs alone. */
  self->roles = rifq_staff_actor_roles (self->db);
  if (g_strcmp0 (self->drafts_actor, rifq_context_get_actor (self->context)) != 0)
    {
      g_hash_table_remove_all (self->drafts);
      g_free (self->drafts_actor);
      self->drafts_actor = g_strdup (rifq_context_get_actor (self->context));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.new-meeting", actor_is_chair (self));
  /* Meetings first: the queue's buttons add to the meeting open. */
  reload_meetings (self);
  reload_queue (self);
}

GtkWidget *
rifq_committee_page_get_back_button (RifqCommitteePage *self)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), NULL);
  return self->back_button;
}

guint
rifq_committee_page_get_n_waiting (RifqCommitteePage *self)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->queue));
}

const char *
rifq_committee_page_get_meeting_summary (RifqCommitteePage *self)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), NULL);
  return adw_preferences_group_get_description (self->members_group);
}

gboolean
rifq_committee_page_open_meeting (RifqCommitteePage  *self,
                                  gint64              meeting_id,
                                  GError            **error)
{
  g_autoptr(RifqMeeting) meeting = NULL;
  GError *local = NULL;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), FALSE);

  /* It may have been called elsewhere since the list was read: the list is read again. */
  meeting = rifq_committee_meeting_get (self->db, meeting_id, &local);
  if (meeting == NULL)
    return refuse (self, local, error);
  self->open_id = meeting_id;
  rifq_committee_page_reload (self);
  gtk_toggle_button_set_active (self->meetings_button, TRUE);
  return self->meeting != NULL && self->meeting->id == meeting_id;
}

gboolean
rifq_committee_page_new_meeting (RifqCommitteePage  *self,
                                 const char         *typed_day,
                                 const char         *place,
                                 GError            **error)
{
  g_autoptr(RifqMeeting) meeting = NULL;
  GError *local = NULL;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), FALSE);

  meeting = rifq_committee_meeting_create (self->db, typed_day, place, &local);
  if (meeting == NULL)
    return refuse (self, local, error);

  g_clear_pointer (&self->meeting_day, g_free);
  g_clear_pointer (&self->meeting_place, g_free);
  self->open_id = meeting->id;
  rifq_committee_page_reload (self);
  gtk_toggle_button_set_active (self->meetings_button, TRUE);
  rifq_committee_page_toast (self, _("Meeting added."), FALSE);
  return TRUE;
}

gboolean
rifq_committee_page_set_present (RifqCommitteePage  *self,
                                 const char         *username,
                                 gboolean            present,
                                 GError            **error)
{
  GError *local = NULL;
  gboolean done;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);

  done = require_meeting (self, &local)
         && rifq_committee_set_present (self->db, self->meeting->id, username, present, &local);
  /* Either way the switches show what is recorded, and the counts follow. */
  rifq_committee_page_reload (self);
  if (!done)
    return refuse (self, local, error);
  return TRUE;
}

gboolean
rifq_committee_page_add_to_agenda (RifqCommitteePage  *self,
                                   gint64              request_id,
                                   GError            **error)
{
  GError *local = NULL;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), FALSE);

  if (!require_meeting (self, &local)
      || !rifq_committee_add_to_agenda (self->db, self->meeting->id, request_id, &local))
    return refuse (self, local, error);
  rifq_committee_page_reload (self);
  rifq_committee_page_toast (self, _("Added to the agenda."), FALSE);
  return TRUE;
}

gboolean
rifq_committee_page_remove_from_agenda (RifqCommitteePage  *self,
                                        gint64              request_id,
                                        GError            **error)
{
  GError *local = NULL;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), FALSE);

  if (!require_meeting (self, &local)
      || !rifq_committee_remove_from_agenda (self->db, self->meeting->id, request_id, &local))
    return refuse (self, local, error);
  g_hash_table_remove (self->drafts, &request_id);
  rifq_committee_page_reload (self);
  rifq_committee_page_toast (self, _("Taken off the agenda: the request waits in the queue."), FALSE);
  return TRUE;
}

gboolean
rifq_committee_page_vote (RifqCommitteePage  *self,
                          gint64              request_id,
                          const char         *vote,
                          const char         *amount_text,
                          const char         *note,
                          GError            **error)
{
  GError *local = NULL;
  gint64 amount;
  Draft *draft;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), FALSE);

  if (!require_meeting (self, &local)
      || !rifq_validate_optional_count (amount_text, _("Amount (riyals)"), -1, &amount, &local)
      || !rifq_committee_vote (self->db, self->meeting->id, request_id, vote, amount, note, &local))
    return refuse (self, local, error);

  /* The vote stays shown as cast, to be changed and cast again while the request is open. */
  draft = rifq_committee_page_draft_for (self, request_id);
  g_free (draft->vote);
  draft->vote = g_strdup (vote);
  g_free (draft->amount);
  draft->amount = g_strdup (amount_text);
  g_free (draft->note);
  draft->note = g_strdup (note);
  g_free (draft->recorded);
  draft->recorded = g_strdup (vote);
  rifq_committee_page_reload (self);
  rifq_committee_page_toast (self, _("Vote recorded."), FALSE);
  return TRUE;
}

gboolean
rifq_committee_page_decide (RifqCommitteePage  *self,
                            gint64              request_id,
                            const char         *decision,
                            const char         *amount_text,
                            const char         *quantity_text,
                            const char         *reasons,
                            GError            **error)
{
  GError *local = NULL;
  gint64 amount;
  gint64 quantity;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), FALSE);

  if (!require_meeting (self, &local)
      || !rifq_validate_optional_count (amount_text, _("Amount (riyals)"), -1, &amount, &local)
      || !rifq_validate_optional_count (quantity_text, _("Quantity"), 0, &quantity, &local)
      || !rifq_committee_decide_full (self->db, self->meeting->id, request_id, decision, amount, quantity, reasons,
                                      &local))
    return refuse (self, local, error);

  g_hash_table_remove (self->drafts, &request_id);
  /* The letter is numbered in the register now, by the chair who decided. */
  g_free (letter_number (self, request_id));
  rifq_committee_page_reload (self);
  if (rifq_vote_choice_read (decision) == RIFQ_VOTE_ACCEPT)
    rifq_committee_page_toast (self, _("Decision recorded: the request is accepted."), FALSE);
  else if (rifq_vote_choice_read (decision) == RIFQ_VOTE_REJECT)
    rifq_committee_page_toast (self, _("Decision recorded: the request is rejected."), FALSE);
  else
    rifq_committee_page_toast (self, _("Decision recorded: the request is deferred."), FALSE);
  return TRUE;
}
