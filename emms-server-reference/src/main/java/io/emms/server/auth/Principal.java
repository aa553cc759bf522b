package io.emms.server.auth;

/**
 * The signed-in user behind a request.
 *
 * @param sessionHash the SHA-256 of the session token (identifies the session without the token)
 * @param csrfToken the token state-changing requests must echo in the {@code X-CSRF-Token} header
 */
public record Principal(long userId, String username, Role role, String sessionHash, String csrfToken) {}
