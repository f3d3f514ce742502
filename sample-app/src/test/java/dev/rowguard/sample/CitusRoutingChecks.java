package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.sample.RecordingDataSource.Execution;
import dev.rowguard.sample.RecordingDataSource.Setter;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Replays statements under {@code EXPLAIN} on the cluster, with the parameters they ran with, and lists those on
 * a tenanted table that Citus does not route to a single shard ({@code Task Count: 1}): a statement restricted only
 * by row-level security would fan out to every shard.
 */
final class CitusRoutingChecks {
  private static final Pattern ONE_TASK = Pattern.compile("(?m)^\\s*Task Count: 1$");

  private CitusRoutingChecks() {}

  /** The distinct statements on a tenanted table, with the first execution of each. */
  static Map<String, Execution> onTenantedTables(Schema model, List<Execution> executions) {
    List<Pattern> tenanted = new ArrayList<>();
    for (Table table : model.tables()) {
      if (table.tenanted()) {
        tenanted.add(Pattern.compile("\\b" + Pattern.quote(table.name().sql()) + "\\b"));
      }
    }
    Map<String, Execution> statements = new LinkedHashMap<>();
    for (Execution execution : executions) {
      if (tenanted.stream().anyMatch(p -> p.matcher(execution.sql()).find())) {
        statements.putIfAbsent(execution.sql(), execution);
      }
    }
    return statements;
  }

  /** The statements whose plan is not a single task, each with its plan. */
  static List<String> notRouted(DataSource owner, Iterable<Execution> executions) throws SQLException {
    List<String> fannedOut = new ArrayList<>();
    try (Connection connection = owner.getConnection()) {
      for (Execution execution : executions) {
        String plan = explain(connection, execution);
        if (!ONE_TASK.matcher(plan).find()) {
          fannedOut.add(execution.sql() + "\n" + plan);
        }
      }
    }
    return fannedOut;
  }

  private static String explain(Connection connection, Execution execution) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + execution.sql())) {
      for (Setter setter : execution.parameters()) {
        try {
          setter.method().invoke(statement, setter.arguments());
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot replay " + setter.method().getName() + " on EXPLAIN", e);
        }
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      assertWithMessage("EXPLAIN of %s", execution.sql()).that(plan.toString()).contains("Citus");
      return plan.toString();
    }
  }
}
