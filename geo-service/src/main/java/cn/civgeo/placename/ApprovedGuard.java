package cn.civgeo.placename;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * An approved standard name is changed only through its workflow (地名管理条例: no renaming or change without
 * approval): a plain update may touch its free notes ({@code description}) and nothing else. Any other field that
 * differs from the record (a value sent unchanged is fine, so a client may send the whole record back) answers
 * 409 naming each field and the workflow step to use instead.
 */
final class ApprovedGuard {
    static final String WORKFLOW = "an approved place name changes only through its workflow: the name by "
            + "POST /api/place-names/{id}/rename (with the approval document); anything else (location, category, division, "
            + "spelling, …) by POST /api/place-names/{id}/abolish and a new proposal that is approved again. "
            + "A plain PUT may change only 'description' (free notes)";

    private ApprovedGuard() {}

    static void check(PlaceName before, PlaceNameRequest r) {
        List<FieldProblem> changed = new ArrayList<>();
        differs(changed, "name", r.name(), before.name());
        differs(changed, "shortName", r.shortName(), before.shortName());
        if (r.aliases() != null && !r.aliases().stream().map(String::strip).filter(a -> !a.isEmpty()).toList().equals(
                before.aliases() == null ? List.of() : before.aliases())) {
            changed.add(new FieldProblem("aliases", "differs from the approved record"));
        }
        differs(changed, "spelling", r.spelling(), before.spelling());
        differs(changed, "category", r.category(), before.categoryCode());
        differs(changed, "divisionCode", r.divisionCode(), before.divisionCode());
        differs(changed, "locationText", r.locationText(), before.locationText());
        differs(changed, "meaning", r.meaning(), before.meaning());
        differs(changed, "history", r.history(), before.history());
        differs(changed, "numbering", r.numbering(), before.numbering());
        if (r.namingDate() != null && !r.namingDate().equals(before.namingDate())) changed.add(changedField("namingDate"));
        if (r.establishedYear() != null && !r.establishedYear().equals(before.establishedYear())) changed.add(changedField("establishedYear"));
        if (r.current() != null && r.current() != before.current()) changed.add(changedField("current"));
        if (r.geometry() != null && !r.geometry().isNull() && !sameGeometry(r.geometry().toString(), before.geometry())) {
            changed.add(changedField("geometry"));
        }
        if (!changed.isEmpty()) {
            throw new ApiException(ProblemType.STATE_CONFLICT, "place name " + before.id() + " is approved; " + WORKFLOW.replace("{id}",
                    Long.toString(before.id())), changed, Map.of("workflow", List.of("rename", "abolish")));
        }
    }

    private static FieldProblem changedField(String field) { return new FieldProblem(field, "differs from the approved record"); }

    private static void differs(List<FieldProblem> out, String field, String sent, String stored) {
        if (sent == null) return;
        String s = sent.strip();
        if (!Objects.equals(s.isEmpty() ? null : s, stored == null || stored.isBlank() ? null : stored.strip())) out.add(changedField(field));
    }

    /** Same shape within 1e-7° (about 1 cm): what GeoJSON round-trips keep. */
    private static boolean sameGeometry(String sent, String stored) {
        if (stored == null) return false;
        try {
            GeoJsonReader reader = new GeoJsonReader();
            Geometry a = reader.read(sent);
            Geometry b = reader.read(stored);
            return a.equalsExact(b, 1e-7);
        } catch (Exception e) {
            return false;
        }
    }
}
