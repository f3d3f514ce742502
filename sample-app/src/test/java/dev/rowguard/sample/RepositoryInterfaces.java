package dev.rowguard.sample;

import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The sample's repository interfaces, found on the classpath rather than listed, so that a new repository or
 * method cannot be left out of the isolation tests by accident.
 */
final class RepositoryInterfaces {
  static final String PACKAGE = "dev.rowguard.sample.data";

  private RepositoryInterfaces() {}

  /** Every {@code @Repository} interface of {@link #PACKAGE}, by simple name. */
  static List<Class<?>> all() {
    URL directory = RepositoryInterfaces.class.getClassLoader().getResource(PACKAGE.replace('.', '/'));
    if (directory == null || !directory.getProtocol().equals("file")) {
      throw new IllegalStateException(PACKAGE + " is not a directory on the classpath: " + directory);
    }
    try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".class") && !name.contains("-") && !name.contains("$"))
          .<Class<?>>map(name -> load(PACKAGE + "." + name.substring(0, name.length() - ".class".length())))
          .filter(type -> type.isInterface() && type.isAnnotationPresent(Repository.class))
          .sorted(Comparator.comparing(Class::getSimpleName))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The abstract methods, inherited ones included: each is implemented by generated code. */
  static List<Method> methods(Class<?> repository) {
    return Arrays.stream(repository.getMethods())
        .filter(method -> !method.isDefault() && !Modifier.isStatic(method.getModifiers()))
        .sorted(Comparator.comparing(RepositoryInterfaces::signature))
        .toList();
  }

  /** {@code findByHostname(String)}: the name and erased parameter types, as the method is declared. */
  static String signature(Method method) {
    return method.getName() + Arrays.stream(method.getParameterTypes())
        .map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** The processor's implementation, {@code <Interface>Jdbc}, on {@code dataSource}. */
  static Object implementation(Class<?> repository, DataSource dataSource) {
    try {
      return load(repository.getName() + "Jdbc").getConstructor(DataSource.class).newInstance(dataSource);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no generated implementation of " + repository.getName(), e);
    }
  }

  /** The entity type {@code E} of a repository extending {@code DataRepository<E, K>}. */
  static Class<?> entity(Class<?> repository) {
    for (Type type : repository.getGenericInterfaces()) {
      if (type instanceof ParameterizedType parameterized
          && parameterized.getRawType() instanceof Class<?> raw
          && DataRepository.class.isAssignableFrom(raw)
          && parameterized.getActualTypeArguments()[0] instanceof Class<?> entity) {
        return entity;
      }
    }
    throw new IllegalStateException(repository.getName() + " names no entity type through a DataRepository supertype");
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
