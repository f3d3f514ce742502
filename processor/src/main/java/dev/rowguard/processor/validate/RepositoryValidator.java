package dev.rowguard.processor.validate;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.RepositoryOrigins;
import dev.rowguard.processor.repository.Condition;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operation.Cardinality;
import dev.rowguard.processor.repository.Operator;
import dev.rowguard.processor.repository.Query;
import dev.rowguard.processor.repository.RepositoryMethod;
import dev.rowguard.processor.repository.RepositoryModel;
import dev.rowguard.processor.repository.ValueKind;
import dev.rowguard.processor.shared.TypeNames;
import java.util.Locale;

/**
 * Checks a read repository model against the rules that span a whole method: conditions that the property's type
 * cannot take, paging and limits that do not fit the result, result-shaping parameters of methods that do not
 * find. It only reports, on the method, and a repository with errors is then not generated.
 */
public final class RepositoryValidator {
  private RepositoryValidator() {}

  public static void validate(RepositoryModel model, RepositoryOrigins origins, Reporter reporter) {
    for (RepositoryMethod method : model.methods()) {
      RepositoryOrigins.Origin origin = origins.of(method);
      Operation operation = method.operation();
      Query query = query(operation);
      if (query == null) {
        continue; // Writes and native SQL were checked as they were read.
      }
      for (Condition condition : query.conditions()) {
        conditionFitsProperty(condition, origin, reporter);
      }
      if (operation instanceof Operation.Find find) {
        pagingFitsResult(find, origin, reporter);
      } else if (query.pageRequest() != null || query.limit() != null || !query.dynamicOrder().isEmpty()) {
        reporter.report(origin.location(), Message.SPECIALS_ONLY_IN_FIND, origin.label());
      }
    }
  }

  private static Query query(Operation operation) {
    if (operation instanceof Operation.Find find) {
      return find.query();
    } else if (operation instanceof Operation.Count count) {
      return count.query();
    } else if (operation instanceof Operation.Exists exists) {
      return exists.query();
    } else if (operation instanceof Operation.DeleteWhere delete) {
      return delete.query();
    }
    return null;
  }

  /** Text comparisons need text; True and False need a boolean. */
  private static void conditionFitsProperty(Condition condition, RepositoryOrigins.Origin origin,
      Reporter reporter) {
    Operator operator = condition.operator();
    String property = condition.property().name();
    if ((operator.textual() || condition.ignoreCase()) && condition.property().kind() != ValueKind.STRING) {
      reporter.report(origin.location(), Message.NOT_TEXT, origin.label(), property,
          TypeNames.readable(condition.property().type()),
          condition.ignoreCase() ? "IgnoreCase" : operator.name().toLowerCase(Locale.ROOT));
    }
    if ((operator == Operator.TRUE || operator == Operator.FALSE)
        && !condition.property().type().sameBoxed(JavaType.BOOLEAN)) {
      reporter.report(origin.location(), Message.NOT_BOOLEAN, origin.label(), property, condition.property().type());
    }
  }

  /** A Page needs a PageRequest and the reverse; a Limit goes with neither paging nor First. */
  private static void pagingFitsResult(Operation.Find find, RepositoryOrigins.Origin origin, Reporter reporter) {
    Query query = find.query();
    boolean page = find.cardinality() == Cardinality.PAGE;
    if (page && query.pageRequest() == null) {
      reporter.report(origin.location(), Message.PAGE_NEEDS_REQUEST, origin.label());
    } else if (!page && query.pageRequest() != null) {
      String result = find.projection() != null ? find.projection().type().simpleName() : query.entity().simpleName();
      reporter.report(origin.location(), Message.REQUEST_NEEDS_PAGE, origin.label(), result);
    } else if (query.limit() != null && (page || query.first() > 0)) {
      reporter.report(origin.location(), Message.LIMIT_WITH_PAGING, origin.label());
    }
  }
}
