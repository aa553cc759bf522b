package io.emms.transport.mqtt;

import io.emms.core.link.Framing;
import io.emms.core.link.Link;
import io.emms.core.link.LinkProvider;
import io.emms.core.link.LinkUri;

/**
 * {@code mqtt://HOST:PORT/TOPIC?options}: the master end of an {@link MqttLink} (options in {@link MqttLinkUri}).
 * The link is a byte stream, not message-oriented: a DTU packs what it reads from its serial port into messages
 * by its own timers and may split a frame.
 */
public final class MqttLinkProvider implements LinkProvider {

  @Override
  public String scheme() {
    return "mqtt";
  }

  @Override
  public Framing defaultFraming() {
    return Framing.RTU;
  }

  @Override
  public Link create(LinkUri uri) {
    return MqttLink.fromUri(MqttLinkUri.from(uri));
  }
}
