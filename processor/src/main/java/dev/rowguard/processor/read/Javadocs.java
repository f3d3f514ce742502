package dev.rowguard.processor.read;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The Javadoc of entities and their fields. A class file keeps none, so for a type read back from the class path
 * (not compiled in this compilation) the text comes from the previous build's {@link BuildIndex}; every text
 * looked up is kept for the next index.
 */
public final class Javadocs {
  private final Function<Element, String> docComments;
  private final Predicate<Element> compiledFromSource;
  private final Map<String, String> previous;
  private final Map<String, String> read = new TreeMap<>();

  /**
   * @param compiledFromSource whether an element's source is part of this compilation (its Javadoc is then the
   *     truth, even when there is none)
   * @param previous the previous build's texts, by {@code <type>} or {@code <type>#<field>}
   */
  public Javadocs(
      ProcessingEnvironment environment, Predicate<Element> compiledFromSource, Map<String, String> previous) {
    this.docComments = SourceDocs.of(environment);
    this.compiledFromSource = compiledFromSource;
    this.previous = previous;
  }

  /** The raw Javadoc of a type or field, or {@code null}. */
  String of(Element element) {
    boolean fromSource = compiledFromSource.test(element);
    String key = fromSource ? null : key(element); // Built only when needed: most fields have no Javadoc.
    String doc = fromSource ? docComments.apply(element) : previous.get(key);
    if (doc != null) {
      read.put(key == null ? key(element) : key, doc);
    }
    return doc;
  }

  /** Every text looked up so far, for the next build's index. */
  public Map<String, String> read() {
    return read;
  }

  private static String key(Element element) {
    if (element instanceof TypeElement type) {
      return type.getQualifiedName().toString();
    }
    return ((TypeElement) element.getEnclosingElement()).getQualifiedName() + "#" + element.getSimpleName();
  }
}
