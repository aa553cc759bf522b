package io.emms.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.command.BadInputException;

/** Turns one protocol frame into the JSON object {@code emms decode} prints. */
public interface FrameDescriber {

  /**
   * @param frame the frame's bytes as typed
   * @return the description
   * @throws io.emms.cli.BadInputException when the bytes are not a frame of this protocol
   */
  ObjectNode describe(byte[] frame);
}
