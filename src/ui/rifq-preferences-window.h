/* rifq-preferences-window.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-association-page.h"
#include "rifq-context.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_PREFERENCES_WINDOW (rifq_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RifqPreferencesWindow, rifq_preferences_window, RIFQ, PREFERENCES_WINDOW, AdwPreferencesWindow)

RifqPreferencesWindow *rifq_preferences_window_new                  (GtkWindow             *parent,
                                                                     RifqContext           *context);

G_END_DECLS
