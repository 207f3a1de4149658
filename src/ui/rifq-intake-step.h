/* rifq-intake-step.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-context.h"
#include "rifq-request.h"

G_BEGIN_DECLS

/* One of the intake's seven steps, as the page holds it: shown for one request at a time, it
 * keeps what was typed for another until the officer comes back to it. */

#define RIFQ_TYPE_INTAKE_STEP (rifq_intake_step_get_type ())
G_DECLARE_INTERFACE (RifqIntakeStep, rifq_intake_step, RIFQ, INTAKE_STEP, GtkWidget)

struct _RifqIntakeStepInterface
{
  GTypeInterface parent_iface;

  void (*set_request) (RifqIntakeStep *self,
                       RifqContext    *context,
                       RifqRequest    *request);
};

/* Shows request as it is stored (NULL: one not received yet). What was typed and not saved
 * for the request shown before is kept as its draft, and given back when it is shown again. */
void rifq_intake_step_set_request (RifqIntakeStep *self,
                                   RifqContext    *context,
                                   RifqRequest    *request);

/* Tells the page that something the step did for the officer failed: the page shows message. */
void rifq_intake_step_failed      (RifqIntakeStep *self,
                                   const char     *message);

G_END_DECLS
