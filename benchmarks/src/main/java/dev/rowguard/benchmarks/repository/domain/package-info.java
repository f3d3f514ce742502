/**
 * The repository benchmark's one entity and its Jakarta Data repository. Rowguard's processor writes the table,
 * its row-level security and the privileges of {@code rowguard_app} to {@code META-INF/rowguard/schema.sql},
 * which every contender of the benchmark runs against.
 */
@TenantKey(column = "tenant_id", type = UUID.class)
package dev.rowguard.benchmarks.repository.domain;

import dev.rowguard.annotations.TenantKey;
import java.util.UUID;
