/* rifq-request.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-request"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rifq-calendar.h"
#include "rifq-error.h"
#include "rifq-json.h"
#include "rifq-record.h"
#include "rifq-permission.h"
#include "rifq-request.h"

#define STATE_BIT(s) (1u << (s))

typedef struct
{
  RifqAction        action;
  guint             from;    /* STATE_BIT mask */
  RifqRequestState  to;
} Transition;

/* The one table of the procedure: from where each step may be taken and where it leads. Who
 * may take it is the role × action table's (rifq-permission.c). */
static const Transition transitions[] = {
  { RIFQ_ACTION_COLLECT,    STATE_BIT (RIFQ_REQUEST_DRAFT),         RIFQ_REQUEST_INCOMPLETE },
  { RIFQ_ACTION_REFER,      STATE_BIT (RIFQ_REQUEST_INCOMPLETE),    RIFQ_REQUEST_REFERRED },
  { RIFQ_ACTION_ANSWER,     STATE_BIT (RIFQ_REQUEST_REFERRED),      RIFQ_REQUEST_INCOMPLETE },
  { RIFQ_ACTION_VERIFY,     STATE_BIT (RIFQ_REQUEST_INCOMPLETE),    RIFQ_REQUEST_READY_TO_SIGN },
  { RIFQ_ACTION_REOPEN,     STATE_BIT (RIFQ_REQUEST_READY_TO_SIGN), RIFQ_REQUEST_INCOMPLETE },
  { RIFQ_ACTION_SUBMIT,     STATE_BIT (RIFQ_REQUEST_READY_TO_SIGN), RIFQ_REQUEST_SUBMITTED },
  { RIFQ_ACTION_REVIEW,     STATE_BIT (RIFQ_REQUEST_SUBMITTED),     RIFQ_REQUEST_UNDER_REVIEW },
  { RIFQ_ACTION_ACCEPT,     STATE_BIT (RIFQ_REQUEST_UNDER_REVIEW),  RIFQ_REQUEST_ACCEPTED },
  { RIFQ_ACTION_REJECT,     STATE_BIT (RIFQ_REQUEST_UNDER_REVIEW),  RIFQ_REQUEST_REJECTED },
  { RIFQ_ACTION_DEFER,      STATE_BIT (RIFQ_REQUEST_UNDER_REVIEW),  RIFQ_REQUEST_DEFERRED },
  { RIFQ_ACTION_RECONSIDER, STATE_BIT (RIFQ_REQUEST_DEFERRED),      RIFQ_REQUEST_UNDER_REVIEW },
  { RIFQ_ACTION_REGISTER,   STATE_BIT (RIFQ_REQUEST_ACCEPTED),      RIFQ_REQUEST_REGISTERED },
  { RIFQ_ACTION_SERVE,      STATE_BIT (RIFQ_REQUEST_REGISTERED) | STATE_BIT (RIFQ_REQUEST_SERVED),
                                                                    RIFQ_REQUEST_SERVED },
  { RIFQ_ACTION_CLOSE,      STATE_BIT (RIFQ_REQUEST_SERVED) | STATE_BIT (RIFQ_REQUEST_REJECTED),
                                                                    RIFQ_REQUEST_CLOSED },
  { RIFQ_ACTION_WITHDRAW,   STATE_BIT (RIFQ_REQUEST_DRAFT) | STATE_BIT (RIFQ_REQUEST_INCOMPLETE)
                            | STATE_BIT (RIFQ_REQUEST_REFERRED) | STATE_BIT (RIFQ_REQUEST_READY_TO_SIGN),
                                                                    RIFQ_REQUEST_CLOSED },
};

G_STATIC_ASSERT (G_N_ELEMENTS (transitions) == RIFQ_N_ACTIONS);

static const struct
{
  const char *code;
  const char *label;
  guint       step;
} states[RIFQ_REQUEST_N_STATES] = {
  [RIFQ_REQUEST_DRAFT]         = { "draft",         N_("Received at the desk"),      1 },
  [RIFQ_REQUEST_INCOMPLETE]    = { "incomplete",    N_("Documents being checked"),   2 },
  [RIFQ_REQUEST_REFERRED]      = { "referred",      N_("With social research"),      3 },
  [RIFQ_REQUEST_READY_TO_SIGN] = { "ready_to_sign", N_("Ready to sign"),             4 },
  [RIFQ_REQUEST_SUBMITTED]     = { "submitted",     N_("Submitted to the committee"), 5 },
  [RIFQ_REQUEST_UNDER_REVIEW]  = { "under_review",  N_("Under committee review"),    5 },
  [RIFQ_REQUEST_ACCEPTED]      = { "accepted",      N_("Accepted"),                  6 },
  [RIFQ_REQUEST_REJECTED]      = { "rejected",      N_("Rejected"),                  5 },
  [RIFQ_REQUEST_DEFERRED]      = { "deferred",      N_("Deferred"),                  5 },
  [RIFQ_REQUEST_REGISTERED]    = { "registered",    N_("Registered"),                7 },
  [RIFQ_REQUEST_SERVED]        = { "served",        N_("Served"),                    7 },
  [RIFQ_REQUEST_CLOSED]        = { "closed",        N_("Closed"),                    7 },
};

static const struct
{
  const char *code;
  const char *label;
  gboolean    needs_text;
  gboolean    decision;     /* taken by a meeting of the research committee only */
} actions[RIFQ_N_ACTIONS] = {
  [RIFQ_ACTION_COLLECT]    = { "collect",    N_("Check the documents"),              FALSE, FALSE },
  [RIFQ_ACTION_REFER]      = { "refer",      N_("Refer to social research"),         TRUE,  FALSE },
  [RIFQ_ACTION_ANSWER]     = { "answer",     N_("Answer the referral"),              TRUE,  FALSE },
  [RIFQ_ACTION_VERIFY]     = { "verify",     N_("Confirm the documents"),            FALSE, FALSE },
  [RIFQ_ACTION_REOPEN]     = { "reopen",     N_("Reopen the documents"),             FALSE, FALSE },
  [RIFQ_ACTION_SUBMIT]     = { "submit",     N_("Submit to the research committee"), FALSE, FALSE },
  [RIFQ_ACTION_REVIEW]     = { "review",     N_("Start the review"),                 FALSE, FALSE },
  [RIFQ_ACTION_ACCEPT]     = { "accept",     N_("Accept"),                           FALSE, TRUE },
  [RIFQ_ACTION_REJECT]     = { "reject",     N_("Reject"),                           TRUE,  TRUE },
  [RIFQ_ACTION_DEFER]      = { "defer",      N_("Defer"),                            TRUE,  TRUE },
  [RIFQ_ACTION_RECONSIDER] = { "reconsider", N_("Reconsider"),                       FALSE, FALSE },
  [RIFQ_ACTION_REGISTER]   = { "register",   N_("Register the beneficiary"),         FALSE, FALSE },
  [RIFQ_ACTION_SERVE]      = { "serve",      N_("Record a service"),                 FALSE, FALSE },
  [RIFQ_ACTION_CLOSE]      = { "close",      N_("Close"),                            FALSE, FALSE },
  [RIFQ_ACTION_WITHDRAW]   = { "withdraw",   N_("Withdraw"),                         TRUE,  FALSE },
};

static const struct
{
  const char *code;
  const char *label;
} roles[RIFQ_N_ROLES] = {
  { "desk",       N_("beneficiary-relations officer") },
  { "researcher", N_("social-research officer") },
  { "committee",  N_("research-committee member") },
  { "chair",      N_("research-committee chair") },
  { "board",      N_("board member") },
  { "admin",      N_("administrator") },
};

G_DEFINE_ENUM_TYPE (RifqRequestState, rifq_request_state,
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_INCOMPLETE, "incomplete"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_REFERRED, "referred"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_READY_TO_SIGN, "ready-to-sign"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_SUBMITTED, "submitted"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_UNDER_REVIEW, "under-review"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_DEFERRED, "deferred"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_REGISTERED, "registered"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_SERVED, "served"),
  G_DEFINE_ENUM_VALUE (RIFQ_REQUEST_CLOSED, "closed"))

G_DEFINE_FINAL_TYPE (RifqRequest, rifq_request, G_TYPE_OBJECT)

static void
rifq_request_finalize (GObject *object)
{
  RifqRequest *self = (RifqRequest *)object;
  char **strings[] = {
    &self->number, &self->kind, &self->channel, &self->description, &self->received_by,
    &self->received_at, &self->declaration, &self->signature_json, &self->signer,
    &self->signer_name, &self->signer_relation, &self->sign_mark, &self->officer_name,
    &self->signed_by, &self->signed_at, &self->validity_json, &self->submitted_on,
    &self->submitted_at, &self->due_on, &self->decision_reason, &self->decided_by,
    &self->decided_at, &self->registered_at, &self->closed_at, &self->close_reason,
    &self->updated_at, &self->beneficiary_name, &self->national_id, &self->mobile,
    &self->file_number,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->referrals, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);

  G_OBJECT_CLASS (rifq_request_parent_class)->finalize (object);
}

static void
get_state_label (GObject    *object,
                 GParamSpec *pspec,
                 GValue     *value)
{
  g_value_set_string (value, rifq_request_state_label (RIFQ_REQUEST (object)->state));
}

static void
rifq_request_class_init (RifqRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const RifqRecordProperty properties[] = {
    RIFQ_RECORD_FIELD (RifqRequest, id, "id", G_TYPE_INT64),
    RIFQ_RECORD_FIELD (RifqRequest, number, "number", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRequest, state, "state", RIFQ_TYPE_REQUEST_STATE),
    RIFQ_RECORD_WORKED_OUT ("state-label", G_TYPE_STRING, get_state_label),
    RIFQ_RECORD_FIELD (RifqRequest, kind, "kind", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRequest, beneficiary_name, "beneficiary-name", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRequest, national_id, "national-id", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRequest, submitted_on, "submitted-on", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRequest, due_on, "due-on", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRequest, received_at, "received-at", G_TYPE_STRING),
    RIFQ_RECORD_FIELD (RifqRequest, updated_at, "updated-at", G_TYPE_STRING),
  };

  object_class->finalize = rifq_request_finalize;
  rifq_record_class_install_properties (object_class, properties, G_N_ELEMENTS (properties));
}

static void
rifq_request_init (RifqRequest *self)
{
  self->amount = -1;
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_document_free);
  self->referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_referral_free);
  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_service_free);
}

RifqRequest *
rifq_request_new (void)
{
  return g_object_new (RIFQ_TYPE_REQUEST, NULL);
}

void
rifq_scan_free (RifqScan *scan)
{
  if (scan == NULL)
    return;
  g_free (scan->sha256);
  g_free (scan->name);
  g_free (scan->mime);
  g_free (scan);
}

void
rifq_document_free (RifqDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->scans, g_ptr_array_unref);
  g_free (doc->type);
  g_free (doc->type_label);
  g_free (doc->number);
  g_free (doc->issued_on);
  g_free (doc->expires_on);
  g_free (doc->attachment_sha);
  g_free (doc->attachment_name);
  g_free (doc->attachment_mime);
  g_free (doc->verified_by);
  g_free (doc->verified_at);
  g_free (doc);
}

void
rifq_referral_free (RifqReferral *referral)
{
  if (referral == NULL)
    return;
  g_free (referral->question);
  g_free (referral->asked_by);
  g_free (referral->asked_at);
  g_free (referral->answer);
  g_free (referral->answered_by);
  g_free (referral->answered_at);
  g_free (referral->visit_on);
  g_free (referral->visit_findings);
  g_free (referral->visit_household);
  g_free (referral->visit_recommendation);
  g_free (referral);
}

void
rifq_service_free (RifqService *service)
{
  if (service == NULL)
    return;
  g_free (service->kind);
  g_free (service->delivered_on);
  g_free (service->delivered_by);
  g_free (service->place);
  g_free (service->notes);
  g_free (service->recorded_at);
  g_free (service->override_reason);
  g_free (service->override_by);
  g_free (service);
}

const char *
rifq_request_state_code (RifqRequestState state)
{
  g_return_val_if_fail (state < RIFQ_REQUEST_N_STATES, NULL);
  return states[state].code;
}

gboolean
rifq_request_state_from_code (const char       *code,
                              RifqRequestState *out_state)
{
  for (guint i = 0; i < RIFQ_REQUEST_N_STATES; i++)
    if (g_strcmp0 (code, states[i].code) == 0)
      {
        *out_state = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rifq_request_state_label (RifqRequestState state)
{
  g_return_val_if_fail (state < RIFQ_REQUEST_N_STATES, NULL);
  return _(states[state].label);
}

guint
rifq_request_state_step (RifqRequestState state)
{
  g_return_val_if_fail (state < RIFQ_REQUEST_N_STATES, 1);
  return states[state].step;
}

static guint
role_index (RifqRole role)
{
  return (guint) g_bit_nth_lsf ((gulong) role, -1);
}

const char *
rifq_role_code (RifqRole role)
{
  g_return_val_if_fail (role != RIFQ_ROLE_NONE && role_index (role) < RIFQ_N_ROLES, NULL);
  return roles[role_index (role)].code;
}

gboolean
rifq_role_from_code (const char *code,
                     RifqRole   *out_role)
{
  for (guint i = 0; i < RIFQ_N_ROLES; i++)
    if (g_strcmp0 (code, roles[i].code) == 0)
      {
        *out_role = 1 << i;
        return TRUE;
      }
  return FALSE;
}

const char *
rifq_role_label (RifqRole role)
{
  g_return_val_if_fail (role != RIFQ_ROLE_NONE && role_index (role) < RIFQ_N_ROLES, NULL);
  return _(roles[role_index (role)].label);
}

static char *
join_roles (RifqRole  set,
            gboolean  labels)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < RIFQ_N_ROLES; i++)
    if (set & (1 << i))
      {
        if (text->len > 0)
          /* Translators: between the roles that may take a step: "a chair or a member" */
          g_string_append (text, labels ? _(" or ") : ",");
        g_string_append (text, labels ? _(roles[i].label) : roles[i].code);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
rifq_roles_to_string (RifqRole set)
{
  return join_roles (set, FALSE);
}

char *
rifq_roles_describe (RifqRole set)
{
  return join_roles (set, TRUE);
}

const char *
rifq_action_code (RifqAction action)
{
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, NULL);
  return actions[action].code;
}

gboolean
rifq_action_from_code (const char *code,
                       RifqAction *out_action)
{
  for (guint i = 0; i < RIFQ_N_ACTIONS; i++)
    if (g_strcmp0 (code, actions[i].code) == 0)
      {
        *out_action = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rifq_action_label (RifqAction action)
{
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, NULL);
  return _(actions[action].label);
}

RifqRole
rifq_action_roles (RifqAction action)
{
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, RIFQ_ROLE_NONE);
  return rifq_permission_roles (rifq_permission_for_step (action));
}

gboolean
rifq_action_applies (RifqAction        action,
                     RifqRequestState  from,
                     RifqRequestState *out_to)
{
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, FALSE);
  g_return_val_if_fail (transitions[action].action == action, FALSE);

  if ((transitions[action].from & STATE_BIT (from)) == 0)
    return FALSE;
  if (out_to != NULL)
    *out_to = transitions[action].to;
  return TRUE;
}

gboolean
rifq_request_state_is_open (RifqRequestState state)
{
  switch (state)
    {
    case RIFQ_REQUEST_DRAFT:
    case RIFQ_REQUEST_INCOMPLETE:
    case RIFQ_REQUEST_REFERRED:
    case RIFQ_REQUEST_READY_TO_SIGN:
    case RIFQ_REQUEST_ACCEPTED:
    case RIFQ_REQUEST_REGISTERED:
      return TRUE;
    case RIFQ_REQUEST_SUBMITTED:
    case RIFQ_REQUEST_UNDER_REVIEW:
    case RIFQ_REQUEST_REJECTED:
    case RIFQ_REQUEST_DEFERRED:
    case RIFQ_REQUEST_SERVED:
    case RIFQ_REQUEST_CLOSED:
    case RIFQ_REQUEST_N_STATES:
    default:
      return FALSE;
    }
}

gboolean
rifq_request_documents_editable (RifqRequestState state)
{
  return state == RIFQ_REQUEST_DRAFT || state == RIFQ_REQUEST_INCOMPLETE || state == RIFQ_REQUEST_REFERRED;
}

gboolean
rifq_action_needs_text (RifqAction action)
{
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, FALSE);
  return actions[action].needs_text;
}

gboolean
rifq_action_is_decision (RifqAction action)
{
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, FALSE);
  return actions[action].decision;
}

gboolean
rifq_request_check_transition (RifqRequestState   from,
                               RifqAction         action,
                               GError           **error)
{
  g_return_val_if_fail (action < RIFQ_N_ACTIONS, FALSE);

  if (!rifq_action_applies (action, from, NULL))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("A request that is “%s” cannot take the step “%s”."),
                   rifq_request_state_label (from), rifq_action_label (action));
      return FALSE;
    }
  return TRUE;
}

RifqDocumentStatus
rifq_document_status (const RifqDocument *doc,
                      const char         *on)
{
  g_return_val_if_fail (on != NULL, RIFQ_DOCUMENT_MISSING);

  if (doc == NULL || doc->id == 0 || doc->number == NULL || *doc->number == '\0')
    return RIFQ_DOCUMENT_MISSING;
  /* ISO dates compare as text. Expiring on the day itself is still valid that day. */
  if (doc->issued_on != NULL && g_strcmp0 (doc->issued_on, on) > 0)
    return RIFQ_DOCUMENT_NOT_YET_ISSUED;
  if (doc->has_expiry && (doc->expires_on == NULL || g_strcmp0 (doc->expires_on, on) < 0))
    return RIFQ_DOCUMENT_EXPIRED;
  if (!doc->matched)
    return RIFQ_DOCUMENT_NOT_MATCHED;
  return RIFQ_DOCUMENT_VALID;
}

const char *
rifq_document_status_label (RifqDocumentStatus status)
{
  switch (status)
    {
    case RIFQ_DOCUMENT_VALID:
      return _("valid");
    case RIFQ_DOCUMENT_MISSING:
      return _("missing");
    case RIFQ_DOCUMENT_EXPIRED:
      return _("expired");
    case RIFQ_DOCUMENT_NOT_YET_ISSUED:
      return _("not yet issued");
    case RIFQ_DOCUMENT_NOT_MATCHED:
      return _("not matched against the original");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
rifq_request_due_date (const char *submitted_on,
                       int         decision_period_days)
{
  GDate date;

  if (!rifq_calendar_from_iso (submitted_on, &date))
    return NULL;
  g_date_add_days (&date, (guint) MAX (decision_period_days, 0));
  return rifq_calendar_to_iso (&date);
}

static char *
format_day (const char *iso)
{
  return rifq_calendar_format_iso_both (iso, rifq_calendar_interface_digits ());
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
rifq_request_describe (const RifqRequest *self,
                       const char        *today)
{
  g_autofree char *submitted = NULL;
  g_autofree char *due = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *real_today = today ? NULL : today_iso ();
  const char *number;
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);

  number = self->number;
  name = self->beneficiary_name ? self->beneficiary_name : "";
  /* Only the days the sentence names: a request being prepared, or past its decision, names
   * none. */
  if (self->state == RIFQ_REQUEST_SUBMITTED || self->state == RIFQ_REQUEST_UNDER_REVIEW ||
      self->state == RIFQ_REQUEST_DEFERRED || self->state == RIFQ_REQUEST_ACCEPTED ||
      self->state == RIFQ_REQUEST_REJECTED)
    {
      submitted = format_day (self->submitted_on);
      due = format_day (self->due_on);
      decided = format_day (self->decided_at);
    }

  switch (self->state)
    {
    case RIFQ_REQUEST_DRAFT:
    case RIFQ_REQUEST_INCOMPLETE:
    case RIFQ_REQUEST_READY_TO_SIGN:
      return g_strdup_printf (_("Request %s of %s is being prepared at the desk (%s); it has not "
                                "been submitted to the research committee yet."),
                              number, name, rifq_request_state_label (self->state));
    case RIFQ_REQUEST_REFERRED:
      return g_strdup_printf (_("Request %s of %s is with the social-research officer to answer the "
                                "applicant’s question; it has not been submitted yet."), number, name);
    case RIFQ_REQUEST_SUBMITTED:
    case RIFQ_REQUEST_UNDER_REVIEW:
      if (self->due_on != NULL && g_strcmp0 (self->due_on, today ? today : real_today) < 0)
        return g_strdup_printf (_("Request %s of %s was submitted on %s and is with the research "
                                  "committee; the reply was expected by %s and is overdue."),
                                number, name, submitted, due);
      return g_strdup_printf (_("Request %s of %s was submitted on %s and is with the research "
                                "committee; the reply is expected by %s."),
                              number, name, submitted, due);
    case RIFQ_REQUEST_DEFERRED:
      return g_strdup_printf (_("Request %s of %s was submitted on %s; the research committee "
                                "deferred it on %s: %s"),
                              number, name, submitted, decided,
                              self->decision_reason ? self->decision_reason : "");
    case RIFQ_REQUEST_ACCEPTED:
      return g_strdup_printf (_("Request %s of %s was submitted on %s and accepted by the research "
                                "committee on %s; registration comes next."),
                              number, name, submitted, decided);
    case RIFQ_REQUEST_REJECTED:
      return g_strdup_printf (_("Request %s of %s was submitted on %s and rejected by the research "
                                "committee on %s: %s"),
                              number, name, submitted, decided,
                              self->decision_reason ? self->decision_reason : "");
    case RIFQ_REQUEST_REGISTERED:
      return g_strdup_printf (_("Request %s of %s was accepted; the beneficiary is registered under "
                                "file number %s and the service is being arranged."),
                              number, name, self->file_number ? self->file_number : "—");
    case RIFQ_REQUEST_SERVED:
      return g_strdup_printf (_("Request %s of %s was accepted and the service has been delivered."),
                              number, name);
    case RIFQ_REQUEST_CLOSED:
      return g_strdup_printf (_("Request %s of %s is closed."), number, name);
    case RIFQ_REQUEST_N_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_documents (JsonBuilder       *builder,
               const RifqRequest *self)
{
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; self->documents != NULL && i < self->documents->len; i++)
    {
      const RifqDocument *doc = g_ptr_array_index (self->documents, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "type", doc->type);
      rifq_json_add_string (builder, "label", doc->type_label);
      rifq_json_add_boolean (builder, "required", doc->required);
      rifq_json_add_string (builder, "number", doc->number);
      rifq_json_add_string (builder, "issued_on", doc->issued_on);
      rifq_json_add_string (builder, "expires_on", doc->expires_on);
      rifq_json_add_boolean (builder, "matched", doc->matched);
      json_builder_set_member_name (builder, "scans");
      json_builder_begin_array (builder);
      for (guint j = 0; doc->scans != NULL && j < doc->scans->len; j++)
        {
          const RifqScan *scan = g_ptr_array_index (doc->scans, j);

          json_builder_begin_object (builder);
          rifq_json_add_string (builder, "sha256", scan->sha256);
          rifq_json_add_string (builder, "name", scan->name);
          rifq_json_add_string (builder, "type", scan->mime);
          rifq_json_add_int (builder, "size", scan->size);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      rifq_json_add_string (builder, "verified_by", doc->verified_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
rifq_request_add_referrals (JsonBuilder       *builder,
                            const RifqRequest *self,
                            gboolean           as_sealed)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (RIFQ_IS_REQUEST ((RifqRequest *) self));

  json_builder_set_member_name (builder, "referrals");
  json_builder_begin_array (builder);
  for (guint i = 0; self->referrals != NULL && i < self->referrals->len; i++)
    {
      const RifqReferral *r = g_ptr_array_index (self->referrals, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "question", r->question);
      if (!as_sealed)
        {
          rifq_json_add_string (builder, "asked_by", r->asked_by);
          rifq_json_add_string (builder, "asked_at", r->asked_at);
        }
      rifq_json_add_string (builder, "answer", r->answer);
      rifq_json_add_string (builder, "answered_by", r->answered_by);
      if (!as_sealed)
        rifq_json_add_string (builder, "answered_at", r->answered_at);
      rifq_json_add_string (builder, "visit_on", r->visit_on);
      rifq_json_add_string (builder, "visit_findings", r->visit_findings);
      rifq_json_add_string (builder, "visit_household", r->visit_household);
      rifq_json_add_string (builder, "visit_recommendation", r->visit_recommendation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_services (JsonBuilder       *builder,
              const RifqRequest *self)
{
  json_builder_set_member_name (builder, "services");
  json_builder_begin_array (builder);
  for (guint i = 0; self->services != NULL && i < self->services->len; i++)
    {
      const RifqService *s = g_ptr_array_index (self->services, i);

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "kind", s->kind);
      rifq_json_add_int_if (builder, "quantity", s->quantity > 0, s->quantity);
      rifq_json_add_int_if (builder, "amount", s->amount >= 0, s->amount);
      rifq_json_add_string (builder, "delivered_on", s->delivered_on);
      rifq_json_add_string (builder, "delivered_by", s->delivered_by);
      rifq_json_add_string (builder, "place", s->place);
      rifq_json_add_string (builder, "notes", s->notes);
      rifq_json_add_string (builder, "override_reason", s->override_reason);
      rifq_json_add_string (builder, "override_by", s->override_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
rifq_request_state_json (RifqRequestState  state,
                         const char       *member,
                         const char       *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "state", rifq_request_state_code (state));
  if (member != NULL)
    {
      rifq_json_add_string (builder, member, value);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
rifq_request_to_json (const RifqRequest *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) validity = NULL;
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  sentence = rifq_request_describe (self, NULL);
  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "number", self->number);
  rifq_json_add_string (builder, "state", rifq_request_state_code (self->state));
  rifq_json_add_string (builder, "state_label", rifq_request_state_label (self->state));
  rifq_json_add_int (builder, "step", rifq_request_state_step (self->state));
  rifq_json_add_string (builder, "beneficiary_national_id", self->national_id);
  rifq_json_add_string (builder, "beneficiary_name", self->beneficiary_name);
  rifq_json_add_string (builder, "file_number", self->file_number);
  rifq_json_add_string (builder, "kind", self->kind);
  rifq_json_add_string (builder, "channel", self->channel);
  rifq_json_add_string (builder, "description", self->description);
  rifq_json_add_int_if (builder, "amount", self->amount >= 0, self->amount);
  rifq_json_add_string (builder, "received_by", self->received_by);
  rifq_json_add_string (builder, "received_at", self->received_at);
  rifq_json_add_string (builder, "signer", self->signer);
  rifq_json_add_string (builder, "signer_name", self->signer_name);
  rifq_json_add_string (builder, "signer_relation", self->signer_relation);
  rifq_json_add_string (builder, "sign_mark", self->sign_mark);
  rifq_json_add_string (builder, "officer_name", self->officer_name);
  rifq_json_add_string (builder, "signed_at", self->signed_at);
  rifq_json_add_string (builder, "submitted_on", self->submitted_on);
  rifq_json_add_string (builder, "due_on", self->due_on);
  rifq_json_add_string (builder, "decision_reason", self->decision_reason);
  rifq_json_add_string (builder, "decided_at", self->decided_at);
  rifq_json_add_string (builder, "registered_at", self->registered_at);
  rifq_json_add_string (builder, "closed_at", self->closed_at);
  rifq_json_add_string (builder, "close_reason", self->close_reason);
  rifq_json_add_string (builder, "where", sentence);
  add_documents (builder, self);
  json_builder_set_member_name (builder, "validity_at_submission");
  validity = rifq_request_dup_validity (self);
  if (validity != NULL)
    json_builder_add_value (builder, g_steal_pointer (&validity));
  else
    json_builder_add_null_value (builder);
  rifq_request_add_referrals (builder, self, FALSE);
  add_services (builder, self);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gint64
rifq_approval_amount_left (const RifqApproval *approval)
{
  g_return_val_if_fail (approval != NULL, 0);
  return MAX (approval->amount - approval->amount_delivered, 0);
}

gint64
rifq_approval_quantity_left (const RifqApproval *approval)
{
  g_return_val_if_fail (approval != NULL, 0);
  return MAX (approval->quantity - approval->quantity_delivered, 0);
}

/* "1500 riyals and a quantity of 2": the riyals when any were approved or given, the quantity
 * when given in kind or more than once. */
static char *
describe_measures (const RifqApproval *approval,
                   gint64              amount,
                   gint64              quantity)
{
  gboolean with_amount = approval->amount > 0 || approval->amount_delivered > 0;
  gboolean with_quantity = !with_amount || approval->quantity > 1 || approval->quantity_delivered > 0;
  g_autofree char *riyals = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
  g_autofree char *items = g_strdup_printf ("%" G_GINT64_FORMAT, quantity);

  if (!with_amount)
    /* Translators: what the committee approved or the services delivered, in number of items */
    return g_strdup_printf (_("a quantity of %s"), items);
  if (!with_quantity)
    return g_strdup_printf (_("%s riyals"), riyals);
  /* Translators: what the committee approved or the services delivered: riyals and number of items */
  return g_strdup_printf (_("%s riyals and a quantity of %s"), riyals, items);
}

char *
rifq_approval_describe (const RifqApproval *approval)
{
  g_autofree char *approved = NULL;
  g_autofree char *delivered = NULL;
  g_autofree char *left = NULL;

  g_return_val_if_fail (approval != NULL, NULL);

  approved = describe_measures (approval, approval->amount, approval->quantity);
  delivered = describe_measures (approval, approval->amount_delivered, approval->quantity_delivered);
  left = describe_measures (approval, rifq_approval_amount_left (approval), rifq_approval_quantity_left (approval));
  if (approval->amount_delivered > approval->amount || approval->quantity_delivered > approval->quantity)
    return g_strdup_printf (_("The research committee approved %s; the services recorded delivered %s, beyond the "
                              "approval by an administrator’s decision; nothing remains."), approved, delivered);
  return g_strdup_printf (_("The research committee approved %s; the services recorded delivered %s; what remains "
                            "is %s."), approved, delivered, left);
}

JsonNode *
rifq_approval_to_json (const RifqApproval *approval)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *names[] = { "amount", "quantity", "amount_delivered", "quantity_delivered", "amount_left",
                          "quantity_left" };
  gint64 values[G_N_ELEMENTS (names)];

  g_return_val_if_fail (approval != NULL, NULL);

  values[0] = approval->amount;
  values[1] = approval->quantity;
  values[2] = approval->amount_delivered;
  values[3] = approval->quantity_delivered;
  values[4] = rifq_approval_amount_left (approval);
  values[5] = rifq_approval_quantity_left (approval);
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      rifq_json_add_int (builder, names[i], values[i]);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
rifq_request_dup_validity (const RifqRequest *self)
{
  JsonNode *root;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->validity_json == NULL)
    return NULL;
  root = rifq_json_parse (self->validity_json, -1, NULL);
  if (root != NULL && !JSON_NODE_HOLDS_ARRAY (root))
    g_clear_pointer (&root, json_node_unref);
  return root;
}
