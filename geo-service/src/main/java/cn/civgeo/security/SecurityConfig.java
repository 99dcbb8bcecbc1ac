package cn.civgeo.security;

import cn.civgeo.common.ProblemType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() { return new BCryptPasswordEncoder(); }

    @Bean
    AuthenticationProvider basicSignIn(SignInService signIn) { return new BasicSignIn(signIn); }

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, ApiClientService clients,
                            FairUse fairUse, ProblemResponses problems,
                            @Value("${civgeo.security.default-rate-limit-per-minute}") int defaultLimit,
                            @Value("${civgeo.security.anonymous-read}") boolean anonymousRead) throws Exception {
        CredentialsFilter credentials = new CredentialsFilter(tokens, clients, problems, defaultLimit);
        http.csrf(c -> c.disable()) // bearer tokens and API keys, no cookies: nothing for CSRF to protect
                .cors(org.springframework.security.config.Customizer.withDefaults()) // origins: common.CorsConfig
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> {
                    if (e instanceof BasicSignIn.Throttled t) {
                        res.setHeader("Retry-After", Long.toString(t.retryAfterSeconds));
                        problems.write(res, ProblemType.RATE_LIMITED, t.getMessage());
                    } else {
                        problems.write(res, ProblemType.UNAUTHENTICATED, "Wrong user name or password");
                    }
                }))
                .addFilterBefore(credentials, BasicAuthenticationFilter.class)
                .addFilterAfter(new FairUseFilter(fairUse, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, ProblemType.UNAUTHENTICATED,
                                "Sign in (Authorization: Bearer or Basic, or X-API-Key) to do this"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, ProblemType.FORBIDDEN,
                                "Your role does not allow this action")))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/api/auth/login", "/error").permitAll();
                    a.requestMatchers("/actuator/health/**", "/actuator/info").permitAll();
                    a.requestMatchers("/actuator/**").hasRole("ADMIN");
                    a.requestMatchers("/api/audit/**", "/api/users/**", "/api/api-clients/**").hasRole("ADMIN");
                    // CORS preflights and OPTIONS carry no data; HEAD is answered like GET (OGC clients probe with it).
                    a.requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
                    if (anonymousRead) {
                        a.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
                        a.requestMatchers(HttpMethod.HEAD, "/api/**").permitAll();
                    } else {
                        a.requestMatchers(HttpMethod.GET, "/api/**").authenticated();
                    }
                    a.requestMatchers("/api/**").authenticated();
                    // The map's static files and the OpenAPI document are public.
                    a.anyRequest().permitAll();
                })
                // Security headers on every answer (the page sets its own CSP with a nonce for its inline config).
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .contentTypeOptions(c -> { })
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(cn.civgeo.common.SecurityHeaders.CSP)));
        return http.build();
    }
}
