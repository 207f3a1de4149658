/* rifq-intake-page-views.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intake page's views: the header, the row of steps, and each step as the request stands. */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-intake-page-private.h"
#include "rifq-request-store.h"

/* The policy's seven steps, short, in its order. */
static const char * const step_titles[RIFQ_INTAKE_N_STEPS] = {
  N_("Reception"),
  N_("Documents"),
  N_("Social Research"),
  N_("Declaration and Signature"),
  N_("Submission"),
  N_("Registration"),
  N_("Service"),
};

/* Views */

void
rifq_intake_update_header (RifqIntakePage *self)
{
  if (self->shown_step == 0)
    adw_window_title_set_subtitle (self->window_title, NULL);
  else if (self->request != NULL)
    {
      g_autofree char *number = rifq_intake_shown_digits (self->request->number);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", number,
                                                   self->request->beneficiary_name ? self->request->beneficiary_name : "");

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, _("New Request"));
}

static void
style_step (GtkWidget  *widget,
            const char *css_class,
            gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

void
rifq_intake_update_progress (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  guint current = rifq_intake_current_step (self);
  gboolean answered = rifq_intake_referral_answered (r);
  g_autofree char *total = rifq_intake_shown_int (RIFQ_INTAKE_N_STEPS);

  for (guint i = 0; i < RIFQ_INTAKE_N_STEPS; i++)
    {
      guint step = i + 1;
      gboolean is_current = r != NULL ? step == current : step == 1;
      gboolean done;
      gboolean skipped = FALSE;
      g_autofree char *number = rifq_intake_shown_int (step);
      g_autofree char *description = NULL;
      const char *where;

      if (r == NULL)
        done = FALSE;
      else if (step == 3)
        {
          /* Social research is needed only when the applicant asks: otherwise it is skipped. */
          done = answered && r->state != RIFQ_REQUEST_REFERRED;
          skipped = !done && !is_current && current > 3;
        }
      else
        done = step < current || (step == RIFQ_INTAKE_N_STEPS && r->state == RIFQ_REQUEST_CLOSED);

      if (done)
        where = _("done");
      else if (skipped)
        where = _("skipped, no referral was needed");
      else if (is_current)
        where = _("current step");
      else
        where = _("not reached yet");
      /* Translators: "Step 3 of 7: Social Research, done" */
      description = g_strdup_printf (_("Step %s of %s: %s, %s"), number, total, _(step_titles[i]), where);

      for (guint row = 0; row < N_PROGRESS_ROWS; row++)
        {
          GtkWidget *button = self->step_buttons[row][i];
          GtkWidget *badge = self->step_badges[row][i];
          GtkWidget *name = self->step_names[row][i];

          gtk_label_set_text (GTK_LABEL (badge), done ? "✓" : number);
          style_step (badge, "current", is_current);
          style_step (badge, "done", done);
          style_step (badge, "skipped", skipped);
          style_step (button, "current", is_current);
          style_step (name, "heading", is_current);
          style_step (button, "viewing", step == self->shown_step);
          /* When narrow, only the current step keeps its name. */
          if (row == PROGRESS_COMPACT)
            gtk_widget_set_visible (name, is_current);
          gtk_widget_set_sensitive (button, rifq_intake_step_reached (self, step));
          gtk_widget_set_tooltip_text (button, description);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
        }
    }
}

void
rifq_intake_update_views (RifqIntakePage *self)
{
  rifq_intake_update_header (self);
  for (guint i = 0; i < RIFQ_INTAKE_N_STEPS; i++)
    rifq_intake_step_set_request (self->steps[i], self->context, self->request);
  rifq_intake_update_actions (self);
  rifq_intake_update_progress (self);
}

void
rifq_intake_build_progress (RifqIntakePage *self)
{
  adw_squeezer_set_switch_threshold_policy (self->progress_squeezer, ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  for (guint row = 0; row < N_PROGRESS_ROWS; row++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, row == PROGRESS_COMPACT ? 0 : 2);

      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      for (guint i = 0; i < RIFQ_INTAKE_N_STEPS; i++)
        {
          GtkWidget *button = gtk_button_new ();
          GtkWidget *content;
          GtkWidget *badge = gtk_label_new (NULL);
          GtkWidget *name = gtk_label_new (_(step_titles[i]));

          if (row == PROGRESS_STACKED)
            {
              content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
              gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
              gtk_label_set_wrap (GTK_LABEL (name), TRUE);
              gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
              gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
              gtk_widget_set_valign (content, GTK_ALIGN_START);
            }
          else
            {
              content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
              gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
            }
          gtk_widget_add_css_class (badge, "step-badge");
          gtk_widget_add_css_class (name, "step-name");
          gtk_box_append (GTK_BOX (content), badge);
          gtk_box_append (GTK_BOX (content), name);

          gtk_button_set_child (GTK_BUTTON (button), content);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "intake-step");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "intake.show-step");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i + 1);
          gtk_box_append (GTK_BOX (box), button);

          self->step_buttons[row][i] = button;
          self->step_badges[row][i] = badge;
          self->step_names[row][i] = name;
        }
      adw_squeezer_add (self->progress_squeezer, box);
    }
}
