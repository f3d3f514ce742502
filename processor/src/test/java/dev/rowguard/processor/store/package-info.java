/**
 * A small store model compiled with the processor itself, whose generated repositories the tests run against
 * PostgreSQL: every supported method shape appears in one of the repository interfaces.
 */
@TenantKey(column = "store_id", entity = Store.class)
package dev.rowguard.processor.store;

import dev.rowguard.annotations.TenantKey;
