/** In-app notifications of the current user: reminders and other things that need a person's eye. */
package com.relais.crm.notification;
