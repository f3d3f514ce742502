package dev.rowguard.processor;

import com.palantir.javapoet.JavaFile;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.RepositoryOrigins;
import dev.rowguard.processor.read.RepositoryReader;
import dev.rowguard.processor.read.RepositoryStubReader;
import dev.rowguard.processor.read.SqlQueryReader;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.RepositoryModel;
import dev.rowguard.processor.validate.RepositoryValidator;
import dev.rowguard.processor.write.RepositoryStubWriter;
import dev.rowguard.processor.write.RepositoryWriter;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * The repository half of one round: read every repository interface into a model, validate the models, then
 * write their implementations, or, when the compilation has any Rowguard error so far, a stub of each instead (the
 * build fails anyway, and no valid SQL can be derived from a model with errors, which writes no {@code schema.sql}
 * either); user code that constructs the implementations must still compile, so that the build output shows the
 * errors that matter.
 */
final class RepositoryGeneration {
  private final ProcessingEnvironment env;
  private final Reporter reporter;
  /** The entities and tenant-key declarations of the model: every generated file depends on them. */
  private final Supplier<Element[]> modelElements;

  RepositoryGeneration(ProcessingEnvironment env, Reporter reporter, Supplier<Element[]> modelElements) {
    this.env = env;
    this.reporter = reporter;
    this.modelElements = modelElements;
  }

  /**
   * @param errorsBefore whether an earlier round or stage reported a Rowguard error
   * @return whether the compilation has a Rowguard error now
   */
  boolean generate(Optional<Schema> schema, List<TypeElement> repositories, boolean errorsBefore) {
    Map<TypeElement, RepositoryModel> models = schema.isPresent() ? read(schema.get(), repositories) : Map.of();
    boolean errors = errorsBefore || schema.isEmpty() || reporter.hasErrors();
    if (!errors) {
      models.forEach((repository, model) ->
          writeSource(model.implementation(), RepositoryWriter.render(model), repository));
      return reporter.hasErrors();
    }
    RepositoryStubReader stubs = new RepositoryStubReader(env.getElementUtils(), env.getTypeUtils(), reporter);
    for (TypeElement repository : repositories) {
      try {
        stubs.read(repository).ifPresent(stub ->
            writeSource(stub.implementation(), RepositoryStubWriter.render(stub), repository));
      } catch (RuntimeException e) {
        reporter.report(Location.of(repository), Message.INTERNAL_ERROR, repository.getQualifiedName(), e);
      }
    }
    return true;
  }

  /** Read, then validated: the validator reports on the methods the origins recorded. */
  private Map<TypeElement, RepositoryModel> read(Schema schema, List<TypeElement> repositories) {
    Map<String, Table> tables = new HashMap<>();
    schema.tables().forEach(t -> tables.put(t.entity(), t));
    RepositoryReader reader = new RepositoryReader(env.getElementUtils(), env.getTypeUtils(), reporter, tables,
        new SqlQueryReader(env.getElementUtils(), reporter, schema));
    Map<TypeElement, RepositoryModel> models = new LinkedHashMap<>();
    for (TypeElement repository : repositories) {
      try {
        RepositoryOrigins origins = new RepositoryOrigins();
        Optional<RepositoryModel> model = reader.read(repository, origins);
        if (model.isPresent()) {
          RepositoryValidator.validate(model.get(), origins, reporter);
          models.put(repository, model.get());
        }
      } catch (RuntimeException e) {
        reporter.report(Location.of(repository), Message.INTERNAL_ERROR, repository.getQualifiedName(), e);
      }
    }
    return models;
  }

  private void writeSource(JavaType.Declared name, JavaFile file, TypeElement repository) {
    try {
      Element[] originating = Stream.concat(Stream.of(repository), Stream.of(modelElements.get()))
          .distinct()
          .toArray(Element[]::new);
      JavaFileObject source = env.getFiler().createSourceFile(name.qualifiedName(), originating);
      try (Writer writer = source.openWriter()) {
        file.writeTo(writer);
      }
    } catch (IOException | RuntimeException e) {
      reporter.report(Location.of(repository), Message.INTERNAL_ERROR, repository.getQualifiedName(), e);
    }
  }
}
