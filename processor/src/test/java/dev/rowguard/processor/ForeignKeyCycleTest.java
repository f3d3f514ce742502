package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A foreign-key cycle is broken at one reference on the cycle, never at a table that only depends on it. */
@ExtendWith(PostgresExtension.class)
class ForeignKeyCycleTest {
  private static final Pattern DEFERRED = Pattern.compile("(?m)^ALTER TABLE (\\S+) ADD CONSTRAINT (\\S+) FOREIGN KEY");

  /** {@code name} references each of {@code targets} through a nullable many-to-one. */
  private static JavaFileObject entity(String name, String... targets) {
    StringBuilder fields = new StringBuilder();
    for (String target : targets) {
      fields.append("@ManyToOne private ").append(target).append(' ').append(target.toLowerCase()).append(';');
    }
    return Compilations.source(name, "@Entity public class " + name + " { @Id private UUID id; " + fields + " }");
  }

  private static List<String> deferred(Compilation compilation) {
    assertThat(compilation).succeeded();
    Matcher matcher = DEFERRED.matcher(Compilations.schemaSql(compilation));
    List<String> constraints = new ArrayList<>();
    while (matcher.find()) {
      constraints.add(matcher.group(2));
    }
    return constraints;
  }

  @Test
  void oneCycleDefersOneForeignKeyEvenWhenATableThatDependsOnItComesFirstByName(Database database) {
    // Aardvark only depends on the cycle Delta -> Echo -> Foxtrot -> Delta; creating it first would defer its
    // reference too, and still leave the cycle to break.
    Compilation compilation = Compilations.compile(
        entity("Aardvark", "Delta"), entity("Delta", "Echo"), entity("Echo", "Foxtrot"), entity("Foxtrot", "Delta"));

    assertThat(deferred(compilation)).containsExactly("fk_delta_echo_id");
    database.executeScript(Compilations.schemaSql(compilation));
  }

  @Test
  void twoDisjointCyclesDeferOneForeignKeyEach(Database database) {
    Compilation compilation = Compilations.compile(
        entity("Alpha", "Bravo"), entity("Bravo", "Alpha"), entity("Apple", "Kiwi"),
        entity("Kiwi", "Lemon"), entity("Lemon", "Mango"), entity("Mango", "Kiwi"));

    assertThat(deferred(compilation)).hasSize(2);
    database.executeScript(Compilations.schemaSql(compilation));
  }
}
