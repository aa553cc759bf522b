package io.emms.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emms.server.auth.Role;
import io.emms.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** One server on the shared MariaDB with fake meters, plus a small HTTP client that keeps its session. */
public final class TestServer {

  public static final String PASSWORD = "correct horse battery";
  public static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer instance;

  public final EmmsServer server;
  public final FakeMeters meters = new FakeMeters();

  private TestServer() throws IOException {
    Path dir = Files.createTempDirectory(Path.of("target"), "server-");
    ServerConfig config = ServerConfig.defaults(dir.toAbsolutePath()).withHttpPort(0)
        .withCommands(Duration.ofSeconds(2), false).withLoginAttemptsPerMinute(100_000);
    server = EmmsServer.start(config, SharedDatabase.database(), meters, meters);
    for (Role r : Role.values()) {
      server.auth().createUser("test", "api-" + r.name().toLowerCase(), PASSWORD, r);
    }
  }

  public static synchronized TestServer get() {
    if (instance == null) {
      try {
        instance = new TestServer();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return instance;
  }

  public Client client() {
    return new Client(server.httpPort());
  }

  /** A client signed in with the given role's test account. */
  public Client signedIn(Role role) {
    Client c = client();
    HttpResponse<String> r = c.post("/api/login", "{\"username\":\"api-" + role.name().toLowerCase()
        + "\",\"password\":\"" + PASSWORD + "\"}");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.body());
    }
    c.csrf = c.json(r).get("csrfToken").asText();
    return c;
  }

  /** HTTP with a cookie jar; sends the CSRF header once signed in. */
  public static final class Client {

    private final int port;
    private final HttpClient http;
    public String csrf;

    Client(int port) {
      this.port = port;
      this.http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    }

    public HttpResponse<String> get(String path) {
      return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String json) {
      return send("POST", path, json);
    }

    public HttpResponse<String> put(String path, String json) {
      return send("PUT", path, json);
    }

    public HttpResponse<String> delete(String path) {
      return send("DELETE", path, null);
    }

    public HttpResponse<String> send(String method, String path, String json) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30))
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        b.header("Content-Type", "application/json");
      }
      if (csrf != null) {
        b.header("X-CSRF-Token", csrf);
      }
      try {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    public JsonNode json(HttpResponse<String> r) {
      try {
        return JSON.readTree(r.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + r.body(), e);
      }
    }
  }
}
