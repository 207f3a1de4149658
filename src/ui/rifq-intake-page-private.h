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
#include "rifq-intake-service.h"
#include "rifq-intake-signing.h"
#include "rifq-intake-util.h"
#include "rifq-record-list.h"
#include "rifq-request-store.h"

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

struct _RifqIntakePage
{
  GtkWidget            parent_instance;

  /* template children */
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *back_button;
  AdwWindowTitle      *window_title;
  GtkWidget           *progress_area;
  AdwSqueezer         *progress_squeezer;
  GtkWidget           *progress_separator;
  GtkStack            *stack;
  GtkListBox          *landing_list;
  GtkWidget           *landing_empty;
  RifqIntakeReception *reception;
  RifqIntakeDocuments *documents;
  RifqIntakeSigning   *signing;
  RifqIntakeService   *service;

  /* owned */
  RifqContext         *context;
  RifqRecordList      *landing;          /* the requests in progress */
  RifqDb              *db;               /* the context's */
  RifqRequest         *request;
  AdwToast            *error_toast;      /* weak: the refusal on screen */

  /* not owned: the seven steps in the stack, in order */
  RifqIntakeStep      *steps[RIFQ_INTAKE_N_STEPS];
  /* not owned: the steps in progress_squeezer, widest first */
  GtkWidget           *step_buttons[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];
  GtkWidget           *step_badges[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];
  GtkWidget           *step_names[N_PROGRESS_ROWS][RIFQ_INTAKE_N_STEPS];

  /* state */
  guint                shown_step;
  gint64               error_shown_at;   /* when the refusal came on screen, monotonic */
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
