/* rifq-committee-page.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_COMMITTEE_PAGE (rifq_committee_page_get_type ())
G_DECLARE_FINAL_TYPE (RifqCommitteePage, rifq_committee_page, RIFQ, COMMITTEE_PAGE, GtkWidget)

/* The research committee (لجنة البحث): the requests waiting with the days left in their decision
 * period, and the meetings, where the chair records who is present, sets the agenda and records
 * the decision the members' votes give. Every rule is core's; a refusal is shown as core words it. */
RifqCommitteePage *rifq_committee_page_new             (RifqContext       *context);

/* Reads the queue and the meetings again; what was typed for each request is kept. */
void               rifq_committee_page_reload          (RifqCommitteePage *self);

GtkWidget         *rifq_committee_page_get_back_button (RifqCommitteePage *self);

/* The functions below act as their buttons do: a toast says what happened, and a refusal is
 * also returned in error. */

/* Shows the meeting; the queue's “Add to Meeting” buttons then add to it. */
gboolean           rifq_committee_page_open_meeting    (RifqCommitteePage *self,
                                                        gint64             meeting_id,
                                                        GError           **error);

/* Calls a meeting on a day typed in Hijri or Gregorian, and opens it. */
gboolean           rifq_committee_page_new_meeting     (RifqCommitteePage *self,
                                                        const char        *typed_day,
                                                        const char        *place,
                                                        GError           **error);

/* The open meeting's attendance, its agenda, the actor's vote and the chair's decision. */
gboolean           rifq_committee_page_set_present     (RifqCommitteePage *self,
                                                        const char        *username,
                                                        gboolean           present,
                                                        GError           **error);
gboolean           rifq_committee_page_add_to_agenda   (RifqCommitteePage *self,
                                                        gint64             request_id,
                                                        GError           **error);
gboolean           rifq_committee_page_remove_from_agenda (RifqCommitteePage *self,
                                                           gint64             request_id,
                                                           GError           **error);
gboolean           rifq_committee_page_vote            (RifqCommitteePage *self,
                                                        gint64             request_id,
                                                        const char        *vote,
                                                        const char        *amount_text,
                                                        const char        *note,
                                                        GError           **error);
/* What an acceptance approves: an amount and a quantity, either blank for none stated. */
gboolean           rifq_committee_page_decide          (RifqCommitteePage *self,
                                                        gint64             request_id,
                                                        const char        *decision,
                                                        const char        *amount_text,
                                                        const char        *quantity_text,
                                                        const char        *reasons,
                                                        GError           **error);

G_END_DECLS
