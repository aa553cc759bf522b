package io.emms.bus.fleet;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link MeterProtocol}s on the class path, by name. */
public final class MeterProtocols {

  private MeterProtocols() {}

  /** Every protocol found, by name. */
  public static Map<String, MeterProtocol> all() {
    return Loaded.BY_NAME;
  }

  /** The protocol of that name, if one is on the class path. */
  public static Optional<MeterProtocol> find(String name) {
    return Optional.ofNullable(all().get(name));
  }

  /** Loaded once, on first use: the class path does not change. */
  private static final class Loaded {
    static final Map<String, MeterProtocol> BY_NAME = load();

    private static Map<String, MeterProtocol> load() {
      Map<String, MeterProtocol> byName = new TreeMap<>();
      for (MeterProtocol protocol : ServiceLoader.load(MeterProtocol.class, MeterProtocols.class.getClassLoader())) {
        byName.putIfAbsent(protocol.name(), protocol);
      }
      return Collections.unmodifiableMap(byName);
    }
  }

  /** Why {@code name} is not a known protocol: the list of known ones. */
  static String unknown(String name) {
    Map<String, MeterProtocol> all = all();
    return "no meter protocol \"" + name + "\"; known: "
        + (all.isEmpty() ? "none (add emms-protocol-dlt645 or emms-modbus to the class path)" : String.join(", ", all.keySet()));
  }
}
