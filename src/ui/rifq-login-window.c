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
  GtkSpinner           *spinner;
  int                   setup;          /* RifqAccountSetup, -1 when the database cannot be used */
  gboolean              pending;        /* a login or a set-up under way */
  guint                 set_up_source;  /* the set-up, once the button has been drawn busy */
  gboolean              disposed;       /* closed, a login perhaps still under way */
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

  gtk_widget_set_sensitive (GTK_WIDGET (self->go_button), complete && !self->pending);
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

/* What an attempt ended in: the sentence under the form, or the person logged in. */
static gboolean
attempt_done (RifqLoginWindow *self,
              gboolean         done,
              GError          *error)
{
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

/* The passwords are not kept in the form, right or wrong. */
static void
forget_passwords (RifqLoginWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->again_row), "");
}

static gboolean
passwords_agree (RifqLoginWindow *self)
{
  if (asks_twice (self) && g_strcmp0 (text_of (self->password_row), text_of (self->again_row)) != 0)
    {
      show_problem (self, _("Password Again: the two passwords differ."));
      gtk_widget_grab_focus (GTK_WIDGET (self->again_row));
      return FALSE;
    }
  return TRUE;
}

gboolean
rifq_login_window_submit (RifqLoginWindow *self)
{
  RifqDb *db;
  g_autoptr(GError) error = NULL;
  gboolean done;

  g_return_val_if_fail (RIFQ_IS_LOGIN_WINDOW (self), FALSE);

  db = rifq_context_get_db (self->context);
  if (!passwords_agree (self))
    return FALSE;
  if (self->setup == RIFQ_ACCOUNT_SETUP_READY)
    done = rifq_account_login (db, text_of (self->username_row), text_of (self->password_row),
                               g_get_real_time () / G_USEC_PER_SEC, &error);
  else if (asks_twice (self))
    done = rifq_account_set_up (db, text_of (self->username_row), text_of (self->full_name_row),
                                text_of (self->password_row), &error);
  else
    return FALSE;
  forget_passwords (self);
  return attempt_done (self, done, error);
}

static void
busy (RifqLoginWindow *self,
      gboolean         is_busy)
{
  self->pending = is_busy;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), is_busy ? "wait" : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), is_busy);
  gtk_spinner_set_spinning (self->spinner, is_busy);
  form_changed_cb (self);
}

static void
logged_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RifqLoginWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = rifq_account_login_finish (RIFQ_DB (source), result, &error);

  /* Closed meanwhile: whoever logged in is let go again. */
  if (self->disposed)
    {
      if (done)
        rifq_account_logout (RIFQ_DB (source));
      return;
    }
  busy (self, FALSE);
  attempt_done (self, done, error);
}

static gboolean
set_up_cb (gpointer user_data)
{
  RifqLoginWindow *self = user_data;

  self->set_up_source = 0;
  busy (self, FALSE);
  rifq_login_window_submit (self);
  return G_SOURCE_REMOVE;
}

static void
go_clicked_cb (RifqLoginWindow *self)
{
  if (self->pending || !gtk_widget_get_sensitive (GTK_WIDGET (self->go_button)))
    return;
  show_problem (self, NULL);
  if (self->setup == RIFQ_ACCOUNT_SETUP_READY)
    {
      /* The password's check runs in a thread of its own: the window goes on drawing. */
      busy (self, TRUE);
      rifq_account_login_async (rifq_context_get_db (self->context), text_of (self->username_row),
                                text_of (self->password_row), g_get_real_time () / G_USEC_PER_SEC, NULL,
                                logged_in_cb, g_object_ref (self));
      forget_passwords (self);
      return;
    }
  if (!passwords_agree (self))
    return;
  /* Setting up, rarer: the button is drawn busy first. */
  busy (self, TRUE);
  self->set_up_source = g_timeout_add (50, set_up_cb, self);
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

  self->disposed = TRUE;
  g_clear_handle_id (&self->set_up_source, g_source_remove);
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
  gtk_widget_class_bind_template_child (widget_class, RifqLoginWindow, spinner);
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
