package io.emms.modbus.client;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.modbus.frame.AsciiFrameEncoder;
import io.emms.modbus.frame.FramingStats;
import io.emms.modbus.frame.MbapFrame;
import io.emms.modbus.frame.MbapFrameEncoder;
import io.emms.modbus.frame.ModbusFrame;
import io.emms.modbus.frame.RtuFrameEncoder;
import io.emms.modbus.internal.FrameSource;
import io.emms.modbus.internal.SharedTimer;
import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.GetCommEventCounterRequest;
import io.emms.modbus.pdu.GetCommEventLogRequest;
import io.emms.modbus.pdu.MaskWriteRegisterRequest;
import io.emms.modbus.pdu.MaskWriteRegisterResponse;
import io.emms.modbus.pdu.ModbusDecodeException;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.emms.modbus.pdu.ModbusRequest;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadCoilsRequest;
import io.emms.modbus.pdu.ReadCoilsResponse;
import io.emms.modbus.pdu.ReadDeviceIdentificationRequest;
import io.emms.modbus.pdu.ReadDiscreteInputsRequest;
import io.emms.modbus.pdu.ReadDiscreteInputsResponse;
import io.emms.modbus.pdu.ReadExceptionStatusRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import io.emms.modbus.pdu.ReadInputRegistersRequest;
import io.emms.modbus.pdu.ReadInputRegistersResponse;
import io.emms.modbus.pdu.ReadWriteMultipleRegistersRequest;
import io.emms.modbus.pdu.ReadWriteMultipleRegistersResponse;
import io.emms.modbus.pdu.RegisterView;
import io.emms.modbus.pdu.ReportServerIdRequest;
import io.emms.modbus.pdu.WriteMultipleCoilsRequest;
import io.emms.modbus.pdu.WriteMultipleCoilsResponse;
import io.emms.modbus.pdu.WriteMultipleRegistersRequest;
import io.emms.modbus.pdu.WriteMultipleRegistersResponse;
import io.emms.modbus.pdu.WriteSingleCoilRequest;
import io.emms.modbus.pdu.WriteSingleCoilResponse;
import io.emms.modbus.pdu.WriteSingleRegisterRequest;
import io.emms.modbus.pdu.WriteSingleRegisterResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * An asynchronous Modbus client (master) over any {@link Link}: TCP, UDP, RTU, RTU over TCP or ASCII framing as
 * the {@link ModbusClientConfig} says.
 *
 * <p>With TCP and UDP framing, up to {@link ModbusClientConfig#maxInFlight()} requests are in flight at once, paired
 * with their responses by transaction id; a response with an unknown id is dropped and counted. On serial framings
 * one request is on the bus at a time, and a reply from another unit is ignored while the response timer keeps
 * running (Modbus over Serial Line v1.02, 2.4.1). Requests beyond the limit wait in order.
 *
 * <p>A request that times out is sent again up to {@link ModbusClientConfig#retries()} times, except writes, which
 * are retried only when {@link ModbusClientConfig#retryWrites()} allows it. Reconnecting is the link's job: when the
 * link closes, every request in flight or waiting fails, and requests sent after the link reopens work again.
 *
 * <p>Futures complete on the link's I/O thread (or the timer thread for timeouts, and for an RTU reply that only an
 * idle line delimits): chain blocking work onto another executor. Response payloads are heap copies that need no
 * release. A request's own payload buffer must stay valid until its future completes, since a retry encodes it
 * again. A write that fails means the link is broken and fails every request in flight. Exceptional completions are
 * {@link ModbusExceptionResponseException} (the server refused), {@link ModbusTimeoutException} and
 * {@link ModbusClientException} (link closed or failed, malformed reply).
 */
public final class ModbusClient implements AutoCloseable {

  private final Link link;
  private final ModbusClientConfig config;
  private final FrameSource source;
  private final int maxInFlight;
  private final long timeoutNanos;
  private final Object lock = new Object();
  /** Requests in flight by transaction id modulo the table size (twice maxInFlight, at most 65536). */
  private final Pending[] byTransactionId;
  private final int slotMask;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private Pending onBus;
  private boolean writing;
  private ByteBuf outbox;
  private int inFlight;
  private int nextTransactionId;
  private boolean closed;
  private final LongAdder stale = new LongAdder();
  private final LongAdder foreignUnit = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder retries = new LongAdder();

  private ModbusClient(Link link, ModbusClientConfig config) {
    this.link = Objects.requireNonNull(link, "link");
    this.config = Objects.requireNonNull(config, "config");
    this.maxInFlight = config.effectiveMaxInFlight();
    this.timeoutNanos = config.timeout().toNanos();
    int slots = Math.min(0x10000, Integer.highestOneBit(Math.max(8, maxInFlight) * 2 - 1) << 1);
    this.byTransactionId = config.mode().pipelined() ? new Pending[slots] : null;
    this.slotMask = slots - 1;
    this.source = FrameSource.create(config.mode(), Direction.RESPONSE, config.rtuIdleGap(), this::onFrame, () -> {},
        new LinkListener() {
          @Override
          public void onData(ByteBuf data) {}

          @Override
          public void onClosed(Throwable cause) {
            failAll(new ModbusClientException("link " + link.name() + " closed", cause));
          }
        });
    link.setListener(source);
  }

  /** A client on {@code link}; it becomes the link's listener. Call {@link #connect()} before sending. */
  public static ModbusClient create(Link link, ModbusClientConfig config) {
    return new ModbusClient(link, config);
  }

  /** Opens the link. */
  public CompletableFuture<Void> connect() {
    return link.open();
  }

  public Link link() {
    return link;
  }

  public ModbusClientConfig config() {
    return config;
  }

  /** The counters so far. */
  public ModbusClientStats stats() {
    return new ModbusClientStats(stale.sum(), foreignUnit.sum(), timeouts.sum(), retries.sum());
  }

  /**
   * What the frame decoder has counted so far: frames, bytes discarded as garbage (on RTU also the bytes an idle
   * line ended, see {@link ModbusClientConfig.Builder#rtuIdleGap}) and checksum errors.
   */
  public FramingStats framingStats() {
    return source.framingStats();
  }

  /**
   * Sends any request to {@code unitId} and completes with the server's normal response; an exception response
   * fails the future with {@link ModbusExceptionResponseException}.
   */
  public CompletableFuture<ModbusResponse> send(int unitId, ModbusRequest request) {
    if (unitId < 0 || unitId > 255 || (unitId == 0 && config.mode().serialFraming())) {
      throw new IllegalArgumentException("unit id must be 0..255 (1..255 on serial lines, where 0 is a broadcast"
          + " that gets no answer), got " + unitId);
    }
    Pending p = new Pending(unitId, Objects.requireNonNull(request, "request"), 1 + config.retries());
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new ModbusClientException("client is closed"));
      }
      if (inFlight < maxInFlight) {
        start(p);
      } else {
        waiting.addLast(p);
      }
    }
    return p.future;
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

  /** Fails everything in flight or waiting, and closes the link. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    failAll(new ModbusClientException("client closed"));
    if (link.isOpen()) {
      source.closeWhenLinkCloses();
      link.closeAsync();
    } else {
      source.close();
    }
  }

  // --- engine; state is guarded by lock, futures complete outside it ---

  private void start(Pending p) {
    int transactionId = byTransactionId != null ? freeTransactionId() : 0;
    // While a write is on its way, later requests collect in the outbox and go out together when it completes:
    // one system call for a burst of pipelined requests instead of one each. UDP needs one datagram per frame.
    boolean coalesce = writing && config.mode() != ModbusMode.UDP;
    ByteBuf frame = coalesce ? outbox() : ByteBufAllocator.DEFAULT.buffer(64);
    int mark = frame.writerIndex();
    try {
      encode(transactionId, p, frame);
    } catch (RuntimeException e) {
      if (coalesce) {
        frame.writerIndex(mark);
      } else {
        frame.release();
      }
      p.future.completeExceptionally(e);
      return;
    }
    inFlight++;
    if (byTransactionId != null) {
      byTransactionId[transactionId & slotMask] = p;
    } else {
      onBus = p;
    }
    p.transactionId = transactionId;
    p.timeout = SharedTimer.get().newTimeout(p, timeoutNanos, TimeUnit.NANOSECONDS);
    if (!coalesce) {
      writing = true;
      write(frame);
    }
  }

  private ByteBuf outbox() {
    if (outbox == null) {
      outbox = ByteBufAllocator.DEFAULT.buffer(512);
    }
    return outbox;
  }

  private void write(ByteBuf frames) {
    link.write(frames).whenComplete((v, e) -> {
      ByteBuf next;
      synchronized (lock) {
        next = outbox;
        outbox = null;
        writing = next != null;
      }
      if (e != null) {
        failAll(new ModbusClientException("write to " + link.name() + " failed", e));
      }
      if (next != null) {
        write(next);
      }
    });
  }

  private void encode(int transactionId, Pending p, ByteBuf out) {
    switch (config.mode()) {
      case TCP, UDP -> MbapFrameEncoder.encode(transactionId, p.unitId, p.request, out);
      case RTU, RTU_OVER_TCP -> RtuFrameEncoder.encode(p.unitId, p.request, out);
      case ASCII -> AsciiFrameEncoder.encode(p.unitId, p.request, out);
    }
  }

  private int freeTransactionId() {
    // Ids advance through all 65536 values, so a late reply rarely meets a reused id; some slot is free because
    // the table has more slots than requests may be in flight.
    while (byTransactionId[nextTransactionId & slotMask] != null) {
      nextTransactionId = (nextTransactionId + 1) & 0xFFFF;
    }
    int id = nextTransactionId;
    nextTransactionId = (nextTransactionId + 1) & 0xFFFF;
    return id;
  }

  /** Removes {@code p} from flight if it is still there, and starts waiting requests in its place. */
  private boolean land(Pending p) {
    if (byTransactionId != null) {
      if (byTransactionId[p.transactionId & slotMask] != p) {
        return false;
      }
      byTransactionId[p.transactionId & slotMask] = null;
    } else {
      if (onBus != p) {
        return false;
      }
      onBus = null;
    }
    inFlight--;
    p.timeout.cancel();
    while (inFlight < maxInFlight && !waiting.isEmpty()) {
      start(waiting.pollFirst());
    }
    return true;
  }

  private void onFrame(ModbusFrame frame) {
    Pending p;
    ModbusResponse response = null;
    synchronized (lock) {
      if (frame instanceof MbapFrame m) {
        p = byTransactionId[m.transactionId() & slotMask];
        if (p == null || p.transactionId != m.transactionId() || p.unitId != m.unitId()) {
          stale.increment();
          return;
        }
      } else {
        p = onBus;
        if (p == null) {
          stale.increment();
          return;
        }
        if (frame.unitId() != p.unitId) {
          foreignUnit.increment();
          return;
        }
        // Serial replies carry no transaction id: one that does not answer the request on the bus (a late reply
        // to an earlier request) is ignored like a foreign unit's, and the response timer keeps running.
        try {
          response = decode(frame.pdu(), p);
        } catch (ModbusDecodeException e) {
          stale.increment();
          return;
        }
      }
      land(p);
    }
    if (response == null) {
      try {
        response = decode(frame.pdu(), p);
      } catch (ModbusDecodeException e) {
        p.future.completeExceptionally(new ModbusClientException("malformed response from unit " + p.unitId, e));
        return;
      }
    }
    if (response instanceof ExceptionResponse refused) {
      p.future.completeExceptionally(new ModbusExceptionResponseException(p.unitId, refused));
    } else {
      p.future.complete(response);
    }
  }

  /** Decodes a heap copy of {@code pdu}, which outlives the I/O callback, as the answer to {@code p}. */
  private static ModbusResponse decode(ByteBuf pdu, Pending p) throws ModbusDecodeException {
    return ModbusPduDecoder.decodeResponse(Unpooled.copiedBuffer(pdu), p.request);
  }

  private void onTimeout(Pending p) {
    boolean retry;
    synchronized (lock) {
      if (!land(p)) {
        return;
      }
      timeouts.increment();
      if (byTransactionId == null) {
        source.requestReset();
      }
      retry = !closed && p.attemptsLeft > 1 && (config.retryWrites() || readOnly(p.request));
      if (retry) {
        p.attemptsLeft--;
        retries.increment();
      }
    }
    if (retry) {
      SharedTimer.get().newTimeout(t -> resend(p), config.retryBackoff().toNanos(), TimeUnit.NANOSECONDS);
    } else {
      p.future.completeExceptionally(new ModbusTimeoutException(
          "no response from unit " + p.unitId + " to function " + p.request.functionCode() + " within "
              + config.timeout().toMillis() + " ms on " + link.name()));
    }
  }

  private void resend(Pending p) {
    synchronized (lock) {
      if (!closed) {
        if (inFlight < maxInFlight) {
          start(p);
        } else {
          waiting.addFirst(p);
        }
        return;
      }
    }
    p.future.completeExceptionally(new ModbusClientException("client closed"));
  }

  private void failAll(Throwable cause) {
    List<Pending> failed = new ArrayList<>();
    synchronized (lock) {
      failed.addAll(waiting);
      waiting.clear();
      if (onBus != null) {
        failed.add(onBus);
        onBus = null;
      }
      if (byTransactionId != null && inFlight > 0) {
        for (int i = 0; i < byTransactionId.length; i++) {
          if (byTransactionId[i] != null) {
            failed.add(byTransactionId[i]);
            byTransactionId[i] = null;
          }
        }
      }
      inFlight = 0;
    }
    for (Pending p : failed) {
      if (p.timeout != null) {
        p.timeout.cancel();
      }
      p.future.completeExceptionally(cause);
    }
  }

  /** Requests that change nothing on the server, and so may be repeated after a timeout. */
  private static boolean readOnly(ModbusRequest r) {
    return r instanceof ReadHoldingRegistersRequest
        || r instanceof ReadInputRegistersRequest
        || r instanceof ReadCoilsRequest
        || r instanceof ReadDiscreteInputsRequest
        || r instanceof ReadExceptionStatusRequest
        || r instanceof GetCommEventCounterRequest
        || r instanceof GetCommEventLogRequest
        || r instanceof ReportServerIdRequest
        || r instanceof ReadDeviceIdentificationRequest;
  }

  private final class Pending implements TimerTask {
    final int unitId;
    final ModbusRequest request;
    final CompletableFuture<ModbusResponse> future = new CompletableFuture<>();
    int attemptsLeft;
    int transactionId;
    Timeout timeout;

    Pending(int unitId, ModbusRequest request, int attempts) {
      this.unitId = unitId;
      this.request = request;
      this.attemptsLeft = attempts;
    }

    @Override
    public void run(Timeout t) {
      onTimeout(this);
    }
  }
}
