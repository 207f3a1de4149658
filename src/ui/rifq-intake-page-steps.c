/* rifq-intake-page-steps.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intake page's actions: receiving, referral, withdrawal and reopening, signing, submission
 * and receipt, registration, service and closing, each asking the step shown for what was
 * typed, then moving the request on. */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rifq-application.h"
#include "rifq-error.h"
#include "rifq-intake-page-private.h"
#include "rifq-pdf-window.h"
#include "rifq-request-receipt.h"
#include "rifq-request-store.h"
#include "rifq-validate.h"

/* Reception */

static gboolean
collect (RifqIntakePage  *self,
         GError         **error)
{
  if (!rifq_intake_page_advance (self, RIFQ_ACTION_COLLECT, NULL, error))
    {
      /* The request exists: show it as received, so the officer can try again. */
      rifq_intake_reload_request (self, NULL);
      return FALSE;
    }
  return rifq_intake_moved (self, error);
}

gboolean
rifq_intake_receive_step (RifqIntakePage  *self,
                          GVariant        *parameter,
                          GError         **error)
{
  g_autoptr(RifqRequest) r = NULL;

  if (self->request != NULL)
    {
      if (self->request->state == RIFQ_REQUEST_DRAFT)
        return collect (self, error);
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED, _("This request has already been received."));
      return FALSE;
    }
  r = rifq_intake_reception_receive (self->reception, error);
  if (r == NULL)
    return FALSE;
  rifq_intake_set_request (self, r);
  return collect (self, error);
}

gboolean
rifq_intake_change_applicant_step (RifqIntakePage  *self,
                                   GVariant        *parameter,
                                   GError         **error)
{
  rifq_intake_reception_change_applicant (self->reception);
  return TRUE;
}

/* Documents */

static gboolean
refer_with_question (RifqIntakePage  *self,
                     const char      *question,
                     GError         **error)
{
  RifqStepDetails details = { .text = question };

  if (!rifq_intake_page_advance (self, RIFQ_ACTION_REFER, &details, error))
    return FALSE;
  return rifq_intake_moved (self, error);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_changed_cb (GtkTextBuffer    *buffer,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = buffer_text (buffer);

  adw_message_dialog_set_response_enabled (dialog, g_object_get_data (G_OBJECT (dialog), "rifq-response"),
                                           !rifq_text_is_blank (text));
}

/* Asks for a text (the applicant's question, the reason for withdrawing); the response is
 * enabled once something is written, and callback receives it. */
static void
ask_for_text (RifqIntakePage        *self,
              const char            *heading,
              const char            *body,
              const char            *accessible_label,
              const char            *response,
              const char            *response_label,
              AdwResponseAppearance  appearance,
              GCallback              callback)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkTextView *view;
  GtkTextBuffer *buffer;

  dialog = adw_message_dialog_new (rifq_intake_parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response, FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  scroller = rifq_ui_text_area_new (accessible_label, NULL, &view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  buffer = gtk_text_view_get_buffer (view);
  g_object_set_data_full (G_OBJECT (dialog), "rifq-text", g_object_ref (buffer), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "rifq-response", g_strdup (response), g_free);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
refer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RifqIntakePage   *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "rifq-text");
  g_autofree char *question = buffer_text (buffer);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "refer") && !refer_with_question (self, question, &error))
    rifq_intake_show_error (self, error->message);
}

gboolean
rifq_intake_refer_step (RifqIntakePage  *self,
                        GVariant        *parameter,
                        GError         **error)
{
  if (!rifq_intake_require_request (self, error))
    return FALSE;

  ask_for_text (self, _("Refer to Social Research"),
                _("Write the applicant’s question for the social-research officer, "
                  "who will answer it and explain the procedure."),
                _("The applicant’s question"), "refer", _("_Refer"), ADW_RESPONSE_SUGGESTED,
                G_CALLBACK (refer_response_cb));
  return TRUE;
}

static gboolean
withdraw_with_reason (RifqIntakePage  *self,
                      const char      *reason,
                      GError         **error)
{
  RifqStepDetails details = { .text = reason };

  if (!rifq_intake_page_advance (self, RIFQ_ACTION_WITHDRAW, &details, error))
    return FALSE;
  rifq_intake_show_info (self, _("The request was withdrawn; the reason is recorded."));
  rifq_intake_page_show_step (self, 0);
  return TRUE;
}

static void
withdraw_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RifqIntakePage   *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "rifq-text");
  g_autofree char *reason = buffer_text (buffer);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "withdraw") && !withdraw_with_reason (self, reason, &error))
    rifq_intake_show_error (self, error->message);
}

gboolean
rifq_intake_withdraw_step (RifqIntakePage  *self,
                           GVariant        *parameter,
                           GError         **error)
{
  if (!rifq_intake_require_request (self, error))
    return FALSE;

  ask_for_text (self, _("Withdraw the Request?"),
                _("The request is closed and goes no further. Write why, for the record."),
                _("The reason for withdrawing"), "withdraw", _("_Withdraw"), ADW_RESPONSE_DESTRUCTIVE,
                G_CALLBACK (withdraw_response_cb));
  return TRUE;
}

gboolean
rifq_intake_reopen_step (RifqIntakePage  *self,
                         GVariant        *parameter,
                         GError         **error)
{
  if (!rifq_intake_require_request (self, error) || !rifq_intake_page_advance (self, RIFQ_ACTION_REOPEN, NULL, error))
    return FALSE;
  return rifq_intake_moved (self, error);
}

/* Declaration and signature */

gboolean
rifq_intake_sign_step (RifqIntakePage  *self,
                       GVariant        *parameter,
                       GError         **error)
{
  if (!rifq_intake_require_request (self, error)
      || !rifq_intake_signing_sign (self->signing, error)
      || !rifq_intake_reload_request (self, error))
    return FALSE;
  rifq_intake_show_page (self, 4);
  return TRUE;
}

/* Submission and receipt */

gboolean
rifq_intake_submit_step (RifqIntakePage  *self,
                         GVariant        *parameter,
                         GError         **error)
{
  if (!rifq_intake_page_advance (self, RIFQ_ACTION_SUBMIT, NULL, error))
    return FALSE;
  return rifq_intake_moved (self, error);
}

static char *
receipt_name (const RifqRequest *r)
{
  g_autofree char *number = g_strdup (r->number ? r->number : "request");

  g_strdelimit (number, "/\\", '-');
  return g_strdup_printf ("receipt-%s.pdf", number);
}

static void
save_receipt_response_cb (GtkNativeDialog *native,
                          int              response,
                          RifqIntakePage  *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        rifq_intake_show_error (self, _("The receipt can only be saved to a folder on this computer."));
      else if (!rifq_intake_page_save_receipt (self, path, &error))
        rifq_intake_show_error (self, error->message);
    }
  g_object_unref (native);
}

gboolean
rifq_intake_save_receipt_step (RifqIntakePage  *self,
                               GVariant        *parameter,
                               GError         **error)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (!rifq_intake_require_request (self, error))
    return FALSE;

  native = gtk_file_chooser_native_new (_("Save the Receipt"), rifq_intake_parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = receipt_name (self->request);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (save_receipt_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  return TRUE;
}

gboolean
rifq_intake_open_receipt_step (RifqIntakePage  *self,
                               GVariant        *parameter,
                               GError         **error)
{
  /* The session's own folder, emptied at log-out: the receipt holds a national ID. */
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "rifq", NULL);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GFile) file = NULL;
  RifqPdfWindow *preview;

  if (!rifq_intake_require_request (self, error))
    return FALSE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder %s could not be made: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  name = receipt_name (self->request);
  path = g_build_filename (folder, name, NULL);
  if (!rifq_receipt_pdf_write_request (self->db, self->request, path, error))
    return FALSE;
  file = g_file_new_for_path (path);
  pdf = g_file_load_bytes (file, NULL, NULL, error);
  g_unlink (path);
  if (pdf == NULL)
    return FALSE;

  /* Previewed and printed inside Rifq: the PDF's own pages, not a second layout. */
  title = g_strdup_printf (_("Receipt of Request %s"), self->request->number);
  preview = rifq_pdf_window_new (rifq_intake_parent_window (self), title, name, pdf);
  gtk_window_present (GTK_WINDOW (preview));
  return TRUE;
}

/* Registration, service, closing */

gboolean
rifq_intake_register_step (RifqIntakePage  *self,
                           GVariant        *parameter,
                           GError         **error)
{
  g_autofree char *file = NULL;
  g_autofree char *message = NULL;

  if (!rifq_intake_page_advance (self, RIFQ_ACTION_REGISTER, NULL, error) || !rifq_intake_moved (self, error))
    return FALSE;
  file = rifq_intake_shown_digits (self->request->file_number ? self->request->file_number : "—");
  message = g_strdup_printf (_("Registered under file number %s."), file);
  rifq_intake_show_info (self, message);
  return TRUE;
}

gboolean
rifq_intake_serve_step (RifqIntakePage  *self,
                        GVariant        *parameter,
                        GError         **error)
{
  if (!rifq_intake_require_request (self, error)
      || !rifq_intake_service_serve (self->service, error)
      || !rifq_intake_moved (self, error))
    return FALSE;
  rifq_intake_show_info (self, _("The service is recorded."));
  return TRUE;
}

gboolean
rifq_intake_close_step (RifqIntakePage  *self,
                        GVariant        *parameter,
                        GError         **error)
{
  if (!rifq_intake_page_advance (self, RIFQ_ACTION_CLOSE, NULL, error))
    return FALSE;
  return rifq_intake_moved (self, error);
}

gboolean
rifq_intake_new_step (RifqIntakePage  *self,
                      GVariant        *parameter,
                      GError         **error)
{
  rifq_intake_page_start_new (self);
  return TRUE;
}

gboolean
rifq_intake_list_step (RifqIntakePage  *self,
                       GVariant        *parameter,
                       GError         **error)
{
  rifq_intake_page_show_step (self, 0);
  return TRUE;
}

gboolean
rifq_intake_show_step_step (RifqIntakePage  *self,
                            GVariant        *parameter,
                            GError         **error)
{
  rifq_intake_page_show_step (self, parameter ? g_variant_get_uint32 (parameter) : 0);
  return TRUE;
}
