/* rifq-agenda-item.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-agenda-item"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-agenda-item.h"
#include "rifq-application.h"
#include "rifq-committee.h"
#include "rifq-record.h"
#include "rifq-request-store.h"
#include "rifq-staff.h"
#include "rifq-validate.h"
#include "rifq-vote-choices.h"

struct _RifqAgendaItem
{
  GtkListBoxRow        parent_instance;

  /* template children */
  AdwPreferencesGroup *group;
  AdwActionRow        *kind_row;
  GtkLabel            *amount_label;
  AdwActionRow        *vote_row;
  RifqVoteChoices     *choices;
  GtkWidget           *amount_row;
  GtkWidget           *note_row;
  GtkWidget           *vote_buttons;
  GtkWidget           *remove_button;
  GtkWidget           *decision_button;
  GtkWidget           *cast_button;
  AdwActionRow        *decided_row;
  GtkLabel            *state_label;
  GtkWidget           *letter_row;
  GtkLabel            *letter_label;

  /* owned */
  RifqContext         *context;
  RifqRequest         *request;
  RifqVoteDraft       *draft;

  /* state */
  gint64               meeting_id;
  gboolean             filling;      /* the draft's text is being put in the rows */
};

G_DEFINE_FINAL_TYPE (RifqAgendaItem, rifq_agenda_item, GTK_TYPE_LIST_BOX_ROW)

static void
vote_draft_free (RifqVoteDraft *draft)
{
  g_free (draft->vote);
  g_free (draft->amount);
  g_free (draft->note);
  g_free (draft->recorded);
  g_free (draft->decision);
  g_free (draft->decision_amount);
  g_free (draft->decision_quantity);
  g_free (draft->reasons);
}

RifqVoteDraft *
rifq_vote_draft_new (void)
{
  return g_rc_box_new0 (RifqVoteDraft);
}

RifqVoteDraft *
rifq_vote_draft_ref (RifqVoteDraft *draft)
{
  return g_rc_box_acquire (draft);
}

void
rifq_vote_draft_unref (RifqVoteDraft *draft)
{
  g_rc_box_release_full (draft, (GDestroyNotify) vote_draft_free);
}

void
rifq_vote_draft_set (char       **slot,
                     const char  *text)
{
  g_free (*slot);
  *slot = g_strdup (text);
}

G_DEFINE_BOXED_TYPE (RifqVoteDraft, rifq_vote_draft, rifq_vote_draft_ref, rifq_vote_draft_unref)

static const char *
vote_word (const char *vote)
{
  return rifq_vote_choice_noun (rifq_vote_choice_read (vote));
}

static void
vote_chosen_cb (RifqAgendaItem *self)
{
  const char *vote = rifq_vote_choices_get_vote (self->choices);

  /* Taking a choice back is not done by hand: the draft keeps the last one made. */
  if (!self->filling && vote != NULL)
    rifq_vote_draft_set (&self->draft->vote, vote);
}

static void
draft_typed_cb (RifqAgendaItem *self,
                GtkEditable    *row)
{
  if (self->filling)
    return;
  rifq_vote_draft_set (GTK_WIDGET (row) == self->amount_row ? &self->draft->amount : &self->draft->note,
                       gtk_editable_get_text (row));
}

/* The committee's action name, on this request. */
static void
activate (RifqAgendaItem *self,
          const char     *name)
{
  gtk_widget_activate_action (GTK_WIDGET (self), name, "x", self->request->id);
}

static void
request_clicked_cb (RifqAgendaItem *self)
{
  activate (self, "committee.signed-request");
}

static void
remove_clicked_cb (RifqAgendaItem *self)
{
  activate (self, "committee.remove-from-agenda");
}

static void
decision_clicked_cb (RifqAgendaItem *self)
{
  activate (self, "committee.record-decision");
}

static void
cast_clicked_cb (RifqAgendaItem *self)
{
  activate (self, "committee.cast-vote");
}

static void
letter_clicked_cb (RifqAgendaItem *self)
{
  activate (self, "committee.letter");
}

/* The tally as the group's description: the rule's sentence, then the counts. */
static void
show_tally (RifqAgendaItem *self,
            RifqDb         *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqTally) tally = rifq_committee_tally (db, self->meeting_id, self->request->id, &error);
  g_autofree char *accept = NULL;
  g_autofree char *reject = NULL;
  g_autofree char *defer = NULL;
  g_autofree char *abstain = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;

  if (tally == NULL)
    {
      g_warning ("The votes on request %s could not be counted: %s", self->request->number, error->message);
      return;
    }
  accept = rifq_ui_display_number (tally->accept);
  reject = rifq_ui_display_number (tally->reject);
  defer = rifq_ui_display_number (tally->defer);
  abstain = rifq_ui_display_number (tally->abstain);
  counts = g_strdup_printf (_("Votes: accept %s · reject %s · defer %s · abstained %s"), accept, reject, defer, abstain);
  explanation = rifq_ui_display_digits (tally->explanation);
  description = g_strdup_printf ("%s\n%s", explanation, counts);
  markup = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (self->group, markup);
}

/* Whether the acting member may vote, and what the row of their vote says. */
static void
show_vote (RifqAgendaItem *self,
           RifqDb         *db)
{
  const char *actor = rifq_context_get_actor (self->context);
  RifqRole roles = rifq_staff_actor_roles (db);
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_get (db, self->meeting_id, NULL);
  RifqVoterStanding standing = meeting != NULL ? rifq_member_may_vote (meeting->members, actor, roles)
                                               : RIFQ_VOTER_NOT_A_MEMBER;
  gboolean can_vote = standing == RIFQ_VOTER_MAY_VOTE;
  gboolean chair = meeting != NULL && rifq_member_chairs (meeting->members, actor, roles, RIFQ_PERMISSION_DECIDE);
  g_autofree char *recorded = NULL;

  if (self->draft->recorded == NULL && standing == RIFQ_VOTER_MAY_VOTE)
    {
      /* A vote cast earlier, on this workstation or another, is shown back as recorded. */
      g_autoptr(GPtrArray) votes = rifq_committee_votes (db, self->meeting_id, self->request->id, NULL);

      for (guint i = 0; votes != NULL && i < votes->len; i++)
        {
          RifqVote *vote = g_ptr_array_index (votes, i);

          if (g_strcmp0 (vote->username, actor) == 0)
            rifq_vote_draft_set (&recorded, vote->vote);
        }
    }
  if (self->draft->recorded != NULL)
    rifq_vote_draft_set (&recorded, self->draft->recorded);

  if (recorded != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Recorded: %s. Cast it again to change it."), vote_word (recorded));

      adw_action_row_set_subtitle (self->vote_row, subtitle);
    }
  else if (standing == RIFQ_VOTER_NOT_A_MEMBER)
    adw_action_row_set_subtitle (self->vote_row, _("Only the members of the research committee vote."));
  else if (standing == RIFQ_VOTER_ABSENT)
    adw_action_row_set_subtitle (self->vote_row, _("You vote once the chair records you as present."));
  else
    adw_action_row_set_subtitle (self->vote_row, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->choices), can_vote);
  gtk_widget_set_sensitive (self->amount_row, can_vote);
  gtk_widget_set_sensitive (self->note_row, can_vote);
  gtk_widget_set_sensitive (self->cast_button, can_vote);
  /* Not decided here: the chair can leave it for a later meeting instead. */
  gtk_widget_set_visible (self->remove_button, chair);
  gtk_widget_set_visible (self->decision_button, chair);
}

/* The decision this meeting took on the request, as core recorded it, and its letter. */
static void
show_decision (RifqAgendaItem     *self,
               RifqDb             *db,
               const RifqDecision *decided)
{
  g_autofree char *letter = NULL;
  g_autoptr(GError) error = NULL;

  gtk_label_set_text (self->state_label, rifq_request_state_label (self->request->state));
  if (decided == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->decided_row),
                                     _("The committee no longer reviews this request."));
      adw_action_row_set_subtitle (self->decided_row, NULL);
      gtk_widget_set_visible (self->letter_row, FALSE);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Decided: %s"), vote_word (decided->decision));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->decided_row), title);
    adw_action_row_set_subtitle (self->decided_row, decided->reasons);
  }
  letter = rifq_committee_letter_number (db, self->request->id, &error);
  if (letter == NULL)
    g_debug ("No letter for request %" G_GINT64_FORMAT ": %s", self->request->id, error->message);
  else
    {
      g_autofree char *shown = rifq_ui_display_digits (letter);

      gtk_label_set_text (self->letter_label, shown);
    }
  gtk_widget_set_visible (self->letter_row, letter != NULL);
}

static void
records_changed_cb (RifqAgendaItem *self,
                    const char     *kind,
                    GArray         *ids)
{
  gint64 wanted;

  /* A vote is written to the request, presence to the meeting, a decision to both. */
  if (g_str_equal (kind, "request"))
    wanted = self->request->id;
  else if (g_str_equal (kind, "meeting"))
    wanted = self->meeting_id;
  else
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == wanted)
      {
        rifq_agenda_item_refresh (self);
        return;
      }
}

/* "Request 1448/000123 · the applicant", the digits as the window shows them, as markup. */
static gboolean
title_from_number (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  RifqAgendaItem *self = user_data;
  g_autofree char *number = rifq_ui_display_digits (g_value_get_string (from));
  g_autofree char *title = g_strdup_printf (_("Request %s · %s"), number, self->request->beneficiary_name);

  g_value_take_string (to, g_markup_escape_text (title, -1));
  return TRUE;
}

/* The kind of support in the interface language, or its code when the policy no longer has it. */
static gboolean
kind_label_from_kind (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  RifqAgendaItem *self = user_data;
  const char *kind = g_value_get_string (from);
  const char *label = rifq_request_store_kind_label (rifq_context_get_db (self->context), kind);

  g_value_set_string (to, label != NULL ? label : kind);
  return TRUE;
}

static void
rifq_agenda_item_constructed (GObject *object)
{
  RifqAgendaItem *self = (RifqAgendaItem *) object;
  RifqRequest *request = self->request;
  RifqDb *db = rifq_context_get_db (self->context);

  G_OBJECT_CLASS (rifq_agenda_item_parent_class)->constructed (object);

  g_object_bind_property_full (request, "number", self->group, "title", G_BINDING_SYNC_CREATE,
                               title_from_number, NULL, self, NULL);
  g_object_bind_property_full (request, "kind", self->kind_row, "title", G_BINDING_SYNC_CREATE,
                               kind_label_from_kind, NULL, self, NULL);
  if (!rifq_text_is_blank (request->description))
    adw_action_row_set_subtitle (self->kind_row, request->description);
  if (request->amount >= 0)
    {
      g_autofree char *amount = rifq_ui_display_number (request->amount);
      g_autofree char *riyals = g_strdup_printf (_("%s riyals"), amount);

      gtk_label_set_text (self->amount_label, riyals);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->amount_label), request->amount >= 0);

  self->filling = TRUE;
  rifq_vote_choices_set_vote (self->choices, self->draft->vote);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), self->draft->amount != NULL ? self->draft->amount : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), self->draft->note != NULL ? self->draft->note : "");
  self->filling = FALSE;

  g_signal_connect_object (db, "records-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
  rifq_agenda_item_refresh (self);
}

static void
rifq_agenda_item_dispose (GObject *object)
{
  RifqAgendaItem *self = (RifqAgendaItem *) object;

  /* The row's child is the template's: taken out once, by the row, before the template lets go. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_AGENDA_ITEM);
  g_clear_object (&self->context);
  g_clear_object (&self->request);
  g_clear_pointer (&self->draft, rifq_vote_draft_unref);

  G_OBJECT_CLASS (rifq_agenda_item_parent_class)->dispose (object);
}

static void
rifq_agenda_item_class_init (RifqAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqAgendaItem, context, "context", RIFQ_TYPE_CONTEXT),
    RIFQ_RECORD_FIELD (RifqAgendaItem, meeting_id, "meeting-id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqAgendaItem, request, "request", RIFQ_TYPE_REQUEST),
    RIFQ_RECORD_FIELD (RifqAgendaItem, draft, "draft", RIFQ_TYPE_VOTE_DRAFT),
  };

  object_class->constructed = rifq_agenda_item_constructed;
  object_class->dispose = rifq_agenda_item_dispose;

  rifq_record_class_install_construct_properties (object_class, properties, G_N_ELEMENTS (properties));

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-agenda-item.ui");
  /* Not a row to look like one: the group inside draws the case, the list only holds it. */
  gtk_widget_class_set_css_name (widget_class, "agenda-item");
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, group);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, amount_label);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, vote_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, choices);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, amount_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, note_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, vote_buttons);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, decision_button);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, cast_button);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, decided_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, state_label);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, letter_row);
  gtk_widget_class_bind_template_child (widget_class, RifqAgendaItem, letter_label);
  gtk_widget_class_bind_template_callback (widget_class, vote_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, draft_typed_cb);
  gtk_widget_class_bind_template_callback (widget_class, request_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, decision_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cast_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, letter_clicked_cb);
}

static void
rifq_agenda_item_init (RifqAgendaItem *self)
{
  g_type_ensure (RIFQ_TYPE_VOTE_CHOICES);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rifq_agenda_item_new (RifqContext   *context,
                      gint64         meeting_id,
                      RifqRequest   *request,
                      RifqVoteDraft *draft)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RIFQ_IS_REQUEST (request), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  return g_object_new (RIFQ_TYPE_AGENDA_ITEM,
                       "context", context,
                       "meeting-id", meeting_id,
                       "request", request,
                       "draft", draft,
                       NULL);
}

void
rifq_agenda_item_refresh (RifqAgendaItem *self)
{
  RifqDb *db;
  g_autoptr(RifqDecision) decided = NULL;
  gboolean voting;

  g_return_if_fail (RIFQ_IS_AGENDA_ITEM (self));

  db = rifq_context_get_db (self->context);
  decided = rifq_committee_decision (db, self->meeting_id, self->request->id);
  /* Deferred here and taken up by a later meeting, it is decided there, not here. */
  voting = self->request->state == RIFQ_REQUEST_UNDER_REVIEW && decided == NULL;
  show_tally (self, db);
  if (voting)
    show_vote (self, db);
  else
    {
      /* Nothing more to vote on or decide: what was typed for it has nothing to go to. */
      vote_draft_free (self->draft);
      memset (self->draft, 0, sizeof *self->draft);
      show_decision (self, db, decided);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->vote_row), voting);
  gtk_widget_set_visible (self->amount_row, voting);
  gtk_widget_set_visible (self->note_row, voting);
  gtk_widget_set_visible (self->vote_buttons, voting);
  gtk_widget_set_visible (GTK_WIDGET (self->decided_row), !voting);
  if (voting)
    gtk_widget_set_visible (self->letter_row, FALSE);
}
