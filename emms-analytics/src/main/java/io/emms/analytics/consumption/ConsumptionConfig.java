package io.emms.analytics.consumption;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How register readings become interval consumption.
 *
 * @param register the register's digits, which fix where it wraps
 * @param maxRolloverFraction a decrease is read as a rollover only when the wrapped difference is at most this
 *     fraction of the modulus (0 &lt; f &le; 1); anything larger is a reset or a fault, not consumption
 * @param longGap intervals longer than this are flagged {@link ConsumptionFlag#LONG_GAP}
 */
public record ConsumptionConfig(RegisterSpec register, double maxRolloverFraction, Duration longGap) implements Serializable {

  /** Checks the components (see the class description for their meaning). */
  public ConsumptionConfig {
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(longGap, "longGap");
    if (!(maxRolloverFraction > 0 && maxRolloverFraction <= 1)) {
      throw new IllegalArgumentException("maxRolloverFraction must be in (0, 1], got " + maxRolloverFraction);
    }
    if (longGap.isNegative() || longGap.isZero()) {
      throw new IllegalArgumentException("longGap must be positive");
    }
  }

  /** The largest wrapped difference accepted as a rollover. */
  BigDecimal maxRolloverDelta() {
    return register.modulus().multiply(BigDecimal.valueOf(maxRolloverFraction));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults: 6+2-digit register, rollover accepted up to 10 % of the modulus, gaps flagged beyond 2 h. */
  public static ConsumptionConfig defaults() {
    return builder().build();
  }

  /** Builder with the defaults of {@link #defaults()}. */
  public static final class Builder {
    private RegisterSpec register = RegisterSpec.SIX_PLUS_TWO;
    private double maxRolloverFraction = 0.1;
    private Duration longGap = Duration.ofHours(2);

    private Builder() {}

    /** Sets {@code register}: the register's digits, which fix where it wraps. */
    public Builder register(RegisterSpec register) {
      this.register = register;
      return this;
    }

    /**
     * Sets {@code maxRolloverFraction}: a decrease is read as a rollover only when the wrapped difference is at most
     * this fraction of the modulus (0 &lt; f &le; 1); anything larger is a reset or a fault, not consumption.
     */
    public Builder maxRolloverFraction(double maxRolloverFraction) {
      this.maxRolloverFraction = maxRolloverFraction;
      return this;
    }

    /** Sets {@code longGap}: intervals longer than this are flagged {@link ConsumptionFlag#LONG_GAP}. */
    public Builder longGap(Duration longGap) {
      this.longGap = longGap;
      return this;
    }

    public ConsumptionConfig build() {
      return new ConsumptionConfig(register, maxRolloverFraction, longGap);
    }
  }
}
