package io.emms.dlt645.catalogue;

import io.emms.dlt645.catalogue.LoadRecord.LoadClass;
import io.emms.dlt645.catalogue.LoadRecord.LoadField;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decoding and encoding of the event and load records. */
final class Records {

  static final int LOAD_START = 0xA0;
  static final int LOAD_START_INCORRECT = 0xE0;
  static final int LOAD_SEPARATOR = 0xAA;
  static final int LOAD_END = 0xE5;
  private static final DataFormat.DateTime LOAD_TIME = (DataFormat.DateTime) DataFormat.parse("YYMMDDhhmm");
  private static final DataFormat.DateTime EVENT_TIME = (DataFormat.DateTime) DataFormat.parse("YYMMDDhhmmss");
  private static final DataFormat.Numeric ENERGY = new DataFormat.Numeric(8, 2);
  /** A0 A0, n, time. */
  private static final int LOAD_HEADER = 8;

  private Records() {}

  // ---- load records -----------------------------------------------------------------------------------------

  /**
   * Decodes one load record at {@code index}.
   *
   * @return the record and the bytes it used, or null if the bytes there are not a load record
   */
  static Decoded<LoadRecord> decodeLoadRecord(ByteBuf buf, int index, int available) {
    if (available < LOAD_HEADER + LoadClass.values().length + 2) {
      return null;
    }
    int start = buf.getUnsignedByte(index);
    if ((start != LOAD_START && start != LOAD_START_INCORRECT) || buf.getUnsignedByte(index + 1) != start) {
      return null;
    }
    Dlt645Value time = DateTimes.decode(buf, index + 3, LOAD_TIME);
    if (!(time instanceof Dlt645Value.Timestamp timestamp)) {
      return null;
    }
    int at = index + LOAD_HEADER;
    int end = index + available;
    EnumSet<LoadClass> classes = EnumSet.noneOf(LoadClass.class);
    Map<LoadField, BigDecimal> values = new EnumMap<>(LoadField.class);
    for (LoadClass loadClass : LoadClass.values()) {
      if (at < end && buf.getUnsignedByte(at) == LOAD_SEPARATOR) {
        at++;
        continue;
      }
      if (at + loadClass.length() >= end || buf.getUnsignedByte(at + loadClass.length()) != LOAD_SEPARATOR) {
        return null;
      }
      classes.add(loadClass);
      for (LoadField field : loadClass.fields()) {
        if (Bcd.decimal(buf, at, field.format(), field.signed()) instanceof Dlt645Value.Decimal d) {
          values.put(field, d.value());
        }
        at += field.format().length();
      }
      at++;
    }
    if (at + 2 > end || buf.getUnsignedByte(at + 1) != LOAD_END) {
      return null;
    }
    boolean checksumValid = buf.getUnsignedByte(index + 2) == at - (index + 3)
        && buf.getUnsignedByte(at) == sum(buf, index, at);
    LoadRecord record = new LoadRecord(timestamp.value(), classes, values, start == LOAD_START_INCORRECT,
        checksumValid);
    return new Decoded<>(record, at + 2 - index);
  }

  static void encodeLoadRecord(LoadRecord record, ByteBuf out) {
    int start = out.writerIndex();
    int marker = record.markedIncorrect() ? LOAD_START_INCORRECT : LOAD_START;
    out.writeByte(marker).writeByte(marker).writeByte(0);
    DateTimes.encode(new Dlt645Value.Timestamp(record.time()), LOAD_TIME, out);
    for (LoadClass loadClass : LoadClass.values()) {
      if (record.has(loadClass)) {
        for (LoadField field : loadClass.fields()) {
          writeOptional(record.value(field), field.format(), field.signed(), out);
        }
      }
      out.writeByte(LOAD_SEPARATOR);
    }
    out.setByte(start + 2, out.writerIndex() - (start + 3));
    out.writeByte(sum(out, start, out.writerIndex()));
    out.writeByte(LOAD_END);
  }

  private static int sum(ByteBuf buf, int from, int to) {
    int sum = 0;
    for (int i = from; i < to; i++) {
      sum += buf.getUnsignedByte(i);
    }
    return sum & 0xFF;
  }

  // ---- event records ----------------------------------------------------------------------------------------

  static PowerDownRecord decodePowerDown(ByteBuf buf, int index) {
    return new PowerDownRecord(eventTime(buf, index), eventTime(buf, index + EVENT_TIME.length()));
  }

  static void encodePowerDown(PowerDownRecord record, ByteBuf out) {
    writeEventTime(record.start(), out);
    writeEventTime(record.end(), out);
  }

  static CoverOpenRecord decodeCoverOpen(ByteBuf buf, int index) {
    int energies = index + 2 * EVENT_TIME.length();
    return new CoverOpenRecord(eventTime(buf, index), eventTime(buf, index + EVENT_TIME.length()),
        energies(buf, energies), energies(buf, energies + 6 * ENERGY.length()));
  }

  static void encodeCoverOpen(CoverOpenRecord record, ByteBuf out) {
    writeEventTime(record.opened(), out);
    writeEventTime(record.closed(), out);
    for (CoverOpenRecord.Energies energies : List.of(record.before(), record.after())) {
      for (Optional<BigDecimal> energy : List.of(energies.forwardActive(), energies.reverseActive(),
          energies.reactiveQ1(), energies.reactiveQ2(), energies.reactiveQ3(), energies.reactiveQ4())) {
        writeOptional(energy, ENERGY, false, out);
      }
    }
  }

  private static CoverOpenRecord.Energies energies(ByteBuf buf, int index) {
    int step = ENERGY.length();
    return new CoverOpenRecord.Energies(energy(buf, index), energy(buf, index + step),
        energy(buf, index + 2 * step), energy(buf, index + 3 * step), energy(buf, index + 4 * step),
        energy(buf, index + 5 * step));
  }

  private static Optional<BigDecimal> energy(ByteBuf buf, int index) {
    return Bcd.decimal(buf, index, ENERGY, false) instanceof Dlt645Value.Decimal d
        ? Optional.of(d.value())
        : Optional.empty();
  }

  private static Optional<LocalDateTime> eventTime(ByteBuf buf, int index) {
    return DateTimes.decode(buf, index, EVENT_TIME) instanceof Dlt645Value.Timestamp t
        ? Optional.of(t.value())
        : Optional.empty();
  }

  /** An absent event time is written as zeros, as meters do for an event still in progress. */
  private static void writeEventTime(Optional<LocalDateTime> time, ByteBuf out) {
    if (time.isPresent()) {
      DateTimes.encode(new Dlt645Value.Timestamp(time.get()), EVENT_TIME, out);
    } else {
      out.writeZero(EVENT_TIME.length());
    }
  }

  private static void writeOptional(
      Optional<BigDecimal> value, DataFormat.Numeric format, boolean signed, ByteBuf out) {
    if (value.isPresent()) {
      Bcd.writeDecimal(value.get(), format, signed, out);
    } else {
      Bcd.fill(out, format.length());
    }
  }

  /** A decoded value and the bytes it took. */
  record Decoded<T>(T value, int length) {}
}
