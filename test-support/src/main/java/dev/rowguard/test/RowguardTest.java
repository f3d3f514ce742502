package dev.rowguard.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test class whose tests (and {@code @BeforeAll}/{@code @BeforeEach} methods) may declare a {@link
 * RowguardDatabase} parameter: each parameter is a fresh database with the generated schema applied, dropped
 * when the test, or the class for {@code @BeforeAll}, ends. A test that cannot reach a server fails with a
 * message that says how to provide one; it is never skipped.
 *
 * <pre>{@code
 * @RowguardTest
 * class AssetRepositoryTest {
 *   @Test
 *   void aTenantSeesItsOwnAssets(RowguardDatabase database) { … }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RowguardTestExtension.class)
public @interface RowguardTest {
  /** The role the schema grants the application's privileges to: the processor's {@code -Arowguard.appRole}. */
  String appRole() default RowguardDatabase.APP_ROLE;
}
