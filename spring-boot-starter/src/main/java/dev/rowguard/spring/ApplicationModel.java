package dev.rowguard.spring;

import dev.rowguard.runtime.verify.Model;
import dev.rowguard.runtime.verify.ModelJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The model the application was built with ({@value #RESOURCE}, read by the runtime's reader), if the class path
 * has one: the source of the tenant keys, the role check's tables and the schema verification.
 */
final class ApplicationModel {
  static final String RESOURCE = ModelJson.RESOURCE;

  private final Model model;

  private ApplicationModel(Model model) {
    this.model = model;
  }

  static ApplicationModel read(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      return new ApplicationModel(in == null ? null : ModelJson.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from the class path", e);
    }
  }

  Optional<Model> model() {
    return Optional.ofNullable(model);
  }

  /** The model's tenancy, when it has tenanted tables. */
  Optional<ModelTenancy> tenancy() {
    return model().map(ModelTenancy::new).filter(ModelTenancy::tenanted);
  }
}
