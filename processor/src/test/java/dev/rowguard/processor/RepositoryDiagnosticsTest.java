package dev.rowguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.Compilations.compile;
import static dev.rowguard.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every repository diagnostic, on the element that causes it, with what to do. */
class RepositoryDiagnosticsTest {
  private static final JavaFileObject ASSET = source("Asset",
      "@Entity public class Asset {",
      "  @Id private UUID id;",
      "  @Column(length = 100) private String hostname;",
      "  private int cores;",
      "  private Instant seenAt;",
      "  public Asset() {}",
      "  public UUID getId() { return id; }",
      "  public void setId(UUID id) { this.id = id; }",
      "  public String getHostname() { return hostname; }",
      "  public void setHostname(String hostname) { this.hostname = hostname; }",
      "  public int getCores() { return cores; }",
      "  public void setCores(int cores) { this.cores = cores; }",
      "  public Instant getSeenAt() { return seenAt; }",
      "  public void setSeenAt(Instant seenAt) { this.seenAt = seenAt; }",
      "}");

  private static JavaFileObject assets(String... lines) {
    String[] all = new String[lines.length + 2];
    all[0] = "@Repository public interface Assets extends CrudRepository<Asset, UUID> {";
    System.arraycopy(lines, 0, all, 1, lines.length);
    all[all.length - 1] = "}";
    return source("Assets", all);
  }

  private static Compilation repository(String... lines) {
    return compile(ASSET, assets(lines));
  }

  /** Asserts an error, tag and text, on the line of the repository that contains {@code line}. */
  private static void assertError(String text, String line, String... repositoryLines) {
    JavaFileObject assets = assets(repositoryLines);
    assertThat(compile(ASSET, assets)).hadErrorContaining(text).inFile(assets).onLineContaining(line);
  }

  @Test
  void aRepositoryWithinTheSubsetCompiles() {
    assertThat(repository("List<Asset> findByHostnameLike(String pattern);")).succeededWithoutWarnings();
  }

  @Test
  void repositoryMustBeAnInterface() {
    JavaFileObject assets = source("Assets", "@Repository public abstract class Assets {}");
    assertThat(compile(ASSET, assets))
        .hadErrorContaining("[RowguardRepository] @Repository test.Assets is not an interface")
        .inFile(assets).onLineContaining("class Assets");
  }

  @Test
  void repositoryEntityMustBeAnEntityOfTheCompilation() {
    JavaFileObject assets = source("Assets",
        "@Repository public interface Assets extends BasicRepository<String, UUID> {}");
    assertThat(compile(ASSET, assets))
        .hadErrorContaining("[RowguardRepositoryEntity] Assets: String is not an @Entity")
        .inFile(assets).onLineContaining("interface Assets");
  }

  @Test
  void aMethodOfARepositoryWithoutEntityNeedsOne() {
    JavaFileObject assets = source("Assets",
        "@Repository public interface Assets {",
        "  long countByHostname(String hostname);",
        "}");
    assertThat(compile(ASSET, assets))
        .hadErrorContaining("[RowguardRepositoryEntity] Assets.countByHostname(String): the repository names no "
            + "entity")
        .inFile(assets).onLineContaining("countByHostname");
  }

  @Test
  void privateFieldWithoutAccessorIsReportedOnTheField() {
    JavaFileObject thing = source("Thing",
        "@Entity public class Thing {",
        "  @Id public UUID id;",
        "  private String label;",
        "}");
    JavaFileObject things = source("Things",
        "@Repository public interface Things extends BasicRepository<Thing, UUID> {}");
    assertThat(compile(thing, things))
        .hadErrorContaining("[RowguardEntityAccess] repository Things cannot read field 'label' of Thing: it is "
            + "private and has no getLabel(); add the getter")
        .inFile(thing).onLineContaining("private String label;");
  }

  @Test
  void classWithoutNoArgumentConstructorIsReported() {
    JavaFileObject thing = source("Thing",
        "@Entity public class Thing {",
        "  @Id public UUID id;",
        "  public Thing(UUID id) { this.id = id; }",
        "}");
    JavaFileObject things = source("Things",
        "@Repository public interface Things extends BasicRepository<Thing, UUID> {}");
    assertThat(compile(thing, things))
        .hadErrorContaining("[RowguardEntityAccess] repository Things cannot create instances of Thing: it has no "
            + "public (or package-visible) constructor without parameters; add one")
        .inFile(thing).onLineContaining("class Thing");
  }

  @Test
  void referenceToARecordCannotBeReadBack() {
    JavaFileObject owner = source("Owner", "@Entity public record Owner(@Id UUID id, String name) {}");
    JavaFileObject pet = source("Pet",
        "@Entity public record Pet(@Id UUID id, @ManyToOne Owner owner) {}");
    JavaFileObject pets = source("Pets", "@Repository public interface Pets extends BasicRepository<Pet, UUID> {}");
    assertThat(compile(owner, pet, pets))
        .hadErrorContaining("[RowguardEntityAccess] repository Pets cannot read back reference 'owner' to Owner: a "
            + "record cannot be built from its key alone; map the key as a plain column (e.g. UUID ownerId) or make "
            + "Owner a class")
        .inFile(pet).onLineContaining("record Pet");
  }

  @Test
  void methodOutsideTheSubsetNamesWhatIsMissing() {
    assertError("[RowguardRepositoryMethod] cannot implement Assets.frobnicate(String): it is not a query by method "
        + "name (findBy…, findFirst<n>By…, countBy…, existsBy…, deleteBy…) and has none of @Find, @Insert, @Update, "
        + "@Delete, @Save, @SqlQuery; add one, or make it a default method", "frobnicate",
        "void frobnicate(String hostname);");
  }

  @Test
  void unknownPropertyInAMethodNameSuggestsTheClosest() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.findByHostnme(String): 'Hostnme' does not start "
        + "with a property of the entity (did you mean 'hostname'?); its properties are [cores, hostname, id, "
        + "seenAt]. See the supported subset in the README's Repositories section", "findByHostnme",
        "List<Asset> findByHostnme(String hostname);");
  }

  @Test
  void unknownOperatorIsReported() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.findBySeenAtAfter(Instant): cannot read 'After' "
        + "after property seenAt; a condition is <Property>[IgnoreCase][Not][Operator], joined by And or Or, where "
        + "the operator is one of [Between, Contains,", "findBySeenAtAfter",
        "List<Asset> findBySeenAtAfter(Instant after);");
  }

  @Test
  void textOperatorsNeedTextProperties() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.findByCoresLike(String): cores is not text (int), "
        + "so it cannot be compared with like. See the supported subset", "findByCoresLike",
        "List<Asset> findByCoresLike(String pattern);");
    assertError("[RowguardQueryMethodName] cannot implement Assets.findByCoresIgnoreCase(int): cores is not text "
        + "(int), so it cannot be compared with IgnoreCase. See the supported subset", "findByCoresIgnoreCase",
        "List<Asset> findByCoresIgnoreCase(int cores);");
    assertError("[RowguardQueryMethodName] cannot implement Assets.findByCoresIgnoreCaseLessThan(int): IgnoreCase "
        + "applies to text comparisons (equality, Like, StartsWith, EndsWith, Contains), not to LessThan",
        "findByCoresIgnoreCaseLessThan", "List<Asset> findByCoresIgnoreCaseLessThan(int cores);");
  }

  @Test
  void trueAndFalseNeedBooleanProperties() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.findByCoresTrue(): cores is not boolean (int), "
        + "so it cannot be True or False", "findByCoresTrue", "List<Asset> findByCoresTrue();");
  }

  @Test
  void parameterCountMustMatchTheName() {
    assertError("[RowguardQueryParameter] cannot implement Assets.findByHostnameAndCores(String): its name needs 2 "
        + "parameter(s) (hostname equal, cores equal), but it has 1 besides PageRequest, Limit, Order and Sort",
        "findByHostnameAndCores", "List<Asset> findByHostnameAndCores(String hostname);");
  }

  @Test
  void parameterTypeMustFitTheProperty() {
    assertError("[RowguardQueryParameter] cannot implement Assets.findByCores(String): parameter 'cores' is String, "
        + "but cores is int; declare it as int", "findByCores", "List<Asset> findByCores(String cores);");
  }

  @Test
  void inNeedsACollection() {
    assertError("[RowguardQueryParameter] cannot implement Assets.findByHostnameIn(String): parameter 'hostnames' is "
        + "String, but In on hostname takes a Collection<String>", "findByHostnameIn",
        "List<Asset> findByHostnameIn(String hostnames);");
  }

  @Test
  void pageNeedsAPageRequestAndTheReverse() {
    assertError("[RowguardQueryParameter] cannot implement Assets.findByCores(int): it returns a Page, so it needs a "
        + "PageRequest parameter", "findByCores", "Page<Asset> findByCores(int cores);");
    assertError("[RowguardQueryParameter] cannot implement Assets.findByCores(int, PageRequest): it takes a "
        + "PageRequest, so it returns Page<Asset>", "findByCores", "List<Asset> findByCores(int cores, PageRequest page);");
  }

  @Test
  void limitGoesWithNeitherPagingNorFirst() {
    assertError("[RowguardQueryParameter] cannot implement Assets.findFirst2ByCores(int, Limit): a Limit cannot be "
        + "combined with a PageRequest or First<n>; keep one", "findFirst2ByCores",
        "List<Asset> findFirst2ByCores(int cores, jakarta.data.Limit limit);");
  }

  @Test
  void onlyFindersTakeResultShapingParameters() {
    assertError("[RowguardQueryParameter] cannot implement Assets.countByCores(int, Limit): only find methods take "
        + "PageRequest, Limit, Order or Sort parameters", "countByCores",
        "long countByCores(int cores, jakarta.data.Limit limit);");
  }

  @Test
  void findParameterMustNameAProperty() {
    assertError("[RowguardQueryParameter] cannot implement Assets.byName(String): parameter 'hostnam' names no "
        + "property of Asset (properties: [id, hostname, cores, seenAt]). Did you mean 'hostname'? Rename it, or "
        + "annotate it @By(\"<property>\")", "hostnam", "@Find List<Asset> byName(String hostnam);");
  }

  @Test
  void unknownOrderByPropertyIsReported() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.all(): @OrderBy(\"name\") names no property of "
        + "Asset (properties: [id, hostname, cores, seenAt]). See the supported subset", "OrderBy",
        "@Find @jakarta.data.repository.OrderBy(\"name\") List<Asset> all();");
  }

  @Test
  void unsupportedResultTypesAreReported() {
    assertError("[RowguardQueryResult] cannot implement Assets.countByCores(int): it returns java.lang.String; a "
        + "countBy method returns long or int", "countByCores", "String countByCores(int cores);");
    assertError("[RowguardQueryResult] cannot implement Assets.findByCores(int): it returns java.util.Set<test.Asset>; "
        + "a find method returns the entity, Optional, List, Stream or Page of it (or of a record projection)",
        "findByCores", "Set<Asset> findByCores(int cores);");
    assertError("[RowguardQueryResult] cannot implement Assets.existsByCores(int): it returns int; an existsBy method "
        + "returns boolean", "existsByCores", "int existsByCores(int cores);");
    assertError("[RowguardQueryResult] cannot implement Assets.add(Asset): it returns java.lang.String; a insert "
        + "method returns void, or what it was given (the entity or the List, with generated values filled in)",
        "add", "@Insert String add(Asset asset);");
  }

  @Test
  void projectionComponentsMustBeProperties() {
    JavaFileObject line = source("Line", "public record Line(String hostname, long cores) {}");
    JavaFileObject assets = source("Assets",
        "@Repository public interface Assets extends BasicRepository<Asset, UUID> {",
        "  List<Line> findByHostname(String hostname);",
        "}");
    assertThat(compile(ASSET, line, assets))
        .hadErrorContaining("[RowguardQueryResult] cannot implement Assets.findByHostname(String): it returns "
            + "java.util.List<test.Line>; component 'cores' of Line is not a property of Asset of the same type (it "
            + "is int); a projection's components are entity properties, by name and type")
        .inFile(assets).onLineContaining("findByHostname");
  }

  @Test
  void jdqlIsNotSupported() {
    assertError("[RowguardJdqlQuery] cannot implement Assets.byHostname(String): @Query (JDQL) is not supported. "
        + "Write native SQL in @SqlQuery(\"…\") with :name parameters, or use @Find or a findBy… method",
        "byHostname",
        "@jakarta.data.repository.Query(\"where hostname = ?1\") List<Asset> byHostname(String hostname);");
  }

  @Test
  void everyProblemOfARepositoryIsReportedInOneBuild() {
    Compilation compilation = repository(
        "List<Asset> findByHostnme(String hostname);",
        "String countByCores(int cores);",
        "void frobnicate();");
    assertThat(compilation).hadErrorCount(3);
  }
}
