package dev.rowguard.processor.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.QualifiedNameable;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports problems: every message comes from the {@link Message} catalog, carries its
 * tag, and is printed on the element (and annotation) that causes it. Reporting never stops processing.
 */
public final class Reporter {
  private final Messager messager;
  private final Set<Printed> reported;
  private final Predicate<Element> printsWarningsOn;
  /** Each error's text by the element it was reported on, printed or not, for stubs that say why they throw. */
  private final Map<Element, Set<String>> errorsByElement = new LinkedHashMap<>();
  private int errors;

  public Reporter(Messager messager) {
    this(messager, new HashSet<>());
  }

  /**
   * @param reported what was already printed, shared across rounds: when the schema is read again because a later
   *     round added entities, a problem is still printed once
   */
  public Reporter(Messager messager, Set<Printed> reported) {
    this(messager, reported, element -> true);
  }

  /**
   * @param printsWarningsOn whether a warning on an element is printed: not on one read back from a class file in
   *     an incremental compile, whose warnings were printed when its source was compiled (errors always are)
   */
  public Reporter(Messager messager, Set<Printed> reported, Predicate<Element> printsWarningsOn) {
    this.messager = messager;
    this.reported = reported;
    this.printsWarningsOn = printsWarningsOn;
  }

  /**
   * A diagnostic as printed, compared as a value rather than by its formatted text: the catalog entry, the element
   * by its path from the package (the same declaration read again in a later round, or by another compiler, is
   * another object), the annotation, and the arguments as text.
   */
  public record Printed(Message message, String element, String annotation, List<String> args) {
    static Printed of(Message message, Location location, Object... args) {
      return new Printed(message, location == null ? "" : path(location.element()),
          location == null ? "" : String.valueOf(location.annotation()),
          Arrays.stream(args).map(String::valueOf).toList());
    }

    private static String path(Element element) {
      if (element == null) {
        return "";
      }
      if (element instanceof QualifiedNameable named) {
        return named.getQualifiedName().toString();
      }
      return path(element.getEnclosingElement()) + "/" + element.getKind() + " " + element;
    }
  }

  public void report(Location location, Message message, Object... args) {
    String text = message.format(args);
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
      if (location != null) {
        errorsByElement.computeIfAbsent(location.element(), e -> new LinkedHashSet<>()).add(text);
      }
    }
    if (message.kind() == Diagnostic.Kind.WARNING && location != null
        && !printsWarningsOn.test(location.element())) {
      return;
    }
    if (!reported.add(Printed.of(message, location, args))) {
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

  /** The errors reported so far on {@code element} itself (not on its members), tag and text, in order. */
  public List<String> errorsOn(Element element) {
    return new ArrayList<>(errorsByElement.getOrDefault(element, Set.of()));
  }

  /** Whether any error has been reported so far. */
  public boolean hasErrors() {
    return errors > 0;
  }
}
