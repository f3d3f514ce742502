package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.rowguard.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every diagnostic of the catalog, asserted with its tag, text, file and line. */
class DiagnosticsTest {
  private static JavaFileObject entity(String name, String... lines) {
    return Compilations.source(name, lines);
  }

  @Test
  void reservedKeywordColumnIsAnErrorThatSuggestsARename() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  int order;",
        "}");
    Compilation compilation = compile(asset);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[RowguardReservedName] Column name 'order' cannot be used: 'order' is a reserved "
            + "keyword in PostgreSQL 18.6 and would have to be quoted in every statement. Rename it, e.g. "
            + "@Column(name = \"asset_order\")")
        .inFile(asset)
        .onLineContaining("int order;");
  }

  @Test
  void typeOrFunctionNameKeywordIsReservedToo() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @Column(name = \"left\") int leftSide;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardReservedName] Column name 'left' cannot be used: 'left' is a type or "
            + "function-name keyword")
        .inFile(asset)
        .onLineContaining("@Column(name = \"left\")");
  }

  @Test
  void reservedTableNameSuggestsAPluralName() {
    JavaFileObject user = entity("User",
        "@Entity public class User {",
        "  @Id UUID id;",
        "}");
    assertThat(compile(user))
        .hadErrorContaining("[RowguardReservedName] Table name 'user' cannot be used: 'user' is a reserved keyword")
        .inFile(user)
        .onLineContaining("public class User");
    assertThat(compile(user)).hadErrorContaining("Rename it, e.g. @Table(name = \"users\")");
  }

  @Test
  void ormReservedNameIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @Jsonb String metadata;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardReservedName] Column name 'metadata' cannot be used: 'metadata' is reserved "
            + "by ORMs: SQLAlchemy's declarative API reserves the attribute 'metadata'. Rename it, e.g. "
            + "@Column(name = \"asset_metadata\")")
        .inFile(asset)
        .onLineContaining("String metadata;");
  }

  @Test
  void unreservedKeywordsStayLegal() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  String name; String type; String value; String key;",
        "}");
    assertThat(compile(asset)).succeededWithoutWarnings();
  }

  @Test
  void userGivenNameOver63BytesIsAnError() {
    String longName = "c".repeat(64);
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @Column(name = \"" + longName + "\") String hostname;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardNameTooLong] Column name '" + longName + "' is 64 bytes; PostgreSQL silently "
            + "truncates names to 63 bytes. Choose a name of at most 63 bytes, e.g. with @Column(name = \"…\")")
        .inFile(asset)
        .onLineContaining("String hostname;");
  }

  @Test
  void twoEntitiesOnOneTableIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity @Table(name = \"asset\") public class Asset {",
        "  @Id UUID id;",
        "}");
    JavaFileObject legacy = entity("LegacyAsset",
        "@Entity @Table(name = \"asset\") public class LegacyAsset {",
        "  @Id UUID id;",
        "}");
    assertThat(compile(asset, legacy))
        .hadErrorContaining("[RowguardDuplicateTable] test.Asset and test.LegacyAsset are both mapped to table "
            + "public.asset")
        .inFile(legacy)
        .onLineContaining("@Table(name = \"asset\") public class LegacyAsset");
  }

  @Test
  void twoFieldsOnOneColumnIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  String hostName;",
        "  @Column(name = \"host_name\") String hostname;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardDuplicateColumn] field 'hostName' and field 'hostname' of test.Asset are both "
            + "mapped to column 'host_name'")
        .inFile(asset)
        .onLineContaining("String hostname;");
  }

  @Test
  void entityWithoutIdIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  UUID id;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardMissingId] entity test.Asset has no @Id field")
        .inFile(asset)
        .onLineContaining("@Entity public class Asset");
  }

  @Test
  void twoIdFieldsAreAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @Id UUID secondId;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardCompositeId] entity test.Asset has more than one @Id field ([id, secondId])")
        .inFile(asset)
        .onLineContaining("UUID secondId;");
  }

  @Test
  void unsupportedTypeListsWhatIsSupported() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  java.util.List<String> tags;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardUnsupportedType] field 'tags' has type java.util.List<java.lang.String>, which "
            + "has no PostgreSQL mapping. Supported: String (text, or varchar(n) with @Column(length = n)), "
            + "java.util.UUID (uuid)")
        .inFile(asset)
        .onLineContaining("java.util.List<String> tags;");
  }

  @Test
  void manyToManyIsUnsupported() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @ManyToMany java.util.Set<Asset> peers;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardUnsupportedMapping] @ManyToMany on 'peers' is not supported")
        .inFile(asset)
        .onLineContaining("@ManyToMany");
  }

  @Test
  void manyToOneToANonEntityIsAnError() {
    JavaFileObject owner = entity("Owner", "public class Owner { UUID id; }");
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @ManyToOne Owner owner;",
        "}");
    assertThat(compile(owner, asset))
        .hadErrorContaining("[RowguardRelationTarget] @ManyToOne field 'owner' refers to test.Owner, which is not an "
            + "@Entity")
        .inFile(asset)
        .onLineContaining("@ManyToOne Owner owner;");
  }

  @Test
  void manyToOneToAnEntityOfAnotherCompilationIsAnError(@TempDir Path classes) throws Exception {
    JavaFileObject owner = entity("Owner", "@Entity public class Owner { @Id UUID id; }");
    Compilation library = javac().withOptions("-proc:none").compile(owner);
    assertThat(library).succeeded();
    Path ownerClass = Files.createDirectories(classes.resolve("test")).resolve("Owner.class");
    try (var in = library.generatedFile(StandardLocation.CLASS_OUTPUT, "test/Owner.class").orElseThrow()
        .openInputStream()) {
      Files.copy(in, ownerClass);
    }
    List<File> classpath = new ArrayList<>();
    classpath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @ManyToOne Owner owner;",
        "}");
    Compilation compilation =
        javac().withProcessors(new RowguardProcessor()).withClasspath(classpath).compile(asset);
    assertThat(compilation)
        .hadErrorContaining("[RowguardRelationTarget] @ManyToOne field 'owner' refers to entity test.Owner, which is "
            + "not compiled with this schema, so its table would not exist when the script runs")
        .inFile(asset)
        .onLineContaining("@ManyToOne Owner owner;");
  }

  @Test
  void enumStoredByOrdinalIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  enum Status { NEW, DONE }",
        "  @Id UUID id;",
        "  Status status;",
        "  @Enumerated(EnumType.ORDINAL) Status previousStatus;",
        "}");
    Compilation compilation = compile(asset);
    assertThat(compilation)
        .hadErrorContaining("[RowguardEnumOrdinal] field 'status' would store enum test.Asset.Status by ordinal, which "
            + "breaks when constants are reordered. Add @Enumerated(EnumType.STRING) or @CheckEnum")
        .inFile(asset)
        .onLineContaining("Status status;");
    assertThat(compilation)
        .hadErrorContaining("[RowguardEnumOrdinal] field 'previousStatus'")
        .inFile(asset)
        .onLineContaining("@Enumerated(EnumType.ORDINAL)");
  }

  @Test
  void checkEnumThatAJpaProviderWouldStoreDifferentlyIsAWarningThatSaysTheFix() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @CheckEnum enum Status { NEW, DONE }",
        "  @CheckEnum(storedCase = CheckEnum.Case.LOWER) enum Kind { SERVER, DATABASE }",
        "  @Id UUID id;",
        "  Status status;",
        "  @Enumerated(EnumType.STRING) Status previousStatus;",
        "  @Enumerated(EnumType.STRING) Kind kind;",
        "  @Convert(converter = KindConverter.class) Kind convertedKind;",
        "}");
    JavaFileObject converter = entity("KindConverter",
        "public class KindConverter implements AttributeConverter<Asset.Kind, String> {",
        "  public String convertToDatabaseColumn(Asset.Kind kind) { return kind.name().toLowerCase(); }",
        "  public Asset.Kind convertToEntityAttribute(String value) { return Asset.Kind.valueOf(value.toUpperCase()); }",
        "}");
    Compilation compilation = compile(asset, converter);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[RowguardCheckEnumJpa] field 'status' stores enum test.Asset.Status as the constant"
            + " names (@CheckEnum), but a JPA provider (Hibernate, EclipseLink) mapping this entity writes the"
            + " ordinal, which the CHECK rejects. Add @Enumerated(EnumType.STRING), or pass"
            + " -Arowguard.jpaCompatibility=false when no JPA provider maps this model")
        .inFile(asset)
        .onLineContaining("Status status;");
    assertThat(compilation)
        .hadWarningContaining("[RowguardCheckEnumJpa] field 'kind' stores enum test.Asset.Kind as 'server',"
            + " 'database' (@CheckEnum), but a JPA provider (Hibernate, EclipseLink) mapping this entity writes the"
            + " constant names, which the CHECK rejects. Map it with @Convert and an AttributeConverter that writes"
            + " the stored values")
        .inFile(asset)
        .onLineContaining("Kind kind;");
    assertThat(compilation.warnings().stream()
        .filter(w -> w.getMessage(null).contains("RowguardCheckEnumJpa")).count()).isEqualTo(2);

    Compilation withoutJpa = Compilations.compile(List.of(asset, converter), "-Arowguard.jpaCompatibility=false");
    assertThat(withoutJpa).succeeded();
    assertThat(withoutJpa.warnings().stream()
        .filter(w -> w.getMessage(null).contains("RowguardCheckEnumJpa")).count()).isEqualTo(0);
  }

  @Test
  void anEnumColumnKeepsItsLengthAndALengthShorterThanAStoredValueIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  enum Status { NEW, IN_PROGRESS }",
        "  @Id UUID id;",
        "  @Enumerated(EnumType.STRING) @Column(length = 16) Status status;",
        "  @Enumerated(EnumType.STRING) @Column(length = 5) Status previousStatus;",
        "}");
    Compilation compilation = compile(asset);
    assertThat(compilation)
        .hadErrorContaining("[RowguardEnumLength] @Column(length = 5) on enum field 'previousStatus' is shorter than"
            + " its stored value 'IN_PROGRESS' (11 characters); make the length at least that, or leave it out to"
            + " store text")
        .inFile(asset)
        .onLineContaining("@Column(length = 5)");

    Compilation valid = compile(entity("Asset",
        "@Entity public class Asset {",
        "  enum Status { NEW, IN_PROGRESS }",
        "  @Id UUID id;",
        "  @Enumerated(EnumType.STRING) @Column(length = 16) Status status;",
        "}"));
    assertThat(valid).succeeded();
    assertThat(Compilations.schemaSql(valid)).contains("status varchar(16)");
  }

  @Test
  void checkEnumMappingTwoConstantsToOneValueIsAnErrorOnTheAnnotation() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @CheckEnum(storedCase = CheckEnum.Case.LOWER)",
        "  enum Strategy { REHOST,",
        "    @StoredValue(\"rehost\") LIFT_AND_SHIFT }",
        "  @Id UUID id;",
        "  Strategy strategy;",
        "  Strategy previousStrategy;",
        "}");
    Compilation compilation = compile(asset);
    assertThat(compilation)
        .hadErrorContaining("[RowguardDuplicateStoredValue] constants REHOST and LIFT_AND_SHIFT of enum "
            + "test.Asset.Strategy are both stored as 'rehost'")
        .inFile(asset)
        .onLineContaining("@StoredValue(\"rehost\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void indexOnAMissingColumnIsAnErrorWithASuggestion() {
    JavaFileObject asset = entity("Asset",
        "@Entity",
        "@Table(indexes = @Index(columnList = \"hostnme\"))",
        "public class Asset {",
        "  @Id UUID id;",
        "  String hostname;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardUnknownColumn] @Index of Asset names column 'hostnme', which does not exist in "
            + "table public.asset. Did you mean 'hostname'?")
        .inFile(asset)
        .onLineContaining("@Index(columnList = \"hostnme\")");
  }

  @Test
  void uniqueConstraintOnAMissingColumnIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity",
        "@Table(uniqueConstraints = @UniqueConstraint(columnNames = {\"hostname\", \"serial\"}))",
        "public class Asset {",
        "  @Id UUID id;",
        "  String hostname;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardUnknownColumn] @UniqueConstraint of Asset names column 'serial', which does not "
            + "exist in table public.asset")
        .inFile(asset)
        .onLineContaining("@UniqueConstraint");
  }

  @Test
  void descendingIndexColumnIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity",
        "@Table(indexes = @Index(columnList = \"hostname DESC\"))",
        "public class Asset {",
        "  @Id UUID id;",
        "  String hostname;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardInvalidColumnList] @Index of Asset has an invalid column list 'hostname DESC'")
        .inFile(asset)
        .onLineContaining("@Index");
  }

  @Test
  void localDateTimeIsAWarningThatSuggestsInstant() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  LocalDateTime discoveredAt;",
        "}");
    Compilation compilation = compile(asset);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[RowguardLocalDateTime] field 'discoveredAt' is a LocalDateTime, stored as timestamp "
            + "without time zone")
        .inFile(asset)
        .onLineContaining("LocalDateTime discoveredAt;");
    assertThat(compilation).hadWarningContaining("Prefer java.time.Instant");
  }

  @Test
  void jsonbOnANonStringFieldIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @Jsonb java.util.Map<String, Object> attributes;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardJsonbType] @Jsonb field 'attributes' has type "
            + "java.util.Map<java.lang.String,java.lang.Object>; @Jsonb stores JSON text and needs a String field")
        .inFile(asset)
        .onLineContaining("@Jsonb");
  }

  @Test
  void entityLevelCheckNeedsAName() {
    JavaFileObject asset = entity("Asset",
        "@Entity",
        "@Check(\"cpu_cores > 0\")",
        "public class Asset {",
        "  @Id UUID id;",
        "  int cpuCores;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardCheckName] @Check on entity Asset needs a name, e.g. "
            + "@Check(name = \"positive_size\", value = \"cpu_cores > 0\")")
        .inFile(asset)
        .onLineContaining("@Check(\"cpu_cores > 0\")");
  }

  @Test
  void sequenceGenerationIsUnsupported() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) long id;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardGeneratedValue] @GeneratedValue(strategy = SEQUENCE) on 'id' of type long is not "
            + "supported")
        .inFile(asset)
        .onLineContaining("@GeneratedValue");
  }

  @Test
  void twoIndexesWithOneUserGivenNameIsAnError() {
    JavaFileObject asset = entity("Asset",
        "@Entity",
        "@Table(indexes = {@Index(name = \"ix_lookup\", columnList = \"hostname\"),",
        "    @Index(name = \"ix_lookup\", columnList = \"serial\")})",
        "public class Asset {",
        "  @Id UUID id;",
        "  String hostname;",
        "  String serial;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardNameCollision] Index name 'ix_lookup' is also used by index of public.asset in "
            + "schema public")
        .inFile(asset)
        .onLineContaining("columnList = \"serial\"");
  }

  @Test
  void columnDefinitionIsIgnoredWithAWarning() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  @Column(columnDefinition = \"citext\") String hostname;",
        "}");
    Compilation compilation = compile(asset);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[RowguardIgnoredAttribute] @Column(columnDefinition) on 'hostname' is ignored by "
            + "Rowguard")
        .inFile(asset)
        .onLineContaining("columnDefinition");
  }

  @Test
  void oneBuildReportsEveryProblem() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  int order;",
        "  java.util.List<String> tags;",
        "  String metadata;",
        "}");
    JavaFileObject user = entity("User",
        "@Entity public class User {",
        "  @Id UUID id;",
        "}");
    Compilation compilation = compile(asset, user);
    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadErrorContaining("[RowguardMissingId]");
    assertThat(compilation).hadErrorContaining("[RowguardUnsupportedType]");
    assertThat(compilation).hadErrorContaining("Column name 'order'");
    assertThat(compilation).hadErrorContaining("Column name 'metadata'");
    assertThat(compilation).hadErrorContaining("Table name 'user'");
  }

  @Test
  void unresolvedTypesAreLeftToJavac() {
    JavaFileObject asset = entity("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  NoSuchType broken;",
        "  @ManyToOne AlsoMissing owner;",
        "}");
    Compilation compilation = compile(asset);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    for (var diagnostic : compilation.errors()) {
      org.junit.jupiter.api.Assertions.assertFalse(
          diagnostic.getMessage(null).contains("[Rowguard"), () -> "unexpected " + diagnostic);
    }
  }
}
