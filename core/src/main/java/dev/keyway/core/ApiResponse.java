package dev.keyway.core;

import dev.keyway.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An upstream's answer to a call: status, header fields and the whole body. */
public record ApiResponse(int status, Headers headers, byte[] body) {

  public ApiResponse {
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

  /** Returns whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiResponse response
        && status == response.status
        && headers.equals(response.headers)
        && Arrays.equals(body, response.body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "ApiResponse[" + status + ", " + body.length + " bytes]";
  }
}
