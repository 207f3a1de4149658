/* rifq-intake-page-views.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intake page's views: the row of steps, and each step's page as the request stands. */

#define G_LOG_DOMAIN "rifq-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-calendar.h"
#include "rifq-intake-page-private.h"
#include "rifq-request-store.h"
#include "rifq-signature-pad.h"
#include "rifq-staff.h"

/* The policy's seven steps, short, in its order. */
static const char * const step_titles[RIFQ_INTAKE_N_STEPS] = {
  N_("Reception"),
  N_("Documents"),
  N_("Social Research"),
  N_("Declaration and Signature"),
  N_("Submission"),
  N_("Registration"),
  N_("Service"),
};

static GtkWidget *
append_label (GtkWidget  *box,
              const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static char *
staff_name (RifqIntakePage *self,
            const char     *username)
{
  g_autoptr(RifqStaff) staff = NULL;

  if (username == NULL)
    return g_strdup ("—");
  staff = rifq_staff_get (self->db, username, NULL);
  return g_strdup (staff != NULL && staff->full_name != NULL ? staff->full_name : username);
}

static gboolean
referral_answered (const RifqRequest *r)
{
  for (guint i = 0; r != NULL && i < r->referrals->len; i++)
    if (((RifqReferral *) g_ptr_array_index (r->referrals, i))->answer != NULL)
      return TRUE;
  return FALSE;
}

/* Views */

void
rifq_intake_update_header (RifqIntakePage *self)
{
  if (self->shown_step == 0)
    adw_window_title_set_subtitle (self->window_title, NULL);
  else if (self->request != NULL)
    {
      g_autofree char *number = rifq_intake_shown_digits (self->request->number);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", number,
                                                   self->request->beneficiary_name ? self->request->beneficiary_name : "");

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, _("New Request"));
}

static void
style_step (GtkWidget  *widget,
            const char *css_class,
            gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

void
rifq_intake_update_progress (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  guint current = rifq_intake_current_step (self);
  gboolean answered = referral_answered (r);
  g_autofree char *total = rifq_intake_shown_int (RIFQ_INTAKE_N_STEPS);

  for (guint i = 0; i < RIFQ_INTAKE_N_STEPS; i++)
    {
      guint step = i + 1;
      gboolean is_current = r != NULL ? step == current : step == 1;
      gboolean done;
      gboolean skipped = FALSE;
      g_autofree char *number = rifq_intake_shown_int (step);
      g_autofree char *description = NULL;
      const char *where;

      if (r == NULL)
        done = FALSE;
      else if (step == 3)
        {
          /* Social research is needed only when the applicant asks: otherwise it is skipped. */
          done = answered && r->state != RIFQ_REQUEST_REFERRED;
          skipped = !done && !is_current && current > 3;
        }
      else
        done = step < current || (step == RIFQ_INTAKE_N_STEPS && r->state == RIFQ_REQUEST_CLOSED);

      if (done)
        where = _("done");
      else if (skipped)
        where = _("skipped, no referral was needed");
      else if (is_current)
        where = _("current step");
      else
        where = _("not reached yet");
      /* Translators: "Step 3 of 7: Social Research, done" */
      description = g_strdup_printf (_("Step %s of %s: %s, %s"), number, total, _(step_titles[i]), where);

      for (guint row = 0; row < N_PROGRESS_ROWS; row++)
        {
          GtkWidget *button = self->step_buttons[row][i];
          GtkWidget *badge = self->step_badges[row][i];
          GtkWidget *name = self->step_names[row][i];

          gtk_label_set_text (GTK_LABEL (badge), done ? "✓" : number);
          style_step (badge, "current", is_current);
          style_step (badge, "done", done);
          style_step (badge, "skipped", skipped);
          style_step (button, "current", is_current);
          style_step (name, "heading", is_current);
          style_step (button, "viewing", step == self->shown_step);
          /* When narrow, only the current step keeps its name. */
          if (row == PROGRESS_COMPACT)
            gtk_widget_set_visible (name, is_current);
          gtk_widget_set_sensitive (button, rifq_intake_step_reached (self, step));
          gtk_widget_set_tooltip_text (button, description);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
        }
    }
}

static GtkWidget *
referral_card (RifqIntakePage     *self,
               const RifqReferral *referral)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *asker = staff_name (self, referral->asked_by);
  g_autofree char *asked_on = rifq_intake_format_day (referral->asked_at);
  g_autofree char *asked = g_strdup_printf (_("Asked by %s on %s"), asker, asked_on);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 0);
  append_label (card, _("The applicant’s question"), "heading");
  append_label (card, referral->question, NULL);
  append_label (card, asked, "dim-label");

  if (referral->answer != NULL)
    {
      g_autofree char *answerer = staff_name (self, referral->answered_by);
      g_autofree char *answered_on = rifq_intake_format_day (referral->answered_at);
      g_autofree char *answered = g_strdup_printf (_("Answered by %s on %s"), answerer, answered_on);

      append_label (card, _("The answer"), "heading");
      append_label (card, referral->answer, NULL);
      append_label (card, answered, "dim-label");
    }

  if (referral->visit_on != NULL)
    {
      g_autofree char *day = rifq_intake_format_day (referral->visit_on);
      g_autofree char *title = g_strdup_printf (_("Home visit on %s"), day);

      append_label (card, title, "heading");
      if (referral->visit_findings != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Findings: %s"), referral->visit_findings);

          append_label (card, text, NULL);
        }
      if (referral->visit_household != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Household: %s"), referral->visit_household);

          append_label (card, text, NULL);
        }
      if (referral->visit_recommendation != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Recommendation: %s"), referral->visit_recommendation);

          append_label (card, text, NULL);
        }
    }

  /* Space inside the card, around its lines. */
  for (GtkWidget *child = gtk_widget_get_first_child (card); child; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
  return card;
}

static void
update_research (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  gboolean answered = referral_answered (r);

  rifq_ui_remove_children (GTK_WIDGET (self->referrals_box));
  if (r == NULL)
    return;

  for (guint i = 0; i < r->referrals->len; i++)
    gtk_box_append (self->referrals_box, referral_card (self, g_ptr_array_index (r->referrals, i)));

  if (r->state == RIFQ_REQUEST_REFERRED)
    gtk_label_set_text (self->research_status, _("Waiting for the social-research officer’s answer."));
  else if (answered)
    gtk_label_set_text (self->research_status, _("The social-research officer has answered."));
  else
    gtk_label_set_text (self->research_status, _("No referral to social research was needed for this request."));
  rifq_intake_set_shown (self->research_back_button, answered && r->state != RIFQ_REQUEST_REFERRED);
}

static void
reset_signing (RifqIntakePage *self)
{
  gtk_toggle_button_set_active (self->signer_applicant, TRUE);
  gtk_toggle_button_set_active (self->mark_signature, TRUE);
  rifq_intake_set_editable_text (self->caregiver_name_row, NULL);
  rifq_intake_set_editable_text (self->caregiver_relation_row, NULL);
  rifq_intake_set_editable_text (self->officer_name_row, NULL);
  rifq_signature_pad_clear (self->signature_pad);
}

static void
update_signing (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *declaration = NULL;
  gboolean is_signed;

  declaration = rifq_request_store_declaration (self->db);
  gtk_label_set_text (self->declaration_label, declaration);

  if (r == NULL)
    return;

  is_signed = r->signed_at != NULL;
  /* One applicant's strokes never stay on the pad for the next; a signature set aside (the
   * documents were reopened) is not offered to be signed again as it was. */
  if (r->id != self->signing_for || (self->signing_was_signed && !is_signed))
    {
      SigningDraft *draft;

      /* The strokes and names given for the request left behind wait for its return. */
      if (self->signing_for != 0 && r->id != self->signing_for && !self->signing_was_signed)
        {
          draft = g_new0 (SigningDraft, 1);
          draft->signature = rifq_signature_ref (rifq_signature_pad_get_signature (self->signature_pad));
          draft->caregiver = gtk_toggle_button_get_active (self->signer_caregiver);
          draft->thumbprint = gtk_toggle_button_get_active (self->mark_thumbprint);
          draft->caregiver_name = g_strdup (rifq_intake_editable_text (self->caregiver_name_row));
          draft->relation = g_strdup (rifq_intake_editable_text (self->caregiver_relation_row));
          draft->officer_name = g_strdup (rifq_intake_editable_text (self->officer_name_row));
          g_hash_table_replace (self->signing_drafts, g_memdup2 (&self->signing_for, sizeof (gint64)), draft);
        }
      reset_signing (self);
      draft = g_hash_table_lookup (self->signing_drafts, &r->id);
      if (draft != NULL && !is_signed && r->id != self->signing_for)
        {
          gtk_toggle_button_set_active (draft->caregiver ? self->signer_caregiver : self->signer_applicant, TRUE);
          gtk_toggle_button_set_active (draft->thumbprint ? self->mark_thumbprint : self->mark_signature, TRUE);
          rifq_intake_set_editable_text (self->caregiver_name_row, draft->caregiver_name);
          rifq_intake_set_editable_text (self->caregiver_relation_row, draft->relation);
          rifq_intake_set_editable_text (self->officer_name_row, draft->officer_name);
          if (!rifq_signature_is_empty (draft->signature) || rifq_signature_get_n_points (draft->signature) > 0)
            rifq_signature_pad_set_signature (self->signature_pad, draft->signature);
        }
      g_hash_table_remove (self->signing_drafts, &r->id);
      self->signing_for = r->id;
    }
  self->signing_was_signed = is_signed;

  if (is_signed)
    {
      gboolean caregiver = g_strcmp0 (r->signer, "caregiver") == 0;
      gboolean thumbprint = g_strcmp0 (r->sign_mark, "thumbprint") == 0;
      g_autoptr(RifqSignature) signature = NULL;
      g_autofree char *day = rifq_intake_format_day (r->signed_at);
      g_autofree char *who = NULL;
      g_autofree char *text = NULL;

      gtk_toggle_button_set_active (caregiver ? self->signer_caregiver : self->signer_applicant, TRUE);
      gtk_toggle_button_set_active (thumbprint ? self->mark_thumbprint : self->mark_signature, TRUE);
      rifq_intake_set_editable_text (self->caregiver_name_row, r->signer_name);
      rifq_intake_set_editable_text (self->caregiver_relation_row, r->signer_relation);
      rifq_intake_set_editable_text (self->officer_name_row, r->officer_name);
      signature = r->signature_json ? rifq_signature_new_from_json (r->signature_json, NULL) : NULL;
      rifq_signature_pad_set_signature (self->signature_pad, signature);

      if (caregiver)
        /* Translators: "<caregiver's name> (<relation>)" */
        who = g_strdup_printf (_("%s (%s)"), r->signer_name ? r->signer_name : "",
                               r->signer_relation ? r->signer_relation : "");
      else
        who = g_strdup (r->beneficiary_name ? r->beneficiary_name : "");
      if (thumbprint)
        text = g_strdup_printf (_("Thumbprint of %s, taken on %s; received by %s."), who, day,
                                r->officer_name ? r->officer_name : "");
      else
        text = g_strdup_printf (_("Signed by %s on %s; received by %s."), who, day,
                                r->officer_name ? r->officer_name : "");
      gtk_label_set_text (self->signed_label, text);
    }

  rifq_intake_set_editable (self->signing_form, !is_signed && r->state == RIFQ_REQUEST_READY_TO_SIGN);
  rifq_intake_set_shown (GTK_WIDGET (self->signed_label), is_signed);
  rifq_intake_set_shown (self->sign_button, !is_signed);
  rifq_intake_set_shown (self->to_submission_button, is_signed);
  rifq_intake_set_shown (self->reopen_button, rifq_action_applies (RIFQ_ACTION_REOPEN, r->state, NULL));
}

static void
update_submission (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *today = NULL;
  gboolean submitted;

  if (r == NULL)
    return;

  today = rifq_context_dup_today (self->context);
  submitted = r->submitted_at != NULL;
  rifq_intake_set_shown (self->submission_before, !submitted);
  rifq_intake_set_shown (self->submission_after, submitted);

  if (!submitted)
    {
      int period = rifq_request_store_decision_period (self->db);
      g_autofree char *due = NULL;
      g_autofree char *due_text = NULL;
      g_autofree char *days = NULL;
      g_autofree char *text = NULL;

      due = rifq_request_store_expected_reply (self->db, today);
      due_text = rifq_intake_format_day (due);
      days = rifq_intake_shown_int (period);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The request goes to the research committee, which studies it "
                                           "and answers with acceptance or rejection. The reply is expected "
                                           "by %s (%s day).",
                                           "The request goes to the research committee, which studies it "
                                           "and answers with acceptance or rejection. The reply is expected "
                                           "by %s (%s days).", (gulong) period),
                              due_text, days);
      gtk_label_set_text (self->submission_text, text);
    }
  else
    {
      g_autofree char *sentence = rifq_intake_describe (self->context, r);
      g_autofree char *due = rifq_intake_format_day (r->due_on);

      gtk_label_set_text (self->submission_description, sentence);
      gtk_label_set_text (self->submission_due, due);
    }
  rifq_intake_set_shown (self->close_rejected_button, r->state == RIFQ_REQUEST_REJECTED);
}

static void
update_registration (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *sentence = NULL;
  g_autofree char *title = NULL;
  const char *icon = "document-open-recent-symbolic";

  if (r == NULL)
    return;

  sentence = rifq_intake_describe (self->context, r);
  switch (r->state)
    {
    case RIFQ_REQUEST_SUBMITTED:
    case RIFQ_REQUEST_UNDER_REVIEW:
    case RIFQ_REQUEST_DEFERRED:
      title = g_strdup (_("Waiting for the research committee’s decision."));
      break;
    case RIFQ_REQUEST_REJECTED:
      icon = "dialog-error-symbolic";
      title = g_strdup (_("The research committee rejected the request."));
      break;
    case RIFQ_REQUEST_ACCEPTED:
      icon = "emblem-ok-symbolic";
      title = g_strdup (_("The research committee accepted the request."));
      break;
    case RIFQ_REQUEST_REGISTERED:
    case RIFQ_REQUEST_SERVED:
    case RIFQ_REQUEST_CLOSED:
      {
        g_autofree char *file = rifq_intake_shown_digits (r->file_number ? r->file_number : "—");

        icon = "emblem-ok-symbolic";
        title = g_strdup_printf (_("Registered under file number %s."), file);
      }
      break;
    case RIFQ_REQUEST_DRAFT:
    case RIFQ_REQUEST_INCOMPLETE:
    case RIFQ_REQUEST_REFERRED:
    case RIFQ_REQUEST_READY_TO_SIGN:
    case RIFQ_REQUEST_N_STATES:
    default:
      title = g_strdup (_("The request has not been submitted yet."));
      break;
    }
  gtk_image_set_from_icon_name (self->registration_icon, icon);
  gtk_label_set_text (self->registration_title, title);
  gtk_label_set_text (self->registration_text, sentence);
  rifq_intake_set_shown (self->register_button, rifq_action_applies (RIFQ_ACTION_REGISTER, r->state, NULL));
}

static char *
today_typed (RifqIntakePage *self)
{
  g_autofree char *today = rifq_context_dup_today (self->context);

  return rifq_intake_typed_date (today);
}

static void
reset_service (RifqIntakePage *self)
{
  g_autoptr(RifqStaff) officer = rifq_staff_get (self->db, rifq_context_get_actor (self->context), NULL);
  g_autofree char *date = today_typed (self);

  rifq_intake_select_code (self->service_kind_row, self->kinds, self->request ? self->request->kind : NULL);
  rifq_intake_set_editable_text (self->quantity_row, NULL);
  rifq_intake_set_editable_text (self->service_amount_row, NULL);
  rifq_intake_set_editable_text (self->service_date_row, date);
  rifq_intake_set_editable_text (self->delivered_by_row, officer ? officer->full_name : NULL);
  gtk_toggle_button_set_active (self->place_office, TRUE);
  rifq_intake_set_editable_text (self->notes_row, NULL);
  rifq_intake_set_editable_text (self->override_row, NULL);
}

static GtkWidget *
service_row (RifqIntakePage    *self,
             const RifqService *service)
{
  g_autofree char *day = rifq_intake_format_day (service->delivered_on);
  g_autofree char *given = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *kind = rifq_request_store_kind_label (self->db, service->kind);
  const char *place = g_strcmp0 (service->place, "home") == 0 ? _("At the beneficiary’s home") : _("At the office");

  if (service->amount > 0)
    {
      g_autofree char *amount = rifq_intake_shown_int (service->amount);

      given = g_strdup_printf (_("%s riyals"), amount);
    }
  else
    {
      g_autofree char *quantity = rifq_intake_shown_int (service->quantity);

      /* Translators: a quantity delivered, "× 3" */
      given = g_strdup_printf (_("× %s"), quantity);
    }
  title = g_strdup_printf ("%s — %s", kind ? kind : "", given);
  subtitle = g_strdup_printf ("%s · %s · %s%s%s", day, place, service->delivered_by ? service->delivered_by : "",
                              service->notes ? "\n" : "", service->notes ? service->notes : "");
  return rifq_intake_action_row_new (title, subtitle);
}

/* What the committee approved and what remains of it; an administrator may go beyond it. */
static void
show_approval (RifqIntakePage    *self,
               const RifqRequest *r)
{
  RifqApproval approval;
  gboolean approved = rifq_request_store_approval (self->db, r->id, &approval, NULL);
  gboolean admin = (rifq_staff_actor_roles (self->db) & RIFQ_ROLE_ADMIN) != 0;

  if (approved)
    {
      g_autofree char *sentence = rifq_approval_describe (&approval);
      g_autofree char *shown = rifq_intake_shown_digits (sentence);

      gtk_label_set_text (self->service_approval, shown);
    }
  rifq_intake_set_shown (GTK_WIDGET (self->service_approval), approved);
  rifq_intake_set_shown (self->override_row, approved && admin);
}

static void
update_service (RifqIntakePage *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *sentence = NULL;

  rifq_ui_remove_children (GTK_WIDGET (self->services_list));
  if (r == NULL)
    return;

  if (r->id != self->service_for)
    {
      ServiceDraft *draft;

      if (self->service_for != 0)
        {
          draft = g_new0 (ServiceDraft, 1);
          draft->kind = adw_combo_row_get_selected (self->service_kind_row);
          draft->quantity = g_strdup (rifq_intake_editable_text (self->quantity_row));
          draft->amount = g_strdup (rifq_intake_editable_text (self->service_amount_row));
          draft->date = g_strdup (rifq_intake_editable_text (self->service_date_row));
          draft->delivered_by = g_strdup (rifq_intake_editable_text (self->delivered_by_row));
          draft->at_home = gtk_toggle_button_get_active (self->place_home);
          draft->notes = g_strdup (rifq_intake_editable_text (self->notes_row));
          g_hash_table_replace (self->service_drafts, g_memdup2 (&self->service_for, sizeof (gint64)), draft);
        }
      reset_service (self);
      draft = g_hash_table_lookup (self->service_drafts, &r->id);
      if (draft != NULL)
        {
          adw_combo_row_set_selected (self->service_kind_row, draft->kind);
          rifq_intake_set_editable_text (self->quantity_row, draft->quantity);
          rifq_intake_set_editable_text (self->service_amount_row, draft->amount);
          rifq_intake_set_editable_text (self->service_date_row, draft->date);
          rifq_intake_set_editable_text (self->delivered_by_row, draft->delivered_by);
          gtk_toggle_button_set_active (draft->at_home ? self->place_home : self->place_office, TRUE);
          rifq_intake_set_editable_text (self->notes_row, draft->notes);
          g_hash_table_remove (self->service_drafts, &r->id);
        }
      self->service_for = r->id;
    }

  sentence = rifq_intake_describe (self->context, r);
  gtk_label_set_text (self->service_status, sentence);
  show_approval (self, r);
  for (guint i = 0; i < r->services->len; i++)
    gtk_list_box_append (self->services_list, service_row (self, g_ptr_array_index (r->services, i)));
  gtk_widget_set_visible (self->services_box, r->services->len > 0);
  rifq_intake_set_editable (self->service_form, rifq_action_applies (RIFQ_ACTION_SERVE, r->state, NULL));
  rifq_intake_set_shown (self->close_button, rifq_action_applies (RIFQ_ACTION_CLOSE, r->state, NULL)
                                        && r->state == RIFQ_REQUEST_SERVED);
}

void
rifq_intake_update_views (RifqIntakePage *self)
{
  rifq_intake_update_header (self);
  rifq_intake_step_set_request (RIFQ_INTAKE_STEP (self->reception), self->context, self->request);
  rifq_intake_step_set_request (RIFQ_INTAKE_STEP (self->documents), self->context, self->request);
  update_research (self);
  update_signing (self);
  update_submission (self);
  update_registration (self);
  update_service (self);
  rifq_intake_update_actions (self);
  rifq_intake_update_progress (self);
}

void
rifq_intake_build_progress (RifqIntakePage *self)
{
  adw_squeezer_set_switch_threshold_policy (self->progress_squeezer, ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  for (guint row = 0; row < N_PROGRESS_ROWS; row++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, row == PROGRESS_COMPACT ? 0 : 2);

      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      for (guint i = 0; i < RIFQ_INTAKE_N_STEPS; i++)
        {
          GtkWidget *button = gtk_button_new ();
          GtkWidget *content;
          GtkWidget *badge = gtk_label_new (NULL);
          GtkWidget *name = gtk_label_new (_(step_titles[i]));

          if (row == PROGRESS_STACKED)
            {
              content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
              gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
              gtk_label_set_wrap (GTK_LABEL (name), TRUE);
              gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
              gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
              gtk_widget_set_valign (content, GTK_ALIGN_START);
            }
          else
            {
              content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
              gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
            }
          gtk_widget_add_css_class (badge, "step-badge");
          gtk_widget_add_css_class (name, "step-name");
          gtk_box_append (GTK_BOX (content), badge);
          gtk_box_append (GTK_BOX (content), name);

          gtk_button_set_child (GTK_BUTTON (button), content);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "intake-step");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "intake.show-step");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i + 1);
          gtk_box_append (GTK_BOX (box), button);

          self->step_buttons[row][i] = button;
          self->step_badges[row][i] = badge;
          self->step_names[row][i] = name;
        }
      adw_squeezer_add (self->progress_squeezer, box);
    }
}
