package dev.rowguard.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar rowguard-cli.jar verify|align …}: adopting Rowguard on an existing database. Exit status 0
 * when there is nothing to do (or it was done), 1 when the database differs or rows stand in the way, 2 on bad
 * usage or when the database cannot be reached.
 */
public final class RowguardCli {
  static final String HELP = """
      usage: java -jar rowguard-cli.jar <command> [options]

      Commands:
        verify  compare a live database with the schema model and print every difference
        align   write the migration that brings a hand-kept database to the model

      Run java -jar rowguard-cli.jar <command> --help for a command's options.
      """;

  private RowguardCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs one command; returns its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    String command = args.length == 0 ? "" : args[0];
    try {
      switch (command) {
        case "verify" -> {
          if (help(rest, VerifyCommand.HELP, out)) {
            return 0;
          }
          return VerifyCommand.run(Arguments.parse(rest, VerifyCommand.OPTIONS, Set.of(), environment, command), out);
        }
        case "align" -> {
          if (help(rest, AlignCommand.HELP, out)) {
            return 0;
          }
          return AlignCommand.run(Arguments.parse(rest, AlignCommand.OPTIONS, AlignCommand.FLAGS, environment,
              command), out);
        }
        case "--help", "-h", "help" -> {
          out.print(HELP);
          return 0;
        }
        default -> {
          err.println(command.isEmpty() ? "no command given" : "unknown command " + command);
          err.print(HELP);
          return 2;
        }
      }
    } catch (CliException e) {
      err.println("rowguard-cli " + command + ": " + e.getMessage());
      return 2;
    }
  }

  private static boolean help(List<String> args, String text, PrintStream out) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(text);
      return true;
    }
    return false;
  }
}
