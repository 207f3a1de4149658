/* rifq-committee-meeting-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-meeting-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-committee-meeting-row.h"
#include "rifq-record.h"
#include "rifq-validate.h"

struct _RifqCommitteeMeetingRow
{
  GtkListBoxRow  parent_instance;

  /* template children */
  GtkLabel      *day_label;
  GtkLabel      *gregorian_label;
  GtkLabel      *details_label;

  /* owned */
  RifqMeeting   *meeting;
};

G_DEFINE_FINAL_TYPE (RifqCommitteeMeetingRow, rifq_committee_meeting_row, GTK_TYPE_LIST_BOX_ROW)

/* The Hijri day; both calendars on one line when the day cannot be read as one. */
static gboolean
day_from_held_on (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *held_on = g_value_get_string (from);
  RifqHijriDate hijri;
  GDate day;

  g_date_clear (&day, 1);
  if (rifq_calendar_from_iso (held_on, &day) && rifq_calendar_to_hijri (&day, &hijri, NULL))
    g_value_take_string (to, rifq_calendar_format_hijri (&hijri, rifq_ui_get_digits ()));
  else
    g_value_take_string (to, rifq_calendar_format_iso_both (held_on, rifq_ui_get_digits ()));
  return TRUE;
}

/* The Gregorian day below the Hijri one; none when the heading has both. */
static gboolean
gregorian_from_held_on (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  RifqHijriDate hijri;
  GDate day;

  g_date_clear (&day, 1);
  if (rifq_calendar_from_iso (g_value_get_string (from), &day) && rifq_calendar_to_hijri (&day, &hijri, NULL))
    g_value_take_string (to, rifq_calendar_format_gregorian (&day, rifq_ui_get_digits ()));
  else
    g_value_set_string (to, NULL);
  return TRUE;
}

/* "The association's office · 3 on the agenda", or the count alone where no place is given. */
static gboolean
details_from_agenda_length (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  RifqCommitteeMeetingRow *self = user_data;
  guint length = g_value_get_uint (from);
  g_autofree char *count = rifq_ui_display_number (length);
  g_autofree char *on_agenda = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s on the agenda", "%s on the agenda",
                                                             length),
                                                count);

  if (rifq_text_is_blank (self->meeting->place))
    g_value_take_string (to, g_steal_pointer (&on_agenda));
  else
    g_value_take_string (to, g_strdup_printf ("%s · %s", self->meeting->place, on_agenda));
  return TRUE;
}

static void
rifq_committee_meeting_row_constructed (GObject *object)
{
  RifqCommitteeMeetingRow *self = (RifqCommitteeMeetingRow *) object;

  G_OBJECT_CLASS (rifq_committee_meeting_row_parent_class)->constructed (object);

  g_object_bind_property_full (self->meeting, "held-on", self->day_label, "label", G_BINDING_SYNC_CREATE,
                               day_from_held_on, NULL, NULL, NULL);
  g_object_bind_property_full (self->meeting, "held-on", self->gregorian_label, "label", G_BINDING_SYNC_CREATE,
                               gregorian_from_held_on, NULL, NULL, NULL);
  g_object_bind_property_full (self->meeting, "agenda-length", self->details_label, "label", G_BINDING_SYNC_CREATE,
                               details_from_agenda_length, NULL, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->gregorian_label), *gtk_label_get_label (self->gregorian_label) != '\0');
}

static void
rifq_committee_meeting_row_dispose (GObject *object)
{
  RifqCommitteeMeetingRow *self = (RifqCommitteeMeetingRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_COMMITTEE_MEETING_ROW);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (rifq_committee_meeting_row_parent_class)->dispose (object);
}

static void
rifq_committee_meeting_row_class_init (RifqCommitteeMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqCommitteeMeetingRow, meeting, "meeting", RIFQ_TYPE_MEETING),
  };

  object_class->constructed = rifq_committee_meeting_row_constructed;
  object_class->dispose = rifq_committee_meeting_row_dispose;

  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-committee-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeetingRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeetingRow, gregorian_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeetingRow, details_label);
}

static void
rifq_committee_meeting_row_init (RifqCommitteeMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rifq_committee_meeting_row_new (RifqMeeting *meeting)
{
  g_return_val_if_fail (RIFQ_IS_MEETING (meeting), NULL);

  return g_object_new (RIFQ_TYPE_COMMITTEE_MEETING_ROW, "meeting", meeting, NULL);
}
