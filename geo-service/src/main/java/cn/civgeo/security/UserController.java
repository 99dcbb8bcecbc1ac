package cn.civgeo.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users")
@PreAuthorize("hasRole('ADMIN')")
class UserController {
    private final UserService users;

    UserController(UserService users) { this.users = users; }

    @GetMapping
    List<UserAccount> list() { return users.all(); }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id) { return users.get(id); }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user with roles ADMIN, SURVEYOR, PLANNER and/or VIEWER")
    UserAccount create(@RequestBody UserService.NewUser body) { return users.create(body); }

    @PutMapping("/{id}")
    @Operation(summary = "Change a user; 'version' must be the version you read (409 otherwise)")
    UserAccount update(@PathVariable long id, @RequestBody UserService.UserChange body) { return users.update(id, body); }
}
