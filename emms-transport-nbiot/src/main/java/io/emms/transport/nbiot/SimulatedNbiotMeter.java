package io.emms.transport.nbiot;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated NB-IoT meter: sends its readings as version-1 uplinks over a datagram {@link Link} (a
 * {@link io.emms.transport.udp.UdpLink}, a {@link CoapUplinkLink} or a modem's
 * {@code io.emms.transport.nbiot.modem.Bc95Link}), carries out the relay commands that come down and acknowledges
 * each (a command it has already carried out, sent again, is acknowledged again and not carried out twice).
 *
 * <p>Its readings move with each uplink: import energy grows by 0.25 kWh, the voltage of phase A walks between
 * 220.0 and 220.9 V; the current and power drop to zero while the relay is tripped.
 */
public final class SimulatedNbiotMeter {

  private static final Logger log = LoggerFactory.getLogger(SimulatedNbiotMeter.class);
  private static final BigDecimal START_KWH = new BigDecimal("1000.00");
  private static final BigDecimal STEP_KWH = new BigDecimal("0.25");

  private final Imei imei;
  private final Link link;
  private final Clock clock;
  private final Set<Long> carriedOut = new LinkedHashSet<>();
  private final List<RelayCommand> relayLog = new ArrayList<>();
  private int sequence;
  private boolean tripped;

  public SimulatedNbiotMeter(Imei imei, Link link, Clock clock) {
    this.imei = Objects.requireNonNull(imei, "imei");
    this.link = Objects.requireNonNull(link, "link");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Listens for downlinks and opens the link. */
  public CompletableFuture<Void> start() {
    link.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        onDownlink(data);
      }
    });
    return link.open();
  }

  /** Sends the next uplink; completes once the link has sent it. */
  public CompletableFuture<Void> sendReadings() {
    DeviceMessage.Uplink uplink;
    synchronized (this) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      uplink = new DeviceMessage.Uplink(imei, sequence & 0xFFFF, now, readings(now));
      sequence++;
    }
    return link.write(Unpooled.wrappedBuffer(NbiotCodec.toBytes(uplink)));
  }

  private List<Reading> readings(Instant time) {
    String id = imei.digits();
    BigDecimal energy = START_KWH.add(STEP_KWH.multiply(BigDecimal.valueOf(sequence)));
    BigDecimal voltage = new BigDecimal("220.0").add(BigDecimal.valueOf(sequence % 10, 1));
    BigDecimal current = tripped ? new BigDecimal("0.00") : new BigDecimal("5.00");
    BigDecimal power = tripped ? new BigDecimal("0.000") : new BigDecimal("1.100");
    return List.of(
        Reading.valid(id, Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), energy, time),
        Reading.valid(id, Quantity.of(Measurand.VOLTAGE, Phase.A), voltage, time),
        Reading.valid(id, Quantity.of(Measurand.CURRENT, Phase.A), current, time),
        Reading.valid(id, Quantity.total(Measurand.ACTIVE_POWER), power, time));
  }

  /** The relay commands carried out so far, in order. */
  public synchronized List<RelayCommand> relayLog() {
    return List.copyOf(relayLog);
  }

  /** Whether the load switch is open. */
  public synchronized boolean tripped() {
    return tripped;
  }

  private void onDownlink(ByteBuf data) {
    Downlink downlink;
    try {
      downlink = NbiotCodec.decodeDownlink(data);
    } catch (NbiotFormatException e) {
      log.warn("simulated meter {}: ignored a bad downlink: {}", imei, e.getMessage());
      return;
    }
    boolean done = carryOut(downlink);
    link.write(Unpooled.wrappedBuffer(NbiotCodec.toBytes(new DeviceMessage.Ack(imei, downlink.commandId(), done))));
  }

  private synchronized boolean carryOut(Downlink downlink) {
    Optional<RelayCommand> relay = RelayPayload.decode(downlink.payload());
    if (relay.isEmpty()) {
      return false;
    }
    if (carriedOut.add(downlink.commandId())) {
      relayLog.add(relay.get());
      switch (relay.get()) {
        case TRIP -> tripped = true;
        case CLOSE_DIRECT, CLOSE_ALLOWED -> tripped = false;
        default -> { }
      }
    }
    return true;
  }
}
