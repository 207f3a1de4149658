/* rifq-backup.c: backups of the whole database, checked, kept, sealed with a passphrase
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sodium.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rifq-account.h"
#include "rifq-backup.h"
#include "rifq-db-private.h"
#include "rifq-engine.h"
#include "rifq-error.h"
#include "rifq-file.h"
#include "rifq-json.h"
#include "rifq-permission.h"

#define MAGIC          "RIFQ-BACKUP 1\n"
#define SUFFIX         ".rifq-backup"
/* The lines are read from the first few kilobytes: a file that holds no end of them there is
 * not a backup. */
#define HEADER_MAX     8192
/* The sealed copy is written in pieces of this size, each authenticated. */
#define CHUNK          (64 * 1024)
#define KEY_BYTES      crypto_secretstream_xchacha20poly1305_KEYBYTES

void
rifq_backup_info_free (RifqBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->engine);
  g_free (info->taken);
  g_free (info->by);
  g_free (info->database);
  g_free (info->identity);
  g_free (info);
}

/* The file's lines, read and taken apart. */
typedef struct
{
  RifqBackupInfo *info;
  char           *text;       /* the lines as written, authenticated with a sealed copy */
  gsize           text_len;
  guint64         bytes;      /* the engine's copy, before it was sealed */
  char           *sha256;     /* plain copies */
  guint64         opslimit;   /* sealed copies */
  gsize           memlimit;
  guchar          salt[crypto_pwhash_SALTBYTES];
} Header;

static void
header_clear (Header *header)
{
  g_clear_pointer (&header->info, rifq_backup_info_free);
  g_clear_pointer (&header->text, g_free);
  g_clear_pointer (&header->sha256, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Header, header_clear)

static void
set_not_backup (const char  *path,
                GError     **error)
{
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
               _("“%s” is not a Rifq backup (or its first lines were damaged). Nothing was restored."), path);
}

static void
set_damaged (const char  *path,
             GError     **error)
{
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
               _("The backup “%s” is damaged: what it holds is not what was written (its checksum differs). "
                 "Nothing was restored; use another backup."), path);
}

static gboolean
write_all (int           fd,
           const void   *data,
           gsize         len,
           const char   *path,
           GError      **error)
{
  const guchar *p = data;

  while (len > 0)
    {
      gssize n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path, g_strerror (errno));
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Reads exactly len bytes; FALSE at an early end. */
static gboolean
read_exactly (FILE  *in,
              void  *data,
              gsize  len)
{
  return len == 0 || fread (data, 1, len, in) == len;
}

static char *
stamp_now (const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, format);
}

/* The lines for a copy of db of bytes bytes, up to the one that seals or sums them. */
static GString *
header_lines (RifqDb  *db,
              gint64   entries,
              guint64  bytes)
{
  g_autofree char *taken = stamp_now ("%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *shown = g_strdelimit (g_strdup (rifq_db_get_path (db)), "\r\n", ' ');
  g_autofree char *identity = g_strdelimit (_rifq_db_identity (db), "\r\n", ' ');
  GString *text = g_string_new (MAGIC);

  g_string_append_printf (text, "engine %s\n", _rifq_db_engine_name (db));
  g_string_append_printf (text, "schema %d\n", rifq_db_get_schema_version (db));
  g_string_append_printf (text, "taken %s\n", taken);
  g_string_append_printf (text, "by %s\n", rifq_db_get_actor (db));
  g_string_append_printf (text, "audit %" G_GINT64_FORMAT "\n", entries);
  g_string_append_printf (text, "database %s\n", shown);
  g_string_append_printf (text, "identity %s\n", identity);
  g_string_append_printf (text, "bytes %" G_GUINT64_FORMAT "\n", bytes);
  return text;
}

static gboolean
parse_header (FILE        *in,
              const char  *path,
              Header      *header,
              GError     **error)
{
  g_autofree char *buffer = g_malloc0 (HEADER_MAX + 1);
  gsize got = fread (buffer, 1, HEADER_MAX, in);
  const char *end;
  g_auto(GStrv) lines = NULL;

  if (got < strlen (MAGIC) || memcmp (buffer, MAGIC, strlen (MAGIC)) != 0 ||
      (end = g_strstr_len (buffer, (gssize) got, "\n\n")) == NULL)
    {
      set_not_backup (path, error);
      return FALSE;
    }
  header->text_len = (gsize) (end - buffer) + 2;
  header->text = g_strndup (buffer, header->text_len);
  header->info = g_new0 (RifqBackupInfo, 1);
  header->info->schema = -1;
  lines = g_strsplit (header->text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *value = strchr (lines[i], ' ');

      if (value == NULL)
        continue;
      *value++ = '\0';
      /* What a file says is shown on a terminal: no control characters reach it, and a line
       * said twice counts once. */
      for (char *c = value; *c != '\0'; c++)
        if ((guchar) *c < 0x20 || *c == 0x7f)
          *c = '?';
      if (g_str_equal (lines[i], "engine") && header->info->engine == NULL)
        header->info->engine = g_strdup (value);
      else if (g_str_equal (lines[i], "schema") && header->info->schema < 0)
        {
          gint64 schema = g_ascii_strtoll (value, NULL, 10);

          header->info->schema = schema >= 0 && schema <= G_MAXINT ? (int) schema : G_MAXINT;
        }
      else if (g_str_equal (lines[i], "taken") && header->info->taken == NULL)
        header->info->taken = g_strdup (value);
      else if (g_str_equal (lines[i], "by") && header->info->by == NULL)
        header->info->by = g_strdup (value);
      else if (g_str_equal (lines[i], "audit"))
        header->info->audit_entries = g_ascii_strtoll (value, NULL, 10);
      else if (g_str_equal (lines[i], "database") && header->info->database == NULL)
        header->info->database = g_strdup (value);
      else if (g_str_equal (lines[i], "identity") && header->info->identity == NULL)
        header->info->identity = g_strdup (value);
      else if (g_str_equal (lines[i], "bytes"))
        header->bytes = g_ascii_strtoull (value, NULL, 10);
      else if (g_str_equal (lines[i], "sha256") && header->sha256 == NULL)
        header->sha256 = g_strdup (value);
      else if (g_str_equal (lines[i], "sealed") && !header->info->sealed)
        {
          g_auto(GStrv) parts = g_strsplit (value, " ", -1);
          gsize salt_len = 0;

          if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], "argon2id13"))
            continue;
          header->opslimit = g_ascii_strtoull (parts[1], NULL, 10);
          header->memlimit = (gsize) g_ascii_strtoull (parts[2], NULL, 10);
          if (sodium_hex2bin (header->salt, sizeof header->salt, parts[3], strlen (parts[3]), NULL, &salt_len,
                              NULL) == 0 && salt_len == sizeof header->salt)
            header->info->sealed = TRUE;
        }
    }
  if (header->info->engine == NULL || header->info->schema < 0 || header->bytes == 0 ||
      (header->sha256 == NULL && !header->info->sealed) ||
      /* Past what a passphrase is stretched with here: a crafted file would take the memory. */
      (header->info->sealed && (header->opslimit < crypto_pwhash_OPSLIMIT_MIN ||
                                header->opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE ||
                                header->memlimit < crypto_pwhash_MEMLIMIT_MIN ||
                                header->memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)))
    {
      set_not_backup (path, error);
      return FALSE;
    }
  if (fseeko (in, (off_t) header->text_len, SEEK_SET) != 0)
    {
      set_not_backup (path, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
derive_key (guchar       *key,
            const char   *passphrase,
            const guchar *salt,
            guint64       opslimit,
            gsize         memlimit,
            GError      **error)
{
  if (crypto_pwhash (key, KEY_BYTES, passphrase, strlen (passphrase), salt, opslimit, memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                           _("There is not enough memory to read the passphrase’s key."));
      return FALSE;
    }
  return TRUE;
}

/* Whether the file name holds, after prefix, the number of a process that is no longer running:
 * what a backup or restore killed half-way left behind. */
static gboolean
left_by_the_dead (const char *name,
                  const char *prefix)
{
  const char *at = strstr (name, prefix);
  gint64 pid;

  if (at == NULL)
    return FALSE;
  pid = g_ascii_strtoll (at + strlen (prefix), NULL, 10);
  return pid > 0 && pid != getpid () && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/* Removes from folder the plain copies and half-written backups of a Rifq killed mid-way:
 * nothing of a person stays readable in a file no one will look for. */
static guint
remove_stale (const char *folder)
{
  g_autoptr(GDir) dir = folder != NULL ? g_dir_open (folder, 0, NULL) : NULL;
  const char *name;
  guint removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (left_by_the_dead (name, ".rifq-restoring-") || left_by_the_dead (name, SUFFIX ".partial-"))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        removed += g_unlink (path) == 0;
      }
  return removed;
}

/* The same in the private folders this computer's temporary folder holds for Rifq's copies. */
static void
remove_stale_temporary (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "rifq-backup-"))
      {
        g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
        GStatBuf st;

        /* Only a folder that held what a dead one left: another Rifq may have just made its
         * own, still empty. */
        if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode) && st.st_uid == getuid () && remove_stale (path) > 0)
          g_rmdir (path);
      }
}

/* Where the engine's copy is taken out to: beside a desk's database (its folder is private),
 * else in a private folder of its own (removed with it, remove_payload). What an earlier Rifq
 * killed there left is removed first. */
static char *
payload_path_for (const char        *location,
                  const RifqEngine  *engine,
                  GError           **error)
{
  g_autofree char *dir = NULL;

  remove_stale_temporary ();
  if (engine == &rifq_engine_sqlite && location != NULL)
    {
      dir = g_path_get_dirname (location);
      remove_stale (dir);
    }
  else if ((dir = g_dir_make_tmp ("rifq-backup-XXXXXX", error)) == NULL)
    return NULL;
  return g_strdup_printf ("%s/.rifq-restoring-%d-%u", dir, (int) getpid (), g_random_int ());
}

static void
remove_payload (const char *payload,
                const char *location)
{
  g_autofree char *dir = g_path_get_dirname (payload);
  g_autofree char *beside = location != NULL ? g_path_get_dirname (location) : NULL;

  g_unlink (payload);
  if (g_strcmp0 (dir, beside) != 0)
    g_rmdir (dir);
}

/* The engine's copy at payload, written after text to the open file fd: as it is, or sealed. */
static gboolean
write_payload (int          fd,
               const char  *path,
               const char  *text,
               const char  *payload,
               guint64      bytes,
               const guchar *key,
               GError     **error)
{
  g_autofree guchar *plain = g_malloc (CHUNK);
  g_autofree guchar *sealed = g_malloc (CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
  crypto_secretstream_xchacha20poly1305_state state;
  guchar stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  FILE *in = fopen (payload, "rb");
  guint64 left = bytes;
  gboolean first = TRUE;
  gboolean ok = TRUE;

  if (in == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot read “%s”: %s"), payload, g_strerror (errno));
      return FALSE;
    }
  ok = write_all (fd, text, strlen (text), path, error);
  if (ok && key != NULL)
    {
      crypto_secretstream_xchacha20poly1305_init_push (&state, stream_header, key);
      ok = write_all (fd, stream_header, sizeof stream_header, path, error);
    }
  while (ok && left > 0)
    {
      gsize n = (gsize) MIN (left, (guint64) CHUNK);

      if (!read_exactly (in, plain, n))
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot read “%s”: %s"), payload,
                       _("it ended early"));
          ok = FALSE;
          break;
        }
      left -= n;
      if (key != NULL)
        {
          unsigned long long sealed_len = 0;

          /* The lines go with the first piece: changing one of them (the engine, the schema)
           * breaks the seal like a changed byte of the copy. */
          crypto_secretstream_xchacha20poly1305_push (&state, sealed, &sealed_len, plain, n,
                                                      first ? (const guchar *) text : NULL, first ? strlen (text) : 0,
                                                      left == 0 ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
          ok = write_all (fd, sealed, (gsize) sealed_len, path, error);
        }
      else
        ok = write_all (fd, plain, n, path, error);
      first = FALSE;
    }
  sodium_memzero (plain, CHUNK);
  sodium_memzero (&state, sizeof state);
  fclose (in);
  return ok;
}

/* The SHA-256 of prefix (the backup's lines before its checksum's, NULL: none) and the file. */
static char *
file_sha256 (const char  *path,
             const char  *prefix,
             guint64     *out_bytes,
             GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (CHUNK);
  FILE *in = fopen (path, "rb");
  gsize n;

  *out_bytes = 0;
  if (in == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return NULL;
    }
  if (prefix != NULL)
    g_checksum_update (checksum, (const guchar *) prefix, -1);
  while ((n = fread (buffer, 1, CHUNK, in)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      *out_bytes += n;
    }
  fclose (in);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Writes the backup file at path from the engine's copy at payload: to a file of its own beside
 * path, on the disk, then renamed into place, so that no half-written backup bears its name. */
static gboolean
write_backup (RifqDb      *db,
              const char  *path,
              const char  *payload,
              gint64       entries,
              const char  *passphrase,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *partial = g_strdup_printf ("%s.partial-%d-%u", path, (int) getpid (), g_random_int ());
  g_autofree char *sha256 = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) lines = NULL;
  guchar salt[crypto_pwhash_SALTBYTES];
  guchar key[KEY_BYTES];
  guint64 bytes = 0;
  gboolean ok;
  int fd;

  remove_stale (dir);
  /* Its size first, then its lines; then what seals or sums them with the copy. */
  {
    GStatBuf st;

    /* Its size from the file system: the copy is read once, when it is summed or sealed. */
    if (g_stat (payload, &st) != 0 || !S_ISREG (st.st_mode))
      {
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot read “%s”: %s"), payload, g_strerror (errno));
        return FALSE;
      }
    bytes = (guint64) st.st_size;
  }
  lines = header_lines (db, entries, bytes);
  if (passphrase != NULL)
    {
      g_autofree char *hex = NULL;

      randombytes_buf (salt, sizeof salt);
      if (!derive_key (key, passphrase, salt, crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE, error))
        return FALSE;
      hex = rifq_hex (salt, crypto_pwhash_SALTBYTES);
      g_string_append_printf (lines, "sealed argon2id13 %llu %zu %s\n", (unsigned long long) crypto_pwhash_OPSLIMIT_MODERATE,
                              (size_t) crypto_pwhash_MEMLIMIT_MODERATE, hex);
    }
  else
    {
      /* The lines are summed with the copy: who took it, when, of what, cannot be changed
       * unseen either. */
      sha256 = file_sha256 (payload, lines->str, &bytes, error);
      if (sha256 == NULL)
        return FALSE;
      g_string_append_printf (lines, "sha256 %s\n", sha256);
    }
  g_string_append_c (lines, '\n');
  text = g_string_free (g_steal_pointer (&lines), FALSE);

  /* A file of its own, never one found there (nor where a link found there points). */
  fd = g_open (partial, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      sodium_memzero (key, sizeof key);
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  ok = write_payload (fd, path, text, payload, bytes, passphrase != NULL ? key : NULL, error);
  sodium_memzero (key, sizeof key);
  if (ok && fsync (fd) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path, g_strerror (errno));
      ok = FALSE;
    }
  close (fd);
  /* Given its name only if nothing has taken it meanwhile: a hard link is refused when the name
   * exists; a disk that has none (a FAT memory stick) is asked first, then renamed onto. */
  if (ok && link (partial, path) != 0)
    {
      int why = errno;

      if (why == EEXIST || ((why == EPERM || why == ENOTSUP || why == ENOSYS) &&
                            (g_file_test (path, G_FILE_TEST_EXISTS) || g_rename (partial, path) != 0)))
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                       _("“%s” already exists: a backup is written to a new file. Nothing was written."), path);
          ok = FALSE;
        }
      else if (why != EPERM && why != ENOTSUP && why != ENOSYS)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path, g_strerror (why));
          ok = FALSE;
        }
    }
  g_unlink (partial);
  /* The name itself on the disk before the backup is said to be written. */
  if (ok)
    {
      int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

      if (dir_fd >= 0)
        {
          fsync (dir_fd);
          close (dir_fd);
        }
    }
  return ok;
}

static gboolean
audit_backup_cb (RifqDb      *db,
                 RifqDbWrite *write,
                 gpointer     user_data,
                 GError     **error)
{
  const char *path = user_data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = g_path_get_basename (path);

  json_builder_begin_object (builder);
  rifq_json_add_string (builder, "file", name);
  json_builder_end_object (builder);
  rifq_db_write_audit_take (write, "backup", "database", 0, NULL, json_builder_get_root (builder), NULL);
  return TRUE;
}

/* The backup itself, the actor's permission already asked. checked: the audit log verified
 * first (a backup kept before a restore is taken of whatever is there, verified or not). */
static gboolean
take (RifqDb      *db,
      const char  *path,
      const char  *passphrase,
      gboolean     checked,
      GError     **error)
{
  const char *local = g_str_equal (_rifq_db_engine_name (db), "sqlite") ? rifq_db_get_path (db) : NULL;
  g_autofree char *payload = NULL;
  gint64 entries = 0;
  gboolean ok;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("“%s” already exists: a backup is written to a new file. Nothing was written."), path);
      return FALSE;
    }
  /* Never into the key folder, never over the database or its journals. */
  if (!rifq_file_check_output (path, FALSE, error))
    return FALSE;
  if (passphrase != NULL && (!g_utf8_validate (passphrase, -1, NULL) ||
                             g_utf8_strlen (passphrase, -1) < RIFQ_BACKUP_PASSPHRASE_MIN))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_INVALID,
                   _("Passphrase: use at least %d characters; a copy taken off-site is only as safe as it. "
                     "Nothing was written."), RIFQ_BACKUP_PASSPHRASE_MIN);
      return FALSE;
    }
  /* The log's length as the backup will hold it. */
  if (checked && !rifq_db_verify_audit (db, &entries, error))
    return FALSE;
  if (!checked && !rifq_db_query_int (db, "SELECT count(*) FROM audit", RIFQ_NO_PARAMS, &entries, NULL, error))
    return FALSE;

  /* The engine's copy is plain: it is made where the records already are (a desk's private
   * folder) or in a private folder of this computer, never beside the backup (a memory stick, a
   * share), and removed once sealed. */
  payload = payload_path_for (local, local != NULL ? &rifq_engine_sqlite : NULL, error);
  if (payload == NULL)
    return FALSE;
  ok = _rifq_db_backup (db, payload, error) && write_backup (db, path, payload, entries, passphrase, error);
  remove_payload (payload, local);
  return ok;
}

gboolean
rifq_backup_take (RifqDb      *db,
                  const char  *path,
                  const char  *passphrase,
                  GError     **error)
{
  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rifq_permission_check (db, RIFQ_PERMISSION_BACKUP, error) || !take (db, path, passphrase, TRUE, error))
    return FALSE;
  return rifq_db_write (db, audit_backup_cb, (gpointer) path, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

gboolean
rifq_backup_take_into (RifqDb      *db,
                       const char  *folder,
                       guint        keep,
                       const char  *passphrase,
                       char       **out_path,
                       GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *identity = NULL;
  const char *entry;

  g_return_val_if_fail (RIFQ_IS_DB (db), FALSE);
  g_return_val_if_fail (keep >= 1, FALSE);
  identity = g_strdelimit (_rifq_db_identity (db), "\r\n", ' ');

  /* Asked before anything is made, the folder included. */
  if (!rifq_permission_check (db, RIFQ_PERMISSION_BACKUP, error))
    return FALSE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot create the folder “%s”: %s"), folder,
                   g_strerror (errno));
      return FALSE;
    }
  /* To the microsecond: two backups within a second keep a name each. */
  name = stamp_now ("rifq-%Y%m%d-%H%M%S-%f" SUFFIX);
  path = g_build_filename (folder, name, NULL);
  if (!rifq_backup_take (db, path, passphrase, error))
    return FALSE;

  /* The newest keep of Rifq's own backups stay; nothing else in the folder is touched. */
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, "rifq-") && g_str_has_suffix (entry, SUFFIX) && strlen (entry) == strlen (name))
      {
        g_autofree char *other = g_build_filename (folder, entry, NULL);
        g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (other, NULL);

        if (info != NULL && g_strcmp0 (info->identity, identity) == 0 && !g_str_equal (entry, name))
          g_ptr_array_add (kept, g_strdup (entry));
      }
  g_ptr_array_sort (kept, compare_names);
  /* The one just written is kept whatever its name says (a clock put back). */
  for (guint i = 0; kept->len > keep - 1 && i < kept->len - (keep - 1); i++)
    {
      g_autofree char *old = g_build_filename (folder, g_ptr_array_index (kept, i), NULL);

      g_unlink (old);
    }
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

char *
rifq_backup_default_folder (RifqDb *db)
{
  g_autofree char *dir = g_path_get_dirname (rifq_db_get_path (db));

  return g_build_filename (dir, "backups", NULL);
}

GDateTime *
rifq_backup_newest (RifqDb     *db,
                    const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *identity = g_strdelimit (_rifq_db_identity (db), "\r\n", ' ');
  g_autofree char *newest = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *latest = g_date_time_format (now, "rifq-%Y%m%d-%H%M%S-999999" SUFFIX);
  const char *entry;
  int year, month, day, hour, minute, second;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, "rifq-2") && g_str_has_suffix (entry, SUFFIX) && g_strcmp0 (entry, newest) > 0 &&
        g_strcmp0 (entry, latest) <= 0)
      {
        g_autofree char *path = g_build_filename (folder, entry, NULL);
        g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (path, NULL);

        if (info != NULL && g_strcmp0 (info->identity, identity) == 0)
          {
            g_free (newest);
            newest = g_strdup (entry);
          }
      }
  if (newest == NULL || sscanf (newest, "rifq-%4d%2d%2d-%2d%2d%2d", &year, &month, &day, &hour, &minute, &second) != 6)
    return NULL;
  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

gboolean
rifq_backup_is_due (RifqDb     *db,
                    const char *folder,
                    guint       every_hours,
                    GDateTime  *now)
{
  g_autoptr(GDateTime) newest = NULL;

  if (every_hours == 0)
    return FALSE;
  newest = rifq_backup_newest (db, folder);
  return newest == NULL || g_date_time_difference (now, newest) >= (GTimeSpan) every_hours * G_TIME_SPAN_HOUR;
}

RifqBackupInfo *
rifq_backup_read_info (const char  *path,
                       GError     **error)
{
  g_auto(Header) header = { 0 };
  FILE *in = fopen (path, "rb");
  gboolean ok;

  if (in == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return NULL;
    }
  ok = parse_header (in, path, &header, error);
  fclose (in);
  return ok ? g_steal_pointer (&header.info) : NULL;
}

/* The engine's copy out of the backup at path into a new file at payload (its owner's only):
 * its checksum, or its seal, checked to the last byte. */
static gboolean
extract (const char  *path,
         const char  *passphrase,
         const char  *payload,
         Header      *header,
         GError     **error)
{
  g_autofree guchar *plain = g_malloc (CHUNK);
  g_autofree guchar *sealed = g_malloc (CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  crypto_secretstream_xchacha20poly1305_state state;
  guchar key[KEY_BYTES];
  FILE *in;
  guint64 left;
  gboolean ok = TRUE;
  gboolean first = TRUE;
  int fd;

  in = fopen (path, "rb");
  if (in == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND, _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if (!parse_header (in, path, header, error))
    {
      fclose (in);
      return FALSE;
    }
  if (header->info->sealed)
    {
      guchar stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];

      if (passphrase == NULL)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                       _("The backup “%s” is sealed with a passphrase: give it to read the backup."), path);
          fclose (in);
          return FALSE;
        }
      if (!derive_key (key, passphrase, header->salt, header->opslimit, header->memlimit, error))
        {
          fclose (in);
          return FALSE;
        }
      if (!read_exactly (in, stream_header, sizeof stream_header) ||
          crypto_secretstream_xchacha20poly1305_init_pull (&state, stream_header, key) != 0)
        ok = FALSE;
      sodium_memzero (key, sizeof key);
    }

  fd = g_open (payload, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), payload, g_strerror (errno));
      fclose (in);
      return FALSE;
    }
  /* A plain copy's sum covers the lines before it. */
  if (!header->info->sealed)
    {
      const char *sum_line = strstr (header->text, "\nsha256 ");

      if (sum_line != NULL)
        g_checksum_update (checksum, (const guchar *) header->text, (gssize) (sum_line + 1 - header->text));
    }
  left = header->bytes;
  while (ok && left > 0)
    {
      gsize n = (gsize) MIN (left, (guint64) CHUNK);

      if (header->info->sealed)
        {
          unsigned long long plain_len = 0;
          guchar tag = 0;
          gsize sealed_len = n + crypto_secretstream_xchacha20poly1305_ABYTES;

          ok = read_exactly (in, sealed, sealed_len) &&
               crypto_secretstream_xchacha20poly1305_pull (&state, plain, &plain_len, &tag, sealed, sealed_len,
                                                           first ? (const guchar *) header->text : NULL,
                                                           first ? header->text_len : 0) == 0 &&
               plain_len == n &&
               (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) == (left == n);
        }
      else
        {
          ok = read_exactly (in, plain, n);
          if (ok)
            g_checksum_update (checksum, plain, n);
        }
      if (!ok)
        break;
      left -= n;
      first = FALSE;
      if (!write_all (fd, plain, n, payload, error))
        {
          close (fd);
          fclose (in);
          g_unlink (payload);
          return FALSE;
        }
    }
  /* Nothing after the last piece. */
  if (ok && fgetc (in) != EOF)
    ok = FALSE;
  if (ok && !header->info->sealed && g_strcmp0 (g_checksum_get_string (checksum), header->sha256) != 0)
    ok = FALSE;
  sodium_memzero (plain, CHUNK);
  if (ok && fsync (fd) != 0)
    ok = FALSE;
  close (fd);
  fclose (in);
  if (!ok)
    {
      g_unlink (payload);
      if (header->info->sealed)
        g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                     _("The backup “%s” cannot be opened with this passphrase: the passphrase is wrong, or the "
                       "file was changed. Nothing was restored."), path);
      else
        set_damaged (path, error);
      return FALSE;
    }
  return TRUE;
}

/* What a backup holds, for this program and this engine, checked as far as it can be without
 * putting it back: the engine's own check, and a desk's copy opened read-only, its audit log
 * verified. The payload stays at payload for restore. */
/* What the backup's lines say, before anything is read out of it: for this engine, and for this
 * program's schema or an older one. */
static gboolean
check_info (const char            *path,
            const RifqBackupInfo  *info,
            const RifqEngine      *engine,
            GError               **error)
{
  if (!g_str_equal (info->engine, engine->name))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The backup “%s” is of a %s database and cannot be put back into a %s one. Nothing was "
                     "restored."), path, info->engine, engine->name);
      return FALSE;
    }
  return rifq_engine_check_version (path, info->schema, error);
}

static gboolean
check_extracted (const char        *path,
                 const char        *payload,
                 const Header      *header,
                 const RifqEngine  *engine,
                 const char        *actor,
                 const char        *password,
                 GError           **error)
{
  if (!check_info (path, header->info, engine, error) || !engine->backup_check (payload, error))
    return FALSE;
  if (engine == &rifq_engine_sqlite)
    {
      g_autoptr(RifqDb) copy = rifq_db_open_existing (payload, error);
      gint64 entries = 0;

      if (copy == NULL || !rifq_db_integrity_check (copy, error) || !_rifq_db_verify_audit_of_copy (copy, &entries, error))
        return FALSE;
      /* With no database to log in to, the person is one of the backup's own, by their password
       * there. */
      if (password != NULL)
        {
          if (rifq_db_get_schema_version (copy) < 15)
            {
              g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN,
                           _("“%s” is from before accounts, and there is no database to log in to: set one up "
                             "(rifq-admin init --admin USER, one of the backup’s administrators), then restore onto "
                             "it. Nothing was restored."), path);
              return FALSE;
            }
          if (!rifq_account_verify (copy, actor, password, error))
            return FALSE;
        }
      if (actor != NULL)
        {
          rifq_db_set_actor (copy, actor);
          if (!rifq_permission_check (copy, RIFQ_PERMISSION_RESTORE, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
rifq_backup_check (const char  *path,
                   const char  *passphrase,
                   GError     **error)
{
  g_auto(Header) header = { 0 };
  g_autofree char *payload = NULL;
  g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (path, error);
  const RifqEngine *engine;
  gboolean ok;

  if (info == NULL)
    return FALSE;
  engine = g_str_equal (info->engine, "postgresql") ? rifq_engine_for_location ("postgresql://", error)
                                                    : &rifq_engine_sqlite;
  if (engine == NULL || !check_info (path, info, engine, error))
    return FALSE;
  payload = payload_path_for (NULL, engine, error);
  if (payload == NULL)
    return FALSE;
  ok = extract (path, passphrase, payload, &header, error) && check_extracted (path, payload, &header, engine, NULL, NULL, error);
  remove_payload (payload, NULL);
  return ok;
}

static gboolean
audit_restore_cb (RifqDb      *db,
                  RifqDbWrite *write,
                  gpointer     user_data,
                  GError     **error)
{
  JsonNode **nodes = user_data;

  rifq_db_write_audit_take (write, "restore", "database", 0, g_steal_pointer (&nodes[0]), g_steal_pointer (&nodes[1]),
                            NULL);
  return TRUE;
}

/* The database at location as it is, kept before a restore replaces it: a backup of its own
 * (current, when it opens), or a desk's file that is damaged past opening moved aside whole. A
 * database that opens but cannot be kept is not replaced. NULL in out_aside when there was
 * nothing there. */
static gboolean
keep_aside (const char        *path,
            const char        *location,
            const RifqEngine  *engine,
            RifqDb            *current,
            gboolean           damaged,
            char             **out_aside,
            GError           **error)
{
  g_autofree char *stamp = stamp_now ("%Y%m%d-%H%M%S-%f");
  g_autofree char *dir = g_path_get_dirname (engine == &rifq_engine_sqlite ? location : path);

  *out_aside = NULL;
  if (current != NULL)
    {
      g_autofree char *name = g_strdup_printf ("rifq-before-restore-%s" SUFFIX, stamp);
      g_autofree char *aside = g_build_filename (dir, name, NULL);
      g_autoptr(GError) why = NULL;

      /* Kept as it is, even a database an interrupted restore left older than its log. */
      if (take (current, aside, NULL, FALSE, &why))
        {
          *out_aside = g_steal_pointer (&aside);
          return TRUE;
        }
      /* A desk's file that opens but does not copy whole is damaged: moved aside as it is.
       * Anything else (busy, a full disk) stops the restore. */
      if (engine != &rifq_engine_sqlite || rifq_db_integrity_check (current, NULL))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&why),
                                      _("The database as it is could not be kept first, so nothing was restored: "));
          return FALSE;
        }
    }
  else if (!damaged)
    return TRUE;

  /* Moved aside whole, with its log: nothing of it is lost. */
  for (guint i = 0; i < 3; i++)
    {
      const char *companion = (const char *[]) { "", "-wal", "-shm" }[i];
      g_autofree char *from = g_strconcat (location, companion, NULL);
      g_autofree char *to = g_strdup_printf ("%s.damaged-%s%s", location, stamp, companion);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot move “%s” aside: %s. Nothing was restored."),
                       from, g_strerror (errno));
          return FALSE;
        }
      if (i == 0)
        *out_aside = g_steal_pointer (&to);
    }
  return TRUE;
}

/* The database at location as it is, when it opens, its permission asked of actor (the
 * refusal kept in its log). *out_current NULL when there is none; *out_damaged when a desk's
 * file is there but cannot be read as a database. Anything else that keeps it from opening
 * (another program's file, a newer Rifq's, busy, readable by others) refuses the restore. */
static gboolean
open_current (const char        *location,
              const RifqEngine  *engine,
              const char        *actor,
              const char        *password,
              gint64             now,
              RifqDb           **out_current,
              gboolean          *out_damaged,
              GError           **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(RifqDb) current = NULL;

  *out_current = NULL;
  *out_damaged = FALSE;
  if (engine == &rifq_engine_sqlite && !g_file_test (location, G_FILE_TEST_EXISTS))
    return TRUE;
  current = rifq_db_open_existing (location, &open_error);
  if (current == NULL)
    {
      /* Not readable as a database at all (damaged): moved aside, not lost. Another program's
       * file is refused below, left untouched. */
      if (engine == &rifq_engine_sqlite && g_error_matches (open_error, RIFQ_ERROR, RIFQ_ERROR_DATABASE))
        {
          *out_damaged = TRUE;
          return TRUE;
        }
      /* A server's database not set up yet holds nothing to keep. */
      if (engine != &rifq_engine_sqlite && g_error_matches (open_error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&open_error));
      return FALSE;
    }
  if (password != NULL)
    {
      int setup = rifq_account_setup (current, error);

      /* A server's database with no accounts: set up first, then restored onto. */
      if (setup < 0)
        return FALSE;
      if (setup != RIFQ_ACCOUNT_SETUP_READY)
        {
          g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN,
                       _("“%s” has no accounts to log in to: set it up first (rifq-admin init --admin USER, one of "
                         "the backup’s administrators), then restore onto it. Nothing was restored."),
                       rifq_db_get_path (current));
          return FALSE;
        }
      if (!rifq_account_login (current, actor, password, now, error))
        return FALSE;
    }
  else
    rifq_db_set_actor (current, actor);
  if (!rifq_permission_check (current, RIFQ_PERMISSION_RESTORE, error))
    return FALSE;
  *out_current = g_steal_pointer (&current);
  return TRUE;
}

/* The restore in the restored log, keyed: who, from which backup, and where the log stood
 * before (the last entry the database or this workstation knew of), so that every workstation
 * follows the log from here. */
static gboolean
record_restore (RifqDb               *restored,
                const char           *path,
                const RifqBackupInfo *info,
                gint64                last_entry,
                const char           *aside,
                GError              **error)
{
  g_autoptr(JsonBuilder) before = json_builder_new ();
  g_autoptr(JsonBuilder) after = json_builder_new ();
  g_autofree char *name = g_path_get_basename (path);
  JsonNode *nodes[2];
  gint64 was_last_id = 0;
  gboolean ok;

  _rifq_db_adopt_restored (restored, &was_last_id);
  json_builder_begin_object (before);
  json_builder_set_member_name (before, "last_entry");
  json_builder_add_int_value (before, MAX (was_last_id, last_entry));
  if (aside != NULL)
    {
      g_autofree char *kept = g_path_get_basename (aside);

      rifq_json_add_string (before, "kept_as", kept);
    }
  json_builder_end_object (before);
  json_builder_begin_object (after);
  rifq_json_add_string (after, "backup", name);
  rifq_json_add_string (after, "taken", info->taken);
  rifq_json_add_string (after, "by", info->by);
  json_builder_end_object (after);
  nodes[0] = json_builder_get_root (before);
  nodes[1] = json_builder_get_root (after);
  ok = rifq_db_write (restored, audit_restore_cb, nodes, error);
  g_clear_pointer (&nodes[0], json_node_unref);
  g_clear_pointer (&nodes[1], json_node_unref);
  return ok && rifq_db_verify_audit (restored, NULL, error);
}

static gboolean
restore (const char  *path,
         const char  *passphrase,
         const char  *location,
         const char  *actor,
         const char  *password,
         gint64       now,
         char       **out_kept_aside,
         GError     **error)
{
  g_auto(Header) header = { 0 };
  g_autofree char *payload = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(RifqDb) restored = NULL;
  g_autoptr(RifqDb) current = NULL;
  const RifqEngine *engine;
  gboolean damaged = FALSE;
  gint64 last_entry = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL && location != NULL && actor != NULL, FALSE);

  engine = rifq_engine_for_location (location, error);
  if (engine == NULL || !rifq_db_start_crypto (error))
    return FALSE;
  {
    g_autoptr(RifqBackupInfo) info = rifq_backup_read_info (path, error);

    if (info == NULL || !check_info (path, info, engine, error))
      return FALSE;
  }
  if (!open_current (location, engine, actor, password, now, &current, &damaged, error))
    return FALSE;
  /* A server's database not there yet: nobody to log in as. */
  if (password != NULL && current == NULL && engine != &rifq_engine_sqlite)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN,
                   _("“%s” has no accounts to log in to: set it up first (rifq-admin server init ADDRESS --admin "
                     "USER, one of the backup’s administrators), then restore onto it. Nothing was restored."),
                   location);
      return FALSE;
    }
  payload = payload_path_for (engine == &rifq_engine_sqlite ? location : NULL, engine, error);
  if (payload == NULL)
    return FALSE;
  ok = extract (path, passphrase, payload, &header, error) &&
       check_extracted (path, payload, &header, engine, actor, current == NULL ? password : NULL, error);
  /* A server's tables made by later migrations would outlive pg_restore --clean: an older
   * backup goes into an empty database, which Rifq then brings up to date. */
  if (ok && current != NULL && engine != &rifq_engine_sqlite &&
      rifq_db_get_schema_version (current) > header.info->schema)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_ALLOWED,
                   _("The backup “%s” is of schema %d and the server’s database is at schema %d: put it back into an "
                     "empty database (build-aux/server --no-init makes one), which Rifq then brings up to date. "
                     "Nothing was restored."), path, header.info->schema, rifq_db_get_schema_version (current));
      ok = FALSE;
    }
  if (ok && current != NULL)
    rifq_db_query_int (current, "SELECT coalesce (max (id), 0) FROM audit", RIFQ_NO_PARAMS, &last_entry, NULL, NULL);
  ok = ok && keep_aside (path, location, engine, current, damaged, &aside, error);
  g_clear_object (&current);
  ok = ok && engine->restore (location, payload, error);
  remove_payload (payload, engine == &rifq_engine_sqlite ? location : NULL);
  if (out_kept_aside != NULL)
    *out_kept_aside = g_strdup (aside);

  /* Opened as the next person would, its log now where the key folder keeps it, and the restore
   * added to it with where the log stood before. */
  if (ok && (restored = rifq_db_open (location, error)) != NULL)
    {
      rifq_db_set_actor (restored, actor);
      ok = record_restore (restored, path, header.info, last_entry, aside, error);
      /* A backup of before accounts: its administrator who restored it sets their password
       * now, before anyone else can by opening it. */
      if (ok && password != NULL && rifq_account_setup (restored, NULL) == RIFQ_ACCOUNT_SETUP_UPGRADE)
        ok = rifq_account_set_up (restored, actor, NULL, password, error);
    }
  if (!ok || restored == NULL)
    {
      /* What was there is named wherever it went. */
      if (aside != NULL && error != NULL && *error != NULL)
        g_prefix_error (error, _("The database as it was is kept in %s. "), aside);
      return FALSE;
    }
  return TRUE;
}

gboolean
rifq_backup_restore (const char  *path,
                     const char  *passphrase,
                     const char  *location,
                     const char  *actor,
                     char       **out_kept_aside,
                     GError     **error)
{
  g_return_val_if_fail (path != NULL && location != NULL && actor != NULL, FALSE);
  return restore (path, passphrase, location, actor, NULL, 0, out_kept_aside, error);
}

gboolean
rifq_backup_restore_logging_in (const char  *path,
                                const char  *passphrase,
                                const char  *location,
                                const char  *username,
                                const char  *password,
                                gint64       now,
                                char       **out_kept_aside,
                                GError     **error)
{
  g_return_val_if_fail (path != NULL && location != NULL && username != NULL && password != NULL, FALSE);
  return restore (path, passphrase, location, username, password, now, out_kept_aside, error);
}
