package dev.rowguard.spring;

import dev.rowguard.runtime.SchemaVerifier;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rowguard's {@code rowguard.*} properties.
 *
 * @param tenant The project's tenant keys and where each request's tenant comes from
 * @param roleCheck The row-level security check run at start-up and by the health indicator
 * @param verifySchema Whether start-up verifies the live database against the model the application was built with
 *     ({@code META-INF/rowguard/schema.json}, when it is on the class path) and fails on a difference; the health
 *     indicator reports differences too
 * @param appRole The role whose privileges the schema verification checks: the processor's {@code rowguard.appRole}
 */
@ConfigurationProperties("rowguard")
public record RowguardProperties(@DefaultValue Tenant tenant, @DefaultValue RoleCheck roleCheck,
    @DefaultValue("true") boolean verifySchema, @DefaultValue(SchemaVerifier.DEFAULT_APP_ROLE) String appRole) {

  /**
   * The tenant of each request.
   *
   * @param keys The project's tenant key levels, outermost first. With {@code schema.json} on the class path the keys
   *     come from the model, and these may only restate them (a contradiction fails the start-up); without it, empty
   *     means one {@code tenant_id uuid} level. A {@code TenantKeys} bean of the application's own takes precedence.
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
   * @param type Its Java type: {@code uuid}, {@code long} or {@code string}; unset, the model's, else {@code uuid}
   * @param setting The PostgreSQL setting that carries it; unset, the model's, else {@code rowguard.<column>}
   */
  public record KeyLevel(String column, KeyType type, String setting) {}

  /** The Java type of a tenant key level. */
  public enum KeyType { UUID, LONG, STRING }

  /**
   * The start-up check that the application's login cannot bypass row-level security.
   *
   * @param enabled Whether start-up runs it (and fails when it finds a problem)
   * @param schemas The schemas whose row-level-security tables it checks. Unset, the model's tenanted tables when
   *     {@code schema.json} is on the class path, else {@code public}; set with a model, they must include every
   *     schema that has a tenanted table of the model
   */
  public record RoleCheck(@DefaultValue("true") boolean enabled, List<String> schemas) {
    public RoleCheck {
      schemas = schemas == null ? List.of() : List.copyOf(schemas);
    }
  }
}
