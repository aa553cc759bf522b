package io.emms.examples.dtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.LinkException;
import io.emms.core.testing.LeakCheck;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.client.Dlt645ReadResult;
import io.emms.dlt645.client.Dlt645RetryPolicy;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.dtu.DtuClient;
import io.emms.transport.dtu.DtuClientConfig;
import io.emms.transport.dtu.DtuServer;
import io.emms.transport.dtu.DtuDisconnectedException;
import io.emms.transport.dtu.DtuFraming;
import io.emms.transport.dtu.DtuLink;
import io.emms.transport.dtu.DtuServerConfig;
import io.emms.transport.tcp.ReconnectPolicy;
import io.netty.buffer.ByteBufUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A DL/T 645 master polling a simulated meter behind a DTU that dials in over loopback. */
@ExtendWith(LeakCheck.class)
class DtuPollingTest {

  private static final Dlt645Address METER = Dlt645Address.of("000102030425");
  private static final int ENERGY = 0x00010000;
  /** 1206.42 kWh as the meter's BCD bytes, least significant first. */
  private static final String ENERGY_BCD = "42061200";
  private static final ReconnectPolicy FAST = ReconnectPolicy.exponential(
      Duration.ofMillis(20), Duration.ofMillis(100), 0.2);

  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  private DtuServer server(DtuFraming framing) {
    DtuServer server = new DtuServer(DtuServerConfig.builder().framing(framing).build());
    cleanup.add(server);
    server.start().join();
    return server;
  }

  private Dlt645Client client(DtuLink line) {
    Dlt645Client client = Dlt645Client.create(line, Dlt645ClientConfig.builder()
        .responseTimeout(Duration.ofSeconds(5)).retry(Dlt645RetryPolicy.NONE).build());
    cleanup.add(client);
    return client;
  }

  /** A DTU dialling in, and the simulator of the meter behind it. */
  private record SimulatedDtu(DtuClient client, Dlt645Simulator meter) {}

  /** A DTU with one simulated meter behind it, dialling in. */
  private SimulatedDtu dtu(DtuServer server, String id, DtuFraming framing, Duration heartbeat) {
    DtuClient dtu = new DtuClient(DtuClientConfig.builder("127.0.0.1", server.port(), id)
        .framing(framing).heartbeatInterval(heartbeat).reconnect(FAST).build());
    cleanup.add(dtu);
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(METER)
        .initialEnergyKwh(1206.42).loadProfile(LoadProfile.constant(0)).build());
    Dlt645Simulator simulator = Dlt645Simulator.attach(dtu, meter);
    cleanup.add(simulator);
    simulator.start();
    return new SimulatedDtu(dtu, simulator);
  }

  private static String energyOf(Dlt645ReadResult result) {
    return ByteBufUtil.hexDump(result.value());
  }

  @Test
  void everyNamedFramingCarriesAPollToTheMeterBehindTheDtu() {
    for (String name : DtuFraming.names()) {
      DtuFraming framing = DtuFraming.named(name);
      DtuServer server = server(framing);
      String id = name.startsWith("fastbee") ? "0012A3B4C5D6" : "DTU-" + name;
      Dlt645Client client = client(server.link(id));
      CompletableFuture<Void> registered = client.connect();
      dtu(server, id, framing, Duration.ofSeconds(30));
      registered.orTimeout(10, TimeUnit.SECONDS).join();

      assertThat(energyOf(client.read(METER, ENERGY).join())).as(name).isEqualTo(ENERGY_BCD);
    }
  }

  @Test
  void heartbeatsBetweenAndInsidePollsNeverReachTheMaster() {
    DtuFraming framing = DtuFraming.named(DtuFraming.DEFAULT);
    DtuServer server = server(framing);
    Dlt645Client client = client(server.link("DTU-HB"));
    CompletableFuture<Void> registered = client.connect();
    dtu(server, "DTU-HB", framing, Duration.ofMillis(5));
    registered.orTimeout(10, TimeUnit.SECONDS).join();

    for (int i = 0; i < 200; i++) {
      assertThat(energyOf(client.read(METER, ENERGY).join())).isEqualTo(ENERGY_BCD);
    }
    assertThat(client.stats().droppedBytes()).isZero();
  }

  @Test
  void aDtuDroppedMidTransactionFailsTheRequestAndPollingResumesWhenItDialsInAgain() throws Exception {
    DtuFraming framing = DtuFraming.named(DtuFraming.DEFAULT);
    DtuServer server = server(framing);
    DtuLink line = server.link("DTU-DROP");
    Dlt645Client client = client(line);
    CompletableFuture<Void> registered = client.connect();

    try (RawDtu dying = new RawDtu(server.port())) {
      dying.sendText("DTU-DROP\r\n");
      registered.orTimeout(10, TimeUnit.SECONDS).join();
      CompletableFuture<Dlt645ReadResult> inFlight = client.read(METER, ENERGY);
      assertThat(dying.read(12)).hasSize(12);   // the request reached the DTU; it drops without answering
      dying.close();
      assertThatThrownBy(inFlight::join).isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(LinkException.class)
          .cause().isInstanceOfSatisfying(DtuDisconnectedException.class,
              e -> assertThat(e.reason()).isEqualTo(DtuDisconnectedException.Reason.PEER_CLOSED));
    }

    SimulatedDtu back = dtu(server, "DTU-DROP", framing, Duration.ofSeconds(30));
    line.open().orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(energyOf(client.read(METER, ENERGY).join())).isEqualTo(ENERGY_BCD);
    assertThat(server.stats().registrations()).isEqualTo(2);
    // The request lost with the first connection was failed, not sent again behind the new one.
    assertThat(back.meter().requestsHandled()).isEqualTo(1);
  }

  @Test
  void aDtuThatReconnectsResumesItsPollsWithoutARepeatedRequest() throws Exception {
    DtuFraming framing = DtuFraming.named(DtuFraming.DEFAULT);
    DtuServer server = server(framing);
    DtuLink line = server.link("DTU-HUP");
    Dlt645Client client = client(line);
    CompletableFuture<Void> registered = client.connect();
    SimulatedDtu dtu = dtu(server, "DTU-HUP", framing, Duration.ofSeconds(30));
    registered.orTimeout(10, TimeUnit.SECONDS).join();
    for (int i = 0; i < 3; i++) {
      assertThat(energyOf(client.read(METER, ENERGY).join())).isEqualTo(ENERGY_BCD);
    }

    line.hangUp().join();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((server.stats().registrations() < 2 || !line.isOpen()) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertThat(server.stats().registrations()).as("the DTU dialled in again").isEqualTo(2);
    for (int i = 0; i < 3; i++) {
      assertThat(energyOf(client.read(METER, ENERGY).join())).isEqualTo(ENERGY_BCD);
    }
    assertThat(dtu.meter().requestsHandled()).isEqualTo(6);
    assertThat(client.stats().retries()).isZero();
  }

  @Test
  void aDtuClientDialsAgainWhenTheServerDropsIt() {
    DtuFraming framing = DtuFraming.named(DtuFraming.DEFAULT);
    DtuServer server = server(framing);
    DtuLink line = server.link("DTU-AGAIN");
    Dlt645Client client = client(line);
    CompletableFuture<Void> registered = client.connect();
    DtuClient dtu = dtu(server, "DTU-AGAIN", framing, Duration.ofSeconds(30)).client();
    registered.orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(energyOf(client.read(METER, ENERGY).join())).isEqualTo(ENERGY_BCD);

    line.closeAsync().join();
    line.open().orTimeout(10, TimeUnit.SECONDS).join();

    assertThat(energyOf(client.read(METER, ENERGY).join())).isEqualTo(ENERGY_BCD);
    assertThat(dtu.connectAttempts()).isGreaterThanOrEqualTo(2);
    assertThat(server.stats().registrations()).isEqualTo(2);
  }
}
