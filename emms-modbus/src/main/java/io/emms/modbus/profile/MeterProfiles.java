package io.emms.modbus.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The profiles shipped with EMMS, looked up by name ({@code sdm630}, {@code sdm120}, {@code dtsu666}, ...). */
public final class MeterProfiles {

  private static final List<String> BUILT_IN = List.of("sdm630", "sdm120", "dtsu666", "ddsu666", "adl400");
  private static final Map<String, MeterProfile> CACHE = new ConcurrentHashMap<>();

  private MeterProfiles() {}

  /** The names of the built-in profiles. */
  public static List<String> names() {
    return BUILT_IN;
  }

  /** The built-in profile of that name (case-insensitive), if there is one. */
  public static Optional<MeterProfile> find(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!BUILT_IN.contains(key)) {
      return Optional.empty();
    }
    return Optional.of(CACHE.computeIfAbsent(key, MeterProfiles::load));
  }

  /**
   * The built-in profile of that name.
   *
   * @throws IllegalArgumentException listing the known names when there is none
   */
  public static MeterProfile get(String name) {
    return find(name).orElseThrow(
        () -> new IllegalArgumentException("no meter profile '" + name + "'; known: " + String.join(", ", BUILT_IN)));
  }

  private static MeterProfile load(String name) {
    String resource = name + ".csv";
    try (InputStream in = MeterProfiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("profile resource " + resource + " is missing");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return MeterProfile.parse(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read profile " + resource, e);
    }
  }
}
