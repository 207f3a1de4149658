/* rifq-application.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rifq-calendar.h"
#include "rifq-context.h"
#include "rifq-db.h"

G_BEGIN_DECLS

#define RIFQ_TYPE_APPLICATION (rifq_application_get_type ())
G_DECLARE_FINAL_TYPE (RifqApplication, rifq_application, RIFQ, APPLICATION, AdwApplication)

RifqApplication *rifq_application_new               (void);
void             rifq_application_set_database_path (RifqApplication *self,
                                                     const char      *path);
void             rifq_application_set_screenshot    (RifqApplication *self,
                                                     const char      *page,
                                                     const char      *file);

/* Non-zero when the database could not be opened or a screenshot could not be written. */
int              rifq_application_get_exit_status   (RifqApplication *self);

/* Reading direction from the interface language, the style sheet and libadwaita. Called at
 * start-up (after gtk_init, which would undo an earlier direction) and by the window tests. */
void             rifq_ui_init                       (void);

/* This workstation's settings, or NULL when the schema is not installed (an uninstalled build):
 * then window size and digits simply keep their defaults. */
GSettings       *rifq_ui_settings_new               (void);

/* The folder a desk's backups go to: the "backup-folder" preference, or the one beside its
 * database. */
char            *rifq_ui_backup_folder              (RifqContext *context);

/* The digits numbers are shown in: the "digit-style" preference, or the interface language's. */
RifqDigits       rifq_ui_get_digits                 (void);
/* text with its digits in the style of rifq_ui_get_digits(). */
char            *rifq_ui_display_digits             (const char *text);
/* value in the digits of rifq_ui_get_digits(). */
char            *rifq_ui_display_number             (gint64      value);
/* The title of a toast saying a refusal: core's refusals are whole sentences, so the label wraps
 * them instead of cutting them short. */
GtkWidget       *rifq_ui_refusal_label_new          (const char *message);
/* A dialog asking for a new password twice (and the current one when asks_current), its
 * "change" response enabled once the two agree; the rows' texts by
 * rifq_ui_password_dialog_get ("current", "password"). */
AdwMessageDialog *rifq_ui_password_dialog_new       (GtkWindow        *parent,
                                                     const char       *heading,
                                                     const char       *body,
                                                     gboolean          asks_current);
const char      *rifq_ui_password_dialog_get        (AdwMessageDialog *dialog,
                                                     const char       *key);
/* Empties a GtkBox or a GtkListBox. */
void             rifq_ui_remove_children            (GtkWidget  *container);
/* A framed, scrolling text area for a few lines (reasons, a question), named for screen
 * readers; text may be NULL. Returns the frame; out_view receives the text view. */
GtkWidget       *rifq_ui_text_area_new              (const char   *accessible_label,
                                                     const char   *text,
                                                     GtkTextView **out_view);

G_END_DECLS
