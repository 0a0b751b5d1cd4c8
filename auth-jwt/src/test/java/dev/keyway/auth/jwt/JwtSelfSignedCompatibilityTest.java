package dev.keyway.auth.jwt;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs the plugin compatibility kit against jwt-self-signed: the sandbox's /jwt realm trusts its
 * own RSA key and refuses JWTs signed with another one.
 */
class JwtSelfSignedCompatibilityTest extends AuthProviderCompatibilityKit {

  private static final PrivateKey UNTRUSTED = untrustedKey();

  private static PrivateKey untrustedKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Override
  protected AuthProvider provider() {
    return new JwtSelfSignedProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("privateKey", sandbox.jwt().privateKeyPem(), "iss", "kit-app");
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of("privateKey", pem(UNTRUSTED), "iss", "kit-app");
  }

  @Override
  protected String sandboxPath() {
    return "/jwt/things";
  }

  /** Adds each base64 line of both keys: no message may hold a piece of a key either. */
  @Override
  protected Set<String> secretValues(Sandbox sandbox) {
    Set<String> values = new LinkedHashSet<>(super.secretValues(sandbox));
    for (String pem : new String[] {sandbox.jwt().privateKeyPem(), pem(UNTRUSTED)}) {
      for (String line : pem.split("\\R")) {
        if (!line.startsWith("-----") && !line.isBlank()) {
          values.add(line);
        }
      }
    }
    return values;
  }
}
