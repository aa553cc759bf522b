package io.emms.bus.fleet;

import java.util.List;
import java.util.stream.Collectors;

/** A fleet file that cannot be used; carries every problem found, each with its line and field. */
public class FleetFileException extends IllegalArgumentException {

  private final List<FleetProblem> problems;

  public FleetFileException(List<FleetProblem> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the fleet file:\n"
        + problems.stream().map(FleetProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order of the file. */
  public List<FleetProblem> problems() {
    return problems;
  }
}
