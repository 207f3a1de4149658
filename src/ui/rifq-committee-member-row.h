/* rifq-committee-member-row.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-committee-member.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_COMMITTEE_MEMBER_ROW (rifq_committee_member_row_get_type ())
G_DECLARE_FINAL_TYPE (RifqCommitteeMemberRow, rifq_committee_member_row, RIFQ, COMMITTEE_MEMBER_ROW, AdwActionRow)

/* A row for member; its switch records them present or absent through the action
 * committee.set-present when may_change (the chair's), and only shows it otherwise. */
GtkWidget *rifq_committee_member_row_new (RifqCommitteeMember *member,
                                          gboolean             may_change);

G_END_DECLS
