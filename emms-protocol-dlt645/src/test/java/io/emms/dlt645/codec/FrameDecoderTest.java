package io.emms.dlt645.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  static final String READ_REPLY = GoldenFrame.readReply2007().wire();
  static final String READ_REPLY_TEXT = "000102030425 91 [00 00 01 00 42 06 12 00]";
  static final String READ_REQUEST_1997 = "68 03 00 00 00 00 00 68 01 02 44 E9 03 16";
  static final String READ_REQUEST_1997_TEXT = "000000000003 01 [11 B6]";

  private final Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
  private final FrameCollector collector = new FrameCollector(decoder);

  @AfterEach
  void releaseCumulation() {
    assertThat(collector.release()).isTrue();
  }

  @Test
  void skipsAnyNumberOfWakeUpBytes() {
    collector.feed(Hex.bytes("FE".repeat(9) + READ_REPLY.replace(" ", "")));
    assertThat(collector.frames()).containsExactly(READ_REPLY_TEXT);
    assertThat(decoder.droppedBytes()).isZero();
  }

  @Test
  void skipsGarbageAndAFalseStartBeforeAGoodFrame() {
    // 68 followed by bytes whose 8th is not 68: a false start costing one byte; 00 11 are plain garbage.
    collector.feed(Hex.bytes("00 11 68 01 02 03 04 05 06 07 08 " + READ_REPLY));
    assertThat(collector.frames()).containsExactly(READ_REPLY_TEXT);
    assertThat(decoder.droppedBytes()).isEqualTo(11);
    assertThat(decoder.badFrames()).isZero();
  }

  @Test
  void badChecksumIsCountedAndTheNextFrameStillDecodes() {
    String corrupt = READ_REPLY.replace("8B 16", "8C 16");
    collector.feed(Hex.bytes(corrupt + " " + READ_REQUEST_1997));
    assertThat(collector.frames()).containsExactly(READ_REQUEST_1997_TEXT);
    assertThat(decoder.badFrames()).isEqualTo(1);
    assertThat(decoder.droppedBytes()).isEqualTo(Hex.bytes(corrupt).length);
  }

  @Test
  void badEndByteIsABadFrame() {
    collector.feed(Hex.bytes(READ_REPLY.replace("8B 16", "8B 17") + " " + READ_REQUEST_1997));
    assertThat(collector.frames()).containsExactly(READ_REQUEST_1997_TEXT);
    assertThat(decoder.badFrames()).isEqualTo(1);
  }

  @Test
  void goodFrameStartingInsideARejectedCandidateIsFound() {
    // A stray 68 seven bytes before the good frame looks like a start whose second 68 is the good frame's first;
    // C = 25 and L = 04 come from the good frame's address, CS 68+10+20+30+40+50+60+68+25+04+03+02+01+00 = 24F
    // -> 4F is not the 68 found there, so the candidate is a bad frame and the good frame inside must survive.
    collector.feed(Hex.bytes("68 10 20 30 40 50 60 " + READ_REPLY));
    assertThat(collector.frames()).containsExactly(READ_REPLY_TEXT);
    assertThat(decoder.badFrames()).isEqualTo(1);
  }

  @Test
  void strayStartWithLongLengthDoesNotHoldBackACompleteFrameBehindIt() {
    // 68 + 6 bytes + 68 + C + L=FF claims 255 DATA bytes; the reply that follows is complete and must not wait.
    collector.feed(Hex.bytes("68 00 00 00 00 00 00 68 00 FF " + READ_REPLY));
    assertThat(collector.frames()).containsExactly(READ_REPLY_TEXT);
    assertThat(collector.pending()).isZero();
  }

  @Test
  void lengthAboveTheConfiguredMaximumIsAFalseStart() {
    Dlt645FrameDecoder strict = new Dlt645FrameDecoder(Dlt645CodecConfig.builder().maxDataLength(4).build());
    FrameCollector strictCollector = new FrameCollector(strict);
    strictCollector.feed(Hex.bytes(READ_REPLY + " " + READ_REQUEST_1997));
    assertThat(strictCollector.frames()).containsExactly(READ_REQUEST_1997_TEXT);
    assertThat(strict.badFrames()).isZero();
    assertThat(strict.droppedBytes()).isEqualTo(20);
    assertThat(strictCollector.release()).isTrue();
  }

  @Test
  void incompleteFrameWaitsWithoutConsuming() {
    byte[] reply = Hex.bytes(READ_REPLY);
    collector.feed(Arrays.copyOf(reply, reply.length - 1));
    assertThat(collector.frames()).isEmpty();
    assertThat(collector.pending()).isEqualTo(reply.length - 1);
    collector.feed(new byte[] {0x16});
    assertThat(collector.frames()).containsExactly(READ_REPLY_TEXT);
  }

  @Test
  void coalescedFramesAllDecode() {
    collector.feed(Hex.bytes("FE FE " + READ_REPLY + " FE " + READ_REQUEST_1997 + " " + READ_REPLY));
    assertThat(collector.frames()).containsExactly(READ_REPLY_TEXT, READ_REQUEST_1997_TEXT, READ_REPLY_TEXT);
  }

  @Test
  void everySplitPointGivesTheSameFrames() {
    byte[] stream = Hex.bytes("FE FE 00 68 " + READ_REPLY + " " + READ_REQUEST_1997.replace("03 16", "04 16")
        + " FE " + READ_REQUEST_1997 + " " + READ_REPLY);
    List<String> expected = List.of(READ_REPLY_TEXT, READ_REQUEST_1997_TEXT, READ_REPLY_TEXT);
    for (int first = 0; first <= stream.length; first++) {
      for (int second = first; second <= stream.length; second += 7) {
        Dlt645FrameDecoder fresh = new Dlt645FrameDecoder();
        FrameCollector split = new FrameCollector(fresh);
        split.feed(Arrays.copyOfRange(stream, 0, first))
            .feed(Arrays.copyOfRange(stream, first, second))
            .feed(Arrays.copyOfRange(stream, second, stream.length));
        assertThat(split.frames()).as("split at %d/%d", first, second).isEqualTo(expected);
        assertThat(fresh.badFrames()).isEqualTo(1);
        assertThat(split.release()).isTrue();
      }
    }
  }

  @Test
  void byteByByteDeliveryGivesTheSameFrames() {
    byte[] stream = Hex.bytes("FE FE FE FE " + READ_REPLY + " " + READ_REQUEST_1997);
    for (byte b : stream) {
      collector.feed(new byte[] {b});
    }
    assertThat(collector.frames()).containsExactly(READ_REPLY_TEXT, READ_REQUEST_1997_TEXT);
  }

  @Test
  void viewsAreNotReferenceCountedButDuplicatesAre() {
    ByteBuf in = Hex.buf(READ_REPLY);
    try {
      Dlt645Frame view = decoder.decode(in);
      assertThatThrownBy(view::release).isInstanceOf(IllegalStateException.class);
      Dlt645Frame kept = view.retainedDuplicate();
      assertThat(in.refCnt()).isEqualTo(2);
      assertThat(FrameCollector.describe(kept)).isEqualTo(READ_REPLY_TEXT);
      assertThat(kept.release()).as("the duplicate's own reference").isTrue();
      assertThat(in.refCnt()).isEqualTo(1);
    } finally {
      assertThat(in.release()).isTrue();
    }
  }

  @Test
  void dataByteReadsWithoutASlice() {
    ByteBuf in = Hex.buf(READ_REPLY);
    try {
      Dlt645Frame frame = decoder.decode(in);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (int i = 0; i < frame.dataLength(); i++) {
        bytes.write(frame.dataByte(i));
      }
      assertThat(Hex.dump(bytes.toByteArray())).isEqualTo("00 00 01 00 42 06 12 00");
      assertThatThrownBy(() -> frame.dataByte(8)).isInstanceOf(IndexOutOfBoundsException.class);
    } finally {
      in.release();
    }
  }

  @Test
  void emptyInputNeedsMoreBytes() {
    ByteBuf in = Hex.buf("");
    try {
      assertThat(decoder.decode(in)).isNull();
    } finally {
      in.release();
    }
  }
}
