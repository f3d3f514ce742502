package dev.rowguard.runtime;

import dev.rowguard.runtime.verify.Catalog;
import dev.rowguard.runtime.verify.CatalogReader;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.Model;
import dev.rowguard.runtime.verify.ModelJson;
import dev.rowguard.runtime.verify.VerificationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Verifies a live database against the schema model the application was built with ({@code
 * META-INF/rowguard/schema.json}): tables, columns, constraints, indexes, row-level security, policies and the
 * application role's privileges. Run it at start-up, after the migrations:
 *
 * <pre>{@code
 * SchemaVerifier.fromClasspath().verify(dataSource);
 * }</pre>
 *
 * <p>It reads the catalog of the model's schemas only ({@link CatalogReader}) and compares expressions (CHECKs,
 * defaults, policies) as the server plans them, so it needs USAGE on those schemas but no privilege on the
 * tables, and changes nothing.
 * This is the audit: every difference, as the server holds it. Planning the steps that remove them is the
 * migration differ's job ({@code rowguard-cli align}), which works from the same catalog read.
 */
public final class SchemaVerifier {
  /** The role {@code schema.sql} grants to unless {@code rowguard.appRole} says otherwise. */
  public static final String DEFAULT_APP_ROLE = "rowguard_app";

  private final Model model;
  private final String appRole;

  private SchemaVerifier(Model model, String appRole) {
    this.model = model;
    this.appRole = appRole;
  }

  /** Verifies against the model the class path ships ({@value ModelJson#RESOURCE}). */
  public static SchemaVerifier fromClasspath() {
    return of(ModelJson.fromClasspath());
  }

  /** Verifies against {@code model}, read with {@link ModelJson}. */
  public static SchemaVerifier of(Model model) {
    return new SchemaVerifier(Objects.requireNonNull(model, "model"), DEFAULT_APP_ROLE);
  }

  /** The same verifier, for the privileges of {@code role} (the processor's {@code rowguard.appRole}). */
  public SchemaVerifier withAppRole(String role) {
    return new SchemaVerifier(model, Objects.requireNonNull(role, "role"));
  }

  /** The schemas the model's tables are in. */
  public Set<String> schemas() {
    Set<String> schemas = new LinkedHashSet<>();
    model.tables().forEach(t -> schemas.add(t.schema()));
    return schemas;
  }

  /**
   * Compares the database with the model.
   *
   * @throws RowguardSqlException when the catalog cannot be read
   */
  public VerificationResult check(DataSource dataSource) {
    DataSource source = dataSource instanceof TenantBindingDataSource binding
        ? binding.withoutTenant("SchemaVerifier at start-up") : dataSource;
    try (Connection connection = source.getConnection()) {
      return check(connection);
    } catch (SQLException e) {
      throw new RowguardSqlException("the schema verifier could not read the database catalog", e);
    }
  }

  /** Compares the database of {@code connection} with the model; leaves the connection as it found it. */
  public VerificationResult check(Connection connection) throws SQLException {
    Catalog catalog = CatalogReader.read(connection, schemas(), appRole);
    List<Difference> differences = new ArrayList<>();
    new SchemaComparison(model, catalog, new ExpressionPlans(connection), new PolicyCheck(connection,
        TenantKeys.defaultKeys()), differences).compare();
    return new VerificationResult(model.tables().size(), differences);
  }

  /**
   * Compares the database with the model and refuses a difference.
   *
   * @throws SchemaDriftException with the report, when the database differs from the model
   * @throws RowguardSqlException when the catalog cannot be read
   */
  public void verify(DataSource dataSource) {
    VerificationResult result = check(dataSource);
    if (!result.matches()) {
      throw new SchemaDriftException(result);
    }
  }
}
