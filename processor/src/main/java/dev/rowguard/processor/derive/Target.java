package dev.rowguard.processor.derive;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The database the generated schema is for ({@code -Arowguard.target}). */
public enum Target {
  POSTGRESQL,
  CITUS;

  /** The option's value in lower case, as users write it. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Target> of(String value) {
    return Arrays.stream(values()).filter(t -> t.optionValue().equals(value.trim().toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
