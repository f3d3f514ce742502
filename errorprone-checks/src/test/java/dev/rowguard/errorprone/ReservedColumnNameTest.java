package dev.rowguard.errorprone;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class ReservedColumnNameTest {
  private static final String[][] JPA = {
    {"jakarta/persistence/Entity.java", "package jakarta.persistence;",
        "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)",
        "public @interface Entity { String name() default \"\"; }"},
    {"jakarta/persistence/Table.java", "package jakarta.persistence;",
        "public @interface Table { String name() default \"\"; String schema() default \"\"; }"},
    {"jakarta/persistence/Column.java", "package jakarta.persistence;",
        "@java.lang.annotation.Target({java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.METHOD})",
        "public @interface Column { String name() default \"\"; boolean nullable() default true; }"},
    {"jakarta/persistence/Transient.java", "package jakarta.persistence;",
        "public @interface Transient {}"},
    {"jakarta/persistence/ManyToOne.java", "package jakarta.persistence;",
        "public @interface ManyToOne {}"},
  };

  private static CompilationTestHelper compilation() {
    CompilationTestHelper helper = CompilationTestHelper.newInstance(ReservedColumnName.class, ReservedColumnNameTest.class);
    for (String[] source : JPA) {
      helper.addSourceLines(source[0], Arrays.copyOfRange(source, 1, source.length));
    }
    return helper;
  }

  @Test
  void identification() {
    compilation()
        .addSourceLines(
            "PurchaseOrder.java",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.ManyToOne;",
            "import jakarta.persistence.Transient;",
            "",
            "@Entity",
            "class PurchaseOrder {",
            "  // BUG: Diagnostic contains: Column 'order' of entity PurchaseOrder: 'order' is a reserved keyword",
            "  int order;",
            "  // BUG: Diagnostic contains: e.g. @Column(name = \"purchase_order_user\")",
            "  String user;",
            "  // BUG: Diagnostic contains: 'metadata' is reserved by ORMs",
            "  String metadata;",
            "  // BUG: Diagnostic contains: Column 'check'",
            "  @Column(name = \"check\") String checkValue;",
            "  // BUG: Diagnostic contains: type or function-name keyword",
            "  String authorization;",
            "  // BUG: Diagnostic contains: bytes long",
            "  String aVeryLongFieldNameThatWillBeTurnedIntoASnakeCaseColumnNameOverSixtyThreeBytes;",
            "",
            "  // Unreserved keywords are legal column names.",
            "  String name;",
            "  String type;",
            "  String value;",
            "  String key;",
            "  @Column(name = \"order_number\") int order2;",
            "  static final String DEFAULT = \"x\";",
            "  static String group;",
            "  transient String select;",
            "  @Transient String table;",
            "  @ManyToOne Object owner;",
            "}")
        .addSourceLines(
            "Grant.java",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Table;",
            "",
            "@Entity",
            "@Table(name = \"access_grant\")",
            "record Grant(",
            "    long id,",
            "    // BUG: Diagnostic contains: e.g. @Column(name = \"access_grant_limit\")",
            "    int limit,",
            "    @Column(name = \"grantee\") String user) {}")
        .addSourceLines(
            "NotAnEntity.java",
            "class NotAnEntity {",
            "  int order;",
            "  String user;",
            "}")
        .doTest();
  }

  @Test
  void replacement() {
    BugCheckerRefactoringTestHelper helper =
        Refactoring.of(ReservedColumnName.class, getClass());
    for (String[] source : JPA) {
      helper.addInputLines(source[0], Arrays.copyOfRange(source, 1, source.length)).expectUnchanged();
    }
    helper
        .addInputLines(
            "PurchaseOrder.java",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "",
            "@Entity",
            "class PurchaseOrder {",
            "  int order;",
            "  @Column(nullable = false) String user;",
            "  @Column(name = \"check\") String checkValue;",
            "}")
        .addOutputLines(
            "PurchaseOrder.java",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "",
            "@Entity",
            "class PurchaseOrder {",
            "  @Column(name = \"purchase_order_order\") int order;",
            "  @Column(name = \"purchase_order_user\", nullable = false) String user;",
            "  @Column(name = \"purchase_order_check\") String checkValue;",
            "}")
        .addInputLines(
            "Grant.java",
            "import jakarta.persistence.Entity;",
            "",
            "@Entity",
            "record Grant(long id, int limit) {}")
        .addOutputLines(
            "Grant.java",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "",
            "@Entity",
            "record Grant(long id, @Column(name = \"grant_limit\") int limit) {}")
        .doTest(TEXT_MATCH);
  }
}
