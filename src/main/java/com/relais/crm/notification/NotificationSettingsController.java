package com.relais.crm.notification;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.StaffGroups;
import com.relais.crm.platform.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Following records, choosing how to be told, and (admins) the texts. */
@RestController
@Tag(name = "Notifications", description = "Following customers and deals, and how each person is told.")
class NotificationSettingsController {
  private final Subscriptions subscriptions;
  private final NotificationPreferences preferences;
  private final MessageTemplates templates;
  private final CurrentUser currentUser;

  NotificationSettingsController(Subscriptions subscriptions, NotificationPreferences preferences,
      MessageTemplates templates, CurrentUser currentUser) {
    this.subscriptions = subscriptions;
    this.preferences = preferences;
    this.templates = templates;
    this.currentUser = currentUser;
  }

  record Follow(Long customerId, Long opportunityId) {}

  @PostMapping("/api/subscriptions")
  @Operation(summary = "Follow a customer or a deal", description = "Give customerId or opportunityId. 201 the first"
      + " time, 200 when already followed; 404 for an unknown record, 403 for a deal the caller may not read.")
  ResponseEntity<Subscriptions.Subscription> follow(@RequestBody Follow follow) {
    var followed = subscriptions.follow(currentUser.id(), follow.customerId(), follow.opportunityId());
    return followed.created()
        ? ResponseEntity.created(URI.create("/api/subscriptions/" + followed.subscription().id()))
            .body(followed.subscription())
        : ResponseEntity.ok(followed.subscription());
  }

  record Mute(Long opportunityId) {}

  @PostMapping("/api/subscriptions/mute")
  @Operation(summary = "Stop being told of a deal, even as its owner or a task's assignee", description = "Following"
      + " the deal again, or deleting the muted subscription, undoes it. 404/403 as for following.")
  Subscriptions.Subscription mute(@RequestBody Mute mute) {
    if (mute.opportunityId() == null) {
      throw new InvalidFieldException("opportunityId", "opportunityId: name the deal to mute");
    }
    return subscriptions.mute(currentUser.id(), mute.opportunityId()).subscription();
  }

  @GetMapping("/api/subscriptions")
  @Operation(summary = "What the caller follows")
  List<Subscriptions.Subscription> mine() {
    return subscriptions.of(currentUser.id());
  }

  @DeleteMapping("/api/subscriptions/{id}")
  @Operation(summary = "Stop following", description = "Someone else's subscription is a 404 like a missing one.")
  ResponseEntity<Void> stop(@PathVariable long id) {
    subscriptions.stop(currentUser.id(), id);
    return ResponseEntity.noContent().build();
  }

  /** One kind's choice as the client sends it. */
  record PreferenceChange(@NotNull EventKind eventKind, @NotNull @Size(max = 4) Set<NotificationChannel> channels,
      NotificationPreferences.Digest digest) {}

  @GetMapping("/api/notification-preferences")
  @Operation(summary = "How the caller is told of each kind of event", description = "Without a choice: IN_APP,"
      + " no digest.")
  List<NotificationPreferences.Preference> preferences() {
    return preferences.all(currentUser.id());
  }

  @PutMapping("/api/notification-preferences")
  @Operation(summary = "Change how the caller is told of the kinds named", description = "Channels IN_APP, EMAIL,"
      + " SMS, TASK; digest NONE or DAILY (e-mails of that kind gathered into one mail a day). Kinds not named keep"
      + " their choice. An unknown kind or channel is a 400 and nothing changes.")
  List<NotificationPreferences.Preference> changePreferences(@RequestBody List<PreferenceChange> changes) {
    for (PreferenceChange change : changes) {
      if (change == null || change.eventKind() == null) {
        throw new InvalidFieldException("eventKind", "eventKind: each choice names an event kind");
      }
      if (change.channels() == null || change.channels().contains(null)) {
        throw new InvalidFieldException("channels", "channels: a list of IN_APP, EMAIL, SMS, TASK (may be empty)");
      }
    }
    return preferences.change(currentUser.id(), changes.stream()
        .map(c -> new NotificationPreferences.Preference(c.eventKind(), c.channels(),
            c.digest() == null ? NotificationPreferences.Digest.NONE : c.digest()))
        .toList());
  }

  record TemplateChange(@Size(max = 300) String subject, @NotNull @Size(min = 1, max = 4000) String body) {}

  @GetMapping("/api/message-templates")
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: the texts of every event kind and channel", description = "builtIn says whether"
      + " the service's own text applies.")
  List<MessageTemplates.Template> templates() {
    return templates.all();
  }

  @PutMapping("/api/message-templates/{eventKind}/{channel}")
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: replace a text", description = "Merge fields in {{name}} form; an unknown field is"
      + " a 400 naming it.")
  MessageTemplates.Template changeTemplate(@PathVariable EventKind eventKind, @PathVariable NotificationChannel channel,
      @Valid @RequestBody TemplateChange change) {
    return templates.change(eventKind, channel, change.subject(), change.body());
  }

  @DeleteMapping("/api/message-templates/{eventKind}/{channel}")
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: go back to the service's own text")
  MessageTemplates.Template resetTemplate(@PathVariable EventKind eventKind,
      @PathVariable NotificationChannel channel) {
    return templates.reset(eventKind, channel);
  }
}
