/* rifq-committee-documents.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rifq-arabic.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-committee.h"
#include "rifq-committee-documents.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-letter-pdf.h"
#include "rifq-locale.h"
#include "rifq-minutes-pdf.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"
#include "rifq-settings.h"
#include "rifq-staff.h"

static const char *
vote_word (const char *vote)
{
  if (g_strcmp0 (vote, "accept") == 0)
    return _("Accept");
  if (g_strcmp0 (vote, "reject") == 0)
    return _("Reject");
  return _("Defer");
}

/* Numbers in the interface's digits; every text the documents print is kept in strings. */
static const char *
keep (GPtrArray *strings,
      char      *text)
{
  if (text != NULL)
    g_ptr_array_add (strings, text);
  return text;
}

static char *
riyals (gint64 amount)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (amount < 0)
    return NULL;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
  text = g_strdup_printf (_("%s riyals"), number);
  return rifq_calendar_interface_digits () == RIFQ_DIGITS_ARABIC ? rifq_arabic_indic_digits (text)
                                                                 : g_steal_pointer (&text);
}

static char *
association (RifqDb *db)
{
  return rifq_db_get_setting (db, rifq_locale_is_arabic () ? "association_name_ar" : "association_name_en");
}

gboolean
rifq_minutes_write_meeting (RifqDb     *db,
                            gint64      meeting_id,
                            const char *path,
                            GError    **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) vote_arrays = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_get (db, meeting_id, error);
  g_autoptr(RifqTally) quorum = NULL;
  g_autofree RifqMinutesMember *members = NULL;
  g_autofree RifqMinutesCase *cases = NULL;
  g_autofree char *day = NULL;
  RifqDigits digits = rifq_calendar_interface_digits ();
  RifqMinutes minutes = { 0 };
  RifqRule rule;
  g_autoptr(GBytes) logo = NULL;
  guint present = 0;

  if (meeting == NULL)
    return FALSE;

  members = g_new0 (RifqMinutesMember, MAX (meeting->members->len, 1));
  for (guint i = 0; i < meeting->members->len; i++)
    {
      RifqMember *member = g_ptr_array_index (meeting->members, i);

      members[i].name = member->full_name;
      members[i].role = member->chair ? _("Chair of the committee") : _("Member");
      members[i].present = member->present;
      members[i].chair = member->chair;
      present += member->present;
    }

  cases = g_new0 (RifqMinutesCase, MAX (meeting->agenda->len, 1));
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      gint64 id = g_array_index (meeting->agenda, gint64, i);
      g_autoptr(RifqRequest) r = rifq_request_store_get (db, id, error);
      g_autoptr(GPtrArray) votes = NULL;
      g_autoptr(RifqTally) tally = NULL;
      g_autoptr(RifqDecision) decision = NULL;
      RifqMinutesVote *rows;
      guint n_rows = 0;

      if (r == NULL)
        return FALSE;
      votes = rifq_committee_votes (db, meeting_id, id, error);
      if (votes == NULL)
        return FALSE;
      rows = g_new0 (RifqMinutesVote, MAX (votes->len + meeting->members->len, 1));
      g_ptr_array_add (vote_arrays, rows);
      for (guint v = 0; v < votes->len; v++)
        {
          RifqVote *vote = g_ptr_array_index (votes, v);

          rows[n_rows].name = keep (strings, g_strdup (vote->full_name));
          rows[n_rows].vote = vote_word (vote->vote);
          rows[n_rows].amount = keep (strings, riyals (vote->amount));
          rows[n_rows++].note = keep (strings, g_strdup (vote->note));
        }
      /* Once the case was put to the vote, a member present who did not vote abstained. */
      for (guint m = 0; votes->len > 0 && m < meeting->members->len; m++)
        {
          RifqMember *member = g_ptr_array_index (meeting->members, m);
          gboolean voted = FALSE;

          for (guint v = 0; v < votes->len && !voted; v++)
            voted = g_str_equal (((RifqVote *) g_ptr_array_index (votes, v))->username, member->username);
          if (member->present && !voted)
            {
              rows[n_rows].name = member->full_name;
              rows[n_rows++].vote = _("Abstained");
            }
        }
      tally = rifq_committee_tally (db, meeting_id, id, NULL);
      decision = rifq_committee_decision (db, meeting_id, id);
      cases[i].request_number = keep (strings, g_strdup (r->number));
      cases[i].beneficiary_name = keep (strings, g_strdup (r->beneficiary_name));
      cases[i].kind = rifq_request_store_kind_label (db, r->kind);
      cases[i].votes = rows;
      cases[i].n_votes = n_rows;
      if (tally != NULL)
        cases[i].tally = keep (strings, rifq_calendar_interface_digits () == RIFQ_DIGITS_ARABIC
                                        ? rifq_arabic_indic_digits (tally->explanation)
                                        : g_strdup (tally->explanation));
      if (decision != NULL)
        {
          cases[i].decision = vote_word (decision->decision);
          cases[i].amount = keep (strings, riyals (decision->amount));
          cases[i].reasons = keep (strings, g_strdup (decision->reasons));
        }
    }

  logo = rifq_settings_get_logo (db);
  if (logo != NULL)
    minutes.logo_png = g_bytes_get_data (logo, &minutes.logo_png_len);
  quorum = rifq_committee_tally (db, meeting_id, 0, NULL);
  day = rifq_calendar_format_iso_both (meeting->held_on, digits);
  minutes.association_name = keep (strings, association (db));
  minutes.title = _("Minutes of the research committee meeting");
  minutes.meeting_line = keep (strings, meeting->place ? g_strdup_printf ("%s — %s", day, meeting->place)
                                                        : g_strdup (day));
  if (quorum != NULL)
    {
      g_autofree char *line = g_strdup_printf (quorum->quorum ? _("%u of %u members present; the quorum is met.")
                                                              : _("%u of %u members present; there is no quorum."),
                                               present, meeting->members->len);

      minutes.quorum_line = keep (strings, digits == RIFQ_DIGITS_ARABIC ? rifq_arabic_indic_digits (line)
                                                                        : g_strdup (line));
    }
  /* The rule the meeting was called under, not today's. */
  if (rifq_committee_meeting_rule (db, meeting_id, &rule, NULL))
    minutes.rule_line = keep (strings, rifq_rule_describe (&rule));
  minutes.members = members;
  minutes.n_members = meeting->members->len;
  minutes.cases = cases;
  minutes.n_cases = meeting->agenda->len;
  minutes.digits = digits;
  return rifq_minutes_pdf_write (&minutes, path, error);
}

static const char *
member (JsonObject *object,
        const char *name)
{
  return object ? json_object_get_string_member_with_default (object, name, NULL) : NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
seal_file_cb (GByteArray *pdf,
              gpointer    user_data,
              GError    **error)
{
  return rifq_seal_file_append (user_data, pdf, error);
}

gboolean
rifq_letter_write_request (RifqDb     *db,
                           gint64      request_id,
                           const char *path,
                           GError    **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RifqSeal) seal = NULL;
  g_autoptr(RifqSealSigner) signer = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *message = NULL;
  g_autofree char *live = NULL;
  RifqLetter letter = { 0 };
  g_autoptr(GBytes) logo = NULL;
  JsonObject *all, *record, *printed, *labels;
  const char *values;
  const char *sex;
  const char *decision;
  JsonNode *amount;
  RifqSealState state;
  gint64 letter_id = rifq_committee_letter_id (db, request_id);

  if (letter_id == 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                           _("The committee has not decided on this request yet: there is no letter to send."));
      return FALSE;
    }
  /* A genuine seal is printed from what it sealed; anything else is printed as it stands, marked,
   * and never carries the seal. */
  state = rifq_seal_check_letter (db, letter_id, &seal, &message);
  if (state == RIFQ_SEAL_STATE_GENUINE)
    values = seal->values_json;
  else
    {
      live = rifq_seal_letter_values (db, letter_id, error);
      if (live == NULL)
        return FALSE;
      values = live;
      letter.notice = keep (strings, g_strdup_printf (_("NOT GENUINE. %s This print is not a sealed document."),
                                                      message ? message : ""));
    }
  root = rifq_json_parse (values, -1, error);
  if (root == NULL)
    return FALSE;
  all = json_node_get_object (root);
  record = object_member (all, "letter");
  printed = object_member (all, "as_printed");
  labels = object_member (printed, "kind");

  logo = rifq_settings_get_logo (db);
  if (logo != NULL)
    letter.logo_png = g_bytes_get_data (logo, &letter.logo_png_len);
  letter.letterhead_line = member (printed, "letterhead");
  letter.association_name = member (object_member (printed, "association"), rifq_locale_is_arabic () ? "ar" : "en");
  letter.letter_number = member (all, "number");
  letter.date_line = keep (strings, rifq_calendar_format_iso_both (member (record, "decided_at"),
                                                                   rifq_calendar_interface_digits ()));
  letter.recipient_name = member (printed, "name");
  sex = member (printed, "sex");
  letter.recipient = g_strcmp0 (sex, "male") == 0 ? RIFQ_LETTER_TO_MAN
                     : g_strcmp0 (sex, "female") == 0 ? RIFQ_LETTER_TO_WOMAN
                     : RIFQ_LETTER_TO_PERSON;
  letter.national_id = member (printed, "national_id");
  letter.request_number = member (printed, "request_number");
  letter.kind = member (labels, rifq_locale_is_arabic () ? "ar" : "en");
  decision = member (record, "decision");
  letter.letter_kind = g_strcmp0 (decision, "accept") == 0 ? RIFQ_LETTER_ACCEPTANCE
                       : g_strcmp0 (decision, "reject") == 0 ? RIFQ_LETTER_REJECTION
                       : RIFQ_LETTER_DEFERRAL;
  amount = record ? json_object_get_member (record, "amount") : NULL;
  letter.amount = keep (strings, riyals (amount && JSON_NODE_HOLDS_VALUE (amount) ? json_node_get_int (amount) : -1));
  letter.reasons = member (record, "reasons");
  letter.signatory_name = member (printed, "signatory");
  letter.signatory_title = _("Chair of the research committee");
  letter.digits = rifq_calendar_interface_digits ();
  if (state == RIFQ_SEAL_STATE_GENUINE)
    {
      signer = rifq_seal_signer_new (db, error);
      if (signer == NULL)
        return FALSE;
      letter.seal_payload = seal->payload;
      letter.seal_short_code = seal->short_code;
      letter.sealed_json = seal->values_json;
      letter.seal_file = seal_file_cb;
      letter.seal_file_data = signer;
    }
  return rifq_letter_pdf_write (&letter, path, error);
}
