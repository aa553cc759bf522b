package io.emms.cli.analyze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.analytics.anomaly.Anomaly;
import io.emms.analytics.anomaly.AnomalyDetector;
import io.emms.analytics.anomaly.ArmaResidualDetector;
import io.emms.analytics.anomaly.HampelConfig;
import io.emms.analytics.anomaly.HampelDetector;
import io.emms.analytics.anomaly.SeasonalConfig;
import io.emms.analytics.anomaly.SeasonalDetector;
import io.emms.analytics.anomaly.ZScoreConfig;
import io.emms.analytics.anomaly.ZScoreDetector;
import io.emms.analytics.arma.ArimaOrder;
import io.emms.analytics.vee.Finding;
import io.emms.analytics.vee.IntervalData;
import io.emms.analytics.vee.VeeConfig;
import io.emms.analytics.vee.VeeEngine;
import io.emms.cli.command.BadInputException;
import io.emms.cli.output.JsonOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms analyze anomalies}: flags anomalous values of one column, or validates interval energy (VEE). */
@Command(
    name = "anomalies",
    mixinStandardHelpOptions = true,
    description = {
        "Flags anomalous values of one column: zscore (|x − mean| / sd), hampel (median ± k·1.4826·MAD over a "
            + "centred window), seasonal (median of the same time-of-day slot and day type), arma (one-step "
            + "residuals of a fitted ARIMA model), or vee (utility validation rules on interval energy in kWh).",
        "seasonal and vee need timestamps: an ISO-8601 column (\"timestamp\" unless --timestamp-column names "
            + "another) or --start with --interval-minutes."})
public final class AnomaliesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin InputOption input;

  @Mixin TimeOptions time;

  @Option(names = "--column", paramLabel = "NAME",
      description = "column to examine (vee: interval energy in kWh); needed when the file has several value columns")
  String column;

  @Option(names = "--method", defaultValue = "hampel", paramLabel = "zscore|hampel|seasonal|arma|vee",
      description = "detector (default ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--threshold", paramLabel = "X",
      description = "score above which a value is flagged (default zscore 3, hampel 3, seasonal 4, arma 4)")
  Double threshold;

  @Option(names = "--window", defaultValue = "3", paramLabel = "K",
      description = "hampel: half window, the window is 2K+1 values (default ${DEFAULT-VALUE})")
  int halfWindow;

  @Option(names = "--arma-order", defaultValue = "1,0,1", paramLabel = "p,d,q",
      description = "arma: model order, fitted with a mean when d = 0 (default ${DEFAULT-VALUE})")
  String armaOrder;

  @Option(names = "--register-column", paramLabel = "NAME",
      description = "vee: cumulative register (kWh) at each interval end, for the register rules")
  String registerColumn;

  @Option(names = "--power-column", paramLabel = "NAME",
      description = "vee: average power (kW) of each interval, for the stopped-meter rule")
  String powerColumn;

  @Option(names = "--rated-current", defaultValue = "60", paramLabel = "A",
      description = "vee: rated maximum current of the meter (default ${DEFAULT-VALUE})")
  double ratedCurrent;

  @Option(names = "--nominal-voltage", defaultValue = "220", paramLabel = "V",
      description = "vee: nominal phase voltage (default ${DEFAULT-VALUE})")
  double nominalVoltage;

  @Option(names = "--phases", defaultValue = "1", paramLabel = "N",
      description = "vee: number of phases (default ${DEFAULT-VALUE})")
  int phases;

  @Override
  public Integer call() {
    CsvTable table = input.table();
    String m = method.strip().toLowerCase(Locale.ROOT);
    ObjectNode json = JsonOutput.object();
    json.put("method", m);
    if (m.equals("vee")) {
      List<Finding> findings = vee(table);
      json.put("count", findings.size());
      writeFindings(json.putArray("findings"), findings, table);
    } else {
      AnomalyDetector detector = detector(m);
      double[] values = table.series(valueColumn(table));
      boolean timed = m.equals("seasonal") || time.available(table);
      long[] t = timed ? time.epochMillis(table) : new long[values.length];
      List<Anomaly> anomalies;
      try {
        anomalies = detector.detect(t, values);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(table.source() + ": " + e.getMessage(), e);
      }
      json.put("count", anomalies.size());
      writeAnomalies(json.putArray("anomalies"), anomalies, table, timed);
    }
    spec.commandLine().getOut().println(JsonOutput.line(json));
    return 0;
  }

  /** The named column, or the only column besides the timestamps and the VEE register and power columns. */
  private String valueColumn(CsvTable table) {
    if (column != null || !table.hasHeader()) {
      return column;
    }
    List<String> other = Arrays.asList(time.columnIn(table), registerColumn, powerColumn);
    List<String> values = table.header().stream().filter(h -> !other.contains(h)).toList();
    return values.size() == 1 ? values.get(0) : null;
  }

  private AnomalyDetector detector(String m) {
    try {
      return switch (m) {
        case "zscore" -> new ZScoreDetector(new ZScoreConfig(threshold(3), 2, true));
        case "hampel" -> new HampelDetector(new HampelConfig(halfWindow, threshold(3),
            HampelConfig.DEFAULT.minSigma()));
        case "seasonal" -> new SeasonalDetector(new SeasonalConfig(time.interval(), time.zoneId(), threshold(4),
            SeasonalConfig.DEFAULT.minSamples(), SeasonalConfig.DEFAULT.minSigma()));
        case "arma" -> ArmaResidualDetector.fitting(armaOrder(), threshold(4));
        default -> throw new BadInputException(
            "--method: expected zscore, hampel, seasonal, arma or vee, got \"" + method + "\"");
      };
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--method " + m + ": " + e.getMessage(), e);
    }
  }

  private double threshold(double standard) {
    return threshold == null ? standard : threshold;
  }

  private ArimaOrder armaOrder() {
    try {
      return ArimaOrder.parse(armaOrder);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--arma-order: expected p,d,q, got \"" + armaOrder + "\"", e);
    }
  }

  private List<Finding> vee(CsvTable table) {
    long[] t = time.epochMillis(table);
    double[] energy = table.series(valueColumn(table));
    double[] register = registerColumn == null ? null : table.series(registerColumn);
    double[] power = powerColumn == null ? null : table.series(powerColumn);
    VeeConfig config;
    try {
      config = VeeConfig.builder().zone(time.zoneId()).ratedCurrentA(ratedCurrent).nominalVoltageV(nominalVoltage)
          .phases(phases).build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--phases: " + e.getMessage(), e);
    }
    IntervalData data = new IntervalData(table.source(), time.interval(), t, energy, register, power);
    return new VeeEngine(config).validate(data).findings();
  }

  private static void writeAnomalies(ArrayNode out, List<Anomaly> anomalies, CsvTable table, boolean timed) {
    for (Anomaly a : anomalies) {
      ObjectNode node = out.addObject();
      node.put("index", a.index());
      node.put("line", table.lineNumber(a.index()));
      if (timed) {
        node.put("timestamp", a.timestamp().toString());
      } else {
        node.putNull("timestamp");
      }
      JsonNumbers.put(node, "value", a.value());
      JsonNumbers.put(node, "expected", a.expected());
      JsonNumbers.put(node, "score", a.score());
      JsonNumbers.put(node, "threshold", a.threshold());
      node.put("reason", a.reason());
    }
  }

  private static void writeFindings(ArrayNode out, List<Finding> findings, CsvTable table) {
    for (Finding f : findings) {
      ObjectNode node = out.addObject();
      node.put("rule", f.rule().name());
      node.put("index", f.index());
      node.put("line", table.lineNumber(f.index()));
      node.put("timestamp", f.timestamp().toString());
      JsonNumbers.put(node, "value", f.value());
      JsonNumbers.put(node, "threshold", f.threshold());
      node.put("message", f.message());
    }
  }
}
