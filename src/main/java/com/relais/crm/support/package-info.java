/** Support cases opened by a negative reception: triage, resolution, the customer's confirmation, escalation. */
package com.relais.crm.support;
