package dev.keyway.server.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.keyway.server.internal.settings.CallerSettings;
import dev.keyway.server.internal.settings.SessionSettings;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the session tokens of one caller with Nimbus: only the configured algorithm, only the
 * configured keys, then the claims ({@link SessionClaimsVerifier}). Thread-safe.
 */
final class SessionVerifier {

  private final CallerSettings caller;
  private final SessionSettings settings;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  SessionVerifier(CallerSettings caller, SessionSettings settings, Clock clock) {
    this.caller = caller;
    this.settings = settings;
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(settings.algorithm(), settings.keys()));
    processor.setJWTClaimsSetVerifier(new SessionClaimsVerifier(settings, clock));
  }

  JWSAlgorithm algorithm() {
    return settings.algorithm();
  }

  /**
   * Returns the caller named by {@code token} when this caller's key signed it; empty when the
   * signature is not this caller's.
   *
   * @throws BadJWTException when the signature is this caller's but a claim is not acceptable
   */
  Optional<Caller> verify(String token) throws BadJWTException {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (BadJWTException e) {
      throw e;
    } catch (BadJOSEException | JOSEException | ParseException e) {
      return Optional.empty();
    }
    List<CallPattern> calls = SessionClaimsVerifier.calls(claims);
    return Optional.of(
        new Caller(
            caller.id(),
            Optional.of(claims.getSubject()),
            caller.allow(),
            Optional.ofNullable(calls),
            caller.origins(),
            caller.returnTo()));
  }
}
