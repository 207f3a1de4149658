/* rifq-request-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-request-row"

#include "config.h"

#include "rifq-application.h"
#include "rifq-record.h"
#include "rifq-request-row.h"

struct _RifqRequestRow
{
  AdwActionRow  parent_instance;

  RifqRequest  *request;
  char         *kind_label;
};

G_DEFINE_FINAL_TYPE (RifqRequestRow, rifq_request_row, ADW_TYPE_ACTION_ROW)

/* "1448/000123 · With the research committee · Food basket", the digits as the window shows them. */
static gboolean
subtitle_from_number (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  RifqRequestRow *self = user_data;
  const char *number = g_value_get_string (from);
  g_autofree char *shown = rifq_ui_display_digits (number != NULL ? number : "");

  g_value_take_string (to, g_strdup_printf ("%s · %s · %s", shown, rifq_request_state_label (self->request->state),
                                            self->kind_label != NULL ? self->kind_label : ""));
  return TRUE;
}

static void
rifq_request_row_constructed (GObject *object)
{
  RifqRequestRow *self = (RifqRequestRow *) object;

  G_OBJECT_CLASS (rifq_request_row_parent_class)->constructed (object);

  g_object_bind_property (self->request, "beneficiary-name", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->request, "number", self, "subtitle", G_BINDING_SYNC_CREATE,
                               subtitle_from_number, NULL, self, NULL);
}

static void
rifq_request_row_finalize (GObject *object)
{
  RifqRequestRow *self = (RifqRequestRow *)object;

  g_clear_object (&self->request);
  g_free (self->kind_label);

  G_OBJECT_CLASS (rifq_request_row_parent_class)->finalize (object);
}

static void
rifq_request_row_class_init (RifqRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqRequestRow, request, "request", RIFQ_TYPE_REQUEST),
    RIFQ_RECORD_FIELD (RifqRequestRow, kind_label, "kind-label", G_TYPE_STRING),
  };

  object_class->constructed = rifq_request_row_constructed;
  object_class->finalize = rifq_request_row_finalize;

  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-request-row.ui");
}

static void
rifq_request_row_init (RifqRequestRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rifq_request_row_new (RifqRequest *request,
                      const char  *kind_label)
{
  g_return_val_if_fail (RIFQ_IS_REQUEST (request), NULL);

  return g_object_new (RIFQ_TYPE_REQUEST_ROW, "request", request, "kind-label", kind_label, NULL);
}

RifqRequest *
rifq_request_row_get_request (RifqRequestRow *self)
{
  g_return_val_if_fail (RIFQ_IS_REQUEST_ROW (self), NULL);
  return self->request;
}
