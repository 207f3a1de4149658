/* rifq-screenshot.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Waits until widget has been drawn, then renders it with its window's own renderer and saves
 * it as a PNG file. */
void     rifq_screenshot_save_async        (GtkWidget           *widget,
                                            const char          *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean rifq_screenshot_save_finish       (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
