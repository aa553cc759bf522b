package io.emms.benchmarks.dtu;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --key=value} arguments of the DTU scale harness, with defaults. */
final class ScaleOptions {

  private final Map<String, String> values = new HashMap<>();

  ScaleOptions(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --key=value, got " + arg);
      }
      int eq = arg.indexOf('=');
      values.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
  }

  String text(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  int number(String key, int fallback) {
    return Integer.parseInt(text(key, Integer.toString(fallback)));
  }

  Duration seconds(String key, int fallback) {
    return Duration.ofSeconds(number(key, fallback));
  }

  /** The id of DTU number {@code i}, the same in the server and the load generator. */
  static String dtuId(int i) {
    return String.format("DTU-%06d", i);
  }
}
