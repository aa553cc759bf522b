package io.emms.cli.analyze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.analytics.cluster.ClusterScores;
import io.emms.analytics.cluster.KCriterion;
import io.emms.analytics.cluster.KMeans;
import io.emms.analytics.cluster.KMeansConfig;
import io.emms.analytics.cluster.KMeansResult;
import io.emms.analytics.cluster.KScore;
import io.emms.analytics.cluster.KSelection;
import io.emms.analytics.cluster.KSelectionConfig;
import io.emms.analytics.cluster.KSelectionResult;
import io.emms.cli.command.BadInputException;
import io.emms.cli.output.JsonOutput;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms analyze kmeans}: k-means++ clustering of load profiles, one profile per CSV row. */
@Command(
    name = "kmeans",
    mixinStandardHelpOptions = true,
    description = {
        "Clusters load profiles (one profile per row, e.g. 96 quarter-hour values of one day) with exact k-means "
            + "and k-means++ seeding; results are reproducible for a given --seed.",
        "With --k auto every k in --k-range is tried and scored (silhouette, Davies–Bouldin, Calinski–Harabasz); "
            + "--criterion chooses."})
public final class KMeansCommand implements Callable<Integer> {

  private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*\\.\\.\\s*(\\d+)");
  private static final int EXACT_SILHOUETTE_MAX_POINTS = 2000;

  @Spec CommandSpec spec;

  @Mixin InputOption input;

  @Option(names = "--k", required = true, paramLabel = "K|auto", description = "number of clusters, or auto")
  String k;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
      description = "k-means++ seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--k-range", defaultValue = "2..10", paramLabel = "MIN..MAX",
      description = "auto: the k tried (default ${DEFAULT-VALUE})")
  String kRange;

  @Option(names = "--criterion", defaultValue = "silhouette",
      paramLabel = "silhouette|davies-bouldin|calinski-harabasz",
      description = "auto: the score that chooses k (default ${DEFAULT-VALUE})")
  String criterion;

  @Option(names = "--n-init", defaultValue = "1", paramLabel = "N",
      description = "independent k-means++ starts; the lowest SSE wins (default ${DEFAULT-VALUE})")
  int nInit;

  @Option(names = "--label-column", paramLabel = "NAME",
      description = "a column that names the row (meter id, date); left out of the profile, echoed in \"labels\"")
  String labelColumn;

  @Override
  public Integer call() {
    boolean auto = k.strip().equalsIgnoreCase("auto");
    int clusters = auto ? 0 : parseK();
    int[] range = range();
    KCriterion chooseBy = kCriterion();
    KMeansConfig base = kMeansConfig();
    CsvTable table = input.table();
    double[][] rows = table.matrix(labelColumn);
    int dimension = rows[0].length;
    if (dimension == 0) {
      throw new BadInputException(table.source() + ": no profile values besides the label column");
    }
    double[] data = flatten(table, rows);
    ObjectNode json = JsonOutput.object();
    if (auto) {
      KSelectionResult selection = run(table, () -> new KSelection(KSelectionConfig.builder()
          .range(range[0], range[1]).criterion(chooseBy).kMeans(base)
          .exactSilhouetteMaxPoints(EXACT_SILHOUETTE_MAX_POINTS).build()).select(data, dimension));
      write(json, selection.clustering(), table);
      writeSelection(json.putObject("scores"), selection);
    } else {
      KMeansResult result = run(table, () -> new KMeans(base.toBuilder().k(clusters).build()).fit(data, dimension));
      write(json, result, table);
      writeScores(json.putObject("scores"), data, dimension, result);
    }
    spec.commandLine().getOut().println(JsonOutput.line(json));
    return 0;
  }

  private KMeansConfig kMeansConfig() {
    try {
      return KMeansConfig.builder(1).seed(seed).nInit(nInit).build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--n-init: " + e.getMessage(), e);
    }
  }

  /** The profiles row-major; a missing value is an error naming its line, as k-means needs complete profiles. */
  private static double[] flatten(CsvTable table, double[][] rows) {
    int dimension = rows[0].length;
    double[] data = new double[rows.length * dimension];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < dimension; c++) {
        if (Double.isNaN(rows[r][c])) {
          throw new BadInputException(table.where(r) + ": value " + (c + 1)
              + " of the profile is missing; k-means needs complete profiles");
        }
      }
      System.arraycopy(rows[r], 0, data, r * dimension, dimension);
    }
    return data;
  }

  private static <T> T run(CsvTable table, Supplier<T> clustering) {
    try {
      return clustering.get();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(table.source() + ": " + e.getMessage(), e);
    }
  }

  private int parseK() {
    try {
      int value = Integer.parseInt(k.strip());
      if (value < 1) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadInputException("--k: expected a positive number or auto, got \"" + k + "\"", e);
    }
  }

  private int[] range() {
    Matcher m = RANGE.matcher(kRange.strip());
    if (!m.matches()) {
      throw new BadInputException("--k-range: expected MIN..MAX such as 2..10, got \"" + kRange + "\"");
    }
    int min = Integer.parseInt(m.group(1));
    int max = Integer.parseInt(m.group(2));
    if (min < 2 || max < min) {
      throw new BadInputException("--k-range: need 2 <= MIN <= MAX, got " + kRange);
    }
    return new int[] {min, max};
  }

  private KCriterion kCriterion() {
    try {
      return KCriterion.valueOf(criterion.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "--criterion: expected silhouette, davies-bouldin or calinski-harabasz, got \"" + criterion + "\"", e);
    }
  }

  private void write(ObjectNode json, KMeansResult result, CsvTable table) {
    json.put("k", result.k());
    ArrayNode centroids = json.putArray("centroids");
    for (double[] centroid : result.centroidRows()) {
      ArrayNode row = centroids.addArray();
      for (double v : centroid) {
        JsonNumbers.add(row, v);
      }
    }
    ArrayNode sizes = json.putArray("sizes");
    for (int size : result.sizes()) {
      sizes.add(size);
    }
    JsonNumbers.put(json, "sse", result.sse());
    json.put("iterations", result.iterations());
    json.put("converged", result.converged());
    ArrayNode assignments = json.putArray("assignments");
    for (int a : result.assignments()) {
      assignments.add(a);
    }
    if (labelColumn != null) {
      ArrayNode labels = json.putArray("labels");
      for (String label : table.text(labelColumn)) {
        labels.add(label);
      }
    }
  }

  private static void writeScores(ObjectNode json, double[] data, int dimension, KMeansResult result) {
    boolean exact = result.pointCount() <= EXACT_SILHOUETTE_MAX_POINTS;
    int[] labels = result.assignments();
    double silhouette;
    double daviesBouldin;
    double calinskiHarabasz;
    try {
      silhouette = exact ? ClusterScores.silhouette(data, dimension, labels)
          : ClusterScores.simplifiedSilhouette(data, dimension, labels);
      daviesBouldin = ClusterScores.daviesBouldin(data, dimension, labels);
      calinskiHarabasz = ClusterScores.calinskiHarabasz(data, dimension, labels);
    } catch (IllegalArgumentException undefined) {
      // the scores need at least two non-empty clusters and fewer clusters than points
      silhouette = Double.NaN;
      daviesBouldin = Double.NaN;
      calinskiHarabasz = Double.NaN;
    }
    JsonNumbers.put(json, "silhouette", silhouette);
    json.put("silhouetteExact", exact);
    JsonNumbers.put(json, "daviesBouldin", daviesBouldin);
    JsonNumbers.put(json, "calinskiHarabasz", calinskiHarabasz);
  }

  private static void writeSelection(ObjectNode json, KSelectionResult selection) {
    json.put("criterion", selection.criterion().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("chosenK", selection.chosenK());
    ArrayNode candidates = json.putArray("candidates");
    for (KScore s : selection.scores()) {
      ObjectNode node = candidates.addObject();
      node.put("k", s.k());
      JsonNumbers.put(node, "sse", s.sse());
      JsonNumbers.put(node, "silhouette", s.silhouette());
      node.put("silhouetteExact", s.silhouetteExact());
      JsonNumbers.put(node, "daviesBouldin", s.daviesBouldin());
      JsonNumbers.put(node, "calinskiHarabasz", s.calinskiHarabasz());
    }
  }
}
