package dev.rowguard.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.rowguard.processor.repository.MethodSignature;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.RepositoryMethod;
import dev.rowguard.processor.repository.RepositoryModel;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * Renders the JDBC implementation of one repository: a class with one SQL constant per method, a constructor
 * taking the {@link DataSource}, and method bodies that read the bound tenant first, then prepare, bind, run and
 * map, translating {@link SQLException} into Rowguard's unchecked exception. Each operation has its renderer
 * ({@link FindRenderer}, {@link QueryRenderer}, {@link WriteRenderer}, {@link NativeRenderer}) over the shared
 * {@link JdbcBlock}; the class-level members they ask for are {@link ClassMembers}'.
 */
public final class RepositoryWriter {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final RepositoryModel model;
  private final EntityCode entities = new EntityCode();
  private final ClassMembers members;
  /** The class's field names, which no parameter may hide; known only once every method has been written. */
  private final Set<String> fields;

  private RepositoryWriter(RepositoryModel model, Set<String> fields) {
    this.model = model;
    this.members = new ClassMembers(model);
    this.fields = fields;
  }

  public static JavaFile render(RepositoryModel model) {
    RepositoryWriter draft = new RepositoryWriter(model, Set.of());
    JavaFile file = draft.file();
    Set<String> fields = draft.members.fieldNames();
    boolean hidesField = model.methods().stream()
        .flatMap(m -> m.signature().parameters().stream())
        .anyMatch(p -> fields.contains(p.name()));
    // Constants are named after methods, not parameters, so the second rendering names them alike.
    return hidesField ? new RepositoryWriter(model, fields).file() : file;
  }

  private JavaFile file() {
    List<MethodSpec> methods = new ArrayList<>();
    for (RepositoryMethod method : model.methods()) {
      methods.add(method(method));
    }
    TypeSpec.Builder type = TypeSpec.classBuilder(PoetTypes.of(model.implementation()))
        .addJavadoc(classJavadoc())
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", "dev.rowguard.processor.RowguardProcessor")
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(PoetTypes.of(model.repository()));
    members.addFields(type);
    type.addField(DataSource.class, "dataSource", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("@param dataSource where connections come from: the application's pool wrapped in\n"
            + "    {@code TenantBindingDataSource}, so that row-level security sees the same tenant\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(DataSource.class, "dataSource")
        .addStatement("this.dataSource = $T.requireNonNull(dataSource, $S)", Objects.class, "dataSource")
        .build());
    methods.forEach(type::addMethod);
    members.addMethods(type);
    entities.helpers().forEach(type::addMethod);
    return JavaFile.builder(model.implementation().packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private CodeBlock classJavadoc() {
    boolean anyTenanted = model.methods().stream().anyMatch(m -> m.operation().entity().table().tenanted());
    return anyTenanted
        ? CodeBlock.of("Rowguard's JDBC implementation of {@link $T}, generated at compile time.\n\n"
            + "<p>Every statement on a tenanted table restricts each tenant key to the tenant bound with\n"
            + "{@code TenantContext}, and a method called without one throws before any SQL is sent. Construct it\n"
            + "with the application's tenant-binding data source:\n"
            + "<pre>{@code\n$T repository = new $T(dataSource);\n}</pre>\n", PoetTypes.of(model.repository()),
            PoetTypes.of(model.repository()), PoetTypes.of(model.implementation()))
        : CodeBlock.of("Rowguard's JDBC implementation of {@link $T}, generated at compile time.\n\n"
            + "<p>Its table is shared by all tenants: construct it with a data source that needs no tenant, such as\n"
            + "{@code tenantBindingDataSource.withoutTenant(\"reason\")} for reads, or the owner's for writes:\n"
            + "<pre>{@code\n$T repository = new $T(dataSource.withoutTenant(\"shared accounts\"));\n}</pre>\n",
            PoetTypes.of(model.repository()), PoetTypes.of(model.repository()),
            PoetTypes.of(model.implementation()));
  }

  private MethodSpec method(RepositoryMethod method) {
    MethodSignature signature = method.signature();
    // Parameters that would hide a field of the class are renamed.
    Map<String, String> names = ParameterNames.allocate(
        signature.parameters().stream().map(MethodSignature.Parameter::name).toList(), fields);
    MethodSpec.Builder builder = PoetTypes.override(signature, names::get);
    JdbcBlock block = new JdbcBlock(method, model.repository().simpleName() + "." + method.name(), names, members,
        entities);
    Operation operation = method.operation();
    if (operation instanceof Operation.Find find) {
      FindRenderer.render(find, block);
    } else if (operation instanceof Operation.Count count) {
      QueryRenderer.count(count, block);
    } else if (operation instanceof Operation.Exists exists) {
      QueryRenderer.exists(exists, block);
    } else if (operation instanceof Operation.DeleteWhere delete) {
      QueryRenderer.deleteWhere(delete, block);
    } else if (operation instanceof Operation.Write write) {
      WriteRenderer.render(write, block);
    } else if (operation instanceof Operation.Native sql) {
      NativeRenderer.render(sql, block);
    }
    return builder.addCode(block.code.build()).build();
  }
}
