package dev.rowguard.processor;

import com.google.auto.service.AutoService;
import dev.rowguard.annotations.TenantKey;
import dev.rowguard.processor.derive.SchemaDerivation;
import dev.rowguard.processor.derive.Target;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.migrate.MigrationCheck;
import dev.rowguard.processor.read.AnnotationValues;
import dev.rowguard.processor.read.BuildIndex;
import dev.rowguard.processor.read.EntityReader;
import dev.rowguard.processor.read.JakartaData;
import dev.rowguard.processor.read.Javadocs;
import dev.rowguard.processor.read.Jpa;
import dev.rowguard.processor.read.TableNames;
import dev.rowguard.processor.read.TenantKeysReader;
import dev.rowguard.processor.repository.RepositoryIndex;
import dev.rowguard.processor.validate.SchemaValidator;
import dev.rowguard.processor.write.RepositoryIndexWriter;
import dev.rowguard.processor.write.ResourceWriter;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.ddl.SchemaSqlWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Rowguard's annotation processor: reads the {@code @Entity} classes of the compilation into a schema model,
 * checks it, derives names and order, writes {@code META-INF/rowguard/schema.sql} and {@code schema.json}, and
 * generates a JDBC implementation of each Jakarta Data {@code @Repository} interface.
 *
 * <p>Entities and tenant-key declarations are collected in every round. Repositories are generated in the round
 * that finds them (sources generated in the last round would not be compiled), from the schema read so far; the
 * resources are written once the last round starts, from the complete schema. Problems are compile errors on the
 * element that causes them, and the processor never throws. Nothing is written from a model with errors; once
 * the compilation has any Rowguard error, each repository whose interface can be implemented gets a stub instead
 * ({@code RepositoryStubWriter}), whose methods throw with the reason, so that code using it still compiles and the
 * build shows Rowguard's errors, not {@code cannot find symbol} at every use.
 *
 * <p>The model is always whole, however few files the compiler sees: the processor lists what it was read from in
 * {@link BuildIndex#RESOURCE}, and a later compilation of only some of those files (an IDE's or Gradle's incremental
 * compile, with the previous output on the class path) reads the others back from their class files. An entity
 * whose class is gone was deleted and is dropped; when the rest cannot be read, the processor warns and writes
 * nothing rather than a partial schema.
 */
@AutoService(Processor.class)
public final class RowguardProcessor extends AbstractProcessor {
  public static final String SCHEMA_SQL = "META-INF/rowguard/schema.sql";

  /** The entities this compilation sees, by qualified name. */
  private final Set<String> entityNames = new LinkedHashSet<>();
  /** Packages and types that declare tenant keys, as {@code package:<name>} or the type's qualified name. */
  private final Set<String> tenantKeyDeclarations = new LinkedHashSet<>();
  /** Top-level types, by qualified name, and packages, as {@code package:<name>}, compiled from source. */
  private final Set<String> sourceRoots = new HashSet<>();
  /** {@link #fromSource} by top-level element, asked for every field; forgotten when a round adds roots. */
  private final Map<Element, Boolean> fromSourceTops = new IdentityHashMap<>();
  /**
   * Whether this compilation has any annotation the processor reads: the schema is then written, even if the
   * compilation has no entity (an incremental compile of a repository, a package or a mapped superclass).
   */
  private boolean annotationsSeen;
  /** What the previous build left for an incremental compile; read on first use. */
  private PreviousBuild previous;
  /** The Javadoc looked up by the last reading of the schema, for the next index. */
  private Javadocs javadocs;
  /** Diagnostics already printed, so that reading the schema again never prints one twice. */
  private final Set<Reporter.Printed> reported = new HashSet<>();
  /** The derived schema and the entities it was read from; null until read, or after errors. */
  private Schema schema;
  private Set<String> schemaEntities;
  /** The repositories generated in this compilation, by interface, for {@link RepositoryIndex#RESOURCE}. */
  private final Map<String, RepositoryIndex.Entry> generatedRepositories = new LinkedHashMap<>();
  /** Whether a Rowguard error was reported in this or an earlier round: repositories are then only stubbed. */
  private boolean errorsReported;

  /**
   * Every JPA annotation, not only {@code @Entity}: an incremental compile of only a {@code @MappedSuperclass}, or
   * of a class that lost its {@code @Entity}, changes the schema too, and javac runs the processor only when the
   * compiled files carry one of these.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("jakarta.persistence.*", JakartaData.REPOSITORY, "dev.rowguard.annotations.*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.NAMES;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    previous = new PreviousBuild(environment);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager(), reported, this::fromSource);
    try {
      if (!round.processingOver()) {
        annotationsSeen |= !annotations.isEmpty();
        collectSourceRoots(round);
        List<TypeElement> repositories = collect(round);
        if (!repositories.isEmpty() && previous.completable(entityNames, reporter)) {
          generateRepositories(schema(reporter), repositories, reporter);
        }
      } else if (annotationsSeen && previous.completable(entityNames, reporter) && !modelEntities().isEmpty()) {
        schema(reporter).ifPresent(s -> writeResources(s, reporter));
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.report(null, Message.INTERNAL_ERROR, "the entities " + entityNames, e);
    } finally {
      AnnotationValues.forgetNames();
    }
    errorsReported |= reporter.hasErrors();
    return false; // Other processors (Hibernate's, for one) may want @Entity too.
  }

  private void collectSourceRoots(RoundEnvironment round) {
    for (Element root : round.getRootElements()) {
      if (root instanceof PackageElement || root instanceof TypeElement) {
        sourceRoots.add(declarationName(root));
        fromSourceTops.clear();
      }
    }
  }

  /** Whether the element's source is compiled in this compilation, rather than read from a class file. */
  private boolean fromSource(Element element) {
    Element top = element;
    while (!(top instanceof PackageElement) && !(top.getEnclosingElement() instanceof PackageElement)) {
      top = top.getEnclosingElement();
    }
    return fromSourceTops.computeIfAbsent(top, t -> sourceRoots.contains(declarationName(t)));
  }

  /**
   * The round's entities, tenant-key declarations and repositories, found in one scan of its elements: javac's
   * {@code getElementsAnnotatedWith} walks every member of every root element each time it is asked.
   */
  private List<TypeElement> collect(RoundEnvironment round) {
    Elements elements = processingEnv.getElementUtils();
    Set<TypeElement> annotations = new LinkedHashSet<>();
    for (String name : List.of(Jpa.ENTITY, TenantKey.class.getCanonicalName(),
        TenantKey.List.class.getCanonicalName(), JakartaData.REPOSITORY)) {
      TypeElement annotation = elements.getTypeElement(name);
      if (annotation != null) { // Not on the class path: nothing in this compilation carries it.
        annotations.add(annotation);
      }
    }
    List<TypeElement> repositories = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWithAny(annotations.toArray(TypeElement[]::new))) {
      if (element instanceof TypeElement type && AnnotationValues.has(type, Jpa.ENTITY)) {
        entityNames.add(type.getQualifiedName().toString());
      }
      if ((element instanceof PackageElement || element instanceof TypeElement) && declaresTenantKeys(element)) {
        tenantKeyDeclarations.add(declarationName(element));
      }
      if (element instanceof TypeElement type && AnnotationValues.has(type, JakartaData.REPOSITORY)) {
        repositories.add(type);
      }
    }
    return repositories;
  }

  /**
   * The entities of the model: those this compilation sees and, from the previous build's index, those it does not
   * see whose class files are still there (the outputs do not depend on their order).
   */
  private Set<String> modelEntities() {
    Set<String> names = new LinkedHashSet<>();
    Elements elements = processingEnv.getElementUtils();
    for (String name : previous.index().map(BuildIndex::entities).orElse(List.of())) {
      if (entityNames.contains(name)) {
        names.add(name);
      } else {
        TypeElement type = elements.getTypeElement(name);
        if (type != null && !fromSource(type) && AnnotationValues.has(type, Jpa.ENTITY)) {
          names.add(name);
        }
      }
    }
    names.addAll(entityNames);
    return names;
  }

  /** The tenant-key declarations of the model, completed from the previous build like {@link #modelEntities()}. */
  private List<Element> tenantKeyDeclarations() {
    Set<String> names = new LinkedHashSet<>();
    for (String name : previous.index().map(BuildIndex::tenantKeyDeclarations).orElse(List.of())) {
      Element element = declaration(name);
      if (tenantKeyDeclarations.contains(name)
          || (element != null && !fromSource(element) && declaresTenantKeys(element))) {
        names.add(name);
      }
    }
    names.addAll(tenantKeyDeclarations);
    List<Element> declarations = new ArrayList<>();
    for (String name : names) {
      Element element = declaration(name);
      if (element != null) {
        declarations.add(element);
      }
    }
    return declarations;
  }

  private Element declaration(String name) {
    return name.startsWith("package:")
        ? processingEnv.getElementUtils().getPackageElement(name.substring("package:".length()))
        : processingEnv.getElementUtils().getTypeElement(name);
  }

  private static boolean declaresTenantKeys(Element element) {
    return AnnotationValues.has(element, TenantKey.class.getCanonicalName())
        || AnnotationValues.has(element, TenantKey.List.class.getCanonicalName());
  }

  private static String declarationName(Element element) {
    return element instanceof PackageElement pkg
        ? "package:" + pkg.getQualifiedName()
        : ((TypeElement) element).getQualifiedName().toString();
  }

  /** Reads, validates and writes the round's repositories (see {@link RepositoryGeneration}). */
  private void generateRepositories(Optional<Schema> schema, List<TypeElement> repositories, Reporter reporter) {
    errorsReported = new RepositoryGeneration(processingEnv, reporter, this::modelElements,
        model -> {
          RepositoryIndex.Entry entry = RepositoryIndex.Entry.of(model);
          generatedRepositories.put(entry.repository(), entry);
        })
        .generate(schema, repositories, errorsReported);
  }

  /** The derived schema of the entities seen so far, read again only when a round added entities. */
  private Optional<Schema> schema(Reporter reporter) {
    Set<String> entities = modelEntities();
    if (schemaEntities == null || !schemaEntities.equals(entities)) {
      schemaEntities = entities;
      schema = readSchema(entities, reporter);
    }
    return Optional.ofNullable(schema);
  }

  private Schema readSchema(Set<String> entityNames, Reporter reporter) {
    Options options = Options.from(processingEnv.getOptions());
    if (options.target().isEmpty()) {
      reporter.report(null, Message.UNKNOWN_TARGET, options.targetValue());
      return null;
    }
    Target target = options.target().get();
    Origins origins = new Origins();
    Elements elements = processingEnv.getElementUtils();
    TableNames tableNames = new TableNames(elements, options.defaultSchema());
    List<TenantKeyColumn> tenantLevels =
        new TenantKeysReader(elements, reporter).read(tenantKeyDeclarations(), tableNames::of);
    javadocs = new Javadocs(processingEnv, this::fromSource,
        previous.index().map(BuildIndex::docComments).orElse(Map.of()));
    EntityReader reader = new EntityReader(elements, reporter, origins, tableNames, tenantLevels, entityNames,
        options.jpaCompatibility(), javadocs);
    List<Table> tables = new ArrayList<>();
    for (String name : entityNames) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type == null) {
        continue;
      }
      try {
        reader.read(type).ifPresent(tables::add);
      } catch (RuntimeException e) {
        // One broken entity must not hide the problems of the others.
        reporter.report(Location.of(type), Message.INTERNAL_ERROR, name, e);
      }
    }
    Schema declared = Schema.of(tables);
    SchemaValidator.validateDeclared(declared, target, origins, reporter);
    if (reporter.hasErrors()) {
      return null;
    }
    Schema derived = SchemaDerivation.derive(declared, target);
    SchemaValidator.validateDerived(derived, origins, reporter);
    return reporter.hasErrors() ? null : derived;
  }

  /**
   * The elements the model is read from: its entities and tenant-key declarations, the originating elements of
   * every generated file (a repository depends on its entity's table, and that on the tenant keys and references).
   */
  private Element[] modelElements() {
    Stream<Element> entities = (schemaEntities == null ? modelEntities() : schemaEntities).stream()
        .<Element>map(processingEnv.getElementUtils()::getTypeElement)
        .filter(Objects::nonNull);
    return Stream.concat(entities, tenantKeyDeclarations().stream()).toArray(Element[]::new);
  }

  /**
   * The repositories generated now and, from the previous build's index, those whose interface this compilation
   * does not see from source and whose implementation is still there (an incremental compile).
   */
  private RepositoryIndex repositoryIndex() {
    Map<String, RepositoryIndex.Entry> entries = new LinkedHashMap<>();
    Elements elements = processingEnv.getElementUtils();
    for (RepositoryIndex.Entry entry : previous.repositoryIndex().entries()) {
      TypeElement repository = elements.getTypeElement(entry.repository().replace('$', '.'));
      if (repository != null && !fromSource(repository)
          && elements.getTypeElement(entry.implementation().replace('$', '.')) != null) {
        entries.put(entry.repository(), entry);
      }
    }
    entries.putAll(generatedRepositories);
    return new RepositoryIndex(List.copyOf(entries.values()));
  }

  private void writeResources(Schema schema, Reporter reporter) {
    Options options = Options.from(processingEnv.getOptions());
    ResourceWriter writer = new ResourceWriter(processingEnv.getFiler());
    Element[] originating = modelElements();
    String schemaJson = SchemaJson.write(schema);
    BuildIndex index = new BuildIndex(List.copyOf(schemaEntities),
        tenantKeyDeclarations().stream().map(RowguardProcessor::declarationName).toList(), javadocs.read());
    try {
      writer.write(SCHEMA_SQL, SchemaSqlWriter.render(schema, options.appRole()), originating);
      writer.write(SchemaJson.RESOURCE, schemaJson, originating);
      writer.write(BuildIndex.RESOURCE, index.render(), originating);
      if (!errorsReported) {
        writer.write(RepositoryIndex.RESOURCE, RepositoryIndexWriter.render(repositoryIndex()), originating);
      }
    } catch (IOException e) {
      reporter.report(null, Message.INTERNAL_ERROR, "writing " + SCHEMA_SQL, e);
    }
    new MigrationCheck(processingEnv.getElementUtils(), reporter, processingEnv.getOptions(), options.appRole())
        .run(schema, schemaJson);
  }
}
