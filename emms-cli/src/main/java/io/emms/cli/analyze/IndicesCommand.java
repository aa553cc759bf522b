package io.emms.cli.analyze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.analytics.grid.Advice;
import io.emms.analytics.grid.AdviceEngine;
import io.emms.analytics.grid.GridAssessment;
import io.emms.analytics.grid.GridIndexCalculator;
import io.emms.analytics.grid.GridSeries;
import io.emms.analytics.grid.IndexLimits;
import io.emms.analytics.grid.IndexValue;
import io.emms.analytics.grid.VoltageClass;
import io.emms.analytics.grid.VoltageQualification;
import io.emms.cli.command.BadInputException;
import io.emms.cli.output.JsonOutput;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms analyze indices}: grid operating indices of one monitoring point, and advice for those off limits. */
@Command(
    name = "indices",
    mixinStandardHelpOptions = true,
    description = {
        "Computes the grid operating indices of one monitoring point over the whole file and advice for every "
            + "index beyond its limit.",
        "The CSV has a header naming its columns, any of: timestamp (ISO-8601), ua, ub, uc (phase voltages, V), "
            + "ia, ib, ic (phase currents, A), p (total active power, kW), q (total reactive power, kvar), "
            + "f (frequency, Hz), thd (voltage THD of the worst phase, %%). Each row is one sample of "
            + "--interval-minutes; empty values are missing. Other columns are ignored.",
        "Indices computed from what is present: voltage deviation and qualification rate (any voltage), "
            + "negative-sequence voltage unbalance (ua, ub, uc; magnitudes at 120° assumed), current unbalance "
            + "(ia, ib, ic), frequency deviation (f), voltage THD (thd), power factor (p and q), load rate "
            + "(p, with --rated-kva), load factor and peak-valley rate (p)."})
public final class IndicesCommand implements Callable<Integer> {

  /** The columns this command reads, in the order of {@link GridSeries}. */
  static final List<String> COLUMNS = List.of("ua", "ub", "uc", "ia", "ib", "ic", "p", "q", "f", "thd");

  @Spec CommandSpec spec;

  @Mixin InputOption input;

  @Mixin TimeOptions time;

  @Option(names = "--nominal-voltage", required = true, paramLabel = "V", description = "nominal phase voltage Un")
  double nominalVoltage;

  @Option(names = "--rated-kva", paramLabel = "KVA", description = "transformer rating Sn, for the load rate")
  Double ratedKva;

  @Option(names = "--supply", defaultValue = "auto", paramLabel = "auto|single-phase|three-phase",
      description = "voltage class for the deviation band: single-phase +7/−10 %%, three-phase ±7 %%; auto = "
          + "three-phase when ub or uc is present (default ${DEFAULT-VALUE})")
  String supply;

  @Option(names = "--voltage-band", paramLabel = "UP,LOW",
      description = "voltage deviation limits in %%, e.g. 7,-10 (overrides the class band)")
  String voltageBand;

  @Option(names = "--power-factor-min", defaultValue = "0.9", paramLabel = "PF",
      description = "assessment power factor (default ${DEFAULT-VALUE})")
  double powerFactorMin;

  @Override
  public Integer call() {
    if (!(nominalVoltage > 0)) {
      throw new BadInputException("--nominal-voltage must be positive, got " + nominalVoltage);
    }
    CsvTable table = input.table();
    if (!table.hasHeader()) {
      throw new BadInputException(table.source() + " needs a header line naming its columns, e.g. "
          + "timestamp,ua,ub,uc,ia,ib,ic,p,q,f,thd");
    }
    List<String> present = COLUMNS.stream().filter(table::hasColumn).toList();
    if (present.isEmpty()) {
      throw new BadInputException(table.source() + " has none of the columns " + COLUMNS + "; columns are "
          + table.header());
    }
    long[] t = time.available(table) ? time.epochMillis(table) : new long[table.rowCount()];
    IndexLimits limits = limits(table);
    GridAssessment assessment;
    try {
      assessment = new GridIndexCalculator(limits).assess(series(table, t));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(table.source() + ": " + e.getMessage(), e);
    }
    List<Advice> advice = new AdviceEngine(limits).advise(assessment);
    ObjectNode json = JsonOutput.object();
    json.put("samples", table.rowCount());
    json.put("sampleMinutes", time.interval().toMinutes());
    if (time.available(table)) {
      json.put("from", Instant.ofEpochMilli(t[0]).toString());
      json.put("to", Instant.ofEpochMilli(t[t.length - 1]).toString());
    }
    json.put("nominalVoltage", nominalVoltage);
    ArrayNode columns = json.putArray("columns");
    present.forEach(columns::add);
    writeLimits(json.putObject("limits"), limits);
    writeIndices(json.putArray("indices"), assessment.values());
    assessment.qualification().ifPresent(q -> writeQualification(json.putObject("qualification"), q));
    writeAdvice(json.putArray("advice"), advice);
    spec.commandLine().getOut().println(JsonOutput.line(json));
    return 0;
  }

  private GridSeries series(CsvTable table, long[] t) {
    GridSeries.Builder b = GridSeries.builder(t, time.interval(), nominalVoltage)
        .ratedKva(ratedKva == null ? Double.NaN : ratedKva);
    List<BiConsumer<GridSeries.Builder, double[]>> setters = List.of(GridSeries.Builder::ua, GridSeries.Builder::ub,
        GridSeries.Builder::uc, GridSeries.Builder::ia, GridSeries.Builder::ib, GridSeries.Builder::ic,
        GridSeries.Builder::p, GridSeries.Builder::q, GridSeries.Builder::f, GridSeries.Builder::thd);
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (table.hasColumn(COLUMNS.get(i))) {
        setters.get(i).accept(b, table.series(COLUMNS.get(i)));
      }
    }
    return b.build();
  }

  private IndexLimits limits(CsvTable table) {
    boolean threePhase = switch (supply.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> table.hasColumn("ub") || table.hasColumn("uc");
      case "single-phase" -> false;
      case "three-phase" -> true;
      default -> throw new BadInputException(
          "--supply: expected auto, single-phase or three-phase, got \"" + supply + "\"");
    };
    VoltageClass voltageClass = VoltageClass.forNominal(nominalVoltage, threePhase);
    double[] band = voltageBand == null
        ? new double[] {voltageClass.upperPercent(), voltageClass.lowerPercent()}
        : band();
    try {
      return IndexLimits.builder().voltageBand(band[0], band[1])
          .thdPercent(VoltageClass.thdLimitPercent(nominalVoltage)).powerFactorMin(powerFactorMin).build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--voltage-band, --power-factor-min: " + e.getMessage(), e);
    }
  }

  private double[] band() {
    String[] parts = voltageBand.split(",");
    try {
      if (parts.length == 2) {
        return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
      }
    } catch (NumberFormatException e) {
      // reported below with the expected form
    }
    throw new BadInputException("--voltage-band: expected UP,LOW in % such as 7,-10, got \"" + voltageBand + "\"");
  }

  private static void writeLimits(ObjectNode json, IndexLimits l) {
    json.put("voltageUpperPercent", l.voltageUpperPercent());
    json.put("voltageLowerPercent", l.voltageLowerPercent());
    json.put("qualificationTargetPercent", l.qualificationTargetPercent());
    json.put("unbalancePercent", l.unbalancePercent());
    json.put("unbalanceShortTimePercent", l.unbalanceShortTimePercent());
    json.put("currentUnbalancePercent", l.currentUnbalancePercent());
    json.put("frequencyHz", l.frequencyHz());
    json.put("thdPercent", l.thdPercent());
    json.put("powerFactorMin", l.powerFactorMin());
    json.put("loadRateHeavyPercent", l.loadRateHeavyPercent());
    json.put("loadRateOverloadPercent", l.loadRateOverloadPercent());
  }

  private static void writeIndices(ArrayNode out, List<IndexValue> values) {
    for (IndexValue v : values) {
      ObjectNode node = out.addObject();
      node.put("index", v.index().name());
      node.put("label", v.index().label());
      node.put("unit", v.index().unit());
      JsonNumbers.put(node, "value", v.value());
      JsonNumbers.put(node, "limit", v.limit());
      node.put("direction", v.direction().name());
      node.put("withinLimit", v.withinLimit());
      node.put("basis", v.basis());
      node.put("detail", v.detail());
    }
  }

  private static void writeQualification(ObjectNode json, VoltageQualification q) {
    JsonNumbers.put(json, "ratePercent", q.ratePercent());
    JsonNumbers.put(json, "monitoredMinutes", q.monitoredMinutes());
    JsonNumbers.put(json, "aboveMinutes", q.aboveMinutes());
    JsonNumbers.put(json, "belowMinutes", q.belowMinutes());
    JsonNumbers.put(json, "maxDeviationPercent", q.maxDeviationPercent());
    JsonNumbers.put(json, "minDeviationPercent", q.minDeviationPercent());
  }

  private static void writeAdvice(ArrayNode out, List<Advice> advice) {
    for (Advice a : advice) {
      ObjectNode node = out.addObject();
      node.put("index", a.index().name());
      node.put("severity", a.severity().name());
      JsonNumbers.put(node, "value", a.value());
      JsonNumbers.put(node, "limit", a.limit());
      node.put("action", a.action());
      node.put("text", a.text());
    }
  }
}
