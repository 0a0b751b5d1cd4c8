package dev.keyway.bench;

import dev.keyway.testkit.Sandbox;
import java.time.Duration;

/**
 * Starts the testkit sandbox for {@code bench/load.sh}: its OAuth2 server is the token endpoint and
 * the API of the {@code oauth2-client-credentials} row. Prints {@code SANDBOX=<base URL>} and runs
 * until killed.
 */
public final class SandboxMain {

  /** The client id the load script configures. */
  public static final String CLIENT_ID = "bench-client";

  /** The client secret the load script configures (a benchmark value, not a credential). */
  public static final String CLIENT_SECRET = "bench-secret-0123456789";

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    Sandbox sandbox = Sandbox.builder().oauthClient(CLIENT_ID, CLIENT_SECRET).start();
    sandbox.oauth().tokenLifetime(Duration.ofHours(12));
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    System.out.println("SANDBOX=" + sandbox.baseUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
