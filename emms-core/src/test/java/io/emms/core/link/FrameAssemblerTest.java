package io.emms.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

  /** Frames are "<" ... ">"; anything outside is garbage. */
  private static final FrameDecoder<String> ANGLE_FRAMES = in -> {
    int start = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '<');
    if (start < 0) {
      in.skipBytes(in.readableBytes());
      return null;
    }
    in.readerIndex(start);
    int end = in.indexOf(start, in.writerIndex(), (byte) '>');
    if (end < 0) {
      return null;
    }
    String frame = in.toString(start + 1, end - start - 1, StandardCharsets.US_ASCII);
    in.readerIndex(end + 1);
    return frame;
  };

  private final List<String> frames = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final FrameAssembler<String> assembler = new FrameAssembler<>(ANGLE_FRAMES, frames::add, new LinkListener() {
    @Override
    public void onData(ByteBuf data) {}

    @Override
    public void onOpen() {
      events.add("open");
    }

    @Override
    public void onClosed(Throwable cause) {
      events.add("closed");
    }
  });

  @AfterEach
  void release() {
    assembler.close();
  }

  private void feed(String text) {
    ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    try {
      assembler.onData(buf);
    } finally {
      buf.release();
    }
  }

  @Test
  void assemblesSplitFramesAndSkipsGarbage() {
    feed("xx<ab");
    assertThat(frames).isEmpty();
    feed("c>yy<d");
    feed("e><f>");
    assertThat(frames).containsExactly("abc", "de", "f");
    assertThat(assembler.pendingBytes()).isZero();
  }

  @Test
  void resetDropsPartialFrameAndCloseNotifies() {
    feed("<stale");
    assertThat(assembler.pendingBytes()).isEqualTo(6);
    assembler.onClosed(null);
    feed("tail><fresh>");
    assertThat(frames).containsExactly("fresh");
    assertThat(events).containsExactly("closed");
  }

  @Test
  void growsBeyondInitialCapacity() {
    String big = "x".repeat(2000);
    feed("<" + big.substring(0, 700));
    feed(big.substring(700) + ">");
    assertThat(frames).containsExactly(big);
  }
}
