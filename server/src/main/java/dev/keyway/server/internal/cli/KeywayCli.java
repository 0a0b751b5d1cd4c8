package dev.keyway.server.internal.cli;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.CallRejectedException;
import dev.keyway.core.KeywayException;
import dev.keyway.core.ProviderDiscoveryException;
import dev.keyway.core.UnknownCallException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParseResult;

/**
 * The {@code keyway} command line. Errors are one line (a configuration's problems one line each)
 * naming the configuration file, never a stack trace unless {@code --verbose} is given.
 *
 * <p>Exit codes: 0 done; 1 the call's status was not 2xx, or the command failed; 2 a usage or
 * configuration mistake.
 */
public final class KeywayCli {

  static final int FAILED = 1;
  static final int USAGE = 2;

  private KeywayCli() {}

  /** Runs {@code args} in {@code terminal} and returns the exit code. */
  public static int execute(String[] args, Terminal terminal) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine commandLine = new CommandLine(new KeywayCommand(), new Factory(terminal));
    commandLine.setOut(terminal.out());
    commandLine.setErr(terminal.err());
    commandLine.setExecutionExceptionHandler(
        (error, failed, parseResult) -> report(error, failed, parseResult, terminal, verbose));
    int code = commandLine.execute(args);
    terminal.out().flush();
    terminal.err().flush();
    return code;
  }

  private static int report(
      Exception error,
      CommandLine failed,
      ParseResult parseResult,
      Terminal terminal,
      boolean verbose) {
    PrintWriter err = terminal.err();
    String config =
        failed.getCommand() instanceof LoadsConfig loads && loads.configFile() != null
            ? " (config: " + loads.configFile() + ")"
            : "";
    int code;
    if (error instanceof InvalidConfigException invalid) {
      if (invalid.problems().size() == 1) {
        err.println("keyway: invalid configuration" + config + ": " + invalid.problems().get(0));
      } else {
        err.println(
            "keyway: invalid configuration"
                + config
                + ", "
                + invalid.problems().size()
                + " problems:");
        for (ConfigProblem problem : invalid.problems()) {
          err.println("  " + problem);
        }
      }
      code = USAGE;
    } else if (error instanceof CallRejectedException rejected) {
      err.println("keyway: the call was refused, nothing was sent" + config + ":");
      rejected.problems().forEach(problem -> err.println("  " + problem));
      code = USAGE;
    } else if (error instanceof UnknownCallException
        || error instanceof UsageProblem
        || error instanceof ProviderDiscoveryException) {
      err.println("keyway: " + error.getMessage() + config);
      code = USAGE;
    } else if (error instanceof KeywayException) {
      // Keyway's messages name collections, calls and settings, never values.
      err.println("keyway: " + error.getMessage() + config);
      code = FAILED;
    } else {
      // Another library's message may quote a value: name the type only.
      err.println(
          "keyway: unexpected "
              + error.getClass().getName()
              + config
              + (verbose ? "" : "; run again with --verbose for details"));
      code = FAILED;
    }
    if (verbose) {
      error.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** Creates commands, handing the terminal to those that take it. */
  private record Factory(Terminal terminal) implements IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> withTerminal = type.getDeclaredConstructor(Terminal.class);
        withTerminal.setAccessible(true);
        return withTerminal.newInstance(terminal);
      } catch (NoSuchMethodException none) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
