/* rifq-committee-member-row.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-member-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-committee-member-row.h"
#include "rifq-record.h"

struct _RifqCommitteeMemberRow
{
  AdwActionRow         parent_instance;

  /* template children */
  GtkSwitch           *present_switch;

  /* owned */
  RifqCommitteeMember *member;

  /* state */
  gboolean             may_change;
};

G_DEFINE_FINAL_TYPE (RifqCommitteeMemberRow, rifq_committee_member_row, ADW_TYPE_ACTION_ROW)

static gboolean
subtitle_from_chair (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_string (to, g_value_get_boolean (from) ? _("Chair") : NULL);
  return TRUE;
}

static void
present_switched_cb (RifqCommitteeMemberRow *self)
{
  gboolean present = gtk_switch_get_active (self->present_switch);
  gboolean recorded = FALSE;

  g_object_get (self->member, "present", &recorded, NULL);
  if (present != recorded)
    gtk_widget_activate_action (GTK_WIDGET (self), "committee.set-present", "(sb)",
                                rifq_committee_member_get_username (self->member), present);
}

static void
rifq_committee_member_row_constructed (GObject *object)
{
  RifqCommitteeMemberRow *self = (RifqCommitteeMemberRow *) object;

  G_OBJECT_CLASS (rifq_committee_member_row_parent_class)->constructed (object);

  g_object_bind_property (self->member, "name", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->member, "chair", self, "subtitle", G_BINDING_SYNC_CREATE,
                               subtitle_from_chair, NULL, NULL, NULL);
  g_object_bind_property (self->member, "present", self->present_switch, "active", G_BINDING_SYNC_CREATE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->present_switch), self->may_change);
  if (self->may_change)
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->present_switch));
  g_signal_connect_object (self->present_switch, "notify::active", G_CALLBACK (present_switched_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
rifq_committee_member_row_dispose (GObject *object)
{
  RifqCommitteeMemberRow *self = (RifqCommitteeMemberRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_COMMITTEE_MEMBER_ROW);
  g_clear_object (&self->member);

  G_OBJECT_CLASS (rifq_committee_member_row_parent_class)->dispose (object);
}

static void
rifq_committee_member_row_class_init (RifqCommitteeMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqCommitteeMemberRow, member, "member", RIFQ_TYPE_COMMITTEE_MEMBER),
    RIFQ_RECORD_FIELD (RifqCommitteeMemberRow, may_change, "may-change", G_TYPE_BOOLEAN),
  };

  object_class->constructed = rifq_committee_member_row_constructed;
  object_class->dispose = rifq_committee_member_row_dispose;

  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-committee-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMemberRow, present_switch);
}

static void
rifq_committee_member_row_init (RifqCommitteeMemberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rifq_committee_member_row_new (RifqCommitteeMember *member,
                               gboolean             may_change)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_MEMBER (member), NULL);

  return g_object_new (RIFQ_TYPE_COMMITTEE_MEMBER_ROW, "member", member, "may-change", may_change, NULL);
}
