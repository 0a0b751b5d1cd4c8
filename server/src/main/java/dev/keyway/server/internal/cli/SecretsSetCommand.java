package dev.keyway.server.internal.cli;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.SecretStore;
import java.io.Console;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Stores the value of secret NAME, read from standard input: typed without echo on a"
          + " terminal, or piped (read whole; one trailing newline is dropped).",
      "Never give the value as an argument: it would stay in the shell history.",
      "",
      "  printf %s \"$STRIPE_KEY\" | keyway secrets set stripe.live --env live -c keyway.yaml"
    })
final class SecretsSetCommand implements Callable<Integer> {

  private final Terminal terminal;

  @ArgGroup(exclusive = true, multiplicity = "1")
  StoreLocation location;

  @Parameters(index = "0", paramLabel = "NAME", description = "The name in ${secret:NAME}.")
  String name;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "dev|live",
      defaultValue = "dev",
      description = "The environment the value is for (default: ${DEFAULT-VALUE}).")
  String environment;

  // Anything more is most likely the value itself: collected so that no parser message quotes it.
  @Unmatched List<String> unmatched;

  SecretsSetCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    if (unmatched != null && !unmatched.isEmpty()) {
      throw new UsageProblem(
          "secrets set takes the value from standard input, never from an argument (it would stay"
              + " in the shell history): printf %s \"$VALUE\" | keyway secrets set NAME ...");
    }
    if (!SecretStore.isValidName(name)) {
      throw new UsageProblem(
          "NAME: use 1 to 128 letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    Environment env = StoreLocation.environment(environment, "--env");
    EncryptedFileSecretStore store = location.open(terminal.environment());
    // Look the master key up first, so a missing key is reported before a value is typed.
    String keyId = store.masterKey().id();
    Secret value = readValue(env);
    store.put(name, env, value);
    terminal
        .out()
        .println(
            "keyway: stored "
                + name
                + " ("
                + env.configName()
                + ") in "
                + store.file()
                + ", sealed under master key "
                + keyId);
    terminal.out().flush();
    return 0;
  }

  private Secret readValue(Environment env) throws IOException {
    Console console = System.console();
    String text;
    if (console != null) {
      char[] typed = console.readPassword("Value of %s (%s, not shown): ", name, env.configName());
      text = typed == null ? null : new String(typed);
      if (typed != null) {
        Arrays.fill(typed, '\0');
      }
    } else {
      text = withoutTrailingNewline(readAll(terminal.in()));
    }
    if (text == null || text.isEmpty()) {
      throw new UsageProblem(
          "no value on standard input; pipe it in: printf %s \"$VALUE\" | keyway secrets set "
              + name
              + " ...");
    }
    return Secret.of(text);
  }

  private static String readAll(Reader in) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[4096];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      text.append(buffer, 0, read);
    }
    return text.toString();
  }

  static String withoutTrailingNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }
}
