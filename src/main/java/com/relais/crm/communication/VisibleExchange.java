package com.relais.crm.communication;

/**
 * The private-exchange rule for queries written in SQL (the quick search's words, the timeline), where
 * {@link CommunicationRepository#visibleTo} (a JPA criterion) cannot go: shared, or private and written by or
 * assigned to the user, or the user is an admin. One text, so the two cannot drift apart.
 */
public final class VisibleExchange {
  /** For an exchange aliased {@code c}; binds {@code :user} (the user id) and {@code :admin} (a boolean). */
  public static final String SQL = """
      (:admin = true or c.private_entry = false or c.author = :user
       or exists (select 1 from communication_assignee ca where ca.communication_id = c.id and ca.user_id = :user))""";

  private VisibleExchange() {}
}
