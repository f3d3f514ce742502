package dev.rowguard.processor;

import com.google.auto.service.AutoService;
import dev.rowguard.annotations.TenantKey;
import dev.rowguard.processor.derive.SchemaDerivation;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.read.EntityReader;
import dev.rowguard.processor.read.Jpa;
import dev.rowguard.processor.read.Origins;
import dev.rowguard.processor.read.TableNames;
import dev.rowguard.processor.read.TenantKeysReader;
import dev.rowguard.processor.validate.SchemaValidator;
import dev.rowguard.processor.write.ResourceWriter;
import dev.rowguard.processor.write.SchemaSqlWriter;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.rowguard.processor.read.JakartaData;
import dev.rowguard.processor.read.RepositoryReader;
import dev.rowguard.processor.read.RepositoryStubReader;
import dev.rowguard.processor.read.SqlQueryReader;
import dev.rowguard.processor.repository.RepositoryModel;
import dev.rowguard.processor.write.RepositoryStubWriter;
import dev.rowguard.processor.write.RepositoryWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;
import javax.lang.model.element.TypeElement;

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
 * ({@link RepositoryStubWriter}), whose methods throw with the reason, so that code using it still compiles and the
 * build shows Rowguard's errors, not {@code cannot find symbol} at every use.
 */
@AutoService(Processor.class)
public final class RowguardProcessor extends AbstractProcessor {
  public static final String SCHEMA_SQL = "META-INF/rowguard/schema.sql";

  private final Set<String> entityNames = new LinkedHashSet<>();
  /** Packages and types that declare tenant keys, as {@code package:<name>} or the type's qualified name. */
  private final Set<String> tenantKeyDeclarations = new LinkedHashSet<>();
  /** Diagnostics already printed, so that reading the schema again never prints one twice. */
  private final Set<String> reported = new HashSet<>();
  /** The derived schema and the entities it was read from; null until read, or after errors. */
  private Schema schema;
  private Set<String> schemaEntities;
  /** Whether a Rowguard error was reported in this or an earlier round: repositories are then only stubbed. */
  private boolean errorsReported;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Jpa.ENTITY, JakartaData.REPOSITORY, "dev.rowguard.annotations.*");
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
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager(), reported);
    try {
      if (!round.processingOver()) {
        collectEntities(round);
        List<TypeElement> repositories = repositories(round);
        if (!repositories.isEmpty()) {
          generateRepositories(schema(reporter), repositories, reporter);
        }
      } else if (!entityNames.isEmpty()) {
        schema(reporter).ifPresent(s -> writeResources(s, reporter));
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.report(null, Message.INTERNAL_ERROR, "the entities " + entityNames, e);
    }
    errorsReported |= reporter.hasErrors();
    return false; // Other processors (Hibernate's, for one) may want @Entity too.
  }

  private void collectEntities(RoundEnvironment round) {
    TypeElement entity = processingEnv.getElementUtils().getTypeElement(Jpa.ENTITY);
    if (entity == null) {
      return;
    }
    for (Element element : round.getElementsAnnotatedWith(entity)) {
      if (element instanceof TypeElement type) {
        entityNames.add(type.getQualifiedName().toString());
      }
    }
    TypeElement[] tenantKey = Stream.of(TenantKey.class, TenantKey.List.class)
        .map(a -> processingEnv.getElementUtils().getTypeElement(a.getCanonicalName()))
        .filter(Objects::nonNull) // Not on the classpath: nothing declares tenant keys.
        .toArray(TypeElement[]::new);
    for (Element element : round.getElementsAnnotatedWithAny(tenantKey)) {
      if (element instanceof PackageElement pkg) {
        tenantKeyDeclarations.add("package:" + pkg.getQualifiedName());
      } else if (element instanceof TypeElement type) {
        tenantKeyDeclarations.add(type.getQualifiedName().toString());
      }
    }
  }

  private List<Element> tenantKeyDeclarations() {
    List<Element> declarations = new ArrayList<>();
    for (String name : tenantKeyDeclarations) {
      Element element = name.startsWith("package:")
          ? processingEnv.getElementUtils().getPackageElement(name.substring("package:".length()))
          : processingEnv.getElementUtils().getTypeElement(name);
      if (element != null) {
        declarations.add(element);
      }
    }
    return declarations;
  }

  private List<TypeElement> repositories(RoundEnvironment round) {
    TypeElement repository = processingEnv.getElementUtils().getTypeElement(JakartaData.REPOSITORY);
    if (repository == null) {
      return List.of(); // Jakarta Data is not on the class path: nothing declares repositories.
    }
    return round.getElementsAnnotatedWith(repository).stream()
        .filter(TypeElement.class::isInstance)
        .map(TypeElement.class::cast)
        .toList();
  }

  /**
   * Reads every repository of the round, then writes their implementations, or, when the compilation has any
   * Rowguard error so far, a stub of each instead (the build fails anyway, and no valid SQL can be derived from a
   * model with errors, which writes no {@code schema.sql} either); user code that constructs the implementations
   * must still compile, so that the build output shows the errors that matter.
   */
  private void generateRepositories(Optional<Schema> schema, List<TypeElement> repositories, Reporter reporter) {
    Map<TypeElement, RepositoryModel> models = new LinkedHashMap<>();
    if (schema.isPresent()) {
      Map<String, Table> tables = new HashMap<>();
      schema.get().tables().forEach(t -> tables.put(t.entity(), t));
      RepositoryReader reader = new RepositoryReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
          reporter, tables, new SqlQueryReader(processingEnv.getElementUtils(), reporter, schema.get()));
      for (TypeElement repository : repositories) {
        try {
          reader.read(repository).ifPresent(model -> models.put(repository, model));
        } catch (RuntimeException e) {
          reporter.report(Location.of(repository), Message.INTERNAL_ERROR, repository.getQualifiedName(), e);
        }
      }
    }
    errorsReported |= schema.isEmpty() || reporter.hasErrors();
    if (!errorsReported) {
      models.forEach((repository, model) ->
          writeSource(model.implementation(), RepositoryWriter.render(model), repository, reporter));
      return;
    }
    RepositoryStubReader stubs =
        new RepositoryStubReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter);
    for (TypeElement repository : repositories) {
      try {
        stubs.read(repository).ifPresent(stub ->
            writeSource(stub.implementation(), RepositoryStubWriter.render(stub), repository, reporter));
      } catch (RuntimeException e) {
        reporter.report(Location.of(repository), Message.INTERNAL_ERROR, repository.getQualifiedName(), e);
      }
    }
  }

  private void writeSource(ClassName name, JavaFile file, TypeElement repository, Reporter reporter) {
    try {
      JavaFileObject source = processingEnv.getFiler().createSourceFile(name.canonicalName(), repository);
      try (Writer writer = source.openWriter()) {
        file.writeTo(writer);
      }
    } catch (IOException | RuntimeException e) {
      reporter.report(Location.of(repository), Message.INTERNAL_ERROR, repository.getQualifiedName(), e);
    }
  }

  /** The derived schema of the entities seen so far, read again only when a round added entities. */
  private Optional<Schema> schema(Reporter reporter) {
    if (schemaEntities == null || !schemaEntities.equals(entityNames)) {
      schemaEntities = Set.copyOf(entityNames);
      schema = readSchema(reporter);
    }
    return Optional.ofNullable(schema);
  }

  private Schema readSchema(Reporter reporter) {
    Options options = Options.from(processingEnv.getOptions());
    Origins origins = new Origins();
    Elements elements = processingEnv.getElementUtils();
    TableNames tableNames = new TableNames(elements, options.defaultSchema());
    List<TenantKeyColumn> tenantLevels =
        new TenantKeysReader(elements, reporter).read(tenantKeyDeclarations(), tableNames::of);
    EntityReader reader = new EntityReader(elements, reporter, origins, tableNames, tenantLevels, entityNames,
        options.jpaCompatibility());
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
    SchemaValidator.validateDeclared(declared, origins, reporter);
    if (reporter.hasErrors()) {
      return null;
    }
    Schema derived = SchemaDerivation.derive(declared);
    SchemaValidator.validateDerived(derived, origins, reporter);
    return reporter.hasErrors() ? null : derived;
  }

  private void writeResources(Schema schema, Reporter reporter) {
    Options options = Options.from(processingEnv.getOptions());
    ResourceWriter writer = new ResourceWriter(processingEnv.getFiler());
    Element[] originating = entityNames.stream()
        .map(processingEnv.getElementUtils()::getTypeElement)
        .filter(Objects::nonNull)
        .toArray(Element[]::new);
    try {
      writer.write(SCHEMA_SQL, SchemaSqlWriter.render(schema, options.appRole()), originating);
      writer.write(SchemaJson.RESOURCE, SchemaJson.write(schema), originating);
    } catch (IOException e) {
      reporter.report(null, Message.INTERNAL_ERROR, "writing " + SCHEMA_SQL, e);
    }
  }
}
