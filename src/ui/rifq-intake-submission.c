/* rifq-intake-submission.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-submission"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-intake-submission.h"
#include "rifq-intake-util.h"
#include "rifq-request-store.h"

struct _RifqIntakeSubmission
{
  GtkWidget    parent_instance;

  /* template children */
  GtkWidget   *submission_before;
  GtkLabel    *submission_text;
  GtkWidget   *submission_after;
  GtkLabel    *submission_description;
  GtkLabel    *submission_due;
  GtkWidget   *close_rejected_button;

  /* owned */
  RifqContext *context;
};

static void intake_step_iface_init (RifqIntakeStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqIntakeSubmission, rifq_intake_submission, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RIFQ_TYPE_INTAKE_STEP, intake_step_iface_init))

static void
update (RifqIntakeSubmission *self,
        const RifqRequest    *r)
{
  g_autofree char *today = NULL;
  gboolean submitted;

  if (r == NULL)
    return;

  today = rifq_context_dup_today (self->context);
  submitted = r->submitted_at != NULL;
  rifq_intake_set_shown (self->submission_before, !submitted);
  rifq_intake_set_shown (self->submission_after, submitted);

  if (!submitted)
    {
      int period = rifq_request_store_decision_period (rifq_context_get_db (self->context));
      g_autofree char *due = NULL;
      g_autofree char *due_text = NULL;
      g_autofree char *days = NULL;
      g_autofree char *text = NULL;

      due = rifq_request_store_expected_reply (rifq_context_get_db (self->context), today);
      due_text = rifq_intake_format_day (due);
      days = rifq_intake_shown_int (period);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The request goes to the research committee, which studies it "
                                           "and answers with acceptance or rejection. The reply is expected "
                                           "by %s (%s day).",
                                           "The request goes to the research committee, which studies it "
                                           "and answers with acceptance or rejection. The reply is expected "
                                           "by %s (%s days).", (gulong) period),
                              due_text, days);
      gtk_label_set_text (self->submission_text, text);
    }
  else
    {
      g_autofree char *sentence = rifq_intake_describe (self->context, r);
      g_autofree char *due = rifq_intake_format_day (r->due_on);

      gtk_label_set_text (self->submission_description, sentence);
      gtk_label_set_text (self->submission_due, due);
    }
  rifq_intake_set_shown (self->close_rejected_button, r->state == RIFQ_REQUEST_REJECTED);
}

/* RifqIntakeStep */

static void
rifq_intake_submission_set_request (RifqIntakeStep *step,
                                    RifqContext    *context,
                                    RifqRequest    *request)
{
  RifqIntakeSubmission *self = RIFQ_INTAKE_SUBMISSION (step);

  g_set_object (&self->context, context);
  update (self, request);
}

static void
intake_step_iface_init (RifqIntakeStepInterface *iface)
{
  iface->set_request = rifq_intake_submission_set_request;
}

/* GObject */

static void
rifq_intake_submission_dispose (GObject *object)
{
  RifqIntakeSubmission *self = (RifqIntakeSubmission *) object;

  rifq_intake_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_SUBMISSION);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_intake_submission_parent_class)->dispose (object);
}

static void
rifq_intake_submission_class_init (RifqIntakeSubmissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_submission_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-submission.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSubmission, submission_before);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSubmission, submission_text);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSubmission, submission_after);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSubmission, submission_description);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSubmission, submission_due);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSubmission, close_rejected_button);
}

static void
rifq_intake_submission_init (RifqIntakeSubmission *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
