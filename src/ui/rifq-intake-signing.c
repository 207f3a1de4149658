/* rifq-intake-signing.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-signing"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-intake-signing.h"
#include "rifq-intake-util.h"
#include "rifq-request-store.h"
#include "rifq-signature-pad.h"

/* The signing form as left for a request, until the officer comes back to it. */
typedef struct
{
  RifqSignature *signature;
  gboolean       caregiver;
  gboolean       thumbprint;
  char          *caregiver_name;
  char          *relation;
  char          *officer_name;
} SigningDraft;

struct _RifqIntakeSigning
{
  GtkWidget        parent_instance;

  /* template children */
  GtkLabel         *declaration_label;
  GtkWidget        *signing_form;
  GtkToggleButton  *signer_applicant;
  GtkToggleButton  *signer_caregiver;
  GtkWidget        *caregiver_list;
  GtkWidget        *caregiver_name_row;
  GtkWidget        *caregiver_relation_row;
  GtkToggleButton  *mark_signature;
  GtkToggleButton  *mark_thumbprint;
  RifqSignaturePad *signature_pad;
  GtkWidget        *officer_name_row;
  GtkLabel         *signed_label;
  GtkWidget        *sign_button;
  GtkWidget        *to_submission_button;
  GtkWidget        *reopen_button;

  /* owned */
  RifqContext      *context;
  RifqRequest      *request;
  GHashTable       *signing_drafts;    /* request id → SigningDraft */

  /* state */
  gint64            signing_for;       /* the request the form was filled for */
  gboolean          signing_was_signed;
};

static void intake_step_iface_init (RifqIntakeStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqIntakeSigning, rifq_intake_signing, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RIFQ_TYPE_INTAKE_STEP, intake_step_iface_init))

static void
signing_draft_free (gpointer data)
{
  SigningDraft *draft = data;

  g_clear_pointer (&draft->signature, rifq_signature_unref);
  g_free (draft->caregiver_name);
  g_free (draft->relation);
  g_free (draft->officer_name);
  g_free (draft);
}

static void
reset_signing (RifqIntakeSigning *self)
{
  gtk_toggle_button_set_active (self->signer_applicant, TRUE);
  gtk_toggle_button_set_active (self->mark_signature, TRUE);
  rifq_intake_set_editable_text (self->caregiver_name_row, NULL);
  rifq_intake_set_editable_text (self->caregiver_relation_row, NULL);
  rifq_intake_set_editable_text (self->officer_name_row, NULL);
  rifq_signature_pad_clear (self->signature_pad);
}

static void
update (RifqIntakeSigning *self)
{
  const RifqRequest *r = self->request;
  g_autofree char *declaration = NULL;
  gboolean is_signed;

  declaration = rifq_request_store_declaration (rifq_context_get_db (self->context));
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
signer_toggled_cb (RifqIntakeSigning *self)
{
  gtk_widget_set_visible (self->caregiver_list, gtk_toggle_button_get_active (self->signer_caregiver));
}

static void
clear_signature_clicked_cb (RifqIntakeSigning *self)
{
  rifq_signature_pad_clear (self->signature_pad);
}

/* RifqIntakeStep */

static void
rifq_intake_signing_set_request (RifqIntakeStep *step,
                                 RifqContext    *context,
                                 RifqRequest    *request)
{
  RifqIntakeSigning *self = RIFQ_INTAKE_SIGNING (step);

  g_set_object (&self->context, context);
  g_set_object (&self->request, request);
  update (self);
}

static void
intake_step_iface_init (RifqIntakeStepInterface *iface)
{
  iface->set_request = rifq_intake_signing_set_request;
}

/* GObject */

static void
rifq_intake_signing_dispose (GObject *object)
{
  RifqIntakeSigning *self = (RifqIntakeSigning *) object;

  rifq_intake_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_SIGNING);
  g_clear_pointer (&self->signing_drafts, g_hash_table_unref);
  g_clear_object (&self->request);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_intake_signing_parent_class)->dispose (object);
}

static void
rifq_intake_signing_class_init (RifqIntakeSigningClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_signing_dispose;

  g_type_ensure (RIFQ_TYPE_SIGNATURE_PAD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-signing.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, declaration_label);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, signing_form);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, signer_applicant);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, signer_caregiver);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, caregiver_list);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, caregiver_name_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, caregiver_relation_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, mark_signature);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, mark_thumbprint);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, signature_pad);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, officer_name_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, signed_label);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, sign_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, to_submission_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeSigning, reopen_button);
  gtk_widget_class_bind_template_callback (widget_class, signer_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_signature_clicked_cb);
}

static void
rifq_intake_signing_init (RifqIntakeSigning *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->signing_drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, signing_draft_free);
}

/* Public API */

gboolean
rifq_intake_signing_sign (RifqIntakeSigning  *self,
                          GError            **error)
{
  g_autofree char *json = NULL;
  RifqSigning signing = { 0 };
  gboolean caregiver;

  g_return_val_if_fail (RIFQ_IS_INTAKE_SIGNING (self), FALSE);
  g_return_val_if_fail (self->request != NULL, FALSE);

  caregiver = gtk_toggle_button_get_active (self->signer_caregiver);
  json = rifq_signature_to_json (rifq_signature_pad_get_signature (self->signature_pad));
  signing.signature_json = json;
  signing.signer = caregiver ? "caregiver" : "applicant";
  signing.signer_name = caregiver ? rifq_intake_editable_text (self->caregiver_name_row) : NULL;
  signing.signer_relation = caregiver ? rifq_intake_editable_text (self->caregiver_relation_row) : NULL;
  signing.sign_mark = gtk_toggle_button_get_active (self->mark_thumbprint) ? "thumbprint" : "signature";
  signing.officer_name = rifq_intake_editable_text (self->officer_name_row);

  return rifq_request_store_sign (rifq_context_get_db (self->context), self->request->id, &signing, error);
}
