package io.emms.transport.dtu;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.emms.transport.Recorder;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A DTU played byte by byte over a plain blocking socket, to send exactly what a test needs. */
final class RawDtu implements AutoCloseable {

  private final Socket socket;

  RawDtu(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout((int) Recorder.PATIENCE.toMillis());
  }

  RawDtu send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  RawDtu sendText(String text) throws IOException {
    return send(text.getBytes(US_ASCII));
  }

  RawDtu sendHex(String hex) throws IOException {
    return send(ByteBufUtil.decodeHexDump(hex));
  }

  /** Reads exactly {@code count} bytes. */
  byte[] read(int count) throws IOException {
    return socket.getInputStream().readNBytes(count);
  }

  /** Whether the server closed the connection (end of stream, or a reset) before anything more arrived. */
  boolean closedByServer() throws IOException {
    InputStream in = socket.getInputStream();
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
