package cn.civgeo.security;

/** User roles; API clients get the authority {@code ROLE_API_CLIENT} instead. */
enum Role {
    ADMIN, SURVEYOR, PLANNER, VIEWER;

    public static final String API_CLIENT = "API_CLIENT";
}
