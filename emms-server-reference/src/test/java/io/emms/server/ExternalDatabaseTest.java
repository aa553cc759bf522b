package io.emms.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.server.auth.Role;
import io.emms.server.config.ConfigLoader;
import io.emms.server.config.ServerConfig;
import io.emms.server.db.EmbeddedMariaDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server configured by environment variables with {@code EMMS_DB_URL}: it opens that database (here a MariaDB
 * server running as a separate process) instead of starting its own, migrates it, and serves from it.
 */
class ExternalDatabaseTest {

  @Test
  void runsAgainstADatabaseGivenByUrl() throws Exception {
    EmbeddedMariaDb external = SharedDatabase.mariaDb();
    Path dir = Files.createTempDirectory(Path.of("target"), "external-").toAbsolutePath();
    ServerConfig config = new ConfigLoader(Map.of(
        "EMMS_DATA_DIR", dir.toString(),
        "EMMS_HTTP_PORT", "0",
        "EMMS_DEMO", "false",
        "EMMS_DB_URL", external.jdbcUrl(),
        "EMMS_DB_USER", external.user(),
        "EMMS_DB_PASSWORD", external.password())).load();
    assertThat(config.embeddedDatabase()).isFalse();
    FakeMeters meters = new FakeMeters();
    try (EmmsServer server = EmmsServer.start(config, null, meters, meters)) {
      server.auth().createUser("test", "external-op", TestServer.PASSWORD, Role.OPERATOR);
      HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
      String base = "http://127.0.0.1:" + server.httpPort();
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"username\":\"external-op\",\"password\":\"" + TestServer.PASSWORD + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      String csrf = TestServer.JSON.readTree(login.body()).get("csrfToken").asText();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/meters"))
          .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"id\":\"external-1\",\"address\":\"000000000901\",\"profile\":\"dlt645-1997\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    assertThat(SharedDatabase.count("SELECT COUNT(*) FROM meter WHERE id = 'external-1'")).isEqualTo(1);
  }
}
