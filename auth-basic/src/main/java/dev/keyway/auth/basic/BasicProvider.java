package dev.keyway.auth.basic;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;

/**
 * Provides the {@code basic} method: every call carries {@code Authorization: Basic
 * base64(username:password)}, encoded as UTF-8 the way RFC 7617 §2.1 says.
 *
 * <pre>{@code
 * auth:
 *   type: basic
 *   username: { live: shop-42, dev: shop-test }
 *   password: { live: "${secret:shop.live}", dev: "${secret:shop.test}" }
 * }</pre>
 *
 * <p>The username is not a secret setting, but it may be written as {@code ${secret:...}} when a
 * provider uses an API key as the username; it is never shown either way. The password may be
 * empty. A username with {@code :} or any value with a control character is refused: Basic cannot
 * carry them (RFC 7617 §2).
 */
public final class BasicProvider implements AuthProvider {

  @Override
  public String type() {
    return "basic";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Sends a username and password as HTTP Basic credentials (RFC 7617, UTF-8).";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.required("username", "the user id; may be a ${secret:...} reference"),
        SettingSpec.required("password", "the password; may be empty").asSecret());
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    BasicSettings valid = BasicSettings.from(settings, problems);
    problems.throwIfAny();
    return new BasicCredentials(valid.username(), valid.password());
  }
}
