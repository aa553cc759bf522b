package io.emms.dlt645.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.link.FrameAssembler;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder driven by emms-core's FrameAssembler, as the master and simulator use it. */
class FrameAssemblerIntegrationTest {

  @Test
  void assemblerDeliversEachFrameOnceAcrossChunks() {
    List<String> frames = new ArrayList<>();
    Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
    byte[] stream = Hex.bytes("FE FE " + FrameDecoderTest.READ_REPLY + " 00 " + FrameDecoderTest.READ_REQUEST_1997);
    try (FrameAssembler<Dlt645Frame> assembler =
        new FrameAssembler<>(decoder, f -> frames.add(FrameCollector.describe(f)), new LinkListener() {
          @Override
          public void onData(ByteBuf data) {}
        })) {
      for (int i = 0; i < stream.length; i += 5) {
        ByteBuf chunk = Hex.buf(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + 5)));
        assembler.onData(chunk);
        assertThat(chunk.release()).isTrue();
      }
      assertThat(frames).containsExactly(FrameDecoderTest.READ_REPLY_TEXT, FrameDecoderTest.READ_REQUEST_1997_TEXT);
      assertThat(assembler.pendingBytes()).isZero();
      assertThat(decoder.droppedBytes()).isEqualTo(1);
    }
  }
}
