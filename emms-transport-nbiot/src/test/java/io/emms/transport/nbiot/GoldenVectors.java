package io.emms.transport.nbiot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The golden messages of src/test/resources/nbiot/golden-v1.txt, by name. */
final class GoldenVectors {

  private static final Map<String, byte[]> VECTORS = load();

  private GoldenVectors() {}

  static byte[] get(String name) {
    byte[] bytes = VECTORS.get(name);
    if (bytes == null) {
      throw new IllegalArgumentException("no golden vector " + name);
    }
    return bytes.clone();
  }

  static Map<String, byte[]> startingWith(String prefix) {
    Map<String, byte[]> found = new LinkedHashMap<>();
    VECTORS.forEach((name, bytes) -> {
      if (name.startsWith(prefix)) {
        found.put(name, bytes.clone());
      }
    });
    return found;
  }

  private static Map<String, byte[]> load() {
    try (InputStream in = GoldenVectors.class.getResourceAsStream("/nbiot/golden-v1.txt")) {
      Map<String, byte[]> vectors = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("=", 2);
        vectors.put(parts[0].strip(), HexFormat.of().parseHex(parts[1].replace(" ", "").strip()));
      }
      return vectors;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
