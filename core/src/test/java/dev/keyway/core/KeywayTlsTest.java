package dev.keyway.core;

import static dev.keyway.core.TlsTestProviders.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.spi.AuthProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Keyway over TLS")
class KeywayTlsTest {

  private static final String CA = fixture("ca.pem");

  private final List<AutoCloseable> closeLater = new ArrayList<>();
  private final TlsTestProviders.FakeMtlsProvider mtls = new TlsTestProviders.FakeMtlsProvider();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeLater) {
      closeable.close();
    }
  }

  private <T extends AutoCloseable> T closing(T closeable) {
    closeLater.add(closeable);
    return closeable;
  }

  private static Map<String, Object> collection(URI baseUrl, Object auth, Object tls) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("baseUrl", baseUrl.toString());
    collection.put("auth", auth);
    collection.put("calls", Map.of("get", Map.of("path", "/things")));
    if (tls != null) {
      collection.put("tls", tls);
    }
    return collection;
  }

  private Keyway keyway(Map<String, Object> collections, AuthProvider... providers) {
    Keyway.Builder builder =
        Keyway.builder()
            .configTree(Map.of("environment", "dev", "collections", collections))
            .provider(new TlsTestProviders.NoneProvider())
            .provider(new TlsTestProviders.PresentingProvider())
            .provider(new TlsTestProviders.SideCallProvider());
    for (AuthProvider provider : providers) {
      builder.provider(provider);
    }
    return closing(builder.build());
  }

  private Keyway keyway(URI baseUrl, Object auth, Object tls) {
    return keyway(Map.of("bank", collection(baseUrl, auth, tls)), mtls);
  }

  private static ApiResponse call(Keyway keyway, String collection) {
    return keyway.call(collection, "get", Map.of()).toCompletableFuture().join();
  }

  private static List<String> problems(Runnable build) {
    try {
      build.run();
    } catch (InvalidConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("the configuration was accepted");
  }

  @Test
  @DisplayName("trustedCertificates lets a collection call an upstream behind a private CA")
  void trustsPrivateCa() {
    TlsServer server = closing(new TlsServer("server"));

    ApiResponse response =
        call(
            keyway(server.baseUrl(), Map.of("type", "none"), Map.of("trustedCertificates", CA)),
            "bank");

    assertThat(response.status()).isEqualTo(200);
    assertThat(server.subjects()).containsExactly("none");
  }

  @Test
  @DisplayName("without trustedCertificates the handshake fails, with a message that says so")
  void refusesUnknownCa() {
    TlsServer server = closing(new TlsServer("server"));
    Keyway keyway = keyway(server.baseUrl(), Map.of("type", "none"), null);

    assertThatThrownBy(() -> call(keyway, "bank"))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(UpstreamException.class)
        .hasMessage(
            "collection bank, call get: the TLS handshake with the upstream failed; check its"
                + " certificate (and tls.trustedCertificates for a private CA) and the client"
                + " certificate");
    assertThat(server.subjects()).isEmpty();
  }

  @Test
  @DisplayName("a trusted certificate for another host name is refused: host names are verified")
  void verifiesHostName() {
    TlsServer server = closing(new TlsServer("wrong-host"));
    Keyway keyway =
        keyway(server.baseUrl(), Map.of("type", "none"), Map.of("trustedCertificates", CA));

    assertThatThrownBy(() -> call(keyway, "bank"))
        .cause()
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("the TLS handshake with the upstream failed");
    assertThat(server.subjects()).isEmpty();
  }

  @Test
  @DisplayName("the client certificate an auth method offers is presented in the handshake")
  void presentsMethodCertificate() {
    TlsServer server = closing(new TlsServer("server"));

    call(
        keyway(
            server.baseUrl(), Map.of("type", "test-presenting"), Map.of("trustedCertificates", CA)),
        "bank");

    assertThat(server.subjects()).containsExactly("CN=core-client");
  }

  @Test
  @DisplayName("tls.clientCertificate is read with the mtls provider at its own path")
  void readsClientCertificateBlock() {
    TlsServer server = closing(new TlsServer("server"));
    Map<String, Object> tls =
        Map.of(
            "trustedCertificates",
            CA,
            "clientCertificate",
            Map.of("certificate", fixture("client.pem"), "key", fixture("client.key")));

    call(keyway(server.baseUrl(), Map.of("type", "none"), tls), "bank");

    assertThat(server.subjects()).containsExactly("CN=core-client");
    assertThat(mtls.paths).containsExactly("collections.bank.tls.clientCertificate");
  }

  @Test
  @DisplayName("a second collection to the same host does not present the first one's certificate")
  void certificateStaysWithItsCollection() {
    TlsServer server = closing(new TlsServer("server"));
    Map<String, Object> collections = new LinkedHashMap<>();
    collections.put(
        "withCertificate",
        collection(
            server.baseUrl(),
            Map.of("type", "test-presenting"),
            Map.of("trustedCertificates", CA)));
    collections.put(
        "without",
        collection(server.baseUrl(), Map.of("type", "none"), Map.of("trustedCertificates", CA)));
    Keyway keyway = keyway(collections);

    call(keyway, "withCertificate");
    call(keyway, "without");
    call(keyway, "withCertificate");
    call(keyway, "without");

    assertThat(server.subjects())
        .containsExactly("CN=core-client", "none", "CN=core-client", "none");
  }

  @Test
  @DisplayName("side calls of an auth method go through its collection's TLS settings")
  void sideCallsUseTls() {
    TlsServer server = closing(new TlsServer("server"));
    Map<String, Object> tls =
        Map.of(
            "trustedCertificates",
            CA,
            "clientCertificate",
            Map.of("certificate", fixture("client.pem"), "key", fixture("client.key")));

    call(keyway(server.baseUrl(), Map.of("type", "test-side-call"), tls), "bank");

    // The side call and the call itself, both with the certificate.
    assertThat(server.subjects()).containsExactly("CN=core-client", "CN=core-client");
  }

  @Test
  @DisplayName("tls.clientCertificate without the mtls module is a config error naming it")
  void needsMtlsModule() {
    Map<String, Object> tls = Map.of("clientCertificate", Map.of("certificate", "x", "key", "y"));

    assertThat(
            problems(
                () ->
                    keyway(
                        Map.of(
                            "bank",
                            collection(
                                URI.create("https://bank.example"), Map.of("type", "none"), tls)))))
        .containsExactly(
            "collections.bank.tls.clientCertificate: reading a client certificate needs the"
                + " keyway-auth-mtls module on the class path");
  }

  @Test
  @DisplayName("a certificate from both the auth method and tls.clientCertificate is refused")
  void oneCertificateOnly() {
    Map<String, Object> tls = Map.of("clientCertificate", Map.of("certificate", "x", "key", "y"));

    assertThat(
            problems(
                () ->
                    keyway(
                        URI.create("https://bank.example"),
                        Map.of("type", "test-presenting"),
                        tls)))
        .containsExactly(
            "collections.bank.tls.clientCertificate: the auth method (test-presenting) already"
                + " presents a client certificate; configure it in one place");
  }

  @Test
  @DisplayName("the mtls provider's problems carry the tls.clientCertificate path")
  void blockProblems() {
    Map<String, Object> tls = Map.of("clientCertificate", Map.of("certificate", "x", "pem", "y"));

    assertThat(
            problems(() -> keyway(URI.create("https://bank.example"), Map.of("type", "none"), tls)))
        .containsExactly(
            "collections.bank.tls.clientCertificate.pem: not a setting of mtls; known:"
                + " certificate, key");
  }

  @Test
  @DisplayName("a client certificate with an http:// baseUrl is refused")
  void needsHttps() {
    assertThat(
            problems(
                () ->
                    keyway(
                        URI.create("http://bank.example"),
                        Map.of("type", "test-presenting"),
                        null)))
        .containsExactly(
            "collections.bank.baseUrl: a client certificate is only presented over TLS; use an"
                + " https:// baseUrl");
  }
}
