/* rifq-intake-reception.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-reception"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-arabic.h"
#include "rifq-beneficiary-store.h"
#include "rifq-channel.h"
#include "rifq-error.h"
#include "rifq-intake-reception.h"
#include "rifq-intake-util.h"
#include "rifq-request-store.h"
#include "rifq-validate.h"

/* A reception typed but not yet received, kept while the officer looks at another request. */
typedef struct
{
  gint64  chosen_id;
  char   *chosen_title;
  char   *chosen_subtitle;
  guint   channel;
  guint   kind;
  char   *description;
  char   *amount;
  char   *summary;
} ReceptionDraft;

struct _RifqIntakeReception
{
  GtkWidget       parent_instance;

  /* template children */
  GtkWidget      *applicant_group;
  GtkWidget      *register_new_button;
  GtkWidget      *search_box;
  GtkSearchEntry *applicant_search;
  GtkListBox     *search_results;   /* bound to found */
  GtkWidget      *chosen_list;
  AdwActionRow   *chosen_row;
  GtkWidget      *change_button;
  GtkWidget      *request_group;
  AdwComboRow    *channel_row;
  AdwComboRow    *kind_row;
  GtkWidget      *description_row;
  GtkWidget      *amount_row;
  GtkWidget      *summary_row;
  GtkWidget      *receive_button;

  /* owned */
  RifqContext    *context;
  RifqRequest    *request;
  GListStore     *found;         /* RifqBeneficiary: the applicants the search found */
  GPtrArray      *channels;      /* RifqPolicyItem */
  GPtrArray      *kinds;         /* RifqPolicyItem */
  ReceptionDraft *draft;

  /* state */
  gint64          chosen_id;
  gboolean        form_shows_request;
};

static void intake_step_iface_init (RifqIntakeStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RifqIntakeReception, rifq_intake_reception, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RIFQ_TYPE_INTAKE_STEP, intake_step_iface_init))

static void
reception_draft_free (ReceptionDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->chosen_title);
  g_free (draft->chosen_subtitle);
  g_free (draft->description);
  g_free (draft->amount);
  g_free (draft->summary);
  g_free (draft);
}

static void
clear (RifqIntakeReception *self)
{
  self->chosen_id = 0;
  self->form_shows_request = FALSE;
  rifq_intake_set_editable_text (GTK_WIDGET (self->applicant_search), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), "");
  adw_action_row_set_subtitle (self->chosen_row, "");
  adw_combo_row_set_selected (self->channel_row, 0);
  adw_combo_row_set_selected (self->kind_row, 0);
  rifq_intake_set_editable_text (self->description_row, NULL);
  rifq_intake_set_editable_text (self->amount_row, NULL);
  rifq_intake_set_editable_text (self->summary_row, NULL);
}

/* "national ID · mobile", as the chosen applicant and the search's rows show them. */
static char *
applicant_subtitle (const char *national_id,
                    const char *mobile)
{
  g_autofree char *nid = rifq_intake_shown_digits (national_id);
  g_autofree char *shown_mobile = rifq_intake_shown_mobile (mobile);

  return g_strdup_printf ("%s · %s", nid, shown_mobile);
}

static void
update (RifqIntakeReception *self)
{
  const RifqRequest *r = self->request;
  gboolean editable = r == NULL;

  if (r != NULL && !self->form_shows_request)
    {
      /* What was being typed for a new applicant is kept for when the officer comes back. */
      ReceptionDraft *draft = g_new0 (ReceptionDraft, 1);

      draft->chosen_id = self->chosen_id;
      draft->chosen_title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->chosen_row)));
      draft->chosen_subtitle = g_strdup (adw_action_row_get_subtitle (self->chosen_row));
      draft->channel = adw_combo_row_get_selected (self->channel_row);
      draft->kind = adw_combo_row_get_selected (self->kind_row);
      draft->description = g_strdup (rifq_intake_editable_text (self->description_row));
      draft->amount = g_strdup (rifq_intake_editable_text (self->amount_row));
      draft->summary = g_strdup (rifq_intake_editable_text (self->summary_row));
      g_clear_pointer (&self->draft, reception_draft_free);
      self->draft = draft;
    }
  if (r != NULL)
    {
      g_autofree char *subtitle = applicant_subtitle (r->national_id, r->mobile);
      g_autofree char *amount = r->amount >= 0 ? rifq_intake_shown_int (r->amount) : g_strdup ("");

      self->form_shows_request = TRUE;
      self->chosen_id = r->beneficiary_id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), r->beneficiary_name ? r->beneficiary_name : "");
      adw_action_row_set_subtitle (self->chosen_row, subtitle);
      rifq_intake_select_code (self->channel_row, self->channels, r->channel);
      rifq_intake_select_code (self->kind_row, self->kinds, r->kind);
      rifq_intake_set_editable_text (self->description_row, r->description);
      rifq_intake_set_editable_text (self->amount_row, amount);
      rifq_intake_set_editable_text (self->summary_row, NULL);
    }

  rifq_intake_set_shown (self->search_box, editable && self->chosen_id == 0);
  rifq_intake_set_shown (self->chosen_list, self->chosen_id != 0);
  rifq_intake_set_shown (self->change_button, editable);
  rifq_intake_set_shown (self->register_new_button, editable);
  rifq_intake_set_shown (self->summary_row, editable);
  rifq_intake_set_editable (self->applicant_group, editable);
  rifq_intake_set_editable (self->request_group, editable);
  /* A draft whose documents step did not open yet is received again with the same button. */
  rifq_intake_set_shown (self->receive_button, editable || r->state == RIFQ_REQUEST_DRAFT);
}

/* One person found by the search: the name, then the national ID and the mobile. */
static GtkWidget *
applicant_row_new (gpointer item,
                   gpointer user_data)
{
  RifqBeneficiary *beneficiary = item;
  g_autofree char *name = rifq_beneficiary_dup_full_name (beneficiary);
  g_autofree char *subtitle = applicant_subtitle (rifq_beneficiary_get (beneficiary, RIFQ_FIELD_NATIONAL_ID),
                                                  rifq_beneficiary_get (beneficiary, RIFQ_FIELD_MOBILE));
  GtkWidget *row = rifq_intake_action_row_new (name, subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
applicant_search_changed_cb (RifqIntakeReception *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->applicant_search));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  if (rifq_text_is_blank (query))
    {
      g_list_store_remove_all (self->found);
      gtk_widget_set_visible (GTK_WIDGET (self->search_results), FALSE);
      return;
    }

  found = rifq_beneficiary_store_search (rifq_context_get_db (self->context), query, 6, &error);
  if (found == NULL)
    {
      g_list_store_remove_all (self->found);
      rifq_intake_step_failed (RIFQ_INTAKE_STEP (self), error->message);
      return;
    }
  g_list_store_splice (self->found, 0, g_list_model_get_n_items (G_LIST_MODEL (self->found)),
                       found->pdata, found->len);
  gtk_widget_set_visible (GTK_WIDGET (self->search_results), TRUE);
}

/* The applicant chosen from the search, shown in place of it. */
static void
choose_applicant (RifqIntakeReception *self,
                  gint64               beneficiary_id)
{
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (RIFQ_IS_INTAKE_RECEPTION (self));

  if (self->request != NULL || self->context == NULL)
    return;
  beneficiary = rifq_beneficiary_store_get (rifq_context_get_db (self->context), beneficiary_id, &error);
  if (beneficiary == NULL)
    {
      rifq_intake_step_failed (RIFQ_INTAKE_STEP (self), error->message);
      return;
    }
  name = rifq_beneficiary_dup_full_name (beneficiary);
  subtitle = applicant_subtitle (rifq_beneficiary_get (beneficiary, RIFQ_FIELD_NATIONAL_ID),
                                 rifq_beneficiary_get (beneficiary, RIFQ_FIELD_MOBILE));

  self->chosen_id = beneficiary_id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), name);
  adw_action_row_set_subtitle (self->chosen_row, subtitle);
  rifq_intake_set_editable_text (GTK_WIDGET (self->applicant_search), NULL);
  update (self);
}

static void
search_row_activated_cb (RifqIntakeReception *self,
                         GtkListBoxRow       *row)
{
  g_autoptr(RifqBeneficiary) beneficiary = g_list_model_get_item (G_LIST_MODEL (self->found),
                                                                  (guint) gtk_list_box_row_get_index (row));

  if (beneficiary != NULL)
    choose_applicant (self, rifq_beneficiary_get_id (beneficiary));
}

/* RifqIntakeStep */

static void
rifq_intake_reception_set_request (RifqIntakeStep *step,
                                   RifqContext    *context,
                                   RifqRequest    *request)
{
  RifqIntakeReception *self = RIFQ_INTAKE_RECEPTION (step);

  if (g_set_object (&self->context, context))
    {
      RifqDb *db = rifq_context_get_db (context);
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&self->channels, g_ptr_array_unref);
      g_clear_pointer (&self->kinds, g_ptr_array_unref);
      self->channels = rifq_channel_list (db, &error);
      if (self->channels == NULL)
        {
          rifq_intake_step_failed (step, error->message);
          g_clear_error (&error);
        }
      self->kinds = rifq_request_store_kinds (db, &error);
      if (self->kinds == NULL)
        rifq_intake_step_failed (step, error->message);
      rifq_intake_fill_combo (self->channel_row, self->channels);
      rifq_intake_fill_combo (self->kind_row, self->kinds);
    }
  g_set_object (&self->request, request);
  update (self);
}

static void
intake_step_iface_init (RifqIntakeStepInterface *iface)
{
  iface->set_request = rifq_intake_reception_set_request;
}

/* GObject */

static void
rifq_intake_reception_dispose (GObject *object)
{
  RifqIntakeReception *self = (RifqIntakeReception *) object;

  rifq_intake_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_INTAKE_RECEPTION);
  g_clear_object (&self->request);
  g_clear_object (&self->found);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_intake_reception_parent_class)->dispose (object);
}

static void
rifq_intake_reception_finalize (GObject *object)
{
  RifqIntakeReception *self = (RifqIntakeReception *) object;

  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->draft, reception_draft_free);

  G_OBJECT_CLASS (rifq_intake_reception_parent_class)->finalize (object);
}

static void
rifq_intake_reception_class_init (RifqIntakeReceptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_intake_reception_dispose;
  object_class->finalize = rifq_intake_reception_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-intake-reception.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, applicant_group);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, register_new_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, search_box);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, applicant_search);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, search_results);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, chosen_list);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, change_button);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, request_group);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, description_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, amount_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, summary_row);
  gtk_widget_class_bind_template_child (widget_class, RifqIntakeReception, receive_button);
  gtk_widget_class_bind_template_callback (widget_class, applicant_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_row_activated_cb);
}

static void
rifq_intake_reception_init (RifqIntakeReception *self)
{
  GtkWidget *none;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->found = g_list_store_new (RIFQ_TYPE_BENEFICIARY);
  gtk_list_box_bind_model (self->search_results, G_LIST_MODEL (self->found), applicant_row_new, NULL, NULL);
  none = rifq_intake_action_row_new (_("No one found"),
                                     _("Check the spelling, or register the applicant as a new beneficiary."));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (none), FALSE);
  gtk_list_box_set_placeholder (self->search_results, none);
}

/* Public API */

void
rifq_intake_reception_start_new (RifqIntakeReception *self)
{
  g_return_if_fail (RIFQ_IS_INTAKE_RECEPTION (self));

  /* A reception being typed is kept; one showing a received request is emptied, or given back
   * what was typed before the officer opened it. */
  if (!self->form_shows_request)
    return;
  clear (self);
  if (self->draft != NULL)
    {
      ReceptionDraft *draft = self->draft;

      self->chosen_id = draft->chosen_id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), draft->chosen_title);
      adw_action_row_set_subtitle (self->chosen_row, draft->chosen_subtitle);
      adw_combo_row_set_selected (self->channel_row, draft->channel);
      adw_combo_row_set_selected (self->kind_row, draft->kind);
      rifq_intake_set_editable_text (self->description_row, draft->description);
      rifq_intake_set_editable_text (self->amount_row, draft->amount);
      rifq_intake_set_editable_text (self->summary_row, draft->summary);
      g_clear_pointer (&self->draft, reception_draft_free);
    }
}

void
rifq_intake_reception_focus (RifqIntakeReception *self)
{
  g_return_if_fail (RIFQ_IS_INTAKE_RECEPTION (self));

  if (self->chosen_id == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->applicant_search));
}

void
rifq_intake_reception_change_applicant (RifqIntakeReception *self)
{
  g_return_if_fail (RIFQ_IS_INTAKE_RECEPTION (self));

  if (self->request != NULL)
    return;
  self->chosen_id = 0;
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->applicant_search));
}

RifqRequest *
rifq_intake_reception_receive (RifqIntakeReception  *self,
                               GError              **error)
{
  const char *amount_text;
  RifqRequestDraft draft = { 0 };

  g_return_val_if_fail (RIFQ_IS_INTAKE_RECEPTION (self), NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  amount_text = rifq_intake_editable_text (self->amount_row);
  if (self->chosen_id == 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Applicant: search the registry and choose the applicant, or register them first."));
      return NULL;
    }
  if (!rifq_validate_optional_count (amount_text, _("Amount (riyals)"), -1, &draft.amount, NULL))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("Amount: enter a whole number of riyals."));
      return NULL;
    }
  draft.beneficiary_id = self->chosen_id;
  draft.channel = rifq_intake_item_code (self->channels, adw_combo_row_get_selected (self->channel_row));
  draft.kind = rifq_intake_item_code (self->kinds, adw_combo_row_get_selected (self->kind_row));
  draft.description = rifq_intake_editable_text (self->description_row);
  draft.contact_summary = rifq_text_is_blank (rifq_intake_editable_text (self->summary_row))
                          ? NULL : rifq_intake_editable_text (self->summary_row);

  return rifq_request_store_create (rifq_context_get_db (self->context), &draft, error);
}
