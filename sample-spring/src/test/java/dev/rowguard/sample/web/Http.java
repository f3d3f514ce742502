package dev.rowguard.sample.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP requests to the running sample, as a tenant's client sends them. */
final class Http {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;

  Http(int port) {
    this.port = port;
  }

  /** A response's status, content type and body. */
  record Response(int status, String contentType, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    /** This response, if its status is {@code expected}; otherwise fails with the body, which says why. */
    Response expect(int expected) {
      if (status != expected) {
        throw new AssertionError("expected status " + expected + ", got " + status + ": " + body);
      }
      return this;
    }
  }

  /** A tenant as the sample's headers name it; a null engagement binds the client account only. */
  record As(UUID clientAccount, UUID engagement) {
    static final As NOBODY = new As(null, null);
  }

  Response get(String path, As tenant) {
    return send(request(path, tenant).GET());
  }

  Response post(String path, As tenant, Object body) {
    return send(request(path, tenant).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path, As tenant) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (tenant.clientAccount() != null) {
      request.header("X-Client-Account-Id", tenant.clientAccount().toString());
    }
    if (tenant.engagement() != null) {
      request.header("X-Engagement-Id", tenant.engagement().toString());
    }
    return request;
  }
}
