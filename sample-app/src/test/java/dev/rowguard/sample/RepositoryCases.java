package dev.rowguard.sample;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each repository method must do when tenant a calls it, by key: {@code AssetRepository.findByHostname(String)}
 * for a method the repository declares, {@code tenanted.insert(Object)} or {@code shared.insert(Object)} for one
 * inherited from Jakarta Data's supertypes, which every repository of that kind shares.
 */
final class RepositoryCases {
  /** Runs the method as tenant a (bound by the caller), asserting what it returns or throws. */
  @FunctionalInterface
  interface Case {
    void run(RepositorySubject<?> subject, RepositoryFixture fixture);
  }

  private static final Map<String, Case> CASES = all();

  private RepositoryCases() {}

  private static Map<String, Case> all() {
    Map<String, Case> cases = new TreeMap<>();
    CrudIsolationCases.all().forEach((signature, c) -> cases.put("tenanted." + signature, c));
    SharedTableCases.inherited().forEach((signature, c) -> cases.put("shared." + signature, c));
    cases.putAll(SharedTableCases.declared());
    cases.putAll(QueryIsolationCases.all());
    return cases;
  }

  static String key(Class<?> repository, Method method, boolean tenanted) {
    String signature = RepositoryInterfaces.signature(method);
    if (method.getDeclaringClass() == repository) {
      return repository.getSimpleName() + "." + signature;
    }
    return (tenanted ? "tenanted." : "shared.") + signature;
  }

  static Optional<Case> find(String key) {
    return Optional.ofNullable(CASES.get(key));
  }

  static Set<String> keys() {
    return CASES.keySet();
  }
}
