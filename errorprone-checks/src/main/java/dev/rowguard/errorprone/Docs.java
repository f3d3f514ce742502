package dev.rowguard.errorprone;

/** Where each check's page lives; the pages are {@code docs/checks/<CheckName>.md} in the Rowguard repository. */
final class Docs {
  /** Repository-relative until the project has a published site. */
  static final String CHECKS = "docs/checks/";

  private Docs() {}
}
