/* rifq-committee-private.h: what the committee shares with the rest of core
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-committee.h"

G_BEGIN_DECLS

/* Numbers the letter announcing a decision in the outgoing letters register, issued on the day
 * issued_on (ISO) by issued_by, inside a write already begun (the decision's own, or the
 * demonstration data's). The letter's number, or NULL. */
char *_rifq_committee_register_letter (RifqDb      *db,
                                       gint64       request_id,
                                       gint64       decision_id,
                                       const char  *decision,
                                       const char  *issued_on,
                                       const char  *issued_by,
                                       gint64      *out_letter_id,
                                       GError     **error);

G_END_DECLS
