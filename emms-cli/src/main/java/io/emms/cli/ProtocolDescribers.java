package io.emms.cli;

import io.emms.cli.output.FrameDescriber;

/** Picks the frame describer for {@code --protocol}. */
final class ProtocolDescribers {

  private ProtocolDescribers() {}

  static FrameDescriber forProtocol(String protocol, String edition, String direction) {
    switch (protocol) {
      default:
        throw new BadInputException("unknown protocol \"" + protocol + "\"");
    }
  }
}
