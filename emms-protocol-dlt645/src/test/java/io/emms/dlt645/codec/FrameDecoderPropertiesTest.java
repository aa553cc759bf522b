package io.emms.dlt645.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Fuzz and split properties of the frame decoder; every buffer is pooled and must be freed. */
class FrameDecoderPropertiesTest {

  record Frame(long address, int control, byte[] data) {
    String text() {
      return new Dlt645Address(address) + " " + String.format("%02X", control) + " [" + Hex.dump(data) + "]";
    }

    byte[] wire(int wakeUp) {
      ByteBuf plain = Hex.buf(data);
      ByteBuf out = Hex.buf("");
      try {
        new Dlt645FrameEncoder(Dlt645CodecConfig.builder().wakeUpBytes(wakeUp).build())
            .encode(new Dlt645Address(address), control, plain, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
      } finally {
        assertThat(plain.release()).isTrue();
        assertThat(out.release()).isTrue();
      }
    }
  }

  @Provide
  Arbitrary<Frame> frames() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 0xFFFFFFFFFFFFL),
            Arbitraries.integers().between(0, 255),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(80))
        .as(Frame::new);
  }

  /** Noise that contains no 68, so it cannot start a frame by itself. */
  @Provide
  Arbitrary<byte[]> noise() {
    return Arbitraries.bytes().filter(b -> b != 0x68).array(byte[].class).ofMaxSize(12);
  }

  @Property(tries = 300, seed = "645")
  void randomBytesNeverThrowAndNeverLeak(@ForAll @Size(max = 700) byte[] bytes, @ForAll @IntRange(min = 1, max = 64)
      int chunk) {
    FrameCollector collector = new FrameCollector(new Dlt645FrameDecoder());
    for (int i = 0; i < bytes.length; i += chunk) {
      collector.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)));
    }
    assertThat(collector.pending()).isLessThanOrEqualTo(bytes.length);
    assertThat(collector.release()).isTrue();
  }

  @Property(tries = 300, seed = "645")
  void encodedFramesDecodeToTheSameFields(@ForAll("frames") Frame frame, @ForAll @IntRange(max = 4) int wakeUp) {
    FrameCollector collector = new FrameCollector(new Dlt645FrameDecoder());
    collector.feed(frame.wire(wakeUp));
    assertThat(collector.frames()).containsExactly(frame.text());
    assertThat(collector.release()).isTrue();
  }

  @Property(tries = 300, seed = "645")
  void randomSplitPointsGiveIdenticalFrames(
      @ForAll @Size(min = 1, max = 5) List<@From("frames") Frame> frames,
      @ForAll @Size(min = 1, max = 5) List<@From("noise") byte[]> noise,
      @ForAll @Size(max = 8) List<@IntRange(max = 2000) Integer> cuts) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      stream.writeBytes(noise.get(i % noise.size()));
      stream.writeBytes(frames.get(i).wire(i % 5));
      expected.add(frames.get(i).text());
    }
    byte[] bytes = stream.toByteArray();
    int[] points = cuts.stream().mapToInt(c -> c % (bytes.length + 1)).sorted().toArray();
    FrameCollector collector = new FrameCollector(new Dlt645FrameDecoder());
    int from = 0;
    for (int point : points) {
      collector.feed(Arrays.copyOfRange(bytes, from, point));
      from = point;
    }
    collector.feed(Arrays.copyOfRange(bytes, from, bytes.length));
    assertThat(collector.frames()).isEqualTo(expected);
    assertThat(collector.pending()).isZero();
    assertThat(collector.release()).isTrue();
  }

  @Property(tries = 500, seed = "645")
  void aCorruptedFrameNeverHidesTheGoodFrameAfterIt(
      @ForAll("frames") Frame damaged, @ForAll("frames") Frame good, @ForAll @IntRange(max = 200) int position,
      @ForAll byte replacement) {
    byte[] wire = damaged.wire(0);
    int at = position % wire.length;
    wire[at] = wire[at] == replacement ? (byte) (replacement + 1) : replacement;
    FrameCollector collector = new FrameCollector(new Dlt645FrameDecoder());
    collector.feed(wire).feed(good.wire(2));
    assertThat(collector.frames()).endsWith(good.text());
    assertThat(collector.release()).isTrue();
  }

  @Property(tries = 100, seed = "645")
  void nettyDecoderEmitsTheSameFramesAndLeaksNothing(
      @ForAll @Size(min = 1, max = 4) List<@From("frames") Frame> frames,
      @ForAll @Size(max = 6) List<@IntRange(max = 1000) Integer> cuts) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    for (Frame frame : frames) {
      stream.writeBytes(frame.wire(4));
      expected.add(frame.text());
    }
    byte[] bytes = stream.toByteArray();
    int[] points = cuts.stream().mapToInt(c -> c % (bytes.length + 1)).sorted().toArray();
    EmbeddedChannel channel = new EmbeddedChannel(new Dlt645NettyDecoder());
    int from = 0;
    for (int point : points) {
      channel.writeInbound(Hex.buf(Arrays.copyOfRange(bytes, from, point)));
      from = point;
    }
    channel.writeInbound(Hex.buf(Arrays.copyOfRange(bytes, from, bytes.length)));
    List<String> decoded = new ArrayList<>();
    List<Dlt645Frame> emitted = new ArrayList<>();
    for (Dlt645Frame frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
      decoded.add(FrameCollector.describe(frame));
      emitted.add(frame);
      frame.release();
    }
    assertThat(decoded).isEqualTo(expected);
    assertThat(channel.finish()).isFalse();
    // Once the consumer released every frame and the handler its cumulation, nothing holds a reference.
    assertThat(emitted).allSatisfy(frame -> assertThat(frame.refCnt()).isZero());
  }
}
