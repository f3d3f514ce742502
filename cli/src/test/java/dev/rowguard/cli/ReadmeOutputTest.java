package dev.rowguard.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's blocks of the command line's output ({@value #MARKER}) are what it prints on the hand-kept
 * database: each line of a block, in order, among the lines of one run; {@code ...} stands for any lines.
 */
@ExtendWith(PostgresExtension.class)
class ReadmeOutputTest {
  private static final String MARKER = "<!-- rowguard-cli output -->";
  /** The folder the README's commands name, for the run's temporary one. */
  private static final String FOLDER = "src/main/resources/db/migration";

  @Test
  void everyOutputBlockOfTheReadmeIsWhatTheCommandsPrint(Database database, @TempDir Path migrations)
      throws IOException {
    HandKeptDatabase.create(database);
    List<String> runs = new ArrayList<>();
    runs.add(Cli.run(AlignCommandTest.args(database, "verify")).out());
    String[] align = AlignCommandTest.args(database, "align", "--migrations", migrations.toString(), "--baseline");
    runs.add(Cli.run(align).out());
    database.executeScript("""
        UPDATE crm.member SET account_id = '00000000-0000-0000-0000-0000000000a2' WHERE id = 4;
        UPDATE crm.member SET role = 'viewer' WHERE id = 3;
        DELETE FROM crm.invoice WHERE id = 2;
        UPDATE crm.invoice SET issued_at = '2024-04-08 09:00:00+00' WHERE id = 3;
        ALTER TABLE crm.account DROP COLUMN legacy_code;
        DROP TABLE crm.tmp_import;
        """);
    runs.add(Cli.run(align).out().replace(migrations.toString(), FOLDER));

    List<String> lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(MARKER)) {
        assertThat(lines.get(i + 1)).isEqualTo("```");
        List<String> block = new ArrayList<>();
        for (int j = i + 2; !lines.get(j).equals("```"); j++) {
          block.add(lines.get(j));
        }
        String where = "README.md:" + (i + 1);
        assertWithMessage(where + " shows lines that no run printed in this order:\n" + String.join("\n", block)
            + "\nwhat the runs printed:\n" + String.join("\n----\n", runs))
            .that(runs.stream().anyMatch(run -> printedInOrder(run, block))).isTrue();
        blocks++;
      }
    }
    assertThat(blocks).isAtLeast(3);
  }

  private static boolean printedInOrder(String run, List<String> block) {
    List<String> printed = run.lines().map(String::stripTrailing).toList();
    int next = 0;
    for (String expected : block) {
      if (expected.strip().equals("...")) {
        continue;
      }
      int found = printed.subList(next, printed.size()).indexOf(expected.stripTrailing());
      if (found < 0) {
        return false;
      }
      next += found + 1;
    }
    return true;
  }
}
