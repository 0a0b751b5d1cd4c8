package dev.keyway.testkit;

/**
 * One way the {@link Sandbox} checks credentials, served under {@code /<name>/**}.
 *
 * <p>Each realm is a small class of its own, so a new method (an OAuth2 resource server, a JWT
 * check) is added beside the others without touching them. Implementations compare credentials in
 * constant time ({@link Credentials#matches}) and are immutable, as requests arrive on several
 * event-loop threads at once.
 */
interface Realm {

  /** Returns the realm's name, which is also its path prefix, e.g. {@code header-key}. */
  String name();

  /** Returns whether {@code request} carries this realm's credentials. Must not block. */
  boolean accepts(RecordedRequest request);

  /** Returns the {@code WWW-Authenticate} value sent with a 401. */
  String challenge();
}
