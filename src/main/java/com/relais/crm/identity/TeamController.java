package com.relais.crm.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/teams")
@Validated
@Tag(name = "Teams", description = "Teams of staff: a manager and members; each member of staff is in one team.")
class TeamController {
  private final Teams teams;

  TeamController(Teams teams) {
    this.teams = teams;
  }

  record TeamRequest(String name, String managerId, List<String> memberIds) {}

  @GetMapping
  @Operation(summary = "List the teams, by name")
  List<Teams.Team> list(@RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return teams.list(page, size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One team")
  Teams.Team get(@PathVariable long id) {
    return teams.get(id);
  }

  @PostMapping
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: create a team", description = "400 naming an unknown user; 409 for a taken name or"
      + " a member of another team.")
  ResponseEntity<Teams.Team> create(@RequestBody TeamRequest request) {
    Teams.Team team = teams.create(request.name(), request.managerId(), request.memberIds());
    return ResponseEntity.created(URI.create("/api/teams/" + team.id())).body(team);
  }

  @PutMapping("/{id}")
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: change a team's name, manager and members")
  Teams.Team change(@PathVariable long id, @RequestBody TeamRequest request) {
    return teams.change(id, request.name(), request.managerId(), request.memberIds());
  }
}
