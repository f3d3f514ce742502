package dev.rowguard.schema.sql;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Literals Rowguard writes (comments, stored enum values) read back as the value whatever the server's settings. */
@ExtendWith(PostgresExtension.class)
class SqlLiteralsOnPostgresTest {
  private static final String[] VALUES = {"plain", "it's", "a\\b", "\\", "\\'); DROP TABLE t; --", "''\\''"};

  @Test
  void literalsReadBackUnderEitherStringSetting(Database database) throws SQLException {
    assertThat(SqlLiterals.string("it's")).isEqualTo("'it''s'");
    assertThat(SqlLiterals.string("a\\b")).isEqualTo("E'a\\\\b'");
    try (Connection connection = database.ownerDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String setting : new String[] {"on", "off"}) {
        statement.execute("SET standard_conforming_strings = " + setting);
        for (String value : VALUES) {
          try (ResultSet rows = statement.executeQuery("SELECT " + SqlLiterals.string(value) + ", 1")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(value);
            assertThat(rows.getMetaData().getColumnCount()).isEqualTo(2);
          }
        }
      }
    }
  }
}
