package dev.rowguard.spring;

import dev.rowguard.runtime.SchemaVerifier;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs {@link SchemaVerifier} once the migrations have run and the role check has passed: a database that differs
 * from the model the application was built with fails the start-up with the verifier's report ({@code
 * SchemaDriftException}).
 */
final class SchemaStartupCheck implements InitializingBean {
  private final SchemaVerifier verifier;
  private final CatalogDataSource catalog;
  private final ObjectProvider<RlsStartupCheck> roleCheck;

  SchemaStartupCheck(SchemaVerifier verifier, CatalogDataSource catalog, ObjectProvider<RlsStartupCheck> roleCheck) {
    this.verifier = verifier;
    this.catalog = catalog;
    this.roleCheck = roleCheck;
  }

  @Override
  public void afterPropertiesSet() {
    roleCheck.getIfAvailable(); // the role check's report first: a login that bypasses policies is the worse problem
    verifier.verify(catalog.get());
  }
}
