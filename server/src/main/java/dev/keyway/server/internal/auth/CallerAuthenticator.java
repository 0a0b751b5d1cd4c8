package dev.keyway.server.internal.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import dev.keyway.server.internal.settings.CallerSettings;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the caller behind an {@code Authorization: Bearer ...} header: a caller key (looked up by
 * its hash) or a session JWT (verified by the callers that accept sessions, in configuration order,
 * until one's key verifies the signature). Unsigned and encrypted tokens are refused. Thread-safe.
 */
public final class CallerAuthenticator {

  private static final String BEARER = "Bearer";

  private final Map<String, CallerSettings> byKeyHash = new HashMap<>();
  private final List<SessionVerifier> sessions = new ArrayList<>();

  public CallerAuthenticator(List<CallerSettings> callers, Clock clock) {
    for (CallerSettings caller : callers) {
      caller.keyHash().ifPresent(hash -> byKeyHash.put(hash, caller));
      caller
          .session()
          .ifPresent(session -> sessions.add(new SessionVerifier(caller, session, clock)));
    }
  }

  /** Returns the caller that {@code authorization} (the header's value, if sent) proves. */
  public Authentication authenticate(Optional<String> authorization) {
    if (authorization.isEmpty() || authorization.get().isBlank()) {
      return new Authentication.Refused(
          "this call needs a caller key or a session token: send Authorization: Bearer <credential>",
          false);
    }
    String value = authorization.get().trim();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.equalsIgnoreCase(BEARER)) {
      return new Authentication.Refused(
          "use the Bearer scheme: Authorization: Bearer <caller key or session token>", true);
    }
    String credential = space < 0 ? "" : value.substring(space + 1).trim();
    if (credential.isEmpty()) {
      return new Authentication.Refused("the Bearer credential is empty", true);
    }
    return looksLikeJwt(credential) ? session(credential) : key(credential);
  }

  private Authentication key(String key) {
    CallerSettings caller = byKeyHash.get(CallerKeys.hash(key));
    if (caller == null) {
      return new Authentication.Refused("the caller key is not known", true);
    }
    return new Authentication.Accepted(
        new Caller(
            caller.id(),
            Optional.empty(),
            caller.allow(),
            Optional.empty(),
            caller.origins(),
            caller.returnTo()));
  }

  private Authentication session(String token) {
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException e) {
      return new Authentication.Refused("the session token is not a well-formed JWT", true);
    }
    if (parsed instanceof PlainJWT) {
      return new Authentication.Refused(
          "unsigned session tokens (alg none) are never accepted", true);
    }
    if (!(parsed instanceof SignedJWT signed)) {
      return new Authentication.Refused(
          "encrypted session tokens are not supported; sign them (JWS)", true);
    }
    JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
    boolean anyForAlgorithm = false;
    for (SessionVerifier verifier : sessions) {
      if (!verifier.algorithm().equals(algorithm)) {
        continue;
      }
      anyForAlgorithm = true;
      try {
        Optional<Caller> caller = verifier.verify(token);
        if (caller.isPresent()) {
          return new Authentication.Accepted(caller.get());
        }
      } catch (BadJWTException e) {
        // Our own message, naming a claim, never a value.
        return new Authentication.Refused(e.getMessage(), true);
      }
    }
    return new Authentication.Refused(
        anyForAlgorithm
            ? "the session token's signature does not verify with any caller's key"
            : "no caller accepts session tokens signed with " + algorithm.getName(),
        true);
  }

  /** Returns whether {@code credential} has the three dot-separated parts of a compact JWS. */
  private static boolean looksLikeJwt(String credential) {
    int first = credential.indexOf('.');
    return first > 0 && credential.indexOf('.', first + 1) > first;
  }
}
