package com.relais.crm.support;

public enum SupportCaseStatus {
  OPEN, TRIAGED, AWAITING_CONFIRMATION, REOPENED, RESOLVED
}
