package dev.rowguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Scope.LookupKind;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.util.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of the compilation's own classes that override a method, so that a call through an interface or a
 * base class ({@code Db db; db.query(sql)}) is checked when an implementation in the compilation is a wrapper.
 * Indexed once per compilation, on first use, from the classes javac entered from source; only methods with a
 * {@code String} parameter, since only those can be wrappers.
 */
final class Overriders {
  private static final Context.Key<Overriders> KEY = new Context.Key<>();

  private final Map<MethodSymbol, List<MethodSymbol>> byOverridden = new HashMap<>();

  private Overriders() {}

  static Overriders of(VisitorState state) {
    Overriders cached = state.context.get(KEY);
    if (cached == null) {
      cached = new Overriders();
      cached.index(state);
      state.context.put(KEY, cached);
    }
    return cached;
  }

  /** Whether a call of {@code method} may run another class's body: an instance method that can be overridden. */
  static boolean overridable(MethodSymbol method) {
    return !method.isStatic()
        && !method.isConstructor()
        && (method.flags() & (Flags.PRIVATE | Flags.FINAL)) == 0
        && (method.owner.flags() & Flags.FINAL) == 0;
  }

  /** The source methods that override {@code method}, directly or further down. */
  List<MethodSymbol> of(MethodSymbol method) {
    return byOverridden.getOrDefault(method, List.of());
  }

  private void index(VisitorState state) {
    for (Env<AttrContext> env : Enter.instance(state.context).getEnvs()) {
      ClassSymbol type = env.enclClass == null ? null : env.enclClass.sym;
      if (type == null) {
        continue;
      }
      for (Symbol member : type.members().getSymbols(LookupKind.NON_RECURSIVE)) {
        if (member instanceof MethodSymbol method && !method.isStatic() && !method.isConstructor()
            && hasStringParameter(method, state)) {
          for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
            byOverridden.computeIfAbsent(overridden, m -> new ArrayList<>()).add(method);
          }
        }
      }
    }
  }

  private static boolean hasStringParameter(MethodSymbol method, VisitorState state) {
    return method.getParameters().stream()
        .anyMatch(p -> ASTHelpers.isSameType(p.asType(), state.getSymtab().stringType, state));
  }
}
