package io.emms.examples.dtu;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.testing.LeakCheck;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.client.Dlt645ReadResult;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.dtu.DtuClient;
import io.emms.transport.dtu.DtuClientConfig;
import io.emms.transport.dtu.DtuServer;
import io.emms.transport.dtu.DtuServerConfig;
import io.emms.transport.tcp.ReconnectPolicy;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CI-sized version of the DTU scale benchmark ({@code benchmarks/dtu-scale.sh}): 2 000 DTUs dial in over loopback,
 * each with a simulated DL/T 645 meter behind it and heartbeating, and each is polled in two rounds. Every poll
 * must be answered; how fast is the benchmark's business, not this test's.
 */
@ExtendWith(LeakCheck.class)
class DtuFleetTest {

  private static final int DTUS = 2_000;
  private static final int ROUNDS = 2;
  private static final Dlt645Address METER = Dlt645Address.of("000000000001");
  private static final int ENERGY = 0x00010000;

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final EventLoopGroup dtuSide = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
    dtuSide.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    timers.shutdownNow();
  }

  @Test
  void everyPollOfTwoThousandDtusIsAnswered() {
    DtuServer server = new DtuServer(DtuServerConfig.builder().heartbeatInterval(Duration.ofSeconds(10)).build());
    cleanup.add(server);
    server.start().join();
    timers.setRemoveOnCancelPolicy(true);
    Dlt645ClientConfig masterConfig = Dlt645ClientConfig.builder()
        .responseTimeout(Duration.ofSeconds(20)).scheduler(timers).executor(Runnable::run).build();

    List<Dlt645Client> masters = new ArrayList<>();
    List<CompletableFuture<Void>> registered = new ArrayList<>();
    for (int i = 0; i < DTUS; i++) {
      String id = String.format("DTU-%05d", i);
      Dlt645Client master = Dlt645Client.create(server.link(id), masterConfig);
      cleanup.add(master);
      masters.add(master);
      registered.add(master.connect());
      dialIn(server.port(), id);
    }
    CompletableFuture.allOf(registered.toArray(CompletableFuture[]::new)).orTimeout(300, TimeUnit.SECONDS).join();
    assertThat(server.stats().online()).isEqualTo(DTUS);

    List<CompletableFuture<Dlt645ReadResult>> polls = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Dlt645Client master : masters) {
        polls.add(master.read(METER, ENERGY));
      }
    }
    CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).orTimeout(300, TimeUnit.SECONDS).join();
    assertThat(polls).hasSize(DTUS * ROUNDS)
        .allSatisfy(poll -> assertThat(ByteBufUtil.hexDump(poll.join().value())).isEqualTo("00001000"));
    assertThat(server.stats().rejected()).isZero();
    assertThat(server.stats().replaced()).isZero();
  }

  private void dialIn(int port, String id) {
    DtuClient dtu = new DtuClient(DtuClientConfig.builder("127.0.0.1", port, id)
        .heartbeatInterval(Duration.ofSeconds(2)).eventLoopGroup(dtuSide)
        .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 0.5)).build());
    cleanup.add(dtu);
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(METER)
        .initialEnergyKwh(1000).loadProfile(LoadProfile.constant(0)).build());
    Dlt645Simulator simulator = Dlt645Simulator.attach(dtu, meter);
    cleanup.add(simulator);
    simulator.start();
  }
}
