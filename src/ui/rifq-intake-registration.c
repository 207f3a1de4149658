/* rifq-intake-registration.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-registration"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-intake-registration.h"
#include "rifq-intake-util.h"

struct _RifqIntakeRegistration
{
  GtkWidget    parent_instance;

  /* template children */
  GtkImage    *registration_icon;
  GtkLabel    *registration_title;
  GtkLabel    *registration_text;
  GtkWidget   *register_button;

  /* owned */
  RifqContext *context;
};

static void intake_step_iface_init (RifqIntakeStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqIntakeRegistration, rifq_intake_registration, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RIFQ_TYPE_INTAKE_STEP, intake_step_iface_init))

static void
update (RifqIntakeRegistration *self,
        const RifqRequest      *r)
{
  g_autofree char *sentence = NULL;
  g_autofree char *title = NULL;
  const char *icon = "document-open-recent-symbolic";

  if (r == NULL)
    return;

  sentence = rifq_intake_describe (self->context, r);
  switch (r->state)
    {
    case RIFQ_REQUEST_SUBMITTED:
    case RIFQ_REQUEST_UNDER_REVIEW:
    case RIFQ_REQUEST_DEFERRED:
      title = g_strdup (_("Waiting for the research committee’s decision."));
      break;
    case RIFQ_REQUEST_REJECTED:
      icon = "dialog-error-symbolic";
      title = g_strdup (_("The research committee rejected the request."));
      break;
    case RIFQ_REQUEST_ACCEPTED:
      icon = "emblem-ok-symbolic";
      title = g_strdup (_("The research committee accepted the request."));
      break;
    case RIFQ_REQUEST_REGISTERED:
    case RIFQ_REQUEST_SERVED:
    case RIFQ_REQUEST_CLOSED:
      {
        g_autofree char *file = rifq_intake_shown_digits (r->file_number ? r->file_number : "—");

        icon = "emblem-ok-symbolic";
        title = g_strdup_printf (_("Registered under file number %s."), file);
      }
      break;
    case RIFQ_REQUEST_DRAFT:
    case RIFQ_REQUEST_INCOMPLETE:
    case RIFQ_REQUEST_REFERRED:
    case RIFQ_REQUEST_READY_TO_SIGN:
    case RIFQ_REQUEST_N_STATES:
    default:
      title = g_strdup (_("The request has not been submitted yet."));
      break;
    }
  gtk_image_set_from_icon_name (self->registration_icon, icon);
  gtk_label_set_text (self->registration_title, title);
  gtk_label_set_text (self->registration_text, sentence);
  rifq_intake_set_shown (self->register_button, rifq_action_applies (RIFQ_ACTION_REGISTER, r->state, NULL));
}

/* RifqIntakeStep */

static void
rifq_intake_registration_set_request (RifqIntakeStep *step,
                                      RifqContext    *context,
                                      RifqRequest    *request)
{
  RifqIntakeRegistration *self = RIFQ_INTAKE_REGISTRATION (step);

  g_set_object (&self->context, context);
  update (self, request);
}

static void
intake_step_iface_init (RifqIntakeStepInterface *iface)
{
  iface->set_request = rifq_intake_registration_set_request;
}

/* GObject */

static void
rifq_intake_registration_dispose (GObject *object)
{
  RifqIntakeRegistration *self = (RifqIntakeRegistration *) object;

  rifq_intake_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_REGISTRATION);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_intake_registration_parent_class)->dispose (object);
}

static void
rifq_intake_registration_class_init (RifqIntakeRegistrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_registration_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-registration.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeRegistration, registration_icon);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeRegistration, registration_title);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeRegistration, registration_text);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeRegistration, register_button);
}

static void
rifq_intake_registration_init (RifqIntakeRegistration *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
