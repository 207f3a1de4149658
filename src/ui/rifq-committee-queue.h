/* rifq-committee-queue.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-committee.h"
#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_COMMITTEE_QUEUE (rifq_committee_queue_get_type ())
G_DECLARE_FINAL_TYPE (RifqCommitteeQueue, rifq_committee_queue, RIFQ, COMMITTEE_QUEUE, GtkWidget)

/* The requests waiting for the research committee, the longest waiting first, with the filters
 * by kind, branch and lateness, and the page shown when none is waiting. It follows the store.
 * The property "subtitle" counts what waits and what is overdue, for the page's title. Each
 * row's button adds its request to the meeting open through the action committee.add-to-agenda. */

void  rifq_committee_queue_set_context   (RifqCommitteeQueue *self,
                                          RifqContext        *context);

/* The meeting the rows' buttons add to (none when NULL), when may_add: every row made again. */
void  rifq_committee_queue_set_meeting   (RifqCommitteeQueue *self,
                                          RifqMeeting        *meeting,
                                          gboolean            may_add);

/* Reads the requests again, every row made again. */
void  rifq_committee_queue_reload        (RifqCommitteeQueue *self);

G_END_DECLS
