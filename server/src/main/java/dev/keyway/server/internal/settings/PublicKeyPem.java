package dev.keyway.server.internal.settings;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.keyway.api.ConfigProblems;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a PEM public key ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo) that
 * verifies one JWS algorithm: RSA of at least 2048 bits for RS* and PS*, an EC key on the
 * algorithm's curve for ES*.
 */
final class PublicKeyPem {

  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";
  private static final int SHORTEST_RSA_BITS = 2048;

  private PublicKeyPem() {}

  /** Returns the key in {@code pem} as a JWK, or records a problem at {@code path}. */
  static Optional<JWK> read(String pem, JWSAlgorithm alg, String path, ConfigProblems problems) {
    String text = pem.trim();
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      problems.add(
          path,
          "not a PEM public key (expected -----BEGIN PUBLIC KEY-----; convert an RSA key with"
              + " openssl rsa -pubout)");
      return Optional.empty();
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      problems.add(path, "the PEM body is not valid base64");
      return Optional.empty();
    }
    boolean ec = JWSAlgorithm.Family.EC.contains(alg);
    PublicKey key;
    try {
      key = KeyFactory.getInstance(ec ? "EC" : "RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
      problems.add(path, "not " + (ec ? "an EC" : "an RSA") + " public key, as " + alg + " needs");
      return Optional.empty();
    }
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < SHORTEST_RSA_BITS) {
        problems.add(path, "an RSA key needs at least 2048 bits");
        return Optional.empty();
      }
      return Optional.of(new RSAKey.Builder(rsa).build());
    }
    ECPublicKey ecKey = (ECPublicKey) key;
    Curve curve = Curve.forECParameterSpec(ecKey.getParams());
    if (curve == null || !Curve.forJWSAlgorithm(alg).contains(curve)) {
      String needed =
          Curve.forJWSAlgorithm(alg).stream()
              .map(Curve::getName)
              .collect(java.util.stream.Collectors.joining(" or "));
      problems.add(path, "the key's curve cannot verify " + alg + ", which needs " + needed);
      return Optional.empty();
    }
    return Optional.of(new ECKey.Builder(curve, ecKey).build());
  }
}
