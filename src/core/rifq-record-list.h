/* rifq-record-list.h
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rifq-db.h"

G_BEGIN_DECLS

/* A list of records that stays current: it asks the store for its records again whenever a
 * write changes a kind of record it shows, and tells its view only about the rows that
 * changed. The records are GObjects with an int64 "id" property; a row changed when one of the
 * properties it shows changed. */

#define RIFQ_TYPE_RECORD_LIST (rifq_record_list_get_type ())
G_DECLARE_FINAL_TYPE (RifqRecordList, rifq_record_list, RIFQ, RECORD_LIST, GObject)

/* The records, in the order shown; a new array of GObjects, or NULL with error. */
typedef GPtrArray *(*RifqRecordQuery) (RifqDb   *db,
                                       gpointer  user_data,
                                       GError  **error);

/* kinds: the kinds of record whose changes may change the list ("request", "meeting"…);
 * shown: the properties its rows show. Reads the records at once. */
RifqRecordList *rifq_record_list_new       (RifqDb              *db,
                                            const char * const  *kinds,
                                            const char * const  *shown,
                                            RifqRecordQuery      query,
                                            gpointer             user_data,
                                            GDestroyNotify       destroy);

/* Reads the records again now; FALSE with error (and no rows) on failure. */
gboolean        rifq_record_list_refresh   (RifqRecordList      *self,
                                            GError             **error);

/* The same, every row made again: when what rows show depends on more than the records (the day,
 * the digits chosen in Preferences), as when a page is shown again. */
gboolean        rifq_record_list_reload    (RifqRecordList      *self,
                                            GError             **error);

/* The last failure to read the records, or NULL; the list is then empty. */
const GError   *rifq_record_list_get_error (RifqRecordList      *self);

/* The position of the record with this id, or -1. */
int             rifq_record_list_find      (RifqRecordList      *self,
                                            gint64               id);

G_END_DECLS
