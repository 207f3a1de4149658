/* rifq-locale.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-locale"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "rifq-locale.h"

static gboolean
names_language (const char *value)
{
  /* "C", "POSIX" and "C.UTF-8" say nothing about the language a person reads. */
  return value != NULL && *value != '\0' &&
         !g_str_equal (value, "C") && !g_str_equal (value, "POSIX") &&
         !g_str_has_prefix (value, "C.");
}

void
rifq_locale_init (void)
{
  const char *current;
  const char *localedir;

  current = setlocale (LC_ALL, "");
  if (current == NULL || g_str_equal (current, "C") || g_str_equal (current, "POSIX"))
    {
      /* gettext ignores LANGUAGE under the plain C locale; C.UTF-8 is always present. */
      if (setlocale (LC_ALL, "C.UTF-8") == NULL)
        setlocale (LC_ALL, "C.utf8");
    }

  if (!names_language (g_getenv ("LANGUAGE")) &&
      !names_language (g_getenv ("LC_ALL")) &&
      !names_language (g_getenv ("LC_MESSAGES")))
    g_setenv ("LANGUAGE", "ar", TRUE);

  localedir = g_getenv ("RIFQ_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    {
      g_autofree char *installed = g_build_filename (LOCALEDIR, "ar", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      /* A program run from its build tree, before installation, finds its own catalog. */
      localedir = g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

gboolean
rifq_locale_is_arabic (void)
{
  /* Translators: write "ar" here when translating into Arabic; any other
   * language keeps its own code. Used to pick digits and calendars. */
  return g_str_equal (C_("interface language code", "en"), "ar");
}

gboolean
rifq_locale_is_rtl (void)
{
  /* Translators: "rtl" for languages written right to left, otherwise "ltr". */
  return g_str_equal (C_("text direction", "ltr"), "rtl");
}
