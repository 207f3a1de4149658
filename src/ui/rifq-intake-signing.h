/* rifq-intake-signing.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-intake-step.h"

G_BEGIN_DECLS

/* Step 4, declaration and signature: the declaration read to the applicant, who signs or
 * leaves a thumbprint on the pad, or whose caregiver does; the officer confirms with their
 * name. Strokes and names given for a request wait for its return. */

#define RIFQ_TYPE_INTAKE_SIGNING (rifq_intake_signing_get_type ())
G_DECLARE_FINAL_TYPE (RifqIntakeSigning, rifq_intake_signing, RIFQ, INTAKE_SIGNING, GtkWidget)

/* Signs the request shown with what the form holds. */
gboolean rifq_intake_signing_sign (RifqIntakeSigning  *self,
                                   GError            **error);

G_END_DECLS
