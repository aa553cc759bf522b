package io.emms.bus.fleet;

/**
 * One problem in a fleet file.
 *
 * @param source the file name
 * @param line the 1-based line of the value (or of its key) that is wrong
 * @param field where in the file, such as {@code lines[0].meters[2].address}
 * @param message what is wrong
 */
public record FleetProblem(String source, int line, String field, String message) {

  @Override
  public String toString() {
    return source + ":" + line + ": " + field + ": " + message;
  }
}
