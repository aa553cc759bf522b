package io.emms.transport.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.emms.core.reading.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
  private static final JsonFactory FACTORY = new JsonFactory();

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
        ReadingJson.write(g, r);
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
    JsonNode root = ReadingJson.parseObject(payload, "a telemetry payload");
    ReadingJson.onlyKnownFields(root, FIELDS, "");
    String schema = ReadingJson.text(root, "schema", "");
    if (!SCHEMA.equals(schema)) {
      throw new TelemetryFormatException("schema is '" + schema + "', expected '" + SCHEMA + "'");
    }
    String meter = ReadingJson.text(root, "meter", "");
    JsonNode readings = root.get("readings");
    if (readings == null || !readings.isArray() || readings.isEmpty()) {
      throw new TelemetryFormatException("readings must be a non-empty array");
    }
    List<Reading> decoded = new ArrayList<>(readings.size());
    ReadingJson.Times times = new ReadingJson.Times();
    for (int i = 0; i < readings.size(); i++) {
      decoded.add(ReadingJson.read(readings.get(i), meter, "readings[" + i + "].", times));
    }
    return new TelemetryMessage(ReadingJson.text(root, "messageId", ""), ReadingJson.text(root, "gateway", ""), meter,
        ReadingJson.text(root, "protocol", ""), ReadingJson.instant(root, "sentAt", ""), decoded);
  }
}
