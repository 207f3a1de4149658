/* rifq-intake-util.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the intake page and its steps show alike: text in entries, digits and days as the
 * interface shows them, rows, and parts of a step hidden or made read-only. */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"
#include "rifq-request.h"

G_BEGIN_DECLS

const char *rifq_intake_editable_text     (GtkWidget  *widget);
void        rifq_intake_set_editable_text (GtkWidget  *widget,
                                           const char *text);

/* Numbers as the interface shows them: as the language, or as the preferences say. */
char       *rifq_intake_shown_digits      (const char *text);
char       *rifq_intake_shown_int         (gint64      value);
/* A stored mobile as it is shown everywhere (rifq_validate_format_mobile()), in the interface's digits. */
char       *rifq_intake_shown_mobile      (const char *mobile);
/* A saved day as an officer types it, "1446/02/21", so it reads back to the same day. */
char       *rifq_intake_typed_date        (const char *iso);
/* A stored day or moment, Hijri beside Gregorian, as the day it was here. */
char       *rifq_intake_format_day        (const char *iso);
/* Where the request is, in one sentence, with every number in the interface's digits. */
char       *rifq_intake_describe          (RifqContext       *context,
                                           const RifqRequest *r);

/* Whether the social-research officer answered one of the request's referrals. */
gboolean    rifq_intake_referral_answered (const RifqRequest *r);

GtkWidget  *rifq_intake_action_row_new    (const char *title,
                                           const char *subtitle);

/* The policy's items (RifqPolicyItem) in a combo row, by their labels. */
void        rifq_intake_fill_combo        (AdwComboRow *row,
                                           GPtrArray   *items);
const char *rifq_intake_item_code         (GPtrArray   *items,
                                           guint        position);
void        rifq_intake_select_code       (AdwComboRow *row,
                                           GPtrArray   *items,
                                           const char  *code);

/* Disposes of a step's template, and of its outer part, which has no id. */
void        rifq_intake_dispose_template  (GtkWidget  *step,
                                           GType       type);

/* Focus leaves a part about to be hidden or made read-only. */
void        rifq_intake_release_focus     (GtkWidget  *within);
void        rifq_intake_set_shown         (GtkWidget  *widget,
                                           gboolean    shown);
void        rifq_intake_set_editable      (GtkWidget  *widget,
                                           gboolean    editable);

G_END_DECLS
