package io.emms.benchmarks.dlt645;

import io.emms.dlt645.catalogue.DataItem;
import io.emms.dlt645.catalogue.Dlt645Catalogue;
import io.emms.dlt645.catalogue.Dlt645ValueCodec;
import io.emms.dlt645.catalogue.LoadRecord;
import io.emms.dlt645.catalogue.LoadRecord.LoadClass;
import io.emms.dlt645.catalogue.LoadRecord.LoadField;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645FrameDecoder;
import io.emms.dlt645.codec.Dlt645FrameEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The DL/T 645 frame codec on its own: decoding a typical read reply and a long load-record reply, and encoding a
 * read request and a reply. Each op works on one pre-allocated pooled buffer that is reset (and, for decoding,
 * refilled with the wire bytes, since the decoder removes the 33H offset in place), so the figures are the codec's.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Dlt645Codec -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Dlt645CodecBenchmark {

  /**
   * The notes' read reply (forward active total 1206.42 kWh of meter 000102030425) with 4 wake-up bytes, read from
   * the golden frames the codec tests check ({@code emms-protocol-dlt645/src/test/resources/golden}).
   */
  private static final byte[] TYPICAL_REPLY = HexFormat.ofDelimiter(" ").parseHex(
      "FE FE FE FE " + goldenFrame("dlt645-2007.frames", "read-reply-forward-active-total"));
  private static final Dlt645Address METER = Dlt645Address.of("000102030425");
  private static final Dlt645Catalogue CATALOGUE = Dlt645Catalogue.of(Dlt645Edition.V2007);

  private final Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
  private final Dlt645FrameEncoder encoder = new Dlt645FrameEncoder();
  private byte[] loadRecordReply;
  private ByteBuf in;
  private ByteBuf directIn;
  private ByteBuf out;
  private ByteBuf readRequestData;
  private ByteBuf replyData;

  @Setup
  public void setUp() {
    in = PooledByteBufAllocator.DEFAULT.heapBuffer(512);
    directIn = PooledByteBufAllocator.DEFAULT.directBuffer(512);
    out = PooledByteBufAllocator.DEFAULT.heapBuffer(512);
    readRequestData = PooledByteBufAllocator.DEFAULT.heapBuffer(4);
    Dlt645DataId.write(0x00010000, Dlt645Edition.V2007, readRequestData);
    replyData = PooledByteBufAllocator.DEFAULT.heapBuffer(8);
    replyData.writeBytes(new byte[] {0x00, 0x00, 0x01, 0x00, 0x42, 0x06, 0x12, 0x00});
    loadRecordReply = loadRecordReply();
  }

  /** The wire column of the frame called {@code name} in {@code golden/<file>} (name | wire | ... | source). */
  static String goldenFrame(String file, String name) {
    try (InputStream in = Dlt645CodecBenchmark.class.getResourceAsStream("/golden/" + file)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] columns = line.split("\\|");
        if (!line.startsWith("#") && columns[0].trim().equals(name)) {
          return columns[1].trim();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(file + " has no frame " + name);
  }

  /** FE FE FE FE + a 06000001 reply holding one record with all six classes (107 DATA bytes). */
  private byte[] loadRecordReply() {
    Map<LoadField, BigDecimal> values = new EnumMap<>(LoadField.class);
    for (LoadField field : LoadField.values()) {
      values.put(field, BigDecimal.ONE.setScale(field.format().decimals()));
    }
    LoadRecord record = LoadRecord.of(LocalDateTime.of(2024, 6, 1, 12, 15), EnumSet.allOf(LoadClass.class), values);
    DataItem item = CATALOGUE.find(0x06000001).orElseThrow();
    ByteBuf data = PooledByteBufAllocator.DEFAULT.heapBuffer();
    ByteBuf frame = PooledByteBufAllocator.DEFAULT.heapBuffer();
    try {
      Dlt645DataId.write(item.di(), Dlt645Edition.V2007, data);
      Dlt645ValueCodec.encode(item, record, data);
      frame.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFE, (byte) 0xFE, (byte) 0xFE});
      encoder.encode(METER, 0x91, data, frame);
      byte[] bytes = new byte[frame.readableBytes()];
      frame.readBytes(bytes);
      return bytes;
    } finally {
      data.release();
      frame.release();
    }
  }

  @TearDown
  public void tearDown() {
    in.release();
    directIn.release();
    out.release();
    readRequestData.release();
    replyData.release();
  }

  private ByteBuf refill(byte[] wire) {
    in.clear();
    in.writeBytes(wire);
    return in;
  }

  /** Baseline: only the per-op refill of the input buffer that the decode benchmarks include. */
  @Benchmark
  public int refillTypicalReply() {
    return refill(TYPICAL_REPLY).writerIndex();
  }

  /** Frame decode of the typical reply, reading control, length and the last DATA byte. */
  @Benchmark
  public int decodeTypicalReply() {
    Dlt645Frame frame = decoder.decode(refill(TYPICAL_REPLY));
    return frame.control() + frame.dataLength() + frame.dataByte(frame.dataLength() - 1);
  }

  /** The same from a pooled direct buffer (what {@code FrameAssembler} uses by default): no array fast path. */
  @Benchmark
  public int decodeTypicalReplyDirect() {
    directIn.clear();
    directIn.writeBytes(TYPICAL_REPLY);
    Dlt645Frame frame = decoder.decode(directIn);
    return frame.control() + frame.dataLength() + frame.dataByte(frame.dataLength() - 1);
  }

  /** The typical reply down to the exact value: frame decode, DI lookup, BCD to BigDecimal. */
  @Benchmark
  public Object decodeTypicalReplyToValue() {
    Dlt645Frame frame = decoder.decode(refill(TYPICAL_REPLY));
    return Dlt645ValueCodec.decodeReply(CATALOGUE, frame.data()).orElseThrow().value();
  }

  /** Frame decode of a 123-byte load-record reply (4 FE + 12 frame bytes + 107 DATA). */
  @Benchmark
  public int decodeLoadRecordReply() {
    Dlt645Frame frame = decoder.decode(refill(loadRecordReply));
    return frame.control() + frame.dataLength() + frame.dataByte(frame.dataLength() - 1);
  }

  /** The load-record reply down to a typed {@link LoadRecord} with 29 BigDecimal fields. */
  @Benchmark
  public Object decodeLoadRecordReplyToValue() {
    Dlt645Frame frame = decoder.decode(refill(loadRecordReply));
    return Dlt645ValueCodec.decodeReply(CATALOGUE, frame.data()).map(Dlt645ValueCodec.Decoded::value)
        .orElse(null);
  }

  /** A read request (DI 00010000) to meter 000102030425. */
  @Benchmark
  public int encodeReadRequest() {
    out.clear();
    encoder.encode(METER, 0x11, readRequestData, out);
    return out.writerIndex();
  }

  /** The reply carrying 1206.42 kWh. */
  @Benchmark
  public int encodeReply() {
    out.clear();
    encoder.encode(METER, 0x91, replyData, out);
    return out.writerIndex();
  }
}
