package dev.rowguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A native PostgreSQL query for a repository method, with {@code :named} parameters bound from the method's
 * parameters:
 *
 * <pre>{@code
 * @SqlQuery("SELECT * FROM app.asset WHERE tenant_id = :tenantId AND hostname = :hostname")
 * List<Asset> findByHostname(UUID tenantId, String hostname);
 * }</pre>
 *
 * <p>The query is checked at compile time: it must restrict every tenant key of each tenanted table it reads
 * or writes, by equality to a parameter or to {@code current_setting('<the key's setting>')}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SqlQuery {
  /** The native SQL, with {@code :name} parameters. */
  String value();
}
