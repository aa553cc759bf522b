package io.emms.transport.nbiot;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact binary messages between an NB-IoT meter and the endpoint, version 1 (the format is laid out byte by
 * byte in docs/nbiot.md). All integers are big-endian. A device message starts with the version, a type and the
 * IMEI as 15 packed BCD digits; a reading takes 9 bytes, so a meter's usual dozen readings fit one small datagram.
 *
 * <p>The code tables below are part of the format: new measurands get new codes at the end, never renumbered.
 */
public final class NbiotCodec {

  /** The format version, the first byte of every message. */
  public static final int VERSION = 1;
  static final int TYPE_UPLINK = 0x01;
  static final int TYPE_ACK = 0x02;
  static final int TYPE_DOWNLINK = 0x81;
  /** The most readings one uplink carries. */
  public static final int MAX_READINGS = 100;
  /** The largest downlink payload. */
  public static final int MAX_PAYLOAD = 512;
  private static final int READING_SIZE = 9;

  private static final Measurand[] MEASURANDS = {
    Measurand.ACTIVE_ENERGY_IMPORT, Measurand.ACTIVE_ENERGY_EXPORT, Measurand.ACTIVE_ENERGY_COMBINED,
    Measurand.REACTIVE_ENERGY_IMPORT, Measurand.REACTIVE_ENERGY_EXPORT, Measurand.REACTIVE_ENERGY_COMBINED_1,
    Measurand.REACTIVE_ENERGY_COMBINED_2, Measurand.REACTIVE_ENERGY_Q1, Measurand.REACTIVE_ENERGY_Q2,
    Measurand.REACTIVE_ENERGY_Q3, Measurand.REACTIVE_ENERGY_Q4, Measurand.APPARENT_ENERGY_IMPORT,
    Measurand.APPARENT_ENERGY_EXPORT, Measurand.VOLTAGE, Measurand.CURRENT, Measurand.ACTIVE_POWER,
    Measurand.REACTIVE_POWER, Measurand.APPARENT_POWER, Measurand.POWER_FACTOR, Measurand.FREQUENCY,
    Measurand.ACTIVE_DEMAND_IMPORT, Measurand.ACTIVE_DEMAND_EXPORT, Measurand.TEMPERATURE, Measurand.VOLTAGE_THD,
    Measurand.CURRENT_THD
  };
  private static final Phase[] PHASES = {Phase.TOTAL, Phase.A, Phase.B, Phase.C, Phase.N, Phase.AB, Phase.BC, Phase.CA};
  private static final Quality[] QUALITIES = {
    Quality.VALID, Quality.ESTIMATED, Quality.NO_DATA, Quality.INVALID, Quality.TIMEOUT, Quality.ERROR
  };
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private NbiotCodec() {}

  /** Writes a device message to {@code out}; fails with {@link IllegalArgumentException} if it cannot be encoded. */
  public static void encode(DeviceMessage message, ByteBuf out) {
    out.writeByte(VERSION);
    if (message instanceof DeviceMessage.Uplink uplink) {
      out.writeByte(TYPE_UPLINK);
      writeImei(uplink.imei(), out);
      encodeUplinkBody(uplink, out);
    } else if (message instanceof DeviceMessage.Ack ack) {
      out.writeByte(TYPE_ACK);
      writeImei(ack.imei(), out);
      out.writeLong(ack.commandId());
      out.writeByte(ack.done() ? 0 : 1);
    }
  }

  /** A device message as a new array. */
  public static byte[] toBytes(DeviceMessage message) {
    ByteBuf out = Unpooled.buffer(64);
    try {
      encode(message, out);
      return readAll(out);
    } finally {
      out.release();
    }
  }

  private static void encodeUplinkBody(DeviceMessage.Uplink uplink, ByteBuf out) {
    if (uplink.readings().size() > MAX_READINGS) {
      throw new IllegalArgumentException("an uplink carries at most " + MAX_READINGS + " readings");
    }
    long seconds = uplink.time().getEpochSecond();
    if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("time out of range of an unsigned 32-bit second count: " + uplink.time());
    }
    out.writeShort(uplink.sequence());
    out.writeInt((int) seconds);
    out.writeByte(uplink.readings().size());
    for (Reading r : uplink.readings()) {
      if (!r.meterId().equals(uplink.imei().digits())) {
        throw new IllegalArgumentException("reading of meter " + r.meterId() + " in an uplink of " + uplink.imei());
      }
      writeReading(r, out);
    }
  }

  private static void writeReading(Reading r, ByteBuf out) {
    out.writeByte(indexOf(MEASURANDS, r.quantity().measurand()));
    out.writeByte(indexOf(PHASES, r.quantity().phase()));
    out.writeByte(r.quantity().tariff());
    out.writeByte(indexOf(QUALITIES, r.quality()));
    if (!r.hasValue()) {
      out.writeByte(0);
      out.writeInt(0);
      return;
    }
    BigDecimal value = fitting(r.value());
    out.writeByte(-value.scale());
    out.writeInt(value.unscaledValue().intValueExact());
  }

  /** The value with an unscaled part that fits 32 bits and an exponent in -9..9, or an IllegalArgumentException. */
  private static BigDecimal fitting(BigDecimal value) {
    BigDecimal v = value;
    if (!fits(v)) {
      v = value.stripTrailingZeros();
      if (v.scale() < -9) {
        v = v.setScale(-9);
      }
    }
    if (!fits(v)) {
      throw new IllegalArgumentException(value + " does not fit a 32-bit mantissa with an exponent of -9..9");
    }
    return v;
  }

  private static boolean fits(BigDecimal v) {
    BigInteger unscaled = v.unscaledValue();
    return v.scale() >= -9 && v.scale() <= 9 && unscaled.compareTo(INT_MIN) >= 0 && unscaled.compareTo(INT_MAX) <= 0;
  }

  /** Reads one whole device message; the buffer's readable bytes must be exactly one message. */
  public static DeviceMessage decode(ByteBuf in) throws NbiotFormatException {
    need(in, 10, "a device message header");
    int version = in.readUnsignedByte();
    if (version != VERSION) {
      throw new NbiotFormatException("unknown format version " + version);
    }
    int type = in.readUnsignedByte();
    Imei imei = readImei(in);
    DeviceMessage message = switch (type) {
      case TYPE_UPLINK -> decodeUplink(imei, in);
      case TYPE_ACK -> decodeAck(imei, in);
      default -> throw new NbiotFormatException(String.format("unknown device message type 0x%02X", type));
    };
    if (in.isReadable()) {
      throw new NbiotFormatException(in.readableBytes() + " bytes after the end of the message");
    }
    return message;
  }

  /** Reads one whole device message from an array. */
  public static DeviceMessage decode(byte[] bytes) throws NbiotFormatException {
    return decode(Unpooled.wrappedBuffer(bytes));
  }

  private static DeviceMessage.Uplink decodeUplink(Imei imei, ByteBuf in) throws NbiotFormatException {
    need(in, 7, "an uplink header");
    int sequence = in.readUnsignedShort();
    Instant time = Instant.ofEpochSecond(in.readUnsignedInt());
    int count = in.readUnsignedByte();
    if (count > MAX_READINGS) {
      throw new NbiotFormatException(count + " readings announced; at most " + MAX_READINGS);
    }
    need(in, count * READING_SIZE, count + " readings");
    List<Reading> readings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      readings.add(readReading(imei, time, in, i));
    }
    return new DeviceMessage.Uplink(imei, sequence, time, readings);
  }

  private static Reading readReading(Imei imei, Instant time, ByteBuf in, int index) throws NbiotFormatException {
    Measurand measurand = code(MEASURANDS, in.readUnsignedByte(), "measurand", index);
    Phase phase = code(PHASES, in.readUnsignedByte(), "phase", index);
    int tariff = in.readUnsignedByte();
    Quality quality = code(QUALITIES, in.readUnsignedByte(), "quality", index);
    int exponent = in.readByte();
    int mantissa = in.readInt();
    if (tariff > 63) {
      throw new NbiotFormatException("reading " + index + ": tariff " + tariff + " is beyond 63");
    }
    if (exponent < -9 || exponent > 9) {
      throw new NbiotFormatException("reading " + index + ": exponent " + exponent + " is outside -9..9");
    }
    Quantity quantity = new Quantity(measurand, phase, tariff);
    return quality.hasValue()
        ? new Reading(imei.digits(), quantity, BigDecimal.valueOf(mantissa, -exponent), time, quality)
        : Reading.missing(imei.digits(), quantity, time, quality);
  }

  private static DeviceMessage.Ack decodeAck(Imei imei, ByteBuf in) throws NbiotFormatException {
    need(in, 9, "an acknowledgement");
    long commandId = in.readLong();
    int status = in.readUnsignedByte();
    if (status > 1) {
      throw new NbiotFormatException("unknown acknowledgement status " + status);
    }
    return new DeviceMessage.Ack(imei, commandId, status == 0);
  }

  /** Writes a downlink to {@code out}. */
  public static void encode(Downlink downlink, ByteBuf out) {
    if (downlink.payload().length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("a downlink payload has at most " + MAX_PAYLOAD + " bytes");
    }
    out.writeByte(VERSION);
    out.writeByte(TYPE_DOWNLINK);
    out.writeLong(downlink.commandId());
    out.writeBytes(downlink.payload());
  }

  /** A downlink as a new array. */
  public static byte[] toBytes(Downlink downlink) {
    ByteBuf out = Unpooled.buffer(10 + downlink.payload().length);
    try {
      encode(downlink, out);
      return readAll(out);
    } finally {
      out.release();
    }
  }

  /** Reads one whole downlink, as a device does. */
  public static Downlink decodeDownlink(ByteBuf in) throws NbiotFormatException {
    need(in, 10, "a downlink header");
    int version = in.readUnsignedByte();
    int type = in.readUnsignedByte();
    if (version != VERSION || type != TYPE_DOWNLINK) {
      throw new NbiotFormatException(String.format("not a version-1 downlink (0x%02X 0x%02X)", version, type));
    }
    long commandId = in.readLong();
    if (in.readableBytes() > MAX_PAYLOAD) {
      throw new NbiotFormatException("downlink payload of " + in.readableBytes() + " bytes; at most " + MAX_PAYLOAD);
    }
    byte[] payload = new byte[in.readableBytes()];
    in.readBytes(payload);
    return new Downlink(commandId, payload);
  }

  /** Reads one whole downlink from an array. */
  public static Downlink decodeDownlink(byte[] bytes) throws NbiotFormatException {
    return decodeDownlink(Unpooled.wrappedBuffer(bytes));
  }

  /** 15 digits as 8 bytes of packed BCD behind a zero nibble: 861234567890123 is 08 61 23 45 67 89 01 23. */
  private static void writeImei(Imei imei, ByteBuf out) {
    String d = "0" + imei.digits();
    for (int i = 0; i < 16; i += 2) {
      out.writeByte((d.charAt(i) - '0') << 4 | (d.charAt(i + 1) - '0'));
    }
  }

  private static Imei readImei(ByteBuf in) throws NbiotFormatException {
    char[] digits = new char[16];
    for (int i = 0; i < 16; i += 2) {
      int b = in.readUnsignedByte();
      digits[i] = bcdDigit(b >> 4);
      digits[i + 1] = bcdDigit(b & 0x0F);
    }
    if (digits[0] != '0') {
      throw new NbiotFormatException("the IMEI's leading nibble must be 0");
    }
    return new Imei(new String(digits, 1, 15));
  }

  private static char bcdDigit(int nibble) throws NbiotFormatException {
    if (nibble > 9) {
      throw new NbiotFormatException(String.format("IMEI nibble 0x%X is not a decimal digit", nibble));
    }
    return (char) ('0' + nibble);
  }

  private static void need(ByteBuf in, int bytes, String what) throws NbiotFormatException {
    if (in.readableBytes() < bytes) {
      throw new NbiotFormatException(
          "truncated: " + what + " needs " + bytes + " bytes, " + in.readableBytes() + " left");
    }
  }

  private static <T> T code(T[] table, int code, String what, int index) throws NbiotFormatException {
    if (code >= table.length) {
      throw new NbiotFormatException("reading " + index + ": unknown " + what + " code " + code);
    }
    return table[code];
  }

  private static <T> int indexOf(T[] table, T value) {
    for (int i = 0; i < table.length; i++) {
      if (table[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException(value + " has no code in format version " + VERSION);
  }

  private static byte[] readAll(ByteBuf buf) {
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }
}
