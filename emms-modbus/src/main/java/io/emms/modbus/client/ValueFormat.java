package io.emms.modbus.client;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A typed value over registers: its type, register order and the scale factor that turns the raw number into
 * engineering units ({@code value = raw × scale}). Decoding works on the register bytes as they travel on the
 * wire (two bytes per register, high byte first) and allocates nothing but the resulting {@link BigDecimal}.
 *
 * @param type the number type
 * @param order the register and byte order
 * @param scale multiplies the raw number, e.g. {@code 0.1} for a register counting tenths of a volt
 */
public record ValueFormat(ValueType type, RegisterOrder order, BigDecimal scale) {

  public ValueFormat {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(scale, "scale");
    if (scale.signum() == 0) {
      throw new IllegalArgumentException("scale must not be zero");
    }
  }

  /** An unscaled value. */
  public static ValueFormat of(ValueType type, RegisterOrder order) {
    return new ValueFormat(type, order, BigDecimal.ONE);
  }

  /** A big-endian ({@link RegisterOrder#ABCD}) value with a scale factor. */
  public static ValueFormat of(ValueType type, BigDecimal scale) {
    return new ValueFormat(type, RegisterOrder.ABCD, scale);
  }

  /** How many registers the value occupies. */
  public int registers() {
    return type.registers();
  }

  /** The raw bits of the value, assembled from registers starting at {@code offset} bytes into {@code src}. */
  public long rawBits(byte[] src, int offset) {
    int n = type.registers();
    long bits = 0;
    for (int i = 0; i < n; i++) {
      int at = offset + 2 * (order.wordSwap() ? n - 1 - i : i);
      bits = (bits << 16) | word(src[at] & 0xFF, src[at + 1] & 0xFF);
    }
    return bits;
  }

  /** Like {@link #rawBits(byte[], int)}, reading at absolute {@code index} of {@code src} without moving it. */
  public long rawBits(ByteBuf src, int index) {
    int n = type.registers();
    long bits = 0;
    for (int i = 0; i < n; i++) {
      int at = index + 2 * (order.wordSwap() ? n - 1 - i : i);
      bits = (bits << 16) | word(src.getUnsignedByte(at), src.getUnsignedByte(at + 1));
    }
    return bits;
  }

  private int word(int first, int second) {
    return order.byteSwap() ? (second << 8) | first : (first << 8) | second;
  }

  /**
   * Decodes and scales the value at {@code offset} bytes into {@code src}.
   *
   * @return the value, or {@code null} when a floating-point value is NaN or infinite (a meter's "not available")
   */
  public BigDecimal decode(byte[] src, int offset) {
    return toDecimal(rawBits(src, offset));
  }

  /** Like {@link #decode(byte[], int)}, reading at absolute {@code index} of {@code src}. */
  public BigDecimal decode(ByteBuf src, int index) {
    return toDecimal(rawBits(src, index));
  }

  /** Decodes and scales to a double, NaN for a non-finite floating-point value. */
  public double decodeDouble(byte[] src, int offset) {
    long bits = rawBits(src, offset);
    double raw = switch (type) {
      case FLOAT32 -> Float.intBitsToFloat((int) bits);
      case FLOAT64 -> Double.longBitsToDouble(bits);
      default -> integer(bits);
    };
    return raw * scale.doubleValue();
  }

  private BigDecimal toDecimal(long bits) {
    BigDecimal raw;
    switch (type) {
      case FLOAT32 -> {
        float f = Float.intBitsToFloat((int) bits);
        if (!Float.isFinite(f)) {
          return null;
        }
        // Float.toString gives the shortest decimal that round-trips, so 230.1f reads as 230.1, not 230.100006.
        raw = new BigDecimal(Float.toString(f));
      }
      case FLOAT64 -> {
        double d = Double.longBitsToDouble(bits);
        if (!Double.isFinite(d)) {
          return null;
        }
        raw = new BigDecimal(Double.toString(d));
      }
      default -> raw = BigDecimal.valueOf(integer(bits));
    }
    return scale.compareTo(BigDecimal.ONE) == 0 ? raw : raw.multiply(scale);
  }

  private long integer(long bits) {
    return switch (type) {
      case INT16 -> (short) bits;
      case UINT16 -> bits & 0xFFFFL;
      case INT32 -> (int) bits;
      case UINT32 -> bits & 0xFFFF_FFFFL;
      default -> bits;
    };
  }

  /**
   * Encodes {@code value} (in engineering units, divided by the scale) into registers at {@code offset} bytes into
   * {@code dst}. Integer types round half-up and saturate at the type's range.
   */
  public void encode(BigDecimal value, byte[] dst, int offset) {
    BigDecimal raw = scale.compareTo(BigDecimal.ONE) == 0 ? value : value.divide(scale, MathContext.DECIMAL64);
    long bits = switch (type) {
      case FLOAT32 -> Float.floatToIntBits(raw.floatValue()) & 0xFFFF_FFFFL;
      case FLOAT64 -> Double.doubleToLongBits(raw.doubleValue());
      default -> saturate(raw.setScale(0, RoundingMode.HALF_UP));
    };
    writeBits(bits, dst, offset);
  }

  /** Encodes a NaN (floating types) as a meter does for a value it cannot measure. */
  public void encodeNaN(byte[] dst, int offset) {
    if (!type.floating()) {
      throw new IllegalStateException(type + " has no NaN");
    }
    writeBits(type == ValueType.FLOAT32 ? Float.floatToIntBits(Float.NaN) : Double.doubleToLongBits(Double.NaN),
        dst, offset);
  }

  private long saturate(BigDecimal whole) {
    long min;
    long max;
    switch (type) {
      case INT16 -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
      case UINT16 -> { min = 0; max = 0xFFFF; }
      case INT32 -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
      case UINT32 -> { min = 0; max = 0xFFFF_FFFFL; }
      default -> { min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
    }
    if (whole.compareTo(BigDecimal.valueOf(min)) < 0) {
      return min;
    }
    if (whole.compareTo(BigDecimal.valueOf(max)) > 0) {
      return max;
    }
    return whole.longValueExact();
  }

  private void writeBits(long bits, byte[] dst, int offset) {
    int n = type.registers();
    for (int i = n - 1; i >= 0; i--) {
      int at = offset + 2 * (order.wordSwap() ? n - 1 - i : i);
      int hi = (int) (bits >>> 8) & 0xFF;
      int lo = (int) bits & 0xFF;
      dst[at] = (byte) (order.byteSwap() ? lo : hi);
      dst[at + 1] = (byte) (order.byteSwap() ? hi : lo);
      bits >>>= 16;
    }
  }
}
