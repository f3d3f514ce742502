package dev.rowguard.processor.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The methods a class implementing a repository interface must implement, shared by the repository readers. */
final class InterfaceMethods {
  /** BasicRepository's and CrudRepository's methods as their sources declare them. */
  private static final List<String> JAKARTA_DATA_ORDER = List.of("save", "saveAll", "findById", "findAll",
      "deleteById", "delete", "deleteAll", "insert", "insertAll", "update", "updateAll");

  private InterfaceMethods() {}

  /** Abstract methods, the interface's own first, then inherited ones that nothing overrides. */
  static List<ExecutableElement> abstractMethods(TypeElement repository, Elements elements, Types types) {
    List<ExecutableElement> methods = new ArrayList<>();
    Deque<TypeElement> pending = new ArrayDeque<>(List.of(repository));
    Set<TypeElement> seen = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      TypeElement type = pending.removeFirst();
      if (!seen.add(type)) {
        continue;
      }
      for (ExecutableElement method : inOrder(type)) {
        if (method.getModifiers().contains(Modifier.ABSTRACT)
            && methods.stream().noneMatch(m -> elements.overrides(m, method, repository))) {
          methods.add(method);
        }
      }
      for (TypeMirror supertype : type.getInterfaces()) {
        pending.addLast((TypeElement) types.asElement(supertype));
      }
    }
    return methods;
  }

  /**
   * The methods a type declares, in declaration order. A compiler reads Jakarta Data's interfaces from class
   * files, where that order is not kept alike (javac keeps the class file's, ECJ sorts by name), so their methods
   * are put in the order of Jakarta Data's sources, overloads by their number of parameters, and methods a later
   * version adds after them, by name: both compilers then generate the same source.
   */
  private static List<ExecutableElement> inOrder(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>(ElementFilter.methodsIn(type.getEnclosedElements()));
    if (!methods.isEmpty() && InheritedParameters.declaredByJakartaData(methods.get(0))) {
      methods.sort(Comparator.<ExecutableElement>comparingInt(m -> position(m.getSimpleName().toString()))
          .thenComparing(m -> m.getSimpleName().toString())
          .thenComparingInt(m -> m.getParameters().size())
          .thenComparing(m -> m.getParameters().stream().map(p -> p.asType().toString()).toList().toString()));
    }
    return methods;
  }

  private static int position(String method) {
    int index = JAKARTA_DATA_ORDER.indexOf(method);
    return index < 0 ? JAKARTA_DATA_ORDER.size() : index;
  }
}
