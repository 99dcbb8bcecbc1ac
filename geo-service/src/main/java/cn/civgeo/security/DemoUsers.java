package cn.civgeo.security;

import cn.civgeo.demo.DemoDataContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * One demo user per role and one demo API client, with the passwords and key documented in README.
 * Demo credentials: never enable demo data on a server others can reach.
 */
@Component
public class DemoUsers implements DemoDataContributor {
    public static final String PASSWORD_SUFFIX = "-demo-2026";
    public static final String API_CLIENT = "demo-client";
    public static final String API_KEY = "cgk_demo_0123456789abcdef";

    private final UserService users;
    private final ApiClientService clients;

    public DemoUsers(UserService users, ApiClientService clients) {
        this.users = users;
        this.clients = clients;
    }

    @Override public int order() { return 0; }

    @Override public String name() { return "users and API client"; }

    @Override
    public void load() {
        ensure("admin", "系统管理员", Role.ADMIN);
        ensure("surveyor", "勘界测绘员", Role.SURVEYOR);
        ensure("planner", "规划人员", Role.PLANNER);
        ensure("viewer", "查看人员", Role.VIEWER);
        if (clients.byName(API_CLIENT).isEmpty()) {
            clients.create(new ApiClientService.NewClient(API_CLIENT, 6000, API_KEY));
        }
    }

    private void ensure(String username, String displayName, Role role) {
        if (users.byUsername(username).isEmpty()) {
            users.create(new UserService.NewUser(username, displayName, username + PASSWORD_SUFFIX, List.of(role.name())));
        }
    }
}
