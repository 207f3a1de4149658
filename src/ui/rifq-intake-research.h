/* rifq-intake-research.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-intake-step.h"

G_BEGIN_DECLS

/* Step 3, social research: the applicant's questions referred to the researcher, their answers
 * and home visits. */

#define RIFQ_TYPE_INTAKE_RESEARCH (rifq_intake_research_get_type ())
G_DECLARE_FINAL_TYPE (RifqIntakeResearch, rifq_intake_research, RIFQ, INTAKE_RESEARCH, GtkWidget)

G_END_DECLS
