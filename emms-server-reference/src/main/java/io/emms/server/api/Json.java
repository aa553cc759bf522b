package io.emms.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/** The API's one Jackson mapper, and strict reading of request bodies. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /** The request body as a JSON object; 415 without a JSON content type, 400 when it is not a JSON object. */
  static JsonNode object(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "Content-Type", "Content-Type: must be application/json");
    }
    try {
      JsonNode n = MAPPER.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw ApiException.badField("body", "must be a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badField("body", "not valid JSON");
    }
  }
}
