/* rifq-committee-member.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-committee-rule.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_COMMITTEE_MEMBER (rifq_committee_member_get_type ())
G_DECLARE_FINAL_TYPE (RifqCommitteeMember, rifq_committee_member, RIFQ, COMMITTEE_MEMBER, GObject)

/* A member of the committee at one meeting, as the meeting was read: a snapshot, replaced when
 * the meeting changes. Its properties are username, name (the full name, or the username when
 * none), chair and present. */
RifqCommitteeMember *rifq_committee_member_new          (const RifqMember    *member);

const char          *rifq_committee_member_get_username (RifqCommitteeMember *self);

/* Whether a row would show both alike. */
gboolean             rifq_committee_member_equal        (RifqCommitteeMember *self,
                                                         RifqCommitteeMember *other);

G_END_DECLS
