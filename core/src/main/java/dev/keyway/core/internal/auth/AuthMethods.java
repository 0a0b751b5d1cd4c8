package dev.keyway.core.internal.auth;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.config.AuthConfig;
import dev.keyway.core.config.SettingsTree;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.TokenEndpointSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a collection's {@code auth} block into an {@link AuthMethod} with the provider of its type.
 */
public final class AuthMethods {

  private AuthMethods() {}

  /**
   * Creates the auth method of the block at {@code path} (e.g. {@code collections.stripe.auth}),
   * recording every problem in {@code problems}; returns {@code null} when there is any.
   */
  public static AuthMethod create(
      String path,
      AuthConfig auth,
      Map<String, AuthProvider> providers,
      List<SettingSpec> clientAuthSettings,
      AuthContext context,
      ConfigProblems problems) {
    AuthProvider provider = providers.get(auth.type());
    if (provider == null) {
      problems.add(
          path + ".type",
          "unknown auth type '"
              + auth.type()
              + "'; available: "
              + String.join(", ", new TreeSet<>(providers.keySet()))
              + " (add the module that provides it to the class path)");
      return null;
    }
    List<ConfigProblem> unknown = unknownSettings(path, auth, specs(provider, clientAuthSettings));
    if (!unknown.isEmpty()) {
      problems.addAll(unknown);
      return null;
    }
    List<ConfigProblem> missingHere = missingInEnvironment(path, auth, provider, context);
    problems.addAll(missingHere);
    try {
      AuthMethod method = provider.create(SettingsTree.of(path, auth.settings()), context);
      if (method == null) {
        problems.add(path, "the " + auth.type() + " provider returned no auth method");
      }
      return missingHere.isEmpty() ? method : null;
    } catch (InvalidConfigException e) {
      problems.addAll(inEnvironment(e.problems(), path, auth, missingHere, context));
    } catch (RuntimeException e) {
      // A plugin's own message might quote a setting; name the failure only.
      problems.add(
          path,
          "the "
              + auth.type()
              + " provider failed while reading its settings ("
              + e.getClass().getName()
              + ")");
    }
    return null;
  }

  /**
   * Returns "required in environment E" for each required setting that has a value for the other
   * environment only: the provider would just say "required", which misleads when the file does
   * hold a value.
   */
  private static List<ConfigProblem> missingInEnvironment(
      String path, AuthConfig auth, AuthProvider provider, AuthContext context) {
    return provider.settings().stream()
        .filter(spec -> spec.required() && auth.absentInEnvironment().contains(spec.name()))
        .map(spec -> new ConfigProblem(path + "." + spec.name(), requiredIn(context)))
        .toList();
  }

  /**
   * Returns the provider's problems, without those core already reported, and with "required" made
   * "required in environment E" for settings that have a value for the other environment.
   */
  private static List<ConfigProblem> inEnvironment(
      List<ConfigProblem> reported,
      String path,
      AuthConfig auth,
      List<ConfigProblem> already,
      AuthContext context) {
    Set<String> done = already.stream().map(ConfigProblem::path).collect(Collectors.toSet());
    return reported.stream()
        .filter(problem -> !done.contains(problem.path()))
        .map(
            problem -> {
              boolean absentHere =
                  problem.path().startsWith(path + ".")
                      && auth.absentInEnvironment()
                          .contains(problem.path().substring(path.length() + 1));
              return absentHere && problem.message().equals("required")
                  ? new ConfigProblem(problem.path(), requiredIn(context))
                  : problem;
            })
        .toList();
  }

  private static String requiredIn(AuthContext context) {
    return "required in environment " + context.environment().configName();
  }

  /**
   * Returns the settings {@code provider}'s auth block may hold: its own, and, for a method that
   * reads {@code clientAuth}, those of every installed client authentication.
   */
  public static List<SettingSpec> specs(
      AuthProvider provider, List<SettingSpec> clientAuthSettings) {
    List<SettingSpec> own = provider.settings();
    boolean readsClientAuth =
        own.stream().anyMatch(spec -> spec.name().equals(TokenEndpointSettings.CLIENT_AUTH));
    if (!readsClientAuth) {
      return own;
    }
    List<SettingSpec> all = new java.util.ArrayList<>(own);
    clientAuthSettings.stream()
        .filter(spec -> all.stream().noneMatch(known -> known.name().equals(spec.name())))
        .forEach(all::add);
    return all;
  }

  private static List<ConfigProblem> unknownSettings(
      String path, AuthConfig auth, List<SettingSpec> specs) {
    Set<String> known =
        specs.stream().map(SettingSpec::name).collect(Collectors.toCollection(TreeSet::new));
    return auth.settings().keySet().stream()
        .filter(name -> !known.contains(name))
        .sorted()
        .map(
            name ->
                new ConfigProblem(
                    path + "." + name,
                    "not a setting of "
                        + auth.type()
                        + (known.isEmpty()
                            ? ", which has none"
                            : "; known: " + String.join(", ", known))))
        .collect(Collectors.toList());
  }
}
