package dev.rowguard.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The JSON form of a {@link Schema}, shipped as {@code META-INF/rowguard/schema.json}: the record components
 * as properties in declaration order, {@code null} values left out. Unknown properties are ignored so that
 * older readers accept newer files of the same {@link Schema#formatVersion()}. An absent array is read as
 * empty, so a hand-written file lists only what it has; a file that cannot be read is refused with the field
 * at fault ({@code tables[0].tenancy.keys}).
 */
public final class SchemaJson {
  /** Where the processor writes the model, relative to the class output. */
  public static final String RESOURCE = "META-INF/rowguard/schema.json";

  /** Built on first read: writing needs only the streaming generator, which is much cheaper to load. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE =
        JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  /** Each record type's components, looked up once: {@code getRecordComponents} builds them anew each call. */
  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      return type.getRecordComponents();
    }
  };

  private SchemaJson() {}

  /**
   * The model as JSON, written with Jackson's streaming generator rather than its object mapper: the same text
   * (record components in declaration order, nulls left out, the default pretty printer), without the mapper's
   * introspection, which the processor would pay for in every compilation, since javac loads it afresh each time.
   */
  public static String write(Schema schema) {
    // Jackson's own segmented writer: a StringWriter synchronizes every append and copies 3 MB as it grows.
    SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.setPrettyPrinter(new DefaultPrettyPrinter());
      value(generator, schema);
      generator.writeRaw('\n');
      generator.close();
      return out.getAndClear();
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("the schema model cannot be written as JSON", e);
    }
  }

  private static void value(JsonGenerator generator, Object value)
      throws IOException, ReflectiveOperationException {
    if (value instanceof Record record) {
      generator.writeStartObject();
      for (RecordComponent component : COMPONENTS.get(record.getClass())) {
        Object property = component.getAccessor().invoke(record);
        if (property != null) {
          generator.writeFieldName(component.getName());
          value(generator, property);
        }
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        value(generator, element);
      }
      generator.writeEndArray();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Integer number) {
      generator.writeNumber(number);
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else if (value instanceof Enum<?> constant) {
      generator.writeString(constant.name());
    } else if (value == null) {
      generator.writeNull();
    } else {
      throw new IllegalStateException("no JSON form for " + value.getClass().getName() + " in the schema model");
    }
  }

  public static Schema read(String json) {
    try {
      return checked(Mapper.INSTANCE.readValue(json, Schema.class));
    } catch (JsonProcessingException e) {
      throw refused(e);
    }
  }

  public static Schema read(InputStream json) {
    try {
      return checked(Mapper.INSTANCE.readValue(json, Schema.class));
    } catch (JsonProcessingException e) {
      throw refused(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The field at fault as a JSON path ({@code tables[0].columns[2].name}), with Jackson's reason. */
  private static IllegalArgumentException refused(JsonProcessingException e) {
    StringBuilder field = new StringBuilder();
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          field.append('[').append(reference.getIndex()).append(']');
        }
      }
    }
    String reason = e.getOriginalMessage().lines().findFirst().orElse("");
    String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    return new IllegalArgumentException("not a Rowguard schema.json: "
        + (field.length() == 0 ? "" : "field " + field + ": ") + reason + at, e);
  }

  private static Schema checked(Schema schema) {
    for (int i = 0; i < schema.tables().size(); i++) {
      Table table = schema.tables().get(i);
      if (table == null || table.name() == null || table.name().name() == null) {
        throw new IllegalArgumentException("not a Rowguard schema.json: field tables[" + i + "].name: every table"
            + " needs a name (`{\"schema\": \"app\", \"name\": \"asset\"}`)");
      }
      // Without keys a tenanted table would need no tenant filter at all: refused rather than read as empty.
      if (table.tenanted() && table.tenancy().keys().isEmpty()) {
        throw new IllegalArgumentException("not a Rowguard schema.json: field tables[" + i + "].tenancy.keys: a"
            + " tenanted table needs at least one tenant key; leave `tenancy` out for a shared table");
      }
    }
    if (schema.formatVersion() != Schema.FORMAT_VERSION) {
      throw new IllegalArgumentException("schema.json format version " + schema.formatVersion()
          + " is not supported by this Rowguard (it reads version " + Schema.FORMAT_VERSION
          + "); use the same Rowguard version to build and to read");
    }
    return schema;
  }
}
