/* rifq-admin-committee.c: rifq-admin's research-committee commands
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-admin"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-admin.h"
#include "rifq-committee-documents.h"
#include "rifq-committee.h"
#include "rifq-error.h"
#include "rifq-file.h"
#include "rifq-json.h"
#include "rifq-packet-pdf.h"
#include "rifq-request-sheet.h"
#include "rifq-request-store.h"
#include "rifq-seal-reader.h"

static JsonNode *
meeting_to_json (RifqDb      *db,
                 RifqMeeting *meeting)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rifq_json_add_int (builder, "id", meeting->id);
  rifq_json_add_string (builder, "held_on", meeting->held_on);
  rifq_json_add_string (builder, "place", meeting->place);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < meeting->members->len; i++)
    {
      RifqMember *member = g_ptr_array_index (meeting->members, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "username", member->username);
      rifq_json_add_string (builder, "full_name", member->full_name);
      rifq_json_add_boolean (builder, "chair", member->chair);
      rifq_json_add_boolean (builder, "present", member->present);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "agenda");
  json_builder_begin_array (builder);
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      g_autoptr(RifqRequest) r = rifq_request_store_get (db, g_array_index (meeting->agenda, gint64, i), NULL);
      g_autoptr(RifqTally) tally = rifq_committee_tally (db, meeting->id, g_array_index (meeting->agenda, gint64, i),
                                                         NULL);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "number", r ? r->number : "");
      rifq_json_add_string (builder, "state", r ? rifq_request_state_code (r->state) : "");
      rifq_json_add_string (builder, "tally", tally ? tally->explanation : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
show_meeting (RifqDb *db,
              gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_get (db, id, &error);
  g_autoptr(JsonNode) node = NULL;

  if (meeting == NULL)
    return refuse (error);
  node = meeting_to_json (db, meeting);
  print_json (node);
  return EXIT_OK;
}

/* A meeting's number as typed, in either digits. */
static gboolean
meeting_id (const char  *text,
            gint64      *out_id,
            GError     **error)
{
  return read_number (text, _("Meeting"), G_MAXINT64, out_id, error);
}

static gint64
request_id (RifqDb      *db,
            const char  *number,
            GError     **error)
{
  g_autoptr(RifqRequest) r = rifq_request_store_get_by_number (db, number, error);

  return r ? r->id : 0;
}

static int
queue (RifqDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  RifqQueueFilter filter = { opts.kind, opts.city, opts.overdue };

  g_autoptr(JsonBuilder) builder = json_builder_new ();

  items = rifq_committee_queue (db, &filter, &error);
  if (items == NULL)
    return refuse (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      RifqQueueItem *item = g_ptr_array_index (items, i);
      RifqSealState state = rifq_seal_check_request (db, item->request->id, NULL, NULL);
      static const char *states[] = { "none", "genuine", "altered" };

      if (table_format ())
        {
          /* Translators: a line of the committee's queue: number, days waiting, days left, name */
          g_print (_("%s\t%d days waiting\t%d days left%s\t%s"), item->request->number, item->days_since,
                   item->days_left, item->overdue ? _(" (overdue)") : "", item->request->beneficiary_name);
          g_print ("%s\n", state == RIFQ_SEAL_STATE_ALTERED ? _("\tNOT GENUINE") : "");
          continue;
        }
      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "number", item->request->number);
      rifq_json_add_string (builder, "beneficiary", item->request->beneficiary_name);
      rifq_json_add_string (builder, "submitted_on", item->request->submitted_on);
      rifq_json_add_string (builder, "due_on", item->request->due_on);
      rifq_json_add_int (builder, "days_waiting", item->days_since);
      rifq_json_add_int (builder, "days_left", item->days_left);
      rifq_json_add_boolean (builder, "overdue", item->overdue);
      rifq_json_add_string (builder, "seal", states[state]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (!table_format ())
    print_built (builder);
  return EXIT_OK;
}

int
cmd_committee (RifqDb  *db,
               char   **args,
               guint    n)
{
  g_autoptr(GError) error = NULL;
  const char *sub = args[1];

  if (g_str_equal (sub, "queue") && n == 2)
    return queue (db);
  if (g_str_equal (sub, "meeting") && n >= 3)
    {
      if (g_str_equal (args[2], "create") && n == 3)
        {
          g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_create (db, opts.on, opts.place, &error);

          if (meeting == NULL)
            return refuse (error);
          return show_meeting (db, meeting->id);
        }
      if (g_str_equal (args[2], "show") && n == 4)
        {
          gint64 id;

          if (!meeting_id (args[3], &id, &error))
            return refuse (error);
          return show_meeting (db, id);
        }
      if (g_str_equal (args[2], "present") && n >= 5)
        {
          gint64 id;

          if (!meeting_id (args[3], &id, &error))
            return refuse (error);
          for (guint i = 4; i < n; i++)
            if (!rifq_committee_set_present (db, id, args[i], TRUE, &error))
              return refuse (error);
          return show_meeting (db, id);
        }
      if ((g_str_equal (args[2], "agenda") || g_str_equal (args[2], "remove")) && n >= 5)
        {
          gint64 id;
          gboolean add = g_str_equal (args[2], "agenda");

          if (!meeting_id (args[3], &id, &error))
            return refuse (error);
          for (guint i = 4; i < n; i++)
            {
              gint64 request = request_id (db, args[i], &error);

              if (request == 0
                  || !(add ? rifq_committee_add_to_agenda : rifq_committee_remove_from_agenda) (db, id, request, &error))
                return refuse (error);
            }
          return show_meeting (db, id);
        }
    }
  if ((g_str_equal (sub, "vote") || g_str_equal (sub, "decide")) && n == 5)
    {
      gint64 meeting;
      gint64 request;
      gboolean ok;

      if (!meeting_id (args[2], &meeting, &error))
        return refuse (error);
      request = request_id (db, args[3], &error);
      if (request == 0)
        return refuse (error);
      if (g_str_equal (sub, "vote"))
        ok = rifq_committee_vote (db, meeting, request, args[4], opts.amount, opts.notes, &error);
      else
        ok = rifq_committee_decide_full (db, meeting, request, args[4], opts.amount, MAX (opts.quantity, 0), opts.text,
                                         &error);
      if (!ok)
        return refuse (error);
      return show_meeting (db, meeting);
    }
  if (g_str_equal (sub, "letter") && n == 3)
    {
      gint64 request = request_id (db, args[2], &error);
      g_autofree char *number = request ? rifq_committee_letter_number (db, request, &error) : NULL;

      if (number == NULL)
        return refuse (error);
      g_print ("%s\n", number);
      return EXIT_OK;
    }

  return usage_printf (_("Unknown command “committee %s”."), sub);
}

/* The keys a verifier trusts: a keyring file, a fingerprint, a database; never a new database. */
static RifqKeyring *
verifier_keyring (RifqDb **out_db,
                  GError **error)
{
  g_autoptr(RifqKeyring) ring = NULL;

  if (opts.database != NULL)
    {
      g_autoptr(RifqDb) db = rifq_db_open_existing (opts.database, error);

      if (db == NULL || (ring = rifq_keyring_from_db (db, error)) == NULL)
        return NULL;
      *out_db = g_steal_pointer (&db);
    }
  else
    ring = rifq_keyring_new ();
  if (opts.key != NULL)
    {
      g_autoptr(GFile) path = g_file_new_for_commandline_arg (opts.key);
      g_autoptr(GBytes) bytes = rifq_file_load (path, RIFQ_FILE_READ_MAX, error);
      g_autofree char *text = NULL;
      g_autoptr(RifqKeyring) file = NULL;

      if (bytes == NULL)
        return NULL;
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      file = rifq_keyring_from_json (text, error);
      if (file == NULL)
        return NULL;
      /* With a database too, the file's keys are the ones trusted; the database checks the record. */
      g_clear_pointer (&ring, rifq_keyring_free);
      ring = g_steal_pointer (&file);
    }
  if (opts.fingerprint != NULL && !rifq_keyring_add_fingerprint (ring, opts.fingerprint))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("--fingerprint: a fingerprint is 64 hexadecimal digits, as rifq-admin seal show prints it."));
      return NULL;
    }
  return g_steal_pointer (&ring);
}

int
cmd_verify (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqDb) db = NULL;
  g_autoptr(RifqKeyring) ring = NULL;
  g_autoptr(GFile) pdf = g_file_new_for_commandline_arg (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;
  RifqSealVerdict verdict;

  if (opts.key == NULL && opts.fingerprint == NULL && opts.database == NULL)
    return usage (_("verify needs the association’s public key: --key KEYRING.json (rifq-admin seal export writes "
                    "it), --fingerprint FP, or --database PATH."));
  ring = verifier_keyring (&db, &error);
  if (ring == NULL)
    return refuse (error);
  bytes = rifq_file_load (pdf, RIFQ_FILE_READ_MAX, &error);
  if (bytes == NULL)
    return refuse (error);
  verdict = rifq_seal_verify_pdf (ring, db, bytes, &number, &message);
  if (verdict == RIFQ_SEAL_VALID)
    {
      g_print ("%s\n", message);
      return EXIT_OK;
    }
  g_printerr ("%s\n", message);
  return EXIT_REFUSED;
}

int
cmd_seal (RifqDb  *db,
          char   **args,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  const char *sub = args[1];

  if (g_str_equal (sub, "show") && n == 2)
    {
      g_autofree char *key_id = NULL;
      g_autofree char *fingerprint = NULL;
      g_autofree char *key = rifq_seal_public_key (db, &key_id, &fingerprint, &error);
      g_autofree char *dir = rifq_seal_key_dir ();
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (key == NULL)
        return refuse (error);
      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "key_id", key_id);
      rifq_json_add_string (builder, "public_key", key);
      rifq_json_add_string (builder, "fingerprint", fingerprint);
      rifq_json_add_string (builder, "key_folder", dir);
      json_builder_end_object (builder);
      print_built (builder);
      return EXIT_OK;
    }
  if (g_str_equal (sub, "export") && n == 2)
    {
      g_autoptr(RifqKeyring) ring = rifq_keyring_from_db (db, &error);
      g_autofree char *association = rifq_db_get_setting (db, "association_name_en");
      g_autofree char *text = NULL;

      if (ring == NULL)
        return refuse (error);
      text = rifq_keyring_to_json (ring, association);
      if (opts.output == NULL)
        {
          g_print ("%s\n", text);
          return EXIT_OK;
        }
      if (!rifq_file_save_private (opts.output, text, strlen (text), &error))
        return refuse (error);
      g_print (_("The association’s public keys are written to %s.\n"), opts.output);
      return EXIT_OK;
    }
  if (g_str_equal (sub, "rotate") && n == 2)
    {
      g_autofree char *key_id = NULL;

      if (!rifq_seal_rotate_key (db, &key_id, &error))
        return refuse (error);
      g_print (_("Seals are now made with key %s; documents sealed before keep verifying with the keyring "
                 "(rifq-admin seal export).\n"), key_id);
      return EXIT_OK;
    }
  return usage_printf (_("Unknown command “seal %s”."), sub);
}

static void
packet_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  g_printerr ("\r");
  /* Translators: progress of the meeting packet, on the terminal */
  g_printerr (_("Case %u of %u"), done, total);
  if (done == total)
    g_printerr ("\n");
}

int
cmd_pdf (RifqDb  *db,
         char   **args,
         guint    n)
{
  g_autoptr(GError) error = NULL;

  if (opts.output == NULL)
    return usage (_("pdf needs -o FILE.pdf."));
  if (!check_output (opts.output, &error))
    return refuse (error);
  if (g_str_equal (args[1], "request") && n == 3)
    {
      gint64 id = request_id (db, args[2], &error);

      g_autofree char *message = NULL;
      RifqSealState state;

      if (id == 0 || !rifq_request_sheet_write (db, id, opts.output, &error))
        return refuse (error);
      state = rifq_seal_check_request (db, id, NULL, &message);
      if (state == RIFQ_SEAL_STATE_GENUINE)
        g_print (_("Request %s is written to %s, sealed.\n"), args[2], opts.output);
      else
        {
          g_print (_("Request %s is written to %s, NOT sealed.\n"), args[2], opts.output);
          if (message != NULL)
            g_printerr ("%s\n", message);
        }
      return EXIT_OK;
    }
  if (g_str_equal (args[1], "minutes") && n == 3)
    {
      gint64 id;

      g_autofree char *message = NULL;
      RifqSealState state;

      if (!meeting_id (args[2], &id, &error) || !rifq_minutes_write_meeting (db, id, opts.output, &error))
        return refuse (error);
      state = rifq_seal_check_minutes (db, id, NULL, &message);
      if (state == RIFQ_SEAL_STATE_GENUINE)
        g_print (_("The minutes of meeting %s are written to %s, sealed.\n"), args[2], opts.output);
      else if (state == RIFQ_SEAL_STATE_NONE && !rifq_seal_minutes_final (db, id))
        g_print (_("The minutes of meeting %s are written to %s, a draft: a case on the agenda is undecided.\n"),
                 args[2], opts.output);
      else
        {
          g_print (_("The minutes of meeting %s are written to %s, NOT sealed.\n"), args[2], opts.output);
          if (message != NULL)
            g_printerr ("%s\n", message);
        }
      return EXIT_OK;
    }
  if (g_str_equal (args[1], "letter") && n == 3)
    {
      gint64 id = request_id (db, args[2], &error);

      g_autofree char *message = NULL;

      if (id == 0 || !rifq_letter_write_request (db, id, opts.output, &error))
        return refuse (error);
      if (rifq_seal_check_letter (db, rifq_committee_letter_id (db, id), NULL, &message) == RIFQ_SEAL_STATE_GENUINE)
        g_print (_("The decision letter on request %s is written to %s, sealed.\n"), args[2], opts.output);
      else
        {
          g_print (_("The decision letter on request %s is written to %s, NOT sealed.\n"), args[2], opts.output);
          if (message != NULL)
            g_printerr ("%s\n", message);
        }
      return EXIT_OK;
    }
  if (g_str_equal (args[1], "packet") && n == 3)
    {
      g_autoptr(RifqPacket) packet = NULL;
      gint64 id;

      if (meeting_id (args[2], &id, &error))
        packet = rifq_packet_new (db, id, &error);
      if (packet == NULL || !rifq_packet_write (packet, opts.output, packet_progress, NULL, NULL, &error))
        return refuse (error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "The packet of meeting %s, with %u case, is written to %s.\n",
                            "The packet of meeting %s, with %u cases, is written to %s.\n",
                            rifq_packet_get_n_cases (packet)),
               args[2], rifq_packet_get_n_cases (packet), opts.output);
      return EXIT_OK;
    }
  return usage_printf (_("Unknown command “pdf %s”."), args[1]);
}
