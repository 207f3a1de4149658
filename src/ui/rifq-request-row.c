/* rifq-request-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-request-row"

#include "config.h"

#include "rifq-application.h"
#include "rifq-request-row.h"

struct _RifqRequestRow
{
  AdwActionRow  parent_instance;

  RifqRequest  *request;
  char         *kind_label;
};

G_DEFINE_FINAL_TYPE (RifqRequestRow, rifq_request_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_REQUEST,
  PROP_KIND_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
rifq_request_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RifqRequestRow *self = RIFQ_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, self->kind_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_request_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RifqRequestRow *self = RIFQ_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      self->request = g_value_dup_object (value);
      break;
    case PROP_KIND_LABEL:
      self->kind_label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_request_row_class_init (RifqRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = rifq_request_row_constructed;
  object_class->finalize = rifq_request_row_finalize;
  object_class->get_property = rifq_request_row_get_property;
  object_class->set_property = rifq_request_row_set_property;

  properties[PROP_REQUEST] = g_param_spec_object ("request", NULL, NULL, RIFQ_TYPE_REQUEST, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
