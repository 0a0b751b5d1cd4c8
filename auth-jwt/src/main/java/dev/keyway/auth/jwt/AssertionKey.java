package dev.keyway.auth.jwt;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Secret;
import dev.keyway.auth.mtls.pem.PemPrivateKey;
import dev.keyway.spi.Settings;
import java.security.PrivateKey;
import java.util.Optional;

/**
 * Reads the key settings an assertion is signed with — {@code privateKey}, {@code keyPassword},
 * {@code algorithm}, {@code kid} — into an {@link AssertionSigner}, for {@code jwt-bearer} and
 * {@code private_key_jwt} alike. The PEM is read by {@code keyway-auth-mtls}'s loader, so every
 * form it takes works here. A key that came from a service-account key file has its problems
 * reported at {@code serviceAccountJson}, where the user would look for it.
 */
final class AssertionKey {

  static final String PRIVATE_KEY = "privateKey";
  static final String KEY_PASSWORD = "keyPassword";
  static final String ALGORITHM = "algorithm";
  static final String KID = "kid";

  private AssertionKey() {}

  /**
   * Returns the signer {@code settings} describe, or empty after recording every problem; {@code
   * missing} is the message for an absent key.
   */
  static Optional<AssertionSigner> read(
      Settings settings, String missing, ConfigProblems problems) {
    Optional<Secret> pem = settings.secret(PRIVATE_KEY).filter(value -> !value.isEmpty());
    if (pem.isEmpty()) {
      problems.add(settings.path(PRIVATE_KEY), missing);
      return Optional.empty();
    }
    boolean fromKeyFile = ServiceAccountSettings.fromKeyFile(settings, PRIVATE_KEY);
    String keyPath =
        fromKeyFile ? settings.path(ServiceAccountSettings.NAME) : settings.path(PRIVATE_KEY);
    ConfigProblems keyProblems = new ConfigProblems();
    Optional<PrivateKey> key =
        PemPrivateKey.read(
            pem.get(),
            settings.secret(KEY_PASSWORD),
            keyPath,
            settings.path(KEY_PASSWORD),
            keyProblems);
    for (ConfigProblem problem : keyProblems.list()) {
      boolean atKeyFile = fromKeyFile && problem.path().equals(keyPath);
      problems.add(problem.path(), (atKeyFile ? "its private_key: " : "") + problem.message());
    }
    if (key.isEmpty()) {
      return Optional.empty();
    }
    SigningKey signing =
        SigningKey.choose(
            key.get(), settings.text(ALGORITHM), keyPath, settings.path(ALGORITHM), problems);
    if (signing == null) {
      return Optional.empty();
    }
    return Optional.of(new AssertionSigner(signing, AssertionSigner.keyId(settings.text(KID))));
  }
}
