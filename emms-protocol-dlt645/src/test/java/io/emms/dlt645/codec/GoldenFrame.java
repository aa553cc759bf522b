package io.emms.dlt645.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a golden frame file ({@code src/test/resources/golden/dlt645-<edition>.frames}): a frame as it
 * travels and the structure it decodes to, with where it comes from. Tests and the codec benchmark read the same
 * files.
 *
 * @param name the name other tests look the frame up by
 * @param wire the frame, uppercase hex separated by single spaces
 * @param address the meter address, 12 digits
 * @param control the control byte
 * @param plainData the DATA after removing 33H, hex
 * @param source where the frame comes from
 */
public record GoldenFrame(String name, String wire, String address, int control, String plainData, String source) {

  /** Every frame of {@code golden/<file>}. */
  public static List<GoldenFrame> load(String file) {
    try (InputStream in = GoldenFrame.class.getResourceAsStream("/golden/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden frame file " + file);
      }
      List<GoldenFrame> frames = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] c = line.split("\\|", 6);
          if (c.length != 6) {
            throw new IllegalArgumentException(file + ": not six columns: " + line);
          }
          frames.add(new GoldenFrame(c[0].trim(), c[1].trim(), c[2].trim(), Integer.parseInt(c[3].trim(), 16),
              c[4].trim(), c[5].trim()));
        }
      }
      return frames;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The frame called {@code name} in {@code golden/<file>}. */
  public static GoldenFrame named(String file, String name) {
    return load(file).stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(file + " has no frame " + name));
  }

  /** The 2007 reply of the reference notes: forward active total 1206.42 kWh of meter 000102030425. */
  public static GoldenFrame readReply2007() {
    return named("dlt645-2007.frames", "read-reply-forward-active-total");
  }

  @Override
  public String toString() {
    return name;
  }
}
