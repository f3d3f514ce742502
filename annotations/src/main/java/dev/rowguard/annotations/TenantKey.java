package dev.rowguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one level of the project's tenant keys, once, on a package ({@code package-info.java}). Repeat
 * it for hierarchical keys, outermost level first:
 *
 * <pre>{@code
 * @TenantKey(column = "client_account_id", entity = ClientAccount.class)
 * @TenantKey(column = "engagement_id", entity = Engagement.class)
 * package com.example.migration;
 * }</pre>
 *
 * <p>Without any declaration the project has one key, {@code tenant_id uuid}, carried by the setting {@code
 * rowguard.tenant_id}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Repeatable(TenantKey.List.class)
public @interface TenantKey {
  /** The key column, present in every table this level scopes. */
  String column();

  /** The key's Java type: {@code java.util.UUID} (stored as {@code uuid}), {@code Long} or {@code String}. */
  Class<?> type() default java.util.UUID.class;

  /** The PostgreSQL setting that carries the bound value; {@code rowguard.<column>} by default. */
  String setting() default "";

  /**
   * The entity whose {@code @Id} the key holds, if it is one ({@code void.class} when not). Every table this
   * level scopes then gets a foreign key to it: a plain one to a shared entity, a composite one through the
   * outer keys to a tenanted entity, so that a row can never point at another tenant's parent.
   */
  Class<?> entity() default void.class;

  /** Holds repeated {@link TenantKey}s. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.PACKAGE, ElementType.TYPE})
  @interface List {
    TenantKey[] value();
  }
}
