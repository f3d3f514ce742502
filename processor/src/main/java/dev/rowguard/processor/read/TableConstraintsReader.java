package dev.rowguard.processor.read;

import dev.rowguard.annotations.Check;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads what an entity declares about its whole table: {@code @Table}'s unique constraints and indexes, {@code @Check}. */
final class TableConstraintsReader {
  private final Elements elements;
  private final Reporter reporter;

  TableConstraintsReader(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  void read(TypeElement type, Optional<AnnotationValues> table, TableBuilder builder) {
    if (table.isPresent()) {
      for (AnnotationValues unique : table.get().annotations("uniqueConstraints")) {
        List<String> columns = unique.strings("columnNames").stream().map(builder::columnNamed).toList();
        Key key = new Key(unique.nonBlank("name").orElse(null), columns);
        builder.addUnique(key, Location.of(type, unique.mirror()));
        if (columns.isEmpty()) {
          reporter.report(Location.of(type, unique.mirror()), Message.INVALID_COLUMN_LIST, "@UniqueConstraint",
              type.getSimpleName(), "", "name at least one column");
        }
      }
      for (AnnotationValues index : table.get().annotations("indexes")) {
        readIndex(type, index, builder);
      }
    }
    for (AnnotationValues check : AnnotationValues.findRepeated(type, Check.class.getCanonicalName(),
        Check.List.class.getCanonicalName(), elements)) {
      Optional<String> name = check.nonBlank("name");
      if (name.isEmpty()) {
        reporter.report(check.location(type), Message.CHECK_NEEDS_NAME, type.getSimpleName(),
            check.string("value"));
        continue;
      }
      CheckConstraint constraint = new CheckConstraint(null, name.get(), check.string("value"));
      builder.addCheck(constraint, check.location(type), "entity " + type.getSimpleName());
    }
  }

  private void readIndex(TypeElement type, AnnotationValues index, TableBuilder builder) {
    String columnList = index.string("columnList");
    Location location = Location.of(type, index.mirror());
    List<String> columns = new ArrayList<>();
    for (String part : columnList.split(",")) {
      String[] words = part.trim().split("\\s+");
      if (words[0].isEmpty() || words.length > 2
          || (words.length == 2 && !words[1].equalsIgnoreCase("ASC"))) {
        reporter.report(location, Message.INVALID_COLUMN_LIST, "@Index", type.getSimpleName(), columnList,
            "write column names separated by commas, e.g. \"hostname, ip_address\" (descending order is not "
                + "supported)");
        return;
      }
      columns.add(builder.columnNamed(words[0]));
    }
    Index model = new Index(index.nonBlank("name").orElse(null), columns, index.bool("unique"));
    builder.addIndex(model, location);
  }
}
