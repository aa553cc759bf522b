package io.emms.transport.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.transport.mqtt.internal.QuantityNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of a {@link TelemetryMessage}, as specified by {@code docs/mqtt-telemetry.schema.json}:
 *
 * <pre>
 * {"schema":"emms-telemetry/1","messageId":"…","gateway":"gw-1","meter":"000102030425","protocol":"dlt645-2007",
 *  "sentAt":"2026-12-03T15:00:00.120Z","readings":[
 *   {"quantity":"ACTIVE_ENERGY_IMPORT","value":1206.42,"unit":"kWh","quality":"VALID","time":"2026-12-03T15:00:00Z"},
 *   {"quantity":"VOLTAGE.A","value":null,"unit":"V","quality":"TIMEOUT","time":"2026-12-03T15:00:00Z"}]}
 * </pre>
 *
 * <p>Values are exact decimals written as JSON numbers; {@code value} is {@code null} exactly for the qualities
 * that carry none. {@link #decode} checks everything the schema checks, and that each unit is its quantity's
 * unit, and throws {@link TelemetryFormatException} naming the first fault.
 */
public final class TelemetryCodec {

  /** The schema id written in every payload and in the {@code schema} user property. */
  public static final String SCHEMA = "emms-telemetry/1";

  private static final Set<String> FIELDS = Set.of("schema", "messageId", "gateway", "meter", "protocol", "sentAt", "readings");
  private static final Set<String> READING_FIELDS = Set.of("quantity", "value", "unit", "quality", "time");
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private TelemetryCodec() {}

  public static byte[] encode(TelemetryMessage message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96 + 110 * message.readings().size());
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("messageId", message.messageId());
      g.writeStringField("gateway", message.gateway());
      g.writeStringField("meter", message.meterId());
      g.writeStringField("protocol", message.protocol());
      g.writeStringField("sentAt", message.sentAt().toString());
      g.writeArrayFieldStart("readings");
      for (Reading r : message.readings()) {
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
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Decodes and validates a payload. */
  public static TelemetryMessage decode(byte[] payload) {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new TelemetryFormatException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new TelemetryFormatException("a telemetry payload is a JSON object");
    }
    onlyKnownFields(root, FIELDS, "");
    String schema = text(root, "schema", "");
    if (!SCHEMA.equals(schema)) {
      throw new TelemetryFormatException("schema is '" + schema + "', expected '" + SCHEMA + "'");
    }
    String meter = text(root, "meter", "");
    JsonNode readings = root.get("readings");
    if (readings == null || !readings.isArray() || readings.isEmpty()) {
      throw new TelemetryFormatException("readings must be a non-empty array");
    }
    List<Reading> decoded = new ArrayList<>(readings.size());
    for (int i = 0; i < readings.size(); i++) {
      decoded.add(reading(readings.get(i), meter, "readings[" + i + "]."));
    }
    return new TelemetryMessage(text(root, "messageId", ""), text(root, "gateway", ""), meter,
        text(root, "protocol", ""), instant(root, "sentAt", ""), decoded);
  }

  private static Reading reading(JsonNode node, String meter, String at) {
    if (!node.isObject()) {
      throw new TelemetryFormatException(at + " is not an object");
    }
    onlyKnownFields(node, READING_FIELDS, at);
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
    JsonNode value = node.get("value");
    if (value == null) {
      throw new TelemetryFormatException(at + "value is missing");
    }
    BigDecimal number = null;
    if (quality.hasValue()) {
      if (!value.isNumber()) {
        throw new TelemetryFormatException(at + "value must be a number for quality " + quality);
      }
      number = value.decimalValue();
    } else if (!value.isNull()) {
      throw new TelemetryFormatException(at + "value must be null for quality " + quality);
    }
    return new Reading(meter, quantity, number, instant(node, "time", at), quality);
  }

  private static void onlyKnownFields(JsonNode node, Set<String> known, String at) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw new TelemetryFormatException(at + name + " is not a field of the schema");
      }
    }
  }

  private static String text(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw new TelemetryFormatException(at + field + " must be a non-empty string");
    }
    return v.textValue();
  }

  private static Instant instant(JsonNode node, String field, String at) {
    String text = text(node, field, at);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new TelemetryFormatException(at + field + " is not an ISO-8601 UTC instant: '" + text + "'");
    }
  }
}
