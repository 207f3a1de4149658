/* rifq-committee-page-actions.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The committee page's actions, "committee.*": the toolbar's (a new meeting, the packet, the
 * minutes) and the rows' buttons, which name the request or member they act on as the action's
 * target. What each is allowed to do is core's to say; "committee.new-meeting" is enabled for the
 * chair alone (rifq_committee_page_reload). */

#define G_LOG_DOMAIN "rifq-committee-page"

#include "config.h"

#include "rifq-committee-page-private.h"

static void
add_to_agenda_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  rifq_committee_page_add_to_agenda (RIFQ_COMMITTEE_PAGE (widget), g_variant_get_int64 (parameter), NULL);
}

static void
remove_from_agenda_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  rifq_committee_page_remove_from_agenda (RIFQ_COMMITTEE_PAGE (widget), g_variant_get_int64 (parameter), NULL);
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
set_present_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PresentJob *job = g_new0 (PresentJob, 1);

  /* Recorded once the switch has finished moving: its row is made again, not from inside its signal. */
  job->self = g_object_ref (RIFQ_COMMITTEE_PAGE (widget));
  g_variant_get (parameter, "(sb)", &job->username, &job->present);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_idle_cb, job, (GDestroyNotify) present_job_free);
}

static void
cast_vote_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RifqCommitteePage *self = RIFQ_COMMITTEE_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  RifqVoteDraft *draft = rifq_committee_meeting_draft_for (self->meeting_view, id);
  g_autofree char *vote = g_strdup (draft->vote);
  g_autofree char *amount = g_strdup (draft->amount);
  g_autofree char *note = g_strdup (draft->note);

  rifq_committee_page_vote (self, id, vote, amount, note, NULL);
}

void
rifq_committee_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "committee.new-meeting", NULL, rifq_committee_page_new_meeting_action);
  gtk_widget_class_install_action (widget_class, "committee.packet", NULL, rifq_committee_page_packet_action);
  gtk_widget_class_install_action (widget_class, "committee.minutes", NULL, rifq_committee_page_minutes_action);
  gtk_widget_class_install_action (widget_class, "committee.set-present", "(sb)", set_present_action);
  gtk_widget_class_install_action (widget_class, "committee.cast-vote", "x", cast_vote_action);
  gtk_widget_class_install_action (widget_class, "committee.add-to-agenda", "x", add_to_agenda_action);
  gtk_widget_class_install_action (widget_class, "committee.remove-from-agenda", "x", remove_from_agenda_action);
  gtk_widget_class_install_action (widget_class, "committee.record-decision", "x",
                                   rifq_committee_page_record_decision_action);
  gtk_widget_class_install_action (widget_class, "committee.signed-request", "x",
                                   rifq_committee_page_request_document_action);
  gtk_widget_class_install_action (widget_class, "committee.letter", "x", rifq_committee_page_request_document_action);
}
