/* rifq-screenshot.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "rifq-error.h"
#include "rifq-screenshot.h"

/* Frames to let pass before drawing: the first can still be laying out and the node NULL. */
#define SETTLE_FRAMES 4

typedef struct
{
  GtkWidget *widget;
  char      *file;
  guint      frames;
  guint      tick_id;
} Shot;

static void
shot_free (gpointer data)
{
  Shot *shot = data;

  g_clear_object (&shot->widget);
  g_free (shot->file);
  g_free (shot);
}

static gboolean
save_png (GtkWidget  *widget,
          const char *file,
          GError    **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("The page has not been drawn yet."));
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  if (!gdk_texture_save_to_png (texture, file))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Cannot write the picture to “%s”."), file);
      return FALSE;
    }
  return TRUE;
}

/* Right after a paint the widget's drawing is current: a blinking cursor or a label changed
 * since the last frame cannot leave it empty. */
static void
shot_after_paint_cb (GdkFrameClock *clock,
                     GTask         *task)
{
  Shot *shot = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!save_png (shot->widget, shot->file, &error))
    {
      if (shot->frames++ < SETTLE_FRAMES * 10)
        {
          gtk_widget_queue_draw (shot->widget);
          return;
        }
      g_signal_handlers_disconnect_by_func (clock, shot_after_paint_cb, task);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  g_signal_handlers_disconnect_by_func (clock, shot_after_paint_cb, task);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static gboolean
shot_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  GTask *task = user_data;
  Shot *shot = g_task_get_task_data (task);

  gtk_widget_queue_draw (widget);
  if (++shot->frames < SETTLE_FRAMES || !gtk_widget_get_mapped (widget))
    return G_SOURCE_CONTINUE;

  g_signal_connect (clock, "after-paint", G_CALLBACK (shot_after_paint_cb), g_object_ref (task));
  return G_SOURCE_REMOVE;
}

void
rifq_screenshot_save_async (GtkWidget           *widget,
                            const char          *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Shot *shot;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (file != NULL);

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, rifq_screenshot_save_async);
  shot = g_new0 (Shot, 1);
  shot->widget = g_object_ref (widget);
  shot->file = g_strdup (file);
  g_task_set_task_data (task, shot, shot_free);

  gtk_widget_add_tick_callback (widget, shot_tick_cb, task, g_object_unref);
}

gboolean
rifq_screenshot_save_finish (GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
