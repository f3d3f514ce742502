package dev.rowguard.runtime.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads the {@link Model} from {@code schema.json} as the processor writes it ({@code dev.rowguard.schema.SchemaJson}:
 * record components as properties, nulls left out, an absent array empty). Properties the verifier does not
 * use are ignored; a missing or mistyped one it needs is refused with its JSON path.
 */
public final class ModelJson {
  /** Where the processor puts the model in the application's jar. */
  public static final String RESOURCE = "META-INF/rowguard/schema.json";
  /** The format version this runtime reads ({@code dev.rowguard.schema.Schema.FORMAT_VERSION}). */
  static final long FORMAT_VERSION = 1;

  private ModelJson() {}

  /** The model the application's class path ships, by the context class loader. */
  public static Model fromClasspath() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = (loader == null ? ModelJson.class.getClassLoader() : loader).getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path: build the application with Rowguard's"
            + " annotation processor, or give the model's path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Model read(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model " + file, e);
    }
  }

  public static Model read(InputStream in) throws IOException {
    return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  public static Model read(String json) {
    Map<String, Object> root = object(StrictJson.parse(json), "the document");
    Object version = root.get("formatVersion");
    if (!(version instanceof Long number) || number != FORMAT_VERSION) {
      throw refused("formatVersion", "is " + version + ", but this Rowguard reads version " + FORMAT_VERSION
          + "; use the same Rowguard version to build and to verify");
    }
    return new Model(list(root, "tables", "tables", ModelJson::table));
  }

  private static Model.Table table(Map<String, Object> table, String path) {
    Map<String, Object> name = object(required(table, "name", path), path + ".name");
    List<Model.TenantKey> keys = List.of();
    if (table.get("tenancy") != null) {
      Map<String, Object> tenancy = object(table.get("tenancy"), path + ".tenancy");
      keys = list(tenancy, "keys", path + ".tenancy.keys", (key, at) -> new Model.TenantKey(
          string(key, "column", at), string(key, "setting", at), string(key, "sqlType", at)));
      if (keys.isEmpty()) {
        throw refused(path + ".tenancy.keys", "a tenanted table needs at least one tenant key");
      }
    }
    Object primaryKey = table.get("primaryKey");
    return new Model.Table(string(name, "schema", path + ".name"), string(name, "name", path + ".name"), keys,
        list(table, "columns", path + ".columns", ModelJson::column),
        primaryKey == null ? null : key(object(primaryKey, path + ".primaryKey"), path + ".primaryKey"),
        list(table, "uniqueKeys", path + ".uniqueKeys", ModelJson::key),
        list(table, "foreignKeys", path + ".foreignKeys", ModelJson::foreignKey),
        list(table, "checks", path + ".checks", (check, at) -> new Model.Check(string(check, "name", at),
            string(check, "expression", at))),
        list(table, "indexes", path + ".indexes", (index, at) -> new Model.Index(string(index, "name", at),
            strings(index, "columns", at), bool(index, "unique", at))));
  }

  private static Model.Column column(Map<String, Object> column, String path) {
    Object defaultSql = column.get("defaultSql");
    return new Model.Column(string(column, "name", path), string(column, "sqlType", path),
        bool(column, "nullable", path), defaultSql == null ? null : string(column, "defaultSql", path),
        bool(column, "identity", path), strings(column, "allowedValues", path));
  }

  private static Model.Key key(Map<String, Object> key, String path) {
    return new Model.Key(string(key, "name", path), strings(key, "columns", path));
  }

  private static Model.ForeignKey foreignKey(Map<String, Object> key, String path) {
    Map<String, Object> target = object(required(key, "target", path), path + ".target");
    return new Model.ForeignKey(string(key, "name", path), strings(key, "columns", path),
        string(target, "schema", path + ".target"), string(target, "name", path + ".target"),
        strings(key, "targetColumns", path));
  }

  private static <T> List<T> list(Map<String, Object> owner, String property, String path,
      BiFunction<Map<String, Object>, String, T> element) {
    Object value = owner.get(property);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw refused(path, "must be an array");
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      result.add(element.apply(object(items.get(i), at), at));
    }
    return result;
  }

  private static List<String> strings(Map<String, Object> owner, String property, String path) {
    Object value = owner.get(property);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
      throw refused(path + "." + property, "must be an array of strings");
    }
    return items.stream().map(String.class::cast).toList();
  }

  private static String string(Map<String, Object> owner, String property, String path) {
    if (!(required(owner, property, path) instanceof String text)) {
      throw refused(path + "." + property, "must be a string");
    }
    return text;
  }

  private static boolean bool(Map<String, Object> owner, String property, String path) {
    Object value = owner.get(property);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean flag)) {
      throw refused(path + "." + property, "must be true or false");
    }
    return flag;
  }

  private static Object required(Map<String, Object> owner, String property, String path) {
    Object value = owner.get(property);
    if (value == null) {
      throw refused(path + "." + property, "is missing");
    }
    return value;
  }

  @SuppressWarnings("unchecked") // StrictJson's objects are maps from strings.
  private static Map<String, Object> object(Object value, String path) {
    if (!(value instanceof Map<?, ?>)) {
      throw refused(path, "must be an object");
    }
    return (Map<String, Object>) value;
  }

  private static IllegalArgumentException refused(String path, String problem) {
    return new IllegalArgumentException("not a Rowguard schema.json: field " + path + " " + problem);
  }
}
