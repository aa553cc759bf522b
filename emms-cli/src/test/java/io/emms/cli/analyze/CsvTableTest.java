package io.emms.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.cli.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  @Test
  void oneValuePerLineWithGaps() {
    CsvTable t = CsvTable.parse("f.csv", List.of("1.5", "", "3"));
    assertThat(t.hasHeader()).isFalse();
    assertThat(t.series(null)).containsExactly(1.5, Double.NaN, 3.0);
  }

  @Test
  void headerAndNamedColumn() {
    CsvTable t = CsvTable.parse("f.csv", List.of("time,kw,v", "2026-01-01T00:00,1,220", "2026-01-01T00:15,,221"));
    assertThat(t.header()).containsExactly("time", "kw", "v");
    assertThat(t.series("kw")).containsExactly(1.0, Double.NaN);
    assertThat(t.text("time")).containsExactly("2026-01-01T00:00", "2026-01-01T00:15");
    assertThatThrownBy(() -> t.series(null)).isInstanceOf(BadInputException.class).hasMessageContaining("--column");
    assertThatThrownBy(() -> t.series("kvar")).hasMessageContaining("no column \"kvar\"");
  }

  @Test
  void badNumberNamesTheLine() {
    CsvTable t = CsvTable.parse("f.csv", List.of("kw", "1", "2", "x1"));
    assertThatThrownBy(() -> t.series("kw")).isInstanceOf(BadInputException.class).hasMessage("f.csv line 4: \"x1\" is not a number");
  }

  @Test
  void matrixNeedsEqualWidths() {
    CsvTable t = CsvTable.parse("p.csv", List.of("1,2,3", "4,5,6", "7,8"));
    assertThatThrownBy(t::matrix).hasMessage("p.csv line 3: 2 fields, expected 3");
    assertThat(CsvTable.parse("p.csv", List.of("1,2", "3,4")).matrix()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
  }
}
