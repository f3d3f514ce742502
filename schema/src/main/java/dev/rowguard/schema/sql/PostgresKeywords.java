package dev.rowguard.schema.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * PostgreSQL's keywords with their categories, as listed in {@code src/include/parser/kwlist.h} of the
 * release named by {@link #release()} (the list is read from that server's {@code pg_get_keywords()}).
 */
public final class PostgresKeywords {
  private static final String RESOURCE = "postgres-keywords.txt";
  private static final PostgresKeywords INSTANCE = load();

  private final String release;
  private final Map<String, Category> categories;

  private PostgresKeywords(String release, Map<String, Category> categories) {
    this.release = release;
    this.categories = Map.copyOf(categories);
  }

  public static PostgresKeywords instance() {
    return INSTANCE;
  }

  /** The PostgreSQL release the list was taken from, e.g. {@code 18.6}. */
  public String release() {
    return release;
  }

  /** Every keyword and its category. */
  public Map<String, Category> all() {
    return new TreeMap<>(categories);
  }

  public Optional<Category> category(String word) {
    return Optional.ofNullable(categories.get(word.toLowerCase(Locale.ROOT)));
  }

  /**
   * Whether {@code word} cannot be a table or column name without quotes: PostgreSQL's grammar accepts only
   * identifiers, unreserved and column-name keywords there ({@code ColId}).
   */
  public boolean isReservedForNames(String word) {
    return category(word).map(Category::reservedForNames).orElse(false);
  }

  /** A keyword category of {@code kwlist.h}. */
  public enum Category {
    UNRESERVED('U', false),
    COLUMN_NAME('C', false),
    TYPE_FUNC_NAME('T', true),
    RESERVED('R', true);

    private final char code;
    private final boolean reservedForNames;

    Category(char code, boolean reservedForNames) {
      this.code = code;
      this.reservedForNames = reservedForNames;
    }

    /** The {@code catcode} of {@code pg_get_keywords()}. */
    public char code() {
      return code;
    }

    public boolean reservedForNames() {
      return reservedForNames;
    }

    public static Category ofCode(char code) {
      for (Category category : values()) {
        if (category.code == code) {
          return category;
        }
      }
      throw new IllegalArgumentException("unknown keyword category code: " + code);
    }
  }

  private static PostgresKeywords load() {
    Map<String, Category> categories = new TreeMap<>();
    String release = null;
    try (InputStream in = PostgresKeywords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith("# postgres-version ")) {
          release = line.substring("# postgres-version ".length()).trim();
        } else if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split(" ");
          categories.put(parts[0], Category.ofCode(parts[1].charAt(0)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PostgresKeywords(release, categories);
  }
}
