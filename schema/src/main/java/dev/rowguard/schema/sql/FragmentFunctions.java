package dev.rowguard.schema.sql;

import java.util.Set;

/**
 * PostgreSQL's built-in functions that CHECK and DEFAULT refuse: aggregates and window functions ("aggregate
 * functions are not allowed in check constraints") and set-returning functions ("set-returning functions are
 * not allowed in DEFAULT expressions"), from the PostgreSQL 18 documentation, chapters 9.21, 9.22 and 9.26.
 */
final class FragmentFunctions {
  static final Set<String> AGGREGATE_OR_WINDOW = Set.of(
      "any_value", "array_agg", "avg", "bit_and", "bit_or", "bit_xor", "bool_and", "bool_or", "count", "every",
      "json_agg", "json_agg_strict", "json_arrayagg", "json_object_agg", "json_object_agg_strict",
      "json_object_agg_unique", "json_object_agg_unique_strict", "json_objectagg", "jsonb_agg", "jsonb_agg_strict",
      "jsonb_object_agg", "jsonb_object_agg_strict", "jsonb_object_agg_unique", "jsonb_object_agg_unique_strict",
      "max", "min", "range_agg", "range_intersect_agg", "string_agg", "sum", "xmlagg", "corr", "covar_pop",
      "covar_samp", "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2", "regr_slope", "regr_sxx",
      "regr_sxy", "regr_syy", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "mode",
      "percentile_cont", "percentile_disc", "grouping", "row_number", "rank", "dense_rank", "percent_rank",
      "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

  static final Set<String> SET_RETURNING = Set.of(
      "generate_series", "generate_subscripts", "unnest", "json_each", "json_each_text", "jsonb_each",
      "jsonb_each_text", "json_array_elements", "json_array_elements_text", "jsonb_array_elements",
      "jsonb_array_elements_text", "json_object_keys", "jsonb_object_keys", "json_populate_recordset",
      "jsonb_populate_recordset", "json_to_recordset", "jsonb_to_recordset", "jsonb_path_query",
      "jsonb_path_query_tz", "regexp_matches", "regexp_split_to_table", "string_to_table", "pg_ls_dir",
      "pg_ls_logdir", "pg_ls_waldir", "ts_stat", "ts_parse", "ts_token_type", "ts_debug", "aclexplode",
      "pg_get_keywords", "pg_options_to_table", "pg_listening_channels", "txid_snapshot_xip", "pg_snapshot_xip",
      "pg_lock_status", "pg_stat_get_activity", "pg_event_trigger_ddl_commands", "pg_event_trigger_dropped_objects",
      "json_table");

  /**
   * Besides {@link ForbiddenFunctions}, built-in functions that have no place in a CHECK or DEFAULT, which run on
   * every write: they advance a shared sequence, wait, or export a snapshot instead of computing a value.
   */
  static final Set<String> SIDE_EFFECT = Set.of("setval", "pg_sleep", "pg_sleep_for", "pg_sleep_until",
      "pg_export_snapshot");

  /**
   * SQL value functions that JSqlParser reads as column names: in PostgreSQL they are keywords, not columns,
   * and both CHECK and DEFAULT accept them.
   */
  static final Set<String> VALUE_KEYWORDS = Set.of("current_user", "session_user", "user", "current_role",
      "current_catalog", "current_schema", "system_user", "current_date", "current_time", "current_timestamp",
      "localtime", "localtimestamp", "true", "false", "null");

  private FragmentFunctions() {}
}
