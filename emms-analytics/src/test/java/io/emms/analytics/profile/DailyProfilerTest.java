package io.emms.analytics.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DailyProfilerTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant DAY = Instant.parse("2024-05-06T00:00:00Z");

  @Test
  void anOrdinaryDayIsItsIntervalsInOrder() {
    DailyProfiles p = profiler(ZoneOffset.UTC).profiles(times(DAY, 96), values(96, i -> i));
    assertThat(p.dates()).containsExactly(LocalDate.of(2024, 5, 6));
    assertThat(p.profile(0)).containsExactly(values(96, i -> i));
    assertThat(p.estimated()).containsExactly(0);
    assertThat(p.dropped()).isEmpty();
  }

  @Test
  void endLabelledTimestampsBelongToTheIntervalBefore() {
    Instant[] ends = times(DAY.plus(Duration.ofMinutes(15)), 96);
    DailyProfiles p = new DailyProfiler(ProfileConfig.builder(ZoneOffset.UTC).label(IntervalLabel.END).build())
        .profiles(ends, values(96, i -> i));
    assertThat(p.dates()).containsExactly(LocalDate.of(2024, 5, 6));
    assertThat(p.profile(0)).containsExactly(values(96, i -> i));
  }

  @Test
  void shortGapsAreInterpolatedLinearly() {
    double[] v = values(96, i -> (double) i * i);
    v[10] = v[11] = v[12] = Double.NaN;
    DailyProfiles p = profiler(ZoneOffset.UTC).profiles(times(DAY, 96), v);
    // Between 9² = 81 and 13² = 169 in four steps of 22.
    assertThat(Arrays.copyOfRange(p.profile(0), 9, 14)).containsExactly(81, 103, 125, 147, 169);
    assertThat(p.estimated()).containsExactly(3);
  }

  @Test
  void leadingGapsTakeTheNearestValue() {
    double[] v = values(96, i -> i);
    v[0] = v[1] = Double.NaN;
    assertThat(profiler(ZoneOffset.UTC).profiles(times(DAY, 96), v).profile(0)).startsWith(2, 2, 2, 3);
  }

  @Test
  void daysWithLongGapsOrTooMuchMissingAreDroppedAndReported() {
    double[] v = values(3 * 96, i -> 1);
    for (int i = 96 + 20; i < 96 + 29; i++) {
      v[i] = Double.NaN; // nine in a row on day 2: longer than the 8 allowed
    }
    for (int gap = 0; gap < 3; gap++) {
      for (int i = 0; i < 6; i++) {
        v[2 * 96 + 10 + 30 * gap + i] = Double.NaN; // 18 short gaps' worth on day 3: more than 16
      }
    }
    DailyProfiles p = profiler(ZoneOffset.UTC).profiles(times(DAY, 3 * 96), v);
    assertThat(p.dates()).containsExactly(LocalDate.of(2024, 5, 6));
    assertThat(p.dropped()).containsExactly(
        new DroppedDay(LocalDate.of(2024, 5, 7), 9, 96, DroppedDay.Reason.GAP_TOO_LONG),
        new DroppedDay(LocalDate.of(2024, 5, 8), 18, 96, DroppedDay.Reason.TOO_MANY_MISSING));
  }

  @Test
  void aDayCutShortByTheEndOfTheDataIsDropped() {
    DailyProfiles p = profiler(ZoneOffset.UTC).profiles(times(DAY, 96 + 48), values(96 + 48, i -> 1));
    assertThat(p.size()).isEqualTo(1);
    assertThat(p.dropped()).containsExactly(
        new DroppedDay(LocalDate.of(2024, 5, 7), 48, 96, DroppedDay.Reason.TOO_MANY_MISSING));
  }

  @Test
  void springForwardDayOf92IntervalsKeepsClockTimeColumns() {
    // 2024-03-31 in Berlin: 00:00 is 23:00Z; 02:00–03:00 local does not exist, so the day has 92 quarter-hours.
    Instant start = Instant.parse("2024-03-30T23:00:00Z");
    Instant[] t = times(start, 92);
    // Each interval holds its local clock column (03:00 local is column 12); the skipped 02:xx columns 8..11 get
    // interpolated between 01:45 (7) and 03:00 (12), giving back exactly 0..95.
    double[] v = new double[92];
    for (int i = 0; i < 92; i++) {
      v[i] = i < 8 ? i : i + 4;
    }
    DailyProfiles p = profiler(BERLIN).profiles(t, v);
    assertThat(p.dates()).containsExactly(LocalDate.of(2024, 3, 31));
    assertThat(p.profile(0)).containsExactly(values(96, i -> i));
  }

  @Test
  void fallBackDayOf100IntervalsAveragesTheRepeatedHour() {
    // 2024-10-27 in Berlin: 00:00 is 22:00Z; 02:00–03:00 local happens twice (first at +02:00, then at +01:00).
    Instant start = Instant.parse("2024-10-26T22:00:00Z");
    double[] v = new double[100];
    for (int i = 0; i < 100; i++) {
      v[i] = i < 8 ? i : i < 12 ? 100 + i : i < 16 ? 200 + (i - 4) : i - 4;
    }
    DailyProfiles p = profiler(BERLIN).profiles(times(start, 100), v);
    double[] expected = values(96, i -> i >= 8 && i < 12 ? 150 + i : i);
    assertThat(p.dates()).containsExactly(LocalDate.of(2024, 10, 27));
    assertThat(p.profile(0)).containsExactly(expected);
  }

  @Test
  void unsortedInputAndDuplicatesWhereAMissingValueNeverReplacesAPresentOne() {
    Instant[] t = times(DAY, 96);
    double[] v = values(96, i -> i);
    List<Instant> ts = new ArrayList<>(Arrays.asList(t));
    List<Double> vs = new ArrayList<>(Arrays.stream(v).boxed().toList());
    java.util.Collections.reverse(ts);
    java.util.Collections.reverse(vs);
    ts.add(t[5]);
    vs.add(Double.NaN);
    ts.add(t[6]);
    vs.add(60.0);
    DailyProfiles p = profiler(ZoneOffset.UTC).profiles(ts.toArray(Instant[]::new),
        vs.stream().mapToDouble(Double::doubleValue).toArray());
    assertThat(p.profile(0)[5]).isEqualTo(5);
    assertThat(p.profile(0)[6]).isEqualTo(60);
  }

  @Test
  void readingsWithoutValueCountAsMissing() {
    Quantity q = new Quantity(Measurand.values()[0], Phase.values()[0], 0);
    List<Reading> readings = new ArrayList<>();
    Instant[] t = times(DAY, 96);
    for (int i = 0; i < 96; i++) {
      readings.add(i == 40
          ? Reading.missing("m1", q, t[i], Quality.TIMEOUT)
          : Reading.valid("m1", q, BigDecimal.valueOf(2 * i), t[i]));
    }
    DailyProfiles p = profiler(ZoneOffset.UTC).profiles(readings);
    assertThat(p.profile(0)[40]).isEqualTo(80);
    assertThat(p.estimated()).containsExactly(1);
  }

  @Test
  void profilesAreNormalisedPerDay() {
    double[] v = values(2 * 96, i -> i < 96 ? 1 : 3 + (i % 2));
    ProfileConfig.Builder b = ProfileConfig.builder(ZoneOffset.UTC);
    DailyProfiles sum = new DailyProfiler(b.normalisation(Normalisation.SUM).build()).profiles(times(DAY, 192), v);
    assertThat(sum.profile(0)).containsOnly(1.0 / 96);
    assertThat(Arrays.stream(sum.profile(1)).sum()).isCloseTo(1.0, within(1e-12));
    DailyProfiles max = new DailyProfiler(b.normalisation(Normalisation.MAX).build()).profiles(times(DAY, 192), v);
    assertThat(max.profile(1)).startsWith(0.75, 1.0);
    DailyProfiles z = new DailyProfiler(b.normalisation(Normalisation.Z_SCORE).build()).profiles(times(DAY, 192), v);
    assertThat(z.profile(0)).containsOnly(0.0); // no spread
    assertThat(z.profile(1)).startsWith(-1.0, 1.0); // mean 3.5, standard deviation 0.5
  }

  @Test
  void normalisationOfRowsWorkedByHand() {
    double[] rows = {1, 3, 0, 0, 2, -2};
    assertThat(Normalisation.SUM.apply(rows, 2)).containsExactly(0.25, 0.75, 0, 0, 0, 0);
    assertThat(Normalisation.MAX.apply(rows, 2)).containsExactly(1.0 / 3, 1, 0, 0, 1, -1);
    assertThat(Normalisation.Z_SCORE.apply(rows, 2)).containsExactly(-1, 1, 0, 0, 1, -1);
    assertThat(Normalisation.NONE.apply(rows, 2)).containsExactly(rows);
    assertThatThrownBy(() -> Normalisation.SUM.apply(rows, 4)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hourlyIntervalsGive24Columns() {
    ProfileConfig c = ProfileConfig.builder(ZoneOffset.UTC).intervalMinutes(60).build();
    Instant[] t = IntStream.range(0, 24).mapToObj(h -> DAY.plus(Duration.ofHours(h))).toArray(Instant[]::new);
    assertThat(new DailyProfiler(c).profiles(t, values(24, i -> i)).profile(0)).hasSize(24);
    assertThatThrownBy(() -> ProfileConfig.builder(ZoneOffset.UTC).intervalMinutes(7).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200, seed = "645")
  void anyPatternOfMissingValuesGivesFiniteRowsOrReportedDrops(
      @ForAll @IntRange(min = 1, max = 5) int days, @ForAll long seed, @ForAll @IntRange(max = 60) int percent) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    Instant start = Instant.parse("2024-10-25T22:00:00Z"); // spans Berlin's fall-back day
    int n = days * 96;
    double[] v = values(n, i -> r.nextInt(100) < percent ? Double.NaN : r.nextDouble());
    DailyProfiles p = profiler(BERLIN).profiles(times(start, n), v);
    assertThat(Arrays.stream(p.values()).allMatch(Double::isFinite)).isTrue();
    assertThat(p.values()).hasSize(p.size() * 96);
    assertThat(p.size() + p.dropped().size()).isBetween(days, days + 1);
  }

  private static DailyProfiler profiler(ZoneId zone) {
    return new DailyProfiler(ProfileConfig.of(zone));
  }

  private static Instant[] times(Instant start, int count) {
    return IntStream.range(0, count).mapToObj(i -> start.plus(Duration.ofMinutes(15L * i))).toArray(Instant[]::new);
  }

  private static double[] values(int count, IntToDoubleFunction f) {
    return IntStream.range(0, count).mapToDouble(f).toArray();
  }
}
