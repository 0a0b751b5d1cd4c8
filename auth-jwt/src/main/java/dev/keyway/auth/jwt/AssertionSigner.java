package dev.keyway.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Optional;

/**
 * Signs the JWT assertions of RFC 7523 — a jwt-bearer grant's {@code assertion} and a {@code
 * private_key_jwt} {@code client_assertion} — with one key, its algorithm and an optional key id in
 * the header. Immutable and thread-safe (Nimbus's RSA and EC signers are); {@link #toString()}
 * names the algorithm only.
 */
final class AssertionSigner {

  private final SigningKey key;
  private final Optional<String> keyId;

  AssertionSigner(SigningKey key, Optional<String> keyId) {
    this.key = key;
    this.keyId = keyId;
  }

  /**
   * Returns {@code claims} signed and serialized. Fails with an exception that names the collection
   * and the failure's type only: Nimbus's messages are not ours to vouch for.
   */
  String sign(JWTClaimsSet claims, String collection) {
    JWSHeader.Builder header = new JWSHeader.Builder(key.algorithm()).type(JOSEObjectType.JWT);
    keyId.ifPresent(header::keyID);
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(key.signer());
    } catch (JOSEException | RuntimeException e) {
      throw new IllegalStateException(
          "collection "
              + collection
              + ": the JWT assertion could not be signed ("
              + e.getClass().getSimpleName()
              + ")");
    }
    return jwt.serialize();
  }

  /** Returns the name of the JWS algorithm, e.g. {@code RS256}. */
  String algorithm() {
    return key.algorithm().getName();
  }

  /** Reads the {@code kid} setting: stripped, absent when blank. */
  static Optional<String> keyId(Optional<String> text) {
    return text.map(String::strip).filter(kid -> !kid.isEmpty());
  }

  @Override
  public String toString() {
    return "AssertionSigner[" + algorithm() + "]";
  }
}
