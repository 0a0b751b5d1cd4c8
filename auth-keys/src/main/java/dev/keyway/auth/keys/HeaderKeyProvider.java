package dev.keyway.auth.keys;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;

/**
 * Provides the {@code header-key} method: every call carries the key in one header, {@code
 * Authorization} unless {@code keyName} names another. The key is the whole header value, so a
 * scheme such as {@code Bearer } is written in front of it:
 *
 * <pre>{@code
 * auth:
 *   type: header-key
 *   keyName: Authorization
 *   key: { live: "Bearer ${secret:stripe.live}", dev: "Bearer ${secret:stripe.test}" }
 * }</pre>
 */
public final class HeaderKeyProvider implements AuthProvider {

  @Override
  public String type() {
    return "header-key";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Sends a key in one header (Authorization by default) with every call.";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.optional("keyName", "the header that carries the key (default Authorization)"),
        SettingSpec.required("key", "the whole header value, including a prefix such as 'Bearer '")
            .asSecret());
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    HeaderKeySettings valid = HeaderKeySettings.from(settings, problems);
    problems.throwIfAny();
    return new HeaderKey(valid.keyName(), valid.key());
  }
}
