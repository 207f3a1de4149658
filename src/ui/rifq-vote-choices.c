/* rifq-vote-choices.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-vote-choices"

#include "config.h"

#include "rifq-committee-rule.h"
#include "rifq-vote-choices.h"

struct _RifqVoteChoices
{
  GtkBox           parent_instance;

  /* template children, in the order of RifqVoteChoice */
  GtkToggleButton *accept_button;
  GtkToggleButton *reject_button;
  GtkToggleButton *defer_button;
};

enum {
  PROP_0,
  PROP_VOTE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RifqVoteChoices, rifq_vote_choices, GTK_TYPE_BOX)

static GParamSpec *properties[N_PROPS];

static GtkToggleButton *
button_for (RifqVoteChoices *self,
            RifqVoteChoice   choice)
{
  GtkToggleButton *buttons[] = { self->accept_button, self->reject_button, self->defer_button };

  G_STATIC_ASSERT (G_N_ELEMENTS (buttons) == RIFQ_N_VOTE_CHOICES);
  return buttons[choice];
}

static void
choice_toggled_cb (RifqVoteChoices *self,
                   GtkToggleButton *button)
{
  /* One notification for the choice made, not one for the choice it replaced too. */
  if (gtk_toggle_button_get_active (button))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTE]);
}

static void
rifq_vote_choices_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RIFQ_TYPE_VOTE_CHOICES);

  G_OBJECT_CLASS (rifq_vote_choices_parent_class)->dispose (object);
}

static void
rifq_vote_choices_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RifqVoteChoices *self = RIFQ_VOTE_CHOICES (object);

  switch (prop_id)
    {
    case PROP_VOTE:
      g_value_set_string (value, rifq_vote_choices_get_vote (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_vote_choices_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RifqVoteChoices *self = RIFQ_VOTE_CHOICES (object);

  switch (prop_id)
    {
    case PROP_VOTE:
      rifq_vote_choices_set_vote (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_vote_choices_class_init (RifqVoteChoicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_vote_choices_dispose;
  object_class->get_property = rifq_vote_choices_get_property;
  object_class->set_property = rifq_vote_choices_set_property;

  properties[PROP_VOTE] = g_param_spec_string ("vote", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-vote-choices.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqVoteChoices, accept_button);
  gtk_widget_class_bind_template_child (widget_class, RifqVoteChoices, reject_button);
  gtk_widget_class_bind_template_child (widget_class, RifqVoteChoices, defer_button);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
}

static void
rifq_vote_choices_init (RifqVoteChoices *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (RifqVoteChoice i = 0; i < RIFQ_N_VOTE_CHOICES; i++)
    gtk_button_set_label (GTK_BUTTON (button_for (self, i)), rifq_vote_choice_label (i));
}

GtkWidget *
rifq_vote_choices_new (const char *vote)
{
  return g_object_new (RIFQ_TYPE_VOTE_CHOICES, "vote", vote, NULL);
}

const char *
rifq_vote_choices_get_vote (RifqVoteChoices *self)
{
  g_return_val_if_fail (RIFQ_IS_VOTE_CHOICES (self), NULL);

  for (RifqVoteChoice i = 0; i < RIFQ_N_VOTE_CHOICES; i++)
    if (gtk_toggle_button_get_active (button_for (self, i)))
      return rifq_vote_choice_to_code (i);
  return NULL;
}

void
rifq_vote_choices_set_vote (RifqVoteChoices *self,
                            const char      *vote)
{
  RifqVoteChoice choice;

  g_return_if_fail (RIFQ_IS_VOTE_CHOICES (self));

  if (g_strcmp0 (vote, rifq_vote_choices_get_vote (self)) == 0)
    return;
  if (vote != NULL && rifq_vote_choice_from_code (vote, &choice))
    {
      gtk_toggle_button_set_active (button_for (self, choice), TRUE);
      return;
    }
  for (RifqVoteChoice i = 0; i < RIFQ_N_VOTE_CHOICES; i++)
    gtk_toggle_button_set_active (button_for (self, i), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTE]);
}
