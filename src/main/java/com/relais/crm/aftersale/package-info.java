/** After-sale: versioned task templates, the after-sale process started from them, reminders and access grants. */
package com.relais.crm.aftersale;
