package io.emms.transport.mqtt;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One reading as JSON, shared by telemetry and command responses:
 * {@code {"quantity":"VOLTAGE.A","value":230.1,"unit":"V","quality":"VALID","time":"…Z"}}, {@code value} null
 * exactly for qualities without one. Reading checks what the telemetry schema checks, and the unit.
 */
final class ReadingJson {

  private static final Set<String> FIELDS = Set.of("quantity", "value", "unit", "quality", "time");
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private ReadingJson() {}

  /**
   * Parses a payload that must be one JSON object, keeping decimals exact.
   *
   * @param what names the payload in the error message
   */
  public static JsonNode parseObject(byte[] payload, String what) {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new TelemetryFormatException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new TelemetryFormatException(what + " is a JSON object");
    }
    return root;
  }

  public static void write(JsonGenerator g, Reading r) throws IOException {
    g.writeStartObject();
    g.writeStringField("quantity", r.quantity().toString());
    if (r.hasValue()) {
      g.writeNumberField("value", r.value());
    } else {
      g.writeNullField("value");
    }
    g.writeStringField("unit", r.unit().symbol());
    g.writeStringField("quality", r.quality().name());
    g.writeStringField("time", r.timestamp().toString());
    g.writeEndObject();
  }

  /**
   * Reads one reading of {@code meter}.
   *
   * @param at where the object is, as a prefix for error messages (e.g. {@code readings[2].})
   */
  public static Reading read(JsonNode node, String meter, String at, Times times) {
    if (!node.isObject()) {
      throw new TelemetryFormatException(at + " is not an object");
    }
    onlyKnownFields(node, FIELDS, at);
    Quantity quantity;
    try {
      quantity = QuantityNames.parse(text(node, "quantity", at));
    } catch (IllegalArgumentException e) {
      throw new TelemetryFormatException(at + "quantity: " + e.getMessage());
    }
    JsonNode unitNode = node.get("unit");
    if (unitNode == null || !unitNode.isTextual()) {
      throw new TelemetryFormatException(at + "unit must be a string (empty for dimensionless quantities)");
    }
    String unit = unitNode.textValue();
    if (!unit.equals(quantity.unit().symbol())) {
      throw new TelemetryFormatException(at + "unit is '" + unit + "', " + quantity + " is in '" + quantity.unit().symbol() + "'");
    }
    Quality quality;
    try {
      quality = Quality.valueOf(text(node, "quality", at));
    } catch (IllegalArgumentException e) {
      throw new TelemetryFormatException(at + "quality is not one of " + List.of(Quality.values()));
    }
    return new Reading(meter, quantity, value(node, quality, at), times.instant(node, "time", at), quality);
  }

  private static BigDecimal value(JsonNode node, Quality quality, String at) {
    JsonNode value = node.get("value");
    if (value == null) {
      throw new TelemetryFormatException(at + "value is missing");
    }
    if (quality.hasValue()) {
      if (!value.isNumber()) {
        throw new TelemetryFormatException(at + "value must be a number for quality " + quality);
      }
      return value.decimalValue();
    }
    if (!value.isNull()) {
      throw new TelemetryFormatException(at + "value must be null for quality " + quality);
    }
    return null;
  }

  /** Refuses fields outside {@code known}. */
  public static void onlyKnownFields(JsonNode node, Set<String> known, String at) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw new TelemetryFormatException(at + name + " is not a field of the schema");
      }
    }
  }

  /** A required non-empty string field. */
  public static String text(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw new TelemetryFormatException(at + field + " must be a non-empty string");
    }
    return v.textValue();
  }

  /**
   * Parses the time fields of one payload, remembering the last one: the readings of one message usually share
   * their time, and parsing an instant costs more than the rest of a reading.
   */
  public static final class Times {
    private String lastText;
    private Instant last;

    /** A required ISO-8601 UTC instant field. */
    public Instant instant(JsonNode node, String field, String at) {
      JsonNode v = node.get(field);
      if (v != null && v.isTextual() && v.textValue().equals(lastText)) {
        return last;
      }
      last = ReadingJson.instant(node, field, at);
      lastText = v.textValue();
      return last;
    }
  }

  /** A required ISO-8601 UTC instant field. */
  public static Instant instant(JsonNode node, String field, String at) {
    String text = text(node, field, at);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new TelemetryFormatException(at + field + " is not an ISO-8601 UTC instant: '" + text + "'");
    }
  }
}
