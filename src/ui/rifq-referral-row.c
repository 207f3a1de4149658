/* rifq-referral-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-referral-row"

#include "config.h"

#include "rifq-application.h"
#include "rifq-record.h"
#include "rifq-referral-row.h"

struct _RifqReferralRow
{
  GtkListBoxRow  parent_instance;

  /* template children */
  GtkLabel      *name_label;
  GtkLabel      *details_label;
  GtkLabel      *ago_label;

  RifqRequest   *request;
  char          *kind_label;
  char          *referred_ago;
};

G_DEFINE_FINAL_TYPE (RifqReferralRow, rifq_referral_row, GTK_TYPE_LIST_BOX_ROW)

/* "1448/000123 · Food basket", the digits as the window shows them. */
static gboolean
details_from_number (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  RifqReferralRow *self = user_data;
  const char *number = g_value_get_string (from);
  g_autofree char *shown = rifq_ui_display_digits (number != NULL ? number : "");

  g_value_take_string (to, g_strdup_printf ("%s · %s", shown,
                                            self->kind_label != NULL ? self->kind_label : self->request->kind));
  return TRUE;
}

static void
rifq_referral_row_constructed (GObject *object)
{
  RifqReferralRow *self = (RifqReferralRow *) object;

  G_OBJECT_CLASS (rifq_referral_row_parent_class)->constructed (object);

  g_object_bind_property (self->request, "beneficiary-name", self->name_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->request, "number", self->details_label, "label", G_BINDING_SYNC_CREATE,
                               details_from_number, NULL, self, NULL);
  gtk_label_set_label (self->ago_label, self->referred_ago);
  gtk_widget_set_visible (GTK_WIDGET (self->ago_label), self->referred_ago != NULL);
}

static void
rifq_referral_row_dispose (GObject *object)
{
  RifqReferralRow *self = (RifqReferralRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_REFERRAL_ROW);
  g_clear_object (&self->request);
  g_clear_pointer (&self->kind_label, g_free);
  g_clear_pointer (&self->referred_ago, g_free);

  G_OBJECT_CLASS (rifq_referral_row_parent_class)->dispose (object);
}

static void
rifq_referral_row_class_init (RifqReferralRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqReferralRow, request, "request", RIFQ_TYPE_REQUEST),
    RIFQ_RECORD_FIELD (RifqReferralRow, kind_label, "kind-label", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqReferralRow, referred_ago, "referred-ago", G_TYPE_STRING),
  };

  object_class->constructed = rifq_referral_row_constructed;
  object_class->dispose = rifq_referral_row_dispose;

  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-referral-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqReferralRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RifqReferralRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, RifqReferralRow, ago_label);
}

static void
rifq_referral_row_init (RifqReferralRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rifq_referral_row_new (RifqRequest *request,
                       const char  *kind_label,
                       const char  *referred_ago)
{
  g_return_val_if_fail (RIFQ_IS_REQUEST (request), NULL);

  return g_object_new (RIFQ_TYPE_REFERRAL_ROW, "request", request, "kind-label", kind_label,
                       "referred-ago", referred_ago, NULL);
}

RifqRequest *
rifq_referral_row_get_request (RifqReferralRow *self)
{
  g_return_val_if_fail (RIFQ_IS_REFERRAL_ROW (self), NULL);
  return self->request;
}
