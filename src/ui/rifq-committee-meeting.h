/* rifq-committee-meeting.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-agenda-item.h"
#include "rifq-committee.h"
#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_COMMITTEE_MEETING (rifq_committee_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RifqCommitteeMeeting, rifq_committee_meeting, RIFQ, COMMITTEE_MEETING, GtkWidget)

/* A meeting of the research committee as the committee page shows it: its day and place, its
 * members with who is present, the line on attendance, quorum and minutes, and each case on its
 * agenda (RifqAgendaItem). It follows the store: who is present and what is on the agenda show
 * as they are recorded, here or elsewhere, and the property "meeting" is read again then. What a
 * member typed for each request and has not sent is kept here, whichever meeting is shown. Its
 * buttons activate the committee page's actions. */

void           rifq_committee_meeting_set_context  (RifqCommitteeMeeting *self,
                                                    RifqContext          *context);

RifqMeeting   *rifq_committee_meeting_get_meeting  (RifqCommitteeMeeting *self);

/* Shows meeting (none yet when NULL), every row made again. */
void           rifq_committee_meeting_set_meeting  (RifqCommitteeMeeting *self,
                                                    RifqMeeting          *meeting);

/* Shows no meeting, and why: the meetings could not be read. */
void           rifq_committee_meeting_show_error   (RifqCommitteeMeeting *self,
                                                    const char           *message);

/* Reads the meeting again, every member's row made again: the switches show what is recorded. */
void           rifq_committee_meeting_reread       (RifqCommitteeMeeting *self);

/* The case of request_id shows the vote draft says was recorded from this page. */
void           rifq_committee_meeting_show_vote    (RifqCommitteeMeeting *self,
                                                    gint64                request_id);

void           rifq_committee_meeting_scroll_to_top (RifqCommitteeMeeting *self);


/* What was typed for request_id and not sent; made empty when there is none yet. */
RifqVoteDraft *rifq_committee_meeting_draft_for    (RifqCommitteeMeeting *self,
                                                    gint64                request_id);
RifqVoteDraft *rifq_committee_meeting_lookup_draft (RifqCommitteeMeeting *self,
                                                    gint64                request_id);
void           rifq_committee_meeting_forget_draft (RifqCommitteeMeeting *self,
                                                    gint64                request_id);
void           rifq_committee_meeting_forget_drafts (RifqCommitteeMeeting *self);

G_END_DECLS
