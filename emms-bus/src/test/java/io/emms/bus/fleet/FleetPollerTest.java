package io.emms.bus.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.meter.MeterTimeoutException;
import io.emms.core.reading.Reading;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class FleetPollerTest {

  private TcpLinkServer server;

  /** What the listener saw, in order; the poller calls it from one thread. */
  private final List<String> seen = new ArrayList<>();
  private final List<String> linesDown = new ArrayList<>();

  private final FleetListener listener = new FleetListener() {
    @Override
    public synchronized void onReadings(MeterEndpoint meter, List<Reading> readings) {
      readings.forEach(r -> seen.add(meter.id() + " " + r.quantity() + " " + r.quality() + " " + r.value()));
    }

    @Override
    public synchronized void onFailure(MeterEndpoint meter, Throwable failure) {
      seen.add(meter.id() + " failed " + failure.getClass().getSimpleName());
    }

    @Override
    public synchronized void onLineDown(FleetLine line, Throwable failure) {
      linesDown.add(line.id());
    }
  };

  @BeforeEach
  void startServer() {
    server = new TcpLinkServer(TcpServerConfig.defaults(), link -> {});
    server.start().join();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Fleet fleet(String interval) {
    return FleetFile.parse("""
        interval: %s
        lines:
          - id: gw
            link: rtu-over-tcp://127.0.0.1:%d?reconnect=false
            meters:
              - {id: a, protocol: fake, address: 7, quantities: [ACTIVE_ENERGY_IMPORT, VOLTAGE.A]}
              - {id: dead, protocol: fake, address: 404}
              - {id: refusing, protocol: fake, address: 500}
        """.formatted(interval, server.port()), "test.yaml");
  }

  @Test
  void pollOnceReadsEveryMeterAndSummarises() {
    try (FleetPoller poller = FleetPoller.open(fleet("1m"), listener, false)) {
      poller.pollOnce().join();

      synchronized (listener) {
        assertThat(seen).containsExactlyInAnyOrder(
            "a ACTIVE_ENERGY_IMPORT VALID 7", "a VOLTAGE.A VALID 7",
            "dead failed " + MeterTimeoutException.class.getSimpleName(),
            "refusing ACTIVE_ENERGY_IMPORT ERROR null");
      }
      FleetSummary summary = poller.summary();
      assertThat(summary.lines()).singleElement().satisfies(l -> {
        assertThat(l.id()).isEqualTo("gw");
        assertThat(l.link()).isEqualTo("tcp:127.0.0.1:" + server.port());
        assertThat(l.open()).isTrue();
      });
      assertThat(summary.meters()).extracting(m -> m.id() + " " + m.polls() + " " + m.valid() + " " + m.missing()
          + " " + m.failures()).containsExactly("a 1 2 0 0", "dead 1 0 0 1", "refusing 1 0 1 0");
      assertThat(summary.allRead()).isFalse();
      assertThat(linesDown).isEmpty();
    }
  }

  @Test
  void startPollsEachMeterOnItsIntervalUntilClosed() throws Exception {
    CountDownLatch threePolls = new CountDownLatch(3);
    FleetListener counting = new FleetListener() {
      @Override
      public void onReadings(MeterEndpoint meter, List<Reading> readings) {
        if (meter.id().equals("a")) {
          threePolls.countDown();
        }
      }

      @Override
      public void onFailure(MeterEndpoint meter, Throwable failure) {}
    };
    FleetSummary summary;
    try (FleetPoller poller = FleetPoller.open(fleet("20ms"), counting, false).start()) {
      assertThat(threePolls.await(10, TimeUnit.SECONDS)).isTrue();
      summary = poller.summary();
    }
    assertThat(summary.meters().get(0).polls()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aLinkThatDoesNotOpenIsReported() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Fleet fleet = FleetFile.parse("""
        lines:
          - id: nowhere
            link: tcp://127.0.0.1:%d?reconnect=false
            scheduler: half-duplex
            meters: [{id: x, protocol: fake, address: 1}]
        """.formatted(closedPort), "test.yaml");

    try (FleetPoller poller = FleetPoller.open(fleet, listener, false)) {
      poller.pollOnce().join();
      assertThat(poller.summary().lines()).singleElement().satisfies(l -> assertThat(l.open()).isFalse());
    }
    synchronized (listener) {
      assertThat(linesDown).containsExactly("nowhere");
    }
  }

  @Test
  void readingsOfAllMetersMakeAllRead() {
    Fleet fleet = FleetFile.parse("""
        lines:
          - id: gw
            link: tcp://127.0.0.1:%d
            meters: [{id: x, protocol: fake, address: 1}]
        """.formatted(server.port()), "test.yaml");

    try (FleetPoller poller = FleetPoller.open(fleet, listener, false)) {
      poller.pollOnce().join();
      assertThat(poller.summary().allRead()).isTrue();
      assertThat(fleet.lines().get(0).scheduling()).isEqualTo(Scheduling.PIPELINED);
    }
  }
}
