/* rifq-committee-queue-row.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-committee.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_COMMITTEE_QUEUE_ROW (rifq_committee_queue_row_get_type ())
G_DECLARE_FINAL_TYPE (RifqCommitteeQueueRow, rifq_committee_queue_row, RIFQ, COMMITTEE_QUEUE_ROW, AdwActionRow)

/* A row for item, its kind of support written as kind_label; altered names what changed since
 * its seal, or is NULL. Its button adds the request to meeting (the one open, or NULL) through the
 * action committee.add-to-agenda, when may_add (the chair's) and it is not on the agenda yet. */
GtkWidget *rifq_committee_queue_row_new (RifqQueueItem *item,
                                         const char    *kind_label,
                                         const char    *altered,
                                         RifqMeeting   *meeting,
                                         gboolean       may_add);

G_END_DECLS
