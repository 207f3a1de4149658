/* rifq-context.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-context"

#include "config.h"

#include "rifq-context.h"
#include "rifq-db-private.h"

struct _RifqContext
{
  GObject    parent_instance;

  RifqDb    *db;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (RifqContext, rifq_context, G_TYPE_OBJECT)

static void
rifq_context_finalize (GObject *object)
{
  RifqContext *self = (RifqContext *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rifq_context_parent_class)->finalize (object);
}

static void
rifq_context_class_init (RifqContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rifq_context_finalize;
}

static void
rifq_context_init (RifqContext *self)
{
}

RifqContext *
rifq_context_new (RifqDb    *db,
                  GSettings *settings)
{
  RifqContext *self;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RIFQ_TYPE_CONTEXT, NULL);
  self->db = g_object_ref (db);
  g_set_object (&self->settings, settings);
  return self;
}

RifqDb *
rifq_context_get_db (RifqContext *self)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (self), NULL);
  return self->db;
}

GSettings *
rifq_context_get_settings (RifqContext *self)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (self), NULL);
  return self->settings;
}

const char *
rifq_context_get_actor (RifqContext *self)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (self), NULL);
  return rifq_db_get_actor (self->db);
}

char *
rifq_context_dup_today (RifqContext *self)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (self), NULL);
  return rifq_db_dup_today (self->db);
}

void
rifq_context_set_today (RifqContext *self,
                        const char  *day)
{
  g_return_if_fail (RIFQ_IS_CONTEXT (self));

  /* The store dates what it writes by the same clock. */
  _rifq_db_set_today (self->db, day);
}

static GQuark
offset_quark (void)
{
  return g_quark_from_static_string ("rifq-context-offset");
}

/* The class's "context" field, or NULL for any other property (which the class does not have). */
static RifqContext **
context_field (GObject    *object,
               guint       prop_id,
               GParamSpec *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_type_get_qdata (pspec->owner_type, offset_quark ()));

  if (prop_id != 1 || offset == 0)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return NULL;
    }
  return &G_STRUCT_MEMBER (RifqContext *, object, offset);
}

static void
holder_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  RifqContext **field = context_field (object, prop_id, pspec);

  if (field != NULL)
    g_value_set_object (value, *field);
}

static void
holder_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  RifqContext **field = context_field (object, prop_id, pspec);

  if (field != NULL)
    g_set_object (field, g_value_get_object (value));
}

void
rifq_context_install_property (GObjectClass *klass,
                               gsize         offset)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (klass));

  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), offset_quark (), GSIZE_TO_POINTER (offset));
  klass->get_property = holder_get_property;
  klass->set_property = holder_set_property;
  g_object_class_install_property (klass, 1,
                                   g_param_spec_object ("context", NULL, NULL, RIFQ_TYPE_CONTEXT,
                                                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                        G_PARAM_STATIC_STRINGS));
}
