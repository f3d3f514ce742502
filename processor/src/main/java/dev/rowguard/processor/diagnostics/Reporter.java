package dev.rowguard.processor.diagnostics;

import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports problems: every message comes from the {@link Message} catalog, carries its
 * tag, and is printed on the element (and annotation) that causes it. Reporting never stops processing.
 */
public final class Reporter {
  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void report(Location location, Message message, Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String text = message.format(args);
    if (location == null) {
      messager.printMessage(message.kind(), text);
    } else if (location.annotation() == null) {
      messager.printMessage(message.kind(), text, location.element());
    } else {
      messager.printMessage(message.kind(), text, location.element(), location.annotation());
    }
  }

  /** Whether any error has been reported so far. */
  public boolean hasErrors() {
    return errors > 0;
  }
}
