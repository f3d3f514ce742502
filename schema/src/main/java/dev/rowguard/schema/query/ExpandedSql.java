package dev.rowguard.schema.query;

import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.query.References.PlaceholderTarget;
import dev.rowguard.schema.sql.Identifiers;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of a {@code @SqlQuery} with its placeholders expanded, in two forms that differ only in how the tenant
 * is written: {@link #jdbcSql} binds it ({@code ?}), {@link #analysisSql} reads it from the session ({@code
 * current_setting('rowguard.…')}) so that the tenant filter can be proved without trusting any parameter.
 *
 * @param jdbcSql the SQL to prepare: placeholders expanded, {@code :name} replaced by {@code ?}
 * @param bindings what to bind to each {@code ?} of {@code jdbcSql}
 * @param analysisSql the SQL to check: placeholders expanded against the session settings, {@code :name} kept
 */
record ExpandedSql(String jdbcSql, List<BoundValue> bindings, String analysisSql) {
  /**
   * Key types that compare with the value {@code setObject} sends for the key's Java type ({@code UUID},
   * {@code Long}, {@code String}) without a cast.
   */
  private static final Set<String> BOUND_WITHOUT_CAST =
      Set.of("uuid", "bigint", "int8", "integer", "int", "int4", "smallint", "int2", "text", "varchar");

  ExpandedSql {
    bindings = List.copyOf(bindings);
  }

  /**
   * Rewrites {@code sql} at its {@code marks}, in text order: each placeholder with a target becomes the
   * conjunction of its tenant keys; one without (misused, already reported) and positional parameters are left
   * as written; each schema qualifier writes its schema before the table name it marks.
   */
  static ExpandedSql of(String sql, List<SqlMark> marks, Map<Integer, PlaceholderTarget> targets) {
    StringBuilder jdbc = new StringBuilder(sql.length() + 64);
    StringBuilder analysis = new StringBuilder(sql.length() + 128);
    List<BoundValue> bindings = new ArrayList<>();
    int copied = 0;
    for (SqlMark mark : marks) {
      String between = sql.substring(copied, mark.start());
      String written = sql.substring(mark.start(), mark.end());
      jdbc.append(between);
      analysis.append(between);
      copied = mark.end();
      if (mark instanceof SqlMark.NamedParameter parameter) {
        jdbc.append('?');
        analysis.append(written);
        bindings.add(new BoundValue.Parameter(parameter.name()));
      } else if (mark instanceof SqlMark.SchemaQualifier qualifier) {
        // Only the SQL to run: the analysis reads unqualified names as every table of that name (fail closed),
        // and its messages quote the SQL as written.
        jdbc.append(Identifiers.quote(qualifier.schema())).append('.');
      } else if (mark instanceof SqlMark.TenantPlaceholder placeholder
          && targets.get(placeholder.ordinal()) != null) {
        PlaceholderTarget target = targets.get(placeholder.ordinal());
        List<TenantKeyColumn> keys = target.table().tenancy().keys();
        jdbc.append(conjunction(target.qualifier(), keys, ExpandedSql::parameter));
        analysis.append(conjunction(target.qualifier(), keys, ExpandedSql::setting));
        keys.forEach(key -> bindings.add(new BoundValue.TenantKey(key)));
      } else {
        jdbc.append(written);
        analysis.append(written);
      }
    }
    jdbc.append(sql, copied, sql.length());
    analysis.append(sql, copied, sql.length());
    return new ExpandedSql(jdbc.toString(), bindings, analysis.toString());
  }

  /** {@code (a.client_account_id = ? AND a.engagement_id = ?)}. */
  private static String conjunction(
      String qualifier, List<TenantKeyColumn> keys, java.util.function.Function<TenantKeyColumn, String> value) {
    StringBuilder text = new StringBuilder("(");
    for (TenantKeyColumn key : keys) {
      if (text.length() > 1) {
        text.append(" AND ");
      }
      if (qualifier != null) {
        text.append(qualifier).append('.');
      }
      text.append(Identifiers.quote(key.column())).append(" = ").append(value.apply(key));
    }
    return text.append(')').toString();
  }

  private static String parameter(TenantKeyColumn key) {
    String type = key.sqlType().toLowerCase(Locale.ROOT);
    boolean plain = BOUND_WITHOUT_CAST.contains(type) || type.startsWith("varchar(");
    return plain ? "?" : "CAST(? AS " + key.sqlType() + ")";
  }

  private static String setting(TenantKeyColumn key) {
    return "current_setting(" + SqlLiterals.string(key.setting()) + ")";
  }
}
