package io.emms.analytics.profile;

/** Which end of its interval a load-profile timestamp marks. */
public enum IntervalLabel {
  /** 00:00 labels the interval 00:00–00:15. */
  START,
  /** 00:15 labels the interval 00:00–00:15, as many meters store their load profile. */
  END
}
