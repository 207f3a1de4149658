/* rifq-intake-submission.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-intake-step.h"

G_BEGIN_DECLS

/* Step 5, submission to the research committee: when its reply is expected, and once
 * submitted, where the request stands and its receipt. */

#define RIFQ_TYPE_INTAKE_SUBMISSION (rifq_intake_submission_get_type ())
G_DECLARE_FINAL_TYPE (RifqIntakeSubmission, rifq_intake_submission, RIFQ, INTAKE_SUBMISSION, GtkWidget)

G_END_DECLS
