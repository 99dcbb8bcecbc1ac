package cn.civgeo.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Makes sure an administrator exists: from CIVGEO_ADMIN_USERNAME/PASSWORD, or with a password printed once. */
@Component
@Order(0)
class FirstAdminInitializer implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final UserService users;
    private final String username;
    private final String password;

    FirstAdminInitializer(UserService users, @Value("${civgeo.security.admin-username}") String username,
                          @Value("${civgeo.security.admin-password}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyAdmin() || users.byUsername(username).isPresent()) return;
        boolean generated = password == null || password.isBlank();
        String pw = generated ? Secrets.newToken("").substring(0, 20) : password;
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("system", null, List.of()));
        try {
            users.create(new UserService.NewUser(username, "Administrator", pw, List.of(Role.ADMIN.name())));
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (generated) {
            log.warn("Created the first administrator '{}' with password '{}' (shown once; set CIVGEO_ADMIN_PASSWORD to choose it)",
                    username, pw);
        } else {
            log.info("Created the first administrator '{}' from CIVGEO_ADMIN_PASSWORD", username);
        }
    }
}
