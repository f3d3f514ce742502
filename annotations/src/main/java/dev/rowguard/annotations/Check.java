package dev.rowguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CHECK constraint written as a PostgreSQL boolean expression over column names.
 *
 * <p>On a field (or record component) it becomes {@code ck_<table>_<column>}; on the entity it needs a
 * {@link #name()} and becomes {@code ck_<table>_<name>}. Names longer than 63 bytes are shortened with a
 * stable hash, like every generated name.
 *
 * <pre>{@code
 * @Check("completeness_score BETWEEN 0 AND 100")
 * private int completenessScore;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Repeatable(Check.List.class)
public @interface Check {
  /** The boolean expression, e.g. {@code "file_size >= 0"}. */
  String value();

  /** Name part after {@code ck_<table>_}; required on an entity, defaults to the column on a field. */
  String name() default "";

  /** Holds repeated {@link Check}s. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
  @interface List {
    Check[] value();
  }
}
