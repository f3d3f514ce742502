package dev.rowguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows SQL to be handed directly to a database API (JDBC, Spring {@code JdbcTemplate}, JPA {@code
 * createNativeQuery}, jOOQ plain SQL, …) inside the annotated method or class: the Error Prone check {@code
 * RawSql} does not report it there.
 *
 * <p>Raw SQL bypasses the generated repositories, so the reason is required and should say why the
 * generated code cannot be used. A blank reason is reported by {@code RawSql}. The other checks still apply
 * to sanctioned code: the SQL must be a constant ({@code SqlConcatenation}) and must restrict every tenant key
 * of the tenanted tables it reads or writes ({@code UnfilteredTenantQuery}).
 *
 * <pre>{@code
 * @AllowRawSql("bulk archive job; the generated repository has no batch delete")
 * void archive(Connection connection) throws SQLException { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface AllowRawSql {
  /** Why raw SQL is needed here; required, not blank. */
  String value();
}
