package io.emms.benchmarks.dlt645;

import io.emms.core.link.Link;
import io.emms.core.link.PipeLink;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.client.Dlt645ReadResult;
import io.emms.dlt645.client.Dlt645RetryPolicy;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One DL/T 645-2007 read of forward active energy (DI 00010000), master to simulated meter and back: encode,
 * write, the simulator's decode/answer/encode, the reply's decode and match, and the future's completion.
 *
 * <p>{@code tcp}: the master on a {@link TcpClientLink}, the simulator on a {@link TcpLinkServer} connection,
 * over loopback. {@code pipe}: the same over an in-memory {@link PipeLink}, which leaves out the sockets.
 * Both ends run in this JVM, so B/op counts the master's and the simulator's allocations together.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Dlt645RoundTrip -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Dlt645RoundTripBenchmark {

  private static final Dlt645Address METER = Dlt645Address.of("000102030425");
  private static final int FORWARD_ACTIVE_ENERGY = 0x00010000;

  @Param({"tcp", "pipe"})
  public String transport;

  private TcpLinkServer server;
  private Link masterEnd;
  private Link meterEnd;
  private Dlt645Simulator pipeSimulator;
  private Dlt645Client client;

  @Setup
  public void setUp() {
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(METER).initialEnergyKwh(1206.42).build());
    if (transport.equals("tcp")) {
      server = new TcpLinkServer(TcpServerConfig.builder().port(0).build(),
          link -> Dlt645Simulator.attach(link, meter).start());
      server.start().join();
      masterEnd = new TcpClientLink(TcpClientConfig.builder("127.0.0.1", server.port()).build());
    } else {
      PipeLink[] pipe = PipeLink.pair("bench");
      masterEnd = pipe[0];
      meterEnd = pipe[1];
      pipeSimulator = Dlt645Simulator.attach(meterEnd, meter);
      pipeSimulator.start().join();
    }
    client = Dlt645Client.create(masterEnd, Dlt645ClientConfig.builder()
        .responseTimeout(Duration.ofSeconds(2)).retry(Dlt645RetryPolicy.NONE).build());
    client.connect().join();
    client.read(METER, FORWARD_ACTIVE_ENERGY).join();
  }

  @Benchmark
  public Dlt645ReadResult readForwardActiveEnergy() {
    return client.read(METER, FORWARD_ACTIVE_ENERGY).join();
  }

  @TearDown
  public void tearDown() {
    client.close();
    masterEnd.close();
    if (server != null) {
      server.close();
    }
    if (meterEnd != null) {
      pipeSimulator.close();
      meterEnd.close();
    }
  }
}
