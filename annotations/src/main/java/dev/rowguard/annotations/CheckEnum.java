package dev.rowguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores an enum as {@code text} with a named CHECK constraint listing the values it may hold, never as a
 * native PostgreSQL {@code ENUM} type (which cannot drop or rename a value later).
 *
 * <p>Put it on the enum type to apply everywhere the enum is a column, or on a field (or record component)
 * to apply there only; the field's annotation wins. A constant is stored as its name, changed by {@link
 * #storedCase()}, unless it carries {@link StoredValue}. Values that old rows may still hold are listed in
 * {@link #legacyValues()}: the constraint accepts them, the Java side never writes them.
 *
 * <pre>{@code
 * @CheckEnum(storedCase = CheckEnum.Case.LOWER, legacyValues = "retain")
 * enum SixRStrategy { REHOST, REPLATFORM, REFACTOR, RETIRE, @StoredValue("rehost_lift") REPURCHASE }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface CheckEnum {
  /** How a constant without {@link StoredValue} is stored. */
  Case storedCase() default Case.AS_DECLARED;

  /** Stored values that are still accepted in the column but no longer written. */
  String[] legacyValues() default {};

  /** Spelling of stored values derived from constant names. */
  enum Case {
    /** {@code REHOST} is stored as {@code REHOST}. */
    AS_DECLARED,
    /** {@code REHOST} is stored as {@code rehost}; {@code IN_PROGRESS} as {@code in_progress}. */
    LOWER,
    /** {@code IN_PROGRESS} is stored as {@code in-progress}. */
    KEBAB
  }
}
