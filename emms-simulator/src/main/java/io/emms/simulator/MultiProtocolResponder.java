package io.emms.simulator;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ModbusService;
import io.emms.simulator.internal.ProtocolTap;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The far end of a mixed RS-485 line: simulated DL/T 645 meters (either edition) and Modbus RTU units answering
 * on one link, each protocol reading every byte and skipping the other's frames as line noise, as real meters on a
 * shared line do.
 *
 * <pre>{@code
 * MultiProtocolResponder responder = MultiProtocolResponder.builder()
 *     .dlt645(meter2007, meter1997)
 *     .modbusRtu(1, new ProfiledMeterSimulator(MeterProfiles.get("sdm630"), 42).service())
 *     .build();
 * responder.attach(link).join();
 * responder.unplug("modbus:1"); // unit 1 stops answering
 * }</pre>
 *
 * <p>Meters are named as a line names them: a DL/T 645 meter by its 12-digit address, a Modbus unit as {@code
 * modbus:UNIT}. The responder never closes the link: whoever created it does.
 */
public final class MultiProtocolResponder implements AutoCloseable {

  private final List<SimulatedMeter> dlt645Meters;
  private final ModbusServer modbus;
  private final Set<String> unplugged = ConcurrentHashMap.newKeySet();
  private final List<ProtocolTap> taps = new ArrayList<>();
  private Dlt645Simulator dlt645;
  private Link link;

  private MultiProtocolResponder(List<SimulatedMeter> dlt645Meters, ModbusServer modbus) {
    this.dlt645Meters = dlt645Meters;
    this.modbus = modbus;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts answering on {@code link}: the responder becomes its listener and opens it.
   *
   * @throws IllegalStateException if it is already attached
   */
  public synchronized CompletableFuture<Void> attach(Link link) {
    if (this.link != null) {
      throw new IllegalStateException("already attached to " + this.link.name());
    }
    this.link = Objects.requireNonNull(link, "link");
    if (!dlt645Meters.isEmpty()) {
      ProtocolTap tap = new ProtocolTap(link, "dlt645", this::fromUnpluggedDlt645Meter);
      taps.add(tap);
      dlt645 = Dlt645Simulator.attach(tap, dlt645Meters.toArray(SimulatedMeter[]::new));
      dlt645.start();
    }
    if (modbus != null) {
      ProtocolTap tap = new ProtocolTap(link, "modbus", this::fromUnpluggedModbusUnit);
      taps.add(tap);
      modbus.attach(tap);
    }
    link.setListener(new FanOut(List.copyOf(taps)));
    return link.open();
  }

  /** The meter stops answering (its requests still reach it), as if its wire were cut. */
  public void unplug(String meterId) {
    unplugged.add(Objects.requireNonNull(meterId, "meterId"));
  }

  /** The meter answers again. */
  public void plugIn(String meterId) {
    unplugged.remove(meterId);
  }

  /** Requests the DL/T 645 meters saw that were addressed to one of them. */
  public long dlt645RequestsHandled() {
    return dlt645 == null ? 0 : dlt645.requestsHandled();
  }

  /** Requests the Modbus units answered, exception responses included. */
  public long modbusRequestsHandled() {
    return modbus == null ? 0 : modbus.stats().requests();
  }

  /** Stops answering and detaches from the link, which stays open. */
  @Override
  public synchronized void close() {
    if (link == null) {
      return;
    }
    link.setListener(data -> {});
    if (dlt645 != null) {
      dlt645.close();
    }
    taps.forEach(ProtocolTap::closeAsync);
  }

  private boolean fromUnpluggedDlt645Meter(ByteBuf reply) {
    if (unplugged.isEmpty()) {
      return false;
    }
    int start = reply.readerIndex();
    int end = reply.writerIndex();
    while (start < end && reply.getUnsignedByte(start) == 0xFE) {
      start++;
    }
    return end - start > Dlt645Address.LENGTH
        && unplugged.contains(Dlt645Address.readFrom(reply, start + 1).toString());
  }

  private boolean fromUnpluggedModbusUnit(ByteBuf reply) {
    return !unplugged.isEmpty() && reply.isReadable()
        && unplugged.contains("modbus:" + reply.getUnsignedByte(reply.readerIndex()));
  }

  /** The link's one listener: every protocol sees every byte. */
  private record FanOut(List<ProtocolTap> taps) implements LinkListener {
    @Override
    public void onData(ByteBuf data) {
      int from = data.readerIndex();
      for (ProtocolTap tap : taps) {
        tap.listener().onData(data);
        data.readerIndex(from);
      }
    }

    @Override
    public void onOpen() {
      taps.forEach(tap -> tap.listener().onOpen());
    }

    @Override
    public void onClosed(Throwable cause) {
      taps.forEach(tap -> tap.listener().onClosed(cause));
    }
  }

  /** Collects the simulated meters of a responder. */
  public static final class Builder {
    private final List<SimulatedMeter> dlt645Meters = new ArrayList<>();
    private final ModbusServer.Builder modbus = ModbusServer.builder(ModbusMode.RTU);
    private boolean anyModbus;

    private Builder() {}

    /** DL/T 645 meters, each answering in its own edition at its own address. */
    public Builder dlt645(SimulatedMeter... meters) {
      dlt645Meters.addAll(List.of(meters));
      return this;
    }

    /** A Modbus RTU unit, e.g. {@code new ProfiledMeterSimulator(MeterProfiles.get("sdm630"), seed).service()}. */
    public Builder modbusRtu(int unitId, ModbusService service) {
      modbus.unit(unitId, service);
      anyModbus = true;
      return this;
    }

    public MultiProtocolResponder build() {
      if (dlt645Meters.isEmpty() && !anyModbus) {
        throw new IllegalStateException("a responder needs at least one meter");
      }
      return new MultiProtocolResponder(List.copyOf(dlt645Meters), anyModbus ? modbus.build() : null);
    }
  }
}
