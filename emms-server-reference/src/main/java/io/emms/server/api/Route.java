package io.emms.server.api;

import io.emms.server.auth.Role;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One API operation: registered with Javalin and described in the OpenAPI document from the same record, so the
 * two cannot drift apart.
 *
 * @param role the least role allowed; {@code null} for public operations
 * @param query the query parameters it reads
 */
record Route(HandlerType method, String path, Role role, String summary, java.util.List<String> query,
    Handler handler) {}
