/**
 * Division adjustments (issue #19): proposals kept apart from the registry, the impact report computed before
 * approval, approval as today's change events through {@code cn.civgeo.division.change.DivisionChangeService}, and
 * the follow-up tasks approval opens (re-demarcation, address recoding as a durable job, renaming duplicates).
 *
 * <p>How the impact is computed: the proposal's steps are applied to the registry inside a transaction that is
 * always rolled back (a dry run through the division feature's own change service, so the report shows exactly what
 * approval would write); figures are read through the owners' public views ({@code division_public},
 * {@code facility_public}, {@code address_public}, {@code boundary_line_public}, {@code boundary_marker_public},
 * {@code place_name_public_*}) and services ({@code IndicatorService}, {@code CoverageService}, {@code NameCheckService},
 * {@code ApiUseService}), never their tables. Facilities that change division are moved into the unit containing
 * them through {@code FacilityService} inside the same transaction (rolled back with the dry run, committed with the
 * approval), so the "after" indicators count them where they lie. On approval the successors of merges and converts get
 * demographics rows for the approval year, the sum of their predecessors' ({@code SuccessorDemographics}, written by
 * {@code DemographicsService.carryToSuccessor}, audited; a row already entered for the year is kept).
 *
 * <p>SRID 4490 (CGCS2000); areas in km² on the ellipsoid (geography), distances in metres on the ellipsoid.
 * Population, households and elderly of a unit are its registry figures, else the sum of its children's.
 */
package cn.civgeo.adjustment;
