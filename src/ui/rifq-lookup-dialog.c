/* rifq-lookup-dialog.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-lookup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-error.h"
#include "rifq-lookup-dialog.h"
#include "rifq-lookup-row.h"
#include "rifq-record-list.h"
#include "rifq-request-store.h"

/* A caller has a handful of requests at most; more would not be read aloud anyway. */
#define MAX_RESULTS 10

struct _RifqLookupDialog
{
  AdwWindow       parent_instance;

  /* template children */
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *results;
  AdwStatusPage  *status_page;

  /* owned */
  RifqContext    *context;
  RifqDb         *db;       /* the context's */
  RifqRecordList *found;      /* the requests the query finds, in the order shown */
  char           *query;      /* what the rows answer, trimmed; NULL before the first lookup */
};

G_DEFINE_FINAL_TYPE (RifqLookupDialog, rifq_lookup_dialog, ADW_TYPE_WINDOW)

static void
show_status (RifqLookupDialog *self,
             const char       *icon_name,
             const char       *title,
             const char       *description)
{
  g_autofree char *markup = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
show_prompt (RifqLookupDialog *self)
{
  show_status (self, "system-search-symbolic", _("Find a Request"),
               _("Type what the caller gives you: their national ID, mobile, request number or "
                 "name."));
}

/* The requests the query finds; none while nothing is typed. */
static GPtrArray *
find_requests (RifqDb   *db,
               gpointer  user_data,
               GError  **error)
{
  RifqLookupDialog *self = user_data;

  if (self->query == NULL || *self->query == '\0')
    return g_ptr_array_new_with_free_func (g_object_unref);
  return rifq_request_store_lookup (db, self->query, MAX_RESULTS, error);
}

/* One request, in the sentence the officer reads aloud. */
static GtkWidget *
result_row_new (gpointer item,
                gpointer user_data)
{
  RifqLookupDialog *self = user_data;
  g_autofree char *today = rifq_context_dup_today (self->context);

  return rifq_lookup_row_new (item, today);
}

/* After the rows changed, by a new query or by a write elsewhere: the page says what it found. */
static void
found_changed_cb (RifqLookupDialog *self)
{
  const GError *error = rifq_record_list_get_error (self->found);

  if (self->query == NULL || *self->query == '\0')
    show_prompt (self);
  /* Not "not found": the caller is told the answer cannot be looked up just now. */
  else if (g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_OFFLINE))
    show_status (self, "network-offline-symbolic", _("The Server Cannot Be Reached"),
                 _("The association’s server does not answer just now, so whether this request exists cannot be "
                   "told. Rifq tries again by itself; ask again in a moment."));
  else if (error != NULL)
    show_status (self, "dialog-error-symbolic", _("The Search Failed"), error->message);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->found)) == 0)
    {
      g_autofree char *description = g_strdup_printf (_("No request was found for “%s”."), self->query);

      show_status (self, "system-search-symbolic", _("No Request Found"), description);
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
look_up (RifqLookupDialog *self,
         const char       *text)
{
  g_autofree char *query = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* search-changed also fires after rifq_lookup_dialog_search() has already looked it up. */
  if (g_strcmp0 (query, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  rifq_record_list_reload (self->found, NULL);
  found_changed_cb (self);
}

static void
search_changed_cb (RifqLookupDialog *self)
{
  look_up (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (RifqLookupDialog *self)
{
  /* The entry takes Escape for itself; the dialog's Escape still closes it. */
  gtk_window_close (GTK_WINDOW (self));
}

static void
rifq_lookup_dialog_map (GtkWidget *widget)
{
  RifqLookupDialog *self = RIFQ_LOOKUP_DIALOG (widget);

  GTK_WIDGET_CLASS (rifq_lookup_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rifq_lookup_dialog_dispose (GObject *object)
{
  RifqLookupDialog *self = (RifqLookupDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_LOOKUP_DIALOG);
  g_clear_object (&self->found);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_lookup_dialog_parent_class)->dispose (object);
}

static void
rifq_lookup_dialog_finalize (GObject *object)
{
  RifqLookupDialog *self = (RifqLookupDialog *)object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (rifq_lookup_dialog_parent_class)->finalize (object);
}

static void
rifq_lookup_dialog_constructed (GObject *object)
{
  RifqLookupDialog *self = (RifqLookupDialog *) object;

  static const char * const kinds[] = { "request", "beneficiary", NULL };
  static const char * const shown[] = { "number", "state", "beneficiary-name", "due-on", "updated-at", NULL };

  G_OBJECT_CLASS (rifq_lookup_dialog_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);

  self->found = rifq_record_list_new (self->db, kinds, shown, find_requests, self, NULL);
  gtk_list_box_bind_model (self->results, G_LIST_MODEL (self->found), result_row_new, self, NULL);
  g_signal_connect_object (self->found, "items-changed", G_CALLBACK (found_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
rifq_lookup_dialog_class_init (RifqLookupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_lookup_dialog_dispose;
  object_class->finalize = rifq_lookup_dialog_finalize;
  object_class->constructed = rifq_lookup_dialog_constructed;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqLookupDialog, context));
  widget_class->map = rifq_lookup_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-lookup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqLookupDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RifqLookupDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqLookupDialog, results);
  gtk_widget_class_bind_template_child (widget_class, RifqLookupDialog, status_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rifq_lookup_dialog_init (RifqLookupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  show_prompt (self);
}

RifqLookupDialog *
rifq_lookup_dialog_new (GtkWindow   *parent,
                        RifqContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  return g_object_new (RIFQ_TYPE_LOOKUP_DIALOG, "transient-for", parent, "context", context, NULL);
}

void
rifq_lookup_dialog_search (RifqLookupDialog *self,
                           const char       *query)
{
  g_return_if_fail (RIFQ_IS_LOOKUP_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  look_up (self, query);
}
