/* rifq-committee-member.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-member"

#include "config.h"

#include "rifq-committee-member.h"

struct _RifqCommitteeMember
{
  GObject   parent_instance;

  char     *username;
  char     *name;
  gboolean  chair;
  gboolean  present;
};

enum {
  PROP_0,
  PROP_USERNAME,
  PROP_NAME,
  PROP_CHAIR,
  PROP_PRESENT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RifqCommitteeMember, rifq_committee_member, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
rifq_committee_member_finalize (GObject *object)
{
  RifqCommitteeMember *self = (RifqCommitteeMember *) object;

  g_free (self->username);
  g_free (self->name);

  G_OBJECT_CLASS (rifq_committee_member_parent_class)->finalize (object);
}

static void
rifq_committee_member_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RifqCommitteeMember *self = RIFQ_COMMITTEE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CHAIR:
      g_value_set_boolean (value, self->chair);
      break;
    case PROP_PRESENT:
      g_value_set_boolean (value, self->present);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_committee_member_class_init (RifqCommitteeMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rifq_committee_member_finalize;
  object_class->get_property = rifq_committee_member_get_property;

  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CHAIR] = g_param_spec_boolean ("chair", NULL, NULL, FALSE, flags);
  properties[PROP_PRESENT] = g_param_spec_boolean ("present", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rifq_committee_member_init (RifqCommitteeMember *self)
{
}

RifqCommitteeMember *
rifq_committee_member_new (const RifqMember *member)
{
  RifqCommitteeMember *self;

  g_return_val_if_fail (member != NULL, NULL);

  self = g_object_new (RIFQ_TYPE_COMMITTEE_MEMBER, NULL);
  self->username = g_strdup (member->username);
  self->name = g_strdup (member->full_name != NULL ? member->full_name : member->username);
  self->chair = member->chair;
  self->present = member->present;
  return self;
}

const char *
rifq_committee_member_get_username (RifqCommitteeMember *self)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_MEMBER (self), NULL);
  return self->username;
}

gboolean
rifq_committee_member_equal (RifqCommitteeMember *self,
                             RifqCommitteeMember *other)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_MEMBER (self) && RIFQ_IS_COMMITTEE_MEMBER (other), FALSE);

  return g_str_equal (self->username, other->username) && g_str_equal (self->name, other->name)
         && self->chair == other->chair && self->present == other->present;
}
