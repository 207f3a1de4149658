/* main.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "rifq-application.h"
#include "rifq-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RifqApplication) app = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *screenshot = NULL;
  g_auto(GStrv) remaining = NULL;
  gboolean version = FALSE;
  int status;
  char *app_argv[] = { argv[0], NULL };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("Open the database at PATH instead of the default one"), N_("PATH") },
    { "screenshot", 0, 0, G_OPTION_ARG_STRING, &screenshot,
      N_("Draw PAGE into the PNG file FILE and quit"), N_("PAGE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, N_("[FILE.png]") },
    { NULL }
  };

  /* The locale is chosen here (C.UTF-8 on a machine with only C); gtk_init would reset it. */
  rifq_locale_init ();
  gtk_disable_setlocale ();

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Rifq: the beneficiary-relations desk of the association."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("rifq %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (screenshot != NULL && (remaining == NULL || g_strv_length (remaining) != 1))
    {
      g_printerr ("%s\n", _("Usage: rifq --screenshot PAGE FILE.png"));
      return 2;
    }
  if (screenshot == NULL && remaining != NULL)
    {
      g_printerr (_("Unexpected argument “%s”.\n"), remaining[0]);
      return 2;
    }

  app = rifq_application_new ();
  rifq_application_set_database_path (app, database);
  if (screenshot != NULL)
    rifq_application_set_screenshot (app, screenshot, remaining[0]);

  status = g_application_run (G_APPLICATION (app), 1, app_argv);
  return status != 0 ? status : rifq_application_get_exit_status (app);
}
