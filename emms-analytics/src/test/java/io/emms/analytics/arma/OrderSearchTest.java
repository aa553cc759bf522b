package io.emms.analytics.arma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

class OrderSearchTest {

  /** AR(1) with phi = 0.7 around 3: the data-generating order should win by BIC. */
  private static final double[] AR1 = SimulatedArma.arma21(800, 7, 0.7, 0, 0, 3, 1);

  @Test
  void gridTriesEveryOrderAndMeanAndKeepsTheSmallestScore() {
    OrderSearchConfig config = OrderSearchConfig.builder().maxP(2).maxQ(2)
        .criterion(InformationCriterion.AIC).build();
    OrderSelection selection = OrderSearch.grid(ReferenceCase.load("nile").y(), config);

    assertThat(selection.candidates()).hasSize(3 * 3 * 2);
    OrderSelection.Candidate min = selection.candidates().stream()
        .min(Comparator.comparingDouble(OrderSelection.Candidate::score)).orElseThrow();
    assertThat(selection.order()).isEqualTo(min.order());
    assertThat(selection.mean()).isEqualTo(min.mean());
    assertThat(selection.best().aic()).isEqualTo(min.score(), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(selection.best().standardErrors().ar()).doesNotContain(Double.NaN);
  }

  @Test
  void gridAndStepwiseRecoverTheSimulatedAr1ByBic() {
    OrderSearchConfig config = OrderSearchConfig.builder().maxP(3).maxQ(3)
        .criterion(InformationCriterion.BIC).build();
    OrderSelection grid = OrderSearch.grid(AR1, config);
    OrderSelection stepwise = OrderSearch.stepwise(AR1, config);

    assertThat(grid.order()).isEqualTo(ArimaOrder.of(1, 0, 0));
    assertThat(grid.mean()).isTrue();
    assertThat(stepwise.order()).isEqualTo(grid.order());
    assertThat(stepwise.mean()).isTrue();
    assertThat(stepwise.candidates().size()).isLessThan(grid.candidates().size());
  }

  @Test
  void stepwiseNeverBeatsTheExhaustiveGridAndRespectsTheModelBudget() {
    double[] y = ReferenceCase.load("sunspots").y();
    OrderSearchConfig config = OrderSearchConfig.builder().maxP(3).maxQ(2).build();
    OrderSelection grid = OrderSearch.grid(y, config);
    OrderSelection stepwise = OrderSearch.stepwise(y, config);
    assertThat(stepwise.best().aicc()).isGreaterThanOrEqualTo(grid.best().aicc() - 1e-6);

    OrderSelection limited = OrderSearch.stepwise(y, OrderSearchConfig.builder().maxP(3).maxQ(2).maxModels(5)
        .build());
    assertThat(limited.candidates()).hasSizeLessThanOrEqualTo(5);
  }

  @Test
  void differencedSearchesNeverUseAMean() {
    OrderSearchConfig config = OrderSearchConfig.builder().d(1).maxP(1).maxQ(1).build();
    assertThat(config.mean()).isEqualTo(OrderSearchConfig.Mean.EXCLUDE);
    OrderSelection selection = OrderSearch.stepwise(ReferenceCase.load("wwwusage").y(), config);
    assertThat(selection.order().d()).isEqualTo(1);
    assertThat(selection.candidates()).noneMatch(OrderSelection.Candidate::mean);
    assertThatThrownBy(() -> OrderSearchConfig.builder().d(1).mean(OrderSearchConfig.Mean.INCLUDE).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
