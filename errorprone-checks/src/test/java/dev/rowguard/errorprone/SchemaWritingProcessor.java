package dev.rowguard.errorprone;

import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Stands in for Rowguard's annotation processor: writes a schema.json with the tenanted table {@code
 * billing.invoice} to the class output in the first round, as the real processor does before Error Prone runs.
 */
public final class SchemaWritingProcessor extends AbstractProcessor {
  private boolean written;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (written) {
      return false;
    }
    written = true;
    Table invoice = new Table(
        new QualifiedName("billing", "invoice"), "com.example.Invoice", null,
        new Tenancy(List.of(new TenantKeyColumn("tenant_id", "rowguard.tenant_id", "uuid", null))),
        List.of(), new Key(null, List.of("id")), List.of(), List.of(), List.of(), List.of());
    try (Writer out = processingEnv.getFiler()
        .createResource(StandardLocation.CLASS_OUTPUT, "", SchemaJson.RESOURCE)
        .openWriter()) {
      out.write(SchemaJson.write(Schema.of(List.of(invoice))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}
