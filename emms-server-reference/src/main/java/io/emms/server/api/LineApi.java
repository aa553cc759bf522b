package io.emms.server.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.core.link.LinkProviders;
import io.emms.core.link.LinkUri;
import io.emms.core.link.LinkUriException;
import io.emms.server.auth.Role;
import io.emms.server.db.DuplicateKeyException;
import io.emms.server.db.LineStore.LineRow;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/** The fleet's lines: the links meters are reached through; the acquisition picks changes up within 30 s. */
final class LineApi {

  private static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final ApiDependencies deps;

  LineApi(ApiDependencies deps) {
    this.deps = deps;
  }

  List<Route> routes() {
    return List.of(
        new Route(GET, "/api/lines", Role.VIEWER, "List lines", List.of("limit", "offset"), this::list),
        new Route(POST, "/api/lines", Role.OPERATOR,
            "Add a line {id, link} (a link URI such as tcp://10.0.0.7:8899 or serial:/dev/ttyUSB0?baud=2400)",
            List.of(), this::create),
        new Route(DELETE, "/api/lines/{id}", Role.OPERATOR, "Remove a line (its meters stay, unpolled)", List.of(),
            this::delete));
  }

  private void list(Context ctx) {
    Params.Page page = Params.page(ctx);
    ctx.json(Pages.of(deps.lines().list(page.limit(), page.offset()), page));
  }

  private void create(Context ctx) {
    JsonNode body = Json.object(ctx);
    String id = Params.text(body, "id", 64, true);
    if (!LINE_ID.matcher(id).matches()) {
      throw ApiException.badField("id", "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    String link = Params.text(body, "link", 255, true);
    String scheme;
    try {
      scheme = LinkUri.parse(link).scheme();
    } catch (LinkUriException e) {
      throw ApiException.badField("link", e.getMessage());
    }
    if (!LinkProviders.providers().containsKey(scheme)) {
      throw ApiException.badField("link", "no transport for scheme '" + scheme + "'; known: "
          + LinkProviders.providers().keySet());
    }
    try {
      LineRow line = new LineRow(id, scheme, link);
      deps.lines().create(line);
      deps.audit().append(ApiServer.principal(ctx).username(), "line.create", id, link);
      ctx.status(201).json(line);
    } catch (DuplicateKeyException e) {
      throw new ApiException(409, "id", "id: a line '" + id + "' exists already");
    }
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    if (!deps.lines().delete(id)) {
      throw ApiException.notFound("line " + id);
    }
    deps.audit().append(ApiServer.principal(ctx).username(), "line.delete", id, null);
    ctx.status(204);
  }
}
