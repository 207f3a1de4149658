/* rifq-registry-page.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-registry-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-beneficiary-row.h"
#include "rifq-beneficiary-store.h"
#include "rifq-permission.h"
#include "rifq-person-pdf.h"
#include "rifq-registry-page.h"
#include "rifq-staff.h"
#include "rifq-window.h"

struct _RifqRegistryPage
{
  GtkWidget              parent_instance;

  /* template children */
  GtkStack              *stack;
  GtkStack              *list_stack;
  GtkWidget             *back_button;
  AdwWindowTitle        *list_title;
  AdwWindowTitle        *editor_title;
  GtkSearchEntry        *search_entry;
  GtkScrolledWindow     *scroller;
  GtkListView           *list_view;
  AdwStatusPage         *empty_page;
  RifqBeneficiaryEditor *editor;
  GtkWidget             *editor_menu_button;
  GtkWidget             *save_button;

  /* owned */
  RifqContext           *context;
  RifqDb                *db;       /* the context's */
  RifqBeneficiaryModel  *model;
  gint64                 open_id;   /* the saved record in the editor, or 0 */
};

G_DEFINE_FINAL_TYPE (RifqRegistryPage, rifq_registry_page, GTK_TYPE_WIDGET)

static void
update_list_state (RifqRegistryPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const char *query = rifq_beneficiary_model_get_query (self->model);
  gboolean searching = query != NULL && *query != '\0';
  g_autofree char *number = g_strdup_printf ("%u", n);
  g_autofree char *shown = rifq_ui_display_digits (number);
  g_autofree char *subtitle = NULL;

  if (searching)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s match", "%s matches", n), shown);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s beneficiary", "%s beneficiaries", n), shown);
  adw_window_title_set_subtitle (self->list_title, subtitle);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "results");
      return;
    }

  if (searching)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No One Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try part of the name, the national ID or the mobile "
                                         "number. If the person is new, register them."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("The Registry Is Empty"));
      adw_status_page_set_description (self->empty_page,
                                       _("Register the first beneficiary with the + button or Ctrl+N."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
search_changed_cb (RifqRegistryPage *self)
{
  rifq_beneficiary_model_set_query (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_list_state (self);
}

static void
search_activate_cb (RifqRegistryPage *self)
{
  g_autoptr(RifqBeneficiary) first = NULL;

  /* Enter opens the best match, so a known ID typed in full goes straight to the file. */
  search_changed_cb (self);
  first = g_list_model_get_item (G_LIST_MODEL (self->model), 0);
  if (first != NULL)
    rifq_registry_page_open (self, rifq_beneficiary_get_id (first), NULL);
}

static void
list_activated_cb (RifqRegistryPage *self,
                   guint             position)
{
  g_autoptr(RifqBeneficiary) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  g_autoptr(GError) error = NULL;

  if (item != NULL && !rifq_registry_page_open (self, rifq_beneficiary_get_id (item), &error))
    g_warning ("%s", error->message);
}

static void
editor_saved_cb (RifqRegistryPage *self,
                 RifqBeneficiary  *before,
                 RifqBeneficiary  *beneficiary)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_APPLICATION_WINDOW);
  g_autofree char *name = rifq_beneficiary_dup_full_name (beneficiary);
  g_autofree char *message = g_strdup_printf (_("Saved: %s"), name);
  AdwToastOverlay *overlay;

  update_list_state (self);
  gtk_stack_set_visible_child_name (self->stack, "list");

  overlay = window ? ADW_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))) : NULL;
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
}

static void
rifq_registry_page_dispose (GObject *object)
{
  RifqRegistryPage *self = (RifqRegistryPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_REGISTRY_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_registry_page_parent_class)->dispose (object);
}

static void
rifq_registry_page_constructed (GObject *object)
{
  RifqRegistryPage *self = (RifqRegistryPage *) object;
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (rifq_registry_page_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  self->model = rifq_beneficiary_model_new (self->db);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  rifq_beneficiary_editor_set_context (self->editor, self->context);
  update_list_state (self);
}

static void
toast (RifqRegistryPage *self,
       const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RIFQ_IS_WINDOW (root))
    rifq_window_add_toast (RIFQ_WINDOW (root), message);
}

static void
export_folder_cb (GtkNativeDialog  *native,
                  int               response,
                  RifqRegistryPage *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  path = folder != NULL ? g_file_get_path (folder) : NULL;
  if (path == NULL || self->open_id <= 0 || !rifq_registry_page_is_editing (self))
    {
      g_object_unref (self);
      return;
    }
  if (!rifq_person_export_to_folder (self->db, self->open_id, path, &json, &pdf, &error))
    toast (self, error->message);
  else
    {
      g_autofree char *json_name = g_path_get_basename (json);
      g_autofree char *pdf_name = g_path_get_basename (pdf);

      message = g_strdup_printf (_("Exported to %s: %s and %s"), path, pdf_name, json_name);
      toast (self, message);
    }
  g_object_unref (self);
}

/* Everything held about the person in the editor, as the PDF and the JSON the law asks for,
 * into a folder the administrator chooses. */
static void
export_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RifqRegistryPage *self = RIFQ_REGISTRY_PAGE (widget);
  GtkFileChooserNative *native;

  if (self->open_id <= 0 || !rifq_registry_page_is_editing (self))
    return;
  native = gtk_file_chooser_native_new (_("Export Everything Held"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (export_folder_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
rifq_registry_page_class_init (RifqRegistryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_registry_page_dispose;
  object_class->constructed = rifq_registry_page_constructed;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqRegistryPage, context));

  g_type_ensure (RIFQ_TYPE_BENEFICIARY);
  g_type_ensure (RIFQ_TYPE_BENEFICIARY_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-registry-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, editor);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, editor_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RifqRegistryPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_install_action (widget_class, "registry.export-person", NULL, export_person_action);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, rifq_beneficiary_row_new ());
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  RifqBeneficiary *beneficiary = gtk_list_item_get_item (item);
  g_autofree char *full_name = rifq_beneficiary_dup_full_name (beneficiary);
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;

  g_object_get (beneficiary, "subtitle", &subtitle, NULL);
  shown = rifq_ui_display_digits (subtitle);
  rifq_beneficiary_row_set_text (RIFQ_BENEFICIARY_ROW (gtk_list_item_get_child (item)), full_name, shown);
}

static void
rifq_registry_page_init (RifqRegistryPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

RifqRegistryPage *
rifq_registry_page_new (RifqContext *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  return g_object_new (RIFQ_TYPE_REGISTRY_PAGE, "context", context, NULL);
}

GtkEditable *
rifq_registry_page_get_search_entry (RifqRegistryPage *self)
{
  g_return_val_if_fail (RIFQ_IS_REGISTRY_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

RifqBeneficiaryModel *
rifq_registry_page_get_model (RifqRegistryPage *self)
{
  g_return_val_if_fail (RIFQ_IS_REGISTRY_PAGE (self), NULL);
  return self->model;
}

RifqBeneficiaryEditor *
rifq_registry_page_get_editor (RifqRegistryPage *self)
{
  g_return_val_if_fail (RIFQ_IS_REGISTRY_PAGE (self), NULL);
  return self->editor;
}

GtkWidget *
rifq_registry_page_get_back_button (RifqRegistryPage *self)
{
  g_return_val_if_fail (RIFQ_IS_REGISTRY_PAGE (self), NULL);
  return self->back_button;
}

GtkScrolledWindow *
rifq_registry_page_get_scroller (RifqRegistryPage *self)
{
  g_return_val_if_fail (RIFQ_IS_REGISTRY_PAGE (self), NULL);
  return self->scroller;
}

gboolean
rifq_registry_page_is_editing (RifqRegistryPage *self)
{
  g_return_val_if_fail (RIFQ_IS_REGISTRY_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") == 0;
}

void
rifq_registry_page_focus_search (RifqRegistryPage *self)
{
  g_return_if_fail (RIFQ_IS_REGISTRY_PAGE (self));
  if (rifq_registry_page_is_editing (self) && rifq_beneficiary_editor_get_dirty (self->editor))
    return;
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_editor (RifqRegistryPage *self,
             const char       *title,
             const char       *subtitle)
{
  /* Only an administrator exports everything held about a person, and only a saved one. */
  gtk_widget_set_visible (self->editor_menu_button,
                          self->open_id > 0 &&
                          rifq_permission_allows (RIFQ_PERMISSION_EXPORT_PERSON, rifq_staff_actor_roles (self->db)));

  /* Who may read the record but not change it is not offered to save it. */
  gtk_widget_set_visible (self->save_button, !rifq_beneficiary_editor_get_read_only (self->editor));

  adw_window_title_set_title (self->editor_title, title);
  if (rifq_beneficiary_editor_get_read_only (self->editor))
    {
      /* Translators: the subtitle of a beneficiary's form shown to who may not change it, after
       * the file number: "File ١٢ · Read only". */
      g_autofree char *read_only = subtitle != NULL ? g_strdup_printf (_("%s · Read only"), subtitle)
                                                    : g_strdup (_("Read only"));

      adw_window_title_set_subtitle (self->editor_title, read_only);
    }
  else
    adw_window_title_set_subtitle (self->editor_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

void
rifq_registry_page_new_beneficiary (RifqRegistryPage *self)
{
  g_return_if_fail (RIFQ_IS_REGISTRY_PAGE (self));

  /* A form already being filled in is kept as it is, never replaced. */
  if (rifq_registry_page_is_editing (self) && rifq_beneficiary_editor_get_dirty (self->editor))
    return;
  rifq_beneficiary_editor_load (self->editor, NULL);
  self->open_id = 0;
  show_editor (self, _("New Beneficiary"), NULL);
}

gboolean
rifq_registry_page_open (RifqRegistryPage *self,
                         gint64            id,
                         GError          **error)
{
  g_autoptr(RifqBeneficiary) beneficiary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  const char *file_number;

  g_return_val_if_fail (RIFQ_IS_REGISTRY_PAGE (self), FALSE);

  if (rifq_registry_page_is_editing (self) && rifq_beneficiary_editor_get_dirty (self->editor))
    return TRUE;

  beneficiary = rifq_beneficiary_store_get (self->db, id, error);
  if (beneficiary == NULL)
    return FALSE;

  rifq_beneficiary_editor_load (self->editor, beneficiary);
  self->open_id = id;
  name = rifq_beneficiary_dup_full_name (beneficiary);
  file_number = rifq_beneficiary_get (beneficiary, RIFQ_FIELD_FILE_NUMBER);
  if (file_number != NULL)
    {
      g_autofree char *shown = rifq_ui_display_digits (file_number);
      file = g_strdup_printf (_("File %s"), shown);
    }
  else
    file = g_strdup (rifq_field_choice_label (RIFQ_FIELD_STATUS,
                                              rifq_beneficiary_get (beneficiary, RIFQ_FIELD_STATUS)));
  show_editor (self, name, file);
  return TRUE;
}

void
rifq_registry_page_save (RifqRegistryPage *self)
{
  g_return_if_fail (RIFQ_IS_REGISTRY_PAGE (self));
  if (!rifq_beneficiary_editor_get_read_only (self->editor))
    rifq_beneficiary_editor_save (self->editor);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RifqRegistryPage *self)
{
  if (g_str_equal (response, "discard"))
    {
      rifq_beneficiary_editor_load (self->editor, NULL);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

void
rifq_registry_page_close_editor (RifqRegistryPage *self)
{
  GtkWidget *dialog;

  g_return_if_fail (RIFQ_IS_REGISTRY_PAGE (self));

  if (!rifq_beneficiary_editor_get_dirty (self->editor))
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Discard the changes?"),
                                   _("What was typed in this form has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
