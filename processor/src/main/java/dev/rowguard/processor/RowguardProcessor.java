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
import java.io.IOException;
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
 * checks it, derives names and order, and writes {@code META-INF/rowguard/schema.sql} and {@code schema.json}.
 *
 * <p>Entities and tenant-key declarations are collected in every round and processed together once the last round starts, so that the
 * schema is complete. Problems are compile errors on the element that causes them; nothing is written while
 * there are errors, and the processor never throws.
 */
@AutoService(Processor.class)
public final class RowguardProcessor extends AbstractProcessor {
  public static final String SCHEMA_SQL = "META-INF/rowguard/schema.sql";

  private final Set<String> entityNames = new LinkedHashSet<>();
  /** Packages and types that declare tenant keys, as {@code package:<name>} or the type's qualified name. */
  private final Set<String> tenantKeyDeclarations = new LinkedHashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Jpa.ENTITY, "dev.rowguard.annotations.*");
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
    Reporter reporter = new Reporter(processingEnv.getMessager());
    try {
      if (!round.processingOver()) {
        collectEntities(round);
      } else if (!entityNames.isEmpty()) {
        generate(reporter);
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.report(null, Message.INTERNAL_ERROR, "the entities " + entityNames, e);
    }
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

  private void generate(Reporter reporter) {
    Options options = Options.from(processingEnv.getOptions());
    Origins origins = new Origins();
    Elements elements = processingEnv.getElementUtils();
    TableNames tableNames = new TableNames(elements, options.defaultSchema());
    List<TenantKeyColumn> tenantLevels =
        new TenantKeysReader(elements, reporter).read(tenantKeyDeclarations(), tableNames::of);
    EntityReader reader = new EntityReader(elements, reporter, origins, tableNames, tenantLevels, entityNames);
    List<TypeElement> entities = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    for (String name : entityNames) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type == null) {
        continue;
      }
      entities.add(type);
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
      return;
    }
    Schema schema = SchemaDerivation.derive(declared);
    SchemaValidator.validateDerived(schema, origins, reporter);
    if (reporter.hasErrors()) {
      return;
    }
    ResourceWriter writer = new ResourceWriter(processingEnv.getFiler());
    Element[] originating = entities.toArray(new Element[0]);
    try {
      writer.write(SCHEMA_SQL, SchemaSqlWriter.render(schema, options.appRole()), originating);
      writer.write(SchemaJson.RESOURCE, SchemaJson.write(schema), originating);
    } catch (IOException e) {
      reporter.report(null, Message.INTERNAL_ERROR, "writing " + SCHEMA_SQL, e);
    }
  }
}
