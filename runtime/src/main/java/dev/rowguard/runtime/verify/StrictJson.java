package dev.rowguard.runtime.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for {@code schema.json}, so that the runtime reads the model without a
 * JSON library. Objects become {@link Map}s in document order, arrays {@link List}s, numbers {@link Long} or
 * {@link Double}; a duplicate key, trailing text or anything JSON does not allow is refused with its line and
 * column.
 */
public final class StrictJson {
  private final String text;
  private int at;

  private StrictJson(String text) {
    this.text = text;
  }

  /** The one value {@code text} holds. */
  public static Object parse(String text) {
    StrictJson reader = new StrictJson(text);
    reader.space();
    Object value = reader.value();
    reader.space();
    if (reader.at < text.length()) {
      throw reader.error("text after the JSON value");
    }
    return value;
  }

  private Object value() {
    if (at >= text.length()) {
      throw error("a value expected, found the end of the text");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> word("true", Boolean.TRUE);
      case 'f' -> word("false", Boolean.FALSE);
      case 'n' -> word("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> object = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      at++;
      return Collections.unmodifiableMap(object);
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("a property name in double quotes expected");
      }
      int keyAt = at;
      String key = string();
      space();
      expect(':');
      space();
      Object value = value();
      if (object.containsKey(key)) {
        at = keyAt;
        throw error("property \"" + key + "\" appears twice");
      }
      object.put(key, value);
      space();
      if (peek(',')) {
        at++;
        continue;
      }
      expect('}');
      return Collections.unmodifiableMap(object);
    }
  }

  private List<Object> array() {
    List<Object> array = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      at++;
      return Collections.unmodifiableList(array);
    }
    while (true) {
      space();
      array.add(value());
      space();
      if (peek(',')) {
        at++;
        continue;
      }
      expect(']');
      return Collections.unmodifiableList(array);
    }
  }

  private String string() {
    at++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string; escape it");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("\\u needs four hex digits");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException notHex) {
            throw error("\\u needs four hex digits");
          }
          at += 4;
        }
        default -> {
          at--;
          throw error("unknown escape \\" + e);
        }
      }
    }
  }

  private Object number() {
    int start = at;
    if (peek('-')) {
      at++;
    }
    if (peek('0')) {
      at++;
    } else if (!digits()) {
      throw error("a digit expected");
    }
    boolean integral = true;
    if (peek('.')) {
      at++;
      integral = false;
      if (!digits()) {
        throw error("a digit expected after the decimal point");
      }
    }
    if (peek('e') || peek('E')) {
      at++;
      integral = false;
      if (peek('+') || peek('-')) {
        at++;
      }
      if (!digits()) {
        throw error("a digit expected in the exponent");
      }
    }
    String number = text.substring(start, at);
    if (integral) {
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException tooLarge) {
        at = start;
        throw error("integer " + number + " is out of range");
      }
    }
    return Double.parseDouble(number);
  }

  private boolean digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at > start;
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected character '" + text.charAt(at) + "'");
    }
    at += word.length();
    return value;
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' expected" + (at < text.length() ? ", found '" + text.charAt(at) + "'" : ""));
    }
    at++;
  }

  private IllegalArgumentException error(String problem) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new IllegalArgumentException("not valid JSON at line " + line + ", column " + column + ": " + problem);
  }
}
