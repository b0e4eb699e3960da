package com.relais.crm.notification;

/**
 * What people can be told about. Those marked "not yet" are accepted in preferences and rules but nothing raises
 * them until their capability lands (the contact plan, campaigns).
 */
public enum EventKind {
  STAGE_CHANGED("Stage changed"),
  DEAL_WON("Deal won"),
  DEAL_LOST("Deal lost"),
  DELIVERY_NOTE_SIGNED("Delivery note signed"),
  EXCHANGE_LOGGED("Exchange logged"),
  MEETING_REQUESTED("Meeting requested"),
  ATTACHMENT_ADDED("File added"),
  SUPPORT_CASE_OPENED("Support case opened"),
  SUPPORT_CASE_RESOLVED("Support case resolved"),
  TASK_ASSIGNED("Task assigned"),
  TASK_OVERDUE("Task overdue"),
  /** not yet */
  CONTACT_MISSED("Contact missed"),
  /** not yet */
  CAMPAIGN_REPLY("Campaign reply");

  final String label;

  EventKind(String label) {
    this.label = label;
  }
}
