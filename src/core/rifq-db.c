/* rifq-db.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <gmodule.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "rifq-core-resources.h"
#include "rifq-db-private.h"
#include "rifq-engine.h"
#include "rifq-error.h"
#include "rifq-validate.h"


typedef struct
{
  char     *action;
  char     *record_kind;
  gint64    record_id;
  char     *before;
  char     *after;
  char     *reason;
} AuditEntry;

struct _RifqDbWrite
{
  GPtrArray *entries;
  gint64     last_id;   /* of the audit entries appended, once appended */
  char      *last_hash; /* and its hash */
  gint64     count;     /* the log's entries with them, as the anchor counts them */
};

struct _RifqDb
{
  GObject     parent_instance;

  /* owned */
  const RifqEngine *engine;
  RifqConnection   *conn;
  GHashTable       *statements;   /* SQL text → RifqStatement */
  char             *path;       /* the location as shown: no password */
  char             *location;   /* as given, to connect again (with the person logged in, on a server) */
  char             *address;    /* as given, before anyone logged in; NULL for the same as location */
  gboolean          watch_wanted;  /* rifq_db_watch_others asked before anyone logged in */
  char             *actor;
  char             *today;    /* a stopped clock's day, or NULL */

  /* the audit log's key, from its file in the key folder; unset when this workstation lacks it */
  char       *chain_key_id;
  guchar     *chain_key;    /* sodium_malloc, RIFQ_DB_CHAIN_KEY_BYTES */
  char       *chain_key_problem;
  gint64      legacy_last_id;  /* entries up to this one were written before the key, unkeyed */

  /* state */
  int         schema_version;
  gboolean    inspecting;   /* opened read only: rifq_db_open_existing () */
  gboolean    in_write;
  gboolean    in_snapshot;  /* _rifq_db_begin_snapshot () */
  /* The settings read during the write in progress: read once each, under the write lock */
  GHashTable *write_settings;
  /* The actor's roles (RifqRole) read during the write in progress, under its lock; -1 unread */
  int         write_roles;
  /* An action refused to the actor inside the write in progress: kept in the audit once the
   * write is rolled back ("permission" then "roles"). */
  GStrv       refused;

  /* other workstations' writes, once watched */
  RifqConnection *watch;
  GSource        *watch_source;
  GSource        *retry_source;   /* while the server is away */
  gboolean        offline;
  gint64          seen_audit_id;   /* every entry up to it has been announced */
  GArray         *own_audit_ids;   /* first and last id of each write of this connection's since */
};

#define RIFQ_DB_CHAIN_KEY_BYTES 32
/* How often a workstation asks whether the server is back. */
#define RETRY_SECONDS           3
#define ANCHOR_COPY_SIZE        256

/* Where the audit chain ends: the anchor and the log's last entry. */
#define CHAIN_END_SQL \
  "SELECT a.entries, a.last_id, a.last_hash, a.key_id, a.mac, l.id, l.hash" \
  " FROM (SELECT 1 AS one) o" \
  " LEFT JOIN audit_anchor a ON a.id = 1" \
  " LEFT JOIN (SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1) l" \
  " ON o.one = 1"

G_DEFINE_FINAL_TYPE (RifqDb, rifq_db, G_TYPE_OBJECT)

static gboolean connected (RifqDb  *self,
                           GError **error);
static void     stop_watch (RifqDb *self);

enum {
  RECORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void     watch_connection_lost (RifqDb *self);
static const RifqEngine *server_engine (GError **error);
static gboolean start_watch           (RifqDb  *self,
                                       GError **error);

static void
audit_entry_free (gpointer data)
{
  AuditEntry *entry = data;

  g_free (entry->action);
  g_free (entry->record_kind);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->reason);
  g_free (entry);
}

static void
statement_free (gpointer data)
{
  RifqStatement *stmt = data;

  stmt->engine->finalize (stmt->native);
  g_free (stmt);
}

static void
rifq_db_finalize (GObject *object)
{
  RifqDb *self = (RifqDb *)object;

  if (self->watch_source != NULL)
    {
      g_source_destroy (self->watch_source);
      g_source_unref (self->watch_source);
    }
  if (self->retry_source != NULL)
    {
      g_source_destroy (self->retry_source);
      g_source_unref (self->retry_source);
    }
  if (self->watch != NULL)
    self->engine->close (self->watch);
  g_clear_pointer (&self->own_audit_ids, g_array_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->conn != NULL)
    self->engine->close (self->conn);
  g_free (self->path);
  if (self->location != NULL)
    sodium_memzero (self->location, strlen (self->location));
  g_free (self->location);
  g_free (self->address);
  g_strfreev (self->refused);
  g_free (self->actor);
  g_free (self->today);
  g_free (self->chain_key_id);
  g_free (self->chain_key_problem);
  if (self->chain_key != NULL)
    sodium_free (self->chain_key);

  G_OBJECT_CLASS (rifq_db_parent_class)->finalize (object);
}

static void
rifq_db_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_OFFLINE:
      g_value_set_boolean (value, RIFQ_DB (object)->offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rifq_db_class_init (RifqDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rifq_db_finalize;
  G_OBJECT_CLASS (klass)->get_property = rifq_db_get_property;

  /**
   * RifqDb:offline:
   *
   * The association's server cannot be reached: nothing can be read or written until it is
   * back. A store that follows other workstations tries again by itself every few seconds.
   */
  properties[PROP_OFFLINE] = g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  /**
   * RifqDb::records-changed:
   * @kind: the kind of record, as in the audit log ("beneficiary", "request", "meeting"…)
   * @ids: (element-type gint64): the ids of the records of that kind the write changed
   *
   * Emitted once a write is committed, once per kind of record it changed, so that lists
   * update the rows that changed.
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ARRAY);
}

static void
rifq_db_init (RifqDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            statement_free);
  /* Nobody, until someone logs in (rifq_account_login). */
  self->actor = NULL;
}

char *
rifq_db_default_path (void)
{
  const char *env = g_getenv ("RIFQ_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "rifq", "rifq.db", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gboolean
migrate (RifqDb  *self,
         GError **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  gboolean upgraded = FALSE;

  if (!connected (self, error))
    return FALSE;
  names = g_resource_enumerate_children (rifq_core_get_resource (), self->engine->migrations, 0, error);
  if (names == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      int number = (int) g_ascii_strtoll (names[i], NULL, 10);

      if (number > self->schema_version)
        g_ptr_array_add (pending, names[i]);
    }
  g_ptr_array_sort (pending, compare_names);

  for (guint i = 0; i < pending->len; i++)
    {
      const char *name = g_ptr_array_index (pending, i);
      g_autofree char *resource = g_strconcat (self->engine->migrations, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      int number = (int) g_ascii_strtoll (name, NULL, 10);

      bytes = g_resource_lookup_data (rifq_core_get_resource (), resource, 0, error);
      if (bytes == NULL)
        return FALSE;

      /* Each migration with its version bump is one transaction: all or nothing. */
      if (!self->engine->begin_write (self->conn, error))
        return FALSE;
      /* Another workstation opening the same new server may have got there first. */
      {
        int now = 0;

        if (!self->engine->read_schema_version (self->conn, &now, error))
          {
            rifq_db_exec (self, "ROLLBACK", NULL);
            return FALSE;
          }
        if (now >= number)
          {
            if (!rifq_db_exec (self, "COMMIT", error))
              return FALSE;
            self->schema_version = now;
            continue;
          }
      }
      if (!rifq_db_exec (self, g_bytes_get_data (bytes, NULL), error) ||
          !self->engine->set_schema_version (self->conn, number, error))
        {
          rifq_db_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (!rifq_db_exec (self, "COMMIT", error))
        return FALSE;
      upgraded |= self->schema_version > 0;
      self->schema_version = number;
    }

  /* A database with records brought up to date: the engine plans by its new tables (on the
   * server, the search's word table is read from its index alone from the first search). */
  if (upgraded)
    rifq_db_refresh_statistics (self);
  return TRUE;
}

/* The key folder */

static gboolean write_private (const char  *path,
                               const char  *text,
                               gboolean     durable,
                               GError     **error);

gboolean
rifq_db_start_crypto (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The cryptography library could not start."));
      return FALSE;
    }
  return TRUE;
}

char *
rifq_db_key_dir (void)
{
  const char *dir = g_getenv ("RIFQ_KEY_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_config_dir (), "rifq", "keys", NULL);
}

char *
rifq_db_key_path (const char *key_id,
                  const char *suffix)
{
  g_autofree char *dir = rifq_db_key_dir ();
  g_autofree char *name = g_strconcat (key_id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
rifq_db_write_private_file (const char   *path,
                            const char   *text,
                            GError      **error)
{
  return write_private (path, text, TRUE, error);
}

/* Written in one go (a new file renamed over the old); durable waits for the disk. The new
 * file's name is its writer's own: two writers at once (two connections of one program, the
 * window and rifq-admin) each rename a whole file of theirs, the later one staying. */
static gboolean
write_private (const char  *path,
               const char  *text,
               gboolean     durable,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  gsize length = strlen (text);
  gboolean ok;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The key folder “%s” cannot be made: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  ok = fd >= 0 && write (fd, text, length) == (gssize) length && (!durable || fsync (fd) == 0);
  if (fd >= 0)
    close (fd);
  if (!ok || g_rename (temp, path) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        g_unlink (temp);
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The key cannot be written to “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
rifq_db_read_private_file (const char  *path,
                           char       **out_text,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  GStatBuf folder;

  if (g_lstat (path, &st) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("There is no key at “%s”."), path);
      return FALSE;
    }
  if (S_ISLNK (st.st_mode) || !S_ISREG (st.st_mode))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The key “%s” is not a file of its own (a link, a pipe or a device): a key is refused unless it "
                     "is."), path);
      return FALSE;
    }
  if (g_stat (dir, &folder) != 0 || (folder.st_mode & 022) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The key folder “%s” can be changed by others: make it its owner’s alone (chmod 700)."), dir);
      return FALSE;
    }
  if ((st.st_mode & 077) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The key “%s” can be read by others: make it readable by its owner only (chmod 600)."), path);
      return FALSE;
    }
  return g_file_get_contents (path, out_text, NULL, error);
}

/* The audit key: made with the database, kept in the key folder, named in the database. */

#define CHAIN_KEY_PREFIX "RIFQ-AUDIT-KEY "

char *
rifq_hex (const guchar *data,
          gsize         length)
{
  char *text = g_malloc (length * 2 + 1);

  return sodium_bin2hex (text, length * 2 + 1, data, length);
}

/* HMAC-SHA256 of text under the audit key, hex. */
static char *
chain_mac (const guchar *key,
           const char   *text)
{
  g_autoptr(GHmac) mac = g_hmac_new (G_CHECKSUM_SHA256, key, RIFQ_DB_CHAIN_KEY_BYTES);

  g_hmac_update (mac, (const guchar *) text, -1);
  return g_strdup (g_hmac_get_string (mac));
}

static char *
chain_key_mac (const guchar *key,
               const char   *key_id,
               gint64        legacy_last_id)
{
  g_autofree char *text = g_strdup_printf ("rifq-chain-key:%s:%" G_GINT64_FORMAT, key_id, legacy_last_id);

  return chain_mac (key, text);
}

/* The audit key from its file, checked against the key's row (whose boundary it keys). */
static gboolean
load_chain_key (RifqDb     *self,
                const char *key_id,
                gint64      legacy_last_id,
                const char *row_mac)
{
  g_autofree char *path = rifq_db_key_path (key_id, ".audit-key");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *key = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  guchar digest[crypto_hash_sha256_BYTES];
  gsize length = 0;

  g_clear_pointer (&self->chain_key_problem, g_free);
  if (!rifq_db_read_private_file (path, &text, &error))
    {
      self->chain_key_problem = g_strdup_printf (_("This workstation does not hold the key of this database’s audit "
                                                   "log (%s): it should be in “%s”. %s"), key_id, path,
                                                 error->message);
      return FALSE;
    }
  g_strchomp (text);
  if (g_str_has_prefix (text, CHAIN_KEY_PREFIX))
    key = g_base64_decode (text + strlen (CHAIN_KEY_PREFIX), &length);
  if (length == RIFQ_DB_CHAIN_KEY_BYTES)
    {
      crypto_hash_sha256 (digest, key, length);
      id = rifq_hex (digest, 8);
    }
  sodium_memzero (text, strlen (text));
  if (id == NULL || !g_str_equal (id, key_id))
    {
      if (key != NULL)
        sodium_memzero (key, length);
      self->chain_key_problem = g_strdup_printf (_("The audit log’s key “%s” is damaged or belongs to another "
                                                   "database."), path);
      return FALSE;
    }
  expected = chain_key_mac (key, key_id, legacy_last_id);
  if (g_strcmp0 (expected, row_mac) != 0)
    {
      sodium_memzero (key, length);
      self->chain_key_problem = g_strdup (_("The record of the audit log’s key was changed behind Rifq’s back: the "
                                            "log cannot be trusted, and nothing is written."));
      return FALSE;
    }
  if (self->chain_key == NULL)
    self->chain_key = sodium_malloc (RIFQ_DB_CHAIN_KEY_BYTES);
  memcpy (self->chain_key, key, RIFQ_DB_CHAIN_KEY_BYTES);
  sodium_memzero (key, length);
  g_free (self->chain_key_id);
  self->chain_key_id = g_strdup (key_id);
  self->legacy_last_id = legacy_last_id;
  return TRUE;
}

static gboolean
read_chain_key_row (RifqDb  *self,
                    GError **error)
{
  RifqStatement *stmt = rifq_db_prepare (self, "SELECT key_id, legacy_last_id, mac FROM chain_key"
                                              " ORDER BY created_at DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = rifq_statement_step (stmt);
  if (rc == RIFQ_STEP_ROW)
    load_chain_key (self, rifq_statement_get_text (stmt, 0), rifq_statement_get_int64 (stmt, 1),
                    rifq_statement_get_text (stmt, 2));
  rifq_statement_reset (stmt);
  return rc == RIFQ_STEP_ROW;
}

static gboolean write_anchor (RifqDb      *self,
                              gint64       entries,
                              gint64       last_id,
                              const char  *last_hash,
                              GError     **error);
static void     save_anchor_copy (RifqDb *self);
static void     remember_first_sight (RifqDb *self);

/* A database without an audit key gets one, before its first write. Entries already there
 * (a database from before schema 6) stay as they were written, and the anchor counts them. */
static gboolean
ensure_chain_key (RifqDb  *self,
                  GError **error)
{
  RifqStatement *stmt;
  g_autofree char *key_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *mac = NULL;
  g_autofree char *last_hash = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  guchar key[RIFQ_DB_CHAIN_KEY_BYTES];
  guchar digest[crypto_hash_sha256_BYTES];
  gint64 last_id = 0;
  gint64 entries = 0;
  int rc;

  if (!rifq_db_start_crypto (error))
    return FALSE;
  if (read_chain_key_row (self, error))
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;
  if (!self->engine->begin_write (self->conn, error))
    return FALSE;
  if (read_chain_key_row (self, NULL))
    {
      /* Another process made one first: use theirs. */
      rifq_db_exec (self, "ROLLBACK", NULL);
      return TRUE;
    }

  stmt = rifq_db_prepare (self, "SELECT id, hash, (SELECT count(*) FROM audit) FROM audit ORDER BY id DESC LIMIT 1",
                          error);
  if (stmt == NULL)
    {
      rifq_db_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      last_id = rifq_statement_get_int64 (stmt, 0);
      last_hash = rifq_statement_dup_text (stmt, 1);
      entries = rifq_statement_get_int64 (stmt, 2);
    }
  rifq_statement_reset (stmt);

  randombytes_buf (key, sizeof key);
  crypto_hash_sha256 (digest, key, sizeof key);
  key_id = rifq_hex (digest, 8);
  mac = chain_key_mac (key, key_id, last_id);
  {
    g_autofree char *encoded = g_base64_encode (key, sizeof key);

    text = g_strconcat (CHAIN_KEY_PREFIX, encoded, "\n", NULL);
    sodium_memzero (encoded, strlen (encoded));
  }
  sodium_memzero (key, sizeof key);
  path = rifq_db_key_path (key_id, ".audit-key");
  if (!rifq_db_write_private_file (path, text, error))
    {
      rifq_db_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  sodium_memzero (text, strlen (text));

  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format_iso8601 (now);
  stmt = rifq_db_query (self, "INSERT INTO chain_key (key_id, created_at, legacy_last_id, mac) VALUES (?, ?, ?, ?)",
                        RIFQ_PARAMS (RIFQ_TEXT (key_id), RIFQ_TEXT (stamp), RIFQ_INT (last_id), RIFQ_TEXT (mac)),
                        error);
  if (stmt == NULL)
    {
      rifq_db_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  rc = rifq_statement_step (stmt);
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE || !load_chain_key (self, key_id, last_id, mac)
      || (last_id > 0 && !write_anchor (self, entries, last_id, last_hash, error)))
    {
      if (rc != RIFQ_STEP_DONE)
        rifq_db_fail (self, error);
      rifq_db_exec (self, "ROLLBACK", NULL);
      g_unlink (path);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, self->chain_key_problem);
      return FALSE;
    }
  /* On a server the INSERT's answer comes with the COMMIT's: a refusal there undoes both. */
  if (!rifq_db_exec (self, "COMMIT", error))
    {
      rifq_db_exec (self, "ROLLBACK", NULL);
      g_unlink (path);
      return FALSE;
    }
  save_anchor_copy (self);
  return TRUE;
}

gboolean
rifq_db_is_server_location (const char *location)
{
  const char *p = location;

  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* keyword=value, as libpq reads a connection string */
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  return *p == '=';
}

gboolean
rifq_db_check_server (const char  *location,
                      GError     **error)
{
  g_autoptr(RifqDb) db = NULL;

  g_return_val_if_fail (location != NULL, FALSE);

  if (!rifq_db_is_server_location (location))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                           _("Server address: give a postgresql:// address or a service, such as “service=rifq”."));
      return FALSE;
    }
  /* What is remembered holds no secret: the password lives in ~/.pgpass. */
  {
    const RifqEngine *engine = server_engine (error);
    g_autofree char *shown = NULL;

    if (engine == NULL)
      return FALSE;
    shown = engine->display (location);
    if (!g_str_equal (shown, location))
      {
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                             _("Server address: leave the password out of it. Rifq stores no password; keep it in "
                               "~/.pgpass on this computer."));
        return FALSE;
      }
  }
  db = rifq_db_open_existing (location, error);
  return db != NULL;
}

/* The server's engine, from its module, loaded once: NULL with the reason when it cannot be. */
static const RifqEngine *
server_engine (GError **error)
{
  static GMutex lock;
  static const RifqEngine *engine;
  static char *problem;
  const RifqEngine *found;

  g_mutex_lock (&lock);
  if (engine == NULL && problem == NULL)
    {
      const char *dir = g_getenv ("RIFQ_ENGINE_DIR") != NULL ? g_getenv ("RIFQ_ENGINE_DIR") : ENGINEDIR;
      g_autofree char *path = g_module_build_path (dir, "rifq-engine-postgres");
      GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      gpointer table = NULL;

      if (module != NULL && g_module_symbol (module, "rifq_engine_postgres", &table) && table != NULL)
        {
          /* Kept for the life of the program, as the statements it made are. */
          g_module_make_resident (module);
          engine = table;
        }
      else
        problem = g_strdup_printf (_("This Rifq cannot reach a server: its PostgreSQL engine (%s) could not be "
                                     "loaded: %s"), path, g_module_error ());
    }
  found = engine;
  if (found == NULL)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, problem);
  g_mutex_unlock (&lock);
  return found;
}

const RifqEngine *
rifq_engine_for_location (const char  *location,
                          GError     **error)
{
  return rifq_db_is_server_location (location) ? server_engine (error) : &rifq_engine_sqlite;
}

/* Before anyone logged in to a server that asks who is connecting: nothing is read. */
static gboolean
connected (RifqDb  *self,
           GError **error)
{
  if (self->conn != NULL)
    return TRUE;
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("Nobody has logged in: log in to Rifq first."));
  return FALSE;
}

static RifqDb *
connect (const char    *location,
         RifqOpenMode   mode,
         GError       **error)
{
  g_autoptr(RifqDb) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  self = g_object_new (RIFQ_TYPE_DB, NULL);
  self->engine = rifq_engine_for_location (location, error);
  if (self->engine == NULL)
    return NULL;
  self->path = self->engine->display (location);
  self->location = g_strdup (location);
  self->inspecting = mode == RIFQ_OPEN_INSPECT;
  self->conn = self->engine->open (location, mode, &self->schema_version, &local_error);
  /* A server that asks who is connecting: opened, to be read once someone logs in as
   * themselves (_rifq_db_log_in_as). */
  if (self->conn == NULL && g_error_matches (local_error, RIFQ_ERROR, RIFQ_ERROR_CREDENTIALS))
    return g_steal_pointer (&self);
  if (self->conn == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

RifqDb *
rifq_db_open (const char *path,
              GError    **error)
{
  g_autoptr(RifqDb) self = connect (path, RIFQ_OPEN_CREATE, error);

  if (self != NULL && self->conn == NULL)
    return g_steal_pointer (&self);
  if (self == NULL || !migrate (self, error) || !ensure_chain_key (self, error))
    return NULL;
  if (self->engine != &rifq_engine_sqlite)
    remember_first_sight (self);
  /* Every write reads where the audit chain ends: asked with its lock. */
  if (self->engine->ask_with_begin != NULL)
    self->engine->ask_with_begin (self->conn, CHAIN_END_SQL);
  return g_steal_pointer (&self);
}

char *
_rifq_db_identity (RifqDb *self)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);
  if (self->conn == NULL)
    return g_strdup_printf ("- %s", self->path);
  where = self->engine->identity (self->conn);
  /* Two desks' files at the same path (two laptops, one login) are two databases: each log has
   * a key of its own. */
  return g_strdup_printf ("%s %s", self->chain_key_id != NULL ? self->chain_key_id : "-", where);
}

const char *
_rifq_db_engine_name (RifqDb *self)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);
  return self->engine->name;
}

gboolean
_rifq_db_backup (RifqDb      *self,
                 const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  if (!connected (self, error))
    return FALSE;
  return self->engine->backup (self->conn, self->location, path, error);
}

void
_rifq_db_remember_anchor (RifqDb *self)
{
  g_return_if_fail (RIFQ_IS_DB (self));
  remember_first_sight (self);
}

gboolean
_rifq_db_check_empty (RifqDb  *self,
                      GError **error)
{
  gint64 count;

  /* Records only Rifq's own writes make: the key of the log, the log, people, requests, meetings. */
  if (!rifq_db_query_int (self, "SELECT (SELECT count(*) FROM chain_key) + (SELECT count(*) FROM audit)"
                                " + (SELECT count(*) FROM staff) + (SELECT count(*) FROM beneficiary)"
                                " + (SELECT count(*) FROM request) + (SELECT count(*) FROM meeting)",
                          RIFQ_NO_PARAMS, &count, NULL, error))
    return FALSE;
  if (count > 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("“%s” already holds records (a server set up with “server init” does): a desk is "
                     "copied only into an empty database, such as “build-aux/server --no-init” makes. "
                     "Nothing was written."), self->path);
      return FALSE;
    }
  return TRUE;
}

RifqDb *
_rifq_db_open_empty (const char  *location,
                     GError     **error)
{
  g_autoptr(RifqDb) self = connect (location, RIFQ_OPEN_CREATE, error);

  if (self != NULL && self->conn == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("“%s” asks who is connecting: a desk is copied onto the server by its owner, at the server."),
                   self->path);
      return NULL;
    }
  if (self == NULL || !migrate (self, error) || !_rifq_db_check_empty (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
_rifq_db_begin_snapshot (RifqDb  *self,
                         GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  g_return_val_if_fail (!self->in_snapshot && !self->in_write, FALSE);

  self->in_snapshot = rifq_db_exec (self, self->engine->snapshot_sql, error);
  return self->in_snapshot;
}

void
_rifq_db_end_snapshot (RifqDb *self)
{
  g_return_if_fail (RIFQ_IS_DB (self));
  if (!self->in_snapshot)
    return;
  rifq_db_exec (self, self->engine->snapshot_end_sql, NULL);
  self->in_snapshot = FALSE;
}

gboolean
_rifq_db_in_snapshot (RifqDb *self)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  return self->in_snapshot || self->in_write;
}

gboolean
_rifq_db_transaction (RifqDb      *self,
                      gboolean   (*func) (RifqDb   *db,
                                          gpointer  data,
                                          GError  **error),
                      gpointer     data,
                      GError     **error)
{
  if (!connected (self, error) || !self->engine->begin_write (self->conn, error))
    return FALSE;
  if (!func (self, data, error))
    {
      rifq_db_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!rifq_db_exec (self, "COMMIT", error))
    {
      rifq_db_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
_rifq_db_columns (RifqDb      *self,
                  const char  *table,
                  GPtrArray   *names,
                  GString     *blobs,
                  GError     **error)
{
  RifqStatement *stmt = rifq_db_query (self, self->engine->columns_sql, RIFQ_PARAMS (RIFQ_TEXT (table)), error);
  RifqStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      g_ptr_array_add (names, g_strdup (rifq_statement_get_text (stmt, 0)));
      g_string_append_c (blobs, rifq_statement_get_int64 (stmt, 1) ? '1' : '0');
    }
  rifq_statement_reset (stmt);
  if (step != RIFQ_STEP_DONE)
    return rifq_db_fail (self, error);
  return TRUE;
}

gboolean
_rifq_db_ids_follow (RifqDb      *self,
                     const char  *table,
                     GError     **error)
{
  if (!connected (self, error))
    return FALSE;
  return self->engine->ids_follow == NULL || self->engine->ids_follow (self->conn, table, error);
}

RifqDb *
rifq_db_open_existing (const char *path,
                       GError    **error)
{
  RifqDb *self = connect (path, RIFQ_OPEN_INSPECT, error);

  if (self != NULL && self->conn != NULL && self->schema_version >= 6 && sodium_init () >= 0)
    read_chain_key_row (self, NULL);
  return self;
}

const char *
rifq_db_get_path (RifqDb *self)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);
  return self->path;
}

int
rifq_db_get_schema_version (RifqDb *self)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), 0);
  return self->schema_version;
}

const char *
rifq_db_get_actor (RifqDb *self)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);
  return self->actor;
}

void
rifq_db_set_actor (RifqDb     *self,
                   const char *actor)
{
  g_return_if_fail (RIFQ_IS_DB (self));
  g_return_if_fail (actor == NULL || *actor != '\0');
  g_free (self->actor);
  self->actor = g_strdup (actor);
  self->write_roles = -1;
}

char *
rifq_db_dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

char *
rifq_db_dup_today (RifqDb *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

void
_rifq_db_set_today (RifqDb     *self,
                    const char *day)
{
  g_return_if_fail (RIFQ_IS_DB (self));
  g_free (self->today);
  self->today = g_strdup (day);
}

/* After a failure: whether it was the server going away. */
static void
note_connection (RifqDb *self)
{
  if (self->conn != NULL && self->engine->is_connected != NULL && !self->engine->is_connected (self->conn))
    watch_connection_lost (self);
}

gboolean
rifq_db_fail (RifqDb  *self,
              GError **error)
{
  if (!connected (self, error))
    return FALSE;
  self->engine->fail (self->conn, error);
  note_connection (self);
  return FALSE;
}

gboolean
rifq_db_exec (RifqDb     *self,
              const char *sql,
              GError    **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  if (!connected (self, error))
    return FALSE;
  if (self->engine->exec (self->conn, sql, error))
    return TRUE;
  note_connection (self);
  return FALSE;
}

void
rifq_db_refresh_statistics (RifqDb *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RIFQ_IS_DB (self));

  /* Only the tables' owner may (a member of staff's own role is told so, table by table): the
   * server's autovacuum refreshes them for the others. */
  if (self->address != NULL)
    return;
  if (self->engine->analyze_sql != NULL && !rifq_db_exec (self, self->engine->analyze_sql, &error))
    g_message ("The database's statistics were not refreshed: %s", error->message);
}

void
rifq_db_expect_many_rows (RifqDb *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RIFQ_IS_DB (self));
  g_return_if_fail (self->in_write);

  if (self->engine->many_rows_sql != NULL && !rifq_db_exec (self, self->engine->many_rows_sql, &error))
    g_message ("The engine was not told of a large write: %s", error->message);
}

gboolean
rifq_db_has_table (RifqDb      *self,
                   const char  *name,
                   gboolean    *out_exists,
                   GError     **error)
{
  gint64 count;

  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);

  if (!rifq_db_query_int (self, self->engine->table_exists_sql, RIFQ_PARAMS (RIFQ_TEXT (name)), &count, NULL, error))
    return FALSE;
  *out_exists = count > 0;
  return TRUE;
}

RifqStatement *
rifq_db_prepare (RifqDb     *self,
                 const char *sql,
                 GError    **error)
{
  RifqStatement *stmt;
  gpointer native;

  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      self->engine->reset (stmt->native, TRUE);
      return stmt;
    }

  if (!connected (self, error))
    return NULL;
  native = self->engine->prepare (self->conn, sql, error);
  if (native == NULL)
    return NULL;
  stmt = g_new0 (RifqStatement, 1);
  stmt->engine = self->engine;
  stmt->native = native;
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

GPtrArray *
rifq_db_collect (RifqDb         *self,
                 RifqStatement  *stmt,
                 RifqDbRowFunc   row_func,
                 GDestroyNotify  free_func,
                 GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  RifqStep step;

  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);

  while ((step = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    g_ptr_array_add (items, row_func (stmt));
  if (step != RIFQ_STEP_DONE)
    rifq_db_fail (self, error);
  rifq_statement_reset (stmt);
  if (step != RIFQ_STEP_DONE)
    return NULL;
  return g_steal_pointer (&items);
}

gboolean
rifq_db_run (RifqDb         *self,
             RifqStatement  *stmt,
             GError        **error)
{
  gboolean ok;

  /* A statement that failed to prepare has set error already. */
  if (stmt == NULL)
    return FALSE;
  ok = rifq_statement_step (stmt) == RIFQ_STEP_DONE;
  if (!ok)
    rifq_db_fail (self, error);
  rifq_statement_reset (stmt);
  return ok;
}

RifqStatement *
rifq_db_query (RifqDb           *self,
               const char       *sql,
               const RifqValue  *params,
               guint             n_params,
               GError          **error)
{
  RifqStatement *stmt = rifq_db_prepare (self, sql, error);

  for (guint i = 0; stmt != NULL && i < n_params; i++)
    {
      const RifqValue *value = &params[i];

      switch (value->type)
        {
        case 'i':
          rifq_statement_bind_int64 (stmt, i + 1, value->integer);
          break;
        case 't':
          rifq_statement_bind_text (stmt, i + 1, value->text);
          break;
        case 'b':
          rifq_statement_bind_blob (stmt, i + 1, value->bytes, value->size);
          break;
        default:
          rifq_statement_bind_null (stmt, i + 1);
          break;
        }
    }
  return stmt;
}

RifqStatement *
rifq_db_query_ahead (RifqDb           *self,
                     const char       *sql,
                     const RifqValue  *params,
                     guint             n_params,
                     GError          **error)
{
  RifqStatement *stmt = rifq_db_query (self, sql, params, n_params, error);

  /* A failure to send is told when the query is stepped. */
  if (stmt != NULL && stmt->engine->send != NULL)
    stmt->engine->send (stmt->native);
  return stmt;
}

void
rifq_db_prefetch (RifqDb          *self,
                  const char      *sql,
                  const RifqValue *params,
                  guint            n_params)
{
  g_return_if_fail (RIFQ_IS_DB (self));

  /* Its answer is kept only inside a write, and waits to be read there. */
  if (!self->in_write || self->engine->send == NULL)
    return;
  rifq_db_query_ahead (self, sql, params, n_params, NULL);
}

gboolean
rifq_db_execute (RifqDb           *self,
                 const char       *sql,
                 const RifqValue  *params,
                 guint             n_params,
                 GError          **error)
{
  return rifq_db_run (self, rifq_db_query (self, sql, params, n_params, error), error);
}

gint64
rifq_db_execute_insert (RifqDb           *self,
                        const char       *sql,
                        const RifqValue  *params,
                        guint             n_params,
                        GError          **error)
{
  return rifq_db_insert (self, rifq_db_query (self, sql, params, n_params, error), error);
}

GPtrArray *
rifq_db_query_all (RifqDb           *self,
                   const char       *sql,
                   const RifqValue  *params,
                   guint             n_params,
                   gpointer        (*row_func) (RifqStatement *stmt),
                   GDestroyNotify    free_func,
                   GError          **error)
{
  RifqStatement *stmt = rifq_db_query (self, sql, params, n_params, error);

  return stmt != NULL ? rifq_db_collect (self, stmt, row_func, free_func, error) : NULL;
}

gboolean
rifq_db_query_int (RifqDb           *self,
                   const char       *sql,
                   const RifqValue  *params,
                   guint             n_params,
                   gint64           *out_value,
                   gboolean         *out_found,
                   GError          **error)
{
  RifqStatement *stmt = rifq_db_query (self, sql, params, n_params, error);
  RifqStep step;

  *out_value = 0;
  if (out_found != NULL)
    *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  step = rifq_statement_step (stmt);
  if (step == RIFQ_STEP_ROW)
    {
      *out_value = rifq_statement_get_int64 (stmt, 0);
      if (out_found != NULL)
        *out_found = TRUE;
    }
  else if (step != RIFQ_STEP_DONE)
    rifq_db_fail (self, error);
  rifq_statement_reset (stmt);
  return step != RIFQ_STEP_FAILED;
}

char *
rifq_db_query_text (RifqDb           *self,
                    const char       *sql,
                    const RifqValue  *params,
                    guint             n_params,
                    GError          **error)
{
  RifqStatement *stmt = rifq_db_query (self, sql, params, n_params, error);
  char *text = NULL;
  RifqStep step;

  if (stmt == NULL)
    return NULL;
  step = rifq_statement_step (stmt);
  if (step == RIFQ_STEP_ROW)
    text = rifq_statement_dup_text (stmt, 0);
  else if (step != RIFQ_STEP_DONE)
    rifq_db_fail (self, error);
  rifq_statement_reset (stmt);
  return text;
}

gint64
rifq_db_insert (RifqDb         *self,
                RifqStatement  *stmt,
                GError        **error)
{
  gint64 id = 0;
  RifqStep step;

  if (stmt == NULL)
    return 0;
  /* A row back is the value asked for (RETURNING); otherwise the engine knows the new row's id,
   * which costs less than RETURNING on the audit log's every entry. */
  step = rifq_statement_step (stmt);
  if (step == RIFQ_STEP_ROW)
    id = rifq_statement_get_int64 (stmt, 0);
  else if (step == RIFQ_STEP_DONE)
    id = stmt->engine->last_id (stmt->native);
  else
    rifq_db_fail (self, error);
  /* No number: the INSERT itself failed (on a server, told with the number asked for), or,
   * the engine answering, a row without one. */
  if (step == RIFQ_STEP_DONE && id <= 0 && self->engine->is_connected != NULL)
    rifq_db_fail (self, error);
  else if (step == RIFQ_STEP_DONE && id <= 0)
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                         _("Internal error: a new record was written without its number."));
  rifq_statement_reset (stmt);
  return id;
}

void
rifq_db_write_audit (RifqDbWrite *write,
                     const char  *action,
                     const char  *record_kind,
                     gint64       record_id,
                     JsonNode    *before,
                     JsonNode    *after,
                     const char  *reason)
{
  AuditEntry *entry;

  g_return_if_fail (write != NULL);
  g_return_if_fail (action != NULL && record_kind != NULL);

  entry = g_new0 (AuditEntry, 1);
  entry->action = g_strdup (action);
  entry->record_kind = g_strdup (record_kind);
  entry->record_id = record_id;
  entry->before = before ? json_to_string (before, FALSE) : NULL;
  entry->after = after ? json_to_string (after, FALSE) : NULL;
  entry->reason = reason && *reason ? g_strdup (reason) : NULL;
  g_ptr_array_add (write->entries, entry);
}

gboolean
rifq_db_write_has_entry (RifqDbWrite *write,
                         const char  *action,
                         const char  *record_kind,
                         gint64       record_id)
{
  g_return_val_if_fail (write != NULL, FALSE);

  for (guint i = 0; i < write->entries->len; i++)
    {
      const AuditEntry *e = g_ptr_array_index (write->entries, i);

      if (e->record_id == record_id && g_str_equal (e->action, action) && g_str_equal (e->record_kind, record_kind))
        return TRUE;
    }
  return FALSE;
}

void
rifq_db_write_audit_take (RifqDbWrite *write,
                          const char  *action,
                          const char  *record_kind,
                          gint64       record_id,
                          JsonNode    *before,
                          JsonNode    *after,
                          const char  *reason)
{
  g_autoptr(JsonNode) owned_before = before;
  g_autoptr(JsonNode) owned_after = after;

  rifq_db_write_audit (write, action, record_kind, record_id, owned_before, owned_after, reason);
}

/* The audit key made ready to link entries: HMAC-SHA256's state once the key is taken in, so
 * that checking a million entries does not take the key in a million times. Wiped after use. */
typedef crypto_auth_hmacsha256_state ChainKey;

/* keyed made ready from key, or NULL when there is no key (the log from before schema 6). */
static const ChainKey *
chain_key_prepare (ChainKey     *keyed,
                   const guchar *key)
{
  if (key == NULL)
    return NULL;
  crypto_auth_hmacsha256_init (keyed, key, RIFQ_DB_CHAIN_KEY_BYTES);
  return keyed;
}

static void
chain_key_wipe (ChainKey *keyed)
{
  sodium_memzero (keyed, sizeof *keyed);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChainKey, chain_key_wipe)

/* An entry's link: SHA-256 for entries from before schema 6 (keyed NULL), HMAC-SHA256 under the
 * audit key since. Every part is length-prefixed so that moving text between fields changes the
 * hash. */
static char *
chain_hash (const ChainKey *keyed,
            const char     *prev_hash,
            const char     *at,
            const char     *actor,
            const char     *action,
            const char     *record_kind,
            gint64          record_id,
            const char     *before,
            const char     *after,
            const char     *reason)
{
  g_autoptr(GChecksum) sum = keyed != NULL ? NULL : g_checksum_new (G_CHECKSUM_SHA256);
  crypto_auth_hmacsha256_state mac;
  const char *parts[] = { prev_hash, at, actor, action, record_kind, before, after, reason };
  guchar digest[crypto_auth_hmacsha256_BYTES];
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  char id[32];

  if (keyed != NULL)
    mac = *keyed;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      char len[24];
      const char *texts[3] = { len, parts[i], NULL };

      g_snprintf (len, sizeof len, "%zu:", parts[i] ? strlen (parts[i]) : (gsize) 0);
      if (i == 4)
        {
          g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT ";", record_id);
          texts[2] = id;
        }
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          if (texts[t] == NULL)
            continue;
          if (keyed != NULL)
            crypto_auth_hmacsha256_update (&mac, (const guchar *) texts[t], strlen (texts[t]));
          else
            g_checksum_update (sum, (const guchar *) texts[t], -1);
        }
    }
  if (keyed == NULL)
    return g_strdup (g_checksum_get_string (sum));
  crypto_auth_hmacsha256_final (&mac, digest);
  sodium_memzero (&mac, sizeof mac);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, digest, sizeof digest));
}

/* The anchor's own MAC: how many entries, the last one's id and hash. */
static char *
anchor_mac (const guchar *key,
            gint64        entries,
            gint64        last_id,
            const char   *last_hash)
{
  g_autofree char *text = g_strdup_printf ("rifq-audit-anchor:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                           entries, last_id, last_hash);

  return chain_mac (key, text);
}

typedef struct
{
  gint64  entries;
  gint64  last_id;
  char   *last_hash;
  char   *key_id;
  char   *mac;
} Anchor;

static void
anchor_clear (Anchor *anchor)
{
  g_free (anchor->last_hash);
  g_free (anchor->key_id);
  g_free (anchor->mac);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Anchor, anchor_clear)

/* The anchor's five columns, first in the row. */
static void
anchor_from_row (RifqStatement *stmt,
                 Anchor        *anchor)
{
  anchor->entries = rifq_statement_get_int64 (stmt, 0);
  anchor->last_id = rifq_statement_get_int64 (stmt, 1);
  anchor->last_hash = rifq_statement_dup_text (stmt, 2);
  anchor->key_id = rifq_statement_dup_text (stmt, 3);
  anchor->mac = rifq_statement_dup_text (stmt, 4);
}

/* The anchor row; FALSE (no error) when there is none. */
static gboolean
read_anchor (RifqDb  *self,
             Anchor  *anchor,
             GError **error)
{
  RifqStatement *stmt = rifq_db_prepare (self, "SELECT entries, last_id, last_hash, key_id, mac FROM audit_anchor"
                                              " WHERE id = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = rifq_statement_step (stmt);
  if (rc == RIFQ_STEP_ROW)
    anchor_from_row (stmt, anchor);
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_ROW && rc != RIFQ_STEP_DONE)
    return rifq_db_fail (self, error);
  return rc == RIFQ_STEP_ROW;
}

static gboolean
last_entry (RifqDb  *self,
            gint64  *out_id,
            char   **out_hash,
            gint64  *out_count,
            GError **error)
{
  RifqStatement *stmt = rifq_db_prepare (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = rifq_statement_step (stmt);
  *out_id = rc == RIFQ_STEP_ROW ? rifq_statement_get_int64 (stmt, 0) : 0;
  *out_hash = rc == RIFQ_STEP_ROW ? rifq_statement_dup_text (stmt, 1) : NULL;
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_ROW && rc != RIFQ_STEP_DONE)
    return rifq_db_fail (self, error);
  if (out_count == NULL)
    return TRUE;
  /* Counting the whole log is slow on a large one: only where there is no anchor to count on. */
  stmt = rifq_db_prepare (self, "SELECT count(*) FROM audit", error);
  if (stmt == NULL)
    return FALSE;
  rc = rifq_statement_step (stmt);
  *out_count = rc == RIFQ_STEP_ROW ? rifq_statement_get_int64 (stmt, 0) : 0;
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_ROW)
    return rifq_db_fail (self, error);
  return TRUE;
}

/* Where the chain ends, in one query: the anchor (its mac NULL when there is none) and the
 * log's last entry (0 and NULL when it is empty). */
static gboolean
read_chain_end (RifqDb  *self,
                Anchor  *anchor,
                gint64  *out_last_id,
                char   **out_last_hash,
                GError **error)
{
  RifqStatement *stmt = rifq_db_prepare (self, CHAIN_END_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = rifq_statement_step (stmt);
  if (rc == RIFQ_STEP_ROW)
    {
      anchor_from_row (stmt, anchor);
      *out_last_id = rifq_statement_get_int64 (stmt, 5);
      *out_last_hash = rifq_statement_dup_text (stmt, 6);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_ROW)
    return rifq_db_fail (self, error);
  return TRUE;
}

/* An entry's number for a sentence; a ring of buffers, so that one sentence can hold a few. */
static const char *
count_text (gint64 value)
{
  static _Thread_local char ring[4][24];
  static guint next;
  char *buffer = ring[next++ % G_N_ELEMENTS (ring)];

  g_snprintf (buffer, sizeof ring[0], "%" G_GINT64_FORMAT, value);
  return buffer;
}

/* The copy of the anchor in the key folder. FALSE when there is none (out_present FALSE) or it is
 * damaged or not keyed with this log's key (out_present TRUE). */
/* The anchor's copy in the key folder, one for each database the key's log is in: a desk's
 * file and its copy on the server (or on a laptop) go on separately once copied. */
static char *
anchor_copy_path (RifqDb *self)
{
  g_autofree char *identity = self->engine->identity (self->conn);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity, -1);
  g_autofree char *name = g_strdup_printf ("%s-%.16s", self->chain_key_id, digest);

  return rifq_db_key_path (name, ".audit-anchor");
}

static gboolean
read_anchor_copy (RifqDb   *self,
                  Anchor   *copy,
                  gboolean *out_present)
{
  g_autofree char *path = anchor_copy_path (self);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *expected = NULL;

  *out_present = g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK);
  /* A desk's file from before copies were told apart kept its copy under the key's name alone. */
  if (!*out_present && self->engine == &rifq_engine_sqlite)
    {
      g_free (path);
      path = rifq_db_key_path (self->chain_key_id, ".audit-anchor");
      *out_present = g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK);
    }
  if (!*out_present || !rifq_db_read_private_file (path, &text, &error))
    return FALSE;
  parts = g_strsplit (g_strstrip (text), " ", -1);
  if (g_strv_length (parts) != 4)
    return FALSE;
  copy->entries = g_ascii_strtoll (parts[0], NULL, 10);
  copy->last_id = g_ascii_strtoll (parts[1], NULL, 10);
  copy->last_hash = g_strdup (parts[2]);
  copy->mac = g_strdup (parts[3]);
  expected = anchor_mac (self->chain_key, copy->entries, copy->last_id, copy->last_hash);
  return g_str_equal (expected, copy->mac);
}

/* Whether the log holds a restore, keyed with the log's own key, made knowing of the entries up
 * to last_id: an administrator put the database back from a backup, and every workstation's
 * copy of the log's head follows it rather than calling it an older copy put back. */
static gboolean
restore_acknowledges (RifqDb *self,
                      gint64  last_id)
{
  RifqStatement *stmt;
  gboolean acknowledged = FALSE;

  if (self->chain_key == NULL)
    return FALSE;
  stmt = rifq_db_query (self, "SELECT at, actor, action, record_kind, record_id, before_json, after_json, reason,"
                              " prev_hash, hash FROM audit WHERE action = 'restore' AND record_kind = 'database'"
                              " ORDER BY id DESC LIMIT 1", RIFQ_NO_PARAMS, NULL);
  if (stmt == NULL)
    return FALSE;
  if (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      g_auto(ChainKey) keyed = { 0 };
      g_autofree char *hash = chain_hash (chain_key_prepare (&keyed, self->chain_key), rifq_statement_get_text (stmt, 8),
                                          rifq_statement_get_text (stmt, 0), rifq_statement_get_text (stmt, 1),
                                          rifq_statement_get_text (stmt, 2), rifq_statement_get_text (stmt, 3),
                                          rifq_statement_get_int64 (stmt, 4), rifq_statement_get_text (stmt, 5),
                                          rifq_statement_get_text (stmt, 6), rifq_statement_get_text (stmt, 7));
      g_autoptr(JsonNode) before = json_from_string (rifq_statement_get_text (stmt, 5), NULL);

      acknowledged = g_strcmp0 (hash, rifq_statement_get_text (stmt, 9)) == 0 && before != NULL &&
                     JSON_NODE_HOLDS_OBJECT (before) &&
                     json_object_get_int_member_with_default (json_node_get_object (before), "last_entry", 0) >= last_id;
    }
  rifq_statement_reset (stmt);
  return acknowledged;
}

static gboolean
append_audit (RifqDb      *self,
              RifqDbWrite *write,
              GError     **error)
{
  g_autofree char *prev = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_auto(Anchor) anchor = { 0 };
  g_auto(ChainKey) chain_state = { 0 };
  const ChainKey *keyed;
  gint64 last_id = 0;
  gint64 entries = 0;

  if (self->chain_key == NULL)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                           self->chain_key_problem ? self->chain_key_problem
                                                   : _("This database’s audit log has no key: nothing can be written."));
      return FALSE;
    }
  /* The anchor counts on from itself: entries removed behind Rifq's back stay missing. */
  if (!read_chain_end (self, &anchor, &last_id, &prev, error))
    return FALSE;
  if (anchor.mac != NULL)
    entries = anchor.entries;
  else
    {
      g_clear_pointer (&prev, g_free);
      if (!last_entry (self, &last_id, &prev, &entries, error))
        return FALSE;
    }
  {
    /* An older copy of the database put back is not written to: that would hide it. */
    g_auto(Anchor) copy = { 0 };
    gboolean present;

    if (read_anchor_copy (self, &copy, &present) && (copy.entries > entries || copy.last_id > last_id) &&
        !restore_acknowledges (self, copy.last_id))
      {
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                     _("This database is older than its audit log: entries up to %s were written, this copy ends at "
                       "%s. Nothing is written to it: put the latest copy of the database back."),
                     count_text (copy.last_id), count_text (last_id));
        return FALSE;
      }
  }

  keyed = chain_key_prepare (&chain_state, self->chain_key);
  for (guint i = 0; i < write->entries->len; i++)
    {
      AuditEntry *e = g_ptr_array_index (write->entries, i);
      g_autofree char *hash = NULL;

      hash = chain_hash (keyed, prev, at, self->actor, e->action, e->record_kind, e->record_id,
                         e->before, e->after, e->reason);
      /* Numbered one after the last, on every engine: a sequence would leave the number of a
       * write rolled back unused, and a gap in the log reads as an entry deleted. */
      /* Numbered one after the last, read under the write lock: the INSERT needs no answer,
       * and a server sends it on with the rest of the write. */
      last_id++;
      entries++;
      /* Each with the anchor and the write's notification, where the engine makes them one
       * statement (on the server, the only way a member of staff extends the log). */
      if (self->engine->audit_tail_sql != NULL)
        {
          g_autofree char *mac = anchor_mac (self->chain_key, entries, last_id, hash);

          if (!rifq_db_execute (self, self->engine->audit_tail_sql,
                                RIFQ_PARAMS (RIFQ_INT (last_id), RIFQ_TEXT (at), RIFQ_TEXT (self->actor),
                                             RIFQ_TEXT (e->action), RIFQ_TEXT (e->record_kind), RIFQ_INT (e->record_id),
                                             RIFQ_TEXT (e->before), RIFQ_TEXT (e->after), RIFQ_TEXT (e->reason),
                                             RIFQ_TEXT (prev), RIFQ_TEXT (hash), RIFQ_TEXT (self->chain_key_id),
                                             RIFQ_INT (entries), RIFQ_INT (last_id), RIFQ_TEXT (hash),
                                             RIFQ_TEXT (self->chain_key_id), RIFQ_TEXT (mac)),
                                error))
            return FALSE;
        }
      else if (!rifq_db_execute (self, "INSERT INTO audit (id, at, actor, action, record_kind, record_id,"
                                       " before_json, after_json, reason, prev_hash, hash, key_id)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 RIFQ_PARAMS (RIFQ_INT (last_id), RIFQ_TEXT (at), RIFQ_TEXT (self->actor),
                                              RIFQ_TEXT (e->action), RIFQ_TEXT (e->record_kind),
                                              RIFQ_INT (e->record_id), RIFQ_TEXT (e->before), RIFQ_TEXT (e->after),
                                              RIFQ_TEXT (e->reason), RIFQ_TEXT (prev), RIFQ_TEXT (hash),
                                              RIFQ_TEXT (self->chain_key_id)),
                                 error))
        return FALSE;
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }

  write->last_id = last_id;
  write->count = entries;
  g_free (write->last_hash);
  write->last_hash = g_strdup (prev);
  return self->engine->audit_tail_sql != NULL || write_anchor (self, entries, last_id, prev, error);
}

static gboolean
write_anchor (RifqDb      *self,
              gint64       entries,
              gint64       last_id,
              const char  *last_hash,
              GError     **error)
{
  g_autofree char *mac = anchor_mac (self->chain_key, entries, last_id, last_hash);

  return rifq_db_execute (self, "INSERT INTO audit_anchor (id, entries, last_id, last_hash, key_id, mac)"
                                " VALUES (1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET entries = ?1,"
                                " last_id = ?2, last_hash = ?3, key_id = ?4, mac = ?5",
                          RIFQ_PARAMS (RIFQ_INT (entries), RIFQ_INT (last_id), RIFQ_TEXT (last_hash),
                                       RIFQ_TEXT (self->chain_key_id), RIFQ_TEXT (mac)),
                          error);
}

/* A copy of the anchor in the key folder, written once the write is committed: restoring an older
 * copy of the database leaves it ahead of the log. A crash before it is written leaves it behind,
 * which the check allows. */
static void
copy_anchor (RifqDb       *self,
             const Anchor *anchor)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  path = anchor_copy_path (self);
  text = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %s\n", anchor->entries, anchor->last_id,
                          anchor->last_hash, anchor->mac);
  /* Overwritten in place, in one write of a fixed size within one disk block, and not waited for
   * on the disk: a copy lost in a power cut is a write behind, which is allowed. A new file only
   * the first time. */
  {
    char record[ANCHOR_COPY_SIZE];
    gsize length = strlen (text);
    int fd;

    if (length < sizeof record)
      {
        memset (record, ' ', sizeof record);
        memcpy (record, text, length - 1);
        record[sizeof record - 1] = '\n';
        fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0);
        if (fd >= 0)
          {
            gboolean written = pwrite (fd, record, sizeof record, 0) == (gssize) sizeof record;

            close (fd);
            if (written)
              return;
          }
      }
  }
  if (!write_private (path, text, FALSE, &error))
    g_warning ("The audit anchor could not be copied: %s", error->message);
}

static void
save_anchor_copy (RifqDb *self)
{
  g_auto(Anchor) anchor = { 0 };

  if (self->chain_key_id != NULL && read_anchor (self, &anchor, NULL))
    copy_anchor (self, &anchor);
}

void
_rifq_db_adopt_restored (RifqDb *self,
                         gint64 *out_was_last_id)
{
  g_auto(Anchor) copy = { 0 };
  gboolean present;

  g_return_if_fail (RIFQ_IS_DB (self));
  *out_was_last_id = 0;
  if (self->chain_key == NULL)
    return;
  if (read_anchor_copy (self, &copy, &present))
    *out_was_last_id = copy.last_id;
  save_anchor_copy (self);
}

/* A workstation keeps where the server's log stood when it first saw it, so that an older copy
 * put back on the server is caught here even before this workstation writes. */
static void
remember_first_sight (RifqDb *self)
{
  g_auto(Anchor) copy = { 0 };
  gboolean present;

  if (self->chain_key == NULL)
    return;
  read_anchor_copy (self, &copy, &present);
  if (!present)
    save_anchor_copy (self);
}

/* Tells the lists what a committed write changed: once per kind of record, with its ids in the
 * order they were written, each once. */
static void
announce_changes (RifqDb    *self,
                  GPtrArray *entries)
{
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) seen = NULL;   /* "kind id": an import of many records stays linear */

  /* Nothing to tell when nobody listens (rifq-admin, a write made before any list exists). */
  if (!g_signal_has_handler_pending (self, signals[RECORDS_CHANGED], 0, TRUE))
    return;
  kinds = g_ptr_array_new ();
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      AuditEntry *e = g_ptr_array_index (entries, i);
      GArray *of_kind = g_hash_table_lookup (ids, e->record_kind);

      if (of_kind == NULL)
        {
          of_kind = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (ids, e->record_kind, of_kind);
          g_ptr_array_add (kinds, e->record_kind);
        }
      if (g_hash_table_add (seen, g_strdup_printf ("%s %" G_GINT64_FORMAT, e->record_kind, e->record_id)))
        g_array_append_val (of_kind, e->record_id);
    }
  for (guint i = 0; i < kinds->len; i++)
    g_signal_emit (self, signals[RECORDS_CHANGED], 0, g_ptr_array_index (kinds, i),
                   g_hash_table_lookup (ids, g_ptr_array_index (kinds, i)));
}

/* COMMIT sent, and the connection lost before its answer: whether the server committed is read
 * from the log, in a new session, under the write lock (which the lost session holds until the
 * server has finished with it). The write's last entry there, with its hash, means it did. A
 * server that cannot be reached, once, leaves it not known: the window is not held longer. */
typedef enum
{
  LANDED_NO,
  LANDED_YES,
  LANDED_UNKNOWN,
} Landed;

static Landed
commit_landed (RifqDb      *self,
               RifqDbWrite *write)
{
  gint64 found = 0;
  gboolean read;

  if (self->engine->is_connected == NULL || self->engine->is_connected (self->conn) || write->last_hash == NULL)
    return LANDED_NO;
  rifq_db_exec (self, "ROLLBACK", NULL);
  if (!self->engine->begin_write (self->conn, NULL))
    return LANDED_UNKNOWN;
  read = rifq_db_query_int (self, "SELECT count(*) FROM audit WHERE id = ?1 AND hash = ?2",
                            RIFQ_PARAMS (RIFQ_INT (write->last_id), RIFQ_TEXT (write->last_hash)), &found, NULL, NULL);
  rifq_db_exec (self, "ROLLBACK", NULL);
  if (!read)
    return LANDED_UNKNOWN;
  return found == 1 ? LANDED_YES : LANDED_NO;
}

static gboolean
refusal_cb (RifqDb      *db,
            RifqDbWrite *write,
            gpointer     user_data,
            GError     **error)
{
  const char * const *refused = user_data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "permission");
  json_builder_add_string_value (builder, refused[0]);
  json_builder_set_member_name (builder, "roles");
  json_builder_add_string_value (builder, refused[1]);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  rifq_db_write_audit (write, "refuse", "permission", 0, NULL, node, NULL);
  return TRUE;
}

gboolean
_rifq_db_write_roles (RifqDb *self,
                      int    *out_roles)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);

  if (!self->in_write || self->write_roles < 0)
    return FALSE;
  *out_roles = self->write_roles;
  return TRUE;
}

void
_rifq_db_keep_write_roles (RifqDb *self,
                           int     roles)
{
  g_return_if_fail (RIFQ_IS_DB (self));

  if (self->in_write)
    self->write_roles = roles;
}

void
_rifq_db_record_refusal (RifqDb     *self,
                         const char *permission,
                         const char *roles)
{
  const char *refused[] = { permission, roles, NULL };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RIFQ_IS_DB (self));

  if (self->in_write)
    {
      /* The write is rolled back whole: its refusal is kept after it. */
      g_strfreev (self->refused);
      self->refused = g_strdupv ((GStrv) refused);
      return;
    }
  /* Opened read only (rifq-admin check, a copy's source), it is kept through a connection that
   * may write, when this program's schema needs no migration to. */
  if (self->inspecting)
    {
      g_autoptr(RifqDb) writer = NULL;

      if (self->schema_version == RIFQ_SCHEMA_VERSION)
        writer = rifq_db_open (self->location, &error);
      if (writer != NULL)
        {
          rifq_db_set_actor (writer, self->actor);
          _rifq_db_record_refusal (writer, permission, roles);
        }
      else
        g_message ("The refusal to %s of “%s” is not in the audit log: %s", self->actor, permission,
                   error != NULL ? error->message : "the database is at another schema");
      return;
    }
  /* A workstation that cannot write (no audit key, the server away) refuses all the same. */
  if (!rifq_db_write (self, refusal_cb, refused, &error))
    g_message ("The refusal to %s of “%s” is not in the audit log: %s", self->actor, permission, error->message);
}

gboolean
_rifq_db_audit_writable (RifqDb  *self,
                         GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);

  if (self->chain_key == NULL && self->chain_key_problem != NULL)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED, self->chain_key_problem);
      return FALSE;
    }
  return TRUE;
}

gboolean
_rifq_db_write_through (RifqDb          *self,
                        RifqDbWriteFunc  func,
                        gpointer         user_data,
                        GError         **error)
{
  g_autoptr(RifqDb) writer = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);

  if (!self->inspecting)
    return rifq_db_write (self, func, user_data, error);
  if (self->schema_version != RIFQ_SCHEMA_VERSION)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INCOMPLETE,
                   _("“%s” is at schema %d: bring it up to date with “rifq-admin init” first (schema %d)."),
                   self->path, self->schema_version, RIFQ_SCHEMA_VERSION);
      return FALSE;
    }
  writer = rifq_db_open (self->location, error);
  if (writer == NULL)
    return FALSE;
  rifq_db_set_actor (writer, self->actor);
  return rifq_db_write (writer, func, user_data, error);
}

gboolean
rifq_db_write (RifqDb          *self,
               RifqDbWriteFunc  func,
               gpointer         user_data,
               GError         **error)
{
  RifqDbWrite write;
  gboolean ok;

  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->in_write)
    {
      g_critical ("rifq_db_write() called from inside a write");
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("Internal error: a change was started inside another one and was refused."));
      return FALSE;
    }
  /* Every change is someone's. */
  if (self->actor == NULL || !connected (self, NULL))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("Nobody has logged in: log in to Rifq first."));
      return FALSE;
    }

  if (!self->engine->begin_write (self->conn, error))
    {
      note_connection (self);
      return FALSE;
    }

  self->in_write = TRUE;
  self->write_roles = -1;
  g_clear_pointer (&self->refused, g_strfreev);
  self->write_settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  write.entries = g_ptr_array_new_with_free_func (audit_entry_free);
  write.last_id = 0;
  write.last_hash = NULL;
  write.count = 0;
  ok = func (self, &write, user_data, error);
  self->in_write = FALSE;
  self->write_roles = -1;
  g_clear_pointer (&self->write_settings, g_hash_table_unref);

  if (ok && write.entries->len == 0)
    {
      g_critical ("A write added no audit entry; rolled back");
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("Internal error: a change without an audit record was refused."));
      ok = FALSE;
    }

  ok = ok && append_audit (self, &write, error) &&
       (self->engine->notify_sql == NULL || self->engine->audit_tail_sql != NULL ||
        rifq_db_exec (self, self->engine->notify_sql, error));
  if (ok)
    {
      g_autoptr(GError) commit_error = NULL;

      ok = rifq_db_exec (self, "COMMIT", &commit_error);
      if (!ok)
        {
          Landed landed = commit_landed (self, &write);

          ok = landed == LANDED_YES;
          /* Saying "nothing was saved" could make the person save the same thing twice. */
          if (landed == LANDED_UNKNOWN)
            {
              g_clear_error (&commit_error);
              g_set_error_literal (&commit_error, RIFQ_ERROR, RIFQ_ERROR_OFFLINE,
                                   _("The association’s server stopped answering just as this was being saved, "
                                     "and whether it was saved cannot be known until the server is back. What you "
                                     "typed is kept: once the server is back, look whether it is there before "
                                     "saving again."));
            }
          if (!ok)
            g_propagate_error (error, g_steal_pointer (&commit_error));
        }
    }
  if (!ok)
    {
      g_auto(GStrv) refused = g_steal_pointer (&self->refused);

      rifq_db_exec (self, "ROLLBACK", NULL);
      note_connection (self);
      if (refused != NULL)
        _rifq_db_record_refusal (self, refused[0], refused[1]);
    }
  else
    {
      /* As written, without reading it back. */
      g_autofree char *mac = anchor_mac (self->chain_key, write.count, write.last_id, write.last_hash);
      Anchor written = { .entries = write.count, .last_id = write.last_id, .last_hash = write.last_hash, .mac = mac };
      /* A refusal the write went on after (an action it then did not take) is kept too. */
      g_auto(GStrv) refused = g_steal_pointer (&self->refused);

      copy_anchor (self, &written);
      if (refused != NULL)
        _rifq_db_record_refusal (self, refused[0], refused[1]);
    }

  if (ok && self->own_audit_ids != NULL)
    {
      gint64 range[2] = { write.last_id - (gint64) write.entries->len + 1, write.last_id };

      g_array_append_vals (self->own_audit_ids, range, 2);
    }
  if (ok)
    announce_changes (self, write.entries);
  g_ptr_array_unref (write.entries);
  g_free (write.last_hash);
  return ok;
}

/* Other workstations */

static gboolean
written_here (RifqDb *self,
              gint64  id)
{
  for (guint i = 0; i + 1 < self->own_audit_ids->len; i += 2)
    if (id >= g_array_index (self->own_audit_ids, gint64, i) && id <= g_array_index (self->own_audit_ids, gint64, i + 1))
      return TRUE;
  return FALSE;
}

/* What other workstations committed since the last look, read from the audit log, which names
 * every record each write changed: announced as this connection's own writes are. */
static void
announce_others (RifqDb *self)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (audit_entry_free);
  RifqStatement *stmt;
  gint64 seen = self->seen_audit_id;

  stmt = rifq_db_query (self, "SELECT id, record_kind, record_id FROM audit WHERE id > ?1 ORDER BY id",
                        RIFQ_PARAMS (RIFQ_INT (seen)), NULL);
  if (stmt == NULL)
    return;
  while (rifq_statement_step (stmt) == RIFQ_STEP_ROW)
    {
      gint64 id = rifq_statement_get_int64 (stmt, 0);

      seen = MAX (seen, id);
      if (!written_here (self, id))
        {
          AuditEntry *e = g_new0 (AuditEntry, 1);

          e->record_kind = g_strdup (rifq_statement_get_text (stmt, 1));
          e->record_id = rifq_statement_get_int64 (stmt, 2);
          g_ptr_array_add (entries, e);
        }
    }
  rifq_statement_reset (stmt);

  self->seen_audit_id = seen;
  /* Writes of this connection's up to what was seen need not be told apart any more. */
  while (self->own_audit_ids->len >= 2 && g_array_index (self->own_audit_ids, gint64, 1) <= seen)
    g_array_remove_range (self->own_audit_ids, 0, 2);
  if (entries->len > 0)
    announce_changes (self, entries);
}

static gboolean
watch_ready_cb (gint         fd,
                GIOCondition condition,
                gpointer     user_data)
{
  RifqDb *self = user_data;
  int told = self->engine->watch_read (self->watch);

  if (told < 0)
    {
      g_clear_pointer (&self->watch_source, g_source_unref);
      self->engine->close (self->watch);
      self->watch = NULL;
      /* Only the listening connection went: listen again at once, and catch up. */
      if (self->engine->exec (self->conn, "SELECT 1", NULL) && start_watch (self, NULL))
        announce_others (self);
      else
        watch_connection_lost (self);
      return G_SOURCE_REMOVE;
    }
  if (told > 0)
    announce_others (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
start_watch (RifqDb  *self,
             GError **error)
{
  self->watch = self->engine->watch_open (self->location, error);
  if (self->watch == NULL)
    return FALSE;
  self->watch_source = g_unix_fd_source_new (self->engine->watch_fd (self->watch), G_IO_IN);
  g_source_set_callback (self->watch_source, G_SOURCE_FUNC (watch_ready_cb), self, NULL);
  g_source_set_static_name (self->watch_source, "[rifq] other workstations");
  g_source_attach (self->watch_source, g_main_context_get_thread_default ());
  return TRUE;
}

gboolean
rifq_db_watch_others (RifqDb  *self,
                      GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);

  if (self->engine->watch_open == NULL || self->own_audit_ids != NULL)
    return TRUE;
  /* Once someone has logged in, as they. */
  if (self->conn == NULL)
    {
      self->watch_wanted = TRUE;
      return TRUE;
    }
  /* Listening first: a write committed between the two is then read, not missed. */
  if (!start_watch (self, error))
    return FALSE;
  if (!rifq_db_query_int (self, "SELECT coalesce (max (id), 0) FROM audit", RIFQ_NO_PARAMS, &self->seen_audit_id,
                          NULL, error))
    {
      stop_watch (self);
      return FALSE;
    }
  self->own_audit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return TRUE;
}

gboolean
rifq_db_get_offline (RifqDb *self)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  return self->offline;
}

static void
set_offline (RifqDb   *self,
             gboolean  offline)
{
  if (self->offline == offline)
    return;
  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

/* While the server is away: is it back? Then what the others wrote meanwhile is told. */
static gboolean
retry_cb (gpointer user_data)
{
  RifqDb *self = user_data;

  if (!self->engine->exec (self->conn, "SELECT 1", NULL))
    return G_SOURCE_CONTINUE;
  if (self->watch == NULL && !start_watch (self, NULL))
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->retry_source, g_source_unref);
  set_offline (self, FALSE);
  announce_others (self);
  return G_SOURCE_REMOVE;
}

static void
watch_connection_lost (RifqDb *self)
{
  set_offline (self, TRUE);
  /* Only a store that follows the others (the window) tries again by itself; a command of
   * rifq-admin says so and ends. */
  if (self->own_audit_ids == NULL || self->retry_source != NULL)
    return;
  self->retry_source = g_timeout_source_new_seconds (RETRY_SECONDS);
  g_source_set_callback (self->retry_source, retry_cb, self, NULL);
  g_source_set_static_name (self->retry_source, "[rifq] server away");
  g_source_attach (self->retry_source, g_main_context_get_thread_default ());
}

static gboolean
audit_broken (GError **error,
              char    *message)
{
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, message);
  g_free (message);
  return FALSE;
}

/* The anchor in the database and its copy in the key folder, against the log as read. */
static gboolean
verify_anchor (RifqDb        *self,
               gint64         rows,
               gint64         last_id,
               const char    *last_hash,
               const Anchor  *kept,
               gboolean       copy_valid,
               gboolean       copy_present,
               GError       **error)
{
  g_auto(Anchor) anchor = { 0 };
  const Anchor copy = *kept;
  g_autofree char *expected = NULL;

  if (!read_anchor (self, &anchor, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      /* Only a log never written under its key may have no anchor. */
      if (rows > 0 || copy_present)
        return audit_broken (error, g_strdup (_("The audit log’s anchor is missing: entries were removed or the "
                                                 "anchor deleted behind Rifq’s back.")));
      return TRUE;
    }
  expected = anchor_mac (self->chain_key, anchor.entries, anchor.last_id, anchor.last_hash);
  if (!g_str_equal (expected, anchor.mac))
    return audit_broken (error, g_strdup (_("The audit log’s anchor was changed behind Rifq’s back.")));
  if (anchor.entries > rows || anchor.last_id > last_id)
    return audit_broken (error, g_strdup_printf (_("The audit log ends early: it has %s entries, but %s were "
                                                   "written; entries after %s were deleted."),
                                                 count_text (rows), count_text (anchor.entries), count_text (last_id)));
  if (anchor.entries != rows || anchor.last_id != last_id || g_strcmp0 (anchor.last_hash, last_hash) != 0)
    return audit_broken (error, g_strdup_printf (_("The audit log goes on after its anchor: entry %s and those "
                                                   "after it were added behind Rifq’s back."),
                                                 count_text (anchor.last_id + 1)));

  /* The copy in the key folder may lag a write (a crash between the two), never lead. A
   * workstation that has not yet seen the server's database has none. */
  if (!copy_valid && (copy_present || self->engine == &rifq_engine_sqlite))
    return audit_broken (error, g_strdup (_("The copy of the audit log’s anchor in the key folder is missing or "
                                             "damaged: an older copy of the database put back cannot be ruled out.")));
  if ((copy.entries > rows || copy.last_id > last_id) && !restore_acknowledges (self, copy.last_id))
    return audit_broken (error, g_strdup_printf (_("The database is older than its audit log: entries up to %s were "
                                                   "written, this copy ends at %s. An older copy of the database was "
                                                   "put back."), count_text (copy.last_id), count_text (last_id)));
  return TRUE;
}

/* How many audit entries are checked at a time. */
#define VERIFY_CHUNK 10000

static gboolean verify_chain (RifqDb        *self,
                              const Anchor  *copy,
                              gboolean       copy_valid,
                              gboolean       copy_present,
                              gint64        *out_rows,
                              GError       **error);

gboolean
rifq_db_verify_audit (RifqDb  *self,
                      gint64  *out_rows,
                      GError **error)
{
  g_auto(Anchor) copy = { 0 };
  gboolean copy_present = FALSE;
  gboolean copy_valid;
  gboolean own_snapshot;
  gboolean ok;

  if (!connected (self, error))
    return FALSE;

  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);

  /* The key folder's copy first: it is written after each COMMIT, so the log read after it holds
   * at least what it describes, however others write meanwhile. The log and its anchor are then
   * read in one state. */
  copy_valid = read_anchor_copy (self, &copy, &copy_present);
  own_snapshot = !_rifq_db_in_snapshot (self);
  if (own_snapshot && !_rifq_db_begin_snapshot (self, error))
    return FALSE;
  ok = verify_chain (self, &copy, copy_valid, copy_present, out_rows, error);
  if (own_snapshot)
    _rifq_db_end_snapshot (self);
  return ok;
}

gboolean
_rifq_db_verify_audit_of_copy (RifqDb  *self,
                               gint64  *out_rows,
                               GError **error)
{
  const Anchor none = { 0 };
  gboolean ok;

  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  if (!_rifq_db_begin_snapshot (self, error))
    return FALSE;
  ok = verify_chain (self, &none, TRUE, FALSE, out_rows, error);
  _rifq_db_end_snapshot (self);
  return ok;
}

/* Checking the log is reading it and hashing it: a thread hashes one chunk of entries while the
 * next is read, and the entries are then judged in order, as they were written. */
typedef struct
{
  gint64      id;
  gint64      record_id;
  const char *text[10];   /* at, actor, action, record_kind, before, after, reason, prev_hash, hash, key_id */
  char       *expected;   /* the hash the entry should have, made from its own prev_hash */
} VerifyRow;

enum { V_AT, V_ACTOR, V_ACTION, V_KIND, V_BEFORE, V_AFTER, V_REASON, V_PREV, V_HASH, V_KEY_ID };

typedef struct
{
  GStringChunk *strings;
  GArray       *rows;     /* VerifyRow */
} VerifyChunk;

static void
verify_chunk_free (VerifyChunk *chunk)
{
  for (guint i = 0; i < chunk->rows->len; i++)
    g_free (g_array_index (chunk->rows, VerifyRow, i).expected);
  g_array_unref (chunk->rows);
  g_string_chunk_free (chunk->strings);
  g_free (chunk);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VerifyChunk, verify_chunk_free)

typedef struct
{
  const ChainKey *chain_state;
  GAsyncQueue    *to_hash;   /* VerifyChunk, then the queue itself to stop */
  GAsyncQueue    *hashed;
} VerifyHasher;

static gpointer
verify_hash_thread (gpointer data)
{
  VerifyHasher *hasher = data;

  for (;;)
    {
      gpointer item = g_async_queue_pop (hasher->to_hash);
      VerifyChunk *chunk = item;

      if (item == (gpointer) hasher->to_hash)
        return NULL;
      for (guint i = 0; i < chunk->rows->len; i++)
        {
          VerifyRow *row = &g_array_index (chunk->rows, VerifyRow, i);

          row->expected = chain_hash (row->text[V_KEY_ID] != NULL ? hasher->chain_state : NULL, row->text[V_PREV],
                                      row->text[V_AT], row->text[V_ACTOR], row->text[V_ACTION], row->text[V_KIND],
                                      row->record_id, row->text[V_BEFORE], row->text[V_AFTER], row->text[V_REASON]);
        }
      g_async_queue_push (hasher->hashed, chunk);
    }
}

/* The next chunk of entries after after_id, read into memory (NULL on failure). */
static VerifyChunk *
read_verify_chunk (RifqDb  *self,
                   gint64   after_id,
                   GError **error)
{
  g_autoptr(VerifyChunk) chunk = g_new0 (VerifyChunk, 1);
  RifqStatement *stmt;
  int rc;

  chunk->strings = g_string_chunk_new (1 << 20);
  chunk->rows = g_array_sized_new (FALSE, TRUE, sizeof (VerifyRow), VERIFY_CHUNK);
  stmt = rifq_db_query (self,
                        self->schema_version >= 6
                          ? "SELECT id, at, actor, action, record_kind, record_id, before_json,"
                            " after_json, reason, prev_hash, hash, key_id FROM audit WHERE id > ?1"
                            " ORDER BY id LIMIT ?2"
                          : "SELECT id, at, actor, action, record_kind, record_id, before_json,"
                            " after_json, reason, prev_hash, hash, NULL FROM audit WHERE id > ?1"
                            " ORDER BY id LIMIT ?2",
                        RIFQ_PARAMS (RIFQ_INT (after_id), RIFQ_INT (VERIFY_CHUNK)), error);
  if (stmt == NULL)
    return NULL;
  while ((rc = rifq_statement_step (stmt)) == RIFQ_STEP_ROW)
    {
      static const int columns[] = { 1, 2, 3, 4, 6, 7, 8, 9, 10, 11 };
      VerifyRow row = { 0 };

      row.id = rifq_statement_get_int64 (stmt, 0);
      row.record_id = rifq_statement_get_int64 (stmt, 5);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const char *text = rifq_statement_get_text (stmt, columns[c]);

          row.text[c] = text != NULL ? g_string_chunk_insert (chunk->strings, text) : NULL;
        }
      g_array_append_val (chunk->rows, row);
    }
  rifq_statement_reset (stmt);
  if (rc != RIFQ_STEP_DONE)
    {
      rifq_db_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&chunk);
}

/* What is wrong with the entry row, coming after previous_id whose hash was prev; NULL when it
 * is as it was written. */
static char *
judge_entry (RifqDb          *self,
             const VerifyRow *row,
             gint64           previous_id,
             const char      *prev)
{
  gint64 id = row->id;
  const char *key_id = row->text[V_KEY_ID];

  /* Entries are numbered one after another: a gap is an entry deleted. */
  if (id != previous_id + 1)
    return id - previous_id == 2
             ? g_strdup_printf (_("The audit log is broken: entry %s was deleted."), count_text (previous_id + 1))
             : g_strdup_printf (_("The audit log is broken: entries %s to %s were deleted."),
                                count_text (previous_id + 1), count_text (id - 1));
  if (key_id == NULL && id > self->legacy_last_id)
    return g_strdup_printf (_("The audit log is broken at entry %s: it was added without the log’s key."),
                            count_text (id));
  if (key_id != NULL && id <= self->legacy_last_id)
    return g_strdup_printf (_("The audit log is broken at entry %s: it was changed after it was written."),
                            count_text (id));
  if (key_id != NULL && g_strcmp0 (key_id, self->chain_key_id) != 0)
    return g_strdup_printf (_("The audit log is broken at entry %s: it names a key that is not this log’s."),
                            count_text (id));
  /* Its hash was made from its own prev_hash: that must be the entry before's, and the hash its. */
  if (g_strcmp0 (row->text[V_PREV], prev) != 0 || g_strcmp0 (row->text[V_HASH], row->expected) != 0)
    return g_strdup_printf (_("The audit log is broken at entry %s: it was changed after it was written."),
                            count_text (id));
  return NULL;
}

static gboolean
verify_chain_under (RifqDb         *self,
                    const ChainKey *chain_state,
                    const Anchor   *copy,
                    gboolean        copy_valid,
                    gboolean        copy_present,
                    gint64         *out_rows,
                    GError        **error)
{
  VerifyHasher hasher = { chain_state, g_async_queue_new (), g_async_queue_new () };
  g_autofree char *prev = NULL;
  g_autofree char *message = NULL;
  g_autoptr(VerifyChunk) next = NULL;
  GThread *thread;
  gint64 rows = 0;
  gint64 previous_id = 0;
  guint in_flight = 0;
  gboolean failed = FALSE;
  gboolean more;

  if (self->schema_version >= 6 && self->chain_key == NULL)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                           self->chain_key_problem ? self->chain_key_problem
                                                   : _("This database’s audit log has no key to check it with."));
      g_async_queue_unref (hasher.to_hash);
      g_async_queue_unref (hasher.hashed);
      return FALSE;
    }

  /* Rifq numbers entries from 1: one numbered below was put there by another program, and the
   * walk from 1 up would not meet it. */
  {
    gint64 lowest = 1;

    if (!rifq_db_query_int (self, "SELECT coalesce (min (id), 1) FROM audit", RIFQ_NO_PARAMS, &lowest, NULL, error))
      {
        g_async_queue_unref (hasher.to_hash);
        g_async_queue_unref (hasher.hashed);
        return FALSE;
      }
    if (lowest < 1)
      {
        g_async_queue_unref (hasher.to_hash);
        g_async_queue_unref (hasher.hashed);
        return audit_broken (error, g_strdup_printf (_("The audit log is broken at entry %s: it was added outside "
                                                      "Rifq, numbered before the first."), count_text (lowest)));
      }
  }
  thread = g_thread_new ("rifq-audit-verify", verify_hash_thread, &hasher);
  /* A chunk of entries at a time: a server hands a query's rows over whole. */
  next = read_verify_chunk (self, 0, error);
  failed = next == NULL;
  more = !failed;
  while (more && message == NULL)
    {
      g_autoptr(VerifyChunk) done = NULL;
      gint64 last_read;

      more = next->rows->len == VERIFY_CHUNK;
      last_read = next->rows->len > 0 ? g_array_index (next->rows, VerifyRow, next->rows->len - 1).id : 0;
      g_async_queue_push (hasher.to_hash, g_steal_pointer (&next));
      in_flight++;
      /* The next chunk is read while this one is hashed. */
      if (more)
        {
          next = read_verify_chunk (self, last_read, error);
          if (next == NULL)
            {
              failed = TRUE;
              more = FALSE;
            }
        }
      done = g_async_queue_pop (hasher.hashed);
      in_flight--;
      for (guint i = 0; !failed && message == NULL && i < done->rows->len; i++)
        {
          const VerifyRow *row = &g_array_index (done->rows, VerifyRow, i);

          message = judge_entry (self, row, previous_id, prev);
          if (message != NULL)
            break;
          g_free (prev);
          prev = g_strdup (row->text[V_HASH]);
          previous_id = row->id;
          rows++;
        }
      if (failed)
        more = FALSE;
    }
  while (in_flight-- > 0)
    verify_chunk_free (g_async_queue_pop (hasher.hashed));
  g_async_queue_push (hasher.to_hash, hasher.to_hash);
  g_thread_join (thread);
  g_async_queue_unref (hasher.to_hash);
  g_async_queue_unref (hasher.hashed);

  if (failed)
    return FALSE;
  if (message != NULL)
    return audit_broken (error, g_steal_pointer (&message));
  if (self->schema_version >= 6 &&
      !verify_anchor (self, rows, previous_id, prev, copy, copy_valid, copy_present, error))
    return FALSE;
  if (out_rows != NULL)
    *out_rows = rows;
  return TRUE;
}

static gboolean
verify_chain (RifqDb        *self,
              const Anchor  *copy,
              gboolean       copy_valid,
              gboolean       copy_present,
              gint64        *out_rows,
              GError       **error)
{
  g_auto(ChainKey) chain_state = { 0 };

  /* The key taken in once for the whole log. */
  return verify_chain_under (self, chain_key_prepare (&chain_state, self->chain_key), copy, copy_valid,
                             copy_present, out_rows, error);
}

gboolean
rifq_db_integrity_check (RifqDb  *self,
                         GError **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  if (!connected (self, error))
    return FALSE;
  return self->engine->integrity_check (self->conn, error);
}

char *
rifq_db_get_setting (RifqDb     *self,
                     const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value;

  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);

  /* Inside a write, a setting read once is not read again: nobody else can change it until the
   * write ends, and this write's own change (rifq_db_put_setting) forgets it. */
  if (self->write_settings != NULL && g_hash_table_contains (self->write_settings, key))
    return g_strdup (g_hash_table_lookup (self->write_settings, key));
  value = rifq_db_query_text (self, "SELECT value FROM settings WHERE key = ?1", RIFQ_PARAMS (RIFQ_TEXT (key)), &error);
  if (self->write_settings != NULL && error == NULL)
    g_hash_table_insert (self->write_settings, g_strdup (key), g_strdup (value));
  return value;
}

gboolean
rifq_db_put_setting (RifqDb      *self,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);

  if (self->write_settings != NULL)
    g_hash_table_remove (self->write_settings, key);
  return rifq_db_execute (self, "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                " ON CONFLICT (key) DO UPDATE SET value = ?2",
                          RIFQ_PARAMS (RIFQ_TEXT (key), RIFQ_TEXT (value)), error);
}

gboolean
_rifq_db_needs_server_login (RifqDb *self)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  return self->conn == NULL;
}

gboolean
_rifq_db_server_person (RifqDb *self)
{
  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  return self->address != NULL;
}

static void
stop_watch (RifqDb *self)
{
  if (self->own_audit_ids != NULL)
    self->watch_wanted = TRUE;
  if (self->watch_source != NULL)
    g_source_destroy (self->watch_source);
  g_clear_pointer (&self->watch_source, g_source_unref);
  if (self->retry_source != NULL)
    g_source_destroy (self->retry_source);
  g_clear_pointer (&self->retry_source, g_source_unref);
  if (self->watch != NULL)
    self->engine->close (self->watch);
  self->watch = NULL;
  g_clear_pointer (&self->own_audit_ids, g_array_unref);
  self->offline = FALSE;
}

void
_rifq_db_log_out_server (RifqDb *self)
{
  g_return_if_fail (RIFQ_IS_DB (self));

  if (self->address == NULL)
    return;
  stop_watch (self);
  /* The statements were the connection's. */
  g_hash_table_remove_all (self->statements);
  if (self->conn != NULL)
    self->engine->close (self->conn);
  self->conn = NULL;
  sodium_memzero (self->location, strlen (self->location));
  g_free (self->location);
  self->location = g_steal_pointer (&self->address);
  rifq_db_set_actor (self, NULL);
}

RifqServerLogin *
_rifq_db_server_connect (RifqDb      *self,
                         const char  *username,
                         const char  *password,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RifqServerLogin *login;
  char *location;

  g_return_val_if_fail (RIFQ_IS_DB (self), NULL);

  /* An empty password would let libpq look for one kept in a file. */
  if (self->engine->login_location == NULL || password == NULL || *password == '\0' ||
      !rifq_validate_text (username, RIFQ_TEXT_USER_NAME, _("User name"), NULL))
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("The user name or the password is wrong."));
      return NULL;
    }
  location = self->engine->login_location (self->location, username, password, error);
  if (location == NULL)
    return NULL;
  login = g_new0 (RifqServerLogin, 1);
  login->location = location;
  login->conn = self->engine->open (location, self->inspecting ? RIFQ_OPEN_INSPECT : RIFQ_OPEN_CREATE,
                                    &login->schema, &local_error);
  if (login->conn == NULL)
    {
      _rifq_server_login_free (self, login);
      /* The server says no more than the desk would: the name or the password is wrong. */
      if (g_error_matches (local_error, RIFQ_ERROR, RIFQ_ERROR_CREDENTIALS))
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("The user name or the password is wrong."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return login;
}

void
_rifq_server_login_free (RifqDb          *self,
                         RifqServerLogin *login)
{
  if (login == NULL)
    return;
  if (login->conn != NULL)
    self->engine->close (login->conn);
  if (login->location != NULL)
    sodium_memzero (login->location, strlen (login->location));
  g_free (login->location);
  g_free (login);
}

gboolean
_rifq_db_server_adopt (RifqDb           *self,
                       RifqServerLogin  *login,
                       GError          **error)
{
  g_autofree char *person = NULL;

  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);

  if (self->conn != NULL)
    {
      _rifq_server_login_free (self, login);
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("Someone is logged in already: log out first."));
      return FALSE;
    }
  self->conn = g_steal_pointer (&login->conn);
  self->schema_version = login->schema;
  self->address = g_steal_pointer (&self->location);
  self->location = g_steal_pointer (&login->location);
  _rifq_server_login_free (self, login);

  /* A member of staff changes no schema: the server's administrator brings it up to date. */
  if (self->schema_version < RIFQ_SCHEMA_VERSION && !self->inspecting)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The association’s server is at schema %d, older than this Rifq (schema %d): its "
                     "administrator brings it up to date with “rifq-admin server init” at the server."),
                   self->schema_version, RIFQ_SCHEMA_VERSION);
      _rifq_db_log_out_server (self);
      return FALSE;
    }
  if (self->inspecting)
    {
      if (self->schema_version >= 6 && sodium_init () >= 0)
        read_chain_key_row (self, NULL);
    }
  else if (!ensure_chain_key (self, error))
    {
      _rifq_db_log_out_server (self);
      return FALSE;
    }
  person = rifq_db_query_text (self, "SELECT username FROM staff WHERE username = rifq_person () AND active = 1",
                               RIFQ_NO_PARAMS, error);
  if (person == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("The user name or the password is wrong."));
      _rifq_db_log_out_server (self);
      return FALSE;
    }
  if (!self->inspecting)
    {
      remember_first_sight (self);
      if (self->engine->ask_with_begin != NULL)
        self->engine->ask_with_begin (self->conn, CHAIN_END_SQL);
    }
  rifq_db_set_actor (self, person);
  return TRUE;
}

gboolean
_rifq_db_log_in_as (RifqDb      *self,
                    const char  *username,
                    const char  *password,
                    GError     **error)
{
  RifqServerLogin *login = _rifq_db_server_connect (self, username, password, error);

  return login != NULL && _rifq_db_server_adopt (self, login, error);
}

void
_rifq_db_watch_if_wanted (RifqDb *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RIFQ_IS_DB (self));
  if (self->watch_wanted && self->conn != NULL && !rifq_db_watch_others (self, &error))
    g_warning ("Other workstations' changes will show only when a page is shown again: %s", error->message);
}

gboolean
_rifq_db_set_server_password (RifqDb      *self,
                              const char  *username,
                              const char  *password,
                              const char  *hash,
                              GError     **error)
{
  g_autofree char *verifier = NULL;
  gint64 set;
  gboolean ok;

  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);

  if (self->engine->password_verifier == NULL)
    return TRUE;
  if (!connected (self, error))
    return FALSE;
  verifier = self->engine->password_verifier (self->conn, username, password, error);
  if (verifier == NULL)
    return FALSE;
  ok = rifq_db_query_int (self, "SELECT count(*) FROM rifq_set_password (?1, ?2, ?3)",
                          RIFQ_PARAMS (RIFQ_TEXT (username), RIFQ_TEXT (verifier), RIFQ_TEXT (hash)), &set, NULL,
                          error);
  sodium_memzero (verifier, strlen (verifier));
  return ok;
}

void
_rifq_db_server_password_changed (RifqDb     *self,
                                  const char *password)
{
  char *location;

  g_return_if_fail (RIFQ_IS_DB (self));

  /* Connecting again (the line lost, the watch) as the person with the password they have now. */
  if (self->address == NULL || self->actor == NULL)
    return;
  RifqConnection *fresh;
  int schema = 0;

  location = self->engine->login_location (self->address, self->actor, password, NULL);
  if (location == NULL)
    return;
  sodium_memzero (self->location, strlen (self->location));
  g_free (self->location);
  self->location = location;
  /* The connection itself would be made again (the line lost) with the password it was opened
   * with: one with the new password takes its place now. */
  fresh = self->engine->open (location, self->inspecting ? RIFQ_OPEN_INSPECT : RIFQ_OPEN_CREATE, &schema, NULL);
  if (fresh == NULL)
    return;
  g_hash_table_remove_all (self->statements);
  self->engine->close (self->conn);
  self->conn = fresh;
  if (!self->inspecting && self->engine->ask_with_begin != NULL)
    self->engine->ask_with_begin (self->conn, CHAIN_END_SQL);
}

gboolean
_rifq_db_check_server_password (RifqDb      *self,
                                const char  *username,
                                const char  *password,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *login;
  RifqConnection *conn;
  int schema = 0;

  g_return_val_if_fail (RIFQ_IS_DB (self), FALSE);
  g_return_val_if_fail (self->address != NULL, FALSE);

  if (password == NULL || *password == '\0')
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("Current password: it is not yours."));
      return FALSE;
    }
  login = self->engine->login_location (self->address, username, password, error);
  if (login == NULL)
    return FALSE;
  conn = self->engine->open (login, RIFQ_OPEN_INSPECT, &schema, &local_error);
  sodium_memzero (login, strlen (login));
  g_free (login);
  if (conn != NULL)
    {
      self->engine->close (conn);
      return TRUE;
    }
  if (g_error_matches (local_error, RIFQ_ERROR, RIFQ_ERROR_CREDENTIALS) ||
      g_error_matches (local_error, RIFQ_ERROR, RIFQ_ERROR_LOGIN))
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("Current password: it is not yours."));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
