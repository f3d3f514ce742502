package dev.rowguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name this element had in the previous version of the model, so that the generated migration renames
 * instead of dropping and adding (which would lose the data).
 *
 * <ul>
 *   <li>on an entity: the old table name ({@code "asset"}, or {@code "app.asset"} when the schema changed too);
 *   <li>on a field or record component: the old column name ({@code "host_name"});
 *   <li>on an enum constant: the old stored value; rows holding it are updated to the constant's new value
 *       before the new CHECK constraint is added.
 * </ul>
 *
 * <p>An old name that the previous model does not have is ignored, so the annotation may stay in the code after
 * the migration that used it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {
  /** The old table name, column name or stored value. */
  String value();
}
