/* rifq-request.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A support request (طلب دعم مستفيد) and the rules of its seven steps: the states, who may move
 * it and where to. The rules live here once; rifq-request-store applies them inside the write
 * transaction and the window only asks. */

typedef enum
{
  RIFQ_REQUEST_DRAFT,          /* received at the desk: reception, step 1 */
  RIFQ_REQUEST_INCOMPLETE,     /* documents being gathered and checked: step 2 */
  RIFQ_REQUEST_REFERRED,       /* with the social-research officer: step 3 */
  RIFQ_REQUEST_READY_TO_SIGN,  /* checklist complete: step 4 */
  RIFQ_REQUEST_SUBMITTED,      /* signed and handed to the research committee: step 5 */
  RIFQ_REQUEST_UNDER_REVIEW,
  RIFQ_REQUEST_ACCEPTED,
  RIFQ_REQUEST_REJECTED,
  RIFQ_REQUEST_DEFERRED,
  RIFQ_REQUEST_REGISTERED,     /* step 6 */
  RIFQ_REQUEST_SERVED,         /* step 7 */
  RIFQ_REQUEST_CLOSED,
  RIFQ_REQUEST_N_STATES
} RifqRequestState;

typedef enum
{
  RIFQ_ROLE_NONE       = 0,
  RIFQ_ROLE_DESK       = 1 << 0,  /* موظف علاقات المستفيدين */
  RIFQ_ROLE_RESEARCHER = 1 << 1,  /* مسؤول البحث الاجتماعي */
  RIFQ_ROLE_COMMITTEE  = 1 << 2,  /* عضو لجنة البحث */
  RIFQ_ROLE_CHAIR      = 1 << 3,  /* رئيس لجنة البحث */
  RIFQ_ROLE_BOARD      = 1 << 4,
  RIFQ_ROLE_ADMIN      = 1 << 5,
} RifqRole;

#define RIFQ_N_ROLES 6

typedef enum
{
  RIFQ_ACTION_COLLECT,     /* draft → incomplete */
  RIFQ_ACTION_REFER,       /* incomplete → referred, with the applicant's question */
  RIFQ_ACTION_ANSWER,      /* referred → incomplete, with the researcher's answer */
  RIFQ_ACTION_VERIFY,      /* incomplete → ready_to_sign: every document present and valid */
  RIFQ_ACTION_REOPEN,      /* ready_to_sign → incomplete: the signature is set aside */
  RIFQ_ACTION_SUBMIT,      /* ready_to_sign → submitted: signed, documents valid that day */
  RIFQ_ACTION_REVIEW,      /* submitted → under_review */
  RIFQ_ACTION_ACCEPT,      /* under_review → accepted, by a meeting of the committee only */
  RIFQ_ACTION_REJECT,      /* under_review → rejected, with the reason, by a meeting only */
  RIFQ_ACTION_DEFER,       /* under_review → deferred, with the reason, by a meeting only */
  RIFQ_ACTION_RECONSIDER,  /* deferred → under_review */
  RIFQ_ACTION_REGISTER,    /* accepted → registered: the beneficiary gets a file number */
  RIFQ_ACTION_SERVE,       /* registered or served → served, with the service given */
  RIFQ_ACTION_CLOSE,       /* served or rejected → closed */
  RIFQ_ACTION_WITHDRAW,    /* before submission → closed, with the reason */
  RIFQ_N_ACTIONS
} RifqAction;

/* How a document stands on a given day. */
typedef enum
{
  RIFQ_DOCUMENT_VALID,
  RIFQ_DOCUMENT_MISSING,
  RIFQ_DOCUMENT_EXPIRED,
  RIFQ_DOCUMENT_NOT_YET_ISSUED,
  RIFQ_DOCUMENT_NOT_MATCHED,   /* the officer has not matched it against the original */
} RifqDocumentStatus;

/* A scan of a document: the bytes are stored once, by SHA-256. */
typedef struct
{
  char   *sha256;
  char   *name;
  char   *mime;
  gint64  size;
} RifqScan;

typedef struct
{
  gint64    id;
  char     *type;
  char     *type_label;        /* in the interface language */
  gboolean  has_expiry;
  gboolean  required;
  char     *number;
  char     *issued_on;         /* ISO dates */
  char     *expires_on;
  GPtrArray *scans;            /* RifqScan, in the order attached */
  char     *attachment_sha;    /* the last scan attached, or NULL */
  char     *attachment_name;
  char     *attachment_mime;
  gint64    attachment_size;
  gboolean  matched;
  char     *verified_by;
  char     *verified_at;
  /* One more each time it is saved; 0 for a document not entered yet. Saving, the version the
   * form was filled from (RIFQ_DOCUMENT_NOT_ENTERED when it showed none): a document saved
   * elsewhere since is not overwritten. RIFQ_DOCUMENT_ANY_VERSION replaces whatever is there. */
  gint64    version;
} RifqDocument;

#define RIFQ_DOCUMENT_NOT_ENTERED (-1)
#define RIFQ_DOCUMENT_ANY_VERSION 0

typedef struct
{
  gint64  id;
  char   *question;
  char   *asked_by;
  char   *asked_at;
  char   *answer;
  char   *answered_by;
  char   *answered_at;
  /* The home-visit research report, when the researcher made one. */
  char   *visit_on;
  char   *visit_findings;
  char   *visit_household;
  char   *visit_recommendation;
} RifqReferral;

typedef struct
{
  gint64  id;
  char   *kind;
  gint64  quantity;      /* 0 when given as an amount */
  gint64  amount;        /* riyals; -1 when given as a quantity */
  char   *delivered_on;  /* ISO date */
  char   *delivered_by;
  char   *place;         /* "office" or "home" */
  char   *notes;
  char   *recorded_at;
  char   *override_reason;  /* why an administrator recorded it beyond the approval, or NULL */
  char   *override_by;
} RifqService;

/* What the research committee approved for an accepted request, and what the services recorded
 * so far delivered of it. */
typedef struct
{
  gint64  amount;              /* riyals approved; 0 when none */
  gint64  quantity;            /* the quantity approved */
  gint64  amount_delivered;
  gint64  quantity_delivered;
} RifqApproval;

#define RIFQ_TYPE_REQUEST_STATE (rifq_request_state_get_type ())
GType rifq_request_state_get_type (void) G_GNUC_CONST;

/* A request as the store read it: a snapshot, replaced rather than changed when the record
 * changes. Core and render read its fields; the window binds to its properties (id, number,
 * state, state-label, kind, beneficiary-name, national-id, submitted-on, due-on, received-at,
 * updated-at). */
#define RIFQ_TYPE_REQUEST (rifq_request_get_type ())
G_DECLARE_FINAL_TYPE (RifqRequest, rifq_request, RIFQ, REQUEST, GObject)

struct _RifqRequest
{
  GObject           parent_instance;

  gint64            id;
  char             *number;          /* "1448/000123" */
  gint64            beneficiary_id;
  char             *kind;
  char             *channel;
  char             *description;
  gint64            amount;          /* riyals asked for; -1 when none */
  RifqRequestState  state;
  char             *received_by;
  char             *received_at;
  char             *declaration;
  char             *signature_json;
  char             *signer;          /* "applicant" or "caregiver" */
  char             *signer_name;
  char             *signer_relation;
  char             *sign_mark;       /* "signature" or "thumbprint" */
  char             *officer_name;
  char             *signed_by;
  char             *signed_at;
  char             *validity_json;   /* frozen at submission */
  char             *submitted_on;    /* the day validity was judged (ISO) */
  char             *submitted_at;
  char             *due_on;          /* ISO date the reply is expected by */
  char             *decision_reason;
  char             *decided_by;
  char             *decided_at;
  char             *registered_at;
  char             *closed_at;
  char             *close_reason;
  char             *updated_at;

  /* From the beneficiary, for lists and the lookup. */
  char             *beneficiary_name;
  char             *national_id;
  char             *mobile;
  char             *file_number;

  /* Filled by rifq_request_store_get only. */
  GPtrArray        *documents;       /* RifqDocument, the checklist in order */
  GPtrArray        *referrals;       /* RifqReferral */
  GPtrArray        *services;        /* RifqService */
};

RifqRequest      *rifq_request_new             (void);

void              rifq_document_free           (RifqDocument *doc);
void              rifq_scan_free               (RifqScan     *scan);
void              rifq_referral_free           (RifqReferral *referral);
void              rifq_service_free            (RifqService  *service);

const char       *rifq_request_state_code      (RifqRequestState state);
gboolean          rifq_request_state_from_code (const char       *code,
                                                RifqRequestState *out_state);
/* "With the research committee", in the interface language. */
const char       *rifq_request_state_label     (RifqRequestState state);
/* The step of the seven (1–7) a request in this state is at. */
guint             rifq_request_state_step      (RifqRequestState state);

const char       *rifq_role_code               (RifqRole role);
gboolean          rifq_role_from_code          (const char *code,
                                                RifqRole   *out_role);
const char       *rifq_role_label              (RifqRole role);
/* "desk,researcher" for a set of roles. */
char             *rifq_roles_to_string         (RifqRole roles);
/* "beneficiary-relations officer or social-research officer", in the interface language. */
char             *rifq_roles_describe          (RifqRole roles);

const char       *rifq_action_code             (RifqAction action);
gboolean          rifq_action_from_code        (const char *code,
                                                RifqAction *out_action);
const char       *rifq_action_label            (RifqAction action);
/* The roles that may take the action. */
RifqRole          rifq_action_roles            (RifqAction action);
/* Whether the table has the action from this state, and where it leads. */
gboolean          rifq_action_applies          (RifqAction        action,
                                                RifqRequestState  from,
                                                RifqRequestState *out_to);
/* Whether a request in this state is open at the desk: in progress there (received, its
 * documents, a referral, signing) or back from the committee for the desk's next step
 * (accepted: registration; registered: services). */
gboolean          rifq_request_state_is_open   (RifqRequestState state);

/* Whether a request in this state may still have its documents entered or changed. */
gboolean          rifq_request_documents_editable (RifqRequestState state);

/* Whether the action needs a text (question, answer, reason). */
gboolean          rifq_action_needs_text       (RifqAction action);

/* Whether the action is a decision, taken only by the research committee at a meeting
 * (rifq_committee_decide), never as a step on its own. */
gboolean          rifq_action_is_decision      (RifqAction action);

/* Checks the transition table: FALSE with a sentence naming the action and the state, in the
 * interface language. Who may take the step is the role × action table's (rifq-permission);
 * preconditions that need the record's contents are checked by the store. */
gboolean          rifq_request_check_transition (RifqRequestState   from,
                                                 RifqAction         action,
                                                 GError           **error);

/* The rule of validity: a document is valid on day `on` (ISO) when it has been issued by
 * then and, if it expires, expires on that day or later. */
RifqDocumentStatus rifq_document_status        (const RifqDocument *doc,
                                                const char         *on);
const char       *rifq_document_status_label   (RifqDocumentStatus status);

/* The expected reply date: submission day plus the decision period. */
char             *rifq_request_due_date        (const char *submitted_on,
                                                int         decision_period_days);

/* One sentence the officer can read aloud: where the request is and when the reply is due.
 * today (ISO) tells whether the reply is overdue; NULL for the real today. */
char             *rifq_request_describe        (const RifqRequest *self,
                                                const char        *today);

JsonNode         *rifq_request_to_json         (const RifqRequest *self);
/* The member "referrals": each question, its answer and the home visit. As the seal holds them
 * (as_sealed), without who asked and when each was asked and answered. */
void              rifq_request_add_referrals   (JsonBuilder       *builder,
                                                const RifqRequest *self,
                                                gboolean           as_sealed);
/* {"state": …, member: value}, as the audit log keeps a step of the request. */
JsonNode         *rifq_request_state_json      (RifqRequestState   state,
                                                const char        *member,
                                                const char        *value);
/* The documents' validity frozen at submission (an array), read back through
 * rifq_json_parse(); NULL before submission or when what is stored cannot be read. */
JsonNode         *rifq_request_dup_validity    (const RifqRequest *self);

/* What remains of the approval: never below zero. */
gint64            rifq_approval_amount_left    (const RifqApproval *approval);
gint64            rifq_approval_quantity_left  (const RifqApproval *approval);

/* "The committee approved 1500 riyals and a quantity of 2; …; what remains: …", in the interface
 * language. */
char             *rifq_approval_describe       (const RifqApproval *approval);
JsonNode         *rifq_approval_to_json        (const RifqApproval *approval);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqDocument, rifq_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqReferral, rifq_referral_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqService, rifq_service_free)

G_END_DECLS
