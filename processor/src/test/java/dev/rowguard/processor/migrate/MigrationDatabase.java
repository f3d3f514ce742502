package dev.rowguard.processor.migrate;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import dev.rowguard.schema.ddl.PrivilegesSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A database migrated as Flyway would at start-up, by a schema owner that is neither a superuser nor BYPASSRLS (so
 * that forced row-level security applies to its own updates, as in production). Rows are inserted by the
 * administrative login, which is not bound by the policies.
 */
final class MigrationDatabase implements MigrationTarget {
  static final String APP_ROLE = "rowguard_app";

  private final Database database;
  private final DataSource owner;
  private final String ownerName;
  /** Whether Citus's own calls are left out of what is applied (a Citus target's scripts on plain PostgreSQL). */
  private final boolean withoutCitusCalls;

  private MigrationDatabase(Database database, DataSource owner, String ownerName, boolean withoutCitusCalls) {
    this.database = database;
    this.owner = owner;
    this.ownerName = ownerName;
    this.withoutCitusCalls = withoutCitusCalls;
  }

  static MigrationDatabase create(String prefix) {
    return create(prefix, false);
  }

  /**
   * A database that applies a Citus target's scripts without the calls only Citus has ({@code create_…_table},
   * {@code citus.*} settings): everything else in them runs, and is checked, on plain PostgreSQL.
   */
  static MigrationDatabase withoutCitusCalls(String prefix) {
    return create(prefix, true);
  }

  private static MigrationDatabase create(String prefix, boolean withoutCitusCalls) {
    Database database = DevPostgres.shared().createDatabase(prefix);
    String name = database.name() + "_owner";
    database.executeScript(PrivilegesSql.createRole(APP_ROLE) + "\nCREATE ROLE " + name
        + " LOGIN PASSWORD 'owner' NOSUPERUSER NOBYPASSRLS;\nGRANT CREATE ON DATABASE " + database.name() + " TO "
        + name + ";");
    return new MigrationDatabase(database, database.owner().as(name, "owner").dataSource(), name, withoutCitusCalls);
  }

  /** Applies every file of one version in Flyway's order: the transactional one, then the one outside. */
  @Override
  public void apply(Path dir, int version) {
    versionFiles(dir, version).forEach(this::apply);
  }

  /** Applies one migration file, in a transaction unless its {@code .conf} says otherwise. */
  void apply(Path file) {
    String sql = read(file);
    if (Files.exists(Path.of(file + ".conf"))) {
      // executeInTransaction=false: each statement commits on its own (the generator writes one per line).
      sql.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).filter(l -> !withoutCitusCalls || citusFree(l))
          .forEach(this::asOwnerAutoCommit);
    } else {
      asOwner(sql);
    }
  }

  /** Runs a script as the administrative login (rows for the test), in one transaction. */
  @Override
  public void admin(String sql) {
    database.executeScript(sql);
  }

  /** A query's rows as the administrative login, each as its columns joined by {@code |}. */
  @Override
  public List<String> rows(String query) {
    return rows(database.ownerDataSource(), query);
  }

  /** A query's rows, each as its columns joined by {@code |}. */
  static List<String> rows(DataSource login, String query) {
    try (Connection connection = login.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      List<String> lines = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(rows.getString(i));
        }
        lines.add(String.join("|", values));
      }
      return lines;
    } catch (SQLException e) {
      throw new IllegalStateException(query + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String catalog(String schema) {
    return catalog(schema, APP_ROLE);
  }

  /** The catalog with the grants and schema usage of {@code appRole}. */
  String catalog(String schema, String appRole) {
    return Catalog.of(database.ownerDataSource(), schema, appRole);
  }

  @Override
  public void asOwner(String script) {
    String sql = withoutCitusCalls ? citusCallsRemoved(script) : script;
    try (Connection connection = owner.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("migration failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  private void asOwnerAutoCommit(String sql) {
    try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("migration failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  /** The script without its {@code SELECT create_…_table(…);} and {@code SET LOCAL citus.…} lines. */
  static String citusCallsRemoved(String script) {
    return String.join("\n", script.lines().filter(MigrationDatabase::citusFree).toList());
  }

  private static boolean citusFree(String line) {
    return !line.startsWith("SELECT create_distributed_table(") && !line.startsWith("SELECT create_reference_table(")
        && !line.startsWith("SET LOCAL citus.");
  }

  static List<Path> versionFiles(Path dir, int version) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("V" + version + "(\\.\\d+)?__.*\\.sql"))
          // Flyway's order: V2 before V2.1 (a plain sort would put "V2.1__" first).
          .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString().split("__")[0].length())
              .thenComparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    database.executeScript("DROP OWNED BY " + ownerName + ";\nDROP ROLE " + ownerName + ";");
    database.close();
  }
}
