package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.rowguard.runtime.TenantNotBoundException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Every method of every repository of the sample, found by reflection, called as one tenant beside two others
 * (another client account, and another engagement of the same account): it returns, counts, changes and deletes
 * only rows the tenant may reach, and the others' rows, read as the owner, are the same afterwards. Without a
 * tenant, every method of a tenanted repository throws before it asks for a connection. Run on PostgreSQL
 * ({@link RepositoryIsolationTest}) and on Citus ({@code CitusRepositoryIsolationTest}); a subclass seeds the
 * {@link #fixture} before all tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryIsolationChecks {
  RepositoryFixture fixture;

  @AfterAll
  void close() {
    if (fixture != null) { // null when seeding failed
      fixture.close();
    }
  }

  @Test
  void everyRepositoryMethodHasACaseAndEveryCaseAMethod() {
    List<String> missing = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    for (Class<?> repository : RepositoryInterfaces.all()) {
      for (Method method : RepositoryInterfaces.methods(repository)) {
        String key = RepositoryCases.key(repository, method, tenanted(repository));
        used.add(key);
        if (RepositoryCases.find(key).isEmpty()) {
          missing.add(repository.getSimpleName() + "." + RepositoryInterfaces.signature(method) + " (key " + key + ")");
        }
      }
      assertWithMessage("no subject for %s in RepositorySubjects", repository.getSimpleName())
          .that(fixture.subjects).containsKey(repository);
    }
    assertWithMessage("repository methods without an isolation case: add one to the cases RepositoryCases lists")
        .that(missing).isEmpty();
    Set<String> stale = new TreeSet<>(RepositoryCases.keys());
    stale.removeAll(used);
    assertWithMessage("cases for methods that no repository has").that(stale).isEmpty();
    assertThat(used).contains("AssetRepository.findByHostname(String)"); // the scan found the repositories
  }

  @TestFactory
  Stream<DynamicTest> asOneTenantEveryMethodReachesOnlyItsOwnRows() {
    return methods().map(call -> dynamicTest(call.label(), labelled(call, () -> reachesOnlyItsOwnRows(call))));
  }

  @TestFactory
  Stream<DynamicTest> withoutATenantEveryMethodThrowsBeforeAskingForAConnection() {
    return methods()
        .filter(call -> call.subject().table().tenanted())
        .map(call -> dynamicTest(call.label(), labelled(call, () -> throwsWithoutATenant(call))));
  }

  private void reachesOnlyItsOwnRows(Call call) {
    RepositoryCases.Case check = RepositoryCases.find(call.key())
        .orElseThrow(() -> new AssertionError("no case (key " + call.key() + ")"));
    Map<String, List<String>> before = fixture.protectedRows();
    RepositoryFixture.as(fixture.a, () -> check.run(call.subject(), fixture));
    assertWithMessage("rows of other tenants, or of shared tables, afterwards")
        .that(fixture.protectedRows()).isEqualTo(before);
  }

  private static void throwsWithoutATenant(Call call) {
    List<String> touched = new ArrayList<>();
    Object repository = RepositoryInterfaces.implementation(call.repository(), untouchable(touched));
    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> call.method().invoke(repository, defaultArguments(call.method())));
    assertThat(touched).isEmpty();
    assertThat(thrown.getCause()).isInstanceOf(TenantNotBoundException.class);
    assertThat(thrown.getCause()).hasMessageThat()
        .contains(call.repository().getSimpleName() + "." + call.method().getName());
  }

  /** One method of one repository. */
  private record Call(Class<?> repository, Method method, RepositorySubject<?> subject, String key) {
    String label() {
      return repository.getSimpleName() + "." + RepositoryInterfaces.signature(method);
    }
  }

  private Stream<Call> methods() {
    return RepositoryInterfaces.all().stream().flatMap(repository -> {
      RepositorySubject<?> subject = fixture.subjects.get(repository);
      if (subject == null) {
        fail("no subject for " + repository.getSimpleName() + " in RepositorySubjects");
      }
      return RepositoryInterfaces.methods(repository).stream().map(method ->
          new Call(repository, method, subject, RepositoryCases.key(repository, method, tenanted(repository))));
    });
  }

  /** Names the method in the failure: the build's report numbers dynamic tests rather than naming them. */
  private static Executable labelled(Call call, Executable test) {
    return () -> {
      try {
        test.execute();
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(call.label() + ": " + e, e);
      }
    };
  }

  private boolean tenanted(Class<?> repository) {
    return fixture.table(RepositoryInterfaces.entity(repository)).tenanted();
  }

  /** A data source that records any use and fails it. */
  private static DataSource untouchable(List<String> touched) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, arguments) -> {
          touched.add(method.getName());
          throw new AssertionError("the repository called DataSource." + method.getName() + " without a tenant");
        });
  }

  /** Nulls, zeros and false: a method must refuse before it looks at its arguments. */
  private static Object[] defaultArguments(Method method) {
    // Each branch is an Object: a conditional of numbers alone would promote them all to double.
    return Stream.of(method.getParameterTypes())
        .map(type -> !type.isPrimitive() ? null
            : type == boolean.class ? (Object) false
            : type == char.class ? (Object) '\0'
            : type == long.class ? (Object) 0L
            : type == double.class ? (Object) 0d
            : type == float.class ? (Object) 0f
            : type == int.class ? (Object) 0
            : type == short.class ? (Object) (short) 0 : (Object) (byte) 0)
        .toArray();
  }
}
