package dev.keyway.server.internal.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyway.core.Keyway;
import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.SecretSource;
import dev.keyway.server.Gateway;
import dev.keyway.server.internal.auth.CallerKeys;
import dev.keyway.testkit.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code keyway demo} runs: the testkit sandbox with random credentials, and a gateway in
 * front of it configured by {@code demo.yaml} (one collection per auth method), with a new caller
 * key and a session token for the demo's browser caller. Closing it stops both.
 */
public final class Demo implements AutoCloseable {

  private static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);

  private final Sandbox sandbox;
  private final Keyway keyway;
  private final Gateway gateway;
  private final String callerKey;
  private final String sessionToken;

  private Demo(Sandbox sandbox, int port, int adminPort) {
    this.sandbox = sandbox;
    this.callerKey = CallerKeys.newKey();
    String sessionSecret = random();
    Map<String, String> secrets = new HashMap<>();
    secrets.put("sandbox.headerKey", sandbox.headerKey());
    secrets.put("sandbox.queryKey", sandbox.queryKey());
    secrets.put("sandbox.bodyKey", sandbox.bodyKey());
    secrets.put("sandbox.basicUser", sandbox.basicUsername());
    secrets.put("sandbox.basicPassword", sandbox.basicPassword());
    secrets.put("sandbox.clientSecret", sandbox.oauth().clientSecret());
    secrets.put("demo.session", sessionSecret);
    secrets.put("demo.privateToken", random());
    Map<String, String> variables =
        Map.of(
            "SANDBOX", sandbox.baseUrl().toString(), "DEMO_KEY_HASH", CallerKeys.hash(callerKey));
    this.keyway =
        Keyway.builder()
            .config(
                ConfigLoader.create()
                    .withSecrets(SecretSource.of(secrets))
                    .withEnvironmentVariables(variables::get)
                    .parse(configText()))
            .build();
    try {
      this.gateway =
          Gateway.builder(keyway).host("127.0.0.1").port(port).adminPort(adminPort).start();
    } catch (RuntimeException e) {
      keyway.close();
      throw e;
    }
    this.sessionToken = sessionToken(sessionSecret);
  }

  /**
   * Starts the sandbox and the gateway on {@code port} and {@code adminPort} of 127.0.0.1 (0: any
   * free port).
   */
  public static Demo start(int port, int adminPort) {
    Sandbox sandbox = Sandbox.builder().oauthClient("demo-client", random()).start();
    try {
      return new Demo(sandbox, port, adminPort);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  /** Returns the text of the demo's configuration. */
  public static String configText() {
    try (InputStream in = Demo.class.getResourceAsStream("demo.yaml")) {
      if (in == null) {
        throw new IllegalStateException("demo.yaml is missing from the keyway jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String sessionToken(String secret) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("demo-user")
            .audience("keyway")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(SESSION_LIFETIME)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException("an HS256 signature with a 256-bit secret failed", e);
    }
    return jwt.serialize();
  }

  public Gateway gateway() {
    return gateway;
  }

  public URI sandboxUrl() {
    return sandbox.baseUrl();
  }

  /** Returns the demo caller's key (shown once; the gateway keeps only its hash). */
  public String callerKey() {
    return callerKey;
  }

  /** Returns a session token of the browser caller for user {@code demo-user}, valid 15 min. */
  public String sessionToken() {
    return sessionToken;
  }

  /** Returns what to print: the URLs, the key, and commands to paste. */
  public String instructions() {
    return new DemoInstructions(gateway.baseUrl(), gateway.adminUrl(), sandbox.baseUrl())
        .text(callerKey, sessionToken);
  }

  /** Blocks until the gateway has stopped. */
  public void awaitStop() throws InterruptedException {
    gateway.awaitStop();
  }

  /** Stops the gateway (calls in flight may finish for 5 s), then the sandbox. */
  @Override
  public void close() {
    try {
      gateway.stop(Duration.ofSeconds(5));
    } finally {
      keyway.close();
      sandbox.close();
    }
  }
}
