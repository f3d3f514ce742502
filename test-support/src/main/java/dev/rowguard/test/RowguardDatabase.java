package dev.rowguard.test;

import dev.rowguard.postgres.AppLogin;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh database with the schema Rowguard generated for the application (read from the classpath, as the jar
 * ships it) applied by its owner, and a login for the application: a member of the generated application role
 * that is neither owner nor superuser, so row-level security applies to everything it does. Dropped, login and
 * all, on {@link #close()}.
 *
 * <pre>{@code
 * try (RowguardDatabase database = RowguardDatabase.create()) {
 *   TenantBindingDataSource dataSource = database.tenantDataSource();
 *   AssetRepository assets = new AssetRepositoryJdbc(dataSource);
 *   TenantContext.run(database.keys().tenant(tenantId), () -> assets.insert(asset));
 * }
 * }</pre>
 *
 * <p>The server is the embedded PostgreSQL, or the one {@code ROWGUARD_JDBC_URL} names (see {@link DevPostgres}).
 * In JUnit 5 tests, {@link RowguardTest} hands one to each test that declares a parameter of this type.
 */
public final class RowguardDatabase implements AutoCloseable {
  /** Where the processor writes the script and the model, in the jar or the class output. */
  public static final String SCHEMA_SQL = "META-INF/rowguard/schema.sql";
  public static final String SCHEMA_JSON = SchemaJson.RESOURCE;
  /** The processor's default {@code -Arowguard.appRole}. */
  public static final String APP_ROLE = AppLogin.APP_ROLE;

  private static final Map<String, Class<?>> KEY_TYPES =
      Map.of("uuid", UUID.class, "bigint", Long.class, "text", String.class);

  private final Database database;
  private final AppLogin login;
  private final Schema model;

  private RowguardDatabase(Database database, AppLogin login, Schema model) {
    this.database = database;
    this.login = login;
    this.model = model;
  }

  /** A database with the classpath's generated schema, granted to the default application role. */
  public static RowguardDatabase create() {
    return create(APP_ROLE, Thread.currentThread().getContextClassLoader());
  }

  /**
   * A database with the generated schema that {@code classLoader} holds, its privileges granted to {@code
   * appRole}.
   */
  public static RowguardDatabase create(String appRole, ClassLoader classLoader) {
    String script = resource(classLoader, SCHEMA_SQL);
    Schema model = SchemaJson.read(resource(classLoader, SCHEMA_JSON));
    Database database = DevPostgres.shared().createDatabase("rowguard_test");
    try {
      database.executeScript(script);
      return new RowguardDatabase(database, AppLogin.create(database, appRole), model);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The database's name (fresh for each instance). */
  public String name() {
    return database.name();
  }

  /** The owner's login: it created the schema and bypasses its row-level security. For seeding and probing. */
  public DataSource owner() {
    return database.ownerDataSource();
  }

  /** The application's login, not bound to any tenant: row-level security shows it no tenanted row. */
  public DataSource appLogin() {
    return login.address().dataSource();
  }

  /** The name of the application's login role, a member of the application role. */
  public String appLoginName() {
    return login.name();
  }

  /** The application's login as the application uses it: bound to the tenant of the calling thread. */
  public TenantBindingDataSource tenantDataSource() {
    return TenantBindingDataSource.wrap(appLogin(), keys());
  }

  /** The model the processor wrote ({@code schema.json}). */
  public Schema model() {
    return model;
  }

  /**
   * The tenant keys of the model, outermost first, as the generated policies read them.
   *
   * @throws IllegalStateException when the model has no tenanted table
   */
  public TenantKeys keys() {
    List<TenantKeyColumn> levels = model.tables().stream()
        .filter(Table::tenanted)
        .map(table -> table.tenancy().keys())
        .max(Comparator.comparingInt(List::size))
        .orElseThrow(() -> new IllegalStateException("the model in " + SCHEMA_JSON + " has no @Tenanted entity,"
            + " so there are no tenant keys to bind; use appLogin() instead of tenantDataSource()"));
    return TenantKeys.of(levels.stream()
        .map(key -> new TenantKeyLevel(key.column(), KEY_TYPES.get(key.sqlType()), key.setting()))
        .toArray(TenantKeyLevel[]::new));
  }

  @Override
  public void close() {
    try {
      login.close();
    } finally {
      database.close();
    }
  }

  private static String resource(ClassLoader classLoader, String path) {
    try (InputStream in = classLoader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath: compile the entities with Rowguard's"
            + " processor (annotationProcessorPaths) in this module, or depend on the jar that holds them");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
