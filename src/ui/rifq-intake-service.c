/* rifq-intake-service.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-service"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-error.h"
#include "rifq-intake-service.h"
#include "rifq-intake-util.h"
#include "rifq-permission.h"
#include "rifq-request-store.h"
#include "rifq-staff.h"
#include "rifq-validate.h"

/* The service form as left for a request, until the officer comes back to it. */
typedef struct
{
  guint     kind;
  char     *quantity;
  char     *amount;
  char     *date;
  char     *delivered_by;
  gboolean  at_home;
  char     *notes;
} ServiceDraft;

struct _RifqIntakeService
{
  GtkWidget       parent_instance;

  /* template children */
  GtkLabel        *service_status;
  GtkLabel        *service_approval;
  GtkWidget       *service_form;
  AdwComboRow     *service_kind_row;
  GtkWidget       *quantity_row;
  GtkWidget       *service_amount_row;
  GtkWidget       *service_date_row;
  GtkWidget       *delivered_by_row;
  GtkToggleButton *place_office;
  GtkToggleButton *place_home;
  GtkWidget       *notes_row;
  GtkWidget       *override_row;
  GtkWidget       *services_box;
  GtkListBox      *services_list;
  GtkWidget       *close_button;

  /* owned */
  RifqContext     *context;
  RifqRequest     *request;
  GPtrArray       *kinds;             /* RifqPolicyItem */
  GHashTable      *service_drafts;    /* request id → ServiceDraft */

  /* state */
  gint64           service_for;       /* the request the form was filled for */
};

static void intake_step_iface_init (RifqIntakeStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqIntakeService, rifq_intake_service, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RIFQ_TYPE_INTAKE_STEP, intake_step_iface_init))

static void
service_draft_free (gpointer data)
{
  ServiceDraft *draft = data;

  g_free (draft->quantity);
  g_free (draft->amount);
  g_free (draft->date);
  g_free (draft->delivered_by);
  g_free (draft->notes);
  g_free (draft);
}

static char *
today_typed (RifqIntakeService *self)
{
  g_autofree char *today = rifq_context_dup_today (self->context);

  return rifq_intake_typed_date (today);
}

static void
reset_service (RifqIntakeService *self)
{
  RifqDb *db = rifq_context_get_db (self->context);
  g_autoptr(RifqStaff) officer = rifq_staff_get (db, rifq_context_get_actor (self->context), NULL);
  g_autofree char *date = today_typed (self);

  rifq_intake_select_code (self->service_kind_row, self->kinds, self->request ? self->request->kind : NULL);
  rifq_intake_set_editable_text (self->quantity_row, NULL);
  rifq_intake_set_editable_text (self->service_amount_row, NULL);
  rifq_intake_set_editable_text (self->service_date_row, date);
  rifq_intake_set_editable_text (self->delivered_by_row, officer ? officer->full_name : NULL);
  gtk_toggle_button_set_active (self->place_office, TRUE);
  rifq_intake_set_editable_text (self->notes_row, NULL);
  rifq_intake_set_editable_text (self->override_row, NULL);
}

static GtkWidget *
service_row (RifqIntakeService *self,
             const RifqService *service)
{
  g_autofree char *day = rifq_intake_format_day (service->delivered_on);
  g_autofree char *given = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *kind = rifq_request_store_kind_label (rifq_context_get_db (self->context), service->kind);
  const char *place = g_strcmp0 (service->place, "home") == 0 ? _("At the beneficiary’s home") : _("At the office");

  if (service->amount > 0)
    {
      g_autofree char *amount = rifq_intake_shown_int (service->amount);

      given = g_strdup_printf (_("%s riyals"), amount);
    }
  else
    {
      g_autofree char *quantity = rifq_intake_shown_int (service->quantity);

      /* Translators: a quantity delivered, "× 3" */
      given = g_strdup_printf (_("× %s"), quantity);
    }
  title = g_strdup_printf ("%s — %s", kind ? kind : "", given);
  subtitle = g_strdup_printf ("%s · %s · %s%s%s", day, place, service->delivered_by ? service->delivered_by : "",
                              service->notes ? "\n" : "", service->notes ? service->notes : "");
  return rifq_intake_action_row_new (title, subtitle);
}

/* What the committee approved and what remains of it; an administrator may go beyond it. */
static void
show_approval (RifqIntakeService *self,
               const RifqRequest *r)
{
  RifqApproval approval;
  gboolean approved = rifq_request_store_approval (rifq_context_get_db (self->context), r->id, &approval, NULL);
  gboolean admin = rifq_permission_allows (RIFQ_PERMISSION_SERVE_BEYOND_APPROVAL,
                                           rifq_staff_actor_roles (rifq_context_get_db (self->context)));

  if (approved)
    {
      g_autofree char *sentence = rifq_approval_describe (&approval);
      g_autofree char *shown = rifq_intake_shown_digits (sentence);

      gtk_label_set_text (self->service_approval, shown);
    }
  rifq_intake_set_shown (GTK_WIDGET (self->service_approval), approved);
  rifq_intake_set_shown (self->override_row, approved && admin);
}

static void
update (RifqIntakeService *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *sentence = NULL;

  rifq_ui_remove_children (GTK_WIDGET (self->services_list));
  if (r == NULL)
    return;

  if (r->id != self->service_for)
    {
      ServiceDraft *draft;

      if (self->service_for != 0)
        {
          draft = g_new0 (ServiceDraft, 1);
          draft->kind = adw_combo_row_get_selected (self->service_kind_row);
          draft->quantity = g_strdup (rifq_intake_editable_text (self->quantity_row));
          draft->amount = g_strdup (rifq_intake_editable_text (self->service_amount_row));
          draft->date = g_strdup (rifq_intake_editable_text (self->service_date_row));
          draft->delivered_by = g_strdup (rifq_intake_editable_text (self->delivered_by_row));
          draft->at_home = gtk_toggle_button_get_active (self->place_home);
          draft->notes = g_strdup (rifq_intake_editable_text (self->notes_row));
          g_hash_table_replace (self->service_drafts, g_memdup2 (&self->service_for, sizeof (gint64)), draft);
        }
      reset_service (self);
      draft = g_hash_table_lookup (self->service_drafts, &r->id);
      if (draft != NULL)
        {
          adw_combo_row_set_selected (self->service_kind_row, draft->kind);
          rifq_intake_set_editable_text (self->quantity_row, draft->quantity);
          rifq_intake_set_editable_text (self->service_amount_row, draft->amount);
          rifq_intake_set_editable_text (self->service_date_row, draft->date);
          rifq_intake_set_editable_text (self->delivered_by_row, draft->delivered_by);
          gtk_toggle_button_set_active (draft->at_home ? self->place_home : self->place_office, TRUE);
          rifq_intake_set_editable_text (self->notes_row, draft->notes);
          g_hash_table_remove (self->service_drafts, &r->id);
        }
      self->service_for = r->id;
    }

  sentence = rifq_intake_describe (self->context, r);
  gtk_label_set_text (self->service_status, sentence);
  show_approval (self, r);
  for (guint i = 0; i < r->services->len; i++)
    gtk_list_box_append (self->services_list, service_row (self, g_ptr_array_index (r->services, i)));
  gtk_widget_set_visible (self->services_box, r->services->len > 0);
  rifq_intake_set_editable (self->service_form, rifq_action_applies (RIFQ_ACTION_SERVE, r->state, NULL));
  rifq_intake_set_shown (self->close_button, rifq_action_applies (RIFQ_ACTION_CLOSE, r->state, NULL)
                                        && r->state == RIFQ_REQUEST_SERVED);
}

/* RifqIntakeStep */

static void
rifq_intake_service_set_request (RifqIntakeStep *step,
                                 RifqContext    *context,
                                 RifqRequest    *request)
{
  RifqIntakeService *self = RIFQ_INTAKE_SERVICE (step);

  if (g_set_object (&self->context, context))
    {
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&self->kinds, g_ptr_array_unref);
      self->kinds = rifq_request_store_kinds (rifq_context_get_db (context), &error);
      if (self->kinds == NULL)
        rifq_intake_step_failed (step, error->message);
      rifq_intake_fill_combo (self->service_kind_row, self->kinds);
    }
  g_set_object (&self->request, request);
  update (self);
}

static void
intake_step_iface_init (RifqIntakeStepInterface *iface)
{
  iface->set_request = rifq_intake_service_set_request;
}

/* GObject */

static void
rifq_intake_service_dispose (GObject *object)
{
  RifqIntakeService *self = (RifqIntakeService *) object;

  rifq_intake_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_SERVICE);
  g_clear_pointer (&self->service_drafts, g_hash_table_unref);
  g_clear_object (&self->request);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_intake_service_parent_class)->dispose (object);
}

static void
rifq_intake_service_finalize (GObject *object)
{
  RifqIntakeService *self = (RifqIntakeService *) object;

  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  G_OBJECT_CLASS (rifq_intake_service_parent_class)->finalize (object);
}

static void
rifq_intake_service_class_init (RifqIntakeServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_service_dispose;
  object_class->finalize = rifq_intake_service_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-service.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, service_status);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, service_approval);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, service_form);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, service_kind_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, service_amount_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, service_date_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, delivered_by_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, place_office);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, place_home);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, override_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, services_box);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, services_list);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeService, close_button);
}

static void
rifq_intake_service_init (RifqIntakeService *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->service_drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, service_draft_free);
}

/* Public API */

gboolean
rifq_intake_service_serve (RifqIntakeService  *self,
                           GError            **error)
{
  const char *quantity_text;
  const char *amount_text;
  RifqService service = { 0 };
  RifqStepDetails details = { 0 };
  g_autofree char *kind = NULL;
  g_autofree char *delivered_on = NULL;
  g_autofree char *delivered_by = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *override = NULL;

  g_return_val_if_fail (RIFQ_IS_INTAKE_SERVICE (self), FALSE);
  g_return_val_if_fail (self->request != NULL, FALSE);

  quantity_text = rifq_intake_editable_text (self->quantity_row);
  amount_text = rifq_intake_editable_text (self->service_amount_row);
  if (!rifq_validate_optional_count (quantity_text, _("Quantity"), 0, &service.quantity, NULL))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Quantity: enter a whole number."));
      return FALSE;
    }
  if (!rifq_validate_optional_count (amount_text, _("Amount (riyals)"), -1, &service.amount, NULL))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Amount: enter a whole number of riyals."));
      return FALSE;
    }

  kind = g_strdup (rifq_intake_item_code (self->kinds, adw_combo_row_get_selected (self->service_kind_row)));
  delivered_on = g_strdup (rifq_intake_editable_text (self->service_date_row));
  delivered_by = g_strdup (rifq_intake_editable_text (self->delivered_by_row));
  notes = g_strdup (rifq_intake_editable_text (self->notes_row));
  service.kind = kind;
  service.delivered_on = delivered_on;
  service.delivered_by = delivered_by;
  service.place = gtk_toggle_button_get_active (self->place_home) ? "home" : "office";
  service.notes = notes;
  override = g_strdup (rifq_intake_editable_text (self->override_row));
  service.override_reason = override;
  details.service = &service;

  if (!rifq_request_store_advance (rifq_context_get_db (self->context), self->request->id, RIFQ_ACTION_SERVE,
                                   &details, error))
    return FALSE;
  /* What was recorded is in the list now; the form is ready for the next delivery. */
  rifq_intake_set_editable_text (self->quantity_row, NULL);
  rifq_intake_set_editable_text (self->service_amount_row, NULL);
  rifq_intake_set_editable_text (self->notes_row, NULL);
  rifq_intake_set_editable_text (self->override_row, NULL);
  return TRUE;
}
