/* rifq-pdf-view.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rifq-application.h"
#include "rifq-error.h"
#include "rifq-pdf-view.h"
#include "rifq-poppler.h"

#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
/* A CSS pixel is 1/96 inch and a PDF point 1/72: at 100 % a page has its printed size. */
#define PX_PER_PT (96.0 / 72.0)
/* Around and between the pages; the margin is also pages_box's in the .ui file. */
#define PAGE_MARGIN 12
#define PAGE_SPACING 12
#define RENDER_DELAY_MS 150
/* Pages rendered beyond those in view, and pages whose pictures are kept beyond them. */
#define PRELOAD_PAGES 2
#define KEEP_PAGES 6
/* 64 MB a page: past it a page is rendered coarser and scaled up, not refused. */
#define MAX_TEXTURE_PIXELS (4096 * 4096)

static const double zoom_steps[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

typedef struct
{
  GtkPicture *picture;        /* child of pages_box */
  GdkTexture *texture;        /* NULL until rendered, and again once far out of view */
  double      texture_scale;  /* device pixels per point asked of texture */
  double      width_pt;
  double      height_pt;
} Page;

struct _RifqPdfView
{
  GtkWidget          parent_instance;

  /* template children */
  GtkLabel          *page_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkFixed          *pages_box;
  AdwStatusPage     *error_page;

  /* owned */
  GBytes            *pdf;
  GArray            *pages;             /* Page */
  GCancellable      *load_cancellable;
  GCancellable      *render_cancellable;
  GTask             *shown_task;        /* a load waiting for its first page to be painted */
  GdkFrameClock     *shown_clock;

  /* state */
  double             zoom;
  gboolean           fit_width;
  int                page;
  int                pending_page;      /* page to scroll to once laid out, or -1 */
  double             pending_fraction;  /* of its height, at the top of the view */
  double             pending_offset;    /* pixels added to that */
  gboolean           pending_explicit;  /* asked for by set_page: that page is the one shown */
  gboolean           scrolling;         /* the view scrolls itself: the page shown is known */
  guint              generation;        /* of the document: bumped by each load */
  guint              render_source;
};

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RifqPdfView, rifq_pdf_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

/* What a worker thread is asked: the pages to render, in order, from its own document. */
typedef struct
{
  GBytes       *pdf;
  GArray       *pages;          /* int */
  double        scale;          /* device pixels per point */
  GWeakRef      view;
  GMainContext *context;
  GCancellable *caller;         /* the load's caller's, or NULL */
  guint         generation;
  /* loading only: when > 0, the zoom is chosen to fit the widest page in this many pixels */
  double        fit_pixels;
  double        zoom;
  int           scale_factor;
} RenderJob;

typedef struct
{
  GArray     *sizes;            /* double: width then height of each page, in points */
  double      zoom;
  double      scale;
  GdkTexture *first;
} Loaded;

/* A page handed back by a worker thread as soon as it is ready. */
typedef struct
{
  GTask      *task;
  int         page;
  GdkTexture *texture;
} Rendered;

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_object (&page->texture);
}

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_bytes_unref (job->pdf);
  g_array_unref (job->pages);
  g_weak_ref_clear (&job->view);
  g_main_context_unref (job->context);
  g_clear_object (&job->caller);
  g_free (job);
}

static RenderJob *
render_job_new (RifqPdfView *self,
                double       scale)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->pdf = g_bytes_ref (self->pdf);
  job->pages = g_array_new (FALSE, FALSE, sizeof (int));
  job->scale = scale;
  g_weak_ref_init (&job->view, self);
  job->context = g_main_context_ref_thread_default ();
  job->generation = self->generation;
  return job;
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->sizes, g_array_unref);
  g_clear_object (&loaded->first);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static void
rendered_free (gpointer data)
{
  Rendered *rendered = data;

  g_object_unref (rendered->task);
  g_clear_object (&rendered->texture);
  g_free (rendered);
}

/* Poppler's own messages are English and technical: the user is told what it means. */
static PopplerDocument *
open_document (GBytes  *pdf,
               GError **error)
{
  g_autoptr(GError) local = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &local);

  if (document == NULL)
    {
      g_debug ("poppler: %s", local->message);
      if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                     _("The document could not be read: it is protected by a password."));
      else
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                     _("The document could not be read: the file is damaged or is not a PDF document."));
      return NULL;
    }
  if (poppler_document_get_n_pages (document) < 1)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("The document could not be read: it has no pages."));
      g_object_unref (document);
      return NULL;
    }
  return document;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_debug ("cairo: %s", cairo_status_to_string (status));
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID, _("A page of the document could not be drawn."));
  return FALSE;
}

/* Runs in a worker thread, on that thread's own document. */
static GdkTexture *
render_texture (PopplerPage *page,
                double       scale,
                GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  double width_pt, height_pt;
  int width, height;

  poppler_page_get_size (page, &width_pt, &height_pt);
  if (width_pt * height_pt * scale * scale > MAX_TEXTURE_PIXELS)
    scale = sqrt (MAX_TEXTURE_PIXELS / (width_pt * height_pt));
  width = MAX (1, (int) ceil (width_pt * scale));
  height = MAX (1, (int) ceil (height_pt * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  /* A PDF page is transparent where nothing is drawn: paper is white. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / width_pt, height / height_pt);
  poppler_page_render (page, cr);
  if (!check_cairo (cairo_status (cr), error))
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* CAIRO_FORMAT_ARGB32 is GDK_MEMORY_DEFAULT on either byte order; the texture keeps the
   * surface's pixels without copying them. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * cairo_image_surface_get_stride (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, g_steal_pointer (&bytes),
                                 cairo_image_surface_get_stride (surface));
}

static gboolean
job_cancelled (GTask     *task,
               RenderJob *job)
{
  return g_cancellable_is_cancelled (g_task_get_cancellable (task))
         || (job->caller != NULL && g_cancellable_is_cancelled (job->caller));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(RifqPopplerDocument) document = NULL;
  g_autoptr(RifqPopplerPage) first = NULL;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);
  GError *error = NULL;
  double widest = 0;
  int n_pages;

  if ((document = open_document (job->pdf, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  n_pages = poppler_document_get_n_pages (document);
  loaded->sizes = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(RifqPopplerPage) page = poppler_document_get_page (document, i);
      double size[2] = { 1, 1 };

      if (page != NULL)
        poppler_page_get_size (page, &size[0], &size[1]);
      g_array_append_vals (loaded->sizes, size, 2);
      widest = MAX (widest, size[0]);
    }

  loaded->zoom = job->zoom;
  if (job->fit_pixels > 0)
    loaded->zoom = CLAMP (job->fit_pixels / (widest * PX_PER_PT), ZOOM_MIN, ZOOM_MAX);
  loaded->scale = loaded->zoom * PX_PER_PT * job->scale_factor;

  if (job_cancelled (task, job))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  first = poppler_document_get_page (document, 0);
  if ((loaded->first = render_texture (first, loaded->scale, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) loaded_free);
}

static void page_rendered (RifqPdfView *self, int index, GdkTexture *texture, double scale);

static gboolean
page_rendered_cb (gpointer data)
{
  Rendered *rendered = data;
  RenderJob *job = g_task_get_task_data (rendered->task);
  g_autoptr(RifqPdfView) self = g_weak_ref_get (&job->view);

  if (self != NULL && job->generation == self->generation)
    page_rendered (self, rendered->page, rendered->texture, job->scale);
  return G_SOURCE_REMOVE;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(RifqPopplerDocument) document = NULL;
  GError *error = NULL;

  if ((document = open_document (job->pdf, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < job->pages->len; i++)
    {
      int index = g_array_index (job->pages, int, i);
      g_autoptr(RifqPopplerPage) page = NULL;
      Rendered *rendered;

      if (g_task_return_error_if_cancelled (task))
        return;
      if ((page = poppler_document_get_page (document, index)) == NULL)
        continue;

      rendered = g_new0 (Rendered, 1);
      rendered->task = g_object_ref (task);
      rendered->page = index;
      rendered->texture = render_texture (page, job->scale, &error);
      if (rendered->texture == NULL)
        {
          g_warning ("Page %d: %s", index + 1, error->message);
          g_clear_error (&error);
          rendered_free (rendered);
          continue;
        }
      g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, page_rendered_cb, rendered, rendered_free);
    }
  g_task_return_boolean (task, TRUE);
}

static double
target_scale (RifqPdfView *self)
{
  return self->zoom * PX_PER_PT * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
page_css_size (RifqPdfView *self,
               const Page  *page,
               int         *width,
               int         *height)
{
  *width = MAX (1, (int) round (page->width_pt * self->zoom * PX_PER_PT));
  *height = MAX (1, (int) round (page->height_pt * self->zoom * PX_PER_PT));
}

/* Where page index begins in the scrolled content, and how tall it is. */
static double
page_top (RifqPdfView *self,
          int          index,
          int         *height)
{
  double top = PAGE_MARGIN;

  for (int i = 0; i <= index; i++)
    {
      int w, h;

      page_css_size (self, &g_array_index (self->pages, Page, i), &w, &h);
      if (i == index)
        {
          if (height != NULL)
            *height = h;
          break;
        }
      top += h + PAGE_SPACING;
    }
  return top;
}

static double
content_height (RifqPdfView *self)
{
  int h = 0;

  if (self->pages->len == 0)
    return 0;
  return page_top (self, self->pages->len - 1, &h) + h + PAGE_MARGIN;
}

/* The texture is drawn at the page's size in CSS pixels, whatever its own pixels: sharp on a
 * high-density screen, and stretched until a fresh one is ready after zooming. */
static void
update_picture (RifqPdfView *self,
                Page        *page)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  graphene_rect_t bounds;
  int width, height;

  page_css_size (self, page, &width, &height);
  graphene_rect_init (&bounds, 0, 0, width, height);
  if (page->texture != NULL)
    gtk_snapshot_append_texture (snapshot, page->texture, &bounds);
  else
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &bounds);
  paintable = gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot), &bounds.size);

  gtk_picture_set_paintable (page->picture, paintable);
  gtk_widget_set_size_request (GTK_WIDGET (page->picture), width, height);
}

static void
layout_pages (RifqPdfView *self)
{
  int widest = 0;
  double top = PAGE_MARGIN;

  for (guint i = 0; i < self->pages->len; i++)
    {
      int width, height;

      page_css_size (self, &g_array_index (self->pages, Page, i), &width, &height);
      widest = MAX (widest, width);
    }

  /* pages_box has the margin already: its own coordinates start at the first page. */
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = &g_array_index (self->pages, Page, i);
      int width, height;

      page_css_size (self, page, &width, &height);
      update_picture (self, page);
      gtk_fixed_move (self->pages_box, GTK_WIDGET (page->picture), (widest - width) / 2, top - PAGE_MARGIN);
      top += height + PAGE_SPACING;
    }
}

static void
update_page_label (RifqPdfView *self)
{
  g_autofree char *number = NULL;
  g_autofree char *count = NULL;
  g_autofree char *shown_number = NULL;
  g_autofree char *shown_count = NULL;
  g_autofree char *text = NULL;

  if (self->pages->len == 0)
    {
      gtk_label_set_text (self->page_label, "");
      return;
    }
  number = g_strdup_printf ("%d", self->page + 1);
  count = g_strdup_printf ("%u", self->pages->len);
  shown_number = rifq_ui_display_digits (number);
  shown_count = rifq_ui_display_digits (count);
  text = g_strdup_printf (_("Page %s of %s"), shown_number, shown_count);
  gtk_label_set_text (self->page_label, text);
}

static void
update_actions (RifqPdfView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loaded = self->pages->len > 0;

  gtk_widget_action_set_enabled (widget, "pdf.previous-page", loaded && self->page > 0);
  gtk_widget_action_set_enabled (widget, "pdf.next-page", loaded && self->page < (int) self->pages->len - 1);
  gtk_widget_action_set_enabled (widget, "pdf.zoom-in", loaded && self->zoom < ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (widget, "pdf.zoom-out", loaded && self->zoom > ZOOM_MIN + 0.001);
  gtk_widget_action_set_enabled (widget, "pdf.zoom-reset", loaded);
  gtk_widget_action_set_enabled (widget, "pdf.fit-width", loaded);
  gtk_widget_action_set_enabled (widget, "pdf.print", loaded);
}

static void
set_shown_page (RifqPdfView *self,
                int          page)
{
  if (self->page == page)
    return;
  self->page = page;
  update_page_label (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The page across the middle of the view; at the very end, the last one, however short. */
static void
update_shown_page (RifqPdfView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (vadjustment);
  double page_size = gtk_adjustment_get_page_size (vadjustment);
  double middle = value + page_size / 2;
  double top = PAGE_MARGIN;
  int shown = self->pages->len - 1;

  if (self->pages->len == 0)
    return;
  if (value < gtk_adjustment_get_upper (vadjustment) - page_size - 0.5 || value <= 0)
    for (guint i = 0; i < self->pages->len; i++)
      {
        int width, height;

        page_css_size (self, &g_array_index (self->pages, Page, i), &width, &height);
        top += height + PAGE_SPACING;
        if (top > middle)
          {
            shown = i;
            break;
          }
      }
  set_shown_page (self, shown);
}

/* The scroll asked for is made once the content has its new height, not before: the
 * adjustment would clamp it to the old one. */
static void
scroll_to_pending (RifqPdfView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double upper = gtk_adjustment_get_upper (vadjustment);
  double page_size = gtk_adjustment_get_page_size (vadjustment);
  double value;
  int height = 0;

  if (self->pending_page < 0 || page_size <= 0)
    return;
  if (fabs (upper - MAX (content_height (self), page_size)) > 0.5)
    return;

  value = page_top (self, self->pending_page, &height) + self->pending_fraction * height + self->pending_offset;
  self->pending_page = -1;
  self->scrolling = TRUE;
  gtk_adjustment_set_value (vadjustment, CLAMP (value, 0, upper - page_size));
  self->scrolling = FALSE;
  if (!self->pending_explicit)
    update_shown_page (self);
}

static void
visible_pages (RifqPdfView *self,
               int         *first,
               int         *last)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (vadjustment);
  double page_size = gtk_adjustment_get_page_size (vadjustment);
  double top = PAGE_MARGIN;

  *first = *last = self->page;
  if (page_size <= 0 || self->pending_page >= 0)
    return;

  *first = -1;
  for (guint i = 0; i < self->pages->len; i++)
    {
      int width, height;

      page_css_size (self, &g_array_index (self->pages, Page, i), &width, &height);
      if (top + height > value && top < value + page_size)
        {
          if (*first < 0)
            *first = i;
          *last = i;
        }
      top += height + PAGE_SPACING;
    }
  if (*first < 0)
    *first = *last = self->page;
}

static void
render_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("%s", error->message);
}

static gboolean
needs_render (RifqPdfView *self,
              int          index)
{
  Page *page = &g_array_index (self->pages, Page, index);

  return page->texture == NULL || fabs (page->texture_scale - target_scale (self)) > 1e-6;
}

/* Pages in view are rendered first, then a few either side; pictures far away are let go. */
static void
schedule_render (RifqPdfView *self)
{
  RenderJob *job;
  GTask *task;
  int n_pages = self->pages->len;
  int first, last;

  g_clear_handle_id (&self->render_source, g_source_remove);
  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  if (n_pages == 0 || self->pdf == NULL)
    return;

  visible_pages (self, &first, &last);
  for (int i = 0; i < n_pages; i++)
    {
      Page *page = &g_array_index (self->pages, Page, i);

      if (page->texture != NULL && (i < first - KEEP_PAGES || i > last + KEEP_PAGES))
        {
          g_clear_object (&page->texture);
          update_picture (self, page);
        }
    }

  job = render_job_new (self, target_scale (self));
  for (int i = first; i <= last; i++)
    if (needs_render (self, i))
      g_array_append_val (job->pages, i);
  for (int step = 1; step <= PRELOAD_PAGES; step++)
    {
      int after = last + step;
      int before = first - step;

      if (after < n_pages && needs_render (self, after))
        g_array_append_val (job->pages, after);
      if (before >= 0 && needs_render (self, before))
        g_array_append_val (job->pages, before);
    }
  if (job->pages->len == 0)
    {
      render_job_free (job);
      return;
    }

  self->render_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->render_cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, schedule_render);
  g_task_set_task_data (task, job, render_job_free);
  g_task_run_in_thread (task, render_thread);
  g_object_unref (task);
}

static gboolean
render_timeout_cb (gpointer user_data)
{
  RifqPdfView *self = user_data;

  self->render_source = 0;
  schedule_render (self);
  return G_SOURCE_REMOVE;
}

/* restart: wait for the last of a series (zooming); else render at most every delay
 * (scrolling keeps rendering while it goes on). */
static void
queue_render (RifqPdfView *self,
              gboolean     restart)
{
  if (self->render_source != 0 && !restart)
    return;
  g_clear_handle_id (&self->render_source, g_source_remove);
  self->render_source = g_timeout_add (RENDER_DELAY_MS, render_timeout_cb, self);
}

static void
page_rendered (RifqPdfView *self,
               int          index,
               GdkTexture  *texture,
               double       scale)
{
  Page *page;

  /* A page rendered before the last zoom is already out of date. */
  if (index < 0 || (guint) index >= self->pages->len || fabs (scale - target_scale (self)) > 1e-6)
    return;
  page = &g_array_index (self->pages, Page, index);
  g_set_object (&page->texture, texture);
  page->texture_scale = scale;
  update_picture (self, page);
}

static void
apply_zoom (RifqPdfView *self,
            double       zoom)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  /* The spot at the top of the view stays there. */
  if (self->pages->len > 0 && self->pending_page < 0)
    {
      double value = gtk_adjustment_get_value (vadjustment);
      double top = PAGE_MARGIN;
      int index = self->pages->len - 1;
      int width, height = 1;

      for (guint i = 0; i < self->pages->len; i++)
        {
          page_css_size (self, &g_array_index (self->pages, Page, i), &width, &height);
          if (top + height + PAGE_SPACING > value)
            {
              index = i;
              break;
            }
          top += height + PAGE_SPACING;
        }
      self->pending_page = index;
      self->pending_fraction = (value - top) / MAX (height, 1);
      self->pending_offset = 0;
      self->pending_explicit = FALSE;
    }

  self->zoom = zoom;
  layout_pages (self);
  update_actions (self);
  scroll_to_pending (self);
  queue_render (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static double
fit_width_zoom (RifqPdfView *self)
{
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  double pixels = gtk_adjustment_get_page_size (hadjustment) - 2 * PAGE_MARGIN;
  double widest = 0;

  for (guint i = 0; i < self->pages->len; i++)
    widest = MAX (widest, g_array_index (self->pages, Page, i).width_pt);
  if (pixels <= 0 || widest <= 0)
    return self->zoom;
  return pixels / (widest * PX_PER_PT);
}

static void
clear_pages (RifqPdfView *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    gtk_fixed_remove (self->pages_box, GTK_WIDGET (g_array_index (self->pages, Page, i).picture));
  g_array_set_size (self->pages, 0);
}

static void
finish_shown (RifqPdfView *self,
              GError      *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->shown_task);

  if (self->shown_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->shown_clock, self);
      g_clear_object (&self->shown_clock);
    }
  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
stop_work (RifqPdfView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  g_clear_handle_id (&self->render_source, g_source_remove);
  finish_shown (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
}

static void
first_page_painted_cb (GdkFrameClock *clock,
                       RifqPdfView   *self)
{
  finish_shown (self, NULL);
}

static void
document_loaded_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RifqPdfView *self = g_task_get_source_object (task);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(Loaded) loaded = NULL;
  GError *error = NULL;
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean zoom_changed;
  Page *first;
  guint n_pages;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->generation != self->generation)
    {
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }
  g_clear_object (&self->load_cancellable);
  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      g_task_return_error (task, error);
      return;
    }

  n_pages = loaded->sizes->len / 2;
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *shown = rifq_ui_display_digits (number);
      g_autofree char *description = g_strdup_printf (_("Page %s"), shown);
      Page page = { 0 };

      page.width_pt = g_array_index (loaded->sizes, double, 2 * i);
      page.height_pt = g_array_index (loaded->sizes, double, 2 * i + 1);
      page.picture = GTK_PICTURE (gtk_picture_new ());
      gtk_picture_set_can_shrink (page.picture, TRUE);
      gtk_picture_set_content_fit (page.picture, GTK_CONTENT_FIT_FILL);
      gtk_picture_set_alternative_text (page.picture, description);
      gtk_widget_add_css_class (GTK_WIDGET (page.picture), "card");
      gtk_widget_add_css_class (GTK_WIDGET (page.picture), "pdf-page");
      gtk_fixed_put (self->pages_box, GTK_WIDGET (page.picture), 0, 0);
      g_array_append_val (self->pages, page);
    }

  first = &g_array_index (self->pages, Page, 0);
  first->texture = g_steal_pointer (&loaded->first);
  first->texture_scale = loaded->scale;
  zoom_changed = fabs (self->zoom - loaded->zoom) > 1e-6;
  self->zoom = loaded->zoom;
  layout_pages (self);

  update_page_label (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  if (zoom_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  /* The screen's scale may not be the one the first page was rendered for. */
  if (needs_render (self, 0))
    first->texture_scale = 0;
  schedule_render (self);

  if (!gtk_widget_get_mapped (widget))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  self->shown_task = g_steal_pointer (&task);
  self->shown_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  g_signal_connect (self->shown_clock, "after-paint", G_CALLBACK (first_page_painted_cb), self);
  gtk_widget_queue_draw (widget);
}

static void
vadjustment_changed_cb (RifqPdfView   *self,
                        GtkAdjustment *vadjustment)
{
  scroll_to_pending (self);
  queue_render (self, FALSE);
}

static void
vadjustment_value_changed_cb (RifqPdfView   *self,
                              GtkAdjustment *vadjustment)
{
  if (self->pages->len == 0)
    return;
  queue_render (self, FALSE);
  /* Moved by the view itself, or clamped on the way to a scroll still to come. */
  if (self->scrolling || self->pending_page >= 0)
    return;
  update_shown_page (self);
}

static void
hadjustment_changed_cb (RifqPdfView   *self,
                        GtkAdjustment *hadjustment)
{
  if (self->fit_width && self->pages->len > 0)
    apply_zoom (self, fit_width_zoom (self));
}

static void
scale_factor_changed_cb (RifqPdfView *self)
{
  queue_render (self, TRUE);
}

static gboolean
scrolled_cb (RifqPdfView              *self,
             double                    dx,
             double                    dy,
             GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0 || self->pages->len == 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), dy < 0 ? "pdf.zoom-in" : "pdf.zoom-out", NULL);
  return TRUE;
}

static void
print_request_page_setup_cb (GtkPrintOperation *operation,
                             GtkPrintContext   *context,
                             int                page_nr,
                             GtkPageSetup      *setup,
                             PopplerDocument   *document)
{
  g_autoptr(RifqPopplerPage) page = poppler_document_get_page (document, page_nr);
  double width, height;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

/* The one path pages are printed by: shrunk to the paper when bigger, never enlarged, and
 * centred, since the document has its own margins. */
static gboolean
draw_for_printing (PopplerDocument *document,
                   int              index,
                   cairo_t         *cr,
                   double           width,
                   double           height,
                   GError         **error)
{
  g_autoptr(RifqPopplerPage) page = poppler_document_get_page (document, index);
  double page_width, page_height, scale;

  if (page == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("A page of the document could not be drawn."));
      return FALSE;
    }
  poppler_page_get_size (page, &page_width, &page_height);
  scale = MIN (1.0, MIN (width / page_width, height / page_height));

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  return check_cairo (cairo_status (cr), error);
}

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page_nr,
                    PopplerDocument   *document)
{
  g_autoptr(GError) error = NULL;

  if (!draw_for_printing (document, page_nr, gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                          &error))
    g_warning ("Page %d: %s", page_nr + 1, error->message);
}

static void
print_done_cb (RifqPdfView             *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkRoot *root;

  /* An error can be both returned by gtk_print_operation_run() and signalled: told once. */
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR || g_object_get_data (G_OBJECT (operation), "rifq-reported"))
    return;
  g_object_set_data (G_OBJECT (operation), "rifq-reported", GINT_TO_POINTER (TRUE));

  gtk_print_operation_get_error (operation, &error);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Document Could Not Be Printed"),
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RifqPdfView *self = RIFQ_PDF_VIEW (widget);

  rifq_pdf_view_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RifqPdfView *self = RIFQ_PDF_VIEW (widget);

  rifq_pdf_view_set_page (self, self->page + 1);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RifqPdfView *self = RIFQ_PDF_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 0.001)
      {
        rifq_pdf_view_set_zoom (self, zoom_steps[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RifqPdfView *self = RIFQ_PDF_VIEW (widget);

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom - 0.001)
      {
        rifq_pdf_view_set_zoom (self, zoom_steps[i - 1]);
        return;
      }
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  rifq_pdf_view_set_zoom (RIFQ_PDF_VIEW (widget), 1.0);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  rifq_pdf_view_print (RIFQ_PDF_VIEW (widget), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
rifq_pdf_view_unmap (GtkWidget *widget)
{
  RifqPdfView *self = RIFQ_PDF_VIEW (widget);

  /* Nothing will be painted now: the first page is ready, which is what the load waits for. */
  finish_shown (self, NULL);
  GTK_WIDGET_CLASS (rifq_pdf_view_parent_class)->unmap (widget);
}

static void
rifq_pdf_view_dispose (GObject *object)
{
  RifqPdfView *self = (RifqPdfView *)object;
  GtkWidget *child;

  stop_work (self);
  g_clear_pointer (&self->pages, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RIFQ_TYPE_PDF_VIEW);
  /* The template's outer box has no name, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  G_OBJECT_CLASS (rifq_pdf_view_parent_class)->dispose (object);
}

static void
rifq_pdf_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RifqPdfView *self = RIFQ_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_int (value, rifq_pdf_view_get_n_pages (self));
      break;

    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_pdf_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RifqPdfView *self = RIFQ_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      rifq_pdf_view_set_page (self, g_value_get_int (value));
      break;

    case PROP_ZOOM:
      rifq_pdf_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_FIT_WIDTH:
      rifq_pdf_view_set_fit_width (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_pdf_view_class_init (RifqPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rifq_pdf_view_dispose;
  object_class->get_property = rifq_pdf_view_get_property;
  object_class->set_property = rifq_pdf_view_set_property;
  widget_class->unmap = rifq_pdf_view_unmap;

  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruhamaa/Rifq/ui/rifq-pdf-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RifqPdfView, page_label);
  gtk_widget_class_bind_template_child (widget_class, RifqPdfView, stack);
  gtk_widget_class_bind_template_child (widget_class, RifqPdfView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RifqPdfView, pages_box);
  gtk_widget_class_bind_template_child (widget_class, RifqPdfView, error_page);

  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_property_action (widget_class, "pdf.fit-width", "fit-width");
  gtk_widget_class_install_action (widget_class, "pdf.print", NULL, print_action);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *triggers,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers),
                                                          gtk_named_action_new (action_name)));
}

static void
rifq_pdf_view_init (RifqPdfView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
  self->zoom = 1.0;
  self->pending_page = -1;

  /* Captured: the scrolled window would otherwise take Page Up and Page Down for itself. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>plus|<Control>equal|<Control>KP_Add", "pdf.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>minus|<Control>KP_Subtract", "pdf.zoom-out");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>0|<Control>KP_0", "pdf.zoom-reset");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Page_Up|KP_Page_Up", "pdf.previous-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Page_Down|KP_Page_Down", "pdf.next-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>p", "pdf.print");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scrolled_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  update_page_label (self);
  update_actions (self);
}

RifqPdfView *
rifq_pdf_view_new (void)
{
  return g_object_new (RIFQ_TYPE_PDF_VIEW, NULL);
}

void
rifq_pdf_view_load_async (RifqPdfView         *self,
                          GBytes              *pdf,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *worker;
  RenderJob *job;
  GtkAdjustment *hadjustment;
  gboolean had_pages;

  g_return_if_fail (RIFQ_IS_PDF_VIEW (self));
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rifq_pdf_view_load_async);

  stop_work (self);
  self->generation++;
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_bytes_ref (pdf);
  had_pages = self->pages->len > 0;
  clear_pages (self);
  self->pending_page = -1;
  self->page = 0;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  update_page_label (self);
  update_actions (self);
  if (had_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  job = render_job_new (self, target_scale (self));
  g_array_append_val (job->pages, (int) { 0 });
  g_set_object (&job->caller, cancellable);
  job->zoom = self->zoom;
  job->scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  hadjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  if (self->fit_width)
    job->fit_pixels = gtk_adjustment_get_page_size (hadjustment) - 2 * PAGE_MARGIN;

  self->load_cancellable = g_cancellable_new ();
  worker = g_task_new (NULL, self->load_cancellable, document_loaded_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, rifq_pdf_view_load_async);
  g_task_set_task_data (worker, job, render_job_free);
  g_task_run_in_thread (worker, load_thread);
  g_object_unref (worker);
}

gboolean
rifq_pdf_view_load_finish (RifqPdfView   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (RIFQ_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rifq_pdf_view_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

int
rifq_pdf_view_get_n_pages (RifqPdfView *self)
{
  g_return_val_if_fail (RIFQ_IS_PDF_VIEW (self), 0);
  return self->pages->len;
}

void
rifq_pdf_view_set_page (RifqPdfView *self,
                        int          page)
{
  g_return_if_fail (RIFQ_IS_PDF_VIEW (self));

  if (self->pages->len == 0)
    return;
  page = CLAMP (page, 0, (int) self->pages->len - 1);
  set_shown_page (self, page);

  /* The gap above the page shows too: it reads as the page's top edge. */
  self->pending_page = page;
  self->pending_fraction = 0;
  self->pending_offset = -PAGE_SPACING;
  self->pending_explicit = TRUE;
  scroll_to_pending (self);
  queue_render (self, FALSE);
}

void
rifq_pdf_view_set_zoom (RifqPdfView *self,
                        double       zoom)
{
  g_return_if_fail (RIFQ_IS_PDF_VIEW (self));

  rifq_pdf_view_set_fit_width (self, FALSE);
  apply_zoom (self, zoom);
}

void
rifq_pdf_view_set_fit_width (RifqPdfView *self,
                             gboolean     fit_width)
{
  g_return_if_fail (RIFQ_IS_PDF_VIEW (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;
  self->fit_width = fit_width;
  if (fit_width && self->pages->len > 0)
    apply_zoom (self, fit_width_zoom (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

GtkPrintOperation *
rifq_pdf_view_new_print_operation (RifqPdfView  *self,
                                   GError      **error)
{
  GtkPrintOperation *operation;
  PopplerDocument *document;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RIFQ_IS_PDF_VIEW (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->pdf == NULL || self->pages->len == 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("A page of the document could not be drawn."));
      return NULL;
    }

  /* The print operation's own document: poppler objects stay with the thread that made them. */
  if ((document = open_document (self->pdf, error)) == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if ((title = poppler_document_get_title (document)) != NULL && *title != '\0')
    gtk_print_operation_set_job_name (operation, title);

  g_signal_connect (operation, "request-page-setup", G_CALLBACK (print_request_page_setup_cb), document);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (print_draw_page_cb), document,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  return operation;
}

void
rifq_pdf_view_print (RifqPdfView *self,
                     GtkWindow   *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RIFQ_IS_PDF_VIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (self->pdf == NULL || self->pages->len == 0)
    return;
  if ((operation = rifq_pdf_view_new_print_operation (self, &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    print_done_cb (self, GTK_PRINT_OPERATION_RESULT_ERROR, operation);
}
