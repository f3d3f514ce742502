package dev.rowguard.spring;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rowguard's {@code rowguard.*} properties.
 *
 * @param tenant The project's tenant keys and where each request's tenant comes from
 * @param roleCheck The row-level security check run at start-up and by the health indicator
 */
@ConfigurationProperties("rowguard")
public record RowguardProperties(@DefaultValue Tenant tenant, @DefaultValue RoleCheck roleCheck) {

  /**
   * The tenant of each request.
   *
   * @param keys The project's tenant key levels, outermost first; empty for one {@code tenant_id uuid} level. A
   *     {@code TenantKeys} bean of the application's own takes precedence.
   * @param header The request header carrying the tenant of a project with one key level (with several, the
   *     outermost level's, unless {@code headers} names that level)
   * @param headers The request header of each key level, by key column, e.g. {@code
   *     rowguard.tenant.headers.client_account_id=X-Client-Account}
   * @param claim The JWT claim carrying the tenant of a project with one key level; when set (or {@code claims}
   *     is) and Spring Security's resource server is present, the tenant comes from the request's JWT, not from
   *     headers
   * @param claims The JWT claim of each key level, by key column
   * @param excludedPaths Request paths (Spring path patterns) that are not tenanted: they are served with no
   *     tenant bound, so tenanted data is out of their reach
   */
  public record Tenant(
      List<KeyLevel> keys,
      @DefaultValue("X-Tenant-Id") String header,
      Map<String, String> headers,
      String claim,
      Map<String, String> claims,
      @DefaultValue({"/actuator/**", "/error"}) List<String> excludedPaths) {
    public Tenant {
      keys = keys == null ? List.of() : List.copyOf(keys);
      headers = headers == null ? Map.of() : Map.copyOf(headers);
      claims = claims == null ? Map.of() : Map.copyOf(claims);
      excludedPaths = List.copyOf(excludedPaths);
    }
  }

  /**
   * One tenant key level.
   *
   * @param column The key column, e.g. {@code client_account_id}
   * @param type Its Java type: {@code uuid}, {@code long} or {@code string}
   * @param setting The PostgreSQL setting that carries it; empty for {@code rowguard.<column>}
   */
  public record KeyLevel(String column, @DefaultValue("uuid") KeyType type, String setting) {}

  /** The Java type of a tenant key level. */
  public enum KeyType { UUID, LONG, STRING }

  /**
   * The start-up check that the application's login cannot bypass row-level security.
   *
   * @param enabled Whether start-up runs it (and fails when it finds a problem)
   * @param schemas The schemas whose row-level-security tables it checks
   */
  public record RoleCheck(@DefaultValue("true") boolean enabled, @DefaultValue("public") List<String> schemas) {
    public RoleCheck {
      schemas = List.copyOf(schemas);
    }
  }
}
