package com.relais.crm.messaging;

/** How a message leaves the service. */
public enum Channel {
  EMAIL, SMS
}
