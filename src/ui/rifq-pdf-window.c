/* rifq-pdf-window.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-pdf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-file.h"
#include "rifq-pdf-window.h"

struct _RifqPdfWindow
{
  AdwWindow     parent_instance;

  RifqPdfView  *view;
  AdwToastOverlay *toasts;
  GBytes       *pdf;
  char         *suggested_name;
};

G_DEFINE_FINAL_TYPE (RifqPdfWindow, rifq_pdf_window, ADW_TYPE_WINDOW)

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A damaged document is shown on the view's own page; nothing more to say here. */
  rifq_pdf_view_load_finish (RIFQ_PDF_VIEW (source), result, &error);
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  RifqPdfWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_file_get_path (file);
      gsize size;
      const char *data = g_bytes_get_data (self->pdf, &size);

      /* The dialog asked before replacing a file; the database is refused all the same. */
      if (path == NULL)
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Choose a folder on this computer.")));
      else if (!rifq_file_save_private (path, data, size, &error))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved.")));
    }
  g_object_unref (native);
}

static void
save_clicked_cb (RifqPdfWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), self->suggested_name);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
rifq_pdf_window_dispose (GObject *object)
{
  RifqPdfWindow *self = RIFQ_PDF_WINDOW (object);

  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->suggested_name, g_free);
  G_OBJECT_CLASS (rifq_pdf_window_parent_class)->dispose (object);
}

static void
rifq_pdf_window_class_init (RifqPdfWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rifq_pdf_window_dispose;
}

static void
rifq_pdf_window_init (RifqPdfWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_from_icon_name ("document-save-as-symbolic");

  gtk_widget_set_tooltip_text (save, _("Save a Copy…"));
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->view = rifq_pdf_view_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 1000);
}

RifqPdfWindow *
rifq_pdf_window_new (GtkWindow  *parent,
                     const char *title,
                     const char *suggested_name,
                     GBytes     *pdf)
{
  RifqPdfWindow *self;

  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_object_new (RIFQ_TYPE_PDF_WINDOW, "title", title, "transient-for", parent, NULL);
  self->pdf = g_bytes_ref (pdf);
  self->suggested_name = g_strdup (suggested_name ? suggested_name : "rifq.pdf");
  rifq_pdf_view_load_async (self->view, pdf, NULL, loaded_cb, NULL);
  return self;
}

RifqPdfView *
rifq_pdf_window_get_view (RifqPdfWindow *self)
{
  g_return_val_if_fail (RIFQ_IS_PDF_WINDOW (self), NULL);
  return self->view;
}
