package dev.keyway.core;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.ClientCertificate;
import dev.keyway.spi.ExchangeResponse;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Auth providers that exercise core's TLS: presenting certificates and making side calls. */
final class TlsTestProviders {

  private TlsTestProviders() {}

  static String fixture(String name) {
    try (InputStream in = TlsTestProviders.class.getResourceAsStream("/tls/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an EC certificate and PKCS#8 key with the JDK, as a real mtls provider would. */
  static ClientCertificate certificate(String certificatePem, String keyPem) {
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
      String base64 = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      PrivateKey key =
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      return new ClientCertificate(key, List.of(certificate));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code none}: adds nothing (core has no providers of its own). */
  static final class NoneProvider implements AuthProvider {
    @Override
    public String type() {
      return "none";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
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

  /** {@code test-presenting}: presents the fixture client certificate, adds nothing. */
  static final class PresentingProvider implements AuthProvider {
    @Override
    public String type() {
      return "test-presenting";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of();
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      ClientCertificate certificate = certificate(fixture("client.pem"), fixture("client.key"));
      return new AuthMethod() {
        @Override
        public CompletableFuture<OutboundRequest> apply(OutboundRequest request) {
          return CompletableFuture.completedFuture(request);
        }

        @Override
        public Optional<ClientCertificate> clientCertificate() {
          return Optional.of(certificate);
        }
      };
    }
  }

  /**
   * {@code mtls}: a stand-in for keyway-auth-mtls, reading {@code certificate} and {@code key} with
   * the JDK, and noting the config path of every block it read.
   */
  static final class FakeMtlsProvider implements AuthProvider {
    final List<String> paths = new ArrayList<>();

    @Override
    public String type() {
      return "mtls";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.required("certificate", "PEM certificate"),
          SettingSpec.required("key", "PKCS#8 PEM key").asSecret());
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      ConfigProblems problems = new ConfigProblems();
      String certificate = problems.requireText(settings, "certificate");
      String key = problems.requireText(settings, "key");
      problems.throwIfAny();
      paths.add(settings.path());
      ClientCertificate client = certificate(certificate, key);
      return new AuthMethod() {
        @Override
        public CompletableFuture<OutboundRequest> apply(OutboundRequest request) {
          return CompletableFuture.completedFuture(request);
        }

        @Override
        public Optional<ClientCertificate> clientCertificate() {
          return Optional.of(client);
        }
      };
    }
  }

  /**
   * {@code test-side-call}: before each request, sends a side call to {@code /token} on the same
   * origin and puts its answer in header {@code X-Side-Call}.
   */
  static final class SideCallProvider implements AuthProvider {
    @Override
    public String type() {
      return "test-side-call";
    }

    @Override
    public int apiVersion() {
      return API_VERSION;
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of();
    }

    @Override
    public AuthMethod create(Settings settings, AuthContext context) {
      return request ->
          context
              .http()
              .send(OutboundRequest.create("GET", request.origin(), "/token"))
              .thenApply(ExchangeResponse::bodyText)
              .thenApply(answer -> request.withHeader("X-Side-Call", answer));
    }
  }
}
