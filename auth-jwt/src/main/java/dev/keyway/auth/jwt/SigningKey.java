package dev.keyway.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import dev.keyway.api.ConfigProblems;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A private key with the JWS algorithm it signs with. The algorithm follows the key unless the
 * configuration names one that fits it: RSA keys sign with RS256 (default), RS384, RS512, PS256,
 * PS384 or PS512; EC keys with the one algorithm of their curve (ES256 for P-256, ES384 for P-384,
 * ES512 for P-521). {@code none} and the HMAC algorithms are never used: a token signed with a
 * shared secret is not what these methods make. RSA keys under 2048 bits are refused.
 */
record SigningKey(JWSAlgorithm algorithm, JWSSigner signer) {

  static final List<JWSAlgorithm> RSA_ALGORITHMS =
      List.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512);

  private static final Map<Curve, JWSAlgorithm> EC_ALGORITHMS =
      Map.of(
          Curve.P_256, JWSAlgorithm.ES256,
          Curve.P_384, JWSAlgorithm.ES384,
          Curve.P_521, JWSAlgorithm.ES512);

  private static final int SMALLEST_RSA_BITS = 2048;

  /**
   * Returns the signing key for {@code key} and the configured {@code algorithm}, or records a
   * problem (at {@code keyPath} or {@code algorithmPath}) and returns {@code null}.
   */
  static SigningKey choose(
      PrivateKey key,
      Optional<String> algorithm,
      String keyPath,
      String algorithmPath,
      ConfigProblems problems) {
    Optional<String> named = algorithm.map(text -> text.strip().toUpperCase(Locale.ROOT));
    if (named.isPresent() && (named.get().equals("NONE") || named.get().startsWith("HS"))) {
      problems.add(
          algorithmPath,
          named.get()
              + " is never used: the JWT is signed with the private key (RS256, RS384, RS512,"
              + " PS256, PS384, PS512, ES256, ES384 or ES512)");
      return null;
    }
    try {
      if (key instanceof RSAPrivateKey rsa) {
        return rsa(rsa, named, keyPath, algorithmPath, problems);
      }
      if (key instanceof ECPrivateKey ec) {
        return ec(ec, named, keyPath, algorithmPath, problems);
      }
    } catch (JOSEException e) {
      problems.add(keyPath, "the key cannot sign JWTs (" + e.getClass().getSimpleName() + ")");
      return null;
    }
    problems.add(
        keyPath, "is a " + key.getAlgorithm() + " key; JWTs are signed here with RSA or EC keys");
    return null;
  }

  private static SigningKey rsa(
      RSAPrivateKey key,
      Optional<String> named,
      String keyPath,
      String algorithmPath,
      ConfigProblems problems) {
    int bits = key.getModulus().bitLength();
    if (bits < SMALLEST_RSA_BITS) {
      problems.add(
          keyPath,
          "the RSA key has " + bits + " bits; at least " + SMALLEST_RSA_BITS + " are needed");
      return null;
    }
    JWSAlgorithm algorithm = named.map(JWSAlgorithm::parse).orElse(JWSAlgorithm.RS256);
    if (!RSA_ALGORITHMS.contains(algorithm)) {
      problems.add(
          algorithmPath,
          "does not fit an RSA key; expected RS256, RS384, RS512, PS256, PS384 or PS512");
      return null;
    }
    return new SigningKey(algorithm, new RSASSASigner(key));
  }

  private static SigningKey ec(
      ECPrivateKey key,
      Optional<String> named,
      String keyPath,
      String algorithmPath,
      ConfigProblems problems)
      throws JOSEException {
    Curve curve = Curve.forECParameterSpec(key.getParams());
    JWSAlgorithm fitting = curve == null ? null : EC_ALGORITHMS.get(curve);
    if (fitting == null) {
      problems.add(keyPath, "is an EC key on a curve JWTs do not use; use P-256, P-384 or P-521");
      return null;
    }
    if (named.isPresent() && !JWSAlgorithm.parse(named.get()).equals(fitting)) {
      problems.add(
          algorithmPath,
          "does not fit this EC key on "
              + curve.getName()
              + ", which signs with "
              + fitting.getName()
              + " only");
      return null;
    }
    return new SigningKey(fitting, new ECDSASigner(key));
  }

  @Override
  public String toString() {
    return "SigningKey[" + algorithm.getName() + "]";
  }
}
