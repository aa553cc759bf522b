package io.emms.modbus.server;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.frame.AsciiFrameEncoder;
import io.emms.modbus.frame.FramingStats;
import io.emms.modbus.frame.MbapFrame;
import io.emms.modbus.frame.MbapFrameEncoder;
import io.emms.modbus.frame.MbapFrameView;
import io.emms.modbus.frame.ModbusFrame;
import io.emms.modbus.frame.RtuFrameEncoder;
import io.emms.modbus.internal.FrameSource;
import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.ModbusDecodeException;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.emms.modbus.pdu.ModbusPduView;
import io.emms.modbus.pdu.ModbusRequest;
import io.emms.modbus.pdu.ModbusResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus server (slave) answering on any number of {@link Link}s: attach each accepted TCP connection, a serial
 * port, or one end of a {@link io.emms.core.link.PipeLink}. Each unit id is served by a {@link ModbusService},
 * usually a {@link ProcessImageService}.
 *
 * <p>Every request gets an answer or a deliberate silence, never a crash: PDUs that fail validation are answered
 * with the exception the decoder names (03 for a bad quantity, 02 for a range past 0xFFFF), unknown functions with
 * 01, a service that throws with 04. On TCP and UDP a request for a unit the server does not have is answered with
 * exception 0B (gateway target failed to respond); on serial lines it is not for us and stays unanswered, as are
 * broadcasts (unit 0), which every unit executes.
 */
public final class ModbusServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ModbusServer.class);

  private final ModbusMode mode;
  private final ModbusService[] units;
  private final Duration rtuIdleGap;
  private final Map<Link, FrameSource> links = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder exceptions = new LongAdder();
  private final LongAdder ignored = new LongAdder();

  private ModbusServer(ModbusMode mode, ModbusService[] units, Duration rtuIdleGap) {
    this.mode = mode;
    this.units = units;
    this.rtuIdleGap = rtuIdleGap;
  }

  /** A server with one unit: {@code service} on {@code unitId}. */
  public static ModbusServer create(ModbusMode mode, int unitId, ModbusService service) {
    return builder(mode).unit(unitId, service).build();
  }

  public static Builder builder(ModbusMode mode) {
    return new Builder(mode);
  }

  public ModbusMode mode() {
    return mode;
  }

  /** The counters so far. */
  public ModbusServerStats stats() {
    return new ModbusServerStats(requests.sum(), exceptions.sum(), ignored.sum());
  }

  /**
   * What the frame decoder of {@code link} has counted so far: frames, bytes discarded as garbage (on RTU also the
   * bytes an idle line ended, see {@link Builder#rtuIdleGap}) and checksum errors; empty while the link is not
   * attached and open.
   */
  public Optional<FramingStats> framingStats(Link link) {
    FrameSource source = links.get(link);
    return source == null ? Optional.empty() : Optional.of(source.framingStats());
  }

  /**
   * Serves requests arriving on {@code link}: the server becomes its listener. The link is not opened here; open
   * it (or let the transport that accepted it keep it open) as usual. A link that closes is forgotten until it
   * opens again (a serial port that is reopened keeps being served).
   */
  public void attach(Link link) {
    Outbox outbox = new Outbox(link);
    FrameSource[] source = new FrameSource[1];
    source[0] = FrameSource.create(mode, Direction.REQUEST, rtuIdleGap, frame -> serveInPlace(outbox, frame),
        frame -> onFrame(outbox, frame), outbox::flush, new LinkListener() {
          @Override
          public void onData(ByteBuf data) {}

          @Override
          public void onOpen() {
            links.put(link, source[0]);
          }

          @Override
          public void onClosed(Throwable cause) {
            links.remove(link);
            source[0].close();
            outbox.discard();
          }
        });
    links.put(link, source[0]);
    link.setListener(source[0]);
  }

  /** How many links are attached. */
  public int attachedLinks() {
    return links.size();
  }

  /** Closes every attached link. */
  @Override
  public void close() {
    for (Link link : List.copyOf(links.keySet())) {
      link.closeAsync();
    }
  }

  /**
   * The polling path (TCP): a read of registers that a {@link ProcessImageService} serves from its image is answered
   * straight from the reused frame view, without a per-frame object; anything else is declined to {@link #onFrame}.
   */
  private boolean serveInPlace(Outbox outbox, MbapFrameView frame) {
    ModbusPduView pdu = frame.pdu();
    if (!pdu.isReadRegistersRequest() || pdu.rangeError() != null) {
      return false;
    }
    if (!(units[frame.unitId()] instanceof ProcessImageService service)) {
      return false;
    }
    ByteBuf out = outbox.buffer();
    int mark = out.writerIndex();
    MbapFrameEncoder.encodeRegistersResponseHead(
        frame.transactionId(), frame.unitId(), pdu.functionCode(), 2 * pdu.quantity(), out);
    if (!service.readRegistersInPlace(pdu.functionCode(), pdu.address(), pdu.quantity(), out)) {
      out.writerIndex(mark);
      return false;
    }
    requests.increment();
    return true;
  }

  private void onFrame(Outbox outbox, ModbusFrame frame) {
    int unitId = frame.unitId();
    if (mode.serialFraming() && unitId == 0) {
      broadcast(frame.pdu());
      return;
    }
    ModbusService service = units[unitId];
    if (service == null && mode.serialFraming()) {
      ignored.increment();
      return;
    }
    ModbusResponse response = service == null
        ? refuseUnknownUnit(frame.pdu())
        : answer(unitId, service, frame.pdu());
    if (response == null) {
      ignored.increment();
      return;
    }
    requests.increment();
    if (response instanceof ExceptionResponse) {
      exceptions.increment();
    }
    reply(outbox, frame, response);
  }

  /** The response to one request PDU; {@code null} when the PDU cannot be answered at all. */
  private ModbusResponse answer(int unitId, ModbusService service, ByteBuf pdu) {
    ModbusRequest request;
    try {
      request = ModbusPduDecoder.decodeRequest(pdu);
    } catch (ModbusDecodeException e) {
      int fc = e.functionCode();
      return fc < 1 || fc > 0x7F ? null : new ExceptionResponse(fc, e.exceptionCode());
    }
    try {
      return Objects.requireNonNull(service.handle(unitId, request), "service answered null");
    } catch (RuntimeException e) {
      log.warn("service of unit {} failed on function {}", unitId, request.functionCode(), e);
      return new ExceptionResponse(request.functionCode(), ExceptionCode.SERVER_DEVICE_FAILURE);
    }
  }

  private ModbusResponse refuseUnknownUnit(ByteBuf pdu) {
    int fc = pdu.isReadable() ? pdu.getUnsignedByte(pdu.readerIndex()) : 0;
    return fc < 1 || fc > 0x7F
        ? null
        : new ExceptionResponse(fc, ExceptionCode.GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND);
  }

  private void broadcast(ByteBuf pdu) {
    ignored.increment();
    for (int unit = 1; unit < units.length; unit++) {
      if (units[unit] != null) {
        answer(0, units[unit], pdu);
      }
    }
  }

  private void reply(Outbox outbox, ModbusFrame request, ModbusResponse response) {
    ByteBuf out = outbox.buffer();
    int mark = out.writerIndex();
    try {
      switch (mode) {
        case TCP, UDP -> MbapFrameEncoder.encode(
            ((MbapFrame) request).transactionId(), request.unitId(), response, out);
        case RTU, RTU_OVER_TCP -> RtuFrameEncoder.encode(request.unitId(), response, out);
        case ASCII -> AsciiFrameEncoder.encode(request.unitId(), response, out);
      }
    } catch (RuntimeException e) {
      out.writerIndex(mark);
      log.warn("cannot encode the response to unit {}", request.unitId(), e);
      return;
    }
    if (mode == ModbusMode.UDP) {
      outbox.flush();
    }
  }

  /**
   * The replies to one delivery of request bytes, written to the link in one go once all its frames are handled:
   * a pipelining client that sent many requests in one segment gets its answers in one segment too. Used under the
   * link's {@link FrameSource} lock only. UDP replies are flushed one by one, as each must be its own datagram.
   */
  private static final class Outbox {
    private final Link link;
    private ByteBuf pending;

    Outbox(Link link) {
      this.link = link;
    }

    ByteBuf buffer() {
      if (pending == null) {
        pending = ByteBufAllocator.DEFAULT.buffer(256);
      }
      return pending;
    }

    void flush() {
      ByteBuf out = pending;
      pending = null;
      if (out != null) {
        if (out.isReadable()) {
          link.write(out);
        } else {
          out.release();
        }
      }
    }

    void discard() {
      if (pending != null) {
        pending.release();
        pending = null;
      }
    }
  }

  /** Builds a {@link ModbusServer}. */
  public static final class Builder {
    private final ModbusMode mode;
    private final ModbusService[] units = new ModbusService[256];
    private Duration rtuIdleGap = ModbusClientConfig.DEFAULT_RTU_IDLE_GAP;

    private Builder(ModbusMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * Serves {@code unitId} with {@code service}. On TCP, units 0 and 255 are the usual "this device" ids; map them
     * explicitly if clients use them.
     */
    public Builder unit(int unitId, ModbusService service) {
      if (unitId < 0 || unitId > 255 || (unitId == 0 && mode.serialFraming())) {
        throw new IllegalArgumentException("unit id " + unitId + " cannot be served in " + mode + " mode");
      }
      units[unitId] = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * The inter-character-gap fallback of RTU framing on a serial line ({@link ModbusMode#RTU} only): when the line
     * has been silent this long with the bytes of an incomplete request pending, they are discarded (complete frames
     * among them are still served), so a broken request cannot swallow the start of the next one. Default 20 ms;
     * {@link Duration#ZERO} turns it off. Why not the spec's t3.5, and the timer's resolution: see {@link
     * io.emms.modbus.client.ModbusClientConfig.Builder#rtuIdleGap(Duration)}.
     */
    public Builder rtuIdleGap(Duration rtuIdleGap) {
      if (Objects.requireNonNull(rtuIdleGap, "rtuIdleGap").isNegative()) {
        throw new IllegalArgumentException("rtuIdleGap must not be negative");
      }
      this.rtuIdleGap = rtuIdleGap;
      return this;
    }

    public ModbusServer build() {
      if (Arrays.stream(units).allMatch(Objects::isNull)) {
        throw new IllegalStateException("a server needs at least one unit");
      }
      return new ModbusServer(mode, units.clone(), rtuIdleGap);
    }
  }
}
