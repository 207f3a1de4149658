/* rifq-window.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-arabic.h"
#include "rifq-beneficiary-store.h"
#include "rifq-channel.h"
#include "rifq-committee-page.h"
#include "rifq-error.h"
#include "rifq-file.h"
#include "rifq-intake-page.h"
#include "rifq-locale.h"
#include "rifq-lookup-dialog.h"
#include "rifq-permission.h"
#include "rifq-preferences-window.h"
#include "rifq-research-page.h"
#include "rifq-audit-page.h"
#include "rifq-retention-page.h"
#include "rifq-seal-reader.h"
#include "rifq-sidebar-row.h"
#include "rifq-staff.h"
#include "rifq-window.h"

struct _RifqWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *offline_bar;
  GtkSpinner           *offline_spinner;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *pages;

  /* owned */
  RifqContext          *context;
  RifqDb               *db;       /* the context's */
  GSettings            *settings;

  GListStore           *sections;     /* RifqSidebarItem, as the sidebar lists them */
  GHashTable           *lazy_pages;   /* page name → LazyPage, until first shown */

  /* not owned: a child of pages */
  RifqRegistryPage     *registry_page;
  RifqResearchPage     *research_page;
  RifqAuditPage        *audit_page;
  RifqRetentionPage    *retention_page;
  RifqIntakePage       *intake_page;
  RifqCommitteePage    *committee_page;
  GPtrArray            *back_buttons;
};

/* A page that says what it will hold, built the first time it is shown. */
typedef struct
{
  char     *title;
  char     *icon;
  char     *description;
  gboolean  dashboard;
} LazyPage;

static void
lazy_page_free (gpointer data)
{
  LazyPage *page = data;

  g_free (page->title);
  g_free (page->icon);
  g_free (page->description);
  g_free (page);
}

G_DEFINE_FINAL_TYPE (RifqWindow, rifq_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  const char *description;
} QueuePage;

/* What each work page will hold, said plainly until the issue that builds it lands. */
static const QueuePage queue_pages[] = {
  { "intake", N_("Intake"), "document-edit-symbolic", NULL },
  { "research", N_("Social Research"), "system-users-symbolic", NULL },
  { "committee", N_("Research Committee"), "emblem-documents-symbolic", NULL },
};

static GtkWidget *
page_header (RifqWindow *self,
             const char *title,
             const char *subtitle)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.show-sidebar");
  gtk_widget_set_tooltip_text (back, _("Back to the sections"));
  gtk_widget_set_visible (back, adw_leaflet_get_folded (self->leaflet));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  g_ptr_array_add (self->back_buttons, back);
  return header;
}

static GtkWidget *
status_page (RifqWindow *self,
             const char *title,
             const char *icon,
             const char *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();
  gboolean request_form = g_strcmp0 (icon, "document-edit-symbolic") == 0;
  GtkWidget *button = gtk_button_new_with_mnemonic (request_form ? _("Open the _Intake")
                                                                 : _("Open the _Registry"));

  gtk_box_append (GTK_BOX (box), page_header (self, title, NULL));
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_vexpand (status, TRUE);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), request_form ? "win.go-intake" : "win.go-registry");
  gtk_widget_add_css_class (button, "pill");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);

  gtk_box_append (GTK_BOX (box), status);
  return box;
}

/* Above the first row of each group of sections: the group's heading. */
static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  RifqSidebarItem *item = rifq_sidebar_row_get_item (RIFQ_SIDEBAR_ROW (row));
  const char *section = rifq_sidebar_item_get_section (item);
  GtkWidget *label;

  if (section == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "sidebar-section");
  gtk_list_box_row_set_header (row, label);
}

static GtkWidget *
sidebar_row_create (gpointer item,
                    gpointer user_data)
{
  return rifq_sidebar_row_new (item);
}

static void
add_row (RifqWindow *self,
         const char *name,
         const char *label,
         const char *icon,
         const char *section)
{
  g_autoptr(RifqSidebarItem) item = rifq_sidebar_item_new (name, label, icon, section);

  g_list_store_append (self->sections, item);
}

static void
add_lazy_page (RifqWindow *self,
               const char *name,
               const char *label,
               const char *icon,
               const char *section,
               const char *description,
               gboolean    dashboard)
{
  LazyPage *page = g_new0 (LazyPage, 1);

  add_row (self, name, label, icon, section);
  page->title = g_strdup (label);
  page->icon = g_strdup (icon);
  page->description = g_strdup (description);
  page->dashboard = dashboard;
  g_hash_table_insert (self->lazy_pages, g_strdup (name), page);
}

static GtkWidget *
dashboard_page (RifqWindow *self)
{
  /* The registry's size as it is when the page is opened. */
  gint64 count = MAX (rifq_beneficiary_store_count (self->db, NULL), 0);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  g_autofree char *shown = rifq_locale_is_arabic () ? rifq_arabic_indic_digits (number) : g_strdup (number);
  g_autofree char *registry = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The registry holds %s beneficiary today.",
                                                            "The registry holds %s beneficiaries today.",
                                                            (gulong) count),
                                               shown);
  g_autofree char *description = NULL;

  description = g_strconcat (_("Volumes per channel, decision times against the service level, "
                               "beneficiary satisfaction, complaints and services delivered will be "
                               "shown here for the board, with a printable report."),
                             "\n\n", registry, NULL);
  return status_page (self, _("Board Dashboard"), "x-office-presentation-symbolic", description);
}

/* Whether the person at the window may use a page: the registry, the intake and the committee
 * are for who reads every record, the social-research queue for who reads what was referred
 * (core refuses the rest regardless). */
static gboolean
page_allowed (RifqWindow *self,
              const char *name)
{
  RifqRole roles = rifq_staff_actor_roles (self->db);

  if (g_str_equal (name, "registry") || g_str_equal (name, "intake") || g_str_equal (name, "committee"))
    return rifq_permission_allows (RIFQ_PERMISSION_READ_RECORDS, roles);
  if (g_str_equal (name, "research"))
    return rifq_permission_allows (RIFQ_PERMISSION_READ_REFERRED, roles);
  return TRUE;
}

static void
build_pages (RifqWindow *self)
{
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) tools = NULL;
  g_autoptr(GError) error = NULL;

  channels = rifq_channel_list (self->db, &error);
  if (channels == NULL)
    {
      g_warning ("Cannot read the channels: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      RifqPolicyItem *item = g_ptr_array_index (channels, i);
      g_autofree char *name = g_strconcat ("channel:", item->code, NULL);
      const char *label = rifq_policy_item_label (item);

      add_lazy_page (self, name, label, item->icon, i == 0 ? _("Contact Channels") : NULL,
                     _("Every contact on this channel will be logged here: the direction, "
                       "the kind (inquiry, request, complaint, suggestion, follow-up), a "
                       "summary, who handled it and the follow-up due. Until then, find or "
                       "register the person in the registry."), FALSE);
    }

  tools = rifq_staff_tool_list (self->db, &error);
  if (tools == NULL)
    g_warning ("Cannot read the staff tools: %s", error->message);
  for (guint i = 0; tools != NULL && i < tools->len; i++)
    {
      RifqPolicyItem *item = g_ptr_array_index (tools, i);
      g_autofree char *name = g_strconcat ("tool:", item->code, NULL);
      const char *label = rifq_policy_item_label (item);
      const char *description;

      if (g_str_equal (item->code, "support_request"))
        description = _("The beneficiary support request is filled in the Intake, step by step: "
                        "reception, documents, social research, the applicant's declaration and "
                        "signature, submission to the research committee, registration and the "
                        "service.");
      else
        description = _("The association's document will be imported here as a PDF, to be read "
                        "and searched by the desk.");
      add_lazy_page (self, name, label, item->icon, i == 0 ? _("Officer's Tools") : NULL,
                     description, FALSE);
    }

  for (guint i = 0, shown = 0; i < G_N_ELEMENTS (queue_pages); i++)
    if (page_allowed (self, queue_pages[i].name))
      add_lazy_page (self, queue_pages[i].name, _(queue_pages[i].title), queue_pages[i].icon,
                     shown++ == 0 ? _("Work Queues") : NULL,
                     queue_pages[i].description ? _(queue_pages[i].description) : NULL, FALSE);

  /* The registry's page is the window's to show a record in; only its reader finds it. */
  self->registry_page = rifq_registry_page_new (self->context);
  g_ptr_array_add (self->back_buttons, rifq_registry_page_get_back_button (self->registry_page));
  if (page_allowed (self, "registry"))
    add_row (self, "registry", _("Beneficiary Registry"), "system-users-symbolic", _("Beneficiaries"));
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->registry_page), "registry");

  add_lazy_page (self, "dashboard", _("Board Dashboard"), "x-office-presentation-symbolic", _("Board"),
                 NULL, TRUE);
  /* The audit log, for who may read it. */
  if (rifq_permission_allows (RIFQ_PERMISSION_AUDIT, rifq_staff_actor_roles (self->db)))
    add_row (self, "audit", _("Audit Log"), "document-open-recent-symbolic", _("Administration"));
  /* The closed files past their retention period, for who reviews them. */
  if (rifq_permission_allows (RIFQ_PERMISSION_RETENTION, rifq_staff_actor_roles (self->db)))
    add_row (self, "retention", _("Files Past Retention"), "document-open-recent-symbolic",
             rifq_permission_allows (RIFQ_PERMISSION_AUDIT, rifq_staff_actor_roles (self->db))
               ? NULL : _("Administration"));
}

static void select_page (RifqWindow *self,
                         const char *name);

/* A file the retention review opens, in the registry's form. */
static void
retention_open_cb (RifqWindow        *self,
                   gint64             id,
                   RifqRetentionPage *page)
{
  g_autoptr(GError) error = NULL;

  select_page (self, "registry");
  if (!rifq_registry_page_open (self->registry_page, id, &error))
    rifq_window_add_toast (self, error->message);
}

static void leaflet_folded_cb (RifqWindow *self);

/* TRUE when name is a page of the window, building it now if it was waiting to be shown. */
static gboolean
ensure_page (RifqWindow *self,
             const char *name)
{
  LazyPage *lazy;
  GtkWidget *page;

  if (!page_allowed (self, name))
    return FALSE;
  if (gtk_stack_get_child_by_name (self->pages, name) != NULL)
    return TRUE;
  if (g_str_equal (name, "intake"))
    {
      self->intake_page = rifq_intake_page_new (self->context);
      g_ptr_array_add (self->back_buttons, rifq_intake_page_get_back_button (self->intake_page));
      leaflet_folded_cb (self);
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->intake_page), name);
      g_hash_table_remove (self->lazy_pages, name);
      return TRUE;
    }
  if (g_str_equal (name, "committee"))
    {
      self->committee_page = rifq_committee_page_new (self->context);
      g_ptr_array_add (self->back_buttons, rifq_committee_page_get_back_button (self->committee_page));
      leaflet_folded_cb (self);
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->committee_page), name);
      g_hash_table_remove (self->lazy_pages, name);
      return TRUE;
    }
  if (g_str_equal (name, "audit") &&
      rifq_permission_allows (RIFQ_PERMISSION_AUDIT, rifq_staff_actor_roles (self->db)))
    {
      self->audit_page = rifq_audit_page_new (self->context);
      g_ptr_array_add (self->back_buttons, rifq_audit_page_get_back_button (self->audit_page));
      leaflet_folded_cb (self);
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->audit_page), name);
      return TRUE;
    }
  if (g_str_equal (name, "retention") &&
      rifq_permission_allows (RIFQ_PERMISSION_RETENTION, rifq_staff_actor_roles (self->db)))
    {
      self->retention_page = rifq_retention_page_new (self->context);
      g_signal_connect_object (self->retention_page, "open-beneficiary", G_CALLBACK (retention_open_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->back_buttons, rifq_retention_page_get_back_button (self->retention_page));
      leaflet_folded_cb (self);
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->retention_page), name);
      return TRUE;
    }
  if (g_str_equal (name, "research"))
    {
      self->research_page = rifq_research_page_new (self->context);
      g_ptr_array_add (self->back_buttons, rifq_research_page_get_back_button (self->research_page));
      leaflet_folded_cb (self);
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->research_page), name);
      g_hash_table_remove (self->lazy_pages, name);
      return TRUE;
    }
  lazy = g_hash_table_lookup (self->lazy_pages, name);
  if (lazy == NULL)
    return FALSE;

  page = lazy->dashboard ? dashboard_page (self)
                         : status_page (self, lazy->title, lazy->icon, lazy->description);
  gtk_stack_add_named (self->pages, page, name);
  g_hash_table_remove (self->lazy_pages, name);
  return TRUE;
}

static void
leaflet_folded_cb (RifqWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  for (guint i = 0; i < self->back_buttons->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->back_buttons, i), folded);
}

static void
select_page (RifqWindow *self,
             const char *name)
{
  ensure_page (self, name);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sections)); i++)
    {
      g_autoptr(RifqSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (g_str_equal (rifq_sidebar_item_get_page (item), name))
        {
          gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, (int) i));
          break;
        }
    }
  /* Referrals are made at other desks: the queue is read again each time it is shown. */
  if (g_str_equal (name, "research") && self->research_page != NULL)
    rifq_research_page_reload (self->research_page);
  if (g_str_equal (name, "intake") && self->intake_page != NULL)
    rifq_intake_page_reload (self->intake_page);
  if (g_str_equal (name, "committee") && self->committee_page != NULL)
    rifq_committee_page_reload (self->committee_page);
  if (g_str_equal (name, "audit") && self->audit_page != NULL)
    rifq_audit_page_reload (self->audit_page);
  if (g_str_equal (name, "retention") && self->retention_page != NULL)
    rifq_retention_page_reload (self->retention_page);
  gtk_stack_set_visible_child_name (self->pages, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-page", name);
}

static void
sidebar_row_selected_cb (RifqWindow    *self,
                         GtkListBoxRow *row)
{
  const char *page;

  if (row == NULL)
    return;
  page = rifq_sidebar_item_get_page (rifq_sidebar_row_get_item (RIFQ_SIDEBAR_ROW (row)));
  if (ensure_page (self, page))
    gtk_stack_set_visible_child_name (self->pages, page);
}

static void
sidebar_row_activated_cb (RifqWindow    *self,
                          GtkListBoxRow *row)
{
  select_page (self, rifq_sidebar_item_get_page (rifq_sidebar_row_get_item (RIFQ_SIDEBAR_ROW (row))));
}

/* Every command's keys, given to the application by rifq_window_set_accels() and shown from
 * here in the shortcuts window. */
static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Ctrl>q", NULL } },
  { "app.preferences", { "<Ctrl>comma", NULL } },
  { "win.search", { "<Ctrl>f", NULL } },
  { "win.lookup-request", { "<Ctrl><Shift>f", NULL } },
  { "win.new-beneficiary", { "<Ctrl>n", NULL } },
  { "win.save", { "<Ctrl>s", NULL } },
  { "win.cancel", { "Escape", NULL } },
  { "win.go-registry", { "<Ctrl>r", NULL } },
  { "win.go-intake", { "<Ctrl>i", NULL } },
  { "win.show-sidebar", { "<Alt>Left", NULL } },
  { "win.shortcuts", { "<Ctrl>question", NULL } },
};

/* A GtkShortcutsShortcut with an action-name looks its keys up only when the shortcuts window
 * is a GtkApplicationWindow's help overlay, through that window's application; this one is
 * not, so each is given its keys here, search results included. */
static void
show_accels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *action = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          show_accels (child);
          continue;
        }
      g_object_get (child, "action-name", &action, NULL);
      for (guint i = 0; action != NULL && i < G_N_ELEMENTS (accels); i++)
        if (g_str_equal (action, accels[i].action))
          {
            g_autofree char *keys = g_strjoinv (" ", (char **) accels[i].accels);

            g_object_set (child, "accelerator", keys, NULL);
          }
    }
}

/* Built when asked for, so that it costs nothing at start-up. */
static GtkWindow *
show_shortcuts (RifqWindow *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/ruhamaa/Rifq/ui/rifq-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  show_accels (GTK_WIDGET (shortcuts));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
  gtk_window_present (shortcuts);
  return shortcuts;
}

static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_shortcuts (RIFQ_WINDOW (widget));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RifqWindow *self = RIFQ_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
go_registry_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  select_page (RIFQ_WINDOW (widget), "registry");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RifqWindow *self = RIFQ_WINDOW (widget);

  select_page (self, "registry");
  rifq_registry_page_focus_search (self->registry_page);
}

static void
new_beneficiary_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RifqWindow *self = RIFQ_WINDOW (widget);

  select_page (self, "registry");
  rifq_registry_page_new_beneficiary (self->registry_page);
}

static RifqLookupDialog *
show_lookup (RifqWindow *self)
{
  /* Not given the application: its Escape accelerator would reach the main window first. */
  RifqLookupDialog *dialog = rifq_lookup_dialog_new (GTK_WINDOW (self), self->context);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

AdwMessageDialog *
rifq_window_verify_file (RifqWindow *self,
                         GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  RifqSealVerdict verdict = RIFQ_SEAL_MALFORMED;
  GtkWidget *dialog;

  g_return_val_if_fail (RIFQ_IS_WINDOW (self), NULL);

  name = g_file_get_basename (file);
  bytes = rifq_file_load (file, RIFQ_FILE_READ_MAX, &error);
  if (bytes == NULL)
    message = g_strdup (error->message);
  else
    {
      g_autoptr(RifqKeyring) ring = rifq_keyring_from_db (self->db, &error);

      if (ring == NULL)
        message = g_strdup (error->message);
      else
        verdict = rifq_seal_verify_pdf (ring, self->db, bytes, &number, &message);
    }

  /* Read from the document itself: its QR code and what it carries, against the key and the record. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   verdict == RIFQ_SEAL_VALID ? _("The Document Is Genuine")
                                                              : _("The Document Cannot Be Trusted"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", name, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
verify_response_cb (GtkNativeDialog *native,
                    int              response,
                    RifqWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        rifq_window_verify_file (self, file);
    }
  g_object_unref (native);
}

static void
verify_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Verify a Sealed Document"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Verify"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (verify_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
go_intake_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  select_page (RIFQ_WINDOW (widget), "intake");
}

static void
lookup_request_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_lookup (RIFQ_WINDOW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RifqWindow *self = RIFQ_WINDOW (widget);

  if (rifq_registry_page_is_editing (self->registry_page))
    rifq_registry_page_save (self->registry_page);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RifqWindow *self = RIFQ_WINDOW (widget);

  if (rifq_registry_page_is_editing (self->registry_page))
    rifq_registry_page_close_editor (self->registry_page);
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RifqWindow       *self)
{
  RifqBeneficiaryEditor *editor = rifq_registry_page_get_editor (self->registry_page);

  if (g_str_equal (response, "save"))
    {
      if (rifq_beneficiary_editor_save (editor) == RIFQ_SAVE_SAVED)
        gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "discard"))
    {
      rifq_beneficiary_editor_load (editor, NULL);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
rifq_window_close_request (GtkWindow *window)
{
  RifqWindow *self = RIFQ_WINDOW (window);
  RifqBeneficiaryEditor *editor = rifq_registry_page_get_editor (self->registry_page);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  /* Nothing typed is lost: unsaved changes are saved or discarded on purpose. */
  if (rifq_registry_page_is_editing (self->registry_page) &&
      rifq_beneficiary_editor_get_dirty (editor))
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Save the beneficiary's changes?"),
                                                  _("The form holds changes that are not saved. "
                                                    "If you close without saving, they are lost."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (rifq_window_parent_class)->close_request (window);
}

static void
rifq_window_dispose (GObject *object)
{
  RifqWindow *self = (RifqWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rifq_window_parent_class)->dispose (object);
}

static void
rifq_window_finalize (GObject *object)
{
  RifqWindow *self = (RifqWindow *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->back_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->lazy_pages, g_hash_table_unref);
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (rifq_window_parent_class)->finalize (object);
}

static void
rifq_window_constructed (GObject *object)
{
  RifqWindow *self = (RifqWindow *) object;
  g_autofree char *last_page = NULL;

  G_OBJECT_CLASS (rifq_window_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  g_set_object (&self->settings, rifq_context_get_settings (self->context));
  build_pages (self);
  leaflet_folded_cb (self);
  /* What the person may not do is not offered; core refuses it regardless. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-beneficiary",
                                 rifq_permission_allows (RIFQ_PERMISSION_REGISTER, rifq_staff_actor_roles (self->db)));
  for (const char * const *action = (const char *[]) { "win.go-registry", "win.search", "win.lookup-request", NULL };
       *action != NULL; action++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *action, page_allowed (self, "registry"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-intake", page_allowed (self, "intake"));

  /* The association's server away: said at the foot of the window for as long as it lasts. */
  g_object_bind_property (self->db, "offline", self->offline_bar, "reveal-child", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->db, "offline", self->offline_spinner, "spinning", G_BINDING_SYNC_CREATE);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      last_page = g_settings_get_string (self->settings, "last-page");
    }
  /* Else the registry, or the first page the person may use. */
  for (const char * const *page = (const char *[]) { "registry", "research", "dashboard", NULL };
       *page != NULL && (last_page == NULL || !ensure_page (self, last_page)); page++)
    {
      g_free (last_page);
      last_page = g_strdup (*page);
    }
  select_page (self, last_page);
}

static void
rifq_window_class_init (RifqWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rifq_window_dispose;
  object_class->constructed = rifq_window_constructed;
  object_class->finalize = rifq_window_finalize;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqWindow, context));
  window_class->close_request = rifq_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RifqWindow, offline_bar);
  gtk_widget_class_bind_template_child (widget_class, RifqWindow, offline_spinner);
  gtk_widget_class_bind_template_child (widget_class, RifqWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RifqWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RifqWindow, pages);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.go-registry", NULL, go_registry_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-beneficiary", NULL, new_beneficiary_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.lookup-request", NULL, lookup_request_action);
  gtk_widget_class_install_action (widget_class, "win.go-intake", NULL, go_intake_action);
  gtk_widget_class_install_action (widget_class, "win.verify-document", NULL, verify_document_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
}

static void
rifq_window_init (RifqWindow *self)
{
  self->back_buttons = g_ptr_array_new ();
  self->lazy_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lazy_page_free);
  self->sections = g_list_store_new (RIFQ_TYPE_SIDEBAR_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (self->sections), sidebar_row_create, NULL, NULL);
  gtk_list_box_set_header_func (self->sidebar, sidebar_header_func, NULL, NULL);
}

void
rifq_window_set_accels (GtkApplication *application)
{
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

RifqWindow *
rifq_window_new (GtkApplication *application,
                 RifqContext    *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  return g_object_new (RIFQ_TYPE_WINDOW, "application", application, "context", context, NULL);
}

RifqRegistryPage *
rifq_window_get_registry_page (RifqWindow *self)
{
  g_return_val_if_fail (RIFQ_IS_WINDOW (self), NULL);
  return self->registry_page;
}

RifqIntakePage *
rifq_window_get_intake_page (RifqWindow *self)
{
  g_return_val_if_fail (RIFQ_IS_WINDOW (self), NULL);
  ensure_page (self, "intake");
  return self->intake_page;
}

RifqCommitteePage *
rifq_window_get_committee_page (RifqWindow *self)
{
  g_return_val_if_fail (RIFQ_IS_WINDOW (self), NULL);
  ensure_page (self, "committee");
  return self->committee_page;
}

RifqAuditPage *
rifq_window_get_audit_page (RifqWindow *self)
{
  g_return_val_if_fail (RIFQ_IS_WINDOW (self), NULL);
  ensure_page (self, "audit");
  return self->audit_page;
}

RifqRetentionPage *
rifq_window_get_retention_page (RifqWindow *self)
{
  g_return_val_if_fail (RIFQ_IS_WINDOW (self), NULL);
  ensure_page (self, "retention");
  return self->retention_page;
}

RifqResearchPage *
rifq_window_get_research_page (RifqWindow *self)
{
  g_return_val_if_fail (RIFQ_IS_WINDOW (self), NULL);
  ensure_page (self, "research");
  return self->research_page;
}

GtkWidget *
rifq_window_show_page (RifqWindow  *self,
                       const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (RIFQ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "beneficiary-new"))
    {
      select_page (self, "registry");
      rifq_registry_page_new_beneficiary (self->registry_page);
      return GTK_WIDGET (self);
    }
  if (g_str_equal (name, "beneficiary-first"))
    {
      g_autoptr(GPtrArray) first = rifq_beneficiary_store_list (self->db, 0, 1, error);

      if (first == NULL)
        return NULL;
      if (first->len == 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("The registry is empty."));
          return NULL;
        }
      select_page (self, "registry");
      if (!rifq_registry_page_open (self->registry_page,
                                    rifq_beneficiary_get_id (g_ptr_array_index (first, 0)), error))
        return NULL;
      return GTK_WIDGET (self);
    }
  if (g_str_has_prefix (name, "beneficiary-consent:"))
    {
      g_autoptr(RifqBeneficiary) found = NULL;

      found = rifq_beneficiary_store_get_by_national_id (self->db, name + strlen ("beneficiary-consent:"), error);
      if (found == NULL)
        return NULL;
      select_page (self, "registry");
      if (!rifq_registry_page_open (self->registry_page, rifq_beneficiary_get_id (found), error))
        return NULL;
      rifq_beneficiary_editor_focus_consent (rifq_registry_page_get_editor (self->registry_page));
      return GTK_WIDGET (self);
    }
  if (g_str_has_prefix (name, "search:"))
    {
      select_page (self, "registry");
      gtk_editable_set_text (rifq_registry_page_get_search_entry (self->registry_page),
                             name + strlen ("search:"));
      return GTK_WIDGET (self);
    }
  if (g_str_equal (name, "preferences") || g_str_equal (name, "preferences-association"))
    {
      RifqPreferencesWindow *preferences = rifq_preferences_window_new (GTK_WINDOW (self), self->context);

      if (g_str_equal (name, "preferences-association"))
        {
          /* Tall enough for the picture to show the committee's members. */
          adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "association");
          gtk_window_set_default_size (GTK_WINDOW (preferences), 680, 1480);
        }
      gtk_window_present (GTK_WINDOW (preferences));
      return GTK_WIDGET (preferences);
    }
  if (g_str_equal (name, "shortcuts"))
    return GTK_WIDGET (show_shortcuts (self));
  if (g_str_has_prefix (name, "committee-meeting:"))
    {
      select_page (self, "committee");
      if (!rifq_committee_page_open_meeting (self->committee_page,
                                             g_ascii_strtoll (name + strlen ("committee-meeting:"), NULL, 10), error))
        return NULL;
      return GTK_WIDGET (self);
    }
  if (g_str_equal (name, "lookup") || g_str_has_prefix (name, "lookup:"))
    {
      RifqLookupDialog *dialog = show_lookup (self);

      if (name[strlen ("lookup")] == ':')
        rifq_lookup_dialog_search (dialog, name + strlen ("lookup:"));
      return GTK_WIDGET (dialog);
    }
  if (!ensure_page (self, name))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                   _("There is no page called “%s”."), name);
      return NULL;
    }
  select_page (self, name);
  return GTK_WIDGET (self);
}

void
rifq_window_add_toast (RifqWindow *self,
                       const char *message)
{
  AdwToast *toast = adw_toast_new ("");

  g_return_if_fail (RIFQ_IS_WINDOW (self));

  adw_toast_set_custom_title (toast, rifq_ui_refusal_label_new (message));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
