/* rifq-committee-member.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-member"

#include "config.h"

#include "rifq-committee-member.h"
#include "rifq-record.h"

struct _RifqCommitteeMember
{
  GObject   parent_instance;

  char     *username;
  char     *name;
  gboolean  chair;
  gboolean  present;
};

G_DEFINE_FINAL_TYPE (RifqCommitteeMember, rifq_committee_member, G_TYPE_OBJECT)

static void
rifq_committee_member_finalize (GObject *object)
{
  RifqCommitteeMember *self = (RifqCommitteeMember *) object;

  g_free (self->username);
  g_free (self->name);

  G_OBJECT_CLASS (rifq_committee_member_parent_class)->finalize (object);
}

static void
rifq_committee_member_class_init (RifqCommitteeMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqCommitteeMember, username, "username", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqCommitteeMember, name, "name", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqCommitteeMember, chair, "chair", G_TYPE_BOOLEAN),
    RIFQ_RECORD_FIELD (RifqCommitteeMember, present, "present", G_TYPE_BOOLEAN),
  };

  object_class->finalize = rifq_committee_member_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
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
