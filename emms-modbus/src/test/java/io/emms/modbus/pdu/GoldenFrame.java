package io.emms.modbus.pdu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code golden/modbus-frames.vectors}: a whole ADU as it travels, with where it comes from.
 *
 * @param name the name tests look the frame up by
 * @param framing RTU or MBAP
 * @param direction REQUEST or RESPONSE
 * @param wire the frame, uppercase hex separated by single spaces
 * @param source where the frame comes from
 */
public record GoldenFrame(String name, String framing, Direction direction, String wire, String source) {

  private static final String FILE = "modbus-frames.vectors";

  /** Every frame of {@code golden/<file>}. */
  public static List<GoldenFrame> load(String file) {
    try (InputStream in = GoldenFrame.class.getResourceAsStream("/golden/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden frame file " + file);
      }
      List<GoldenFrame> frames = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] c = line.split("\\|", 5);
          if (c.length != 5) {
            throw new IllegalArgumentException(file + ": not five columns: " + line);
          }
          frames.add(new GoldenFrame(
              c[0].trim(), c[1].trim(), Direction.valueOf(c[2].trim()), c[3].trim(), c[4].trim()));
        }
      }
      return frames;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The frame called {@code name} in {@code golden/modbus-frames.vectors}. */
  public static GoldenFrame named(String name) {
    return load(FILE).stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(FILE + " has no frame " + name));
  }

  @Override
  public String toString() {
    return name;
  }
}
