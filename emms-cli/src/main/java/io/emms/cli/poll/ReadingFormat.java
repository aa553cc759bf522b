package io.emms.cli.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.output.JsonOutput;
import io.emms.core.reading.Reading;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How {@code emms poll} prints a reading: one JSON object per line, or CSV with a header. */
enum ReadingFormat {
  NDJSON {
    @Override
    String header() {
      return null;
    }

    @Override
    String line(String meter, Reading r) {
      ObjectNode json = JsonOutput.object();
      json.put("meter", meter);
      json.put("quantity", r.quantity().toString());
      if (r.hasValue()) {
        json.put("value", r.value());
      } else {
        json.putNull("value");
      }
      json.put("unit", r.unit().symbol());
      json.put("quality", r.quality().name());
      json.put("time", r.timestamp().toString());
      return JsonOutput.line(json);
    }
  },
  CSV {
    @Override
    String header() {
      return "meter,quantity,value,unit,quality,time";
    }

    @Override
    String line(String meter, Reading r) {
      return Stream.of(meter, r.quantity().toString(), r.hasValue() ? r.value().toPlainString() : "",
              r.unit().symbol(), r.quality().name(), r.timestamp().toString())
          .map(ReadingFormat::csvField)
          .collect(Collectors.joining(","));
    }
  };

  /** The first line of the output, or {@code null} for none. */
  abstract String header();

  /** One reading of {@code meter} as one line. */
  abstract String line(String meter, Reading reading);

  private static String csvField(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}
