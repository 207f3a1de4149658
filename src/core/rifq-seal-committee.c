/* rifq-seal-committee.c: the seals of the research committee's documents
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-seal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-beneficiary-store.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-request-store.h"
#include "rifq-seal-private.h"
#include "rifq-seal.h"
#include "rifq-statement.h"

/* A decision letter is sealed as the decision is recorded, with the votes, the attendance and the
 * rule it was taken on; a meeting's minutes as its last case is decided, only over decisions that
 * still match their letters' seals. */

/* A meeting, as letters and minutes seal it */

/* Members and votes are sealed by user name: a name changed in Rifq since does not reorder them. */
static int
by_username (gconstpointer a,
             gconstpointer b)
{
  const RifqMember *x = *(RifqMember **) a;
  const RifqMember *y = *(RifqMember **) b;

  return g_strcmp0 (x->username, y->username);
}

static int
vote_by_username (gconstpointer a,
                  gconstpointer b)
{
  const RifqVote *x = *(RifqVote **) a;
  const RifqVote *y = *(RifqVote **) b;

  return g_strcmp0 (x->username, y->username);
}

/* A full name in names, when given, once for each user name (named holds those written). */
static void
add_name (JsonBuilder *names,
          GHashTable  *named,
          const char  *username,
          const char  *full_name)
{
  if (names != NULL && g_hash_table_add (named, g_strdup (username)))
    rifq_json_add_string (names, username, full_name);
}

/* The meeting's members; their full names, once each, in names when given. */
static void
add_members (JsonBuilder *builder,
             JsonBuilder *names,
             GHashTable  *named,
             RifqMeeting *meeting)
{
  g_autoptr(GPtrArray) members = g_ptr_array_copy (meeting->members, NULL, NULL);

  /* The copy would free the members it borrows. */
  g_ptr_array_set_free_func (members, NULL);
  g_ptr_array_sort (members, by_username);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    {
      RifqMember *member = g_ptr_array_index (members, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "username", member->username);
      rifq_json_add_boolean (builder, "chair", member->chair);
      rifq_json_add_boolean (builder, "present", member->present);
      json_builder_end_object (builder);
      add_name (names, named, member->username, member->full_name);
    }
  json_builder_end_array (builder);
}

/* The rule a meeting's decisions are taken under. */
static void
add_rule (JsonBuilder    *builder,
          const RifqRule *rule)
{
  json_builder_set_member_name (builder, "rule");
  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "quorum", rule->quorum);
  rifq_json_add_int (builder, "majority", rule->majority);
  rifq_json_add_int (builder, "abstentions", rule->abstentions);
  rifq_json_add_boolean (builder, "chair_breaks_tie", rule->chair_breaks_tie);
  json_builder_end_object (builder);
}

/* The meeting as its documents seal it: its number, day and place, its rule and its members;
 * names as for add_members. */
static void
add_meeting (JsonBuilder    *builder,
             JsonBuilder    *names,
             GHashTable     *named,
             gint64          meeting_id,
             RifqMeeting    *meeting,
             const RifqRule *rule)
{
  rifq_json_add_int (builder, "meeting_id", meeting_id);
  rifq_json_add_string (builder, "held_on", meeting->held_on);
  rifq_json_add_string (builder, "place", meeting->place);
  add_rule (builder, rule);
  add_members (builder, names, named, meeting);
}

/* The votes cast on a request at a meeting, by user name; names as for add_members. */
static gboolean
add_votes (JsonBuilder *builder,
           JsonBuilder *names,
           GHashTable  *named,
           RifqDb      *db,
           gint64       meeting_id,
           gint64       request_id,
           GError     **error)
{
  g_autoptr(GPtrArray) votes = rifq_committee_votes (db, meeting_id, request_id, error);

  if (votes == NULL)
    return FALSE;
  g_ptr_array_sort (votes, vote_by_username);
  json_builder_set_member_name (builder, "votes");
  json_builder_begin_array (builder);
  for (guint v = 0; v < votes->len; v++)
    {
      RifqVote *vote = g_ptr_array_index (votes, v);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "username", vote->username);
      rifq_json_add_string (builder, "vote", vote->vote);
      rifq_json_add_int (builder, "amount", vote->amount);
      rifq_json_add_string (builder, "note", vote->note);
      json_builder_end_object (builder);
      /* A vote may come from someone no longer listed: their name is kept too, once. */
      add_name (names, named, vote->username, vote->full_name);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* What a decision letter prints */

/* The letter's own record: the decision it announces and its place in the register. */
static JsonNode *
letter_values (RifqDb  *db,
               gint64   letter_id,
               GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RifqRequest) r = NULL;
  g_autoptr(RifqBeneficiary) b = NULL;
  g_autofree char *number = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *issued_on = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *decided_by = NULL;
  g_autofree char *decided_at = NULL;
  g_autofree char *name = NULL;
  g_autofree char *letterhead = NULL;
  g_autoptr(RifqMeeting) meeting = NULL;
  RifqRule rule;
  gint64 request_id = 0, decision_id = 0, amount = -1, quantity = 0, meeting_id = 0;
  RifqStatement *stmt;
  gboolean found;

  stmt = rifq_db_query (db, "SELECT l.number, l.request_id, l.decision_id, l.kind, l.issued_on, d.decision,"
                            " d.reasons, d.amount, d.quantity, d.decided_by, d.decided_at, d.meeting_id FROM letter l"
                            " JOIN decision d ON d.id = l.decision_id WHERE l.id = ?",
                        RIFQ_PARAMS (RIFQ_INT (letter_id)), error);
  if (stmt == NULL)
    return NULL;
  found = rifq_statement_step (stmt) == RIFQ_STEP_ROW;
  if (found)
    {
      number = rifq_statement_dup_text (stmt, 0);
      request_id = rifq_statement_get_int64 (stmt, 1);
      decision_id = rifq_statement_get_int64 (stmt, 2);
      kind = rifq_statement_dup_text (stmt, 3);
      issued_on = rifq_statement_dup_text (stmt, 4);
      decision = rifq_statement_dup_text (stmt, 5);
      reasons = rifq_statement_dup_text (stmt, 6);
      amount = rifq_statement_is_null (stmt, 7) ? -1 : rifq_statement_get_int64 (stmt, 7);
      quantity = rifq_statement_get_int64 (stmt, 8);
      decided_by = rifq_statement_dup_text (stmt, 9);
      decided_at = rifq_statement_dup_text (stmt, 10);
      meeting_id = rifq_statement_get_int64 (stmt, 11);
    }
  rifq_statement_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("The decision letter is not in the register."));
      return NULL;
    }
  r = rifq_request_store_get (db, request_id, error);
  b = r ? rifq_beneficiary_store_get (db, r->beneficiary_id, error) : NULL;
  meeting = b ? rifq_committee_meeting_get (db, meeting_id, error) : NULL;
  if (meeting == NULL || !rifq_committee_meeting_rule (db, meeting_id, &rule, error))
    return NULL;
  name = rifq_beneficiary_dup_full_name (b);
  letterhead = rifq_db_get_setting (db, "association_letterhead");

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "doc", "letter");
  rifq_json_add_string (builder, "number", number);
  json_builder_set_member_name (builder, "letter");
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "number", number);
  rifq_json_add_int (builder, "request_id", request_id);
  rifq_json_add_int (builder, "decision_id", decision_id);
  rifq_json_add_string (builder, "kind", kind);
  rifq_json_add_string (builder, "issued_on", issued_on);
  rifq_json_add_string (builder, "decision", decision);
  rifq_json_add_string (builder, "reasons", reasons);
  rifq_json_add_int_if (builder, "amount", amount >= 0, amount);
  rifq_json_add_int (builder, "quantity", quantity);
  rifq_json_add_string (builder, "decided_by", decided_by);
  rifq_json_add_string (builder, "decided_at", decided_at);
  /* What the decision was taken on, not printed on the letter: the meeting and its votes, sealed
   * here so that they are fixed from the decision on, not only once the minutes are final. */
  json_builder_set_member_name (builder, "meeting");
  json_builder_begin_object (builder);
  add_meeting (builder, NULL, NULL, meeting_id, meeting, &rule);
  json_builder_end_object (builder);
  if (!add_votes (builder, NULL, NULL, db, meeting_id, request_id, error))
    return NULL;
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "as_printed");
  json_builder_begin_object (builder);
  _rifq_seal_add_association (builder, db);
  rifq_json_add_string (builder, "letterhead", letterhead);
  rifq_json_add_string (builder, "name", name);
  rifq_json_add_string (builder, "national_id", rifq_beneficiary_get (b, RIFQ_FIELD_NATIONAL_ID));
  rifq_json_add_string (builder, "sex", rifq_beneficiary_get (b, RIFQ_FIELD_SEX));
  rifq_json_add_string (builder, "request_number", r->number);
  _rifq_seal_add_labels (builder, db, RIFQ_SEAL_LABELS_SUPPORT_KIND, "kind", r->kind);
  _rifq_seal_add_staff_name (builder, db, "signatory", decided_by);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
rifq_seal_letter_values (RifqDb  *db,
                         gint64   letter_id,
                         GError **error)
{
  return _rifq_seal_values_text (letter_values (db, letter_id, error));
}

static const RifqSealSummaryItem letter_summary[] = {
  { "request", "as_printed.request_number" },
  { "national_id", "as_printed.national_id" },
  { "name", "as_printed.name" },
  { "decision", "letter.decision" },
  { "amount", "letter.amount" },
  { "issued_on", "letter.issued_on" },
  { NULL, NULL },
};

gboolean
rifq_seal_letter_in (RifqDb      *db,
                     RifqDbWrite *write,
                     gint64       letter_id,
                     GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  root = letter_values (db, letter_id, error);
  if (root == NULL)
    return FALSE;
  return _rifq_seal_store (db, write, "letter", letter_id,
                           json_object_get_string_member (json_node_get_object (root), "number"), root,
                           letter_summary, NULL, error);
}

/* What the minutes of a meeting print */

/* Whether every request on the meeting's agenda has its decision from this meeting: the minutes
 * are final then, and sealed. */
gboolean
rifq_seal_minutes_final (RifqDb *db,
                         gint64  meeting_id)
{
  RifqStatement *stmt = rifq_db_query (db, "SELECT count(*), count(d.id) FROM agenda_item a"
                                          " LEFT JOIN decision d ON d.meeting_id = a.meeting_id"
                                          " AND d.request_id = a.request_id WHERE a.meeting_id = ?",
                                      RIFQ_PARAMS (RIFQ_INT (meeting_id)), NULL);
  gboolean final = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    final = rifq_statement_get_int (stmt, 0) > 0 && rifq_statement_get_int (stmt, 0) == rifq_statement_get_int (stmt, 1);
  rifq_statement_reset (stmt);
  return final;
}

static JsonNode *
minutes_values (RifqDb  *db,
                gint64   meeting_id,
                GError **error)
{
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_get (db, meeting_id, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) names = json_builder_new ();
  g_autoptr(JsonBuilder) printed_cases = json_builder_new ();
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *number = NULL;
  RifqRule rule;

  if (meeting == NULL || !rifq_committee_meeting_rule (db, meeting_id, &rule, error))
    return NULL;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "doc", "minutes");
  rifq_json_add_string (builder, "number", number);
  json_builder_set_member_name (builder, "minutes");
  json_builder_begin_object (builder);
  json_builder_begin_object (names);
  add_meeting (builder, names, named, meeting_id, meeting, &rule);

  json_builder_begin_array (printed_cases);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      gint64 id = g_array_index (meeting->agenda, gint64, i);
      g_autoptr(RifqRequest) r = rifq_request_store_get (db, id, error);
      g_autoptr(RifqDecision) decision = NULL;

      if (r == NULL)
        return NULL;
      decision = rifq_committee_decision (db, meeting_id, id);
      json_builder_begin_object (builder);
      rifq_json_add_int (builder, "request_id", id);
      rifq_json_add_string (builder, "number", r->number);
      if (!add_votes (builder, names, named, db, meeting_id, id, error))
        return NULL;
      json_builder_set_member_name (builder, "decision");
      if (decision != NULL)
        {
          json_builder_begin_object (builder);
          rifq_json_add_string (builder, "decision", decision->decision);
          rifq_json_add_int (builder, "amount", decision->amount);
          rifq_json_add_string (builder, "reasons", decision->reasons);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);

      json_builder_begin_object (printed_cases);
      rifq_json_add_string (printed_cases, "beneficiary", r->beneficiary_name);
      _rifq_seal_add_labels (printed_cases, db, RIFQ_SEAL_LABELS_SUPPORT_KIND, "kind", r->kind);
      json_builder_end_object (printed_cases);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (names);
  json_builder_end_array (printed_cases);

  json_builder_set_member_name (builder, "as_printed");
  json_builder_begin_object (builder);
  _rifq_seal_add_association (builder, db);
  json_builder_set_member_name (builder, "names");
  json_builder_add_value (builder, json_builder_get_root (names));
  json_builder_set_member_name (builder, "cases");
  json_builder_add_value (builder, json_builder_get_root (printed_cases));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
rifq_seal_minutes_values (RifqDb  *db,
                          gint64   meeting_id,
                          GError **error)
{
  return _rifq_seal_values_text (minutes_values (db, meeting_id, error));
}

static const RifqSealSummaryItem minutes_summary[] = {
  { "held_on", "minutes.held_on" },
  { NULL, NULL },
};

/* Each case of the minutes in their summary: its number and the decision taken. */
static void
add_summary_cases (JsonBuilder *builder,
                   JsonObject  *all)
{
  JsonArray *cases = json_object_get_array_member (json_object_get_object_member (all, "minutes"), "cases");

  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      JsonNode *decision = json_object_get_member (item, "decision");

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, json_object_get_string_member_with_default (item, "number", ""));
      json_builder_add_string_value (builder, decision && JSON_NODE_HOLDS_OBJECT (decision)
                                                ? json_object_get_string_member_with_default (
                                                    json_node_get_object (decision), "decision", "")
                                                : "");
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

/* Every decision the minutes will hold was sealed with its letter, the votes and the attendance
 * it was taken on too: minutes are sealed only over decisions that still match those seals, so a
 * vote changed behind Rifq's back between a decision and the meeting's last is not sealed in. */
static gboolean
decisions_as_sealed (RifqDb      *db,
                     RifqDbWrite *write,
                     gint64       meeting_id,
                     GError     **error)
{
  /* A join, not EXISTS: the server would answer EXISTS by reading the whole agenda table. */
  RifqStatement *stmt = rifq_db_query (db, "SELECT l.id, r.number, a.request_id IS NOT NULL"
                                          " FROM decision d JOIN request r ON r.id = d.request_id"
                                          " LEFT JOIN agenda_item a ON a.meeting_id = d.meeting_id"
                                          " AND a.request_id = d.request_id"
                                          " LEFT JOIN letter l ON l.request_id = d.request_id AND l.decision_id = d.id"
                                          " WHERE d.meeting_id = ? ORDER BY d.id", RIFQ_PARAMS (RIFQ_INT (meeting_id)),
                                      error);
  g_autoptr(GArray) letters = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *unlettered = NULL;
  g_autofree char *off_agenda = NULL;
  g_autofree char *message = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      gint64 id = rifq_statement_get_int64 (stmt, 0);

      /* Every decision numbers its letter: one without is one whose letter was deleted. */
      if (rifq_statement_is_null (stmt, 0) && unlettered == NULL)
        unlettered = rifq_statement_dup_text (stmt, 1);
      /* Nor is a case decided here ever taken off the agenda. */
      if (rifq_statement_get_int (stmt, 2) == 0 && off_agenda == NULL)
        off_agenda = rifq_statement_dup_text (stmt, 1);
      g_array_append_val (letters, id);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    return rifq_db_fail (db, error);
  if (off_agenda != NULL)
    message = g_strdup_printf (_("request %s, decided at this meeting, is no longer on its agenda: it was taken off "
                                 "behind Rifq’s back."), off_agenda);
  else if (unlettered != NULL)
    message = g_strdup_printf (_("the letter of the decision on request %s is missing: it was removed behind Rifq’s "
                                 "back."), unlettered);
  /* A letter sealed by this write, with the decision now taken, is as it was sealed: nothing a
   * letter's values read (the decision, the meeting, its attendance and votes, the request, the
   * beneficiary) is changed by a decision after its letter is sealed (decide_cb). */
  for (guint i = 0; i < letters->len && message == NULL; i++)
    if (g_array_index (letters, gint64, i) != 0
        && !rifq_db_write_has_entry (write, "seal", "letter", g_array_index (letters, gint64, i))
        && rifq_seal_check_letter (db, g_array_index (letters, gint64, i), NULL, &message) != RIFQ_SEAL_STATE_ALTERED)
      g_clear_pointer (&message, g_free);
  if (message != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED, _("The minutes of meeting %s cannot be sealed: %s"),
                   number, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
rifq_seal_minutes_in (RifqDb      *db,
                      RifqDbWrite *write,
                      gint64       meeting_id,
                      GError     **error)
{
  g_autoptr(JsonNode) values = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);

  if (!decisions_as_sealed (db, write, meeting_id, error))
    return FALSE;
  values = minutes_values (db, meeting_id, error);
  if (values == NULL)
    return FALSE;
  return _rifq_seal_store (db, write, "minutes", meeting_id, number, values, minutes_summary, add_summary_cases,
                           error);
}

/* Checking them */

static const RifqSealLabel minutes_labels[] = {
  { "meeting_id", N_("the meeting") },
  { "held_on", N_("the meeting’s day") },
  { "place", N_("the meeting’s place") },
  { "rule", N_("the decision rule") },
  { "members", N_("the members and who was present") },
  { "cases", N_("the cases, their votes and decisions") },
  { NULL, NULL },
};

static const RifqSealLabel letter_labels[] = {
  { "number", N_("the letter’s number") },
  { "request_id", N_("the request it answers") },
  { "decision_id", N_("the decision it announces") },
  { "kind", N_("the kind of letter") },
  { "issued_on", N_("its date") },
  { "decision", N_("the decision") },
  { "reasons", N_("the reasons") },
  { "amount", N_("the amount approved") },
  { "quantity", N_("the quantity approved") },
  { "decided_by", N_("who decided") },
  { "decided_at", N_("when it was decided") },
  { "meeting", N_("the meeting it was decided at, its rule and who was present") },
  { "votes", N_("the votes it was decided on") },
  { NULL, NULL },
};

RifqSealState
rifq_seal_check_minutes (RifqDb    *db,
                         gint64     meeting_id,
                         RifqSeal **out_seal,
                         char     **out_message)
{
  g_autofree char *subject = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), RIFQ_SEAL_STATE_NONE);

  if (out_seal != NULL)
    *out_seal = NULL;
  if (out_message != NULL)
    *out_message = NULL;
  /* Final minutes are sealed; a meeting still deciding has draft minutes. */
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

    subject = g_strdup_printf (_("The minutes of meeting %s"), number);
  }
  /* Once sealed, always: the keyed log says so even if a decision and the seal were deleted to make
   * the minutes look like a draft again. */
  return _rifq_seal_check (db, "minutes", meeting_id, subject,
                           rifq_seal_minutes_final (db, meeting_id)
                           || _rifq_seal_has_row (db, "SELECT 1 FROM audit WHERE record_kind = 'minutes'"
                                                      " AND record_id = ? AND action = 'seal' LIMIT 1", meeting_id),
                           "unsealed_minutes", rifq_seal_minutes_values, "minutes", minutes_labels, out_seal,
                           out_message);
}

RifqSealState
rifq_seal_check_letter (RifqDb    *db,
                        gint64     letter_id,
                        RifqSeal **out_seal,
                        char     **out_message)
{
  g_autofree char *number = NULL;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (db), RIFQ_SEAL_STATE_NONE);

  if (out_seal != NULL)
    *out_seal = NULL;
  if (out_message != NULL)
    *out_message = NULL;
  number = rifq_db_query_text (db, "SELECT number FROM letter WHERE id = ?", RIFQ_PARAMS (RIFQ_INT (letter_id)), NULL);
  if (number == NULL)
    return RIFQ_SEAL_STATE_NONE;
  /* Every letter is sealed as its decision is recorded. */
  subject = g_strdup_printf (_("Decision letter %s"), number);
  return _rifq_seal_check (db, "letter", letter_id, subject, TRUE, "unsealed_letters", rifq_seal_letter_values,
                           "letter", letter_labels, out_seal, out_message);
}
