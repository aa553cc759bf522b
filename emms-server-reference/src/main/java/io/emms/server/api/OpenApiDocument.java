package io.emms.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 document, generated from the same route table the server registers. */
final class OpenApiDocument {

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z]+)}");

  private OpenApiDocument() {}

  static String render(List<Route> routes) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("openapi", "3.1.0");
    doc.putObject("info").put("title", "EMMS reference server API").put("version", "1")
        .put("description", "Sign in with POST /api/login; send the session cookie and, on every state change,"
            + " the X-CSRF-Token header. Errors are {\"error\": message, \"field\": name}.");
    ObjectNode components = doc.putObject("components");
    components.putObject("securitySchemes").putObject("session")
        .put("type", "apiKey").put("in", "cookie").put("name", ApiServer.SESSION_COOKIE);
    components.putObject("schemas").putObject("Error").put("type", "object")
        .putObject("properties").<ObjectNode>set("error", type("string")).set("field", type("string"));
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      ObjectNode path = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      ObjectNode op = path.putObject(r.method().name().toLowerCase(Locale.ROOT));
      op.put("summary", r.summary());
      op.put("operationId", r.method().name().toLowerCase(Locale.ROOT) + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
      if (r.role() != null) {
        op.put("x-emms-role", r.role().name().toLowerCase(Locale.ROOT));
        op.putArray("security").addObject().putArray("session");
      } else {
        op.putArray("security");
      }
      ArrayNode params = op.putArray("parameters");
      Matcher m = PATH_PARAM.matcher(r.path());
      while (m.find()) {
        params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
            .set("schema", type("string"));
      }
      for (String q : r.query()) {
        params.addObject().put("name", q).put("in", "query").put("required", false).set("schema", type("string"));
      }
      if (r.method().name().equals("POST") || r.method().name().equals("PUT")) {
        op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
            .set("schema", type("object"));
      }
      ObjectNode responses = op.putObject("responses");
      responses.putObject("200").put("description", "success (201 created, 202 accepted, 204 no content)");
      ObjectNode error = Json.MAPPER.createObjectNode();
      error.putObject("content").putObject("application/json").putObject("schema")
          .put("$ref", "#/components/schemas/Error");
      responses.set("4XX", error.deepCopy().put("description", "refused; the body names the field"));
    }
    return doc.toPrettyString();
  }

  private static ObjectNode type(String t) {
    return Json.MAPPER.createObjectNode().put("type", t);
  }
}
