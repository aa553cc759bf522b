package io.emms.modbus.client;

import static io.emms.modbus.client.RegisterTable.COILS;
import static io.emms.modbus.client.RegisterTable.HOLDING_REGISTERS;
import static io.emms.modbus.client.RegisterTable.INPUT_REGISTERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReadOptimizerTest {

  private static RegisterRange r(RegisterTable t, int address, int count) {
    return new RegisterRange(t, address, count);
  }

  @Test
  void mergesAdjacentRangesOfOneTableOnly() {
    List<RegisterRange> plan = ReadOptimizer.ADJACENT.plan(List.of(
        r(INPUT_REGISTERS, 2, 2), r(INPUT_REGISTERS, 0, 2), r(HOLDING_REGISTERS, 4, 2), r(INPUT_REGISTERS, 4, 2)));
    assertThat(plan).containsExactly(r(HOLDING_REGISTERS, 4, 2), r(INPUT_REGISTERS, 0, 6));
  }

  @Test
  void bridgesGapsUpToMaxGap() {
    List<RegisterRange> wanted = List.of(r(INPUT_REGISTERS, 0, 2), r(INPUT_REGISTERS, 5, 2), r(INPUT_REGISTERS, 20, 2));
    assertThat(ReadOptimizer.withMaxGap(3).plan(wanted))
        .containsExactly(r(INPUT_REGISTERS, 0, 7), r(INPUT_REGISTERS, 20, 2));
    assertThat(ReadOptimizer.withMaxGap(2).plan(wanted))
        .containsExactly(r(INPUT_REGISTERS, 0, 2), r(INPUT_REGISTERS, 5, 2), r(INPUT_REGISTERS, 20, 2));
  }

  @Test
  void neverExceedsTheReadLimit() {
    List<RegisterRange> wanted = new ArrayList<>();
    for (int a = 0; a < 200; a += 2) {
      wanted.add(r(HOLDING_REGISTERS, a, 2));
    }
    assertThat(ReadOptimizer.ADJACENT.plan(wanted))
        .containsExactly(r(HOLDING_REGISTERS, 0, 124), r(HOLDING_REGISTERS, 124, 76));
    assertThat(new ReadOptimizer(0, 80, 2000).plan(wanted))
        .containsExactly(r(HOLDING_REGISTERS, 0, 80), r(HOLDING_REGISTERS, 80, 80), r(HOLDING_REGISTERS, 160, 40));
  }

  @Test
  void splitsARangeLongerThanTheLimit() {
    assertThat(ReadOptimizer.ADJACENT.plan(List.of(r(COILS, 0, 4500))))
        .containsExactly(r(COILS, 0, 2000), r(COILS, 2000, 2000), r(COILS, 4000, 500));
  }

  @Test
  void overlappingRangesAreReadOnce() {
    assertThat(ReadOptimizer.ADJACENT.plan(List.of(r(INPUT_REGISTERS, 0, 10), r(INPUT_REGISTERS, 4, 2))))
        .containsExactly(r(INPUT_REGISTERS, 0, 10));
  }

  @Test
  void rejectsLimitsBeyondTheProtocol() {
    assertThatThrownBy(() -> new ReadOptimizer(0, 126, 2000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadOptimizer(0, 125, 2001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadOptimizer(-1, 125, 2000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(seed = "645")
  void everyWantedRangeIsCoveredByOneBlockWithinLimits(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 3000) Integer> starts,
      @ForAll @IntRange(min = 0, max = 20) int maxGap,
      @ForAll @IntRange(min = 4, max = 125) int maxRegisters) {
    ReadOptimizer optimizer = new ReadOptimizer(maxGap, maxRegisters, 2000);
    List<RegisterRange> wanted = starts.stream().map(a -> r(INPUT_REGISTERS, a, 1 + a % 4)).toList();
    List<RegisterRange> plan = optimizer.plan(wanted);
    assertThat(plan).allSatisfy(b -> assertThat(b.count()).isLessThanOrEqualTo(maxRegisters));
    for (RegisterRange w : wanted) {
      assertThat(plan).filteredOn(b -> b.contains(w)).isNotEmpty();
    }
    assertThat(plan.size()).isLessThanOrEqualTo(wanted.size());
  }
}
