package dev.keyway.auth.keys;

import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;

/**
 * Provides the {@code none} method: Keyway adds no credentials. Use it for public APIs, or when
 * each call carries its own credentials in private headers or parameters.
 *
 * <pre>{@code
 * auth: { type: none }
 * }</pre>
 */
public final class NoneProvider implements AuthProvider {

  @Override
  public String type() {
    return "none";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public String description() {
    return "Adds no credentials; private call headers or parameters may carry them.";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of();
  }

  @Override
  public AuthMethod create(Settings settings, AuthContext context) {
    return AuthMethod.NONE;
  }
}
