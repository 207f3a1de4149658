/* rifq-intake-util.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-intake-util"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-application.h"
#include "rifq-arabic.h"
#include "rifq-calendar.h"
#include "rifq-channel.h"
#include "rifq-intake-util.h"
#include "rifq-validate.h"

const char *
rifq_intake_editable_text (GtkWidget *widget)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

void
rifq_intake_set_editable_text (GtkWidget  *widget,
                               const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
}

char *
rifq_intake_shown_digits (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return rifq_ui_display_digits (text);
}

char *
rifq_intake_shown_int (gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return rifq_intake_shown_digits (text);
}

char *
rifq_intake_shown_mobile (const char *mobile)
{
  g_autofree char *local = rifq_validate_format_mobile (mobile);

  return rifq_intake_shown_digits (local);
}

static char *
date_digits (const char *text)
{
  if (rifq_calendar_interface_digits () == RIFQ_DIGITS_ARABIC)
    return rifq_arabic_indic_digits (text);
  return g_strdup (text);
}

char *
rifq_intake_typed_date (const char *iso)
{
  g_autofree char *text = NULL;
  RifqHijriDate hijri;
  GDate date;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (!rifq_calendar_from_iso (iso, &date) || !rifq_calendar_to_hijri (&date, &hijri, NULL)
      || hijri.approximate)
    return g_strdup (iso);
  text = g_strdup_printf ("%04d/%02d/%02d", hijri.year, hijri.month, hijri.day);
  return date_digits (text);
}

char *
rifq_intake_format_day (const char *iso)
{
  return rifq_calendar_format_iso_both (iso, rifq_calendar_interface_digits ());
}

char *
rifq_intake_describe (RifqContext       *context,
                      const RifqRequest *r)
{
  g_autofree char *today = rifq_context_dup_today (context);
  g_autofree char *sentence = rifq_request_describe (r, today);

  return rifq_intake_shown_digits (sentence);
}

gboolean
rifq_intake_referral_answered (const RifqRequest *r)
{
  for (guint i = 0; r != NULL && i < r->referrals->len; i++)
    if (((RifqReferral *) g_ptr_array_index (r->referrals, i))->answer != NULL)
      return TRUE;
  return FALSE;
}

GtkWidget *
rifq_intake_action_row_new (const char *title,
                            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and sentences from the database are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  return row;
}

void
rifq_intake_fill_combo (AdwComboRow *row,
                        GPtrArray   *items)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    gtk_string_list_append (labels, rifq_policy_item_label (g_ptr_array_index (items, i)));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

const char *
rifq_intake_item_code (GPtrArray *items,
                       guint      position)
{
  if (items == NULL || position >= items->len)
    return NULL;
  return ((RifqPolicyItem *) g_ptr_array_index (items, position))->code;
}

/* Selects the item with this code; an unknown code selects nothing, and the store says so. */
void
rifq_intake_select_code (AdwComboRow *row,
                         GPtrArray   *items,
                         const char  *code)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (g_strcmp0 (rifq_intake_item_code (items, i), code) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
}

void
rifq_intake_dispose_template (GtkWidget *step,
                              GType      type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (step, type);
  while ((child = gtk_widget_get_first_child (step)) != NULL)
    gtk_widget_unparent (child);
}

/* GTK 4.8 would keep an entry's cursor blinking in a part hidden or made read-only, and warn
 * that it never lost focus. */
void
rifq_intake_release_focus (GtkWidget *within)
{
  GtkRoot *root = within ? gtk_widget_get_root (within) : NULL;
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == within || gtk_widget_is_ancestor (focus, within)))
    gtk_root_set_focus (root, NULL);
}

void
rifq_intake_set_shown (GtkWidget *widget,
                       gboolean   shown)
{
  if (!shown)
    rifq_intake_release_focus (widget);
  gtk_widget_set_visible (widget, shown);
}

void
rifq_intake_set_editable (GtkWidget *widget,
                          gboolean   editable)
{
  if (!editable)
    rifq_intake_release_focus (widget);
  gtk_widget_set_sensitive (widget, editable);
}
