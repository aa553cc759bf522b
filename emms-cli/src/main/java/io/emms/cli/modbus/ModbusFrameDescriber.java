package io.emms.cli.modbus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.command.BadInputException;
import io.emms.cli.output.FrameDescriber;
import io.emms.cli.output.JsonOutput;
import io.emms.modbus.frame.Framing;
import io.emms.modbus.frame.InspectedFrame;
import io.emms.modbus.frame.ModbusFrameInspector;
import io.emms.modbus.pdu.BitView;
import io.emms.modbus.pdu.DeviceIdObject;
import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.FunctionCode;
import io.emms.modbus.pdu.ModbusPdu;
import io.emms.modbus.pdu.RegisterView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Describes one Modbus RTU or TCP frame for {@code emms decode}: unit, function, transaction id (TCP), the PDU's
 * fields (addresses, quantities, register values, bits) or the exception code, and {@code crcOk} for RTU.
 *
 * <p>Without {@code --direction}, the frame is decoded both ways and the direction whose layout fits is reported;
 * where both fit (echoed writes such as function 06) it is reported as a request.
 */
public final class ModbusFrameDescriber implements FrameDescriber {

  private final Framing framing;
  private final Direction direction;

  /** @param direction the direction to decode as, or {@code null} to recognise it */
  public ModbusFrameDescriber(Framing framing, Direction direction) {
    this.framing = framing;
    this.direction = direction;
  }

  @Override
  public ObjectNode describe(byte[] frame) {
    Fit fit = direction != null
        ? new Fit(ModbusFrameInspector.inspect(frame, framing, direction), direction)
        : bestFit(frame);
    if (fit.frame().pdu() == null) {
      throw new BadInputException("not a Modbus " + framing + " frame: " + fit.frame().problem());
    }
    return json(fit.frame(), fit.direction());
  }

  private record Fit(InspectedFrame frame, Direction direction) {}

  private Fit bestFit(byte[] frame) {
    Fit request = new Fit(ModbusFrameInspector.inspect(frame, framing, Direction.REQUEST), Direction.REQUEST);
    if (request.frame().pdu() != null && request.frame().ok()) {
      return request;
    }
    Fit response = new Fit(ModbusFrameInspector.inspect(frame, framing, Direction.RESPONSE), Direction.RESPONSE);
    if (response.frame().pdu() != null && (response.frame().ok() || request.frame().pdu() == null)) {
      return response;
    }
    return request;
  }

  private static ObjectNode json(InspectedFrame frame, Direction direction) {
    ModbusPdu pdu = frame.pdu();
    ObjectNode json = JsonOutput.object();
    json.put("framing", frame.framing().name());
    frame.transactionId().ifPresent(id -> json.put("transactionId", id));
    json.put("unit", frame.unitId());
    json.put("function", pdu.functionCode());
    FunctionCode known = FunctionCode.of(pdu.functionCode());
    json.put("functionName", known == null ? "CUSTOM" : known.name());
    json.put("direction", direction.name().toLowerCase(java.util.Locale.ROOT));
    if (pdu instanceof ExceptionResponse e) {
      ObjectNode ex = json.putObject("exception");
      ex.put("code", e.code());
      ex.put("name", e.exceptionCode() == null ? "UNDEFINED" : e.exceptionCode().name());
    } else {
      fields(pdu, json);
    }
    if (frame.framing() == Framing.RTU) {
      json.put("crcOk", frame.checksumOk());
    } else if (frame.framing() == Framing.ASCII) {
      json.put("lrcOk", frame.checksumOk());
    }
    if (frame.problem() != null) {
      json.put("problem", frame.problem());
    }
    return json;
  }

  /** The PDU record's components: numbers, booleans, enums, registers as unsigned values, bits as 0/1. */
  private static void fields(ModbusPdu pdu, ObjectNode json) {
    for (RecordComponent c : pdu.getClass().getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(pdu);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String name = c.getName();
      if (value instanceof Integer i) {
        json.put(name, i);
      } else if (value instanceof Boolean b) {
        json.put(name, b);
      } else if (value instanceof Enum<?> e) {
        json.put(name, e.name());
      } else if (value instanceof ByteBuf buf) {
        buffer(pdu, name, buf, json);
      } else if (value instanceof List<?> list) {
        ArrayNode array = json.putArray(name);
        for (Object o : list) {
          if (o instanceof DeviceIdObject d) {
            array.addObject().put("id", d.id()).put("value", d.value().toString(java.nio.charset.StandardCharsets.US_ASCII));
          } else {
            array.add(String.valueOf(o));
          }
        }
      } else if (value != null) {
        json.put(name, value.toString());
      }
    }
  }

  private static void buffer(ModbusPdu pdu, String name, ByteBuf buf, ObjectNode json) {
    if (pdu instanceof RegisterView registers && name.equals("registers")) {
      ArrayNode values = json.putArray("values");
      for (int v : registers.registerValues()) {
        values.add(v);
      }
    } else if (pdu instanceof BitView bits && name.equals("bits")) {
      ArrayNode values = json.putArray("bits");
      for (boolean b : bits.bitValues(buf.readableBytes() * 8)) {
        values.add(b ? 1 : 0);
      }
    } else {
      json.put(name, ByteBufUtil.hexDump(buf).toUpperCase());
    }
  }
}
