package io.emms.modbus.pdu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a golden vector file: {@code direction | hex | expected structure | source}. Lines starting with
 * {@code #} and blank lines are comments; the last column (the source) may contain {@code |}. The files live in {@code src/test/resources/golden}, one per protocol and
 * edition, and are read by the tests and the benchmarks alike.
 *
 * @param direction REQUEST or RESPONSE
 * @param hex the bytes, uppercase hex separated by single spaces
 * @param expected the decoded structure as {@link PduText#describe} renders it
 * @param source where the bytes come from (specification section and example)
 */
public record GoldenVector(Direction direction, String hex, String expected, String source) {

  /** The vectors of {@code golden/<name>} on the class path. */
  public static List<GoldenVector> load(String name) {
    try (InputStream in = GoldenVector.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden vector file " + name);
      }
      List<GoldenVector> vectors = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\\|", 4);
          if (f.length != 4) {
            throw new IllegalArgumentException(name + ": not four columns: " + line);
          }
          vectors.add(new GoldenVector(Direction.valueOf(f[0].trim()), f[1].trim(), f[2].trim(), f[3].trim()));
        }
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return direction + " " + hex;
  }
}
