package cn.civgeo.architecture.modules;

/** Root of a two-module fixture for {@code ModulithVerifyTest}: alpha reaches into beta's inside. */
@org.springframework.modulith.Modulithic
public final class ModulesFixture {
    private ModulesFixture() {}
}
