package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.rowguard.processor.Compilations.compile;
import static dev.rowguard.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the model has errors, each repository still gets a class named like its implementation whose methods throw
 * with the reason, so user code that constructs it compiles and the build shows Rowguard's errors alone, not
 * javac's {@code cannot find symbol} at every use.
 */
class RepositoryStubTest {
  @TempDir Path temporary;

  private static final JavaFileObject ASSET = source("Asset",
      "@Entity public class Asset {",
      "  @Id public UUID id;",
      "  @Column(length = 100) public String hostname;",
      "  public int cores;",
      "}");

  /** The entity with a reserved column name, which rejects the whole model. */
  private static final JavaFileObject ASSET_WITH_RESERVED_NAME = source("Asset",
      "@Entity public class Asset {",
      "  @Id public UUID id;",
      "  @Column(length = 100) public String hostname;",
      "  public int order;",
      "}");

  private static final JavaFileObject ASSETS = source("Assets",
      "@Repository public interface Assets extends CrudRepository<Asset, UUID> {",
      "  List<Asset> findByHostname(String hostname);",
      "}");

  /** One method names a property Asset does not have. */
  private static final JavaFileObject ASSETS_WITH_BAD_METHOD = source("Assets",
      "@Repository public interface Assets extends CrudRepository<Asset, UUID> {",
      "  List<Asset> findByHostname(String hostname);",
      "  List<Asset> findByColour(String colour);",
      "}");

  /**
   * The user's code: it names the implementation in a signature, constructs it and calls it, as the README shows.
   * javac resolves signatures even after a processor error; method bodies too under Error Prone's
   * {@code --should-stop=ifError=FLOW}, which {@link #compileAsWithErrorProne} passes.
   */
  private static final JavaFileObject INVENTORY = source("Inventory",
      "public class Inventory {",
      "  private final Assets assets;",
      "  public Inventory(javax.sql.DataSource dataSource) { this.assets = assets(dataSource); }",
      "  static AssetsJdbc assets(javax.sql.DataSource dataSource) { return new AssetsJdbc(dataSource); }",
      "  public int servers() { return assets.findByHostname(\"db1\").size(); }",
      "}");

  private static final JavaFileObject INVENTORY_USING_BAD_METHOD = source("Inventory",
      "public class Inventory {",
      "  private final Assets assets;",
      "  public Inventory(javax.sql.DataSource dataSource) { this.assets = assets(dataSource); }",
      "  static AssetsJdbc assets(javax.sql.DataSource dataSource) { return new AssetsJdbc(dataSource); }",
      "  public int servers() { return assets.findByHostname(\"db1\").size(); }",
      "  public int red() { return assets.findByColour(\"red\").size(); }",
      "}");

  private static Compilation compileAsWithErrorProne(JavaFileObject... sources) {
    return Compilations.compile(List.of(sources), "--should-stop=ifError=FLOW");
  }

  @Test
  void anEntityErrorIsTheOnlyErrorOfCodeUsingItsRepository() {
    Compilation compilation = compileAsWithErrorProne(ASSET_WITH_RESERVED_NAME, ASSETS, INVENTORY);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[RowguardReservedName] Column name 'order' cannot be used")
        .inFile(ASSET_WITH_RESERVED_NAME).onLineContaining("int order;");
    assertOnlyRowguardErrors(compilation);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anEntityErrorIsTheOnlyErrorWithoutErrorProneToo() {
    Compilation compilation = compile(ASSET_WITH_RESERVED_NAME, ASSETS, INVENTORY);
    assertThat(compilation).hadErrorContaining("[RowguardReservedName] Column name 'order' cannot be used")
        .inFile(ASSET_WITH_RESERVED_NAME).onLineContaining("int order;");
    assertOnlyRowguardErrors(compilation);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aBadRepositoryMethodIsTheOnlyErrorOfCodeUsingTheRepository() {
    Compilation compilation = compileAsWithErrorProne(ASSET, ASSETS_WITH_BAD_METHOD, INVENTORY_USING_BAD_METHOD);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[RowguardQueryMethodName] cannot implement Assets.findByColour(String)")
        .inFile(ASSETS_WITH_BAD_METHOD).onLineContaining("findByColour");
    assertOnlyRowguardErrors(compilation);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void everyMethodOfAStubThrowsWithItsReason() throws IOException {
    String stub = generatedDespiteErrors("test.AssetsJdbc", ASSET, ASSETS_WITH_BAD_METHOD, INVENTORY_USING_BAD_METHOD);
    assertThat(stub).contains("@Generated(\"dev.rowguard.processor.RowguardProcessor\")\n"
        + "public final class AssetsJdbc implements Assets {");
    assertThat(stub).contains("  public AssetsJdbc(DataSource dataSource) {\n"
        + "    Objects.requireNonNull(dataSource, \"dataSource\");\n  }");
    // The bad method says what Rowguard reported on it; the others point to the build output.
    assertThat(stub).contains("  public List<Asset> findByColour(String colour) {\n"
        + "    throw new IllegalStateException(\"Assets.findByColour was not generated: [RowguardQueryMethodName] "
        + "cannot implement Assets.findByColour(String): 'Colour' does not start with a property of the entity");
    assertThat(stub).contains("  public List<Asset> findByHostname(String hostname) {\n"
        + "    throw new IllegalStateException(\"Assets.findByHostname was not generated: the model has errors, see "
        + "the build output\");\n  }");
    assertThat(stub).contains("  public <S extends Asset> S save(S entity) {\n"
        + "    throw new IllegalStateException(\"Assets.save was not generated: the model has errors, see the build "
        + "output\");\n  }");
    // Every method, the inherited CrudRepository ones included, is an override whose only statement is a throw.
    int methods = count(stub, "  @Override\n  public ");
    assertThat(methods).isGreaterThan(10);
    assertThat(count(stub, Pattern.compile("  @Override\n  public [^{]*\\{\n    throw new IllegalStateException"
        + "\\(\"Assets\\.\\w+ was not generated: [^\n]*\"\\);\n  }\n")))
        .isEqualTo(methods);
    assertThat(stub).doesNotContain("dataSource.");
    assertThat(stub).doesNotContain("private");
  }

  @Test
  void anErrorOnAParameterIsTheReasonOfItsMethod() throws IOException {
    JavaFileObject assets = source("Assets",
        "@Repository public interface Assets extends BasicRepository<Asset, UUID> {",
        "  List<Asset> findByHostnameIn(String hostnames);",
        "}");
    String stub = generatedDespiteErrors("test.AssetsJdbc", ASSET, assets);
    assertThat(stub).contains("throw new IllegalStateException(\"Assets.findByHostnameIn was not generated: "
        + "[RowguardQueryParameter] cannot implement Assets.findByHostnameIn(String): parameter 'hostnames' is "
        + "String, but In on hostname takes a Collection<String>");
  }

  @Test
  void aStubCompilesWithoutWarnings() throws IOException {
    JavaFileObject stub = JavaFileObjects.forSourceString("test.AssetsJdbc",
        generatedDespiteErrors("test.AssetsJdbc", ASSET_WITH_RESERVED_NAME, ASSETS, INVENTORY));
    // Without the processor, so that only the stub and the user's code are checked.
    Compilation plain = javac().withOptions("-Xlint:all", "-Werror")
        .compile(ASSET_WITH_RESERVED_NAME, ASSETS, INVENTORY, stub);
    assertThat(plain).succeededWithoutWarnings();
  }

  @Test
  void aStubOfAGenericVarargsMethodCompilesWithoutWarnings() throws IOException {
    JavaFileObject assets = source("Assets",
        "@Repository public interface Assets extends BasicRepository<Asset, UUID> {",
        "  @SuppressWarnings(\"unchecked\") List<Asset> findByHostname(String hostname, Sort<Asset>... sorts);",
        "  List<Asset> findByCores(int cores, Sort<?>... sorts);",
        "  List<Asset> findByIdIn(UUID... ids);",
        "}");
    JavaFileObject stub = JavaFileObjects.forSourceString("test.AssetsJdbc",
        generatedDespiteErrors("test.AssetsJdbc", ASSET_WITH_RESERVED_NAME, assets));
    Compilation plain = javac().withOptions("-Xlint:all", "-Werror").compile(ASSET_WITH_RESERVED_NAME, assets, stub);
    assertThat(plain).succeededWithoutWarnings();
  }

  @Test
  void aGenericRepositoryGetsAGenericStub() throws IOException {
    JavaFileObject finder = source("Finder",
        "@Repository public interface Finder<T extends Comparable<T>> {",
        "  List<T> findByHostname(String hostname);",
        "}");
    JavaFileObject user = source("Search",
        "public class Search {",
        "  public static List<String> names(javax.sql.DataSource dataSource) {",
        "    Finder<String> finder = new FinderJdbc<>(dataSource);",
        "    return finder.findByHostname(\"db1\");",
        "  }",
        "}");
    Compilation compilation = compileAsWithErrorProne(ASSET, finder, user);
    assertThat(compilation).hadErrorContaining("[RowguardRepositoryMethod] cannot implement Finder: a generic "
        + "repository interface cannot be implemented for one entity").inFile(finder).onLineContaining("Finder<T");
    assertOnlyRowguardErrors(compilation);
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedDespiteErrors("test.FinderJdbc", ASSET, finder, user))
        .contains("public final class FinderJdbc<T extends Comparable<T>> implements Finder<T> {");
  }

  @Test
  void aRepositoryClassGetsNoStub() throws IOException {
    JavaFileObject assets = source("Assets", "@Repository public abstract class Assets {}");
    Compilation compilation = compile(ASSET, assets);
    assertThat(compilation).hadErrorContaining("[RowguardRepository] @Repository test.Assets is not an interface");
    assertThat(Files.exists(generatedSources(ASSET, assets).resolve("test/AssetsJdbc.java"))).isFalse();
  }

  @Test
  void aValidModelGetsTheRealImplementation() {
    Compilation compilation = compile(ASSET, ASSETS, INVENTORY);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Compilations.generatedSource(compilation, "test.AssetsJdbc"))
        .doesNotContain("was not generated");
  }

  /**
   * A source the processor generated in a compilation that failed: compile-testing shows no files then, so this
   * compiles again with javac writing generated sources to a directory.
   */
  private String generatedDespiteErrors(String className, JavaFileObject... sources) throws IOException {
    Path file = generatedSources(sources).resolve(className.replace('.', '/') + ".java");
    assertThat(Files.exists(file)).isTrue();
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private Path generatedSources(JavaFileObject... sources) throws IOException {
    Path generated = Files.createDirectories(temporary.resolve("generated-" + UUID.randomUUID()));
    Path classes = Files.createDirectories(temporary.resolve("classes-" + UUID.randomUUID()));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, new DiagnosticCollector<>(),
          List.of("-s", generated.toString(), "-d", classes.toString()), null, List.of(sources));
      task.setProcessors(List.of(new RowguardProcessor()));
      task.call();
    }
    return generated;
  }

  private static void assertOnlyRowguardErrors(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getMessage(null)).startsWith("[Rowguard");
    }
  }

  private static int count(String text, String part) {
    return count(text, Pattern.compile(Pattern.quote(part)));
  }

  private static int count(String text, Pattern pattern) {
    Matcher matcher = pattern.matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }
}
