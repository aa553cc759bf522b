package io.emms.transport.mqtt;

import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Quantity;
import java.util.List;
import java.util.Objects;

/** A command to one meter behind a gateway, sent as an MQTT 5 request. */
public sealed interface MeterCommand {

  /** The meter it is for. */
  String meterId();

  /** The last topic level it travels under: {@code relay} or {@code read}. */
  String name();

  /** Switch the meter's relay (load switch, alarm, keep-power). */
  record Relay(String meterId, RelayCommand action) implements MeterCommand {
    public Relay {
      Objects.requireNonNull(meterId, "meterId");
      Objects.requireNonNull(action, "action");
    }

    @Override
    public String name() {
      return "relay";
    }
  }

  /** Read quantities now, outside the gateway's polling cycle. */
  record Read(String meterId, List<Quantity> quantities) implements MeterCommand {
    public Read {
      Objects.requireNonNull(meterId, "meterId");
      quantities = List.copyOf(quantities);
      if (quantities.isEmpty()) {
        throw new IllegalArgumentException("an on-demand read names at least one quantity");
      }
    }

    @Override
    public String name() {
      return "read";
    }
  }
}
