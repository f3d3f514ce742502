package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.CrossTenantWriteException;
import dev.rowguard.runtime.RowguardSqlException;
import dev.rowguard.sample.SampleData.TenantData;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Jakarta Data's inherited methods on a tenanted repository, called as tenant a: each write is tried on every
 * other tenant's row, as stored (refused before any statement) and with its tenant keys cleared (matches no row
 * of a, so refused by the statement); each read asks for their rows. A write on a row of a's own shows that the
 * method works at all.
 */
final class CrudIsolationCases {
  private CrudIsolationCases() {}

  static Map<String, RepositoryCases.Case> all() {
    return Map.ofEntries(
        Map.entry("insert(Object)", CrudIsolationCases::insert),
        Map.entry("insertAll(List)", CrudIsolationCases::insertAll),
        Map.entry("update(Object)", CrudIsolationCases::update),
        Map.entry("updateAll(List)", CrudIsolationCases::updateAll),
        Map.entry("save(Object)", CrudIsolationCases::save),
        Map.entry("saveAll(List)", CrudIsolationCases::saveAll),
        Map.entry("findById(Object)", CrudIsolationCases::findById),
        Map.entry("findAll()", CrudIsolationCases::findAll),
        Map.entry("findAll(PageRequest, Order)", CrudIsolationCases::findAllPaged),
        Map.entry("deleteById(Object)", CrudIsolationCases::deleteById),
        Map.entry("delete(Object)", CrudIsolationCases::delete),
        Map.entry("deleteAll(List)", CrudIsolationCases::deleteAll));
  }

  private static <E> void insert(RepositorySubject<E> s, RepositoryFixture f) {
    for (TenantData other : f.othersFor(s.table())) {
      E foreign = f.stored(s, other);
      assertThrows(CrossTenantWriteException.class, () -> s.app().insert(foreign));
    }
    f.assertOwnedByA(s, List.of(s.app().insert(s.fresh().get())));
  }

  private static <E> void insertAll(RepositorySubject<E> s, RepositoryFixture f) {
    for (TenantData other : f.othersFor(s.table())) {
      E mine = s.fresh().get();
      List<E> batch = List.of(mine, f.stored(s, other));
      assertThrows(CrossTenantWriteException.class, () -> s.app().insertAll(batch));
      assertThat(s.app().findById(s.id().apply(mine))).isEmpty(); // nothing of the batch went in
    }
    f.assertOwnedByA(s, s.app().insertAll(List.of(s.fresh().get(), s.fresh().get())));
  }

  private static <E> void update(RepositorySubject<E> s, RepositoryFixture f) {
    for (TenantData other : f.othersFor(s.table())) {
      E foreign = f.stored(s, other);
      assertThrows(CrossTenantWriteException.class, () -> s.app().update(foreign));
      E hidden = s.withoutKeys().apply(f.stored(s, other));
      assertThrows(OptimisticLockingFailureException.class, () -> s.app().update(hidden));
    }
    E mine = s.app().insert(s.fresh().get());
    f.assertOwnedByA(s, List.of(s.app().update(mine)));
  }

  private static <E> void updateAll(RepositorySubject<E> s, RepositoryFixture f) {
    E mine = s.app().insert(s.fresh().get());
    for (TenantData other : f.othersFor(s.table())) {
      List<E> carrying = List.of(mine, f.stored(s, other));
      assertThrows(CrossTenantWriteException.class, () -> s.app().updateAll(carrying));
      List<E> hidden = List.of(mine, s.withoutKeys().apply(f.stored(s, other)));
      assertThrows(OptimisticLockingFailureException.class, () -> s.app().updateAll(hidden));
    }
    f.assertOwnedByA(s, s.app().updateAll(List.of(mine)));
  }

  private static <E> void save(RepositorySubject<E> s, RepositoryFixture f) {
    for (TenantData other : f.othersFor(s.table())) {
      E foreign = f.stored(s, other);
      assertThrows(CrossTenantWriteException.class, () -> s.app().save(foreign));
      E hidden = s.withoutKeys().apply(f.stored(s, other));
      if (f.idsArePerRootTenant(s.table(), other)) {
        assertSavedAsOwnRow(s, f, () -> List.of(s.app().save(hidden)));
      } else {
        assertRefusedByTheStatement(assertThrows(RuntimeException.class, () -> s.app().save(hidden)));
      }
    }
    f.assertOwnedByA(s, List.of(s.app().save(s.fresh().get())));
  }

  private static <E> void saveAll(RepositorySubject<E> s, RepositoryFixture f) {
    for (TenantData other : f.othersFor(s.table())) {
      List<E> carrying = List.of(s.fresh().get(), f.stored(s, other));
      assertThrows(CrossTenantWriteException.class, () -> s.app().saveAll(carrying));
      assertThat(s.app().findById(s.id().apply(carrying.get(0)))).isEmpty();
      List<E> hidden = List.of(s.withoutKeys().apply(f.stored(s, other)));
      if (f.idsArePerRootTenant(s.table(), other)) {
        assertSavedAsOwnRow(s, f, () -> s.app().saveAll(hidden));
      } else {
        assertRefusedByTheStatement(assertThrows(RuntimeException.class, () -> s.app().saveAll(hidden)));
      }
    }
    f.assertOwnedByA(s, s.app().saveAll(List.of(s.fresh().get())));
  }

  /**
   * On Citus a key is unique within a root tenant only (the distribution column leads every key), so another
   * client account's key saved without its tenant keys is a row of the caller's own, or, where it references the
   * other account's rows, refused by the foreign key; the other's row is untouched either way (compared after
   * every case). The row is deleted again, so that the later cases find the other's key unused by the caller.
   */
  private static <E> void assertSavedAsOwnRow(RepositorySubject<E> s, RepositoryFixture f, Supplier<List<E>> save) {
    List<E> saved;
    try {
      saved = save.get();
    } catch (RowguardSqlException refused) {
      assertThat(refused.getSQLState()).isEqualTo("23503");
      return;
    }
    f.assertOwnedByA(s, saved);
    s.app().deleteAll(saved);
  }

  private static <E> void findById(RepositorySubject<E> s, RepositoryFixture f) {
    for (TenantData other : f.othersFor(s.table())) {
      assertThat(s.app().findById(s.seededId(other))).isEmpty();
    }
    f.assertOwnedByA(s, List.of(s.app().findById(s.seededId(f.a)).orElseThrow()));
  }

  private static <E> void findAll(RepositorySubject<E> s, RepositoryFixture f) {
    List<E> all = s.app().findAll().toList();
    f.assertOwnedByA(s, all);
    assertThat(all).isNotEmpty();
    assertThat(all).hasSize(f.countOfA(s.table()));
  }

  private static <E> void findAllPaged(RepositorySubject<E> s, RepositoryFixture f) {
    Page<E> page = s.app().findAll(PageRequest.ofSize(1_000), Order.by(Sort.asc("id")));
    f.assertOwnedByA(s, page.content());
    assertThat(page.content()).isNotEmpty();
    assertThat(page.content()).hasSize(f.countOfA(s.table()));
    assertThat(page.totalElements()).isEqualTo(f.countOfA(s.table()));
  }

  private static <E> void deleteById(RepositorySubject<E> s, RepositoryFixture f) {
    for (TenantData other : f.othersFor(s.table())) {
      s.app().deleteById(s.seededId(other)); // deletes nothing: the protected rows are compared afterwards
    }
    E mine = s.app().insert(s.fresh().get());
    s.app().deleteById(s.id().apply(mine));
    assertThat(s.app().findById(s.id().apply(mine))).isEmpty();
  }

  private static <E> void delete(RepositorySubject<E> s, RepositoryFixture f) {
    for (TenantData other : f.othersFor(s.table())) {
      E foreign = f.stored(s, other);
      assertThrows(CrossTenantWriteException.class, () -> s.app().delete(foreign));
      E hidden = s.withoutKeys().apply(f.stored(s, other));
      assertThrows(OptimisticLockingFailureException.class, () -> s.app().delete(hidden));
    }
    E mine = s.app().insert(s.fresh().get());
    s.app().delete(mine);
    assertThat(s.app().findById(s.id().apply(mine))).isEmpty();
  }

  private static <E> void deleteAll(RepositorySubject<E> s, RepositoryFixture f) {
    E mine = s.app().insert(s.fresh().get());
    for (TenantData other : f.othersFor(s.table())) {
      List<E> carrying = List.of(mine, f.stored(s, other));
      assertThrows(CrossTenantWriteException.class, () -> s.app().deleteAll(carrying));
      List<E> hidden = List.of(mine, s.withoutKeys().apply(f.stored(s, other)));
      assertThrows(OptimisticLockingFailureException.class, () -> s.app().deleteAll(hidden));
      assertThat(s.app().findById(s.id().apply(mine))).isPresent(); // the failed batch was rolled back
    }
    s.app().deleteAll(List.of(mine));
    assertThat(s.app().findById(s.id().apply(mine))).isEmpty();
  }

  /**
   * An upsert of a key that another tenant's row holds: the statement's tenant condition updates nothing
   * (reported as a lost update), or row-level security refuses the conflicting row first ({@code 42501}).
   */
  private static void assertRefusedByTheStatement(RuntimeException refused) {
    if (refused instanceof RowguardSqlException sql) {
      assertThat(sql.getSQLState()).isEqualTo("42501");
    } else {
      assertThat(refused).isInstanceOf(OptimisticLockingFailureException.class);
    }
  }
}
