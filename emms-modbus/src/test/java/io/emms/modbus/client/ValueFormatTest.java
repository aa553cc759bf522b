package io.emms.modbus.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueFormatTest {

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  // Golden vectors worked out by hand: 0x12345678 = 305419896 in each order; 230.0f = 0x43660000,
  // 230.2f = 0x43663333; 1.0d = 0x3FF0000000000000; 0xFF38 = -200 as int16.
  @ParameterizedTest
  @CsvSource({
      "UINT32, ABCD, 1,    12 34 56 78, 305419896",
      "UINT32, CDAB, 1,    56 78 12 34, 305419896",
      "UINT32, BADC, 1,    34 12 78 56, 305419896",
      "UINT32, DCBA, 1,    78 56 34 12, 305419896",
      "INT32,  ABCD, 1,    FF FF FF FE, -2",
      "INT32,  CDAB, 1,    FF FE FF FF, -2",
      "UINT32, ABCD, 1,    FF FF FF FE, 4294967294",
      "INT16,  ABCD, 0.1,  FF 38,       -20.0",
      "INT16,  BADC, 0.1,  38 FF,       -20.0",
      "UINT16, ABCD, 0.01, FF 38,       653.36",
      "FLOAT32, ABCD, 1,   43 66 00 00, 230.0",
      "FLOAT32, CDAB, 1,   00 00 43 66, 230.0",
      "FLOAT32, BADC, 1,   66 43 00 00, 230.0",
      "FLOAT32, DCBA, 1,   00 00 66 43, 230.0",
      "FLOAT32, ABCD, 1,   43 66 33 33, 230.2",
      "FLOAT32, ABCD, 0.001, 43 66 33 33, 0.2302",
      "FLOAT64, ABCD, 1,   3F F0 00 00 00 00 00 00, 1.0",
      "FLOAT64, CDAB, 1,   00 00 00 00 00 00 3F F0, 1.0",
      "FLOAT64, BADC, 1,   F0 3F 00 00 00 00 00 00, 1.0",
      "FLOAT64, DCBA, 1,   00 00 00 00 00 00 F0 3F, 1.0",
      "INT64,  ABCD, 1,    00 00 00 01 00 00 00 02, 4294967298",
      "INT64,  CDAB, 1,    00 02 00 00 00 01 00 00, 4294967298",
      "INT64,  DCBA, 1,    02 00 00 00 01 00 00 00, 4294967298",
      "INT64,  ABCD, 1,    FF FF FF FF FF FF FF FF, -1",
  })
  void decodesGoldenVectors(ValueType type, RegisterOrder order, BigDecimal scale, String bytes, BigDecimal expected) {
    ValueFormat f = new ValueFormat(type, order, scale);
    byte[] wire = hex(bytes);
    assertThat(f.decode(wire, 0)).isEqualByComparingTo(expected);

    ByteBuf buf = Unpooled.wrappedBuffer(hex("AA" + bytes.replace(" ", "")));
    try {
      assertThat(f.decode(buf, 1)).isEqualByComparingTo(expected);
      assertThat(buf.readerIndex()).isZero();
    } finally {
      buf.release();
    }

    byte[] encoded = new byte[wire.length];
    f.encode(expected, encoded, 0);
    assertThat(encoded).containsExactly(wire);
  }

  @ParameterizedTest
  @CsvSource({"7F C0 00 00", "7F 80 00 00", "FF 80 00 00", "7F 80 00 01"})
  void nonFiniteFloatsDecodeToNull(String bytes) {
    assertThat(ValueFormat.of(ValueType.FLOAT32, RegisterOrder.ABCD).decode(hex(bytes), 0)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"INT16, 40000, 7F FF", "INT16, -40000, 80 00", "UINT16, -5, 00 00", "UINT16, 70000, FF FF"})
  void integerEncodingSaturates(ValueType type, BigDecimal value, String expected) {
    byte[] out = new byte[2];
    ValueFormat.of(type, RegisterOrder.ABCD).encode(value, out, 0);
    assertThat(out).containsExactly(hex(expected));
  }

  @Property(seed = "645")
  void int32RoundTripsInEveryOrder(@ForAll int value, @ForAll RegisterOrder order) {
    ValueFormat f = ValueFormat.of(ValueType.INT32, order);
    byte[] regs = new byte[4];
    f.encode(BigDecimal.valueOf(value), regs, 0);
    assertThat(f.decode(regs, 0)).isEqualByComparingTo(BigDecimal.valueOf(value));
    assertThat(f.rawBits(regs, 0)).isEqualTo(value & 0xFFFF_FFFFL);
  }

  @Property(seed = "645")
  void float32RoundTripsInEveryOrder(@ForAll float value, @ForAll RegisterOrder order) {
    ValueFormat f = ValueFormat.of(ValueType.FLOAT32, order);
    byte[] regs = new byte[4];
    if (!Float.isFinite(value)) {
      return;
    }
    f.encode(new BigDecimal(Float.toString(value)), regs, 0);
    assertThat(Float.intBitsToFloat((int) f.rawBits(regs, 0))).isEqualTo(value);
  }

  @Property(seed = "645")
  void scaledInt16RoundTrips(@ForAll @IntRange(min = -32768, max = 32767) int raw, @ForAll RegisterOrder order) {
    ValueFormat f = new ValueFormat(ValueType.INT16, order, new BigDecimal("0.01"));
    BigDecimal value = BigDecimal.valueOf(raw, 2);
    byte[] regs = new byte[2];
    f.encode(value, regs, 0);
    assertThat(f.decode(regs, 0)).isEqualByComparingTo(value);
  }

  @Property(seed = "645")
  void wordSwapIsRegisterReversal(@ForAll long value) {
    byte[] big = new byte[8];
    byte[] swapped = new byte[8];
    ValueFormat.of(ValueType.INT64, RegisterOrder.ABCD).encode(BigDecimal.valueOf(value), big, 0);
    ValueFormat.of(ValueType.INT64, RegisterOrder.CDAB).encode(BigDecimal.valueOf(value), swapped, 0);
    for (int r = 0; r < 4; r++) {
      assertThat(swapped[2 * r]).isEqualTo(big[2 * (3 - r)]);
      assertThat(swapped[2 * r + 1]).isEqualTo(big[2 * (3 - r) + 1]);
    }
  }
}
