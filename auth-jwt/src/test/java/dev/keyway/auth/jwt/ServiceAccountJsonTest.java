package dev.keyway.auth.jwt;

import static dev.keyway.auth.jwt.BearerKeyway.auth;
import static dev.keyway.auth.jwt.BearerKeyway.call;
import static dev.keyway.auth.jwt.BearerKeyway.form;
import static dev.keyway.auth.jwt.BearerKeyway.jwt;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyway.core.ApiResponse;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** jwt-bearer with a Google-style service-account key file instead of separate settings. */
@DisplayName("jwt-bearer with serviceAccountJson")
class ServiceAccountJsonTest {

  private static final String EMAIL = "robot@my-project.iam.gserviceaccount.com";
  private static final KeyPair RSA = Pems.rsa(2048);

  private final BearerKeyway fixture = new BearerKeyway();

  @AfterEach
  void close() {
    fixture.close();
  }

  /** Returns a key file as Google writes it, the PEM's line breaks escaped as JSON \n. */
  private Map<String, Object> keyFile() {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("type", "service_account");
    file.put("project_id", "my-project");
    file.put("private_key_id", "4f8e0c1d2b3a");
    file.put("private_key", Pems.pkcs8(RSA.getPrivate()));
    file.put("client_email", EMAIL);
    file.put("client_id", "107318823098012345678");
    file.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
    file.put("token_uri", fixture.tokenUrl());
    file.put("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs");
    return file;
  }

  private static String json(Map<String, Object> file) {
    return JSONObjectUtils.toJSONString(file);
  }

  @Test
  @DisplayName("works end to end: iss, key, kid and token endpoint come from the file")
  void endToEnd() throws Exception {
    fixture.sandbox.oauth().trustAssertionKey(EMAIL, RSA.getPublic());
    String file = json(keyFile());
    assertThat(file).contains("\\n");

    ApiResponse response =
        call(
            fixture.build(
                auth(
                    "jwt-bearer",
                    "serviceAccountJson",
                    file,
                    "scope",
                    "https://www.googleapis.com/auth/cloud-platform")));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    SignedJWT assertion = jwt(fixture.tokenRequests().get(0), "assertion");
    assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("4f8e0c1d2b3a");
    JWTClaimsSet claims = assertion.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(EMAIL);
    assertThat(claims.getAudience()).containsExactly(fixture.tokenUrl());
    assertThat(claims.getStringClaim("scope"))
        .isEqualTo("https://www.googleapis.com/auth/cloud-platform");
    assertThat(form(fixture.tokenRequests().get(0))).containsOnlyKeys("grant_type", "assertion");
  }

  @Test
  @DisplayName("impersonates a user with sub, and takes a token endpoint the file lacks")
  void subjectAndMissingTokenUri() throws Exception {
    fixture.sandbox.oauth().trustAssertionKey(EMAIL, RSA.getPublic());
    Map<String, Object> file = keyFile();
    file.remove("token_uri");

    ApiResponse response =
        call(
            fixture.build(
                auth(
                    "jwt-bearer",
                    "serviceAccountJson",
                    json(file),
                    "tokenEndpoint",
                    fixture.tokenUrl(),
                    "sub",
                    "admin@example.com")));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    JWTClaimsSet claims = jwt(fixture.tokenRequests().get(0), "assertion").getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("admin@example.com");
  }

  @Test
  @DisplayName("a setting the file also gives is a config problem, at the setting's path")
  void conflicts() {
    assertThat(
            fixture.problems(
                auth(
                    "jwt-bearer",
                    "serviceAccountJson",
                    json(keyFile()),
                    "iss",
                    "someone@else",
                    "privateKey",
                    Pems.pkcs8(RSA.getPrivate()),
                    "kid",
                    "k",
                    "tokenEndpoint",
                    fixture.tokenUrl())))
        .containsExactlyInAnyOrder(
            "collections.api.auth.iss: given twice: serviceAccountJson has client_email; remove"
                + " this setting or use no key file",
            "collections.api.auth.privateKey: given twice: serviceAccountJson has private_key;"
                + " remove this setting or use no key file",
            "collections.api.auth.kid: given twice: serviceAccountJson has private_key_id; remove"
                + " this setting or use no key file",
            "collections.api.auth.tokenEndpoint: given twice: serviceAccountJson has token_uri;"
                + " remove this setting or use no key file");
  }

  @Test
  @DisplayName("a file that is not JSON, of another type, or with a bad key, without quoting it")
  void badFiles() {
    String pem = Pems.pkcs8(RSA.getPrivate());
    String notJson = "{\"private_key\": \"" + pem.substring(30, 60) + "\",";
    assertThat(fixture.problems(auth("jwt-bearer", "serviceAccountJson", notJson)))
        .singleElement()
        .asString()
        .startsWith("collections.api.auth.serviceAccountJson: not a service-account key file")
        .doesNotContain(pem.substring(30, 60));

    Map<String, Object> user = keyFile();
    user.put("type", "authorized_user");
    assertThat(fixture.problems(auth("jwt-bearer", "serviceAccountJson", json(user))))
        .singleElement()
        .asString()
        .isEqualTo(
            "collections.api.auth.serviceAccountJson: is a key file of type authorized_user;"
                + " expected a service account (type service_account)");

    Map<String, Object> broken = keyFile();
    broken.put("private_key", pem.substring(0, pem.length() - 40));
    assertThat(fixture.problems(auth("jwt-bearer", "serviceAccountJson", json(broken))))
        .singleElement()
        .asString()
        .startsWith("collections.api.auth.serviceAccountJson: its private_key: the BEGIN PRIVATE");

    assertThat(fixture.problems(auth("jwt-bearer", "serviceAccountJson", keyFile())))
        .singleElement()
        .asString()
        .startsWith(
            "collections.api.auth.serviceAccountJson: expected the key file's JSON as one text")
        .doesNotContain(pem.substring(30, 60));

    Map<String, Object> numbers = keyFile();
    numbers.put("client_email", 42);
    assertThat(fixture.problems(auth("jwt-bearer", "serviceAccountJson", json(numbers))))
        .containsExactly(
            "collections.api.auth.serviceAccountJson: its client_email is not a JSON string");
  }

  @Test
  @DisplayName(
      "with clientAuth private_key_jwt, the client assertion is signed with the file's key")
  void privateKeyJwt() throws Exception {
    fixture.sandbox.oauth().trustAssertionKey(EMAIL, RSA.getPublic());
    fixture.sandbox.oauth().trustClientKey(BearerKeyway.CLIENT_ID, RSA.getPublic());

    ApiResponse response =
        call(
            fixture.build(
                auth(
                    "jwt-bearer",
                    "serviceAccountJson",
                    json(keyFile()),
                    "clientId",
                    BearerKeyway.CLIENT_ID,
                    "clientAuth",
                    "private_key_jwt")));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    SignedJWT client = jwt(fixture.tokenRequests().get(0), "client_assertion");
    assertThat(client.getHeader().getKeyID()).isEqualTo("4f8e0c1d2b3a");
    assertThat(client.getJWTClaimsSet().getIssuer()).isEqualTo(BearerKeyway.CLIENT_ID);
  }
}
