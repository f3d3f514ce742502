package dev.rowguard.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class AlignCommandTest {
  @Test
  void dump(Database database, @TempDir Path migrations) throws Exception {
    HandKeptDatabase.create(database);
    String[] connect = {"--url", database.owner().url(), "--user", database.owner().user(), "--model",
        HandKeptDatabase.MODEL.toString()};
    Map<String, String> env = Map.of("ROWGUARD_PASSWORD", database.owner().password());
    Cli verify = Cli.run(env, concat("verify", connect));
    System.out.println("VERIFY " + verify);
    Cli align = Cli.run(env, concat("align", connect, "--migrations", migrations.toString(), "--baseline"));
    System.out.println("ALIGN1 " + align);
    database.executeScript("""
        UPDATE crm.member SET account_id = '00000000-0000-0000-0000-0000000000a2' WHERE id = 4;
        UPDATE crm.member SET role = 'viewer' WHERE id = 3;
        DELETE FROM crm.invoice WHERE id = 2;
        UPDATE crm.invoice SET issued_at = '2024-04-08 09:00:00+00' WHERE id = 3;
        ALTER TABLE crm.account DROP COLUMN legacy_code;
        DROP TABLE crm.tmp_import;
        """);
    align = Cli.run(env, concat("align", connect, "--migrations", migrations.toString(), "--baseline"));
    System.out.println("ALIGN2 " + align);
    try (Stream<Path> files = Files.walk(migrations)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        System.out.println("FILE " + f + "\n" + Files.readString(f));
      }
    }
    FluentConfiguration configuration = Flyway.configure().dataSource(database.ownerDataSource())
        .locations("filesystem:" + migrations).baselineOnMigrate(true).baselineVersion("1");
    configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    System.out.println("FLYWAY " + configuration.load().migrate().migrationsExecuted);
    verify = Cli.run(env, concat("verify", connect));
    System.out.println("VERIFY2 " + verify);
  }

  private static String[] concat(String first, String[] middle, String... rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(List.of(middle));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }
}
