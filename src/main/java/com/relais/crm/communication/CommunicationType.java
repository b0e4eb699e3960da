package com.relais.crm.communication;

/** What kind of exchange it was (CONTRACT.md). */
public enum CommunicationType {
  CALL, LETTER, NOTE, MEETING, REPORT, TODO, EMAIL, SMS
}
