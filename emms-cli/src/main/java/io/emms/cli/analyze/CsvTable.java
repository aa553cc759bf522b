package io.emms.cli.analyze;

import io.emms.cli.command.BadInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file of meter data: one value per line, or comma-separated columns with an optional header line. An empty
 * field or {@code NaN} (as numpy and R's {@code write.csv} of doubles write it) is a missing reading. Every parse
 * error names the file's line number.
 *
 * <p>Files as spreadsheets save them are read too: a UTF-8 byte-order mark (Excel's "CSV UTF-8") is skipped, and
 * a header line with semicolons and no comma means the European dialect, semicolon separators and decimal commas
 * ({@code 1,5} is 1.5). Without such a header a comma is always a separator, since a bare {@code 1,5} could be
 * either.
 */
public final class CsvTable {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final String source;
  private final List<String> header;
  private final List<String[]> rows;
  private final int[] lineNumbers;
  private final boolean semicolons;

  private CsvTable(String source, List<String> header, List<String[]> rows, int[] lineNumbers, boolean semicolons) {
    this.source = source;
    this.header = header;
    this.rows = rows;
    this.lineNumbers = lineNumbers;
    this.semicolons = semicolons;
  }

  /** Reads a file; a first line with a field that is neither a number nor empty is taken as the header. */
  public static CsvTable read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read " + file + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new BadInputException("cannot read " + file + ": not a text file in UTF-8 (a binary file or another"
          + " encoding; save it as CSV UTF-8)", e);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), lines);
  }

  static CsvTable parse(String source, List<String> lines) {
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    boolean semicolons = !lines.isEmpty() && isEuropeanHeader(withoutByteOrderMark(lines.get(0)));
    String separator = semicolons ? ";" : ",";
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 ? withoutByteOrderMark(lines.get(0)) : lines.get(i);
      // In a one-column file a blank line is a missing value; elsewhere it is layout.
      int width = header != null ? header.size() : rows.isEmpty() ? 1 : rows.get(0).length;
      if (line.isBlank() && (lines.size() == i + 1 || width > 1)) {
        continue;
      }
      String[] fields = line.split(separator, -1);
      for (int f = 0; f < fields.length; f++) {
        fields[f] = fields[f].strip();
      }
      if (header == null && rows.isEmpty() && looksLikeHeader(fields)) {
        header = List.of(fields);
        continue;
      }
      rows.add(fields);
      numbers.add(i + 1);
    }
    if (rows.isEmpty()) {
      throw new BadInputException(source + ": no data rows");
    }
    return new CsvTable(source, header, rows, numbers.stream().mapToInt(Integer::intValue).toArray(), semicolons);
  }

  private static String withoutByteOrderMark(String line) {
    return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
  }

  /** A header (a field that is not a number) with semicolons and no comma: the dialect Excel saves in Europe. */
  private static boolean isEuropeanHeader(String firstLine) {
    return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 && looksLikeHeader(firstLine.split(";", -1));
  }

  private static boolean looksLikeHeader(String[] fields) {
    return Arrays.stream(fields).anyMatch(f -> !f.isEmpty() && !isNumber(f));
  }

  private static boolean isNumber(String s) {
    if (isMissing(s)) {
      return true;
    }
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * How the file was read when that is not plain CSV, for a note on stderr: {@code "';' separators, decimal
   * commas"}; empty for comma-separated files.
   */
  public String dialect() {
    return semicolons ? "';' separators, decimal commas" : "";
  }

  /** The file name the messages use. */
  public String source() {
    return source;
  }

  public boolean hasHeader() {
    return header != null;
  }

  public List<String> header() {
    return header == null ? List.of() : header;
  }

  public int rowCount() {
    return rows.size();
  }

  /**
   * The numeric series of a column: by name when given, otherwise the only column (a file of one value per line,
   * or a one-column file with a header).
   */
  public double[] series(String column) {
    return numbers(columnIndex(column));
  }

  /** The text of a column, e.g. timestamps. */
  public String[] text(String column) {
    int index = columnIndex(column);
    String[] out = new String[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      out[r] = field(r, index);
    }
    return out;
  }

  /** Whether a header names this column. */
  public boolean hasColumn(String name) {
    return header != null && header.contains(name);
  }

  /** Every row as numbers (one profile per row); all rows must have the same number of fields. */
  public double[][] matrix() {
    return matrix(null);
  }

  /**
   * Every row as numbers without one label column (e.g. a meter id or a date); all rows must have the same number
   * of fields.
   *
   * @param labelColumn the column to leave out, or null to keep every column
   */
  public double[][] matrix(String labelColumn) {
    int skip = labelColumn == null ? -1 : columnIndex(labelColumn);
    int width = width();
    double[][] out = new double[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      out[r] = new double[skip < 0 ? width : width - 1];
      for (int c = 0, k = 0; c < width; c++) {
        if (c != skip) {
          out[r][k++] = number(r, c);
        }
      }
    }
    return out;
  }

  private int columnIndex(String column) {
    if (column == null) {
      int width = width();
      if (width != 1) {
        throw new BadInputException(source + " has " + width + " columns: name one with --column");
      }
      return 0;
    }
    if (header == null) {
      throw new BadInputException(source + " has no header line, so it has no column \"" + column + "\"");
    }
    int index = header.indexOf(column);
    if (index < 0) {
      throw new BadInputException(source + " has no column \"" + column + "\"; columns are " + header);
    }
    return index;
  }

  private double[] numbers(int index) {
    double[] out = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      out[r] = number(r, index);
    }
    return out;
  }

  private double number(int row, int index) {
    String f = field(row, index);
    if (isMissing(f)) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(semicolons ? decimalComma(f) : f);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadInputException(where(row) + ": \"" + f + "\" is not a number");
    }
  }

  /** {@code 1,5} as {@code 1.5}; a point as well would be a thousands separator, which is refused as ambiguous. */
  private static String decimalComma(String field) {
    if (field.indexOf('.') >= 0) {
      throw new NumberFormatException(field);
    }
    return field.replace(',', '.');
  }

  private static boolean isMissing(String field) {
    return field.isEmpty() || field.equalsIgnoreCase("nan");
  }

  /** A field of a row, which must be as wide as the header (or the first row): a decimal comma is no second field. */
  private String field(int row, int index) {
    String[] fields = rows.get(row);
    int width = width();
    if (fields.length != width) {
      throw new BadInputException(where(row) + ": " + fields.length + " fields, expected " + width);
    }
    return fields[index];
  }

  private int width() {
    return header != null ? header.size() : rows.get(0).length;
  }

  /** The file and line of a data row, as error messages name it: {@code "f.csv line 7"}. */
  public String where(int row) {
    return source + " line " + lineNumbers[row];
  }

  /** The 1-based line number in the file of a data row. */
  public int lineNumber(int row) {
    return lineNumbers[row];
  }
}
