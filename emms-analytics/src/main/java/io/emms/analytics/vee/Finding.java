package io.emms.analytics.vee;

import java.time.Instant;
import java.util.Objects;

/**
 * One rule violation, with what was measured and what it was compared with.
 *
 * @param rule the rule that fired
 * @param index position in the validated arrays (the first interval of a day for daily rules)
 * @param timestamp start of that interval
 * @param value the measured figure the rule looked at (NaN for a missing value)
 * @param threshold the limit the figure was compared with
 * @param message a sentence naming the figure, the limit and the conclusion
 */
public record Finding(VeeRule rule, int index, Instant timestamp, double value, double threshold, String message) {

  /** Checks the components (see the class description for their meaning). */
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(message, "message");
  }
}
