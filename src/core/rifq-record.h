/* rifq-record.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A record handed to the window is a snapshot: a GObject whose read-only properties show the
 * fields of its struct. A class lists its properties in a table, each reading a field at its
 * offset or worked out by a function, and installs them in one call. */

typedef void (*RifqRecordGetFunc) (GObject    *record,
                                   GParamSpec *pspec,
                                   GValue     *value);

typedef struct
{
  const char        *name;
  GType              type;    /* string, int, uint, int64, boolean, an enum, an object or a boxed type */
  gsize              offset;  /* of the field the property shows, */
  RifqRecordGetFunc  get;     /* or, when it is worked out from several, the function */
} RifqRecordProperty;

#define RIFQ_RECORD_FIELD(Struct, field, name, type) { (name), (type), G_STRUCT_OFFSET (Struct, field), NULL }
#define RIFQ_RECORD_WORKED_OUT(name, type, get)     { (name), (type), 0, (get) }

/* Installs the properties, read-only, and the get_property that reads them. */
void  rifq_record_class_install_properties (GObjectClass             *object_class,
                                            const RifqRecordProperty *properties,
                                            guint                     n_properties);

/* The same for an object given its values when it is made, as a row is given its record: the
 * properties are construct-only, each kept in its field (a string copied, an object or a boxed
 * value referenced, for the class to free) and read back from it. */
void  rifq_record_class_install_construct_properties (GObjectClass             *object_class,
                                                      const RifqRecordProperty *properties,
                                                      guint                     n_properties);

G_END_DECLS
