package io.emms.cli.dlt645;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.dlt645.catalogue.DataItem;
import io.emms.dlt645.catalogue.Dlt645Catalogue;
import io.emms.dlt645.catalogue.Dlt645Value;
import io.emms.dlt645.catalogue.LoadRecord;
import io.emms.dlt645.catalogue.RunStatusWord;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Flattens a decoded DL/T 645 value into {@code {"name","value","unit"}} entries: numbers stay exact, dates and
 * texts become strings, a value the meter did not have becomes {@code null}.
 */
final class Dlt645ValueJson {

  private final Dlt645Catalogue catalogue;
  private final ArrayNode out;

  private Dlt645ValueJson(Dlt645Catalogue catalogue, ArrayNode out) {
    this.catalogue = catalogue;
    this.out = out;
  }

  /** Appends the entries of {@code value}, an instance of {@code item}, to {@code out}. */
  static void append(Dlt645Catalogue catalogue, DataItem item, Dlt645Value value, ArrayNode out) {
    new Dlt645ValueJson(catalogue, out).value(item.name(), item.unit().symbol(), item, value);
  }

  private void value(String name, String unit, DataItem item, Dlt645Value value) {
    if (value instanceof Dlt645Value.Decimal d) {
      entry(name, unit).put("value", d.value());
    } else if (value instanceof Dlt645Value.Missing) {
      entry(name, unit).putNull("value");
    } else if (value instanceof Dlt645Value.Timestamp t) {
      entry(name, "").put("value", t.value().toString());
    } else if (value instanceof Dlt645Value.Date d) {
      entry(name, "").put("value", d.value().toString());
      d.weekday().ifPresent(w -> entry(name + " weekday", "").put("value", w.toString()));
    } else if (value instanceof Dlt645Value.Time t) {
      entry(name, "").put("value", t.value().toString());
    } else if (value instanceof Dlt645Value.MonthDayTime m) {
      entry(name, "").put("value", m.date().toString().substring(2) + "T" + m.time());
    } else if (value instanceof Dlt645Value.DigitString s) {
      entry(name, "").put("value", s.digits());
    } else if (value instanceof Dlt645Value.Text t) {
      entry(name, "").put("value", t.text());
    } else if (value instanceof Dlt645Value.Parts p) {
      parts(name, unit, item, p.parts());
    } else if (value instanceof Dlt645Value.Elements e) {
      elements(name, unit, item, e.elements());
    } else if (value instanceof RunStatusWord w) {
      statusWord(name, w);
    } else if (value instanceof LoadRecord r) {
      loadRecord(name, r);
    } else {
      recordComponents(name, value);
    }
  }

  private void parts(String name, String unit, DataItem item, List<Dlt645Value> parts) {
    for (int i = 0; i < parts.size(); i++) {
      Dlt645Value part = parts.get(i);
      boolean temporal = part instanceof Dlt645Value.Timestamp || part instanceof Dlt645Value.MonthDayTime
          || part instanceof Dlt645Value.Date || part instanceof Dlt645Value.Time;
      value(i == 0 ? name : name + (temporal ? " time" : " (" + (i + 1) + ")"), unit, item, part);
    }
  }

  private void elements(String name, String unit, DataItem item, List<Dlt645Value> elements) {
    List<DataItem> members = item.di() == 0 ? List.of() : catalogue.blockMembers(item);
    for (int i = 0; i < elements.size(); i++) {
      if (i < members.size()) {
        DataItem member = members.get(i);
        value(member.name(), member.unit().symbol(), member, elements.get(i));
      } else {
        value(name + " [" + i + "]", unit, item, elements.get(i));
      }
    }
  }

  private void statusWord(String name, RunStatusWord word) {
    entry(name, "").put("value", String.format("%04X", word.bits()));
    List<String> flags = switch (word.number()) {
      case 3 -> List.of(word.relayOpen() ? "relay open" : "relay closed");
      case 4, 5, 6 -> word.phaseFaults().stream().map(f -> words(f.name())).toList();
      case 7 -> word.meterConditions().stream().map(c -> words(c.name())).toList();
      default -> List.of();
    };
    if (!flags.isEmpty()) {
      entry(name + " flags", "").put("value", String.join(", ", flags));
    }
  }

  private void loadRecord(String name, LoadRecord record) {
    entry(name + " time", "").put("value", record.time().toString());
    record.values().forEach((field, v) -> entry(words(field.name()),
        field.quantity().map(q -> q.unit().symbol()).orElse("")).put("value", v));
  }

  /** Event records and anything else: one entry per record component. */
  private void recordComponents(String name, Object value) {
    if (!value.getClass().isRecord()) {
      entry(name, "").put("value", value.toString());
      return;
    }
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (v instanceof Optional<?> o) {
        v = o.orElse(null);
      }
      String child = name + " " + words(c.getName());
      if (v == null) {
        entry(child, "").putNull("value");
      } else if (v instanceof BigDecimal d) {
        entry(child, "").put("value", d);
      } else if (v.getClass().isRecord()) {
        recordComponents(child, v);
      } else {
        entry(child, "").put("value", v.toString());
      }
    }
  }

  private ObjectNode entry(String name, String unit) {
    ObjectNode e = out.addObject();
    e.put("name", name);
    e.putNull("value");
    e.put("unit", unit);
    return e;
  }

  /** FORWARD_ACTIVE_ENERGY or forwardActive → "forward active energy" / "forward active". */
  private static String words(String identifier) {
    String spaced = identifier.contains("_") ? identifier.replace('_', ' ')
        : identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    return spaced.toLowerCase(Locale.ROOT);
  }
}
