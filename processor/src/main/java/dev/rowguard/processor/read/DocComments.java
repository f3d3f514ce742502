package dev.rowguard.processor.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Javadoc into the plain text of a {@code COMMENT ON}: the description, inline tags unwrapped. */
final class DocComments {
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@\\w+\\s+([^}]*)}");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  private DocComments() {}

  /** The description before the first block tag, or {@code null} when there is none. */
  static String description(String javadoc) {
    if (javadoc == null) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (String line : javadoc.split("\n")) {
      if (line.trim().startsWith("@")) {
        break;
      }
      text.append(line.trim()).append(' ');
    }
    return clean(text.toString());
  }

  /** The text of {@code @param name} in a record's Javadoc, or {@code null}. */
  static String param(String javadoc, String name) {
    if (javadoc == null) {
      return null;
    }
    Matcher matcher =
        Pattern.compile("@param\\s+" + Pattern.quote(name) + "\\s+(.*?)(?=\\n\\s*@|\\z)", Pattern.DOTALL)
            .matcher(javadoc);
    return matcher.find() ? clean(matcher.group(1)) : null;
  }

  /** The patterns run only on text that can match them: most comments are one plain sentence. */
  private static String clean(String text) {
    String unwrapped = text.contains("{@") ? INLINE_TAG.matcher(text).replaceAll("$1") : text;
    String untagged = unwrapped.indexOf('<') >= 0 ? HTML_TAG.matcher(unwrapped).replaceAll("") : unwrapped;
    String plain = collapseWhitespace(untagged);
    return plain.isEmpty() ? null : plain;
  }

  /** Runs of whitespace (as regex {@code \\s} means it) as one space, none at either end. */
  private static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
