/* rifq-committee-documents.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-documents"

#include "config.h"

#include <stdlib.h>

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

/* A document printed from a genuine seal carries it, and its file is sealed as it is written
 * with this workstation's key (signer, kept by the caller until then). */
static gboolean
carry_seal (RifqDb          *db,
            RifqSeal        *seal,
            RifqPdfSeal     *carried,
            RifqSealSigner **signer,
            GError         **error)
{
  *signer = rifq_seal_signer_new (db, error);
  if (*signer == NULL)
    return FALSE;
  carried->payload = seal->payload;
  carried->short_code = seal->short_code;
  carried->sealed_json = seal->values_json;
  carried->file = rifq_pdf_seal_with_signer;
  carried->file_data = *signer;
  return TRUE;
}

/* The minutes list the chair first, then the members by name; each case's votes by name, the
 * abstentions after them. */
static int
member_order (gconstpointer a,
              gconstpointer b)
{
  const RifqMinutesMember *x = a;
  const RifqMinutesMember *y = b;

  if (x->chair != y->chair)
    return x->chair ? -1 : 1;
  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

static int
vote_order (gconstpointer a,
            gconstpointer b)
{
  const RifqMinutesVote *x = a;
  const RifqMinutesVote *y = b;

  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

gboolean
rifq_minutes_write_meeting (RifqDb     *db,
                            gint64      meeting_id,
                            const char *path,
                            GError    **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) vote_arrays = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RifqSeal) seal = NULL;
  g_autoptr(RifqSealSigner) signer = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree RifqMinutesMember *members = NULL;
  g_autofree RifqMinutesCase *cases = NULL;
  g_autofree char *live = NULL;
  g_autofree char *message = NULL;
  g_autofree char *day = NULL;
  RifqDigits digits = rifq_calendar_interface_digits ();
  RifqMinutes minutes = { 0 };
  RifqRule rule = { 0 };
  g_autoptr(GBytes) logo = NULL;
  JsonObject *all, *record, *printed, *names, *rule_json;
  JsonArray *member_list, *case_list, *printed_cases;
  RifqSealState state;
  const char *values;
  const char *place;
  guint present = 0;
  const char *lang = rifq_locale_is_arabic () ? "ar" : "en";

  /* Final minutes are printed from what their seal fixed; drafts, and anything changed behind
   * Rifq's back, as they stand, marked, never with the seal. */
  state = rifq_seal_check_minutes (db, meeting_id, &seal, &message);
  if (state == RIFQ_SEAL_STATE_GENUINE)
    values = seal->values_json;
  else
    {
      live = rifq_seal_minutes_values (db, meeting_id, error);
      if (live == NULL)
        return FALSE;
      values = live;
      minutes.notice = state == RIFQ_SEAL_STATE_ALTERED
                         ? keep (strings, g_strdup_printf (_("NOT GENUINE. %s This print is not a sealed document."),
                                                           message ? message : ""))
                         : !rifq_seal_minutes_final (db, meeting_id)
                         ? _("Draft: the minutes are sealed once every case on the agenda is decided.")
                         : NULL;   /* final before minutes were sealed: printed without a seal */
    }
  root = rifq_json_parse (values, -1, error);
  if (root == NULL)
    return FALSE;
  all = json_node_get_object (root);
  record = rifq_json_get_object (all, "minutes");
  printed = rifq_json_get_object (all, "as_printed");
  names = rifq_json_get_object (printed, "names");
  rule_json = rifq_json_get_object (record, "rule");
  member_list = json_object_get_array_member (record, "members");
  case_list = json_object_get_array_member (record, "cases");
  printed_cases = json_object_get_array_member (printed, "cases");
  rule.quorum = json_object_get_int_member_with_default (rule_json, "quorum", 0);
  rule.majority = json_object_get_int_member_with_default (rule_json, "majority", 0);
  rule.abstentions = json_object_get_int_member_with_default (rule_json, "abstentions", 0);
  rule.chair_breaks_tie = json_object_get_boolean_member_with_default (rule_json, "chair_breaks_tie", TRUE);

  members = g_new0 (RifqMinutesMember, MAX (json_array_get_length (member_list), 1));
  for (guint i = 0; i < json_array_get_length (member_list); i++)
    {
      JsonObject *m = json_array_get_object_element (member_list, i);
      gboolean chair = json_object_get_boolean_member_with_default (m, "chair", FALSE);

      members[i].name = rifq_json_get_string (names, rifq_json_get_string (m, "username"));
      members[i].role = chair ? _("Chair of the committee") : _("Member");
      members[i].present = json_object_get_boolean_member_with_default (m, "present", FALSE);
      members[i].chair = chair;
      present += members[i].present;
    }
  qsort (members, json_array_get_length (member_list), sizeof *members, member_order);

  cases = g_new0 (RifqMinutesCase, MAX (json_array_get_length (case_list), 1));
  for (guint i = 0; i < json_array_get_length (case_list); i++)
    {
      JsonObject *c = json_array_get_object_element (case_list, i);
      JsonObject *shown = i < json_array_get_length (printed_cases) ? json_array_get_object_element (printed_cases, i)
                                                                     : NULL;
      JsonArray *votes = json_object_get_array_member (c, "votes");
      JsonNode *decision_node = json_object_get_member (c, "decision");
      JsonObject *decision = decision_node && JSON_NODE_HOLDS_OBJECT (decision_node)
                               ? json_node_get_object (decision_node) : NULL;
      guint n_votes = json_array_get_length (votes);
      RifqMinutesVote *rows = g_new0 (RifqMinutesVote, MAX (n_votes + json_array_get_length (member_list), 1));
      g_autoptr(RifqTally) tally = rifq_tally_new (json_array_get_length (member_list), present);
      guint n_rows = 0;

      g_ptr_array_add (vote_arrays, rows);
      for (guint v = 0; v < n_votes; v++)
        {
          JsonObject *vote = json_array_get_object_element (votes, v);
          const char *username = rifq_json_get_string (vote, "username");
          const char *choice = rifq_json_get_string (vote, "vote");
          gboolean counted = FALSE, chair = FALSE;

          for (guint m = 0; m < json_array_get_length (member_list); m++)
            {
              JsonObject *mem = json_array_get_object_element (member_list, m);

              if (g_strcmp0 (rifq_json_get_string (mem, "username"), username) == 0)
                {
                  counted = json_object_get_boolean_member_with_default (mem, "present", FALSE);
                  chair = json_object_get_boolean_member_with_default (mem, "chair", FALSE);
                }
            }
          rows[n_rows].name = rifq_json_get_string (names, username);
          rows[n_rows].vote = rifq_vote_choice_label (rifq_vote_choice_read (choice));
          rows[n_rows].amount = keep (strings, riyals (json_object_get_int_member_with_default (vote, "amount", -1)));
          rows[n_rows++].note = rifq_json_get_string (vote, "note");
          /* Only the votes of members present count; the chair's may break a tie. */
          if (counted)
            {
              rifq_tally_add_vote (tally, choice);
              if (chair)
                tally->chair_vote = g_strdup (choice);
            }
        }
      /* Once the case was put to the vote, a member present who did not vote abstained. */
      for (guint m = 0; n_votes > 0 && m < json_array_get_length (member_list); m++)
        {
          JsonObject *mem = json_array_get_object_element (member_list, m);
          gboolean voted = FALSE;

          for (guint v = 0; v < n_votes && !voted; v++)
            voted = g_strcmp0 (rifq_json_get_string (json_array_get_object_element (votes, v), "username"),
                               rifq_json_get_string (mem, "username")) == 0;
          if (json_object_get_boolean_member_with_default (mem, "present", FALSE) && !voted)
            {
              rows[n_rows].name = rifq_json_get_string (names, rifq_json_get_string (mem, "username"));
              rows[n_rows++].vote = _("Abstained");
            }
        }
      qsort (rows, n_votes, sizeof *rows, vote_order);
      qsort (rows + n_votes, n_rows - n_votes, sizeof *rows, vote_order);
      if (n_votes > 0)
        {
          rifq_rule_apply (&rule, tally);
          cases[i].tally = keep (strings, digits == RIFQ_DIGITS_ARABIC ? rifq_arabic_indic_digits (tally->explanation)
                                                                      : g_strdup (tally->explanation));
        }
      cases[i].request_number = rifq_json_get_string (c, "number");
      cases[i].beneficiary_name = rifq_json_get_string (shown, "beneficiary");
      cases[i].kind = rifq_json_get_string (rifq_json_get_object (shown, "kind"), lang);
      cases[i].votes = rows;
      cases[i].n_votes = n_rows;
      if (decision != NULL)
        {
          RifqVoteChoice choice = rifq_vote_choice_read (rifq_json_get_string (decision, "decision"));

          cases[i].decision = rifq_vote_choice_label (choice);
          cases[i].amount = keep (strings, riyals (json_object_get_int_member_with_default (decision, "amount", -1)));
          cases[i].reasons = rifq_json_get_string (decision, "reasons");
        }
    }

  logo = rifq_settings_get_logo (db);
  if (logo != NULL)
    minutes.logo_png = g_bytes_get_data (logo, &minutes.logo_png_len);
  day = rifq_calendar_format_iso_both (rifq_json_get_string (record, "held_on"), digits);
  place = rifq_json_get_string (record, "place");
  minutes.association_name = rifq_json_get_string (rifq_json_get_object (printed, "association"), lang);
  minutes.title = _("Minutes of the research committee meeting");
  minutes.meeting_line = keep (strings, place ? g_strdup_printf ("%s — %s", day, place) : g_strdup (day));
  {
    guint total = json_array_get_length (member_list);
    g_autofree char *line = g_strdup_printf (rifq_rule_has_quorum (&rule, present, total)
                                               ? _("%u of %u members present; the quorum is met.")
                                               : _("%u of %u members present; there is no quorum."),
                                             present, total);

    minutes.quorum_line = keep (strings, digits == RIFQ_DIGITS_ARABIC ? rifq_arabic_indic_digits (line)
                                                                      : g_strdup (line));
  }
  /* The rule the meeting was called under, not today's. */
  minutes.rule_line = keep (strings, rifq_rule_describe (&rule));
  minutes.members = members;
  minutes.n_members = json_array_get_length (member_list);
  minutes.cases = cases;
  minutes.n_cases = json_array_get_length (case_list);
  minutes.digits = digits;
  if (state == RIFQ_SEAL_STATE_GENUINE && !carry_seal (db, seal, &minutes.seal, &signer, error))
    return FALSE;
  return rifq_minutes_pdf_write (&minutes, path, error);
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
  RifqVoteChoice choice;
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
  record = rifq_json_get_object (all, "letter");
  printed = rifq_json_get_object (all, "as_printed");
  labels = rifq_json_get_object (printed, "kind");

  logo = rifq_settings_get_logo (db);
  if (logo != NULL)
    letter.logo_png = g_bytes_get_data (logo, &letter.logo_png_len);
  letter.letterhead_line = rifq_json_get_string (printed, "letterhead");
  letter.association_name = rifq_json_get_string (rifq_json_get_object (printed, "association"),
                                                  rifq_locale_is_arabic () ? "ar" : "en");
  letter.letter_number = rifq_json_get_string (all, "number");
  letter.date_line = keep (strings, rifq_calendar_format_iso_both (rifq_json_get_string (record, "decided_at"),
                                                                   rifq_calendar_interface_digits ()));
  letter.recipient_name = rifq_json_get_string (printed, "name");
  sex = rifq_json_get_string (printed, "sex");
  letter.recipient = g_strcmp0 (sex, "male") == 0 ? RIFQ_LETTER_TO_MAN
                     : g_strcmp0 (sex, "female") == 0 ? RIFQ_LETTER_TO_WOMAN
                     : RIFQ_LETTER_TO_PERSON;
  letter.national_id = rifq_json_get_string (printed, "national_id");
  letter.request_number = rifq_json_get_string (printed, "request_number");
  letter.kind = rifq_json_get_string (labels, rifq_locale_is_arabic () ? "ar" : "en");
  decision = rifq_json_get_string (record, "decision");
  choice = rifq_vote_choice_read (decision);
  letter.letter_kind = choice == RIFQ_VOTE_ACCEPT ? RIFQ_LETTER_ACCEPTANCE
                       : choice == RIFQ_VOTE_REJECT ? RIFQ_LETTER_REJECTION : RIFQ_LETTER_DEFERRAL;
  amount = record ? json_object_get_member (record, "amount") : NULL;
  letter.amount = keep (strings, riyals (amount && JSON_NODE_HOLDS_VALUE (amount) ? json_node_get_int (amount) : -1));
  letter.reasons = rifq_json_get_string (record, "reasons");
  letter.signatory_name = rifq_json_get_string (printed, "signatory");
  letter.signatory_title = _("Chair of the research committee");
  letter.digits = rifq_calendar_interface_digits ();
  if (state == RIFQ_SEAL_STATE_GENUINE && !carry_seal (db, seal, &letter.seal, &signer, error))
    return FALSE;
  return rifq_letter_pdf_write (&letter, path, error);
}
