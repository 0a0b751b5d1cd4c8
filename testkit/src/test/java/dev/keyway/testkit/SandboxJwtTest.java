package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's jwt realm")
class SandboxJwtTest {

  private final FakeClock clock = new FakeClock();
  private final Sandbox sandbox = Sandbox.builder().clock(clock).start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private HttpResponse<String> call(String authorization) {
    return LoopbackClient.send(
        LoopbackClient.request(sandbox, "/jwt/things")
            .header("Authorization", authorization)
            .build());
  }

  private String ecToken(KeyPair keys, Duration lifetime) throws JOSEException {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("test")
            .issueTime(Date.from(clock.instant()))
            .expirationTime(Date.from(clock.instant().plus(lifetime)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
    jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
    return jwt.serialize();
  }

  @Test
  @DisplayName("accepts its own token after Bearer, Token or JWT and one space")
  void acceptsSchemes() {
    String token = sandbox.jwt().token();

    assertThat(call("Bearer " + token).statusCode()).isEqualTo(200);
    assertThat(call("Token " + token).statusCode()).isEqualTo(200);
    assertThat(call("JWT " + token).statusCode()).isEqualTo(200);
    assertThat(call("Bearer " + token).body()).isEqualTo("{\"ok\":true,\"realm\":\"jwt\"}");
  }

  @Test
  @DisplayName("refuses two spaces, no scheme, and a token whose payload was changed")
  void refusesMalformed() {
    String token = sandbox.jwt().token();
    String[] parts = token.split("\\.");
    String tampered =
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

    assertThat(call("Bearer  " + token).statusCode()).isEqualTo(401);
    assertThat(call(token).statusCode()).isEqualTo(401);
    assertThat(call("Bearer " + tampered).statusCode()).isEqualTo(401);
    assertThat(call("Bearer " + parts[0] + "." + parts[1] + ".").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("refuses a token once the sandbox clock passes its exp")
  void refusesExpired() {
    String token = sandbox.jwt().token(clock.instant().plus(Duration.ofMinutes(5)));

    assertThat(call("Bearer " + token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(5));
    assertThat(call("Bearer " + token).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("accepts a key only once it is trusted")
  void trustsRegisteredKeys() throws JOSEException {
    KeyPair keys = TestCa.ecKeyPair();
    String token = ecToken(keys, Duration.ofMinutes(10));

    assertThat(call("Bearer " + token).statusCode()).isEqualTo(401);
    sandbox.jwt().trust(keys.getPublic());
    assertThat(call("Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("trusts its EC key from the start")
  void trustsEcKey() throws Exception {
    KeyPair sandboxEc = new KeyPair(sandbox.jwt().ecPublicKey(), SandboxKeys.ec().getPrivate());

    assertThat(call("Bearer " + ecToken(sandboxEc, Duration.ofMinutes(1))).statusCode())
        .isEqualTo(200);
    assertThat(sandbox.jwt().ecPrivateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(sandbox.jwt().privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
  }
}
