/* rifq-intake-page.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-application.h"
#include "rifq-error.h"
#include "rifq-intake-page-private.h"
#include "rifq-intake-registration.h"
#include "rifq-intake-research.h"
#include "rifq-intake-submission.h"
#include "rifq-record-list.h"
#include "rifq-request-receipt.h"
#include "rifq-request-row.h"
#include "rifq-request-store.h"

/* Open requests listed on the landing, the latest received of each state; any other is found by its number. */
#define LANDING_SHOWN 50

G_DEFINE_FINAL_TYPE (RifqIntakePage, rifq_intake_page, GTK_TYPE_WIDGET)

/* The requests in progress, newest step first: what the landing lists. */
static GPtrArray *
open_requests (RifqDb   *db,
               gpointer  user_data,
               GError  **error)
{
  return rifq_request_store_list_open (db, LANDING_SHOWN, error);
}

static GtkWidget *
landing_row_new (gpointer item,
                 gpointer user_data)
{
  RifqIntakePage *self = user_data;
  RifqRequest *r = item;

  return rifq_request_row_new (r, rifq_request_store_kind_label (self->db, r->kind));
}

static void
landing_changed_cb (RifqIntakePage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->landing)) > 0;
  const GError *error = rifq_record_list_get_error (self->landing);

  if (error != NULL)
    rifq_intake_show_error (self, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->landing_list), any);
  gtk_widget_set_visible (self->landing_empty, !any);
}

/* Shown again: another program may have written, and the day or the digits may have changed. */
static void
refresh_landing (RifqIntakePage *self)
{
  rifq_record_list_reload (self->landing, NULL);
  landing_changed_cb (self);
}

static void
landing_row_activated_cb (RifqIntakePage *self,
                          GtkListBoxRow  *row)
{
  RifqRequest *r = rifq_request_row_get_request (RIFQ_REQUEST_ROW (row));
  g_autoptr(GError) error = NULL;

  if (!rifq_intake_page_open (self, r->id, &error))
    rifq_intake_show_error (self, error->message);
}

void
rifq_intake_show_page (RifqIntakePage *self,
                       guint           step)
{
  g_autofree char *name = g_strdup_printf ("step%u", step);

  if (step != self->shown_step)
    rifq_intake_release_focus (gtk_stack_get_visible_child (self->stack));
  self->shown_step = step;
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->progress_area, step >= 1);
  gtk_widget_set_visible (self->progress_separator, step >= 1);
  if (step == 0)
    refresh_landing (self);
  rifq_intake_update_header (self);
  rifq_intake_update_progress (self);
}

void
rifq_intake_set_request (RifqIntakePage *self,
                         RifqRequest    *r)
{
  if (r != NULL)
    g_object_ref (r);
  g_clear_pointer (&self->request, g_object_unref);
  self->request = r;
  rifq_intake_update_views (self);
}

gboolean
rifq_intake_reload_request (RifqIntakePage  *self,
                            GError         **error)
{
  g_autoptr(RifqRequest) r = NULL;

  if (self->request == NULL)
    return TRUE;
  r = rifq_request_store_get (self->db, self->request->id, error);
  if (r == NULL)
    return FALSE;
  rifq_intake_set_request (self, r);
  return TRUE;
}

/* After a step that moved the request: read it again and show where it now stands. */
gboolean
rifq_intake_moved (RifqIntakePage  *self,
                   GError         **error)
{
  if (!rifq_intake_reload_request (self, error))
    return FALSE;
  rifq_intake_show_page (self, rifq_intake_current_step (self));
  return TRUE;
}

gboolean
rifq_intake_page_advance (RifqIntakePage         *self,
                          RifqAction              action,
                          const RifqStepDetails  *details,
                          GError                **error)
{
  if (!rifq_intake_require_request (self, error))
    return FALSE;
  return rifq_request_store_advance (self->db, self->request->id, action, details, error);
}

static void
step_failed_cb (RifqIntakePage *self,
                const char     *message)
{
  rifq_intake_show_error (self, message);
}

/* GObject */

static void
rifq_intake_page_dispose (GObject *object)
{
  RifqIntakePage *self = (RifqIntakePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_PAGE);
  memset (self->steps, 0, sizeof self->steps);
  g_clear_pointer (&self->request, g_object_unref);
  g_clear_weak_pointer (&self->error_toast);
  g_clear_object (&self->landing);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_intake_page_parent_class)->dispose (object);
}

static void
rifq_intake_page_constructed (GObject *object)
{
  RifqIntakePage *self = (RifqIntakePage *) object;

  G_OBJECT_CLASS (rifq_intake_page_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  {
    static const char * const kinds[] = { "request", "beneficiary", NULL };
    static const char * const shown[] = { "beneficiary-name", "number", "state", "kind", NULL };

    self->landing = rifq_record_list_new (self->db, kinds, shown, open_requests, NULL, NULL);
    gtk_list_box_bind_model (self->landing_list, G_LIST_MODEL (self->landing), landing_row_new, self, NULL);
    g_signal_connect_object (self->landing, "items-changed", G_CALLBACK (landing_changed_cb), self,
                             G_CONNECT_SWAPPED);
  }

  rifq_intake_update_views (self);
  rifq_intake_show_page (self, 0);
}

static void
rifq_intake_page_class_init (RifqIntakePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_page_dispose;
  object_class->constructed = rifq_intake_page_constructed;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqIntakePage, context));

  g_type_ensure (RIFQ_TYPE_INTAKE_RECEPTION);
  g_type_ensure (RIFQ_TYPE_INTAKE_DOCUMENTS);
  g_type_ensure (RIFQ_TYPE_INTAKE_RESEARCH);
  g_type_ensure (RIFQ_TYPE_INTAKE_SIGNING);
  g_type_ensure (RIFQ_TYPE_INTAKE_SUBMISSION);
  g_type_ensure (RIFQ_TYPE_INTAKE_REGISTRATION);
  g_type_ensure (RIFQ_TYPE_INTAKE_SERVICE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-page.ui");
  rifq_intake_page_install_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, progress_area);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, progress_squeezer);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, progress_separator);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, landing_list);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, landing_empty);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, reception);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, documents);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, signing);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakePage, service);
  gtk_widget_class_bind_template_callback (widget_class, landing_row_activated_cb);
}

static void
rifq_intake_page_init (RifqIntakePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < RIFQ_INTAKE_N_STEPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("step%u", i + 1);

      self->steps[i] = RIFQ_INTAKE_STEP (gtk_stack_get_child_by_name (self->stack, name));
      g_signal_connect_object (self->steps[i], "failed", G_CALLBACK (step_failed_cb), self, G_CONNECT_SWAPPED);
    }

  rifq_intake_build_progress (self);
}

/* Public API */

RifqIntakePage *
rifq_intake_page_new (RifqContext *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  return g_object_new (RIFQ_TYPE_INTAKE_PAGE, "context", context, NULL);
}

GtkWidget *
rifq_intake_page_get_back_button (RifqIntakePage *self)
{
  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), NULL);
  return self->back_button;
}

void
rifq_intake_page_reload (RifqIntakePage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  if (!rifq_intake_reload_request (self, &error))
    {
      rifq_intake_show_error (self, error->message);
      if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND))
        {
          rifq_intake_set_request (self, NULL);
          rifq_intake_show_page (self, 0);
          return;
        }
    }
  if (self->shown_step == 0)
    refresh_landing (self);
  else
    rifq_intake_update_progress (self);
}

void
rifq_intake_page_start_new (RifqIntakePage *self)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  rifq_intake_reception_start_new (self->reception);
  rifq_intake_set_request (self, NULL);
  rifq_intake_show_page (self, 1);
  rifq_intake_reception_focus (self->reception);
}

gboolean
rifq_intake_page_open (RifqIntakePage  *self,
                       gint64           request_id,
                       GError         **error)
{
  g_autoptr(RifqRequest) r = NULL;

  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), FALSE);

  r = rifq_request_store_get (self->db, request_id, error);
  if (r == NULL)
    return FALSE;
  rifq_intake_set_request (self, r);
  rifq_intake_show_page (self, rifq_intake_current_step (self));
  return TRUE;
}

void
rifq_intake_page_show_step (RifqIntakePage *self,
                            guint           step)
{
  g_return_if_fail (RIFQ_IS_INTAKE_PAGE (self));

  if (step == 0 || rifq_intake_step_reached (self, step))
    rifq_intake_show_page (self, step);
}

gboolean
rifq_intake_page_save_receipt (RifqIntakePage  *self,
                               const char      *path,
                               GError         **error)
{
  g_autofree char *shown_path = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rifq_intake_require_request (self, error))
    return FALSE;
  if (!rifq_receipt_pdf_write_request (self->db, self->request, path, error))
    return FALSE;
  /* A path reads left to right inside an Arabic sentence: isolated, its slashes stay put. */
  shown_path = g_strconcat ("\u2066", path, "\u2069", NULL);
  message = g_strdup_printf (_("The receipt is saved as %s."), shown_path);
  rifq_intake_show_info (self, message);
  return TRUE;
}

gboolean
rifq_intake_page_attach_file (RifqIntakePage  *self,
                              const char      *type,
                              GFile           *file,
                              GError         **error)
{
  g_return_val_if_fail (RIFQ_IS_INTAKE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!rifq_intake_save_before_attaching (self, type, error))
    return FALSE;
  return rifq_intake_attach_file (self, type, file, error);
}
