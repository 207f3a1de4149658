/* rifq-committee-page-private.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-committee.h"
#include "rifq-committee-page.h"
#include "rifq-record-list.h"

G_BEGIN_DECLS

/* What was typed for one request and not sent yet, or sent last. */
typedef struct
{
  char *vote;              /* "accept", "reject", "defer" or NULL */
  char *amount;
  char *note;
  char *recorded;          /* the vote core recorded from this page, or NULL */
  char *decision;          /* chosen in the decision dialog; NULL for the tally's outcome */
  char *decision_amount;
  char *decision_quantity;
  char *reasons;
} Draft;

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
  GtkWidget           *filter_bar;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *city_dropdown;
  GtkToggleButton     *overdue_button;
  GtkStack            *queue_stack;
  GtkListBox          *queue_list;
  AdwStatusPage       *queue_empty_page;
  GtkListBox          *meetings_list;
  GtkStack            *meeting_stack;
  GtkScrolledWindow   *meeting_scroller;
  GtkLabel            *meeting_day_label;
  GtkLabel            *meeting_place_label;
  AdwPreferencesGroup *members_group;
  GtkListBox          *members_list;
  GtkWidget           *agenda_empty_label;
  GtkBox              *agenda_box;
  AdwStatusPage       *meetings_empty_page;

  /* owned */
  RifqContext         *context;
  RifqDb              *db;       /* the context's */
  RifqRecordList      *queue;          /* RifqQueueItem, as filtered, the longest waiting first */
  RifqRecordList      *meetings;       /* RifqMeeting, newest first */
  RifqMeeting         *meeting;        /* the open meeting, as read when opened, or NULL */
  GStrv                kinds;          /* kind codes, after "All" in the kind drop-down */
  GStrv                cities;         /* after "All" in the branch drop-down */
  char                *filter_kind;
  char                *filter_city;
  GHashTable          *drafts;         /* gint64 * request id → Draft * */
  GHashTable          *letters;        /* gint64 * request id → letter number */
  char                *drafts_actor;   /* whose votes the drafts are */
  char                *meeting_day;    /* typed in the New Meeting dialog, until it is called */
  char                *meeting_place;

  /* state */
  AdwToast            *refusal;        /* weak: the last refusal shown */
  gint64               open_id;        /* the meeting to open on the next reload; 0 for the newest */
  gint64               refusal_shown_at;
  RifqRole             roles;
  gboolean             filter_overdue;
  gboolean             reloading;
};

/* rifq-committee-page.c */
Draft *rifq_committee_page_draft_for (RifqCommitteePage *self,
                                      gint64             request_id);

void rifq_committee_page_set_row_request (gpointer object,
                                          gint64   request_id);

gint64 rifq_committee_page_row_request (gpointer object);

void rifq_committee_page_toast (RifqCommitteePage *self,
                                const char        *message,
                                gboolean           refusal);

GtkWindow *rifq_committee_page_parent (RifqCommitteePage *self);

GtkWidget *rifq_committee_page_vote_choices_new (const char *selected);

const char *rifq_committee_page_chosen_vote (GtkWidget *choices);

/* rifq-committee-page-documents.c */
void rifq_committee_page_signed_request_clicked_cb (GtkButton         *button,
                                                    RifqCommitteePage *self);

void rifq_committee_page_packet_clicked_cb (GtkButton         *button,
                                            RifqCommitteePage *self);

void rifq_committee_page_letter_clicked_cb (GtkButton         *button,
                                            RifqCommitteePage *self);

void rifq_committee_page_minutes_clicked_cb (GtkButton         *button,
                                             RifqCommitteePage *self);

/* rifq-committee-page-dialogs.c */
void rifq_committee_page_record_decision_clicked_cb (GtkButton         *button,
                                                     RifqCommitteePage *self);

void rifq_committee_page_new_meeting_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);

G_END_DECLS
