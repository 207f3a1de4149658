/* rifq-record.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-record"

#include "config.h"

#include "rifq-record.h"

/* Each property's entry of the table is kept with its GParamSpec. */
static GQuark
record_property_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("rifq-record-property");
  return quark;
}

static void
record_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  const RifqRecordProperty *property = g_param_spec_get_qdata (pspec, record_property_quark ());
  gpointer field;

  if (property == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (property->get != NULL)
    {
      property->get (object, pspec, value);
      return;
    }

  field = G_STRUCT_MEMBER_P (object, property->offset);
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char **) field);
      break;
    case G_TYPE_INT:
      g_value_set_int (value, *(int *) field);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *(guint *) field);
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *(gint64 *) field);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) field);
      break;
    case G_TYPE_ENUM:
      g_value_set_enum (value, *(int *) field);
      break;
    case G_TYPE_OBJECT:
      g_value_set_object (value, *(GObject **) field);
      break;
    case G_TYPE_BOXED:
      g_value_set_boxed (value, *(gpointer *) field);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A value given when the object is made: a string is copied, an object or a boxed value kept
 * with a reference, for the class to free with its fields. */
static void
record_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  const RifqRecordProperty *property = g_param_spec_get_qdata (pspec, record_property_quark ());
  gpointer field;

  if (property == NULL || property->get != NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = G_STRUCT_MEMBER_P (object, property->offset);
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      g_free (*(char **) field);
      *(char **) field = g_value_dup_string (value);
      break;
    case G_TYPE_INT:
      *(int *) field = g_value_get_int (value);
      break;
    case G_TYPE_UINT:
      *(guint *) field = g_value_get_uint (value);
      break;
    case G_TYPE_INT64:
      *(gint64 *) field = g_value_get_int64 (value);
      break;
    case G_TYPE_BOOLEAN:
      *(gboolean *) field = g_value_get_boolean (value);
      break;
    case G_TYPE_ENUM:
      *(int *) field = g_value_get_enum (value);
      break;
    case G_TYPE_OBJECT:
      g_clear_object ((GObject **) field);
      *(GObject **) field = g_value_dup_object (value);
      break;
    case G_TYPE_BOXED:
      if (*(gpointer *) field != NULL)
        g_boxed_free (pspec->value_type, *(gpointer *) field);
      *(gpointer *) field = g_value_dup_boxed (value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
param_spec_new (const RifqRecordProperty *property,
                GParamFlags               flags)
{
  switch (G_TYPE_FUNDAMENTAL (property->type))
    {
    case G_TYPE_STRING:
      return g_param_spec_string (property->name, NULL, NULL, NULL, flags);
    case G_TYPE_INT:
      return g_param_spec_int (property->name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case G_TYPE_UINT:
      return g_param_spec_uint (property->name, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case G_TYPE_INT64:
      return g_param_spec_int64 (property->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case G_TYPE_BOOLEAN:
      return g_param_spec_boolean (property->name, NULL, NULL, FALSE, flags);
    case G_TYPE_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (property->type);

        return g_param_spec_enum (property->name, NULL, NULL, property->type, enum_class->values[0].value, flags);
      }
    case G_TYPE_OBJECT:
      return g_param_spec_object (property->name, NULL, NULL, property->type, flags);
    case G_TYPE_BOXED:
      return g_param_spec_boxed (property->name, NULL, NULL, property->type, flags);
    default:
      g_assert_not_reached ();
    }
}

static void
install (GObjectClass             *object_class,
         const RifqRecordProperty *properties,
         guint                     n_properties,
         GParamFlags               flags)
{
  object_class->get_property = record_get_property;
  for (guint i = 0; i < n_properties; i++)
    {
      GParamSpec *pspec = param_spec_new (&properties[i], flags | G_PARAM_STATIC_STRINGS);

      /* The table may be the class's local: each entry is kept for as long as the class. */
      g_param_spec_set_qdata_full (pspec, record_property_quark (),
                                   g_memdup2 (&properties[i], sizeof properties[i]), g_free);
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

void
rifq_record_class_install_properties (GObjectClass             *object_class,
                                      const RifqRecordProperty *properties,
                                      guint                     n_properties)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));
  g_return_if_fail (properties != NULL);

  install (object_class, properties, n_properties, G_PARAM_READABLE);
}

void
rifq_record_class_install_construct_properties (GObjectClass             *object_class,
                                                const RifqRecordProperty *properties,
                                                guint                     n_properties)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));
  g_return_if_fail (properties != NULL);

  object_class->set_property = record_set_property;
  install (object_class, properties, n_properties, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
}
