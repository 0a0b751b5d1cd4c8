package dev.keyway.auth.keys;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;

/**
 * Provides the {@code body-key} method: every call carries the key as one field of its body.
 *
 * <pre>{@code
 * auth: { type: body-key, keyName: api_key, key: "${secret:mailer}" }
 * }</pre>
 *
 * <ul>
 *   <li>A JSON object body gets the key as its first member (a JSON string).
 *   <li>A form body gets the key as its last field.
 *   <li>A {@code POST}, {@code PUT} or {@code PATCH} without a body gets the JSON object {@code
 *       {"keyName": "key"}}.
 *   <li>Any other request fails before it is sent, with a message naming the auth block: a {@code
 *       GET} or {@code DELETE} without a body, a raw body, or JSON that is not an object.
 * </ul>
 */
public final class BodyKeyProvider implements AuthProvider {

  @Override
  public String type() {
    return "body-key";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Adds a key as one field of every call's JSON object or form body.";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.required("keyName", "the body field that carries the key, e.g. api_key"),
        SettingSpec.required("key", "the key").asSecret());
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    NamedKeySettings valid = NamedKeySettings.from(settings, problems);
    problems.throwIfAny();
    return new BodyKey(settings.path(), valid.keyName(), valid.key());
  }
}
