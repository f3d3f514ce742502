package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.Operation;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;

/** Reads {@code @SqlQuery} methods. */
public final class SqlQueryReader {
  private final Reporter reporter;

  public SqlQueryReader(Reporter reporter) {
    this.reporter = reporter;
  }

  Optional<Operation> read(ExecutableElement method, ExecutableType type, EntityMapping entity, String label,
      Function<TypeElement, Optional<EntityMapping>> mappings) {
    reporter.report(Location.of(method), Message.REPOSITORY_METHOD, label, "@SqlQuery is not implemented yet");
    return Optional.empty();
  }
}
