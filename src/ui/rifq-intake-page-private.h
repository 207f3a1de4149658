/* rifq-intake-page-private.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the files of the intake page share: the page's fields and the functions they call
 * across files. */

#pragma once

#include <adwaita.h>

#include "rifq-intake-documents.h"
#include "rifq-intake-page.h"
#include "rifq-intake-reception.h"
#include "rifq-intake-util.h"
#include "rifq-record-list.h"
#include "rifq-request-store.h"
#include "rifq-signature-pad.h"

G_BEGIN_DECLS

/* The rows of steps the squeezer chooses from, widest first: names beside the numbers, names
 * under them, and only the current step's name. */
enum
{
  PROGRESS_WIDE,
  PROGRESS_STACKED,
  PROGRESS_COMPACT,
  N_PROGRESS_ROWS
};

/* The signing and service forms as left for a request, until the officer comes back to it. */
typedef struct
{
  RifqSignature *signature;
  gboolean       caregiver;
  gboolean       thumbprint;
  char          *caregiver_name;
  char          *relation;
  char          *officer_name;
} SigningDraft;

typedef struct
{
  guint     kind;
  char     *quantity;
  char     *amount;
  char     *date;
  char     *delivered_by;
  gboolean  at_home;
  char     *notes;
} ServiceDraft;

struct _RifqIntakePage
{
  GtkWidget           parent_instance;

  /* template children */
  AdwToastOverlay    *toast_overlay;
  GtkWidget          *back_button;
  AdwWindowTitle     *window_title;
  GtkWidget          *progress_area;
  AdwSqueezer        *progress_squeezer;
  GtkWidget          *progress_separator;
  GtkStack           *stack;
  GtkListBox         *landing_list;
  GtkWidget          *landing_empty;
  RifqIntakeReception *reception;
  RifqIntakeDocuments *documents;
  GtkLabel           *research_status;
  GtkBox             *referrals_box;
  GtkWidget          *research_back_button;
  GtkLabel           *declaration_label;
  GtkWidget          *signing_form;
  GtkToggleButton    *signer_applicant;
  GtkToggleButton    *signer_caregiver;
  GtkWidget          *caregiver_list;
  GtkWidget          *caregiver_name_row;
  GtkWidget          *caregiver_relation_row;
  GtkToggleButton    *mark_signature;
  GtkToggleButton    *mark_thumbprint;
  RifqSignaturePad   *signature_pad;
  GtkWidget          *officer_name_row;
  GtkLabel           *signed_label;
  GtkWidget          *sign_button;
  GtkWidget          *to_submission_button;
  GtkWidget          *reopen_button;
  GtkWidget          *submission_before;
  GtkLabel           *submission_text;
  GtkWidget          *submission_after;
  GtkLabel           *submission_description;
  GtkLabel           *submission_due;
  GtkWidget          *close_rejected_button;
  GtkImage           *registration_icon;
  GtkLabel           *registration_title;
  GtkLabel           *registration_text;
  GtkWidget          *register_button;
  GtkLabel           *service_status;
  GtkLabel           *service_approval;
  GtkWidget          *service_form;
  AdwComboRow        *service_kind_row;
  GtkWidget          *quantity_row;
  GtkWidget          *service_amount_row;
  GtkWidget          *service_date_row;
  GtkWidget          *delivered_by_row;
  GtkToggleButton    *place_office;
  GtkToggleButton    *place_home;
  GtkWidget          *notes_row;
  GtkWidget          *override_row;
  GtkWidget          *services_box;
  GtkListBox         *services_list;
  GtkWidget          *close_button;

  /* owned */
  RifqContext        *context;
  RifqRecordList     *landing;       /* the requests in progress */
  RifqDb             *db;       /* the context's */
  RifqRequest        *request;
  GPtrArray          *kinds;             /* RifqPolicyItem */
  GHashTable         *signing_drafts;    /* request id → SigningDraft */
  GHashTable         *service_drafts;    /* request id → ServiceDraft */
  AdwToast           *error_toast;       /* weak: the refusal on screen */

  /* not owned: the steps in progress_squeezer, widest first */
  GtkWidget          *step_buttons[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];
  GtkWidget          *step_badges[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];
  GtkWidget          *step_names[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];

  /* state */
  guint               shown_step;
  gint64              signing_for;       /* the request the signing form was filled for */
  gboolean            signing_was_signed;
  gint64              service_for;       /* the request the service form was filled for */
  gint64              error_shown_at;    /* when the refusal came on screen, monotonic */
};

/* rifq-intake-page.c */
void rifq_intake_show_page (RifqIntakePage *self,
                            guint           step);

void rifq_intake_set_request (RifqIntakePage *self,
                              RifqRequest    *r);

gboolean rifq_intake_reload_request (RifqIntakePage  *self,
                                     GError         **error);

gboolean rifq_intake_moved (RifqIntakePage  *self,
                            GError         **error);

gboolean rifq_intake_page_advance (RifqIntakePage         *self,
                                   RifqAction              action,
                                   const RifqStepDetails  *details,
                                   GError                **error);

/* rifq-intake-page-helpers.c */
void rifq_intake_dismiss_error (RifqIntakePage *self);

void rifq_intake_show_error (RifqIntakePage *self,
                             const char     *message);

void rifq_intake_show_info (RifqIntakePage *self,
                            const char     *message);

GtkWindow *rifq_intake_parent_window (RifqIntakePage *self);

gboolean rifq_intake_require_request (RifqIntakePage  *self,
                                      GError         **error);

guint rifq_intake_current_step (RifqIntakePage *self);

gboolean rifq_intake_step_reached (RifqIntakePage *self,
                                   guint           step);

/* rifq-intake-page-views.c */
void rifq_intake_update_header (RifqIntakePage *self);

void rifq_intake_update_progress (RifqIntakePage *self);

void rifq_intake_update_views (RifqIntakePage *self);

void rifq_intake_build_progress (RifqIntakePage *self);

/* rifq-intake-page-documents.c */
gboolean rifq_intake_attach_file (RifqIntakePage  *self,
                                  const char      *type,
                                  GFile           *file,
                                  GError         **error);

gboolean rifq_intake_save_before_attaching (RifqIntakePage  *self,
                                            const char      *type,
                                            GError         **error);

/* rifq-intake-page-steps.c */
void rifq_intake_signer_toggled_cb (RifqIntakePage *self);

void rifq_intake_clear_signature_clicked_cb (RifqIntakePage *self);

/* The page's actions, "intake.receive" and the rest (rifq-intake-page-actions.c), each running
 * one of the steps below; enabled from the open request's state. */
void     rifq_intake_page_install_actions   (GtkWidgetClass *widget_class);
void     rifq_intake_update_actions         (RifqIntakePage *self);

/* The steps run by the page's actions, in rifq-intake-page-documents.c and rifq-intake-page-steps.c */
gboolean rifq_intake_receive_step           (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_save_documents_step    (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_attach_step            (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_refer_step             (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_confirm_documents_step (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_sign_step              (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_submit_step            (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_save_receipt_step      (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_open_receipt_step      (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_register_step          (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_serve_step             (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_close_step             (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_new_step               (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_list_step              (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_show_step_step         (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_change_applicant_step  (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_withdraw_step          (RifqIntakePage *self, GVariant *parameter, GError **error);
gboolean rifq_intake_reopen_step            (RifqIntakePage *self, GVariant *parameter, GError **error);

G_END_DECLS
