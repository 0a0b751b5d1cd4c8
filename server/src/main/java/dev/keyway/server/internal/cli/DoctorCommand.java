package dev.keyway.server.internal.cli;

import dev.keyway.api.Environment;
import dev.keyway.server.internal.doctor.Doctor;
import dev.keyway.server.internal.doctor.DoctorReport;
import dev.keyway.server.internal.doctor.Finding;
import dev.keyway.server.internal.doctor.ValueUse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a configuration: validates it, lists which value each environment uses for every"
          + " secret setting (names and references, never values), and flags plain-text secrets,"
          + " dev values that fall back to live ones, test keys in live and live keys in dev, and"
          + " static JWTs and client certificates that expire within 30 days.",
      "Then, unless --offline, it prepares each collection's credentials (a token method asks"
          + " its token endpoint; nothing is sent to the API) and runs the calls marked"
          + " check: true, and no other call.",
      "Exit code 0 with warnings only, 1 with any error."
    })
final class DoctorCommand implements Callable<Integer>, LoadsConfig {

  private static final String INDENT = "         ";
  private static final int WIDTH = 88;

  private final Terminal terminal;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "The configuration file (YAML or JSON).")
  Path file;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "dev|live",
      description =
          "The environment whose problems are errors (default: KEYWAY_ENV, else the file's"
              + " environment); the other one's are warnings.")
  String environment;

  @Option(
      names = "--offline",
      description = "Skip the checks that talk to token endpoints and run check: true calls.")
  boolean offline;

  DoctorCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Path configFile() {
    return file;
  }

  @Override
  public Integer call() {
    Optional<Environment> chosen =
        environment == null
            ? Optional.empty()
            : Optional.of(StoreLocation.environment(environment, "--env"));
    CommandLineSecrets secrets = CommandLineSecrets.forConfig(file, terminal.environment());
    DoctorReport report =
        new Doctor(file, terminal.environment(), secrets, secrets.origins(), Clock.systemUTC())
            .examine(chosen, !offline);
    print(report);
    return report.hasErrors() ? KeywayCli.FAILED : 0;
  }

  private void print(DoctorReport report) {
    PrintWriter out = terminal.out();
    out.println("keyway doctor: " + file + ", environment " + report.environment());
    for (Map.Entry<String, List<ValueUse>> owner : report.uses().entrySet()) {
      out.println();
      out.println(owner.getKey());
      if (owner.getValue().isEmpty()) {
        out.println("  no secret settings");
      }
      int width = owner.getValue().stream().mapToInt(use -> use.setting().length()).max().orElse(0);
      String previous = null;
      for (ValueUse use : owner.getValue()) {
        String setting = use.setting().equals(previous) ? "" : use.setting();
        previous = use.setting();
        out.printf("  %-" + width + "s  %-4s  %s%n", setting, use.environment(), use.description());
      }
    }
    List<Finding> checked = report.findings(Finding.Severity.CHECKED);
    if (!checked.isEmpty()) {
      out.println();
    }
    checked.forEach(finding -> print(out, "ok:      ", finding));
    List<Finding> errors = report.findings(Finding.Severity.ERROR);
    List<Finding> warnings = report.findings(Finding.Severity.WARNING);
    if (!errors.isEmpty() || !warnings.isEmpty()) {
      out.println();
    }
    errors.forEach(finding -> print(out, "error:   ", finding));
    warnings.forEach(finding -> print(out, "warning: ", finding));
    out.println();
    out.println(count(errors.size(), "error") + ", " + count(warnings.size(), "warning"));
    out.flush();
  }

  /** Prints the path after the label, and the message below it, wrapped to fit a terminal. */
  private static void print(PrintWriter out, String label, Finding finding) {
    out.println(label + finding.path());
    StringBuilder line = new StringBuilder(INDENT);
    for (String word : finding.message().split(" ")) {
      if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(INDENT);
      }
      if (line.length() > INDENT.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }

  private static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
