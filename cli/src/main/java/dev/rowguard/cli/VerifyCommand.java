package dev.rowguard.cli;

import dev.rowguard.runtime.SchemaVerifier;
import dev.rowguard.runtime.verify.Model;
import dev.rowguard.runtime.verify.ModelJson;
import dev.rowguard.runtime.verify.VerificationResult;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** {@code verify}: the runtime's {@link SchemaVerifier}, run once against a database named on the command line. */
final class VerifyCommand {
  static final Set<String> OPTIONS = Set.of("url", "user", "password", "model", "app-role");

  static final String HELP = """
      usage: java -jar rowguard-cli.jar verify --url <jdbc url> --user <role> [--password <pw>]
                                               --model <jar or schema.json> [--app-role <role>]

      Compares a live database with the schema model and prints every difference: tables, columns (type, length,
      precision, nullability, default, identity), native ENUM types where the model has a CHECK, CHECK, primary,
      unique and foreign keys and indexes (names the server truncated included), row-level security, policies and
      the application role's privileges. Reads the catalog only; changes nothing.

        --url       the database, e.g. jdbc:postgresql://localhost:5432/app
        --user      the role to connect as; it needs USAGE on the model's schemas, no privilege on the tables
        --password  its password; default: the environment variable ROWGUARD_PASSWORD
        --model     the application's jar (META-INF/rowguard/schema.json inside it) or a schema.json
        --app-role  the role the schema grants to (the processor's rowguard.appRole); default rowguard_app

      Exit status: 0 the database matches the model, 1 it differs, 2 bad usage or no connection.
      """;

  private VerifyCommand() {}

  static int run(Arguments arguments, PrintStream out) throws CliException {
    arguments.requireAll("url", "user", "model");
    Model model = model(arguments);
    SchemaVerifier verifier = SchemaVerifier.of(model)
        .withAppRole(arguments.optional("app-role", SchemaVerifier.DEFAULT_APP_ROLE));
    try (Connection connection = Connections.open(arguments)) {
      VerificationResult result = verifier.check(connection);
      out.print(result.report());
      return result.matches() ? 0 : 1;
    } catch (SQLException e) {
      throw Connections.failed("reading the catalog", e);
    }
  }

  static Model model(Arguments arguments) throws CliException {
    String json = ModelFile.read(arguments.path("model"));
    try {
      return ModelJson.read(json);
    } catch (IllegalArgumentException e) {
      throw new CliException("--model " + arguments.required("model") + ": " + e.getMessage(), e);
    }
  }
}
