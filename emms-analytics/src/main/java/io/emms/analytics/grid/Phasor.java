package io.emms.analytics.grid;

/**
 * A sinusoidal quantity as magnitude (RMS) and angle.
 *
 * @param magnitude RMS value
 * @param angleDegrees phase angle in degrees
 */
public record Phasor(double magnitude, double angleDegrees) {

  public static Phasor of(double magnitude, double angleDegrees) {
    return new Phasor(magnitude, angleDegrees);
  }

  public double re() {
    return magnitude * Math.cos(Math.toRadians(angleDegrees));
  }

  public double im() {
    return magnitude * Math.sin(Math.toRadians(angleDegrees));
  }
}
