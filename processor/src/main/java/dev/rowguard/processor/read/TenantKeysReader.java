package dev.rowguard.processor.read;

import dev.rowguard.annotations.TenantKey;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.shared.TenantKeyTypes;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.sql.NameProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads the project's tenant keys from the {@code @TenantKey} declarations of the compilation: one package (or
 * type) declares every level, outermost first. Without a declaration the project has one key, {@code tenant_id
 * uuid}.
 */
public final class TenantKeysReader {
  static final List<TenantKeyColumn> DEFAULT =
      List.of(new TenantKeyColumn("tenant_id", "rowguard.tenant_id", "uuid", null));
  /** A custom setting needs a prefix and a dot: {@code rowguard.tenant_id}. */
  private static final Pattern SETTING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");

  private final Elements elements;
  private final Reporter reporter;

  public TenantKeysReader(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /**
   * @param declarations the packages and types annotated with {@code @TenantKey}
   * @param tableOf the table an entity is mapped to
   */
  public List<TenantKeyColumn> read(List<? extends Element> declarations, Function<TypeElement, QualifiedName> tableOf) {
    if (declarations.isEmpty()) {
      return DEFAULT;
    }
    Element first = declarations.get(0);
    for (Element other : declarations.subList(1, declarations.size())) {
      reporter.report(Location.of(other), Message.TENANT_KEY_CONFLICT, first, other);
    }
    List<TenantKeyColumn> levels = new ArrayList<>();
    Set<String> columns = new HashSet<>();
    for (AnnotationValues key : AnnotationValues.findRepeated(first, TenantKey.class.getCanonicalName(),
        TenantKey.List.class.getCanonicalName(), elements)) {
      Location location = key.location(first);
      String column = key.string("column");
      String javaType = key.type("type").toString();
      String setting = key.nonBlank("setting").orElse("rowguard." + column);
      boolean valid = true;
      if (!columns.add(column)) {
        reporter.report(location, Message.TENANT_KEY_INVALID, column, "it is declared twice");
        valid = false;
      }
      if (NameProblem.of(column).isPresent()) {
        reporter.report(location, Message.TENANT_KEY_INVALID, column,
            NameProblem.of(column).get().reason() + "; choose another column name");
        valid = false;
      }
      if (TenantKeyTypes.sqlType(javaType).isEmpty()) {
        reporter.report(location, Message.TENANT_KEY_INVALID, column,
            "its type " + javaType + " is not supported; use java.util.UUID, Long or String");
        valid = false;
      }
      if (!SETTING.matcher(setting).matches()) {
        reporter.report(location, Message.TENANT_KEY_INVALID, column, "its setting '" + setting
            + "' is not a custom PostgreSQL setting; write it as prefix.name, e.g. rowguard." + column);
        valid = false;
      }
      QualifiedName table = null;
      TypeMirror entity = key.type("entity");
      if (entity.getKind() == TypeKind.DECLARED) {
        TypeElement entityType = (TypeElement) ((DeclaredType) entity).asElement();
        if (!AnnotationValues.has(entityType, Jpa.ENTITY)) {
          reporter.report(location, Message.TENANT_KEY_INVALID, column,
              "its entity " + entityType.getQualifiedName() + " is not an @Entity");
          valid = false;
        } else {
          table = tableOf.apply(entityType);
        }
      }
      if (valid) {
        levels.add(new TenantKeyColumn(column, setting, TenantKeyTypes.sqlType(javaType).orElseThrow(), table));
      }
    }
    return levels;
  }
}
