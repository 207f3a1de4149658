/* rifq-committee-page-documents.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The committee page's documents: the signed request, the meeting packet (drawn in a worker
 * thread), the minutes and the decision letters, each previewed in a window of its own.
 */

#define G_LOG_DOMAIN "rifq-committee-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rifq-committee-documents.h"
#include "rifq-committee-page-private.h"
#include "rifq-packet-pdf.h"
#include "rifq-pdf-window.h"
#include "rifq-request-sheet.h"
#include "rifq-request-store.h"

/* Documents: drawn to a file in the session's own folder, read back, the file removed, and
 * shown in a preview window to read, print or save. */

typedef gboolean (*WriteFunc) (RifqDb *db, gint64 id, const char *path, GError **error);

static char *
scratch_path (const char *name)
{
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "rifq", NULL);

  g_mkdir_with_parents (folder, 0700);
  return g_build_filename (folder, name, NULL);
}

static void
preview_file (RifqCommitteePage *self,
              const char        *path,
              const char        *title,
              const char        *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_file_load_bytes (file, NULL, NULL, &error);

  g_unlink (path);
  if (pdf == NULL)
    {
      rifq_committee_page_toast (self, error->message, TRUE);
      return;
    }
  gtk_window_present (GTK_WINDOW (rifq_pdf_window_new (rifq_committee_page_parent (self), title, name, pdf)));
}

/* The signed request (committee.signed-request) or its decision letter (committee.letter), in a
 * file named after the request's number. */
void
rifq_committee_page_request_document_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  RifqCommitteePage *self = RIFQ_COMMITTEE_PAGE (widget);
  gboolean letter = g_str_equal (action_name, "committee.letter");
  WriteFunc write = letter ? rifq_letter_write_request : rifq_request_sheet_write;
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) request = rifq_request_store_get (self->db, g_variant_get_int64 (parameter), &error);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;

  if (request == NULL)
    {
      rifq_committee_page_toast (self, error->message, TRUE);
      return;
    }
  name = g_strdup_printf ("%s-%s.pdf", letter ? "letter" : "request", request->number);
  title = letter ? g_strdup_printf (_("Decision Letter on Request %s"), request->number)
                 : g_strdup_printf (_("Request %s"), request->number);
  g_strdelimit (name, "/", '-');
  path = scratch_path (name);
  if (!write (self->db, request->id, path, &error))
    {
      rifq_committee_page_toast (self, error->message, TRUE);
      return;
    }
  preview_file (self, path, title, name);
}

/* The meeting packet, drawn in a worker thread with its progress shown, and cancellable. */
typedef struct
{
  RifqCommitteePage *self;
  RifqPacket        *packet;
  char              *path;
  char              *title;
  GCancellable      *cancellable;
  AdwMessageDialog  *dialog;
  GtkProgressBar    *bar;
  guint              done;
  guint              total;
} PacketJob;

static void
packet_job_clear (PacketJob *job)
{
  g_clear_pointer (&job->packet, rifq_packet_free);
  g_free (job->path);
  g_free (job->title);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->self);
}

/* The job is shared by the task and the progress updates on their way: the last one frees it. */
static void
packet_job_release (PacketJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) packet_job_clear);
}

static gboolean
packet_progress_idle (gpointer data)
{
  PacketJob *job = data;

  if (job->bar != NULL && job->total > 0)
    gtk_progress_bar_set_fraction (job->bar, (double) g_atomic_int_get ((int *) &job->done) / job->total);
  return G_SOURCE_REMOVE;
}

static void
packet_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  PacketJob *job = user_data;

  g_atomic_int_set ((int *) &job->done, (int) done);
  g_idle_add_full (G_PRIORITY_DEFAULT, packet_progress_idle, g_atomic_rc_box_acquire (job),
                   (GDestroyNotify) packet_job_release);
}

static void
packet_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  PacketJob *job = data;
  GError *error = NULL;

  if (rifq_packet_write (job->packet, job->path, packet_progress_cb, job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
packet_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PacketJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (job->dialog != NULL)
    {
      AdwMessageDialog *dialog = job->dialog;

      job->dialog = NULL;
      job->bar = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rifq_committee_page_toast (job->self, error->message, TRUE);
      return;
    }
  preview_file (job->self, job->path, job->title, "meeting-packet.pdf");
}

static void
packet_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           PacketJob        *job)
{
  g_cancellable_cancel (job->cancellable);
  job->dialog = NULL;
  job->bar = NULL;
}

void
rifq_committee_page_packet_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RifqCommitteePage *self = RIFQ_COMMITTEE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  PacketJob *job;
  GtkWidget *bar;

  if (self->meeting == NULL)
    return;
  job = g_atomic_rc_box_new0 (PacketJob);
  /* Gathered here, from the database; drawn in the thread, without it. */
  job->packet = rifq_packet_new (self->db, self->meeting->id, &error);
  if (job->packet == NULL)
    {
      rifq_committee_page_toast (self, error->message, TRUE);
      packet_job_release (job);
      return;
    }
  job->self = g_object_ref (self);
  job->total = rifq_packet_get_n_cases (job->packet);
  job->path = scratch_path ("meeting-packet.pdf");
  job->title = g_strdup (_("Meeting Packet"));
  job->cancellable = g_cancellable_new ();

  job->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rifq_committee_page_parent (self),
                                                            _("Preparing the Meeting Packet"),
                                                            _("Every case on the agenda, sealed, in one document.")));
  bar = gtk_progress_bar_new ();
  job->bar = GTK_PROGRESS_BAR (bar);
  adw_message_dialog_set_extra_child (job->dialog, bar);
  adw_message_dialog_add_response (job->dialog, "cancel", _("_Cancel"));
  g_signal_connect (job->dialog, "response", G_CALLBACK (packet_dialog_response_cb), job);
  gtk_window_present (GTK_WINDOW (job->dialog));

  task = g_task_new (NULL, job->cancellable, packet_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) packet_job_release);
  g_task_run_in_thread (task, packet_thread);
}

void
rifq_committee_page_minutes_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RifqCommitteePage *self = RIFQ_COMMITTEE_PAGE (widget);
  g_autofree char *path = scratch_path ("minutes.pdf");
  g_autoptr(GError) error = NULL;

  if (self->meeting == NULL)
    return;
  if (!rifq_minutes_write_meeting (self->db, self->meeting->id, path, &error))
    {
      rifq_committee_page_toast (self, error->message, TRUE);
      return;
    }
  preview_file (self, path, _("Minutes of the Meeting"), "minutes.pdf");
}
