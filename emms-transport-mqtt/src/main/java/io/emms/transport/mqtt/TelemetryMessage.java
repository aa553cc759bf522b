package io.emms.transport.mqtt;

import io.emms.core.reading.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One telemetry message: the readings of one meter that a gateway publishes together. At-least-once delivery
 * can bring a message twice; its {@code messageId} is what receivers de-duplicate on.
 *
 * @param messageId unique per message (the publisher's choice; a UUID by default)
 * @param gateway the publishing gateway
 * @param meterId the meter the readings belong to; every reading carries it too
 * @param protocol how the gateway read the meter, e.g. {@code dlt645-2007} or {@code modbus}
 * @param sentAt when the gateway published the message
 * @param readings at least one reading, each of {@code meterId}
 */
public record TelemetryMessage(
    String messageId, String gateway, String meterId, String protocol, Instant sentAt, List<Reading> readings) {

  public TelemetryMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(sentAt, "sentAt");
    readings = List.copyOf(readings);
    if (readings.isEmpty()) {
      throw new IllegalArgumentException("a telemetry message carries at least one reading");
    }
    for (Reading r : readings) {
      if (!r.meterId().equals(meterId)) {
        throw new IllegalArgumentException("reading of meter " + r.meterId() + " in a message of meter " + meterId);
      }
    }
  }
}
