package io.emms.examples;

import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.frame.MbapFrameDecoder;
import io.emms.modbus.frame.MbapFrameEncoder;
import io.emms.modbus.frame.MbapFrameView;
import io.emms.modbus.pdu.ModbusPduView;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A poller that uses only the Modbus codec, over a plain socket, as a gateway or bridge with its own I/O would: read
 * requests are written with {@link MbapFrameEncoder#encodeReadRequest} and replies read in place through a reused
 * {@link MbapFrameView}, so polling allocates nothing per frame. The meter is an EMMS server on 127.0.0.1 whose
 * holding registers 0..99 hold 1000 + their address.
 */
public final class PollRegistersInPlace {

  private static final int UNIT = 1;

  private PollRegistersInPlace() {}

  /** Polls holding registers {@code 0..count-1} {@code polls} times; returns the sum of the last poll's values. */
  public static long run(int polls, int count) throws IOException {
    ProcessImage image = new ProcessImage(100);
    for (int address = 0; address < 100; address++) {
      image.setRegister(RegisterTable.HOLDING_REGISTERS, address, 1000 + address);
    }
    ModbusServer meter = ModbusServer.create(ModbusMode.TCP, UNIT, new ProcessImageService(image));
    try (TcpLinkServer listener = new TcpLinkServer(TcpServerConfig.defaults(), meter::attach)) {
      listener.start().join();
      try (Socket socket = new Socket("127.0.0.1", listener.port())) {
        return poll(socket, polls, count);
      }
    }
  }

  private static long poll(Socket socket, int polls, int count) throws IOException {
    MbapFrameDecoder decoder = new MbapFrameDecoder();
    MbapFrameView frame = new MbapFrameView();
    ByteBuf out = Unpooled.buffer(MbapFrameDecoder.MAX_FRAME_LENGTH);
    ByteBuf in = Unpooled.buffer(MbapFrameDecoder.MAX_FRAME_LENGTH);
    OutputStream requests = socket.getOutputStream();
    InputStream replies = socket.getInputStream();
    long sum = 0;
    for (int transactionId = 1; transactionId <= polls; transactionId++) {
      out.clear();
      MbapFrameEncoder.encodeReadRequest(transactionId, UNIT, 0x03, 0, count, out);
      requests.write(out.array(), out.arrayOffset(), out.readableBytes());
      in.clear();
      while (!decoder.decode(in, frame)) {
        if (in.writeBytes(replies, in.writableBytes()) < 0) {
          throw new IOException("meter closed the connection");
        }
      }
      sum = sum(frame, transactionId);
    }
    return sum;
  }

  private static long sum(MbapFrameView frame, int transactionId) throws IOException {
    ModbusPduView pdu = frame.pdu();
    if (frame.transactionId() != transactionId || !pdu.isRegistersResponse()) {
      throw new IOException("unexpected reply: transaction " + frame.transactionId() + ", function "
          + pdu.functionCode() + (pdu.isException() ? ", exception " + pdu.exceptionCode() : ""));
    }
    long sum = 0;
    for (int i = 0; i < pdu.registerCount(); i++) {
      sum += pdu.register(i);
    }
    return sum;
  }

  public static void main(String[] args) throws IOException {
    System.out.println("sum of holding registers 0..9: " + run(1000, 10));
  }
}
