/* rifq-intake-registration.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-intake-step.h"

G_BEGIN_DECLS

/* Step 6, registration: the research committee's decision, and the beneficiary registered
 * once it accepted. */

#define RIFQ_TYPE_INTAKE_REGISTRATION (rifq_intake_registration_get_type ())
G_DECLARE_FINAL_TYPE (RifqIntakeRegistration, rifq_intake_registration, RIFQ, INTAKE_REGISTRATION, GtkWidget)

G_END_DECLS
