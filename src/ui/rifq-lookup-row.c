/* rifq-lookup-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-lookup-row"

#include "config.h"

#include "rifq-application.h"
#include "rifq-lookup-row.h"
#include "rifq-record.h"

struct _RifqLookupRow
{
  GtkListBoxRow  parent_instance;

  /* template children */
  GtkLabel      *caption_label;
  GtkLabel      *sentence_label;

  RifqRequest   *request;
  char          *today;
};

G_DEFINE_FINAL_TYPE (RifqLookupRow, rifq_lookup_row, GTK_TYPE_LIST_BOX_ROW)

/* "1448/000123 · With the research committee", the digits as the window shows them. */
static gboolean
caption_from_number (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  RifqLookupRow *self = user_data;
  const char *number = g_value_get_string (from);
  g_autofree char *shown = rifq_ui_display_digits (number != NULL ? number : "");

  g_value_take_string (to, g_strdup_printf ("%s · %s", shown, rifq_request_state_label (self->request->state)));
  return TRUE;
}

/* The sentence read aloud: it names the state and the dates, so it follows the request's update. */
static gboolean
sentence_from_update (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  RifqLookupRow *self = user_data;
  g_autofree char *sentence = rifq_request_describe (self->request, self->today);

  g_value_take_string (to, rifq_ui_display_digits (sentence));
  return TRUE;
}

static void
sentence_changed_cb (RifqLookupRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->sentence_label), -1);
}

static void
rifq_lookup_row_constructed (GObject *object)
{
  RifqLookupRow *self = (RifqLookupRow *) object;

  G_OBJECT_CLASS (rifq_lookup_row_parent_class)->constructed (object);

  g_signal_connect_object (self->sentence_label, "notify::label", G_CALLBACK (sentence_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property_full (self->request, "number", self->caption_label, "label", G_BINDING_SYNC_CREATE,
                               caption_from_number, NULL, self, NULL);
  g_object_bind_property_full (self->request, "updated-at", self->sentence_label, "label", G_BINDING_SYNC_CREATE,
                               sentence_from_update, NULL, self, NULL);
}

static void
rifq_lookup_row_dispose (GObject *object)
{
  RifqLookupRow *self = (RifqLookupRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_LOOKUP_ROW);
  g_clear_object (&self->request);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rifq_lookup_row_parent_class)->dispose (object);
}

static void
rifq_lookup_row_class_init (RifqLookupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqLookupRow, request, "request", RIFQ_TYPE_REQUEST),
    RIFQ_RECORD_FIELD (RifqLookupRow, today, "today", G_TYPE_STRING),
  };

  object_class->constructed = rifq_lookup_row_constructed;
  object_class->dispose = rifq_lookup_row_dispose;

  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-lookup-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqLookupRow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, RifqLookupRow, sentence_label);
}

static void
rifq_lookup_row_init (RifqLookupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rifq_lookup_row_new (RifqRequest *request,
                     const char  *today)
{
  g_return_val_if_fail (RIFQ_IS_REQUEST (request), NULL);

  return g_object_new (RIFQ_TYPE_LOOKUP_ROW, "request", request, "today", today, NULL);
}
