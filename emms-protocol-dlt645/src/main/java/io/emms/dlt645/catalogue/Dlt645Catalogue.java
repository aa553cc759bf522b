package io.emms.dlt645.catalogue;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Unit;
import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data identifiers of one edition, loaded from {@code dlt645-2007.csv} / {@code dlt645-1997.csv} next to this
 * class. Immutable and shared.
 */
public final class Dlt645Catalogue {

  private static final Dlt645Catalogue V2007 = load(Dlt645Edition.V2007, "dlt645-2007.csv");
  private static final Dlt645Catalogue V1997 = load(Dlt645Edition.V1997, "dlt645-1997.csv");
  private static final int COLUMNS = 10;

  private final Dlt645Edition edition;
  /** By ascending DI, for listing and block members. */
  private final Map<Integer, DataItem> items;
  /** The same items for the per-reply lookup. */
  private final Map<Integer, DataItem> byDi;

  private Dlt645Catalogue(Dlt645Edition edition, Map<Integer, DataItem> items) {
    this.edition = edition;
    this.items = items;
    this.byDi = Map.copyOf(items);
  }

  public static Dlt645Catalogue of(Dlt645Edition edition) {
    return edition == Dlt645Edition.V2007 ? V2007 : V1997;
  }

  public Dlt645Edition edition() {
    return edition;
  }

  public Optional<DataItem> find(int di) {
    return Optional.ofNullable(byDi.get(di));
  }

  /** Every item, by ascending DI. */
  public List<DataItem> items() {
    return List.copyOf(items.values());
  }

  /**
   * The items a block stands for, in element order: for a 2007 DI with an {@code FF} byte, the items that differ
   * only in that byte; for a 1997 DI ending in {@code F}, those that differ only in that nibble. Empty for other
   * items and for blocks whose members are not catalogued (e.g. frozen energy blocks).
   */
  public List<DataItem> blockMembers(DataItem block) {
    int mask = blockMask(block.di());
    if (mask == 0) {
      return List.of();
    }
    List<DataItem> members = new ArrayList<>();
    for (DataItem item : items.values()) {
      if (item.di() != block.di() && (item.di() & ~mask) == (block.di() & ~mask)
          && (item.di() & mask) != mask) {
        members.add(item);
      }
    }
    return Collections.unmodifiableList(members);
  }

  private int blockMask(int di) {
    if (edition == Dlt645Edition.V1997) {
      return (di & 0xF) == 0xF ? 0xF : 0;
    }
    for (int shift = 0; shift < 32; shift += 8) {
      if ((di >>> shift & 0xFF) == 0xFF) {
        return 0xFF << shift;
      }
    }
    return 0;
  }

  private static Dlt645Catalogue load(Dlt645Edition edition, String resource) {
    try (InputStream in = Dlt645Catalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalogue resource missing: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<Integer, DataItem> items = new TreeMap<>(Integer::compareUnsigned);
      boolean header = true;
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        DataItem item = parseRow(edition, line, resource + ":" + lineNumber);
        if (items.put(item.di(), item) != null) {
          throw new IllegalStateException(resource + ":" + lineNumber + ": duplicate DI");
        }
      }
      return new Dlt645Catalogue(edition, Collections.unmodifiableMap(items));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataItem parseRow(Dlt645Edition edition, String line, String where) {
    String[] c = line.split(",", -1);
    if (c.length != COLUMNS) {
      throw new IllegalStateException(where + ": expected " + COLUMNS + " columns, got " + c.length);
    }
    try {
      Optional<Quantity> quantity = c[7].isEmpty()
          ? Optional.empty()
          : Optional.of(new Quantity(Measurand.valueOf(c[7]), Phase.valueOf(c[8]), Integer.parseInt(c[9])));
      return new DataItem(Dlt645DataId.parse(c[0], edition), c[1], DataFormat.parse(c[2]), Integer.parseInt(c[3]),
          unit(c[4]), "Y".equals(c[5]), Access.ofCode(c[6]), quantity);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
  }

  private static Unit unit(String symbol) {
    for (Unit unit : Unit.values()) {
      if (unit.symbol().equals(symbol)) {
        return unit;
      }
    }
    throw new IllegalArgumentException("unknown unit '" + symbol + "'");
  }
}
