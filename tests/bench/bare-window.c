/* bare-window.c: the floor for start-up and memory — a libadwaita window with one label
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bench-first-frame.h"

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("رِفق"));
  gtk_window_present (GTK_WINDOW (window));
  bench_quit_after_first_frame (window, G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.ruhamaa.Rifq.BareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}
