package dev.keyway.auth.mtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.auth.mtls.pem.KeyForms;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.UpstreamException;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.IssuedCertificate;
import dev.keyway.testkit.Sandbox;
import dev.keyway.testkit.SandboxTls;
import dev.keyway.testkit.TlsCaller;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Mutual TLS through Keyway, against the sandbox's HTTPS listeners. */
@DisplayName("Mutual TLS end to end")
class MutualTlsEndToEndTest {

  private static final KeyPair RSA = KeyForms.rsa();

  private final Sandbox sandbox = Sandbox.start();
  private final SandboxTls tls = sandbox.tls();
  private final List<Keyway> built = new ArrayList<>();

  @AfterEach
  void close() {
    built.forEach(Keyway::close);
    sandbox.close();
  }

  private Map<String, Object> collection(URI baseUrl, Map<String, Object> auth, String path) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("baseUrl", baseUrl.toString());
    collection.put("auth", auth);
    collection.put(
        "tls", new LinkedHashMap<>(Map.of("trustedCertificates", tls.caCertificatePem())));
    collection.put("calls", Map.of("get", Map.of("path", path)));
    return collection;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withClientCertificate(
      Map<String, Object> collection, Map<String, Object> clientCertificate) {
    ((Map<String, Object>) collection.get("tls")).put("clientCertificate", clientCertificate);
    return collection;
  }

  private Keyway keyway(Map<String, Object> collections) {
    return keyway(collections, Clock.systemUTC());
  }

  private Keyway keyway(Map<String, Object> collections, Clock clock) {
    Keyway keyway =
        Keyway.builder()
            .configTree(Map.of("environment", "dev", "collections", collections))
            .clock(clock)
            .build();
    built.add(keyway);
    return keyway;
  }

  private static Map<String, Object> mtls(IssuedCertificate certificate) {
    return Map.of(
        "type", "mtls",
        "certificate", certificate.certificatePem(),
        "key", certificate.privateKeyPem());
  }

  private static ApiResponse call(Keyway keyway, String collection) {
    return keyway.call(collection, "get", Map.of()).toCompletableFuture().join();
  }

  private Keyway bank(Map<String, Object> auth) {
    return keyway(Map.of("bank", collection(tls.baseUrl(), auth, "/mtls/accounts")));
  }

  @Test
  @DisplayName("the right certificate gets 200, and the sandbox saw its subject")
  void rightCertificate() {
    ApiResponse response = call(bank(mtls(tls.client("bank"))), "bank");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).contains("\"subject\":\"CN=bank\"");
    assertThat(tls.lastCaller())
        .isEqualTo(new TlsCaller("/mtls/accounts", Optional.of("CN=bank"), true));
  }

  @Test
  @DisplayName("no certificate, or one from another CA, gets 401")
  void wrongOrNoCertificate() {
    assertThat(call(bank(Map.of("type", "none")), "bank").status()).isEqualTo(401);
    assertThat(tls.lastCaller().subject()).isEmpty();

    assertThat(call(bank(mtls(tls.foreignClient("bank"))), "bank").status()).isEqualTo(401);
    assertThat(tls.lastCaller())
        .isEqualTo(new TlsCaller("/mtls/accounts", Optional.of("CN=bank"), false));
  }

  @Test
  @DisplayName("a listener that requires a certificate fails the handshake without the right one")
  void strictListener() {
    URI strict = tls.strictBaseUrl();
    Keyway keyway =
        keyway(
            Map.of(
                "right", collection(strict, mtls(tls.client("bank")), "/mtls/a"),
                "none", collection(strict, Map.of("type", "none"), "/mtls/a"),
                "foreign", collection(strict, mtls(tls.foreignClient("bank")), "/mtls/a")));

    assertThat(call(keyway, "right").status()).isEqualTo(200);
    for (String collection : List.of("none", "foreign")) {
      assertThatThrownBy(() -> call(keyway, collection))
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(UpstreamException.class)
          .hasMessageContaining("the TLS handshake with the upstream failed");
    }
    assertThat(sandbox.requestCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a second collection to the same listener without a certificate presents none")
  void certificateStaysWithItsCollection() {
    Keyway keyway =
        keyway(
            Map.of(
                "first", collection(tls.baseUrl(), mtls(tls.client("first")), "/mtls/a"),
                "second", collection(tls.baseUrl(), Map.of("type", "none"), "/mtls/a")));

    List<Integer> statuses =
        List.of(
            call(keyway, "first").status(),
            call(keyway, "second").status(),
            call(keyway, "first").status(),
            call(keyway, "second").status());

    assertThat(statuses).containsExactly(200, 401, 200, 401);
    assertThat(tls.callers())
        .extracting(TlsCaller::subject)
        .containsExactly(
            Optional.of("CN=first"), Optional.empty(), Optional.of("CN=first"), Optional.empty());
  }

  @Test
  @DisplayName("tls.clientCertificate combines mutual TLS with another method (header-key)")
  void combinesWithHeaderKey() {
    Map<String, Object> auth =
        Map.of(
            "type", "header-key", "keyName", sandbox.headerKeyName(), "key", sandbox.headerKey());
    IssuedCertificate client = tls.client("combined");
    Map<String, Object> collection =
        withClientCertificate(
            collection(tls.baseUrl(), auth, "/header-key/accounts"),
            Map.of("certificate", client.chainPem(), "key", client.privateKeyPem()));

    ApiResponse response = call(keyway(Map.of("bank", collection)), "bank");

    assertThat(response.status()).isEqualTo(200);
    assertThat(tls.lastCaller())
        .isEqualTo(new TlsCaller("/header-key/accounts", Optional.of("CN=combined"), true));
  }

  @Nested
  @DisplayName("accepts the key")
  class KeyForms_ {

    private int callWith(IssuedCertificate certificate, Map<String, Object> settings) {
      Map<String, Object> auth = new LinkedHashMap<>(settings);
      auth.put("type", "mtls");
      auth.putIfAbsent("certificate", certificate.certificatePem());
      return call(bank(auth), "bank").status();
    }

    @Test
    @DisplayName("as PKCS#8, SEC1, SEC1 on one line, and encrypted PKCS#8 with keyPassword")
    void ecForms() {
      IssuedCertificate client = tls.client("forms");

      assertThat(callWith(client, Map.of("key", client.privateKeyPem()))).isEqualTo(200);
      assertThat(callWith(client, Map.of("key", KeyForms.traditional(client.privateKey()))))
          .isEqualTo(200);
      assertThat(
              callWith(
                  client,
                  Map.of(
                      "key",
                      KeyForms.oneLine(KeyForms.traditional(client.privateKey())),
                      "certificate",
                      KeyForms.oneLine(client.certificatePem()))))
          .isEqualTo(200);
      assertThat(
              callWith(
                  client,
                  Map.of(
                      "key",
                      KeyForms.crlf(KeyForms.encryptedPkcs8(client.privateKey(), "kp")),
                      "keyPassword",
                      "kp")))
          .isEqualTo(200);
    }

    @Test
    @DisplayName("as an RSA PKCS#1 key for an RSA certificate")
    void rsa() {
      Instant now = Instant.now();
      IssuedCertificate client =
          tls.ca()
              .issueClient(
                  "rsa", RSA, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));

      assertThat(callWith(client, Map.of("key", KeyForms.traditional(RSA.getPrivate()))))
          .isEqualTo(200);
      assertThat(tls.lastCaller().subject()).contains("CN=rsa");
    }
  }

  @Nested
  @DisplayName("refuses at load, with the path and without key bytes")
  class Refuses {

    private List<String> problems(Map<String, Object> auth, Clock clock) {
      try {
        keyway(Map.of("bank", collection(tls.baseUrl(), auth, "/mtls/a")), clock);
      } catch (InvalidConfigException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String line : KeyForms.bodyLines(tls.clientKeyPem("bank"))) {
          assertThat(trace.toString()).doesNotContain(line);
        }
        return e.problems().stream().map(ConfigProblem::toString).toList();
      }
      throw new AssertionError("the configuration was accepted");
    }

    private List<String> problems(Map<String, Object> auth) {
      return problems(auth, Clock.systemUTC());
    }

    private Map<String, Object> auth(String certificate, String key) {
      return Map.of("type", "mtls", "certificate", certificate, "key", key);
    }

    @Test
    @DisplayName("a truncated key, a certificate where the key goes, and a key of another type")
    void badPem() {
      String key = tls.clientKeyPem("bank");
      String certificate = tls.clientCertificatePem("bank");

      assertThat(problems(auth(certificate, key.substring(0, key.length() / 2))))
          .containsExactly(
              "collections.bank.auth.key: the BEGIN PRIVATE KEY block has no END PRIVATE KEY line;"
                  + " it looks cut off, so copy all of it");
      assertThat(problems(auth(certificate, certificate)))
          .containsExactly(
              "collections.bank.auth.key: holds a certificate (BEGIN CERTIFICATE), not a private"
                  + " key (expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE"
                  + " KEY)");
      assertThat(problems(auth(certificate, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")))
          .containsExactly(
              "collections.bank.auth.key: not a PEM private key (expected BEGIN PRIVATE KEY, BEGIN"
                  + " RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
    }

    @Test
    @DisplayName("a key that does not match the certificate")
    void mismatch() {
      assertThat(problems(auth(tls.clientCertificatePem("bank"), tls.clientKeyPem("someone-else"))))
          .containsExactly(
              "collections.bank.auth.certificate: the key does not belong to the certificate"
                  + " CN=bank; give the key this certificate was issued for");
    }

    @Test
    @DisplayName("an expired certificate, by the clock Keyway runs on")
    void expired() {
      IssuedCertificate client = tls.client("bank");
      Instant expiry = client.certificate().getNotAfter().toInstant();

      assertThat(problems(mtls(client), new FakeClock(expiry.plusSeconds(60))))
          .containsExactly(
              "collections.bank.auth.certificate: the certificate CN=bank expired at "
                  + expiry
                  + "; renew it");
    }

    @Test
    @DisplayName("a bad tls.clientCertificate, at its own path")
    void badBlock() {
      Map<String, Object> collection =
          withClientCertificate(
              collection(tls.baseUrl(), Map.of("type", "none"), "/mtls/a"),
              Map.of("certificate", tls.clientCertificatePem("bank"), "key", "not a key"));

      assertThatThrownBy(() -> keyway(Map.of("bank", collection)))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessage(
              "invalid configuration: collections.bank.tls.clientCertificate.key: not a PEM private"
                  + " key (expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE"
                  + " KEY)");
    }
  }
}
