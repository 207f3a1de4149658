/* rifq-vote-choices.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RIFQ_TYPE_VOTE_CHOICES (rifq_vote_choices_get_type ())
G_DECLARE_FINAL_TYPE (RifqVoteChoices, rifq_vote_choices, RIFQ, VOTE_CHOICES, GtkBox)

/* Accept, reject, defer side by side, one of them or none chosen: a member's vote, or the
 * chair's decision. The property "vote" is the choice's code ("accept"…), or NULL. */
GtkWidget  *rifq_vote_choices_new      (const char      *vote);

const char *rifq_vote_choices_get_vote (RifqVoteChoices *self);

void        rifq_vote_choices_set_vote (RifqVoteChoices *self,
                                        const char      *vote);

G_END_DECLS
