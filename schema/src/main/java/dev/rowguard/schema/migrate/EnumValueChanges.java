package dev.rowguard.schema.migrate;

import static dev.rowguard.schema.migrate.Statements.BRIEF;
import static dev.rowguard.schema.migrate.Statements.VALIDATE;
import static dev.rowguard.schema.migrate.Statements.alter;
import static dev.rowguard.schema.migrate.Statements.lock;
import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A CHECK constraint replaced by one with other content, in one block: the old one dropped, the rows whose enum
 * value was renamed ({@code @RenamedFrom} on the new constant) updated, the new one added {@code NOT VALID} and
 * validated. A value that the new CHECK no longer accepts, neither kept as a legacy value nor mapped, would make
 * the validation fail on the rows that hold it: that is data loss, and needs {@code allowDataLoss} (its rows are
 * then set to NULL; a NOT NULL column cannot lose a value).
 */
final class EnumValueChanges {
  private final Correspondence match;
  private final Renames renames;
  private final MigrationRules rules;
  private final List<Refusal> refusals;

  EnumValueChanges(Correspondence match, Renames renames, MigrationRules rules, List<Refusal> refusals) {
    this.match = match;
    this.renames = renames;
    this.rules = rules;
    this.refusals = refusals;
  }

  Change replaceCheck(Table before, Table after, String oldName, String newName, String hint, String expression) {
    QualifiedName name = after.name();
    Optional<Column> column = hint == null ? Optional.empty() : after.column(hint);
    Optional<Column> previous = column.flatMap(c -> before.columns().stream()
        .filter(p -> !p.allowedValues().isEmpty()).filter(p -> c.name().equals(match.newColumn(before.name(), p.name()))).findFirst());
    List<Step> steps = new ArrayList<>();
    steps.add(Step.of(lock(BRIEF, name), alter(name) + " DROP CONSTRAINT " + quote(oldName) + ";"));
    String summary = "check " + newName + " of " + name + " changed: " + expression;
    String loss = null;
    if (previous.isPresent() && !column.get().allowedValues().isEmpty()) {
      Column now = column.get();
      String subject = name + "." + now.name();
      Map<String, String> mapped = new LinkedHashMap<>();
      renames.values().getOrDefault(subject, Map.of()).forEach((from, to) -> {
        if (previous.get().allowedValues().contains(from) && !from.equals(to)) {
          mapped.put(from, to);
        }
      });
      Set<String> added = new LinkedHashSet<>(now.allowedValues());
      added.removeAll(previous.get().allowedValues());
      Set<String> removed = new LinkedHashSet<>(previous.get().allowedValues());
      removed.removeAll(now.allowedValues());
      removed.removeAll(mapped.keySet());
      List<String> parts = new ArrayList<>();
      describe(parts, "added", added);
      describe(parts, "mapped", mapped.entrySet().stream().map(e -> e.getKey() + "' -> '" + e.getValue()).toList());
      describe(parts, "removed", removed);
      summary = "values of " + subject + ": " + (parts.isEmpty() ? "CHECK rewritten" : String.join("; ", parts));
      List<String> updates = new ArrayList<>();
      mapped.forEach((from, to) -> updates.add("UPDATE " + name.sql() + " SET " + quote(now.name()) + " = "
          + SqlLiterals.string(to) + " WHERE " + quote(now.name()) + " = " + SqlLiterals.string(from) + ";"));
      if (!removed.isEmpty()) {
        loss = "the values " + quoted(removed) + " in rows of " + name;
        if (!rules.allows(subject)) {
          refusals.add(new Refusal(subject, "the enum no longer accepts " + quoted(removed) + ", which rows may hold",
              "keep the value with @CheckEnum(legacyValues = ...), map it with @RenamedFrom on the constant that "
                  + "replaces it, or acknowledge the loss with -Arowguard.migrations.allowDataLoss=" + subject));
        } else if (!now.nullable()) {
          refusals.add(new Refusal(subject, "the enum no longer accepts " + quoted(removed) + " and the column is "
              + "NOT NULL, so rows holding them have no value to take", "keep the value with @CheckEnum(legacyValues = "
              + "...) or map it with @RenamedFrom on the constant that replaces it"));
        } else {
          updates.add("UPDATE " + name.sql() + " SET " + quote(now.name()) + " = NULL WHERE " + quote(now.name())
              + " IN (" + removed.stream().map(SqlLiterals::string).collect(Collectors.joining(", ")) + ");");
        }
      }
      if (!updates.isEmpty()) {
        steps.addAll(Statements.updatesOnAllRows(name, before.tenanted(), updates));
      }
    }
    steps.add(Step.of(lock(BRIEF, name), alter(name) + " ADD CONSTRAINT " + quote(newName) + " CHECK ("
        + expression + ") NOT VALID;"));
    steps.add(Step.of(lock(VALIDATE, name), alter(name) + " VALIDATE CONSTRAINT " + quote(newName) + ";"));
    return new Change(Phase.CHECK, column.map(c -> name + "." + c.name()).orElse(name.toString()), summary, loss,
        steps);
  }

  private static void describe(List<String> parts, String what, java.util.Collection<String> values) {
    if (!values.isEmpty()) {
      parts.add(what + " " + quoted(values));
    }
  }

  private static String quoted(java.util.Collection<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }
}
