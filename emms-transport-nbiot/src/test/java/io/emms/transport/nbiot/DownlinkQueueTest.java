package io.emms.transport.nbiot;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.transport.nbiot.DownlinkQueue.Route;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The queue's rules on a hand-driven clock: nothing here waits. */
class DownlinkQueueTest {

  private static final Imei METER = Imei.of("861234567890123");
  private static final Route UDP_A = new Route(new InetSocketAddress("127.0.0.1", 40001), true);
  private static final Route UDP_B = new Route(new InetSocketAddress("127.0.0.1", 40002), true);
  private static final Route COAP = new Route(new InetSocketAddress("127.0.0.1", 40003), false);

  private final ManualClock clock = new ManualClock();
  private final InMemoryDownlinkStore store = new InMemoryDownlinkStore();
  private final List<CommandOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final DownlinkQueue queue = newQueue();

  private DownlinkQueue newQueue() {
    return new DownlinkQueue(store, clock, Duration.ofSeconds(10), Duration.ofSeconds(30), outcomes::add);
  }

  @Test
  void nothingIsSentBeforeTheDeviceIsHeard() {
    queue.enqueue(METER, "k1", new byte[] {1}, Duration.ofHours(1));

    assertThat(queue.sweep()).isEmpty();
    assertThat(queue.heard(METER, UDP_A)).isPresent();
  }

  @Test
  void commandsGoOutOneAtATimeInOrder() {
    CommandTicket first = queue.enqueue(METER, "k1", new byte[] {1}, Duration.ofHours(1));
    CommandTicket second = queue.enqueue(METER, "k2", new byte[] {2}, Duration.ofHours(1));

    Downlink sent = queue.heard(METER, UDP_A).orElseThrow();
    assertThat(sent.commandId()).isEqualTo(first.commandId());
    assertThat(queue.heard(METER, UDP_A).orElseThrow().commandId()).as("resent on the next uplink")
        .isEqualTo(first.commandId());

    Downlink next = queue.acknowledged(new DeviceMessage.Ack(METER, first.commandId(), true), UDP_A).orElseThrow();

    assertThat(next.commandId()).isEqualTo(second.commandId());
    CommandOutcome done = first.outcome().join();
    assertThat(done.status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(second.outcome()).isNotDone();
  }

  @Test
  void anAckForACommandNotInFlightChangesNothing() {
    CommandTicket first = queue.enqueue(METER, "k1", new byte[] {1}, Duration.ofHours(1));

    queue.acknowledged(new DeviceMessage.Ack(METER, first.commandId(), true), UDP_A);
    assertThat(first.outcome()).as("never sent, so not acknowledgeable").isNotDone();
    queue.heard(METER, UDP_A);
    queue.acknowledged(new DeviceMessage.Ack(METER, first.commandId() + 99, true), UDP_A);

    assertThat(first.outcome()).isNotDone();
    assertThat(queue.pending(METER)).hasSize(1);
  }

  @Test
  void aRefusalEndsTheCommandAsRejected() {
    CommandTicket ticket = queue.enqueue(METER, "k1", new byte[] {1}, Duration.ofHours(1));
    queue.heard(METER, UDP_A);

    queue.acknowledged(new DeviceMessage.Ack(METER, ticket.commandId(), false), UDP_A);

    assertThat(ticket.outcome().join().status()).isEqualTo(CommandStatus.REJECTED);
  }

  @Test
  void resendsGoToTheLatestAddressOnlyWhileTheDeviceIsAwake() {
    CommandTicket ticket = queue.enqueue(METER, "k1", new byte[] {1}, Duration.ofHours(1));
    queue.heard(METER, UDP_A);
    clock.advance(Duration.ofSeconds(5));
    assertThat(queue.sweep()).as("before the resend interval").isEmpty();

    queue.heard(METER, UDP_B); // NAT rebinding: same device, new source port
    clock.advance(Duration.ofSeconds(10));
    List<DownlinkQueue.Send> resends = queue.sweep();

    assertThat(resends).singleElement().satisfies(send -> {
      assertThat(send.to()).isEqualTo(UDP_B.address());
      assertThat(send.downlink().commandId()).isEqualTo(ticket.commandId());
    });
    clock.advance(Duration.ofSeconds(31));
    assertThat(queue.sweep()).as("asleep after the awake window").isEmpty();
  }

  @Test
  void coapDevicesGetCommandsOnlyInReplies() {
    queue.enqueue(METER, "k1", new byte[] {1}, Duration.ofHours(1));
    assertThat(queue.heard(METER, COAP)).isPresent();
    clock.advance(Duration.ofSeconds(11));

    assertThat(queue.sweep()).isEmpty();
  }

  @Test
  void expiredCommandsAreReportedAndNeverSent() {
    CommandTicket shortLived = queue.enqueue(METER, "k1", new byte[] {1}, Duration.ofMinutes(1));
    CommandTicket longLived = queue.enqueue(METER, "k2", new byte[] {2}, Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(1));

    queue.sweep();

    CommandOutcome expired = shortLived.outcome().join();
    assertThat(expired.status()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(expired.attempts()).isZero();
    assertThat(outcomes).containsExactly(expired);
    assertThat(queue.heard(METER, UDP_A).orElseThrow().commandId()).isEqualTo(longLived.commandId());
    assertThat(store.loadAll()).extracting(c -> c.id()).containsExactly(longLived.commandId());
  }

  @Test
  void theSameIdempotencyKeyQueuesOnce() {
    CommandTicket first = queue.enqueue(METER, "trip-2026-12-03", new byte[] {1}, Duration.ofHours(1));
    CommandTicket again = queue.enqueue(METER, "trip-2026-12-03", new byte[] {1}, Duration.ofHours(1));

    assertThat(again.commandId()).isEqualTo(first.commandId());
    assertThat(queue.pending(METER)).hasSize(1);

    queue.heard(METER, UDP_A);
    queue.acknowledged(new DeviceMessage.Ack(METER, first.commandId(), true), UDP_A);
    CommandTicket afterwards = queue.enqueue(METER, "trip-2026-12-03", new byte[] {1}, Duration.ofHours(1));

    assertThat(afterwards.commandId()).isEqualTo(first.commandId());
    assertThat(afterwards.outcome().join().status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
    assertThat(queue.pending(METER)).isEmpty();
  }

  @Test
  void aNewQueueOnTheSameStoreResumesWithAttemptsKept() {
    CommandTicket ticket = queue.enqueue(METER, "k1", new byte[] {1}, Duration.ofHours(1));
    queue.heard(METER, UDP_A);

    DownlinkQueue restarted = newQueue();
    Downlink again = restarted.heard(METER, UDP_B).orElseThrow();
    restarted.acknowledged(new DeviceMessage.Ack(METER, again.commandId(), true), UDP_B);

    assertThat(again.commandId()).isEqualTo(ticket.commandId());
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
      assertThat(o.attempts()).isEqualTo(2);
    });
    assertThat(restarted.enqueue(METER, "k2", new byte[] {2}, Duration.ofHours(1)).commandId())
        .isGreaterThan(ticket.commandId());
  }

  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
