/* rifq-intake-step.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-step"

#include "config.h"

#include "rifq-intake-step.h"

G_DEFINE_INTERFACE (RifqIntakeStep, rifq_intake_step, GTK_TYPE_WIDGET)

enum
{
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rifq_intake_step_default_init (RifqIntakeStepInterface *iface)
{
  /**
   * RifqIntakeStep::failed:
   * @message: the sentence for the officer, in the interface's language
   *
   * Something the step did on its own (a search, say) failed.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
rifq_intake_step_set_request (RifqIntakeStep *self,
                              RifqContext    *context,
                              RifqRequest    *request)
{
  g_return_if_fail (RIFQ_IS_INTAKE_STEP (self));
  g_return_if_fail (RIFQ_IS_CONTEXT (context));
  g_return_if_fail (request == NULL || RIFQ_IS_REQUEST (request));

  RIFQ_INTAKE_STEP_GET_IFACE (self)->set_request (self, context, request);
}

void
rifq_intake_step_failed (RifqIntakeStep *self,
                         const char     *message)
{
  g_return_if_fail (RIFQ_IS_INTAKE_STEP (self));

  g_signal_emit (self, signals[FAILED], 0, message);
}
