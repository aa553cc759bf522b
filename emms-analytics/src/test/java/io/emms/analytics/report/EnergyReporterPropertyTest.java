package io.emms.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class EnergyReporterPropertyTest {

  /** Tariff energies add up to the total, and the totals of all days add up to the energy of all intervals. */
  @Property(tries = 100, seed = "645")
  void tariffsAndDaysAddUp(@ForAll @Size(min = 1, max = 400) List<@DoubleRange(min = -1, max = 5) Double> raw) {
    double[] kwh = new double[raw.size()];
    long[] t = new long[raw.size()];
    double expected = 0;
    for (int i = 0; i < kwh.length; i++) {
      kwh[i] = raw.get(i) < 0 ? Double.NaN : raw.get(i);
      t[i] = 1_767_225_600_000L + i * 900_000L;
      expected += Double.isNaN(kwh[i]) ? 0 : kwh[i];
    }
    EnergyReporter r = new EnergyReporter(TouSchedule.peakFlatValley(), ZoneId.of("Asia/Shanghai"),
        DemandWindow.sliding(Duration.ofMinutes(30)));
    List<PeriodEnergy> days = r.daily(t, kwh, Duration.ofMinutes(15));
    double sum = 0;
    for (PeriodEnergy d : days) {
      double tariffs = d.byTariff().values().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(tariffs).isCloseTo(d.total(), within(1e-9));
      assertThat(d.maxDemand().kw()).satisfiesAnyOf(kw -> assertThat(kw).isNaN(),
          kw -> assertThat(kw).isBetween(0.0, 20.0)); // at most 2 × 5 kWh in 0.5 h
      sum += d.total();
    }
    assertThat(sum).isCloseTo(expected, within(1e-9));
  }
}
