package dev.rowguard.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;

/**
 * A refactoring test helper that runs no annotation processor. Unlike CompilationTestHelper it does not turn
 * implicit processing off, and Rowguard's processor is on this module's test classpath (for {@link
 * SqlQueryVerdictAgreementTest}), where it would process every test source.
 */
final class Refactoring {
  private Refactoring() {}

  static BugCheckerRefactoringTestHelper of(Class<? extends BugChecker> check, Class<?> test) {
    return BugCheckerRefactoringTestHelper.newInstance(check, test).setArgs("-proc:none");
  }
}
