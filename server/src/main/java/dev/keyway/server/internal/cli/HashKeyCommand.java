package dev.keyway.server.internal.cli;

import dev.keyway.server.internal.auth.CallerKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "hash-key",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the hash of a caller key, for callers.<id>.key.",
      "",
      "The key is read from standard input, never from an argument (which would land in the"
          + " shell history). With --new, makes a new random key and prints it with its hash."
    })
final class HashKeyCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Option(names = "--new", description = "Make a new random key (kw_...) and print it too.")
  boolean generate;

  HashKeyCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = terminal.out();
    if (generate) {
      String key = CallerKeys.newKey();
      out.println("key:  " + key);
      out.println("hash: " + CallerKeys.hash(key));
      out.println();
      out.println(
          "Give the key to the caller now: Keyway keeps only the hash, in callers.<id>.key.");
    } else {
      String line = terminal.in().readLine();
      if (line == null || line.isBlank()) {
        throw new UsageProblem(
            "give the key on standard input, e.g. printf %s \"$KEY\" | keyway hash-key");
      }
      out.println(CallerKeys.hash(line.strip()));
    }
    out.flush();
    return 0;
  }
}
