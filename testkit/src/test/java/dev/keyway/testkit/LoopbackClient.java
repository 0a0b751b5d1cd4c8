package dev.keyway.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends test requests to a {@link Sandbox} over real loopback HTTP. */
final class LoopbackClient {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private LoopbackClient() {}

  /** Returns a request builder for {@code path} (with any query) on {@code sandbox}. */
  static HttpRequest.Builder request(Sandbox sandbox, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
        .timeout(Duration.ofSeconds(10));
  }

  /** Sends a GET to {@code pathAndQuery}. */
  static HttpResponse<String> get(Sandbox sandbox, String pathAndQuery) {
    return send(request(sandbox, pathAndQuery).GET().build());
  }

  /** Sends {@code request} and reads the body as text. */
  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Returns the shared client, for asynchronous sends. */
  static HttpClient client() {
    return CLIENT;
  }

  /**
   * Writes {@code rawRequest} as it is on a new connection and returns the status line, for
   * requests the JDK client refuses to send. The request should say {@code Connection: close}.
   */
  static String sendRaw(Sandbox sandbox, String rawRequest) {
    try (Socket socket = new Socket("127.0.0.1", sandbox.baseUrl().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(rawRequest.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = response.indexOf("\r\n");
      return end < 0 ? response : response.substring(0, end);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
