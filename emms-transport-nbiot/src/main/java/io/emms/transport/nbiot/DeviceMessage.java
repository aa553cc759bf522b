package io.emms.transport.nbiot;

import io.emms.core.reading.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a device sends to the endpoint: readings, or the acknowledgement of a downlink command. */
public sealed interface DeviceMessage {

  /** The device that sent it. */
  Imei imei();

  /**
   * Readings of the meter.
   *
   * @param imei the device
   * @param sequence the device's uplink counter (0..65535, wrapping), for logs and de-duplication
   * @param time when the readings were taken, to the second
   * @param readings the readings; their meter id is the IMEI
   */
  record Uplink(Imei imei, int sequence, Instant time, List<Reading> readings) implements DeviceMessage {
    public Uplink {
      Objects.requireNonNull(imei, "imei");
      Objects.requireNonNull(time, "time");
      readings = List.copyOf(readings);
      if (sequence < 0 || sequence > 0xFFFF) {
        throw new IllegalArgumentException("sequence must be 0..65535: " + sequence);
      }
    }
  }

  /**
   * The device received command {@code commandId} and carried it out ({@code done}) or refused it.
   *
   * @param imei the device
   * @param commandId the id the downlink carried
   * @param done whether the device carried the command out
   */
  record Ack(Imei imei, long commandId, boolean done) implements DeviceMessage {
    public Ack {
      Objects.requireNonNull(imei, "imei");
    }
  }
}
