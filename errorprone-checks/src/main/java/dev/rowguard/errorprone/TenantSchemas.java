package dev.rowguard.errorprone;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.query.NativeQueryAnalyzer;
import dev.rowguard.schema.query.TenantFilterAnalyzer;
import dev.rowguard.schema.query.TenantFilterReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The schema models visible to one compilation, read once and kept in the compilation's javac {@link
 * Context} (never in static state, so one JVM can run many compilations): {@code META-INF/rowguard/schema.json}
 * in the class output (written by the annotation processor earlier in the same compilation), in every
 * classpath entry that has one, and in the files named by {@code -XepOpt:UnfilteredTenantQuery:SchemaJson}.
 *
 * <p>The class output is looked up three ways, because javac's file manager finds nothing through {@code
 * getFileForInput(CLASS_OUTPUT, …)} when {@code -d} is a relative path: through that call, through the file
 * manager's output paths made absolute, and through the {@code -d} option itself.
 *
 * @param analyzer the analyzer over the union of all tables found, for SQL at database APIs
 * @param nativeQueries the {@code @SqlQuery} analysis over the same tables
 * @param sources where the models were read from, for messages; empty when no model was found
 * @param errors files that could not be read; a non-empty list means tenant filters cannot be trusted
 * @param warnedMissing whether the compilation was already told that no model was found (said once)
 * @param reportedErrors whether the compilation was already told that a model could not be read (said once)
 * @param reports each distinct SQL string's report, so a statement repeated across the compilation is parsed
 *     once (the analysis depends only on the text and the models, both fixed for the compilation)
 */
record TenantSchemas(
    TenantFilterAnalyzer analyzer,
    NativeQueryAnalyzer nativeQueries,
    ImmutableList<String> sources,
    ImmutableList<String> errors,
    AtomicBoolean warnedMissing,
    AtomicBoolean reportedErrors,
    Map<String, TenantFilterReport> reports) {
  private static final Context.Key<TenantSchemas> KEY = new Context.Key<>();
  private static final String RESOURCE_PACKAGE = "META-INF.rowguard";
  private static final String RESOURCE_NAME = "schema.json";

  /** The models of the compilation that {@code context} belongs to, read on first use. */
  static TenantSchemas of(Context context, List<String> extraFiles) {
    TenantSchemas cached = context.get(KEY);
    if (cached == null) {
      Options options = Options.instance(context);
      cached = load(context.get(JavaFileManager.class), options == null ? null : options.get("-d"), extraFiles);
      context.put(KEY, cached);
    }
    return cached;
  }

  /** The analyzer's report on {@code sql}, computed once per distinct string in the compilation. */
  TenantFilterReport analyze(String sql) {
    return reports.computeIfAbsent(sql, analyzer::analyze);
  }

  /** Whether any model was found: without one, tenant filters cannot be checked at all. */
  boolean found() {
    return !sources.isEmpty();
  }

  static TenantSchemas load(JavaFileManager files, String outputOption, List<String> extraFiles) {
    Set<URI> seen = new LinkedHashSet<>();
    List<Table> tables = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    if (files != null) {
      classOutput(files, outputOption, seen, tables, errors);
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
      Path path = Path.of(extra).toAbsolutePath();
      read(path.toUri(), () -> Files.newInputStream(path), seen, tables, errors);
    }
    Schema schema = Schema.of(tables);
    return new TenantSchemas(
        TenantFilterAnalyzer.of(tables),
        NativeQueryAnalyzer.of(schema),
        seen.stream().map(URI::toString).collect(ImmutableList.toImmutableList()),
        ImmutableList.copyOf(errors),
        new AtomicBoolean(),
        new AtomicBoolean(),
        new HashMap<>());
  }

  private static void classOutput(
      JavaFileManager files, String outputOption, Set<URI> seen, List<Table> tables, List<String> errors) {
    if (files.hasLocation(StandardLocation.CLASS_OUTPUT)) {
      try {
        FileObject output = files.getFileForInput(StandardLocation.CLASS_OUTPUT, "", SchemaJson.RESOURCE);
        if (output != null) {
          read(output.toUri(), output::openInputStream, seen, tables, errors);
        }
      } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
        // Not there, or not reachable this way: the paths below are tried next.
      }
    }
    List<Path> directories = new ArrayList<>();
    if (files instanceof StandardJavaFileManager standard) {
      try {
        Iterable<? extends Path> paths = standard.getLocationAsPaths(StandardLocation.CLASS_OUTPUT);
        if (paths != null) {
          paths.forEach(directories::add);
        }
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // A location that is not a set of paths (in memory): the -d option is tried next.
      }
    }
    if (outputOption != null && !outputOption.isBlank()) {
      directories.add(Path.of(outputOption));
    }
    for (Path directory : directories) {
      Path file = directory.toAbsolutePath().normalize().resolve(SchemaJson.RESOURCE);
      if (Files.isRegularFile(file)) {
        read(file.toUri(), () -> Files.newInputStream(file), seen, tables, errors);
      }
    }
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  private static void read(URI uri, Opener opener, Set<URI> seen, List<Table> tables, List<String> errors) {
    if (!seen.add(canonical(uri))) {
      return;
    }
    try (InputStream in = opener.open()) {
      Schema schema = SchemaJson.read(in);
      tables.addAll(schema.tables());
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      errors.add(uri + ": " + e.getMessage());
    }
  }

  /** The same file reached by a relative and an absolute path is read once. */
  private static URI canonical(URI uri) {
    if ("file".equals(uri.getScheme())) {
      try {
        return Path.of(uri).toAbsolutePath().normalize().toUri();
      } catch (IllegalArgumentException e) {
        return uri.normalize();
      }
    }
    return uri.normalize();
  }
}
