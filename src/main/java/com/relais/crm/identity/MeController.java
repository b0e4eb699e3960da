package com.relais.crm.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Me", description = "The caller's own profile: how the service reaches them (e-mail, SMS).")
class MeController {
  private final StaffDirectory directory;
  private final Teams teams;
  private final CurrentUser currentUser;

  MeController(StaffDirectory directory, Teams teams, CurrentUser currentUser) {
    this.directory = directory;
    this.teams = teams;
    this.currentUser = currentUser;
  }

  record Me(String userId, String firstName, String lastName, String email, String phone, Set<String> groups,
      Long teamId) {}

  /** What a user may change of their own profile; the phone is a mobile number in E.164 form (+33612345678). */
  record ContactChange(@Email @Size(max = 254) String email,
      @Pattern(regexp = "^\\+[1-9]\\d{6,14}$", message = "must be a phone number in E.164 form such as +33612345678")
      String phone) {}

  @GetMapping
  @Operation(summary = "The caller's profile")
  Me me() {
    var staff = directory.find(currentUser.id()).orElseThrow();
    return new Me(staff.userId(), staff.firstName(), staff.lastName(), staff.email(), staff.phone(),
        currentUser.groups(), teams.of(staff.userId()).map(Teams.Team::id).orElse(null));
  }

  @PutMapping
  @Operation(summary = "Change the caller's e-mail and mobile phone", description = "400 naming a malformed field;"
      + " a field left out or null removes the phone but keeps the e-mail.")
  Me change(@Valid @RequestBody ContactChange change) {
    directory.updateContact(currentUser.id(), change.email(), change.phone());
    return me();
  }
}
