package dev.keyway.auth.mtls;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.InvalidConfigException;
import dev.keyway.auth.mtls.pem.KeyForms;
import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.IssuedCertificate;
import dev.keyway.testkit.Sandbox;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the plugin compatibility kit against mtls: calls go to the sandbox's HTTPS listener, whose
 * /mtls route answers 200 to a certificate from its test CA and 401 to one from another CA.
 */
class MtlsCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new MtlsProvider();
  }

  @Override
  protected URI baseUrl(Sandbox sandbox) {
    return sandbox.tls().baseUrl();
  }

  @Override
  protected Map<String, Object> collectionSettings(Sandbox sandbox) {
    return Map.of("tls", Map.of("trustedCertificates", sandbox.tls().caCertificatePem()));
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return settings(sandbox.tls().client("kit"));
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return settings(sandbox.tls().foreignClient("kit"));
  }

  private static Map<String, Object> settings(IssuedCertificate certificate) {
    return Map.of("certificate", certificate.certificatePem(), "key", certificate.privateKeyPem());
  }

  @Override
  protected String sandboxPath() {
    return "/mtls/things";
  }

  /** Adds every base64 line of both keys: no message may hold a piece of a key either. */
  @Override
  protected Set<String> secretValues(Sandbox sandbox) {
    Set<String> values = new LinkedHashSet<>(super.secretValues(sandbox));
    values.addAll(KeyForms.bodyLines(sandbox.tls().clientKeyPem("kit")));
    values.addAll(KeyForms.bodyLines(sandbox.tls().foreignClient("kit").privateKeyPem()));
    return values;
  }

  /** Replaces the kit's test: mtls has two forms, so no single setting is required. */
  @Override
  @Test
  @DisplayName("an auth block without settings is refused naming both ways to give a certificate")
  public void emptyAuthBlock() {
    assertThatThrownBy(() -> buildKeyway(Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "invalid configuration: collections.kit.auth: set certificate and key (PEM), or pkcs12"
                + " and password (a base64 PKCS#12 file)");
  }
}
