package dev.rowguard.schema.sql;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.postgres.DevPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The embedded keyword list is the server's own: compared with pg_get_keywords() of a running PostgreSQL. */
class PostgresKeywordsTest {
  @Test
  void listMatchesTheServer() throws SQLException {
    Map<String, PostgresKeywords.Category> server = new TreeMap<>();
    String version;
    try (Connection connection = DevPostgres.shared().adminDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT current_setting('server_version')")) {
        rows.next();
        version = rows.getString(1);
      }
      try (ResultSet rows = statement.executeQuery("SELECT word, catcode FROM pg_get_keywords()")) {
        while (rows.next()) {
          server.put(rows.getString(1), PostgresKeywords.Category.ofCode(rows.getString(2).charAt(0)));
        }
      }
    }
    PostgresKeywords keywords = PostgresKeywords.instance();
    if (version.startsWith(keywords.release())) {
      assertThat(keywords.all()).containsExactlyEntriesIn(server);
    } else {
      // Another release (ROWGUARD_JDBC_URL): whatever that server reserves must be rejected by Rowguard too.
      server.forEach((word, category) -> {
        if (category.reservedForNames()) {
          assertThat(keywords.isReservedForNames(word)).isTrue();
        }
      });
    }
  }

  @Test
  void theRulesOfTheIssueHold() {
    PostgresKeywords keywords = PostgresKeywords.instance();
    for (String reserved : new String[] {"user", "order", "group", "check", "default", "authorization", "left", "like"}) {
      assertThat(keywords.isReservedForNames(reserved)).isTrue();
    }
    for (String legal : new String[] {"name", "type", "value", "key"}) {
      assertThat(keywords.isReservedForNames(legal)).isFalse();
    }
  }
}
