package io.emms.transport.serial;

import io.emms.core.link.Framing;
import io.emms.core.link.Link;
import io.emms.core.link.LinkProvider;
import io.emms.core.link.LinkUri;
import io.emms.core.link.LinkUriException.Part;
import java.util.List;
import java.util.Map;

/**
 * {@code serial:PATH?options}: a {@link SerialLink}, such as {@code serial:/dev/ttyUSB0?baud=9600&parity=none}
 * or {@code serial:COM3}. Every field of {@link SerialConfig} and {@link Rs485Config} is an option; the defaults
 * are {@link SerialConfig}'s. Any {@code rs485-*} option turns RS-485 mode on, as does {@code rs485=true}.
 */
public final class SerialLinkProvider implements LinkProvider {

  private static final Map<String, Parity> PARITIES =
      LinkUri.choices(List.of(Parity.values()), Parity::name);
  private static final Map<String, StopBits> STOP_BITS =
      LinkUri.choices(List.of(StopBits.values()), StopBits::notation);
  private static final Map<String, FlowControl> FLOW_CONTROLS =
      LinkUri.choices(List.of(FlowControl.values()), f -> f.name().replace('_', '-'));

  @Override
  public String scheme() {
    return "serial";
  }

  @Override
  public Framing defaultFraming() {
    return Framing.RTU;
  }

  @Override
  public Link create(LinkUri uri) {
    return new SerialLink(config(uri));
  }

  /** The configuration {@code uri} describes. */
  public static SerialConfig config(LinkUri uri) {
    if (uri.host().isPresent() || uri.path().isBlank()) {
      throw uri.error(Part.PATH, "serial takes a device path: serial:/dev/ttyUSB0 or serial:COM3");
    }
    SerialConfig defaults = SerialConfig.of(uri.path());
    Rs485Config rs485Defaults = Rs485Config.defaults();
    LinkUri.Options options = uri.options();
    SerialConfig.Builder builder = SerialConfig.builder(uri.path())
        .baudRate(options.integer("baud", defaults.baudRate(), 1, 4_000_000))
        .dataBits(options.integer("data-bits", defaults.dataBits(), 5, 8))
        .parity(options.choice("parity", defaults.parity(), PARITIES))
        .stopBits(options.choice("stop-bits", defaults.stopBits(), STOP_BITS))
        .flowControl(options.choice("flow-control", defaults.flowControl(), FLOW_CONTROLS))
        .readTimeout(options.duration("read-timeout", defaults.readTimeout()))
        .writeTimeout(options.duration("write-timeout", defaults.writeTimeout()))
        .readBufferSize(options.integer("read-buffer-size", defaults.readBufferSize(), 1, 1 << 20));
    boolean rs485 = options.bool("rs485", false);
    Rs485Config rs485Config = new Rs485Config(
        options.bool("rs485-rts-active-high", rs485Defaults.rtsActiveHigh()),
        options.bool("rs485-termination", rs485Defaults.terminationEnabled()),
        options.bool("rs485-echo", rs485Defaults.receiveDuringTransmit()),
        options.integer("rs485-delay-before-us", rs485Defaults.delayBeforeSendMicros(), 0, Integer.MAX_VALUE),
        options.integer("rs485-delay-after-us", rs485Defaults.delayAfterSendMicros(), 0, Integer.MAX_VALUE));
    options.finish();
    boolean anyRs485Option = uri.rawOptions().keySet().stream().anyMatch(name -> name.startsWith("rs485-"));
    if (rs485 || anyRs485Option) {
      builder.rs485(rs485Config);
    }
    return builder.build();
  }
}
