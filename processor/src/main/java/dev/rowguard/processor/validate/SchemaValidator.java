package dev.rowguard.processor.validate;

import dev.rowguard.processor.derive.Target;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.schema.Schema;

/** Runs every check of the declared model. Validators only report; they never change the model. */
public final class SchemaValidator {
  private SchemaValidator() {}

  /** Checks the model as read, before names and derived parts are added, and what the target cannot run. */
  public static void validateDeclared(Schema declared, Target target, Origins origins, Reporter reporter) {
    NameValidator.validate(declared, origins, reporter);
    DuplicateValidator.validate(declared, origins, reporter);
    KeyColumnValidator.validate(declared, origins, reporter);
    TenancyValidator.validate(declared, origins, reporter);
    if (target == Target.CITUS) {
      CitusValidator.validate(declared, origins, reporter);
    }
  }

  /** Checks the derived model: the names users gave must not clash with each other or with derived names. */
  public static void validateDerived(Schema derived, Origins origins, Reporter reporter) {
    NameCollisionValidator.validate(derived, origins, reporter);
  }
}
