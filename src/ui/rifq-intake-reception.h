/* rifq-intake-reception.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rifq-intake-step.h"

G_BEGIN_DECLS

/* Step 1, reception: the applicant found in the registry, and the request as they tell it. A
 * reception typed and not received is kept while the officer looks at another request. */

#define RIFQ_TYPE_INTAKE_RECEPTION (rifq_intake_reception_get_type ())
G_DECLARE_FINAL_TYPE (RifqIntakeReception, rifq_intake_reception, RIFQ, INTAKE_RECEPTION, GtkWidget)

/* An empty form, or the one typed before a received request was shown. */
void         rifq_intake_reception_start_new        (RifqIntakeReception  *self);
/* The search, while no applicant is chosen. */
void         rifq_intake_reception_focus            (RifqIntakeReception  *self);
/* Back to the search, for a request not received yet. */
void         rifq_intake_reception_change_applicant (RifqIntakeReception  *self);
/* The request as typed, created as a draft; NULL with the reason when it cannot be. */
RifqRequest *rifq_intake_reception_receive          (RifqIntakeReception  *self,
                                                     GError              **error);

G_END_DECLS
