/* rifq-consent-group.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_CONSENT_GROUP (rifq_consent_group_get_type ())
G_DECLARE_FINAL_TYPE (RifqConsentGroup, rifq_consent_group, RIFQ, CONSENT_GROUP, AdwPreferencesGroup)

/* The beneficiary's consents under the Personal Data Protection Law, standing and withdrawn,
 * with what the desk does about them: record one to a scope (today), withdraw one (today,
 * after asking). Each is written at once and audited; nothing is deleted. Hidden while no
 * saved record is shown. */
void rifq_consent_group_set_context (RifqConsentGroup *self,
                                     RifqContext      *context);

/* Shows the consents of the beneficiary id; 0 for none (a record not saved yet). */
void rifq_consent_group_load        (RifqConsentGroup *self,
                                     gint64            beneficiary_id);

/* Moves the keyboard focus into the group, its window scrolled to show it. */
void rifq_consent_group_focus       (RifqConsentGroup *self);

G_END_DECLS
