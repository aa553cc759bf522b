package io.emms.transport.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Command requests and responses as JSON:
 *
 * <pre>
 * {"command":"relay","meter":"000102030425","action":"TRIP","deadline":"2026-12-03T15:00:30Z"}
 * {"command":"read","meter":"000102030425","quantities":["ACTIVE_ENERGY_IMPORT","VOLTAGE.A"],"deadline":"…Z"}
 * {"status":"EXECUTED","detail":"","readings":[{"quantity":…}]}
 * </pre>
 */
final class CommandJson {

  /** A request with its absolute deadline. */
  public record Request(MeterCommand command, Instant deadline) {}

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Set<String> REQUEST_FIELDS = Set.of("command", "meter", "action", "quantities", "deadline");
  private static final Set<String> RESPONSE_FIELDS = Set.of("status", "detail", "readings");

  private CommandJson() {}

  public static byte[] encodeRequest(MeterCommand command, Instant deadline) {
    return write(g -> {
      g.writeStringField("command", command.name());
      g.writeStringField("meter", command.meterId());
      if (command instanceof MeterCommand.Relay relay) {
        g.writeStringField("action", relay.action().name());
      } else {
        g.writeArrayFieldStart("quantities");
        for (Quantity q : ((MeterCommand.Read) command).quantities()) {
          g.writeString(q.toString());
        }
        g.writeEndArray();
      }
      g.writeStringField("deadline", deadline.toString());
    });
  }

  public static Request decodeRequest(byte[] payload) {
    JsonNode root = ReadingJson.parseObject(payload, "a command");
    ReadingJson.onlyKnownFields(root, REQUEST_FIELDS, "");
    String meter = ReadingJson.text(root, "meter", "");
    String name = ReadingJson.text(root, "command", "");
    Instant deadline = ReadingJson.instant(root, "deadline", "");
    try {
      return switch (name) {
        case "relay" -> new Request(new MeterCommand.Relay(meter, RelayCommand.valueOf(ReadingJson.text(root, "action", ""))), deadline);
        case "read" -> new Request(new MeterCommand.Read(meter, quantities(root.get("quantities"))), deadline);
        default -> throw new TelemetryFormatException("unknown command '" + name + "'");
      };
    } catch (IllegalArgumentException e) {
      throw new TelemetryFormatException(name + " command: " + e.getMessage());
    }
  }

  private static List<Quantity> quantities(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new TelemetryFormatException("quantities must be an array of quantity names");
    }
    List<Quantity> out = new ArrayList<>(node.size());
    node.forEach(q -> out.add(QuantityNames.parse(q.asText())));
    return out;
  }

  public static byte[] encodeOutcome(CommandOutcome outcome) {
    return write(g -> {
      g.writeStringField("status", outcome.status().name());
      g.writeStringField("detail", outcome.detail());
      g.writeArrayFieldStart("readings");
      for (Reading r : outcome.readings()) {
        ReadingJson.write(g, r);
      }
      g.writeEndArray();
    });
  }

  /** Decodes a response; the readings are of {@code meterId}, the meter the request went to. */
  public static CommandOutcome decodeOutcome(byte[] payload, String meterId) {
    JsonNode root = ReadingJson.parseObject(payload, "a command response");
    ReadingJson.onlyKnownFields(root, RESPONSE_FIELDS, "");
    CommandOutcome.Status status;
    try {
      status = CommandOutcome.Status.valueOf(ReadingJson.text(root, "status", ""));
    } catch (IllegalArgumentException e) {
      throw new TelemetryFormatException("unknown command status: " + root.get("status"));
    }
    JsonNode detail = root.get("detail");
    JsonNode readings = root.get("readings");
    List<Reading> decoded = new ArrayList<>();
    if (readings != null && readings.isArray()) {
      ReadingJson.Times times = new ReadingJson.Times();
      for (int i = 0; i < readings.size(); i++) {
        decoded.add(ReadingJson.read(readings.get(i), meterId, "readings[" + i + "].", times));
      }
    }
    return new CommandOutcome(status, detail == null ? "" : detail.asText(), decoded);
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
