package io.emms.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.cli.command.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void nanAndBlankLinesOfAOneColumnFileAreMissingValues() {
    CsvTable t = CsvTable.parse("f.csv", List.of("value", "1", "NaN", "", "nan", "5", ""));
    assertThat(t.series(null)).containsExactly(1.0, Double.NaN, Double.NaN, Double.NaN, 5.0);
    assertThat(t.lineNumber(4)).isEqualTo(6);
    assertThat(CsvTable.parse("f.csv", List.of("a,b", "1,2", "", "3,4")).rowCount()).isEqualTo(2);
  }

  @Test
  void rowsMustBeAsWideAsTheHeader() {
    CsvTable t = CsvTable.parse("f.csv", List.of("kw", "1.5", "2,5"));
    assertThatThrownBy(() -> t.series(null)).hasMessage("f.csv line 3: 2 fields, expected 1");
    CsvTable wide = CsvTable.parse("g.csv", List.of("t,kw", "a,1", "b"));
    assertThatThrownBy(() -> wide.text("t")).hasMessage("g.csv line 3: 1 fields, expected 2");
  }

  @Test
  void matrixWithoutTheLabelColumn() {
    CsvTable t = CsvTable.parse("p.csv", List.of("meter,h1,h2", "m1,1,2", "m2,3,"));
    double[][] m = t.matrix("meter");
    assertThat(m).hasDimensions(2, 2);
    assertThat(m[0]).containsExactly(1, 2);
    assertThat(m[1]).containsExactly(3, Double.NaN);
    assertThat(t.text("meter")).containsExactly("m1", "m2");
    assertThatThrownBy(t::matrix).hasMessage("p.csv line 2: \"m1\" is not a number");
  }

  @Test
  void aByteOrderMarkDoesNotHideTheFirstColumnName() {
    CsvTable t = CsvTable.parse("excel.csv", List.of("\uFEFFtime,kw", "2026-01-01T00:00,1.5"));
    assertThat(t.header()).containsExactly("time", "kw");
    assertThat(t.series("kw")).containsExactly(1.5);
    assertThat(t.dialect()).isEmpty();
  }

  @Test
  void aSemicolonHeaderMeansSemicolonSeparatorsAndDecimalCommas() {
    CsvTable t = CsvTable.parse("eu.csv", List.of("\uFEFFtime;kw;v", "2026-01-01T00:00;1,5;230", "2026-01-01T00:15;;231,25"));
    assertThat(t.dialect()).isEqualTo("';' separators, decimal commas");
    assertThat(t.text("time")).containsExactly("2026-01-01T00:00", "2026-01-01T00:15");
    assertThat(t.series("kw")).containsExactly(1.5, Double.NaN);
    assertThat(t.series("v")).containsExactly(230.0, 231.25);
    CsvTable thousands = CsvTable.parse("eu.csv", List.of("kw;v", "1.234,5;230"));
    assertThatThrownBy(() -> thousands.series("kw")).hasMessage("eu.csv line 2: \"1.234,5\" is not a number");
  }

  @Test
  void withoutAHeaderACommaStaysASeparator() {
    CsvTable t = CsvTable.parse("f.csv", List.of("1,5", "2,5"));
    assertThat(t.dialect()).isEmpty();
    assertThat(t.matrix()).isDeepEqualTo(new double[][] {{1, 5}, {2, 5}});
  }

  @Test
  void aBinaryFileIsRefusedInOneLine(@TempDir Path dir) throws IOException {
    Path binary = dir.resolve("meter.bin");
    Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, 0x00, (byte) 0x81, 0x0A});
    assertThatThrownBy(() -> CsvTable.read(binary))
        .isInstanceOf(BadInputException.class)
        .hasMessage("cannot read " + binary + ": not a text file in UTF-8 (a binary file or another encoding;"
            + " save it as CSV UTF-8)");
  }
}
