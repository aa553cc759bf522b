package io.emms.dlt645.client;

import io.emms.core.reading.Quantity;
import io.emms.dlt645.catalogue.DataItem;
import io.emms.dlt645.catalogue.Dlt645Catalogue;
import io.emms.dlt645.codec.Dlt645Edition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which data item holds a core {@link Quantity} in each edition, from the catalogue. */
final class QuantityIndex {

  private static final QuantityIndex V2007 = new QuantityIndex(Dlt645Catalogue.of(Dlt645Edition.V2007));
  private static final QuantityIndex V1997 = new QuantityIndex(Dlt645Catalogue.of(Dlt645Edition.V1997));

  private final Dlt645Catalogue catalogue;
  private final Map<Quantity, DataItem> items = new HashMap<>();

  private QuantityIndex(Dlt645Catalogue catalogue) {
    this.catalogue = catalogue;
    // Ascending DI order: the current register wins over any later item naming the same quantity.
    for (DataItem item : catalogue.items()) {
      if (item.access().readable() && item.quantity().isPresent()) {
        items.putIfAbsent(item.quantity().get(), item);
      }
    }
  }

  static QuantityIndex of(Dlt645Edition edition) {
    return edition == Dlt645Edition.V2007 ? V2007 : V1997;
  }

  Dlt645Catalogue catalogue() {
    return catalogue;
  }

  Optional<DataItem> itemFor(Quantity quantity) {
    return Optional.ofNullable(items.get(quantity));
  }
}
