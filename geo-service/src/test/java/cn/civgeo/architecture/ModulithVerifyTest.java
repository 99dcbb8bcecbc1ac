package cn.civgeo.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.CivGeoApplication;
import cn.civgeo.architecture.modules.ModulesFixture;
import org.junit.jupiter.api.Test;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Spring Modulith's own check of the module structure (#12): each top-level package under {@code cn.civgeo} is an
 * application module; no cycles between modules; other modules use only a module's API: the public types of its base
 * package and the types it exposes with {@code @NamedInterface} (division's change API, placename's
 * {@code PlaceCategories}); {@code common} is an open module (the shared kernel). A fixture shows the check fails
 * when a feature reaches into another's sub-package.
 */
class ModulithVerifyTest {
    @Test
    void modulesVerify() {
        ApplicationModules.of(CivGeoApplication.class).verify();
    }

    @Test
    void aFeatureUsingAnothersInsideFailsTheCheck() {
        assertThatThrownBy(() -> ApplicationModules.of(ModulesFixture.class, (ImportOption) location -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("alpha").hasMessageContaining("BetaStore");
    }
}
