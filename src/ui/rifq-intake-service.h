/* rifq-intake-service.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-intake-step.h"

G_BEGIN_DECLS

/* Step 7, service: what the committee approved and what remains of it, the service delivered,
 * and the services recorded. A form typed for a request waits for its return. */

#define RIFQ_TYPE_INTAKE_SERVICE (rifq_intake_service_get_type ())
G_DECLARE_FINAL_TYPE (RifqIntakeService, rifq_intake_service, RIFQ, INTAKE_SERVICE, GtkWidget)

/* Records the service the form holds for the request shown; the form is then ready for the
 * next delivery. */
gboolean rifq_intake_service_serve (RifqIntakeService  *self,
                                    GError            **error);

G_END_DECLS
