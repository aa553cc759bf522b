package io.emms.server.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.core.meter.RelayCommand;
import io.emms.server.auth.Role;
import io.emms.server.command.CommandConflictException;
import io.emms.server.command.CommandService;
import io.emms.server.command.MeterCommand;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

/** Relay commands: request (operators), follow their lifecycle (everybody signed in). */
final class CommandApi {

  private final ApiDependencies deps;

  CommandApi(ApiDependencies deps) {
    this.deps = deps;
  }

  List<Route> routes() {
    return List.of(
        new Route(POST, "/api/meters/{id}/commands", Role.OPERATOR,
            "Request a relay command {action: TRIP|CLOSE_DIRECT, reason, idempotencyKey, validitySeconds}",
            List.of(), this::request),
        new Route(GET, "/api/meters/{id}/commands", Role.VIEWER, "A meter's commands, newest first",
            List.of("limit", "offset"), this::listForMeter),
        new Route(GET, "/api/commands/{commandId}", Role.VIEWER, "One command and its state", List.of(), this::get));
  }

  private void request(Context ctx) {
    String meterId = ctx.pathParam("id");
    JsonNode body = Json.object(ctx);
    RelayCommand action = Params.enumValue(RelayCommand.class, "action", Params.text(body, "action", 32, true));
    if (!CommandService.VERIFIABLE.containsKey(action)) {
      throw ApiException.badField("action", "must be TRIP or CLOSE_DIRECT");
    }
    String reason = Params.text(body, "reason", 500, true);
    String key = Params.text(body, "idempotencyKey", 100, true);
    int validity = Params.integer(body, "validitySeconds", 300, 10, 86_400);
    try {
      MeterCommand c = deps.commands().request(ApiServer.principal(ctx).username(), meterId, action, reason, key,
          Duration.ofSeconds(validity));
      ctx.status(202).json(c);
    } catch (NoSuchElementException e) {
      throw ApiException.notFound("meter " + meterId);
    } catch (CommandConflictException e) {
      throw new ApiException(409, "idempotencyKey", e.getMessage());
    }
  }

  private void listForMeter(Context ctx) {
    String meterId = ctx.pathParam("id");
    deps.meters().byId(meterId).orElseThrow(() -> ApiException.notFound("meter " + meterId));
    Params.Page page = Params.page(ctx);
    ctx.json(Pages.of(deps.commandStore().list(meterId, page.limit(), page.offset()), page));
  }

  private void get(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("commandId"));
    } catch (NumberFormatException e) {
      throw ApiException.badField("commandId", "not a command id");
    }
    ctx.json(deps.commandStore().byId(id).orElseThrow(() -> ApiException.notFound("command " + id)));
  }
}
