package dev.rowguard.sample;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;

/** What Rowguard's processor generated for the sample's entities, read from the classpath as the app reads it. */
final class GeneratedSchema {
  private GeneratedSchema() {}

  static Schema model() {
    return SchemaJson.read(SampleApp.resource(SchemaJson.RESOURCE));
  }

  static String script() {
    return SampleApp.resource(SampleApp.SCHEMA_SQL);
  }
}
