package dev.keyway.core.config;

import static dev.keyway.core.config.Failures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.keyway.api.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigLoader reads a collection's tls block")
class ConfigLoaderTlsTest {

  private static final String CA = fixture("ca.pem");
  private static final String OTHER_CA = fixture("other-ca.pem");
  private static final String PATH = "collections.bank.tls";

  static String fixture(String name) {
    try (InputStream in = ConfigLoaderTlsTest.class.getResourceAsStream("/tls/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> tree(Object tls) {
    Map<String, Object> bank = new LinkedHashMap<>();
    bank.put("baseUrl", "https://bank.example");
    bank.put("auth", Map.of("type", "none"));
    bank.put("calls", Map.of("accounts", Map.of("path", "/accounts")));
    if (tls != null) {
      bank.put("tls", tls);
    }
    return Map.of("environment", "live", "collections", Map.of("bank", bank));
  }

  private static TlsConfig load(Object tls) {
    return ConfigLoader.create()
        .withSecrets(SecretSource.of(Map.of("bank.key", "KEY-TEXT", "bank.pass", "PASS")))
        .fromTree(tree(tls))
        .collections()
        .get("bank")
        .tls();
  }

  private static List<String> problemsOf(Object tls) {
    return problems(() -> load(tls));
  }

  private static String subjects(List<X509Certificate> certificates) {
    return certificates.stream()
        .map(certificate -> certificate.getSubjectX500Principal().getName())
        .toList()
        .toString();
  }

  @Test
  @DisplayName("is TlsConfig.NONE when absent")
  void absent() {
    assertThat(load(null)).isSameAs(TlsConfig.NONE);
    assertThat(TlsConfig.NONE.isEmpty()).isTrue();
  }

  @Nested
  @DisplayName("trustedCertificates")
  class Trusted {

    @Test
    @DisplayName("reads a PEM bundle of several CA certificates, in order")
    void bundle() {
      TlsConfig tls = load(Map.of("trustedCertificates", CA + "\n" + OTHER_CA));

      assertThat(subjects(tls.trustedCertificates()))
          .isEqualTo("[CN=Core Test CA, CN=Other Test CA]");
      assertThat(tls.clientCertificate()).isEmpty();
    }

    @Test
    @DisplayName("reads a list of PEM texts")
    void list() {
      assertThat(
              subjects(
                  load(Map.of("trustedCertificates", List.of(OTHER_CA, CA))).trustedCertificates()))
          .isEqualTo("[CN=Other Test CA, CN=Core Test CA]");
    }

    @Test
    @DisplayName("reads a certificate pasted on one line, with CRLF, or with \\n escapes")
    void pastedForms() {
      String oneLine = CA.strip().replace("\n", " ");

      assertThat(load(Map.of("trustedCertificates", oneLine)).trustedCertificates()).hasSize(1);
      assertThat(
              load(Map.of("trustedCertificates", CA.replace("\n", "\r\n"))).trustedCertificates())
          .hasSize(1);
      assertThat(load(Map.of("trustedCertificates", CA.replace("\n", "\\n"))).trustedCertificates())
          .hasSize(1);
    }

    @Test
    @DisplayName("picks the value of the active environment")
    void perEnvironment() {
      TlsConfig tls = load(Map.of("trustedCertificates", Map.of("live", CA, "dev", OTHER_CA)));

      assertThat(subjects(tls.trustedCertificates())).isEqualTo("[CN=Core Test CA]");
    }

    @Test
    @DisplayName("refuses text that is not PEM, a private key, a cut-off and a damaged certificate")
    void refuses() {
      String damaged = CA.replace(CA.split("\n")[2], CA.split("\n")[2].replace('A', 'B'));

      assertThat(problemsOf(Map.of("trustedCertificates", "bank-ca.pem")))
          .containsExactly(
              PATH
                  + ".trustedCertificates: not a PEM certificate bundle (expected BEGIN CERTIFICATE"
                  + " blocks)");
      assertThat(problemsOf(Map.of("trustedCertificates", CA + fixture("client.key"))))
          .containsExactly(
              PATH
                  + ".trustedCertificates: holds a private key (BEGIN PRIVATE KEY);"
                  + " trustedCertificates takes CA certificates only (BEGIN CERTIFICATE)");
      assertThat(problemsOf(Map.of("trustedCertificates", CA.substring(0, 200))))
          .containsExactly(
              PATH
                  + ".trustedCertificates: the BEGIN CERTIFICATE block has no END CERTIFICATE"
                  + " line; copy all of it");
      assertThat(problemsOf(Map.of("trustedCertificates", List.of(CA, OTHER_CA + damaged))))
          .containsExactly(
              PATH
                  + ".trustedCertificates[1]: certificate 2 of 2 is not a valid X.509 certificate;"
                  + " it looks damaged or cut off, so copy it again");
    }

    @Test
    @DisplayName("refuses a map")
    void refusesMap() {
      assertThat(problemsOf(Map.of("trustedCertificates", Map.of("file", "ca.pem"))))
          .containsExactly(
              PATH + ".trustedCertificates: expected PEM text, or a list of PEM texts");
    }
  }

  @Nested
  @DisplayName("clientCertificate")
  class Client {

    @Test
    @DisplayName("is kept as the settings of an mtls block, resolved for the environment")
    void settings() {
      TlsConfig tls =
          load(
              Map.of(
                  "clientCertificate",
                  Map.of(
                      "certificate", Map.of("live", "LIVE-CERT", "dev", "DEV-CERT"),
                      "key", "${secret:bank.key}",
                      "keyPassword", "${secret:bank.pass}")));

      AuthConfig block = tls.clientCertificate().orElseThrow();
      assertThat(block.type()).isEqualTo("mtls");
      assertThat(block.settings())
          .containsOnly(
              entry("certificate", "LIVE-CERT"),
              entry("key", "KEY-TEXT"),
              entry("keyPassword", "PASS"));
      assertThat(tls.toString())
          .isEqualTo(
              "TlsConfig[clientCertificate=[certificate, key, keyPassword],"
                  + " trustedCertificates=0]")
          .doesNotContain("KEY-TEXT");
    }

    @Test
    @DisplayName("must be a map")
    void notAMap() {
      assertThat(problemsOf(Map.of("clientCertificate", "client.pem")))
          .containsExactly(PATH + ".clientCertificate: expected a map");
    }
  }

  @Test
  @DisplayName("refuses a tls value that is not a map, and unknown settings in it")
  void refusesShape() {
    assertThat(problemsOf("on")).containsExactly(PATH + ": expected a map");
    assertThat(problemsOf(Map.of("verify", "false")))
        .containsExactly(
            PATH
                + ".verify: unknown setting; expected one of clientCertificate,"
                + " trustedCertificates");
  }

  @Test
  @DisplayName("is read for the environment a loader is told to use")
  void environmentOverride() {
    TlsConfig tls =
        ConfigLoader.create()
            .withEnvironment(Environment.DEV)
            .fromTree(tree(Map.of("trustedCertificates", Map.of("live", CA, "dev", OTHER_CA))))
            .collections()
            .get("bank")
            .tls();

    assertThat(subjects(tls.trustedCertificates())).isEqualTo("[CN=Other Test CA]");
  }
}
