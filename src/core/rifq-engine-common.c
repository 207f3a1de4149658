/* rifq-engine-common.c: what every engine says the same way
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-engine.h"
#include "rifq-error.h"

/* Compiled into core and into the server's engine module alike. */

void
rifq_engine_refuse_foreign (const char  *location,
                            GError     **error)
{
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_FOREIGN_DATABASE,
               _("“%s” is not a Rifq database. It was left untouched."), location);
}

gboolean
rifq_engine_check_version (const char  *location,
                           int          schema_version,
                           GError     **error)
{
  if (schema_version <= RIFQ_SCHEMA_VERSION)
    return TRUE;
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NEWER_DATABASE,
               _("“%s” was written by a newer version of Rifq (schema %d; this program "
                 "knows up to %d). Update Rifq to open it; the file was not changed."),
               location, schema_version, RIFQ_SCHEMA_VERSION);
  return FALSE;
}
