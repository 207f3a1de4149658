/* rifq-packet-pdf.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rifq-db.h"

G_BEGIN_DECLS

/* The meeting packet: a cover (the meeting, its members, its agenda), the contents, then every
 * case on the agenda as its sealed request. Gathered from the database on the calling thread
 * (rifq_packet_new), drawn without touching the database (rifq_packet_write), so the drawing
 * can run in a worker thread. */
typedef struct _RifqPacket RifqPacket;

typedef void (*RifqPacketProgress) (guint    done,
                                    guint    total,
                                    gpointer user_data);

RifqPacket *rifq_packet_new        (RifqDb  *db,
                                    gint64   meeting_id,
                                    GError **error);
guint       rifq_packet_get_n_cases (RifqPacket *packet);
void        rifq_packet_free       (RifqPacket *packet);

/* Writes the PDF; progress is called after each case (from the thread writing). Cancelled, it
 * stops with G_IO_ERROR_CANCELLED and leaves no file. */
gboolean    rifq_packet_write      (RifqPacket         *packet,
                                    const char         *path,
                                    RifqPacketProgress  progress,
                                    gpointer            user_data,
                                    GCancellable       *cancellable,
                                    GError            **error);

/* What the packet's Keywords hold ahead of base64 (rifq_packet_case_seals ()). */
#define RIFQ_PACKET_PDF_CASES_PREFIX "rifq-packet:"

/* Each case's number and the text of its seal (null for a case printed unsealed), as JSON. */
char       *rifq_packet_case_seals (RifqPacket *packet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqPacket, rifq_packet_free)

G_END_DECLS
