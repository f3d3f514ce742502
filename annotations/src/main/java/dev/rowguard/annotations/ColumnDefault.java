package dev.rowguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column's {@code DEFAULT}, as a PostgreSQL expression written verbatim into the DDL: {@code "0"},
 * {@code "now()"}, {@code "'{}'::jsonb"}, {@code "'pending'"} (string literals keep their quotes).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ColumnDefault {
  String value();
}
