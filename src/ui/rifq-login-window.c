/* rifq-login-window.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-login-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-account.h"
#include "rifq-login-window.h"
#include "rifq-error.h"

struct _RifqLoginWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwStatusPage        *status_page;
  GtkWidget            *form;
  AdwEntryRow          *username_row;
  AdwEntryRow          *full_name_row;
  AdwEntryRow          *password_row;
  AdwEntryRow          *again_row;
  GtkLabel             *problem_label;
  GtkButton            *go_button;

  /* owned */
  RifqContext          *context;
  int                   setup;   /* RifqAccountSetup, -1 when the database cannot be used */
  guint                 pending; /* the login, once the button has been drawn busy */
};

G_DEFINE_FINAL_TYPE (RifqLoginWindow, rifq_login_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  LOGGED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
asks_twice (RifqLoginWindow *self)
{
  return self->setup == RIFQ_ACCOUNT_SETUP_NEW || self->setup == RIFQ_ACCOUNT_SETUP_UPGRADE;
}

static void
show_problem (RifqLoginWindow *self,
              const char      *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
form_changed_cb (RifqLoginWindow *self)
{
  gboolean complete = *text_of (self->username_row) != '\0' && *text_of (self->password_row) != '\0' &&
                      (!asks_twice (self) || *text_of (self->again_row) != '\0');

  gtk_widget_set_sensitive (GTK_WIDGET (self->go_button), complete && self->pending == 0);
}

/* What the form says for where the database stands. */
static void
show_setup (RifqLoginWindow *self)
{
  RifqDb *db = rifq_context_get_db (self->context);
  g_autoptr(GError) error = NULL;

  self->setup = rifq_account_setup (db, &error);
  gtk_widget_set_visible (self->form, self->setup >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->full_name_row), self->setup == RIFQ_ACCOUNT_SETUP_NEW);
  gtk_widget_set_visible (GTK_WIDGET (self->again_row), asks_twice (self));
  switch (self->setup)
    {
    case RIFQ_ACCOUNT_SETUP_READY:
      adw_status_page_set_title (self->status_page, _("Log In"));
      adw_status_page_set_description (self->status_page, _("Each member of staff logs in with their own "
                                                            "user name and password; what they do is "
                                                            "recorded in their name."));
      gtk_button_set_label (self->go_button, _("_Log In"));
      break;
    case RIFQ_ACCOUNT_SETUP_NEW:
      adw_status_page_set_title (self->status_page, _("Set Up Rifq"));
      adw_status_page_set_description (self->status_page, _("This database is new. Its first administrator "
                                                            "sets it up, then adds the other members of "
                                                            "staff."));
      gtk_button_set_label (self->go_button, _("_Set Up"));
      break;
    case RIFQ_ACCOUNT_SETUP_UPGRADE:
      adw_status_page_set_title (self->status_page, _("Set Your Password"));
      adw_status_page_set_description (self->status_page, _("Rifq now asks everyone for a password. One of "
                                                            "this database’s administrators sets theirs "
                                                            "first, then gives the others theirs."));
      gtk_button_set_label (self->go_button, _("_Set Password"));
      break;
    default:
      adw_status_page_set_title (self->status_page, _("Rifq Cannot Open This Database"));
      adw_status_page_set_description (self->status_page, error->message);
      break;
    }
  form_changed_cb (self);
}

gboolean
rifq_login_window_submit (RifqLoginWindow *self)
{
  RifqDb *db;
  g_autoptr(GError) error = NULL;
  gboolean done;

  g_return_val_if_fail (RIFQ_IS_LOGIN_WINDOW (self), FALSE);

  db = rifq_context_get_db (self->context);
  if (asks_twice (self) && g_strcmp0 (text_of (self->password_row), text_of (self->again_row)) != 0)
    {
      show_problem (self, _("Password Again: the two passwords differ."));
      gtk_widget_grab_focus (GTK_WIDGET (self->again_row));
      return FALSE;
    }
  if (self->setup == RIFQ_ACCOUNT_SETUP_READY)
    done = rifq_account_login (db, text_of (self->username_row), text_of (self->password_row),
                               g_get_real_time () / G_USEC_PER_SEC, &error);
  else if (asks_twice (self))
    done = rifq_account_set_up (db, text_of (self->username_row), text_of (self->full_name_row),
                                text_of (self->password_row), &error);
  else
    return FALSE;

  /* The passwords are not kept in the form, right or wrong. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->again_row), "");
  if (!done)
    {
      show_problem (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      /* Set up meanwhile from another workstation: the login it now asks for. */
      if (!g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN) && !g_error_matches (error, RIFQ_ERROR, RIFQ_ERROR_LOCKED))
        show_setup (self);
      return FALSE;
    }
  show_problem (self, NULL);
  g_signal_emit (self, signals[LOGGED_IN], 0);
  return TRUE;
}

static gboolean
submit_cb (gpointer user_data)
{
  RifqLoginWindow *self = user_data;

  self->pending = 0;
  rifq_login_window_submit (self);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  form_changed_cb (self);
  return G_SOURCE_REMOVE;
}

static void
go_clicked_cb (RifqLoginWindow *self)
{
  if (self->pending != 0)
    return;
  /* A third of a second of hashing: the button is shown busy first. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->go_button), FALSE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "wait");
  show_problem (self, NULL);
  self->pending = g_timeout_add (50, submit_cb, self);
}

static void
username_activated_cb (RifqLoginWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (asks_twice (self) && gtk_widget_get_visible (GTK_WIDGET (self->full_name_row))
                                     ? self->full_name_row : self->password_row));
}

static void
password_activated_cb (RifqLoginWindow *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->go_button)))
    go_clicked_cb (self);
  else if (asks_twice (self) && *text_of (self->again_row) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->again_row));
}

static void
rifq_login_window_dispose (GObject *object)
{
  RifqLoginWindow *self = (RifqLoginWindow *)object;

  g_clear_handle_id (&self->pending, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rifq_login_window_parent_class)->dispose (object);
}

static void
rifq_login_window_class_init (RifqLoginWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_login_window_dispose;

  signals[LOGGED_IN] = g_signal_new ("logged-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                     NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-login-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, form);
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, again_row);
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, go_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, go_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, username_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
}

static void
rifq_login_window_init (RifqLoginWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RifqLoginWindow *
rifq_login_window_new (GtkApplication *application,
                       RifqContext    *context)
{
  RifqLoginWindow *self;

  g_return_val_if_fail (RIFQ_IS_CONTEXT (context), NULL);

  self = g_object_new (RIFQ_TYPE_LOGIN_WINDOW, "application", application, NULL);
  self->context = g_object_ref (context);
  show_setup (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  return self;
}
