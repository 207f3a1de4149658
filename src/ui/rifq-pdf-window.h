/* rifq-pdf-window.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-pdf-view.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_PDF_WINDOW (rifq_pdf_window_get_type ())
G_DECLARE_FINAL_TYPE (RifqPdfWindow, rifq_pdf_window, RIFQ, PDF_WINDOW, AdwWindow)

/* A window previewing a PDF Rifq wrote (request, receipt, packet, minutes, letter), to read,
 * zoom and print; "Save As…" keeps a copy. */
RifqPdfWindow *rifq_pdf_window_new      (GtkWindow  *parent,
                                         const char *title,
                                         const char *suggested_name,
                                         GBytes     *pdf);
RifqPdfView   *rifq_pdf_window_get_view (RifqPdfWindow *self);

G_END_DECLS
