package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The structure of a decoded record as one line of text, the "expected" column of the golden vector files: the
 * record name and its components, numbers in decimal, buffers as hex in brackets, e.g.
 * {@code ReadFifoQueueResponse(registers=[01 B8 12 84])}.
 */
public final class PduText {

  private PduText() {}

  public static String describe(Object value) {
    if (value instanceof ByteBuf b) {
      return "[" + Hex.of(b) + "]";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PduText::describe).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Record r) {
      StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
      RecordComponent[] components = r.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=')
            .append(describe(component(r, components[i])));
      }
      return sb.append(')').toString();
    }
    return String.valueOf(value);
  }

  private static Object component(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }
}
