package io.emms.dlt645.catalogue;

import io.emms.dlt645.codec.Dlt645Bcd;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.codec.Dlt645DataId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes and encodes data item values: packed BCD numbers (exact {@link BigDecimal}, sign-magnitude for signed
 * items), date/time fields, digit strings, reversed ASCII, status words, blocks, and event and load records.
 *
 * <p>Decoding never throws on meter bytes: {@code FF} fill, invalid BCD, impossible dates and short replies give
 * {@link Dlt645Value.Missing}. Bytes beyond the format (vendor extensions) are returned as
 * {@link Decoded#trailing()}. All inputs are plain DATA (the frame decoder already removed the 33H offset).
 */
public final class Dlt645ValueCodec {

  private static final int STATUS_WORDS = 7;

  private Dlt645ValueCodec() {}

  /**
   * A decoded value.
   *
   * @param item the data item
   * @param value the value, {@link Dlt645Value.Missing} when there is none
   * @param trailing bytes after the value that the format does not define (empty normally)
   */
  public record Decoded(DataItem item, Dlt645Value value, byte[] trailing) {
    public Decoded {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(value, "value");
      trailing = trailing.clone();
    }

    @Override
    public byte[] trailing() {
      return trailing.clone();
    }
  }

  /** Decodes the readable bytes of {@code data} (without its DI) without moving its reader index. */
  public static Decoded decode(DataItem item, ByteBuf data) {
    return decode(item, data, data.readerIndex(), data.readableBytes());
  }

  /** Decodes {@code length} bytes of value at an absolute index. */
  public static Decoded decode(DataItem item, ByteBuf data, int index, int length) {
    DataFormat format = item.format();
    int used;
    Dlt645Value value;
    if (format instanceof DataFormat.Block block) {
      int count = length / block.element().length();
      List<Dlt645Value> elements = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        elements.add(decodeFixed(item, block.element(), data, index + i * block.element().length()));
      }
      used = count * block.element().length();
      value = count == 0 ? Dlt645Value.Missing.INVALID : new Dlt645Value.Elements(elements);
    } else if (format instanceof DataFormat.LoadRecordFormat) {
      List<Dlt645Value> records = new ArrayList<>();
      used = 0;
      for (Records.Decoded<LoadRecord> r = Records.decodeLoadRecord(data, index, length); r != null;
          r = Records.decodeLoadRecord(data, index + used, length - used)) {
        records.add(r.value());
        used += r.length();
      }
      value = records.isEmpty() ? Dlt645Value.Missing.INVALID : new Dlt645Value.Elements(records);
    } else if (length < format.length()) {
      used = length;
      value = Dlt645Value.Missing.INVALID;
    } else {
      used = format.length();
      value = decodeFixed(item, format, data, index);
    }
    return new Decoded(item, value, ByteBufUtil.getBytes(data, index + used, length - used));
  }

  /**
   * Decodes a read reply's DATA: the DI (in the catalogue's edition) followed by the value.
   *
   * @return empty if DATA is shorter than a DI or the DI is not catalogued
   */
  public static Optional<Decoded> decodeReply(Dlt645Catalogue catalogue, ByteBuf data) {
    int diLength = catalogue.edition().diLength();
    if (data.readableBytes() < diLength) {
      return Optional.empty();
    }
    int di = Dlt645DataId.read(data, data.readerIndex(), catalogue.edition());
    return catalogue.find(di).map(item ->
        decode(item, data, data.readerIndex() + diLength, data.readableBytes() - diLength));
  }

  private static Dlt645Value decodeFixed(DataItem item, DataFormat format, ByteBuf data, int index) {
    if (format instanceof DataFormat.Numeric numeric) {
      return Bcd.decimal(data, index, numeric, item.signed());
    } else if (format instanceof DataFormat.DateTime dateTime) {
      return DateTimes.decode(data, index, dateTime);
    } else if (format instanceof DataFormat.Digits digits) {
      return digitString(data, index, digits.length());
    } else if (format instanceof DataFormat.Ascii ascii) {
      return text(data, index, ascii.length());
    } else if (format instanceof DataFormat.Status) {
      return statusWord(item, data, index);
    } else if (format instanceof DataFormat.Composite composite) {
      List<Dlt645Value> parts = new ArrayList<>();
      int at = index;
      for (DataFormat part : composite.parts()) {
        parts.add(decodeFixed(item, part, data, at));
        at += part.length();
      }
      return new Dlt645Value.Parts(parts);
    } else if (format instanceof DataFormat.PowerDownFormat) {
      return Records.decodePowerDown(data, index);
    } else if (format instanceof DataFormat.CoverOpenFormat) {
      return Records.decodeCoverOpen(data, index);
    }
    throw new IllegalStateException("no fixed-length decoder for " + format);
  }

  private static Dlt645Value digitString(ByteBuf data, int index, int length) {
    if (Bcd.allBytes(data, index, length, Bcd.FILL)) {
      return Dlt645Value.Missing.NO_DATA;
    }
    StringBuilder digits = new StringBuilder(2 * length);
    for (int i = length - 1; i >= 0; i--) {
      int pair = Dlt645Bcd.digitPair(data.getUnsignedByte(index + i));
      if (pair < 0) {
        return Dlt645Value.Missing.INVALID;
      }
      digits.append((char) ('0' + pair / 10)).append((char) ('0' + pair % 10));
    }
    return new Dlt645Value.DigitString(digits.toString());
  }

  private static Dlt645Value text(ByteBuf data, int index, int length) {
    if (Bcd.allBytes(data, index, length, Bcd.FILL)) {
      return Dlt645Value.Missing.NO_DATA;
    }
    byte[] reversed = new byte[length];
    for (int i = 0; i < length; i++) {
      int b = data.getUnsignedByte(index + length - 1 - i);
      if (b > 0x7E || (b < 0x20 && b != 0)) {
        return Dlt645Value.Missing.INVALID;
      }
      reversed[i] = (byte) b;
    }
    String text = new String(reversed, StandardCharsets.US_ASCII).replace("\0", "").strip();
    return new Dlt645Value.Text(text);
  }

  private static Dlt645Value statusWord(DataItem item, ByteBuf data, int index) {
    int number = item.di() & 0xFF;
    if (number < 1 || number > STATUS_WORDS) {
      return Dlt645Value.Missing.INVALID;
    }
    return new RunStatusWord(number, data.getUnsignedShortLE(index));
  }

  /**
   * Appends the value in the item's format; {@link Dlt645Value.Missing} is written as {@code FF} fill.
   *
   * @throws IllegalArgumentException if the value does not have the format's shape or does not fit it
   */
  public static void encode(DataItem item, Dlt645Value value, ByteBuf out) {
    DataFormat format = item.format();
    if (format instanceof DataFormat.Block block) {
      for (Dlt645Value element : require(Dlt645Value.Elements.class, value, format).elements()) {
        encodeFixed(item, block.element(), element, out);
      }
    } else if (format instanceof DataFormat.LoadRecordFormat) {
      if (value instanceof LoadRecord record) {
        Records.encodeLoadRecord(record, out);
      } else {
        for (Dlt645Value record : require(Dlt645Value.Elements.class, value, format).elements()) {
          Records.encodeLoadRecord(require(LoadRecord.class, record, format), out);
        }
      }
    } else {
      encodeFixed(item, format, value, out);
    }
  }

  /** Appends a number in a BCD format (for callers building DATA by hand, e.g. write requests). */
  public static void encodeDecimal(BigDecimal value, DataFormat.Numeric format, boolean signed, ByteBuf out) {
    Bcd.writeDecimal(value, format, signed, out);
  }

  private static void encodeFixed(DataItem item, DataFormat format, Dlt645Value value, ByteBuf out) {
    if (value instanceof Dlt645Value.Missing) {
      Bcd.fill(out, format.length());
    } else if (format instanceof DataFormat.Numeric numeric) {
      Bcd.writeDecimal(require(Dlt645Value.Decimal.class, value, format).value(), numeric, item.signed(), out);
    } else if (format instanceof DataFormat.DateTime dateTime) {
      DateTimes.encode(value, dateTime, out);
    } else if (format instanceof DataFormat.Digits digits) {
      writeDigits(require(Dlt645Value.DigitString.class, value, format).digits(), digits, out);
    } else if (format instanceof DataFormat.Ascii ascii) {
      writeText(require(Dlt645Value.Text.class, value, format).text(), ascii, out);
    } else if (format instanceof DataFormat.Status) {
      out.writeShortLE(require(RunStatusWord.class, value, format).bits());
    } else if (format instanceof DataFormat.Composite composite) {
      List<Dlt645Value> parts = require(Dlt645Value.Parts.class, value, format).parts();
      if (parts.size() != composite.parts().size()) {
        throw new IllegalArgumentException(format + " has " + composite.parts().size() + " parts, got " + parts);
      }
      for (int i = 0; i < parts.size(); i++) {
        encodeFixed(item, composite.parts().get(i), parts.get(i), out);
      }
    } else if (format instanceof DataFormat.PowerDownFormat) {
      Records.encodePowerDown(require(PowerDownRecord.class, value, format), out);
    } else if (format instanceof DataFormat.CoverOpenFormat) {
      Records.encodeCoverOpen(require(CoverOpenRecord.class, value, format), out);
    } else {
      throw new IllegalArgumentException("cannot encode " + value + " as " + format);
    }
  }

  private static void writeDigits(String digits, DataFormat.Digits format, ByteBuf out) {
    if (digits.length() != 2 * format.length() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(format + " needs " + 2 * format.length() + " decimal digits: " + digits);
    }
    for (int i = format.length() - 1; i >= 0; i--) {
      out.writeByte((digits.charAt(2 * i) - '0') << 4 | (digits.charAt(2 * i + 1) - '0'));
    }
  }

  private static void writeText(String text, DataFormat.Ascii format, ByteBuf out) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > format.length() || !text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
      throw new IllegalArgumentException(format + " holds at most " + format.length() + " printable ASCII: " + text);
    }
    out.writeZero(format.length() - bytes.length);
    for (int i = bytes.length - 1; i >= 0; i--) {
      out.writeByte(bytes[i]);
    }
  }

  private static <T extends Dlt645Value> T require(Class<T> type, Dlt645Value value, DataFormat format) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(format + " needs a " + type.getSimpleName() + ", got " + value);
    }
    return type.cast(value);
  }

  /**
   * The readings a value stands for: one for an item with a quantity (the number of a demand+time pair), one per
   * catalogued member for a block, none otherwise. Missing values become readings of the matching quality.
   * Load records carry their own time: see {@link LoadRecord#toReadings}.
   *
   * @param meterId the meter's 12-digit address
   * @param at when the value was read
   */
  public static List<Reading> toReadings(
      Dlt645Catalogue catalogue, String meterId, DataItem item, Dlt645Value value, Instant at) {
    if (value instanceof Dlt645Value.Elements elements && item.format() instanceof DataFormat.Block) {
      List<DataItem> members = catalogue.blockMembers(item);
      List<Reading> readings = new ArrayList<>();
      for (int i = 0; i < Math.min(members.size(), elements.elements().size()); i++) {
        readings.addAll(toReadings(catalogue, meterId, members.get(i), elements.elements().get(i), at));
      }
      return readings;
    }
    if (item.quantity().isEmpty()) {
      return List.of();
    }
    Quantity quantity = item.quantity().get();
    Dlt645Value number = value instanceof Dlt645Value.Parts parts ? parts.parts().get(0) : value;
    if (number instanceof Dlt645Value.Decimal decimal) {
      return List.of(Reading.valid(meterId, quantity, decimal.value(), at));
    }
    if (number instanceof Dlt645Value.Missing missing) {
      return List.of(Reading.missing(meterId, quantity, at, missing.quality()));
    }
    return List.of();
  }
}
