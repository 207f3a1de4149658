/* rifq-admin.h: what the commands of rifq-admin share
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rifq-beneficiary.h"
#include "rifq-db.h"

/* Exit statuses: a script can tell refused input from a mistake in the command, and both from
 * a database another program kept busy (worth trying again). */
enum {
  EXIT_OK = 0,
  EXIT_REFUSED = 1,
  EXIT_USAGE = 2,
  EXIT_BUSY = 3,
};

typedef struct
{
  char     *database;
  char     *format;
  char     *admin;
  gint64    limit;
  gint64    offset;
  char     *allow_duplicate;
  gint64    beneficiaries;
  gint64    requests;
  gint64    seed;
  /* request create */
  char     *beneficiary;
  char     *kind;
  char     *channel;
  char     *description;
  gint64    amount;
  /* request advance, document, sign */
  char     *text;
  char     *state;
  char     *number;
  char     *issued;
  char     *expires;
  gboolean  matched;
  char     *signature;
  char     *signer;
  char     *signer_name;
  char     *relation;
  char     *mark;
  char     *officer_name;
  char     *visit_on;
  char     *findings;
  char     *household;
  char     *recommendation;
  gint64    quantity;
  char     *delivered_on;
  char     *delivered_by;
  char     *place;
  char     *notes;
  char     *override;
  char     *roles;
  char     *full_name;
  /* committee */
  char     *on;
  char     *city;
  gboolean  overdue;
  char     *output;
  /* verify */
  char     *key;
  char     *fingerprint;
  gboolean  force;
  /* migrate */
  char     *from;
  char     *to;
  /* backup */
  gint64    keep;
  gboolean  encrypt;
} Options;

extern Options opts;

int       refuse       (GError *error);
int       usage        (const char *message);
int       usage_printf (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

/* A command on the database: opened as --database says, once the person logged in, refused when
 * it cannot be. */
typedef int (*DbCommand) (RifqDb  *db,
                          char   **args,
                          guint    n);

/* backup, restore (rifq-admin-backup.c) */
int       cmd_backup   (char      **args,
                        guint       n);
int       cmd_restore  (const char *file);
/* Logs the person in to db: user name and password from RIFQ_USER and RIFQ_PASSWORD, or typed
 * at the terminal (rifq-admin-account.c). A new database, or one from before accounts, is sent
 * to rifq-admin init --admin USER. */
gboolean  log_in       (RifqDb     *db,
                        GError    **error);
/* The user name and password, as log_in reads them; the password to be wiped (Secret). */
gboolean  read_credentials (char   **out_username,
                            char   **out_password,
                            GError **error);
int       cmd_init     (void);
int       cmd_password (RifqDb     *db,
                        char      **args,
                        guint       n);
int       cmd_staff_password (RifqDb     *db,
                              const char *username);

/* A secret (a password, a passphrase) whose bytes are wiped before they are freed. */
typedef char Secret;
void      secret_free  (char *secret);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Secret, secret_free)
/* A line typed at the terminal, not shown; NULL when there is no terminal. */
char     *read_hidden  (const char *prompt);
/* The secret in the environment variable, or typed after prompt (and again after again_prompt
 * when that is not NULL); refused naming label when neither can be had, or the two differ. */
char     *read_secret  (const char  *variable,
                        const char  *prompt,
                        const char  *again_prompt,
                        const char  *label,
                        GError     **error);

int       with_db      (DbCommand   command,
                        char      **args,
                        guint       n);
gboolean  table_format (void);
RifqDb   *open_db      (GError **error);
void      print_json   (JsonNode *node);
/* Prints what builder built, as print_json. */
void      print_built  (JsonBuilder *builder);
/* One item of a table as its cells, one a column (NULL for none). */
typedef void (*TableRow) (gpointer   item,
                          char     **cells);

void      print_table  (const char * const *headers,
                        guint               n_columns,
                        GPtrArray          *items,
                        TableRow            row);
typedef JsonNode *(*RecordToJson) (gpointer record);

void      print_records (GPtrArray          *records,
                         const char * const *headers,
                         guint               n_columns,
                         TableRow            row,
                         RecordToJson        to_json);
gboolean  read_input   (const char  *file,
                        char       **out_data,
                        gsize       *out_length,
                        GError     **error);
gboolean  read_number  (const char  *text,
                        const char  *label,
                        gint64       max,
                        gint64      *out_value,
                        GError     **error);
RifqBeneficiary *find_beneficiary (RifqDb      *db,
                                   const char  *key,
                                   const char  *label,
                                   GError     **error);
gboolean  check_output (const char  *path,
                        GError     **error);

/* rifq-admin-request.c */
int       cmd_request  (RifqDb  *db,
                        char   **args,
                        guint    n);
int       cmd_staff    (RifqDb  *db,
                        char   **args,
                        guint    n);

/* rifq-admin-committee.c */
int       cmd_committee (RifqDb  *db,
                         char   **args,
                         guint    n);
int       cmd_verify    (const char *file);
int       cmd_seal      (RifqDb  *db,
                         char   **args,
                         guint    n);
int       cmd_pdf       (RifqDb  *db,
                         char   **args,
                         guint    n);
