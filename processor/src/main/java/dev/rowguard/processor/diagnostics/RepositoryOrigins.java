package dev.rowguard.processor.diagnostics;

import dev.rowguard.processor.repository.RepositoryMethod;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each method of a repository model was declared and how messages name it, so that the repository
 * validator reports on the method while the model stays free of javac types. Keyed by the model's own method
 * values (by identity: two methods may read alike).
 */
public final class RepositoryOrigins {
  /** The method's element and its label, {@code Assets.findByHostname(String)}. */
  public record Origin(Location location, String label) {}

  private final Map<RepositoryMethod, Origin> origins = new IdentityHashMap<>();

  public void put(RepositoryMethod method, Location location, String label) {
    origins.put(method, new Origin(location, label));
  }

  public Origin of(RepositoryMethod method) {
    Origin origin = origins.get(method);
    if (origin == null) {
      throw new IllegalStateException("no origin recorded for " + method);
    }
    return origin;
  }
}
