package dev.rowguard.processor.read;

import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.sql.Identifiers;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The table an entity is mapped to: {@code @Table(name, schema)}, else the entity name in snake_case. */
public final class TableNames {
  private final Elements elements;
  private final String defaultSchema;

  public TableNames(Elements elements, String defaultSchema) {
    this.elements = elements;
    this.defaultSchema = defaultSchema;
  }

  public QualifiedName of(TypeElement entity) {
    Optional<AnnotationValues> table = AnnotationValues.find(entity, Jpa.TABLE, elements);
    String name = table.flatMap(t -> t.nonBlank("name"))
        .orElseGet(() -> Identifiers.snakeCase(
            AnnotationValues.find(entity, Jpa.ENTITY, elements).flatMap(e -> e.nonBlank("name"))
                .orElse(entity.getSimpleName().toString())));
    String schema = table.flatMap(t -> t.nonBlank("schema")).orElse(defaultSchema);
    return new QualifiedName(schema, name);
  }
}
