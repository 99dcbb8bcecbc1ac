package cn.civgeo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries on the byte code (issue #12), with ArchUnit: the feature packages ({@code cn.civgeo.<feature>})
 * do not depend on each other in a cycle, and no feature calls another feature's repository (it uses the owner's
 * service or its read views; see TableOwnershipTest for the SQL side). A fixture shows the repository rule fails.
 */
class ModuleBoundariesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.civgeo");

    /** No class of a feature under {@code root} depends on a *Repository class of another feature under it. */
    static ArchRule noCallToAnotherFeaturesRepository(String root) {
        return classes().should(new ArchCondition<JavaClass>("use no other feature's repository") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String own = feature(root, c.getPackageName());
                if (own == null) return;
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass t = d.getTargetClass();
                    String other = feature(root, t.getPackageName());
                    if (other != null && !other.equals(own) && t.getSimpleName().endsWith("Repository")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).allowEmptyShould(true);
    }

    /** The feature of a package under root (its first segment), or null outside root. */
    static String feature(String root, String pkg) {
        if (!pkg.startsWith(root + ".")) return null;
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void noFeatureCallsAnotherFeaturesRepository() {
        noCallToAnotherFeaturesRepository("cn.civgeo").check(MAIN);
    }

    @Test
    void theFeaturesDependOnEachOtherWithoutCycles() {
        slices().matching("cn.civgeo.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theRepositoryRuleFailsOnAFeatureCallingAnothersRepository() {
        JavaClasses fixture = new ClassFileImporter().importPackages("cn.civgeo.architecture.fixture");
        assertThatThrownBy(() -> noCallToAnotherFeaturesRepository("cn.civgeo.architecture.fixture").check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("AlphaService").hasMessageContaining("BetaRepository");
    }
}
