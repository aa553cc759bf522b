package io.emms.modbus.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.ModbusDecodeException;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.emms.modbus.pdu.ModbusRequest;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadCoilsRequest;
import io.emms.modbus.pdu.ReadCoilsResponse;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import io.emms.modbus.pdu.WriteMultipleRegistersRequest;
import io.emms.modbus.pdu.WriteMultipleRegistersResponse;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our framing against an independent implementation on a real socket: j2mod's TCP master (MBAP) and its RTU over
 * TCP master send requests to a Netty server on 127.0.0.1 built from the frame decoder, the PDU codec and our
 * encoders; j2mod must accept the replies.
 */
class J2modSocketFramingTest {

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private ModbusTCPMaster master;

  @AfterEach
  void stop() {
    if (master != null) {
      master.disconnect();
    }
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private int serve(boolean rtu) throws InterruptedException {
    Channel server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(
                rtu ? ModbusFrameNettyDecoder.rtuOverTcp(Direction.REQUEST) : ModbusFrameNettyDecoder.tcp(),
                new Responder());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Answers FC01, FC03 and FC10 from a made-up process image: register n holds n * 3, coil n is n % 3 == 0. */
  private final class Responder extends SimpleChannelInboundHandler<ModbusFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ModbusFrame frame) {
      ModbusResponse response;
      try {
        ModbusRequest request = ModbusPduDecoder.decodeRequest(frame.pdu());
        requests.add(request.toString());
        response = answer(request);
      } catch (ModbusDecodeException e) {
        response = new ExceptionResponse(e.functionCode() & 0x7F, e.exceptionCode());
      } finally {
        frame.pdu().release();
      }
      ByteBuf out = ctx.alloc().buffer();
      if (frame instanceof MbapFrame m) {
        MbapFrameEncoder.encode(m.transactionId(), m.unitId(), response, out);
      } else {
        RtuFrameEncoder.encode(frame.unitId(), response, out);
      }
      ctx.writeAndFlush(out);
    }

    private ModbusResponse answer(ModbusRequest request) {
      if (request instanceof ReadHoldingRegistersRequest r) {
        int[] values = new int[r.quantity()];
        for (int i = 0; i < values.length; i++) {
          values[i] = (r.address() + i) * 3 & 0xFFFF;
        }
        return ReadHoldingRegistersResponse.of(values);
      } else if (request instanceof ReadCoilsRequest r) {
        boolean[] bits = new boolean[r.quantity()];
        for (int i = 0; i < bits.length; i++) {
          bits[i] = (r.address() + i) % 3 == 0;
        }
        return ReadCoilsResponse.of(bits);
      } else if (request instanceof WriteMultipleRegistersRequest r) {
        return new WriteMultipleRegistersResponse(r.address(), r.quantity());
      }
      return new ExceptionResponse(request.functionCode(), ExceptionCode.ILLEGAL_FUNCTION);
    }
  }

  private void exercise(boolean rtu) throws Exception {
    int port = serve(rtu);
    master = new ModbusTCPMaster("127.0.0.1", port, 3000, false, rtu);
    master.connect();

    Register[] registers = master.readMultipleRegisters(7, 100, 125);
    assertThat(registers).hasSize(125);
    assertThat(registers[0].getValue()).isEqualTo(300);
    assertThat(registers[124].getValue()).isEqualTo(224 * 3);

    BitVector coils = master.readCoils(7, 10, 19);
    for (int i = 0; i < 19; i++) {
      assertThat(coils.getBit(i)).as("coil %d", 10 + i).isEqualTo((10 + i) % 3 == 0);
    }

    assertThat(master.writeMultipleRegisters(7, 40, new Register[] {new SimpleRegister(1), new SimpleRegister(2)}))
        .isEqualTo(2);

    assertThat(requests).hasSize(3);
    assertThat(requests.get(0)).isEqualTo(new ReadHoldingRegistersRequest(100, 125).toString());
    assertThat(requests.get(1)).isEqualTo(new ReadCoilsRequest(10, 19).toString());
    assertThat(requests.get(2)).startsWith("WriteMultipleRegistersRequest[address=40");
  }

  @Test
  void j2modTcpMasterTalksToOurMbapFraming() throws Exception {
    exercise(false);
  }

  @Test
  void j2modRtuOverTcpMasterTalksToOurRtuFraming() throws Exception {
    exercise(true);
  }
}
