package io.emms.cli.analyze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.analytics.arma.Arima;
import io.emms.analytics.arma.ArimaConfig;
import io.emms.analytics.arma.ArimaFit;
import io.emms.analytics.arma.ArimaModel;
import io.emms.analytics.arma.ArimaOrder;
import io.emms.analytics.arma.Forecast;
import io.emms.analytics.arma.InformationCriterion;
import io.emms.analytics.arma.OrderSearch;
import io.emms.analytics.arma.OrderSearchConfig;
import io.emms.analytics.arma.OrderSelection;
import io.emms.cli.command.BadInputException;
import io.emms.cli.command.Progress;
import io.emms.cli.output.JsonOutput;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms analyze arma}: exact maximum-likelihood ARIMA fit of one column, with forecasts. */
@Command(
    name = "arma",
    mixinStandardHelpOptions = true,
    description = {
        "Fits an ARIMA(p,d,q) model by exact Gaussian maximum likelihood (as R's arima(method=\"ML\")) and "
            + "forecasts with 95 %% intervals.",
        "Empty or NaN values are missing observations, skipped by the Kalman filter.",
        "With --order auto, p and q are chosen by an information criterion (stepwise as auto.arima, or grid)."})
public final class ArmaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin InputOption input;

  @Option(names = "--column", paramLabel = "NAME", description = "column to fit (needed when the file has several)")
  String column;

  @Option(names = "--order", required = true, paramLabel = "p,d,q|auto", description = "model order, or auto")
  String order;

  @Option(names = "--mean", negatable = true,
      description = "estimate a process mean (d = 0 only); default: no mean for a given order, both tried for auto")
  Boolean mean;

  @Option(names = "--forecast", defaultValue = "0", paramLabel = "H", description = "steps to forecast (default 0)")
  int horizon;

  @Option(names = "--d", defaultValue = "0", paramLabel = "D",
      description = "auto: order of differencing (default ${DEFAULT-VALUE})")
  int d;

  @Option(names = "--max-p", defaultValue = "5", paramLabel = "P",
      description = "auto: largest p tried (default ${DEFAULT-VALUE})")
  int maxP;

  @Option(names = "--max-q", defaultValue = "5", paramLabel = "Q",
      description = "auto: largest q tried (default ${DEFAULT-VALUE})")
  int maxQ;

  @Option(names = "--criterion", defaultValue = "aicc", paramLabel = "aicc|aic|bic",
      description = "auto: criterion to minimise (default ${DEFAULT-VALUE})")
  String criterion;

  @Option(names = "--search", defaultValue = "stepwise", paramLabel = "stepwise|grid",
      description = "auto: stepwise (Hyndman–Khandakar) or every p, q (default ${DEFAULT-VALUE})")
  String search;

  @Override
  public Integer call() {
    if (horizon < 0) {
      throw new BadInputException("--forecast must not be negative, got " + horizon);
    }
    CsvTable table = input.table();
    double[] y = table.series(column);
    ObjectNode json = JsonOutput.object();
    ArimaFit fit;
    OrderSelection selection = null;
    try (Progress progress = Progress.of(spec)) {
      if (order.strip().equalsIgnoreCase("auto")) {
        progress.show("analyze arma: searching orders (" + search + ", " + criterion + ") on " + y.length + " rows");
        selection = select(y);
        fit = selection.best();
      } else {
        ArimaOrder o = parseOrder();
        if (Boolean.TRUE.equals(mean) && o.d() > 0) {
          throw new BadInputException("--mean needs d = 0 (a differenced model has no mean), got " + o);
        }
        progress.show("analyze arma: fitting " + o + " on " + y.length + " rows");
        fit = Arima.fit(y, ArimaConfig.of(o, Boolean.TRUE.equals(mean)));
      }
    } catch (IllegalArgumentException e) {
      throw new BadInputException(table.source() + ": " + e.getMessage(), e);
    }
    write(json, fit, y);
    if (selection != null) {
      writeSelection(json.putObject("selection"), selection);
    }
    spec.commandLine().getOut().println(JsonOutput.line(json));
    return 0;
  }

  private ArimaOrder parseOrder() {
    try {
      return ArimaOrder.parse(order);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--order: expected p,d,q or auto, got \"" + order + "\"", e);
    }
  }

  private OrderSelection select(double[] y) {
    if (Boolean.TRUE.equals(mean) && d > 0) {
      throw new BadInputException("--mean needs --d 0 (a differenced model has no mean)");
    }
    OrderSearchConfig.Mean meanOption = mean == null
        ? OrderSearchConfig.Mean.EITHER
        : mean ? OrderSearchConfig.Mean.INCLUDE : OrderSearchConfig.Mean.EXCLUDE;
    OrderSearchConfig config;
    try {
      config = OrderSearchConfig.builder().d(d).maxP(maxP).maxQ(maxQ).mean(meanOption)
          .criterion(criterion()).build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--d, --max-p, --max-q: " + e.getMessage(), e);
    }
    return switch (search.strip().toLowerCase(Locale.ROOT)) {
      case "stepwise" -> OrderSearch.stepwise(y, config);
      case "grid" -> OrderSearch.grid(y, config);
      default -> throw new BadInputException("--search: expected stepwise or grid, got \"" + search + "\"");
    };
  }

  private InformationCriterion criterion() {
    try {
      return InformationCriterion.valueOf(criterion.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--criterion: expected aicc, aic or bic, got \"" + criterion + "\"", e);
    }
  }

  private void write(ObjectNode json, ArimaFit fit, double[] y) {
    ArimaModel model = fit.model();
    ArrayNode o = json.putArray("order");
    o.add(model.order().p()).add(model.order().d()).add(model.order().q());
    JsonNumbers.putArray(json, "ar", model.ar());
    JsonNumbers.putArray(json, "ma", model.ma());
    if (fit.meanEstimated()) {
      JsonNumbers.put(json, "mean", model.mean());
    } else {
      json.putNull("mean");
    }
    JsonNumbers.put(json, "sigma2", model.sigma2());
    JsonNumbers.put(json, "loglik", fit.logLikelihood());
    JsonNumbers.put(json, "aic", fit.aic());
    JsonNumbers.put(json, "bic", fit.bic());
    JsonNumbers.put(json, "aicc", fit.aicc());
    json.put("n", fit.observations());
    json.put("converged", fit.converged());
    ObjectNode coefficientSe = json.putObject("coefficientSe");
    JsonNumbers.putArray(coefficientSe, "ar", fit.standardErrors().ar());
    JsonNumbers.putArray(coefficientSe, "ma", fit.standardErrors().ma());
    JsonNumbers.put(coefficientSe, "mean", fit.standardErrors().mean());
    Forecast f = model.forecast(y, horizon, 0.95);
    JsonNumbers.putArray(json, "forecast", f.mean());
    JsonNumbers.putArray(json, "se", f.se());
    JsonNumbers.putArray(json, "lower95", f.lower());
    JsonNumbers.putArray(json, "upper95", f.upper());
  }

  private void writeSelection(ObjectNode json, OrderSelection selection) {
    json.put("search", search.strip().toLowerCase(Locale.ROOT));
    json.put("criterion", selection.criterion().name().toLowerCase(Locale.ROOT));
    ArrayNode candidates = json.putArray("candidates");
    for (OrderSelection.Candidate c : selection.candidates()) {
      ObjectNode node = candidates.addObject();
      node.putArray("order").add(c.order().p()).add(c.order().d()).add(c.order().q());
      node.put("mean", c.mean());
      JsonNumbers.put(node, "score", c.score());
    }
  }
}
