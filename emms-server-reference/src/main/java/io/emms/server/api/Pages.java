package io.emms.server.api;

import java.util.List;
import java.util.Map;

/** The envelope of every list: the items, the paging asked for, and whether more may follow. */
final class Pages {

  private Pages() {}

  static Map<String, Object> of(List<?> items, Params.Page page) {
    return Map.of("items", items, "limit", page.limit(), "offset", page.offset(),
        "more", items.size() == page.limit());
  }
}
