package io.emms.analytics.arma;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A series from src/test/resources/arma and the R / statsmodels numbers from tools/arma. */
record ReferenceCase(String name, double[] y, Map<String, double[]> values) {

  static final List<String> NAMES = List.of("nile", "lakehuron", "sunspots", "lh_ma2", "sim21",
      "lakehuron_gaps", "wwwusage", "wwwusage_gaps");

  static ReferenceCase load(String name) {
    List<String> series = lines("/arma/" + name + ".csv");
    double[] y = new double[series.size() - 1];
    for (int i = 1; i < series.size(); i++) {
      y[i - 1] = Double.parseDouble(series.get(i));
    }
    return new ReferenceCase(name, y, referenceValues(name));
  }

  /** Only the reference numbers, for series regenerated in Java rather than stored. */
  static ReferenceCase loadReferenceOnly(String name) {
    return new ReferenceCase(name, new double[0], referenceValues(name));
  }

  private static Map<String, double[]> referenceValues(String name) {
    Map<String, double[]> values = new LinkedHashMap<>();
    for (String line : lines("/arma/" + name + ".ref.csv")) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(",");
      double[] v = new double[parts.length - 1];
      for (int i = 1; i < parts.length; i++) {
        v[i - 1] = Double.parseDouble(parts[i]);
      }
      values.put(parts[0], v);
    }
    return values;
  }

  double[] get(String key) {
    double[] v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(name + " has no " + key);
    }
    return v;
  }

  double scalar(String key) {
    return get(key)[0];
  }

  ArimaOrder order() {
    double[] o = get("order");
    return ArimaOrder.of((int) o[0], (int) o[1], (int) o[2]);
  }

  boolean includeMean() {
    return scalar("include_mean") == 1;
  }

  double meanOrZero(String key) {
    double[] v = get(key);
    return v.length == 0 ? 0 : v[0];
  }

  /** The model with R's maximum-likelihood parameters. */
  ArimaModel rModel() {
    return new ArimaModel(order(), get("r_ar"), get("r_ma"), meanOrZero("r_mean"), scalar("r_sigma2"));
  }

  @Override
  public String toString() {
    return name;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = ReferenceCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          out.add(line.trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
