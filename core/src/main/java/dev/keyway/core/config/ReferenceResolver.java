package dev.keyway.core.config;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.redact.Redactor;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replaces the references in a configuration string: {@code ${secret:name}} from the secret
 * source, {@code ${env:NAME}} from the environment variables and {@code ${file:path}} with a file's
 * UTF-8 contents (relative to the base directory, one trailing newline removed). {@code $${} is a
 * literal {@code ${}. Text and several references may mix: {@code "Bearer ${secret:stripe.live}"}.
 *
 * <p>In environment dev, a secret the source holds for live only is used with a warning, or refused
 * when strictEnvironments is on, like any value without a dev side; live never uses a dev value.
 * A source that fails (a damaged store, a value that does not decrypt) is a problem at the path,
 * with the source's message.
 *
 * <p>A replaced value is never scanned again, so a secret that happens to contain {@code ${} stays
 * as it is. Problems name the reference (a name, never a value); a malformed reference is not
 * quoted at all, since the text around it may be a plain-text credential.
 */
final class ReferenceResolver {

  private static final String FIX =
      "expected ${secret:name}, ${env:NAME} or ${file:path}; write $${ for a literal ${";

  private final SecretSource secrets;
  private final Environment environment;
  private final Function<String, String> environmentVariables;
  private final Path baseDirectory;
  private final boolean strictEnvironments;
  private final Consumer<ConfigProblem> warnings;

  ReferenceResolver(
      SecretSource secrets,
      Environment environment,
      Function<String, String> environmentVariables,
      Path baseDirectory) {
    this(secrets, environment, environmentVariables, baseDirectory, false, warning -> {});
  }

  /**
   * Creates a resolver that, in environment dev, falls back to a secret's live value with a warning
   * to {@code warnings}, or refuses to when {@code strictEnvironments} is on.
   */
  ReferenceResolver(
      SecretSource secrets,
      Environment environment,
      Function<String, String> environmentVariables,
      Path baseDirectory,
      boolean strictEnvironments,
      Consumer<ConfigProblem> warnings) {
    this.secrets = secrets;
    this.environment = environment;
    this.environmentVariables = environmentVariables;
    this.baseDirectory = baseDirectory;
    this.strictEnvironments = strictEnvironments;
    this.warnings = warnings;
  }

  /**
   * Returns {@code text} with every reference replaced, or records each bad reference at {@code
   * path} and returns empty.
   */
  Optional<ResolvedText> resolve(String text, String path, ConfigProblems problems) {
    if (text.indexOf('$') < 0) {
      return Optional.of(new ResolvedText(text, List.of()));
    }
    StringBuilder out = new StringBuilder(text.length());
    List<Secret> used = new ArrayList<>();
    boolean ok = true;
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          problems.add(path, "a ${ at character " + (i + 1) + " has no closing }; " + FIX);
          return Optional.empty();
        }
        ok &= replace(text.substring(i + 2, end), i + 1, path, problems, out, used);
        i = end + 1;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return ok ? Optional.of(new ResolvedText(out.toString(), used)) : Optional.empty();
  }

  private boolean replace(
      String reference,
      int position,
      String path,
      ConfigProblems problems,
      StringBuilder out,
      List<Secret> used) {
    int colon = reference.indexOf(':');
    String kind = colon < 0 ? "" : reference.substring(0, colon);
    String name = colon < 0 ? "" : reference.substring(colon + 1);
    if (!kind.equals("secret") && !kind.equals("env") && !kind.equals("file")) {
      problems.add(path, "unknown reference at character " + position + "; " + FIX);
      return false;
    }
    String shown = "${" + reference + "}";
    if (name.isEmpty()) {
      problems.add(path, shown + " names nothing; " + FIX);
      return false;
    }
    Optional<String> value =
        switch (kind) {
          case "secret" -> secret(name, shown, path, problems, used);
          case "env" -> environmentVariable(name, shown, path, problems);
          default -> file(name, shown, path, problems);
        };
    value.ifPresent(out::append);
    return value.isPresent();
  }

  private Optional<String> secret(
      String name, String shown, String path, ConfigProblems problems, List<Secret> used) {
    Optional<Secret> secret;
    try {
      secret = secrets.find(name, environment);
      if (secret.isEmpty() && environment == Environment.DEV) {
        secret = liveFallback(name, shown, path, problems);
        if (secret == null) {
          return Optional.empty();
        }
      }
    } catch (RuntimeException e) {
      // A store says what failed and how to fix it, by contract never with a value; the
      // redactor masks one anyway, should a store break that contract.
      problems.add(path, shown + ": " + Redactor.global().redact(String.valueOf(e.getMessage())));
      return Optional.empty();
    }
    if (secret.isEmpty()) {
      problems.add(
          path,
          shown
              + ": no secret named "
              + name
              + " in environment "
              + environment.configName()
              + "; add it to the secret store");
      return Optional.empty();
    }
    used.add(secret.get());
    return Optional.of(secret.get().reveal());
  }

  /**
   * Looks {@code name} up in live for environment dev: used with a warning, refused when
   * strictEnvironments is on (then returns {@code null}), as for any value with no dev side.
   */
  private Optional<Secret> liveFallback(
      String name, String shown, String path, ConfigProblems problems) {
    Optional<Secret> live = secrets.find(name, Environment.LIVE);
    if (live.isEmpty()) {
      return live;
    }
    if (strictEnvironments) {
      problems.add(
          path,
          shown
              + ": the secret store has no dev value of "
              + name
              + "; strictEnvironments forbids using the live value");
      return null;
    }
    warnings.accept(
        new ConfigProblem(
            path,
            shown
                + ": the secret store has no dev value of "
                + name
                + ", so environment dev uses the LIVE value; add a dev value (keyway secrets set "
                + name
                + " --env dev), or set strictEnvironments: true to make this an error"));
    return live;
  }

  private Optional<String> environmentVariable(
      String name, String shown, String path, ConfigProblems problems) {
    String value = environmentVariables.apply(name);
    if (value == null) {
      problems.add(path, shown + ": environment variable " + name + " is not set");
    }
    return Optional.ofNullable(value);
  }

  private Optional<String> file(String name, String shown, String path, ConfigProblems problems) {
    Path file;
    try {
      file = baseDirectory.resolve(name).normalize();
    } catch (InvalidPathException e) {
      problems.add(path, shown + ": not a valid file path");
      return Optional.empty();
    }
    try {
      return Optional.of(withoutTrailingNewline(Files.readString(file)));
    } catch (NoSuchFileException e) {
      problems.add(path, shown + ": file not found: " + file);
    } catch (AccessDeniedException e) {
      problems.add(path, shown + ": no permission to read " + file);
    } catch (CharacterCodingException e) {
      problems.add(path, shown + ": " + file + " is not UTF-8 text");
    } catch (IOException | SecurityException e) {
      problems.add(
          path, shown + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    return Optional.empty();
  }

  private static String withoutTrailingNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
