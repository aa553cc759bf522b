package io.emms.modbus.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emms.core.testing.SocatPtyPair;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.server.ModbusServer;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A serial bus for the interop tests: a socat pty pair whose ends every peer opens by path, masters on end A and
 * slaves on end B. Our own links on it run 8N1, since the Linux pty driver does not keep a parity setting; closing
 * the bus closes them, then socat.
 */
final class PtyBus implements AutoCloseable {

  private final SocatPtyPair ptys;
  private final int baudRate;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  private PtyBus(SocatPtyPair ptys, int baudRate) {
    this.ptys = ptys;
    this.baudRate = baudRate;
  }

  /** Starts socat with its pty links in {@code dir}; skips the test where socat is not installed. */
  static PtyBus start(Path dir, int baudRate) throws IOException, InterruptedException {
    assumeTrue(SocatPtyPair.available(), "socat is not installed");
    return new PtyBus(SocatPtyPair.start(dir), baudRate);
  }

  /** The master's end, a /dev/pts path. */
  String a() {
    return ptys.a();
  }

  /** The slaves' end, a /dev/pts path. */
  String b() {
    return ptys.b();
  }

  /** Attaches {@code server} to a link on end B and opens it. */
  SerialLink serveOnB(ModbusServer server) {
    SerialLink link = new SerialLink(config(ptys.b()));
    opened.push(link);
    server.attach(link);
    link.open().join();
    return link;
  }

  /** Our client on end A, connected; no retries, so a silent unit fails after one {@code timeout}. */
  ModbusClient clientOnA(ModbusMode mode, Duration timeout) {
    ModbusClient client = ModbusClient.create(new SerialLink(config(ptys.a())),
        ModbusClientConfig.builder().mode(mode).timeout(timeout).retries(0).build());
    opened.push(client);
    client.connect().join();
    return client;
  }

  private SerialConfig config(String port) {
    return SerialConfig.builder(port).baudRate(baudRate).parity(Parity.NONE).readTimeout(Duration.ofMillis(20))
        .build();
  }

  @Override
  public void close() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
    ptys.close();
  }
}
