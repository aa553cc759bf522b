package io.emms.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Topic-filter matching as MQTT 5 §4.7 defines it, which the connection uses to route every message. */
class TopicFilterTest {

  @Test
  void singleLevelWildcardMatchesExactlyOneLevel() {
    TopicFilter f = TopicFilter.parse("emms/t/+/meters/+/telemetry");
    assertThat(f.matches("emms/t/gw/meters/m1/telemetry")).isTrue();
    assertThat(f.matches("emms/t/gw/meters/m1/status")).isFalse();
    assertThat(f.matches("emms/t/gw/meters/telemetry")).isFalse();
    assertThat(f.matches("emms/t/gw/meters/m1/telemetry/x")).isFalse();
  }

  @Test
  void multiLevelWildcardMatchesTheRestAndItsParent() {
    TopicFilter f = TopicFilter.parse("a/#");
    assertThat(f.matches("a")).isTrue();
    assertThat(f.matches("a/b/c")).isTrue();
    assertThat(f.matches("b/a")).isFalse();
  }

  @Test
  void aSharedSubscriptionMatchesAsItsFilter() {
    TopicFilter f = TopicFilter.parse("$share/readers/emms/+/x");
    assertThat(f.matches("emms/t/x")).isTrue();
    assertThat(f.matches("$share/readers/emms/t/x")).isFalse();
  }

  @Test
  void dollarTopicsAreNotMatchedByALeadingWildcard() {
    assertThat(TopicFilter.parse("#").matches("$SYS/broker/uptime")).isFalse();
    assertThat(TopicFilter.parse("+/broker/uptime").matches("$SYS/broker/uptime")).isFalse();
    assertThat(TopicFilter.parse("$SYS/#").matches("$SYS/broker/uptime")).isTrue();
  }

  @Test
  void malformedFiltersAreRefused() {
    assertThatThrownBy(() -> TopicFilter.parse("a/b#")).hasMessageContaining("wildcard");
    assertThatThrownBy(() -> TopicFilter.parse("a/#/b")).hasMessageContaining("wildcard");
    assertThatThrownBy(() -> TopicFilter.parse("$share//a")).hasMessageContaining("$share/<group>/<filter>");
    assertThatThrownBy(() -> TopicFilter.parse("$share/g/")).hasMessageContaining("$share/<group>/<filter>");
  }
}
