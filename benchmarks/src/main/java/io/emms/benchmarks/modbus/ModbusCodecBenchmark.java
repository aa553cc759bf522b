package io.emms.benchmarks.modbus;

import com.digitalpetri.modbus.MbapHeader;
import com.digitalpetri.modbus.ModbusTcpFrame;
import com.digitalpetri.modbus.tcp.ModbusTcpCodec;
import com.digitalpetri.modbus.ModbusPduSerializer.DefaultRequestSerializer;
import com.digitalpetri.modbus.ModbusPduSerializer.DefaultResponseSerializer;
import com.ghgande.j2mod.modbus.io.BytesInputStream;
import com.ghgande.j2mod.modbus.io.BytesOutputStream;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.emms.modbus.frame.MbapFrame;
import io.emms.modbus.frame.MbapFrameDecoder;
import io.emms.modbus.frame.MbapFrameEncoder;
import io.emms.modbus.frame.MbapFrameView;
import io.emms.modbus.pdu.ModbusDecodeException;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.emms.modbus.pdu.ModbusPduView;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Modbus TCP codec round trips: encode an MBAP frame into a reused buffer and decode it back to a typed request or
 * response, for an FC03 request (read 125 registers) and its 125-register response. The same work with EMMS (its
 * allocation-free view path and its record path), digitalpetri/modbus 2.1.3 (its whole per-frame path through
 * ModbusTcpCodec, and as a lower bound only its MbapHeader and PDU serializers on one reused ByteBuffer) and j2mod
 * 3.2.1 (writeTo / readFrom on its BytesOutputStream / BytesInputStream, as its TCP transport uses them).
 * Each op builds the message object from data that already exists (a server answering from its process image)
 * and reads back the fields a client would use.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ModbusCodecBenchmark -f 2 -wi 8 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ModbusCodecBenchmark {

  private static final int UNIT = 0x11;
  private static final int ADDRESS = 0x006B;
  private static final int QUANTITY = 125;

  // EMMS
  private final MbapFrameDecoder decoder = new MbapFrameDecoder();
  private final MbapFrameView view = new MbapFrameView();
  private ByteBuf wire;
  private ByteBuf registers;
  private ByteBuf heapWire;
  private ByteBuf heapRegisters;

  // digitalpetri
  private final ByteBuffer nioWire = ByteBuffer.allocate(260);
  private final FrameCodec digitalpetriCodec = new FrameCodec();
  private final List<Object> decodedFrames = new ArrayList<>(1);
  private byte[] registerBytes;

  // j2mod
  private final BytesOutputStream j2modOut = new BytesOutputStream(260);
  private final BytesInputStream j2modIn = new BytesInputStream(260);
  private Register[] j2modRegisters;

  private int transactionId;

  @Setup
  public void setUp() {
    wire = PooledByteBufAllocator.DEFAULT.directBuffer(260);
    registers = PooledByteBufAllocator.DEFAULT.directBuffer(2 * QUANTITY);
    heapWire = PooledByteBufAllocator.DEFAULT.heapBuffer(260);
    heapRegisters = PooledByteBufAllocator.DEFAULT.heapBuffer(2 * QUANTITY);
    registerBytes = new byte[2 * QUANTITY];
    j2modRegisters = new Register[QUANTITY];
    for (int i = 0; i < QUANTITY; i++) {
      registers.writeShort(i * 257);
      heapRegisters.writeShort(i * 257);
      registerBytes[2 * i] = (byte) (i * 257 >>> 8);
      registerBytes[2 * i + 1] = (byte) (i * 257);
      j2modRegisters[i] = new SimpleRegister(i * 257);
    }
  }

  @TearDown
  public void tearDown() {
    wire.release();
    registers.release();
    heapWire.release();
    heapRegisters.release();
  }

  /**
   * The allocation-free path: {@code encodeReadRequest} / {@code encodeRegistersResponse} write without a record,
   * the decoder fills a reused {@link MbapFrameView}. Pooled direct buffers, what a Netty socket reads into and
   * writes from.
   */
  @Benchmark
  public int emmsRequest() {
    return emmsViewRequest(wire);
  }

  @Benchmark
  public int emmsResponse() {
    return emmsViewResponse(wire, registers);
  }

  /** Pooled heap buffers, comparable to the heap ByteBuffers the digitalpetri and j2mod paths use. */
  @Benchmark
  public int emmsRequestHeap() {
    return emmsViewRequest(heapWire);
  }

  @Benchmark
  public int emmsResponseHeap() {
    return emmsViewResponse(heapWire, heapRegisters);
  }

  /** The record path: an immutable request / response record each way, as ModbusClient and ModbusServer use. */
  @Benchmark
  public int emmsRecordsRequest() throws ModbusDecodeException {
    return emmsRecordsRequest(heapWire);
  }

  @Benchmark
  public int emmsRecordsResponse() throws ModbusDecodeException {
    return emmsRecordsResponse(heapWire, heapRegisters);
  }

  private int emmsViewRequest(ByteBuf wire) {
    wire.clear();
    MbapFrameEncoder.encodeReadRequest(++transactionId & 0xFFFF, UNIT, 0x03, ADDRESS, QUANTITY, wire);
    if (!decoder.decode(wire, view) || !view.pdu().isReadRegistersRequest() || view.pdu().rangeError() != null) {
      throw new IllegalStateException("not decoded");
    }
    ModbusPduView r = view.pdu();
    return view.transactionId() + r.address() + r.quantity();
  }

  private int emmsViewResponse(ByteBuf wire, ByteBuf registers) {
    wire.clear();
    MbapFrameEncoder.encodeRegistersResponse(++transactionId & 0xFFFF, UNIT, 0x03, registers, wire);
    if (!decoder.decode(wire, view) || !view.pdu().isRegistersResponse()) {
      throw new IllegalStateException("not decoded");
    }
    ModbusPduView r = view.pdu();
    return view.transactionId() + r.registerCount() + r.register(0) + r.register(QUANTITY - 1);
  }

  private int emmsRecordsRequest(ByteBuf wire) throws ModbusDecodeException {
    wire.clear();
    MbapFrameEncoder.encode(++transactionId & 0xFFFF, UNIT, new ReadHoldingRegistersRequest(ADDRESS, QUANTITY), wire);
    MbapFrame frame = decoder.decode(wire);
    ReadHoldingRegistersRequest r = (ReadHoldingRegistersRequest) ModbusPduDecoder.decodeRequest(frame.pdu());
    return frame.transactionId() + r.address() + r.quantity();
  }

  private int emmsRecordsResponse(ByteBuf wire, ByteBuf registers) throws ModbusDecodeException {
    wire.clear();
    MbapFrameEncoder.encode(++transactionId & 0xFFFF, UNIT, new ReadHoldingRegistersResponse(registers), wire);
    MbapFrame frame = decoder.decode(wire);
    ReadHoldingRegistersResponse r = (ReadHoldingRegistersResponse) ModbusPduDecoder.decodeResponse(frame.pdu());
    return frame.transactionId() + r.registerCount() + r.register(0) + r.register(QUANTITY - 1);
  }

  @Benchmark
  public int digitalpetriRequest() throws Exception {
    nioWire.clear();
    var request = new com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest(ADDRESS, QUANTITY);
    MbapHeader.Serializer.encode(new MbapHeader(++transactionId & 0xFFFF, 0, 6, UNIT), nioWire);
    DefaultRequestSerializer.INSTANCE.encode(request, nioWire);
    nioWire.flip();
    MbapHeader header = MbapHeader.Serializer.decode(nioWire);
    var r = (com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest)
        DefaultRequestSerializer.INSTANCE.decode(nioWire.get(nioWire.position()) & 0xFF, nioWire);
    return header.transactionId() + r.address() + r.quantity();
  }

  @Benchmark
  public int digitalpetriResponse() throws Exception {
    nioWire.clear();
    var response = new com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse(registerBytes);
    MbapHeader.Serializer.encode(new MbapHeader(++transactionId & 0xFFFF, 0, 3 + 2 * QUANTITY, UNIT), nioWire);
    DefaultResponseSerializer.INSTANCE.encode(response, nioWire);
    nioWire.flip();
    MbapHeader header = MbapHeader.Serializer.decode(nioWire);
    var r = (com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse)
        DefaultResponseSerializer.INSTANCE.decode(nioWire.get(nioWire.position()) & 0xFF, nioWire);
    byte[] b = r.registers();
    return header.transactionId() + b.length / 2 + ((b[0] & 0xFF) << 8 | b[1] & 0xFF)
        + ((b[b.length - 2] & 0xFF) << 8 | b[b.length - 1] & 0xFF);
  }

  /**
   * digitalpetri's whole per-frame path, as its {@code ModbusTcpClient} and {@code ModbusTcpCodec} run it: the PDU
   * serialised into a fresh 256-byte {@code ByteBuffer}, the codec copying header and PDU into a second one and that
   * into the Netty buffer (the same pooled direct buffer {@link #emmsRequest} uses); decoding copies the frame into a
   * third {@code ByteBuffer} before the PDU is deserialised.
   */
  @Benchmark
  public int digitalpetriCodecRequest() throws Exception {
    ByteBuffer pdu = ByteBuffer.allocate(256);
    DefaultRequestSerializer.INSTANCE.encode(
        new com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest(ADDRESS, QUANTITY), pdu);
    ModbusTcpFrame frame = digitalpetriRoundTrip(pdu.flip());
    var r = (com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest)
        DefaultRequestSerializer.INSTANCE.decode(frame.pdu().get(frame.pdu().position()) & 0xFF, frame.pdu());
    return frame.header().transactionId() + r.address() + r.quantity();
  }

  @Benchmark
  public int digitalpetriCodecResponse() throws Exception {
    ByteBuffer pdu = ByteBuffer.allocate(256);
    DefaultResponseSerializer.INSTANCE.encode(
        new com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse(registerBytes), pdu);
    ModbusTcpFrame frame = digitalpetriRoundTrip(pdu.flip());
    var r = (com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse)
        DefaultResponseSerializer.INSTANCE.decode(frame.pdu().get(frame.pdu().position()) & 0xFF, frame.pdu());
    byte[] b = r.registers();
    return frame.header().transactionId() + b.length / 2 + ((b[0] & 0xFF) << 8 | b[1] & 0xFF)
        + ((b[b.length - 2] & 0xFF) << 8 | b[b.length - 1] & 0xFF);
  }

  private ModbusTcpFrame digitalpetriRoundTrip(ByteBuffer pdu) {
    wire.clear();
    var header = new MbapHeader(++transactionId & 0xFFFF, 0, pdu.remaining() + 1, UNIT);
    digitalpetriCodec.encode(new ModbusTcpFrame(header, pdu), wire);
    decodedFrames.clear();
    digitalpetriCodec.decode(wire, decodedFrames);
    return (ModbusTcpFrame) decodedFrames.get(0);
  }

  /** Opens digitalpetri's codec methods (protected, called by Netty with a context they do not use). */
  private static final class FrameCodec extends ModbusTcpCodec {
    void encode(ModbusTcpFrame frame, ByteBuf out) {
      encode(null, frame, out);
    }

    void decode(ByteBuf in, List<Object> out) {
      decode(null, in, out);
    }
  }

  @Benchmark
  public int j2modRequest() throws IOException {
    ReadMultipleRegistersRequest request = new ReadMultipleRegistersRequest(ADDRESS, QUANTITY);
    request.setTransactionID(++transactionId & 0xFFFF);
    request.setUnitID(UNIT);
    j2modOut.reset();
    request.writeTo(j2modOut);
    j2modIn.reset(j2modOut.getBuffer(), j2modOut.size());
    ReadMultipleRegistersRequest r = new ReadMultipleRegistersRequest();
    r.readFrom(j2modIn);
    return r.getTransactionID() + r.getReference() + r.getWordCount();
  }

  @Benchmark
  public int j2modResponse() throws IOException {
    ReadMultipleRegistersResponse response = new ReadMultipleRegistersResponse(j2modRegisters);
    response.setTransactionID(++transactionId & 0xFFFF);
    response.setUnitID(UNIT);
    j2modOut.reset();
    response.writeTo(j2modOut);
    j2modIn.reset(j2modOut.getBuffer(), j2modOut.size());
    ReadMultipleRegistersResponse r = new ReadMultipleRegistersResponse();
    r.readFrom(j2modIn);
    return r.getTransactionID() + r.getWordCount() + r.getRegisterValue(0) + r.getRegisterValue(QUANTITY - 1);
  }
}
