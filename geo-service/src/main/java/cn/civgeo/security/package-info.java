/**
 * Who may do what. Users (ADMIN, SURVEYOR, PLANNER, VIEWER) sign in with HTTP Basic or a bearer token from
 * {@code POST /api/auth/login}; other systems call with {@code X-API-Key} and are rate-limited per key (429 with
 * Retry-After). Writes always need a role; anonymous reads are a setting ({@code civgeo.security.anonymous-read}).
 * Secrets are stored hashed: passwords with bcrypt, tokens and API keys (256-bit random) with SHA-256.
 */
package cn.civgeo.security;
