package io.emms.analytics.theft.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.analytics.theft.FdiAttack;
import io.emms.analytics.theft.TheftPatternConfig;
import io.emms.analytics.theft.TheftPatternDetector;
import org.junit.jupiter.api.Test;

class TheftBenchmarkTest {

  @Test
  void standardBenchmarkMeetsTheAucTarget() {
    TheftBenchmark.Result result = TheftBenchmark.STANDARD.run(new TheftPatternDetector(TheftPatternConfig.DEFAULT));
    System.out.println(result.markdown());

    assertThat(result.rows()).extracting(TheftBenchmark.AttackRow::attack).containsExactly(FdiAttack.values());
    assertThat(result.auc()).isGreaterThanOrEqualTo(0.90);
    assertThat(result.rows()).allSatisfy(row -> assertThat(row.auc()).as(row.attack().name()).isGreaterThan(0.90));
    // The figures docs/analytics-theft.md quotes: the benchmark is seeded, so they are exact.
    assertThat(result.auc()).isCloseTo(0.978, org.assertj.core.data.Offset.offset(0.0005));
    assertThat(result.recall()).isCloseTo(0.933, org.assertj.core.data.Offset.offset(0.0005));
    assertThat(result.precision()).isCloseTo(0.892, org.assertj.core.data.Offset.offset(0.0005));
  }
}
