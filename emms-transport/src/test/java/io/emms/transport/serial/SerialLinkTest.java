package io.emms.transport.serial;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emms.core.link.LinkException;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.Recorder;
import io.emms.core.testing.SocatPtyPair;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheck.class)
class SerialLinkTest {

  @TempDir static Path dir;
  private static SocatPtyPair ptys;

  private final UnpooledByteBufAllocator allocator = new UnpooledByteBufAllocator(false);
  private SerialLink a;
  private SerialLink b;
  private Recorder atA;
  private Recorder atB;

  @BeforeAll
  static void startSocat() throws Exception {
    assumeTrue(SocatPtyPair.available(), "socat is not installed");
    ptys = SocatPtyPair.start(dir);
  }

  @AfterAll
  static void stopSocat() throws InterruptedException {
    if (ptys != null) {
      ptys.close();
    }
  }

  @BeforeEach
  void openBothEnds() {
    a = new SerialLink(config(ptys.a()), allocator);
    b = new SerialLink(config(ptys.b()), allocator);
    atA = new Recorder();
    atB = new Recorder();
    a.setListener(atA);
    b.setListener(atB);
    a.open().join();
    b.open().join();
  }

  /** 8N1, the framing a pty has anyway. */
  private static SerialConfig config(String port) {
    return SerialConfig.builder(port).parity(Parity.NONE).readTimeout(Duration.ofMillis(50)).build();
  }

  @AfterEach
  void closeBothEnds() {
    a.close();
    b.close();
    assertThat(atA.seenBuffers()).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
    assertThat(atB.seenBuffers()).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
  }

  @Test
  void bytesFlowBothWays() throws Exception {
    a.write(ascii("68 from a")).join();
    assertThat(new String(atB.awaitBytes(9), US_ASCII)).isEqualTo("68 from a");

    b.write(ascii("16 from b")).join();
    assertThat(new String(atA.awaitBytes(9), US_ASCII)).isEqualTo("16 from b");
  }

  @Test
  void largeWriteSplitArbitrarilyArrivesIntactAndInOrder() throws Exception {
    Random random = new Random(645);
    byte[] payload = new byte[64 * 1024];
    random.nextBytes(payload);

    List<CompletableFuture<Void>> writes = new ArrayList<>();
    int offset = 0;
    boolean direct = false;
    while (offset < payload.length) {
      int size = Math.min(1 + random.nextInt(3000), payload.length - offset);
      // Alternate heap and direct buffers: the link writes the former from its array, the latter by copying.
      ByteBuf chunk = direct ? Unpooled.directBuffer(size) : Unpooled.buffer(size);
      chunk.writeBytes(payload, offset, size);
      writes.add(a.write(chunk));
      offset += size;
      direct = !direct;
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

    assertThat(atB.awaitBytes(payload.length)).isEqualTo(payload);
  }

  @Test
  void listenerSeesOpenAndRequestedClose() throws Exception {
    assertThat(atA.nextEvent().kind()).isEqualTo("open");

    a.close();

    Recorder.Event closed = atA.nextEvent();
    assertThat(closed.kind()).isEqualTo("closed");
    assertThat(closed.cause()).isNull();
    assertThat(a.isOpen()).isFalse();
  }

  @Test
  void closeIsIdempotentAndReopenWorks() throws Exception {
    a.close();
    a.close();
    assertThat(a.isOpen()).isFalse();

    a.open().join();
    assertThat(a.isOpen()).isTrue();
    a.write(ascii("again")).join();
    assertThat(new String(atB.awaitBytes(5), US_ASCII)).isEqualTo("again");
    b.write(ascii("back")).join();
    assertThat(new String(atA.awaitBytes(4), US_ASCII)).isEqualTo("back");

    assertThat(atA.nextEvent().kind()).isEqualTo("open");
    assertThat(atA.nextEvent().kind()).isEqualTo("closed");
    assertThat(atA.nextEvent().kind()).isEqualTo("open");
  }

  @Test
  void aPtyReopensWithTheMeterFramingAgainAndAgain() throws Exception {
    a.close();
    b.close();
    // 2400 8E1 as DL/T 645 meters use it: the second open of the same pty used to fail with error 22 (EINVAL).
    SerialConfig evenParity = SerialConfig.builder(ptys.a()).readTimeout(Duration.ofMillis(50)).build();
    assertThat(evenParity.parity()).isEqualTo(Parity.EVEN);
    b.open().join();
    StringBuilder atBSoFar = new StringBuilder();
    for (int round = 0; round < 3; round++) {
      SerialLink again = new SerialLink(evenParity, allocator);
      Recorder atAgain = new Recorder();
      again.setListener(atAgain);
      again.open().join();
      try {
        again.write(ascii("round " + round)).join();
        atBSoFar.append("round ").append(round);
        assertThat(new String(atB.awaitBytes(atBSoFar.length()), US_ASCII)).isEqualTo(atBSoFar.toString());
        b.write(ascii("ack " + round)).join();
        assertThat(new String(atAgain.awaitBytes(5), US_ASCII)).isEqualTo("ack " + round);
      } finally {
        again.close();
      }
    }
  }

  @Test
  void onlyPseudoTerminalsCountAsSuch() {
    assertThat(SerialLink.isPseudoTerminal(ptys.a())).isTrue();
    assertThat(SerialLink.isPseudoTerminal(dir.toString())).isFalse();
    assertThat(SerialLink.isPseudoTerminal("/dev/ttyUSB-not-there")).isFalse();
  }

  @Test
  void openTwiceKeepsOneSession() throws Exception {
    a.open().join();
    a.write(ascii("once")).join();

    assertThat(new String(atB.awaitBytes(4), US_ASCII)).isEqualTo("once");
    assertThat(atA.nextEvent().kind()).isEqualTo("open");
    assertThat(atA.pendingEvents()).isEmpty();
  }

  @Test
  void writeAfterCloseFailsAndReleasesTheBuffer() {
    a.close();
    ByteBuf data = ascii("late");

    CompletableFuture<Void> write = a.write(data);

    assertThatThrownBy(write::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(LinkException.class);
    assertThat(data.refCnt()).isZero();
  }

  @Test
  void openingAMissingPortFails() {
    SerialLink missing = new SerialLink(SerialConfig.of(dir.resolve("no-such-port").toString()));

    assertThatThrownBy(() -> missing.open().join()).cause()
        .isInstanceOf(LinkException.class)
        .hasMessage(missing.name() + ": no such port");
    assertThat(missing.isOpen()).isFalse();
  }

  @Test
  void aPortThatDoesNotOpenSaysWhyInWords() {
    assertThat(SerialLink.openFailure(2, 520)).isEqualTo("no such device");
    assertThat(SerialLink.openFailure(13, 520)).isEqualTo("permission denied (is the user in the dialout group?)");
    assertThat(SerialLink.openFailure(16, 520)).isEqualTo("in use by another program");
    assertThat(SerialLink.openFailure(11, 541)).isEqualTo("in use by another program");
    assertThat(SerialLink.openFailure(5, 769)).isEqualTo("error 5 at 769");
  }

  @Test
  void aVanishingPortClosesTheLinkWithACause() throws Exception {
    Path own = dir.resolve("vanishing");
    Files.createDirectories(own);
    SocatPtyPair pair = SocatPtyPair.start(own);
    SerialLink link = new SerialLink(config(pair.a()), allocator);
    Recorder recorder = new Recorder();
    link.setListener(recorder);
    link.open().join();
    assertThat(recorder.nextEvent().kind()).isEqualTo("open");

    pair.close();

    Recorder.Event closed = recorder.nextEvent();
    assertThat(closed.kind()).isEqualTo("closed");
    assertThat(closed.cause()).isInstanceOf(LinkException.class);
    assertThat(link.isOpen()).isFalse();
    assertThatThrownBy(() -> link.write(ascii("gone")).join()).hasCauseInstanceOf(LinkException.class);
    link.close();
  }

  @Test
  void aThrowingListenerNeitherStopsTheReaderNorLeaks() throws Exception {
    List<ByteBuf> seen = new CopyOnWriteArrayList<>();
    AtomicInteger bytes = new AtomicInteger();
    b.setListener(data -> {
      seen.add(data);
      bytes.addAndGet(data.readableBytes());
      throw new IllegalStateException("listener bug");
    });
    a.write(ascii("one")).join();
    long deadline = System.nanoTime() + Recorder.PATIENCE.toNanos();
    while (bytes.get() < 3) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(10);
    }
    b.setListener(atB);

    a.write(ascii("two")).join();

    assertThat(new String(atB.awaitBytes(3), US_ASCII)).isEqualTo("two");
    assertThat(seen).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
  }

  @Test
  void nameShowsPortAndFraming() {
    assertThat(a.name()).isEqualTo("serial:" + ptys.a() + "@2400-8N1");
  }

  private static ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, US_ASCII);
  }
}
