/* rifq-referral-row.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rifq-request.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_REFERRAL_ROW (rifq_referral_row_get_type ())
G_DECLARE_FINAL_TYPE (RifqReferralRow, rifq_referral_row, RIFQ, REFERRAL_ROW, GtkListBoxRow)

/* A request in the research queue: the applicant's name, its number and kind (written as
 * kind_label), and since when it waits (referred_ago, or NULL when not known). */
GtkWidget   *rifq_referral_row_new         (RifqRequest     *request,
                                            const char      *kind_label,
                                            const char      *referred_ago);

RifqRequest *rifq_referral_row_get_request (RifqReferralRow *self);

G_END_DECLS
