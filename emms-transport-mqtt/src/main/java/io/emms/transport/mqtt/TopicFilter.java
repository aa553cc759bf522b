package io.emms.transport.mqtt;

import java.util.Arrays;

/**
 * An MQTT topic filter matched the way a broker matches it (MQTT 5 §4.7): {@code +} one level, {@code #} the rest,
 * and a shared subscription {@code $share/group/filter} matches as its filter. Topics starting with {@code $} are
 * never matched by a leading wildcard (§4.7.2).
 */
final class TopicFilter {

  private static final String SHARE_PREFIX = "$share/";

  private final String filter;
  private final String[] levels;

  private TopicFilter(String filter, String[] levels) {
    this.filter = filter;
    this.levels = levels;
  }

  /** Parses a filter, refusing malformed wildcards and empty share groups. */
  public static TopicFilter parse(String filter) {
    String plain = filter;
    if (filter.startsWith(SHARE_PREFIX)) {
      int slash = filter.indexOf('/', SHARE_PREFIX.length());
      if (slash <= SHARE_PREFIX.length() || slash == filter.length() - 1) {
        throw new IllegalArgumentException("a shared subscription is $share/<group>/<filter>: '" + filter + "'");
      }
      plain = filter.substring(slash + 1);
    }
    if (plain.isEmpty()) {
      throw new IllegalArgumentException("empty topic filter");
    }
    String[] levels = plain.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      boolean wildcardAlone = level.equals("+") || (level.equals("#") && i == levels.length - 1);
      if (!wildcardAlone && (level.contains("+") || level.contains("#"))) {
        throw new IllegalArgumentException("misplaced wildcard in topic filter '" + filter + "'");
      }
    }
    return new TopicFilter(filter, levels);
  }

  /** Whether a published topic name matches this filter. */
  public boolean matches(String topic) {
    String[] parts = topic.split("/", -1);
    if (topic.startsWith("$") && (levels[0].equals("+") || levels[0].equals("#"))) {
      return false;
    }
    for (int i = 0; i < levels.length; i++) {
      if (levels[i].equals("#")) {
        return true;
      }
      if (i >= parts.length || !(levels[i].equals("+") || levels[i].equals(parts[i]))) {
        return false;
      }
    }
    return parts.length == levels.length;
  }

  @Override
  public String toString() {
    return filter + " " + Arrays.toString(levels);
  }
}
