package io.emms.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.server.TestServer;
import io.emms.server.TestServer.Client;
import io.emms.server.auth.AuthService;
import io.emms.server.auth.Role;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AuthApiTest {

  private final TestServer server = TestServer.get();

  @Test
  void signInSetsAnHttpOnlySameSiteSessionCookieAndSignOutEndsTheSession() {
    Client c = server.client();
    HttpResponse<String> r = c.post("/api/login",
        "{\"username\":\"api-viewer\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("emms_session=")).findFirst()
        .orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
        .doesNotContainIgnoringCase("Secure");
    c.csrf = c.json(r).get("csrfToken").asText();
    assertThat(c.get("/api/me").statusCode()).isEqualTo(200);
    assertThat(c.post("/api/logout", null).statusCode()).isEqualTo(204);
    HttpResponse<String> after = c.get("/api/me");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(c.json(after).get("error").asText()).contains("sign in");
  }

  @Test
  void wrongCredentialsAre401WithAMessageAndAnUnknownUserLooksTheSame() {
    Client c = server.client();
    HttpResponse<String> wrong = c.post("/api/login", "{\"username\":\"api-admin\",\"password\":\"nope nope nope\"}");
    HttpResponse<String> unknown = c.post("/api/login", "{\"username\":\"nobody\",\"password\":\"nope nope nope\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(c.json(wrong).get("error")).isEqualTo(c.json(unknown).get("error"));
    server.server.auth();
  }

  @Test
  void fiveFailuresLockTheAccountEvenForTheRightPassword() {
    server.server.auth().createUser("test", "lock-me", TestServer.PASSWORD, Role.VIEWER);
    Client c = server.client();
    for (int i = 0; i < AuthService.MAX_FAILURES; i++) {
      assertThat(c.post("/api/login", "{\"username\":\"lock-me\",\"password\":\"wrong password!\"}").statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> r = c.post("/api/login",
        "{\"username\":\"lock-me\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    assertThat(r.statusCode()).isEqualTo(423);
    assertThat(c.json(r).get("error").asText()).contains("locked");
  }

  @Test
  void aStateChangeWithoutTheCsrfTokenIsRefused() {
    Client c = server.signedIn(Role.ADMIN);
    String token = c.csrf;
    c.csrf = null;
    HttpResponse<String> r = c.post("/api/users", "{\"username\":\"csrf-x\",\"password\":\"long enough pass\",\"role\":\"viewer\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(c.json(r).get("error").asText()).contains("X-CSRF-Token");
    c.csrf = "0".repeat(64);
    assertThat(c.post("/api/users", "{\"username\":\"csrf-x\",\"password\":\"long enough pass\",\"role\":\"viewer\"}")
        .statusCode()).isEqualTo(403);
    c.csrf = token;
    assertThat(c.post("/api/users", "{\"username\":\"csrf-x\",\"password\":\"long enough pass\",\"role\":\"viewer\"}")
        .statusCode()).isEqualTo(201);
  }

  @Test
  void rolesDecideAndRefusalsSayWhy() {
    Client viewer = server.signedIn(Role.VIEWER);
    HttpResponse<String> r = viewer.get("/api/users");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(viewer.json(r).get("error").asText()).contains("admin");
    assertThat(server.signedIn(Role.OPERATOR).get("/api/audit").statusCode()).isEqualTo(403);
    assertThat(server.signedIn(Role.ADMIN).get("/api/audit?limit=5").statusCode()).isEqualTo(200);
    assertThat(server.client().get("/api/meters").statusCode()).isEqualTo(401);
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndAStrongNewOne() {
    server.server.auth().createUser("test", "changer", TestServer.PASSWORD, Role.VIEWER);
    Client c = server.client();
    HttpResponse<String> login = c.post("/api/login",
        "{\"username\":\"changer\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    c.csrf = c.json(login).get("csrfToken").asText();
    assertThat(c.post("/api/me/password", "{\"current\":\"wrong\",\"password\":\"another long one\"}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> weak = c.post("/api/me/password",
        "{\"current\":\"" + TestServer.PASSWORD + "\",\"password\":\"short\"}");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(c.json(weak).get("field").asText()).isEqualTo("password");
    assertThat(c.post("/api/me/password",
        "{\"current\":\"" + TestServer.PASSWORD + "\",\"password\":\"another long one\"}").statusCode()).isEqualTo(204);
    assertThat(server.client().post("/api/login", "{\"username\":\"changer\",\"password\":\"another long one\"}")
        .statusCode()).isEqualTo(200);
  }
}
