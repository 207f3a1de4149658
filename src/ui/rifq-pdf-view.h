/* rifq-pdf-view.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RIFQ_TYPE_PDF_VIEW (rifq_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (RifqPdfView, rifq_pdf_view, RIFQ, PDF_VIEW, GtkWidget)

/* Previews a PDF that Rifq has written, page under page, and prints its own pages. */
RifqPdfView *rifq_pdf_view_new                  (void);

/* Loads the PDF; its bytes are kept, so the file may be deleted after. Pages are rendered in a
 * worker thread and appear as they are ready; the callback runs once the first page is shown. */
void         rifq_pdf_view_load_async           (RifqPdfView          *self,
                                                 GBytes               *pdf,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* TRUE once the first page is on screen; a damaged PDF gives a sentence for the user. */
gboolean     rifq_pdf_view_load_finish          (RifqPdfView          *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

int          rifq_pdf_view_get_n_pages          (RifqPdfView          *self);

void         rifq_pdf_view_set_page             (RifqPdfView          *self,
                                                 int                   page);

void         rifq_pdf_view_set_zoom             (RifqPdfView          *self,
                                                 double                zoom);
void         rifq_pdf_view_set_fit_width        (RifqPdfView          *self,
                                                 gboolean              fit_width);

/* Prints the PDF's own pages, never a second layout of them. */
void         rifq_pdf_view_print                (RifqPdfView          *self,
                                                 GtkWindow            *parent);

/* The print operation of the PDF's own pages, ready to run: with the print dialog, or to export
 * them to a PDF file. NULL with error when there is nothing to print. */
GtkPrintOperation *rifq_pdf_view_new_print_operation (RifqPdfView  *self,
                                                      GError      **error);

G_END_DECLS
