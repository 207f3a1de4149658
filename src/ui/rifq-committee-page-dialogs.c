/* rifq-committee-page-dialogs.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The committee page's dialogs: the chair's decision with its reasons, and a new meeting. */

#define G_LOG_DOMAIN "rifq-committee-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-committee-page-private.h"
#include "rifq-request-store.h"
#include "rifq-validate.h"
#include "rifq-vote-choices.h"

/* The decision dialog */

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What the decision dialog shows, for its answer. */
typedef struct
{
  RifqCommitteePage *self;
  gint64             request_id;
  RifqVoteChoices   *choices;
  GtkEditable       *amount;
  GtkEditable       *quantity;
  GtkTextBuffer     *reasons;
} DecisionDialog;

static void
decision_dialog_free (gpointer data,
                      GClosure *closure)
{
  DecisionDialog *dialog = data;

  g_object_unref (dialog->self);
  g_object_unref (dialog->reasons);
  g_free (dialog);
}

static void
decision_response_cb (AdwMessageDialog *message_dialog,
                      const char       *response,
                      DecisionDialog   *dialog)
{
  RifqCommitteePage *self = dialog->self;
  gint64 id = dialog->request_id;
  RifqVoteDraft *draft = rifq_committee_meeting_draft_for (self->meeting_view, id);
  g_autofree char *decision = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *quantity_text = NULL;
  g_autofree char *reasons_text = NULL;

  /* Kept whatever the answer: a refusal or a second thought loses nothing typed. */
  rifq_vote_draft_set (&draft->decision, rifq_vote_choices_get_vote (dialog->choices));
  rifq_vote_draft_set (&draft->decision_amount, gtk_editable_get_text (dialog->amount));
  rifq_vote_draft_set (&draft->decision_quantity, gtk_editable_get_text (dialog->quantity));
  g_free (draft->reasons);
  draft->reasons = buffer_text (dialog->reasons);

  if (!g_str_equal (response, "record"))
    return;
  decision = g_strdup (draft->decision);
  amount_text = g_strdup (draft->decision_amount);
  quantity_text = g_strdup (draft->decision_quantity);
  reasons_text = g_strdup (draft->reasons);
  rifq_committee_page_decide (self, id, decision, amount_text, quantity_text, reasons_text, NULL);
}

void
rifq_committee_page_record_decision_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  RifqCommitteePage *self = RIFQ_COMMITTEE_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  RifqVoteDraft *draft = rifq_committee_meeting_lookup_draft (self->meeting_view, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) request = rifq_request_store_get (self->db, id, &error);
  g_autoptr(RifqTally) tally = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  DecisionDialog *answer;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *choices;
  GtkWidget *list;
  GtkWidget *amount;
  GtkWidget *quantity;
  GtkWidget *label;
  GtkWidget *scroller;
  GtkTextView *view;

  if (request == NULL || self->meeting == NULL
      || (tally = rifq_committee_tally (self->db, self->meeting->id, id, &error)) == NULL)
    {
      if (error != NULL)
        rifq_committee_page_toast (self, error->message, TRUE);
      return;
    }

  number = rifq_ui_display_digits (request->number);
  title = g_strdup_printf (_("Request %s · %s"), number, request->beneficiary_name);
  body = g_strdup_printf ("%s\n\n%s", title, tally->explanation);
  dialog = adw_message_dialog_new (rifq_committee_page_parent (self), _("Record the Decision"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  label = gtk_label_new (_("Decision"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  choices = rifq_vote_choices_new (draft != NULL && draft->decision != NULL ? draft->decision : tally->outcome);
  gtk_widget_set_halign (choices, GTK_ALIGN_FILL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choices), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Decision"), -1);
  gtk_box_append (GTK_BOX (box), choices);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  amount = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (amount), _("Amount (riyals)"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (amount), GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_text (GTK_EDITABLE (amount), draft != NULL && draft->decision_amount ? draft->decision_amount : "");
  gtk_list_box_append (GTK_LIST_BOX (list), amount);
  /* What an acceptance approves: the services delivered add up against it. */
  quantity = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (quantity), _("Quantity approved"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (quantity), GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_text (GTK_EDITABLE (quantity),
                         draft != NULL && draft->decision_quantity ? draft->decision_quantity : "");
  gtk_list_box_append (GTK_LIST_BOX (list), quantity);
  gtk_box_append (GTK_BOX (box), list);

  label = gtk_label_new (_("Reasons"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  scroller = rifq_ui_text_area_new (_("Reasons"), draft != NULL ? draft->reasons : NULL, &view);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  answer = g_new0 (DecisionDialog, 1);
  answer->self = g_object_ref (self);
  answer->request_id = id;
  answer->choices = RIFQ_VOTE_CHOICES (choices);
  answer->amount = GTK_EDITABLE (amount);
  answer->quantity = GTK_EDITABLE (quantity);
  answer->reasons = g_object_ref (gtk_text_view_get_buffer (view));
  /* The dialog's widgets live as long as its handler: it is dropped when the dialog goes. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (decision_response_cb), answer, decision_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

/* The New Meeting dialog */

static void
meeting_day_changed_cb (GtkEditable *row,
                        GtkLabel    *label)
{
  const char *text = gtk_editable_get_text (row);
  g_autoptr(GError) error = NULL;
  RifqCalendarKind kind;
  GDate date;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");

  if (rifq_text_is_blank (text))
    {
      gtk_label_set_text (label, _("Type the day in Hijri or Gregorian, as 1446/02/21 or 2024-08-25."));
      return;
    }
  g_date_clear (&date, 1);
  if (rifq_calendar_parse (text, &date, &kind, &error))
    {
      g_autofree char *both = rifq_calendar_format_both (&date, rifq_ui_get_digits ());

      gtk_label_set_text (label, both);
      return;
    }
  gtk_label_set_text (label, error->message);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* What the New Meeting dialog shows, for its answer. */
typedef struct
{
  RifqCommitteePage *self;
  GtkEditable       *day;
  GtkEditable       *place;
} MeetingDialog;

static void
meeting_dialog_free (gpointer  data,
                     GClosure *closure)
{
  MeetingDialog *dialog = data;

  g_object_unref (dialog->self);
  g_free (dialog);
}

static void
new_meeting_response_cb (AdwMessageDialog *message_dialog,
                         const char       *response,
                         MeetingDialog    *dialog)
{
  RifqCommitteePage *self = dialog->self;
  g_autofree char *day_text = g_strdup (gtk_editable_get_text (dialog->day));
  g_autofree char *place_text = g_strdup (gtk_editable_get_text (dialog->place));

  g_free (self->meeting_day);
  self->meeting_day = g_strdup (day_text);
  g_free (self->meeting_place);
  self->meeting_place = g_strdup (place_text);
  if (g_str_equal (response, "create"))
    rifq_committee_page_new_meeting (self, day_text, place_text, NULL);
}

void
rifq_committee_page_new_meeting_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  RifqCommitteePage *self = RIFQ_COMMITTEE_PAGE (widget);
  MeetingDialog *answer;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *day;
  GtkWidget *place;
  GtkWidget *label;

  dialog = adw_message_dialog_new (rifq_committee_page_parent (self), _("New Meeting"),
                                   _("Every member of the research committee is listed, absent until "
                                     "you record them as present."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  day = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (day), _("Day of the meeting"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (day), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), day);
  place = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (place), _("Place of the meeting"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (place), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), place);
  gtk_box_append (GTK_BOX (box), list);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "calendar-other");
  gtk_box_append (GTK_BOX (box), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_object (day, "changed", G_CALLBACK (meeting_day_changed_cb), label, 0);
  gtk_editable_set_text (GTK_EDITABLE (day), self->meeting_day != NULL ? self->meeting_day : "");
  gtk_editable_set_text (GTK_EDITABLE (place), self->meeting_place != NULL ? self->meeting_place : "");
  meeting_day_changed_cb (GTK_EDITABLE (day), GTK_LABEL (label));

  answer = g_new0 (MeetingDialog, 1);
  answer->self = g_object_ref (self);
  answer->day = GTK_EDITABLE (day);
  answer->place = GTK_EDITABLE (place);
  g_signal_connect_data (dialog, "response", G_CALLBACK (new_meeting_response_cb), answer, meeting_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (day);
}
