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
#include "rifq-committee-meeting-row.h"
#include "rifq-committee-meeting.h"
#include "rifq-committee-page-private.h"
#include "rifq-committee-queue.h"
#include "rifq-error.h"
#include "rifq-permission.h"
#include "rifq-staff.h"
#include "rifq-validate.h"

/* Meetings listed, newest first; older ones stay in the database and in rifq-admin. */
#define MEETINGS_SHOWN 200

G_DEFINE_FINAL_TYPE (RifqCommitteePage, rifq_committee_page, GTK_TYPE_WIDGET)

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

  /* A refusal stays twice as long as a toast does, to be read. */
  label = rifq_ui_refusal_label_new (message);
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
  return rifq_permission_allows (RIFQ_PERMISSION_CALL_MEETING, self->roles);
}

/* The queue's buttons add to the meeting open, for its own chair: its rows are made again for
 * another. */
static void
remake_queue_rows (RifqCommitteePage *self)
{
  gboolean chairs = self->meeting != NULL &&
                    rifq_member_chairs (self->meeting->members, rifq_context_get_actor (self->context), self->roles,
                                        RIFQ_PERMISSION_AGENDA);

  rifq_committee_queue_set_meeting (self->queue_view, self->meeting, chairs);
}

/* The open meeting */

static gboolean
same_agenda (RifqMeeting *before,
             RifqMeeting *after)
{
  if (before == NULL || after == NULL)
    return before == after;
  /* An empty agenda may have no storage at all: memcmp must not be handed NULL. */
  return before->agenda->len == after->agenda->len
         && (before->agenda->len == 0
             || memcmp (before->agenda->data, after->agenda->data, before->agenda->len * sizeof (gint64)) == 0);
}

/* The meeting shown was read again: the queue's buttons say what is on its agenda. */
static void
meeting_view_changed_cb (RifqCommitteePage *self)
{
  RifqMeeting *meeting = rifq_committee_meeting_get_meeting (self->meeting_view);
  gboolean agenda_changed;

  if (meeting == self->meeting)
    return;
  agenda_changed = !same_agenda (self->meeting, meeting);
  g_set_object (&self->meeting, meeting);
  if (agenda_changed)
    remake_queue_rows (self);
}

static GtkWidget *
meeting_row_create (gpointer item,
                    gpointer user_data)
{
  return rifq_committee_meeting_row_new (item);
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

static void
select_listed_meeting (RifqCommitteePage *self,
                       int                position)
{
  self->reloading = TRUE;
  gtk_list_box_select_row (self->meetings_list, gtk_list_box_get_row_at_index (self->meetings_list, position));
  self->reloading = FALSE;
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
      select_listed_meeting (self, position);
    }
  rifq_committee_meeting_set_meeting (self->meeting_view, self->meeting);
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
      rifq_committee_meeting_show_error (self->meeting_view, error->message);
      remake_queue_rows (self);
      return;
    }
  if (wanted != 0)
    position = rifq_record_list_find (self->meetings, wanted);
  if (position < 0 && g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0)
    position = 0;
  if (self->meeting != NULL && position >= 0 && self->meeting->id == wanted)
    {
      /* Still open, its row made again: the meeting follows the store by itself. */
      select_listed_meeting (self, position);
      return;
    }
  open_listed_meeting (self, position);
}

/* Reads the meetings again, and the one open with every row of it made again. */
static void
reload_meetings (RifqCommitteePage *self)
{
  if (self->meeting != NULL && self->open_id == 0)
    self->open_id = self->meeting->id;
  g_clear_object (&self->meeting);
  rifq_record_list_reload (self->meetings, NULL);
  if (self->meeting == NULL)
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
meeting_row_selected_cb (RifqCommitteePage *self,
                         GtkListBoxRow     *row)
{
  int index;

  /* Rows removed while reloading select nothing on the way. */
  if (self->reloading || row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  g_assert (index >= 0 && (guint) index < g_list_model_get_n_items (G_LIST_MODEL (self->meetings)));
  rifq_committee_meeting_scroll_to_top (self->meeting_view);
  open_listed_meeting (self, index);
}

static void
rifq_committee_page_dispose (GObject *object)
{
  RifqCommitteePage *self = (RifqCommitteePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_COMMITTEE_PAGE);
  g_clear_object (&self->meeting);
  g_clear_object (&self->meetings);
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
  static const char * const meeting_kinds[] = { "meeting", NULL };
  static const char * const meeting_shown[] = { "held-on", "place", "agenda-length", NULL };

  G_OBJECT_CLASS (rifq_committee_page_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  rifq_committee_queue_set_context (self->queue_view, self->context);
  g_object_bind_property (self->queue_view, "subtitle", self->title, "subtitle", G_BINDING_SYNC_CREATE);
  self->meetings = rifq_record_list_new (self->db, meeting_kinds, meeting_shown, listed_meetings, self, NULL);
  gtk_list_box_bind_model (self->meetings_list, G_LIST_MODEL (self->meetings), meeting_row_create, NULL, NULL);
  g_signal_connect_object (self->meetings, "items-changed", G_CALLBACK (meetings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rifq_committee_meeting_set_context (self->meeting_view, self->context);
  g_signal_connect_object (self->meeting_view, "notify::meeting", G_CALLBACK (meeting_view_changed_cb), self,
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
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, queue_view);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteePage, meeting_view);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, meeting_row_selected_cb);
  rifq_committee_page_install_actions (widget_class);
}

static void
rifq_committee_page_init (RifqCommitteePage *self)
{
  g_type_ensure (RIFQ_TYPE_COMMITTEE_QUEUE);
  g_type_ensure (RIFQ_TYPE_COMMITTEE_MEETING);
  gtk_widget_init_template (GTK_WIDGET (self));

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
      rifq_committee_meeting_forget_drafts (self->meeting_view);
      g_free (self->drafts_actor);
      self->drafts_actor = g_strdup (rifq_context_get_actor (self->context));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.new-meeting", actor_is_chair (self));
  /* Meetings first: the queue's buttons add to the meeting open. */
  reload_meetings (self);
  rifq_committee_queue_reload (self->queue_view);
}

GtkWidget *
rifq_committee_page_get_back_button (RifqCommitteePage *self)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), NULL);
  return self->back_button;
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
  if (!done)
    {
      /* The switches show what is recorded, not what was refused. */
      rifq_committee_meeting_reread (self->meeting_view);
      return refuse (self, local, error);
    }
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
  rifq_committee_meeting_forget_draft (self->meeting_view, request_id);
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
  RifqVoteDraft *draft;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_PAGE (self), FALSE);

  if (!require_meeting (self, &local)
      || !rifq_validate_optional_count (amount_text, _("Amount (riyals)"), -1, &amount, &local)
      || !rifq_committee_vote (self->db, self->meeting->id, request_id, vote, amount, note, &local))
    return refuse (self, local, error);

  /* The vote stays shown as cast, to be changed and cast again while the request is open. */
  draft = rifq_committee_meeting_draft_for (self->meeting_view, request_id);
  rifq_vote_draft_set (&draft->vote, vote);
  rifq_vote_draft_set (&draft->amount, amount_text);
  rifq_vote_draft_set (&draft->note, note);
  rifq_vote_draft_set (&draft->recorded, vote);
  /* The store showed the tally already; the case shows the vote as this page recorded it. */
  rifq_committee_meeting_show_vote (self->meeting_view, request_id);
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

  rifq_committee_meeting_forget_draft (self->meeting_view, request_id);
  if (rifq_vote_choice_read (decision) == RIFQ_VOTE_ACCEPT)
    rifq_committee_page_toast (self, _("Decision recorded: the request is accepted."), FALSE);
  else if (rifq_vote_choice_read (decision) == RIFQ_VOTE_REJECT)
    rifq_committee_page_toast (self, _("Decision recorded: the request is rejected."), FALSE);
  else
    rifq_committee_page_toast (self, _("Decision recorded: the request is deferred."), FALSE);
  return TRUE;
}
