package io.emms.examples.dtu;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.net.Socket;

/** A DTU played over a plain blocking socket, for faults no well-behaved DTU commits. */
final class RawDtu implements AutoCloseable {

  private final Socket socket;

  RawDtu(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
  }

  RawDtu sendText(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(US_ASCII));
    socket.getOutputStream().flush();
    return this;
  }

  /** Reads exactly {@code count} bytes. */
  byte[] read(int count) throws IOException {
    return socket.getInputStream().readNBytes(count);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
