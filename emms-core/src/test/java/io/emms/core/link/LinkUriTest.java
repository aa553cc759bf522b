package io.emms.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.LinkUriException.Part;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LinkUriTest {

  @Test
  void parsesNetworkUris() {
    LinkUri uri = LinkUri.parse(" TCP://10.0.0.5:502?Connect-Timeout=2s&framing=rtu ");

    assertThat(uri.scheme()).isEqualTo("tcp");
    assertThat(uri.host()).contains("10.0.0.5");
    assertThat(uri.port()).contains(502);
    assertThat(uri.path()).isEmpty();
    assertThat(uri.rawOptions()).containsExactly(Map.entry("connect-timeout", "2s"), Map.entry("framing", "rtu"));
    assertThat(uri.framing()).contains(Framing.RTU);
    assertThat(uri.text()).isEqualTo("TCP://10.0.0.5:502?Connect-Timeout=2s&framing=rtu");
  }

  @Test
  void parsesIpv6Hosts() {
    LinkUri uri = LinkUri.parse("udp://[::1]:1502");

    assertThat(uri.host()).contains("::1");
    assertThat(uri.port()).contains(1502);
  }

  @Test
  void parsesLocalUrisWithDecodedPathAndValues() {
    LinkUri uri = LinkUri.parse("serial:/dev/serial/by-id/usb%20adapter?baud=9600&parity=none&");

    assertThat(uri.host()).isEmpty();
    assertThat(uri.port()).isEmpty();
    assertThat(uri.path()).isEqualTo("/dev/serial/by-id/usb adapter");
    assertThat(uri.rawOptions()).containsExactly(Map.entry("baud", "9600"), Map.entry("parity", "none"));
    assertThat(uri.framing()).isEmpty();
    assertThat(LinkUri.parse("serial:COM3").path()).isEqualTo("COM3");
  }

  @Test
  void namesThePartThatIsMalformed() {
    assertPart(() -> LinkUri.parse("/dev/ttyUSB0"), Part.SYNTAX, "expected SCHEME:PATH");
    assertPart(() -> LinkUri.parse("9tcp://h:1"), Part.SCHEME, "\"9tcp\" is not a scheme name");
    assertPart(() -> LinkUri.parse("tcp://h:70000"), Part.PORT, "port must be a number from 1 to 65535, not \"70000\"");
    assertPart(() -> LinkUri.parse("tcp://h:five"), Part.PORT, "not \"five\"");
    assertPart(() -> LinkUri.parse("tcp://h:1?baud"), Part.OPTION_VALUE, "option baud needs a value");
    assertPart(() -> LinkUri.parse("tcp://h:1?a=1&A=2"), Part.OPTION_NAME, "option a is given twice");
    assertPart(() -> LinkUri.parse("tcp://h:1?%zz=1"), Part.OPTION_NAME, "bad percent-escape");
    assertPart(() -> LinkUri.parse("tcp://h:1?framing=modbus").framing(), Part.OPTION_VALUE,
        "framing must be rtu, ascii or mbap, not \"modbus\"");
    assertPart(() -> LinkUri.parse("tcp://:1").requireHost(), Part.HOST, "tcp needs a host");
    assertPart(() -> LinkUri.parse("tcp://h").requirePort(), Part.PORT, "tcp needs a port");
  }

  @Test
  void optionReaderChecksValuesAndRefusesUnknownNames() {
    LinkUri uri = LinkUri.parse("x:p?n=7&d=250ms&b=off&c=Two&j=0.5");
    LinkUri.Options options = uri.options();

    assertThat(options.integer("n", 1, 1, 10)).isEqualTo(7);
    assertThat(options.integer("absent", 3, 1, 10)).isEqualTo(3);
    assertThat(options.duration("d", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
    assertThat(options.bool("b", true)).isFalse();
    assertThat(options.choice("c", 0, Map.of("one", 1, "two", 2))).isEqualTo(2);
    assertThat(options.decimal("j", 0, 0, 1)).isEqualTo(0.5);
    options.finish();

    assertPart(() -> LinkUri.parse("x:p?n=11").options().integer("n", 1, 1, 10), Part.OPTION_VALUE,
        "option n must be a whole number from 1 to 10, not \"11\"");
    assertPart(() -> LinkUri.parse("x:p?d=0s").options().duration("d", Duration.ofSeconds(1)), Part.OPTION_VALUE,
        "option d must be a positive duration");
    assertPart(() -> LinkUri.parse("x:p?b=maybe").options().bool("b", true), Part.OPTION_VALUE, "true or false");
    assertPart(() -> LinkUri.parse("x:p?c=3").options().choice("c", 1, Map.of("one", 1)), Part.OPTION_VALUE,
        "one of one");
    LinkUri.Options reader = LinkUri.parse("x:p?baud=1&bauds=2").options();
    reader.integer("baud", 1, 1, 10);
    assertPart(reader::finish, Part.OPTION_NAME, "x takes no option \"bauds\"; its options are baud (and framing)");
  }

  private static void assertPart(ThrowingCallable call, Part part, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(LinkUriException.class, e -> assertThat(e.part()).isEqualTo(part))
        .hasMessageContaining(message);
  }
}
