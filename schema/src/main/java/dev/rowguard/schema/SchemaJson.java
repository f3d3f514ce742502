package dev.rowguard.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON form of a {@link Schema}, shipped as {@code META-INF/rowguard/schema.json}: the record components
 * as properties in declaration order, {@code null} values left out. Unknown properties are ignored so that
 * older readers accept newer files of the same {@link Schema#formatVersion()}.
 */
public final class SchemaJson {
  /** Where the processor writes the model, relative to the class output. */
  public static final String RESOURCE = "META-INF/rowguard/schema.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private SchemaJson() {}

  public static String write(Schema schema) {
    try {
      return MAPPER.writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the schema model cannot be written as JSON", e);
    }
  }

  public static Schema read(String json) {
    try {
      return checked(MAPPER.readValue(json, Schema.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Rowguard schema.json: " + e.getOriginalMessage(), e);
    }
  }

  public static Schema read(InputStream json) {
    try {
      return checked(MAPPER.readValue(json, Schema.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Rowguard schema.json: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema checked(Schema schema) {
    if (schema.formatVersion() != Schema.FORMAT_VERSION) {
      throw new IllegalArgumentException("schema.json format version " + schema.formatVersion()
          + " is not supported by this Rowguard (it reads version " + Schema.FORMAT_VERSION
          + "); use the same Rowguard version to build and to read");
    }
    return schema;
  }
}
