package dev.keyway.spi;

import java.nio.charset.StandardCharsets;

/**
 * A whole response to a side call (e.g. to a token endpoint), read into memory. Its body may hold
 * tokens: {@link #toString()} shows the status and size only.
 */
public record ExchangeResponse(int status, Headers headers, byte[] body) {

  public ExchangeResponse {
    body = body.clone();
  }

  /** Returns a copy of the body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Returns the body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExchangeResponse response
        && status == response.status
        && headers.equals(response.headers)
        && java.util.Arrays.equals(body, response.body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * status + headers.hashCode()) + java.util.Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "ExchangeResponse[" + status + ", " + body.length + " bytes]";
  }
}
