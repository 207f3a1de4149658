/* rifq-channel.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-db.h"

G_BEGIN_DECLS

/* One of the policy's named parts — a contact channel or a staff tool — as the association
 * keeps it in its database, in both languages. */
typedef struct
{
  char *code;
  char *label_ar;
  char *label_en;
  char *icon;
  int   position;
} RifqPolicyItem;

void        rifq_policy_item_free  (RifqPolicyItem *item);

/* The label in the interface language. */
const char *rifq_policy_item_label (const RifqPolicyItem *item);

/* The items a query gives, its columns being code, label_ar, label_en, icon, position. */
GPtrArray  *rifq_policy_item_list  (RifqDb     *db,
                                    const char *sql,
                                    GError    **error);

/* The eight contact channels, in the policy's order. */
GPtrArray  *rifq_channel_list      (RifqDb  *db,
                                    GError **error);

/* The four tools of the beneficiary-relations officer, in the policy's order. */
GPtrArray  *rifq_staff_tool_list   (RifqDb  *db,
                                    GError **error);

/* TRUE when code names a channel of this association. */
gboolean    rifq_channel_exists    (RifqDb     *db,
                                    const char *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqPolicyItem, rifq_policy_item_free)

G_END_DECLS
