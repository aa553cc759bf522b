package io.emms.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.server.TestServer;
import io.emms.server.TestServer.Client;
import io.emms.server.auth.Role;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws seeded random requests at every route as an administrator (so every check past the role is reached):
 * no request may produce a 5xx, a stack trace or a non-JSON error, and the server must still answer afterwards.
 */
class ApiFuzzTest {

  private static final List<String> PATHS = List.of("/api/login", "/api/logout", "/api/me", "/api/me/password",
      "/api/users", "/api/users/%s", "/api/users/%s/password", "/api/audit", "/api/meters", "/api/meters/%s",
      "/api/meters/%s/readings", "/api/meters/%s/readings.csv", "/api/meters/%s/consumption",
      "/api/meters/%s/commands", "/api/commands/%s", "/api/status", "/openapi.json", "/api/%s", "/api/lines",
      "/api/lines/%s");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
  private static final List<String> WORDS = List.of("", "1", "-1", "0", "fuzz-1", "000000000601", "%00", "..%2F..",
      "a%20b", "99999999999999999999", "null", "true", "'; DROP TABLE meter; --", "%E2%82%AC", "\u00e9");
  private static final List<String> PARAMS = List.of("from", "to", "limit", "offset", "quantity", "resolution",
      "search", "target");
  private static final List<String> VALUES = List.of("", "0", "-5", "1001", "2026-01-01T00:00:00Z", "2026-13-01",
      "1d", "raw", "VOLTAGE.A", "VOLTAGE.Z", "ACTIVE_ENERGY_IMPORT.T99", "x%27", "1e9", "9223372036854775808");
  private static final List<String> BODIES = List.of("{}", "[]", "null", "1", "\"s\"", "{\"id\":null}",
      "{\"id\":\"fuzz-1\",\"address\":\"000000000601\",\"profile\":\"dlt645-2007\"}",
      "{\"id\":\"fuzz-2\",\"address\":{},\"profile\":[]}", "{\"username\":1,\"password\":true}",
      "{\"action\":\"TRIP\",\"reason\":\"fuzz\",\"idempotencyKey\":\"fuzz\"}",
      "{\"action\":\"TRIP\",\"reason\":\"" + "r".repeat(600) + "\",\"idempotencyKey\":\"f2\"}",
      "{\"pollSeconds\":1e400,\"validitySeconds\":-1}", "{\"role\":\"root\",\"username\":\"a\",\"password\":\"b\"}",
      "{\"a\":", "\u0000\u0001", "{\"id\":\"l1\",\"link\":\"tcp://127.0.0.1:1\"}",
      "{\"id\":\"l2\",\"link\":\"gopher://x\"}", "{\"id\":\"" + "x".repeat(5000) + "\"}");

  @Test
  void randomRequestsNeverCrashTheServerOrLeakInternals() {
    Client admin = TestServer.get().signedIn(Role.ADMIN);
    Random random = new Random(645);
    for (int i = 0; i < 600; i++) {
      String method = pick(random, METHODS);
      StringBuilder path = new StringBuilder(String.format(pick(random, PATHS), pick(random, WORDS)));
      for (int p = random.nextInt(4); p > 0; p--) {
        path.append(p == 1 && path.indexOf("?") < 0 ? '?' : '&').append(pick(random, PARAMS)).append('=')
            .append(pick(random, VALUES));
      }
      if (path.indexOf("&") >= 0 && path.indexOf("?") < 0) {
        path.setCharAt(path.indexOf("&"), '?');
      }
      String body = method.equals("GET") || method.equals("DELETE") ? null : pick(random, BODIES);
      if (path.toString().startsWith("/api/logout") || path.toString().startsWith("/api/me/password")) {
        continue; // keep the fuzzing session alive
      }
      HttpResponse<String> r;
      try {
        r = admin.send(method, path.toString(), body);
      } catch (IllegalArgumentException badUri) {
        continue; // the client refused to build the URI; nothing reached the server
      } catch (java.io.UncheckedIOException e) {
        // Jetty closes the connection after refusing a malformed request; the client may have reused it.
        r = admin.send(method, path.toString(), body);
      }
      String what = method + " " + path + " " + body + " -> " + r.statusCode() + " " + r.body();
      assertThat(r.statusCode()).as(what).isLessThan(500);
      assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.");
      if (r.statusCode() >= 400) {
        assertThat(admin.json(r).get("error").asText()).as(what).isNotBlank();
      }
    }
    assertThat(admin.get("/api/me").statusCode()).isEqualTo(200);
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }
}
