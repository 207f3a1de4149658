/* rifq-committee-queue-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-queue-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-committee-queue-row.h"
#include "rifq-record.h"

struct _RifqCommitteeQueueRow
{
  AdwActionRow   parent_instance;

  /* template children */
  GtkWidget     *seal_label;
  GtkLabel      *clock_label;
  GtkButton     *add_button;

  /* owned */
  RifqQueueItem *item;
  char          *kind_label;
  char          *altered;
  RifqMeeting   *meeting;

  /* state */
  gboolean       may_add;
};

G_DEFINE_FINAL_TYPE (RifqCommitteeQueueRow, rifq_committee_queue_row, ADW_TYPE_ACTION_ROW)

/* "1448/000123 · Food basket · submitted 1448/06/20 — 2026-11-30", the digits as the window shows them. */
static gboolean
subtitle_from_number (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  RifqCommitteeQueueRow *self = user_data;
  const RifqRequest *request = self->item->request;
  g_autofree char *number = rifq_ui_display_digits (g_value_get_string (from));
  g_autofree char *day = rifq_calendar_format_iso_both (request->submitted_on, rifq_ui_get_digits ());

  g_value_take_string (to, g_strdup_printf (_("%s · %s · submitted %s"), number,
                                            self->kind_label != NULL ? self->kind_label : request->kind, day));
  return TRUE;
}

/* The days left in the decision period, or how long it is overdue. */
static gboolean
clock_from_days_left (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  RifqCommitteeQueueRow *self = user_data;
  int days_left = g_value_get_int (from);
  g_autofree char *days = NULL;

  if (self->item->overdue)
    {
      days = rifq_ui_display_number (-days_left);
      g_value_take_string (to, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %s day", "Overdue by %s days",
                                                             (gulong) -days_left),
                                                days));
      return TRUE;
    }
  if (days_left == 0)
    {
      g_value_set_string (to, _("Due today"));
      return TRUE;
    }
  days = rifq_ui_display_number (days_left);
  g_value_take_string (to, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day left", "%s days left",
                                                         (gulong) days_left),
                                            days));
  return TRUE;
}

static gboolean
on_agenda (RifqCommitteeQueueRow *self)
{
  if (self->meeting == NULL)
    return FALSE;
  for (guint i = 0; i < self->meeting->agenda->len; i++)
    if (g_array_index (self->meeting->agenda, gint64, i) == self->item->request->id)
      return TRUE;
  return FALSE;
}

static void
add_clicked_cb (RifqCommitteeQueueRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "committee.add-to-agenda", "x", self->item->request->id);
}

static void
rifq_committee_queue_row_constructed (GObject *object)
{
  RifqCommitteeQueueRow *self = (RifqCommitteeQueueRow *) object;
  gboolean listed = on_agenda (self);

  G_OBJECT_CLASS (rifq_committee_queue_row_parent_class)->constructed (object);

  g_object_bind_property (self->item, "beneficiary-name", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->item, "number", self, "subtitle", G_BINDING_SYNC_CREATE,
                               subtitle_from_number, NULL, self, NULL);
  g_object_bind_property_full (self->item, "days-left", self->clock_label, "label", G_BINDING_SYNC_CREATE,
                               clock_from_days_left, NULL, self, NULL);

  /* A record changed behind Rifq's back since it was sealed is named before anything else. */
  gtk_widget_set_visible (self->seal_label, self->altered != NULL);
  gtk_widget_set_tooltip_text (self->seal_label, self->altered);

  if (self->item->overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "error");
  else if (self->item->days_left <= 3)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "dim-label");

  gtk_button_set_label (self->add_button, listed ? _("On the Agenda") : _("Add to Meeting"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->meeting != NULL && self->may_add && !listed);
  if (self->meeting != NULL && !listed)
    {
      g_autofree char *held = rifq_calendar_format_iso_both (self->meeting->held_on, rifq_ui_get_digits ());
      g_autofree char *tooltip = g_strdup_printf (_("Add to the agenda of the meeting of %s"), held);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), tooltip);
    }
  else if (self->meeting == NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                                 _("Open a meeting first: choose one under Meetings, or call a new one."));
}

static void
rifq_committee_queue_row_dispose (GObject *object)
{
  RifqCommitteeQueueRow *self = (RifqCommitteeQueueRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_COMMITTEE_QUEUE_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->kind_label, g_free);
  g_clear_pointer (&self->altered, g_free);

  G_OBJECT_CLASS (rifq_committee_queue_row_parent_class)->dispose (object);
}

static void
rifq_committee_queue_row_class_init (RifqCommitteeQueueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqCommitteeQueueRow, item, "item", RIFQ_TYPE_QUEUE_ITEM),
    RIFQ_RECORD_FIELD (RifqCommitteeQueueRow, kind_label, "kind-label", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqCommitteeQueueRow, altered, "altered", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqCommitteeQueueRow, meeting, "meeting", RIFQ_TYPE_MEETING),
    RIFQ_RECORD_FIELD (RifqCommitteeQueueRow, may_add, "may-add", G_TYPE_BOOLEAN),
  };

  object_class->constructed = rifq_committee_queue_row_constructed;
  object_class->dispose = rifq_committee_queue_row_dispose;

  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-committee-queue-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueueRow, seal_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueueRow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueueRow, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
rifq_committee_queue_row_init (RifqCommitteeQueueRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rifq_committee_queue_row_new (RifqQueueItem *item,
                              const char    *kind_label,
                              const char    *altered,
                              RifqMeeting   *meeting,
                              gboolean       may_add)
{
  g_return_val_if_fail (RIFQ_IS_QUEUE_ITEM (item), NULL);
  g_return_val_if_fail (meeting == NULL || RIFQ_IS_MEETING (meeting), NULL);

  return g_object_new (RIFQ_TYPE_COMMITTEE_QUEUE_ROW,
                       "item", item,
                       "kind-label", kind_label,
                       "altered", altered,
                       "meeting", meeting,
                       "may-add", may_add,
                       NULL);
}
