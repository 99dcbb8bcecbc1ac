package cn.civgeo.boundary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/boundary")
@Tag(name = "Boundary lines")
class BoundarySearchController {
    private final BoundarySearchService search;

    BoundarySearchController(BoundarySearchService search) { this.search = search; }

    @GetMapping("/search")
    @Operation(summary = "Find lines by code or name (思明区—湖里区线, any dash) and markers by number, with a point and extent to show them")
    List<BoundarySearchService.Hit> search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
        return search.search(q, limit);
    }
}
