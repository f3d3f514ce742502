package dev.rowguard.processor.read;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The Javadoc of source elements. javac's {@code Elements.getDocComment} finds a field's tree by scanning its
 * class's tree, once per field; here a class's fields are read in one scan, through javac's {@link Trees}. Where
 * there are no javac trees (ECJ), {@code Elements.getDocComment} answers.
 */
final class SourceDocs {
  private final Trees trees;
  private final Elements elements;
  private final Map<TypeElement, Optional<Map<String, String>>> fieldDocs = new HashMap<>();

  private SourceDocs(Trees trees, Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  static Function<Element, String> of(ProcessingEnvironment environment) {
    try {
      return new SourceDocs(Trees.instance(environment), environment.getElementUtils())::docComment;
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return environment.getElementUtils()::getDocComment;
    }
  }

  private String docComment(Element element) {
    if (element.getKind() == ElementKind.FIELD && element.getEnclosingElement() instanceof TypeElement type) {
      Optional<Map<String, String>> docs = fieldDocs.computeIfAbsent(type, this::scan);
      if (docs.isPresent()) {
        return docs.get().get(element.getSimpleName().toString());
      }
    }
    return elements.getDocComment(element);
  }

  private Optional<Map<String, String>> scan(TypeElement type) {
    TreePath path = trees.getPath(type);
    if (path == null || !(path.getLeaf() instanceof ClassTree declaration)) {
      return Optional.empty();
    }
    Map<String, String> docs = new HashMap<>();
    for (Tree member : declaration.getMembers()) {
      if (member instanceof VariableTree field) {
        String doc = trees.getDocComment(new TreePath(path, member));
        if (doc != null) {
          docs.put(field.getName().toString(), doc);
        }
      }
    }
    return Optional.of(docs);
  }
}
