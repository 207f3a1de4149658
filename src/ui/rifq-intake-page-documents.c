/* rifq-intake-page-documents.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intake page's documents: saving what was typed in the documents step, and attaching
 * their scans. */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-error.h"
#include "rifq-intake-page-private.h"
#include "rifq-request-store.h"

/* Documents */

/* Saves every document with something typed that differs from what is saved, stopping at the
 * first refusal; what was saved before it stays saved and is shown. */
static gboolean
save_documents (RifqIntakePage  *self,
                gboolean        *out_saved,
                GError         **error)
{
  g_autoptr(GError) refusal = NULL;
  gboolean saved = FALSE;

  if (!rifq_intake_require_request (self, error))
    return FALSE;
  rifq_intake_documents_save (self->documents, &saved, &refusal);
  if (saved && !rifq_intake_reload_request (self, refusal ? NULL : error))
    return FALSE;
  if (out_saved != NULL)
    *out_saved = saved;
  if (refusal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
  return TRUE;
}

gboolean
rifq_intake_save_documents_step (RifqIntakePage  *self,
                                 GVariant        *parameter,
                                 GError         **error)
{
  gboolean saved = FALSE;

  if (!save_documents (self, &saved, error))
    return FALSE;
  if (saved)
    rifq_intake_show_info (self, _("The documents are saved."));
  return TRUE;
}

gboolean
rifq_intake_confirm_documents_step (RifqIntakePage  *self,
                                    GVariant        *parameter,
                                    GError         **error)
{
  if (!save_documents (self, NULL, error) || !rifq_intake_page_advance (self, RIFQ_ACTION_VERIFY, NULL, error))
    return FALSE;
  return rifq_intake_moved (self, error);
}

gboolean
rifq_intake_attach_file (RifqIntakePage  *self,
                         const char      *type,
                         GFile           *file,
                         GError         **error)
{
  if (!rifq_request_store_attach_file (self->db, self->request->id, type, file, error))
    return FALSE;
  if (!rifq_intake_reload_request (self, error))
    return FALSE;
  rifq_intake_show_info (self, _("The scan is attached."));
  return TRUE;
}

/* The document's typed fields go first: a scan is attached to a saved document. */
gboolean
rifq_intake_save_before_attaching (RifqIntakePage  *self,
                                   const char      *type,
                                   GError         **error)
{
  gboolean saved = FALSE;

  if (!rifq_intake_require_request (self, error)
      || !rifq_intake_documents_save_typed (self->documents, type, &saved, error))
    return FALSE;
  if (saved && !rifq_intake_reload_request (self, error))
    return FALSE;
  return TRUE;
}

static void
attach_response_cb (GtkNativeDialog *native,
                    int              response,
                    RifqIntakePage  *self)
{
  const char *type = g_object_get_data (G_OBJECT (native), "rifq-document-type");
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && !rifq_intake_page_attach_file (self, type, file, &error))
        rifq_intake_show_error (self, error->message);
    }
  g_object_unref (native);
}

gboolean
rifq_intake_attach_step (RifqIntakePage  *self,
                         GVariant        *parameter,
                         GError         **error)
{
  static const char * const mime_types[] = {
    "image/png", "image/jpeg", "image/tiff", "image/webp", "application/pdf",
  };
  const char *type = parameter ? g_variant_get_string (parameter, NULL) : NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *native;

  if (!rifq_intake_save_before_attaching (self, type, error))
    return FALSE;

  native = gtk_file_chooser_native_new (_("Attach a Scan"), rifq_intake_parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Images and PDF"));
  for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data_full (G_OBJECT (native), "rifq-document-type", g_strdup (type), g_free);
  /* The dialog keeps itself until it answers; the answer is dropped if the page is gone. */
  g_signal_connect_object (native, "response", G_CALLBACK (attach_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  return TRUE;
}
