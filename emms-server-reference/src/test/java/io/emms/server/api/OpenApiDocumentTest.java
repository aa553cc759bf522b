package io.emms.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.server.TestServer;
import io.emms.server.TestServer.Client;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document against the routes the running server really answers. */
class OpenApiDocumentTest {

  private final TestServer server = TestServer.get();

  @Test
  void everyDocumentedOperationIsARealRouteAndNothingElseIs() {
    Client anonymous = server.client();
    HttpResponse<String> r = anonymous.get("/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = anonymous.json(r);
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    List<String> documented = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        documented.add(method.toUpperCase() + " " + path.getKey());
        String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
        HttpResponse<String> answer = anonymous.send(method.toUpperCase(), concrete,
            method.equals("post") || method.equals("put") ? "{}" : null);
        boolean isPublic = path.getValue().get(method).get("security").isEmpty();
        // A real route answers 401 to a stranger (or, when public, refuses the empty body); never 404 or 405.
        assertThat(answer.statusCode()).as(method + " " + concrete + ": " + answer.body())
            .isEqualTo(isPublic ? 400 : 401);
      }
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(server.server.apiOperations());
    assertThat(documented).contains("POST /api/login", "POST /api/logout", "GET /api/meters",
        "GET /api/meters/{id}", "GET /api/meters/{id}/readings");
    assertThat(anonymous.get("/api/undocumented").statusCode()).isEqualTo(404);
    assertThat(anonymous.send("PATCH", "/api/meters", "{}").statusCode()).isIn(404, 405);
  }
}
