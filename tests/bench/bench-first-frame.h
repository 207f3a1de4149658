/* bench-first-frame.h: quits an application once its window has drawn its first frame
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

static void
bench_after_first_paint_cb (GdkFrameClock *clock,
                            gpointer       app)
{
  g_signal_handlers_disconnect_by_func (clock, bench_after_first_paint_cb, app);
  g_application_quit (G_APPLICATION (app));
}

static void
bench_first_map_cb (GtkWidget *window,
                    gpointer   app)
{
  g_signal_handlers_disconnect_by_func (window, bench_first_map_cb, app);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (bench_after_first_paint_cb), app);
}

/* Start-up ends when the first frame is on the screen: the same moment for Rifq and the floor. */
static inline void
bench_quit_after_first_frame (GtkWidget    *window,
                              GApplication *app)
{
  if (gtk_widget_get_mapped (window))
    bench_first_map_cb (window, app);
  else
    g_signal_connect (window, "map", G_CALLBACK (bench_first_map_cb), app);
}
