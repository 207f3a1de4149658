/* rifq-intake-research.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-research"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-intake-research.h"
#include "rifq-intake-util.h"
#include "rifq-staff.h"

struct _RifqIntakeResearch
{
  GtkWidget    parent_instance;

  /* template children */
  GtkLabel    *research_status;
  GtkBox      *referrals_box;
  GtkWidget   *research_back_button;

  /* owned */
  RifqContext *context;
};

static void intake_step_iface_init (RifqIntakeStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqIntakeResearch, rifq_intake_research, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RIFQ_TYPE_INTAKE_STEP, intake_step_iface_init))

static GtkWidget *
append_label (GtkWidget  *box,
              const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static char *
staff_name (RifqIntakeResearch *self,
            const char         *username)
{
  return rifq_staff_dup_name (rifq_context_get_db (self->context), username);
}

static GtkWidget *
referral_card (RifqIntakeResearch *self,
               const RifqReferral *referral)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *asker = staff_name (self, referral->asked_by);
  g_autofree char *asked_on = rifq_intake_format_day (referral->asked_at);
  g_autofree char *asked = g_strdup_printf (_("Asked by %s on %s"), asker, asked_on);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 0);
  append_label (card, _("The applicant’s question"), "heading");
  append_label (card, referral->question, NULL);
  append_label (card, asked, "dim-label");

  if (referral->answer != NULL)
    {
      g_autofree char *answerer = staff_name (self, referral->answered_by);
      g_autofree char *answered_on = rifq_intake_format_day (referral->answered_at);
      g_autofree char *answered = g_strdup_printf (_("Answered by %s on %s"), answerer, answered_on);

      append_label (card, _("The answer"), "heading");
      append_label (card, referral->answer, NULL);
      append_label (card, answered, "dim-label");
    }

  if (referral->visit_on != NULL)
    {
      g_autofree char *day = rifq_intake_format_day (referral->visit_on);
      g_autofree char *title = g_strdup_printf (_("Home visit on %s"), day);

      append_label (card, title, "heading");
      if (referral->visit_findings != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Findings: %s"), referral->visit_findings);

          append_label (card, text, NULL);
        }
      if (referral->visit_household != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Household: %s"), referral->visit_household);

          append_label (card, text, NULL);
        }
      if (referral->visit_recommendation != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Recommendation: %s"), referral->visit_recommendation);

          append_label (card, text, NULL);
        }
    }

  /* Space inside the card, around its lines. */
  for (GtkWidget *child = gtk_widget_get_first_child (card); child; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
  return card;
}

static void
update (RifqIntakeResearch *self,
        const RifqRequest  *r)
{
  gboolean answered = rifq_intake_referral_answered (r);

  rifq_ui_remove_children (GTK_WIDGET (self->referrals_box));
  if (r == NULL)
    return;

  for (guint i = 0; i < r->referrals->len; i++)
    gtk_box_append (self->referrals_box, referral_card (self, g_ptr_array_index (r->referrals, i)));

  if (r->state == RIFQ_REQUEST_REFERRED)
    gtk_label_set_text (self->research_status, _("Waiting for the social-research officer’s answer."));
  else if (answered)
    gtk_label_set_text (self->research_status, _("The social-research officer has answered."));
  else
    gtk_label_set_text (self->research_status, _("No referral to social research was needed for this request."));
  rifq_intake_set_shown (self->research_back_button, answered && r->state != RIFQ_REQUEST_REFERRED);
}

/* RifqIntakeStep */

static void
rifq_intake_research_set_request (RifqIntakeStep *step,
                                  RifqContext    *context,
                                  RifqRequest    *request)
{
  RifqIntakeResearch *self = RIFQ_INTAKE_RESEARCH (step);

  g_set_object (&self->context, context);
  update (self, request);
}

static void
intake_step_iface_init (RifqIntakeStepInterface *iface)
{
  iface->set_request = rifq_intake_research_set_request;
}

/* GObject */

static void
rifq_intake_research_dispose (GObject *object)
{
  RifqIntakeResearch *self = (RifqIntakeResearch *) object;

  rifq_intake_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_RESEARCH);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_intake_research_parent_class)->dispose (object);
}

static void
rifq_intake_research_class_init (RifqIntakeResearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_research_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-research.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeResearch, research_status);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeResearch, referrals_box);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeResearch, research_back_button);
}

static void
rifq_intake_research_init (RifqIntakeResearch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
