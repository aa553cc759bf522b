package io.emms.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emms.core.link.LinkListener;
import io.emms.core.testing.SocatPtyPair;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.ModbusTimeoutException;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.frame.FramingStats;
import io.emms.modbus.pdu.Hex;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ModbusServerStats;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RTU idle-line fallback end to end, over a socat pty pair opened with jSerialComm: one end is our client or
 * server, the other a raw port the test writes chosen bytes to. Each case is one that length prediction alone
 * gets wrong, run with the gap and without it.
 *
 * <p>Vectors (Modbus over Serial Line v1.02, CRC-16 low byte first; application protocol v1.1b3):
 * <ul>
 *   <li>{@code 01 03 00 00 00 01 84 0A}: unit 1 reads 1 holding register at 0 (FC03)</li>
 *   <li>{@code 01 03 02 12 34 B5 33}: its response, register value 0x1234</li>
 *   <li>{@code 01 41 01 02 03 1D 5D}: unit 1, user-defined function 0x41 with data 01 02 03</li>
 *   <li>{@code 01 C1 01 B0 50}: its refusal, exception 01 (illegal function)</li>
 * </ul>
 */
class RtuLineIdleSerialTest {

  private static final String READ_REQUEST = "01 03 00 00 00 01 84 0A";
  private static final String READ_RESPONSE = "01 03 02 12 34 B5 33";
  private static final String CUSTOM_REQUEST = "01 41 01 02 03 1D 5D";
  private static final String CUSTOM_REFUSAL = "01 C1 01 B0 50";
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private SocatPtyPair ptys;
  private RawPort raw;
  private SerialLink ourLink;

  @BeforeEach
  void startPtys() throws Exception {
    assumeTrue(SocatPtyPair.available(), "socat is not installed");
    ptys = SocatPtyPair.start(dir);
    raw = new RawPort(ptys.a());
    ourLink = new SerialLink(config(ptys.b()));
  }

  @AfterEach
  void stopPtys() throws Exception {
    if (ourLink != null) {
      ourLink.close();
    }
    if (raw != null) {
      raw.close();
    }
    if (ptys != null) {
      ptys.close();
    }
  }

  /** 8N1 because the Linux pty driver does not keep a parity setting. */
  private static SerialConfig config(String port) {
    return SerialConfig.builder(port).baudRate(19200).parity(Parity.NONE).readTimeout(Duration.ofMillis(20)).build();
  }

  private ModbusServer server(Duration gap) {
    ProcessImage image = new ProcessImage(10);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 0, 0x1234);
    ModbusServer server = ModbusServer.builder(ModbusMode.RTU)
        .unit(1, new ProcessImageService(image))
        .rtuIdleGap(gap)
        .build();
    server.attach(ourLink);
    ourLink.open().join();
    return server;
  }

  @Test
  void serverDropsATruncatedRequestAtTheSilenceAndAnswersACustomFunctionAfterIt() {
    ModbusServer server = server(Duration.ofMillis(20));
    // The first half of a read request, then silence.
    raw.send("01 03 00 00");
    await().atMost(PATIENCE).until(() -> framing(server).discardedBytes() == 4);
    // Back in step: the custom frame is found by its CRC, then the read request by its length.
    raw.send(CUSTOM_REQUEST + READ_REQUEST);

    await().atMost(PATIENCE).until(() -> raw.received().length >= 12);
    assertThat(raw.receivedHex()).isEqualTo(CUSTOM_REFUSAL + " " + READ_RESPONSE);
    assertThat(server.stats()).isEqualTo(new ModbusServerStats(2, 1, 0));
    assertThat(framing(server).frames()).isEqualTo(2);
    assertThat(framing(server).discardedBytes()).isEqualTo(4);
    assertThat(framing(server).checksumErrors()).isZero();
  }

  @Test
  void withoutTheGapTheCustomFunctionRequestAfterATruncatedOneIsLost() {
    ModbusServer server = server(Duration.ZERO);
    raw.send("01 03 00 00");
    raw.send(CUSTOM_REQUEST + READ_REQUEST);

    // The truncated request's 8 bytes fail their CRC; while out of step a frame found by CRC alone must be the
    // last bytes buffered, which the custom one is not, so only the read request is answered.
    await().atMost(PATIENCE).until(() -> server.stats().requests() == 1 && raw.received().length >= 7);
    assertThat(raw.receivedHex()).isEqualTo(READ_RESPONSE);
    assertThat(server.stats()).isEqualTo(new ModbusServerStats(1, 0, 0));
    assertThat(framing(server).frames()).isEqualTo(1);
    assertThat(framing(server).discardedBytes()).isEqualTo(4 + 7);
    assertThat(framing(server).checksumErrors()).isPositive();
  }

  private FramingStats framing(ModbusServer server) {
    return server.framingStats(ourLink).orElseThrow();
  }

  private ModbusClient client(Duration gap, Duration timeout) {
    ModbusClient client = ModbusClient.create(ourLink, ModbusClientConfig.builder()
        .mode(ModbusMode.RTU).timeout(timeout).retries(0).rtuIdleGap(gap).build());
    client.connect().join();
    return client;
  }

  /** Sends the read, checks it on the wire, then answers with a burst that announces 0xF0 register bytes. */
  private CompletableFuture<ReadHoldingRegistersResponse> readAnsweredByATruncatedBurst(ModbusClient client) {
    CompletableFuture<ReadHoldingRegistersResponse> reply = client.readHoldingRegisters(1, 0, 1);
    await().atMost(PATIENCE).until(() -> raw.received().length >= 8);
    assertThat(raw.receivedHex()).isEqualTo(READ_REQUEST);
    raw.send("01 03 F0 12 34");
    return reply;
  }

  @Test
  void clientDropsATruncatedReplyAtTheSilenceAndReadsTheRealOne() throws Exception {
    ModbusClient client = client(Duration.ofMillis(20), PATIENCE);
    try {
      CompletableFuture<ReadHoldingRegistersResponse> reply = readAnsweredByATruncatedBurst(client);
      await().atMost(PATIENCE).until(() -> client.framingStats().discardedBytes() == 5);
      raw.send(READ_RESPONSE);

      assertThat(reply.get(10, TimeUnit.SECONDS).registerValues()).containsExactly(0x1234);
      assertThat(client.stats().timeouts()).isZero();
      assertThat(client.framingStats().frames()).isEqualTo(1);
    } finally {
      client.close();
    }
  }

  @Test
  void withoutTheGapATruncatedReplySwallowsTheRealOne() {
    ModbusClient client = client(Duration.ZERO, Duration.ofSeconds(1));
    try {
      CompletableFuture<ReadHoldingRegistersResponse> reply = readAnsweredByATruncatedBurst(client);
      raw.send(READ_RESPONSE);

      // 240 register bytes were announced; the real reply is taken for 7 of them and never decoded.
      assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ModbusTimeoutException.class);
      assertThat(client.stats().timeouts()).isEqualTo(1);
      assertThat(client.framingStats().frames()).isZero();
    } finally {
      client.close();
    }
  }

  /** The far end of the pty pair: writes the test's bytes as they are and collects what it reads. */
  private static final class RawPort implements LinkListener, AutoCloseable {
    private final SerialLink link;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    RawPort(String port) {
      link = new SerialLink(config(port));
      link.setListener(this);
      link.open().join();
    }

    /** One write of {@code hex}, completed once the port took it. */
    void send(String hex) {
      link.write(Unpooled.wrappedBuffer(Hex.bytes(hex))).join();
    }

    @Override
    public synchronized void onData(ByteBuf data) {
      byte[] bytes = new byte[data.readableBytes()];
      data.getBytes(data.readerIndex(), bytes);
      received.writeBytes(bytes);
    }

    synchronized byte[] received() {
      return received.toByteArray();
    }

    String receivedHex() {
      return Hex.of(Unpooled.wrappedBuffer(received()));
    }

    @Override
    public void close() {
      link.close();
    }
  }
}
