package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import dev.rowguard.benchmarks.repository.domain.BenchAsset.Status;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rows of the repository benchmark, as one formula in SQL (which loads them) and in Java (with which the
 * forks pick what to look up and check what they got back, without reading the table first).
 *
 * <p>Row {@code g}, for {@code 0 <= g < tenants × rowsPerTenant}, belongs to tenant {@code g % tenants}: tenants
 * are interleaved in physical order, as rows of many tenants arriving over time would be. It is row {@code i =
 * g / tenants} of its tenant, in category {@code i % categories}, so every (tenant, category) has exactly {@value
 * #CATEGORY_ROWS} rows. Inserted rows belong to one more tenant, which has no loaded rows.
 */
record Dataset(int tenants, int rowsPerTenant) {
  static final String TABLE = "public.bench_asset";
  /** The rows of each (tenant, category): what {@code findByCategory} returns. */
  static final int CATEGORY_ROWS = 100;

  private static final String TENANTS_PROPERTY = "rowguard.bench.repository.tenants";
  private static final String ROWS_PROPERTY = "rowguard.bench.repository.rowsPerTenant";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Status[] STATUSES = Status.values();

  Dataset {
    if (tenants < 2) {
      throw new IllegalArgumentException("the benchmark needs at least 2 tenants to check isolation, got " + tenants);
    }
    // Below a million, so that the zero-padded numbers in host names keep their width in both formulas.
    if (rowsPerTenant < CATEGORY_ROWS || rowsPerTenant % CATEGORY_ROWS != 0 || rowsPerTenant >= 1_000_000) {
      throw new IllegalArgumentException("rows per tenant must be a multiple of " + CATEGORY_ROWS
          + " below 1,000,000, got " + rowsPerTenant);
    }
  }

  /** The dataset the runner loaded, as handed to this fork. */
  static Dataset inFork() {
    return new Dataset(Integer.getInteger(TENANTS_PROPERTY, 0), Integer.getInteger(ROWS_PROPERTY, 0));
  }

  List<String> forkProperties() {
    return List.of("-D" + TENANTS_PROPERTY + "=" + tenants, "-D" + ROWS_PROPERTY + "=" + rowsPerTenant);
  }

  int rows() {
    return tenants * rowsPerTenant;
  }

  int categories() {
    return rowsPerTenant / CATEGORY_ROWS;
  }

  static String category(int category) {
    return String.format(Locale.ROOT, "category-%04d", category);
  }

  static UUID tenantId(int tenant) {
    return md5Uuid("tenant-" + tenant);
  }

  /** The tenant that insertBatch writes for. */
  UUID insertTenantId() {
    return tenantId(tenants);
  }

  /** Loaded row {@code g}. */
  BenchAsset row(int g) {
    int i = g / tenants;
    return new BenchAsset(md5Uuid("asset-" + g), tenantId(g % tenants),
        String.format(Locale.ROOT, "host-%06d.example.net", i), category(i % categories()), STATUSES[g % 4],
        1 + g % 64, BigDecimal.valueOf(g % 100_000, 2), START.plusSeconds(g));
  }

  /** Loaded row {@code i} of {@code tenant}. */
  int rowOf(int tenant, int i) {
    return i * tenants + tenant;
  }

  /** The same rows as {@link #row(int)}, in one statement. */
  String insertStatement() {
    String statuses = Arrays.stream(STATUSES).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "INSERT INTO " + TABLE + " (id, tenant_id, hostname, category, status, "
        + "cpu_cores, monthly_cost, discovered_at)\n"
        + "SELECT md5('asset-' || g)::uuid, md5('tenant-' || (g %% %1$d))::uuid,\n"
        + "       'host-' || lpad((g / %1$d)::text, 6, '0') || '.example.net',\n"
        + "       'category-' || lpad(((g / %1$d) %% %2$d)::text, 4, '0'),\n"
        + "       (ARRAY[%3$s])[1 + g %% 4], 1 + g %% 64, (g %% 100000) / 100.0,\n"
        + "       timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second'\n"
        + "FROM generate_series(0, %4$d - 1) AS g", tenants, categories(), statuses, rows());
  }

  /**
   * New rows {@code 0 <= i < count} for {@link #insertTenantId()}: the same ids on every call, so that the table
   * ends up as it was after each insertBatch and its clean-up, but new objects, as an application would build.
   */
  List<BenchAsset> newRows(int count) {
    List<BenchAsset> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(newRow(i));
    }
    return rows;
  }

  BenchAsset newRow(int i) {
    return new BenchAsset(md5Uuid("new-asset-" + i), insertTenantId(),
        String.format(Locale.ROOT, "new-host-%06d.example.net", i), category(i % categories()), STATUSES[i % 4],
        1 + i % 64, BigDecimal.valueOf(i % 100_000, 2), START.plusSeconds(i));
  }

  private static UUID md5Uuid(String text) {
    try {
      // As PostgreSQL's md5(text)::uuid: the 32 hex digits of the digest, read as a UUID.
      ByteBuffer digest =
          ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
      return new UUID(digest.getLong(), digest.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
