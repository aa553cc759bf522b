package io.emms.dlt645.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.LinkException;
import io.emms.core.link.PipeLink;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.LoadProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts, retries, matching and resynchronisation of the master on a bus. */
class Dlt645ClientBusTest {

  private static final Dlt645Address METER = Dlt645Address.of("000102030425");
  private static final String READ_ENERGY = "FEFEFEFE6825040302010068110433333433E116";
  /** The notes' reply: 1206.42 kWh. */
  private static final String REPLY = "68 25 04 03 02 01 00 68 91 08 33 33 34 33 75 39 45 33 8B 16";
  /** The same reply from meter 000102030426: one address byte +1, so CS +1. */
  private static final String REPLY_FROM_OTHER_METER = "68 26 04 03 02 01 00 68 91 08 33 33 34 33 75 39 45 33 8C 16";
  /** A reply for DI 00020000 (DI2 34 -> 35, CS +1): right meter, wrong item. */
  private static final String REPLY_FOR_OTHER_DI = "68 25 04 03 02 01 00 68 91 08 33 33 35 33 75 39 45 33 8C 16";
  /** The reply with a corrupted checksum. */
  private static final String REPLY_BAD_CHECKSUM = "68 25 04 03 02 01 00 68 91 08 33 33 34 33 75 39 45 33 8A 16";

  private final SimulatedBus bus = new SimulatedBus();
  private final List<AutoCloseable> extra = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : extra) {
      c.close();
    }
    bus.close();
  }

  private Dlt645Client scriptedClient(PipeLink[] pipe, Duration timeout) {
    Dlt645Client client = Dlt645Client.create(pipe[0], Dlt645ClientConfig.builder()
        .responseTimeout(timeout).retry(Dlt645RetryPolicy.NONE).build());
    extra.add(pipe[1]);
    extra.add(pipe[0]);
    extra.add(client);
    client.connect().join();
    return client;
  }

  @Test
  void sendsTheNotesRequestWithFourWakeUpBytes() {
    PipeLink[] pipe = PipeLink.pair("scripted");
    ScriptedMeterEnd meter = new ScriptedMeterEnd(pipe[1]).thenAnswer(REPLY);
    Dlt645Client client = scriptedClient(pipe, Duration.ofSeconds(5));

    Dlt645ReadResult result = client.read(METER, 0x00010000).join();

    assertThat(meter.requests).containsExactly(READ_ENERGY);
    assertThat(Bcd.value(result.value(), 2)).isEqualByComparingTo("1206.42");
  }

  @Test
  void ignoresRepliesFromOtherMetersOrForOtherItemsAndSkipsGarbage() {
    PipeLink[] pipe = PipeLink.pair("scripted");
    new ScriptedMeterEnd(pipe[1]).thenAnswer(REPLY_FROM_OTHER_METER, "00 11 68 22 FE 16 FF", REPLY_FOR_OTHER_DI,
        REPLY_BAD_CHECKSUM, "FE FE", REPLY);
    Dlt645Client client = scriptedClient(pipe, Duration.ofSeconds(5));

    Dlt645ReadResult result = client.read(METER, 0x00010000).join();

    assertThat(Bcd.value(result.value(), 2)).isEqualByComparingTo("1206.42");
    Dlt645ClientStats stats = client.stats();
    assertThat(stats.ignoredFrames()).isEqualTo(2);
    assertThat(stats.badFrames()).isEqualTo(1);
    assertThat(stats.droppedBytes()).isGreaterThanOrEqualTo(7);
    assertThat(stats.requests()).isEqualTo(1);
  }

  @Test
  void aMeterThatDoesNotAnswerTimesOutAfterTheConfiguredRetries() {
    bus.add(bus.meter(METER).build());
    bus.start();
    Dlt645Address absent = Dlt645Address.of("000000009999");

    assertThatThrownBy(() -> bus.client.read(absent, 0x00010000).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(MeterTimeoutException.class)
        .hasMessageContaining("2 attempt");
    Dlt645ClientStats stats = bus.client.stats();
    assertThat(stats.timeouts()).isEqualTo(2);
    assertThat(stats.retries()).isEqualTo(1);
    assertThat(stats.requests()).isEqualTo(2);
    // The bus is free again afterwards.
    assertThat(bus.client.read(METER, 0x00010000).join().meter()).isEqualTo(METER);
  }

  @Test
  void aLostReplyIsRecoveredByARetry() {
    bus.add(bus.meter(METER).initialEnergyKwh(5).loadProfile(LoadProfile.constant(0)).build());
    DroppingLink[] lossy = new DroppingLink[1];
    bus.start(c -> c, link -> lossy[0] = new DroppingLink(link, 1));

    Dlt645ReadResult result = bus.client.read(METER, 0x00010000).join();

    assertThat(Bcd.value(result.value(), 2)).isEqualByComparingTo("5.00");
    assertThat(lossy[0].dropped.get()).isEqualTo(1);
    assertThat(bus.client.stats().retries()).isEqualTo(1);
    assertThat(bus.simulator.requestsHandled()).isEqualTo(2);
  }

  @Test
  void aWriteWhoseReplyIsLostIsNotRepeatedByDefault() {
    bus.add(bus.meter(METER).build());
    bus.start(c -> c, link -> new DroppingLink(link, 1));

    CompletableFuture<Void> write = bus.client.write(METER, 0x04000102, new byte[] {0x00, 0x30, 0x12});

    assertThatThrownBy(write::join).cause().isInstanceOf(MeterTimeoutException.class);
    // The meter acted once (its clock is set) although the master never heard back.
    assertThat(bus.simulator.requestsHandled()).isEqualTo(1);
    assertThat(bus.meters.get(0).meterTime().toLocalTime().toString()).startsWith("12:30");
  }

  @Test
  void aWriteIsRepeatedWhenThePolicyAllowsIt() {
    bus.add(bus.meter(METER).build());
    bus.start(c -> c.retry(new Dlt645RetryPolicy(1, Duration.ofMillis(10), 1, Duration.ofMillis(10), true)),
        link -> new DroppingLink(link, 1));

    bus.client.write(METER, 0x04000102, new byte[] {0x00, 0x30, 0x12}).join();

    assertThat(bus.simulator.requestsHandled()).isEqualTo(2);
  }

  @Test
  void queuedRequestsToManyMetersAreAnsweredInOrderByTheRightMeter() {
    List<Dlt645Address> addresses = List.of(Dlt645Address.of("000000000001"), Dlt645Address.of("000000000002"),
        Dlt645Address.of("000000000003"));
    for (int i = 0; i < addresses.size(); i++) {
      bus.add(bus.meter(addresses.get(i)).initialEnergyKwh(100 * (i + 1)).loadProfile(LoadProfile.constant(0))
          .build());
    }
    bus.start();

    List<CompletableFuture<Dlt645ReadResult>> reads = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      reads.add(bus.client.read(addresses.get(i % 3), 0x00010000));
    }

    for (int i = 0; i < 30; i++) {
      Dlt645ReadResult r = reads.get(i).join();
      assertThat(r.meter()).isEqualTo(addresses.get(i % 3));
      assertThat(Bcd.value(r.value(), 2)).isEqualByComparingTo(String.valueOf(100 * (i % 3 + 1)));
    }
    assertThat(bus.client.stats().ignoredFrames()).isZero();
  }

  @Test
  void anInterFrameDelayStillServesTheQueueAfterABroadcast() {
    bus.add(bus.meter(METER).initialEnergyKwh(7).loadProfile(LoadProfile.constant(0)).build());
    bus.start(c -> c.interFrameDelay(Duration.ofMillis(20)), l -> l);

    CompletableFuture<Void> sync = bus.client.broadcastTimeSync(SimulatedBus.START);
    List<CompletableFuture<Dlt645ReadResult>> reads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      reads.add(bus.client.read(METER, 0x00010000));
    }

    sync.join();
    assertThat(reads).allSatisfy(r -> assertThat(Bcd.value(r.join().value(), 2)).isEqualByComparingTo("7.00"));
    assertThat(bus.client.stats().requests()).isEqualTo(6);
  }

  @Test
  void closingTheClientFailsQueuedRequestsAndRejectsNewOnes() {
    PipeLink[] pipe = PipeLink.pair("silent");
    new ScriptedMeterEnd(pipe[1]);
    Dlt645Client client = scriptedClient(pipe, Duration.ofSeconds(30));
    CompletableFuture<Dlt645ReadResult> inFlight = client.read(METER, 0x00010000);
    CompletableFuture<Dlt645ReadResult> queued = client.read(METER, 0x00020000);

    client.close();

    assertThatThrownBy(inFlight::join).cause().isInstanceOf(LinkException.class);
    assertThatThrownBy(queued::join).cause().isInstanceOf(LinkException.class);
    assertThatThrownBy(() -> client.read(METER, 0x00010000).join()).cause().isInstanceOf(LinkException.class);
  }

  @Test
  void aLinkThatClosesFailsTheRequestInFlight() {
    PipeLink[] pipe = PipeLink.pair("closing");
    new ScriptedMeterEnd(pipe[1]);
    Dlt645Client client = scriptedClient(pipe, Duration.ofSeconds(30));
    CompletableFuture<Dlt645ReadResult> inFlight = client.read(METER, 0x00010000);

    pipe[0].close();

    assertThatThrownBy(inFlight::join).cause().isInstanceOf(LinkException.class).hasMessageContaining("closed");
  }
}
