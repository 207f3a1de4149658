/* rifq-agenda-item.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* What a member typed for one request and has not sent yet, or sent last: kept by the committee
 * page for as long as the same person is at the workstation, shared with the request's agenda
 * item while it is shown. */
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
} RifqVoteDraft;

#define RIFQ_TYPE_VOTE_DRAFT (rifq_vote_draft_get_type ())
GType          rifq_vote_draft_get_type (void) G_GNUC_CONST;
RifqVoteDraft *rifq_vote_draft_new      (void);
RifqVoteDraft *rifq_vote_draft_ref      (RifqVoteDraft *draft);
void           rifq_vote_draft_unref    (RifqVoteDraft *draft);
/* Replaces the text in *slot with a copy of text. */
void           rifq_vote_draft_set      (char         **slot,
                                         const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqVoteDraft, rifq_vote_draft_unref)

#define RIFQ_TYPE_AGENDA_ITEM (rifq_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (RifqAgendaItem, rifq_agenda_item, RIFQ, AGENDA_ITEM, GtkListBoxRow)

/* One request on the agenda of the meeting meeting_id: what it asks, the votes' tally, and the
 * acting member's vote (typed into draft) while it is open, or the decision once it is taken.
 * It follows the store: a vote or a decision on the request, or a change in who is present,
 * shows at once. Its buttons activate the committee's actions with the request's id. */
GtkWidget   *rifq_agenda_item_new         (RifqContext    *context,
                                           gint64          meeting_id,
                                           RifqRequest    *request,
                                           RifqVoteDraft  *draft);

/* Reads the request's votes, decision and standing again. */
void         rifq_agenda_item_refresh     (RifqAgendaItem *self);

G_END_DECLS
