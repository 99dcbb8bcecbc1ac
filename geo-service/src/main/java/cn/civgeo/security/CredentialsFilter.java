package cn.civgeo.security;

import cn.civgeo.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} (users) and {@code X-API-Key} (other systems, rate-limited).
 * A presented but unknown credential is a 401 at once rather than silently anonymous.
 */
class CredentialsFilter extends OncePerRequestFilter {
    static final String API_KEY_HEADER = "X-API-Key";

    private final TokenService tokens;
    private final ApiClientService clients;
    private final ProblemResponses problems;
    private final int defaultLimit;

    CredentialsFilter(TokenService tokens, ApiClientService clients, ProblemResponses problems, @Value("${civgeo.security.default-rate-limit-per-minute}") int defaultLimit) {
        this.tokens = tokens;
        this.clients = clients;
        this.problems = problems;
        this.defaultLimit = defaultLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String auth = req.getHeader("Authorization");
        String key = req.getHeader(API_KEY_HEADER);
        // Keys in URLs end up in access logs, proxies and browser history: headers only. (getQueryString, not
        // getParameter, so a multipart body is not parsed here.)
        String query = req.getQueryString();
        if (query != null && java.util.regex.Pattern.compile("(^|&)api_?key=", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(query).find()) {
            problems.write(res, ProblemType.VALIDATION, "apiKey: API keys are accepted in the " + API_KEY_HEADER
                    + " header only, never in the URL (where they end up in logs); this key should now be considered exposed",
                    java.util.List.of(new cn.civgeo.common.FieldProblem("apiKey", "send it as the " + API_KEY_HEADER + " header")));
            return;
        }
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<TokenService.TokenUser> user = tokens.userFor(auth.substring(7).trim());
            if (user.isEmpty()) {
                problems.write(res, ProblemType.UNAUTHENTICATED, "The bearer token is unknown or expired; sign in again");
                return;
            }
            List<SimpleGrantedAuthority> roles = user.get().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user.get().username(), null, roles));
        } else if (key != null) {
            Optional<ApiClient> client = clients.byKey(key);
            if (client.isEmpty()) {
                problems.write(res, ProblemType.UNAUTHENTICATED, "The API key is unknown or disabled");
                return;
            }
            ApiClient c = client.get();
            int limit = c.rateLimitPerMinute() == null ? defaultLimit : c.rateLimitPerMinute();
            // Its per-minute limit is charged by FairUseFilter, after authentication.
            req.setAttribute(BatchQuota.CLIENT, new BatchQuota.Client(c.id(), c.name(), limit));
            if (c.defaultDivision() != null) req.setAttribute(ApiClient.DEFAULT_DIVISION_ATTRIBUTE, c.defaultDivision());
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "api:" + c.name(), null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.API_CLIENT))));
        }
        chain.doFilter(req, res);
    }
}
