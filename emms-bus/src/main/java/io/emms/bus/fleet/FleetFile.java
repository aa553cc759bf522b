package io.emms.bus.fleet;

import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.LinkProviders;
import io.emms.core.link.LinkUriException;
import io.emms.core.reading.Quantity;
import io.emms.core.time.DurationText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a fleet file (YAML; the format is described in docs/fleet.md):
 *
 * <pre>{@code
 * interval: 1m                      # default poll interval of every meter
 * lines:
 *   - id: rs485
 *     link: serial:/dev/ttyUSB0?baud=9600&parity=none
 *     gap: 20ms
 *     meters:
 *       - id: revenue
 *         protocol: dlt645-2007
 *         address: 000102030425
 *         quantities: [ACTIVE_ENERGY_IMPORT, VOLTAGE.A]
 *       - id: pump
 *         protocol: modbus
 *         unit: 17
 *         profile: sdm630
 *         interval: 10s
 * }</pre>
 *
 * <p>Every value is read as the text written (so {@code 000102030425} keeps its zeros without quotes). Every
 * problem is reported at once, each with its line and field, in a {@link FleetFileException}.
 */
public final class FleetFile {

  /** Poll interval of meters when the file names none. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  /** Response timeout of lines when the file names none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
  /** Retries of timed-out reads when the file names none. */
  public static final int DEFAULT_RETRIES = 2;
  /** Queue bound of lines when the file names none. */
  public static final int DEFAULT_QUEUE_SIZE = 1024;
  /** Transactions in flight on pipelined lines when the file names none. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 16;

  private static final Map<String, Scheduling> SCHEDULINGS = Map.of(
      Scheduling.HALF_DUPLEX.label(), Scheduling.HALF_DUPLEX, Scheduling.PIPELINED.label(), Scheduling.PIPELINED);

  private final String source;
  private final List<FleetProblem> problems = new ArrayList<>();

  private FleetFile(String source) {
    this.source = source;
  }

  /**
   * Reads the fleet in {@code file}.
   *
   * @throws FleetFileException with every problem of the file
   * @throws IOException if the file cannot be read
   */
  public static Fleet read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
  }

  /**
   * Reads a fleet from YAML text.
   *
   * @param source the file name, for problem reports
   * @throws FleetFileException with every problem of the text
   */
  public static Fleet parse(String yaml, String source) {
    FleetFile file = new FleetFile(source);
    Fleet fleet = file.fleet(yaml);
    if (!file.problems.isEmpty()) {
      file.problems.sort(Comparator.comparingInt(FleetProblem::line));
      throw new FleetFileException(file.problems);
    }
    return fleet;
  }

  private Fleet fleet(String yaml) {
    Optional<Node> root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(source).build()).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      problem(e.getProblemMark().map(m -> m.getLine() + 1).orElse(1), "yaml", e.getProblem());
      return null;
    } catch (YamlEngineException e) {
      problem(1, "yaml", e.getMessage());
      return null;
    }
    if (root.isEmpty()) {
      problem(1, "lines", "the file is empty; it needs a list of lines");
      return null;
    }
    Section top = section(root.get(), "");
    if (top == null) {
      return null;
    }
    Duration interval = top.duration("interval", DEFAULT_INTERVAL, false);
    List<Node> lineNodes = top.list("lines", true);
    top.finish();
    List<FleetLine> lines = new ArrayList<>();
    Set<String> lineIds = new LinkedHashSet<>();
    Map<String, Integer> meterIds = new HashMap<>();
    for (int i = 0; i < lineNodes.size(); i++) {
      FleetLine line = line(lineNodes.get(i), "lines[" + i + "]", interval, lineIds, meterIds);
      if (line != null) {
        lines.add(line);
      }
    }
    return problems.isEmpty() ? new Fleet(lines) : null;
  }

  private FleetLine line(Node node, String path, Duration interval, Set<String> lineIds, Map<String, Integer> meterIds) {
    Section s = section(node, path);
    if (s == null) {
      return null;
    }
    int before = problems.size();
    String id = s.text("id", null, true);
    if (id != null && !lineIds.add(id)) {
      s.problem("id", "another line is called " + id);
    }
    String link = s.text("link", null, true);
    ConfiguredLink configured = link == null ? null : createLink(s, link);
    Optional<Scheduling> scheduling = s.scalar("scheduler").map(v -> choose(s, "scheduler", v, SCHEDULINGS));
    Optional<Integer> maxInFlight = s.scalar("max-in-flight").map(v -> s.integer("max-in-flight", 1, 1, 0x8000));
    Duration gap = s.duration("gap", Duration.ZERO, true);
    Duration timeout = s.duration("timeout", DEFAULT_TIMEOUT, false);
    int retries = s.integer("retries", DEFAULT_RETRIES, 0, 10);
    int queueSize = s.integer("queue-size", DEFAULT_QUEUE_SIZE, 1, 1_000_000);
    List<Node> meterNodes = s.list("meters", true);
    s.finish();
    if (meterNodes.isEmpty() && s.isEmptyList("meters")) {
      s.problem("meters", "a line needs at least one meter");
    }
    List<MeterEndpoint> meters = new ArrayList<>();
    for (int j = 0; j < meterNodes.size(); j++) {
      MeterEndpoint meter = meter(meterNodes.get(j), path + ".meters[" + j + "]", interval, meterIds);
      if (meter != null) {
        meters.add(meter);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    boolean canPipeline = meters.stream().allMatch(m -> m.meterProtocol().pipelines(configured));
    Scheduling chosen = scheduling.orElse(canPipeline ? Scheduling.PIPELINED : Scheduling.HALF_DUPLEX);
    if (chosen == Scheduling.PIPELINED && !canPipeline) {
      s.problem("scheduler", "pipelined needs every meter's protocol to carry transaction ids on " + link
          + " (Modbus with mbap framing); use half-duplex");
      return null;
    }
    if (chosen == Scheduling.HALF_DUPLEX && maxInFlight.filter(n -> n != 1).isPresent()) {
      s.problem("max-in-flight", "a half-duplex line has one transaction in flight; max-in-flight is for pipelined lines");
      return null;
    }
    int inFlight = chosen == Scheduling.PIPELINED ? maxInFlight.orElse(DEFAULT_MAX_IN_FLIGHT) : 1;
    return new FleetLine(id, link, chosen, inFlight, gap, timeout, retries, queueSize, meters);
  }

  private static ConfiguredLink createLink(Section s, String link) {
    try {
      return LinkProviders.create(link);
    } catch (LinkUriException e) {
      s.problem("link", e.getMessage() + " (" + e.part().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
      return null;
    }
  }

  private MeterEndpoint meter(Node node, String path, Duration defaultInterval, Map<String, Integer> meterIds) {
    Section s = section(node, path);
    if (s == null) {
      return null;
    }
    int before = problems.size();
    String id = s.text("id", null, true);
    if (id != null && meterIds.putIfAbsent(id, s.line("id")) != null) {
      s.problem("id", "another meter is called " + id + " (line " + meterIds.get(id) + ")");
    }
    String protocol = s.text("protocol", null, true);
    String address = s.text("address", null, false);
    String unit = s.text("unit", null, false);
    if (address != null && unit != null) {
      s.problem("unit", "give address or unit, not both");
    } else if (address == null && unit == null) {
      s.problem("address", "is missing (address for DL/T 645, unit for Modbus)");
    }
    String addressKey = unit != null ? "unit" : "address";
    Optional<String> profile = Optional.ofNullable(s.text("profile", null, false));
    List<Quantity> quantities = new ArrayList<>();
    for (Node q : s.list("quantities", false)) {
      if (q instanceof ScalarNode scalar) {
        try {
          quantities.add(Quantity.parse(scalar.getValue()));
        } catch (IllegalArgumentException e) {
          problem(lineOf(q), path + ".quantities", e.getMessage());
        }
      } else {
        problem(lineOf(q), path + ".quantities", "each quantity is one name, such as VOLTAGE.A");
      }
    }
    Duration interval = s.duration("interval", defaultInterval, false);
    s.finish();
    String addressValue = unit != null ? unit : address;
    if (id == null || protocol == null || addressValue == null || (address != null && unit != null)) {
      return null;
    }
    for (MeterEndpoint.Problem p : MeterEndpoint.problems(id, protocol, addressValue, profile, quantities, interval)) {
      s.problem(p.field().equals("address") ? addressKey : p.field(), p.message());
    }
    return problems.size() > before ? null : new MeterEndpoint(id, protocol, addressValue, profile, quantities, interval);
  }

  private <T> T choose(Section s, String key, String value, Map<String, T> choices) {
    T chosen = choices.get(value);
    if (chosen == null) {
      s.problem(key, "must be one of " + String.join(", ", choices.keySet()) + ", not \"" + value + "\"");
    }
    return chosen;
  }

  private Section section(Node node, String path) {
    if (node instanceof MappingNode mapping) {
      return new Section(mapping, path);
    }
    problem(lineOf(node), path.isEmpty() ? "lines" : path, "must be a mapping of keys to values");
    return null;
  }

  private void problem(int line, String field, String message) {
    problems.add(new FleetProblem(source, line, field, message));
  }

  private static int lineOf(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  /** One mapping of the file: reads its keys, each once, and reports the keys nobody asked for. */
  private final class Section {
    private final MappingNode node;
    private final String path;
    private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    Section(MappingNode node, String path) {
      this.node = node;
      this.path = path;
      for (NodeTuple tuple : node.getValue()) {
        String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
        if (key == null) {
          FleetFile.this.problem(lineOf(tuple.getKeyNode()), path, "keys must be plain names");
        } else if (byKey.putIfAbsent(key, tuple) != null) {
          FleetFile.this.problem(lineOf(tuple.getKeyNode()), field(key), "is given twice (first on line " + line(key) + ")");
        }
      }
    }

    String field(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
      return byKey.containsKey(key);
    }

    boolean isEmptyList(String key) {
      return byKey.get(key) != null && byKey.get(key).getValueNode() instanceof SequenceNode seq && seq.getValue().isEmpty();
    }

    int line(String key) {
      NodeTuple tuple = byKey.get(key);
      return tuple == null ? lineOf(node) : lineOf(tuple.getValueNode());
    }

    void problem(String key, String message) {
      FleetFile.this.problem(line(key), field(key), message);
    }

    /** The text of a single value, if the key is there. */
    Optional<String> scalar(String key) {
      known.add(key);
      NodeTuple tuple = byKey.get(key);
      if (tuple == null) {
        return Optional.empty();
      }
      if (tuple.getValueNode() instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
        return Optional.of(scalar.getValue().strip());
      }
      problem(key, "must be a single value");
      return Optional.empty();
    }

    String text(String key, String defaultValue, boolean required) {
      Optional<String> value = scalar(key);
      if (value.isEmpty() && required && !has(key)) {
        problem(key, "is missing");
      }
      return value.orElse(defaultValue);
    }

    Duration duration(String key, Duration defaultValue, boolean zeroAllowed) {
      return parsed(key, defaultValue, text -> {
        Duration d = DurationText.parse(text);
        if (d.isZero() && !zeroAllowed) {
          throw new IllegalArgumentException("must be positive, not " + text);
        }
        return d;
      });
    }

    int integer(String key, int defaultValue, int min, int max) {
      return parsed(key, defaultValue, text -> {
        int n;
        try {
          n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          n = Integer.MIN_VALUE;
        }
        if (n < min || n > max) {
          throw new IllegalArgumentException("must be a whole number from " + min + " to " + max + ", not \"" + text + "\"");
        }
        return n;
      });
    }

    private <T> T parsed(String key, T defaultValue, Function<String, T> parser) {
      Optional<String> text = scalar(key);
      if (text.isEmpty()) {
        return defaultValue;
      }
      try {
        return parser.apply(text.get());
      } catch (IllegalArgumentException e) {
        problem(key, e.getMessage());
        return defaultValue;
      }
    }

    List<Node> list(String key, boolean required) {
      known.add(key);
      NodeTuple tuple = byKey.get(key);
      if (tuple == null) {
        if (required) {
          problem(key, "is missing");
        }
        return List.of();
      }
      if (tuple.getValueNode() instanceof SequenceNode sequence) {
        return sequence.getValue();
      }
      problem(key, "must be a list");
      return List.of();
    }

    void finish() {
      for (Map.Entry<String, NodeTuple> entry : byKey.entrySet()) {
        if (!known.contains(entry.getKey())) {
          FleetFile.this.problem(lineOf(entry.getValue().getKeyNode()), field(entry.getKey()),
              "unknown key; " + (path.isEmpty() ? "the file" : path.replaceAll("\\[\\d+]", "")) + " takes "
                  + String.join(", ", known));
        }
      }
    }
  }
}
