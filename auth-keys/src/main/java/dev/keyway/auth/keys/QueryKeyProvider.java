package dev.keyway.auth.keys;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;

/**
 * Provides the {@code query-key} method: every call carries the key as one query parameter,
 * appended after the call's own parameters and percent-encoded like them.
 *
 * <pre>{@code
 * auth: { type: query-key, keyName: appid, key: "${secret:weather}" }
 * }</pre>
 *
 * <p>Prefer {@code header-key} when the API accepts it: a URL is more often logged than a header.
 * Keyway itself never logs a query value.
 */
public final class QueryKeyProvider implements AuthProvider {

  @Override
  public String type() {
    return "query-key";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Sends a key as one query parameter with every call.";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.required("keyName", "the query parameter that carries the key, e.g. api_key"),
        SettingSpec.required("key", "the key").asSecret());
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    NamedKeySettings valid = NamedKeySettings.from(settings, problems);
    problems.throwIfAny();
    return new QueryKey(valid.keyName(), valid.key());
  }
}
