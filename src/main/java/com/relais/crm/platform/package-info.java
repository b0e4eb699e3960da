/** What every capability's web layer shares: problem+json errors and the exceptions that map to them. */
package com.relais.crm.platform;
