/* rifq-committee-queue.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-committee-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-channel.h"
#include "rifq-committee-queue-row.h"
#include "rifq-committee-queue.h"
#include "rifq-record-list.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"

struct _RifqCommitteeQueue
{
  GtkWidget       parent_instance;

  /* template children */
  GtkWidget      *content;
  GtkWidget      *filter_bar;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *city_dropdown;
  GtkToggleButton *overdue_button;
  GtkStack       *stack;
  GtkListBox     *list;
  AdwStatusPage  *empty_page;

  /* owned */
  RifqDb         *db;
  RifqRecordList *records;        /* RifqQueueItem, as filtered, the longest waiting first */
  RifqMeeting    *meeting;        /* the one the rows' buttons add to, or NULL */
  GStrv           kinds;          /* kind codes, after "All" in the kind drop-down */
  GStrv           cities;         /* after "All" in the branch drop-down */
  char           *filter_kind;
  char           *filter_city;
  char           *subtitle;

  /* state */
  gboolean        filter_overdue;
  gboolean        may_add;
  gboolean        reloading;
};

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RifqCommitteeQueue, rifq_committee_queue, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static gboolean
filtered (RifqCommitteeQueue *self)
{
  return self->filter_kind != NULL || self->filter_city != NULL || self->filter_overdue;
}

static GtkWidget *
queue_row_create (gpointer item,
                  gpointer user_data)
{
  RifqCommitteeQueue *self = user_data;
  RifqQueueItem *waiting = item;
  g_autofree char *altered = NULL;

  if (rifq_seal_check_request (self->db, waiting->request->id, NULL, &altered) != RIFQ_SEAL_STATE_ALTERED)
    g_clear_pointer (&altered, g_free);
  return rifq_committee_queue_row_new (waiting, rifq_request_store_kind_label (self->db, waiting->request->kind),
                                       altered, self->meeting, self->may_add);
}


static void
show_queue_state (RifqCommitteeQueue *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->records)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  adw_status_page_set_icon_name (self->empty_page, "emblem-documents-symbolic");
  if (filtered (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Requests Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("No request waiting for the committee matches the filters."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Requests Waiting"));
      adw_status_page_set_description (self->empty_page,
                                       _("Requests submitted to the research committee appear here with "
                                         "the days left in their decision period."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
set_subtitle (RifqCommitteeQueue *self,
              const char         *subtitle)
{
  if (g_strcmp0 (self->subtitle, subtitle) == 0)
    return;
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/* "365 requests waiting · 92 overdue" */
static void
update_subtitle (RifqCommitteeQueue *self,
              GPtrArray         *all)
{
  g_autofree char *n_shown = NULL;
  g_autofree char *waiting = NULL;
  guint overdue = 0;

  if (all == NULL || all->len == 0)
    {
      set_subtitle (self, NULL);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    if (((RifqQueueItem *) g_ptr_array_index (all, i))->overdue)
      overdue++;

  n_shown = rifq_ui_display_number (all->len);
  waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request waiting", "%s requests waiting", all->len),
                             n_shown);
  if (overdue > 0)
    {
      g_autofree char *m_shown = rifq_ui_display_number (overdue);
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s overdue", "%s overdue", overdue),
                                               m_shown);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", waiting, late);

      set_subtitle (self, subtitle);
      return;
    }
  set_subtitle (self, waiting);
}

static void
set_dropdown_items (GtkDropDown *dropdown,
                    const char  *all_label,
                    GPtrArray   *labels,
                    guint        selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, all_label);
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
}

/* The filter bar shows the filters of the page; a filter for something no longer listed
 * stays listed, so it can be seen and cleared. */
static void
sync_filter_bar (RifqCommitteeQueue *self)
{
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) cities = NULL;
  g_autoptr(GStrvBuilder) city_list = g_strv_builder_new ();
  guint selected = 0;

  g_assert (self->reloading);

  kinds = rifq_request_store_kinds (self->db, NULL);
  for (guint i = 0; kinds != NULL && i < kinds->len; i++)
    {
      const RifqPolicyItem *item = g_ptr_array_index (kinds, i);

      g_strv_builder_add (codes, item->code);
      g_ptr_array_add (labels, (gpointer) rifq_policy_item_label (item));
      if (g_strcmp0 (item->code, self->filter_kind) == 0)
        selected = i + 1;
    }
  if (self->filter_kind != NULL && selected == 0)
    {
      const char *label = rifq_request_store_kind_label (self->db, self->filter_kind);

      g_strv_builder_add (codes, self->filter_kind);
      g_ptr_array_add (labels, (gpointer) (label != NULL ? label : self->filter_kind));
      selected = labels->len;
    }
  g_clear_pointer (&self->kinds, g_strfreev);
  self->kinds = g_strv_builder_end (codes);
  set_dropdown_items (self->kind_dropdown, _("All Kinds of Support"), labels, selected);

  g_ptr_array_set_size (labels, 0);
  selected = 0;
  cities = rifq_committee_queue_cities (self->db, NULL);
  for (guint i = 0; cities != NULL && cities[i] != NULL; i++)
    {
      g_strv_builder_add (city_list, cities[i]);
      g_ptr_array_add (labels, cities[i]);
      if (g_strcmp0 (cities[i], self->filter_city) == 0)
        selected = i + 1;
    }
  if (self->filter_city != NULL && selected == 0)
    {
      g_strv_builder_add (city_list, self->filter_city);
      g_ptr_array_add (labels, self->filter_city);
      selected = labels->len;
    }
  g_clear_pointer (&self->cities, g_strfreev);
  self->cities = g_strv_builder_end (city_list);
  set_dropdown_items (self->city_dropdown, _("All Branches"), labels, selected);

  gtk_toggle_button_set_active (self->overdue_button, self->filter_overdue);
}

/* The requests waiting, as the filters of the page (user_data) choose them. */
static GPtrArray *
waiting_requests (RifqDb   *db,
                  gpointer  user_data,
                  GError  **error)
{
  RifqCommitteeQueue *self = user_data;
  RifqQueueFilter filter = { self->filter_kind, self->filter_city, self->filter_overdue };

  return rifq_committee_queue (db, &filter, error);
}

/* After the rows changed: the filters, the counts in the title and the empty page follow. */
static void
queue_changed_cb (RifqCommitteeQueue *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) local = NULL;
  const GError *error;

  self->reloading = TRUE;
  sync_filter_bar (self);
  self->reloading = FALSE;

  all = rifq_committee_queue (self->db, NULL, &local);
  update_subtitle (self, all);
  error = local != NULL ? local : rifq_record_list_get_error (self->records);
  if (error != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      gtk_widget_set_visible (self->filter_bar, FALSE);
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("The Committee’s Queue Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_widget_set_visible (self->filter_bar, all->len > 0 || filtered (self));
  show_queue_state (self);
}

static void
reload (RifqCommitteeQueue *self)
{
  rifq_record_list_reload (self->records, NULL);
  queue_changed_cb (self);
}

static void
filter_changed_cb (RifqCommitteeQueue *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint city = gtk_drop_down_get_selected (self->city_dropdown);

  if (self->reloading || self->db == NULL)
    return;
  g_clear_pointer (&self->filter_kind, g_free);
  g_clear_pointer (&self->filter_city, g_free);
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 && kind <= g_strv_length (self->kinds))
    self->filter_kind = g_strdup (self->kinds[kind - 1]);
  if (city != GTK_INVALID_LIST_POSITION && city > 0 && city <= g_strv_length (self->cities))
    self->filter_city = g_strdup (self->cities[city - 1]);
  self->filter_overdue = gtk_toggle_button_get_active (self->overdue_button);
  reload (self);
}

static void
rifq_committee_queue_dispose (GObject *object)
{
  RifqCommitteeQueue *self = (RifqCommitteeQueue *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_COMMITTEE_QUEUE);
  g_clear_object (&self->records);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->kinds, g_strfreev);
  g_clear_pointer (&self->cities, g_strfreev);
  g_clear_pointer (&self->filter_kind, g_free);
  g_clear_pointer (&self->filter_city, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  self->db = NULL;

  G_OBJECT_CLASS (rifq_committee_queue_parent_class)->dispose (object);
}

static void
rifq_committee_queue_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RifqCommitteeQueue *self = RIFQ_COMMITTEE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_committee_queue_class_init (RifqCommitteeQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_committee_queue_dispose;
  object_class->get_property = rifq_committee_queue_get_property;

  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-committee-queue.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueue, content);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueue, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueue, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueue, city_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueue, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueue, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueue, list);
  gtk_widget_class_bind_template_child (widget_class, RifqCommitteeQueue, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
rifq_committee_queue_init (RifqCommitteeQueue *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rifq_committee_queue_set_context (RifqCommitteeQueue *self,
                                  RifqContext        *context)
{
  static const char * const kinds[] = { "request", "beneficiary", NULL };
  static const char * const shown[] = { "number", "beneficiary-name", "kind", "state", "submitted-on",
                                        "days-left", "overdue", NULL };

  g_return_if_fail (RIFQ_IS_COMMITTEE_QUEUE (self));
  g_return_if_fail (RIFQ_IS_CONTEXT (context));
  g_return_if_fail (self->db == NULL);

  self->db = rifq_context_get_db (context);
  /* Its rows are made once the meeting they add to is known (rifq_committee_queue_set_meeting). */
  self->records = rifq_record_list_new (self->db, kinds, shown, waiting_requests, self, NULL);
  g_signal_connect_object (self->records, "items-changed", G_CALLBACK (queue_changed_cb), self, G_CONNECT_SWAPPED);
}

void
rifq_committee_queue_set_meeting (RifqCommitteeQueue *self,
                                  RifqMeeting        *meeting,
                                  gboolean            may_add)
{
  g_return_if_fail (RIFQ_IS_COMMITTEE_QUEUE (self));
  g_return_if_fail (meeting == NULL || RIFQ_IS_MEETING (meeting));
  g_return_if_fail (self->records != NULL);

  g_set_object (&self->meeting, meeting);
  self->may_add = may_add;
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->records), queue_row_create, self, NULL);
}

void
rifq_committee_queue_reload (RifqCommitteeQueue *self)
{
  g_return_if_fail (RIFQ_IS_COMMITTEE_QUEUE (self));
  g_return_if_fail (self->records != NULL);

  reload (self);
}
