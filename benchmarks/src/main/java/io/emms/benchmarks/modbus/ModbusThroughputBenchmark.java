package io.emms.benchmarks.modbus;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.emms.transport.tcp.ReconnectPolicy;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Pipelined FC03 (10 holding registers) over loopback TCP against the EMMS Modbus server: the EMMS client and the
 * digitalpetri 2.x client in the same run, each keeping 32 requests in flight per operation.
 * Scores are requests per second (one operation = one request).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ModbusThroughput -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModbusThroughputBenchmark {

  private static final int OUTSTANDING = 32;
  private static final int UNIT = 1;
  private static final int ADDRESS = 10;
  private static final int QUANTITY = 10;

  private TcpLinkServer tcpServer;
  private ModbusClient emms;
  private ModbusTcpClient digitalpetri;
  private final com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest dpRequest =
      new com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest(ADDRESS, QUANTITY);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ProcessImage image = new ProcessImage(100);
    for (int i = 0; i < 100; i++) {
      image.setRegister(RegisterTable.HOLDING_REGISTERS, i, i);
    }
    ModbusServer server = ModbusServer.create(ModbusMode.TCP, UNIT, new ProcessImageService(image));
    tcpServer = new TcpLinkServer(TcpServerConfig.defaults(), server::attach);
    tcpServer.start().join();
    int port = tcpServer.port();

    TcpClientLink link = new TcpClientLink(
        TcpClientConfig.builder("127.0.0.1", port).reconnect(ReconnectPolicy.never()).build());
    emms = ModbusClient.create(link, ModbusClientConfig.builder().mode(ModbusMode.TCP)
        .timeout(Duration.ofSeconds(5)).maxInFlight(256).build());
    emms.connect().join();

    NettyTcpClientTransport transport = NettyTcpClientTransport.create(cfg -> {
      cfg.setHostname("127.0.0.1");
      cfg.setPort(port);
    });
    digitalpetri = ModbusTcpClient.create(transport);
    digitalpetri.connect();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    emms.close();
    digitalpetri.disconnect();
    tcpServer.close();
  }

  @Benchmark
  @OperationsPerInvocation(OUTSTANDING)
  public int emmsClient() {
    CompletableFuture<?>[] replies = new CompletableFuture<?>[OUTSTANDING];
    for (int i = 0; i < OUTSTANDING; i++) {
      replies[i] = emms.readHoldingRegisters(UNIT, ADDRESS, QUANTITY);
    }
    CompletableFuture.allOf(replies).join();
    return replies.length;
  }

  @Benchmark
  @OperationsPerInvocation(OUTSTANDING)
  public int digitalpetriClient() {
    CompletableFuture<?>[] replies = new CompletableFuture<?>[OUTSTANDING];
    for (int i = 0; i < OUTSTANDING; i++) {
      replies[i] = digitalpetri.readHoldingRegistersAsync(UNIT, dpRequest).toCompletableFuture();
    }
    CompletableFuture.allOf(replies).join();
    return replies.length;
  }
}
