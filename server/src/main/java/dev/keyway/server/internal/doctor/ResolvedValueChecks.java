package dev.keyway.server.internal.doctor;

import dev.keyway.api.Environment;
import dev.keyway.core.config.AuthConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The doctor's checks of resolved values, for one environment: a test key in live (an error) or a
 * live key in dev (a warning), told by the {@code sk_}/{@code pk_}/{@code rk_} prefixes; a {@code
 * jwt-static} token or an {@code mtls} client certificate that expires within {@value #SOON_DAYS}
 * days (a warning) or has expired (an error). Findings name the path, the prefix and the date,
 * never the value.
 */
final class ResolvedValueChecks {

  static final int SOON_DAYS = 30;

  private static final Pattern PROVIDER_KEY =
      Pattern.compile("(?<![A-Za-z0-9])(sk|pk|rk)_(test|live)_[A-Za-z0-9]");

  private final Environment env;
  private final Instant now;

  ResolvedValueChecks(Environment env, Instant now) {
    this.env = env;
    this.now = now;
  }

  /** Adds the findings of {@code config}, loaded for this environment, to {@code findings}. */
  void examine(KeywayConfig config, List<Finding> findings) {
    for (CollectionConfig collection : config.collections().values()) {
      String base = "collections." + collection.id();
      examine(base + ".auth", collection.auth(), findings);
      collection
          .tls()
          .clientCertificate()
          .ifPresent(tls -> examine(base + ".tls.clientCertificate", tls, findings));
    }
  }

  private void examine(String base, AuthConfig auth, List<Finding> findings) {
    for (Map.Entry<String, Object> setting : auth.settings().entrySet()) {
      if (!(setting.getValue() instanceof String text)) {
        continue;
      }
      String path = base + "." + setting.getKey();
      Matcher key = PROVIDER_KEY.matcher(text);
      if (key.find()) {
        String prefix = key.group(1) + "_" + key.group(2) + "_";
        if (env == Environment.LIVE && key.group(2).equals("test")) {
          findings.add(
              Finding.error(path, "live uses what looks like a test key (" + prefix + ")"));
        } else if (env == Environment.DEV && key.group(2).equals("live")) {
          findings.add(
              Finding.warning(path, "dev uses what looks like a live key (" + prefix + ")"));
        }
      }
      String name = setting.getKey();
      if (auth.type().equals("jwt-static") && name.equals("token")) {
        Expiry.ofJwt(text).ifPresent(exp -> expiry(path, "the static JWT", exp, findings));
      }
      if (auth.type().equals("mtls") && name.equals("certificate")) {
        Expiry.ofCertificate(text)
            .ifPresent(exp -> expiry(path, "the client certificate", exp, findings));
      }
    }
  }

  private void expiry(String path, String what, Instant expires, List<Finding> findings) {
    String where = " (" + env.configName() + ")";
    if (!expires.isAfter(now)) {
      findings.add(Finding.error(path, what + " expired on " + day(expires) + where));
    } else if (expires.isBefore(now.plus(Duration.ofDays(SOON_DAYS)))) {
      long days = Duration.between(now, expires).toDays();
      findings.add(
          Finding.warning(
              path, what + " expires on " + day(expires) + ", in " + days + " days" + where));
    }
  }

  private static String day(Instant instant) {
    return instant.toString().substring(0, 10);
  }
}
