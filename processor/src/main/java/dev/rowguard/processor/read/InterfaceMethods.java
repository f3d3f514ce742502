package dev.rowguard.processor.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
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
}
