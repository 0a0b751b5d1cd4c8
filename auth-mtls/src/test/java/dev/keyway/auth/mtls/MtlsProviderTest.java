package dev.keyway.auth.mtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.auth.mtls.pem.KeyForms;
import dev.keyway.auth.mtls.pem.MapSettings;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.ClientCertificate;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.IssuedCertificate;
import dev.keyway.testkit.LogCapture;
import dev.keyway.testkit.TestCa;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("MtlsProvider")
class MtlsProviderTest {

  private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
  private static final TestCa CA = TestCa.create("Bank CA");
  private static final KeyPair KEYS = TestCa.ecKeyPair();
  private static final IssuedCertificate CLIENT =
      CA.issueClient("client", KEYS, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(90)));

  private final FakeClock clock = new FakeClock(NOW);
  private final MtlsProvider provider = new MtlsProvider();

  private AuthMethod create(String... namesAndValues) {
    return provider.create(MapSettings.of(namesAndValues), new ClockContext(clock));
  }

  private List<String> problems(String... namesAndValues) {
    try {
      create(namesAndValues);
    } catch (InvalidConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("the settings were accepted");
  }

  private static String pkcs12(IssuedCertificate certificate, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "client",
        certificate.privateKey(),
        password.toCharArray(),
        certificate.chain().toArray(Certificate[]::new));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password.toCharArray());
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  @Test
  @DisplayName("presents the certificate and key, and leaves requests as they are")
  void presentsCertificate() {
    AuthMethod method = create("certificate", CLIENT.chainPem(), "key", CLIENT.privateKeyPem());
    OutboundRequest request =
        OutboundRequest.create("GET", URI.create("https://bank.example"), "/accounts");

    ClientCertificate presented = method.clientCertificate().orElseThrow();
    assertThat(presented.chain()).isEqualTo(CLIENT.chain());
    assertThat(presented.key().getEncoded()).isEqualTo(CLIENT.privateKey().getEncoded());
    assertThat(method.apply(request).toCompletableFuture().join()).isSameAs(request);
    assertThat(method).hasToString("mtls[ClientCertificate[CN=client]]");
  }

  @Test
  @DisplayName("reads an encrypted key with keyPassword, and a pkcs12 file with password")
  void otherForms() throws Exception {
    String encrypted = KeyForms.encryptedPkcs8(CLIENT.privateKey(), "kp");

    assertThat(
            create("certificate", CLIENT.certificatePem(), "key", encrypted, "keyPassword", "kp")
                .clientCertificate())
        .isPresent();
    assertThat(create("pkcs12", pkcs12(CLIENT, "pw"), "password", "pw").clientCertificate())
        .hasValueSatisfying(c -> assertThat(c.chain()).isEqualTo(CLIENT.chain()));
  }

  @Nested
  @DisplayName("refuses settings")
  class Settings {

    @Test
    @DisplayName("with neither form, naming both")
    void neither() {
      assertThat(problems())
          .containsExactly(
              "collections.x.auth: set certificate and key (PEM), or pkcs12 and password (a base64"
                  + " PKCS#12 file)");
    }

    @Test
    @DisplayName("with both forms")
    void both() {
      assertThat(problems("certificate", CLIENT.certificatePem(), "pkcs12", "MIIx"))
          .containsExactly(
              "collections.x.auth.pkcs12: give either certificate and key, or pkcs12, not both;"
                  + " remove one of them");
    }

    @Test
    @DisplayName("with half of the PEM form, or the password of the other form")
    void halves() throws Exception {
      assertThat(problems("certificate", CLIENT.certificatePem()))
          .containsExactly("collections.x.auth.key: required");
      assertThat(problems("key", CLIENT.privateKeyPem()))
          .containsExactly("collections.x.auth.certificate: required");
      assertThat(
              problems(
                  "certificate",
                  CLIENT.certificatePem(),
                  "key",
                  CLIENT.privateKeyPem(),
                  "password",
                  "x"))
          .containsExactly(
              "collections.x.auth.password: is the password of a pkcs12 file; the password of an"
                  + " encrypted key is keyPassword");
      assertThat(problems("pkcs12", pkcs12(CLIENT, "pw"), "password", "pw", "keyPassword", "x"))
          .containsExactly(
              "collections.x.auth.keyPassword: goes with key; the password of a pkcs12 file is"
                  + " password");
    }

    @Test
    @DisplayName("with a certificate where the key goes, and a key where the certificate goes")
    void swapped() {
      assertThat(problems("certificate", CLIENT.privateKeyPem(), "key", CLIENT.certificatePem()))
          .containsExactly(
              "collections.x.auth.certificate: holds a private key (BEGIN PRIVATE KEY), which"
                  + " belongs in the key setting, not with the certificates (expected BEGIN"
                  + " CERTIFICATE)",
              "collections.x.auth.key: holds a certificate (BEGIN CERTIFICATE), not a private key"
                  + " (expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE"
                  + " KEY)");
    }

    private List<String> problems(String... namesAndValues) {
      return MtlsProviderTest.this.problems(namesAndValues);
    }
  }

  @Nested
  @DisplayName("checks the certificate when the collection loads")
  class Checks {

    @Test
    @DisplayName("refuses a key that does not belong to the certificate")
    void mismatchedKey() {
      IssuedCertificate other = CA.issueClient("other");

      assertThat(problems("certificate", CLIENT.certificatePem(), "key", other.privateKeyPem()))
          .containsExactly(
              "collections.x.auth.certificate: the key does not belong to the certificate"
                  + " CN=client; give the key this certificate was issued for");
    }

    @Test
    @DisplayName("refuses a chain whose client certificate is not first")
    void chainOrder() {
      IssuedCertificate intermediateFirst =
          new IssuedCertificate(CA.certificate(), CLIENT.privateKey(), CLIENT.certificate());

      assertThat(
              problems("certificate", intermediateFirst.chainPem(), "key", CLIENT.privateKeyPem()))
          .containsExactly(
              "collections.x.auth.certificate: the key belongs to certificate 2 of the chain"
                  + " (CN=client); put the client certificate first, then its intermediates");
    }

    @Test
    @DisplayName("refuses an RSA key for an EC certificate")
    void otherKeyType() {
      String rsa = KeyForms.traditional(KeyForms.rsa().getPrivate());

      assertThat(problems("certificate", CLIENT.certificatePem(), "key", rsa))
          .containsExactly(
              "collections.x.auth.certificate: the key does not belong to the certificate"
                  + " CN=client; give the key this certificate was issued for");
    }

    @Test
    @DisplayName("refuses a certificate that has expired or is not valid yet, by the given clock")
    void validity() {
      clock.set(CLIENT.certificate().getNotAfter().toInstant().plusSeconds(1));
      List<String> expired =
          problems("certificate", CLIENT.certificatePem(), "key", CLIENT.privateKeyPem());
      clock.set(NOW.minus(Duration.ofDays(11)));
      List<String> early =
          problems("certificate", CLIENT.certificatePem(), "key", CLIENT.privateKeyPem());

      assertThat(expired)
          .containsExactly(
              "collections.x.auth.certificate: the certificate CN=client expired at"
                  + " 2030-08-30T00:00:00Z; renew it");
      assertThat(early)
          .containsExactly(
              "collections.x.auth.certificate: the certificate CN=client is not valid before"
                  + " 2030-05-22T00:00:00Z; check the clock of this machine, or wait until then");
    }

    @Test
    @DisplayName("checks a pkcs12 file the same way, at its path")
    void pkcs12Checked() throws Exception {
      clock.set(NOW.plus(Duration.ofDays(91)));

      assertThat(problems("pkcs12", pkcs12(CLIENT, "pw"), "password", "pw"))
          .containsExactly(
              "collections.x.auth.pkcs12: the certificate CN=client expired at"
                  + " 2030-08-30T00:00:00Z; renew it");
    }

    @Test
    @DisplayName("warns once it expires within 30 days, and not before")
    void warnsBeforeExpiry() {
      String quiet;
      try (LogCapture logs = LogCapture.start()) {
        clock.set(NOW.plus(Duration.ofDays(59)));
        create("certificate", CLIENT.certificatePem(), "key", CLIENT.privateKeyPem());
        quiet = logs.text();
      }
      String warned;
      try (LogCapture logs = LogCapture.start()) {
        clock.set(NOW.plus(Duration.ofDays(61)));
        create("certificate", CLIENT.certificatePem(), "key", CLIENT.privateKeyPem());
        warned = logs.text();
      }

      assertThat(quiet).doesNotContain("expires");
      assertThat(warned)
          .contains(
              "collections.x.auth.certificate: the certificate CN=client expires at"
                  + " 2030-08-30T00:00:00Z, in 29 days; renew it before then")
          .doesNotContain(KeyForms.bodyLines(CLIENT.privateKeyPem()).get(0));
    }
  }

  @Test
  @DisplayName("marks the key and both passwords as secrets")
  void secretSettings() {
    assertThat(provider.settings())
        .filteredOn(setting -> setting.secret())
        .extracting(setting -> setting.name())
        .containsExactly("key", "keyPassword", "pkcs12", "password");
    assertThat(provider.settings()).noneMatch(setting -> setting.required());
    assertThatThrownBy(() -> create()).isInstanceOf(InvalidConfigException.class);
  }
}
