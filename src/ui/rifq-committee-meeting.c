/* rifq-committee-meeting.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-meeting"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-committee-meeting.h"
#include "rifq-committee-member-row.h"
#include "rifq-record-list.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-staff.h"
#include "rifq-validate.h"

struct _RifqCommitteeMeeting
{
  GtkWidget            parent_instance;

  /* template children */
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkLabel            *day_label;
  GtkLabel            *place_label;
  AdwPreferencesGroup *members_group;
  GtkWidget           *minutes_button;
  GtkListBox          *members_list;
  GtkWidget           *agenda_empty_label;
  GtkListBox          *agenda_list;
  AdwStatusPage       *empty_page;

  /* owned */
  RifqContext         *context;
  RifqDb              *db;             /* the context's */
  RifqMeeting         *meeting;        /* as last read, or NULL */
  GListStore          *members;        /* RifqCommitteeMember */
  RifqRecordList      *agenda;         /* RifqRequest, on the meeting's agenda */
  GHashTable          *drafts;         /* gint64 * request id → RifqVoteDraft * */

  /* state */
  gboolean             chair;          /* whether the person acting chairs this meeting */
};

enum {
  PROP_0,
  PROP_MEETING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RifqCommitteeMeeting, rifq_committee_meeting, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static void
packet_clicked_cb (RifqCommitteeMeeting *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "committee.packet", NULL);
}

static void
minutes_clicked_cb (RifqCommitteeMeeting *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "committee.minutes", NULL);
}

static GtkWidget *
member_row_create (gpointer item,
                   gpointer user_data)
{
  return rifq_committee_member_row_new (item, RIFQ_COMMITTEE_MEETING (user_data)->chair);
}

/* The members' rows follow the meeting as read: a row is made again only for a member whose
 * presence (or name) changed, unless every row is to be. */
static void
show_members (RifqCommitteeMeeting *self,
              gboolean              every_row)
{
  GPtrArray *members = self->meeting != NULL ? self->meeting->members : NULL;
  guint n_members = members != NULL ? members->len : 0;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  if (every_row || n_rows != n_members)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      self->chair = self->db != NULL && members != NULL
                    && rifq_member_chairs (members, rifq_db_get_actor (self->db), rifq_staff_actor_roles (self->db),
                                           RIFQ_PERMISSION_ATTENDANCE);
      for (guint i = 0; i < n_members; i++)
        g_ptr_array_add (items, rifq_committee_member_new (g_ptr_array_index (members, i)));
      g_list_store_splice (self->members, 0, n_rows, items->pdata, items->len);
      return;
    }
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(RifqCommitteeMember) shown = g_list_model_get_item (G_LIST_MODEL (self->members), i);
      g_autoptr(RifqCommitteeMember) member = rifq_committee_member_new (g_ptr_array_index (members, i));

      if (!rifq_committee_member_equal (shown, member))
        g_list_store_splice (self->members, i, 1, (gpointer *) &member, 1);
    }
}

/* The line under the members: attendance, quorum, where the minutes stand. */
static void
show_summary (RifqCommitteeMeeting *self)
{
  g_autofree char *n_present = NULL;
  g_autofree char *n_members = NULL;
  g_autofree char *attendance = NULL;
  g_autoptr(RifqTally) quorum = NULL;
  g_autofree char *minutes_altered = NULL;
  g_autoptr(GString) description = NULL;
  g_autofree char *markup = NULL;
  RifqSealState minutes_state;
  const char *minutes_text;
  guint present = 0;

  for (guint i = 0; i < self->meeting->members->len; i++)
    present += ((const RifqMember *) g_ptr_array_index (self->meeting->members, i))->present ? 1 : 0;
  n_present = rifq_ui_display_number (present);
  n_members = rifq_ui_display_number (self->meeting->members->len);
  attendance = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s member present",
                                             "%s of %s members present", self->meeting->members->len),
                                n_present, n_members);
  /* Core's rule says whether they make a quorum: a tally of no request counts only who is there. */
  quorum = rifq_committee_tally (self->db, self->meeting->id, 0, NULL);
  /* Where the minutes stand: a draft while a case is undecided, then sealed, or changed since. */
  minutes_state = rifq_seal_check_minutes (self->db, self->meeting->id, NULL, &minutes_altered);
  minutes_text = minutes_state == RIFQ_SEAL_STATE_GENUINE ? _("minutes sealed")
                 : minutes_state == RIFQ_SEAL_STATE_ALTERED ? _("minutes NOT GENUINE")
                 : rifq_seal_minutes_final (self->db, self->meeting->id) ? _("minutes final, made before seals")
                 : _("minutes in draft");

  description = g_string_new (attendance);
  if (quorum != NULL)
    g_string_append_printf (description, " · %s", quorum->quorum ? _("quorum reached") : _("no quorum yet"));
  g_string_append_printf (description, " · %s", minutes_text);
  markup = g_markup_escape_text (description->str, -1);
  adw_preferences_group_set_description (self->members_group, markup);
  gtk_widget_set_tooltip_text (self->minutes_button,
                               minutes_altered != NULL ? minutes_altered
                               : _("The minutes: every decision with its votes, and lines to sign"));
}

static void
show_meeting (RifqCommitteeMeeting *self)
{
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (scroll);
  g_autofree char *day = NULL;

  show_members (self, TRUE);
  /* Every case made again: the meeting they are on may be another. */
  rifq_record_list_reload (self->agenda, NULL);
  if (self->meeting == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Meetings Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("The chair of the research committee calls a meeting, then adds "
                                         "requests from the queue to its agenda."));
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  day = rifq_calendar_format_iso_both (self->meeting->held_on, rifq_ui_get_digits ());
  gtk_label_set_text (self->day_label, day);
  gtk_label_set_text (self->place_label, self->meeting->place != NULL ? self->meeting->place : "");
  gtk_widget_set_visible (GTK_WIDGET (self->place_label), !rifq_text_is_blank (self->meeting->place));
  show_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "meeting");
  gtk_adjustment_set_value (scroll, scrolled);
}

/* The requests on the open meeting's agenda, in order; none when no meeting is open. */
static GPtrArray *
agenda_requests (RifqDb   *db,
                 gpointer  user_data,
                 GError  **error)
{
  RifqCommitteeMeeting *self = user_data;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RifqMeeting) meeting = NULL;

  if (self->meeting == NULL)
    return g_steal_pointer (&requests);
  meeting = rifq_committee_meeting_get (db, self->meeting->id, error);
  if (meeting == NULL)
    return NULL;
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      gint64 id = g_array_index (meeting->agenda, gint64, i);
      g_autoptr(GError) local = NULL;
      RifqRequest *request = rifq_request_store_get (db, id, &local);

      if (request == NULL)
        g_warning ("Agenda item %" G_GINT64_FORMAT " could not be read: %s", id, local->message);
      else
        g_ptr_array_add (requests, request);
    }
  return g_steal_pointer (&requests);
}

static GtkWidget *
agenda_item_create (gpointer item,
                    gpointer user_data)
{
  RifqCommitteeMeeting *self = user_data;
  RifqRequest *request = item;

  g_assert (self->meeting != NULL);
  return rifq_agenda_item_new (self->context, self->meeting->id, request,
                               rifq_committee_meeting_draft_for (self, request->id));
}

/* The cases 24 pixels apart, as the groups of a page are. */
static void
agenda_gap_cb (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  GtkWidget *gap;

  if (before == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) != NULL)
    return;
  gap = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (gap, -1, 24);
  gtk_list_box_row_set_header (row, gap);
}

static void
agenda_changed_cb (RifqCommitteeMeeting *self)
{
  gtk_widget_set_visible (self->agenda_empty_label, g_list_model_get_n_items (G_LIST_MODEL (self->agenda)) == 0);
}

/* The open meeting was written to: who is present, its agenda. Its cases follow by themselves. */
static void
open_meeting_changed (RifqCommitteeMeeting *self,
                      gboolean              every_member)
{
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_get (self->db, self->meeting->id, NULL);

  if (meeting == NULL)
    return;
  g_set_object (&self->meeting, meeting);
  show_members (self, every_member);
  show_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
records_changed_cb (RifqCommitteeMeeting *self,
                    const char           *kind,
                    GArray               *ids)
{
  if (self->meeting == NULL)
    return;
  if (g_str_equal (kind, "meeting") && ids_contain (ids, self->meeting->id))
    open_meeting_changed (self, FALSE);
  else if (g_str_equal (kind, "decision") || g_str_equal (kind, "minutes"))
    show_summary (self);
}

static void
rifq_committee_meeting_dispose (GObject *object)
{
  RifqCommitteeMeeting *self = (RifqCommitteeMeeting *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_COMMITTEE_MEETING);
  g_clear_object (&self->meeting);
  g_clear_object (&self->members);
  g_clear_object (&self->agenda);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  self->db = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_committee_meeting_parent_class)->dispose (object);
}

static void
rifq_committee_meeting_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RifqCommitteeMeeting *self = RIFQ_COMMITTEE_MEETING (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_committee_meeting_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RifqCommitteeMeeting *self = RIFQ_COMMITTEE_MEETING (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      rifq_committee_meeting_set_meeting (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_committee_meeting_class_init (RifqCommitteeMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_committee_meeting_dispose;
  object_class->get_property = rifq_committee_meeting_get_property;
  object_class->set_property = rifq_committee_meeting_set_property;

  properties[PROP_MEETING] = g_param_spec_object ("meeting", NULL, NULL, RIFQ_TYPE_MEETING,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-committee-meeting.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, scroller);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, day_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, place_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, members_group);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, minutes_button);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, members_list);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, agenda_empty_label);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeMeeting, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, packet_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, minutes_clicked_cb);
}

static void
rifq_committee_meeting_init (RifqCommitteeMeeting *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) rifq_vote_draft_unref);
  self->members = g_list_store_new (RIFQ_TYPE_COMMITTEE_MEMBER);
  gtk_list_box_bind_model (self->members_list, G_LIST_MODEL (self->members), member_row_create, self, NULL);
  gtk_list_box_set_header_func (self->agenda_list, agenda_gap_cb, NULL, NULL);
}

void
rifq_committee_meeting_set_context (RifqCommitteeMeeting *self,
                                    RifqContext          *context)
{
  static const char * const agenda_kinds[] = { "meeting", "request", NULL };
  static const char * const agenda_shown[] = { "number", "beneficiary-name", "kind", "state", NULL };

  g_return_if_fail (RIFQ_IS_COMMITTEE_MEETING (self));
  g_return_if_fail (RIFQ_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->db = rifq_context_get_db (context);
  self->agenda = rifq_record_list_new (self->db, agenda_kinds, agenda_shown, agenda_requests, self, NULL);
  gtk_list_box_bind_model (self->agenda_list, G_LIST_MODEL (self->agenda), agenda_item_create, self, NULL);
  g_signal_connect_object (self->agenda, "items-changed", G_CALLBACK (agenda_changed_cb), self, G_CONNECT_SWAPPED);
  /* After the agenda's: the meeting is read again once its cases are. */
  g_signal_connect_object (self->db, "records-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
}

RifqMeeting *
rifq_committee_meeting_get_meeting (RifqCommitteeMeeting *self)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_MEETING (self), NULL);
  return self->meeting;
}

void
rifq_committee_meeting_set_meeting (RifqCommitteeMeeting *self,
                                    RifqMeeting          *meeting)
{
  g_return_if_fail (RIFQ_IS_COMMITTEE_MEETING (self));
  g_return_if_fail (meeting == NULL || RIFQ_IS_MEETING (meeting));
  g_return_if_fail (self->context != NULL);

  g_set_object (&self->meeting, meeting);
  show_meeting (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
rifq_committee_meeting_show_error (RifqCommitteeMeeting *self,
                                   const char           *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  g_return_if_fail (RIFQ_IS_COMMITTEE_MEETING (self));

  g_clear_object (&self->meeting);
  show_members (self, TRUE);
  rifq_record_list_reload (self->agenda, NULL);
  adw_status_page_set_title (self->empty_page, _("The Meetings Could Not Be Read"));
  adw_status_page_set_description (self->empty_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "none");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
rifq_committee_meeting_reread (RifqCommitteeMeeting *self)
{
  g_return_if_fail (RIFQ_IS_COMMITTEE_MEETING (self));

  if (self->meeting != NULL)
    open_meeting_changed (self, TRUE);
}

void
rifq_committee_meeting_show_vote (RifqCommitteeMeeting *self,
                                  gint64                request_id)
{
  int position;

  g_return_if_fail (RIFQ_IS_COMMITTEE_MEETING (self));

  position = rifq_record_list_find (self->agenda, request_id);
  if (position >= 0)
    rifq_agenda_item_refresh (RIFQ_AGENDA_ITEM (gtk_list_box_get_row_at_index (self->agenda_list, position)));
}

void
rifq_committee_meeting_scroll_to_top (RifqCommitteeMeeting *self)
{
  g_return_if_fail (RIFQ_IS_COMMITTEE_MEETING (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

RifqVoteDraft *
rifq_committee_meeting_lookup_draft (RifqCommitteeMeeting *self,
                                     gint64                request_id)
{
  g_return_val_if_fail (RIFQ_IS_COMMITTEE_MEETING (self), NULL);
  return g_hash_table_lookup (self->drafts, &request_id);
}

RifqVoteDraft *
rifq_committee_meeting_draft_for (RifqCommitteeMeeting *self,
                                  gint64                request_id)
{
  RifqVoteDraft *draft;

  g_return_val_if_fail (RIFQ_IS_COMMITTEE_MEETING (self), NULL);

  draft = g_hash_table_lookup (self->drafts, &request_id);
  if (draft == NULL)
    {
      draft = rifq_vote_draft_new ();
      g_hash_table_insert (self->drafts, g_memdup2 (&request_id, sizeof request_id), draft);
    }
  return draft;
}

void
rifq_committee_meeting_forget_draft (RifqCommitteeMeeting *self,
                                     gint64                request_id)
{
  g_return_if_fail (RIFQ_IS_COMMITTEE_MEETING (self));
  g_hash_table_remove (self->drafts, &request_id);
}

void
rifq_committee_meeting_forget_drafts (RifqCommitteeMeeting *self)
{
  g_return_if_fail (RIFQ_IS_COMMITTEE_MEETING (self));
  g_hash_table_remove_all (self->drafts);
}
