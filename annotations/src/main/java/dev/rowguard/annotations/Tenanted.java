package dev.rowguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity as owned by a tenant: its table gets NOT NULL tenant key columns, forced fail-closed
 * row-level security, tenant-leading keys and indexes, and same-tenant foreign keys.
 *
 * <p>The tenant keys are declared once for the project with {@link TenantKey} (default: one key, {@code
 * tenant_id uuid}). Each key must be a field of the entity, so code can read it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Tenanted {
  /**
   * The tenant key columns that scope this entity, outermost first; by default every declared key. An
   * entity scoped by the outer level only (e.g. {@code "client_account_id"}) names it here.
   */
  String[] keys() default {};
}
