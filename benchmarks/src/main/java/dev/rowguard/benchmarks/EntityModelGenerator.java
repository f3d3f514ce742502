package dev.rowguard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a deterministic model of JPA entities, shaped like the entities of a business application: a UUID
 * id, a version, audit timestamps, strings with lengths, money as {@code BigDecimal} with precision, enums stored
 * as strings, dates, flags, one or two {@code @ManyToOne} references to entities generated earlier (so the
 * model has no cycles), an {@code @Index} in {@code @Table}, Javadoc, and accessors for every field. Every
 * entity is accepted by Rowguard's processor and by Hibernate's.
 */
final class EntityModelGenerator {
  static final long SEED = 20_251_121L;

  private static final String BASE_PACKAGE = "com.example.bench";
  private static final List<String> MODULES = List.of(
      "billing", "catalog", "crm", "fleet", "hr", "inventory", "logistics", "support", "identity", "projects");
  private static final List<String> SUBJECTS = List.of(
      "Customer", "Supplier", "Warehouse", "Product", "Invoice", "Payment", "Shipment", "Contract", "Employee",
      "Project", "Ticket", "Vehicle", "Asset", "Account", "Campaign", "Budget", "Device", "Course", "Policy",
      "Claim", "Route", "Store", "Partner", "Service", "Sales");
  private static final List<String> ASPECTS = List.of(
      "Record", "Entry", "Line", "Note", "Event", "Schedule", "Profile", "Snapshot", "Assignment", "Approval",
      "Review", "Batch", "Rule", "Rate", "Plan", "Task", "Report", "Attachment", "Allocation", "Adjustment",
      "Log", "Message", "Period", "Setting", "Request");

  private static final List<FieldSpec> POOL = List.of(
      new FieldSpec("String", "code", "@Column(length = 32, nullable = false, unique = true)",
          "Short business code, unique across all rows."),
      new FieldSpec("String", "title", "@Column(length = 200, nullable = false)", "Human-readable title."),
      new FieldSpec("String", "description", "@Column(length = 2000)", "Free-text description shown in the UI."),
      new FieldSpec("String", "email", "@Column(length = 320)", "Contact e-mail address."),
      new FieldSpec("String", "phone", "@Column(length = 40)", null),
      new FieldSpec("String", "externalRef", "@Column(name = \"external_ref\", length = 64)",
          "Identifier of this row in the upstream system."),
      new FieldSpec("String", "notes", "", null),
      new FieldSpec("String", "currencyCode", "@Column(length = 3, nullable = false)", "ISO 4217 currency code."),
      new FieldSpec("String", "countryCode", "@Column(length = 2)", "ISO 3166-1 alpha-2 country code."),
      new FieldSpec("String", "city", "@Column(length = 120)", null),
      new FieldSpec("String", "postalCode", "@Column(length = 16)", null),
      new FieldSpec("BigDecimal", "amount", "@Column(precision = 19, scale = 4, nullable = false)",
          "Amount in {@link #currencyCode the row's currency}."),
      new FieldSpec("BigDecimal", "unitPrice", "@Column(precision = 12, scale = 2)", "Price of one unit."),
      new FieldSpec("BigDecimal", "taxRate", "@Column(precision = 5, scale = 4)", "Tax rate, e.g. 0.1900."),
      new FieldSpec("int", "quantity", "", null),
      new FieldSpec("long", "sequenceNumber", "@Column(nullable = false)", "Monotonic number within the parent."),
      new FieldSpec("boolean", "active", "", "Whether the row is in use; inactive rows are kept for history."),
      new FieldSpec("Integer", "sortIndex", "", null),
      new FieldSpec("LocalDate", "validFrom", "", "First day on which the row applies."),
      new FieldSpec("LocalDate", "validUntil", "", "Last day on which the row applies, or null if open-ended."),
      new FieldSpec("LocalDate", "dueOn", "", null),
      new FieldSpec("Instant", "closedAt", "", "When the row was closed, or null while it is open."),
      new FieldSpec("Instant", "approvedAt", "", null));

  private static final List<EnumSpec> ENUMS = List.of(
      new EnumSpec("Status", "status", List.of("DRAFT", "ACTIVE", "SUSPENDED", "CLOSED")),
      new EnumSpec("Kind", "kind", List.of("STANDARD", "EXPRESS", "INTERNAL")),
      new EnumSpec("Channel", "channel", List.of("WEB", "MOBILE", "PARTNER", "BACK_OFFICE")),
      new EnumSpec("Priority", "priority", List.of("LOW", "NORMAL", "HIGH", "URGENT")));

  private EntityModelGenerator() {}

  /** Writes {@code count} entities under {@code root} (a source root) and returns their files. */
  static List<Path> generate(Path root, int count) {
    return generate(root, count, 0);
  }

  /**
   * As {@link #generate(Path, int)}, with {@code addedColumns} more: the {@code k}-th is a nullable {@code String}
   * field {@code addedInStep<k>} of entity {@code k - 1}. Version {@code v} of an evolving model has {@code v - 1}
   * of them, so each version adds one column; the rest of the model is the same in every version.
   */
  static List<Path> generate(Path root, int count, int addedColumns) {
    if (count > SUBJECTS.size() * ASPECTS.size()) {
      throw new IllegalArgumentException("at most " + SUBJECTS.size() * ASPECTS.size() + " entities");
    }
    Random random = new Random(SEED);
    List<String> names = new ArrayList<>();
    for (String subject : SUBJECTS) {
      for (String aspect : ASPECTS) {
        names.add(subject + aspect);
      }
    }
    Collections.shuffle(names, random);
    List<Entity> entities = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Entity entity = new Entity(names.get(i), BASE_PACKAGE + "." + MODULES.get(i % MODULES.size()));
      entities.add(entity);
      Path file = root.resolve(entity.pkg.replace('.', '/')).resolve(entity.name + ".java");
      try {
        Files.createDirectories(file.getParent());
        List<Field> added = new ArrayList<>();
        for (int k = i + 1; k <= addedColumns; k += count) {
          added.add(new Field("String", "addedInStep" + k, "", null));
        }
        Files.writeString(file, source(entity, entities.subList(0, i), added, random), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.add(file);
    }
    return files;
  }

  private static String source(Entity entity, List<Entity> earlier, List<Field> added, Random random) {
    List<Field> fields = new ArrayList<>();
    Set<String> imports = new LinkedHashSet<>(List.of(
        "jakarta.persistence.Column", "jakarta.persistence.Entity", "jakarta.persistence.GeneratedValue",
        "jakarta.persistence.Id", "jakarta.persistence.Index", "jakarta.persistence.Table",
        "jakarta.persistence.Version", "java.time.Instant", "java.util.UUID"));

    fields.add(new Field("UUID", "id", "@Id\n  @GeneratedValue", "Surrogate key, generated by the database."));
    fields.add(new Field("long", "version", "@Version", null));

    // References to entities written before this one: the model is a DAG, like most real schemas.
    int references = earlier.isEmpty() ? 0 : 1 + random.nextInt(Math.min(2, earlier.size()));
    Set<Entity> targets = new LinkedHashSet<>();
    while (targets.size() < references) {
      targets.add(earlier.get(random.nextInt(earlier.size())));
    }
    for (Entity target : targets) {
      imports.add("jakarta.persistence.FetchType");
      imports.add("jakarta.persistence.ManyToOne");
      if (!target.pkg.equals(entity.pkg)) {
        imports.add(target.pkg + "." + target.name);
      }
      String fieldName = decapitalize(target.name);
      boolean required = random.nextBoolean();
      String annotations = "@ManyToOne(fetch = FetchType.LAZY" + (required ? ", optional = false" : "") + ")";
      if (random.nextBoolean()) {
        imports.add("jakarta.persistence.JoinColumn");
        annotations += "\n  @JoinColumn(name = \"" + snakeCase(fieldName) + "_id\""
            + (required ? ", nullable = false" : "") + ")";
      }
      fields.add(new Field(target.name, fieldName, annotations,
          "The {@link " + target.name + "} this row belongs to."));
    }

    List<EnumSpec> enums = new ArrayList<>(ENUMS);
    Collections.shuffle(enums, random);
    enums = enums.subList(0, 1 + random.nextInt(2));
    for (EnumSpec spec : enums) {
      imports.add("jakarta.persistence.EnumType");
      imports.add("jakarta.persistence.Enumerated");
      fields.add(new Field(spec.type, spec.field,
          "@Enumerated(EnumType.STRING)\n  @Column(length = 20, nullable = false)",
          "Current " + spec.field + "; stored by name."));
    }

    List<FieldSpec> pool = new ArrayList<>(POOL);
    Collections.shuffle(pool, random);
    int basics = 12 - fields.size() + random.nextInt(5);
    for (FieldSpec spec : pool.subList(0, basics)) {
      switch (spec.type) {
        case "BigDecimal" -> imports.add("java.math.BigDecimal");
        case "LocalDate" -> imports.add("java.time.LocalDate");
        default -> { }
      }
      fields.add(new Field(spec.type, spec.name, spec.annotations, spec.doc));
    }
    fields.add(new Field("Instant", "createdAt", "@Column(nullable = false)", "When the row was created."));
    fields.add(new Field("Instant", "updatedAt", "", "When the row was last changed."));
    fields.addAll(added);

    // One index on a flag or enum plus the creation time: what list screens filter and sort by.
    String indexed = snakeCase(enums.get(0).field) + ", created_at";

    StringBuilder out = new StringBuilder();
    out.append("package ").append(entity.pkg).append(";\n\n");
    imports.stream().sorted().forEach(i -> out.append("import ").append(i).append(";\n"));
    out.append("\n/**\n * A ").append(words(entity.name)).append(" of the ")
        .append(entity.pkg.substring(entity.pkg.lastIndexOf('.') + 1)).append(" module.\n *\n")
        .append(" * <p>Generated for Rowguard's compile-time benchmark.\n */\n")
        .append("@Entity\n@Table(name = \"").append(snakeCase(entity.name)).append("\", indexes = @Index(columnList = \"")
        .append(indexed).append("\"))\npublic class ").append(entity.name).append(" {\n");
    for (EnumSpec spec : enums) {
      out.append("  /** The ").append(spec.field).append(" of a ").append(words(entity.name)).append(". */\n")
          .append("  public enum ").append(spec.type).append(" {\n    ")
          .append(String.join(",\n    ", spec.constants)).append("\n  }\n\n");
    }
    for (Field field : fields) {
      if (field.doc != null) {
        out.append("  /** ").append(field.doc).append(" */\n");
      }
      if (!field.annotations.isEmpty()) {
        out.append("  ").append(field.annotations).append('\n');
      }
      out.append("  private ").append(field.type).append(' ').append(field.name).append(";\n\n");
    }
    out.append("  protected ").append(entity.name).append("() {}\n");
    for (Field field : fields) {
      String property = Character.toUpperCase(field.name.charAt(0)) + field.name.substring(1);
      String getter = (field.type.equals("boolean") ? "is" : "get") + property;
      out.append("\n  public ").append(field.type).append(' ').append(getter).append("() {\n    return ")
          .append(field.name).append(";\n  }\n");
      if (!field.name.equals("id") && !field.name.equals("version")) {
        out.append("\n  public void set").append(property).append('(').append(field.type).append(' ')
            .append(field.name).append(") {\n    this.").append(field.name).append(" = ").append(field.name)
            .append(";\n  }\n");
      }
    }
    out.append("}\n");
    return out.toString();
  }

  static String snakeCase(String javaName) {
    return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String words(String javaName) {
    return snakeCase(javaName).replace('_', ' ');
  }

  private static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private record FieldSpec(String type, String name, String annotations, String doc) {}

  private record EnumSpec(String type, String field, List<String> constants) {}

  private record Field(String type, String name, String annotations, String doc) {}

  private record Entity(String name, String pkg) {}
}
