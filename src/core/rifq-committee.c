/* rifq-committee.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-calendar.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-numbering.h"
#include "rifq-permission.h"
#include "rifq-record.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-staff.h"
#include "rifq-statement.h"
#include "rifq-validate.h"

#define COMMITTEE_ROLES (RIFQ_ROLE_COMMITTEE | RIFQ_ROLE_CHAIR)

/* The reads the committee's writes make, named so that a write can ask them all ahead
 * (ask_ahead): on a server they are then answered in one round trip. */
#define MEETING_EXISTS_SQL "SELECT 1 FROM meeting WHERE id = ?"
#define MEETING_CHAIR_SQL  "SELECT chair FROM meeting_member WHERE meeting_id = ? AND username = ?"
#define MEETING_ROW_SQL    "SELECT id, held_on, place FROM meeting WHERE id = ?"
#define MEETING_DAY_SQL    "SELECT held_on FROM meeting WHERE id = ?"
#define MEETING_RULE_SQL   "SELECT quorum, majority, chair_breaks_tie, abstentions FROM meeting WHERE id = ?"
#define MEMBERS_SQL        "SELECT m.username, s.full_name, m.present, m.chair" \
                           " FROM meeting_member m JOIN staff s USING (username) WHERE m.meeting_id = ?" \
                           " ORDER BY 4 DESC, s.full_name"
#define AGENDA_SQL         "SELECT request_id FROM agenda_item WHERE meeting_id = ? ORDER BY position"
#define ON_AGENDA_SQL      "SELECT 1 FROM agenda_item WHERE meeting_id = ? AND request_id = ?"
#define HAS_DECISIONS_SQL  "SELECT 1 FROM decision WHERE meeting_id = ? LIMIT 1"
#define ELSEWHERE_SQL      "SELECT a.meeting_id, m.held_on FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id" \
                           " WHERE a.request_id = ?1 AND a.meeting_id <> ?2 AND NOT EXISTS (SELECT 1 FROM decision d" \
                           " WHERE d.meeting_id = a.meeting_id AND d.request_id = ?1) ORDER BY m.held_on, m.id LIMIT 1"
#define DECISION_SQL       "SELECT id, meeting_id, decision, amount, reasons, decided_by, decided_at, quantity" \
                           " FROM decision WHERE request_id = ?1 AND (?2 = 0 OR meeting_id = ?2)" \
                           " ORDER BY id DESC LIMIT 1"
#define VOTES_SQL          "SELECT v.username, s.full_name, v.vote, v.amount, v.note FROM vote v" \
                           " JOIN staff s USING (username) WHERE v.meeting_id = ? AND v.request_id = ?" \
                           " ORDER BY s.full_name"

/* The decisions */

G_DEFINE_FINAL_TYPE (RifqDecision, rifq_decision, G_TYPE_OBJECT)

static void
rifq_decision_finalize (GObject *object)
{
  RifqDecision *self = (RifqDecision *)object;

  g_free (self->decision);
  g_free (self->reasons);
  g_free (self->decided_by);
  g_free (self->decided_at);

  G_OBJECT_CLASS (rifq_decision_parent_class)->finalize (object);
}

static void
get_decision_choice (GObject    *object,
                     GParamSpec *pspec,
                     GValue     *value)
{
  g_value_set_enum (value, rifq_vote_choice_read (RIFQ_DECISION (object)->decision));
}

static void
rifq_decision_class_init (RifqDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqDecision, id, "id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqDecision, meeting_id, "meeting-id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqDecision, decision, "decision", G_TYPE_STRING),
    RIFQ_RECORD_WORKED_OUT ("choice", RIFQ_TYPE_VOTE_CHOICE, get_decision_choice),
    RIFQ_RECORD_FIELD (RifqDecision, amount, "amount", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqDecision, quantity, "quantity", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqDecision, reasons, "reasons", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqDecision, decided_by, "decided-by", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqDecision, decided_at, "decided-at", G_TYPE_STRING),
  };

  object_class->finalize = rifq_decision_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_decision_init (RifqDecision *self)
{
  self->amount = -1;
}

/* The queue's items */

G_DEFINE_FINAL_TYPE (RifqQueueItem, rifq_queue_item, G_TYPE_OBJECT)

static void
rifq_queue_item_finalize (GObject *object)
{
  RifqQueueItem *self = (RifqQueueItem *)object;

  g_clear_object (&self->request);

  G_OBJECT_CLASS (rifq_queue_item_parent_class)->finalize (object);
}

/* An item shows its request's id, number, beneficiary, kind, state and day of submission. */
static void
get_from_request (GObject    *object,
                  GParamSpec *pspec,
                  GValue     *value)
{
  g_object_get_property (G_OBJECT (RIFQ_QUEUE_ITEM (object)->request), pspec->name, value);
}

static void
rifq_queue_item_class_init (RifqQueueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_WORKED_OUT ("id", G_TYPE_INT64, get_from_request),
    RIFQ_RECORD_FIELD (RifqQueueItem, request, "request", RIFQ_TYPE_REQUEST),
    RIFQ_RECORD_WORKED_OUT ("number", G_TYPE_STRING, get_from_request),
    RIFQ_RECORD_WORKED_OUT ("beneficiary-name", G_TYPE_STRING, get_from_request),
    RIFQ_RECORD_WORKED_OUT ("kind", G_TYPE_STRING, get_from_request),
    RIFQ_RECORD_WORKED_OUT ("state", RIFQ_TYPE_REQUEST_STATE, get_from_request),
    RIFQ_RECORD_WORKED_OUT ("submitted-on", G_TYPE_STRING, get_from_request),
    RIFQ_RECORD_FIELD (RifqQueueItem, days_since, "days-since", G_TYPE_INT),
    RIFQ_RECORD_FIELD (RifqQueueItem, days_left, "days-left", G_TYPE_INT),
    RIFQ_RECORD_FIELD (RifqQueueItem, overdue, "overdue", G_TYPE_BOOLEAN),
  };

  object_class->finalize = rifq_queue_item_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_queue_item_init (RifqQueueItem *self)
{
}

/* The meetings */

G_DEFINE_FINAL_TYPE (RifqMeeting, rifq_meeting, G_TYPE_OBJECT)

static void
rifq_meeting_finalize (GObject *object)
{
  RifqMeeting *self = (RifqMeeting *)object;

  g_free (self->held_on);
  g_free (self->place);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->agenda, g_array_unref);

  G_OBJECT_CLASS (rifq_meeting_parent_class)->finalize (object);
}

static void
get_agenda_length (GObject    *object,
                   GParamSpec *pspec,
                   GValue     *value)
{
  GArray *agenda = RIFQ_MEETING (object)->agenda;

  g_value_set_uint (value, agenda != NULL ? agenda->len : 0);
}

static void
rifq_meeting_class_init (RifqMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqMeeting, id, "id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqMeeting, held_on, "held-on", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqMeeting, place, "place", G_TYPE_STRING),
    RIFQ_RECORD_WORKED_OUT ("agenda-length", G_TYPE_UINT, get_agenda_length),
  };

  object_class->finalize = rifq_meeting_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_meeting_init (RifqMeeting *self)
{
}

/* The clock */

void
rifq_committee_clock (const char *submitted_on,
                      const char *due_on,
                      const char *today,
                      int        *out_days_since,
                      int        *out_days_left,
                      gboolean   *out_overdue)
{
  GDate submitted, due, now;
  int since = 0, left = 0;

  if (rifq_calendar_from_iso (today, &now))
    {
      if (submitted_on != NULL && rifq_calendar_from_iso (submitted_on, &submitted))
        since = g_date_days_between (&submitted, &now);
      if (due_on != NULL && rifq_calendar_from_iso (due_on, &due))
        left = g_date_days_between (&now, &due);
    }
  if (out_days_since != NULL)
    *out_days_since = since;
  if (out_days_left != NULL)
    *out_days_left = left;
  if (out_overdue != NULL)
    *out_overdue = due_on != NULL && left < 0;
}

GPtrArray *
rifq_committee_queue (RifqDb                *db,
                      const RifqQueueFilter *filter,
                      GError               **error)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  today = rifq_db_dup_today (db);
  requests = rifq_request_store_list_before_committee (db, filter ? filter->kind : NULL, filter ? filter->city : NULL,
                                                       filter && filter->overdue_only ? today : NULL, error);
  if (requests == NULL)
    return NULL;

  for (guint i = 0; i < requests->len; i++)
    {
      RifqQueueItem *item = g_object_new (RIFQ_TYPE_QUEUE_ITEM, NULL);

      item->request = g_object_ref (g_ptr_array_index (requests, i));
      rifq_committee_clock (item->request->submitted_on, item->request->due_on, today,
                            &item->days_since, &item->days_left, &item->overdue);
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

GStrv
rifq_committee_queue_cities (RifqDb  *db,
                             GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  RifqStatement *stmt;
  int rc;

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;
  stmt = rifq_db_prepare (db, "SELECT DISTINCT b.city FROM request r JOIN beneficiary b ON b.id = r.beneficiary_id"
                              " WHERE r.state IN ('submitted', 'under_review') ORDER BY b.city", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    g_strv_builder_add (builder, rifq_statement_get_text (stmt, 0));
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* How the rule's parts are written in the settings and with each meeting, in enum order. */
static const char * const quorum_codes[] = { "more_than_half", "two_thirds", "all" };
static const char * const majority_codes[] = { "of_present", "of_votes", "of_committee" };

/* Meetings */

static GPtrArray *
committee_members (RifqDb  *db,
                   GError **error)
{
  g_autoptr(GPtrArray) staff = rifq_staff_list (db, COMMITTEE_ROLES, error);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_member_free);

  if (staff == NULL)
    return NULL;
  for (guint i = 0; i < staff->len; i++)
    {
      RifqStaff *person = g_ptr_array_index (staff, i);
      RifqMember *member = g_new0 (RifqMember, 1);

      member->username = g_strdup (person->username);
      member->full_name = g_strdup (person->full_name);
      member->chair = (person->roles & RIFQ_ROLE_CHAIR) != 0;
      if (member->chair)
        g_ptr_array_insert (members, 0, member);
      else
        g_ptr_array_add (members, member);
    }
  return g_steal_pointer (&members);
}

/* What a read asked ahead is given: the meeting, the request, the acting person. */
typedef enum
{
  ASK_MEETING,
  ASK_MEETING_REQUEST,
  ASK_REQUEST_MEETING,
  ASK_MEETING_ACTOR,
  ASK_REQUEST,
} AskValues;

typedef struct
{
  const char *sql;   /* NULL for the request itself (rifq_request_store_prefetch) */
  AskValues   values;
} Ask;

/* Asks ahead the reads a write is about to make on a meeting and a request, ending with the
 * one whose sql is NULL: a server answers them all in one round trip (rifq_db_prefetch). */
static void
ask_ahead (RifqDb    *db,
           const Ask *asks,
           gint64     meeting_id,
           gint64     request_id)
{
  for (const Ask *ask = asks; ; ask++)
    switch (ask->values)
      {
      case ASK_MEETING:
        rifq_db_prefetch (db, ask->sql, RIFQ_PARAMS (RIFQ_INT (meeting_id)));
        break;
      case ASK_MEETING_REQUEST:
        rifq_db_prefetch (db, ask->sql, RIFQ_PARAMS (RIFQ_INT (meeting_id), RIFQ_INT (request_id)));
        break;
      case ASK_REQUEST_MEETING:
        rifq_db_prefetch (db, ask->sql, RIFQ_PARAMS (RIFQ_INT (request_id), RIFQ_INT (meeting_id)));
        break;
      case ASK_MEETING_ACTOR:
        rifq_db_prefetch (db, ask->sql, RIFQ_PARAMS (RIFQ_INT (meeting_id), RIFQ_TEXT (rifq_db_get_actor (db))));
        break;
      case ASK_REQUEST:
      default:
        rifq_request_store_prefetch (db, request_id);
        return;
      }
}

/* Putting a request on the agenda reads all of these. */
static const Ask agenda_asks[] = {
  { MEETING_EXISTS_SQL, ASK_MEETING },
  { MEETING_CHAIR_SQL, ASK_MEETING_ACTOR },
  { MEETING_ROW_SQL, ASK_MEETING },
  { MEMBERS_SQL, ASK_MEETING },
  { AGENDA_SQL, ASK_MEETING },
  { ON_AGENDA_SQL, ASK_MEETING_REQUEST },
  { HAS_DECISIONS_SQL, ASK_MEETING },
  { ELSEWHERE_SQL, ASK_REQUEST_MEETING },
  { NULL, ASK_REQUEST },
};

/* A vote opens the case (open_case) after the member's right to vote. */
static const Ask vote_asks[] = {
  { MEETING_EXISTS_SQL, ASK_MEETING },
  { MEMBERS_SQL, ASK_MEETING },
  { MEETING_DAY_SQL, ASK_MEETING },
  { DECISION_SQL, ASK_REQUEST_MEETING },
  { ON_AGENDA_SQL, ASK_MEETING_REQUEST },
  { NULL, ASK_REQUEST },
};

/* A decision, the same and the tally. */
static const Ask decide_asks[] = {
  { MEETING_EXISTS_SQL, ASK_MEETING },
  { MEETING_CHAIR_SQL, ASK_MEETING_ACTOR },
  { MEETING_DAY_SQL, ASK_MEETING },
  { DECISION_SQL, ASK_REQUEST_MEETING },
  { ON_AGENDA_SQL, ASK_MEETING_REQUEST },
  { MEETING_RULE_SQL, ASK_MEETING },
  { MEMBERS_SQL, ASK_MEETING },
  { VOTES_SQL, ASK_MEETING_REQUEST },
  { NULL, ASK_REQUEST },
};

static void
set_no_meeting_error (GError **error,
                      gint64   meeting_id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("There is no meeting %s."), number);
}

/* Every action on a meeting asks first: one that does not exist is said to be so. */
static gboolean
require_meeting (RifqDb  *db,
                 gint64   meeting_id,
                 GError **error)
{
  RifqStatement *stmt = rifq_db_query (db, MEETING_EXISTS_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id)), error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  found = rifq_statement_step (stmt) == RIFQ_STEP_ROW;
  rifq_statement_reset (stmt);
  if (!found)
    set_no_meeting_error (error, meeting_id);
  return found;
}

/* The chair listed with the meeting runs it, even when the committee has a new chair since:
 * a seat on the committee first, then that meeting's chair. */
static gboolean
require_meeting_chair (RifqDb          *db,
                       gint64           meeting_id,
                       RifqPermission   permission,
                       GError         **error)
{
  RifqStatement *stmt;
  gboolean chair = FALSE;

  if (!rifq_permission_check (db, permission, error) || !require_meeting (db, meeting_id, error))
    return FALSE;
  stmt = rifq_db_query (db, MEETING_CHAIR_SQL,
                        RIFQ_PARAMS (RIFQ_INT (meeting_id), RIFQ_TEXT (rifq_db_get_actor (db))), error);
  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    chair = rifq_statement_get_int (stmt, 0) != 0;
  rifq_statement_reset (stmt);
  if (!chair)
    g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED, _("Only the meeting’s chair may %s."),
                 rifq_permission_label (permission));
  return chair;
}

static JsonNode *
meeting_json (gint64      id,
              const char *member,
              const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "meeting", id);
  if (member != NULL)
    {
      rifq_json_add_string (builder, member, value ? value : "");
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  const char  *held_on;
  const char  *place;
  gint64       meeting_id;
  gint64       request_id;
  const char  *username;
  gboolean     present;
  const char  *vote;
  gint64       amount;
  gint64       quantity;
  const char  *text;
} Job;

static gboolean
create_meeting_cb (RifqDb      *db,
                   RifqDbWrite *write,
                   gpointer     user_data,
                   GError     **error)
{
  Job *job = user_data;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *stamp = rifq_db_dup_now ();
  RifqRule rule;

  if (!rifq_permission_check (db, RIFQ_PERMISSION_CALL_MEETING, error))
    return FALSE;
  members = committee_members (db, error);
  if (members == NULL)
    return FALSE;

  /* The meeting keeps the rule it is called under, whatever the settings say later. */
  rifq_committee_rule_get (db, &rule);
  job->meeting_id =
    rifq_db_execute_insert (db, "INSERT INTO meeting (held_on, place, created_by, created_at, quorum, majority,"
                                " chair_breaks_tie, abstentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            RIFQ_PARAMS (RIFQ_TEXT (job->held_on),
                                         RIFQ_TEXT (rifq_text_is_blank (job->place) ? NULL : job->place),
                                         RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (stamp),
                                         RIFQ_TEXT (quorum_codes[rule.quorum]),
                                         RIFQ_TEXT (majority_codes[rule.majority]),
                                         RIFQ_INT (rule.chair_breaks_tie),
                                         RIFQ_TEXT (rifq_abstentions_code (rule.abstentions))),
                            error);
  if (job->meeting_id == 0)
    return FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      RifqMember *member = g_ptr_array_index (members, i);

      if (!rifq_db_execute (db, "INSERT INTO meeting_member (meeting_id, username, present, chair) VALUES (?, ?, 0, ?)",
                            RIFQ_PARAMS (RIFQ_INT (job->meeting_id), RIFQ_TEXT (member->username),
                                         RIFQ_INT (member->chair)), error))
        return FALSE;
    }
  rifq_db_write_audit_take (write, "create", "meeting", job->meeting_id, NULL,
                            meeting_json (job->meeting_id, "held_on", job->held_on), NULL);
  return TRUE;
}

RifqMeeting *
rifq_committee_meeting_create (RifqDb     *db,
                               const char *held_on,
                               const char *place,
                               GError    **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *iso = NULL;
  Job job = { 0 };
  RifqCalendarKind kind;
  GDate day;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_validate_text (held_on, RIFQ_TEXT_LINE, _("Meeting date"), error) ||
      !rifq_validate_text (place, RIFQ_TEXT_LINE, _("Meeting place"), error))
    return NULL;
  if (rifq_text_is_blank (held_on) || !rifq_calendar_parse (held_on, &day, &kind, &local))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Meeting date: %s"),
                   local ? local->message : _("enter the day of the meeting."));
      return NULL;
    }
  iso = rifq_calendar_to_iso (&day);
  job.held_on = iso;
  job.place = place;
  if (!rifq_db_write (db, create_meeting_cb, &job, error))
    return NULL;
  return rifq_committee_meeting_get (db, job.meeting_id, error);
}

static gpointer
member_from_row (RifqStatement *stmt)
{
  RifqMember *member = g_new0 (RifqMember, 1);

  member->username = rifq_statement_dup_text (stmt, 0);
  member->full_name = rifq_statement_dup_text (stmt, 1);
  member->present = rifq_statement_get_int (stmt, 2);
  member->chair = rifq_statement_get_int (stmt, 3);
  return member;
}

/* The committee as it stood when the meeting was called: its members are listed with it, the
 * chair first. */
static GPtrArray *
load_members (RifqDb  *db,
              gint64   meeting_id,
              GError **error)
{
  return rifq_db_query_all (db, MEMBERS_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id)),
                            member_from_row, (GDestroyNotify) rifq_member_free, error);
}

/* The ids a query lists, in order; NULL with error on failure. */
static GArray *
query_ids (RifqDb           *db,
           const char       *sql,
           const RifqValue  *params,
           guint             n_params,
           GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RifqStatement *stmt = rifq_db_query (db, sql, params, n_params, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      gint64 id = rifq_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static RifqMeeting *
meeting_read (RifqDb  *db,
              gint64   meeting_id,
              GError **error)
{
  g_autoptr(RifqMeeting) meeting = NULL;
  RifqStatement *stmt;

  stmt = rifq_db_query (db, MEETING_ROW_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id)), error);
  if (stmt == NULL)
    return NULL;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      meeting = g_object_new (RIFQ_TYPE_MEETING, NULL);
      meeting->id = rifq_statement_get_int64 (stmt, 0);
      meeting->held_on = rifq_statement_dup_text (stmt, 1);
      meeting->place = rifq_statement_dup_text (stmt, 2);
    }
  rifq_statement_reset (stmt);
  if (meeting == NULL)
    {
      set_no_meeting_error (error, meeting_id);
      return NULL;
    }

  meeting->members = load_members (db, meeting_id, error);
  if (meeting->members == NULL)
    return NULL;

  meeting->agenda = query_ids (db, AGENDA_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id)), error);
  if (meeting->agenda == NULL)
    return NULL;
  return g_steal_pointer (&meeting);
}

RifqMeeting *
rifq_committee_meeting_get (RifqDb  *db,
                            gint64   meeting_id,
                            GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;
  return meeting_read (db, meeting_id, error);
}

GPtrArray *
rifq_committee_meetings (RifqDb  *db,
                         guint    limit,
                         GError **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;
  ids = query_ids (db, "SELECT id FROM meeting ORDER BY held_on DESC, id DESC LIMIT ?",
                   RIFQ_PARAMS (RIFQ_INT ((int) MIN (limit, G_MAXINT))), error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      RifqMeeting *meeting = meeting_read (db, g_array_index (ids, gint64, i), error);

      if (meeting == NULL)
        return NULL;
      g_ptr_array_add (meetings, meeting);
    }
  return g_steal_pointer (&meetings);
}

/* Whether the meeting has recorded any decision: from then on its attendance and agenda stand. */
static gboolean
meeting_has_decisions (RifqDb *db,
                       gint64  meeting_id)
{
  gint64 one;
  gboolean found;

  rifq_db_query_int (db, HAS_DECISIONS_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id)), &one, &found, NULL);
  return found;
}

static gboolean
set_present_cb (RifqDb      *db,
                RifqDbWrite *write,
                gpointer     user_data,
                GError     **error)
{
  Job *job = user_data;
  RifqStatement *stmt;
  gint64 changed;

  if (!require_meeting_chair (db, job->meeting_id, RIFQ_PERMISSION_ATTENDANCE, error))
    return FALSE;
  /* The decisions were taken by the members present then: the record of them stays as it was. */
  if (meeting_has_decisions (db, job->meeting_id))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                           _("The meeting has decided on a request: who was present can no longer change."));
      return FALSE;
    }
  stmt = rifq_db_query (db, "UPDATE meeting_member SET present = ? WHERE meeting_id = ? AND username = ?",
                        RIFQ_PARAMS (RIFQ_INT (job->present ? 1 : 0), RIFQ_INT (job->meeting_id),
                                     RIFQ_TEXT (job->username)), error);
  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) != RIFQ_STEP_DONE)
    return rifq_db_fail (db, error);
  changed = rifq_statement_changes (stmt);
  /* Below zero: the UPDATE failed, told only when its count was asked for (a server's). */
  if (changed < 0)
    return rifq_db_fail (db, error);
  if (changed == 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                   _("“%s” is not a member of the research committee at this meeting."), job->username);
      return FALSE;
    }
  rifq_db_write_audit_take (write, job->present ? "present" : "absent", "meeting", job->meeting_id, NULL,
                            meeting_json (job->meeting_id, "member", job->username), NULL);
  return TRUE;
}

gboolean
rifq_committee_set_present (RifqDb     *db,
                            gint64      meeting_id,
                            const char *username,
                            gboolean    present,
                            GError    **error)
{
  Job job = { .meeting_id = meeting_id, .username = username, .present = present };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  return rifq_db_write (db, set_present_cb, &job, error);
}

static gboolean
on_agenda (RifqDb  *db,
           gint64   meeting_id,
           gint64   request_id)
{
  gint64 one;
  gboolean found;

  rifq_db_query_int (db, ON_AGENDA_SQL,
                     RIFQ_PARAMS (RIFQ_INT (meeting_id), RIFQ_INT (request_id)), &one, &found, NULL);
  return found;
}

/* "meeting 3 of 20 Jumada al-Akhirah 1448 AH — 30 November 2026", for the messages. */
static char *
meeting_name (gint64      meeting_id,
              const char *held_on)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  g_autofree char *day = rifq_calendar_format_iso_both (held_on, rifq_calendar_interface_digits ());

  /* Translators: "meeting 3 of 20 Jumada al-Akhirah 1448 AH — 30 November 2026" */
  return g_strdup_printf (_("meeting %s of %s"), number, day);
}

/* The other meeting that has the request on its agenda and has not decided on it, or 0. */
static gint64
undecided_elsewhere (RifqDb  *db,
                     gint64   meeting_id,
                     gint64   request_id,
                     char   **out_held_on)
{
  RifqStatement *stmt;
  gint64 found = 0;

  stmt = rifq_db_query (db, ELSEWHERE_SQL, RIFQ_PARAMS (RIFQ_INT (request_id), RIFQ_INT (meeting_id)), NULL);
  if (stmt == NULL)
    return 0;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      found = rifq_statement_get_int64 (stmt, 0);
      *out_held_on = rifq_statement_dup_text (stmt, 1);
    }
  rifq_statement_reset (stmt);
  return found;
}

static gboolean
add_to_agenda_cb (RifqDb      *db,
                  RifqDbWrite *write,
                  gpointer     user_data,
                  GError     **error)
{
  Job *job = user_data;
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;
  g_autofree char *other_day = NULL;
  gint64 other;

  ask_ahead (db, agenda_asks, job->meeting_id, job->request_id);
  if (!require_meeting_chair (db, job->meeting_id, RIFQ_PERMISSION_AGENDA, error))
    return FALSE;
  meeting = rifq_committee_meeting_get (db, job->meeting_id, error);
  r = meeting ? rifq_request_store_get (db, job->request_id, error) : NULL;
  if (r == NULL)
    return FALSE;
  if (on_agenda (db, job->meeting_id, job->request_id))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DUPLICATE, _("Request %s is already on this meeting’s agenda."),
                   r->number);
      return FALSE;
    }
  /* The agenda closes with the first decision, as attendance does: the minutes list what the
   * committee had before it when it began deciding. */
  if (meeting_has_decisions (db, job->meeting_id))
    {
      g_autofree char *name = meeting_name (meeting->id, meeting->held_on);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Request %s cannot be added: %s has recorded decisions, and its agenda closed with the "
                     "first of them. Put the request on the agenda of a later meeting."), r->number, name);
      return FALSE;
    }
  /* One meeting at a time decides a request. */
  other = undecided_elsewhere (db, job->meeting_id, job->request_id, &other_day);
  if (other != 0)
    {
      g_autofree char *name = meeting_name (other, other_day);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Request %s is already on the agenda of %s, which has not decided on it: decide on it there, "
                     "or take it off that agenda first."), r->number, name);
      return FALSE;
    }
  /* A submitted request comes under review; a deferred one is reconsidered. */
  if (r->state == RIFQ_REQUEST_SUBMITTED || r->state == RIFQ_REQUEST_DEFERRED)
    {
      if (!rifq_request_store_advance_in (db, write, r->id,
                                          r->state == RIFQ_REQUEST_SUBMITTED ? RIFQ_ACTION_REVIEW
                                                                             : RIFQ_ACTION_RECONSIDER,
                                          NULL, RIFQ_ROLE_CHAIR, error))
        return FALSE;
    }
  else if (r->state != RIFQ_REQUEST_UNDER_REVIEW)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Request %s is “%s”: only a request submitted to the committee can be on its agenda."),
                   r->number, rifq_request_state_label (r->state));
      return FALSE;
    }

  if (!rifq_db_execute (db, "INSERT INTO agenda_item (meeting_id, request_id, position) VALUES (?1, ?2,"
                            " (SELECT COALESCE (MAX (position), 0) + 1 FROM agenda_item WHERE meeting_id = ?1))",
                        RIFQ_PARAMS (RIFQ_INT (job->meeting_id), RIFQ_INT (job->request_id)), error))
    return FALSE;
  rifq_db_write_audit_take (write, "agenda", "meeting", job->meeting_id, NULL,
                            meeting_json (job->meeting_id, "request", r->number), NULL);
  return TRUE;
}

gboolean
rifq_committee_add_to_agenda (RifqDb  *db,
                              gint64   meeting_id,
                              gint64   request_id,
                              GError **error)
{
  Job job = { .meeting_id = meeting_id, .request_id = request_id };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  return rifq_db_write (db, add_to_agenda_cb, &job, error);
}

static JsonNode *
votes_json (GPtrArray *cast)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < cast->len; i++)
    {
      RifqVote *vote = g_ptr_array_index (cast, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "member", vote->username);
      rifq_json_add_string (builder, "vote", vote->vote);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static gboolean
remove_from_agenda_cb (RifqDb      *db,
                       RifqDbWrite *write,
                       gpointer     user_data,
                       GError     **error)
{
  Job *job = user_data;
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqDecision) decided = NULL;
  g_autoptr(GPtrArray) cast = NULL;
  g_autoptr(JsonNode) before = NULL;
  const char *statements[] = { "DELETE FROM vote WHERE meeting_id = ? AND request_id = ?",
                               "DELETE FROM agenda_item WHERE meeting_id = ? AND request_id = ?" };

  if (!require_meeting_chair (db, job->meeting_id, RIFQ_PERMISSION_AGENDA, error))
    return FALSE;
  r = rifq_request_store_get (db, job->request_id, error);
  if (r == NULL)
    return FALSE;
  if (!on_agenda (db, job->meeting_id, job->request_id))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("Request %s is not on this meeting’s agenda."),
                   r->number);
      return FALSE;
    }
  decided = rifq_committee_decision (db, job->meeting_id, job->request_id);
  if (decided != NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The meeting has decided on request %s: it stays on the agenda and in the minutes."), r->number);
      return FALSE;
    }
  cast = rifq_committee_votes (db, job->meeting_id, job->request_id, error);
  if (cast == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (!rifq_db_execute (db, statements[i], RIFQ_PARAMS (RIFQ_INT (job->meeting_id), RIFQ_INT (job->request_id)),
                          error))
      return FALSE;
  /* The votes cast on it there are gone from the meeting, not from the record. */
  before = meeting_json (job->meeting_id, "request", r->number);
  json_object_set_member (json_node_get_object (before), "votes", votes_json (cast));
  rifq_db_write_audit_take (write, "agenda-remove", "meeting", job->meeting_id, g_steal_pointer (&before), NULL, NULL);
  /* Taking off the last undecided case makes the minutes final too. */
  return !rifq_seal_minutes_final (db, job->meeting_id) || rifq_seal_minutes_in (db, write, job->meeting_id, error);
}

gboolean
rifq_committee_remove_from_agenda (RifqDb  *db,
                                   gint64   meeting_id,
                                   gint64   request_id,
                                   GError **error)
{
  Job job = { .meeting_id = meeting_id, .request_id = request_id };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  return rifq_db_write (db, remove_from_agenda_cb, &job, error);
}

/* Votes and the rule */

static char *
meeting_day (RifqDb *db,
             gint64  meeting_id)
{
  return rifq_db_query_text (db, MEETING_DAY_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id)), NULL);
}

/* Checks that the meeting's day has come, and that the request is on its agenda, under review
 * and not yet decided there. */
static RifqRequest *
open_case (RifqDb   *db,
           gint64    meeting_id,
           gint64    request_id,
           GError  **error)
{
  g_autofree char *held_on = meeting_day (db, meeting_id);
  g_autofree char *today = rifq_db_dup_today (db);
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqDecision) decided = NULL;

  if (held_on == NULL)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("There is no such meeting."));
      return NULL;
    }
  /* ISO dates compare as text. */
  if (g_strcmp0 (today, held_on) < 0)
    {
      g_autofree char *day = rifq_calendar_format_iso_both (held_on, rifq_calendar_interface_digits ());

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The meeting is on %s: its votes and decisions are recorded from that day on, not before."), day);
      return NULL;
    }
  r = rifq_request_store_get (db, request_id, error);
  if (r == NULL)
    return NULL;
  if (r->state != RIFQ_REQUEST_UNDER_REVIEW)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Request %s is “%s”, not under review: the committee cannot vote or decide on it."),
                   r->number, rifq_request_state_label (r->state));
      return NULL;
    }
  /* Deferred here and taken up again by a later meeting: that one decides now. */
  decided = rifq_committee_decision (db, meeting_id, request_id);
  if (decided != NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("This meeting has already decided on request %s (%s): it cannot vote or decide on it again."),
                   r->number, rifq_vote_choice_noun (rifq_vote_choice_read (decided->decision)));
      return NULL;
    }
  if (!on_agenda (db, meeting_id, request_id))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED, _("Request %s is not on this meeting’s agenda."),
                   r->number);
      return NULL;
    }
  return g_steal_pointer (&r);
}

static gboolean
vote_cb (RifqDb      *db,
         RifqDbWrite *write,
         gpointer     user_data,
         GError     **error)
{
  Job *job = user_data;
  g_autoptr(RifqRequest) r = NULL;
  g_autofree char *stamp = rifq_db_dup_now ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *actor = rifq_db_get_actor (db);
  g_autoptr(GPtrArray) members = NULL;

  ask_ahead (db, vote_asks, job->meeting_id, job->request_id);
  if (!rifq_permission_check (db, RIFQ_PERMISSION_VOTE, error) || !require_meeting (db, job->meeting_id, error))
    return FALSE;
  members = load_members (db, job->meeting_id, error);
  if (members == NULL)
    return FALSE;
  switch (rifq_member_may_vote (members, actor, rifq_staff_actor_roles (db)))
    {
    case RIFQ_VOTER_NOT_A_MEMBER:
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                           _("Only the members seated on the committee when this meeting was called may vote at it."));
      return FALSE;
    case RIFQ_VOTER_ABSENT:
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("Only a member recorded as present at this meeting may vote at it."));
      return FALSE;
    case RIFQ_VOTER_MAY_VOTE:
    default:
      break;
    }
  r = open_case (db, job->meeting_id, job->request_id, error);
  if (r == NULL)
    return FALSE;

  if (!rifq_db_execute (db, "INSERT INTO vote (meeting_id, request_id, username, vote, amount, note, at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (meeting_id, request_id, username)"
                            " DO UPDATE SET vote = ?4, amount = ?5, note = ?6, at = ?7",
                        RIFQ_PARAMS (RIFQ_INT (job->meeting_id), RIFQ_INT (job->request_id), RIFQ_TEXT (actor),
                                     RIFQ_TEXT (job->vote), RIFQ_INT_IF (job->amount >= 0, job->amount),
                                     RIFQ_TEXT (rifq_text_is_blank (job->text) ? NULL : job->text), RIFQ_TEXT (stamp)),
                        error))
    return FALSE;

  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "meeting", job->meeting_id);
  rifq_json_add_string (builder, "vote", job->vote);
  rifq_json_add_int_if (builder, "amount", job->amount >= 0, job->amount);
  json_builder_end_object (builder);
  rifq_db_write_audit_take (write, "vote", "request", r->id, NULL, json_builder_get_root (builder), job->text);
  return TRUE;
}

gboolean
rifq_committee_vote (RifqDb     *db,
                     gint64      meeting_id,
                     gint64      request_id,
                     const char *vote,
                     gint64      amount,
                     const char *note,
                     GError    **error)
{
  Job job = { .meeting_id = meeting_id, .request_id = request_id, .vote = vote, .amount = amount, .text = note };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (!rifq_vote_choice_from_code (vote, NULL))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Vote: choose acceptance, rejection or deferral."));
      return FALSE;
    }
  if (!rifq_validate_text (note, RIFQ_TEXT_NOTES, _("Note"), error))
    return FALSE;
  if (amount < -1)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Amount: enter a whole number of riyals, or nothing."));
      return FALSE;
    }
  return rifq_db_write (db, vote_cb, &job, error);
}

static void
rule_from_codes (RifqRule   *rule,
                 const char *quorum,
                 const char *majority,
                 gboolean    chair_breaks_tie,
                 const char *abstentions)
{
  rule->quorum = g_strcmp0 (quorum, "two_thirds") == 0 ? RIFQ_QUORUM_TWO_THIRDS
                 : g_strcmp0 (quorum, "all") == 0 ? RIFQ_QUORUM_ALL
                 : RIFQ_QUORUM_MORE_THAN_HALF;
  rule->majority = g_strcmp0 (majority, "of_votes") == 0 ? RIFQ_MAJORITY_OF_VOTES
                   : g_strcmp0 (majority, "of_committee") == 0 ? RIFQ_MAJORITY_OF_COMMITTEE
                   : RIFQ_MAJORITY_OF_PRESENT;
  rule->chair_breaks_tie = chair_breaks_tie;
  if (!rifq_abstentions_from_code (abstentions, &rule->abstentions))
    rule->abstentions = RIFQ_ABSTENTIONS_AS_PRESENT;
}

/* The rule the settings give; an unknown value reads as the policy's default. */
void
rifq_committee_rule_get (RifqDb   *db,
                         RifqRule *rule)
{
  g_autofree char *quorum = NULL;
  g_autofree char *majority = NULL;
  g_autofree char *chair_breaks = NULL;
  g_autofree char *abstentions = NULL;

  g_return_if_fail (RIFQ_IS_DB (db));
  g_return_if_fail (rule != NULL);

  quorum = rifq_db_get_setting (db, "committee_quorum");
  majority = rifq_db_get_setting (db, "committee_majority");
  chair_breaks = rifq_db_get_setting (db, "committee_chair_breaks_tie");
  abstentions = rifq_db_get_setting (db, "committee_abstentions");
  rule_from_codes (rule, quorum, majority, g_strcmp0 (chair_breaks, "0") != 0, abstentions);
}

gboolean
rifq_committee_meeting_rule (RifqDb    *db,
                             gint64     meeting_id,
                             RifqRule  *rule,
                             GError   **error)
{
  RifqStatement *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  stmt = rifq_db_query (db, MEETING_RULE_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id)), error);
  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      rule_from_codes (rule, rifq_statement_get_text (stmt, 0),
                       rifq_statement_get_text (stmt, 1), rifq_statement_get_int (stmt, 2) != 0,
                       rifq_statement_get_text (stmt, 3));
      found = TRUE;
    }
  rifq_statement_reset (stmt);
  if (!found)
    set_no_meeting_error (error, meeting_id);
  return found;
}

static gpointer vote_from_row (RifqStatement *stmt);

RifqTally *
rifq_committee_tally (RifqDb  *db,
                      gint64   meeting_id,
                      gint64   request_id,
                      GError **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) votes = NULL;
  RifqRule rule;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error) ||
      !rifq_committee_meeting_rule (db, meeting_id, &rule, error))
    return NULL;
  members = load_members (db, meeting_id, error);
  votes = members ? rifq_db_query_all (db, VOTES_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id), RIFQ_INT (request_id)),
                                      vote_from_row, g_object_unref, error)
                  : NULL;
  if (votes == NULL)
    return NULL;
  return rifq_tally_compute (&rule, members, votes);
}

static gboolean issue_letter (RifqDb      *db,
                              RifqDbWrite *write,
                              gint64       request_id,
                              gint64       decision_id,
                              const char  *decision,
                              GError     **error);

static gboolean
decide_cb (RifqDb      *db,
           RifqDbWrite *write,
           gpointer     user_data,
           GError     **error)
{
  Job *job = user_data;
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqTally) tally = NULL;
  g_autoptr(JsonNode) tally_node = NULL;
  g_autofree char *tally_text = NULL;
  g_autofree char *stamp = rifq_db_dup_now ();
  RifqStepDetails details = { .text = job->text };
  gint64 decision_id;

  ask_ahead (db, decide_asks, job->meeting_id, job->request_id);
  if (!require_meeting_chair (db, job->meeting_id, RIFQ_PERMISSION_DECIDE, error))
    return FALSE;
  r = open_case (db, job->meeting_id, job->request_id, error);
  if (r == NULL)
    return FALSE;
  tally = rifq_committee_tally (db, job->meeting_id, job->request_id, error);
  if (tally == NULL)
    return FALSE;
  if (!rifq_tally_allows (tally, rifq_vote_choice_read (job->vote), error))
    return FALSE;

  tally_node = rifq_tally_to_json (tally);
  tally_text = rifq_json_to_text (tally_node);
  decision_id =
    rifq_db_execute_insert (db, "INSERT INTO decision (request_id, meeting_id, decision, amount, reasons, tally_json,"
                                " decided_by, decided_at, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            RIFQ_PARAMS (RIFQ_INT (r->id), RIFQ_INT (job->meeting_id), RIFQ_TEXT (job->vote),
                                         RIFQ_INT_IF (job->amount >= 0, job->amount), RIFQ_TEXT (job->text),
                                         RIFQ_TEXT (tally_text), RIFQ_TEXT (rifq_db_get_actor (db)), RIFQ_TEXT (stamp),
                                         RIFQ_INT_IF (job->quantity > 0, job->quantity)),
                            error);
  if (decision_id == 0)
    return FALSE;
  rifq_db_write_audit_take (write, "decide", "decision", decision_id, NULL, rifq_tally_to_json (tally), job->text);
  /* The letter to the applicant is numbered with the decision it announces. */
  if (!issue_letter (db, write, r->id, decision_id, job->vote, error))
    return FALSE;

  /* Checked above: the actor chairs this meeting. */
  if (!rifq_request_store_advance_in (db, write, r->id, rifq_vote_choice_action (rifq_vote_choice_read (job->vote)),
                                      &details, RIFQ_ROLE_CHAIR, error))
    return FALSE;
  /* The last case decided makes the minutes final: they are sealed now, once. */
  return !rifq_seal_minutes_final (db, job->meeting_id) || rifq_seal_minutes_in (db, write, job->meeting_id, error);
}

gboolean
rifq_committee_decide (RifqDb     *db,
                       gint64      meeting_id,
                       gint64      request_id,
                       const char *decision,
                       gint64      amount,
                       const char *reasons,
                       GError    **error)
{
  return rifq_committee_decide_full (db, meeting_id, request_id, decision, amount, 0, reasons, error);
}

gboolean
rifq_committee_decide_full (RifqDb     *db,
                            gint64      meeting_id,
                            gint64      request_id,
                            const char *decision,
                            gint64      amount,
                            gint64      quantity,
                            const char *reasons,
                            GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reasons ? reasons : ""));
  Job job = { .meeting_id = meeting_id, .request_id = request_id, .vote = decision, .amount = amount,
              .quantity = quantity, .text = trimmed };

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (!rifq_vote_choice_from_code (decision, NULL))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Decision: choose acceptance, rejection or deferral."));
      return FALSE;
    }
  if (amount < -1)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Amount: enter a whole number of riyals, or nothing."));
      return FALSE;
    }
  if (quantity < 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Quantity: enter a whole number, or nothing."));
      return FALSE;
    }
  if (*trimmed == '\0')
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Reasons: write the reasons for the decision."));
      return FALSE;
    }
  if (!rifq_validate_text (trimmed, RIFQ_TEXT_NOTES, _("Reasons"), error))
    return FALSE;
  return rifq_db_write (db, decide_cb, &job, error);
}

/* The outgoing letters register */

/* The kind of letter each choice's decision is announced by, as the register keeps it. */
static const char * const letter_kinds[RIFQ_N_VOTE_CHOICES] = {
  [RIFQ_VOTE_ACCEPT] = "acceptance",
  [RIFQ_VOTE_REJECT] = "rejection",
  [RIFQ_VOTE_DEFER] = "deferral",
};

char *
rifq_committee_register_letter (RifqDb      *db,
                                gint64       request_id,
                                gint64       decision_id,
                                const char  *decision,
                                const char  *issued_on,
                                const char  *issued_by,
                                gint64      *out_letter_id,
                                GError     **error)
{
  g_autofree char *number = NULL;
  RifqHijriDate hijri;
  GDate day;

  if (!rifq_calendar_from_iso (issued_on, &day) || !rifq_calendar_to_hijri (&day, &hijri, error))
    return NULL;
  number = rifq_numbering_next (db, RIFQ_REGISTER_LETTER, hijri.year, NULL, NULL, error);
  if (number == NULL)
    return NULL;

  *out_letter_id =
    rifq_db_execute_insert (db, "INSERT INTO letter (number, request_id, decision_id, kind, issued_on, issued_by)"
                                " VALUES (?, ?, ?, ?, ?, ?)",
                            RIFQ_PARAMS (RIFQ_TEXT (number), RIFQ_INT (request_id), RIFQ_INT (decision_id),
                                         RIFQ_TEXT (letter_kinds[rifq_vote_choice_read (decision)]),
                                         RIFQ_TEXT (issued_on), RIFQ_TEXT (issued_by)),
                            error);
  if (*out_letter_id == 0)
    return NULL;
  return g_steal_pointer (&number);
}

/* Numbers the decision's letter in the register, inside the decision's write. */
static gboolean
issue_letter (RifqDb      *db,
              RifqDbWrite *write,
              gint64       request_id,
              gint64       decision_id,
              const char  *decision,
              GError     **error)
{
  g_autofree char *stamp = rifq_db_dup_now ();
  g_autofree char *today = rifq_db_dup_today (db);
  g_autofree char *number = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 letter_id;

  number = rifq_committee_register_letter (db, request_id, decision_id, decision, today, rifq_db_get_actor (db),
                                           &letter_id, error);
  if (number == NULL)
    return FALSE;
  /* The letter is sealed as it is numbered: every print of it carries this seal. */
  if (!rifq_seal_letter_in (db, write, letter_id, error))
    return FALSE;

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "letter", number);
  rifq_json_add_string (builder, "issued_at", stamp);
  json_builder_end_object (builder);
  rifq_db_write_audit_take (write, "letter", "request", request_id, NULL, json_builder_get_root (builder), NULL);
  return TRUE;
}

char *
rifq_committee_letter_number (RifqDb  *db,
                              gint64   request_id,
                              GError **error)
{
  RifqStatement *stmt;
  char *number = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;
  stmt = rifq_db_query (db, "SELECT l.number FROM letter l JOIN decision d ON d.id = l.decision_id"
                            " WHERE l.request_id = ? ORDER BY d.id DESC LIMIT 1",
                        RIFQ_PARAMS (RIFQ_INT (request_id)), error);
  if (stmt == NULL)
    return NULL;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    number = rifq_statement_dup_text (stmt, 0);
  rifq_statement_reset (stmt);
  if (number == NULL)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                         _("The committee has not decided on this request yet: there is no letter to send."));
  return number;
}

gint64
rifq_committee_letter_id (RifqDb *db,
                          gint64  request_id)
{
  gint64 id;

  g_return_val_if_fail (RIFQ_IS_DB (db), 0);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, NULL))
    return 0;
  rifq_db_query_int (db, "SELECT l.id FROM letter l JOIN decision d ON d.id = l.decision_id"
                         " WHERE l.request_id = ? ORDER BY d.id DESC LIMIT 1", RIFQ_PARAMS (RIFQ_INT (request_id)),
                     &id, NULL, NULL);
  return id;
}

gint64
rifq_committee_letter_by_number (RifqDb     *db,
                                 const char *number)
{
  gint64 id;

  g_return_val_if_fail (RIFQ_IS_DB (db), 0);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, NULL))
    return 0;
  rifq_db_query_int (db, "SELECT id FROM letter WHERE number = ?", RIFQ_PARAMS (RIFQ_TEXT (number)), &id, NULL, NULL);
  return id;
}

static gpointer
vote_from_row (RifqStatement *stmt)
{
  RifqVote *vote = rifq_vote_new ();

  vote->username = rifq_statement_dup_text (stmt, 0);
  vote->full_name = rifq_statement_dup_text (stmt, 1);
  vote->vote = rifq_statement_dup_text (stmt, 2);
  vote->amount = rifq_statement_is_null (stmt, 3) ? -1 : rifq_statement_get_int64 (stmt, 3);
  vote->note = rifq_statement_dup_text (stmt, 4);
  return vote;
}

GPtrArray *
rifq_committee_votes (RifqDb  *db,
                      gint64   meeting_id,
                      gint64   request_id,
                      GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, error))
    return NULL;
  return rifq_db_query_all (db, VOTES_SQL, RIFQ_PARAMS (RIFQ_INT (meeting_id), RIFQ_INT (request_id)),
                            vote_from_row, g_object_unref, error);
}

RifqDecision *
rifq_committee_decision (RifqDb  *db,
                         gint64   meeting_id,
                         gint64   request_id)
{
  RifqDecision *decision = NULL;
  RifqStatement *stmt;

  g_return_val_if_fail (RIFQ_IS_DB (db), NULL);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_READ_RECORDS, NULL))
    return NULL;
  stmt = rifq_db_query (db, DECISION_SQL, RIFQ_PARAMS (RIFQ_INT (request_id), RIFQ_INT (meeting_id)), NULL);
  if (stmt == NULL)
    return NULL;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      decision = g_object_new (RIFQ_TYPE_DECISION, NULL);
      decision->id = rifq_statement_get_int64 (stmt, 0);
      decision->meeting_id = rifq_statement_get_int64 (stmt, 1);
      decision->decision = rifq_statement_dup_text (stmt, 2);
      decision->amount = rifq_statement_is_null (stmt, 3) ? -1 : rifq_statement_get_int64 (stmt, 3);
      decision->reasons = rifq_statement_dup_text (stmt, 4);
      decision->decided_by = rifq_statement_dup_text (stmt, 5);
      decision->decided_at = rifq_statement_dup_text (stmt, 6);
      decision->quantity = rifq_statement_get_int64 (stmt, 7);
    }
  rifq_statement_reset (stmt);
  return decision;
}
