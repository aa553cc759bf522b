package io.emms.modbus.client;

import io.emms.bus.Counters;
import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.bus.Priority;
import io.emms.bus.RetryPolicy;
import io.emms.core.link.Link;
import io.emms.modbus.frame.FramingStats;
import io.emms.modbus.pdu.MaskWriteRegisterRequest;
import io.emms.modbus.pdu.MaskWriteRegisterResponse;
import io.emms.modbus.pdu.ModbusRequest;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadCoilsRequest;
import io.emms.modbus.pdu.ReadCoilsResponse;
import io.emms.modbus.pdu.ReadDiscreteInputsRequest;
import io.emms.modbus.pdu.ReadDiscreteInputsResponse;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import io.emms.modbus.pdu.ReadInputRegistersRequest;
import io.emms.modbus.pdu.ReadInputRegistersResponse;
import io.emms.modbus.pdu.ReadWriteMultipleRegistersRequest;
import io.emms.modbus.pdu.ReadWriteMultipleRegistersResponse;
import io.emms.modbus.pdu.RegisterView;
import io.emms.modbus.pdu.WriteMultipleCoilsRequest;
import io.emms.modbus.pdu.WriteMultipleCoilsResponse;
import io.emms.modbus.pdu.WriteMultipleRegistersRequest;
import io.emms.modbus.pdu.WriteMultipleRegistersResponse;
import io.emms.modbus.pdu.WriteSingleCoilRequest;
import io.emms.modbus.pdu.WriteSingleCoilResponse;
import io.emms.modbus.pdu.WriteSingleRegisterRequest;
import io.emms.modbus.pdu.WriteSingleRegisterResponse;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An asynchronous Modbus client (master) over any {@link Link}: TCP, UDP, RTU, RTU over TCP or ASCII framing as
 * the {@link ModbusClientConfig} says. It is a facade over an {@code emms-bus} {@link Line}.
 *
 * <p>With TCP and UDP framing, up to {@link ModbusClientConfig#maxInFlight()} requests are in flight at once, paired
 * with their responses by transaction id; a response with an unknown id is dropped and counted. On serial framings
 * one request is on the bus at a time, and a reply from another unit is ignored while the response timer keeps
 * running (Modbus over Serial Line v1.02, 2.4.1); in RTU the line keeps the idle gap between a reply and the next
 * request. Requests beyond the limit wait in order. Serial clients may share one half-duplex line with other
 * clients, DL/T 645 ones too ({@link #create(Line, ModbusClientConfig)}).
 *
 * <p>A request that times out is sent again up to {@link ModbusClientConfig#retries()} times, except writes, which
 * are retried only when {@link ModbusClientConfig#retryWrites()} allows it. Reconnecting is the link's job: when the
 * link closes, every request in flight or waiting fails, and requests sent after the link reopens work again.
 *
 * <p>Futures complete on the link's I/O thread (or the timer thread for timeouts, and for an RTU reply that only an
 * idle line delimits): chain blocking work onto another executor. Response payloads are heap copies that need no
 * release. Exceptional completions are {@link io.emms.core.meter.MeterException}s: {@link
 * ModbusExceptionResponseException} (the server refused), {@link ModbusTimeoutException} and {@link
 * ModbusClientException} (link closed or failed, malformed reply).
 *
 * <p>Whoever creates a link (or a line) closes it: {@link #close()} fails what this client has queued on a line of
 * its own and never closes the link.
 */
public final class ModbusClient implements AutoCloseable {

  private final Line line;
  private final boolean ownsLine;
  private final ModbusClientConfig config;
  private final ModbusWire wire;
  private volatile boolean closed;

  private ModbusClient(Line line, boolean ownsLine, ModbusClientConfig config) {
    this.line = line;
    this.ownsLine = ownsLine;
    this.config = config;
    this.wire = new ModbusWire(config, line.link().name());
  }

  /**
   * A client on {@code link}, with a line of its own that becomes the link's listener (pipelined for TCP and UDP,
   * half-duplex otherwise). Call {@link #connect()} before sending.
   */
  public static ModbusClient create(Link link, ModbusClientConfig config) {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(config, "config");
    LineConfig.Builder lineConfig = LineConfig.builder().responseTimeout(config.timeout())
        .retryPolicy(wireRetryPolicy(config)).queueCapacity(Integer.MAX_VALUE).backOffAfter(0);
    Line line;
    if (config.mode().pipelined()) {
      line = Line.pipelined(link, lineConfig.maxInFlight(Math.min(config.maxInFlight(), 0xFFFF))
          .batchWrites(config.mode() != ModbusMode.UDP).build());
    } else {
      boolean rtu = config.mode() == ModbusMode.RTU;
      line = Line.halfDuplex(link, lineConfig.idleGap(rtu ? config.rtuIdleGap() : Duration.ZERO)
          .quietGap(rtu ? config.rtuIdleGap() : Duration.ZERO).build());
    }
    return new ModbusClient(line, true, config);
  }

  /**
   * A client on a line that other clients may share; a half-duplex line for serial framings, a pipelined one for
   * TCP and UDP. The line's configuration decides gaps, queue bound and back-off; {@code config} the framing,
   * timeout and retries. Closing the client leaves the line and its link open.
   */
  public static ModbusClient create(Line line, ModbusClientConfig config) {
    return new ModbusClient(Objects.requireNonNull(line, "line"), false, Objects.requireNonNull(config, "config"));
  }

  private static RetryPolicy wireRetryPolicy(ModbusClientConfig config) {
    return new RetryPolicy(config.retries(), config.retryBackoff(), 1.0, config.retryBackoff(), config.retryWrites());
  }

  /** Opens the link. */
  public CompletableFuture<Void> connect() {
    return line.link().open();
  }

  public Link link() {
    return line.link();
  }

  /** The line this client's requests go through. */
  public Line line() {
    return line;
  }

  public ModbusClientConfig config() {
    return config;
  }

  /** The counters so far. */
  public ModbusClientStats stats() {
    Counters counters = line.counters();
    long foreign = wire.foreignUnitResponses();
    return new ModbusClientStats(counters.unmatchedFrames() - foreign, foreign, counters.timeouts(),
        counters.retries());
  }

  /**
   * What the frame decoder has counted so far: frames, bytes discarded as garbage (on RTU also the bytes an idle
   * line ended, see {@link ModbusClientConfig.Builder#rtuIdleGap}) and checksum errors.
   */
  public FramingStats framingStats() {
    return wire.framingStats();
  }

  /**
   * Sends any request to {@code unitId} and completes with the server's normal response; an exception response
   * fails the future with {@link ModbusExceptionResponseException}.
   */
  public CompletableFuture<ModbusResponse> send(int unitId, ModbusRequest request) {
    return send(unitId, request, null);
  }

  /**
   * Like {@link #send(int, ModbusRequest)} at a priority of the line: {@link Priority#POLL} for periodic polls,
   * which then wait behind commands and on-demand reads of every client on a half-duplex line. Without one, reads
   * are on-demand and writes are commands.
   */
  public CompletableFuture<ModbusResponse> send(int unitId, ModbusRequest request, Priority priority) {
    if (unitId < 0 || unitId > 255 || (unitId == 0 && config.mode().serialFraming())) {
      throw new IllegalArgumentException("unit id must be 0..255 (1..255 on serial lines, where 0 is a broadcast"
          + " that gets no answer), got " + unitId);
    }
    Objects.requireNonNull(request, "request");
    if (closed) {
      return CompletableFuture.failedFuture(new ModbusClientException("client is closed"));
    }
    return line.submit(new ModbusExchange(wire, unitId, request, priority));
  }

  /** Like {@link #send}, waiting for the response and throwing the failure unwrapped. */
  public ModbusResponse sendAndWait(int unitId, ModbusRequest request) {
    try {
      return send(unitId, request).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** The blocking form of this client. */
  public BlockingModbusClient blocking() {
    return new BlockingModbusClient(this);
  }

  public CompletableFuture<ReadCoilsResponse> readCoils(int unitId, int address, int quantity) {
    return call(unitId, new ReadCoilsRequest(address, quantity), ReadCoilsResponse.class);
  }

  public CompletableFuture<ReadDiscreteInputsResponse> readDiscreteInputs(int unitId, int address, int quantity) {
    return call(unitId, new ReadDiscreteInputsRequest(address, quantity), ReadDiscreteInputsResponse.class);
  }

  public CompletableFuture<ReadHoldingRegistersResponse> readHoldingRegisters(int unitId, int address, int quantity) {
    return call(unitId, new ReadHoldingRegistersRequest(address, quantity), ReadHoldingRegistersResponse.class);
  }

  public CompletableFuture<ReadInputRegistersResponse> readInputRegisters(int unitId, int address, int quantity) {
    return call(unitId, new ReadInputRegistersRequest(address, quantity), ReadInputRegistersResponse.class);
  }

  /**
   * Reads a block of holding or input registers.
   *
   * @return the register bytes (two per register, high byte first) in a heap buffer that needs no release
   */
  public CompletableFuture<ByteBuf> readRegisters(int unitId, RegisterRange range) {
    ModbusRequest request = switch (range.table()) {
      case HOLDING_REGISTERS -> new ReadHoldingRegistersRequest(range.address(), range.count());
      case INPUT_REGISTERS -> new ReadInputRegistersRequest(range.address(), range.count());
      default -> throw new IllegalArgumentException(range.table() + " holds bits, not registers");
    };
    return send(unitId, request).thenApply(r -> ((RegisterView) r).registers());
  }

  public CompletableFuture<WriteSingleCoilResponse> writeSingleCoil(int unitId, int address, boolean on) {
    return call(unitId, new WriteSingleCoilRequest(address, on), WriteSingleCoilResponse.class);
  }

  public CompletableFuture<WriteSingleRegisterResponse> writeSingleRegister(int unitId, int address, int value) {
    return call(unitId, new WriteSingleRegisterRequest(address, value), WriteSingleRegisterResponse.class);
  }

  public CompletableFuture<WriteMultipleCoilsResponse> writeMultipleCoils(int unitId, int address, boolean... values) {
    return call(unitId, WriteMultipleCoilsRequest.of(address, values), WriteMultipleCoilsResponse.class);
  }

  public CompletableFuture<WriteMultipleRegistersResponse> writeMultipleRegisters(
      int unitId, int address, int... values) {
    return call(unitId, WriteMultipleRegistersRequest.of(address, values), WriteMultipleRegistersResponse.class);
  }

  public CompletableFuture<MaskWriteRegisterResponse> maskWriteRegister(
      int unitId, int address, int andMask, int orMask) {
    return call(unitId, new MaskWriteRegisterRequest(address, andMask, orMask), MaskWriteRegisterResponse.class);
  }

  public CompletableFuture<ReadWriteMultipleRegistersResponse> readWriteMultipleRegisters(
      int unitId, int readAddress, int readQuantity, int writeAddress, int... values) {
    return call(unitId, ReadWriteMultipleRegistersRequest.of(readAddress, readQuantity, writeAddress, values),
        ReadWriteMultipleRegistersResponse.class);
  }

  private <T extends ModbusResponse> CompletableFuture<T> call(int unitId, ModbusRequest request, Class<T> type) {
    return send(unitId, request).thenApply(type::cast);
  }

  /**
   * Ends the client: later requests fail at once. A client created on a link closes its own line, failing what is
   * in flight or waiting, and leaves the link open (close it yourself); on a shared line it leaves the line as it is.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsLine) {
      line.close();
    }
  }
}
