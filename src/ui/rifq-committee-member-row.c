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

enum {
  PROP_0,
  PROP_MEMBER,
  PROP_MAY_CHANGE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RifqCommitteeMemberRow, rifq_committee_member_row, ADW_TYPE_ACTION_ROW)

static GParamSpec *properties[N_PROPS];

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
rifq_committee_member_row_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RifqCommitteeMemberRow *self = RIFQ_COMMITTEE_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    case PROP_MAY_CHANGE:
      g_value_set_boolean (value, self->may_change);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_committee_member_row_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RifqCommitteeMemberRow *self = RIFQ_COMMITTEE_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      self->member = g_value_dup_object (value);
      break;
    case PROP_MAY_CHANGE:
      self->may_change = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_committee_member_row_class_init (RifqCommitteeMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = rifq_committee_member_row_constructed;
  object_class->dispose = rifq_committee_member_row_dispose;
  object_class->get_property = rifq_committee_member_row_get_property;
  object_class->set_property = rifq_committee_member_row_set_property;

  properties[PROP_MEMBER] = g_param_spec_object ("member", NULL, NULL, RIFQ_TYPE_COMMITTEE_MEMBER, flags);
  properties[PROP_MAY_CHANGE] = g_param_spec_boolean ("may-change", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
