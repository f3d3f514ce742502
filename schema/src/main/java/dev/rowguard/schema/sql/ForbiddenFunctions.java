package dev.rowguard.schema.sql;

import java.util.List;
import java.util.Set;

/**
 * The built-in functions that application SQL may never call, and that no CHECK or DEFAULT may call either: the
 * one list that the SQL analysis ({@code ForbiddenOperations}) and the annotation fragments ({@link SqlFragments})
 * share. Names are lower case and unqualified.
 */
public final class ForbiddenFunctions {
  /**
   * Write a setting or change the session's identity. The bound tenant lives in the session's {@code rowguard.*}
   * settings, so SQL that writes any setting could choose another tenant (a sub-select calling {@code set_config}
   * runs before the policies' init-plans read the setting); changing role escapes the policies altogether.
   */
  private static final Set<String> SESSION_FUNCTIONS = Set.of("set_config");

  /**
   * Signal, reconfigure or replicate the server: one tenant's request must not cancel another tenant's session,
   * reload configuration, or stream the whole database out.
   */
  private static final Set<String> SERVER_FUNCTIONS = Set.of(
      "pg_cancel_backend", "pg_terminate_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_promote",
      "pg_switch_wal", "pg_create_restore_point", "pg_backup_start", "pg_backup_stop", "pg_start_backup",
      "pg_stop_backup", "pg_wal_replay_pause", "pg_wal_replay_resume", "pg_log_backend_memory_contexts",
      "pg_create_physical_replication_slot", "pg_create_logical_replication_slot", "pg_drop_replication_slot",
      "pg_copy_physical_replication_slot", "pg_copy_logical_replication_slot", "pg_logical_emit_message",
      "pg_stat_reset", "pg_stat_reset_shared", "pg_stat_reset_single_table_counters",
      "pg_stat_reset_single_function_counters", "pg_stat_reset_slru", "pg_stat_reset_replication_slot",
      "pg_import_system_collations");

  /**
   * Read or write the server's files, or large objects (which are shared by every session of the database, not
   * owned by a tenant): data that no row-level policy protects.
   */
  private static final Set<String> FILE_FUNCTIONS = Set.of(
      "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_ls_dir", "pg_ls_logdir", "pg_ls_waldir",
      "pg_ls_tmpdir", "pg_ls_archive_statusdir", "pg_ls_logicalsnapdir", "pg_ls_logicalmapdir",
      "pg_ls_replslotdir", "pg_file_write", "pg_file_rename", "pg_file_unlink", "pg_file_sync", "pg_logdir_ls",
      "loread", "lowrite");

  /** Prefixes of function families, for the same reasons: large objects, remote connections, advisory locks. */
  private static final List<String> FUNCTION_PREFIXES = List.of(
      // lo_import, lo_export, lo_open, lo_unlink, …: large objects and server-side files
      "lo_",
      // dblink, dblink_connect, dblink_exec, …: a connection of its own, as any role, outside the tenant binding
      "dblink",
      // pg_advisory_lock, pg_advisory_xact_lock_shared, pg_try_advisory_lock, …: database-wide locks, shared by
      // all tenants, so one tenant can block (or probe) another
      "pg_advisory_", "pg_try_advisory_",
      // pg_notify: a message to every listening session, whatever its tenant
      "pg_notify");

  private ForbiddenFunctions() {}

  /** Whether {@code name} (lower case, without its schema) is one of these functions. */
  public static boolean contains(String name) {
    return SESSION_FUNCTIONS.contains(name) || SERVER_FUNCTIONS.contains(name) || FILE_FUNCTIONS.contains(name)
        || FUNCTION_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
