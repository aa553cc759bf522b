package io.emms.transport.tcp;

import io.emms.core.link.Framing;

/**
 * {@code rtu-over-tcp://HOST:PORT?options}: a {@link TcpClientLink} to a transparent serial gateway, whose frames
 * are serial-line frames (Modbus RTU) rather than MBAP. The same as {@code tcp://HOST:PORT?framing=rtu}; takes the
 * options of {@link TcpLinkProvider}.
 */
public final class RtuOverTcpLinkProvider extends TcpLinkProvider {

  @Override
  public String scheme() {
    return "rtu-over-tcp";
  }

  @Override
  public Framing defaultFraming() {
    return Framing.RTU;
  }
}
