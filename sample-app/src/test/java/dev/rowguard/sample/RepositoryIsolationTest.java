package dev.rowguard.sample;

import dev.rowguard.test.RowguardDatabase;
import dev.rowguard.test.RowguardTest;
import org.junit.jupiter.api.BeforeAll;

/** {@link RepositoryIsolationChecks} on PostgreSQL, with the default binding. */
@RowguardTest
class RepositoryIsolationTest extends RepositoryIsolationChecks {
  @BeforeAll
  void seed(RowguardDatabase database) {
    fixture = new RepositoryFixture(database);
  }
}
