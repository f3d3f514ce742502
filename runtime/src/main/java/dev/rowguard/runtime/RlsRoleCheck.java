package dev.rowguard.runtime;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The start-up check that the application's database role is actually subject to row-level security. Run it
 * once, before serving requests:
 *
 * <pre>{@code
 * RlsRoleCheck.forSchemas("public").verify(dataSource);
 * }</pre>
 *
 * <p>It refuses (with {@link RlsBypassException}) a role that is a superuser, has {@code BYPASSRLS}, owns a
 * tenanted table or may act as its owner, and a tenanted table whose row-level security is disabled or not
 * forced. Every one of those makes the policies silently pass everything, so tests run as such a role prove
 * nothing.
 *
 * <p>It also refuses a tenanted table whose policies are not exactly the one Rowguard generates: any other
 * policy (an owner's {@code CREATE POLICY open … USING (true)}, a permissive policy for one command), the
 * generated one missing, restricted to some roles or commands, or with another expression than the model's.
 * The model's expression is built from the project's {@link TenantKeys}: those of {@link #withKeys}, else those
 * of the {@link TenantBindingDataSource} passed to {@link #verify}, else {@link TenantKeys#defaultKeys()}; a
 * table is keyed by the outermost levels whose columns it has. Expressions are compared as the server plans
 * them ({@code EXPLAIN VERBOSE} of each over the key columns), so casts and parentheses written either way
 * match; the check runs nothing and creates nothing.
 */
public final class RlsRoleCheck {
  private static final String ROLE_SQL = """
      SELECT cu.rolname AS role, quote_ident(cu.rolname) AS role_sql, cu.rolsuper AS superuser,
             cu.rolbypassrls AS bypass_rls, su.rolname AS login, su.rolsuper AS login_superuser
      FROM pg_roles cu, pg_roles su
      WHERE cu.rolname = current_user AND su.rolname = session_user""";
  private static final String TABLE_COLUMNS = """
      quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS qualified_name,
      c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
      pg_get_userbyid(c.relowner) AS owner, quote_ident(pg_get_userbyid(c.relowner)) AS owner_sql,
      pg_get_userbyid(c.relowner) = current_user AS owned,
      pg_has_role(current_user, c.relowner, 'MEMBER') AS owner_member""";
  // to_regclass resolves names as SQL would (search_path, quoting) and yields NULL for a missing table.
  private static final String NAMED_TABLES_SQL = "SELECT t.name AS given_name, c.oid IS NOT NULL AS found, "
      + TABLE_COLUMNS + """

      FROM unnest(?::text[]) WITH ORDINALITY AS t(name, position)
      LEFT JOIN pg_class c ON c.oid = to_regclass(t.name)
      LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
      ORDER BY t.position""";
  private static final String SCHEMA_TABLES_SQL = "SELECT NULL AS given_name, true AS found, " + TABLE_COLUMNS + """

      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY (?::text[]) AND c.relkind IN ('r', 'p') AND c.relrowsecurity
      ORDER BY n.nspname, c.relname""";

  private final boolean bySchema;
  private final List<String> names;
  private final TenantKeys keys; // null: those of the data source, or the default keys

  private RlsRoleCheck(boolean bySchema, List<String> names, TenantKeys keys) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("name at least one " + (bySchema ? "schema" : "table") + " to check");
    }
    this.bySchema = bySchema;
    this.names = names;
    this.keys = keys;
  }

  /** Checks the named tenanted tables, e.g. {@code "invoice"} or {@code "billing.invoice"} (as SQL resolves them). */
  public static RlsRoleCheck forTables(String... tables) {
    return new RlsRoleCheck(false, List.of(tables), null);
  }

  /** Checks every table in {@code schemas} that has row-level security enabled; there must be at least one. */
  public static RlsRoleCheck forSchemas(String... schemas) {
    return new RlsRoleCheck(true, List.of(schemas), null);
  }

  /** The same check, with the policies compared against those generated for {@code keys}. */
  public RlsRoleCheck withKeys(TenantKeys keys) {
    return new RlsRoleCheck(bySchema, names, Objects.requireNonNull(keys, "keys"));
  }

  /**
   * Connects once and checks the role and the tables. A {@link TenantBindingDataSource} is used through its
   * escape hatch, since no tenant is bound at start-up.
   *
   * @throws RlsBypassException listing every problem found, each with what to change
   * @throws RowguardSqlException when the check itself cannot run
   */
  public void verify(DataSource dataSource) {
    DataSource source = dataSource;
    TenantKeys policyKeys = keys == null ? TenantKeys.defaultKeys() : keys;
    if (dataSource instanceof TenantBindingDataSource binding) {
      source = binding.withoutTenant("RlsRoleCheck at start-up");
      policyKeys = keys == null ? binding.keys() : keys;
    }
    List<String> problems = new ArrayList<>();
    Role role;
    try (Connection connection = source.getConnection()) {
      role = checkRole(connection, problems);
      List<String> tables = checkTables(connection, role, problems);
      PolicyCheck policies = new PolicyCheck(connection, policyKeys);
      for (String table : tables) {
        policies.check(table, problems);
      }
    } catch (SQLException e) {
      throw new RowguardSqlException("the row-level security start-up check could not read pg_roles and pg_class", e);
    }
    if (!problems.isEmpty()) {
      throw new RlsBypassException(role.name(), problems);
    }
  }

  /** The role the connection runs as. */
  private record Role(String name, String nameSql, boolean superuser) {}

  private static Role checkRole(Connection connection, List<String> problems) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(ROLE_SQL);
        ResultSet row = statement.executeQuery()) {
      row.next();
      String role = row.getString("role");
      String roleSql = row.getString("role_sql");
      String login = row.getString("login");
      boolean superuser = row.getBoolean("superuser");
      if (superuser) {
        // The other role findings add nothing here: a superuser usually has BYPASSRLS and acts as every role.
        problems.add("role \"" + role + "\" is a superuser, and superusers bypass row-level security. Connect as an"
            + " application role instead: CREATE ROLE app LOGIN NOINHERIT PASSWORD '…'; then GRANT USAGE on the"
            + " schema and SELECT, INSERT, UPDATE, DELETE on the tables to app");
        return new Role(role, roleSql, true);
      }
      if (row.getBoolean("login_superuser")) {
        problems.add("the login role \"" + login + "\" is a superuser, so RESET ROLE escapes \"" + role
            + "\". Log in as \"" + role + "\" itself instead of switching to it with SET ROLE");
      }
      if (row.getBoolean("bypass_rls")) {
        problems.add("role \"" + role + "\" has BYPASSRLS, which skips every row-level security policy. Run ALTER"
            + " ROLE " + roleSql + " NOBYPASSRLS, or connect as a role without it");
      }
      return new Role(role, roleSql, false);
    }
  }

  /** Checks the tables' row-level security and ownership; returns the qualified names of those found. */
  private List<String> checkTables(Connection connection, Role connected, List<String> problems) throws SQLException {
    String role = connected.name();
    List<String> found = new ArrayList<>();
    Array array = connection.createArrayOf("text", names.toArray());
    try (PreparedStatement statement = connection.prepareStatement(bySchema ? SCHEMA_TABLES_SQL : NAMED_TABLES_SQL)) {
      statement.setArray(1, array);
      int tables = 0;
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          tables++;
          if (!row.getBoolean("found")) {
            problems.add("table " + row.getString("given_name") + " does not exist, or is not visible to role \"" + role
                + "\". Check the name, qualify it with its schema, and GRANT USAGE on the schema to " + connected.nameSql());
            continue;
          }
          String table = row.getString("qualified_name");
          found.add(table);
          boolean enabled = row.getBoolean("enabled");
          boolean forced = row.getBoolean("forced");
          String owner = row.getString("owner");
          if (!enabled) {
            problems.add("table " + table + " does not have row-level security enabled. Run ALTER TABLE " + table
                + " ENABLE ROW LEVEL SECURITY and ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
          } else if (!forced) {
            problems.add("table " + table + " does not force row-level security, so its owner \"" + owner
                + "\" bypasses the policies. Run ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
          }
          if (connected.superuser()) {
            continue; // Reported once, above: a superuser passes every ownership test.
          }
          if (row.getBoolean("owned")) {
            problems.add("role \"" + role + "\" owns table " + table + ", and an owner can switch its row-level"
                + " security off. Give the table to a separate owner role (ALTER TABLE " + table
                + " OWNER TO …) and grant \"" + role + "\" only SELECT, INSERT, UPDATE, DELETE");
          } else if (row.getBoolean("owner_member")) {
            problems.add("role \"" + role + "\" is a member of \"" + owner + "\", which owns table " + table
                + ", so it can act as the owner. Run REVOKE " + row.getString("owner_sql") + " FROM " + connected.nameSql());
          }
        }
      }
      if (bySchema && tables == 0) {
        problems.add("no table in schemas " + names + " has row-level security enabled. Check the schema names,"
            + " or run the migrations that create the tenanted tables first");
      }
    } finally {
      array.free();
    }
    return found;
  }
}
