package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's HTTPS listeners")
class SandboxTlsTest {

  private final Sandbox sandbox = Sandbox.start();
  private final SandboxTls tls = sandbox.tls();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private TlsClient presenting(IssuedCertificate certificate) {
    return TlsClient.of(tls.ca().certificate(), certificate);
  }

  @Test
  @DisplayName("/mtls answers 200 with the subject of a client certificate from the test CA")
  void acceptsTrustedCertificate() throws IOException {
    HttpResponse<String> response = presenting(tls.client("bank")).get(tls.baseUrl(), "/mtls/a");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"ok\":true,\"realm\":\"mtls\",\"subject\":\"CN=bank\"}");
    assertThat(tls.lastCaller()).isEqualTo(new TlsCaller("/mtls/a", Optional.of("CN=bank"), true));
    assertThat(sandbox.lastRequest().rawPath()).isEqualTo("/mtls/a");
  }

  @Test
  @DisplayName("/mtls answers 401 without a client certificate, and notes that none came")
  void refusesMissingCertificate() throws IOException {
    HttpResponse<String> response = presenting(null).get(tls.baseUrl(), "/mtls/a");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(tls.lastCaller()).isEqualTo(new TlsCaller("/mtls/a", Optional.empty(), false));
  }

  @Test
  @DisplayName("/mtls answers 401 to a certificate from another CA, naming its subject")
  void refusesForeignCertificate() throws IOException {
    HttpResponse<String> response =
        presenting(tls.foreignClient("bank")).get(tls.baseUrl(), "/mtls/a");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(tls.lastCaller()).isEqualTo(new TlsCaller("/mtls/a", Optional.of("CN=bank"), false));
  }

  @Test
  @DisplayName("/mtls answers 401 to an expired certificate from the test CA")
  void refusesExpiredCertificate() throws IOException {
    Instant now = Instant.now();
    IssuedCertificate expired =
        tls.ca()
            .issueClient(
                "old",
                TestCa.ecKeyPair(),
                now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)));

    HttpResponse<String> response = presenting(expired).get(tls.baseUrl(), "/mtls/a");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(tls.lastCaller().trusted()).isFalse();
  }

  @Test
  @DisplayName("the other routes work over TLS and are recorded with the plain HTTP ones")
  void servesOtherRoutes() throws IOException {
    HttpResponse<String> response = presenting(null).get(tls.baseUrl(), "/echo/x");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sandbox.requests()).hasSize(1);
    assertThat(tls.callers()).hasSize(1);
  }

  @Test
  @DisplayName("the strict listener refuses the handshake without a certificate from the test CA")
  void strictListenerRequiresCertificate() throws IOException {
    URI strict = tls.strictBaseUrl();

    assertThatThrownBy(() -> presenting(null).get(strict, "/mtls/a"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> presenting(tls.foreignClient("x")).get(strict, "/mtls/a"))
        .isInstanceOf(IOException.class);
    assertThat(sandbox.requests()).isEmpty();
    assertThat(presenting(tls.client("x")).get(strict, "/mtls/a").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("the server certificate names 127.0.0.1, so a client verifying the host accepts it")
  void serverCertificateMatchesHost() throws IOException {
    // The JDK client verifies the host name; a mismatch would fail the handshake.
    assertThat(presenting(null).get(tls.baseUrl(), "/echo").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a client certificate is the same for the same name, and the key is PKCS#8 PEM")
  void clientMaterial() {
    assertThat(tls.client("a")).isSameAs(tls.client("a"));
    assertThat(tls.clientKeyPem("a")).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(tls.clientCertificatePem("a")).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(tls.caCertificatePem()).isEqualTo(tls.ca().certificatePem());
    assertThat(tls.client("a").toString()).isEqualTo("IssuedCertificate[CN=a]");
  }

  @Test
  @DisplayName("closing the sandbox stops the HTTPS listeners; the certificates stay readable")
  void closeStopsListeners() {
    URI url = tls.baseUrl();
    TlsClient client = presenting(null);
    sandbox.close();

    assertThatThrownBy(() -> client.get(url, "/echo")).isInstanceOf(IOException.class);
    assertThatThrownBy(tls::baseUrl).isInstanceOf(IllegalStateException.class);
    assertThat(tls.clientKeyPem("after")).startsWith("-----BEGIN PRIVATE KEY-----");
  }
}
