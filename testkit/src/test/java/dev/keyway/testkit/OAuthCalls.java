package dev.keyway.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls the sandbox's OAuth2 endpoints over real loopback HTTP, as a client would. */
final class OAuthCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OAuthCalls() {}

  /** Returns {@code Basic base64(urlencode(id):urlencode(secret))}, as RFC 6749 §2.3.1 says. */
  static String basic(String id, String secret) {
    return basicRaw(formEncode(id) + ":" + formEncode(secret));
  }

  /** Returns {@code Basic base64(userPass)} of UTF-8 {@code userPass} as it is. */
  static String basicRaw(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns {@code name=value&...}, each form-url-encoded in UTF-8. */
  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> formEncode(field.getKey()) + "=" + formEncode(field.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** Returns a map of {@code name, value, name, value...}, in order. */
  static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Returns a POST of {@code body} as a form to {@code url}, with {@code authorization} if set. */
  static HttpRequest tokenRequest(URI url, String authorization, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }

  /** POSTs {@code fields} to the sandbox's token endpoint, with {@code authorization} if set. */
  static HttpResponse<String> token(
      Sandbox sandbox, String authorization, Map<String, String> fields) {
    return LoopbackClient.send(
        tokenRequest(sandbox.oauth().tokenUrl(), authorization, form(fields)));
  }

  /** POSTs {@code fields} with the confidential client's {@code client_secret_basic}. */
  static HttpResponse<String> tokenAsClient(Sandbox sandbox, String... namesAndValues) {
    OAuthServer oauth = sandbox.oauth();
    return token(sandbox, basic(oauth.clientId(), oauth.clientSecret()), fields(namesAndValues));
  }

  /** Returns a new access token from the {@code client_credentials} grant. */
  static String clientCredentialsToken(Sandbox sandbox) {
    HttpResponse<String> response = tokenAsClient(sandbox, "grant_type", "client_credentials");
    if (response.statusCode() != 200) {
      throw new AssertionError("client_credentials failed: " + response.body());
    }
    return json(response).get("access_token").asText();
  }

  /** Returns the token response of a {@code password} grant by the confidential client. */
  static JsonNode passwordGrant(Sandbox sandbox) {
    OAuthServer oauth = sandbox.oauth();
    HttpResponse<String> response =
        tokenAsClient(
            sandbox,
            "grant_type",
            "password",
            "username",
            oauth.username(),
            "password",
            oauth.password());
    if (response.statusCode() != 200) {
      throw new AssertionError("password grant failed: " + response.body());
    }
    return json(response);
  }

  /** Presents {@code refreshToken} as the confidential client. */
  static HttpResponse<String> refresh(Sandbox sandbox, String refreshToken) {
    return tokenAsClient(sandbox, "grant_type", "refresh_token", "refresh_token", refreshToken);
  }

  /** Calls {@code /oauth/api + path} with {@code Authorization: Bearer token}. */
  static HttpResponse<String> api(Sandbox sandbox, String path, String token) {
    return LoopbackClient.send(
        HttpRequest.newBuilder(URI.create(sandbox.oauth().apiUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  /** Returns the body of {@code response} as JSON. */
  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Returns the {@code error} of an OAuth2 error response. */
  static String error(HttpResponse<String> response) {
    return json(response).path("error").asText();
  }

  /** Returns {@code claims} signed ES256 with {@code keys}. */
  static String sign(JWTClaimsSet claims, KeyPair keys) {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
    try {
      jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
