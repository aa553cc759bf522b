package io.emms.modbus.profile;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.modbus.client.ReadOptimizer;
import io.emms.modbus.client.RegisterOrder;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.client.ValueFormat;
import io.emms.modbus.client.ValueType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the line-oriented profile format described at {@link MeterProfile#parse(Reader)}. */
final class ProfileParser {

  private static final int COLUMNS = 9;

  private String name;
  private String model;
  private final List<String> sources = new ArrayList<>();
  private int maxRegisters = 125;
  private int maxGap = 0;
  private final List<RegisterPoint> points = new ArrayList<>();

  private ProfileParser() {}

  static MeterProfile parse(Reader reader) throws IOException {
    ProfileParser p = new ProfileParser();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      try {
        p.line(line.strip());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("profile line " + number + ": " + e.getMessage(), e);
      }
    }
    if (p.name == null || p.model == null) {
      throw new IllegalArgumentException("profile needs @name and @model");
    }
    return new MeterProfile(p.name, p.model, p.sources, new ReadOptimizer(p.maxGap, p.maxRegisters, 2000), p.points);
  }

  private void line(String line) {
    if (line.isEmpty() || line.startsWith("#") || line.startsWith("table,")) {
      return;
    }
    if (line.startsWith("@")) {
      header(line);
    } else {
      points.add(point(line));
    }
  }

  private void header(String line) {
    int space = line.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("header '" + line + "' has no value");
    }
    String key = line.substring(1, space);
    String value = line.substring(space + 1).strip();
    switch (key) {
      case "name" -> name = value;
      case "model" -> model = value;
      case "source" -> sources.add(value);
      case "maxRegisters" -> maxRegisters = Integer.parseInt(value);
      case "maxGap" -> maxGap = Integer.parseInt(value);
      default -> throw new IllegalArgumentException("unknown header @" + key);
    }
  }

  private static RegisterPoint point(String line) {
    String[] f = line.split(",", COLUMNS);
    if (f.length != COLUMNS) {
      throw new IllegalArgumentException("expected " + COLUMNS + " columns, got " + f.length);
    }
    RegisterTable table = switch (f[0].strip().toLowerCase(Locale.ROOT)) {
      case "input" -> RegisterTable.INPUT_REGISTERS;
      case "holding" -> RegisterTable.HOLDING_REGISTERS;
      default -> throw new IllegalArgumentException("table must be input or holding, got " + f[0]);
    };
    int address = Integer.decode(f[1].strip());
    ValueFormat format = new ValueFormat(
        ValueType.valueOf(f[2].strip().toUpperCase(Locale.ROOT)),
        RegisterOrder.valueOf(f[3].strip().toUpperCase(Locale.ROOT)),
        new BigDecimal(f[4].strip()));
    Quantity quantity = new Quantity(
        Measurand.valueOf(f[5].strip()), Phase.valueOf(f[6].strip()), Integer.parseInt(f[7].strip()));
    return new RegisterPoint(quantity, table, address, format, f[8].strip());
  }
}
