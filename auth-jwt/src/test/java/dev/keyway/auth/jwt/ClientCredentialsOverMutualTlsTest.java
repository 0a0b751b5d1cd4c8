package dev.keyway.auth.jwt;

import static dev.keyway.auth.jwt.BearerKeyway.auth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.IssuedCertificate;
import dev.keyway.testkit.Sandbox;
import dev.keyway.testkit.SandboxTls;
import dev.keyway.testkit.TlsCaller;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A token method combined with {@code tls.clientCertificate}, against the sandbox's listener that
 * refuses a TLS handshake without a certificate from its CA: the token request and the API call
 * both go over the collection's mutual-TLS client, as a bank's gateway demands.
 */
@DisplayName("Token methods over mutual TLS")
class ClientCredentialsOverMutualTlsTest {

  private static final String CLIENT = "bank-client";
  private static final String SECRET = "bank:secret+%";
  private static final KeyPair RSA = Pems.rsa(2048);

  // The sandbox's CA issues certificates valid from the real now.
  private final FakeClock clock = new FakeClock(Instant.now());
  private final Sandbox sandbox =
      Sandbox.builder().clock(clock).oauthClient(CLIENT, SECRET).start();
  private final SandboxTls tls = sandbox.tls();
  private final List<Keyway> built = new ArrayList<>();

  @AfterEach
  void close() {
    built.forEach(Keyway::close);
    sandbox.close();
  }

  private String tokenUrl() {
    return tls.strictBaseUrl() + "/oauth/token";
  }

  private Keyway bank(Map<String, Object> auth, Optional<IssuedCertificate> certificate) {
    Map<String, Object> tlsSettings = new LinkedHashMap<>();
    tlsSettings.put("trustedCertificates", tls.caCertificatePem());
    certificate.ifPresent(
        issued ->
            tlsSettings.put(
                "clientCertificate",
                Map.of("certificate", issued.certificatePem(), "key", issued.privateKeyPem())));
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("baseUrl", tls.strictBaseUrl().toString());
    collection.put("auth", auth);
    collection.put("tls", tlsSettings);
    collection.put("calls", Map.of("get", Map.of("method", "GET", "path", "/oauth/api/accounts")));
    Keyway keyway =
        Keyway.builder()
            .configTree(Map.of("environment", "dev", "collections", Map.of("bank", collection)))
            .clock(clock)
            .build();
    built.add(keyway);
    return keyway;
  }

  private static ApiResponse call(Keyway keyway) {
    return keyway.call("bank", "get", Map.of()).toCompletableFuture().join();
  }

  private void assertBothPresentedTheCertificate() {
    assertThat(tls.callers())
        .containsExactly(
            new TlsCaller("/oauth/token", Optional.of("CN=bank"), true),
            new TlsCaller("/oauth/api/accounts", Optional.of("CN=bank"), true));
  }

  @Test
  @DisplayName("oauth2-client-credentials with a client secret: token request and call present it")
  void clientSecret() {
    Keyway keyway =
        bank(
            auth(
                "oauth2-client-credentials",
                "tokenEndpoint",
                tokenUrl(),
                "clientId",
                CLIENT,
                "clientSecret",
                SECRET),
            Optional.of(tls.client("bank")));

    ApiResponse response = call(keyway);

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(response.bodyText()).contains("\"client\":\"" + CLIENT + "\"");
    assertBothPresentedTheCertificate();
  }

  @Test
  @DisplayName("oauth2-client-credentials with private_key_jwt, whose aud is the https endpoint")
  void privateKeyJwt() {
    sandbox.oauth().trustClientKey(CLIENT, RSA.getPublic());
    Keyway keyway =
        bank(
            auth(
                "oauth2-client-credentials",
                "tokenEndpoint",
                tokenUrl(),
                "clientId",
                CLIENT,
                "clientAuth",
                "private_key_jwt",
                "privateKey",
                Pems.pkcs8(RSA.getPrivate())),
            Optional.of(tls.client("bank")));

    ApiResponse response = call(keyway);

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertBothPresentedTheCertificate();
  }

  @Test
  @DisplayName("jwt-bearer: token request and call present it")
  void jwtBearer() {
    sandbox.oauth().trustAssertionKey("robot", RSA.getPublic());
    Keyway keyway =
        bank(
            auth(
                "jwt-bearer",
                "tokenEndpoint",
                tokenUrl(),
                "iss",
                "robot",
                "privateKey",
                Pems.pkcs8(RSA.getPrivate())),
            Optional.of(tls.client("bank")));

    ApiResponse response = call(keyway);

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertBothPresentedTheCertificate();
  }

  @Test
  @DisplayName("without the certificate the token request fails in the handshake")
  void withoutCertificate() {
    Keyway keyway =
        bank(
            auth(
                "oauth2-client-credentials",
                "tokenEndpoint",
                tokenUrl(),
                "clientId",
                CLIENT,
                "clientSecret",
                SECRET),
            Optional.empty());

    assertThat(catchThrowable(() -> call(keyway))).isNotNull();
    assertThat(sandbox.oauth().tokenRequests()).isZero();
    assertThat(tls.callers()).isEmpty();
  }
}
