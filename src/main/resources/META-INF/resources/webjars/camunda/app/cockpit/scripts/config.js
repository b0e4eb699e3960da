// Relais CRM: Cockpit settings. Replaces the webapp's default config.js (whose keys are all optional).
export default {
  customScripts: ['scripts/deal-story.js', 'scripts/relais-dashboard.js'],
  disableWelcomeMessage: true
};
