package dev.rowguard.spring;

import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant from request headers: one header per key level ({@code rowguard.tenant.headers.<key>}); {@code
 * rowguard.tenant.header} is the outermost level's unless that level is named there. A request with the outer
 * levels' headers only is a tenant of those levels (a client account without an engagement).
 */
public final class HeaderTenantResolver implements TenantResolver {
  private final TenantKeys keys;
  /** The header of each level that has one, by key column, outermost first. */
  private final Map<String, String> headers;

  public HeaderTenantResolver(TenantKeys keys, String header, Map<String, String> headersByColumn) {
    this.keys = keys;
    for (String column : headersByColumn.keySet()) {
      if (keys.level(column).isEmpty()) {
        throw new IllegalArgumentException("rowguard.tenant.headers." + column + ": " + column + " is not a tenant"
            + " key column; the keys are " + keys.columns());
      }
    }
    Map<String, String> byLevel = new LinkedHashMap<>();
    for (TenantKeyLevel level : keys.levels()) {
      String named = headersByColumn.get(level.column());
      if (named != null) {
        byLevel.put(level.column(), named);
      } else if (level == keys.levels().get(0) && header != null && !header.isBlank()) {
        byLevel.put(level.column(), header);
      }
    }
    if (byLevel.isEmpty()) {
      throw new IllegalArgumentException("no request header carries the tenant: set rowguard.tenant.header, or"
          + " rowguard.tenant.headers.<key> for each of " + keys.columns());
    }
    this.headers = Map.copyOf(byLevel);
  }

  @Override
  public Optional<Tenant> resolve(HttpServletRequest request) {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    headers.forEach((column, header) -> {
      String value = request.getHeader(header);
      if (value != null) {
        texts.put(column, value);
        sources.put(column, "header " + header);
      }
    });
    return texts.isEmpty() ? Optional.empty() : Optional.of(TenantValues.tenant(keys, texts, sources));
  }

  @Override
  public String expects() {
    return "the tenant in " + (headers.size() == 1 ? "header " : "headers ")
        + String.join(", ", keys.columns().stream().filter(headers::containsKey).map(headers::get).toList());
  }
}
