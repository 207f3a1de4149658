/* rifq-committee-page-private.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-committee-meeting.h"
#include "rifq-committee.h"
#include "rifq-committee-page.h"
#include "rifq-committee-queue.h"
#include "rifq-record-list.h"

G_BEGIN_DECLS

struct _RifqCommitteePage
{
  GtkWidget            parent_instance;

  /* template children */
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *back_button;
  AdwWindowTitle      *title;
  GtkToggleButton     *queue_button;
  GtkToggleButton     *meetings_button;
  GtkStack            *views;
  RifqCommitteeQueue  *queue_view;
  GtkListBox          *meetings_list;
  RifqCommitteeMeeting *meeting_view;

  /* owned */
  RifqContext         *context;
  RifqDb              *db;       /* the context's */
  RifqRecordList      *meetings;       /* RifqMeeting, newest first */
  RifqMeeting         *meeting;        /* the open meeting, as meeting_view last read it, or NULL */
  char                *drafts_actor;   /* whose votes meeting_view's drafts are */
  char                *meeting_day;    /* typed in the New Meeting dialog, until it is called */
  char                *meeting_place;

  /* state */
  AdwToast            *refusal;        /* weak: the last refusal shown */
  gint64               open_id;        /* the meeting to open on the next reload; 0 for the newest */
  gint64               refusal_shown_at;
  RifqRole             roles;
  gboolean             reloading;
};

/* rifq-committee-page.c */
void rifq_committee_page_toast (RifqCommitteePage *self,
                                const char        *message,
                                gboolean           refusal);

GtkWindow *rifq_committee_page_parent (RifqCommitteePage *self);

/* rifq-committee-page-documents.c */
void rifq_committee_page_request_document_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *parameter);

void rifq_committee_page_packet_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter);

void rifq_committee_page_minutes_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);

/* rifq-committee-page-dialogs.c */
void rifq_committee_page_record_decision_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);

void rifq_committee_page_new_meeting_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);

/* rifq-committee-page-actions.c */
void rifq_committee_page_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
