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
        .hadErrorContaining("cannot read back reference 'owner' to Owner: a record cannot be built from its key alone")
        .inFile(pet).onLineContaining("record Pet");
  }

  @Test
  void methodOutsideTheSubsetNamesWhatIsMissing() {
    assertThat(repository("void frobnicate(String hostname);"))
        .hadErrorContaining("[RowguardRepositoryMethod] cannot implement Assets.frobnicate(String): it is not a "
            + "query by method name (findBy…, findFirst<n>By…, countBy…, existsBy…, deleteBy…) and has none of "
            + "@Find, @Insert, @Update, @Delete, @Save, @SqlQuery");
  }

  @Test
  void unknownPropertyInAMethodNameSuggestsTheClosest() {
    assertThat(repository("List<Asset> findByHostnme(String hostname);"))
        .hadErrorContaining("[RowguardQueryMethodName] cannot implement Assets.findByHostnme(String): 'Hostnme' does "
            + "not start with a property of the entity (did you mean 'hostname'?); its properties are [cores, "
            + "hostname, id, seenAt]");
  }

  @Test
  void unknownOperatorIsReported() {
    assertThat(repository("List<Asset> findBySeenAtAfter(Instant after);"))
        .hadErrorContaining("cannot read 'After' after property seenAt; a condition is "
            + "<Property>[IgnoreCase][Not][Operator], joined by And or Or");
  }

  @Test
  void textOperatorsNeedTextProperties() {
    assertThat(repository("List<Asset> findByCoresLike(String pattern);"))
        .hadErrorContaining("cores is not text (int), so it cannot be compared with like");
    assertThat(repository("List<Asset> findByCoresIgnoreCase(int cores);"))
        .hadErrorContaining("cores is not text (int), so it cannot be compared with IgnoreCase");
    assertThat(repository("List<Asset> findByCoresIgnoreCaseLessThan(int cores);"))
        .hadErrorContaining("IgnoreCase applies to text comparisons");
  }

  @Test
  void parameterCountMustMatchTheName() {
    assertThat(repository("List<Asset> findByHostnameAndCores(String hostname);"))
        .hadErrorContaining("[RowguardQueryParameter] cannot implement Assets.findByHostnameAndCores(String): its "
            + "name needs 2 parameter(s) (hostname equal, cores equal), but it has 1 besides PageRequest, Limit, "
            + "Order and Sort");
  }

  @Test
  void parameterTypeMustFitTheProperty() {
    JavaFileObject assets = assets("List<Asset> findByCores(String cores);");
    assertThat(compile(ASSET, assets))
        .hadErrorContaining("parameter 'cores' is String, but cores is int; declare it as int")
        .inFile(assets).onLineContaining("findByCores");
  }

  @Test
  void inNeedsACollection() {
    assertThat(repository("List<Asset> findByHostnameIn(String hostnames);"))
        .hadErrorContaining("parameter 'hostnames' is String, but In on hostname takes a Collection<String>");
  }

  @Test
  void pageNeedsAPageRequestAndTheReverse() {
    assertThat(repository("Page<Asset> findByCores(int cores);"))
        .hadErrorContaining("it returns a Page, so it needs a PageRequest parameter");
    assertThat(repository("List<Asset> findByCores(int cores, PageRequest page);"))
        .hadErrorContaining("it takes a PageRequest, so it returns Page<Asset>");
  }

  @Test
  void findParameterMustNameAProperty() {
    assertThat(repository("@Find List<Asset> byName(String hostnam);"))
        .hadErrorContaining("parameter 'hostnam' names no property of Asset (properties: [id, hostname, cores, "
            + "seenAt]). Did you mean 'hostname'? Rename it, or annotate it @By(\"<property>\")");
  }

  @Test
  void unknownOrderByPropertyIsReported() {
    assertThat(repository("@Find @jakarta.data.repository.OrderBy(\"name\") List<Asset> all();"))
        .hadErrorContaining("@OrderBy(\"name\") names no property of Asset");
  }

  @Test
  void unsupportedResultTypesAreReported() {
    assertThat(repository("String countByCores(int cores);"))
        .hadErrorContaining("[RowguardQueryResult] cannot implement Assets.countByCores(int): it returns "
            + "java.lang.String; a countBy method returns long or int");
    assertThat(repository("Set<Asset> findByCores(int cores);"))
        .hadErrorContaining("a find method returns the entity, Optional, List, Stream or Page of it");
    assertThat(repository("int existsByCores(int cores);"))
        .hadErrorContaining("an existsBy method returns boolean");
    assertThat(repository("@Insert String add(Asset asset);"))
        .hadErrorContaining("a insert method returns void, or what it was given");
  }

  @Test
  void projectionComponentsMustBeProperties() {
    JavaFileObject line = source("Line", "public record Line(String hostname, long cores) {}");
    JavaFileObject assets = source("Assets",
        "@Repository public interface Assets extends BasicRepository<Asset, UUID> {",
        "  List<Line> findByHostname(String hostname);",
        "}");
    assertThat(compile(ASSET, line, assets))
        .hadErrorContaining("component 'cores' of Line is not a property of Asset of the same type (it is int)");
  }

  @Test
  void jdqlIsNotSupported() {
    assertThat(repository("@jakarta.data.repository.Query(\"where hostname = ?1\") List<Asset> byHostname(String hostname);"))
        .hadErrorContaining("[RowguardJdqlQuery] cannot implement Assets.byHostname(String): @Query (JDQL) is not "
            + "supported. Write native SQL in @SqlQuery");
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
