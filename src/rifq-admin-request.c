/* rifq-admin-request.c: rifq-admin's request and staff commands
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-admin"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rifq-account.h"
#include "rifq-admin.h"
#include "rifq-seal.h"
#include "rifq-arabic.h"
#include "rifq-permission.h"
#include "rifq-beneficiary-store.h"
#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-request-receipt.h"
#include "rifq-request-store.h"
#include "rifq-staff.h"

static void
request_row (gpointer   item,
             char     **cells)
{
  RifqRequest *r = item;

  cells[0] = g_strdup (r->number);
  cells[1] = g_strdup (rifq_request_state_label (r->state));
  cells[2] = g_strdup (r->submitted_on ? r->submitted_on : "-");
  cells[3] = g_strdup (r->due_on ? r->due_on : "-");
  cells[4] = g_strdup (r->beneficiary_name);
}

static void
print_requests (GPtrArray *requests)
{
  const char *headers[] = { _("Number"), _("State"), _("Submitted"), _("Reply by"), _("Beneficiary") };

  print_records (requests, headers, G_N_ELEMENTS (headers), request_row, (RecordToJson) rifq_request_to_json);
}

/* How the request stands against its seal, as JSON. */
static JsonNode *
seal_json (RifqSealState  state,
           RifqSeal      *seal,
           const char    *message)
{
  static const char *codes[] = { "none", "genuine", "altered" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "state", codes[state]);
  if (seal != NULL)
    {
      rifq_json_add_string (builder, "sealed_at", seal->sealed_at);
      rifq_json_add_string (builder, "short_code", seal->short_code);
      rifq_json_add_string (builder, "key_id", seal->key_id);
    }
  rifq_json_add_string (builder, "message", message);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_request (RifqDb      *db,
               RifqRequest *r)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(RifqSeal) seal = NULL;
  g_autofree char *message = NULL;
  RifqSealState state = rifq_seal_check_request (db, r->id, &seal, &message);
  RifqApproval approval;
  /* The committee's approval is for who reads every record, not only the referral: not asked
   * (and so not refused) of the social researcher. */
  gboolean approved = rifq_permission_allows (RIFQ_PERMISSION_READ_RECORDS, rifq_staff_actor_roles (db)) &&
                      rifq_request_store_approval (db, r->id, &approval, NULL);

  if (table_format ())
    {
      g_autofree char *sentence = rifq_request_describe (r, NULL);

      g_print ("%s\n", sentence);
      if (state == RIFQ_SEAL_STATE_ALTERED)
        g_print (_("NOT GENUINE: %s\n"), message);
      else if (state == RIFQ_SEAL_STATE_GENUINE)
        g_print (_("Sealed on %s, code %s.\n"), seal->sealed_at, seal->short_code);
      if (approved)
        {
          g_autofree char *what = rifq_approval_describe (&approval);

          g_print ("%s\n", what);
        }
      for (guint i = 0; i < r->documents->len; i++)
        {
          RifqDocument *doc = g_ptr_array_index (r->documents, i);

          g_print ("  %s: %s%s%s\n", doc->type_label, doc->number ? doc->number : _("missing"),
                   doc->expires_on ? " → " : "", doc->expires_on ? doc->expires_on : "");
        }
      return;
    }
  node = rifq_request_to_json (r);
  json_object_set_member (json_node_get_object (node), "seal", seal_json (state, seal, message));
  /* What the committee approved and what remains of it, once accepted. */
  if (approved)
    json_object_set_member (json_node_get_object (node), "approval", rifq_approval_to_json (&approval));
  print_json (node);
}

/* After a step: the request as it now stands, read back from the database. */
static int
show_again (RifqDb     *db,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqRequest) r = rifq_request_store_get_by_number (db, key, &error);

  if (r == NULL)
    return refuse (error);
  print_request (db, r);
  return EXIT_OK;
}

/* request show NUMBER */
static int
request_show (RifqDb       *db,
              RifqRequest  *r,
              char        **args)
{
  print_request (db, r);
  return EXIT_OK;
}

static int
request_create (RifqDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autoptr(RifqRequest) r = NULL;
  RifqRequestDraft draft = { 0 };

  if (opts.beneficiary == NULL)
    return usage (_("request create needs --beneficiary."));
  beneficiary = find_beneficiary (db, opts.beneficiary, "--beneficiary", &error);
  if (beneficiary == NULL)
    return refuse (error);

  draft.beneficiary_id = rifq_beneficiary_get_id (beneficiary);
  draft.kind = opts.kind;
  draft.channel = opts.channel;
  draft.description = opts.description;
  draft.amount = opts.amount;
  r = rifq_request_store_create (db, &draft, &error);
  if (r == NULL)
    return refuse (error);
  print_request (db, r);
  return EXIT_OK;
}

/* request document NUMBER TYPE */
static int
request_document (RifqDb       *db,
                  RifqRequest  *r,
                  char        **args)
{
  g_autoptr(GError) error = NULL;
  RifqDocument doc = { 0 };

  doc.type = args[3];
  doc.number = opts.number;
  doc.issued_on = opts.issued;
  doc.expires_on = opts.expires;
  doc.matched = opts.matched;
  if (!rifq_request_store_save_document (db, r->id, &doc, &error))
    return refuse (error);
  return show_again (db, args[2]);
}

/* request attach NUMBER TYPE FILE */
static int
request_attach (RifqDb       *db,
                RifqRequest  *r,
                char        **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) scan = g_file_new_for_commandline_arg (args[4]);

  if (!rifq_request_store_attach_file (db, r->id, args[3], scan, &error))
    return refuse (error);
  return show_again (db, args[2]);
}

/* request sign NUMBER */
static int
request_sign (RifqDb       *db,
              RifqRequest  *r,
              char        **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *strokes = NULL;
  RifqSigning signing = { 0 };
  gsize length;

  if (opts.signature == NULL)
    return usage (_("request sign needs --signature FILE with the strokes as JSON."));
  /* Checked with its length: a NUL byte in the file would cut the strokes short unseen. */
  if (!read_input (opts.signature, &strokes, &length, &error) || !rifq_json_check (strokes, length, &error))
    {
      g_prefix_error (&error, _("Signature: "));
      return refuse (error);
    }

  signing.signature_json = strokes;
  signing.signer = opts.signer ? opts.signer : "applicant";
  signing.signer_name = opts.signer_name;
  signing.signer_relation = opts.relation;
  signing.sign_mark = opts.mark ? opts.mark : "signature";
  signing.officer_name = opts.officer_name;
  if (!rifq_request_store_sign (db, r->id, &signing, &error))
    return refuse (error);
  return show_again (db, args[2]);
}

/* request advance NUMBER ACTION */
static int
request_advance (RifqDb       *db,
                 RifqRequest  *r,
                 char        **args)
{
  g_autoptr(GError) error = NULL;
  RifqStepDetails details = { 0 };
  RifqService service = { 0 };
  RifqAction action;

  if (!rifq_action_from_code (args[3], &action))
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < RIFQ_N_ACTIONS; i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "", rifq_action_code (i));
      return usage_printf (_("Unknown step “%s”; the steps are: %s."), args[3], known->str);
    }

  details.text = opts.text;
  details.visit_on = opts.visit_on;
  details.visit_findings = opts.findings;
  details.visit_household = opts.household;
  details.visit_recommendation = opts.recommendation;
  if (action == RIFQ_ACTION_SERVE)
    {
      service.kind = opts.kind;
      service.quantity = opts.quantity > 0 ? opts.quantity : 0;
      service.amount = opts.amount;
      service.delivered_on = opts.delivered_on;
      service.delivered_by = opts.delivered_by;
      service.place = opts.place;
      service.notes = opts.notes;
      service.override_reason = opts.override;
      details.service = &service;
    }
  if (!rifq_request_store_advance (db, r->id, action, &details, &error))
    return refuse (error);
  return show_again (db, args[2]);
}

/* request receipt NUMBER FILE.pdf */
static int
request_receipt (RifqDb       *db,
                 RifqRequest  *r,
                 char        **args)
{
  g_autoptr(GError) error = NULL;
  const char *path = args[3];

  if (!check_output (path, &error) || !rifq_receipt_pdf_write_request (db, r, path, &error))
    return refuse (error);
  g_print (_("The receipt of request %s is at %s.\n"), r->number, path);
  return EXIT_OK;
}

/* The commands on one request, named by its number after the command's name. */
static const struct
{
  const char *name;
  guint       n_args;
  int       (*run) (RifqDb       *db,
                    RifqRequest  *r,
                    char        **args);
} request_commands[] = {
  { "show", 3, request_show },
  { "document", 4, request_document },
  { "attach", 5, request_attach },
  { "sign", 3, request_sign },
  { "advance", 4, request_advance },
  { "receipt", 4, request_receipt },
};

int
cmd_request (RifqDb  *db,
             char   **args,
             guint    n)
{
  g_autoptr(GError) error = NULL;
  const char *sub = args[1];

  for (guint i = 0; i < G_N_ELEMENTS (request_commands); i++)
    if (g_str_equal (sub, request_commands[i].name) && n == request_commands[i].n_args)
      {
        g_autoptr(RifqRequest) r = rifq_request_store_get_by_number (db, args[2], &error);

        if (r == NULL)
          return refuse (error);
        return request_commands[i].run (db, r, args);
      }
  if (g_str_equal (sub, "create") && n == 2)
    return request_create (db);
  if (g_str_equal (sub, "list") && n == 2)
    {
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(RifqBeneficiary) beneficiary = NULL;
      RifqRequestState state = 0;

      if (opts.state != NULL && !rifq_request_state_from_code (opts.state, &state))
        return usage_printf (_("Unknown state “%s”."), opts.state);
      if (opts.beneficiary != NULL)
        {
          beneficiary = find_beneficiary (db, opts.beneficiary, "--beneficiary", &error);
          if (beneficiary == NULL)
            return refuse (error);
        }
      list = rifq_request_store_list (db, opts.state ? (int) state : -1,
                                      beneficiary ? rifq_beneficiary_get_id (beneficiary) : 0,
                                      (guint) MAX (opts.limit, 0), &error);
      if (list == NULL)
        return refuse (error);
      print_requests (list);
      return EXIT_OK;
    }
  if (g_str_equal (sub, "lookup") && n == 3)
    {
      g_autoptr(GPtrArray) found = rifq_request_store_lookup (db, args[2], (guint) MAX (opts.limit, 1), &error);

      if (found == NULL)
        return refuse (error);
      if (found->len == 0)
        {
          g_printerr (_("No request was found for “%s”.\n"), args[2]);
          return EXIT_REFUSED;
        }
      if (table_format ())
        for (guint i = 0; i < found->len; i++)
          {
            g_autofree char *sentence = rifq_request_describe (g_ptr_array_index (found, i), NULL);
            g_print ("%s\n", sentence);
          }
      else
        print_requests (found);
      return EXIT_OK;
    }
  return usage_printf (_("Unknown command “request %s”."), sub);
}

int
cmd_staff (RifqDb  *db,
           char   **args,
           guint    n)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (args[1], "add") && n == 3)
    {
      g_auto(GStrv) codes = g_strsplit (opts.roles ? opts.roles : "", ",", -1);
      g_autoptr(RifqStaff) existing = NULL;
      g_autoptr(Secret) password = NULL;
      RifqRole roles = RIFQ_ROLE_NONE;

      for (guint i = 0; codes[i] != NULL; i++)
        {
          RifqRole role;

          g_strstrip (codes[i]);
          if (*codes[i] == '\0')
            continue;
          if (!rifq_role_from_code (codes[i], &role))
            return usage_printf (_("Unknown role “%s”; the roles are: desk, researcher, committee, chair, board, "
                                   "admin."), codes[i]);
          roles |= role;
        }
      /* A new member comes with their first password, so that they can log in; it is checked
       * before anything is written. */
      existing = rifq_staff_get (db, args[2], NULL);
      if (existing == NULL && rifq_permission_allows (RIFQ_PERMISSION_STAFF, rifq_staff_actor_roles (db)))
        {
          password = read_secret ("RIFQ_NEW_PASSWORD", _("Their first password: "), _("The password again: "),
                                  _("New password"), &error);
          if (password == NULL || !rifq_account_check_password (args[2], password, &error))
            return refuse (error);
        }
      if (!rifq_staff_save (db, args[2], opts.full_name, roles, &error))
        return refuse (error);
      if (password != NULL && !rifq_account_reset_password (db, args[2], password, &error))
        {
          g_printerr (_("%s is now staff, without a password: give them one with “rifq-admin staff password %s”.\n"),
                      args[2], args[2]);
          return refuse (error);
        }
      g_print (_("%s is now staff.\n"), args[2]);
      return EXIT_OK;
    }
  if (g_str_equal (args[1], "password") && n == 3)
    return cmd_staff_password (db, args[2]);
  if (g_str_equal (args[1], "list") && n == 2)
    {
      g_autoptr(GPtrArray) staff = rifq_staff_list (db, RIFQ_ROLE_NONE, &error);
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (staff == NULL)
        return refuse (error);
      json_builder_begin_array (builder);
      for (guint i = 0; i < staff->len; i++)
        {
          RifqStaff *s = g_ptr_array_index (staff, i);
          g_autofree char *roles = rifq_roles_to_string (s->roles);
          g_auto(GStrv) codes = g_strsplit (roles, ",", -1);

          if (table_format ())
            {
              g_print ("%s\t%s\t%s\n", s->username, s->full_name, roles);
              continue;
            }
          json_builder_begin_object (builder);
          rifq_json_add_string (builder, "username", s->username);
          rifq_json_add_string (builder, "full_name", s->full_name);
          json_builder_set_member_name (builder, "roles");
          json_builder_begin_array (builder);
          for (guint k = 0; codes[k] != NULL; k++)
            if (*codes[k] != '\0')
              json_builder_add_string_value (builder, codes[k]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      if (!table_format ())
        print_built (builder);
      return EXIT_OK;
    }
  return usage_printf (_("Unknown command “staff %s”."), args[1]);
}
