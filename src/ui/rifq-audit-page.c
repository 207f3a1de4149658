/* rifq-audit-page.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-audit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-arabic.h"
#include "rifq-audit.h"
#include "rifq-audit-page.h"
#include "rifq-staff.h"

/* Entries read at once; older ones on request. */
#define PAGE_SIZE 200

/* The kinds of record the filter offers, in the order shown (NULL: any). */
static const char * const kinds[] = { NULL, "beneficiary", "request", "meeting", "decision", "staff", "account",
                                      "settings", "seal_key", "database", "permission" };

struct _RifqAuditPage
{
  GtkWidget        parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkWidget       *back_button;
  GtkDropDown     *person_dropdown;
  GtkDropDown     *kind_dropdown;
  GtkEntry        *record_entry;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkStack        *stack;
  GtkListBox      *entry_list;
  GtkWidget       *older_button;

  /* owned */
  RifqContext     *context;
  RifqDb          *db;        /* the context's */
  GListStore      *entries;   /* RifqAuditEntry, newest first */
  GPtrArray       *people;    /* user names in the person filter's order, NULL first (everyone) */
};

G_DEFINE_FINAL_TYPE (RifqAuditPage, rifq_audit_page, GTK_TYPE_WIDGET)

static void
show_problem (RifqAuditPage *self,
              const char    *message)
{
  AdwToast *toast = adw_toast_new ("");

  adw_toast_set_custom_title (toast, rifq_ui_refusal_label_new (message));
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The row of one entry: who and what in its title, the record and the moment below it; what it
 * changed, member by member, inside. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  RifqAuditEntry *entry = item;
  g_autoptr(GPtrArray) changes = rifq_audit_entry_changes (entry);
  g_autofree char *who = NULL;
  g_autofree char *time = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *record = NULL;
  g_autofree char *number = NULL;
  g_autofree char *entry_number = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *row;

  rifq_audit_describe_author (entry->actor_name, entry->at, &who, &time, &day);
  title = g_strdup_printf (_("%s · %s"), who, rifq_audit_action_label (entry->record_kind, entry->action));
  number = g_strdup_printf ("%" G_GINT64_FORMAT, entry->record_id);
  entry_number = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
  /* TRANSLATORS: a kind of record and its number: "Beneficiary 12" */
  record = entry->record_id > 0 ? g_strdup_printf (_("%s %s"), rifq_audit_kind_label (entry->record_kind), number)
                                : g_strdup (rifq_audit_kind_label (entry->record_kind));
  /* TRANSLATORS: the record, the day (both calendars), the time, the entry's number */
  subtitle = g_strdup_printf (_("%s — %s at %s — entry %s"), record, day, time, entry_number);
  shown = rifq_ui_display_digits (subtitle);

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), shown);
  if (entry->reason != NULL && *entry->reason != '\0')
    {
      GtkWidget *reason = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reason), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Reason"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (reason), entry->reason);
      gtk_widget_add_css_class (reason, "property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      RifqAuditChange *change = g_ptr_array_index (changes, i);
      GtkWidget *line = adw_action_row_new ();
      g_autofree char *values = NULL;
      g_autofree char *values_shown = NULL;

      if (change->before != NULL && change->after != NULL)
        {
          g_autofree char *before = g_strconcat ("\u2068", change->before, "\u2069", NULL);
          g_autofree char *after = g_strconcat ("\u2068", change->after, "\u2069", NULL);

          /* Each side isolated: the arrow reads from before to after in the page's direction,
           * whatever the values' scripts. */
          values = g_strdup_printf (_("%s → %s"), before, after);
        }
      else if (change->after != NULL)
        values = g_strdup (change->after);
      else
        values = g_strdup_printf (_("%s (removed)"), change->before);
      values_shown = rifq_ui_display_digits (values);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), rifq_audit_member_label (entry->record_kind,
                                                                                          change->member));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (line), values_shown);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (line), 4);
      gtk_widget_add_css_class (line, "property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
    }
  gtk_widget_set_sensitive (row, TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), changes->len > 0 || entry->reason != NULL);
  return row;
}

/* Reads entries older than before_id (0: from the newest), appended to what is shown. */
static void
read_entries (RifqAuditPage *self,
              gint64         before_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *record = g_strstrip (rifq_arabic_latin_digits (gtk_editable_get_text (GTK_EDITABLE (self->record_entry))));
  guint person = gtk_drop_down_get_selected (self->person_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  RifqAuditFilter filter = {
    .actor = self->people != NULL && person < self->people->len ? g_ptr_array_index (self->people, person) : NULL,
    .record_kind = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : NULL,
    .record_id = *record != '\0' ? g_ascii_strtoll (record, NULL, 10) : 0,
    .from_day = gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
    .to_day = gtk_editable_get_text (GTK_EDITABLE (self->to_entry)),
  };

  if (*record != '\0' && filter.record_id <= 0)
    {
      show_problem (self, _("Record number: give the record’s number in digits."));
      return;
    }
  found = rifq_audit_list (self->db, &filter, before_id, PAGE_SIZE, &error);
  if (found == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  if (before_id == 0)
    g_list_store_remove_all (self->entries);
  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0, found->pdata,
                       found->len);
  gtk_widget_set_visible (self->older_button, found->len == PAGE_SIZE);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0 ? "entries" : "empty");
}

static void
apply_cb (RifqAuditPage *self)
{
  read_entries (self, 0);
}

static void
older_clicked_cb (RifqAuditPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(RifqAuditEntry) last = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->entries), n - 1) : NULL;

  if (last != NULL)
    read_entries (self, last->id);
}

static void
verify_clicked_cb (RifqAuditPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 rows = 0;

  if (rifq_audit_verify (self->db, &rows, &error))
    {
      g_autofree char *count = rifq_ui_display_number (rows);
      g_autofree char *said = g_strdup_printf (_("The audit log is whole: %s entries, each chained to the one before."),
                                               count);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (said));
    }
  else
    show_problem (self, error->message);
}

/* The person filter: everyone, then each member of staff by name. */
static void
fill_people (RifqAuditPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = rifq_staff_list (self->db, RIFQ_ROLE_NONE, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->people, NULL);
  gtk_string_list_append (names, _("Everyone"));
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      RifqStaff *member = g_ptr_array_index (staff, i);

      g_ptr_array_add (self->people, g_strdup (member->username));
      gtk_string_list_append (names, member->full_name != NULL && *member->full_name != '\0' ? member->full_name
                                                                                              : member->username);
    }
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));
}

static void
fill_kinds (RifqAuditPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, kinds[i] != NULL ? rifq_audit_kind_label (kinds[i]) : _("Any record"));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (labels));
}

void
rifq_audit_page_reload (RifqAuditPage *self)
{
  g_return_if_fail (RIFQ_IS_AUDIT_PAGE (self));
  read_entries (self, 0);
}

void
rifq_audit_page_filter (RifqAuditPage *self,
                        const char    *actor,
                        const char    *record_kind,
                        const char    *record,
                        const char    *from,
                        const char    *to)
{
  g_return_if_fail (RIFQ_IS_AUDIT_PAGE (self));

  gtk_drop_down_set_selected (self->person_dropdown, 0);
  for (guint i = 1; actor != NULL && i < self->people->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->people, i), actor) == 0)
      gtk_drop_down_set_selected (self->person_dropdown, i);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  for (guint i = 1; record_kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i], record_kind) == 0)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  gtk_editable_set_text (GTK_EDITABLE (self->record_entry), record != NULL ? record : "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  read_entries (self, 0);
}

GtkWidget *
rifq_audit_page_get_back_button (RifqAuditPage *self)
{
  g_return_val_if_fail (RIFQ_IS_AUDIT_PAGE (self), NULL);
  return self->back_button;
}

static void
rifq_audit_page_constructed (GObject *object)
{
  RifqAuditPage *self = RIFQ_AUDIT_PAGE (object);

  G_OBJECT_CLASS (rifq_audit_page_parent_class)->constructed (object);
  self->db = rifq_context_get_db (self->context);
  gtk_list_box_bind_model (self->entry_list, G_LIST_MODEL (self->entries), create_row_cb, self, NULL);
  fill_people (self);
  fill_kinds (self);
  read_entries (self, 0);
}

static void
rifq_audit_page_dispose (GObject *object)
{
  RifqAuditPage *self = RIFQ_AUDIT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_AUDIT_PAGE);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (rifq_audit_page_parent_class)->dispose (object);
}

static void
rifq_audit_page_class_init (RifqAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rifq_audit_page_constructed;
  object_class->dispose = rifq_audit_page_dispose;
  rifq_context_install_property (object_class, G_STRUCT_OFFSET (RifqAuditPage, context));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, record_entry);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, entry_list);
  gtk_widget_class_bind_template_child (widget_class, RifqAuditPage, older_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, older_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, verify_clicked_cb);
}

static void
rifq_audit_page_init (RifqAuditPage *self)
{
  self->entries = g_list_store_new (RIFQ_TYPE_AUDIT_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
}

RifqAuditPage *
rifq_audit_page_new (RifqContext *context)
{
  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);
  return g_object_new (RIFQ_TYPE_AUDIT_PAGE, "context", context, NULL);
}
