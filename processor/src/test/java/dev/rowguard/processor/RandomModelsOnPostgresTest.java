package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every model the processor accepts must yield DDL that PostgreSQL accepts; every model it rejects must be
 * rejected with Rowguard diagnostics, never with an exception. Models are random sets of entities with every
 * supported column type, references between them (cycles and self-references included), keys, indexes,
 * checks, defaults, comments with quotes, and keywords that PostgreSQL allows as names.
 */
class RandomModelsOnPostgresTest {
  private static final List<String> WORDS = List.of("host", "name", "ip", "address", "cpu", "cores", "owner",
      "status", "score", "created", "at", "source", "phase", "flow", "size", "mime", "type", "value", "key");
  /** Keywords that PostgreSQL accepts as column names (unreserved or column-name keywords). */
  private static final List<String> LEGAL_KEYWORDS = List.of("name", "type", "value", "key", "position", "time",
      "level", "data", "comment");
  private static final List<String> ILLEGAL = List.of("order", "user", "group", "check", "metadata", "left",
      "limit", "authorization", "aVeryLongFieldNameThatKeepsGoingOnAndOnUntilItIsWellPastSixtyThreeBytes");
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static Database database;

  @BeforeContainer
  static void createDatabase() {
    database = DevPostgres.shared().createDatabase("rg_random_models");
  }

  @AfterContainer
  static void dropDatabase() {
    database.close();
  }

  @Property(tries = 200, seed = "20261121")
  void validModelsAreAcceptedAndApplyToPostgres(@ForAll("validModels") List<EntitySpec> model) {
    Compilation compilation = compile(model, "m" + SCHEMAS.incrementAndGet());
    Statistics.label("entities").collect(model.size());
    assertThat(compilation.errors()).isEmpty();
    database.executeScript(Compilations.schemaSql(compilation));
  }

  @Property(tries = 60, seed = "20261121")
  void reservedOrOverlongNamesAreRejectedWithDiagnosticsNeverAnException(
      @ForAll("validModels") List<EntitySpec> model, @ForAll("illegalNames") String illegal) {
    EntitySpec first = model.get(0);
    List<FieldSpec> fields = new ArrayList<>(first.fields());
    fields.add(new FieldSpec(illegal, Kind.STRING, 1, 0, 0));
    List<EntitySpec> broken = new ArrayList<>(model);
    broken.set(0, new EntitySpec(first.name(), dedupe(fields), first.record(), first.indexed(), first.uuidId()));
    Compilation compilation = compile(broken, "m" + SCHEMAS.incrementAndGet());
    assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getMessage(null)).containsMatch("^\\[Rowguard(ReservedName|NameTooLong)\\]");
    }
  }

  private static Compilation compile(List<EntitySpec> model, String schema) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (EntitySpec entity : model) {
      sources.add(JavaFileObjects.forSourceString("random." + entity.name(), entity.source(model)));
    }
    return Compilations.compile(sources, "-Arowguard.defaultSchema=" + schema);
  }

  @Provide
  Arbitrary<String> illegalNames() {
    return Arbitraries.of(ILLEGAL);
  }

  @Provide
  Arbitrary<List<EntitySpec>> validModels() {
    return Arbitraries.integers().between(1, 5).flatMap(count ->
        entity().list().ofSize(count).map(entities -> {
          List<EntitySpec> named = new ArrayList<>();
          for (int i = 0; i < entities.size(); i++) {
            named.add(entities.get(i).withName("E" + i + entities.get(i).name()));
          }
          return named;
        }));
  }

  private Arbitrary<EntitySpec> entity() {
    Arbitrary<String> name = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(2).map(RandomModelsOnPostgresTest::pascal);
    Arbitrary<List<FieldSpec>> fields = field().list().ofMinSize(1).ofMaxSize(10);
    Arbitrary<Boolean> record = Arbitraries.of(true, false, false);
    Arbitrary<List<Integer>> indexed = Arbitraries.integers().between(0, 9).list().ofMaxSize(2);
    Arbitrary<Boolean> uuidId = Arbitraries.of(true, false);
    return Combinators.combine(name, fields, record, indexed, uuidId)
        .as((n, f, r, i, u) -> new EntitySpec(n, dedupe(f), r, i, u));
  }

  private Arbitrary<FieldSpec> field() {
    Arbitrary<String> name = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3).map(RandomModelsOnPostgresTest::camel)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(LEGAL_KEYWORDS)));
    Arbitrary<Kind> kind = Arbitraries.of(Kind.class);
    Arbitrary<Integer> size = Arbitraries.integers().between(1, 60);
    Arbitrary<Integer> target = Arbitraries.integers().between(0, 4);
    Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
    return Combinators.combine(name, kind, size, target, flags).as(FieldSpec::new);
  }

  private static List<FieldSpec> dedupe(List<FieldSpec> fields) {
    Set<String> seen = new LinkedHashSet<>();
    List<FieldSpec> unique = new ArrayList<>();
    for (FieldSpec field : fields) {
      if (seen.add(field.name().toLowerCase()) && !field.name().equals("id")) {
        unique.add(field);
      }
    }
    return unique;
  }

  private static String pascal(List<String> words) {
    StringBuilder out = new StringBuilder();
    words.forEach(w -> out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)));
    return out.toString();
  }

  private static String camel(List<String> words) {
    String pascal = pascal(words);
    return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  enum Kind {
    STRING, VARCHAR, UUID, INSTANT, OFFSET_DATE_TIME, LOCAL_DATE, BOOLEAN, BOOLEAN_WRAPPER, SHORT, INT,
    INTEGER, LONG, LONG_WRAPPER, FLOAT, DOUBLE, DECIMAL, BYTES, ENUM_STRING, CHECK_ENUM, JSONB, REFERENCE
  }

  /**
   * One field. {@code flags}: bit 0 NOT NULL, bit 1 unique, bit 2 a check or default, bit 3 Javadoc.
   */
  record FieldSpec(String name, Kind kind, int size, int target, int flags) {
    String declaration(List<EntitySpec> model, String owner) {
      StringBuilder annotations = new StringBuilder();
      String column = dev.rowguard.schema.sql.Identifiers.snakeCase(name);
      if ((flags & 8) != 0) {
        annotations.append("/** The ").append(name).append("'s value; it's \"documented\". */\n  ");
      }
      List<String> columnAttributes = new ArrayList<>();
      if ((flags & 1) != 0 && kind != Kind.REFERENCE) {
        columnAttributes.add("nullable = false");
      }
      if ((flags & 2) != 0 && kind != Kind.BYTES && kind != Kind.JSONB) {
        columnAttributes.add("unique = true");
      }
      String type;
      switch (kind) {
        case STRING -> type = "String";
        case VARCHAR -> {
          type = "String";
          columnAttributes.add("length = " + size * 5);
        }
        case UUID -> type = "java.util.UUID";
        case INSTANT -> type = "java.time.Instant";
        case OFFSET_DATE_TIME -> type = "java.time.OffsetDateTime";
        case LOCAL_DATE -> type = "java.time.LocalDate";
        case BOOLEAN -> type = "boolean";
        case BOOLEAN_WRAPPER -> type = "Boolean";
        case SHORT -> type = "short";
        case INT -> {
          type = "int";
          if ((flags & 4) != 0) {
            annotations.append("@Check(\"").append(column).append(" >= 0\") ");
          }
        }
        case INTEGER -> {
          type = "Integer";
          if ((flags & 4) != 0) {
            annotations.append("@ColumnDefault(\"0\") ");
          }
        }
        case LONG -> type = "long";
        case LONG_WRAPPER -> type = "Long";
        case FLOAT -> type = "float";
        case DOUBLE -> type = "double";
        case DECIMAL -> {
          type = "java.math.BigDecimal";
          columnAttributes.add("precision = " + size);
          columnAttributes.add("scale = " + (size / 3));
        }
        case BYTES -> type = "byte[]";
        case ENUM_STRING -> {
          type = "Level";
          annotations.append("@Enumerated(EnumType.STRING) ");
        }
        case CHECK_ENUM -> {
          type = "Strategy";
          annotations.append("@CheckEnum(storedCase = CheckEnum.Case.LOWER, legacyValues = \"it's old\") ");
        }
        case JSONB -> {
          type = "String";
          annotations.append("@Jsonb ");
          if ((flags & 4) != 0) {
            annotations.append("@ColumnDefault(\"'{}'::jsonb\") ");
          }
        }
        case REFERENCE -> {
          type = model.get(target % model.size()).name();
          annotations.append((flags & 1) != 0 ? "@ManyToOne(optional = false) " : "@ManyToOne ");
        }
        default -> throw new AssertionError(kind);
      }
      if (!columnAttributes.isEmpty()) {
        annotations.append("@Column(").append(String.join(", ", columnAttributes)).append(") ");
      }
      return annotations + type + " " + name;
    }

    boolean indexable() {
      return kind != Kind.REFERENCE;
    }
  }

  record EntitySpec(String name, List<FieldSpec> fields, boolean record, List<Integer> indexed, boolean uuidId) {
    EntitySpec withName(String newName) {
      return new EntitySpec(newName, fields, record, indexed, uuidId);
    }

    String source(List<EntitySpec> model) {
      List<String> indexColumns = new ArrayList<>();
      for (int i : indexed) {
        if (i < fields.size() && fields.get(i).indexable()) {
          indexColumns.add(dev.rowguard.schema.sql.Identifiers.snakeCase(fields.get(i).name()));
        }
      }
      String table = indexColumns.isEmpty() ? "" : "@Table(indexes = @Index(columnList = \""
          + String.join(", ", new LinkedHashSet<>(indexColumns)) + "\"))\n";
      List<String> members = new ArrayList<>();
      members.add(uuidId ? "@Id @GeneratedValue java.util.UUID id" : "@Id @GeneratedValue(strategy = GenerationType.IDENTITY) long id");
      fields.forEach(f -> members.add(f.declaration(model, name)));
      String header = "package random;\nimport jakarta.persistence.*;\nimport dev.rowguard.annotations.*;\n"
          + "/** Entity " + name + " of a random model. */\n@Entity\n" + table;
      String enums = "enum Level { LOW, MEDIUM, HIGH }\n"
          + "  enum Strategy { REHOST, @StoredValue(\"re-'platform'\") REPLATFORM, RETIRE }\n";
      if (record) {
        return header + "public record " + name + "(\n  " + String.join(",\n  ", members) + ") {\n  " + enums + "}\n";
      }
      return header + "public class " + name + " {\n  " + enums + "  "
          + String.join(";\n  ", members) + ";\n}\n";
    }
  }
}
