package cn.civgeo.apiuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiUseFilterTest {
    @Test
    void takesTheDivisionPathCodeAndCodeLikeParameters() {
        assertThat(ApiUseFilter.codes("/api/divisions/350203001/history", Map.<String, String>of()::get)).containsExactly("350203001");
        assertThat(ApiUseFilter.codes("/api/divisions/350203", Map.of("prefix", "350203")::get)).containsExactly("350203");
        assertThat(ApiUseFilter.codes("/api/feed", Map.of("prefix", "3502", "code", "350203001001")::get)).containsExactly("350203001001");
        assertThat(ApiUseFilter.codes("/api/addresses", Map.of("divisionCode", " 350203 ", "q", "350203")::get)).containsExactly("350203");
        assertThat(ApiUseFilter.codes("/api/divisions/search", Map.of("code", "abc")::get)).isEmpty();
        assertThat(ApiUseFilter.codes("/api/divisions/35020300", Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void callersWithoutKeyOrSignInAreCountedAsAnonymousAndKeptApartFromAUserOfThatName() {
        assertThat(ApiUseFilter.client(null)).isEqualTo("anonymous");
        assertThat(ApiUseFilter.client(new org.springframework.security.authentication.AnonymousAuthenticationToken("k", "anonymousUser",
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isEqualTo("anonymous");
        assertThat(ApiUseFilter.client(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                "demo-client", null, java.util.List.of()))).isEqualTo("demo-client");
        assertThat(ApiUseFilter.client(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                "anonymous", null, java.util.List.of()))).isEqualTo("user:anonymous");
        assertThat(ApiUseFilter.client(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(
                "someone", null))).isEqualTo("anonymous");
    }
}
