package dev.keyway.auth.jwt;

import static dev.keyway.auth.jwt.JwtKeyway.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.keyway.core.Keyway;
import dev.keyway.testkit.FakeClock;
import dev.keyway.testkit.LogCapture;
import dev.keyway.testkit.Sandbox;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("jwt-static")
class JwtStaticTest {

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox = Sandbox.builder().clock(clock).start();
  private final JwtKeyway keyways = new JwtKeyway(sandbox, clock);

  @AfterEach
  void close() {
    keyways.close();
    sandbox.close();
  }

  private static Map<String, Object> auth(String token, String scheme) {
    return scheme == null
        ? Map.of("type", "jwt-static", "token", token)
        : Map.of("type", "jwt-static", "token", token, "scheme", scheme);
  }

  @Test
  @DisplayName(
      "sends Authorization: Bearer, a single space and the token, which the sandbox accepts")
  void sendsBearer() {
    String token = sandbox.jwt().token();

    assertThat(call(keyways.build(auth(token, null))).status()).isEqualTo(200);
    assertThat(sandbox.lastRequest().header("Authorization")).contains("Bearer " + token);
  }

  @Test
  @DisplayName("sends the configured scheme instead: Token, JWT")
  void sendsOtherSchemes() {
    String token = sandbox.jwt().token();

    call(keyways.build(auth(token, "Token")));
    assertThat(sandbox.lastRequest().header("Authorization")).contains("Token " + token);
    call(keyways.build(auth(token, "JWT")));
    assertThat(sandbox.lastRequest().header("Authorization")).contains("JWT " + token);
    assertThat(sandbox.lastRequest().headers().all("Authorization")).hasSize(1);
  }

  @Test
  @DisplayName("drops whitespace around the token, as a file or a paste leaves it")
  void stripsWhitespace() {
    String token = sandbox.jwt().token();

    assertThat(call(keyways.build(auth("\n  " + token + " \n", null))).status()).isEqualTo(200);
    assertThat(sandbox.lastRequest().header("Authorization")).contains("Bearer " + token);
  }

  @Test
  @DisplayName("accepts a token without exp, and an encrypted one whose exp it cannot read")
  void noReadableExpiry() throws Exception {
    EncryptedJWT encrypted =
        new EncryptedJWT(
            new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
            new JWTClaimsSet.Builder().subject("x").build());
    encrypted.encrypt(new RSAEncrypter((RSAPublicKey) Pems.rsa(2048).getPublic()));
    String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";

    try (LogCapture logs = LogCapture.start()) {
      Keyway a = keyways.build(auth(encrypted.serialize(), null));
      Keyway b = keyways.build(auth(unsigned, null));
      clock.advance(Duration.ofDays(3650));
      call(a);
      call(b);
      assertThat(logs.text()).doesNotContain("expire");
    }
  }

  @Nested
  @DisplayName("refuses")
  class Refuses {

    @Test
    @DisplayName("a value that is not a JWT")
    void malformed() {
      String expected =
          "collections.api.auth.token: not a JWT (expected base64url parts separated by dots:"
              + " header.payload.signature)";

      assertThat(keyways.problems(auth("not-a-jwt", null))).containsExactly(expected);
      assertThat(keyways.problems(auth("abc.def.ghi", null))).containsExactly(expected);
    }

    @Test
    @DisplayName("a token with its scheme in front, and a scheme that is not one word")
    void schemes() {
      String token = sandbox.jwt().token();

      assertThat(keyways.problems(auth("Bearer " + token, null)))
          .containsExactly(
              "collections.api.auth.token: starts with a word and a space, like a scheme (Bearer"
                  + " ...); give the token alone, and the word in scheme");
      assertThat(keyways.problems(auth(token, "Bearer token")))
          .containsExactly(
              "collections.api.auth.scheme: expected one word such as Bearer, Token or JWT (the"
                  + " space after it is added)");
    }

    @Test
    @DisplayName("a token that has expired by the clock Keyway runs on")
    void expired() {
      Instant exp = clock.instant().plus(Duration.ofMinutes(5));
      String token = sandbox.jwt().token(exp);
      clock.advance(Duration.ofMinutes(5));

      assertThat(keyways.problems(auth(token, null)))
          .containsExactly(
              "collections.api.auth.token: the token expired at " + exp + "; configure a new one");
    }

    @Test
    @DisplayName("without any part of the token in the message")
    void noTokenInMessages() {
      String token = sandbox.jwt().token(clock.instant().minusSeconds(1));
      String payload = token.split("\\.")[1];

      assertThat(String.join("\n", keyways.problems(auth(token, null)))).doesNotContain(payload);
      assertThat(String.join("\n", keyways.problems(auth(token.replace('.', '!'), null))))
          .doesNotContain(payload.substring(0, 20));
    }
  }

  @Nested
  @DisplayName("warns before the token expires")
  class Warns {

    @Test
    @DisplayName("at load, when fewer than seven days are left")
    void atLoad() {
      String soon = sandbox.jwt().token(clock.instant().plus(Duration.ofDays(2)));
      String later = sandbox.jwt().token(clock.instant().plus(Duration.ofDays(8)));
      String loadLater;
      try (LogCapture logs = LogCapture.start()) {
        keyways.build(auth(later, null));
        loadLater = logs.text();
      }
      String loadSoon;
      try (LogCapture logs = LogCapture.start()) {
        keyways.build(auth(soon, null));
        loadSoon = logs.text();
      }

      assertThat(loadLater).doesNotContain("expires");
      assertThat(loadSoon)
          .contains(
              "collections.api.auth.token: the token expires at 2025-01-03T00:00:00Z, in 2"
                  + " days; configure a new one before then")
          .doesNotContain(soon.split("\\.")[1]);
    }

    @Test
    @DisplayName("while running, once as it nears its exp and once when it has passed")
    void whileRunning() {
      Instant exp = clock.instant().plus(Duration.ofDays(30));
      Keyway keyway = keyways.build(auth(sandbox.jwt().token(exp), null));
      String logs;
      try (LogCapture capture = LogCapture.start()) {
        call(keyway);
        clock.set(exp.minus(Duration.ofDays(6)));
        call(keyway);
        call(keyway);
        clock.set(exp);
        call(keyway);
        call(keyway);
        logs = capture.text();
      }

      assertThat(logs.split("the token expires at", -1)).hasSize(2);
      assertThat(logs).contains("in 6 days; configure a new one before then");
      assertThat(logs.split("the token expired at", -1)).hasSize(2);
      assertThat(logs)
          .contains(
              "collections.api.auth.token: the token expired at "
                  + exp
                  + "; the upstream will refuse it, so configure a new one");
    }
  }

  @Test
  @DisplayName("shows the scheme only in toString, and the token is a secret setting")
  void keepsTokenSecret() {
    String token = sandbox.jwt().token();
    Keyway keyway = keyways.build(auth(token, null));

    assertThat(keyway.authMethod("api")).hasToString("jwt-static[Bearer]");
    assertThat(new JwtStaticProvider().settings().get(0).secret()).isTrue();
  }
}
