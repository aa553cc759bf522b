package io.emms.analytics.arma;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses p and q (d given) by an information criterion, either exhaustively or by the stepwise search of
 * Hyndman and Khandakar (2008) that R's {@code forecast::auto.arima} uses.
 *
 * <p>Candidates are fitted by exact maximum likelihood without standard errors; the winner is refitted with them.
 * Stateless and thread-safe.
 */
public final class OrderSearch {

  private OrderSearch() {
  }

  /** Fits every p in 0..maxP and q in 0..maxQ (and each mean option) and returns the best. */
  public static OrderSelection grid(double[] y, OrderSearchConfig config) {
    Search search = new Search(y, config);
    for (int p = 0; p <= config.maxP(); p++) {
      for (int q = 0; q <= config.maxQ(); q++) {
        for (boolean mean : meanOptions(config)) {
          search.score(p, q, mean);
        }
      }
    }
    return search.result();
  }

  /**
   * Stepwise search: starts from ARIMA(2,d,2), (0,d,0), (1,d,0) and (0,d,1), then repeatedly moves to the first
   * better neighbour (p or q changed by one, both changed by one, the mean toggled) until none improves or
   * {@code maxModels} models have been fitted.
   */
  public static OrderSelection stepwise(double[] y, OrderSearchConfig config) {
    Search search = new Search(y, config);
    boolean startMean = config.mean() != OrderSearchConfig.Mean.EXCLUDE;
    search.score(2, 2, startMean);
    search.score(0, 0, startMean);
    search.score(1, 0, startMean);
    search.score(0, 1, startMean);
    if (config.mean() == OrderSearchConfig.Mean.EITHER) {
      search.score(0, 0, false);
    }
    boolean improved = true;
    while (improved && search.fitted() < config.maxModels()) {
      improved = false;
      OrderSelection.Candidate best = search.bestCandidate();
      for (int[] move : MOVES) {
        if (search.fitted() >= config.maxModels()) {
          break;
        }
        boolean mean = move[2] == 1 ? !best.mean() : best.mean();
        if (mean && config.mean() == OrderSearchConfig.Mean.EXCLUDE
            || !mean && config.mean() == OrderSearchConfig.Mean.INCLUDE) {
          continue;
        }
        if (search.score(best.order().p() + move[0], best.order().q() + move[1], mean) < best.score()) {
          improved = true;
          break;
        }
      }
    }
    return search.result();
  }

  /** Neighbour moves {dp, dq, toggle mean}, in auto.arima's order. */
  private static final int[][] MOVES = {
    {-1, 0, 0}, {1, 0, 0}, {0, -1, 0}, {0, 1, 0}, {-1, -1, 0}, {1, 1, 0}, {-1, 1, 0}, {1, -1, 0}, {0, 0, 1}
  };

  private static boolean[] meanOptions(OrderSearchConfig config) {
    return switch (config.mean()) {
      case EXCLUDE -> new boolean[] {false};
      case INCLUDE -> new boolean[] {true};
      case EITHER -> new boolean[] {true, false};
    };
  }

  /** Memo of the fitted candidates. */
  private static final class Search {
    private final double[] y;
    private final OrderSearchConfig config;
    private final List<OrderSelection.Candidate> tried = new ArrayList<>();

    Search(double[] y, OrderSearchConfig config) {
      this.y = y;
      this.config = config;
    }

    int fitted() {
      return tried.size();
    }

    /** Fits (p, d, q) once and returns its score; +infinity if out of bounds or not fittable. */
    double score(int p, int q, boolean mean) {
      if (p < 0 || q < 0 || p > config.maxP() || q > config.maxQ()) {
        return Double.POSITIVE_INFINITY;
      }
      ArimaOrder order = ArimaOrder.of(p, config.d(), q);
      for (OrderSelection.Candidate c : tried) {
        if (c.order().equals(order) && c.mean() == mean) {
          return c.score();
        }
      }
      double score = Double.POSITIVE_INFINITY;
      try {
        ArimaFit fit = Arima.fit(y, ArimaConfig.builder(order).includeMean(mean).standardErrors(false)
            .build());
        double s = config.criterion().of(fit);
        score = Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
      } catch (IllegalArgumentException tooFewObservations) {
        // scored +infinity: the candidate has more parameters than the series supports
      }
      tried.add(new OrderSelection.Candidate(order, mean, score));
      return score;
    }

    OrderSelection.Candidate bestCandidate() {
      OrderSelection.Candidate best = null;
      for (OrderSelection.Candidate c : tried) {
        if (best == null || c.score() < best.score()) {
          best = c;
        }
      }
      return best;
    }

    OrderSelection result() {
      OrderSelection.Candidate best = bestCandidate();
      if (best == null || best.score() == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("no candidate model could be fitted to the series");
      }
      ArimaFit refit = Arima.fit(y, ArimaConfig.of(best.order(), best.mean()));
      return new OrderSelection(refit, config.criterion(), tried);
    }
  }
}
