package dev.rowguard.spring;

import static com.google.common.truth.Truth.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * With Spring Security's resource server and {@code rowguard.tenant.claim}, the tenant comes from the request's
 * JWT: the endpoint answers with the tenant setting as PostgreSQL sees it on the request's connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"rowguard.tenant.claim=tenant", "rowguard.role-check.enabled=false", "spring.flyway.enabled=false"})
class JwtClaimTenantTest {
  private static final Database DATABASE = DevPostgres.shared().createDatabase("rowguard_jwt");
  private static final RSAKey KEY = rsaKey();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DATABASE.owner().url());
    registry.add("spring.datasource.username", () -> DATABASE.owner().user());
    registry.add("spring.datasource.password", () -> DATABASE.owner().password());
  }

  @AfterAll
  static void drop() {
    DATABASE.close();
  }

  @SpringBootApplication
  static class EchoApp {
    @Bean
    JwtDecoder jwtDecoder() throws Exception {
      return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
    }

    @RestController
    static class TenantEcho {
      private final JdbcClient jdbc;

      TenantEcho(JdbcClient jdbc) {
        this.jdbc = jdbc;
      }

      @GetMapping("/tenant")
      String tenant() {
        return jdbc.sql("SELECT current_setting('rowguard.tenant_id', true)").query(String.class).single();
      }
    }
  }

  @LocalServerPort int port;

  @Test
  void tenantIsTheClaimsAsTheDatabaseSeesIt() throws Exception {
    UUID tenant = UUID.randomUUID();
    HttpResponse<String> response = get(token(Map.of("tenant", tenant.toString())));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(tenant.toString());
  }

  @Test
  void jwtWithoutTheClaimIsForbidden() throws Exception {
    HttpResponse<String> response = get(token(Map.of("scope", "read")));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.body()).contains("none of the tenant claims [tenant]");
  }

  @Test
  void malformedClaimIsABadRequest() throws Exception {
    HttpResponse<String> response = get(token(Map.of("tenant", "acme")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("JWT claim tenant is 'acme', which is not a valid UUID");
  }

  @Test
  void noJwtIsUnauthorized() throws Exception {
    HttpResponse<String> response = get(null);
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tenant"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(Map<String, Object> claims) {
    JwtClaimsSet.Builder set = JwtClaimsSet.builder().subject("user-1").issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(300));
    claims.forEach(set::claim);
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)))
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), set.build()))
        .getTokenValue();
  }

  private static RSAKey rsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
          .keyID(UUID.randomUUID().toString()).build();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
