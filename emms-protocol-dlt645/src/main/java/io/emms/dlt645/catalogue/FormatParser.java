package io.emms.dlt645.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the textual {@link DataFormat}s of the catalogue files. */
final class FormatParser {

  private static final Pattern ASCII = Pattern.compile("ASCII\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("X+(\\.X+)?");
  private static final Pattern DIGITS = Pattern.compile("(NN)+");

  private FormatParser() {}

  static DataFormat parse(String text) {
    // A block binds loosest: XX.XXXX+YYMMDDhhmm*5 is five demand+time pairs.
    int star = text.lastIndexOf('*');
    if (star > 0) {
      return new DataFormat.Block(parse(text.substring(0, star)), Integer.parseInt(text.substring(star + 1)));
    }
    if (text.contains("+")) {
      List<DataFormat> parts = new ArrayList<>();
      for (String part : text.split("\\+")) {
        parts.add(parse(part));
      }
      return new DataFormat.Composite(parts);
    }
    return parseSimple(text);
  }

  private static DataFormat parseSimple(String text) {
    switch (text) {
      case "STATUS": return new DataFormat.Status();
      case "LOAD_RECORD": return new DataFormat.LoadRecordFormat();
      case "POWER_DOWN_RECORD": return new DataFormat.PowerDownFormat();
      case "COVER_OPEN_RECORD": return new DataFormat.CoverOpenFormat();
      default: break;
    }
    Matcher ascii = ASCII.matcher(text);
    if (ascii.matches()) {
      return new DataFormat.Ascii(Integer.parseInt(ascii.group(1)));
    }
    if (NUMERIC.matcher(text).matches()) {
      int point = text.indexOf('.');
      int digits = text.length() - (point < 0 ? 0 : 1);
      return new DataFormat.Numeric(digits, point < 0 ? 0 : text.length() - point - 1);
    }
    if (DIGITS.matcher(text).matches()) {
      return new DataFormat.Digits(text.length() / 2);
    }
    if (!text.isEmpty() && text.length() % 2 == 0) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < text.length(); i += 2) {
        fields.add(text.substring(i, i + 2));
      }
      return new DataFormat.DateTime(fields);
    }
    throw new IllegalArgumentException("unknown format: '" + text + "'");
  }
}
