/* rifq-engine-postgres.c
 *
 * Copyright 2026 Ruhamaa Association for Elderly Care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rifq-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <gmodule.h>
#include <libpq-fe.h>
#include <string.h>

#include "rifq-engine.h"
#include "rifq-pg-answers.h"
#include "rifq-error.h"

/* PostgreSQL, the engine of a branch: several workstations on one server, reached with libpq
 * by a postgresql:// URI or a service name. The only file that knows it.
 *
 * The stores write their statements once, with SQLite's ?1, ?2… parameters; here they become
 * $1, $2… Parameters travel as text, typed only where the value says more than the SQL can
 * (an integer, bytes), and rows come back as text. Every write holds one advisory lock from
 * its first statement to its commit, as SQLite's BEGIN IMMEDIATE holds the file's: two
 * workstations' writes follow one another, so numbers stay gap-free and the audit chain one. */

/* The advisory lock every write takes: "RIFQ". */
#define WRITE_LOCK        "1380533841"
/* How long a write waits for another workstation's to finish before it is refused as busy. */
#define LOCK_TIMEOUT      "5s"
/* How long the server lets a session sit inside a write with nothing said, its locks held. */
#define IDLE_IN_WRITE     "60s"
#define APPLICATION       "RIFQ"
/* Seconds to wait for a server that does not answer. */
#define CONNECT_TIMEOUT   "8"
/* Statements sent down the pipeline before their answers are read: few enough that the
 * answers never fill the socket while the server waits for them to be read. */
#define PIPELINE_DEPTH    200
/* The most answers kept from one write to the next. */
#define ANSWERS_KEPT_MAX  4096
/* A write's start: its lock, then what it asks first (write_start), prepared. Under the lock its
 * statements find a row or a few by their keys: each is planned once, for any values, where the
 * server would otherwise plan some of them again at every write for the values bound (a
 * decision's join: 0.3 ms of planning for 16 µs of reading). */
#define WRITE_BEGIN_SQL   "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan;" \
                          " SELECT pg_advisory_xact_lock (" WRITE_LOCK ")"
#define WRITE_START_SQL   WRITE_BEGIN_SQL "; EXECUTE "

/* Type oids of PostgreSQL's catalogue (pg_type.h, stable across versions). */
#define BOOL_OID          16
#define BYTEA_OID         17
#define INT8_OID          20

struct _RifqConnection
{
  PGconn   *pg;
  char     *location;
  char     *session;        /* SET … run on every new session */
  guint     generation;     /* one more each time the session is made again */
  gboolean  in_transaction;
  gboolean  in_snapshot;    /* a read in one state (a copy's source): not made again unseen */
  guint     n_prepared;
  /* What was sent in pipeline mode and is not answered yet, in order (Sent) */
  gboolean  piping;
  GQueue    sent;
  /* A statement of the write in progress failed, told by the pipeline: nothing more of the
   * write is run, and its COMMIT is refused, until it is rolled back. */
  gboolean  write_failed;
  /* Inside a write, under the write lock (no one else writes meanwhile), what each read
   * answered is kept until the write itself changes something: the same read asked again, as
   * the stores and the seal do, costs no round trip. GBytes (SQL and values) → PGresult */
  RifqPgAnswers *answers;
  /* And from one write to the next, while the server's count of the statements that changed a
   * table (write_count, schema 12) is what it was just before this connection's last COMMIT:
   * no one wrote anything in between, through Rifq or not. */
  char       *kept_generation;  /* the count then, NULL when nothing is kept */
  /* Asked with each write's BEGIN, its answer the write's first read of it (ask_with_begin),
   * with the count of writes before it: prepared once a session (write_start). */
  char       *begin_sql;
  gpointer    write_start;      /* PgStatement */
  /* The count of writes as the write in progress began: its COMMIT leaves one more, when it
   * changed a table (wrote). */
  gint64      began_count;
  gboolean    wrote;
  /* the last failure, for fail () */
  char   *sqlstate;
  char   *message;
};

/* One statement of the stores: its SQL in PostgreSQL's form, the values bound, the rows. The
 * server prepares it once for each set of parameter types it is run with. */
typedef struct
{
  RifqConnection *conn;
  char           *sql;
  int             n_params;
  char          **values;
  int            *lengths;
  int            *formats;
  Oid            *types;
  GHashTable     *prepared;   /* parameter types → name of the prepared statement */
  guint           generation; /* of the session they were prepared in */
  PGresult       *result;
  int             row;
  gboolean        executed;
  gint64          changes;
  GPtrArray      *blobs;      /* GBytes of the current row's bytea columns, by column */
  /* An INSERT, UPDATE or DELETE that hands nothing back: inside a write it is sent without
   * waiting for its answer, which comes with the next statement that needs one. */
  gboolean        is_write;
  guint           serial;     /* one more each time it is sent down the pipeline */
  gboolean        awaiting;   /* sent; its rows come with the pipeline's answers */
  gboolean        deferred;   /* a write sent; its count of rows comes the same way */
  gboolean        failed;     /* its answer in the pipeline was a failure */
  gboolean        ahead;      /* sent by pg_send, not stepped yet */
  guint           sent_generation;
  /* A SELECT of no side effect: its answer may be kept for the rest of the write. */
  gboolean        reads;
  /* Otherwise the tables it changes (INSERT INTO, UPDATE, DELETE FROM, also in a WITH), NULL
   * if not known */
  GStrv           changes_tables;
} PgStatement;

/* One thing sent in pipeline mode, waiting for its answer. */
typedef enum
{
  SENT_PREPARE,
  SENT_EXECUTE,
  SENT_SIMPLE,
} SentKind;

typedef struct
{
  SentKind     kind;
  PgStatement *stmt;    /* SENT_PREPARE, SENT_EXECUTE */
  char        *key;     /* SENT_PREPARE: the parameter types it was prepared for */
  guint        serial;  /* SENT_EXECUTE: which time stmt was sent */
  GBytes      *answer_key;   /* SENT_EXECUTE of a read to keep: what it asked */
  guint        answers_epoch; /* and the answers it would join, when it was sent */
  PGresult   **out;     /* SENT_SIMPLE: where its answer goes */
} Sent;

static void pipeline_abandon (RifqConnection *conn);
static void pg_finalize (gpointer native);
static gpointer pg_prepare (RifqConnection  *conn,
                            const char      *sql,
                            GError         **error);
static const char *ensure_prepared (PgStatement *stmt);
static char *translate_parameters (const char *sql,
                                   int        *out_n_params);

/* The write changed something, or ended: nothing read before is kept. */
static void
forget_answers (RifqConnection *conn)
{
  if (conn->answers != NULL)
    rifq_pg_answers_forget (conn->answers);
}

/* stmt, which is not a read, is about to change something: the answers of the reads that name
 * the table it changes are forgotten (all of them when which table is not known, or when a
 * deletion may reach further). */
static void
forget_answers_of (PgStatement *stmt)
{
  /* A change of a table the server counts (every table has the trigger): the write's COMMIT
   * leaves the count one more (commit_keeping_answers). */
  if (stmt->changes_tables != NULL && stmt->conn->in_transaction)
    stmt->conn->wrote = TRUE;
  if (stmt->changes_tables == NULL || strstr (stmt->sql, "DELETE FROM ") != NULL)
    forget_answers (stmt->conn);
  else
    for (guint i = 0; stmt->changes_tables[i] != NULL; i++)
      rifq_pg_answers_forget_naming (stmt->conn->answers, stmt->changes_tables[i]);
}

/* What stmt asks, with the values bound now: the key of its kept answer. */
static GBytes *
answer_key (PgStatement *stmt)
{
  return rifq_pg_answers_key (stmt->sql, stmt->n_params, stmt->values, stmt->lengths, stmt->formats, stmt->types);
}

static gboolean
keeps_answer (PgStatement *stmt)
{
  return stmt->reads && stmt->conn->in_transaction && !stmt->conn->write_failed;
}

/* The answer kept for what stmt asks, if this write read it already: taken as its result. A
 * change sent ahead that failed is then told by the next read that goes to the server, or by the
 * COMMIT, which refuses the write whole all the same. */
static gboolean
answer_from_memory (PgStatement *stmt)
{
  g_autoptr(GBytes) key = NULL;
  PGresult *kept;

  if (!keeps_answer (stmt))
    return FALSE;
  key = answer_key (stmt);
  kept = rifq_pg_answers_lookup (stmt->conn->answers, key);
  if (kept == NULL)
    return FALSE;
  g_clear_pointer (&stmt->result, PQclear);
  stmt->result = kept;
  return TRUE;
}

/* Keeps result, the answer to key asked when the answers were at epoch: unless the write has
 * changed something since. */
static void
keep_answer (RifqConnection *conn,
             GBytes         *key,
             guint           epoch,
             PGresult       *result)
{
  if (conn->in_transaction)
    rifq_pg_answers_keep (conn->answers, key, epoch, result);
}

static void
remember_failure (RifqConnection *conn,
                  const char     *sql,
                  const PGresult *result)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  g_free (conn->sqlstate);
  g_free (conn->message);
  conn->sqlstate = g_strdup (sqlstate);
  conn->message = g_strdup (message != NULL ? message : PQerrorMessage (conn->pg));
  g_strchomp (conn->message);
  g_debug ("%s: %s (%s)", sql, conn->message, conn->sqlstate != NULL ? conn->sqlstate : "no state");
}

/* A server that does not answer is given up after a few seconds, unless the address says
 * otherwise (its own connect_timeout, read after this one, wins). */
static PGconn *
connect_to (const char *location)
{
  /* A line that goes silent (a cable pulled, Wi-Fi gone) is found out within seconds, not the
   * system's two hours: what was sent and not acknowledged for 15 s, or a silent idle line
   * asked three times. Over a network, TLS with the server's certificate checked against the
   * association's authority and the host dialled (verify-full); a Unix socket on the same
   * machine needs none, and libpq uses none there. The address given may say otherwise, as it
   * comes after; a service named in it (or PGSERVICE) keeps its own sslmode and timeout, as
   * what is given here would come before the service file's. */
  const char *keywords[9] = { "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
                              "tcp_user_timeout", NULL };
  const char *values[9] = { "1", "10", "3", "3", "15000", NULL };
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  gboolean service = g_getenv ("PGSERVICE") != NULL;
  guint n = 5;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    service |= g_str_equal (o->keyword, "service") && o->val != NULL;
  PQconninfoFree (options);
  if (!service)
    {
      keywords[n] = "connect_timeout", values[n++] = CONNECT_TIMEOUT;
      keywords[n] = "sslmode", values[n++] = "verify-full";
    }
  keywords[n] = "dbname", values[n++] = location;
  keywords[n] = NULL, values[n] = NULL;
  return PQconnectdbParams (keywords, values, 1);
}

static gboolean
is_busy (const char *sqlstate)
{
  /* lock_not_available, serialization_failure, deadlock_detected */
  return g_strcmp0 (sqlstate, "55P03") == 0 ||
         g_strcmp0 (sqlstate, "40001") == 0 ||
         g_strcmp0 (sqlstate, "40P01") == 0;
}

static gboolean
pg_is_connected (RifqConnection *conn)
{
  return PQstatus (conn->pg) == CONNECTION_OK;
}

static void
pg_fail (RifqConnection  *conn,
         GError         **error)
{
  if (PQstatus (conn->pg) != CONNECTION_OK)
    {
      /* The person is told what it means for their work; libpq's words go to the log. */
      g_message ("The server %s cannot be reached: %s", conn->location,
                 conn->message != NULL ? conn->message : PQerrorMessage (conn->pg));
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_OFFLINE,
                           _("The association’s server cannot be reached just now, so nothing was saved or read. "
                             "What you typed is kept: save again once the server is back."));
    }
  else if (is_busy (conn->sqlstate))
    g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_BUSY,
                         _("The database is busy: another program is writing to it and did not finish within "
                           "a few seconds. Nothing was changed; try again in a moment."));
  else
    g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                 _("The database could not be read or written: %s"),
                 conn->message != NULL ? conn->message : PQerrorMessage (conn->pg));
}

/* Runs sql (one or several statements, no parameters); a result with rows is handed back in
 * out_result when asked for. */
/* A session lost (the network, the server restarting) is made again before the next statement,
 * never in the middle of a write: a write whose session was lost is over, rolled back by the
 * server, and only its ROLLBACK is let through. */
static gboolean
ensure_session (RifqConnection *conn,
                gboolean        ending_write)
{
  PGresult *result;

  if (PQstatus (conn->pg) == CONNECTION_OK)
    return TRUE;
  if ((conn->in_transaction || conn->in_snapshot) && !ending_write)
    {
      g_free (conn->message);
      conn->message = g_strdup (_("the connection was lost in the middle of a change, which the server undid"));
      return FALSE;
    }
  conn->in_transaction = FALSE;
  conn->in_snapshot = FALSE;
  conn->write_failed = FALSE;
  pipeline_abandon (conn);
  PQreset (conn->pg);
  if (PQstatus (conn->pg) != CONNECTION_OK)
    {
      g_free (conn->message);
      conn->message = g_strchomp (g_strdup (PQerrorMessage (conn->pg)));
      return FALSE;
    }
  conn->generation++;
  if (conn->session != NULL)
    {
      result = PQexec (conn->pg, conn->session);
      PQclear (result);
    }
  return TRUE;
}

/* The pipeline: statements of a write that need no answer (an INSERT, an UPDATE) are sent
 * without waiting, and their answers read with those of the next statement that needs one
 * (a SELECT, COMMIT): a write of many statements costs the server's round trip a few times,
 * not once a statement. A failure among them fails whatever reads next, and with it the write,
 * which is rolled back whole; the server skips everything sent after a failure. */

static gboolean
pipeline_start (RifqConnection *conn)
{
  if (conn->piping)
    return TRUE;
  if (PQenterPipelineMode (conn->pg) != 1)
    {
      remember_failure (conn, "pipeline", NULL);
      return FALSE;
    }
  conn->piping = TRUE;
  return TRUE;
}

static void
sent_free (Sent *sent)
{
  g_free (sent->key);
  g_clear_pointer (&sent->answer_key, g_bytes_unref);
  g_free (sent);
}

/* One answer of the pipeline: the statement's rows, its count, or its failure. FALSE when it
 * failed (or never came). */
static gboolean
take_answer (RifqConnection *conn,
             Sent           *sent,
             PGresult       *result)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  PgStatement *stmt = sent->stmt;

  /* The server's reason, once: what it skipped after a failure has none of its own. */
  if (!ok && status != PGRES_PIPELINE_ABORTED)
    remember_failure (conn, stmt != NULL ? stmt->sql : "pipeline", result);

  switch (sent->kind)
    {
    case SENT_PREPARE:
      /* Never made: prepared again the next time it is needed. */
      if (!ok)
        g_hash_table_remove (stmt->prepared, sent->key);
      break;
    case SENT_EXECUTE:
      if (stmt->serial != sent->serial)
        break;
      if (!ok)
        stmt->failed = TRUE;
      else
        stmt->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
      if (stmt->awaiting && ok)
        {
          keep_answer (conn, sent->answer_key, sent->answers_epoch, result);
          g_clear_pointer (&stmt->result, PQclear);
          stmt->result = g_steal_pointer (&result);
        }
      stmt->awaiting = FALSE;
      stmt->deferred = FALSE;
      break;
    case SENT_SIMPLE:
      if (ok && sent->out != NULL)
        *sent->out = g_steal_pointer (&result);
      break;
    }
  g_clear_pointer (&result, PQclear);
  return ok;
}

/* Marks the end of what was sent and reads every answer to it. FALSE when any failed; the
 * first failure is remembered. Leaves pipeline mode. */
static gboolean
pipeline_finish (RifqConnection *conn)
{
  gboolean ok = TRUE;
  Sent *sent;

  if (!conn->piping)
    return TRUE;
  if (PQpipelineSync (conn->pg) != 1)
    {
      remember_failure (conn, "pipeline", NULL);
      ok = FALSE;
    }
  while ((sent = g_queue_pop_head (&conn->sent)) != NULL)
    {
      PGresult *result = PQgetResult (conn->pg);

      /* Each answer ends with a NULL of its own. */
      if (result != NULL)
        {
          PGresult *end;

          while ((end = PQgetResult (conn->pg)) != NULL)
            PQclear (end);
        }
      ok = take_answer (conn, sent, result) && ok;
      sent_free (sent);
    }
  /* The sync's own answer; a lost connection has none. */
  while (PQstatus (conn->pg) == CONNECTION_OK)
    {
      PGresult *result = PQgetResult (conn->pg);
      gboolean synced = result != NULL && PQresultStatus (result) == PGRES_PIPELINE_SYNC;

      if (result == NULL)
        break;
      PQclear (result);
      if (synced)
        break;
    }
  /* A connection that cannot leave pipeline mode is no use: it is made again before the next
   * statement, and the write in progress, if any, is over. */
  if (PQexitPipelineMode (conn->pg) != 1 && PQstatus (conn->pg) == CONNECTION_OK)
    {
      g_warning ("The server's connection could not leave pipeline mode: %s", PQerrorMessage (conn->pg));
      ok = FALSE;
      PQreset (conn->pg);
      conn->generation++;
      if (conn->session != NULL)
        PQclear (PQexec (conn->pg, conn->session));
    }
  conn->piping = FALSE;
  if (!ok && conn->in_transaction)
    conn->write_failed = TRUE;
  return ok;
}

/* Everything sent and not answered, let go with a session about to be made again: the
 * statements waiting are failed, and the new session starts outside pipeline mode. */
static void
pipeline_abandon (RifqConnection *conn)
{
  Sent *sent;

  while ((sent = g_queue_pop_head (&conn->sent)) != NULL)
    {
      if (sent->kind == SENT_PREPARE)
        g_hash_table_remove (sent->stmt->prepared, sent->key);
      else if (sent->kind == SENT_EXECUTE && sent->stmt->serial == sent->serial)
        {
          sent->stmt->failed = TRUE;
          sent->stmt->awaiting = FALSE;
          sent->stmt->deferred = FALSE;
        }
      sent_free (sent);
    }
  conn->piping = FALSE;
  forget_answers (conn);
  g_clear_pointer (&conn->kept_generation, g_free);
}

/* A COMMIT the server answered with ROLLBACK: the transaction had failed, and nothing of it
 * was kept. */
static gboolean
commit_refused (RifqConnection *conn,
                const char     *sql,
                PGresult       *result)
{
  if (!g_str_equal (sql, "COMMIT") || result == NULL || g_str_equal (PQcmdStatus (result), "COMMIT"))
    return FALSE;
  g_free (conn->message);
  conn->message = g_strdup (_("the server undid the change, as one of its statements had failed"));
  g_clear_pointer (&conn->sqlstate, g_free);
  return TRUE;
}

/* One statement without parameters (COMMIT, NOTIFY, lastval ()) sent after what is waiting in
 * the pipeline, and answered with it. */
static gboolean
run_in_pipeline (RifqConnection  *conn,
                 const char      *sql,
                 PGresult       **out_result)
{
  PGresult *result = NULL;
  Sent *sent;
  gboolean ok;

  if (PQsendQueryParams (conn->pg, sql, 0, NULL, NULL, NULL, NULL, 0) != 1)
    {
      remember_failure (conn, sql, NULL);
      pipeline_finish (conn);
      return FALSE;
    }
  sent = g_new0 (Sent, 1);
  sent->kind = SENT_SIMPLE;
  sent->out = &result;
  g_queue_push_tail (&conn->sent, sent);
  ok = pipeline_finish (conn);
  if (!ok || out_result == NULL)
    g_clear_pointer (&result, PQclear);
  else
    *out_result = result;
  return ok;
}

/* The COMMIT of a write: the answers the write read are kept for the next write, which uses them
 * if the count of writes is then one more than when this one began (its own, counted once: the
 * count's row is held from its start, so no one else's write is counted in between). */
static gboolean
commit_keeping_answers (RifqConnection  *conn,
                        PGresult       **out_result)
{
  g_autoptr(RifqPgAnswers) kept = g_steal_pointer (&conn->answers);
  PGresult *answer = NULL;
  Sent *sent;
  gboolean ok;

  conn->answers = rifq_pg_answers_new ();
  g_clear_pointer (&conn->kept_generation, g_free);
  ok = pipeline_start (conn) && PQsendQueryParams (conn->pg, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) == 1;
  if (ok)
    {
      sent = g_new0 (Sent, 1);
      sent->kind = SENT_SIMPLE;
      sent->out = &answer;
      g_queue_push_tail (&conn->sent, sent);
    }
  else
    remember_failure (conn, "COMMIT", NULL);
  ok = pipeline_finish (conn) && ok && !commit_refused (conn, "COMMIT", answer);
  conn->in_transaction = FALSE;
  conn->write_failed = FALSE;
  if (ok && conn->began_count >= 0 && conn->wrote && rifq_pg_answers_size (kept) <= ANSWERS_KEPT_MAX)
    {
      conn->kept_generation = g_strdup_printf ("%" G_GINT64_FORMAT, conn->began_count + 1);
      g_clear_pointer (&conn->answers, rifq_pg_answers_free);
      conn->answers = g_steal_pointer (&kept);
    }
  if (ok && out_result != NULL)
    *out_result = g_steal_pointer (&answer);
  g_clear_pointer (&answer, PQclear);
  return ok;
}

static gboolean
run_simple (RifqConnection  *conn,
            const char      *sql,
            PGresult       **out_result)
{
  gboolean ending = g_str_equal (sql, "ROLLBACK") || g_str_equal (sql, "COMMIT");
  PGresult *result;

  /* A write's COMMIT keeps what the write read, for the next write to use while nothing else
   * is written. */
  if (g_str_equal (sql, "COMMIT") && conn->begin_sql != NULL && conn->in_transaction && !conn->write_failed &&
      PQstatus (conn->pg) == CONNECTION_OK)
    return commit_keeping_answers (conn, out_result);

  /* BEGIN, ROLLBACK, SET…: whatever it changes, nothing read before it is kept. A notification,
   * or asking the id just given, changes nothing. */
  if (!g_str_has_prefix (sql, "NOTIFY ") && !g_str_equal (sql, "SELECT lastval ()"))
    {
      forget_answers (conn);
      g_clear_pointer (&conn->kept_generation, g_free);
    }
  /* A write one of whose statements failed runs nothing more but its ROLLBACK. */
  if (conn->write_failed && !g_str_equal (sql, "ROLLBACK"))
    {
      if (ending)
        conn->in_transaction = FALSE;
      return FALSE;
    }
  if (g_str_equal (sql, "ROLLBACK"))
    conn->write_failed = FALSE;
  /* The end of a read in one state (COMMIT, and what follows it). */
  if (g_str_has_prefix (sql, "COMMIT"))
    conn->in_snapshot = FALSE;
  /* Undoing over a lost session: the server undid it already; the session is made again when
   * next needed, not now (a connection attempt can take seconds). */
  if (g_str_equal (sql, "ROLLBACK") && PQstatus (conn->pg) != CONNECTION_OK)
    {
      conn->in_transaction = FALSE;
      pipeline_abandon (conn);
      return TRUE;
    }

  /* A write's notification needs no answer: it goes with the COMMIT that follows. */
  if (conn->in_transaction && g_str_has_prefix (sql, "NOTIFY ") && PQstatus (conn->pg) == CONNECTION_OK)
    {
      Sent *sent;

      if (!pipeline_start (conn) || PQsendQueryParams (conn->pg, sql, 0, NULL, NULL, NULL, NULL, 0) != 1)
        {
          remember_failure (conn, sql, NULL);
          return FALSE;
        }
      sent = g_new0 (Sent, 1);
      sent->kind = SENT_SIMPLE;
      g_queue_push_tail (&conn->sent, sent);
      return TRUE;
    }
  if (conn->piping)
    {
      gboolean ok;

      /* Undoing needs no answer to what was sent; anything else is answered after it. */
      if (g_str_equal (sql, "ROLLBACK") || strchr (sql, ';') != NULL)
        ok = pipeline_finish (conn) || g_str_equal (sql, "ROLLBACK");
      else
        {
          PGresult *answer = NULL;

          ok = run_in_pipeline (conn, sql, &answer) && !commit_refused (conn, sql, answer);
          if (ending)
            {
              conn->in_transaction = FALSE;
              conn->write_failed = FALSE;
            }
          if (ok && out_result != NULL)
            *out_result = g_steal_pointer (&answer);
          g_clear_pointer (&answer, PQclear);
          return ok;
        }
      if (!ok)
        return FALSE;
    }
  if (!ensure_session (conn, g_str_equal (sql, "ROLLBACK")))
    return FALSE;
  /* Lost with the session: nothing to roll back. */
  if (g_str_equal (sql, "ROLLBACK") && PQtransactionStatus (conn->pg) == PQTRANS_IDLE)
    {
      conn->in_transaction = FALSE;
      return TRUE;
    }
  result = PQexec (conn->pg, sql);
  /* A session found lost when used, outside a write (a write's first statement included): made
   * again, and the statement given once more. */
  if (PQstatus (conn->pg) != CONNECTION_OK && !conn->in_transaction && !conn->in_snapshot && !ending)
    {
      PQclear (result);
      if (!ensure_session (conn, FALSE))
        return FALSE;
      result = PQexec (conn->pg, sql);
    }
  if (ending)
    conn->in_transaction = FALSE;
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      remember_failure (conn, sql, result);
      PQclear (result);
      return FALSE;
    }
  if (strstr (sql, "BEGIN ISOLATION LEVEL REPEATABLE READ") != NULL)
    conn->in_snapshot = TRUE;
  if (commit_refused (conn, sql, result))
    {
      PQclear (result);
      return FALSE;
    }
  if (out_result != NULL)
    *out_result = result;
  else
    PQclear (result);
  return TRUE;
}

static gboolean
pg_exec (RifqConnection  *conn,
         const char      *sql,
         GError         **error)
{
  if (!run_simple (conn, sql, NULL))
    {
      pg_fail (conn, error);
      return FALSE;
    }
  return TRUE;
}

/* The first column of the first row of sql, or NULL when it has no row. */
static gboolean
query_text (RifqConnection  *conn,
            const char      *sql,
            char           **out_text,
            GError         **error)
{
  PGresult *result = NULL;

  if (!run_simple (conn, sql, &result))
    {
      pg_fail (conn, error);
      return FALSE;
    }
  *out_text = PQntuples (result) > 0 && !PQgetisnull (result, 0, 0) ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
  PQclear (result);
  return TRUE;
}

static void
pg_close (RifqConnection *conn)
{
  if (conn == NULL)
    return;
  if (conn->piping)
    pipeline_finish (conn);
  g_clear_pointer (&conn->pg, PQfinish);
  g_clear_pointer (&conn->answers, rifq_pg_answers_free);
  g_clear_pointer (&conn->write_start, pg_finalize);
  g_free (conn->begin_sql);
  g_free (conn->kept_generation);
  g_free (conn->location);
  g_free (conn->session);
  g_free (conn->sqlstate);
  g_free (conn->message);
  g_free (conn);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RifqConnection, pg_close)

static gboolean
is_secret (const char *keyword)
{
  return g_str_equal (keyword, "password") || g_str_equal (keyword, "sslpassword");
}

/* A password written into the address is never shown nor recorded: the address is given again
 * without it, keyword by keyword. */
static char *
pg_display (const char *location)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  gboolean has_password = FALSE;
  GString *shown;

  /* An address libpq cannot read is shown by its host part alone, lest it hold a password. */
  if (options == NULL)
    return g_strdup (g_str_has_prefix (location, "postgres") ? _("(an address that cannot be read)") : location);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    has_password |= is_secret (o->keyword) && o->val != NULL;
  if (!has_password)
    {
      PQconninfoFree (options);
      return g_strdup (location);
    }
  shown = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && !is_secret (o->keyword))
      g_string_append_printf (shown, "%s%s=%s", shown->len ? " " : "", o->keyword, o->val);
  PQconninfoFree (options);
  return g_string_free (shown, FALSE);
}

/* A value of a connection string, quoted as libpq reads it back. */
static void
append_option (GString    *info,
               const char *keyword,
               const char *value)
{
  g_string_append_printf (info, "%s%s='", info->len > 0 ? " " : "", keyword);
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (info, '\\');
      g_string_append_c (info, *c);
    }
  g_string_append_c (info, '\'');
}

/* The database an address names, as libpq would settle it (a service's, the default's), and
 * whether its server is reached over a network (not a Unix socket). */
static char *
database_of (const char *location,
             gboolean   *out_network)
{
  const char *keywords[] = { "dbname", NULL };
  const char *values[] = { location, NULL };
  PGconn *probe = PQconnectStartParams (keywords, values, 1);
  char *name = probe != NULL && PQstatus (probe) != CONNECTION_BAD && PQdb (probe) != NULL
               ? g_strdup (PQdb (probe)) : NULL;
  const char *host = probe != NULL ? PQhost (probe) : NULL;

  *out_network = host != NULL && *host != '\0' && host[0] != '/' && host[0] != '@';
  PQfinish (probe);
  return name;
}

/* Each member of staff logs in as "username@database", a role of the server's own
 * (migrations-postgres/0016-server-roles.sql): the address again, key by key, with that role
 * and the password in place of any user or password it named. */
static char *
pg_login_location (const char  *location,
                   const char  *username,
                   const char  *password,
                   GError     **error)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  g_autofree char *database = NULL;
  g_autofree char *role = NULL;
  gboolean network = FALSE;
  GString *info;

  if (options == NULL || (database = database_of (location, &network)) == NULL)
    {
      PQconninfoFree (options);
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The association’s server cannot be reached: %s"),
                   _("check the address"));
      return NULL;
    }
  role = g_strconcat (username, "@", database, NULL);
  info = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && !g_str_equal (o->keyword, "user") && !is_secret (o->keyword) &&
        !g_str_equal (o->keyword, "dbname"))
      append_option (info, o->keyword, o->val);
  append_option (info, "dbname", database);
  append_option (info, "user", role);
  append_option (info, "password", password);
  /* The password typed, never one kept in a file for someone else at this computer. */
  append_option (info, "passfile", "/dev/null");
  /* Over a network, SCRAM bound to the TLS channel: a server that is not the association's
   * (an address changed) gets no password in clear, nor one it could replay. */
  if (network)
    append_option (info, "channel_binding", "require");
  PQconninfoFree (options);
  return g_string_free (info, FALSE);
}

static char *
pg_password_verifier (RifqConnection  *conn,
                      const char      *username,
                      const char      *password,
                      GError         **error)
{
  g_autofree char *role = g_strconcat (username, "@", PQdb (conn->pg), NULL);
  char *made = PQencryptPasswordConn (conn->pg, password, role, "scram-sha-256");
  char *verifier;

  if (made == NULL)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("The password could not be prepared for the server: %s"),
                   PQerrorMessage (conn->pg));
      return NULL;
    }
  verifier = g_strdup (made);
  PQfreemem (made);
  return verifier;
}

/* The address for PostgreSQL's own programs: each value quoted, no password (it goes by their
 * environment). */
static char *
quoted_address (const char *location)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  GString *info = g_string_new (NULL);

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (o->val != NULL && !is_secret (o->keyword))
      append_option (info, o->keyword, o->val);
  PQconninfoFree (options);
  return g_string_free (info, FALSE);
}

static char *
pg_identity (RifqConnection *conn)
{
  return g_strdup_printf ("postgresql://%s:%s/%s", PQhost (conn->pg), PQport (conn->pg), PQdb (conn->pg));
}

/* A server's database is Rifq's when its schema holds Rifq's version table, or nothing yet: a
 * database of another program, or of a newer Rifq, is refused before anything is written. */
static gboolean
check_identity (RifqConnection  *conn,
                int             *out_schema_version,
                GError         **error)
{
  g_autofree char *found = NULL;
  g_autofree char *application = NULL;
  g_autofree char *version = NULL;

  /* Both facts by one statement, one snapshot: read one after the other, another workstation
   * setting up the same new server could commit its first tables in between, and the database
   * be found neither empty nor Rifq's. */
  if (!query_text (conn, "SELECT CASE WHEN bool_or (c.relname = 'rifq_schema') THEN 'rifq'"
                         " WHEN count(*) = 0 THEN 'empty' ELSE 'other' END"
                         " FROM pg_catalog.pg_class c"
                         " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                         " WHERE n.nspname = current_schema () AND c.relkind IN ('r', 'v', 'm', 'p')",
                   &found, error))
    return FALSE;

  *out_schema_version = 0;
  if (g_strcmp0 (found, "rifq") != 0)
    {
      if (g_strcmp0 (found, "empty") != 0)
        {
          rifq_engine_refuse_foreign (conn->location, error);
          return FALSE;
        }
      return TRUE;
    }

  if (!query_text (conn, "SELECT application FROM rifq_schema", &application, error) ||
      !query_text (conn, "SELECT version FROM rifq_schema", &version, error))
    return FALSE;
  if (g_strcmp0 (application, APPLICATION) != 0)
    {
      rifq_engine_refuse_foreign (conn->location, error);
      return FALSE;
    }
  *out_schema_version = version != NULL ? (int) g_ascii_strtoll (version, NULL, 10) : 0;
  if (!rifq_engine_check_version (conn->location, *out_schema_version, error))
    return FALSE;
  return TRUE;
}

/* Names sort, and a typed prefix finds its names, byte by byte, as on a desk's file: a database
 * whose text sorts by a language's rules would list and find otherwise. */
static gboolean
check_collation (RifqConnection  *conn,
                 GError         **error)
{
  g_autofree char *collation = NULL;

  if (!query_text (conn, "SELECT CASE WHEN datlocprovider = 'i' THEN 'icu:' || daticulocale ELSE datcollate END"
                         " FROM pg_catalog.pg_database WHERE datname = current_database ()", &collation, error))
    return FALSE;
  if (collation == NULL || g_str_equal (collation, "C") || g_str_equal (collation, "POSIX") ||
      g_str_has_prefix (collation, "C."))
    return TRUE;
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_FOREIGN_DATABASE,
               _("The server’s database “%s” sorts text by the rules of a language (%s); Rifq needs it to sort "
                 "byte by byte, as on a desk. Create it with LC_COLLATE 'C' (build-aux/server does). "
                 "Nothing was written."), PQdb (conn->pg), collation);
  return FALSE;
}

/* A connection the server refused once the password was right (the database gone, its
 * connections all taken): not a wrong password. (A role that may not connect to this database
 * is no one here: that is the wrong name's sentence.) The server's English messages; in another
 * language, the wrong password's sentence stands. */
static gboolean
refused_after_the_password (const char *message)
{
  return strstr (message, "too many connections") != NULL ||
         strstr (message, "connection slots are reserved") != NULL ||
         (strstr (message, "database \"") != NULL && strstr (message, "does not exist") != NULL);
}

/* Since schema 16, a session is a member of staff's own role, or the owner's (or a superuser's,
 * at the server): any other (a role given the tables by hand, its password in ~/.pgpass) is asked
 * who it is, as a workstation with no credential is. */
static gboolean
is_staff_or_owner (RifqConnection  *conn,
                   GError         **error)
{
  g_autofree char *answer = NULL;

  if (!query_text (conn, "SELECT rifq_person () IS NOT NULL OR pg_has_role (session_user,"
                         " (SELECT datdba FROM pg_catalog.pg_database WHERE datname = current_database ()), 'MEMBER')",
                   &answer, error))
    return FALSE;
  if (g_strcmp0 (answer, "t") == 0)
    return TRUE;
  g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_CREDENTIALS,
                       _("The association’s server asks who is connecting: log in."));
  return FALSE;
}

static RifqConnection *
pg_open (const char    *location,
         RifqOpenMode   mode,
         int           *out_schema_version,
         GError       **error)
{
  g_autoptr(RifqConnection) conn = g_new0 (RifqConnection, 1);

  conn->location = pg_display (location);
  conn->answers = rifq_pg_answers_new ();
  conn->pg = connect_to (location);
  if (conn->pg != NULL && PQstatus (conn->pg) != CONNECTION_OK && PQconnectionNeedsPassword (conn->pg))
    {
      /* No password kept for this workstation's user: a member of staff logs in as themselves. */
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_CREDENTIALS,
                           _("The association’s server asks who is connecting: log in."));
      return NULL;
    }
  if (conn->pg != NULL && PQstatus (conn->pg) != CONNECTION_OK && PQconnectionUsedPassword (conn->pg) &&
      !refused_after_the_password (PQerrorMessage (conn->pg)))
    {
      g_debug ("refused by the server: %s", PQerrorMessage (conn->pg));
      g_set_error_literal (error, RIFQ_ERROR, RIFQ_ERROR_LOGIN, _("The user name or the password is wrong."));
      return NULL;
    }
  if (conn->pg == NULL || PQstatus (conn->pg) != CONNECTION_OK)
    {
      /* libpq may quote the address it could not read, password and all. */
      g_autofree char *why = !g_str_equal (conn->location, location)
                             ? g_strdup (_("check the address, the network and the password kept for it"))
                             : g_strdup (conn->pg != NULL ? PQerrorMessage (conn->pg) : g_strerror (ENOMEM));

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("The association’s server cannot be reached: %s"), g_strchomp (why));
      return NULL;
    }

  /* Text compares as SQLite compares it, byte by byte; dates are written by the store. */
  /* Plans are kept by the server for each prepared statement, and made again when a table's
   * statistics change: a large write (an import, a copy, a demonstration) refreshes them as it
   * goes (rifq_db_refresh_statistics), so no plan made for an empty table outlives it. */
  conn->session = g_strconcat ("SET client_encoding = 'UTF8'; SET client_min_messages = warning;"
                               " SET lock_timeout = '" LOCK_TIMEOUT "'; SET TIME ZONE 'UTC';"
                               /* A workstation gone in the middle of a write lets the others
                                * write again within a minute: the server ends its session. */
                               " SET idle_in_transaction_session_timeout = '" IDLE_IN_WRITE "';",
                               mode == RIFQ_OPEN_INSPECT ? " SET default_transaction_read_only = on;" : "", NULL);
  if (!pg_exec (conn, conn->session, error))
    return NULL;

  if (!check_identity (conn, out_schema_version, error) || !check_collation (conn, error))
    return NULL;
  if (*out_schema_version >= 16 && !is_staff_or_owner (conn, error))
    return NULL;
  if (mode == RIFQ_OPEN_INSPECT && *out_schema_version == 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_NOT_FOUND,
                   _("The server’s database “%s” is not set up for Rifq yet: set it up with “rifq-admin server init”."),
                   conn->location);
      return NULL;
    }
  return g_steal_pointer (&conn);
}

static gboolean
pg_begin_write (RifqConnection  *conn,
                GError         **error)
{
  g_autofree char *kept_generation = g_steal_pointer (&conn->kept_generation);
  g_autoptr(RifqPgAnswers) kept = NULL;
  g_autofree char *sql = NULL;
  PGresult *counted = NULL;
  PGresult *asked = NULL;
  guint session;

  if (conn->begin_sql == NULL)
    {
      if (!pg_exec (conn, WRITE_BEGIN_SQL, error))
        {
          run_simple (conn, "ROLLBACK", NULL);
          return FALSE;
        }
      conn->in_transaction = TRUE;
      return TRUE;
    }

  /* The count of writes and the write's usual first read, in the same round trip as the lock:
   * the count as this connection's last COMMIT left it, and what that write read still holds.
   * The count's row is held to the end of the write: another program's change committed while
   * this write runs could not be told from this write's own, so it waits for this one, and counts
   * after it. Prepared once a session: planned once, not at every write. A session found lost
   * by the lock forgot what it prepared: it is prepared again in the new one, once. */
  kept = g_steal_pointer (&conn->answers);
  conn->answers = rifq_pg_answers_new ();
  conn->began_count = -1;
  conn->wrote = FALSE;
  session = conn->generation;
  for (guint attempt = 0; ; attempt++)
    {
      gboolean had_session = ensure_session (conn, FALSE);
      const char *name = had_session ? ensure_prepared (conn->write_start) : NULL;

      if (name != NULL)
        {
          if (conn->piping)
            pipeline_finish (conn);
          g_free (sql);
          sql = g_strconcat (WRITE_START_SQL, name, NULL);
          counted = PQexec (conn->pg, sql);
          if (PQresultStatus (counted) == PGRES_TUPLES_OK)
            break;
          remember_failure (conn, "BEGIN", counted);
          g_clear_pointer (&counted, PQclear);
        }
      /* Found lost as it began, by the statement prepared or the start itself: once more, in a
       * session made again (once: a server that cannot be reached is not waited for twice). */
      if (attempt == 0 && had_session && PQstatus (conn->pg) != CONNECTION_OK)
        continue;
      pg_fail (conn, error);
      run_simple (conn, "ROLLBACK", NULL);
      return FALSE;
    }
  conn->in_transaction = TRUE;
  /* Not on a session made again meanwhile: what was kept went with the old one. */
  if (PQntuples (counted) == 1)
    conn->began_count = g_ascii_strtoll (PQgetvalue (counted, 0, 0), NULL, 10);
  if (kept_generation != NULL && session == conn->generation && PQntuples (counted) == 1 &&
      g_str_equal (PQgetvalue (counted, 0, 0), kept_generation))
    {
      g_clear_pointer (&conn->answers, rifq_pg_answers_free);
      conn->answers = g_steal_pointer (&kept);
    }
  asked = rifq_pg_answers_after_first_column (counted);
  if (asked != NULL)
    {
      g_autoptr(GBytes) key = rifq_pg_answers_key (conn->begin_sql, 0, NULL, NULL, NULL, NULL);

      keep_answer (conn, key, rifq_pg_answers_epoch (conn->answers), asked);
    }
  g_clear_pointer (&asked, PQclear);
  PQclear (counted);
  return TRUE;
}

static void
pg_ask_with_begin (RifqConnection *conn,
                   const char     *sql)
{
  g_autofree char *start = NULL;
  int n_params = 0;

  g_free (conn->begin_sql);
  conn->begin_sql = translate_parameters (sql, &n_params);
  g_clear_pointer (&conn->kept_generation, g_free);
  /* With what the server has counted of the transactions that changed its tables. */
  start = g_strconcat ("SELECT held_write_count (), c.* FROM (", conn->begin_sql, ") c", NULL);
  g_clear_pointer (&conn->write_start, pg_finalize);
  conn->write_start = pg_prepare (conn, start, NULL);
}

static gboolean
pg_read_schema_version (RifqConnection  *conn,
                        int             *out_version,
                        GError         **error)
{
  g_autofree char *exists = NULL;
  g_autofree char *version = NULL;

  *out_version = 0;
  /* The table is named only once it exists: a statement naming a missing one fails whole. The
   * catalogue is read as a table, by this statement's snapshot: to_regclass () could answer from
   * what this session cached before the lock was granted, and miss the table another workstation
   * made meanwhile. */
  if (!query_text (conn, "SELECT count(*) > 0 FROM pg_catalog.pg_class c"
                         " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                         " WHERE c.relname = 'rifq_schema' AND n.nspname = current_schema ()", &exists, error))
    return FALSE;
  if (g_strcmp0 (exists, "t") != 0)
    return TRUE;
  if (!query_text (conn, "SELECT max (version) FROM rifq_schema", &version, error))
    return FALSE;
  *out_version = version != NULL ? (int) g_ascii_strtoll (version, NULL, 10) : 0;
  return TRUE;
}

/* Runs one of PostgreSQL's own programs (pg_dump, pg_restore) to its end; its complaint, if any,
 * in error. */
static gboolean
run_client (const char * const  *argv,
            const char          *location,
            const char          *doing,
            GError             **error)
{
  g_autoptr(GError) spawn_error = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_get_environ ();
  PQconninfoOption *options = location != NULL ? PQconninfoParse (location, NULL) : NULL;
  int status = 0;

  /* A table another workstation holds is waited for ten seconds, not for ever. */
  env = g_environ_setenv (env, "PGOPTIONS", "-c lock_timeout=10s", TRUE);
  env = g_environ_setenv (env, "PGCONNECT_TIMEOUT", CONNECT_TIMEOUT, TRUE);
  /* A password written into the address reaches the program by its environment, never its
   * command line (which every user of the computer can list); nor does a backup's passphrase. */
  env = g_environ_unsetenv (env, "RIFQ_BACKUP_PASSPHRASE");
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL)
      env = g_environ_setenv (env, "PGPASSWORD", o->val, TRUE);
  PQconninfoFree (options);
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     &err, &status, &spawn_error))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("%s needs PostgreSQL’s %s (Debian’s postgresql-client): %s"), doing, argv[0],
                   spawn_error->message);
      return FALSE;
    }
  if (g_spawn_check_wait_status (status, NULL))
    return TRUE;
  g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("%s failed: %s"), doing,
               err != NULL && *err != '\0' ? g_strstrip (err) : argv[0]);
  return FALSE;
}

static gboolean
pg_backup (RifqConnection  *conn,
           const char      *location,
           const char      *path,
           GError         **error)
{
  g_autofree char *file = g_strconcat ("--file=", path, NULL);
  g_autofree char *shown = quoted_address (location);
  g_autofree char *database = g_strconcat ("--dbname=", shown, NULL);
  int fd;

  /* Made first, by its owner alone: pg_dump writes into it. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE, _("Cannot write “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  /* An administrator logged in as their own role reads the audit log through its row-level
   * security (which lets them read it whole); the owner is not subject to it. */
  return run_client ((const char *[]) { "pg_dump", "--format=custom", "--no-owner", "--enable-row-security", file,
                                        database, NULL }, location,
                     _("The server’s backup (pg_dump)"), error);
}

static gboolean
pg_backup_check (const char  *path,
                 GError     **error)
{
  return run_client ((const char *[]) { "pg_restore", "--list", path, NULL }, NULL,
                     _("Reading the server’s backup (pg_restore)"), error);
}

/* One transaction: the tables of the backup dropped and made again with its rows, or, at the
 * first error, nothing changed. */
static gboolean
pg_restore (const char  *location,
            const char  *path,
            GError     **error)
{
  g_autofree char *shown = quoted_address (location);
  g_autofree char *database = g_strconcat ("--dbname=", shown, NULL);

  /* The grants given to each member of staff's own role come back with the tables. */
  return run_client ((const char *[]) { "pg_restore", "--single-transaction", "--exit-on-error", "--clean",
                                        "--if-exists", "--no-owner", database, path, NULL }, location,
                     _("Restoring the server’s database (pg_restore)"), error);
}

static gboolean
pg_set_schema_version (RifqConnection  *conn,
                       int              version,
                       GError         **error)
{
  g_autofree char *sql = g_strdup_printf (
    "CREATE TABLE IF NOT EXISTS rifq_schema (application text NOT NULL, version integer NOT NULL);"
    " DELETE FROM rifq_schema;"
    " INSERT INTO rifq_schema (application, version) VALUES ('" APPLICATION "', %d);", version);

  return pg_exec (conn, sql, error);
}

/* The server keeps its own pages whole (checksums, write-ahead log); what can be asked here is
 * that every table of the schema reads to its end. */
static gboolean
pg_integrity_check (RifqConnection  *conn,
                    GError         **error)
{
  /* Each table counted to its end, its name quoted by the server itself (format's %I). */
  if (!run_simple (conn, "SELECT sum ((xpath ('/row/n/text()', query_to_xml (format ('SELECT count(*) AS n FROM %I',"
                         " c.relname), false, true, '')))[1]::text::bigint) FROM pg_catalog.pg_class c"
                         " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                         " WHERE n.nspname = current_schema () AND c.relkind = 'r'", NULL))
    {
      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("The database file is damaged: %s"), conn->message);
      return FALSE;
    }
  return TRUE;
}

/* Statements */

/* SQLite's ?N (or a bare ?, one more than the highest so far) as PostgreSQL's $N; text in
 * quotes, quoted names and comments are copied as they are. */
static char *
translate_parameters (const char *sql,
                      int        *out_n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int highest = 0;

  for (const char *p = sql; *p != '\0';)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              g_string_append_c (out, *p);
              if (*p++ == quote)
                break;
            }
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (*p == '?')
        {
          int number;

          p++;
          if (g_ascii_isdigit (*p))
            {
              char *end;

              number = (int) g_ascii_strtoll (p, &end, 10);
              p = end;
            }
          else
            number = highest + 1;
          highest = MAX (highest, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p++);
    }

  *out_n_params = highest;
  return g_string_free (out, FALSE);
}

static void
clear_values (PgStatement *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->lengths[i] = 0;
      stmt->formats[i] = 0;
      stmt->types[i] = 0;
    }
}

static void
clear_result (PgStatement *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  g_ptr_array_set_size (stmt->blobs, 0);
  stmt->executed = FALSE;
  stmt->ahead = FALSE;
  stmt->row = -1;
  stmt->changes = 0;
}

static gpointer
pg_prepare (RifqConnection  *conn,
            const char      *sql,
            GError         **error)
{
  PgStatement *stmt = g_new0 (PgStatement, 1);

  stmt->conn = conn;
  stmt->sql = translate_parameters (sql, &stmt->n_params);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->lengths = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->formats = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  stmt->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt->blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  stmt->row = -1;
  stmt->generation = conn->generation;
  /* A WITH whose statement changes a table (the audit's tail) is a write too. */
  stmt->is_write = (g_str_has_prefix (stmt->sql, "INSERT ") || g_str_has_prefix (stmt->sql, "UPDATE ") ||
                    g_str_has_prefix (stmt->sql, "DELETE ") ||
                    (g_str_has_prefix (stmt->sql, "WITH ") && strstr (stmt->sql, ") INSERT INTO ") != NULL)) &&
                   strstr (stmt->sql, "RETURNING") == NULL;
  stmt->reads = g_str_has_prefix (stmt->sql, "SELECT ") && strstr (stmt->sql, " FOR UPDATE") == NULL &&
                strstr (stmt->sql, "nextval") == NULL && strstr (stmt->sql, "setval") == NULL &&
                strstr (stmt->sql, "pg_") == NULL && strstr (stmt->sql, "clock_timestamp") == NULL &&
                strstr (stmt->sql, "random") == NULL;
  if (!stmt->reads)
    {
      gboolean with = g_str_has_prefix (stmt->sql, "WITH ");
      g_autoptr(GRegex) target = g_regex_new (with ? "(?:INSERT INTO|UPDATE|DELETE FROM) ([a-z_]+)[ (]"
                                                   : "^(?:INSERT INTO|UPDATE|DELETE FROM) ([a-z_]+)[ (]",
                                              0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GStrvBuilder) tables = g_strv_builder_new ();
      gboolean found = FALSE;

      for (g_regex_match (target, stmt->sql, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *table = g_match_info_fetch (match, 1);

          g_strv_builder_add (tables, table);
          found = TRUE;
        }
      if (found)
        stmt->changes_tables = g_strv_builder_end (tables);
    }
  return stmt;
}

static void
pg_finalize (gpointer native)
{
  PgStatement *stmt = native;

  if (stmt == NULL)
    return;
  /* Nothing waiting may point at it once it is gone. */
  if (stmt->conn->piping)
    pipeline_finish (stmt->conn);
  clear_result (stmt);
  clear_values (stmt);
  /* The server forgets a prepared statement with the connection; one closed earlier is told,
   * and one of a session since lost is gone already. */
  if (stmt->conn->pg != NULL && PQstatus (stmt->conn->pg) == CONNECTION_OK &&
      stmt->generation == stmt->conn->generation)
    {
      GHashTableIter iter;
      const char *name;

      g_hash_table_iter_init (&iter, stmt->prepared);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &name))
        {
          g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", name);

          run_simple (stmt->conn, sql, NULL);
        }
    }
  g_hash_table_unref (stmt->prepared);
  g_ptr_array_unref (stmt->blobs);
  g_free (stmt->values);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt->types);
  g_strfreev (stmt->changes_tables);
  g_free (stmt->sql);
  g_free (stmt);
}

static void
pg_reset (gpointer native,
          gboolean unbind)
{
  PgStatement *stmt = native;

  /* Sent ahead and never read: its answer is taken off the line first. */
  if (stmt->awaiting)
    pipeline_finish (stmt->conn);
  clear_result (stmt);
  stmt->failed = FALSE;
  if (unbind)
    clear_values (stmt);
}

static gboolean
in_range (PgStatement *stmt,
          int          index)
{
  return index >= 1 && index <= stmt->n_params;
}

static void
pg_bind_text (gpointer    native,
              int         index,
              const char *text)
{
  PgStatement *stmt = native;

  g_return_if_fail (in_range (stmt, index));
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = g_strdup (text);
  stmt->lengths[index - 1] = 0;
  stmt->formats[index - 1] = 0;
  stmt->types[index - 1] = 0;
}

static void
pg_bind_int64 (gpointer native,
               int      index,
               gint64   value)
{
  PgStatement *stmt = native;

  g_return_if_fail (in_range (stmt, index));
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  stmt->formats[index - 1] = 0;
  stmt->types[index - 1] = INT8_OID;
}

static void
pg_bind_null (gpointer native,
              int      index)
{
  PgStatement *stmt = native;

  g_return_if_fail (in_range (stmt, index));
  g_clear_pointer (&stmt->values[index - 1], g_free);
  stmt->types[index - 1] = 0;
}

static void
pg_bind_blob (gpointer      native,
              int           index,
              gconstpointer data,
              gsize         size)
{
  PgStatement *stmt = native;

  g_return_if_fail (in_range (stmt, index));
  g_free (stmt->values[index - 1]);
  /* Binary format: the bytes as they are. A NULL pointer of no bytes is still a value. */
  stmt->values[index - 1] = size > 0 ? g_memdup2 (data, size) : g_strdup ("");
  stmt->lengths[index - 1] = (int) size;
  stmt->formats[index - 1] = 1;
  stmt->types[index - 1] = BYTEA_OID;
}

/* The name of the statement prepared for the parameters' types as they are bound now. */
static const char *
ensure_prepared (PgStatement *stmt)
{
  GString *key = g_string_new (NULL);
  const char *name;
  PGresult *result;

  /* Prepared in a session since lost: the server forgot them with it. */
  if (stmt->generation != stmt->conn->generation)
    {
      g_hash_table_remove_all (stmt->prepared);
      stmt->generation = stmt->conn->generation;
    }
  for (int i = 0; i < stmt->n_params; i++)
    g_string_append_printf (key, "%u,", stmt->types[i]);
  name = g_hash_table_lookup (stmt->prepared, key->str);
  if (name != NULL)
    {
      g_string_free (key, TRUE);
      return name;
    }

  {
    g_autofree char *new_name = g_strdup_printf ("rifq_%u", ++stmt->conn->n_prepared);

    /* In the pipeline, prepared in the same round trip as it is first run. */
    if (stmt->conn->piping)
      {
        Sent *sent;

        if (PQsendPrepare (stmt->conn->pg, new_name, stmt->sql, stmt->n_params, stmt->types) != 1)
          {
            remember_failure (stmt->conn, stmt->sql, NULL);
            g_string_free (key, TRUE);
            return NULL;
          }
        sent = g_new0 (Sent, 1);
        sent->kind = SENT_PREPARE;
        sent->stmt = stmt;
        sent->key = g_strdup (key->str);
        g_queue_push_tail (&stmt->conn->sent, sent);
        name = new_name;
        g_hash_table_insert (stmt->prepared, g_string_free (key, FALSE), g_steal_pointer (&new_name));
        return name;
      }
    result = PQprepare (stmt->conn->pg, new_name, stmt->sql, stmt->n_params, stmt->types);
    if (PQresultStatus (result) != PGRES_COMMAND_OK)
      {
        remember_failure (stmt->conn, stmt->sql, result);
        PQclear (result);
        g_string_free (key, TRUE);
        return NULL;
      }
    PQclear (result);
    name = new_name;
    g_hash_table_insert (stmt->prepared, g_string_free (key, FALSE), g_steal_pointer (&new_name));
  }
  return name;
}

/* Sends stmt down the pipeline with the values bound: its answer is read with the next one
 * needed (wanted: its rows, when it is stepped). */
static gboolean
send_execute (PgStatement *stmt,
              gboolean     wanted)
{
  RifqConnection *conn = stmt->conn;
  const char *name;
  Sent *sent;

  if (conn->write_failed)
    return FALSE;
  if (!stmt->reads)
    forget_answers_of (stmt);
  if (g_queue_get_length (&conn->sent) >= PIPELINE_DEPTH && !pipeline_finish (conn))
    return FALSE;
  if (!ensure_session (conn, FALSE) || !pipeline_start (conn))
    return FALSE;
  name = ensure_prepared (stmt);
  if (name == NULL)
    return FALSE;
  if (PQsendQueryPrepared (conn->pg, name, stmt->n_params, (const char * const *) stmt->values, stmt->lengths,
                           stmt->formats, 0) != 1)
    {
      remember_failure (conn, stmt->sql, NULL);
      return FALSE;
    }
  sent = g_new0 (Sent, 1);
  sent->kind = SENT_EXECUTE;
  sent->stmt = stmt;
  sent->serial = ++stmt->serial;
  if (wanted && keeps_answer (stmt))
    {
      sent->answer_key = answer_key (stmt);
      sent->answers_epoch = rifq_pg_answers_epoch (conn->answers);
    }
  g_queue_push_tail (&conn->sent, sent);
  stmt->awaiting = wanted;
  stmt->deferred = !wanted;
  stmt->failed = FALSE;
  stmt->sent_generation = conn->generation;
  return TRUE;
}

static gboolean
pg_send (gpointer native)
{
  PgStatement *stmt = native;

  clear_result (stmt);
  stmt->ahead = TRUE;
  /* Read already in this write: its answer is here. */
  if (answer_from_memory (stmt))
    {
      stmt->awaiting = FALSE;
      stmt->failed = FALSE;
      return TRUE;
    }
  if (!send_execute (stmt, TRUE))
    {
      /* Told when it is stepped. */
      stmt->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* The statement run now and its answer waited for, outside the pipeline. */
static gboolean
execute_now (PgStatement *stmt)
{
  const char *name = NULL;
  g_autoptr(GBytes) key = keeps_answer (stmt) ? answer_key (stmt) : NULL;

  if (!stmt->reads)
    forget_answers_of (stmt);
  /* A session found lost when used, outside a write: made again, and the statement given
   * once more. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_clear_pointer (&stmt->result, PQclear);
      if (!ensure_session (stmt->conn, FALSE))
        return FALSE;
      name = ensure_prepared (stmt);
      if (name != NULL)
        stmt->result = PQexecPrepared (stmt->conn->pg, name, stmt->n_params,
                                       (const char * const *) stmt->values, stmt->lengths, stmt->formats, 0);
      if (PQstatus (stmt->conn->pg) == CONNECTION_OK || stmt->conn->in_transaction || stmt->conn->in_snapshot)
        break;
    }
  if (name == NULL)
    return FALSE;
  if (PQresultStatus (stmt->result) != PGRES_COMMAND_OK && PQresultStatus (stmt->result) != PGRES_TUPLES_OK)
    {
      remember_failure (stmt->conn, stmt->sql, stmt->result);
      g_clear_pointer (&stmt->result, PQclear);
      return FALSE;
    }
  stmt->changes = g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10);
  keep_answer (stmt->conn, key, rifq_pg_answers_epoch (stmt->conn->answers), stmt->result);
  return TRUE;
}

static RifqStep
pg_step (gpointer native)
{
  PgStatement *stmt = native;
  RifqConnection *conn = stmt->conn;

  g_ptr_array_set_size (stmt->blobs, 0);
  if (!stmt->executed)
    {
      gboolean ok;

      stmt->executed = TRUE;
      /* A write one of whose statements failed runs nothing more. */
      if (conn->write_failed)
        return RIFQ_STEP_FAILED;
      if (stmt->ahead)
        {
          /* Sent ahead (pg_send): its answer read with the others', if no one read it yet. */
          stmt->ahead = FALSE;
          ok = (!stmt->awaiting || pipeline_finish (conn)) && !stmt->failed && stmt->result != NULL;
          /* Lost with the session, outside a write: asked again, once the rest is answered. */
          if (!ok && !conn->in_transaction && !conn->in_snapshot &&
              (PQstatus (conn->pg) != CONNECTION_OK || conn->generation != stmt->sent_generation))
            ok = pipeline_finish (conn) && execute_now (stmt);
        }
      else if (stmt->is_write && conn->in_transaction)
        {
          /* A write's change that hands nothing back: its answer comes later. */
          stmt->changes = 0;
          return send_execute (stmt, FALSE) ? RIFQ_STEP_DONE : RIFQ_STEP_FAILED;
        }
      else if (answer_from_memory (stmt))
        ok = TRUE;
      else if (conn->piping)
        /* Asked after what is waiting, and answered with it. */
        ok = send_execute (stmt, TRUE) && pipeline_finish (conn) && !stmt->failed && stmt->result != NULL;
      else
        ok = execute_now (stmt);
      if (!ok)
        {
          if (conn->piping)
            pipeline_finish (conn);
          return RIFQ_STEP_FAILED;
        }
    }

  if (stmt->result == NULL || PQresultStatus (stmt->result) != PGRES_TUPLES_OK)
    return RIFQ_STEP_DONE;
  stmt->row++;
  return stmt->row < PQntuples (stmt->result) ? RIFQ_STEP_ROW : RIFQ_STEP_DONE;
}

static gint64
pg_changes (gpointer native)
{
  PgStatement *stmt = native;

  /* A write sent ahead: its count comes with the pipeline's answers. */
  if (stmt->deferred && !pipeline_finish (stmt->conn))
    return -1;
  if (stmt->failed || stmt->conn->write_failed)
    return -1;
  return stmt->changes;
}

static gint64
pg_last_id (gpointer native)
{
  PgStatement *stmt = native;
  g_autofree char *id = NULL;

  if (!query_text (stmt->conn, "SELECT lastval ()", &id, NULL) || id == NULL)
    return 0;
  return g_ascii_strtoll (id, NULL, 10);
}

static gboolean
pg_is_null (gpointer native,
            int      column)
{
  PgStatement *stmt = native;

  return stmt->result == NULL || stmt->row < 0 || column >= PQnfields (stmt->result) ||
         PQgetisnull (stmt->result, stmt->row, column);
}

static const char *
pg_get_text (gpointer native,
             int      column)
{
  PgStatement *stmt = native;

  if (pg_is_null (native, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

static gint64
pg_get_int64 (gpointer native,
              int      column)
{
  PgStatement *stmt = native;
  const char *text = pg_get_text (native, column);

  if (text == NULL)
    return 0;
  /* A comparison read as a number, as SQLite gives it: 1 or 0. */
  if (PQftype (stmt->result, column) == BOOL_OID)
    return text[0] == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

/* A bytea column of the current row as its bytes, unescaped once. */
static GBytes *
row_bytes (PgStatement *stmt,
           int          column)
{
  const char *text = pg_get_text (stmt, column);
  size_t length = 0;
  guchar *bytes;

  if ((guint) column < stmt->blobs->len && g_ptr_array_index (stmt->blobs, column) != NULL)
    return g_ptr_array_index (stmt->blobs, column);

  bytes = PQunescapeBytea ((const unsigned char *) text, &length);
  if ((guint) column >= stmt->blobs->len)
    g_ptr_array_set_size (stmt->blobs, column + 1);
  g_ptr_array_index (stmt->blobs, column) = g_bytes_new_with_free_func (bytes, length, PQfreemem, bytes);
  return g_ptr_array_index (stmt->blobs, column);
}

static gconstpointer
pg_get_blob (gpointer native,
             int      column)
{
  PgStatement *stmt = native;

  if (pg_is_null (native, column))
    return NULL;
  if (PQftype (stmt->result, column) != BYTEA_OID)
    return pg_get_text (native, column);
  return g_bytes_get_data (row_bytes (stmt, column), NULL);
}

static gsize
pg_get_size (gpointer native,
             int      column)
{
  PgStatement *stmt = native;

  if (pg_is_null (native, column))
    return 0;
  if (PQftype (stmt->result, column) != BYTEA_OID)
    return (gsize) PQgetlength (stmt->result, stmt->row, column);
  return g_bytes_get_size (row_bytes (stmt, column));
}

/* A table whose rows came with their ids: its identity goes on from the highest. */
static gboolean
pg_ids_follow (RifqConnection  *conn,
               const char      *table,
               GError         **error)
{
  char *literal = PQescapeLiteral (conn->pg, table, strlen (table));
  char *name = PQescapeIdentifier (conn->pg, table, strlen (table));
  /* setval () of no sequence (an id given by Rifq) is NULL: nothing to follow. */
  g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence (%s, 'id'),"
                                          " coalesce (max (id), 0) + 1, false) FROM %s", literal, name);

  PQfreemem (literal);
  PQfreemem (name);
  return pg_exec (conn, sql, error);
}

/* Other workstations */

#define CHANNEL "rifq_changes"

static RifqConnection *
pg_watch_open (const char  *location,
               GError     **error)
{
  g_autoptr(RifqConnection) watch = g_new0 (RifqConnection, 1);

  watch->location = pg_display (location);
  watch->pg = connect_to (location);
  if (PQstatus (watch->pg) != CONNECTION_OK)
    {
      g_autofree char *why = g_strdup (PQerrorMessage (watch->pg));

      g_set_error (error, RIFQ_ERROR, RIFQ_ERROR_DATABASE,
                   _("The association’s server cannot be reached: %s"), g_strchomp (why));
      return NULL;
    }
  if (!pg_exec (watch, "LISTEN " CHANNEL, error) || PQsetnonblocking (watch->pg, 1) != 0)
    return NULL;
  return g_steal_pointer (&watch);
}

static int
pg_watch_fd (RifqConnection *watch)
{
  return PQsocket (watch->pg);
}

static int
pg_watch_read (RifqConnection *watch)
{
  PGnotify *notify;
  int told = 0;

  if (!PQconsumeInput (watch->pg) || PQstatus (watch->pg) != CONNECTION_OK)
    return -1;
  while ((notify = PQnotifies (watch->pg)) != NULL)
    {
      told++;
      PQfreemem (notify);
    }
  return told;
}

/* Read by name when the module is loaded (rifq_engine_for_location). */
G_MODULE_EXPORT const RifqEngine rifq_engine_postgres;

const RifqEngine rifq_engine_postgres = {
  .name = "postgresql",
  .migrations = "/org/ruhamaa/Rifq/core/migrations-postgres/",
  /* With the statistics, the pages written are marked as seen by every transaction, so that
   * the search's word tables (schema 13) are read from their indexes alone at once, not after
   * the server's own vacuum comes round. */
  .analyze_sql = "VACUUM (ANALYZE)",
  .many_rows_sql = "SET LOCAL plan_cache_mode = force_custom_plan",
  .table_exists_sql = "SELECT count(*) FROM pg_catalog.pg_tables"
                      " WHERE schemaname = current_schema () AND tablename = ?1",
  /* Not ended by the server for being idle while the copy it feeds is checked. */
  .snapshot_sql = "SET idle_in_transaction_session_timeout = 0; BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
  .snapshot_end_sql = "COMMIT; SET idle_in_transaction_session_timeout = '" IDLE_IN_WRITE "'",
  .columns_sql = "SELECT column_name, data_type = 'bytea' FROM information_schema.columns"
                 " WHERE table_schema = current_schema () AND table_name = ?1 ORDER BY ordinal_position",
  .ids_follow = pg_ids_follow,
  .notify_sql = "NOTIFY " CHANNEL,
  /* Two statements fewer at each write: the entry in a WITH, the notification read once. */
  /* Through the view audit_append (schema 16), which checks a member of staff's entry (in their
   * own name, one after the last) and moves the anchor with it, and tells the others. */
  .audit_tail_sql = "INSERT INTO audit_append (id, at, actor, action, record_kind, record_id, before_json,"
                    " after_json, reason, prev_hash, hash, key_id, entries, last_id, last_hash, anchor_key_id, mac)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
  .watch_open = pg_watch_open,
  .watch_fd = pg_watch_fd,
  .watch_read = pg_watch_read,
  .open = pg_open,
  .close = pg_close,
  .login_location = pg_login_location,
  .password_verifier = pg_password_verifier,
  .display = pg_display,
  .identity = pg_identity,
  .exec = pg_exec,
  .begin_write = pg_begin_write,
  .ask_with_begin = pg_ask_with_begin,
  .read_schema_version = pg_read_schema_version,
  .set_schema_version = pg_set_schema_version,
  .integrity_check = pg_integrity_check,
  .backup = pg_backup,
  .backup_check = pg_backup_check,
  .restore = pg_restore,
  .fail = pg_fail,
  .is_connected = pg_is_connected,
  .prepare = pg_prepare,
  .finalize = pg_finalize,
  .reset = pg_reset,
  .bind_text = pg_bind_text,
  .bind_int64 = pg_bind_int64,
  .bind_null = pg_bind_null,
  .bind_blob = pg_bind_blob,
  .send = pg_send,
  .step = pg_step,
  .changes = pg_changes,
  .last_id = pg_last_id,
  .get_int64 = pg_get_int64,
  .get_text = pg_get_text,
  .get_blob = pg_get_blob,
  .get_size = pg_get_size,
  .is_null = pg_is_null,
};
