/* bench-window-app.c: Rifq's own application, started as main.c starts it and then timed
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-window-app --database PATH --first-frame | --scroll
 *   --first-frame  quits once the first window, the login, has drawn its first frame (start-up
 *                  time, measured by bench-window.py from outside);
 *   --scroll       logs in as RIFQ_USER with RIFQ_PASSWORD through the login window, scrolls the
 *                  whole registry, a few pages a frame, then prints the peak resident memory and
 *                  quits.
 */

#define G_LOG_DOMAIN "rifq-bench"

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-first-frame.h"
#include "rifq-application.h"
#include "rifq-locale.h"
#include "rifq-login-window.h"
#include "rifq-window.h"

typedef struct
{
  GApplication  *app;
  GtkAdjustment *adjustment;
  guint          rows;
  gint64         started;
} Scroll;

/* The peak resident memory since the login: its third of a second of argon2id held 96 MiB, freed
 * as it ended, which the process's lifetime peak (getrusage) would count. Linux's VmHWM, set back
 * to the resident size when the registry opens (/proc/self/clear_refs, "5"). */
static void
forget_peak (void)
{
  FILE *clear = fopen ("/proc/self/clear_refs", "w");

  if (clear != NULL)
    {
      fputs ("5", clear);
      fclose (clear);
    }
}

static long
peak_since_login (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double page = gtk_adjustment_get_page_size (scroll->adjustment);
  double upper = gtk_adjustment_get_upper (scroll->adjustment);

  /* Until the list has been laid out it has no length to scroll through. */
  if (upper <= page || page <= 0)
    return G_SOURCE_CONTINUE;

  if (value + page < upper - 1)
    {
      gtk_adjustment_set_value (scroll->adjustment, value + 3 * page);
      return G_SOURCE_CONTINUE;
    }

  g_print ("scrolled %.0f px, %u rows, in %.2f s; peak resident memory %ld KiB since the registry opened\n",
           upper, scroll->rows, (g_get_monotonic_time () - scroll->started) / 1e6, peak_since_login ());
  g_application_quit (scroll->app);
  return G_SOURCE_REMOVE;
}

static gboolean
log_in_cb (gpointer user_data)
{
  GtkWidget *login = user_data;

  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (login, RIFQ_TYPE_LOGIN_WINDOW, "username_row")),
                         g_getenv ("RIFQ_USER"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (login, RIFQ_TYPE_LOGIN_WINDOW, "password_row")),
                         g_getenv ("RIFQ_PASSWORD"));
  if (!rifq_login_window_submit (RIFQ_LOGIN_WINDOW (login)))
    g_error ("The benchmark's login was refused");
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  gboolean scrolling = GPOINTER_TO_INT (user_data);
  RifqRegistryPage *registry;
  Scroll *scroll;

  if (RIFQ_IS_LOGIN_WINDOW (window))
    {
      if (!scrolling)
        {
          bench_quit_after_first_frame (GTK_WIDGET (window), G_APPLICATION (app));
          return;
        }
      /* Typed as a person would, once it shows. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, log_in_cb, g_object_ref (window), g_object_unref);
      return;
    }
  if (!RIFQ_IS_WINDOW (window) || !scrolling)
    return;

  rifq_window_show_page (RIFQ_WINDOW (window), "registry", NULL);
  registry = rifq_window_get_registry_page (RIFQ_WINDOW (window));
  scroll = g_new0 (Scroll, 1);
  scroll->app = G_APPLICATION (app);
  scroll->adjustment = gtk_scrolled_window_get_vadjustment (rifq_registry_page_get_scroller (registry));
  scroll->rows = g_list_model_get_n_items (G_LIST_MODEL (rifq_registry_page_get_model (registry)));
  scroll->started = g_get_monotonic_time ();
  forget_peak ();
  gtk_widget_add_tick_callback (GTK_WIDGET (window), scroll_tick_cb, scroll, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RifqApplication) app = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  gboolean first_frame = FALSE;
  gboolean scroll = FALSE;
  char *app_argv[] = { argv[0], NULL };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, NULL, NULL },
    { "first-frame", 0, 0, G_OPTION_ARG_NONE, &first_frame, NULL, NULL },
    { "scroll", 0, 0, G_OPTION_ARG_NONE, &scroll, NULL, NULL },
    { NULL }
  };

  /* As main.c does: the locale first, then GTK, which must not reset it. */
  rifq_locale_init ();
  gtk_disable_setlocale ();

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || first_frame == scroll)
    {
      g_printerr ("usage: bench-window-app --database PATH --first-frame | --scroll\n");
      return 2;
    }

  app = rifq_application_new ();
  rifq_application_set_database_path (app, database);
  /* The administrator's session would back the registry up a few seconds in: not what is
   * measured (GSETTINGS_BACKEND=memory: this process's settings alone). */
  {
    g_autoptr(GSettings) settings = rifq_ui_settings_new ();

    if (settings != NULL)
      g_settings_set_uint (settings, "backup-every-hours", 0);
  }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), GINT_TO_POINTER (scroll));
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
