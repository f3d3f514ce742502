package dev.rowguard.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A command's options: {@code --name value} pairs, and flags. The password comes from {@code --password} or else
 * the environment variable {@value #PASSWORD_VARIABLE}, so that it need not appear in the process list.
 */
record Arguments(Map<String, String> values, Set<String> flags, Map<String, String> environment) {
  static final String PASSWORD_VARIABLE = "ROWGUARD_PASSWORD";

  /**
   * @param valued the options that take a value, without their {@code --}
   * @param flagNames the options that take none
   */
  static Arguments parse(List<String> args, Set<String> valued, Set<String> flagNames, Map<String, String> environment,
      String command) throws CliException {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> flags = new TreeSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      String inline = null;
      if (name != null && name.contains("=")) {
        inline = name.substring(name.indexOf('=') + 1);
        name = name.substring(0, name.indexOf('='));
      }
      if (name != null && flagNames.contains(name) && inline == null) {
        flags.add(name);
      } else if (name != null && valued.contains(name)) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new CliException("option --" + name + " of " + command + " needs a value");
          }
          value = args.get(++i);
        }
        if (values.put(name, value) != null) {
          throw new CliException("option --" + name + " is given twice");
        }
      } else {
        throw new CliException("unknown option " + arg + " for " + command + "; run " + command + " --help");
      }
    }
    return new Arguments(values, flags, environment);
  }

  /** Refuses the command before it reads or connects when one of {@code names} is missing. */
  void requireAll(String... names) throws CliException {
    for (String name : names) {
      required(name);
    }
  }

  String required(String name) throws CliException {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new CliException("missing --" + name + "; run the command with --help for its options");
    }
    return value;
  }

  String optional(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /** {@code --password}, else {@value #PASSWORD_VARIABLE}, else none (a trusted or peer login). */
  String password() {
    String given = values.get("password");
    return given != null ? given : environment.get(PASSWORD_VARIABLE);
  }

  Path path(String name) throws CliException {
    return Path.of(required(name));
  }
}
