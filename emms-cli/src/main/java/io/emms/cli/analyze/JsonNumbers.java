package io.emms.cli.analyze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Doubles into JSON trees; NaN and infinities (not valid JSON numbers) become null. */
final class JsonNumbers {

  private JsonNumbers() {}

  static void put(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  static ArrayNode putArray(ObjectNode node, String name, double[] values) {
    ArrayNode array = node.putArray(name);
    for (double v : values) {
      add(array, v);
    }
    return array;
  }

  static void add(ArrayNode array, double value) {
    if (Double.isFinite(value)) {
      array.add(value);
    } else {
      array.addNull();
    }
  }
}
