package dev.rowguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.rowguard.schema.sql.Identifiers;
import dev.rowguard.schema.sql.NameProblem;
import java.util.Optional;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * Reports an entity field whose column name is a PostgreSQL reserved keyword, an ORM-reserved name or longer
 * than 63 bytes, using the same rules as the annotation processor ({@link NameProblem}).
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Give the column a name that PostgreSQL and ORMs do not reserve",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.CHECKS + "ReservedColumnName.md")
public final class ReservedColumnName extends BugChecker implements VariableTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final String linkUrl;

  /** Instantiates a {@link ReservedColumnName} check that links to the page in its jar. */
  public ReservedColumnName() {
    this(ErrorProneFlags.empty());
  }

  /** Instantiates a {@link ReservedColumnName} check; {@code -XepOpt:Rowguard:DocsUrl} sets where its page is. */
  @Inject
  ReservedColumnName(ErrorProneFlags flags) {
    this.linkUrl = Docs.url(flags, "ReservedColumnName");
  }

  private static final ImmutableList<String> PERSISTENCE_PACKAGES =
      ImmutableList.of("jakarta.persistence.", "javax.persistence.");
  /** Fields that map to no column of the entity's own table, or to a join column named elsewhere. */
  private static final ImmutableSet<String> NOT_A_COLUMN =
      ImmutableSet.of(
          "Transient", "OneToMany", "ManyToMany", "ManyToOne", "OneToOne", "ElementCollection", "Embedded",
          "EmbeddedId");

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    VarSymbol field = ASTHelpers.getSymbol(tree);
    if (field == null
        || field.getKind() != ElementKind.FIELD
        || field.getModifiers().contains(Modifier.STATIC)
        || field.getModifiers().contains(Modifier.TRANSIENT)) {
      return Description.NO_MATCH;
    }
    ClassSymbol entity = ASTHelpers.enclosingClass(field);
    Optional<String> entityPackage = persistencePackage(entity, "Entity");
    if (entity == null || entityPackage.isEmpty()) {
      return Description.NO_MATCH;
    }
    for (String annotation : NOT_A_COLUMN) {
      if (persistencePackage(field, annotation).isPresent()) {
        return Description.NO_MATCH;
      }
    }
    String column = explicitName(field, "Column").orElseGet(() -> Identifiers.snakeCase(field.getSimpleName().toString()));
    Optional<NameProblem> problem = NameProblem.of(column);
    if (problem.isEmpty()) {
      return Description.NO_MATCH;
    }
    String table = explicitName(entity, "Table").orElseGet(() -> Identifiers.snakeCase(entity.getSimpleName().toString()));
    String suggestion = NameProblem.suggestColumnName(table, column);
    Description.Builder description =
        buildDescription(tree)
            .setMessage("Column '" + column + "' of entity " + entity.getSimpleName() + ": "
                + problem.get().reason() + "; name it differently, e.g. @Column(name = \"" + suggestion + "\")");
    if (NameProblem.of(suggestion).isEmpty()) {
      description.addFix(rename(tree, suggestion, entityPackage.get(), state));
    }
    return description.build();
  }

  private static SuggestedFix rename(VariableTree tree, String suggestion, String persistence, VisitorState state) {
    String literal = "\"" + suggestion + "\"";
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      Symbol type = ASTHelpers.getSymbol(annotation.getAnnotationType());
      if (type != null && type.getQualifiedName().contentEquals(persistence + "Column")) {
        return SuggestedFixes.updateAnnotationArgumentValues(annotation, state, "name", ImmutableList.of(literal))
            .build();
      }
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String column = SuggestedFixes.qualifyType(state, fix, persistence + "Column");
    return fix.prefixWith(tree, "@" + column + "(name = " + literal + ") ").build();
  }

  /** {@code jakarta.persistence.} or {@code javax.persistence.} when the symbol has that annotation. */
  private static Optional<String> persistencePackage(Symbol symbol, String simpleName) {
    if (symbol == null) {
      return Optional.empty();
    }
    for (String prefix : PERSISTENCE_PACKAGES) {
      if (SanctionedCode.annotationStrings(symbol, prefix + simpleName, "name").isPresent()) {
        return Optional.of(prefix);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> explicitName(Symbol symbol, String annotation) {
    for (String prefix : PERSISTENCE_PACKAGES) {
      Optional<ImmutableList<String>> names = SanctionedCode.annotationStrings(symbol, prefix + annotation, "name");
      if (names.isPresent() && !names.get().isEmpty() && !names.get().get(0).isEmpty()) {
        return Optional.of(names.get().get(0));
      }
    }
    return Optional.empty();
  }

  @Override
  public String linkUrl() {
    return linkUrl;
  }
}
