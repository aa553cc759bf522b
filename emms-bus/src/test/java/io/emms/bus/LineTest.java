package io.emms.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.LinkException;
import io.emms.core.link.PipeLink;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.core.testing.LeakCheck;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class LineTest {

  private final PipeLink[] ends = PipeLink.pair("line-test");
  private final PipeLink master = ends[0];
  private final PipeLink device = ends[1];
  private final TestProtocol.Decoder decoder = new TestProtocol.Decoder();
  /** Requests the device side saw, as "meter:value". */
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final Set<Integer> silent = ConcurrentHashMap.newKeySet();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile String noise = "";
  private Line line;

  private void startDevice() {
    device.setListener(data -> {
      while (data.readableBytes() >= 3) {
        data.skipBytes(1);
        int meter = data.readUnsignedByte();
        int value = data.readUnsignedByte();
        seen.add(meter + ":" + value);
        awaitGate();
        if (!silent.contains(meter)) {
          ByteBuf reply = Unpooled.buffer();
          reply.writeBytes(ByteBufUtil.decodeHexDump(noise.replace(" ", "")));
          reply.writeByte(TestProtocol.START).writeByte(meter).writeByte(value);
          device.write(reply);
        }
      }
    });
    device.open().join();
    master.open().join();
  }

  private void awaitGate() {
    try {
      gate.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private LineConfig.Builder config() {
    return LineConfig.builder().responseTimeout(Duration.ofMillis(200))
        .retryPolicy(new RetryPolicy(1, Duration.ofMillis(10), 1.0, Duration.ofMillis(10), false));
  }

  private CompletableFuture<Integer> ask(int meter, int value, Priority priority) {
    return line.submit(new TestProtocol.Ask(decoder, meter, value, priority));
  }

  @AfterEach
  void tearDown() {
    if (line != null) {
      line.close();
    }
    master.close();
    device.close();
  }

  @Test
  void answersCompleteTheirTransactionsAndAreCounted() {
    line = Line.halfDuplex(master, config().build());
    startDevice();
    assertThat(ask(1, 42, Priority.ON_DEMAND).join()).isEqualTo(42);
    assertThat(ask(2, 7, Priority.POLL).join()).isEqualTo(7);
    Counters counters = line.counters();
    assertThat(counters.requests()).isEqualTo(2);
    assertThat(counters.timeouts()).isZero();
    assertThat(counters.latencyP99()).isPositive();
    assertThat(line.counters("test:1").requests()).isEqualTo(1);
    assertThat(line.counters("test:9").requests()).isZero();
  }

  @Test
  void commandsGoBeforeOnDemandReadsBeforePollsAndMetersTakeTurns() {
    line = Line.halfDuplex(master, config().build());
    gate = new CountDownLatch(1);
    startDevice();
    List<CompletableFuture<Integer>> all = new ArrayList<>();
    all.add(ask(1, 1, Priority.POLL)); // on the wire, held by the gate
    all.add(ask(1, 2, Priority.POLL));
    all.add(ask(1, 3, Priority.POLL));
    all.add(ask(2, 4, Priority.POLL));
    all.add(ask(2, 5, Priority.POLL));
    all.add(ask(3, 6, Priority.ON_DEMAND));
    all.add(ask(4, 7, Priority.COMMAND));
    assertThat(line.counters().queueDepth()).isEqualTo(6);
    gate.countDown();
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    assertThat(seen).containsExactly("1:1", "4:7", "3:6", "1:2", "2:4", "1:3", "2:5");
  }

  @Test
  void aSilentMeterTimesOutAfterItsRetriesThenIsBackedOffUntilItsProbe() {
    line = Line.halfDuplex(master, config().backOffAfter(1).probeInterval(Duration.ofHours(1)).build());
    silent.add(5);
    startDevice();
    assertThatThrownBy(() -> ask(5, 1, Priority.POLL).join()).cause()
        .isInstanceOf(MeterTimeoutException.class).hasMessageContaining("2 attempt(s)");
    assertThatThrownBy(() -> ask(5, 2, Priority.POLL).join()).cause()
        .isInstanceOf(MeterTimeoutException.class).hasMessageContaining("backed off");
    assertThat(ask(6, 3, Priority.POLL).join()).isEqualTo(3);
    assertThat(seen).containsExactly("5:1", "5:1", "6:3");
    assertThat(line.counters("test:5").timeouts()).isEqualTo(2);
    assertThat(line.counters("test:5").retries()).isEqualTo(1);
  }

  @Test
  void aBackedOffMeterIsProbedAndRecoversWhenItAnswers() throws Exception {
    line = Line.halfDuplex(master, config().backOffAfter(1).probeInterval(Duration.ofMillis(1)).build());
    silent.add(5);
    startDevice();
    assertThatThrownBy(() -> ask(5, 1, Priority.POLL).join()).cause().isInstanceOf(MeterTimeoutException.class);
    silent.clear();
    Thread.sleep(5); // let the probe interval pass
    assertThat(ask(5, 2, Priority.POLL).join()).isEqualTo(2);
    assertThat(ask(5, 3, Priority.POLL).join()).isEqualTo(3);
  }

  @Test
  void writesAreNotRepeatedAfterATimeout() {
    line = Line.halfDuplex(master, config().build());
    silent.add(5);
    startDevice();
    assertThatThrownBy(() -> ask(5, 1, Priority.COMMAND).join()).cause()
        .isInstanceOf(MeterTimeoutException.class).hasMessageContaining("1 attempt(s)");
    assertThat(seen).containsExactly("5:1");
  }

  @Test
  void aFullQueueFailsTheSubmitAtOnce() {
    line = Line.halfDuplex(master, config().queueCapacity(2).build());
    gate = new CountDownLatch(1);
    startDevice();
    CompletableFuture<Integer> onWire = ask(1, 1, Priority.POLL);
    CompletableFuture<Integer> first = ask(1, 2, Priority.POLL);
    CompletableFuture<Integer> second = ask(1, 3, Priority.POLL);
    CompletableFuture<Integer> refused = ask(1, 4, Priority.POLL);
    assertThat(refused).isCompletedExceptionally();
    assertThatThrownBy(refused::join).cause().isInstanceOf(QueueFullException.class);
    gate.countDown();
    assertThat(List.of(onWire.join(), first.join(), second.join())).containsExactly(1, 2, 3);
  }

  @Test
  void aDroppedLinkFailsQueuedWorkAndTheLineResumesAfterReopening() {
    line = Line.halfDuplex(master, config().build());
    gate = new CountDownLatch(1);
    startDevice();
    CompletableFuture<Integer> onWire = ask(1, 1, Priority.POLL);
    CompletableFuture<Integer> queued = ask(2, 2, Priority.POLL);
    master.close();
    assertThatThrownBy(onWire::join).cause().isInstanceOf(LinkException.class);
    assertThatThrownBy(queued::join).cause().isInstanceOf(LinkException.class)
        .satisfies(e -> assertThat(((LinkException) e).meterId()).isEqualTo("test:2"));
    gate.countDown();
    master.open().join();
    assertThat(ask(3, 3, Priority.POLL).join()).isEqualTo(3);
  }

  @Test
  void noiseBeforeAReplyIsCountedAndSkipped() {
    line = Line.halfDuplex(master, config().build());
    startDevice();
    noise = "0102 A5 00 33";
    assertThat(ask(1, 9, Priority.POLL).join()).isEqualTo(9);
    assertThat(line.counters().garbageBytes()).isEqualTo(5);
    assertThat(line.counters().badChecksums()).isEqualTo(1);
    assertThat(line.counters("test:1").garbageBytes()).isEqualTo(5);
  }

  @Test
  void aReplyFromAnotherMeterIsUnmatchedAndTheTimerKeepsRunning() {
    line = Line.halfDuplex(master, config().retryPolicy(RetryPolicy.NONE).build());
    startDevice();
    silent.add(5);
    noise = "A5 07 01";
    assertThat(ask(1, 2, Priority.POLL).join()).isEqualTo(2);
    assertThat(line.counters().unmatchedFrames()).isEqualTo(1);
  }

  @Test
  void closingTheLineFailsItsWorkAndLaterSubmits() {
    line = Line.halfDuplex(master, config().build());
    gate = new CountDownLatch(1);
    startDevice();
    CompletableFuture<Integer> onWire = ask(1, 1, Priority.POLL);
    line.close();
    gate.countDown();
    assertThatThrownBy(onWire::join).cause().isInstanceOf(LinkException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> ask(1, 2, Priority.POLL).join()).cause().isInstanceOf(LinkException.class);
    assertThat(master.isOpen()).isTrue();
  }

  @Test
  void theTraceSeesWhatIsSentAndReceived() {
    List<String> traced = new CopyOnWriteArrayList<>();
    line = Line.halfDuplex(master, config().trace((direction, time, hex) -> traced.add(direction + " " + hex))
        .build());
    startDevice();
    ask(3, 0x1F, Priority.POLL).join();
    assertThat(traced).containsExactly("SENT a5 03 1f", "RECEIVED a5 03 1f");
  }

  @Test
  void aPipelinedLineHasManyOnTheWireAndMatchesRepliesById() {
    line = Line.pipelined(master, config().maxInFlight(4).build());
    gate = new CountDownLatch(1);
    startDevice();
    List<CompletableFuture<Integer>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(ask(1 + i % 3, 0, Priority.POLL));
    }
    gate.countDown();
    List<Integer> ids = all.stream().map(CompletableFuture::join).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize(20);
    assertThat(line.counters().requests()).isEqualTo(20);
  }
}
