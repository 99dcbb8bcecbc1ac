package cn.civgeo.division.change;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionChangedEvent;
import cn.civgeo.division.DivisionNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies division changes (events) in one transaction each: validates the request, locks and version-checks
 * the units it names, closes their current versions, writes new ones, links predecessors to successors,
 * records the event with its approval document, audits every unit, and publishes {@link DivisionChangedEvent}
 * before commit. Nothing is ever overwritten in place without its previous version kept.
 */
@org.springframework.modulith.NamedInterface("change")
@Service
public class DivisionChangeService {
    static final Set<String> KINDS = Set.of("establish", "abolish", "rename", "merge", "split", "reparent", "boundary", "convert");

    private final DivisionWriteRepository w;
    private final ChangeGeometry geo;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    DivisionChangeService(DivisionWriteRepository w, ChangeGeometry geo, AuditService audit, ApplicationEventPublisher events,
                          JsonMapper json) {
        this.w = w;
        this.geo = geo;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    @Transactional
    public ChangeResult apply(ChangeRequest r) {
        Validation v = new Validation();
        v.require(r.kind() != null && KINDS.contains(r.kind()), "kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
        v.require(r.effectiveDate() != null, "effectiveDate", "is required (yyyy-MM-dd)");
        v.require(r.effectiveDate() == null || !r.effectiveDate().isAfter(LocalDate.now()), "effectiveDate",
                "must not be in the future: apply the change on or after its effective date");
        v.require(r.approvalDocument() != null && !r.approvalDocument().isBlank() && r.approvalDocument().length() <= 200,
                "approvalDocument", "is required (批复文号, at most 200 characters)");
        v.throwIfInvalid();
        Crs crs = Crs.parse(r.crs());
        long eventId = w.insertEvent(r.kind(), r.effectiveDate(), r.approvalDocument().strip(), r.approvedBy(), r.note(),
                json.writeValueAsString(r), AuditService.currentActor());
        ChangeContext ctx = new ChangeContext(eventId, r.kind(), r.effectiveDate(), r.expectedVersions());
        switch (r.kind()) {
            case "establish" -> establish(r, crs, ctx);
            case "abolish" -> abolish(r, ctx);
            case "rename" -> rename(r, ctx);
            case "boundary" -> boundary(r, crs, ctx);
            case "merge" -> merge(r, ctx);
            case "split" -> split(r, crs, ctx);
            case "reparent" -> reparent(r, ctx);
            case "convert" -> convert(r, ctx);
            default -> throw new IllegalStateException(r.kind());
        }
        audit.created("division-event", eventId, Map.of("kind", r.kind(), "effectiveDate", r.effectiveDate().toString(),
                "approvalDocument", r.approvalDocument(), "codes", List.copyOf(ctx.codes)));
        events.publishEvent(new DivisionChangedEvent(r.kind(), List.copyOf(ctx.codes), r.effectiveDate()));
        return new ChangeResult(eventId, r.kind(), r.effectiveDate(), r.approvalDocument().strip(),
                List.copyOf(ctx.touched), List.copyOf(ctx.notes));
    }

    // ---- establish, abolish, rename, boundary ------------------------------------------------------------

    private void establish(ChangeRequest r, Crs crs, ChangeContext ctx) {
        Validation v = new Validation();
        v.notBlank(r.parentCode(), "parentCode").notBlank(r.name(), "name");
        v.require(r.name() == null || r.name().strip().length() <= 100, "name", "must be at most 100 characters");
        v.require(r.urbanRural() == null || Set.of("urban", "rural").contains(r.urbanRural()), "urbanRural", "must be urban or rural");
        v.throwIfInvalid();
        Division parent = locked(r.parentCode(), "parentCode");
        ctx.requireActive(parent, "parentCode");
        byte[] g = r.geometry() == null ? null : geo.read(r.geometry(), "geometry", crs);
        String code = newCode(parent, r.newCode(), r.name().strip(), "newCode");
        if (g != null) geo.requireWithin(g, parent, "geometry");
        w.insert(code, r.name().strip(), parent.code(), g, "event:" + ctx.eventId, r.population(), r.households(),
                r.elderly(), r.urbanRural(), ctx.date);
        touch(ctx, code, "created", null);
        ctx.codes.add(parent.code());
        if (g != null) ctx.notes.add("siblings' geometry is unchanged; apply a boundary change to them if they gave territory");
    }

    private void abolish(ChangeRequest r, ChangeContext ctx) {
        Division d = locked(required(r.code(), "code"), "code");
        ctx.requireActive(d, "code");
        int version = ctx.expectedVersion(d);
        requireAfter(d, ctx);
        List<Division> kids = w.activeChildren(d.code());
        if (!kids.isEmpty()) {
            throw ApiException.conflict(d.code() + " still has " + kids.size() + " active children ("
                    + String.join(", ", kids.stream().limit(10).map(Division::code).toList())
                    + (kids.size() > 10 ? ", …" : "") + "); re-parent or merge them first, or use a merge");
        }
        List<String> succ = r.successors() == null ? List.of() : r.successors();
        for (int i = 0; i < succ.size(); i++) {
            Division s = locked(succ.get(i), "successors[" + i + "]");
            if (!s.active() || s.code().equals(d.code()) || s.level() != d.level()) {
                throw ApiException.badField("successors[" + i + "]", "must be another active unit of level " + d.level());
            }
        }
        Division before = d;
        if (!w.abolish(d.code(), version, ctx.date)) throw ApiException.staleVersion("division", d.code(), version);
        touch(ctx, d.code(), "abolished", before);
        for (String s : succ) {
            w.link(d.code(), s, ctx.eventId);
            w.eventUnit(ctx.eventId, s, "successor");
            ctx.codes.add(s);
        }
        if (succ.isEmpty()) ctx.notes.add(d.code() + " was abolished without successor: its code resolves to nothing");
    }

    private void rename(ChangeRequest r, ChangeContext ctx) {
        Division d = locked(required(r.code(), "code"), "code");
        String name = required(r.name(), "name").strip();
        ctx.requireActive(d, "code");
        int version = ctx.expectedVersion(d);
        ctx.requireNotBefore(d);
        if (name.equals(d.name())) throw ApiException.badField("name", "is already the name of " + d.code());
        String kind = DivisionNames.kindOf(d.level(), d.code(), name);
        if (!kind.equals(d.kind()) && !DivisionNames.kindMatchesRange(d.level(), d.code(), kind)) {
            ctx.notes.add("kind changes from " + d.kind() + " to " + kind + " but code " + d.code()
                    + " lies outside the " + kind + " range; a new code (abolish and establish) may be required");
        }
        String[] py = cn.civgeo.division.DivisionPinyin.of(name);
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", name);
        cols.put("short_name", DivisionNames.shortName(d.level(), name));
        cols.put("kind", kind);
        cols.put("pinyin", py[0]);
        cols.put("initials", py[1]);
        newVersion(d, version, cols, ctx);
        touch(ctx, d.code(), "renamed", d);
    }

    private void boundary(ChangeRequest r, Crs crs, ChangeContext ctx) {
        if (r.geometries() == null || r.geometries().isEmpty()) {
            throw ApiException.badField("geometries", "is required: the new geometry of each unit whose boundary changes");
        }
        List<byte[]> before = new ArrayList<>();
        List<byte[]> after = new ArrayList<>();
        Map<Division, byte[]> updates = new LinkedHashMap<>();
        for (Map.Entry<String, tools.jackson.databind.JsonNode> e : r.geometries().entrySet()) {
            String field = "geometries." + e.getKey();
            Division d = locked(e.getKey(), field);
            ctx.requireActive(d, field);
            ctx.expectedVersion(d);
            ctx.requireNotBefore(d);
            byte[] g = geo.read(e.getValue(), field, crs);
            before.add(w.geometry(d.code()));
            after.add(g);
            updates.put(d, g);
        }
        for (Map.Entry<Division, byte[]> e : updates.entrySet()) {
            Division d = e.getKey();
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("geom", e.getValue());
            cols.put("geom_source", "event:" + ctx.eventId);
            newVersion(d, d.version(), cols, ctx);
            touch(ctx, d.code(), "reshaped", d);
        }
        if (before.stream().allMatch(b -> b != null)) {
            double delta = w.area(w.union(after)) - w.area(w.union(before));
            ctx.notes.add(String.format("combined area of the listed units changes by %.1f m²", delta));
        }
    }

    // ---- merge, split, reparent ------------------------------------------------------------------------

    private void merge(ChangeRequest r, ChangeContext ctx) {
        Division survivor = locked(required(r.survivor(), "survivor"), "survivor");
        ctx.requireActive(survivor, "survivor");
        if (r.absorbed() == null || r.absorbed().isEmpty()) {
            throw ApiException.badField("absorbed", "must name the units merged into the survivor");
        }
        int sv = ctx.expectedVersion(survivor);
        ctx.requireNotBefore(survivor);
        List<Division> absorbed = absorbedUnits(r, survivor, ctx);
        List<byte[]> geoms = new ArrayList<>();
        geoms.add(w.geometry(survivor.code()));
        boolean allGeom = survivor.hasGeometry();
        long pop = nz(survivor.population()), hh = nz(survivor.households()), old = nz(survivor.elderly());
        boolean allPop = survivor.population() != null;
        for (Division a : absorbed) {
            for (Division kid : w.activeChildren(a.code())) geo.moveSubtree(kid, survivor.code(), null, ctx, this);
            byte[] ag = w.geometry(a.code());
            geoms.add(ag);
            allGeom &= ag != null;
            allPop &= a.population() != null;
            pop += nz(a.population());
            hh += nz(a.households());
            old += nz(a.elderly());
            if (ag != null && !a.parentCode().equals(survivor.parentCode())) {
                geo.shiftTerritory(ag, a.parentCode(), survivor.parentCode(), ctx, this);
            }
            if (!w.abolish(a.code(), a.version(), ctx.date)) throw ApiException.staleVersion("division", a.code(), a.version());
            w.link(a.code(), survivor.code(), ctx.eventId);
            touch(ctx, a.code(), "absorbed", a);
        }
        Division current = w.lock(survivor.code()).orElseThrow();
        Map<String, Object> cols = new LinkedHashMap<>();
        if (allGeom) {
            cols.put("geom", w.union(geoms));
            cols.put("geom_source", "event:" + ctx.eventId);
        } else if (geoms.stream().anyMatch(g -> g != null)) {
            ctx.notes.add("not every merged unit has geometry: the survivor's geometry is unchanged");
        }
        if (allPop) {
            cols.put("population", (int) pop);
            if (survivor.households() != null) cols.put("households", (int) hh);
            if (survivor.elderly() != null) cols.put("elderly", (int) old);
        }
        if (r.name() != null && !r.name().isBlank() && !r.name().strip().equals(survivor.name())) {
            putName(cols, survivor, r.name().strip());
        }
        if (current.version() != sv) sv = current.version(); // bumped by our own moves above, not by someone else
        if (!cols.isEmpty()) newVersion(current, sv, cols, ctx);
        touch(ctx, survivor.code(), "survivor", survivor);
    }

    /** The units a merge absorbs, locked: active, each once, not the survivor, of its level, version checked. */
    private List<Division> absorbedUnits(ChangeRequest r, Division survivor, ChangeContext ctx) {
        List<Division> absorbed = new ArrayList<>();
        for (int i = 0; i < r.absorbed().size(); i++) {
            String f = "absorbed[" + i + "]";
            Division a = locked(r.absorbed().get(i), f);
            ctx.requireActive(a, f);
            if (a.code().equals(survivor.code()) || absorbed.stream().anyMatch(x -> x.code().equals(a.code()))) {
                throw ApiException.badField(f, "names " + a.code() + " twice (or the survivor)");
            }
            if (a.level() != survivor.level()) throw ApiException.badField(f, "must be of the survivor's level " + survivor.level());
            ctx.expectedVersion(a);
            requireAfter(a, ctx);
            absorbed.add(a);
        }
        return absorbed;
    }

    /** The columns of a new name for {@code d}: name, short name, kind and pinyin. */
    private static void putName(Map<String, Object> cols, Division d, String name) {
        String[] py = cn.civgeo.division.DivisionPinyin.of(name);
        cols.put("name", name);
        cols.put("short_name", DivisionNames.shortName(d.level(), name));
        cols.put("kind", DivisionNames.kindOf(d.level(), d.code(), name));
        cols.put("pinyin", py[0]);
        cols.put("initials", py[1]);
    }

    private void split(ChangeRequest r, Crs crs, ChangeContext ctx) {
        Division src = locked(required(r.code(), "code"), "code");
        ctx.requireActive(src, "code");
        int version = ctx.expectedVersion(src);
        boolean keep = Boolean.TRUE.equals(r.keepSource());
        if (keep) ctx.requireNotBefore(src); else requireAfter(src, ctx);
        if (r.targets() == null || r.targets().isEmpty()) throw ApiException.badField("targets", "must name the new units");
        Division parent = w.lock(src.parentCode()).orElseThrow();
        byte[] srcGeom = w.geometry(src.code());
        Targets targets = insertTargets(r, crs, ctx, src, parent, srcGeom);
        assignChildren(r, src, keep, targets.byName(), ctx);
        for (String c : targets.codes()) {
            w.link(src.code(), c, ctx.eventId);
            touch(ctx, c, "target", null);
        }
        Division current = w.lock(src.code()).orElseThrow();
        if (keep) {
            Map<String, Object> cols = new LinkedHashMap<>();
            byte[] taken = w.union(targets.geoms());
            if (srcGeom != null && taken != null) {
                cols.put("geom", w.difference(srcGeom, taken));
                cols.put("geom_source", "event:" + ctx.eventId);
            }
            if (src.population() != null && targets.population() > 0) {
                cols.put("population", (int) Math.max(0, src.population() - targets.population()));
                ctx.notes.add("the source's population was reduced by the targets' population");
            }
            if (!cols.isEmpty()) newVersion(current, current.version(), cols, ctx);
            touch(ctx, src.code(), "source", src);
        } else {
            if (!w.abolish(src.code(), current.version(), ctx.date)) throw ApiException.staleVersion("division", src.code(), version);
            touch(ctx, src.code(), "source", src);
        }
    }

    /**
     * The new units of a split: their codes and geometry (null where none given) in request order, each code by
     * itself and by the unit's name, and their population summed.
     */
    private record Targets(List<String> codes, List<byte[]> geoms, Map<String, String> byName, long population) {}

    /** Inserts the split's targets under {@code parent}, each checked (name, geometry within the source, code). */
    private Targets insertTargets(ChangeRequest r, Crs crs, ChangeContext ctx, Division src, Division parent, byte[] srcGeom) {
        List<String> codes = new ArrayList<>();
        List<byte[]> tg = new ArrayList<>();
        Map<String, String> byName = new HashMap<>();
        long popTargets = 0;
        for (int i = 0; i < r.targets().size(); i++) {
            ChangeRequest.Target t = r.targets().get(i);
            String f = "targets[" + i + "]";
            String name = required(t.name(), f + ".name").strip();
            byte[] g = t.geometry() == null ? null : geo.read(t.geometry(), f + ".geometry", crs);
            if (g != null && srcGeom != null) geo.requireWithin(g, src, f + ".geometry");
            String code = newCode(parent, t.code(), name, f + ".code");
            if (codes.contains(code)) throw ApiException.badField(f + ".code", "is used by another target");
            w.insert(code, name, parent.code(), g, "event:" + ctx.eventId, t.population(), t.households(), t.elderly(),
                    t.urbanRural() != null ? t.urbanRural() : src.urbanRural(), ctx.date);
            codes.add(code);
            tg.add(g);
            byName.put(name, code);
            byName.put(code, code);
            popTargets += nz(t.population());
        }
        return new Targets(codes, tg, byName, popTargets);
    }

    /**
     * Moves the source's active children to the targets {@code childAssignments} names (by code or name); when the
     * source is abolished ({@code keep} false) every one of them needs a target.
     */
    private void assignChildren(ChangeRequest r, Division src, boolean keep, Map<String, String> byName, ChangeContext ctx) {
        Map<String, String> assign = r.childAssignments() == null ? Map.of() : r.childAssignments();
        List<Division> kids = w.activeChildren(src.code());
        List<String> unassigned = new ArrayList<>();
        for (Division k : kids) {
            String to = assign.get(k.code());
            if (to == null) {
                if (!keep) unassigned.add(k.code());
                continue;
            }
            String target = byName.get(to);
            if (target == null) throw ApiException.badField("childAssignments." + k.code(), "must name one of the targets (code or name)");
            geo.moveSubtree(k, target, null, ctx, this);
        }
        for (String c : assign.keySet()) {
            if (kids.stream().noneMatch(k -> k.code().equals(c))) {
                throw ApiException.badField("childAssignments." + c, "is not an active child of " + src.code());
            }
        }
        if (!unassigned.isEmpty()) {
            throw ApiException.badField("childAssignments", "the source is abolished, so every active child needs a target; "
                    + "unassigned: " + String.join(", ", unassigned.stream().limit(20).toList()));
        }
    }

    private void reparent(ChangeRequest r, ChangeContext ctx) {
        Division d = locked(required(r.code(), "code"), "code");
        ctx.requireActive(d, "code");
        ctx.expectedVersion(d);
        requireAfter(d, ctx);
        if (d.parentCode() == null) throw ApiException.badField("code", "a province has no parent to change");
        Division to = locked(required(r.parentCode(), "parentCode"), "parentCode");
        ctx.requireActive(to, "parentCode");
        Division from = w.lock(d.parentCode()).orElseThrow();
        if (to.code().equals(from.code())) throw ApiException.badField("parentCode", "is already the parent of " + d.code());
        if (to.level() != from.level()) throw ApiException.badField("parentCode", "must be a unit of level " + from.level());
        byte[] g = w.geometry(d.code());
        String newCode = geo.moveSubtree(d, to.code(), r.newCode(), ctx, this);
        if (g != null) geo.shiftTerritory(g, from.code(), to.code(), ctx, this);
        ctx.notes.add(d.code() + " is now " + newCode + " under " + to.code() + " " + to.name());
    }

    /**
     * County → county-level city or district (撤县设市, 撤县设区) as one event, as GB/T 2260 records it: the county's code
     * is abolished and the new code ({@code newCode}, in the range of the kind its new {@code name} implies) takes its
     * whole territory, figures and parent, with a predecessor → successor link; its towns and villages move under the
     * new code (same last digits where free), their old codes abolished with successor links. No territory changes
     * hands, so no ancestor is reshaped.
     */
    private void convert(ChangeRequest r, ChangeContext ctx) {
        Division d = locked(required(r.code(), "code"), "code");
        ctx.requireActive(d, "code");
        int version = ctx.expectedVersion(d);
        if (d.level() != 3) throw ApiException.badField("code", "must be a county-level unit (level 3) to convert");
        requireAfter(d, ctx);
        String name = required(r.name(), "name").strip();
        if (name.length() > 100) throw ApiException.badField("name", "must be at most 100 characters");
        String requested = required(r.newCode(), "newCode");
        Division parent = w.lock(d.parentCode()).orElseThrow();
        String code = newCode(parent, requested, name, "newCode");
        String kind = DivisionNames.kindOf(3, code, name);
        if (!DivisionNames.kindMatchesRange(3, code, kind)) {
            throw ApiException.badField("newCode", "code " + code + " is out of the number range for a " + kind);
        }
        if (kind.equals(d.kind()) && name.equals(d.name())) {
            throw ApiException.badField("name", "is the county's name and kind already: a convert changes the kind (…市 or …区)");
        }
        String[] py = cn.civgeo.division.DivisionPinyin.of(name);
        w.copyRenamed(d.code(), code, name, DivisionNames.shortName(3, name), kind, py[0], py[1], ctx.date);
        touch(ctx, code, "created", null); // first, so a feed consumer learns of the new parent before its towns
        for (Division kid : w.activeChildren(d.code())) geo.moveSubtree(kid, code, null, ctx, this);
        Division current = w.lock(d.code()).orElseThrow();
        if (current.version() != version) throw ApiException.staleVersion("division", d.code(), version);
        if (!w.abolish(d.code(), version, ctx.date)) throw ApiException.staleVersion("division", d.code(), version);
        w.link(d.code(), code, ctx.eventId);
        touch(ctx, d.code(), "abolished", d);
        ctx.notes.add(d.code() + " " + d.name() + " is now " + code + " " + name);
    }

    // ---- shared steps -----------------------------------------------------------------------------------

    /** A code for a new unit under {@code parent}: the requested one after checks, or the next free one. */
    String newCode(Division parent, String requested, String name, String field) {
        int level = requested != null ? DivisionNames.levelOf(requested) : parent.level() + 1;
        if (requested != null) {
            if (level < 0) throw ApiException.badField(field, "must be a division code of 6, 9 or 12 digits");
            String implied = DivisionNames.impliedParent(requested);
            boolean under = parent.code().equals(implied) || (level == 4 && requested.startsWith(parent.code()));
            if (!under || level <= parent.level()) throw ApiException.badField(field, "is not a code under " + parent.code());
            if (w.codeUsed(requested)) throw ApiException.duplicate("code " + requested + " is or was in use; codes are never reused");
            return requested;
        }
        if (level > 5) throw ApiException.badField(field, "villages (level 5) have no children");
        String prefix = DivisionWriteRepository.prefix(parent.code(), level);
        String placeholder = prefix + "0".repeat(DivisionWriteRepository.codeLength(level) - prefix.length());
        String kind = DivisionNames.kindOf(level, level == 2 ? placeholder.substring(0, 2) + "0100" : placeholder, name);
        return w.freeCode(parent.code(), level, kind, null).orElseThrow(() -> ApiException.conflict(
                "no free code left for a " + kind + " under " + parent.code()));
    }

    /** Closes the unit's current version and writes the new one. */
    void newVersion(Division d, int version, Map<String, Object> cols, ChangeContext ctx) {
        w.closeVersion(d.code(), ctx.date, ctx.eventId);
        if (!w.update(d.code(), version, ctx.date, cols)) throw ApiException.staleVersion("division", d.code(), version);
    }

    /** Records what happened to a unit: event link, audit (before → after), the touched list. */
    void touch(ChangeContext ctx, String code, String role, Division before) {
        Division after = w.lock(code).orElseThrow();
        w.eventUnit(ctx.eventId, code, role);
        if (before == null) audit.created("division", code, after); else audit.updated("division", code, before, after);
        ctx.touched.add(new ChangeResult.Touched(code, after.name(), role, after.status(), after.version()));
        ctx.codes.add(code);
    }

    Division locked(String code, String field) {
        if (DivisionNames.levelOf(code) < 0) throw ApiException.badField(field, "must be a division code of 6, 9 or 12 digits");
        return w.lock(code).orElseThrow(() -> ApiException.badField(field, "division " + code + " does not exist"));
    }

    /** Abolishing ends the current version: it must have begun before the effective date. */
    static void requireAfter(Division d, ChangeContext ctx) {
        ctx.requireNotBefore(d);
        if (d.validFrom() != null && !ctx.date.isAfter(d.validFrom())) {
            throw ApiException.conflict("division " + d.code() + " began on " + d.validFrom()
                    + "; it can be abolished or re-coded from the next day on");
        }
    }

    private static String required(String v, String field) {
        if (v == null || v.isBlank()) throw ApiException.badField(field, "is required");
        return v.strip();
    }

    private static long nz(Integer v) { return v == null ? 0 : v; }
}
