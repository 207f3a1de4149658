/* rifq-intake-page-helpers.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intake page's helpers used by several of its files: refusals and notices, and how far
 * the request has come. */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-error.h"
#include "rifq-application.h"
#include "rifq-intake-page-private.h"

static void
error_toast_dismissed_cb (AdwToast       *toast,
                          RifqIntakePage *self)
{
  /* Dismissed once only: a second dismissal would hide it twice. */
  if (self->error_toast == toast)
    g_clear_weak_pointer (&self->error_toast);
}

static void
error_label_mapped_cb (GtkWidget      *label,
                       RifqIntakePage *self)
{
  self->error_shown_at = g_get_monotonic_time ();
}

/* Takes a refusal off the screen once it is outdated. libadwaita 1.2 frees a toast dismissed
 * while it is still appearing and then touches it, so one that came up less than a second ago
 * stays until the officer closes it. */
void
rifq_intake_dismiss_error (RifqIntakePage *self)
{
  GtkWidget *label;

  if (self->error_toast == NULL)
    return;
  label = adw_toast_get_custom_title (self->error_toast);
  if (label != NULL && gtk_widget_get_mapped (label)
      && g_get_monotonic_time () - self->error_shown_at < G_USEC_PER_SEC)
    return;
  adw_toast_dismiss (self->error_toast);
}

void
rifq_intake_show_error (RifqIntakePage *self,
                        const char     *message)
{
  GtkWidget *label;
  AdwToast *toast;

  /* The refusal on screen says the newer one; the officer closes it once read. */
  if (self->error_toast != NULL)
    {
      gtk_label_set_text (GTK_LABEL (adw_toast_get_custom_title (self->error_toast)), message);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->error_toast));
      return;
    }

  label = rifq_ui_refusal_label_new (message);
  g_signal_connect_object (label, "map", G_CALLBACK (error_label_mapped_cb), self, 0);

  toast = adw_toast_new ("");
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 0);
  g_set_weak_pointer (&self->error_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (error_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
rifq_intake_show_info (RifqIntakePage *self,
                       const char     *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  rifq_intake_dismiss_error (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

GtkWindow *
rifq_intake_parent_window (RifqIntakePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

gboolean
rifq_intake_require_request (RifqIntakePage  *self,
                             GError         **error)
{
  if (self->request != NULL)
    return TRUE;
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Receive the request first."));
  return FALSE;
}

guint
rifq_intake_current_step (RifqIntakePage *self)
{
  return self->request ? rifq_request_state_step (self->request->state) : 1;
}

gboolean
rifq_intake_step_reached (RifqIntakePage *self,
                          guint           step)
{
  if (step < 1 || step > RIFQ_INTAKE_N_STEPS)
    return FALSE;
  if (self->request == NULL)
    return step == 1;
  /* A referral answered while the documents are still open can be read again; once signed,
   * submission is the next thing to do. */
  return step <= rifq_intake_current_step (self) || (step == 3 && self->request->referrals->len > 0)
         || (step == 5 && self->request->state == RIFQ_REQUEST_READY_TO_SIGN && self->request->signed_at != NULL);
}
