/* rifq-retention-page.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-retention-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-beneficiary.h"
#include "rifq-calendar.h"
#include "rifq-privacy.h"
#include "rifq-retention-page.h"

struct _RifqRetentionPage
{
  GtkWidget       parent_instance;

  GtkWidget      *back_button;
  AdwWindowTitle *title;
  GtkStack       *stack;
  GtkLabel       *explanation;
  GtkListBox     *list;
  AdwStatusPage  *empty_page;

  RifqContext    *context;
  RifqDb         *db;      /* the context's */
  GListStore     *files;   /* RifqRetentionItem */
};

G_DEFINE_FINAL_TYPE (RifqRetentionPage, rifq_retention_page, GTK_TYPE_WIDGET)

enum {
  OPEN_BENEFICIARY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
file_row (gpointer item,
          gpointer user_data)
{
  RifqRetentionItem *file = item;
  RifqDigits digits = rifq_ui_get_digits ();
  g_autofree char *last = rifq_calendar_format_iso_both (file->last_activity, digits);
  g_autofree char *id = rifq_ui_display_digits (file->national_id);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  subtitle = g_strdup_printf (_("National ID %s · %s · last activity %s"), id,
                              rifq_field_choice_label (RIFQ_FIELD_STATUS, file->status), last);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file->full_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
row_activated_cb (RifqRetentionPage *self,
                  GtkListBoxRow     *row)
{
  g_autoptr(RifqRetentionItem) file = g_list_model_get_item (G_LIST_MODEL (self->files),
                                                             (guint) gtk_list_box_row_get_index (row));

  if (file != NULL)
    g_signal_emit (self, signals[OPEN_BENEFICIARY], 0, file->id);
}

void
rifq_retention_page_reload (RifqRetentionPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  guint years;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *explanation = NULL;

  g_return_if_fail (RIFQ_IS_RETENTION_PAGE (self));

  years = rifq_privacy_retention_years (self->db);
  files = rifq_privacy_past_retention (self->db, &error);
  g_list_store_remove_all (self->files);
  if (files == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Files Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      adw_window_title_set_subtitle (self->title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_list_store_splice (self->files, 0, 0, files->pdata, files->len);

  count = rifq_ui_display_number (files->len);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s file", "%s files", files->len), count);
  adw_window_title_set_subtitle (self->title, subtitle);
  {
    g_autofree char *shown_years = rifq_ui_display_number (years);

    explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Closed files (an inactive or deceased beneficiary) whose last "
                                                "activity is more than %s year old, the oldest first, for you to "
                                                "review. Rifq deletes nothing; the period is in Preferences → "
                                                "Association.",
                                                "Closed files (an inactive or deceased beneficiary) whose last "
                                                "activity is more than %s years old, the oldest first, for you to "
                                                "review. Rifq deletes nothing; the period is in Preferences → "
                                                "Association.", years), shown_years);
    gtk_label_set_text (self->explanation, explanation);
    adw_status_page_set_title (self->empty_page, _("No File Is Past Its Retention Period"));
    adw_status_page_set_description (self->empty_page, explanation);
  }
  gtk_stack_set_visible_child_name (self->stack, files->len > 0 ? "list" : "empty");
}

guint
rifq_retention_page_get_n_files (RifqRetentionPage *self)
{
  g_return_val_if_fail (RIFQ_IS_RETENTION_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->files));
}

GtkWidget *
rifq_retention_page_get_back_button (RifqRetentionPage *self)
{
  g_return_val_if_fail (RIFQ_IS_RETENTION_PAGE (self), NULL);
  return self->back_button;
}

static void
rifq_retention_page_constructed (GObject *object)
{
  RifqRetentionPage *self = RIFQ_RETENTION_PAGE (object);

  G_OBJECT_CLASS (rifq_retention_page_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);
  rifq_retention_page_reload (self);
}

static void
rifq_retention_page_dispose (GObject *object)
{
  RifqRetentionPage *self = RIFQ_RETENTION_PAGE (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_RETENTION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->files);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (rifq_retention_page_parent_class)->dispose (object);
}

static void
rifq_retention_page_class_init (RifqRetentionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rifq_retention_page_constructed;
  object_class->dispose = rifq_retention_page_dispose;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqRetentionPage, context));

  signals[OPEN_BENEFICIARY] = g_signal_new ("open-beneficiary", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-retention-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqRetentionPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RifqRetentionPage, title);
  gtk_widget_class_bind_template_child (widget_class, RifqRetentionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqRetentionPage, explanation);
  gtk_widget_class_bind_template_child (widget_class, RifqRetentionPage, list);
  gtk_widget_class_bind_template_child (widget_class, RifqRetentionPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
rifq_retention_page_init (RifqRetentionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->files = g_list_store_new (RIFQ_TYPE_RETENTION_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->files), file_row, NULL, NULL);
}

RifqRetentionPage *
rifq_retention_page_new (RifqContext *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);
  return g_object_new (RIFQ_TYPE_RETENTION_PAGE, "context", context, NULL);
}
