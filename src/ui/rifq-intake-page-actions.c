/* rifq-intake-page-actions.c: what the officer does at the desk, as the page's actions
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <string.h>

#include "rifq-intake-page-private.h"
#include "rifq-permission.h"
#include "rifq-staff.h"

typedef gboolean (*StepFunc) (RifqIntakePage *self,
                              GVariant       *parameter,
                              GError        **error);

static const struct
{
  const char *name;
  const char *parameter_type;
  StepFunc    func;
} page_actions[] = {
  { "receive",           NULL, rifq_intake_receive_step },
  { "save-documents",    NULL, rifq_intake_save_documents_step },
  { "attach",            "s",  rifq_intake_attach_step },
  { "refer",             NULL, rifq_intake_refer_step },
  { "confirm-documents", NULL, rifq_intake_confirm_documents_step },
  { "sign",              NULL, rifq_intake_sign_step },
  { "submit",            NULL, rifq_intake_submit_step },
  { "save-receipt",      NULL, rifq_intake_save_receipt_step },
  { "open-receipt",      NULL, rifq_intake_open_receipt_step },
  { "register",          NULL, rifq_intake_register_step },
  { "serve",             NULL, rifq_intake_serve_step },
  { "close",             NULL, rifq_intake_close_step },
  { "new",               NULL, rifq_intake_new_step },
  { "list",              NULL, rifq_intake_list_step },
  { "show-step",         "u",  rifq_intake_show_step_step },
  { "change-applicant",  NULL, rifq_intake_change_applicant_step },
  { "withdraw",          NULL, rifq_intake_withdraw_step },
  { "reopen",            NULL, rifq_intake_reopen_step },
};

/* The steps whose buttons the request's state alone shows: their actions follow the same rule. */
static const struct
{
  const char *name;
  RifqAction  action;
} by_state[] = {
  { "intake.register", RIFQ_ACTION_REGISTER },
  { "intake.serve",    RIFQ_ACTION_SERVE },
  { "intake.close",    RIFQ_ACTION_CLOSE },
  { "intake.reopen",   RIFQ_ACTION_REOPEN },
};

/* The actions a person may not take are disabled, their buttons with them; core refuses them
 * regardless. */
static const struct
{
  const char     *name;
  RifqPermission  permission;
} by_role[] = {
  { "intake.receive",           RIFQ_PERMISSION_RECEIVE_REQUEST },
  { "intake.save-documents",    RIFQ_PERMISSION_ENTER_DOCUMENTS },
  { "intake.attach",            RIFQ_PERMISSION_ENTER_DOCUMENTS },
  { "intake.refer",             RIFQ_PERMISSION_REFER },
  { "intake.confirm-documents", RIFQ_PERMISSION_VERIFY },
  { "intake.sign",              RIFQ_PERMISSION_SIGN },
  { "intake.submit",            RIFQ_PERMISSION_SUBMIT },
  { "intake.withdraw",          RIFQ_PERMISSION_WITHDRAW },
};

static int
find_action (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    if (g_str_equal (page_actions[i].name, name))
      return (int) i;
  return -1;
}

static void
activate_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RifqIntakePage *self = RIFQ_INTAKE_PAGE (widget);
  int index = find_action (action_name + strlen ("intake."));
  g_autoptr(GError) error = NULL;

  g_assert (index >= 0);
  if (!page_actions[index].func (self, parameter, &error))
    {
      g_assert (error != NULL);
      rifq_intake_show_error (self, error->message);
      return;
    }
  /* The refusal on screen, if any, is answered now. */
  rifq_intake_dismiss_error (self);
}

void
rifq_intake_page_install_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    {
      g_autofree char *name = g_strconcat ("intake.", page_actions[i].name, NULL);

      gtk_widget_class_install_action (widget_class, name, page_actions[i].parameter_type, activate_cb);
    }
}

void
rifq_intake_update_actions (RifqIntakePage *self)
{
  RifqRole roles = rifq_staff_actor_roles (self->db);

  for (guint i = 0; i < G_N_ELEMENTS (by_state); i++)
    {
      RifqAction action = by_state[i].action;
      /* An administrator records a service beyond the approval, desk officer or not. */
      gboolean allowed = rifq_permission_allows (rifq_permission_for_step (action), roles) ||
                         (action == RIFQ_ACTION_SERVE &&
                          rifq_permission_allows (RIFQ_PERMISSION_SERVE_BEYOND_APPROVAL, roles));

      gtk_widget_action_set_enabled (GTK_WIDGET (self), by_state[i].name,
                                     self->request != NULL && allowed &&
                                     rifq_action_applies (action, self->request->state, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (by_role); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), by_role[i].name,
                                   rifq_permission_allows (by_role[i].permission, roles));
}
