package io.emms.analytics.theft;

/**
 * A meter's honest consumption pattern, learnt by {@link TheftPatternDetector#learn}: its mean daily profile and,
 * for each day feature, the median and robust scale over the reference days.
 *
 * @param meanProfile the mean of the reference days, one value per interval
 * @param medianDaySum the median energy of a reference day
 * @param centre medians of the features (level, shape, roughness, zero run) over the reference days
 * @param scale robust scales (1.4826 × MAD, floored) of the same features
 */
public record PatternBaseline(double[] meanProfile, double medianDaySum, double[] centre, double[] scale) {

  /** Checks the components and copies the arrays. */
  public PatternBaseline {
    meanProfile = meanProfile.clone();
    centre = centre.clone();
    scale = scale.clone();
    if (centre.length != DayFeatures.COUNT || scale.length != DayFeatures.COUNT) {
      throw new IllegalArgumentException("need " + DayFeatures.COUNT + " feature centres and scales");
    }
  }

  /** Intervals per day. */
  public int intervalsPerDay() {
    return meanProfile.length;
  }

  @Override
  public double[] meanProfile() {
    return meanProfile.clone();
  }

  @Override
  public double[] centre() {
    return centre.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }
}
