package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.RowguardSqlException;
import dev.rowguard.sample.data.ClientAccountRepository;
import dev.rowguard.sample.domain.ClientAccount;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * A repository of a shared table, as the application has it (through the escape hatch): every tenant reads all
 * rows, and no write gets past the application role's privileges.
 */
final class SharedTableCases {
  private SharedTableCases() {}

  /** Jakarta Data's inherited methods, by signature. */
  static Map<String, RepositoryCases.Case> inherited() {
    return Map.ofEntries(
        Map.entry("insert(Object)", SharedTableCases::insert),
        Map.entry("insertAll(List)", SharedTableCases::insertAll),
        Map.entry("update(Object)", SharedTableCases::update),
        Map.entry("updateAll(List)", SharedTableCases::updateAll),
        Map.entry("save(Object)", SharedTableCases::save),
        Map.entry("saveAll(List)", SharedTableCases::saveAll),
        Map.entry("findById(Object)", SharedTableCases::findById),
        Map.entry("findAll()", SharedTableCases::findAll),
        Map.entry("findAll(PageRequest, Order)", SharedTableCases::findAllPaged),
        Map.entry("deleteById(Object)", SharedTableCases::deleteById),
        Map.entry("delete(Object)", SharedTableCases::delete),
        Map.entry("deleteAll(List)", SharedTableCases::deleteAll));
  }

  /** The shared repositories' own methods, by key. */
  static Map<String, RepositoryCases.Case> declared() {
    return Map.of("ClientAccountRepository.findByName(String)", (s, f) -> {
      ClientAccountRepository accounts = f.repositories.clientAccounts();
      assertThat(accounts.findByName(f.b.name()).map(ClientAccount::id)).hasValue(f.b.account().id());
      assertThat(accounts.findByName("nobody")).isEmpty();
    });
  }

  private static <E> void insert(RepositorySubject<E> s, RepositoryFixture f) {
    assertNotPermitted(() -> s.app().insert(s.fresh().get()));
  }

  private static <E> void insertAll(RepositorySubject<E> s, RepositoryFixture f) {
    assertNotPermitted(() -> s.app().insertAll(List.of(s.fresh().get())));
  }

  private static <E> void update(RepositorySubject<E> s, RepositoryFixture f) {
    E row = f.stored(s, f.b);
    assertNotPermitted(() -> s.app().update(row));
  }

  private static <E> void updateAll(RepositorySubject<E> s, RepositoryFixture f) {
    List<E> rows = List.of(f.stored(s, f.b));
    assertNotPermitted(() -> s.app().updateAll(rows));
  }

  private static <E> void save(RepositorySubject<E> s, RepositoryFixture f) {
    E row = f.stored(s, f.b);
    assertNotPermitted(() -> s.app().save(row));
    assertNotPermitted(() -> s.app().save(s.fresh().get()));
  }

  private static <E> void saveAll(RepositorySubject<E> s, RepositoryFixture f) {
    List<E> rows = List.of(f.stored(s, f.b));
    assertNotPermitted(() -> s.app().saveAll(rows));
  }

  private static <E> void findById(RepositorySubject<E> s, RepositoryFixture f) {
    assertThat(s.app().findById(s.seededId(f.a))).isPresent();
    assertThat(s.app().findById(s.seededId(f.b))).isPresent();
  }

  private static <E> void findAll(RepositorySubject<E> s, RepositoryFixture f) {
    assertThat(s.app().findAll().toList()).hasSize(f.countOfA(s.table()));
  }

  private static <E> void findAllPaged(RepositorySubject<E> s, RepositoryFixture f) {
    Page<E> page = s.app().findAll(PageRequest.ofSize(1_000), Order.by(Sort.asc("id")));
    assertThat(page.content()).hasSize(f.countOfA(s.table()));
    assertThat(page.totalElements()).isEqualTo(f.countOfA(s.table()));
  }

  private static <E> void deleteById(RepositorySubject<E> s, RepositoryFixture f) {
    assertNotPermitted(() -> s.app().deleteById(s.seededId(f.b)));
  }

  private static <E> void delete(RepositorySubject<E> s, RepositoryFixture f) {
    E row = f.stored(s, f.b);
    assertNotPermitted(() -> s.app().delete(row));
  }

  private static <E> void deleteAll(RepositorySubject<E> s, RepositoryFixture f) {
    List<E> rows = List.of(f.stored(s, f.b));
    assertNotPermitted(() -> s.app().deleteAll(rows));
  }

  /** The application role may only read shared tables: {@code 42501}, insufficient privilege. */
  private static void assertNotPermitted(Executable write) {
    assertThat(assertThrows(RowguardSqlException.class, write).getSQLState()).isEqualTo("42501");
  }
}
