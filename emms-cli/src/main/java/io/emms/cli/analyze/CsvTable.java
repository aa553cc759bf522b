package io.emms.cli.analyze;

import io.emms.cli.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file of meter data: one value per line, or comma-separated columns with an optional header line. An empty
 * field is a missing reading (NaN). Every parse error names the file's line number.
 */
public final class CsvTable {

  private final String source;
  private final List<String> header;
  private final List<String[]> rows;
  private final int[] lineNumbers;

  private CsvTable(String source, List<String> header, List<String[]> rows, int[] lineNumbers) {
    this.source = source;
    this.header = header;
    this.rows = rows;
    this.lineNumbers = lineNumbers;
  }

  /** Reads a file; a first line with a field that is neither a number nor empty is taken as the header. */
  public static CsvTable read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), lines);
  }

  static CsvTable parse(String source, List<String> lines) {
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() && (lines.size() == i + 1 || header != null || !rows.isEmpty() && rows.get(0).length > 1)) {
        continue;
      }
      String[] fields = line.split(",", -1);
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
    return new CsvTable(source, header, rows, numbers.stream().mapToInt(Integer::intValue).toArray());
  }

  private static boolean looksLikeHeader(String[] fields) {
    return Arrays.stream(fields).anyMatch(f -> !f.isEmpty() && !isNumber(f));
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
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
    int width = rows.get(0).length;
    double[][] out = new double[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).length != width) {
        throw new BadInputException(where(r) + ": " + rows.get(r).length + " fields, expected " + width);
      }
      out[r] = new double[width];
      for (int c = 0; c < width; c++) {
        out[r][c] = number(r, c);
      }
    }
    return out;
  }

  private int columnIndex(String column) {
    if (column == null) {
      int width = header != null ? header.size() : rows.get(0).length;
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
    if (f.isEmpty()) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(f);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadInputException(where(row) + ": \"" + f + "\" is not a number");
    }
  }

  private String field(int row, int index) {
    String[] fields = rows.get(row);
    if (index >= fields.length) {
      throw new BadInputException(where(row) + ": missing field " + (index + 1));
    }
    return fields[index];
  }

  private String where(int row) {
    return source + " line " + lineNumbers[row];
  }
}
