package io.emms.server.auth;

/**
 * A successful sign-in.
 *
 * @param sessionToken the secret for the session cookie (only its hash is stored)
 */
public record LoginResult(String sessionToken, Principal principal) {}
