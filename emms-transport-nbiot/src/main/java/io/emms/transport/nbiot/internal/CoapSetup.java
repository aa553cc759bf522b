package io.emms.transport.nbiot.internal;

import java.net.InetSocketAddress;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Californium's configuration, made in memory: its default one reads and writes {@code Californium3.properties} in
 * the working directory, which a library must not do.
 */
public final class CoapSetup {

  static {
    CoapConfig.register();
    UdpConfig.register();
  }

  private CoapSetup() {}

  /** The standard configuration, without a file. */
  public static Configuration configuration() {
    return Configuration.createStandardWithoutFile();
  }

  /** A CoAP endpoint over UDP on {@code address}. */
  public static CoapEndpoint endpoint(InetSocketAddress address) {
    return CoapEndpoint.builder().setConfiguration(configuration()).setInetSocketAddress(address).build();
  }
}
