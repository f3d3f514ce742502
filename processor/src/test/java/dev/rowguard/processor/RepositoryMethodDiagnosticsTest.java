package dev.rowguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.Compilations.compile;
import static com.google.testing.compile.Compiler.javac;
import static dev.rowguard.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The repository diagnostics that {@link RepositoryDiagnosticsTest} does not show, each with its full text on
 * the line of the element that causes it: method names the grammar refuses, parameters, results, lifecycle
 * methods, {@code @SqlQuery} results and entities generated code cannot reach.
 */
class RepositoryMethodDiagnosticsTest {
  private static final JavaFileObject ASSET = source("Asset",
      "@Entity public record Asset(@Id UUID id, @Column(length = 100) String hostname, int cores, Instant seenAt) {}");
  private static final String SUBSET = ". See the supported subset in the README's Repositories section";
  private static final String ENTITY_ARGUMENT = " (the entity or the List, with generated values filled in)";

  /** Asserts the error on the line of {@code Assets} (made of {@code lines}) that contains {@code line}. */
  private static void assertError(String text, String line, String... lines) {
    assertErrorBeside(null, text, line, lines);
  }

  /** As {@link #assertError}, with {@code other} (or nothing more, when null) in the compilation. */
  private static void assertErrorBeside(JavaFileObject other, String text, String line, String... lines) {
    String[] all = new String[lines.length + 2];
    all[0] = "@Repository public interface Assets extends CrudRepository<Asset, UUID> {";
    System.arraycopy(lines, 0, all, 1, lines.length);
    all[all.length - 1] = "}";
    JavaFileObject assets = source("Assets", all);
    List<JavaFileObject> sources = other == null ? List.of(ASSET, assets) : List.of(ASSET, other, assets);
    assertThat(compile(sources)).hadErrorContaining(text).inFile(assets).onLineContaining(line);
  }

  @Test
  void firstIsOnlyForFinders() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.countFirstByCores(int): First is only allowed in "
        + "find methods" + SUBSET, "countFirstByCores", "long countFirstByCores(int cores);");
  }

  @Test
  void firstAsksForAtLeastOneResult() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.findFirst0ByCores(int): First0 must ask for at "
        + "least one result" + SUBSET, "findFirst0ByCores", "List<Asset> findFirst0ByCores(int cores);");
  }

  @Test
  void byNeedsAProperty() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.findBy(): nothing follows By; name a property, "
        + "e.g. findById" + SUBSET, "findBy()", "List<Asset> findBy();");
  }

  @Test
  void orderByNeedsAProperty() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.findByCoresOrderBy(int): nothing follows OrderBy; "
        + "name a property, e.g. OrderByIdDesc" + SUBSET, "findByCoresOrderBy",
        "List<Asset> findByCoresOrderBy(int cores);");
  }

  @Test
  void aMethodIsOrderedOnce() {
    assertError("[RowguardQueryMethodName] cannot implement Assets.findByHostnameOrderBySeenAt(String): it is ordered "
        + "both by its name (OrderBy…) and by @OrderBy; keep one" + SUBSET, "findByHostnameOrderBySeenAt",
        "@jakarta.data.repository.OrderBy(\"cores\") List<Asset> findByHostnameOrderBySeenAt(String hostname);");
  }

  @Test
  void onePageRequest() {
    assertError("[RowguardQueryParameter] cannot implement Assets.findByCores(int, PageRequest, PageRequest): it takes "
        + "two PageRequest parameters", "findByCores",
        "Page<Asset> findByCores(int cores, PageRequest first, PageRequest second);");
  }

  @Test
  void aDeleteIsNotSortedOrPaged() {
    assertError("[RowguardQueryParameter] cannot implement Assets.remove(String, Sort<Asset>): a delete takes no "
        + "Sort<Asset> parameter", "remove", "@Delete void remove(String hostname, Sort<Asset> sort);");
  }

  @Test
  void cursoredPagesAreNotSupported() {
    assertError("[RowguardQueryResult] cannot implement Assets.findByCores(int, PageRequest): it returns "
        + "jakarta.data.page.CursoredPage<test.Asset>; a find method returns the entity, Optional, List, Stream or "
        + "Page of it (or of a record projection); cursor-based paging is not supported", "findByCores",
        "CursoredPage<Asset> findByCores(int cores, PageRequest page);");
  }

  @Test
  void findersReturnEntitiesOrRecords() {
    assertError("[RowguardQueryResult] cannot implement Assets.findByCores(int): it returns java.util.List<int[]>; a "
        + "find method returns entities or record projections", "findByCores", "List<int[]> findByCores(int cores);");
    assertError("[RowguardQueryResult] cannot implement Assets.findByCores(int): it returns "
        + "java.util.List<java.lang.String>; a find method returns Asset or a record whose components are Asset "
        + "properties", "findByCores", "List<String> findByCores(int cores);");
  }

  @Test
  void anotherEntityIsQueriedInItsOwnRepository() {
    JavaFileObject thing = source("Thing", "@Entity public record Thing(@Id UUID id, int cores) {}");
    assertErrorBeside(thing, "[RowguardQueryResult] cannot implement Assets.findByCores(int): it returns "
        + "java.util.List<test.Thing>; this repository's entity is Asset; query Thing in its own repository",
        "findByCores", "List<Thing> findByCores(int cores);");
  }

  @Test
  void writeResults() {
    assertError("[RowguardQueryResult] cannot implement Assets.deleteByCores(int): it returns java.lang.String; a "
        + "delete method returns void, or int or long (the number of rows deleted)", "deleteByCores",
        "String deleteByCores(int cores);");
    assertError("[RowguardQueryResult] cannot implement Assets.change(Asset): it returns java.lang.String; an update "
        + "method returns void, int or long (the number of rows), or what it was given" + ENTITY_ARGUMENT, "change",
        "@Update String change(Asset asset);");
  }

  @Test
  void lifecycleMethodsTakeOneEntity() {
    assertError("[RowguardRepositoryMethod] cannot implement Assets.add(String): @Insert takes exactly one parameter: "
        + "an entity, or a List of entities (Asset)", "add", "@Insert void add(String hostname);");
  }

  @Test
  void sqlQueryResults() {
    assertError("[RowguardQueryResult] cannot implement Assets.all(): it returns java.util.Set<test.Asset>; a "
        + "@SqlQuery method returns rows as the entity, a record or a single value, alone or in an Optional, List "
        + "or Stream; or void, int, long or boolean for a statement that writes", "all()",
        "@SqlQuery(\"SELECT a.* FROM asset a\") Set<Asset> all();");
  }

  @Test
  void sqlQueryNeedsTheRepositoryEntity() {
    JavaFileObject assets = source("Assets",
        "@Repository public interface Assets {",
        "  @SqlQuery(\"SELECT count(*) FROM asset a\") long total();",
        "}");
    assertThat(compile(ASSET, assets))
        .hadErrorContaining("[RowguardRepositoryEntity] Assets.total(): @SqlQuery methods need the repository's "
            + "entity; extend BasicRepository<Entity, Key> or CrudRepository<Entity, Key>. Repositories work on "
            + "@Entity classes compiled together with them")
        .inFile(assets).onLineContaining("total()");
  }

  @Test
  void aGenericRepositoryIsNotImplemented() {
    JavaFileObject repository = source("Repo",
        "@Repository public interface Repo<T> extends BasicRepository<Asset, UUID> {}");
    assertThat(compile(ASSET, repository))
        .hadErrorContaining("[RowguardRepositoryMethod] cannot implement Repo: a generic repository interface cannot "
            + "be implemented for one entity; declare one interface per entity")
        .inFile(repository).onLineContaining("interface Repo");
  }

  @Test
  void aFieldWithoutSetterCannotBeWritten() {
    JavaFileObject thing = source("Thing",
        "@Entity public class Thing {",
        "  @Id public UUID id;",
        "  private String label;",
        "  public String getLabel() { return label; }",
        "}");
    JavaFileObject things = source("Things",
        "@Repository public interface Things extends BasicRepository<Thing, UUID> {}");
    assertThat(compile(thing, things))
        .hadErrorContaining("[RowguardEntityAccess] repository Things cannot write field 'label' of Thing: it is "
            + "private and has no setLabel(java.lang.String); add the setter")
        .inFile(thing).onLineContaining("private String label;");
  }

  @Test
  void aReferenceTargetNeedsAConstructorWithoutParameters() {
    JavaFileObject owner = source("Owner",
        "@Entity public class Owner {",
        "  @Id public UUID id;",
        "  public Owner(UUID id) { this.id = id; }",
        "}");
    JavaFileObject pet = source("Pet",
        "@Entity public record Pet(@Id UUID id,",
        "    @ManyToOne Owner owner) {}");
    JavaFileObject pets = source("Pets", "@Repository public interface Pets extends BasicRepository<Pet, UUID> {}");
    assertThat(compile(owner, pet, pets))
        .hadErrorContaining("[RowguardEntityAccess] repository Pets cannot read back reference 'owner' to Owner: "
            + "Owner needs a visible constructor without parameters")
        .inFile(pet).onLineContaining("Owner owner");
  }

  /** An entity compiled earlier without the processor: its table is in no model this compilation can read. */
  @Test
  void anEntityOfAnotherCompilationHasNoTable() throws Exception {
    Path classes = Files.createTempDirectory("rowguard-entity");
    JavaFileObject thing = source("Thing", "@Entity public class Thing { @Id public UUID id; }");
    Compilation earlier = javac().withOptions("-proc:none").compile(thing);
    assertThat(earlier).succeeded();
    for (JavaFileObject file : earlier.generatedFiles()) {
      Path target = classes.resolve(file.getName().replaceFirst("^/?CLASS_OUTPUT/", ""));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
    JavaFileObject things =
        source("Things", "@Repository public interface Things extends BasicRepository<Thing, UUID> {}");
    Compilation compilation = javac()
        .withProcessors(new RowguardProcessor())
        .withClasspath(classpathWith(classes))
        .compile(ASSET, things);
    assertThat(compilation)
        .hadErrorContaining("[RowguardRepositoryEntity] Things: Thing is not an entity of this compilation. "
            + "Repositories work on @Entity classes compiled together with them")
        .inFile(things).onLineContaining("interface Things");
  }

  /**
   * A protected entity nested in a class of another package: the repository, nested in a subclass, sees it; the
   * implementation, a top-level class of the repository's package, would not.
   */
  @Test
  void anEntityTheImplementationCannotSeeIsReported() {
    JavaFileObject base = source("Base",
        "public class Base {",
        "  @Entity protected static class Thing { @Id public UUID id; public Thing() {} }",
        "}");
    JavaFileObject sub = JavaFileObjects.forSourceLines("other.Sub",
        "package other;",
        "import jakarta.data.repository.*; import java.util.UUID;",
        "public class Sub extends test.Base {",
        "  @Repository public interface Things extends BasicRepository<Thing, UUID> {}",
        "}");
    assertThat(compile(base, sub))
        .hadErrorContaining("[RowguardEntityAccess] repository Things cannot use Thing: the class is not public; "
            + "make it public or declare the repository in package test")
        .inFile(base).onLineContaining("class Thing");
  }

  /** The SQL analysis owns the rule, for the processor and the checks alike. */
  @Test
  void aSqlQueryReturningRowsMustSelectSome() {
    assertError("[RowguardSqlResult] cannot implement Assets.bump(): the method returns rows, but the UPDATE returns "
        + "none; add RETURNING with the columns to return, or declare the method to return int (the number of rows "
        + "written)", "bump()", "@SqlQuery(\"UPDATE asset SET cores = 1\") List<Asset> bump();");
  }

  @Test
  void anEnumParameterNeedsAPropertyOfThatEnum() {
    JavaFileObject kind = source("Kind", "public enum Kind { SERVER, DESKTOP }");
    assertErrorBeside(kind, "[RowguardSqlParameter] cannot implement Assets.byKind(Kind): 'kind' is the enum Kind, "
        + "which no property of Asset has, so its stored text is not known; use the String it is stored as",
        "byKind", "@SqlQuery(\"SELECT a.* FROM asset a WHERE a.hostname = :kind\") List<Asset> byKind(Kind kind);");
  }

  /** The test's own class path, with {@code classes} in front. */
  private static List<File> classpathWith(Path classes) {
    List<File> path = new ArrayList<>();
    path.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    return path;
  }
}
