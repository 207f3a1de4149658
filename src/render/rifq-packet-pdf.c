/* rifq-packet-pdf.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-packet-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <math.h>

#include "rifq-arabic.h"
#include "rifq-calendar.h"
#include "rifq-committee.h"
#include "rifq-json.h"
#include "rifq-locale.h"
#include "rifq-packet-pdf.h"
#include "rifq-pdf.h"
#include "rifq-request-sheet.h"
#include "rifq-request-store.h"
#include "rifq-seal.h"

#define MARGIN 48.0
#define TOC_ROWS_PER_PAGE 34
#define TOC_ROW_HEIGHT 19.0
#define TOC_SIZE 11.5
#define TOC_NUMBER_WIDTH 40.0
#define TOC_LEADER_MIN 40.0    /* the least room an entry leaves for its dots */
#define TOC_LEADER_GAP 6.0     /* between the dots and the text at either end */
#define TOC_LEADER_STEP 4.5

struct _RifqPacket
{
  char      *association;
  char      *title;
  char      *meeting_line;
  GPtrArray *members;   /* char *, "name — chair" */
  GPtrArray *cases;     /* RifqSheetBuild */
  GPtrArray *toc;       /* char *, "number — name — kind" */
  RifqDigits digits;
  RifqSealSigner *signer;  /* seals the packet's file */
};

void
rifq_packet_free (RifqPacket *packet)
{
  if (packet == NULL)
    return;
  g_free (packet->association);
  g_free (packet->title);
  g_free (packet->meeting_line);
  g_ptr_array_unref (packet->members);
  g_ptr_array_unref (packet->cases);
  g_ptr_array_unref (packet->toc);
  g_clear_pointer (&packet->signer, rifq_seal_signer_free);
  g_free (packet);
}

guint
rifq_packet_get_n_cases (RifqPacket *packet)
{
  return packet->cases->len;
}

RifqPacket *
rifq_packet_new (RifqDb  *db,
                 gint64   meeting_id,
                 GError **error)
{
  g_autoptr(RifqPacket) packet = g_new0 (RifqPacket, 1);
  g_autoptr(RifqMeeting) meeting = rifq_committee_meeting_get (db, meeting_id, error);
  g_autofree char *day = NULL;

  packet->members = g_ptr_array_new_with_free_func (g_free);
  packet->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) rifq_sheet_build_free);
  packet->toc = g_ptr_array_new_with_free_func (g_free);
  if (meeting == NULL)
    return NULL;

  packet->signer = rifq_seal_signer_new (db, error);
  if (packet->signer == NULL)
    return NULL;
  packet->digits = rifq_calendar_interface_digits ();
  packet->association = rifq_db_get_setting (db, rifq_locale_is_arabic () ? "association_name_ar"
                                                                          : "association_name_en");
  packet->title = g_strdup (_("Research Committee Meeting Packet"));
  day = rifq_calendar_format_iso_both (meeting->held_on, packet->digits);
  if (meeting->place != NULL)
    {
      g_autofree char *place = rifq_pdf_isolate_value (meeting->place);
      g_autofree char *line = g_strdup_printf ("%s — %s", day, place);

      packet->meeting_line = rifq_pdf_digits (line, packet->digits);
    }
  else
    packet->meeting_line = g_strdup (day);
  for (guint i = 0; i < meeting->members->len; i++)
    {
      RifqMember *member = g_ptr_array_index (meeting->members, i);
      g_autofree char *name = rifq_pdf_isolate_value (member->full_name);

      g_ptr_array_add (packet->members, member->chair ? g_strdup_printf (_("%s — chair"), name)
                                                      : g_steal_pointer (&name));
    }
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      gint64 id = g_array_index (meeting->agenda, gint64, i);
      RifqSheetBuild *build = rifq_sheet_build_new (db, id, error);
      const RifqRequestSheet *sheet;
      g_autofree char *name = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *entry = NULL;

      if (build == NULL)
        return NULL;
      g_ptr_array_add (packet->cases, build);
      /* The sheet's first rows are the beneficiary's name and the kind of support. */
      sheet = rifq_sheet_build_get (build);
      name = rifq_pdf_isolate_value (sheet->beneficiary[0].value);
      kind = rifq_pdf_isolate_value (sheet->support[0].value);
      entry = g_strdup_printf ("\u2066%s\u2069 — %s — %s", sheet->request_number, name, kind);
      g_ptr_array_add (packet->toc, rifq_pdf_digits (entry, packet->digits));
    }
  return g_steal_pointer (&packet);
}

static char *
shown_number (RifqPacket *packet,
              int         n)
{
  g_autofree char *latin = g_strdup_printf ("%d", n);

  return packet->digits == RIFQ_DIGITS_ARABIC ? rifq_arabic_indic_digits (latin) : g_strdup (latin);
}

static void
draw_cover (RifqPacket *packet,
            cairo_t    *cr)
{
  double width = RIFQ_PDF_A4_WIDTH - 2 * MARGIN;
  double y = MARGIN;
  gboolean rtl = rifq_pdf_rtl ();
  g_autofree char *count = shown_number (packet, (int) packet->cases->len);
  g_autofree char *agenda = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s case on the agenda",
                                                          "%s cases on the agenda", packet->cases->len), count);

  y += rifq_pdf_draw_text (cr, packet->association, 15, TRUE, rtl, MARGIN, y, width) + 40;
  y += rifq_pdf_draw_text (cr, packet->title, 26, TRUE, rtl, MARGIN, y, width) + 10;
  y += rifq_pdf_draw_text (cr, packet->meeting_line, 14, FALSE, rtl, MARGIN, y, width) + 6;
  y += rifq_pdf_draw_text (cr, agenda, 14, FALSE, rtl, MARGIN, y, width) + 30;
  y += rifq_pdf_draw_text (cr, _("Members of the committee"), 15, TRUE, rtl, MARGIN, y, width) + 8;
  for (guint i = 0; i < packet->members->len; i++)
    y += rifq_pdf_draw_text (cr, g_ptr_array_index (packet->members, i), 13, FALSE, rtl, MARGIN + 12, y,
                             width - 12) + 4;
  cairo_show_page (cr);
}

static int
toc_pages (RifqPacket *packet)
{
  return MAX (1, ((int) packet->toc->len + TOC_ROWS_PER_PAGE - 1) / TOC_ROWS_PER_PAGE);
}

static PangoLayout *
toc_layout (cairo_t        *cr,
            const char     *text,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = rifq_pdf_layout_new (cr, NULL, TOC_SIZE, FALSE, rifq_pdf_rtl (), width);

  pango_layout_set_alignment (layout, alignment);
  /* One line an entry: a name too long for the row ends in an ellipsis. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A row of the contents: the case from the reading edge, its page number at the far edge, and
 * dots on the baseline between them, clear of both. Dots stand on one grid down the page. */
static void
draw_toc_row (cairo_t    *cr,
              const char *entry,
              const char *number,
              double      y)
{
  double width = RIFQ_PDF_A4_WIDTH - 2 * MARGIN;
  g_autoptr(PangoLayout) entry_layout = toc_layout (cr, entry, width - TOC_NUMBER_WIDTH - TOC_LEADER_MIN,
                                                    rifq_pdf_align_start ());
  g_autoptr(PangoLayout) number_layout = toc_layout (cr, number, TOC_NUMBER_WIDTH, rifq_pdf_align_end ());
  double baseline = y + (double) pango_layout_get_baseline (entry_layout) / PANGO_SCALE;
  double leader_from = MARGIN + rifq_pdf_layout_natural_width (number_layout) + TOC_LEADER_GAP;
  double leader_to = MARGIN + width - rifq_pdf_layout_natural_width (entry_layout) - TOC_LEADER_GAP;

  cairo_move_to (cr, MARGIN + width - pango_layout_get_width (entry_layout) / (double) PANGO_SCALE, y);
  rifq_pdf_show_layout (cr, entry_layout);
  cairo_move_to (cr, MARGIN, y);
  rifq_pdf_show_layout (cr, number_layout);

  rifq_pdf_set_colour (cr, &rifq_pdf_muted);
  for (double x = MARGIN + TOC_LEADER_STEP * ceil ((leader_from - MARGIN) / TOC_LEADER_STEP);
       x <= leader_to; x += TOC_LEADER_STEP)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, baseline - 0.6, 0.55, 0, 2 * G_PI);
    }
  cairo_fill (cr);
  rifq_pdf_set_colour (cr, &rifq_pdf_ink);
}

static void
draw_toc (RifqPacket *packet,
          cairo_t    *cr,
          const int  *first_pages)
{
  double width = RIFQ_PDF_A4_WIDTH - 2 * MARGIN;

  for (int page = 0; page < toc_pages (packet); page++)
    {
      double y = MARGIN;

      y += rifq_pdf_draw_text (cr, page == 0 ? _("Contents") : _("Contents (continued)"), 18, TRUE, rifq_pdf_rtl (),
                               MARGIN, y, width) + 14;
      for (guint i = page * TOC_ROWS_PER_PAGE; i < packet->toc->len && i < (guint) (page + 1) * TOC_ROWS_PER_PAGE; i++)
        {
          g_autofree char *number = shown_number (packet, first_pages[i]);

          draw_toc_row (cr, g_ptr_array_index (packet->toc, i), number, y);
          y += TOC_ROW_HEIGHT;
        }
      cairo_show_page (cr);
    }
}

gboolean
rifq_packet_write (RifqPacket         *packet,
                   const char         *path,
                   RifqPacketProgress  progress,
                   gpointer            user_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree int *first_pages = g_new0 (int, MAX (packet->cases->len, 1));
  g_autoptr(GPtrArray) recorded = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int page, total;

  surface = rifq_pdf_document_new (bytes, packet->title, packet->association);
  {
    /* Each case's seal, for the verifier to name every case (rifq_seal_verify_pdf). */
    g_autofree char *cases = rifq_packet_case_seals (packet);
    g_autofree char *encoded = g_base64_encode ((const guchar *) cases, strlen (cases));
    g_autofree char *keywords = g_strconcat (RIFQ_PACKET_PDF_CASES_PREFIX, encoded, NULL);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  }
  cr = cairo_create (surface);

  /* Every case laid out once, each page recorded: their lengths give the contents' numbers. */
  recorded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  page = 1 + toc_pages (packet) + 1;
  for (guint i = 0; i < packet->cases->len; i++)
    {
      GPtrArray *pages;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return FALSE;
        }
      pages = rifq_request_pdf_record (cr, rifq_sheet_build_get (g_ptr_array_index (packet->cases, i)));
      g_ptr_array_add (recorded, pages);
      first_pages[i] = page;
      page += (int) pages->len;
      if (progress != NULL)
        progress (i + 1, packet->cases->len, user_data);
    }
  total = page - 1;

  cairo_save (cr);
  rifq_pdf_mirror_page (cr);
  draw_cover (packet, cr);
  draw_toc (packet, cr, first_pages);
  cairo_restore (cr);
  for (guint i = 0; i < packet->cases->len; i++)
    {
      GPtrArray *pages = g_ptr_array_index (recorded, i);
      const RifqRequestSheet *sheet = rifq_sheet_build_get (g_ptr_array_index (packet->cases, i));

      for (guint p = 0; p < pages->len; p++)
        {
          cairo_set_source_surface (cr, g_ptr_array_index (pages, p), 0, 0);
          cairo_paint (cr);
          rifq_request_pdf_draw_footer (cr, sheet, first_pages[i] + (int) p, total);
          cairo_show_page (cr);
        }
    }
  cairo_destroy (cr);
  g_clear_pointer (&recorded, g_ptr_array_unref);
  rifq_pdf_layout_shared_clear ();
  return rifq_pdf_document_save_sealed (surface, bytes, rifq_pdf_seal_with_signer, packet->signer, path,
                                        _("The packet could not be drawn: "), _("The packet could not be saved: "),
                                        error);
}

char *
rifq_packet_case_seals (RifqPacket *packet)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < packet->cases->len; i++)
    {
      const RifqRequestSheet *sheet = rifq_sheet_build_get (g_ptr_array_index (packet->cases, i));

      json_builder_begin_object (builder);
      rifq_json_add_string (builder, "number", sheet->request_number);
      rifq_json_add_string (builder, "seal", sheet->seal.payload);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return rifq_json_to_text (root);
}
