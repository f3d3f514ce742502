package dev.rowguard.processor.diagnostics;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports problems: every message comes from the {@link Message} catalog, carries its
 * tag, and is printed on the element (and annotation) that causes it. Reporting never stops processing.
 */
public final class Reporter {
  private final Messager messager;
  private final Set<String> reported;
  private int errors;

  public Reporter(Messager messager) {
    this(messager, new HashSet<>());
  }

  /**
   * @param reported what was already printed, shared across rounds: when the schema is read again because a later
   *     round added entities, a problem is still printed once
   */
  public Reporter(Messager messager, Set<String> reported) {
    this.messager = messager;
    this.reported = reported;
  }

  public void report(Location location, Message message, Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String text = message.format(args);
    if (!reported.add(text + " @ " + (location == null ? "" : location.element() + "/" + location.annotation()))) {
      return;
    }
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
