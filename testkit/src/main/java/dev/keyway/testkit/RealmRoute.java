package dev.keyway.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Serves a {@link Realm}: 200 with its name when the credentials fit, else 401 and a challenge. */
final class RealmRoute implements Route {

  private final Realm realm;

  RealmRoute(Realm realm) {
    this.realm = realm;
  }

  @Override
  public String prefix() {
    return "/" + realm.name();
  }

  @Override
  public Reply answer(RecordedRequest request) {
    if (realm.accepts(request)) {
      Map<String, Object> ok = new LinkedHashMap<>();
      ok.put("ok", true);
      ok.put("realm", realm.name());
      return Reply.json(200, ok);
    }
    return Reply.json(
        401, Map.of("WWW-Authenticate", realm.challenge()), Map.of("error", "unauthorized"));
  }
}
