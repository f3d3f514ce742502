package dev.rowguard.errorprone;

import com.google.common.collect.ImmutableList;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.query.TenantFilterAnalyzer;
import com.sun.tools.javac.util.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The schema models visible to one compilation, read once and kept in the compilation's javac {@link
 * Context} (never in static state, so one JVM can run many compilations): {@code META-INF/rowguard/schema.json}
 * in the class output (written by the annotation processor earlier in the same compilation), in every
 * classpath entry that has one, and in the files named by {@code -XepOpt:UnfilteredTenantQuery:SchemaJson}.
 *
 * @param analyzer the analyzer over the union of all tables found
 * @param sources where the models were read from, for messages
 * @param errors files that could not be read; a non-empty list means tenant filters cannot be trusted
 */
record TenantSchemas(TenantFilterAnalyzer analyzer, ImmutableList<String> sources, ImmutableList<String> errors) {
  private static final Context.Key<TenantSchemas> KEY = new Context.Key<>();
  private static final String RESOURCE_PACKAGE = "META-INF.rowguard";
  private static final String RESOURCE_NAME = "schema.json";

  /** The models of the compilation that {@code context} belongs to, read on first use. */
  static TenantSchemas of(Context context, List<String> extraFiles) {
    TenantSchemas cached = context.get(KEY);
    if (cached == null) {
      cached = load(context.get(JavaFileManager.class), extraFiles);
      context.put(KEY, cached);
    }
    return cached;
  }

  private static TenantSchemas load(JavaFileManager files, List<String> extraFiles) {
    Set<URI> seen = new LinkedHashSet<>();
    List<Table> tables = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    if (files != null) {
      if (files.hasLocation(StandardLocation.CLASS_OUTPUT)) {
        try {
          FileObject output = files.getFileForInput(StandardLocation.CLASS_OUTPUT, "", SchemaJson.RESOURCE);
          if (output != null) {
            read(output.toUri(), output::openInputStream, seen, tables, errors);
          }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
          // No schema.json written in this compilation.
        }
      }
      if (files.hasLocation(StandardLocation.CLASS_PATH)) {
        try {
          for (JavaFileObject file :
              files.list(StandardLocation.CLASS_PATH, RESOURCE_PACKAGE, EnumSet.of(JavaFileObject.Kind.OTHER), false)) {
            if (file.toUri().toString().endsWith("/" + RESOURCE_NAME)) {
              read(file.toUri(), file::openInputStream, seen, tables, errors);
            }
          }
        } catch (IOException e) {
          errors.add("the classpath: " + e.getMessage());
        }
      }
    }
    for (String extra : extraFiles) {
      Path path = Path.of(extra);
      read(path.toUri(), () -> Files.newInputStream(path), seen, tables, errors);
    }
    return new TenantSchemas(
        TenantFilterAnalyzer.of(tables),
        seen.stream().map(URI::toString).collect(ImmutableList.toImmutableList()),
        ImmutableList.copyOf(errors));
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  private static void read(URI uri, Opener opener, Set<URI> seen, List<Table> tables, List<String> errors) {
    if (!seen.add(uri.normalize())) {
      return;
    }
    try (InputStream in = opener.open()) {
      Schema schema = SchemaJson.read(in);
      tables.addAll(schema.tables());
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      errors.add(uri + ": " + e.getMessage());
    }
  }
}
