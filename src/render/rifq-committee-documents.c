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
#include "rifq-letter-pdf.h"
#include "rifq-locale.h"
#include "rifq-minutes-pdf.h"
#include "rifq-request-store.h"
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

gboolean
rifq_letter_write_request (RifqDb     *db,
                           gint64      request_id,
                           const char *path,
                           GError    **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RifqRequest) r = rifq_request_store_get (db, request_id, error);
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autoptr(RifqDecision) decision = NULL;
  g_autoptr(RifqStaff) chair = NULL;
  const char *sex;
  g_autofree char *number = NULL;
  RifqLetter letter = { 0 };
  g_autoptr(GBytes) logo = NULL;

  if (r == NULL)
    return FALSE;
  decision = rifq_committee_decision (db, 0, request_id);
  number = rifq_committee_letter_number (db, request_id, error);
  if (decision == NULL || number == NULL)
    return FALSE;
  chair = rifq_staff_get (db, decision->decided_by, NULL);
  beneficiary = rifq_beneficiary_store_get (db, r->beneficiary_id, NULL);
  sex = beneficiary != NULL ? rifq_beneficiary_get (beneficiary, RIFQ_FIELD_SEX) : NULL;

  logo = rifq_settings_get_logo (db);
  if (logo != NULL)
    letter.logo_png = g_bytes_get_data (logo, &letter.logo_png_len);
  letter.letterhead_line = keep (strings, rifq_db_get_setting (db, "association_letterhead"));
  letter.association_name = keep (strings, association (db));
  letter.letter_number = number;
  letter.date_line = keep (strings, rifq_calendar_format_iso_both (decision->decided_at,
                                                                   rifq_calendar_interface_digits ()));
  letter.recipient_name = r->beneficiary_name;
  letter.recipient = g_strcmp0 (sex, "male") == 0 ? RIFQ_LETTER_TO_MAN
                     : g_strcmp0 (sex, "female") == 0 ? RIFQ_LETTER_TO_WOMAN
                     : RIFQ_LETTER_TO_PERSON;
  letter.national_id = r->national_id;
  letter.request_number = r->number;
  letter.kind = rifq_request_store_kind_label (db, r->kind);
  letter.letter_kind = g_str_equal (decision->decision, "accept") ? RIFQ_LETTER_ACCEPTANCE
                       : g_str_equal (decision->decision, "reject") ? RIFQ_LETTER_REJECTION
                       : RIFQ_LETTER_DEFERRAL;
  letter.amount = keep (strings, riyals (decision->amount));
  letter.reasons = decision->reasons;
  letter.signatory_name = chair ? chair->full_name : decision->decided_by;
  letter.signatory_title = _("Chair of the research committee");
  letter.digits = rifq_calendar_interface_digits ();
  return rifq_letter_pdf_write (&letter, path, error);
}
