package dev.rowguard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a deterministic source tree of application code that talks to PostgreSQL through JDBC, for the
 * compile-time benchmark of Rowguard's Error Prone checks, plus the {@code schema.json} its tables come from.
 * Per ten files, in ten packages:
 * <ul>
 *   <li>4 data-access classes: {@code Connection.prepareStatement} with constant SQL (literals and {@code static
 *       final} concatenations) that always restricts {@code tenant_id} to the bound tenant, {@code
 *       current_setting('rowguard.tenant_id')::uuid} (the only form UnfilteredTenantQuery accepts); a join;
 *       INSERT, UPDATE and a batched DELETE; a {@code Statement} with a query time-out; a query on a
 *       shared table; and one SQL string built from a parameter in a method that says so with
 *       {@code @SuppressWarnings("SqlConcatenation")}. Raw SQL is sanctioned by {@code @AllowRawSql("…")} on the
 *       method, or on the class for every other class;</li>
 *   <li>2 JPA entities with column names the checks accept;</li>
 *   <li>4 ordinary classes without SQL (records, collections, streams, string building, switches, loops), two of
 *       which call a data-access class.</li>
 * </ul>
 * The tree compiles without errors with Error Prone alone and with Rowguard's checks.
 */
final class JdbcSourceGenerator {
  static final long SEED = 20_261_121L;
  static final int TABLES = 60;

  private static final String BASE_PACKAGE = "com.example.jdbc";
  private static final List<String> NOUNS = List.of(
      "Asset", "Server", "Database", "Application", "Wave", "Engagement", "Finding", "Dependency", "License",
      "Contact", "Site", "Network", "Volume", "Workload", "Runbook", "Risk", "Cost", "Tag", "Owner", "Window");

  record Tree(List<Path> sources, Path schemaJson, long lines, int sqlCallSites) {}

  private JdbcSourceGenerator() {}

  static Tree generate(Path root, int files) {
    Random random = new Random(SEED);
    List<Path> sources = new ArrayList<>();
    long lines = 0;
    int[] sqlCallSites = {0};
    try {
      Path schemaJson = root.resolve("schema.json");
      Files.createDirectories(root);
      Files.writeString(schemaJson, schemaJson());
      String[] names = new String[files];
      for (int i = 0; i < files; i++) {
        String pkg = BASE_PACKAGE + ".m" + (i / 10) % 10;
        String noun = NOUNS.get(random.nextInt(NOUNS.size()));
        int table = random.nextInt(TABLES);
        int other = (table * 7 + 3) % TABLES;
        String name;
        String source;
        int kind = i % 10;
        if (kind < 4) {
          name = noun + "Dao" + i;
          source = dao(pkg, name, table, other, kind % 2 == 0, sqlCallSites);
        } else if (kind < 6) {
          name = noun + "Entity" + i;
          source = entity(pkg, name, i);
        } else {
          name = noun + "Service" + i;
          // Services 6 and 7 of each ten call the data-access class 6 files before them (same package).
          source = service(pkg, name, random, kind < 8 ? names[i - 6] : null);
        }
        names[i] = name;
        Path file = root.resolve("src").resolve(pkg.replace('.', '/')).resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        sources.add(file);
        lines += source.lines().count();
      }
      return new Tree(sources, schemaJson, lines, sqlCallSites[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tableName(int table) {
    return "item_" + table;
  }

  /** 60 tenanted tables {@code app.item_<n>} and the shared table {@code app.region}. */
  private static String schemaJson() {
    StringBuilder out = new StringBuilder("{\n  \"formatVersion\" : 1,\n  \"tables\" : [ ");
    out.append(table("region", "com.example.jdbc.Region", false,
        List.of(column("code", "code", "java.lang.String", "varchar(8)", false),
            column("display_name", "displayName", "java.lang.String", "text", true)), "code"));
    for (int t = 0; t < TABLES; t++) {
      out.append(", ").append(table(tableName(t), "com.example.jdbc.Item" + t, true, List.of(
          column("id", "id", "java.util.UUID", "uuid", false),
          column("tenant_id", "tenantId", "java.util.UUID", "uuid", false),
          column("name", "name", "java.lang.String", "text", false),
          column("status", "status", "java.lang.String", "text", true),
          column("amount", "amount", "java.math.BigDecimal", "numeric(19,4)", true),
          column("parent_id", "parentId", "java.util.UUID", "uuid", true),
          column("created_at", "createdAt", "java.time.Instant", "timestamptz", false)), "id"));
    }
    return out.append(" ]\n}\n").toString();
  }

  private static String table(String name, String entity, boolean tenanted, List<String> columns, String key) {
    return "{\n    \"name\" : { \"schema\" : \"app\", \"name\" : \"" + name + "\" },\n"
        + "    \"entity\" : \"" + entity + "\",\n"
        + (tenanted ? "    \"tenancy\" : { \"keys\" : [ { \"column\" : \"tenant_id\", \"setting\" : "
            + "\"rowguard.tenant_id\", \"sqlType\" : \"uuid\" } ] },\n" : "")
        + "    \"columns\" : [ " + String.join(", ", columns) + " ],\n"
        + "    \"primaryKey\" : { \"name\" : \"pk_" + name + "\", \"columns\" : [ \"" + key + "\" ] },\n"
        + "    \"uniqueKeys\" : [ ], \"foreignKeys\" : [ ], \"checks\" : [ ], \"indexes\" : [ ]\n  }";
  }

  private static String column(String name, String field, String javaType, String sqlType, boolean nullable) {
    return String.format(Locale.ROOT, "{ \"name\" : \"%s\", \"field\" : \"%s\", \"javaType\" : \"%s\", \"sqlType\" : "
        + "\"%s\", \"nullable\" : %b, \"identity\" : false, \"version\" : false, \"allowedValues\" : [ ] }", name,
        field, javaType, sqlType, nullable);
  }

  private static String dao(String pkg, String name, int table, int other, boolean classLevel, int[] sqlCallSites) {
    String t = "app." + tableName(table);
    String o = "app." + tableName(other);
    String allow = classLevel ? "" : "  @AllowRawSql(\"benchmark: hand-written data access\")\n";
    sqlCallSites[0] += 10;
    return "package " + pkg + ";\n\n"
        + "import dev.rowguard.annotations.AllowRawSql;\n"
        + "import java.math.BigDecimal;\n"
        + "import java.sql.Connection;\n"
        + "import java.sql.PreparedStatement;\n"
        + "import java.sql.ResultSet;\n"
        + "import java.sql.SQLException;\n"
        + "import java.sql.Statement;\n"
        + "import java.util.ArrayList;\n"
        + "import java.util.List;\n"
        + "import java.util.UUID;\n\n"
        + "/** Data access for " + t + ", written by hand. */\n"
        + (classLevel ? "@AllowRawSql(\"benchmark: hand-written data access\")\n" : "")
        + "public final class " + name + " {\n"
        + "  private static final String TABLE = \"" + t + "\";\n"
        + "  private static final String SELECT_COLUMNS = \"SELECT id, name, status, amount FROM \" + TABLE;\n"
        + "  private static final String BOUND_TENANT = \"tenant_id = current_setting('rowguard.tenant_id')::uuid\";\n"
        + "  private static final int MAX_ROWS = 500;\n\n"
        + "  private final Connection connection;\n\n"
        + "  public " + name + "(Connection connection) {\n    this.connection = connection;\n  }\n\n"
        + "  /** One row of the table. */\n"
        + "  public record Row(UUID id, String name, String status, BigDecimal amount) {}\n\n"
        + allow
        + "  public Row findById(UUID id) throws SQLException {\n"
        + "    try (PreparedStatement statement =\n"
        + "        connection.prepareStatement(SELECT_COLUMNS + \" WHERE \" + BOUND_TENANT + \" AND id = ?\")) {\n"
        + "      statement.setObject(1, id);\n"
        + "      try (ResultSet rows = statement.executeQuery()) {\n"
        + "        return rows.next() ? map(rows) : null;\n"
        + "      }\n    }\n  }\n\n"
        + allow
        + "  public List<Row> findByStatus(String status) throws SQLException {\n"
        + "    List<Row> result = new ArrayList<>();\n"
        + "    try (PreparedStatement statement = connection.prepareStatement(\n"
        + "        \"SELECT id, name, status, amount FROM " + t + " WHERE \" + BOUND_TENANT + \" AND status = ? \"\n"
        + "            + \"ORDER BY created_at DESC LIMIT \" + MAX_ROWS)) {\n"
        + "      statement.setString(1, status);\n"
        + "      try (ResultSet rows = statement.executeQuery()) {\n"
        + "        while (rows.next()) {\n          result.add(map(rows));\n        }\n"
        + "      }\n    }\n    return result;\n  }\n\n"
        + allow
        + "  public List<UUID> childrenOf(UUID parentId) throws SQLException {\n"
        + "    List<UUID> result = new ArrayList<>();\n"
        + "    try (PreparedStatement statement = connection.prepareStatement(\n"
        + "        \"SELECT c.id FROM " + t + " c JOIN " + o + " p ON p.id = c.parent_id AND p.\" + BOUND_TENANT\n"
        + "            + \" WHERE c.\" + BOUND_TENANT + \" AND p.id = ?\")) {\n"
        + "      statement.setObject(1, parentId);\n"
        + "      try (ResultSet rows = statement.executeQuery()) {\n"
        + "        while (rows.next()) {\n          result.add(rows.getObject(1, UUID.class));\n        }\n"
        + "      }\n    }\n    return result;\n  }\n\n"
        + allow
        + "  public int insert(UUID tenantId, Row row) throws SQLException {\n"
        + "    try (PreparedStatement statement = connection.prepareStatement(\n"
        + "        \"INSERT INTO " + t + " (id, tenant_id, name, status, amount, created_at) \"\n"
        + "            + \"VALUES (?, ?, ?, ?, ?, now())\")) {\n"
        + "      statement.setObject(1, row.id());\n"
        + "      statement.setObject(2, tenantId);\n"
        + "      statement.setString(3, row.name());\n"
        + "      statement.setString(4, row.status());\n"
        + "      statement.setBigDecimal(5, row.amount());\n"
        + "      return statement.executeUpdate();\n    }\n  }\n\n"
        + allow
        + "  public int rename(UUID id, String newName) throws SQLException {\n"
        + "    try (PreparedStatement statement = connection.prepareStatement(\n"
        + "        \"UPDATE \" + TABLE + \" SET name = ? WHERE \" + BOUND_TENANT + \" AND id = ?\")) {\n"
        + "      statement.setString(1, newName);\n"
        + "      statement.setObject(2, id);\n"
        + "      return statement.executeUpdate();\n    }\n  }\n\n"
        + allow
        + "  public int[] deleteAll(List<UUID> ids) throws SQLException {\n"
        + "    try (PreparedStatement statement =\n"
        + "        connection.prepareStatement(\"DELETE FROM " + t + " WHERE \" + BOUND_TENANT + \" AND id = ?\")) {\n"
        + "      for (UUID id : ids) {\n"
        + "        statement.setObject(1, id);\n"
        + "        statement.addBatch();\n"
        + "      }\n"
        + "      return statement.executeBatch();\n    }\n  }\n\n"
        + allow
        + "  public long countForBoundTenant() throws SQLException {\n"
        + "    try (Statement statement = connection.createStatement()) {\n"
        + "      statement.setQueryTimeout(5);\n"
        + "      try (ResultSet rows = statement.executeQuery(\n"
        + "          \"SELECT count(*) FROM " + t + " WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\")) {\n"
        + "        return rows.next() ? rows.getLong(1) : 0L;\n"
        + "      }\n    }\n  }\n\n"
        + allow
        + "  public List<String> regions(String prefix) throws SQLException {\n"
        + "    List<String> result = new ArrayList<>();\n"
        + "    try (PreparedStatement statement =\n"
        + "        connection.prepareStatement(\"SELECT code FROM app.region WHERE code LIKE ? ORDER BY code\")) {\n"
        + "      statement.setString(1, prefix + \"%\");\n"
        + "      try (ResultSet rows = statement.executeQuery()) {\n"
        + "        while (rows.next()) {\n          result.add(rows.getString(1));\n        }\n"
        + "      }\n    }\n    return result;\n  }\n\n"
        + "  /** The sort column comes from {@link #sortColumn}, a fixed list: never from input. */\n"
        + allow
        + "  @SuppressWarnings(\"SqlConcatenation\")\n"
        + "  public List<UUID> sortedIds(int sortKey) throws SQLException {\n"
        + "    String sql = \"SELECT id FROM " + t + " WHERE \" + BOUND_TENANT + \" ORDER BY \" + sortColumn(sortKey);\n"
        + "    List<UUID> result = new ArrayList<>();\n"
        + "    try (PreparedStatement statement = connection.prepareStatement(sql)) {\n"
        + "      try (ResultSet rows = statement.executeQuery()) {\n"
        + "        while (rows.next()) {\n          result.add(rows.getObject(1, UUID.class));\n        }\n"
        + "      }\n    }\n    return result;\n  }\n\n"
        + "  private static String sortColumn(int sortKey) {\n"
        + "    return switch (sortKey) {\n"
        + "      case 1 -> \"name\";\n"
        + "      case 2 -> \"created_at DESC\";\n"
        + "      default -> \"id\";\n"
        + "    };\n  }\n\n"
        + "  private static Row map(ResultSet rows) throws SQLException {\n"
        + "    return new Row(rows.getObject(\"id\", UUID.class), rows.getString(\"name\"), rows.getString(\"status\"),\n"
        + "        rows.getBigDecimal(\"amount\"));\n"
        + "  }\n}\n";
  }

  private static String entity(String pkg, String name, int i) {
    String[][] fields = {
      {"UUID", "id"}, {"UUID", "tenantId"}, {"String", "displayName"}, {"String", "status"},
      {"BigDecimal", "amount"}, {"Instant", "createdAt"}, {"int", "quantity"}, {"boolean", "archived"},
      {"String", "externalRef"}, {"LocalDate", "dueOn"},
    };
    StringBuilder out = new StringBuilder("package " + pkg + ";\n\n")
        .append("import jakarta.persistence.Column;\n")
        .append("import jakarta.persistence.Entity;\n")
        .append("import jakarta.persistence.Id;\n")
        .append("import jakarta.persistence.Table;\n")
        .append("import java.math.BigDecimal;\n")
        .append("import java.time.Instant;\n")
        .append("import java.time.LocalDate;\n")
        .append("import java.util.UUID;\n\n")
        .append("/** A persisted item. */\n")
        .append("@Entity\n@Table(schema = \"app\", name = \"entity_").append(i).append("\")\n")
        .append("public class ").append(name).append(" {\n");
    for (String[] field : fields) {
      if (field[1].equals("id")) {
        out.append("  @Id\n");
      } else if (field[1].equals("tenantId")) {
        out.append("  @Column(name = \"tenant_id\", nullable = false)\n");
      } else if (field[0].equals("String")) {
        out.append("  @Column(length = 200)\n");
      }
      out.append("  private ").append(field[0]).append(' ').append(field[1]).append(";\n");
    }
    for (String[] field : fields) {
      String property = Character.toUpperCase(field[1].charAt(0)) + field[1].substring(1);
      String getter = (field[0].equals("boolean") ? "is" : "get") + property;
      out.append("\n  public ").append(field[0]).append(' ').append(getter).append("() {\n    return ")
          .append(field[1]).append(";\n  }\n");
      out.append("\n  public void set").append(property).append('(').append(field[0]).append(' ').append(field[1])
          .append(") {\n    this.").append(field[1]).append(" = ").append(field[1]).append(";\n  }\n");
    }
    return out.append("}\n").toString();
  }

  private static String service(String pkg, String name, Random random, String dao) {
    int threshold = 10 + random.nextInt(90);
    StringBuilder out = new StringBuilder("package " + pkg + ";\n\n")
        .append("import java.util.ArrayList;\n")
        .append("import java.util.Comparator;\n")
        .append("import java.util.HashMap;\n")
        .append("import java.util.List;\n")
        .append("import java.util.Locale;\n")
        .append("import java.util.Map;\n")
        .append("import java.util.Optional;\n")
        .append("import java.util.stream.Collectors;\n\n")
        .append("/** Business logic without SQL. */\n")
        .append("public final class ").append(name).append(" {\n")
        .append("  /** How urgent an item is. */\n")
        .append("  public enum Priority {\n    LOW,\n    MEDIUM,\n    HIGH,\n    CRITICAL\n  }\n\n")
        .append("  /** An item of work. */\n")
        .append("  public record Item(String name, String category, int quantity, double price, Priority priority) {}\n\n")
        .append("  private final Map<String, List<Item>> byCategory = new HashMap<>();\n\n")
        .append("  public void add(Item item) {\n")
        .append("    byCategory.computeIfAbsent(item.category(), k -> new ArrayList<>()).add(item);\n  }\n\n")
        .append("  public double total(String category) {\n")
        .append("    return byCategory.getOrDefault(category, List.of()).stream()\n")
        .append("        .mapToDouble(i -> i.quantity() * i.price())\n        .sum();\n  }\n\n")
        .append("  public List<String> mostExpensive(int n) {\n")
        .append("    return byCategory.values().stream()\n        .flatMap(List::stream)\n")
        .append("        .sorted(Comparator.comparingDouble(Item::price).reversed())\n")
        .append("        .limit(n)\n        .map(Item::name)\n        .collect(Collectors.toList());\n  }\n\n")
        .append("  public Optional<Item> cheapest(String category) {\n")
        .append("    return byCategory.getOrDefault(category, List.of()).stream()\n")
        .append("        .min(Comparator.comparingDouble(Item::price));\n  }\n\n")
        .append("  public String describe(Item item) {\n")
        .append("    return \"Item \" + item.name() + \" in \" + item.category() + \" x\" + item.quantity()\n")
        .append("        + \" (\" + label(item.priority()) + \")\";\n  }\n\n")
        .append("  public String report() {\n")
        .append("    StringBuilder out = new StringBuilder();\n")
        .append("    for (Map.Entry<String, List<Item>> entry : byCategory.entrySet()) {\n")
        .append("      out.append(entry.getKey().toUpperCase(Locale.ROOT)).append(\": \");\n")
        .append("      for (Item item : entry.getValue()) {\n")
        .append("        if (item.quantity() > ").append(threshold).append(") {\n")
        .append("          out.append(describe(item)).append(\"; \");\n        }\n      }\n")
        .append("      out.append('\\n');\n    }\n    return out.toString();\n  }\n\n")
        .append("  static String label(Priority priority) {\n")
        .append("    return switch (priority) {\n")
        .append("      case LOW -> \"low\";\n")
        .append("      case MEDIUM -> \"medium\";\n")
        .append("      case HIGH -> \"high\";\n")
        .append("      case CRITICAL -> \"critical\";\n    };\n  }\n\n")
        .append("  static long gcd(long a, long b) {\n")
        .append("    long x = Math.abs(a);\n    long y = Math.abs(b);\n")
        .append("    while (y != 0) {\n      long r = x % y;\n      x = y;\n      y = r;\n    }\n    return x;\n  }\n\n")
        .append("  static int[] histogram(List<Item> items, int buckets) {\n")
        .append("    int[] counts = new int[buckets];\n")
        .append("    for (Item item : items) {\n")
        .append("      int bucket = Math.min(buckets - 1, (int) (item.price() / ").append(threshold).append("));\n")
        .append("      counts[Math.max(0, bucket)]++;\n    }\n    return counts;\n  }\n");
    if (dao != null) {
      out.append("\n  /** Counts the rows of the tenant bound to the connection. */\n")
          .append("  public long count(java.sql.Connection connection) throws java.sql.SQLException {\n")
          .append("    return new ").append(dao).append("(connection).countForBoundTenant();\n  }\n");
    }
    return out.append("}\n").toString();
  }
}
