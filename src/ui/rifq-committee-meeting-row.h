/* rifq-committee-meeting-row.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-committee.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_COMMITTEE_MEETING_ROW (rifq_committee_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (RifqCommitteeMeetingRow, rifq_committee_meeting_row, RIFQ, COMMITTEE_MEETING_ROW, GtkListBoxRow)

/* A row for meeting in the list of meetings: its day, its place and the length of its agenda. */
GtkWidget *rifq_committee_meeting_row_new (RifqMeeting *meeting);

G_END_DECLS
