package dev.rowguard.errorprone;

import com.google.errorprone.ErrorProneFlags;
import java.net.URL;

/**
 * Where each check's page lives, for the link at the end of its messages. The pages ({@code docs/checks/<Check>.md}
 * in Rowguard's repository) ship inside the checks' jar, so by default the link is that page in the jar the
 * build runs (a {@code jar:file:…!/…} URL, the same version as the check). {@code
 * -XepOpt:Rowguard:DocsUrl=https://…/} points every check at a site of the team's choosing instead.
 */
final class Docs {
  /** Repository-relative, for {@code @BugPattern(link)}; {@link #url} gives what users can open. */
  static final String CHECKS = "docs/checks/";
  /** {@code -XepOpt:Rowguard:DocsUrl=<base>}: the base URL of the pages, {@code <base><Check>.md}. */
  static final String DOCS_URL_FLAG = "Rowguard:DocsUrl";
  private static final String IN_JAR = "/META-INF/rowguard/" + CHECKS;

  private Docs() {}

  /** The page of {@code check}: under the configured base URL, else inside this jar. */
  static String url(ErrorProneFlags flags, String check) {
    String page = check + ".md";
    String base = flags.get(DOCS_URL_FLAG).map(String::strip).orElse("");
    if (!base.isEmpty()) {
      return base.endsWith("/") ? base + page : base + "/" + page;
    }
    URL shipped = Docs.class.getResource(IN_JAR + page);
    return shipped != null ? shipped.toString() : CHECKS + page;
  }
}
