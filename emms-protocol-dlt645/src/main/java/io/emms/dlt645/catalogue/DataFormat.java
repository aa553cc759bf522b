package io.emms.dlt645.catalogue;

import java.util.List;

/**
 * The layout of a data item's bytes, written as in the standard's tables: {@code XXXXXX.XX} (BCD number),
 * {@code YYMMDDhhmm} (BCD date/time fields), {@code NNNNNNNNNNNN} (BCD digit string), {@code ASCII(32)},
 * {@code STATUS} (a run status word), {@code XX.XXXX+YYMMDDhhmm} (parts in order), {@code XXXXXX.XX*5} (a block of
 * up to 5 elements) and the event and load records. Each format's {@code toString()} gives that text back.
 */
public sealed interface DataFormat {

  /** Bytes of one value, or -1 when the length varies (blocks, load records). */
  int length();

  /**
   * A packed BCD number, low byte first. An odd digit count (1997 {@code XXX}) leaves the top nibble zero.
   *
   * @param digits all digits, e.g. 8 for {@code XXXXXX.XX}
   * @param decimals digits after the point
   */
  record Numeric(int digits, int decimals) implements DataFormat {
    /** Checks the components (see the class description for their meaning). */
    public Numeric {
      if (digits <= 0 || digits > 18 || decimals < 0 || decimals > digits) {
        throw new IllegalArgumentException("bad numeric format: " + digits + " digits, " + decimals + " decimals");
      }
    }

    @Override
    public int length() {
      return (digits + 1) / 2;
    }

    @Override
    public String toString() {
      return "X".repeat(digits - decimals) + (decimals == 0 ? "" : "." + "X".repeat(decimals));
    }
  }

  /**
   * BCD date and time fields, named in reading order ({@code YYMMDDhhmm}) and sent in reverse ({@code mm hh DD MM
   * YY}). Fields: {@code YY} year of the century 2000, {@code MM} month, {@code DD} day, {@code WW} weekday (0 =
   * Sunday), {@code hh}, {@code mm}, {@code ss}.
   */
  record DateTime(List<String> fields) implements DataFormat {
    static final List<String> KNOWN = List.of("YY", "MM", "DD", "WW", "hh", "mm", "ss");

    /** Checks the components (see the class description for their meaning). */
    public DateTime {
      fields = List.copyOf(fields);
      if (fields.isEmpty() || !KNOWN.containsAll(fields) || fields.stream().distinct().count() != fields.size()) {
        throw new IllegalArgumentException("bad date/time format: " + fields);
      }
    }

    @Override
    public int length() {
      return fields.size();
    }

    boolean has(String field) {
      return fields.contains(field);
    }

    @Override
    public String toString() {
      return String.join("", fields);
    }
  }

  /** A BCD digit string such as an address or meter number: {@code bytes} × 2 digits, low byte first. */
  record Digits(int length) implements DataFormat {
    @Override
    public String toString() {
      return "N".repeat(2 * length);
    }
  }

  /** ASCII text, reversed on the wire. */
  record Ascii(int length) implements DataFormat {
    @Override
    public String toString() {
      return "ASCII(" + length + ")";
    }
  }

  /** A 2-byte run status word; its meaning depends on the word number (the DI's last byte). */
  record Status() implements DataFormat {
    @Override
    public int length() {
      return 2;
    }

    @Override
    public String toString() {
      return "STATUS";
    }
  }

  /** Parts one after the other, e.g. a maximum demand and the time it occurred. */
  record Composite(List<DataFormat> parts) implements DataFormat {
    /** Checks the components (see the class description for their meaning). */
    public Composite {
      parts = List.copyOf(parts);
      if (parts.size() < 2 || parts.stream().anyMatch(p -> p.length() < 0)) {
        throw new IllegalArgumentException("a composite needs at least two fixed-length parts: " + parts);
      }
    }

    @Override
    public int length() {
      return parts.stream().mapToInt(DataFormat::length).sum();
    }

    @Override
    public String toString() {
      return String.join("+", parts.stream().map(DataFormat::toString).toList());
    }
  }

  /**
   * A block (DI with {@code FF}): its members' values in order. Meters differ in how many members they have (e.g.
   * tariffs), so a reply may hold fewer or more elements than {@code nominalCount}.
   */
  record Block(DataFormat element, int nominalCount) implements DataFormat {
    /** Checks the components (see the class description for their meaning). */
    public Block {
      if (element.length() <= 0 || element instanceof Block || nominalCount < 1) {
        throw new IllegalArgumentException("bad block: " + element + "*" + nominalCount);
      }
    }

    @Override
    public int length() {
      return -1;
    }

    @Override
    public String toString() {
      return element + "*" + nominalCount;
    }
  }

  /** A load-profile record of 2007 DI 06xxxxxx (see {@link LoadRecord}). */
  record LoadRecordFormat() implements DataFormat {
    @Override
    public int length() {
      return -1;
    }

    @Override
    public String toString() {
      return "LOAD_RECORD";
    }
  }

  /** A power-down event: start and end, each {@code YYMMDDhhmmss}. */
  record PowerDownFormat() implements DataFormat {
    @Override
    public int length() {
      return 12;
    }

    @Override
    public String toString() {
      return "POWER_DOWN_RECORD";
    }
  }

  /** A cover-open event (see {@link CoverOpenRecord}). */
  record CoverOpenFormat() implements DataFormat {
    @Override
    public int length() {
      return 60;
    }

    @Override
    public String toString() {
      return "COVER_OPEN_RECORD";
    }
  }

  /**
   * Parses the textual form.
   *
   * @throws IllegalArgumentException if the text is not a format
   */
  static DataFormat parse(String text) {
    return FormatParser.parse(text);
  }
}
