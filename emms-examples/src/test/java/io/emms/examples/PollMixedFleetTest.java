package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollMixedFleetTest {

  @Test
  void readsEveryQuantityOfEveryMeterOnTheMixedLine() {
    PollMixedFleet.Result result = PollMixedFleet.run();

    assertThat(result.readings()).hasSize(5).allSatisfy(r -> assertThat(r).endsWith("(VALID)"));
    assertThat(result.readings()).anySatisfy(r -> assertThat(r).startsWith("chiller FREQUENCY = ").contains(" Hz "));
    assertThat(result.summary().allRead()).isTrue();
    assertThat(result.summary().lines()).singleElement()
        .satisfies(line -> assertThat(line.counters().requests()).isGreaterThanOrEqualTo(4));
  }
}
