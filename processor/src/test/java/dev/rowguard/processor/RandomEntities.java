package dev.rowguard.processor;

import com.google.testing.compile.JavaFileObjects;
import dev.rowguard.schema.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random models: sets of entities with every supported column type, references between them (cycles and
 * self-references included), keys, indexes, checks, defaults, comments with quotes, and keywords that PostgreSQL
 * allows as names. Shared by the tests that apply random models and those that migrate between them.
 */
public final class RandomEntities {
  static final List<String> WORDS = List.of("host", "name", "ip", "address", "cpu", "cores", "owner",
      "status", "score", "created", "at", "source", "phase", "flow", "size", "mime", "type", "value", "key");
  /** Keywords that PostgreSQL accepts as column names (unreserved or column-name keywords). */
  static final List<String> LEGAL_KEYWORDS = List.of("name", "type", "value", "key", "position", "time",
      "level", "data", "comment");
  /** The constants of every entity's {@code Level} enum unless an edit changed them. */
  public static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

  private RandomEntities() {}

  /** One to five shared entities, named {@code E<i><Words>}. */
  public static Arbitrary<List<EntitySpec>> models() {
    return Arbitraries.integers().between(1, 5).flatMap(count ->
        entity().list().ofSize(count).map(entities -> {
          List<EntitySpec> named = new ArrayList<>();
          for (int i = 0; i < entities.size(); i++) {
            named.add(entities.get(i).withName("E" + i + entities.get(i).name()));
          }
          return named;
        }));
  }

  public static Arbitrary<FieldSpec> field() {
    Arbitrary<String> name = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3).map(RandomEntities::camel)),
        Tuple.of(1, Arbitraries.of(LEGAL_KEYWORDS)));
    Arbitrary<Kind> kind = Arbitraries.of(Kind.class);
    Arbitrary<Integer> size = Arbitraries.integers().between(1, 60);
    Arbitrary<Integer> target = Arbitraries.integers().between(0, 4);
    Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
    return Combinators.combine(name, kind, size, target, flags).as(FieldSpec::new);
  }

  private static Arbitrary<EntitySpec> entity() {
    Arbitrary<String> name = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(2).map(RandomEntities::pascal);
    Arbitrary<List<FieldSpec>> fields = field().list().ofMinSize(1).ofMaxSize(10);
    Arbitrary<Boolean> record = Arbitraries.of(true, false, false);
    Arbitrary<List<Integer>> indexed = Arbitraries.integers().between(0, 9).list().ofMaxSize(2);
    Arbitrary<Boolean> uuidId = Arbitraries.of(true, false);
    return Combinators.combine(name, fields, record, indexed, uuidId)
        .as((n, f, r, i, u) -> new EntitySpec(n, dedupe(f), r, i, u));
  }

  /** The fields with distinct names (case-insensitively), none called {@code id}. */
  public static List<FieldSpec> dedupe(List<FieldSpec> fields) {
    Set<String> seen = new LinkedHashSet<>();
    List<FieldSpec> unique = new ArrayList<>();
    for (FieldSpec field : fields) {
      if (seen.add(field.name().toLowerCase()) && !field.name().equals("id")) {
        unique.add(field);
      }
    }
    return unique;
  }

  /** The model as source files of package {@code random}. */
  public static List<JavaFileObject> sources(List<EntitySpec> model) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (EntitySpec entity : model) {
      sources.add(JavaFileObjects.forSourceString("random." + entity.name(), entity.source(model)));
    }
    return sources;
  }

  static String pascal(List<String> words) {
    StringBuilder out = new StringBuilder();
    words.forEach(w -> out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)));
    return out.toString();
  }

  static String camel(List<String> words) {
    String pascal = pascal(words);
    return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  public enum Kind {
    STRING, VARCHAR, UUID, INSTANT, OFFSET_DATE_TIME, LOCAL_DATE, BOOLEAN, BOOLEAN_WRAPPER, SHORT, INT,
    INTEGER, LONG, LONG_WRAPPER, FLOAT, DOUBLE, DECIMAL, BYTES, ENUM_STRING, CHECK_ENUM, JSONB, REFERENCE
  }

  /**
   * One field. {@code flags}: bit 0 NOT NULL, bit 1 unique, bit 2 a check or default, bit 3 Javadoc.
   * {@code renamedFrom}: the old column name given by {@code @RenamedFrom}, or null.
   */
  public record FieldSpec(String name, Kind kind, int size, int target, int flags, String renamedFrom) {
    public FieldSpec(String name, Kind kind, int size, int target, int flags) {
      this(name, kind, size, target, flags, null);
    }

    public FieldSpec renamed(String newName, String oldColumn) {
      return new FieldSpec(newName, kind, size, target, flags, oldColumn);
    }

    public FieldSpec with(Kind newKind, int newSize, int newFlags) {
      return new FieldSpec(name, newKind, newSize, target, newFlags, renamedFrom);
    }

    public String column() {
      return Identifiers.snakeCase(name);
    }

    String declaration(List<EntitySpec> model) {
      StringBuilder annotations = new StringBuilder();
      String column = column();
      if ((flags & 8) != 0) {
        annotations.append("/** The ").append(name).append("'s value; it's \"documented\". */\n  ");
      }
      if (renamedFrom != null) {
        annotations.append("@RenamedFrom(\"").append(renamedFrom).append("\") ");
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

  /**
   * One entity. {@code levels}: the declarations of its {@code Level} enum's constants ({@code "LOW"}, or
   * {@code "@RenamedFrom(\"LOW\") LOWEST"}); {@code tenanted}: {@code @Tenanted} with a {@code tenantId} field;
   * {@code renamedFrom}: the old table name given by {@code @RenamedFrom}, or null; {@code assignedId}: the key
   * has no {@code @GeneratedValue} (no identity, no default), the application assigns it.
   */
  public record EntitySpec(String name, List<FieldSpec> fields, boolean record, List<Integer> indexed,
      boolean uuidId, boolean tenanted, List<String> levels, String renamedFrom, boolean assignedId) {
    public EntitySpec(String name, List<FieldSpec> fields, boolean record, List<Integer> indexed, boolean uuidId) {
      this(name, fields, record, indexed, uuidId, false, LEVELS, null, false);
    }

    public EntitySpec {
      fields = List.copyOf(fields);
      indexed = List.copyOf(indexed);
      levels = List.copyOf(levels);
    }

    public EntitySpec withName(String newName) {
      return new EntitySpec(newName, fields, record, indexed, uuidId, tenanted, levels, renamedFrom, assignedId);
    }

    public EntitySpec renamed(String newName, String oldTable) {
      return new EntitySpec(newName, fields, record, indexed, uuidId, tenanted, levels, oldTable, assignedId);
    }

    public EntitySpec withFields(List<FieldSpec> newFields) {
      return new EntitySpec(name, newFields, record, indexed, uuidId, tenanted, levels, renamedFrom, assignedId);
    }

    public EntitySpec withIndexed(List<Integer> newIndexed) {
      return new EntitySpec(name, fields, record, newIndexed, uuidId, tenanted, levels, renamedFrom, assignedId);
    }

    public EntitySpec withTenanted(boolean value) {
      return new EntitySpec(name, fields, record, indexed, uuidId, value, levels, renamedFrom, assignedId);
    }

    public EntitySpec withLevels(List<String> newLevels) {
      return new EntitySpec(name, fields, record, indexed, uuidId, tenanted, newLevels, renamedFrom, assignedId);
    }

    /** The key as {@code uuid} or {@code long}, generated ({@code @GeneratedValue}) or assigned. */
    public EntitySpec withId(boolean uuid, boolean assigned) {
      return new EntitySpec(name, fields, record, indexed, uuid, tenanted, levels, renamedFrom, assigned);
    }

    public String table() {
      return Identifiers.snakeCase(name);
    }

    /** The entity's source; references resolve against {@code model}, by position. */
    public String source(List<EntitySpec> model) {
      List<String> indexColumns = new ArrayList<>();
      for (int i : indexed) {
        if (i < fields.size() && fields.get(i).indexable()) {
          indexColumns.add(fields.get(i).column());
        }
      }
      String table = indexColumns.isEmpty() ? "" : "@Table(indexes = @Index(columnList = \""
          + String.join(", ", new LinkedHashSet<>(indexColumns)) + "\"))\n";
      List<String> members = new ArrayList<>();
      members.add("@Id " + (assignedId ? "" : uuidId ? "@GeneratedValue " : "@GeneratedValue(strategy = "
          + "GenerationType.IDENTITY) ") + (uuidId ? "java.util.UUID id" : "long id"));
      if (tenanted) {
        members.add("@Column(nullable = false) java.util.UUID tenantId");
      }
      fields.forEach(f -> members.add(f.declaration(model)));
      String header = "package random;\nimport jakarta.persistence.*;\nimport dev.rowguard.annotations.*;\n"
          + "/** Entity " + name + " of a random model. */\n@Entity\n" + table
          + (tenanted ? "@Tenanted\n" : "") + (renamedFrom == null ? "" : "@RenamedFrom(\"" + renamedFrom + "\")\n");
      String enums = "enum Level { " + String.join(", ", levels) + " }\n"
          + "  enum Strategy { REHOST, @StoredValue(\"re-'platform'\") REPLATFORM, RETIRE }\n";
      if (record) {
        return header + "public record " + name + "(\n  " + String.join(",\n  ", members) + ") {\n  " + enums + "}\n";
      }
      return header + "public class " + name + " {\n  " + enums + "  "
          + String.join(";\n  ", members) + ";\n}\n";
    }
  }
}
