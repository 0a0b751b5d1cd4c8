package dev.keyway.core;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.InputStream;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLPeerUnverifiedException;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback HTTPS server for core's TLS tests, with a certificate from {@code /tls}. It asks for a
 * client certificate from {@code ca.pem} without requiring one, records the subject of each
 * request's client certificate ({@code none} without one) and answers 200 with it.
 */
final class TlsServer implements AutoCloseable {

  private final List<String> subjects = new CopyOnWriteArrayList<>();
  private final DisposableServer server;

  /** Starts a server presenting fixture {@code name}.pem / {@code name}.key. */
  TlsServer(String name) {
    SslContext context;
    try (InputStream certificate = fixture(name + ".pem");
        InputStream key = fixture(name + ".key");
        InputStream ca = fixture("ca.pem")) {
      context =
          SslContextBuilder.forServer(certificate, key)
              .trustManager(ca)
              .clientAuth(ClientAuth.OPTIONAL)
              .build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .secure(spec -> spec.sslContext(context))
            .handle(
                (request, response) -> {
                  AtomicReference<Connection> connection = new AtomicReference<>();
                  request.withConnection(connection::set);
                  String subject = subject(connection.get());
                  subjects.add(subject);
                  return response
                      .header("Content-Type", "application/json")
                      .sendString(Mono.just("{\"subject\":\"" + subject + "\"}"));
                })
            .bindNow();
  }

  private static InputStream fixture(String name) {
    return TlsServer.class.getResourceAsStream("/tls/" + name);
  }

  private static String subject(Connection connection) {
    try {
      Certificate[] chain =
          connection
              .channel()
              .pipeline()
              .get(SslHandler.class)
              .engine()
              .getSession()
              .getPeerCertificates();
      return ((X509Certificate) chain[0]).getSubjectX500Principal().getName();
    } catch (SSLPeerUnverifiedException none) {
      return "none";
    }
  }

  URI baseUrl() {
    return URI.create("https://127.0.0.1:" + server.port());
  }

  /** Returns the client certificate subject of each request, in order. */
  List<String> subjects() {
    return new ArrayList<>(subjects);
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}
