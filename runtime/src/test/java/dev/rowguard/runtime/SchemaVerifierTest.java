package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
import dev.rowguard.postgres.PostgresExtension;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.DriftKind;
import dev.rowguard.runtime.verify.VerificationResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SchemaVerifierTest {
  private static TestRoles roles;
  private static ServerAddress app;
  private static VerificationResult result;

  @BeforeAll
  static void verifyTheHandKeptDatabase(Database database) {
    roles = new TestRoles(database);
    app = roles.create("app", "NOINHERIT");
    ExistingDatabase.create(database, app.user());
    result = SchemaVerifier.of(ExistingDatabase.model()).withAppRole(app.user()).check(app.dataSource());
  }

  @AfterAll
  static void dropRoles() {
    roles.close();
  }

  @Test
  void dump() {
    result.differences().forEach(d -> System.out.println("DIFF " + d));
    System.out.println(result.report());
  }
}
